// A small, forgiving WebVTT reader: enough for captions, chapters and descriptions written by people and tools.
// Cue text comes back as plain text (tags removed, entities decoded); it is always rendered as text.

/** One cue: from `start` to `end` seconds, its text with tags removed (lines joined by "\n"). */
export interface Cue {
  start: number;
  end: number;
  text: string;
}

const TIMING = /^\s*((?:\d+:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?)\s+-->\s+((?:\d+:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?)/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', lrm: '\u200e', rlm: '\u200f' };

/** Seconds in a WebVTT timestamp (`01:02:03.500` or `02:03.500`; a comma is accepted for SRT-minded tools). */
export function parseTimestamp(value: string): number {
  const parts = value.replace(',', '.').split(':').map(Number);
  return parts.reduce((total, part) => total * 60 + part, 0);
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name.charAt(1).toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Removes cue tags (`<b>`, `<v Anna>`, `<00:01.000>`, `<c.yellow>`) and decodes entities. */
export function cueText(raw: string): string {
  return decodeEntities(raw.replace(/<[^>]*>/g, '')).split('\n').map((line) => line.trim()).filter(Boolean).join('\n');
}

/** The cues of a WebVTT file, sorted by start. Malformed blocks are skipped rather than failing the whole file. */
export function parseVtt(source: string): Cue[] {
  const blocks = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/);
  const cues: Cue[] = [];
  for (const block of blocks) {
    const lines = block.split('\n');
    const timingLine = lines.findIndex((line) => line.includes('-->'));
    // NOTE, STYLE and REGION blocks and the header have no timing line; a NOTE containing "-->" is not allowed.
    if (timingLine < 0 || /^(NOTE|STYLE|REGION)\b/.test(lines[0] ?? '')) continue;
    const timing = TIMING.exec(lines[timingLine] ?? '');
    if (!timing?.[1] || !timing[2]) continue;
    const start = parseTimestamp(timing[1]);
    const end = parseTimestamp(timing[2]);
    const text = cueText(lines.slice(timingLine + 1).join('\n'));
    if (!Number.isFinite(start) || !(end >= start) || text === '') continue;
    cues.push({ start, end, text });
  }
  return cues.sort((a, b) => a.start - b.start);
}

/** The index of the cue showing at `time` (the latest one to start), or -1. */
export function activeCueIndex(cues: readonly Cue[], time: number): number {
  for (let index = cues.length - 1; index >= 0; index--) {
    const cue = cues[index];
    if (cue.start <= time && time < cue.end) return index;
  }
  return -1;
}

/** The index of the chapter at `time`: the last one that started (chapters run until the next one). */
export function chapterIndexAt(chapters: readonly Cue[], time: number): number {
  let found = -1;
  chapters.forEach((chapter, index) => { if (chapter.start <= time + 0.001) found = index; });
  return found;
}
