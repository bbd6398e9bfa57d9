// Named versions ("CV til lagerjob"): records of their own next to the draft in the CV's browser store, so versions
// saved in two tabs are both kept. `CvDraftStore.versions()` loads this on first use — nobody needs it to start typing.
import type { LocalStore } from '@jobunivers/core/store';
import { countItems } from '../model/compare.js';
import type { Cv } from '../model/cv.js';
import { newId } from '../model/new-item.js';
import type { ExternalChange } from './draft-store.js';

/** A named version as `list()` shows it. */
export interface VersionInfo {
  id: string;
  /** As the citizen named it, e.g. "CV til lagerjob". */
  name: string;
  /** ISO time it was saved. */
  savedAt: string;
  /** `countItems()` of its CV. */
  items: number;
}

export interface StoredVersion extends VersionInfo {
  cv: Cv;
}

interface VersionRecord extends VersionInfo {
  cv: unknown;
}

const VERSION_PREFIX = 'version:';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function toVersionInfo(value: unknown): VersionInfo | undefined {
  if (!isRecord(value)) return undefined;
  const { id, name, savedAt, items } = value;
  if (typeof id !== 'string' || typeof name !== 'string' || typeof savedAt !== 'string') return undefined;
  return { id, name, savedAt, items: typeof items === 'number' ? items : 0 };
}

let lastStamp = 0;

/** An ISO time later than every earlier one, so versions saved in one millisecond keep their order. */
function stamp(): string {
  const time = Math.max(Date.now(), lastStamp + 1);
  lastStamp = time;
  return new Date(time).toISOString();
}

/**
 * The versions in a draft store's records. `changed` tells other tabs (no content); `read` brings a stored CV up to
 * the current model (`migrateStoredCv`, handed over by the store, which has it loaded already).
 */
export class Versions {
  readonly #records: () => LocalStore<unknown>;
  readonly #changed: (change: ExternalChange) => void;
  readonly #read: (stored: unknown) => Cv | undefined;

  constructor(records: () => LocalStore<unknown>, changed: (change: ExternalChange) => void, read: (stored: unknown) => Cv | undefined) {
    this.#records = records;
    this.#changed = changed;
    this.#read = read;
  }

  /** Saves `cv` as a named version ("CV til lagerjob") at once. Rejects when the write fails. */
  async save(name: string, cv: Cv): Promise<VersionInfo> {
    const info: VersionInfo = { id: newId(), name: name.trim(), savedAt: stamp(), items: countItems(cv) };
    const record: VersionRecord = { ...info, cv };
    await this.#records().put(VERSION_PREFIX + info.id, record);
    this.#changed('versions');
    return info;
  }

  /** The named versions, newest first. */
  async list(): Promise<VersionInfo[]> {
    const versions: VersionInfo[] = [];
    for (const [key, value] of await this.#records().entries()) {
      const version = key.startsWith(VERSION_PREFIX) ? toVersionInfo(value) : undefined;
      if (version !== undefined) versions.push(version);
    }
    return versions.sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0));
  }

  /** A named version with its CV, or undefined when it does not exist (or this build cannot read it). */
  async load(id: string): Promise<StoredVersion | undefined> {
    const value = await this.#records().get(VERSION_PREFIX + id);
    const info = toVersionInfo(value);
    const cv = isRecord(value) ? this.#read(value.cv) : undefined;
    return info === undefined || cv === undefined ? undefined : { ...info, cv };
  }

  /** Renames a version; false when it does not exist. */
  async rename(id: string, name: string): Promise<boolean> {
    const value = await this.#records().get(VERSION_PREFIX + id);
    if (!isRecord(value) || toVersionInfo(value) === undefined) return false;
    await this.#records().put(VERSION_PREFIX + id, { ...value, name: name.trim() });
    this.#changed('versions');
    return true;
  }

  /** Deletes a version (deleting one that does not exist is not an error). */
  async delete(id: string): Promise<void> {
    await this.#records().delete(VERSION_PREFIX + id);
    this.#changed('versions');
  }
}
