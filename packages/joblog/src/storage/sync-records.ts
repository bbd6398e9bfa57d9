import type { JoblogEntry } from '../model/entry.js';

/** A local change the server has not got yet: the entry's content is read from the store when it is sent. */
export interface OutboxItem {
  id: string;
  /** `put`: send the entry as it is now; `delete`: it was deleted here (a tombstone). */
  kind: 'put' | 'delete';
  /** The order of the first change not yet sent; later changes to the same entry keep it (coalescing). */
  seq: number;
  /** New with every local change; a push settles the item only if no newer change came while it was on its way. */
  stamp: string;
  /** The server refused this change for good (its problem code, e.g. `invalid-request`): not sent again until the entry changes. */
  refused?: string;
}

/** The server's copy of an entry, as a conflict keeps it. */
export interface ServerCopy {
  /** The entry as the server holds it; null when it was deleted there. */
  entry: JoblogEntry | null;
  /** Its version (the ETag's number); null when the server has no trace of the entry at all. */
  version: number | null;
}

/** Everything this browser knows about one entry, as the sync reads and writes it (one transaction). */
export interface EntrySyncState {
  id: string;
  /** The entry here; null when it is not here (never was, or deleted here). */
  entry: JoblogEntry | null;
  /** The server version the local copy is based on; null when this browser knows of none. */
  version: number | null;
  /** The change waiting to be sent, if any. */
  pending: OutboxItem | null;
  /** An open conflict: the server's copy that differs from a local change. Nothing is sent until it is resolved. */
  conflict: ServerCopy | null;
}

/** A conflict as the citizen is shown it: both versions; null means deleted on that side. */
export interface JoblogConflict {
  id: string;
  mine: JoblogEntry | null;
  theirs: JoblogEntry | null;
  /** The server version `theirs` is (for `resolve`); null when the server has no trace of the entry. */
  version: number | null;
}

export const emptySyncState = (id: string): EntrySyncState => ({ id, entry: null, version: null, pending: null, conflict: null });

export const conflictOf = (state: EntrySyncState): JoblogConflict | undefined =>
  state.conflict === null ? undefined : { id: state.id, mine: state.entry, theirs: state.conflict.entry, version: state.conflict.version };
