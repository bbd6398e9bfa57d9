import type { Cv } from '../model/cv.js';

/** Both sides of a conflict, as the conflict dialog shows them. */
export interface SyncConflict {
  /** This browser's CV. */
  local: Cv;
  /** When this browser last saved it (ISO), if known. */
  localSavedAt: string | undefined;
  /** The server's copy, written from another device. */
  remote: Cv;
  /** When the server's copy was written (ISO), if the server said. */
  remoteSavedAt: string | undefined;
}

/** What the dialogs may ask of the server connection (`sync-controller.ts`, loaded only with `api` and a token). */
export interface SyncHandle {
  /** Whether a copy is shared with the job centre; undefined until known. */
  readonly shared: boolean | undefined;
  /** The unresolved conflict, if any. */
  readonly conflict: SyncConflict | undefined;
  /** Keeps one side; the other is saved as a named version first. */
  resolveConflict(keep: 'local' | 'remote'): Promise<void>;
  /** Asks the server whether the CV is shared. */
  refreshShared(): Promise<boolean>;
  share(): Promise<void>;
  unshare(): Promise<void>;
  /** Deletes the server's copy (and with it the sharing). */
  deleteRemote(): Promise<void>;
}
