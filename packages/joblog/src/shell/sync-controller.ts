import type { ApiClient } from '@jobunivers/core';
import type { JoblogEntry, Requirement } from '../model/entry.js';
import type { JoblogConflict, JoblogStore } from '../storage/entry-store.js';
import { JoblogSyncEngine, type RemoteChanges, type SyncStatus } from '../sync/sync-engine.js';

export type { SyncStatus } from '../sync/sync-engine.js';

export interface SyncCallbacks {
  remote(changes: RemoteChanges): void;
  status(status: SyncStatus): void;
  conflicts(conflicts: JoblogConflict[]): void;
  requirement(requirement: Requirement | null): void;
  shared(shared: boolean): void;
}

/**
 * The shell's link to the job centre's server, loaded only when `api` and a citizen token are there: runs the
 * storage engineer's `JoblogSyncEngine` and reports what it does in the shell's terms.
 */
export class SyncController {
  readonly #engine: JoblogSyncEngine;
  readonly #callbacks: SyncCallbacks;
  #stopped = false;

  constructor(client: ApiClient, store: JoblogStore, callbacks: SyncCallbacks) {
    this.#callbacks = callbacks;
    this.#engine = new JoblogSyncEngine({
      store,
      client,
      onRemoteChanges: (changes) => { callbacks.remote(changes); },
      onStatus: (status) => { callbacks.status(status); },
      onConflicts: (conflicts) => { callbacks.conflicts(conflicts); },
      onRequirement: (requirement) => { callbacks.requirement(requirement); },
    });
  }

  get status(): SyncStatus {
    return this.#engine.status;
  }

  async start(): Promise<void> {
    await this.#engine.start();
    try {
      const shared = (await this.#engine.shareStatus()).shared;
      if (!this.#stopped) this.#callbacks.shared(shared);
    } catch {
      // offline or not allowed: the last known answer (meta `share`) stays
    }
    if (this.#stopped) return;
    const conflicts = await this.#engine.conflicts();
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- stop() may run during the await
    if (!this.#stopped) this.#callbacks.conflicts(conflicts);
  }

  stop(): void {
    this.#stopped = true;
    this.#engine.stop();
  }

  /** Sends what waits now (the shell calls it after a save, so the status line catches up quickly). */
  flush(): Promise<void> {
    return this.#engine.flush();
  }

  conflicts(): Promise<JoblogConflict[]> {
    return this.#engine.conflicts();
  }

  resolve(id: string, choice: 'mine' | 'theirs'): Promise<JoblogEntry | null> {
    return this.#engine.resolve(id, choice);
  }

  /** Consent to share (true) or withdraw it (false). Rejects when the server cannot be reached. */
  async setShared(shared: boolean): Promise<boolean> {
    const answer = shared ? await this.#engine.share() : await this.#engine.unshare();
    this.#callbacks.shared(answer.shared);
    return answer.shared;
  }
}
