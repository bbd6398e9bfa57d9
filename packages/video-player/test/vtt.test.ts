import { expect } from '@open-wc/testing';
import { activeCueIndex, chapterIndexAt, cueText, parseTimestamp, parseVtt } from '../src/vtt.js';

describe('WebVTT parser', () => {
  it('reads cues with and without identifiers, hours and settings, sorted by start', () => {
    const cues = parseVtt('\uFEFFWEBVTT - a title\r\n\r\nNOTE a comment\r\nover two lines\r\n\r\n2\r\n00:00:05.000 --> 00:00:07.250 align:start line:90%\r\nSecond\r\n\r\n1\r\n00:01.000 --> 00:02.500\r\nFirst line\r\nsecond line\r\n');
    expect(cues).to.deep.equal([
      { start: 1, end: 2.5, text: 'First line\nsecond line' },
      { start: 5, end: 7.25, text: 'Second' },
    ]);
  });

  it('strips tags and decodes entities, so cue text is plain text', () => {
    expect(cueText('<v Anna>Hej <b>&amp;</b> <c.yellow>farvel</c> &lt;script&gt; &#x41;&#66;</v>')).to.equal('Hej & farvel <script> AB');
    expect(parseVtt('WEBVTT\n\n00:00.000 --> 00:01.000\n<00:00.500>Tid <i>nu</i>')[0]?.text).to.equal('Tid nu');
  });

  it('skips STYLE and REGION blocks, malformed timings and empty cues instead of failing the file', () => {
    const cues = parseVtt('WEBVTT\n\nSTYLE\n::cue { color: red }\n\nREGION\nid:x\n\n00:00.000 --> nonsense\nBad\n\n00:02.000 --> 00:01.000\nBackwards\n\n00:03.000 --> 00:04.000\n\n\n00:05.000 --> 00:06.000\nGood');
    expect(cues).to.deep.equal([{ start: 5, end: 6, text: 'Good' }]);
  });

  it('accepts a comma before the milliseconds (files converted from SRT)', () => {
    expect(parseTimestamp('01:02:03,500')).to.equal(3723.5);
    expect(parseVtt('WEBVTT\n\n00:00:01,000 --> 00:00:02,000\nSRT-ish')[0]?.start).to.equal(1);
  });

  it('finds the cue showing and the chapter running at a time', () => {
    const cues = parseVtt('WEBVTT\n\n00:00.000 --> 00:02.000\nA\n\n00:03.000 --> 00:05.000\nB');
    expect(activeCueIndex(cues, 1)).to.equal(0);
    expect(activeCueIndex(cues, 2.5)).to.equal(-1);
    expect(activeCueIndex(cues, 4)).to.equal(1);
    expect(chapterIndexAt(cues, 2.5)).to.equal(0);
    expect(chapterIndexAt(cues, 10)).to.equal(1);
  });
});
