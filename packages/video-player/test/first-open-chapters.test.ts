import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { $, $$, until } from './support/player-helpers.js';
import { expectNotLoaded, readyPlayer, watchBusy } from './support/first-open.js';

describe('<ju-video-player> chapters, opened the first time by keyboard', () => {
  it('loads the list with its styles; the button is busy meanwhile and keeps the focus', async () => {
    const el = await readyPlayer();
    expectNotLoaded(el);
    const button = $<HTMLButtonElement>(el, 'button[aria-controls="chapters"]');
    button.focus();
    const busy = watchBusy(button);
    await sendKeys({ press: 'Space' });
    await until(el, '.chapters li');
    busy.stop();
    expect(busy.values).to.deep.equal(['true', null]);
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(el.shadowRoot?.activeElement).to.equal(button);
    expect($(el, '#chapters-title').textContent).to.equal('Kapitler');
    expect($$(el, '.chapters li').map((li) => li.textContent.replace(/\s+/g, ' ').trim())).to.deep.equal(['0:00Velkommen', '0:03Udfyld jobloggen']);
    expect(getComputedStyle($(el, '.chapters')).listStyleType).to.equal('none');
    expect(getComputedStyle($(el, '.chapters .line')).display).to.equal('flex');
  });
});
