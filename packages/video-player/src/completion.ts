// When a video counts as completed: enough unique seconds watched, or the whole transcript read.
import { uniqueSeconds, type Range } from './watched-ranges.js';

/** Roughly how fast people read running text. */
export const READING_WORDS_PER_MINUTE = 250;
/** However long the transcript, reading it never has to take longer than this to count. */
export const MAX_READING_SECONDS = 300;

/** True when the unique seconds watched reach `threshold` (0–1) of `duration`. */
export function watchedEnough(ranges: readonly Range[], duration: number, threshold: number): boolean {
  if (!(duration > 0)) return false;
  const share = Math.min(1, Math.max(0, threshold));
  // A hair of tolerance: the last time update comes a fraction of a second before the end.
  return uniqueSeconds(ranges) >= share * duration - 0.5;
}

/** The number of words in `texts`. */
export function countWords(texts: readonly string[]): number {
  return texts.reduce((total, text) => total + (text.match(/\S+/g)?.length ?? 0), 0);
}

/** How long the transcript must be open (seconds) before reading it counts: its words at 250 a minute, capped. */
export function readingSeconds(words: number): number {
  return Math.min(MAX_READING_SECONDS, (words / READING_WORDS_PER_MINUTE) * 60);
}

/** True when every cue has been on screen and the transcript was open long enough to read it. */
export function transcriptRead(seenCues: number, totalCues: number, openSeconds: number, words: number): boolean {
  return totalCues > 0 && seenCues >= totalCues && openSeconds >= readingSeconds(words);
}
