import { deleteLocalStore, openLocalStore, type LocalStore } from '@jobunivers/core/store';
import type { Cv } from '../model/cv.js';
import { migrateStoredCv } from './migrate.js';
import type { Versions } from './versions.js';

export type { StoredVersion, VersionInfo, Versions } from './versions.js';

/** Where this browser's copy stands against the server's. */
export interface SyncState {
  /** The server's ETag of the copy last pushed or pulled; null when this browser never synced. */
  etag: string | null;
  /** `cvHash()` of the CV at that moment; null when never synced. */
  syncedHash: string | null;
  /** Whether the citizen shares a copy with the job centre, as last seen. */
  shared?: boolean;
}

export interface StoredDraft {
  cv: Cv;
  /** ISO time of the write. */
  savedAt: string;
  sync: SyncState;
}

/** What `onSaved` reports after each autosave reached storage. Times in ms. */
export interface DraftSavedInfo {
  savedAt: string;
  /** From the oldest change in this write (its `schedule()`) until the write finished: the autosave latency. */
  latencyMs: number;
  /** How long the write itself took. */
  writeMs: number;
  /** False when the store lives in memory only (no IndexedDB): the draft is gone on reload. */
  persistent: boolean;
}

/** What changed in another tab (BroadcastChannel). */
export type ExternalChange = 'draft' | 'sync' | 'versions' | 'wiped';

export interface CvDraftStoreOptions {
  /** The IndexedDB factory; `null` keeps everything in memory. Default `globalThis.indexedDB`. */
  indexedDB?: IDBFactory | null;
  /** The store's name (IndexedDB database `jobunivers-<name>`). Default `cv`. */
  name?: string;
  /** Write this long after the last `schedule()`. Default 250 ms. */
  debounceMs?: number;
  /**
   * Write at the latest this long after the first unsaved `schedule()`, even while the citizen keeps typing.
   * Default 750 ms, which leaves room for the write itself within the promised second.
   */
  maxWaitMs?: number;
  /** Use this store instead of opening one (tests; hosts with storage of their own). `wipe()` then only clears it. */
  store?: LocalStore<unknown>;
  onSaved?: (info: DraftSavedInfo) => void;
  onError?: (error: unknown) => void;
  onExternalChange?: (change: ExternalChange) => void;
  /** Named versions were saved, renamed or deleted — in this tab or another — or wiped with the rest. */
  onVersionsChanged?: () => void;
}

const DRAFT_KEY = 'draft';
const SYNC_KEY = 'sync';
/** Drafts this build cannot read (written by a newer build, or damaged) are moved here instead of overwritten. */
const UNREADABLE_PREFIX = 'unreadable:';
const NEVER_SYNCED: SyncState = { etag: null, syncedHash: null };

/** localStorage, or undefined where the page may not use it (blocked storage throws on access). */
function pageStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

interface DraftRecord {
  cv: unknown;
  savedAt: string;
}

interface ChannelMessage {
  change: ExternalChange;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isChange = (value: unknown): value is ExternalChange =>
  value === 'draft' || value === 'sync' || value === 'versions' || value === 'wiped';

/**
 * The citizen's CV in this browser: the draft (autosaved while typing), named versions and the sync state, in
 * IndexedDB (`openLocalStore`), or in memory where IndexedDB is missing (`persistent` says which).
 *
 * Autosave: `schedule(cv)` on every change; the write happens `debounceMs` after the last change, and at the
 * latest `maxWaitMs` after the first unsaved one, so a change is stored within a second even while the citizen
 * keeps typing. `flush()` writes at once (page hidden, before export or sync). Writes never overlap and the newest
 * state always wins. A failed write keeps the state in memory, calls `onError`, and is tried again on the next
 * `schedule()` or `flush()`.
 *
 * Several tabs: each tab writes whole records, so the last write of a record (draft, sync state, a version) wins.
 * Tabs tell each other through a BroadcastChannel (`onExternalChange`, no content in the message), so the shell
 * can say "Dit CV er ændret i et andet vindue" and offer to load it; versions are separate records, so versions
 * saved in two tabs are both kept.
 */
export class CvDraftStore {
  onSaved: ((info: DraftSavedInfo) => void) | undefined;
  onError: ((error: unknown) => void) | undefined;
  onExternalChange: ((change: ExternalChange) => void) | undefined;
  onVersionsChanged: (() => void) | undefined;

