import type { JoblogShare } from '@jobunivers/contract';
import type { JoblogEntry, Requirement } from '../model/entry.js';
import { openKeyValueDatabase, type Durability, type KeyValueDatabase, type RecordTransaction } from './key-value-database.js';
import { conflictOf, emptySyncState, type EntrySyncState, type JoblogConflict, type OutboxItem, type ServerCopy } from './sync-records.js';

export type { EntrySyncState, JoblogConflict, OutboxItem, ServerCopy } from './sync-records.js';

/** The views of the widget (the last one chosen is kept). */
export type JoblogView = 'list' | 'board' | 'week';

/** The citizen's choices in the widget, kept between visits. Settings only: never text the citizen typed. */
export interface JoblogPrefs {
  view?: JoblogView;
  [setting: string]: string | number | boolean | null | undefined;
}

/** The requirement last read from the server, and when. */
export interface ServerRequirement {
  /** null: the job centre has agreed none (`404`). */
  requirement: Requirement | null;
  /** ISO time it was read. */
  fetchedAt: string;
}

/**
 * What the citizen typed in the entry form and has not saved yet (closed the form, reloaded, the browser crashed):
 * offered back as "Fortsæt" until it is saved or thrown away.
 */
export interface FormDraft {
  /** The form's entry as typed: not validated, not in the joblog. */
  entry: JoblogEntry;
  /** It changes the existing entry with the same id (otherwise it is a new one). */
  editing: boolean;
  /** ISO time of the last change kept. */
  savedAt: string;
}

/** What the store keeps besides the entries (`getMeta`/`setMeta`), with the value each has before it is set. */
export interface JoblogMeta {
  /** The change feed's cursor after the last page taken; null before the first sync. Written by the sync. */
  cursor: string | null;
  /** The requirement the host page set, kept so an offline start shows the same meter. */
  hostRequirement: Requirement | null;
  /** The requirement last read from the server; null when never read. */
  serverRequirement: ServerRequirement | null;
  /** Ids of reminders the citizen dismissed (e.g. `follow-up:<entryId>`): ids only, no text. */
  dismissedReminders: string[];
  /** Whether the joblog is shared with the job centre, as last seen; null when never asked. */
  share: JoblogShare | null;
  prefs: JoblogPrefs;
  /** The entry form's unsaved input; written by `keepFormDraft`. */
  formDraft: FormDraft | null;
}

const META_DEFAULTS: JoblogMeta = {
  cursor: null,
  hostRequirement: null,
  serverRequirement: null,
  dismissedReminders: [],
  share: null,
  prefs: {},
  formDraft: null,
};

export interface JoblogStoreOptions {
  /** The store's name: IndexedDB database `jobunivers-<name>`. Default `joblog`. */
  name?: string;
  /** The IndexedDB factory; `null` keeps everything in memory (`persistent` false). Default `globalThis.indexedDB`. */
  indexedDB?: IDBFactory | null;
  /** Give up on IndexedDB after this many ms (default 3000). */
  openTimeout?: number;
  onExternalChange?: () => void;
  onError?: (error: unknown) => void;
}

/** The result of `updateSyncStates`' decision: the states to write, and meta written in the same transaction. */
export interface SyncStateUpdate<T> {
  states: EntrySyncState[];
  meta?: Partial<Pick<JoblogMeta, 'cursor'>>;
  result: T;
}

const ENTRY = 'entry:';
const OUTBOX = 'outbox:';
const CONFLICT = 'conflict:';
const META = 'meta:';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Enough of an entry's shape to show it; what an older or damaged record lacks is left for the widget to tolerate. */
const isEntry = (value: unknown): value is JoblogEntry =>
  isRecord(value) && typeof value.id === 'string' && typeof value.title === 'string' && typeof value.date === 'string' && Array.isArray(value.history);

const isOutboxItem = (value: unknown): value is OutboxItem =>
  isRecord(value) && typeof value.id === 'string' && (value.kind === 'put' || value.kind === 'delete') && typeof value.seq === 'number' && typeof value.stamp === 'string';

/**
 * The record `entry:<id>`: the entry and the server version it is based on, together, so a synced entry is one
 * write. After a deletion here the record stays with `entry: null` (a tombstone) until the server deleted it too.
 */
interface EntryRecord {
  entry: JoblogEntry | null;
  version: number | null;
}

/** An entry record as read back: its entry still to be checked (a record written by another build may differ). */
const isEntryRecord = (value: unknown): value is { entry: unknown; version: number | null } =>
  isRecord(value) && (value.version === null || typeof value.version === 'number');

