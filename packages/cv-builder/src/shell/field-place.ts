import type { Cv } from '../model/cv.js';
import type { Translate } from './shell-host.js';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Labels the sections do not name per field. */
const COMMON: Partial<Record<string, string>> = { start: 'section.common.from', end: 'section.common.to', hidden: 'section.common.hideSection' };

/**
 * Names a field of the editor as the citizen sees it, from the sections' own labels: `work.<id>.start` →
 * "Erhvervserfaring 3 → Fra", `contact.profiles.<id>.url` → "Kontaktoplysninger → Profil 1 → Link til profilen",
 * `languages.<id>.skills.reading` → "Sprog 2 → Læse". Parts without a label are left out rather than shown as code.
 */
export function fieldPlace(path: string, cv: Cv, t: Translate): string {
  const [section = '', ...rest] = path.split('.');
  const has = (key: string): boolean => t(key) !== key;
  const label = (key: string, segment: string): string | undefined =>
    [key, `${key}Legend`, `${key}.legend`, COMMON[segment]].find((candidate) => candidate !== undefined && has(candidate));
  const parts: string[] = [];
  let base = `section.${section}`;
  let node: unknown = (cv as unknown as Record<string, unknown>)[section];
  let ownItemFirst = false;
  for (const [position, segment] of rest.entries()) {
    const list = Array.isArray(node) ? node : isRecord(node) && Array.isArray(node['items']) ? node['items'] : undefined;
    const index = list?.findIndex((item) => isRecord(item) && item['id'] === segment) ?? -1;
    if (list !== undefined && index >= 0) {
      // An item: "Erhvervserfaring 3". The items inside a custom section have strings of their own.
      if (parts.length > 0 && has(`${base}.items.item`)) base = `${base}.items`;
      if (parts.length === 0 && base === `section.${section}`) ownItemFirst = true;
      parts.push(t(`${base}.item`, { n: index + 1 }));
      node = list[index];
      continue;
    }
    const key = `${base}.${segment}`;
    const next = isRecord(node) ? node[segment] : undefined;
    if (segment === 'present' && has(key)) {
      parts[parts.length - 1] = t(key);
    } else if (position < rest.length - 1 && (Array.isArray(next) || isRecord(next))) {
      base = key; // a list or group inside (profiles, per-skill levels): what follows names it
    } else {
      const found = label(key, segment);
      if (found !== undefined) parts.push(t(found));
    }
    node = next;
  }
  if (!ownItemFirst) parts.unshift(t(`section.${section}.heading`));
  return parts.join(' → ');
}
