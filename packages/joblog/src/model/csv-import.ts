import {
  ACTIVITY_KINDS, APPLICATION_KINDS, APPLY_METHODS, ENTRY_TYPES, OUTCOMES, STATUSES,
  type IsoDate, type JoblogEntry, type Outcome, type StatusChange,
} from './entry.js';
import { CSV_FIELDS, CSV_REQUIRED_FIELDS, HISTORY_SEPARATOR, LABELS, restoreFormula, type CsvField, type CsvLanguage, type CsvSeparator } from './csv-format.js';
import { parseCsv, parseDate } from './csv-parse.js';
import { sameEntryKey } from './duplicates.js';
import type { Message } from './message.js';
import { outcomeFor } from './status.js';
import { foldForMatch } from './text.js';
import { HOURS_PER_WEEK, isWebAddress, validateEntry, type EntryField } from './validate.js';

// Reading a CSV back: our own export in either language, or another tool's sheet, with the columns mapped by
// their headers (the citizen may change the mapping), every row checked, and nothing imported twice.

const headerKey = (text: string): string => foldForMatch(text).replace(/ /g, '');

// Cells like "Søgt" or "Skriftlig" repeat on every row: fold each distinct one once.
const foldedValues = new Map<string, string>();
function foldValue(text: string): string {
  let folded = foldedValues.get(text);
  if (folded === undefined) {
    if (foldedValues.size > 1000) foldedValues.clear();
    folded = foldForMatch(text);
    foldedValues.set(text, folded);
  }
  return folded;
}

// Our own headers in both languages, and names other tools (Jobnet's joblog, a-kasser's sheets, trackers) use.
const HEADER_ALIASES: Record<CsvField, string[]> = {
  id: ['id', 'uuid'],
  type: ['type', 'art', 'registreringstype', 'entry type', 'kind of entry'],
  title: ['titel', 'jobtitel', 'stillingsbetegnelse', 'stilling', 'job', 'title', 'job title', 'position', 'role', 'aktivitet'],
  employer: ['arbejdsgiver', 'virksomhed', 'virksomhedsnavn', 'virksomhedens navn', 'firma', 'firmanavn', 'arrangør', 'employer', 'company', 'company name', 'organisation', 'organization'],
  postalCode: ['postnr', 'postnummer', 'virksomhedens postnr', 'postcode', 'postal code', 'zip', 'zip code'],
  town: ['by', 'bynavn', 'virksomhedens by', 'town', 'city'],
  place: ['postnr og by', 'postnummer og by', 'sted', 'arbejdssted', 'location', 'place'],
  hoursPerWeek: ['timer pr uge', 'timer om ugen', 'ugentlige timer', 'ugentligt timetal', 'timetal', 'timer', 'arbejdstid', 'hours per week', 'weekly hours', 'hours'],
  applicationKind: ['opslået eller uopfordret', 'opslået uopfordret', 'ansøgningstype', 'type af ansøgning', 'advertised or unsolicited', 'application kind', 'application type'],
  method: ['ansøgningsform', 'ansøgt via', 'søgt via', 'hvordan søgt', 'kontaktform', 'how applied', 'method', 'application method'],
  activityKind: ['aktivitetstype', 'type af aktivitet', 'activity kind', 'activity type'],
  source: ['fundet via', 'hvor fundet', 'kilde', 'jobopslag fundet', 'hvor har du fundet jobbet', 'where found', 'source', 'found via'],
  sourceUrl: ['link til opslag', 'link', 'url', 'annoncelink', 'link til jobopslag', 'link to ad', 'ad link', 'job url', 'job link'],
  date: ['dato', 'ansøgningsdato', 'søgt dato', 'dato for ansøgning', 'indsendt', 'sendt', 'date', 'application date', 'date applied', 'applied on'],
  deadline: ['ansøgningsfrist', 'frist', 'deadline', 'application deadline'],
  status: ['status', 'ansøgningsstatus', 'application status'],
  outcome: ['resultat', 'udfald', 'svar', 'outcome', 'result'],
  history: ['historik', 'statushistorik', 'history', 'status history'],
  notes: ['noter', 'note', 'bemærkninger', 'bemærkning', 'kommentar', 'kommentarer', 'notes', 'comments', 'comment'],
  cvVersionId: ['cv version id', 'cv-version (id)', 'cv version (id)', 'cv id'],
  cvName: ['cv sendt', 'cv', 'cv-version', 'cv version', 'cv sent'],
  createdAt: ['oprettet', 'oprettet dato', 'created', 'created at', 'date created'],
  updatedAt: ['opdateret', 'sidst ændret', 'ændret', 'opdateret dato', 'updated', 'updated at', 'last updated', 'modified'],
};

