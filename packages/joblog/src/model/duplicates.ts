import type { JoblogEntry } from './entry.js';
import type { Message } from './message.js';
import { foldForMatch } from './text.js';

/**
 * The entries that look like the same application as `entry`, to ask "Har du allerede søgt den?" before saving:
 * same type, title and employer (folded with `foldForMatch`: case, spaces, punctuation and marks do not matter; æ,
 * ø and å do) and the same place. Places match when both postcodes are given and equal; when either lacks one, the
 * towns decide if both have one; when either has neither, the place does not tell them apart. Activities must also
 * share the date (going to the same job fair twice is two activities). The entry itself is never its own duplicate.
 */
export function findDuplicates(entries: readonly JoblogEntry[], entry: JoblogEntry): JoblogEntry[] {
  const title = foldForMatch(entry.title);
  if (title === '') return [];
  const employer = foldForMatch(entry.employer);
  const place = placeOf(entry);
  return entries.filter((other) => other.id !== entry.id
    && other.type === entry.type
    && (entry.type === 'application' || other.date === entry.date)
    && foldForMatch(other.title) === title
    && foldForMatch(other.employer) === employer
    && samePlace(place, placeOf(other)));
}

interface Place {
  postalCode: string;
  town: string;
}

const placeOf = (entry: JoblogEntry): Place => ({ postalCode: entry.postalCode.replace(/\s+/g, ''), town: foldForMatch(entry.town) });

function samePlace(a: Place, b: Place): boolean {
  if (a.postalCode !== '' && b.postalCode !== '') return a.postalCode === b.postalCode;
  if (a.town !== '' && b.town !== '') return a.town === b.town;
  return true;
}

/**
 * The key under which an import recognises an entry it already has: type, title, employer, postcode and date,
 * folded as for duplicates (two applications for the same job on different dates are both kept).
 */
export function sameEntryKey(entry: JoblogEntry): string {
  let key = entryKeys.get(entry);
  if (key === undefined) {
    key = [entry.type, foldForMatch(entry.title), foldForMatch(entry.employer), entry.postalCode.replace(/\s+/g, ''), entry.date].join('\u0000');
    entryKeys.set(entry, key);
  }
  return key;
}

// Entries are immutable values, so an entry's key can be kept with it (an import checks against every entry).
const entryKeys = new WeakMap<JoblogEntry, string>();

/** What to say before saving a duplicate (then `duplicate.question`: "Vil du gemme den alligevel?"), or `null`. */
export function duplicateMessage(entry: JoblogEntry, duplicates: readonly JoblogEntry[]): Message | null {
  if (duplicates.length === 0) return null;
  return entry.type === 'application' ? { key: 'duplicate.application', params: { count: duplicates.length } } : { key: 'duplicate.activity', params: {} };
}