  #store: LocalStore<unknown>;
  readonly #ownsStore: boolean;
  readonly #name: string;
  readonly #factory: IDBFactory | null | undefined;
  readonly #debounceMs: number;
  readonly #maxWaitMs: number;
  readonly #channel: BroadcastChannel | undefined;

  /** The newest state not yet written, and when its oldest unsaved change was scheduled. */
  #pending: Cv | undefined;
  #pendingSince = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #writing: Promise<void> | undefined;
  /** The state being written now (it may never land if the page goes away before the write commits). */
  #inFlight: Cv | undefined;
  /** A copy was put in localStorage by `rescue()` and not yet superseded by a finished write. */
  #rescued = false;
  #wiping = false;
  #closed = false;

  private constructor(store: LocalStore<unknown>, ownsStore: boolean, name: string, options: CvDraftStoreOptions) {
    this.#store = store;
    this.#ownsStore = ownsStore;
    this.#name = name;
    this.#factory = options.indexedDB;
    this.#debounceMs = options.debounceMs ?? 250;
    this.#maxWaitMs = options.maxWaitMs ?? 750;
    this.onSaved = options.onSaved;
    this.onError = options.onError;
    this.onExternalChange = options.onExternalChange;
    this.onVersionsChanged = options.onVersionsChanged;
    if (typeof BroadcastChannel !== 'undefined') {
      this.#channel = new BroadcastChannel(`jobunivers-${name}`);
      this.#channel.addEventListener('message', (event: MessageEvent<unknown>) => { void this.#onMessage(event.data); });
    }
  }