const HEADER_LOOKUP = new Map<string, CsvField>();
for (const field of CSV_FIELDS) for (const alias of HEADER_ALIASES[field]) if (!HEADER_LOOKUP.has(headerKey(alias))) HEADER_LOOKUP.set(headerKey(alias), field);

/** Which field each column fills (`null`: not imported). Each field at most once: the first column that names it. */
export type CsvMapping = (CsvField | null)[];

/** The mapping guessed from the header row: our own headers (da/en) and common names from other tools. */
export function detectMapping(header: readonly string[]): CsvMapping {
  const taken = new Set<CsvField>();
  return header.map((name) => {
    const field = HEADER_LOOKUP.get(headerKey(name));
    if (field === undefined || taken.has(field)) return null;
    taken.add(field);
    return field;
  });
}

// Values as written by us (both languages), as codes, and as other tools write them. Folded keys.
function valueLookup<T extends string>(codes: readonly T[], labels: (language: CsvLanguage) => Record<T, string>, extra: Record<string, T> = {}): Map<string, T> {
  const lookup = new Map<string, T>();
  for (const code of codes) {
    lookup.set(foldForMatch(code), code);
    for (const language of ['da', 'en'] as const) lookup.set(foldForMatch(labels(language)[code]), code);
  }
  for (const [text, code] of Object.entries(extra)) lookup.set(foldForMatch(text), code);
  return lookup;
}

const TYPE_VALUES = valueLookup(ENTRY_TYPES, (language) => LABELS[language].type, { ansøgninger: 'application', jobansøgning: 'application', aktiviteter: 'activity' });
const KIND_VALUES = valueLookup(APPLICATION_KINDS, (language) => LABELS[language].applicationKind, { opslået: 'advertised', 'opslået job': 'advertised', uopfordret: 'unsolicited', 'uopfordret ansøgning': 'unsolicited' });
const METHOD_VALUES = valueLookup(APPLY_METHODS, (language) => LABELS[language].method, {
  skriftligt: 'written', 'e-mail': 'written', email: 'written', mail: 'written', online: 'written', telefonisk: 'phone', personligt: 'in-person',
  personlig: 'in-person', 'personlig henvendelse': 'in-person', netværk: 'network', vikarbureau: 'temp-agency', vikar: 'temp-agency', 'temp agency': 'temp-agency',
});
const ACTIVITY_VALUES = valueLookup(ACTIVITY_KINDS, (language) => LABELS[language].activityKind, { jobmesse: 'job-fair', netværksmøde: 'network-meeting', kursus: 'course', andet: 'other' });
const STATUS_VALUES = valueLookup(STATUSES, (language) => LABELS[language].status, {
  ansøgt: 'applied', sendt: 'applied', afsendt: 'applied', søgt: 'applied', 'til samtale': 'interview', jobsamtale: 'interview', 'job interview': 'interview',
  afsluttet: 'closed', lukket: 'closed', done: 'closed', 'gemt til senere': 'saved',
});
const OUTCOME_VALUES = valueLookup(OUTCOMES, (language) => LABELS[language].outcome, {
  'fik afslag': 'rejected', afvist: 'rejected', 'fik job': 'hired', 'fik jobbet': 'hired', ansat: 'hired', hired: 'hired',
  'trak ansøgningen tilbage': 'withdrew', 'trukket tilbage': 'withdrew', 'withdrawn': 'withdrew',
});
/** Jobnet writes the closed statuses as the status itself ("Afslag", "Fik job"). */
const STATUS_AS_OUTCOME = new Map<string, Outcome>([...OUTCOME_VALUES].filter(([text]) => !STATUS_VALUES.has(text)));


