import { LIST_SECTION_KEYS, type Cv } from './cv.js';
import { isRecord, jsonEquals } from './json-values.js';

/**
 * How many items the CV holds: the items of every list section and of the custom sections, hidden ones too
 * (job titles, experiences, educations, skills …; not the contact profiles). For events, which carry counts only.
 */
export function countItems(cv: Cv): number {
  let count = 0;
  for (const key of LIST_SECTION_KEYS) count += cv[key].items.length;
  for (const section of cv.custom) count += section.items.length;
  return count;
}

/** Drops `extra: {}` (the same as no `extra`) at every level, so two CVs that say the same compare equal. */
function normalized(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalized);
  if (!isRecord(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key, item]) => !(key === 'extra' && isRecord(item) && Object.keys(item).length === 0))
      .map(([key, item]) => [key, key === 'extra' ? item : normalized(item)]),
  );
}

/**
 * Whether two CVs hold the same content: deep equality of the plain data, where an absent field, a field set to
 * `undefined` and an empty item `extra` are the same. `extra` values are compared exactly.
 */
export const cvEquals = (a: Cv, b: Cv): boolean => a === b || jsonEquals(normalized(a), normalized(b));
