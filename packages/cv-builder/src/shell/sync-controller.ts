import type { ApiClient } from '@jobunivers/core';
import type { Cv } from '../model/cv.js';
import type { CvDraftStore, SyncState } from '../storage/draft-store.js';
import { cvHash } from '../sync/content-hash.js';
import { CvSync, decideSync, etagRevision, type RemoteCv } from '../sync/cv-sync.js';
import type { ServerSaveState } from './status-line.js';
import type { ShellHost } from './shell-host.js';
import type { SyncConflict, SyncHandle } from './sync-handle.js';
import { addDialogStrings } from './dialog-strings.js';

addDialogStrings();

/** Send to the server this long after the last local save (typing saves locally every second). */
const PUSH_DELAY_MS = 2000;
/** After a server error, try again this much later (offline waits for `online` instead). */
const RETRY_MS = 30_000;

/** What the shell hears from sync, besides what it does through its `ShellHost`. */
export interface SyncCallbacks {
  state(state: ServerSaveState): void;
  shared(shared: boolean): void;
  /** The citizen's words for a failed request. */
  describe(error: unknown): string;
}

interface OpenConflict extends SyncConflict {
  etag: string;
}

const NEVER_SYNCED: SyncState = { etag: null, syncedHash: null };

/** `meta.lastModified` of a CV that came from JSON Resume, if the model kept it. */
function lastModified(cv: Cv): string | undefined {
  const meta = cv.extra['meta'];
  const value = typeof meta === 'object' && meta !== null ? (meta as Record<string, unknown>)['lastModified'] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/**
 * Keeps the CV on the job centre's server in step with this browser (loaded only with `api` and a citizen token).
 * On start and whenever the browser comes back online it compares both sides (`decideSync`); after local saves it
 * sends the CV (debounced, `If-Match`). A copy changed on another device becomes a conflict the citizen resolves;
 * nothing is overwritten on either side without a named version of it. Operations run one at a time.
 */
export class SyncController implements SyncHandle {
  shared: boolean | undefined;
  conflict: OpenConflict | undefined;

  readonly #api: CvSync;
  readonly #host: ShellHost;
  readonly #on: SyncCallbacks;
  #state: SyncState = { ...NEVER_SYNCED };
  #chain: Promise<void> = Promise.resolve();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #connected = false;
  /** The server's copy was deleted elsewhere: nothing is sent until the citizen asks. */
  #deleted = false;
  #localSavedAt: string | undefined;
  /** The CV object last accepted by the server: a local save of that same state needs no sending. */
  #pushed: Cv | undefined;

  /**
   * The CV, the draft store, strings and events come from the shell's `host` (the server's copy is taken in with
   * `replaceCv`: one undo step, and as it is already on the server, not sent back).
   */
  constructor(client: ApiClient, host: ShellHost, callbacks: SyncCallbacks) {
    this.#api = new CvSync(client);
    this.#host = host;
    this.#on = callbacks;
  }

  connect(): void {
    if (this.#connected) return;
    this.#connected = true;
    window.addEventListener('online', this.#online);
    void this.#queue(() => this.#start());
  }

  disconnect(): void {
    this.#connected = false;
    window.removeEventListener('online', this.#online);
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** The editor changed the CV (the local save follows). */
  changed(): void {
    // Sending waits for the local save, so the server never gets something this browser could lose.
  }

  /** The draft reached this browser's storage: send it a little later. */
  savedLocally(): void {
    this.#localSavedAt = new Date().toISOString();
    if (!this.#connected || this.conflict !== undefined || this.#deleted) return;
    if (this.#pushed !== undefined && this.#pushed === this.#host.cv) {
      this.#on.state({ kind: 'saved', at: Date.now() });
      return;
    }
    this.#schedule(PUSH_DELAY_MS);
  }

  /** The local copy was wiped (`reset()`): stop, and forget what was synced. */
  forget(): void {
    this.disconnect();
    this.#state = { ...NEVER_SYNCED };
    this.conflict = undefined;
    this.shared = undefined;
  }

  readonly #online = (): void => {
    void this.#queue(() => this.#start());
  };

  #schedule(delay: number): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.#queue(() => this.#push(this.#state.etag));
    }, delay);
  }

  /** Runs `task` after the ones before it; its failure is shown, never thrown here. */
  #queue(task: () => Promise<void>): Promise<void> {
    const run = this.#chain.then(async () => {
      if (!this.#connected) return;
      try {
        await task();
      } catch (error) {
        this.#failed(error);
      }
    });
    this.#chain = run;
    return run;
  }

  #failed(error: unknown): void {
    const offline = typeof navigator !== 'undefined' && !navigator.onLine;
    const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
    if (offline || code === 'offline' || code === 'network' || code === 'timeout') {
      this.#on.state({ kind: 'offline' });
      return;
    }
    console.warn('[jobunivers] <ju-cv-builder> could not sync the CV.', error);
    this.#on.state({ kind: 'failed', reason: this.#on.describe(error) });
    this.#schedule(RETRY_MS);
  }

  async #start(): Promise<void> {
    this.#on.state({ kind: 'sending' });
    const store = await this.#store();
    this.#state = await store.loadSyncState();
    this.#localSavedAt ??= (await store.load())?.savedAt;
    if (this.#state.shared !== undefined) this.#setShared(this.#state.shared, false);
    const remote = await this.#api.pull();
    const decision = decideSync(this.#host.cv, this.#state, remote);
    switch (decision.action) {
      case 'nothing':
        this.#pushed = this.#host.cv;
        await this.#saveState(decision.syncState);
        this.#on.state({ kind: 'saved', at: Date.now() });
        break;
      case 'push':
        await this.#push(decision.etag);
        break;
      case 'take-remote':
        this.#host.replaceCv(decision.remote.cv, this.#host.t('shell.sync.tookRemote'));
        this.#pushed = decision.remote.cv;
        await this.#saveState(decision.syncState);
        this.#on.state({ kind: 'saved', at: Date.now() });
        break;
      case 'conflict':
        this.#openConflict(decision.remote);
        break;
      case 'remote-deleted':
        this.#deleted = true;
        this.#on.state({ kind: 'failed', reason: this.#host.t('shell.sync.remoteDeleted') });
        break;
    }
  }

  async #push(etag: string | null): Promise<void> {
    if (this.conflict !== undefined || this.#deleted) return;
    const cv = this.#host.cv;
    if (etag !== null && etag === this.#state.etag && cvHash(cv) === this.#state.syncedHash) {
      this.#on.state({ kind: 'saved', at: Date.now() });
      return;
    }
    this.#on.state({ kind: 'sending' });
    const result = await this.#api.push(cv, etag);
    if (result.ok) {
      this.#pushed = cv;
      await this.#saveState({ ...this.#state, etag: result.etag, syncedHash: result.hash });
      this.#on.state({ kind: 'saved', at: Date.now() });
      const version = etagRevision(result.etag);
      this.#host.emit('ju-cv-saved', version === undefined ? { where: 'server' } : { where: 'server', version });
      if (this.#host.cv !== cv) this.#schedule(PUSH_DELAY_MS);
    } else if (result.reason === 'conflict') {
      this.#openConflict(result.conflict);
    } else if (result.reason === 'offline') {
      this.#on.state({ kind: 'offline' });
    } else {
      this.#deleted = true;
      this.#on.state({ kind: 'failed', reason: this.#host.t('shell.sync.remoteDeleted') });
    }
  }

  #store(): Promise<CvDraftStore> {
    return this.#host.store();
  }

  #openConflict(remote: RemoteCv): void {
    clearTimeout(this.#timer);
    this.conflict = {
      local: this.#host.cv,
      localSavedAt: this.#localSavedAt,
      remote: remote.cv,
      remoteSavedAt: lastModified(remote.cv),
      etag: remote.etag,
    };
    this.#on.state({ kind: 'conflict' });
  }

  async #saveState(state: SyncState): Promise<void> {
    this.#state = state;
    await (await this.#store()).saveSyncState(state);
  }

  #setShared(shared: boolean, persist: boolean): void {
    this.shared = shared;
    this.#on.shared(shared);
    if (persist) void this.#saveState({ ...this.#state, shared }).catch(() => undefined);
  }

  #stamp(): string {
    return this.#host.format.dateTime(Date.now(), { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  }

  /** Runs `task` in turn and lets its failure reach the caller (a dialog shows it; the status line too). */
  #run<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#chain.then(task).catch((error: unknown) => {
      if (this.#connected) this.#failed(error);
      throw error;
    });
    this.#chain = run.then(() => undefined, () => undefined);
    return run;
  }

  resolveConflict(keep: 'local' | 'remote'): Promise<void> {
    return this.#run(async () => {
      const conflict = this.conflict;
      if (conflict === undefined) return;
      const versions = await (await this.#store()).versions();
      const time = this.#stamp();
      if (keep === 'local') {
        await versions.save(this.#host.t('shell.conflict.versionRemote', { time }), conflict.remote);
        this.conflict = undefined;
        this.#deleted = false;
        await this.#push(conflict.etag);
        this.#host.announce(this.#host.t('shell.conflict.keptLocal'));
      } else {
        await versions.save(this.#host.t('shell.conflict.versionLocal', { time }), this.#host.cv);
        this.conflict = undefined;
        this.#host.replaceCv(conflict.remote, this.#host.t('shell.conflict.tookRemote'));
        this.#pushed = conflict.remote;
        await this.#saveState({ ...this.#state, etag: conflict.etag, syncedHash: cvHash(conflict.remote) });
        this.#on.state({ kind: 'saved', at: Date.now() });
      }
    });
  }

  refreshShared(): Promise<boolean> {
    return this.#run(async () => {
      const status = await this.#api.shareStatus();
      this.#setShared(status.shared, true);
      return status.shared;
    });
  }

  share(): Promise<void> {
    return this.#run(async () => {
      // The job centre sees the copy last sent: send the CV as it is now first.
      clearTimeout(this.#timer);
      if (this.#deleted) {
        // Sharing after the server's copy was deleted elsewhere is the citizen asking to upload it again.
        this.#deleted = false;
        this.#state = { ...NEVER_SYNCED };
      }
      await this.#push(this.#state.etag);
      if (this.conflict !== undefined) throw new Error('The CV has a conflict to resolve first.');
      const status = await this.#api.share();
      this.#setShared(status.shared, true);
    });
  }

  unshare(): Promise<void> {
    return this.#run(async () => {
      const status = await this.#api.unshare();
      this.#setShared(status.shared, true);
    });
  }

  deleteRemote(): Promise<void> {
    return this.#run(async () => {
      await this.#api.deleteRemote();
      await this.#saveState({ ...NEVER_SYNCED, shared: false });
      this.#setShared(false, false);
    });
  }
}
