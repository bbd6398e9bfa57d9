import { newEntry, type JoblogEntry } from '../model/entry.js';
import { sameEntryKey as sameKey } from '../model/duplicates.js';
import { checkEntry } from './entry-checks.js';

/** The columns of the CSV file, in order: the entry's own field names, so a file reads back whatever language wrote it. */
export const CSV_COLUMNS = [
  'id', 'type', 'title', 'employer', 'postalCode', 'town', 'hoursPerWeek', 'applicationKind', 'method', 'activityKind',
  'source', 'sourceUrl', 'date', 'deadline', 'status', 'outcome', 'notes', 'cv',
] as const;
type Column = (typeof CSV_COLUMNS)[number];

/** A cell a spreadsheet would run as a formula gets a leading `'`. */
const neutralise = (text: string): string => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
const cell = (text: string): string => {
  const safe = neutralise(text);
  return /[",\n\r;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

function value(entry: JoblogEntry, column: Column): string {
  if (column === 'cv') return entry.cv === null ? '' : entry.cv.name;
  const raw = entry[column];
  return raw === null ? '' : String(raw);
}

/** The joblog as CSV (UTF-8 with BOM so spreadsheets read æøå; CRLF rows). */
export function entriesToCsv(entries: readonly JoblogEntry[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const entry of entries) lines.push(CSV_COLUMNS.map((column) => cell(value(entry, column))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** RFC 4180 rows (quotes, doubled quotes, CRLF or LF), separator `,` or `;`. */
export function parseRows(text: string): string[][] {
  const source = text.replace(/^\uFEFF/, '');
  const firstLine = source.split(/\r?\n/, 1)[0] ?? '';
  const separator = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < source.length; index++) {
    const char = source[index];
    if (quoted) {
      if (char === '"' && source[index + 1] === '"') { field += '"'; index++; }
      else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === separator) { row.push(field); field = ''; }
    else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[index + 1] === '\n') index++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) { row.push(field); rows.push(row); }
  return rows.filter((cells) => cells.some((text) => text.trim() !== ''));
}

export interface CsvRowProblem {
  /** 1-based line in the file (the header is line 1). */
  line: number;
  /** i18n keys. */
  problems: string[];
}

export interface CsvImport {
  /** Which file column became which field (by column index); unknown columns are left out. */
  mapping: Map<number, Column>;
  ignoredColumns: string[];
  entries: JoblogEntry[];
  problems: CsvRowProblem[];
  /** Rows already in the joblog (same id, or same title, employer, postcode and date): not imported again. */
  alreadyThere: number;
}

const unquote = (text: string): string => (text.startsWith("'") && /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text);
const oneOf = <T extends string>(text: string, allowed: readonly T[] | undefined, fallback: T | null): T | null =>
  allowed?.includes(text as T) === true ? (text as T) : fallback;

/** Reads a CSV made by the export (or a spreadsheet with the same column names) into entries, row by row. */
export function importCsv(text: string, existing: readonly JoblogEntry[], now: Date, today: string): CsvImport {
  const rows = parseRows(text);
  const header = rows[0] ?? [];
  const mapping = new Map<number, Column>();
  const ignoredColumns: string[] = [];
  header.forEach((name, index) => {
    const column = CSV_COLUMNS.find((candidate) => candidate.toLowerCase() === name.trim().toLowerCase());
    if (column === undefined) ignoredColumns.push(name);
    else mapping.set(index, column);
  });
  const ids = new Set(existing.map((entry) => entry.id));
  const keys = new Set(existing.map((entry) => sameKey(entry)));
  const entries: JoblogEntry[] = [];
  const problems: CsvRowProblem[] = [];
  let alreadyThere = 0;
  rows.slice(1).forEach((cells, rowIndex) => {
    const fields = new Map<Column, string>();
    mapping.forEach((column, index) => { fields.set(column, unquote(cells[index] ?? '').trim()); });
    const get = (column: Column): string => fields.get(column) ?? '';
    const type = get('type') === 'activity' ? 'activity' : 'application';
    const base = newEntry(now, today, type);
    const hours = get('hoursPerWeek').replace(',', '.');
    const status = oneOf(get('status'), ['saved', 'applied', 'interview', 'closed'] as const, base.status) ?? base.status;
    const outcome = status === 'closed' ? oneOf(get('outcome'), ['rejected', 'hired', 'withdrew'] as const, null) : null;
    const id = /^[0-9a-f-]{36}$/i.test(get('id')) ? get('id') : base.id;
    const entry: JoblogEntry = {
      ...base,
      id,
      title: get('title'),
      employer: get('employer'),
      postalCode: get('postalCode'),
      town: get('town'),
      hoursPerWeek: hours === '' ? null : Number(hours),
      applicationKind: type === 'application' ? oneOf(get('applicationKind'), ['advertised', 'unsolicited'] as const, 'advertised') : null,
      method: type === 'application' ? oneOf(get('method'), ['written', 'phone', 'in-person', 'network', 'temp-agency'] as const, 'written') : null,
      activityKind: type === 'activity' ? oneOf(get('activityKind'), ['job-fair', 'network-meeting', 'course', 'other'] as const, 'other') : null,
      source: get('source'),
      sourceUrl: get('sourceUrl'),
      date: get('date'),
      deadline: get('deadline') === '' ? null : get('deadline'),
      status,
      outcome,
      history: [{ status, outcome, on: get('date') }],
      notes: get('notes'),
    };
    const found = checkEntry(entry, today);
    if (found.size > 0) {
      problems.push({ line: rowIndex + 2, problems: [...found.values()] });
      return;
    }
    const key = sameKey(entry);
    if (ids.has(entry.id) || keys.has(key)) {
      alreadyThere++;
      return;
    }
    ids.add(entry.id);
    keys.add(key);
    entries.push(entry);
  });
  return { mapping, ignoredColumns, entries, problems, alreadyThere };
}
