import type { ApiClient } from '@jobunivers/core';
import { ApiError } from '@jobunivers/core';
import type { JoblogEntry, Requirement } from '../model/entry.js';
import type { JoblogStore } from '../storage/entry-store.js';
import { emptySyncState, type EntrySyncState, type JoblogConflict, type OutboxItem } from '../storage/sync-records.js';
import { FEED_PAGE_SIZE, JoblogSync, isOffline, type ShareStatus } from './joblog-sync.js';
import { mergeServerChanges, sameEntry } from './merge.js';

/** What the sync is doing, for the shell's status line. */
export type SyncActivity =
  /** Up to date as far as this browser knows. */
  | 'idle'
  | 'syncing'
  /** The server cannot be reached; changes wait in the outbox and go when it can (`online`, or the next retry). */
  | 'offline'
  /** The server answered with an error (5xx after retries, a reply it could not read); retried with backoff. */
  | 'failed'
  /** The token was refused (401/403): nothing is sent until `sync()` is called again (after a new login). */
  | 'signed-out';

export interface SyncStatus {
  activity: SyncActivity;
  /** Local changes not on the server yet (with the conflicted and refused ones). */
  pending: number;
  /** Open conflicts, waiting for the citizen (`resolve`). */
  conflicts: number;
  /** Changes the server refused for good (e.g. a field too long): sent again only after the entry changes. */
  refused: number;
  /** When a sync last finished with nothing left that could be sent; null before. */
  lastSyncedAt: string | null;
  /** With `failed` and `signed-out`: the error, for the shell to describe in its own words (never shown raw). */
  error?: unknown;
}

/** What the server changed in the citizen's list, to apply to the list the widget shows. */
export interface RemoteChanges {
  put: JoblogEntry[];
  removed: string[];
}

export interface JoblogSyncEngineOptions {
  store: JoblogStore;
  client: ApiClient;
  /** Send this long after the last local save, so quick successive saves go as one PUT. Default 500 ms. */
  pushDelayMs?: number;
  /** The first wait after a failed attempt; doubles each time up to `maxBackoffMs`. Defaults 1 000 and 60 000 ms. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** Feed items per page (the contract allows 1–1000). Default 500. */
  pageSize?: number;
  /** Serialise syncs of the same store across tabs with the Web Locks API where there is one. Default true. */
  crossTabLock?: boolean;
  onRemoteChanges?: (changes: RemoteChanges) => void;
  /** Every open conflict, whenever the set of conflicts changes. */
  onConflicts?: (conflicts: JoblogConflict[]) => void;
  onStatus?: (status: SyncStatus) => void;
  /** The requirement read from the server (also stored as meta `serverRequirement`). */
  onRequirement?: (requirement: Requirement | null) => void;
}

type FlushOutcome = 'done' | 'offline';

/** The server refused this request and sending it again unchanged cannot help. */
const isRefusal = (error: unknown): error is ApiError =>
  error instanceof ApiError && error.status >= 400 && error.status < 500 && !error.transient && error.status !== 401 && error.status !== 403;

const isSignedOut = (error: unknown): boolean => error instanceof ApiError && (error.status === 401 || error.status === 403);

/**
 * Keeps the joblog on the server in step with this browser, entry by entry. Framework-free; the shell creates one
 * when it has `api` and a citizen token, and `start()`s it.
 * - Pull: the change feed from the stored cursor, page by page; each page is merged (`mergeServerChanges`) and
 *   written with its cursor in one transaction, so an interrupted first sync resumes where it stopped.
 * - Push: the outbox (local saves and deletions, kept in the store, so nothing is lost across reloads) is sent in the
 *   order of the first unsent change; several saves of one entry go as one PUT with its content as it is then.
 *   Offline or 5xx: try again with backoff (and at once on `online`). Refused for good (400): kept, counted as
 *   `refused`, sent again when the entry changes.
 * - Conflicts (both sides changed): kept beside the local copy until the citizen chooses (`resolve`); nothing is
 *   sent for the entry meanwhile, nothing is overwritten on either side.
 * Work runs one step at a time in this tab, and one tab at a time where the Web Locks API exists.
 */
export class JoblogSyncEngine {
  readonly api: JoblogSync;
  readonly #store: JoblogStore;
  readonly #options: JoblogSyncEngineOptions;
  #status: SyncStatus = { activity: 'idle', pending: 0, conflicts: 0, refused: 0, lastSyncedAt: null };
  #chain: Promise<unknown> = Promise.resolve();
  #running = false;
  #unsubscribe: (() => void) | undefined;
  #pushTimer: ReturnType<typeof setTimeout> | undefined;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #failures = 0;
  #abort: AbortController | undefined;

