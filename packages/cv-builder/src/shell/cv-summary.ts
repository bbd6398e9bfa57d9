import { LIST_SECTION_KEYS, SECTION_KEYS, emptyCv, type Cv, type SectionKey } from '../model/cv.js';

/** Structural equality of plain data (what a CV is made of). */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => sameData(item, b[index]));
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left).filter((key) => left[key] !== undefined);
  return keys.length === Object.keys(right).filter((key) => right[key] !== undefined).length && keys.every((key) => sameData(left[key], right[key]));
}

let blank: Cv | undefined;
/** True when the CV holds nothing (as a new one): then there is nothing to keep as a version. */
export const isBlankCv = (cv: Cv): boolean => sameData(cv, (blank ??= emptyCv()));

/** The sections whose content differs between two CVs, in the editor's order. */
export const changedSections = (a: Cv, b: Cv): SectionKey[] => SECTION_KEYS.filter((key) => !sameData(a[key], b[key]));

export type CountKey = (typeof LIST_SECTION_KEYS)[number] | 'custom';

/** How many items each list section holds (hidden ones too), only the sections that have any. */
export function sectionCounts(cv: Cv): [CountKey, number][] {
  const counts: [CountKey, number][] = LIST_SECTION_KEYS.map((key) => [key, cv[key].items.length]);
  counts.push(['custom', cv.custom.reduce((sum, section) => sum + section.items.length, 0)]);
  return counts.filter(([, count]) => count > 0);
}