const isServerCopy = (value: unknown): value is ServerCopy =>
  isRecord(value) && (value.entry === null || isEntry(value.entry)) && (value.version === null || typeof value.version === 'number');

/**
 * The citizen's joblog in this browser: one IndexedDB record per entry (`entry:<id>`, the entry with the server
 * version it is based on), so a save writes one small record and a start reads them all in one request; beside them
 * the outbox (`outbox:<id>`, a mark per entry with a change the server has not got), open conflicts
 * (`conflict:<id>`, the server's copy) and a few meta records (`meta:<key>`). Everything personal stays in
 * IndexedDB (never localStorage). Where IndexedDB is missing it lives in memory (`persistent` false: tell the
 * citizen their log is gone on reload).
 *
 * Writes: `put`, `putMany` and `delete` resolve once the change (with its outbox mark, in the same transaction) is
 * on disk (`durability: strict`): say "Gemt" after, not before. They reject when the browser refused the write.
 *
 * Several tabs: IndexedDB transactions keep each write whole. After every write the others are told through a
 * BroadcastChannel (the message has no content): `onExternalChange` then asks the shell to read again (`all()`).
 */
export class JoblogStore {
  /** Another tab changed the joblog (or wiped it): read again with `all()`/`getMeta`. */
  onExternalChange: (() => void) | undefined;
  /** Work nobody awaits failed (telling other tabs, reopening after another tab's logout). Awaited writes reject instead. */
  onError: ((error: unknown) => void) | undefined;
  /** The store's name (IndexedDB database `jobunivers-<name>`). */
  readonly name: string;

  readonly #database: KeyValueDatabase;
  readonly #channel: BroadcastChannel | undefined;
  readonly #localWriteListeners = new Set<() => void>();
  #lastSeq = 0;
  #warnedUnreadable = false;
  #closed = false;

