/**
 * The PDF report for the job centre or the a-kasse, loaded only on export: "Joblog for Lars Jensen, 1. okt.–28. nov.
 * 2026", then week by week the count (and exempt weeks), and each entry in Jobnet's fields. Real text in the
 * standard fonts (WinAnsi: Danish and English; other characters print as `?`). Danish labels, English when the
 * widget speaks English (the job centre reads Danish; the Arabic UI gets the Danish report); field names and values
 * in the model's CSV wording.
 */
import { MARGIN, PAGE_WIDTH, FOOTER_TOP, Typesetter, contentStream, createWinAnsiEncoder, paginate, ruleRow, writePdf, type Row } from '@jobunivers/core/pdf';
import { HEADERS, LABELS, type CsvLanguage } from '../model/csv-format.js';
import type { JoblogEntry } from '../model/entry.js';
import { addDays, isoWeekOf as weekOf, weekStart } from '../model/weeks.js';
import type { JoblogHost } from './shell-host.js';

const mondayOf = (date: string): string => weekStart(weekOf(date));

// The report's own sentences; the field names and values are the model's CSV wording (csv-format.ts), so a
// report and a CSV file from the same joblog say the same.
const REPORT = {
  da: {
    title: (name: string, range: string) => (name === '' ? `Joblog, ${range}` : `Joblog for ${name}, ${range}`),
    week: (week: string, count: number) => `Uge ${week.slice(6)}: ${String(count)} ${count === 1 ? 'registrering' : 'registreringer'}`,
    exempt: { sickness: 'sygdom', holiday: 'ferie', exemption: 'fritaget' } as Record<string, string>, exemptWord: 'tæller ikke med',
    place: 'Sted', page: (page: number, pages: number) => `Side ${String(page)} af ${String(pages)}`, none: 'Ingen registreringer i perioden.', locale: 'da-DK',
  },
  en: {
    title: (name: string, range: string) => (name === '' ? `Joblog, ${range}` : `Joblog for ${name}, ${range}`),
    week: (week: string, count: number) => `Week ${week.slice(6)}: ${String(count)} ${count === 1 ? 'entry' : 'entries'}`,
    exempt: { sickness: 'sickness', holiday: 'holiday', exemption: 'exempt' } as Record<string, string>, exemptWord: 'does not count',
    place: 'Place', page: (page: number, pages: number) => `Page ${String(page)} of ${String(pages)}`, none: 'No entries in this period.', locale: 'en-GB',
  },
};

export interface JoblogPdfOptions {
  from: string;
  to: string;
  /** The citizen's name for the title; may be empty. */
  name: string;
  created?: Date;
}

export async function renderJoblogPdf(host: Pick<JoblogHost, 'entries' | 'lang' | 'requirement'>, options: JoblogPdfOptions): Promise<{ bytes: Uint8Array<ArrayBuffer>; pages: number; entries: number }> {
  const language: CsvLanguage = host.lang.startsWith('en') ? 'en' : 'da';
  const labels = REPORT[language];
  const dateText = (date: string, year = false): string => new Intl.DateTimeFormat(labels.locale, { day: 'numeric', month: 'short', ...(year ? { year: 'numeric' } : {}), timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
  const encoder = createWinAnsiEncoder();
  const typesetter = new Typesetter(encoder);
  const width = PAGE_WIDTH - 2 * MARGIN;
  const entries = host.entries.filter((entry) => entry.date >= options.from && entry.date <= options.to)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const rows: Row[] = [];
  rows.push(...typesetter.paragraph([{ text: labels.title(options.name, `${dateText(options.from)}–${dateText(options.to, true)}`), font: 1 }], MARGIN, width, { size: 16, leading: 22 }));
  if (entries.length === 0) rows.push(...typesetter.paragraph([{ text: labels.none }], MARGIN, width, { size: 10, leading: 14 }));
  const exempt = new Map((host.requirement?.exemptWeeks ?? []).map((item) => [item.week, item.reason]));
  for (let monday = mondayOf(options.from); monday <= options.to; monday = addDays(monday, 7)) {
    const week = weekOf(monday);
    const inWeek = entries.filter((entry) => weekOf(entry.date) === week);
    const reason = exempt.get(week);
    const heading = `${labels.week(week, inWeek.length)}${reason === undefined ? '' : ` (${labels.exempt[reason] ?? reason}, ${labels.exemptWord})`}`;
    rows.push(ruleRow(MARGIN, MARGIN + width, 10, [0.6, 0.6, 0.6], 0.5, 6));
    rows.push(...typesetter.paragraph([{ text: heading, font: 1 }], MARGIN, width, { size: 11, leading: 16 }));
    for (const entry of inWeek) rows.push(...entryRows(typesetter, entry, language, dateText, width));
  }
  const pages = paginate(rows);
  const streams = pages.map((placed, index) => {
    const footer = typesetter.paragraph([{ text: labels.page(index + 1, pages.length) }], MARGIN, width, { size: 8.5, leading: 12, color: [0.3, 0.3, 0.3], align: 'center' });
    return contentStream([...placed, ...footer.map((row) => ({ row, top: FOOTER_TOP }))]);
  });
  const bytes = await writePdf({ title: labels.title(options.name, `${options.from}–${options.to}`), lang: labels.locale, created: options.created ?? new Date(), pages: streams });
  return { bytes: new Uint8Array(bytes), pages: pages.length, entries: entries.length };
}

function entryRows(typesetter: Typesetter, entry: JoblogEntry, language: CsvLanguage, dateText: (date: string) => string, width: number): Row[] {
  const headers = HEADERS[language];
  const values = LABELS[language];
  const parts = [
    `${headers.title}: ${entry.title}`,
    `${headers.employer}: ${entry.employer}`,
    `${REPORT[language].place}: ${[entry.postalCode, entry.town].filter((text) => text !== '').join(' ')}`,
    `${headers.date}: ${dateText(entry.date)}`,
    `${headers.type}: ${entry.type === 'activity' ? values.type.activity : entry.applicationKind === null ? values.type.application : values.applicationKind[entry.applicationKind]}`,
    entry.method === null ? '' : `${headers.method}: ${values.method[entry.method]}`,
    entry.type === 'activity' ? '' : `${headers.status}: ${entry.status === 'closed' && entry.outcome !== null ? values.outcome[entry.outcome] : values.status[entry.status]}`,
  ].filter((text) => text !== '');
  return typesetter.paragraph([{ text: parts.join(' · ') }], MARGIN + 8, width - 8, { size: 9.5, leading: 13 });
}