  constructor(options: JoblogSyncEngineOptions) {
    this.#options = options;
    this.#store = options.store;
    this.api = new JoblogSync(options.client);
  }

  get status(): SyncStatus {
    return { ...this.#status };
  }

  /** Starts syncing: pulls, sends the outbox, reads the requirement; then sends after each local save and on `online`. */
  async start(): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    this.#abort = new AbortController();
    this.#unsubscribe = this.#store.onLocalWrite(() => { this.#localWrite(); });
    if (typeof window !== 'undefined') window.addEventListener('online', this.#online);
    await this.#refreshStatus();
    await this.sync();
    if (this.#status.activity !== 'signed-out') await this.refreshRequirement();
  }

  /** Stops: nothing more is sent or fetched (a request on its way finishes). What waits in the outbox stays there. */
  stop(): void {
    this.#running = false;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    if (typeof window !== 'undefined') window.removeEventListener('online', this.#online);
    clearTimeout(this.#pushTimer);
    clearTimeout(this.#retryTimer);
    this.#abort?.abort();
  }

  /**
   * Pulls what changed on the server, then sends the outbox (e.g. when the page becomes visible again). Never
   * rejects: the outcome is in `status`. Works between `start()` and `stop()` only; otherwise it does nothing.
   */
  sync(): Promise<void> {
    return this.#queue(async () => {
      await this.#pull();
      return this.#flush();
    });
  }

  /** Sends the outbox now, without pulling (after each local save this happens by itself). Never rejects. Started only. */
  flush(): Promise<void> {
    return this.#queue(() => this.#flush());
  }

  /** The open conflicts, each with both versions. */
  conflicts(): Promise<JoblogConflict[]> {
    return this.#store.conflicts();
  }

  /**
   * The citizen's choice for a conflict. `mine`: keep this browser's copy (or deletion) and send it, replacing the
   * server's copy (it is based on the server's version now). `theirs`: take the server's copy (or deletion) here and
   * drop the local change. Resolves with the entry as it is here afterwards (null: not here).
   */
  async resolve(id: string, choice: 'mine' | 'theirs'): Promise<JoblogEntry | null> {
    const state = await this.#store.updateSyncStates([id], (states) => {
      const before = states.get(id) ?? emptySyncState(id);
      const after = resolved(before, choice);
      return { states: after === before ? [] : [after], result: after };
    }, 'strict');
    if (choice === 'theirs') {
      this.#options.onRemoteChanges?.(state.entry === null ? { put: [], removed: [id] } : { put: [state.entry], removed: [] });
    }
    this.#options.onConflicts?.(await this.#store.conflicts());
    await this.#refreshStatus();
    if (this.#running && state.pending !== null) void this.flush();
    return state.entry;
  }

  /** Reads the agreed requirement and keeps it (meta `serverRequirement`); offline keeps the one stored. */
  async refreshRequirement(): Promise<Requirement | null | undefined> {
    try {
      const requirement = await this.api.requirement();
      await this.#store.setMeta('serverRequirement', { requirement, fetchedAt: new Date().toISOString() });
      this.#options.onRequirement?.(requirement);
      return requirement;
    } catch (error) {
      if (!isOffline(error)) console.warn('[jobunivers] <ju-joblog> could not read the requirement.', error);
      return (await this.#store.getMeta('serverRequirement'))?.requirement;
    }
  }

  /** Whether the joblog is shared with the job centre (asks the server, keeps the answer as meta `share`). */
  async shareStatus(): Promise<ShareStatus> {
    return this.#keepShare(await this.api.shareStatus());
  }

  /** Gives consent to share the joblog with the job centre. Rejects with `ApiError` (e.g. offline). */
  async share(): Promise<ShareStatus> {
    return this.#keepShare(await this.api.share());
  }

  /** Withdraws the consent. Rejects with `ApiError` (e.g. offline). */
  async unshare(): Promise<ShareStatus> {
    return this.#keepShare(await this.api.unshare());
  }

  async #keepShare(share: ShareStatus): Promise<ShareStatus> {
    await this.#store.setMeta('share', share);
    return share;
  }

  readonly #online = (): void => {
    clearTimeout(this.#retryTimer);
    this.#failures = 0;
    void this.sync();
  };

  #localWrite(): void {
    void this.#refreshStatus();
    if (!this.#running) return;
    clearTimeout(this.#pushTimer);
    this.#pushTimer = setTimeout(() => { void this.flush(); }, this.#options.pushDelayMs ?? 500);
  }

  /** Runs `task` after the ones before it (and, across tabs, under the lock); never rejects. */
  #queue(task: () => Promise<FlushOutcome | undefined>): Promise<void> {
    const run = this.#chain.then(async () => {
      if (!this.#running) return;
      this.#setStatus({ activity: 'syncing' });
      try {
        const outcome = await this.#locked(task);
        if (outcome === 'offline') this.#retryLater({ activity: 'offline' });
        else this.#succeeded();
      } catch (error) {
        if (isOffline(error)) this.#retryLater({ activity: 'offline' });
        else if (isSignedOut(error)) this.#setStatus({ activity: 'signed-out', error });
        else if (error instanceof DOMException && error.name === 'AbortError' && this.#stopped()) return;
        else {
          console.warn('[jobunivers] <ju-joblog> could not sync the joblog.', error);
          this.#retryLater({ activity: 'failed', error });
        }
      }
      await this.#refreshStatus();
    });
    this.#chain = run;
    return run;
  }

  async #locked<T>(task: () => Promise<T>): Promise<T> {
    const locks = typeof navigator === 'undefined' ? undefined : (navigator as Navigator & { locks?: LockManager }).locks;
    if (this.#options.crossTabLock === false || locks === undefined) return task();
    const options: LockOptions = this.#abort === undefined ? {} : { signal: this.#abort.signal };
    return locks.request(`jobunivers-${this.#store.name}-sync`, options, task) as Promise<T>;
  }

  #succeeded(): void {
    this.#failures = 0;
    clearTimeout(this.#retryTimer);
    this.#setStatus({ activity: 'idle', lastSyncedAt: new Date().toISOString() });
  }

  #retryLater(status: Pick<SyncStatus, 'activity' | 'error'>): void {
    this.#setStatus(status);
    if (!this.#running) return;
    this.#failures++;
    const base = this.#options.backoffMs ?? 1000;
    const ceiling = Math.min(base * 2 ** (this.#failures - 1), this.#options.maxBackoffMs ?? 60_000);
    clearTimeout(this.#retryTimer);
    // Jitter: tabs and devices that failed together do not all come back in the same instant.
    this.#retryTimer = setTimeout(() => { void this.sync(); }, ceiling / 2 + Math.random() * (ceiling / 2));
  }

  #stopped(): boolean {
    return !this.#running;
  }

  async #pull(): Promise<undefined> {
    const stored = await this.#store.getMeta('cursor');
    try {
      await this.#pullFrom(stored);
    } catch (error) {
      // The server no longer knows the cursor (its data was restored, say): read everything again. What this
      // browser holds already is recognised by its versions and not taken twice.
      if (stored === null || !(error instanceof ApiError) || error.code !== 'invalid-cursor') throw error;
      await this.#pullFrom(null);
    }
    return undefined;
  }

  async #pullFrom(start: string | null): Promise<void> {
    let cursor = start;
    let conflictsChanged = false;
    for await (const page of this.api.pages(cursor, this.#options.pageSize ?? FEED_PAGE_SIZE)) {
      if (this.#stopped()) return;
      const ids = [...new Set(page.changes.map((change) => change.id))];
      const next = page.cursor;
      const merged = await this.#store.updateSyncStates(ids, (states) => {
        const result = mergeServerChanges(states, page.changes);
        return { states: result.states, meta: next === cursor ? {} : { cursor: next }, result };
      });
      cursor = next;
      if (merged.taken.put.length > 0 || merged.taken.removed.length > 0) this.#options.onRemoteChanges?.(merged.taken);
      if (merged.conflicts.length > 0 || merged.settled.length > 0) conflictsChanged = true;
    }
    if (conflictsChanged) this.#options.onConflicts?.(await this.#store.conflicts());
  }

  async #flush(): Promise<FlushOutcome> {
    const items = await this.#store.outbox();
    let conflictsChanged = false;
    try {
      for (const item of items) {
        if (!this.#running) return 'done';
        if (item.refused !== undefined) continue;
        const outcome = await this.#send(item);
        if (outcome === 'offline') return 'offline';
        if (outcome === 'conflict') conflictsChanged = true;
      }
    } finally {
      if (conflictsChanged) this.#options.onConflicts?.(await this.#store.conflicts());
    }
    return 'done';
  }

  /** Sends one outbox item as it is now in the store, and records the answer. */
  async #send(item: OutboxItem): Promise<'sent' | 'skipped' | 'conflict' | 'offline'> {
    const state = (await this.#store.syncStates([item.id])).get(item.id) ?? emptySyncState(item.id);
    const pending = state.pending;
    if (pending === null || pending.refused !== undefined || state.conflict !== null) return 'skipped';
    let result;
    try {
      if (pending.kind === 'put') {
        if (state.entry === null) return 'skipped';
        result = await this.api.push(state.entry, state.version);
      } else if (state.version === null) {
        result = { ok: true as const, version: null }; // the server never had it: nothing to delete there
      } else {
        result = await this.api.remove(item.id, state.version);
      }
    } catch (error) {
      if (!isRefusal(error)) throw error;
      await this.#store.updateSyncStates([item.id], (states) => {
        const now = states.get(item.id) ?? emptySyncState(item.id);
        const refused = now.pending?.stamp === pending.stamp ? { ...now, pending: { ...pending, refused: error.code } } : now;
        return { states: [refused], result: undefined };
      });
      return 'skipped';
    }
    if (!result.ok && result.reason === 'offline') return 'offline';
    const answer = result;
    return this.#store.updateSyncStates([item.id], (states) => {
      const now = states.get(item.id) ?? emptySyncState(item.id);
      const next = afterSend(now, pending, answer);
      return { states: [next], result: next.conflict !== null ? ('conflict' as const) : ('sent' as const) };
    });
  }

  async #refreshStatus(): Promise<void> {
    try {
      const [outbox, conflicts] = await Promise.all([this.#store.outbox(), this.#store.conflicts()]);
      this.#setStatus({ pending: outbox.length, conflicts: conflicts.length, refused: outbox.filter((item) => item.refused !== undefined).length });
    } catch {
      // the store is gone (wiped or closed): the counts stay as they were
    }
  }

  #setStatus(change: Partial<SyncStatus>): void {
    const next: SyncStatus = { ...this.#status, ...change };
    if (change.activity !== undefined && change.activity !== 'failed' && change.activity !== 'signed-out') delete next.error;
    this.#status = next;
    this.#options.onStatus?.({ ...next });
  }
}

