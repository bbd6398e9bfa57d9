import { expect } from '@open-wc/testing';
import { CAPTION_BACKGROUNDS, CAPTION_COLOURS, DEFAULT_CAPTION_SETTINGS, readableCaptions } from '../src/caption-settings.js';

describe('caption settings stay readable', () => {
  it('black text gets a white background; a white background gets black text', () => {
    expect(readableCaptions(DEFAULT_CAPTION_SETTINGS, { colour: 'black' })).to.include({ colour: 'black', background: 'white' });
    expect(readableCaptions(DEFAULT_CAPTION_SETTINGS, { background: 'white' })).to.include({ colour: 'black', background: 'white' });
  });

  it('light text on a white background moves the background back to black', () => {
    const blackOnWhite = { ...DEFAULT_CAPTION_SETTINGS, colour: 'black' as const, background: 'white' as const };
    expect(readableCaptions(blackOnWhite, { colour: 'yellow' })).to.include({ colour: 'yellow', background: 'black' });
  });

  it('keeps what the citizen chose when it is readable, and never ends unreadable', () => {
    expect(readableCaptions(DEFAULT_CAPTION_SETTINGS, { colour: 'cyan', background: 'translucent' })).to.include({ colour: 'cyan', background: 'translucent' });
    for (const colour of CAPTION_COLOURS) {
      for (const background of CAPTION_BACKGROUNDS) {
        for (const change of [{ colour }, { background }, { colour, background }]) {
          const result = readableCaptions({ ...DEFAULT_CAPTION_SETTINGS, colour, background }, change);
          const light = result.colour !== 'black';
          expect(light ? result.background !== 'white' : result.background === 'white', JSON.stringify([colour, background, change, result])).to.equal(true);
        }
      }
    }
  });
});
