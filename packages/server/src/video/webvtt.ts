// A small, forgiving WebVTT reader for the search index: the header, optional cue ids, timings with settings,
// multi-line cue text, NOTE/STYLE/REGION blocks skipped, tags such as <v Name>, <i>, <c.x> and <00:01.000>
// removed and the common character references decoded. A UTF-8 BOM and CRLF/CR line ends are accepted.

export interface VttCue {
  id: string | null;
  start: number;
  end: number;
  /** The cue's text as plain text (lines joined with a space). */
  text: string;
}

export class VttError extends Error {
  override name = 'VttError';
}

const TIMESTAMP = /^(?:(\d{1,}):)?([0-5]\d):([0-5]\d)[.,](\d{3})$/;

/** `hh:mm:ss.ttt` or `mm:ss.ttt` in seconds; `undefined` when it is not a timestamp. */
export function parseTimestamp(text: string): number | undefined {
  const match = TIMESTAMP.exec(text.trim());
  if (match === null) return undefined;
  const [, hours = '0', minutes = '0', seconds = '0', millis = '0'] = match;
  return Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds) + Number(millis) / 1000;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: '\'', nbsp: ' ', lrm: '', rlm: '' };

/** Cue text without markup: tags removed, character references decoded, whitespace collapsed. */
export function cueText(raw: string): string {
  return raw
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** Parses a WebVTT file; throws a VttError naming the line when it is not WebVTT or a timing is broken. */
export function parseWebVtt(source: string): VttCue[] {
  const lines = source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const header = lines[0] ?? '';
  if (!/^WEBVTT(?:[ \t].*)?$/.test(header)) throw new VttError('line 1: a WebVTT file starts with "WEBVTT"');
  const cues: VttCue[] = [];
  let index = 1;
  // The header block ends at the first blank line.
  while (index < lines.length && (lines[index] ?? '').trim() !== '') index++;
  while (index < lines.length) {
    while (index < lines.length && (lines[index] ?? '').trim() === '') index++;
    if (index >= lines.length) break;
    const blockStart = index;
    const block: string[] = [];
    while (index < lines.length && (lines[index] ?? '').trim() !== '') block.push(lines[index++] ?? '');
    const first = block[0] ?? '';
    if (/^(NOTE|STYLE|REGION)(?:[ \t]|$)/.test(first)) continue;
    const timingAt = block.findIndex((line) => line.includes('-->'));
    if (timingAt === -1 || timingAt > 1) throw new VttError(`line ${String(blockStart + 1)}: a cue needs a timing line "00:00:01.000 --> 00:00:04.000"`);
    const timing = block[timingAt] ?? '';
    const [left = '', right = ''] = timing.split('-->');
    const start = parseTimestamp(left);
    const end = parseTimestamp(right.trim().split(/[ \t]+/)[0] ?? '');
    if (start === undefined || end === undefined) throw new VttError(`line ${String(blockStart + timingAt + 1)}: the timing "${timing.trim()}" is not "hh:mm:ss.ttt --> hh:mm:ss.ttt"`);
    if (end < start) throw new VttError(`line ${String(blockStart + timingAt + 1)}: the cue ends before it starts`);
    const text = cueText(block.slice(timingAt + 1).join('\n'));
    cues.push({ id: timingAt === 1 ? first.trim() : null, start, end, text });
  }
  return cues;
}
