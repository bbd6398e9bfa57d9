/**
 * The PDF report for the job centre or the a-kasse, loaded only on export: "Joblog for Lars Jensen, 1. okt.–28. nov.
 * 2026", then week by week the count (and exempt weeks), and each entry in Jobnet's fields. Real text in the
 * standard fonts (WinAnsi: Danish and English; other characters print as `?`). Danish labels, English when the
 * widget speaks English (the job centre reads Danish; the Arabic UI gets the Danish report).
 */
import { MARGIN, PAGE_WIDTH, FOOTER_TOP, Typesetter, contentStream, createWinAnsiEncoder, paginate, ruleRow, writePdf, type Row } from '@jobunivers/core/pdf';
import type { JoblogEntry } from '../model/entry.js';
import { addDays, isoWeekOf as weekOf, weekStart } from '../model/weeks.js';
import type { JoblogHost } from './shell-host.js';

const mondayOf = (date: string): string => weekStart(weekOf(date));

const LABELS = {
  da: {
    lang: 'da-DK', title: (name: string, range: string) => (name === '' ? `Joblog, ${range}` : `Joblog for ${name}, ${range}`),
    week: (week: string, count: number) => `Uge ${week.slice(6)}: ${String(count)} ${count === 1 ? 'registrering' : 'registreringer'}`,
    exempt: { sickness: 'sygdom', holiday: 'ferie', exemption: 'fritaget' } as Record<string, string>, exemptWord: 'tæller ikke med',
    fields: ['Stilling', 'Virksomhed', 'Sted', 'Dato', 'Type', 'Hvordan', 'Status'],
    kinds: { advertised: 'Opslået stilling', unsolicited: 'Uopfordret' } as Record<string, string>,
    methods: { written: 'Skriftligt', phone: 'Telefonisk', 'in-person': 'Personligt', network: 'Netværk', 'temp-agency': 'Vikarbureau' } as Record<string, string>,
    statuses: { saved: 'Gemt', applied: 'Søgt', interview: 'Samtale', closed: 'Afsluttet', rejected: 'Afslag', hired: 'Fik jobbet', withdrew: 'Trak tilbage' } as Record<string, string>,
    activity: 'Aktivitet', page: (page: number, pages: number) => `Side ${String(page)} af ${String(pages)}`, none: 'Ingen registreringer i perioden.',
    locale: 'da-DK',
  },
  en: {
    lang: 'en-GB', title: (name: string, range: string) => (name === '' ? `Joblog, ${range}` : `Joblog for ${name}, ${range}`),
    week: (week: string, count: number) => `Week ${week.slice(6)}: ${String(count)} ${count === 1 ? 'entry' : 'entries'}`,
    exempt: { sickness: 'sickness', holiday: 'holiday', exemption: 'exempt' } as Record<string, string>, exemptWord: 'does not count',
    fields: ['Job', 'Employer', 'Place', 'Date', 'Kind', 'How', 'Status'],
    kinds: { advertised: 'Advertised', unsolicited: 'Unsolicited' } as Record<string, string>,
    methods: { written: 'Written', phone: 'Phone', 'in-person': 'In person', network: 'Network', 'temp-agency': 'Temp agency' } as Record<string, string>,
    statuses: { saved: 'Saved', applied: 'Applied', interview: 'Interview', closed: 'Closed', rejected: 'Rejected', hired: 'Got the job', withdrew: 'Withdrew' } as Record<string, string>,
    activity: 'Activity', page: (page: number, pages: number) => `Page ${String(page)} of ${String(pages)}`, none: 'No entries in this period.',
    locale: 'en-GB',
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
  const labels = host.lang === 'en' ? LABELS.en : LABELS.da;
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
    for (const entry of inWeek) rows.push(...entryRows(typesetter, entry, labels, dateText, width));
  }
  const pages = paginate(rows);
  const streams = pages.map((placed, index) => {
    const footer = typesetter.paragraph([{ text: labels.page(index + 1, pages.length) }], MARGIN, width, { size: 8.5, leading: 12, color: [0.3, 0.3, 0.3], align: 'center' });
    return contentStream([...placed, ...footer.map((row) => ({ row, top: FOOTER_TOP }))]);
  });
  const bytes = await writePdf({ title: labels.title(options.name, `${options.from}–${options.to}`), lang: labels.lang, created: options.created ?? new Date(), pages: streams });
  return { bytes: new Uint8Array(bytes), pages: pages.length, entries: entries.length };
}

function entryRows(typesetter: Typesetter, entry: JoblogEntry, labels: typeof LABELS.da, dateText: (date: string) => string, width: number): Row[] {
  const [job, employer, place, date, kind, how, status] = labels.fields as [string, string, string, string, string, string, string];
  const statusText = entry.status === 'closed' && entry.outcome !== null ? labels.statuses[entry.outcome] : labels.statuses[entry.status];
  const parts = [
    `${job}: ${entry.title}`,
    `${employer}: ${entry.employer}`,
    `${place}: ${[entry.postalCode, entry.town].filter((text) => text !== '').join(' ')}`,
    `${date}: ${dateText(entry.date)}`,
    `${kind}: ${entry.type === 'activity' ? labels.activity : labels.kinds[entry.applicationKind ?? '']}`,
    entry.method === null ? '' : `${how}: ${labels.methods[entry.method]}`,
    entry.type === 'activity' ? '' : `${status}: ${statusText}`,
  ].filter((text) => text !== '');
  return typesetter.paragraph([{ text: parts.join(' · ') }], MARGIN + 8, width - 8, { size: 9.5, leading: 13 });
}
