import type { Cv } from '../model/cv.js';
import { emptyCv } from '../model/cv-basics.js';

/** The `schemaVersion` this build writes. */
export const CURRENT_SCHEMA_VERSION: Cv['schemaVersion'] = 1;

/**
 * One step per older model version: `MIGRATIONS[n]` turns a version-n CV into a version-(n + 1) CV.
 * Only version 1 exists so far; when the model changes, bump `Cv['schemaVersion']` and add the step here
 * (e.g. `1: (old) => ({ ...old, schemaVersion: 2, newSection: … })`), with a test that loads a stored v1 draft.
 */
const MIGRATIONS: Readonly<Partial<Record<number, (old: Record<string, unknown>) => Record<string, unknown>>>> = {};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Brings a CV read from storage (a draft or a named version, maybe written by an older build) up to the current
 * model. Returns undefined when it cannot: not a CV, or written by a newer build (the caller keeps it aside
 * rather than overwrite it).
 */
export function migrateStoredCv(stored: unknown): Cv | undefined {
  if (!isRecord(stored) || typeof stored.schemaVersion !== 'number' || !isRecord(stored.contact)) return undefined;
  let value = stored;
  for (let version = stored.schemaVersion; version < CURRENT_SCHEMA_VERSION; version++) {
    const step = MIGRATIONS[version];
    if (step === undefined) return undefined;
    value = step(value);
  }
  if (value.schemaVersion !== CURRENT_SCHEMA_VERSION) return undefined;
  // Sections added to the model later than the stored draft start empty instead of crashing the editor.
  return { ...emptyCv(), ...value };
}
