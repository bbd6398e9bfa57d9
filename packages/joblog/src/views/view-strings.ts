import type { Translations } from '@jobunivers/core';

/**
 * The views' locale files keep their strings nested for reading (`{ "views": { "list": { "search": "…" } } }`);
 * the namespace is set up with `keySeparator: false`, so it wants flat keys (`views.list.search`).
 */
export function flattenStrings(nested: object, prefix = ''): Translations {
  const flat: Translations = {};
  for (const [key, value] of Object.entries(nested)) {
    const name = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'string') flat[name] = value;
    else if (typeof value === 'object' && value !== null) Object.assign(flat, flattenStrings(value as object, name));
  }
  return flat;
}
