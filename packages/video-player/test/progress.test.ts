import { expect } from '@open-wc/testing';
import { countWords, readingSeconds, transcriptRead, watchedEnough } from '../src/completion.js';
import { mergeProgress, worthResuming } from '../src/progress-sync.js';
import { WatchTracker, addRange, mergeRanges, uniqueSeconds } from '../src/watched-ranges.js';
import { commandForKey, nextSpeed } from '../src/keyboard.js';
import { defaultRendition, mediaUrl, sourceFromVideo } from '../src/media-source.js';
import { findMatches, markMatches, transcriptText } from '../src/transcript-search.js';
import { formatTime } from '../src/time.js';
import { aVideo } from './support/player-helpers.js';

/** Plays from `from` to `to` in time updates of `step` media seconds. */
function play(tracker: WatchTracker, from: number, to: number, step = 0.25, rate = 1): void {
  tracker.resume(from);
  for (let time = from + step; time <= to + 1e-9; time += step) tracker.tick(Math.min(time, to), rate);
}

describe('watched ranges', () => {
  it('merges overlapping and touching ranges and counts unique seconds', () => {
    expect(mergeRanges([[0, 10], [20, 30]], [[5, 12], [30, 31], [40, 40]])).to.deep.equal([[0, 12], [20, 31]]);
    expect(addRange([[0, 10]], 15, 12)).to.deep.equal([[0, 10], [12, 15]]);
    expect(uniqueSeconds([[0, 10], [5, 15], [20, 25]])).to.equal(20);
  });

  it('counts each second once when the citizen seeks back and forth', () => {
    const tracker = new WatchTracker();
    play(tracker, 0, 30);
    tracker.interrupt(); // seek back
    play(tracker, 10, 40); // 10–30 again, 30–40 new
    tracker.interrupt(); // seek forward, skipping 40–80
    play(tracker, 80, 90);
    expect(tracker.ranges).to.deep.equal([[0, 40], [80, 90]]);
    expect(tracker.watchedSeconds).to.be.closeTo(50, 1e-6);
  });

  it('does not count a jump without a seek event, nor a step back', () => {
    const tracker = new WatchTracker();
    play(tracker, 0, 5);
    tracker.tick(60); // a jump of 55 s
    tracker.tick(61);
    tracker.tick(59); // backwards
    expect(tracker.ranges).to.deep.equal([[0, 5], [60, 61]]);
  });

  it('counts media seconds at 2× speed (bigger steps are still plausible)', () => {
    const tracker = new WatchTracker();
    play(tracker, 0, 20, 3, 2); // 3 s of media per update at 2× is playing, not seeking
    expect(tracker.watchedSeconds).to.be.closeTo(18, 1e-6);
    const slow = new WatchTracker();
    play(slow, 0, 20, 3, 1); // the same steps at 1× are jumps
    expect(slow.watchedSeconds).to.equal(0);
  });
});

describe('completion', () => {
  it('is reached at the threshold of unique seconds', () => {
    expect(watchedEnough([[0, 80]], 100, 0.9)).to.equal(false);
    expect(watchedEnough([[0, 50], [55, 95]], 100, 0.9)).to.equal(true);
    expect(watchedEnough([[0, 50]], 100, 0.5)).to.equal(true);
    expect(watchedEnough([[0, 50]], 0, 0.5)).to.equal(false);
  });

  it('counts a transcript as read when every line was seen and it was open for the reading time', () => {
    expect(countWords(['Hej og velkommen.', ' Her  ser du '])).to.equal(6);
    expect(readingSeconds(250)).to.equal(60);
    expect(readingSeconds(100_000)).to.equal(300);
    expect(transcriptRead(4, 4, 2.5, 10)).to.equal(true); // 10 words take 2.4 s
    expect(transcriptRead(3, 4, 200, 10)).to.equal(false);
    expect(transcriptRead(4, 4, 1, 10)).to.equal(false);
  });
});

