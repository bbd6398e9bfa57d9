import type { JoblogEntry } from '../model/entry.js';
import { conflictOf, emptySyncState, type EntrySyncState, type JoblogConflict } from '../storage/sync-records.js';

/** One item of the server's change feed, as the merge takes it: the entry now (null: deleted) and its version. */
export interface ServerChange {
  id: string;
  entry: JoblogEntry | null;
  version: number;
}

export interface MergeResult {
  /** The new state of every entry whose state changed: write exactly these (entries not listed stay as they are). */
  states: EntrySyncState[];
  /** What the server changed in the citizen's list: entries taken (new or changed) and ids removed. */
  taken: { put: JoblogEntry[]; removed: string[] };
  /** Conflicts opened or changed by these changes (both sides differ): show them; nothing is sent for them meanwhile. */
  conflicts: JoblogConflict[];
  /** Ids whose local change the server already holds (the same content): nothing is left to send for them. */
  settled: string[];
}

/**
 * Merges the server's changes into this browser's state. Pure: it reads `local` (the state of at least every id in
 * `changes`; an id missing there is unknown here) and returns what to write. Per entry:
 * - a version not newer than the one known here (our own push coming back, or a repeat) changes nothing;
 * - no local change waiting: the server's copy is taken (a tombstone removes the entry here);
 * - a local change waiting, and the server's copy equals it (or both deleted): settled, nothing to send;
 * - a local change waiting, and the server's copy differs: a conflict. The local copy and its change stay as they
 *   are; the server's copy is kept beside it until the citizen resolves it. Never resolved silently.
 * Changes are taken in order, so a later change of the same id in `changes` wins.
 */
export function mergeServerChanges(local: ReadonlyMap<string, EntrySyncState>, changes: readonly ServerChange[]): MergeResult {
  const working = new Map<string, EntrySyncState>();
  const before = (id: string): EntrySyncState => local.get(id) ?? emptySyncState(id);
  const settled = new Set<string>();

  for (const change of changes) {
    const state = working.get(change.id) ?? before(change.id);
    const next = mergeOne(state, change);
    if (next === state) continue;
    if (state.pending !== null && next.pending === null) settled.add(change.id);
    working.set(change.id, next);
  }

  const result: MergeResult = { states: [], taken: { put: [], removed: [] }, conflicts: [], settled: [...settled] };
  for (const [id, state] of working) {
    const old = before(id);
    if (sameState(old, state)) continue;
    result.states.push(state);
    if (state.entry !== old.entry && state.pending === null) {
      if (state.entry === null) {
        if (old.entry !== null) result.taken.removed.push(id);
      } else if (old.entry === null || !sameEntry(old.entry, state.entry)) {
        result.taken.put.push(state.entry);
      }
    }
    const conflict = conflictOf(state);
    if (conflict !== undefined && !sameConflict(old, state)) result.conflicts.push(conflict);
  }
  return result;
}

function mergeOne(state: EntrySyncState, change: ServerChange): EntrySyncState {
  if (state.version !== null && change.version <= state.version) return state;
  if (state.conflict?.version != null && change.version <= state.conflict.version) return state;

  if (state.pending === null) {
    if (change.entry === null) {
      // Deleted on the server: forget it here too (a later re-creation comes with a higher version).
      return state.entry === null && state.version === null ? state : { ...state, entry: null, version: null, conflict: null };
    }
    return { ...state, entry: change.entry, version: change.version, conflict: null };
  }

  const bothDeleted = change.entry === null && state.entry === null;
  const same = bothDeleted || (change.entry !== null && state.entry !== null && sameEntry(change.entry, state.entry));
  if (same) return { ...state, version: change.entry === null ? null : change.version, pending: null, conflict: null };
  return { ...state, conflict: { entry: change.entry, version: change.version } };
}

function sameState(a: EntrySyncState, b: EntrySyncState): boolean {
  return a.version === b.version && a.pending === b.pending && sameConflict(a, b) &&
    (a.entry === b.entry || (a.entry !== null && b.entry !== null && sameEntry(a.entry, b.entry)));
}

function sameConflict(a: EntrySyncState, b: EntrySyncState): boolean {
  if (a.conflict === null || b.conflict === null) return a.conflict === b.conflict;
  return a.conflict.version === b.conflict.version;
}

/**
 * Whether two entries hold the same content: every field equal, key order not mattering (the server keeps the
 * text as it was sent, so another device's keys may come in another order). The server's `version` is not content.
 */
export function sameEntry(a: JoblogEntry, b: JoblogEntry): boolean {
  return sameValue(withoutVersion(a), withoutVersion(b));
}

function withoutVersion(entry: JoblogEntry): Record<string, unknown> {
  const rest: Record<string, unknown> = { ...entry };
  delete rest.version;
  return rest;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => sameValue(item, b[index]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  for (const key of keys) {
    if (!sameValue(left[key], right[key])) return false;
  }
  return true;
}
