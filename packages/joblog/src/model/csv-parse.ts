import type { IsoDate } from './entry.js';
import type { CsvSeparator } from './csv-format.js';
import { isIsoDate } from './weeks.js';

export interface ParsedCsv {
  rows: string[][];
  separator: CsvSeparator;
  /** The row where a quoted cell was never closed (the rest of the file became that cell), or `null`. */
  unclosedQuoteRow: number | null;
}

/** The separator of the first row (outside quotes): the most frequent of `;`, `,` and tab (`;` on a tie). */
function detectSeparator(text: string): CsvSeparator {
  const counts = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && (char === ';' || char === ',' || char === '\t')) counts[char]++;
  }
  if (counts[','] > counts[';'] && counts[','] >= counts['\t']) return ',';
  if (counts['\t'] > counts[';'] && counts['\t'] > counts[',']) return '\t';
  return ';';
}

/** RFC 4180 rows: quoted cells with `""`, separators and line breaks inside; CRLF, LF or CR rows; a BOM is skipped. */
export function parseCsv(text: string, separator?: CsvSeparator): ParsedCsv {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const sep = separator ?? detectSeparator(source);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let quoteStartRow = 0;
  let index = 0;
  const endRow = (): void => {
    row.push(cell);
    rows.push(row);
    row = [];
    cell = '';
  };
  while (index < source.length) {
    const char = source[index] ?? '';
    if (quoted) {
      const close = source.indexOf('"', index);
      if (close === -1) {
        cell += source.slice(index);
        break;
      }
      cell += source.slice(index, close);
      if (source[close + 1] === '"') {
        cell += '"';
        index = close + 2;
      } else {
        quoted = false;
        index = close + 1;
      }
      continue;
    }
    if (char === '"' && cell === '') {
      quoted = true;
      quoteStartRow = rows.length + 1;
    } else if (char === sep) {
      row.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[index + 1] === '\n') index++;
      endRow();
    } else cell += char;
    index++;
  }
  if (quoted || cell !== '' || row.length > 0) endRow();
  return { rows, separator: sep, unclosedQuoteRow: quoted ? quoteStartRow : null };
}

/**
 * A date as people write them: `2026-03-24` (also with a time after it), or Danish `24-03-2026`, `24.03.2026`,
 * `24/3/2026`, with a two-digit year taken as 20yy. `null` when it is none of these or not a real date.
 */
export function parseDate(text: string): IsoDate | null {
  const value = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$/.exec(value);
  const danish = iso === null ? /^(\d{1,2})[-./](\d{1,2})[-./](\d{2}|\d{4})$/.exec(value) : null;
  let year: string;
  let month: string;
  let day: string;
  if (iso !== null) [, year = '', month = '', day = ''] = iso;
  else if (danish !== null) {
    [, day = '', month = '', year = ''] = danish;
    if (year.length === 2) year = `20${year}`;
  } else return null;
  const date = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isIsoDate(date) ? date : null;
}