describe('resume', () => {
  it('merges device and server: the later position, the union of ranges, completed if either is', () => {
    expect(mergeProgress({ position: 12, watched: [[0, 12]], completed: false }, { position: 40, watched: [[30, 40]], completed: true }))
      .to.deep.equal({ position: 40, watched: [[0, 12], [30, 40]], completed: true });
    expect(mergeProgress(undefined, undefined)).to.equal(undefined);
  });

  it('offers to continue only past 5 s and not near the end', () => {
    expect(worthResuming(4, 100)).to.equal(false);
    expect(worthResuming(30, 100)).to.equal(true);
    expect(worthResuming(97, 100)).to.equal(false);
  });
});

describe('sources', () => {
  it('resolves relative URLs against the API base and refuses other schemes', () => {
    const video = aVideo({
      posterUrl: 'javascript:alert(1)',
      renditions: [{ kind: 'standard', url: 'media/videos/x/video.mp4', type: 'video/mp4', bytes: 1 }, { kind: 'small', url: 'data:video/mp4,xx', type: 'video/mp4', bytes: 1 }],
      tracks: [{ kind: 'captions', language: 'da', label: 'Dansk', url: 'https://cdn.example/da.vtt' }],
    });
    const source = sourceFromVideo(video, new URL('https://api.example/jobunivers/'));
    expect(source.renditions.map((rendition) => rendition.url)).to.deep.equal(['https://api.example/jobunivers/media/videos/x/video.mp4']);
    expect(source.tracks[0]?.url).to.equal('https://cdn.example/da.vtt');
    expect(source.poster).to.equal(undefined);
    expect(mediaUrl('file:///etc/passwd', 'https://a.example/')).to.equal(undefined);
  });

  it('starts with the small rendition when the citizen saves data', () => {
    const renditions = sourceFromVideo(aVideo(), new URL('https://api.example/')).renditions;
    expect(defaultRendition(renditions, true)?.kind).to.equal('small');
    expect(defaultRendition(renditions, false)?.kind).to.equal('standard');
  });
});

describe('keyboard map, search and text', () => {
  it('maps keys to commands and leaves modified keys to the browser', () => {
    const key = (name: string, modifiers = {}) => commandForKey({ key: name, ctrlKey: false, metaKey: false, altKey: false, ...modifiers });
    expect(key(' ')?.action).to.equal('play');
    expect(key('K')?.action).to.equal('play');
    expect(key('ArrowLeft')?.action).to.equal('back');
    expect(key('7')).to.deep.equal({ action: 'jump', fraction: 0.7 });
    expect(key('f', { ctrlKey: true })).to.equal(undefined);
    expect(key('x')).to.equal(undefined);
    expect(nextSpeed(1, 1)).to.equal(1.25);
    expect(nextSpeed(2, 1)).to.equal(2);
    expect(nextSpeed(0.5, -1)).to.equal(0.5);
  });

  it('finds and marks matches case-insensitively and builds the text file', () => {
    const cues = [{ start: 0, end: 1, text: 'Gem Jobloggen' }, { start: 61, end: 62, text: 'Intet her' }, { start: 3725, end: 3726, text: 'jobloggen igen, jobloggen' }];
    expect(findMatches(cues, ' JOBLOG ')).to.deep.equal([0, 2]);
    expect(findMatches(cues, '')).to.deep.equal([]);
    expect(markMatches('jobloggen igen, Jobloggen', 'jobloggen')).to.deep.equal([
      { text: 'jobloggen', match: true }, { text: ' igen, ', match: false }, { text: 'Jobloggen', match: true },
    ]);
    expect(formatTime(3725)).to.equal('1:02:05');
    expect(transcriptText(cues.slice(0, 2), 'Titel', formatTime)).to.equal('Titel\n\n[0:00] Gem Jobloggen\n[1:01] Intet her\n');
  });
});