type SendAnswer =
  | { ok: true; version: number | null }
  | { ok: false; reason: 'conflict'; conflict: { server: JoblogEntry | null; version: number | null } };

/** The state after the server answered a sent change; `sent` is the outbox item as it was sent. */
function afterSend(now: EntrySyncState, sent: OutboxItem, answer: SendAnswer): EntrySyncState {
  const unchanged = now.pending?.stamp === sent.stamp;
  if (answer.ok) {
    if (sent.kind === 'delete') {
      // Deleted there. A save made here meanwhile (an undo) is sent as a new entry.
      return unchanged ? emptySyncState(now.id) : { ...now, version: null };
    }
    const version = answer.version === null ? now.version : Math.max(answer.version, now.version ?? 0);
    return { ...now, version, pending: unchanged ? null : now.pending };
  }
  const { server, version } = answer.conflict;
  // A change made here meanwhile may equal the server's copy: then there is nothing to disagree on.
  const same = (server === null && now.entry === null) || (server !== null && now.entry !== null && sameEntry(server, now.entry));
  if (same) return { ...now, version: server === null ? null : version, pending: null, conflict: null };
  return { ...now, conflict: { entry: server, version } };
}

/** The state after the citizen chose in a conflict. */
function resolved(state: EntrySyncState, choice: 'mine' | 'theirs'): EntrySyncState {
  const { conflict } = state;
  if (conflict === null) return state;
  if (choice === 'theirs') {
    return { ...state, entry: conflict.entry, version: conflict.entry === null ? null : conflict.version, pending: null, conflict: null };
  }
  // Mine: based on the server's version now, so sending it replaces theirs; deleted there → created anew.
  const version = conflict.entry === null ? null : conflict.version;
  if (state.entry === null && version === null) return emptySyncState(state.id);
  const pending: OutboxItem = {
    id: state.id,
    kind: state.entry === null ? 'delete' : 'put',
    seq: state.pending?.seq ?? Date.now() * 1024,
    stamp: crypto.randomUUID(),
  };
  return { ...state, version, pending, conflict: null };
}