  private constructor(database: KeyValueDatabase, name: string, options: JoblogStoreOptions) {
    this.#database = database;
    this.name = name;
    this.onExternalChange = options.onExternalChange;
    this.onError = options.onError;
    if (typeof BroadcastChannel !== 'undefined') {
      this.#channel = new BroadcastChannel(`jobunivers-${name}`);
      this.#channel.addEventListener('message', () => {
        try {
          this.onExternalChange?.();
        } catch (error) {
          this.#report(error);
        }
      });
    }
  }

  /** Opens the store. Never rejects: without IndexedDB it lives in memory (`persistent` is false). */
  static async open(options: JoblogStoreOptions = {}): Promise<JoblogStore> {
    const name = options.name ?? 'joblog';
    const database = await openKeyValueDatabase(name, {
      ...(options.indexedDB === undefined ? {} : { indexedDB: options.indexedDB }),
      ...(options.openTimeout === undefined ? {} : { openTimeout: options.openTimeout }),
    });
    return new JoblogStore(database, name, options);
  }

  /** False when everything lives in memory only and is lost on reload. */
  get persistent(): boolean {
    return this.#database.persistent;
  }

  /** Every entry (in id order; the widget sorts). Read once at start, and again after `onExternalChange`. */
  async all(): Promise<JoblogEntry[]> {
    const records = await this.#database.read((transaction) => transaction.values(ENTRY));
    const entries: JoblogEntry[] = [];
    let unreadable = 0;
    for (const record of records) {
      if (!isEntryRecord(record)) unreadable++;
      else if (isEntry(record.entry)) entries.push(record.entry);
      else if (record.entry !== null) unreadable++;
    }
    if (unreadable > 0 && !this.#warnedUnreadable) {
      this.#warnedUnreadable = true;
      console.warn(`[jobunivers] <ju-joblog>: ${String(unreadable)} stored entries could not be read by this version; they are kept, not shown.`);
    }
    return entries;
  }

  async get(id: string): Promise<JoblogEntry | undefined> {
    const record = await this.#database.read((transaction) => transaction.get(ENTRY + id));
    return isEntryRecord(record) && isEntry(record.entry) ? record.entry : undefined;
  }

  /** Saves one entry (new or changed) and marks it for the server, in one transaction, on disk when this resolves. */
  async put(entry: JoblogEntry): Promise<void> {
    await this.putMany([entry]);
  }

  /** Saves many entries (an import) in one transaction: all of them, or none when it rejects. */
  async putMany(entries: readonly JoblogEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await this.#database.write(async (transaction) => {
      // The versions known and the marks already waiting (they keep their place). A big import reads which ids are
      // here (keys only) and the whole outbox in one request each, instead of two requests per entry.
      const ids = entries.map((entry) => entry.id);
      let known: readonly string[] = ids;
      let marks: unknown[];
      if (entries.length > 50) {
        const here = new Set((await transaction.keys(ENTRY)).map((key) => key.slice(ENTRY.length)));
        known = ids.filter((id) => here.has(id));
        marks = await transaction.values(OUTBOX);
      } else {
        marks = await Promise.all(ids.map((id) => transaction.get(OUTBOX + id)));
      }
      const records = await Promise.all(known.map((id) => transaction.get(ENTRY + id)));
      const versions = new Map(known.map((id, index) => {
        const record = records[index];
        return [id, isEntryRecord(record) ? record.version : null];
      }));
      const waiting = new Map<string, OutboxItem>();
      for (const mark of marks) if (isOutboxItem(mark)) waiting.set(mark.id, mark);
      for (const entry of entries) {
        const record: EntryRecord = { entry, version: versions.get(entry.id) ?? null };
        transaction.put(ENTRY + entry.id, record);
        transaction.put(OUTBOX + entry.id, this.#mark(entry.id, 'put', waiting.get(entry.id)));
      }
    }, 'strict');
    this.#changed(true);
  }

  /**
   * Deletes an entry here. If the server has it, a tombstone stays (its record with `entry: null` and the version,
   * and an outbox mark `delete`) until the server has deleted it too; an entry the server never had is simply gone.
   * Deleting what is not there is not an error.
   */
  async delete(id: string): Promise<void> {
    const deleted = await this.#database.write(async (transaction) => {
      const state = await this.#readState(transaction, id);
      if (state.entry === null) return false;
      let after: EntrySyncState;
      if (state.conflict !== null && state.conflict.entry === null) {
        after = emptySyncState(id); // deleted on the server too: nothing left to agree on
      } else if (state.version !== null || state.conflict !== null) {
        after = { ...state, entry: null, pending: this.#mark(id, 'delete', state.pending ?? undefined) };
      } else {
        after = { ...state, entry: null, pending: null };
      }
      writeState(transaction, state, after);
      return true;
    }, 'strict');
    if (deleted) this.#changed(true);
  }

  /** A meta value, or its default when never set. */
  async getMeta<K extends keyof JoblogMeta>(key: K): Promise<JoblogMeta[K]> {
    const value = (await this.#database.read((transaction) => transaction.get(META + key))) as JoblogMeta[K] | undefined;
    return value ?? structuredClone(META_DEFAULTS[key]);
  }

  async setMeta<K extends keyof JoblogMeta>(key: K, value: JoblogMeta[K]): Promise<void> {
    await this.#database.write((transaction) => {
      transaction.put(META + key, value);
      return Promise.resolve();
    }, 'relaxed');
    this.#changed(false);
  }

  /**
   * Keeps (or, with null, forgets) the entry form's unsaved input. Written while the citizen types, so other tabs
   * are not told: they would read the whole joblog again for a keystroke.
   */
  async keepFormDraft(draft: FormDraft | null): Promise<void> {
    await this.#database.write((transaction) => {
      transaction.put(META + 'formDraft', draft);
      return Promise.resolve();
    }, 'strict');
  }

  /** The open conflicts, with both versions (the local one as it is now). */
  async conflicts(): Promise<JoblogConflict[]> {
    return this.#database.read(async (transaction) => {
      const ids = (await transaction.keys(CONFLICT)).map((key) => key.slice(CONFLICT.length));
      const states = await Promise.all(ids.map((id) => this.#readState(transaction, id)));
      return states.flatMap((state) => conflictOf(state) ?? []);
    });
  }

  /** Changes not yet sent, in the order to send them. */
  async outbox(): Promise<OutboxItem[]> {
    const values = await this.#database.read((transaction) => transaction.values(OUTBOX));
    return values.filter(isOutboxItem).sort((a, b) => a.seq - b.seq || (a.id < b.id ? -1 : 1));
  }

  /** The sync state of each id (for the sync). */
  async syncStates(ids: readonly string[]): Promise<Map<string, EntrySyncState>> {
    return this.#database.read((transaction) => this.#readStates(transaction, ids));
  }

  /**
   * For the sync: reads the state of `ids`, lets `decide` (synchronous, pure) say what to write, and writes it, all
   * in one transaction, so a save the citizen makes meanwhile is never overwritten by a decision taken without it.
   */
  async updateSyncStates<T>(
    ids: readonly string[],
    decide: (states: Map<string, EntrySyncState>) => SyncStateUpdate<T>,
    durability: Durability = 'relaxed',
  ): Promise<T> {
    const { result, wrote } = await this.#database.write(async (transaction) => {
      const before = await this.#readStates(transaction, ids);
      const update = decide(before);
      let written = false;
      for (const state of update.states) written = writeState(transaction, before.get(state.id) ?? emptySyncState(state.id), state) || written;
      for (const [key, value] of Object.entries(update.meta ?? {})) {
        transaction.put(META + key, value);
        written = true;
      }
      return { result: update.result, wrote: written };
    }, durability);
    if (wrote) this.#changed(false);
    return result;
  }

  /**
   * Deletes everything this store holds in this browser (logout, `reset()`): entries, outbox, conflicts, meta, and
   * the IndexedDB database itself. Other tabs are told and find an empty joblog. The store can be used again after.
   */
  async wipe(): Promise<void> {
    await this.#database.destroy();
    this.#changed(false);
  }

  /** Stops telling and listening to other tabs and closes the database. */
  close(): void {
    this.#closed = true;
    this.#channel?.close();
    this.#localWriteListeners.clear();
    this.#database.close();
  }

  /** For the sync: `listener` runs after each local save (`put`, `putMany`, `delete`). Returns the unsubscribe. */
  onLocalWrite(listener: () => void): () => void {
    this.#localWriteListeners.add(listener);
    return () => { this.#localWriteListeners.delete(listener); };
  }

  /**
   * The states of many ids (a feed page). Reading three records per id is what makes a first sync slow, so for many
   * ids the keys are read first (keys only), and records are read only for ids this browser knows: an id without an
   * entry record, an outbox mark or a conflict is not here.
   */
  async #readStates(transaction: RecordTransaction, ids: readonly string[]): Promise<Map<string, EntrySyncState>> {
    if (ids.length <= 20) return new Map((await Promise.all(ids.map((id) => this.#readState(transaction, id)))).map((state) => [state.id, state]));
    const keyed = await Promise.all([ENTRY, OUTBOX, CONFLICT].map(async (prefix) => new Set((await transaction.keys(prefix)).map((key) => key.slice(prefix.length)))));
    const known = (id: string): boolean => keyed.some((set) => set.has(id));
    const states = await Promise.all(ids.map((id) => (known(id) ? this.#readState(transaction, id) : Promise.resolve(emptySyncState(id)))));
    return new Map(states.map((state) => [state.id, state]));
  }

  async #readState(transaction: RecordTransaction, id: string): Promise<EntrySyncState> {
    const [record, mark, copy] = await Promise.all([transaction.get(ENTRY + id), transaction.get(OUTBOX + id), transaction.get(CONFLICT + id)]);
    return {
      id,
      entry: isEntryRecord(record) && isEntry(record.entry) ? record.entry : null,
      version: isEntryRecord(record) ? record.version : null,
      pending: isOutboxItem(mark) ? mark : null,
      conflict: isServerCopy(copy) ? copy : null,
    };
  }

  /** The outbox mark of a new local change: a mark already waiting keeps its place in the queue (coalescing). */
  #mark(id: string, kind: OutboxItem['kind'], waiting: OutboxItem | undefined): OutboxItem {
    return { id, kind, seq: waiting?.seq ?? this.#nextSeq(), stamp: crypto.randomUUID() };
  }

  /** Increasing within this tab even for thousands of marks in one millisecond; ordered by time across tabs. */
  #nextSeq(): number {
    this.#lastSeq = Math.max(Date.now() * 1024, this.#lastSeq + 1);
    return this.#lastSeq;
  }

  #changed(local: boolean): void {
    if (this.#closed) return; // a write that was on its way when the store was closed
    try {
      this.#channel?.postMessage(null);
    } catch (error) {
      this.#report(error);
    }
    if (!local) return;
    for (const listener of this.#localWriteListeners) {
      try {
        listener();
      } catch (error) {
        this.#report(error);
      }
    }
  }

  #report(error: unknown): void {
    if (this.onError) this.onError(error);
    else console.error('[jobunivers] <ju-joblog>:', error);
  }
}

/** Writes what differs between `before` and `after`; true when anything was written. */
function writeState(transaction: RecordTransaction, before: EntrySyncState, after: EntrySyncState): boolean {
  const { id } = after;
  let wrote = false;
  const set = (key: string, old: unknown, value: unknown): void => {
    if (old === value) return;
    wrote = true;
    if (value === null) transaction.delete(key);
    else transaction.put(key, value);
  };
  if (before.entry !== after.entry || before.version !== after.version) {
    wrote = true;
    if (after.entry === null && after.version === null) transaction.delete(ENTRY + id);
    else transaction.put(ENTRY + id, { entry: after.entry, version: after.version } satisfies EntryRecord);
  }
  set(OUTBOX + id, before.pending, after.pending);
  set(CONFLICT + id, before.conflict, after.conflict);
  return wrote;
}