export type CsvProblemCode =
  | 'missing-column' | 'unclosed-quote'
  | 'missing-title' | 'missing-employer' | 'missing-date' | 'bad-date' | 'future-date' | 'too-long'
  | 'unknown-type' | 'unknown-status'
  | 'unknown-value' | 'bad-deadline' | 'bad-number' | 'bad-postcode' | 'bad-url' | 'bad-history' | 'bad-id' | 'cv-without-id';

/** Errors keep the row out; warnings import it without the value (the citizen can fix it in the joblog). */
export const CSV_ERROR_CODES: ReadonlySet<CsvProblemCode> = new Set<CsvProblemCode>([
  'missing-column', 'missing-title', 'missing-employer', 'missing-date', 'bad-date', 'future-date', 'too-long', 'unknown-type', 'unknown-status',
]);

export interface CsvProblem {
  /** The row as a spreadsheet numbers it: the header is row 1 (a cell with line breaks is still one row). */
  row: number;
  /** The column's header as written in the file, or `null` for the whole row/file. */
  column: string | null;
  field: CsvField | null;
  code: CsvProblemCode;
  /** What the cell said (shown back to the citizen, as text). */
  value: string;
  severity: 'error' | 'warning';
}

export type CsvSkipReason = 'same-id' | 'same-entry' | 'repeated-in-file';

export interface CsvSkip {
  row: number;
  reason: CsvSkipReason;
  /** The entry already in the joblog (or earlier in the file) that the row repeats. */
  entryId: string;
}

export interface CsvImportOptions {
  now: Date;
  today: IsoDate;
  /** The mapping the citizen chose; without it, `detectMapping` of the header row. */
  mapping?: CsvMapping;
  separator?: CsvSeparator;
  /** New ids for rows without one (tests pass a counter). */
  newId?: () => string;
}

