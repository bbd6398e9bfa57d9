import type { ActivityKind, ApplicationKind, ApplyMethod, EntryType, Outcome, Status } from './entry.js';

// The joblog's CSV files, for the job centre, the a-kasse and the citizen's own spreadsheet:
// - Written for Excel as Danes have it: UTF-8 with a BOM (or Excel reads æøå as mojibake), `;` between cells
//   (Danish Excel uses `,` as the decimal comma, so a `,`-separated file opens as one column), CRLF rows,
//   RFC 4180 quoting, decimal comma in Danish files. `separator: ','` gives a file for other spreadsheets.
// - Headers and values in Danish or English (Arabic-speaking citizens hand the file to a Danish job centre, so an
//   Arabic page exports Danish). Both are file format, not interface text, so they live here, not in locale files:
//   an import must read either, whatever language the page is in.
// - A cell that starts with = + - @ tab or CR gets a leading `'`, so no spreadsheet runs it as a formula; the
//   import takes exactly that `'` off again.
// - The status history is one readable cell: "2026-03-02 Søgt → 2026-03-12 Samtale → 2026-03-20 Afsluttet: Afslag".

export const CSV_FIELDS = [
  'id', 'type', 'title', 'employer', 'postalCode', 'town', 'place', 'hoursPerWeek', 'applicationKind', 'method', 'activityKind',
  'source', 'sourceUrl', 'date', 'deadline', 'status', 'outcome', 'history', 'notes', 'cvVersionId', 'cvName', 'createdAt', 'updatedAt',
] as const;
/** A column the import can fill. `place` is a combined "7100 Vejle" (other tools write postcode and town in one). */
export type CsvField = (typeof CSV_FIELDS)[number];
/** Without these mapped, nothing can be imported. */
export const CSV_REQUIRED_FIELDS: readonly CsvField[] = ['title', 'date'];

/** The columns the export writes, in order. */
export const CSV_EXPORT_FIELDS = CSV_FIELDS.filter((field) => field !== 'place');
export type ExportField = Exclude<CsvField, 'place'>;

export type CsvLanguage = 'da' | 'en';
export type CsvSeparator = ';' | ',' | '\t';

export const HEADERS: Record<CsvLanguage, Record<ExportField, string>> = {
  da: {
    id: 'Id', type: 'Type', title: 'Titel', employer: 'Arbejdsgiver', postalCode: 'Postnr.', town: 'By', hoursPerWeek: 'Timer pr. uge',
    applicationKind: 'Opslået eller uopfordret', method: 'Ansøgningsform', activityKind: 'Aktivitetstype', source: 'Fundet via',
    sourceUrl: 'Link til opslag', date: 'Dato', deadline: 'Ansøgningsfrist', status: 'Status', outcome: 'Resultat', history: 'Historik',
    notes: 'Noter', cvVersionId: 'CV-version (id)', cvName: 'CV sendt', createdAt: 'Oprettet', updatedAt: 'Opdateret',
  },
  en: {
    id: 'Id', type: 'Type', title: 'Title', employer: 'Employer', postalCode: 'Postcode', town: 'Town', hoursPerWeek: 'Hours per week',
    applicationKind: 'Advertised or unsolicited', method: 'How applied', activityKind: 'Activity kind', source: 'Where found',
    sourceUrl: 'Link to ad', date: 'Date', deadline: 'Deadline', status: 'Status', outcome: 'Outcome', history: 'History',
    notes: 'Notes', cvVersionId: 'CV version (id)', cvName: 'CV sent', createdAt: 'Created', updatedAt: 'Updated',
  },
};

export interface ValueLabels {
  type: Record<EntryType, string>;
  applicationKind: Record<ApplicationKind, string>;
  method: Record<ApplyMethod, string>;
  activityKind: Record<ActivityKind, string>;
  status: Record<Status, string>;
  outcome: Record<Outcome, string>;
}

export const LABELS: Record<CsvLanguage, ValueLabels> = {
  da: {
    type: { application: 'Ansøgning', activity: 'Aktivitet' },
    applicationKind: { advertised: 'Opslået stilling', unsolicited: 'Uopfordret' },
    method: { written: 'Skriftlig', phone: 'Telefon', 'in-person': 'Personligt fremmøde', network: 'Netværk', 'temp-agency': 'Vikarbureau' },
    activityKind: { 'job-fair': 'Jobmesse', 'network-meeting': 'Netværksmøde', course: 'Kursus', other: 'Andet' },
    status: { saved: 'Gemt', applied: 'Søgt', interview: 'Samtale', closed: 'Afsluttet' },
    outcome: { rejected: 'Afslag', hired: 'Fik jobbet', withdrew: 'Trak ansøgningen' },
  },
  en: {
    type: { application: 'Application', activity: 'Activity' },
    applicationKind: { advertised: 'Advertised', unsolicited: 'Unsolicited' },
    method: { written: 'Written', phone: 'Phone', 'in-person': 'In person', network: 'Network', 'temp-agency': 'Temp agency' },
    activityKind: { 'job-fair': 'Job fair', 'network-meeting': 'Network meeting', course: 'Course', other: 'Other' },
    status: { saved: 'Saved', applied: 'Applied', interview: 'Interview', closed: 'Closed' },
    outcome: { rejected: 'Rejected', hired: 'Got the job', withdrew: 'Withdrew' },
  },
};

/** A cell a spreadsheet would run as a formula gets a leading `'` (and so does one that already had it, to round-trip). */
export function neutraliseFormula(text: string): string {
  return /^'*[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** Takes off the `'` the export put in front of a would-be formula (only then: "'hej" stays "'hej"). */
export function restoreFormula(text: string): string {
  return /^'+[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

/** Between the changes of the history cell. */
export const HISTORY_SEPARATOR = '→';
