import type { EntryType, IsoDate, JoblogEntry, Status } from './entry.js';
import { STATUS_ORDER } from './status.js';
import { searchText, searchWords, sortKey } from './text.js';

export const SORT_KEYS = ['date', 'deadline', 'employer', 'title', 'status'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';

export interface EntrySort {
  key: SortKey;
  direction: SortDirection;
}

/** What the list shows. Every part is optional; an empty or missing part lets everything through. */
export interface EntryFilter {
  /** Words to find (all of them) in title, employer, postcode, town, source, notes or the CV's name. */
  text?: string;
  statuses?: readonly Status[] | null;
  types?: readonly EntryType[] | null;
  /** Dates from and to, both included. */
  from?: IsoDate | null;
  to?: IsoDate | null;
}

/** What one entry is searched and sorted by, made once (the sort keys on the first sort that needs them). */
interface Prepared {
  readonly entry: JoblogEntry;
  readonly haystack: string;
  title?: string;
  employer?: string;
}

/** The entries prepared for fast filtering and sorting. Make it with `prepareIndex`; it never changes. */
export interface SearchIndex {
  readonly entries: readonly JoblogEntry[];
  /** @internal */
  readonly prepared: readonly Prepared[];
}

// Entries are immutable values: an entry object seen before keeps its prepared form, so re-preparing after one
// entry was added or changed costs one entry's folding, not 10,000.
const preparedCache = new WeakMap<JoblogEntry, Prepared>();

function prepare(entry: JoblogEntry): Prepared {
  let prepared = preparedCache.get(entry);
  if (prepared === undefined) {
    const haystack = searchText([entry.title, entry.employer, entry.postalCode, entry.town, entry.source, entry.notes, entry.cv?.name ?? ''].join('\n'));
    prepared = { entry, haystack };
    preparedCache.set(entry, prepared);
  }
  return prepared;
}

/** Prepares entries for `filterEntries`: folded search text and sort keys per entry (cached per entry object). */
export function prepareIndex(entries: readonly JoblogEntry[]): SearchIndex {
  return { entries, prepared: entries.map(prepare) };
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Empty text sorts last whichever way the list is sorted: an entry without an employer is not "first". */
function compareWithEmptyLast(a: string, b: string, sign: number): number {
  if (a === b) return 0;
  if (a === '') return 1;
  if (b === '') return -1;
  return sign * compareText(a, b);
}

function comparator(sort: EntrySort): (a: Prepared, b: Prepared) => number {
  const sign = sort.direction === 'asc' ? 1 : -1;
  switch (sort.key) {
    case 'date':
      return (a, b) => sign * compareText(a.entry.date, b.entry.date);
    case 'deadline':
      return (a, b) => compareWithEmptyLast(a.entry.deadline ?? '', b.entry.deadline ?? '', sign);
    case 'employer':
      return (a, b) => compareWithEmptyLast((a.employer ??= sortKey(a.entry.employer)), (b.employer ??= sortKey(b.entry.employer)), sign);
    case 'title':
      return (a, b) => compareWithEmptyLast((a.title ??= sortKey(a.entry.title)), (b.title ??= sortKey(b.entry.title)), sign);
    case 'status':
      return (a, b) => sign * (STATUS_ORDER[a.entry.status] - STATUS_ORDER[b.entry.status]);
  }
}

/** Ties: newest date first, then id, so the order never changes between two identical queries. */
const tieBreak = (a: Prepared, b: Prepared): number => compareText(b.entry.date, a.entry.date) || compareText(a.entry.id, b.entry.id);

/** The ids of the entries that pass `filter`, in the order `sort` asks for. */
export function filterEntries(index: SearchIndex, filter: EntryFilter, sort: EntrySort): string[] {
  const words = searchWords(filter.text ?? '');
  const statuses = filter.statuses && filter.statuses.length > 0 ? new Set(filter.statuses) : null;
  const types = filter.types && filter.types.length > 0 ? new Set(filter.types) : null;
  const from = filter.from ?? null;
  const to = filter.to ?? null;
  const matches: Prepared[] = [];
  for (const prepared of index.prepared) {
    const { entry } = prepared;
    if (statuses !== null && !statuses.has(entry.status)) continue;
    if (types !== null && !types.has(entry.type)) continue;
    if (from !== null && entry.date < from) continue;
    if (to !== null && entry.date > to) continue;
    if (words.length > 0 && !words.every((word) => prepared.haystack.includes(word))) continue;
    matches.push(prepared);
  }
  const compare = comparator(sort);
  matches.sort((a, b) => compare(a, b) || tieBreak(a, b));
  return matches.map((prepared) => prepared.entry.id);
}