export interface CsvImport {
  header: string[];
  separator: CsvSeparator;
  mapping: CsvMapping;
  /** Required fields no column is mapped to (then nothing is imported). */
  missingFields: CsvField[];
  /** Data rows read (blank rows not included). */
  rows: number;
  /** The new entries, ready to save. */
  entries: JoblogEntry[];
  problems: CsvProblem[];
  /** Rows already in the joblog or repeated in the file: not imported again. */
  skipped: CsvSkip[];
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

type Cells = Partial<Record<CsvField, { value: string; column: string }>>;

/** Parses `text` and turns each row into an entry, explaining row by row what could not be read. */
export function importCsv(text: string, existing: readonly JoblogEntry[], options: CsvImportOptions): CsvImport {
  const parsed = parseCsv(text, options.separator);
  const header = (parsed.rows[0] ?? []).map((name) => name.trim());
  const chosen = options.mapping;
  const mapping = chosen === undefined ? detectMapping(header) : header.map((_, index) => chosen[index] ?? null);
  const problems: CsvProblem[] = [];
  const skipped: CsvSkip[] = [];
  const entries: JoblogEntry[] = [];
  const missingFields = CSV_REQUIRED_FIELDS.filter((field) => !mapping.includes(field));
  const result: CsvImport = { header, separator: parsed.separator, mapping, missingFields, rows: 0, entries, problems, skipped };
  if (parsed.unclosedQuoteRow !== null) problems.push({ row: parsed.unclosedQuoteRow, column: null, field: null, code: 'unclosed-quote', value: '', severity: 'warning' });
  if (missingFields.length > 0) {
    for (const field of missingFields) problems.push({ row: 1, column: null, field, code: 'missing-column', value: '', severity: 'error' });
    return result;
  }
  const byId = new Map(existing.map((entry) => [entry.id, entry.id]));
  const byKey = new Map(existing.map((entry) => [sameEntryKey(entry), entry.id]));
  const fromFile = new Set<string>();
  const newId = options.newId ?? (() => crypto.randomUUID());
  parsed.rows.slice(1).forEach((cells, index) => {
    const row = index + 2;
    if (cells.every((cell) => cell.trim() === '')) return;
    result.rows++;
    const named: Cells = {};
    mapping.forEach((field, column) => {
      if (field !== null) named[field] = { value: restoreFormula(cells[column] ?? ''), column: header[column] ?? '' };
    });
    const rowProblems: CsvProblem[] = [];
    const entry = readRow(named, row, rowProblems, options, newId);
    // In the order the citizen reads the row: left to right.
    rowProblems.sort((a, b) => header.indexOf(a.column ?? '') - header.indexOf(b.column ?? ''));
    if (entry === null || rowProblems.some((problem) => problem.severity === 'error')) {
      problems.push(...rowProblems);
      return;
    }
    const key = sameEntryKey(entry);
    const sameId = byId.get(entry.id);
    const sameKey = byKey.get(key);
    if (sameId !== undefined || sameKey !== undefined) {
      // Already there: what else the row says no longer matters, so its warnings are left out.
      const repeat = sameId ?? sameKey ?? '';
      skipped.push({ row, reason: fromFile.has(repeat) ? 'repeated-in-file' : sameId !== undefined ? 'same-id' : 'same-entry', entryId: repeat });
      return;
    }
    problems.push(...rowProblems);
    byId.set(entry.id, entry.id);
    byKey.set(key, entry.id);
    fromFile.add(entry.id);
    entries.push(entry);
  });
  return result;
}

function readRow(cells: Cells, row: number, problems: CsvProblem[], options: CsvImportOptions, newId: () => string): JoblogEntry | null {
  const problem = (field: CsvField, code: CsvProblemCode): void => {
    const cell = cells[field];
    problems.push({ row, column: cell?.column ?? null, field, code, value: cell?.value ?? '', severity: CSV_ERROR_CODES.has(code) ? 'error' : 'warning' });
  };
  const text = (field: CsvField): string => cells[field]?.value.trim() ?? '';
  const pick = <T extends string>(field: CsvField, lookup: Map<string, T>): T | null | undefined => {
    const value = text(field);
    if (value === '') return null;
    return lookup.get(foldValue(value));
  };

  const rawId = text('id');
  let id = rawId;
  if (!ID.test(rawId)) {
    if (rawId !== '') problem('id', 'bad-id');
    id = newId();
  }

  let type = pick('type', TYPE_VALUES);
  if (type === undefined) {
    problem('type', 'unknown-type');
    return null;
  }
  type ??= text('activityKind') !== '' && text('applicationKind') === '' && text('method') === '' ? 'activity' : 'application';
  const application = type === 'application';

  let postalCode = text('postalCode').replace(/^dk-?\s*/i, '').replace(/\s+/g, '');
  let town = text('town');
  const place = /^(?:dk-?\s*)?(\d{4})\s+(.+)$/i.exec(text('place')) ?? /^(\d{4})\s+(\D.*)$/.exec(text('postalCode'));
  if (place !== null) {
    postalCode = place[1];
    if (town === '') town = place[2].trim();
  } else if (text('place') !== '' && town === '') town = text('place');
  if (postalCode !== '' && !/^\d{4}$/.test(postalCode)) {
    problem('postalCode', 'bad-postcode');
    postalCode = '';
  }

  let hoursPerWeek: number | null = null;
  const hoursText = text('hoursPerWeek');
  if (hoursText !== '') {
    const match = /^(\d+(?:[.,]\d+)?)/.exec(hoursText);
    const hours = match === null ? Number.NaN : Number(match[1].replace(',', '.'));
    if (Number.isFinite(hours) && hours >= HOURS_PER_WEEK.min && hours <= HOURS_PER_WEEK.max) hoursPerWeek = hours;
    else problem('hoursPerWeek', 'bad-number');
  }

  const known = <T extends string>(field: CsvField, lookup: Map<string, T>, applies: boolean): T | null => {
    if (!applies) return null;
    const value = pick(field, lookup);
    if (value === undefined) {
      problem(field, 'unknown-value');
      return null;
    }
    return value;
  };
  const applicationKind = known('applicationKind', KIND_VALUES, application);
  const method = known('method', METHOD_VALUES, application);
  const activityKind = known('activityKind', ACTIVITY_VALUES, !application);

  let sourceUrl = text('sourceUrl');
  if (sourceUrl !== '' && !isWebAddress(sourceUrl)) {
    // "www.jobnet.dk/job/123": the address without its https://.
    if (/^[\w-]+(\.[\w-]+)+(\/\S*)?$/.test(sourceUrl) && isWebAddress(`https://${sourceUrl}`)) sourceUrl = `https://${sourceUrl}`;
    else {
      problem('sourceUrl', 'bad-url');
      sourceUrl = '';
    }
  }

  const dateText = text('date');
  const date = parseDate(dateText);
  if (dateText === '') problem('date', 'missing-date');
  else if (date === null) problem('date', 'bad-date');

  let deadline: IsoDate | null = null;
  if (text('deadline') !== '') {
    deadline = parseDate(text('deadline'));
    if (deadline === null) problem('deadline', 'bad-deadline');
  }

  let status = pick('status', STATUS_VALUES);
  let impliedOutcome: Outcome | null = null;
  if (status === undefined) {
    impliedOutcome = STATUS_AS_OUTCOME.get(foldValue(text('status'))) ?? null;
    if (impliedOutcome === null) problem('status', 'unknown-status');
    else status = 'closed';
  }
  status ??= application ? 'applied' : 'closed';
  const outcomeValue = status === 'closed' ? known('outcome', OUTCOME_VALUES, true) : null;
  const outcome = outcomeFor(status, outcomeValue ?? impliedOutcome);

  const updatedAt = timestamp(text('updatedAt'), options.now);
  const createdAt = timestamp(text('createdAt'), options.now);
  const on = date ?? options.today;
  let history: StatusChange[] | null = null;
  if (text('history') !== '') {
    history = parseHistory(text('history'));
    if (history === null) problem('history', 'bad-history');
  }
  if (history === null || history.length === 0) {
    // Without a history, what the file says: applied on the date and, if it moved on, moved on by its last update.
    const updatedOn = parseDate(text('updatedAt'));
    history = status === 'saved' || status === 'applied' || updatedOn === null || !application || updatedOn < on
      ? [{ status, outcome, on }]
      : [{ status: 'applied', outcome: null, on }, { status, outcome, on: updatedOn }];
  }
  const last = history.at(-1);
  if (last !== undefined && (last.status !== status || last.outcome !== outcome)) history.push({ status, outcome, on: parseDate(text('updatedAt')) ?? last.on });

  let cv: JoblogEntry['cv'] = null;
  if (text('cvVersionId') !== '') cv = { versionId: text('cvVersionId'), name: text('cvName') };
  else if (text('cvName') !== '') problem('cvName', 'cv-without-id');

  const entry: JoblogEntry = {
    id, type,
    title: text('title'),
    employer: text('employer'),
    postalCode, town, hoursPerWeek, applicationKind, method, activityKind,
    source: text('source'),
    sourceUrl,
    date: date ?? '',
    deadline, status, outcome, history,
    notes: cells.notes?.value ?? '',
    cv, createdAt, updatedAt,
  };
  if (date !== null) {
    const found = validateEntry(entry, options.today);
    const codes: Partial<Record<EntryField, CsvProblemCode>> = { title: 'missing-title', employer: 'missing-employer', date: 'future-date' };
    for (const [field, key] of found) {
      if (key === 'validate.tooLong') problem(field, 'too-long');
      else if (codes[field] !== undefined) problem(field, codes[field]);
    }
  }
  return entry;
}

/** An ISO timestamp as is; a date alone as noon UTC of that day (the same day in Copenhagen); else now. */
function timestamp(text: string, now: Date): string {
  if (TIMESTAMP.test(text) && !Number.isNaN(Date.parse(text))) return text;
  const date = parseDate(text);
  return date === null ? now.toISOString() : `${date}T12:00:00.000Z`;
}

const HISTORY_ITEM = /^(\S+)\s+(.+)$/;

/** "2026-03-02 Søgt → 2026-03-20 Afsluttet: Afslag" back into changes; `null` when a part cannot be read. */
function parseHistory(text: string): StatusChange[] | null {
  const changes: StatusChange[] = [];
  for (const part of text.split(HISTORY_SEPARATOR)) {
    const match = HISTORY_ITEM.exec(part.trim());
    if (match === null) return null;
    const on = parseDate(match[1]);
    if (on === null) return null;
    const colon = match[2].indexOf(':');
    const statusText = colon === -1 ? match[2] : match[2].slice(0, colon);
    const outcomeText = colon === -1 ? '' : match[2].slice(colon + 1);
    let status = STATUS_VALUES.get(foldValue(statusText));
    let outcome: Outcome | null = null;
    if (status === undefined) {
      outcome = STATUS_AS_OUTCOME.get(foldValue(statusText)) ?? null;
      if (outcome === null) return null;
      status = 'closed';
    }
    if (outcomeText.trim() !== '') {
      const parsed = OUTCOME_VALUES.get(foldValue(outcomeText));
      if (parsed === undefined) return null;
      outcome = parsed;
    }
    changes.push({ status, outcome: outcomeFor(status, outcome), on });
  }
  return changes;
}

/** Field labels for a mapping screen, as i18n keys (`csv.field.title` …). */
export const csvFieldKey = (field: CsvField): string => `csv.field.${field}`;

/** A problem as a sentence: "Række 4: Vi kunne ikke læse datoen «31-02-2026». …" (row, column and value as given). */
export function csvProblemMessage(problem: CsvProblem): Message {
  const key = problem.code === 'missing-column' ? `csv.problem.missing-column.${problem.field ?? 'title'}` : `csv.problem.${problem.code}`;
  return { key, params: { row: problem.row, column: problem.column ?? '', value: problem.value } };
}

export function csvSkipMessage(skip: CsvSkip): Message {
  return { key: `csv.skipped.${skip.reason}`, params: { row: skip.row } };
}

/** The import's outcome in a few sentences, for the dialog and for a live announcement (counts only). */
export function csvSummary(result: CsvImport): Message[] {
  if (result.missingFields.length > 0) return [];
  if (result.rows === 0) return [{ key: 'csv.summary.nothing', params: {} }];
  const rowsOf = (severity: CsvProblem['severity']): Set<number> => new Set(result.problems.filter((problem) => problem.severity === severity).map((problem) => problem.row));
  const errorRows = rowsOf('error');
  // A row with an error was not imported: its warnings do not make it "imported with something missing".
  const warningRows = [...rowsOf('warning')].filter((row) => !errorRows.has(row));
  const messages: Message[] = [{ key: 'csv.summary.imported', params: { count: result.entries.length } }];
  if (result.skipped.length > 0) messages.push({ key: 'csv.summary.skipped', params: { count: result.skipped.length } });
  if (errorRows.size > 0) messages.push({ key: 'csv.summary.errors', params: { count: errorRows.size } });
  if (warningRows.length > 0) messages.push({ key: 'csv.summary.warnings', params: { count: warningRows.length } });
  return messages;
}
