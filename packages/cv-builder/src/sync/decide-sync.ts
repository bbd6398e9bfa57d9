import { emptyCv, type Cv } from '../model/cv.js';
import type { SyncState } from '../storage/draft-store.js';
import { cvHash } from './content-hash.js';

/** The server's copy: the CV and its ETag. */
export interface RemoteCv {
  cv: Cv;
  etag: string;
}

/**
 * What to do when the widget starts with a server, or comes back online:
 * - `nothing`: both sides hold the same content. Store `syncState` (it may carry the server's newer ETag).
 * - `push`: only this browser changed: `push(local, etag)`.
 * - `take-remote`: only the server's copy changed (another device), or this browser has nothing yet: apply `remote.cv`
 *   (through the history, so it can be undone) and store `syncState`.
 * - `conflict`: both changed since the last sync: show both to the citizen; whichever they keep, keep the other as a
 *   named version, then push the result with `remote.etag`.
 * - `remote-deleted`: the server's copy was deleted (on another device, or by the job centre's retention) since this
 *   browser last synced. The local draft is kept; do not upload it again without asking the citizen (they may have
 *   deleted it on purpose). To upload it anyway: store `{ etag: null, syncedHash: null }` and push with etag null.
 */
export type SyncDecision =
  | { action: 'nothing'; syncState: SyncState }
  | { action: 'push'; etag: string | null }
  | { action: 'take-remote'; remote: RemoteCv; syncState: SyncState }
  | { action: 'conflict'; remote: RemoteCv }
  | { action: 'remote-deleted' };

let emptyHash: string | undefined;
/** True when the CV holds nothing the citizen typed (as `emptyCv()` makes it). */
const isBlank = (hash: string): boolean => hash === (emptyHash ??= cvHash(emptyCv()));

/**
 * Decides, from content hashes, how this browser's draft (`local`, undefined when there is none) and the server's
 * copy (`remote`, from `pull()`; null when the server has none) relate, given the sync state stored the last
 * time they agreed. Pure: it reads and writes nothing.
 */
export function decideSync(local: Cv | undefined, syncState: SyncState, remote: RemoteCv | null): SyncDecision {
  const localHash = local === undefined ? undefined : cvHash(local);
  const localBlank = localHash === undefined || isBlank(localHash);

  if (remote === null) {
    if (syncState.etag !== null) return { action: 'remote-deleted' };
    return localBlank ? { action: 'nothing', syncState } : { action: 'push', etag: null };
  }

  const remoteHash = cvHash(remote.cv);
  const agreed: SyncState = { ...syncState, etag: remote.etag, syncedHash: remoteHash };
  if (localHash === remoteHash) return { action: 'nothing', syncState: agreed };
  if (local === undefined) return { action: 'take-remote', remote, syncState: agreed };
  // Never synced here: a blank browser takes the server's copy; anything typed here is a conflict, never overwritten.
  if (syncState.syncedHash === null) return localBlank ? { action: 'take-remote', remote, syncState: agreed } : { action: 'conflict', remote };

  const localChanged = localHash !== syncState.syncedHash;
  const remoteChanged = remoteHash !== syncState.syncedHash;
  if (localChanged && remoteChanged) return { action: 'conflict', remote };
  if (localChanged) return { action: 'push', etag: remote.etag };
  return { action: 'take-remote', remote, syncState: agreed };
}