  /** Opens the store. Never rejects: without IndexedDB the store lives in memory (`persistent` is false). */
  static async open(options: CvDraftStoreOptions = {}): Promise<CvDraftStore> {
    const name = options.name ?? 'cv';
    const store = options.store ?? (await openLocalStore<unknown>(name, CvDraftStore.#storeOptions(options.indexedDB)));
    return new CvDraftStore(store, options.store === undefined, name, options);
  }

  static #storeOptions(factory: IDBFactory | null | undefined): { indexedDB?: IDBFactory | null } {
    return factory === undefined ? {} : { indexedDB: factory };
  }

  /** False when everything lives in memory only and is lost on reload: tell the citizen. */
  get persistent(): boolean {
    return this.#store.persistent;
  }

  /** True while a change is waiting to be written (or being written). */
  get dirty(): boolean {
    return this.#pending !== undefined || this.#writing !== undefined;
  }

  /**
   * The stored draft, or undefined when there is none. Rejects when storage cannot be read: then do not start
   * autosaving over a draft you could not see. A draft this build cannot read is kept aside, never overwritten.
   */
  async load(): Promise<StoredDraft | undefined> {
    const [stored, sync] = await Promise.all([this.#store.get(DRAFT_KEY), this.loadSyncState()]);
    const record = await this.#takeRescued(stored);
    if (record === undefined) return undefined;
    const cv = isRecord(record) ? migrateStoredCv(record.cv) : undefined;
    if (!isRecord(record) || cv === undefined) {
      await this.#store.put(`${UNREADABLE_PREFIX}${new Date().toISOString()}`, record);
      await this.#store.delete(DRAFT_KEY);
      console.warn('[jobunivers] <ju-cv-builder>: the stored CV draft could not be read by this version; it was kept aside.');
      return undefined;
    }
    return { cv, savedAt: typeof record.savedAt === 'string' ? record.savedAt : '', sync };
  }

  /** Autosave: call on every change. Cheap; the write happens later (see the class description). */
  schedule(cv: Cv): void {
    if (this.#closed || this.#wiping) return;
    const now = performance.now();
    if (this.#pending === undefined) this.#pendingSince = now;
    this.#pending = cv;
    clearTimeout(this.#timer);
    const due = Math.min(now + this.#debounceMs, this.#pendingSince + this.#maxWaitMs);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.#drain();
    }, Math.max(0, due - now));
  }

  /**
   * Writes the scheduled change now and waits for every write to finish. Call on `pagehide`, on
   * `visibilitychange` to hidden, and before export or sync. Never rejects; failures go to `onError`.
   * The write starts synchronously, so it is on its way even if the page is closed right after.
   */
  flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    return this.#drain();
  }

  /**
   * Keeps the newest unsaved change in localStorage, synchronously, and starts writing it to IndexedDB. Call on
   * `pagehide` and when the page is hidden: a browser may drop an IndexedDB write that starts while the page goes
   * away (Chromium does on reload), but keeps a localStorage write. `load()` takes the copy back (when it is newer
   * than the stored draft) and deletes it; a finished write deletes it too, so it lives only as long as needed.
   */
  rescue(): void {
    const cv = this.#pending ?? this.#inFlight;
    if (cv !== undefined && this.persistent && !this.#closed && !this.#wiping) {
      const record: DraftRecord = { cv, savedAt: new Date().toISOString() };
      try {
        pageStorage()?.setItem(this.#rescueKey, JSON.stringify(record));
        this.#rescued = true;
      } catch {
        // Storage full or blocked: the IndexedDB write below is the remaining chance.
      }
    }
    void this.flush();
  }

  get #rescueKey(): string {
    return `jobunivers-${this.#name}:unsaved`;
  }

  /**
   * The draft to load: the rescued copy unless `stored` was saved later (in another tab), else `stored`. A copy
   * from the same millisecond wins: it holds the change being written then, or a newer one.
   */
  async #takeRescued(stored: unknown): Promise<unknown> {
    const storage = pageStorage();
    let text: string | null;
    try {
      text = storage?.getItem(this.#rescueKey) ?? null;
    } catch {
      return stored;
    }
    if (text === null) return stored;
    let rescued: unknown;
    try {
      rescued = JSON.parse(text);
    } catch {
      rescued = undefined;
    }
    const storedAt = isRecord(stored) && typeof stored.savedAt === 'string' ? stored.savedAt : '';
    const newer = isRecord(rescued) && typeof rescued.savedAt === 'string' && rescued.savedAt >= storedAt && migrateStoredCv(rescued.cv) !== undefined;
    if (newer) await this.#store.put(DRAFT_KEY, rescued); // rejects like a failed read: then the copy stays for the next try
    this.#forgetRescued();
    return newer ? rescued : stored;
  }

  /** After a write landed: the rescued copy is no longer needed unless a newer change is still waiting. */
  #forgetRescuedWhenWritten(): void {
    if (this.#rescued && this.#pending === undefined) this.#forgetRescued();
  }

  #forgetRescued(): void {
    this.#rescued = false;
    try {
      pageStorage()?.removeItem(this.#rescueKey);
    } catch {
      // blocked storage: nothing was rescued there
    }
  }

  /** Writes pending states one at a time until none is due; returns when done. */
  #drain(): Promise<void> {
    if (this.#writing !== undefined) return this.#writing;
    if (this.#pending === undefined) return Promise.resolve();
    // An async function runs up to its first await at once, so the IndexedDB write is issued synchronously.
    const writing = (async () => {
      try {
        while (this.#pending !== undefined && this.#timer === undefined) {
          const cv = this.#pending;
          const since = this.#pendingSince;
          this.#pending = undefined;
          this.#inFlight = cv;
          const written = await this.#writeDraft(cv, since);
          this.#inFlight = undefined;
          if (written) this.#forgetRescuedWhenWritten();
          if (!written) {
            // Keep the failed state unless a newer one (which holds it all) arrived; try again on the next change.
            this.#pending ??= cv;
            this.#pendingSince = Math.min(this.#pendingSince, since);
            break;
          }
        }
      } finally {
        this.#writing = undefined;
      }
    })();
    this.#writing = writing;
    return writing;
  }

  async #writeDraft(cv: Cv, since: number): Promise<boolean> {
    const started = performance.now();
    const savedAt = new Date().toISOString();
    const record: DraftRecord = { cv, savedAt };
    try {
      await this.#store.put(DRAFT_KEY, record);
    } catch (error) {
      this.#report(error);
      return false;
    }
    const finished = performance.now();
    this.#post('draft');
    try {
      this.onSaved?.({ savedAt, latencyMs: finished - since, writeMs: finished - started, persistent: this.persistent });
    } catch (error) {
      console.error(error); // a throwing listener must not look like a failed save
    }
    return true;
  }

  #report(error: unknown): void {
    if (this.onError) this.onError(error);
    else console.error('[jobunivers] <ju-cv-builder>: the CV could not be saved in this browser.', error);
  }

  /** The sync state; `{ etag: null, syncedHash: null }` when never synced. Rejects when storage cannot be read. */
  async loadSyncState(): Promise<SyncState> {
    const stored = await this.#store.get(SYNC_KEY);
    if (!isRecord(stored)) return { ...NEVER_SYNCED };
    const state: SyncState = {
      etag: typeof stored.etag === 'string' ? stored.etag : null,
      syncedHash: typeof stored.syncedHash === 'string' ? stored.syncedHash : null,
    };
    if (typeof stored.shared === 'boolean') state.shared = stored.shared;
    return state;
  }

  /** Stores the sync state (after a push, a pull or a resolved conflict). Rejects when the write fails. */
  async saveSyncState(state: SyncState): Promise<void> {
    const record: SyncState = { etag: state.etag, syncedHash: state.syncedHash };
    if (state.shared !== undefined) record.shared = state.shared;
    await this.#store.put(SYNC_KEY, record);
    this.#post('sync');
  }

  /**
   * The named versions ("CV til lagerjob"): separate records next to the draft, so versions saved in two tabs are
   * both kept. Their code loads on first use (storage/versions.ts).
   */
  async versions(): Promise<Versions> {
    const { Versions } = await import('./versions.js');
    return new Versions(() => this.#store, (change) => {
      this.#post(change);
      this.onVersionsChanged?.();
    }, migrateStoredCv);
  }

  /**
   * Deletes everything this store holds in this browser: draft, versions, sync state (`reset()` at logout).
   * Anything scheduled but not written is dropped, and `schedule()` is ignored until it is done. The store can be
   * used again afterwards. Other tabs are told (`onExternalChange('wiped')`) and drop what they had scheduled.
   */
  async wipe(): Promise<void> {
    this.#wiping = true;
    try {
      this.#dropScheduled();
      await this.#writing;
      this.#forgetRescued();
      await this.#store.clear();
      if (this.#ownsStore) {
        this.#store.close();
        await deleteLocalStore(this.#name, this.#factory === undefined ? globalThis.indexedDB : this.#factory);
        this.#store = await openLocalStore<unknown>(this.#name, CvDraftStore.#storeOptions(this.#factory));
      }
    } finally {
      this.#wiping = false;
    }
    this.#post('wiped');
    this.onVersionsChanged?.();
  }

  /** Stops autosaving and closes the store. What was scheduled and not flushed is not written. */
  close(): void {
    this.#closed = true;
    this.#dropScheduled();
    this.#channel?.close();
    if (this.#ownsStore) this.#store.close();
  }

  #dropScheduled(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#pending = undefined;
  }

  #post(change: ExternalChange): void {
    const message: ChannelMessage = { change };
    this.#channel?.postMessage(message);
  }

  async #onMessage(data: unknown): Promise<void> {
    if (!isRecord(data) || !isChange(data.change) || this.#closed) return;
    if (data.change === 'wiped') {
      // The citizen logged out in another tab; our connection was closed by the deletion. Keep nothing.
      this.#dropScheduled();
      if (this.#ownsStore) {
        this.#store.close();
        this.#store = await openLocalStore<unknown>(this.#name, CvDraftStore.#storeOptions(this.#factory));
      } else {
        await this.#store.clear();
      }
    }
    this.onExternalChange?.(data.change);
    if (data.change === 'versions' || data.change === 'wiped') this.onVersionsChanged?.();
  }
}
