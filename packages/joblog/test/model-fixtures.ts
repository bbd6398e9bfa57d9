// Entries for the model's tests: one built from a few fields, and seeded random joblogs (the same every run).
import {
  ACTIVITY_KINDS, APPLICATION_KINDS, APPLY_METHODS, OUTCOMES, STATUSES,
  type IsoDate, type JoblogEntry, type Outcome, type Status, type StatusChange,
} from '../src/model/entry.js';
import { addDays } from '../src/model/weeks.js';

let counter = 0;

/** An application (or activity) with sensible defaults; `history` follows `status` unless given. */
export function entry(fields: Partial<JoblogEntry> = {}): JoblogEntry {
  counter++;
  const type = fields.type ?? 'application';
  const status: Status = fields.status ?? (type === 'application' ? 'applied' : 'closed');
  const outcome: Outcome | null = fields.outcome ?? null;
  const date = fields.date ?? '2026-03-02';
  return {
    id: `entry-${String(counter)}`,
    type,
    title: 'Lagermedarbejder',
    employer: 'Salling Group',
    postalCode: '8000',
    town: 'Aarhus C',
    hoursPerWeek: 37,
    applicationKind: type === 'application' ? 'advertised' : null,
    method: type === 'application' ? 'written' : null,
    activityKind: type === 'activity' ? 'job-fair' : null,
    source: 'Jobnet',
    sourceUrl: '',
    date,
    deadline: null,
    status,
    outcome,
    history: fields.history ?? [{ status, outcome, on: date }],
    notes: '',
    cv: null,
    createdAt: `${date}T09:00:00.000Z`,
    updatedAt: `${date}T09:00:00.000Z`,
    ...fields,
  };
}

/** A small seeded generator (mulberry32), so "random" joblogs are the same in every run. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const TITLES = ['Lagermedarbejder', 'Pædagogmedhjælper', 'Social- og sundhedshjælper', 'Kok', 'Buschauffør', 'Butiksassistent', 'IT-supporter', 'Rengøringsassistent', 'Tømrer', 'Sygeplejerske', 'Elev i Ærøskøbing', 'Økonomiassistent'];
const EMPLOYERS = ['Salling Group', 'Coop Danmark', 'Region Hovedstaden', 'Aarhus Kommune', 'Vejle Kommune', 'Novo Nordisk', 'Føtex', 'Netto', 'DSV', 'Arla Foods', 'Ørsted', 'Café Åen'];
const TOWNS: [string, string][] = [['8000', 'Aarhus C'], ['7100', 'Vejle'], ['2100', 'København Ø'], ['5000', 'Odense C'], ['9000', 'Aalborg'], ['6700', 'Esbjerg']];
const SOURCES = ['Jobnet', 'LinkedIn', 'Jobindex', 'Avis', 'Facebook', ''];
/** Text that must survive a CSV: separators, quotes, line breaks, would-be formulas, other scripts. */
const NASTY = ['', 'Ring til Mette; hun er sød', 'Sagde "vi vender tilbage"', 'Første linje\nAnden linje', 'Linje\r\nmed CRLF', '=HYPERLINK("http://x")', '+45 12 34 56 78', '-minus', '@SUM(A1)', "'=allerede citeret", "'helt almindelig", 'Tab\tinde i', 'مرحبا بالعالم', '<img src=x onerror=alert(1)>', 'æøå ÆØÅ é ü'];

const pick = <T>(next: () => number, items: readonly T[]): T => items[Math.floor(next() * items.length)];

/** `count` varied entries dated up to two years before `today` (never after it), with consistent histories. */
export function randomEntries(count: number, seed: number, today: IsoDate = '2026-06-15'): JoblogEntry[] {
  const next = random(seed);
  const entries: JoblogEntry[] = [];
  for (let index = 0; index < count; index++) {
    const type = next() < 0.85 ? 'application' : 'activity';
    const date = addDays(today, -Math.floor(next() * 730));
    const [postalCode, town] = next() < 0.9 ? pick(next, TOWNS) : ['', ''];
    const status: Status = type === 'activity' ? 'closed' : pick(next, STATUSES);
    const history: StatusChange[] = [];
    if (type === 'application') {
      let on = date;
      for (const step of STATUSES.slice(0, STATUSES.indexOf(status) + 1)) {
        if (step === 'saved' && status !== 'saved' && next() < 0.7) continue;
        history.push({ status: step, outcome: step === 'closed' ? pick(next, [...OUTCOMES, null]) : null, on });
        on = addDays(on, Math.floor(next() * 20));
        if (on > today) on = today;
      }
    } else history.push({ status, outcome: null, on: date });
    const last = history[history.length - 1];
    const created = `${date}T${String(Math.floor(next() * 24)).padStart(2, '0')}:${String(Math.floor(next() * 60)).padStart(2, '0')}:00.000Z`;
    entries.push({
      id: `r${String(seed)}-${String(index)}-${Math.floor(next() * 1e9).toString(36)}`,
      type,
      title: `${pick(next, TITLES)}${next() < 0.3 ? ` ${String(index)}` : ''}`,
      employer: type === 'application' || next() < 0.5 ? pick(next, EMPLOYERS) : '',
      postalCode,
      town,
      hoursPerWeek: next() < 0.2 ? null : Math.round(next() * 160) / 2,
      applicationKind: type === 'application' ? pick(next, [...APPLICATION_KINDS, null]) : null,
      method: type === 'application' ? pick(next, [...APPLY_METHODS, null]) : null,
      activityKind: type === 'activity' ? pick(next, ACTIVITY_KINDS) : null,
      source: pick(next, SOURCES),
      sourceUrl: next() < 0.3 ? `https://job.example.dk/${String(index)}?q=a;b&c="d"` : '',
      date,
      deadline: next() < 0.4 ? addDays(date, Math.floor(next() * 30) - 5) : null,
      status: last.status,
      outcome: last.outcome,
      history,
      notes: pick(next, NASTY),
      cv: next() < 0.3 ? { versionId: `cv-${String(Math.floor(next() * 5))}`, name: pick(next, ['CV til lager', 'CV; kort', 'Mit "bedste" CV']) } : null,
      createdAt: created,
      updatedAt: created,
    });
  }
  return entries;
}
