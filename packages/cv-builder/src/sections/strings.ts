import type { Translations } from '@jobunivers/core';

/**
 * The section editors' strings as the cv-builder namespace needs them. The locale files keep them nested under
 * `"section"` for reading (`{ "section": { "work": { "add": "…" } } }`); i18next is set up with `keySeparator:
 * false`, so the namespace wants flat keys (`section.work.add`).
 */
export function sectionStrings(nested: object, prefix = ''): Translations {
  const flat: Translations = {};
  for (const [key, value] of Object.entries(nested)) {
    const name = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'string') flat[name] = value;
    else if (typeof value === 'object' && value !== null) Object.assign(flat, sectionStrings(value as object, name));
  }
  return flat;
}
