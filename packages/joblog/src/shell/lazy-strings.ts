import { getI18n, type Translations } from '@jobunivers/core';
import { JOBLOG_NAMESPACE } from '../locales/register.js';

const added = new Set<string>();

/**
 * The Danish strings of the parts that load on demand (the dialogs, the views) travel with them, so the first load
 * stays small. English and Arabic load whole when needed. A host's own wording is never overwritten.
 */
export function addDanishStrings(part: string, strings: Translations): void {
  if (added.has(part)) return;
  added.add(part);
  getI18n().addResourceBundle('da', JOBLOG_NAMESPACE, strings, true, false);
}
