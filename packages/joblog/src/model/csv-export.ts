import type { IsoDate, JoblogEntry, StatusChange } from './entry.js';
import { CSV_EXPORT_FIELDS, HEADERS, HISTORY_SEPARATOR, LABELS, neutraliseFormula, type CsvLanguage, type CsvSeparator, type ExportField, type ValueLabels } from './csv-format.js';

// Writing the joblog as CSV (csv-format.ts has the choices). Reading is in csv-parse.ts and csv-import.ts, so an
// export loads without the import's tables.

export interface CsvExportOptions {
  /** Headers and values: Danish (default) or English. */
  language?: CsvLanguage;
  /** `;` (default, for Danish Excel), `,` or tab. */
  separator?: CsvSeparator;
}

function quoteCell(text: string, separator: string): string {
  const safe = neutraliseFormula(text);
  return safe.includes('"') || safe.includes('\n') || safe.includes('\r') || safe.includes(separator) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** "2026-03-02 Søgt → 2026-03-12 Samtale → 2026-03-20 Afsluttet: Afslag". */
function historyCell(history: readonly StatusChange[], labels: ValueLabels): string {
  return history.map((change) => `${change.on} ${labels.status[change.status]}${change.outcome === null ? '' : `: ${labels.outcome[change.outcome]}`}`).join(` ${HISTORY_SEPARATOR} `);
}

function exportValue(entry: JoblogEntry, field: ExportField, language: CsvLanguage): string {
  const labels = LABELS[language];
  switch (field) {
    case 'type': return labels.type[entry.type];
    case 'applicationKind': return entry.applicationKind === null ? '' : labels.applicationKind[entry.applicationKind];
    case 'method': return entry.method === null ? '' : labels.method[entry.method];
    case 'activityKind': return entry.activityKind === null ? '' : labels.activityKind[entry.activityKind];
    case 'status': return labels.status[entry.status];
    case 'outcome': return entry.outcome === null ? '' : labels.outcome[entry.outcome];
    case 'history': return historyCell(entry.history, labels);
    case 'hoursPerWeek': return entry.hoursPerWeek === null ? '' : language === 'da' ? String(entry.hoursPerWeek).replace('.', ',') : String(entry.hoursPerWeek);
    case 'deadline': return entry.deadline ?? '';
    case 'cvVersionId': return entry.cv?.versionId ?? '';
    case 'cvName': return entry.cv?.name ?? '';
    default: return entry[field];
  }
}

/** The entries as a CSV file's text (with the BOM): one header row, one row per entry, every field. */
export function entriesToCsv(entries: readonly JoblogEntry[], options: CsvExportOptions = {}): string {
  const language = options.language ?? 'da';
  const separator = options.separator ?? ';';
  const lines = [CSV_EXPORT_FIELDS.map((field) => quoteCell(HEADERS[language][field], separator)).join(separator)];
  for (const entry of entries) lines.push(CSV_EXPORT_FIELDS.map((field) => quoteCell(exportValue(entry, field, language), separator)).join(separator));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** "joblog-2026-03-02.csv" (no name or other personal data in the file name). */
export const csvFileName = (today: IsoDate): string => `joblog-${today}.csv`;
