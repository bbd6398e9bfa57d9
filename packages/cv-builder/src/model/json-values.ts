// Small helpers for plain JSON values (the CV's `extra` fields and imported documents).

export type JsonRecord = Record<string, unknown>;

export const isRecord = (value: unknown): value is JsonRecord => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A deep copy of a JSON value. Objects are built with `Object.fromEntries`, so a key named `__proto__` stays an
 * ordinary key and never changes a prototype.
 */
export function cloneJson<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => cloneJson(item)) as T;
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, cloneJson(item)])) as T;
  return value;
}

/** A copy of `record` (deep) without `keys`. */
export const withoutKeys = (record: JsonRecord, keys: readonly string[]): JsonRecord =>
  Object.fromEntries(Object.entries(record).filter(([key]) => !keys.includes(key)).map(([key, item]) => [key, cloneJson(item)]));

/**
 * Deep equality of plain data (what `JSON.parse` and the CV model hold). A member whose value is `undefined`
 * counts as absent.
 */
export function jsonEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, index) => jsonEquals(item, b[index]));
  if (!isRecord(a) || !isRecord(b)) return false;
  const keysOf = (record: JsonRecord): string[] => Object.keys(record).filter((key) => record[key] !== undefined);
  const aKeys = keysOf(a);
  const bKeys = keysOf(b);
  return aKeys.length === bKeys.length && aKeys.every((key) => Object.hasOwn(b, key) && jsonEquals(a[key], b[key]));
}
