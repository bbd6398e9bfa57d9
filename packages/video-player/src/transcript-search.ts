// Search inside what is said: which cues contain the words, and where, so they can be marked.
import type { Cue } from './vtt.js';

/** A piece of cue text, marked when it is part of a match. */
export interface TextPiece {
  text: string;
  match: boolean;
}

const normalize = (text: string): string => text.toLocaleLowerCase();

/** The indexes of the cues that contain `query` (case-insensitive); none for an empty query. */
export function findMatches(cues: readonly Cue[], query: string): number[] {
  const needle = normalize(query.trim());
  if (needle === '') return [];
  return cues.flatMap((cue, index) => (normalize(cue.text).includes(needle) ? [index] : []));
}

/** `text` split into pieces, with every occurrence of `query` marked. */
export function markMatches(text: string, query: string): TextPiece[] {
  const needle = normalize(query.trim());
  const haystack = normalize(text);
  // Lower-casing a few letters changes the length (e.g. "İ"); then marking by offset would be wrong, so do not mark.
  if (needle === '' || haystack.length !== text.length) return [{ text, match: false }];
  const pieces: TextPiece[] = [];
  let from = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) {
    if (at > from) pieces.push({ text: text.slice(from, at), match: false });
    pieces.push({ text: text.slice(at, at + needle.length), match: true });
    from = at + needle.length;
  }
  if (from < text.length) pieces.push({ text: text.slice(from), match: false });
  return pieces;
}

/** The transcript as plain text for copying and downloading: the title, then one line per cue with its time. */
export function transcriptText(cues: readonly Cue[], title: string | undefined, formatTime: (seconds: number) => string): string {
  const lines = cues.map((cue) => `[${formatTime(cue.start)}] ${cue.text.replace(/\n/g, ' ')}`);
  return `${title ? `${title}\n\n` : ''}${lines.join('\n')}\n`;
}
