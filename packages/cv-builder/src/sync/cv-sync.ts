import type { ApiClient } from '@jobunivers/core';
import { ApiError } from '@jobunivers/core';
import type { CvShare } from '@jobunivers/contract';
import type { Cv } from '../model/cv.js';
import { fromJsonResume, toJsonResume } from '../model/json-resume.js';
import { cvHash, jsonResumeHash } from './content-hash.js';
import type { RemoteCv } from './decide-sync.js';

export { contentHash, cvHash } from './content-hash.js';
export { decideSync, type RemoteCv, type SyncDecision } from './decide-sync.js';

/** The result of `push()`. `hash` is the pushed content's `cvHash`, for `SyncState.syncedHash`. */
export type PushResult =
  | { ok: true; etag: string; hash: string }
  /** The server's copy changed since `etag` (another device): nothing was overwritten. Show both to the citizen. */
  | { ok: false; reason: 'conflict'; conflict: RemoteCv }
  /** The server could not be reached (offline, no network, timeout): nothing lost; try again on `online`. */
  | { ok: false; reason: 'offline' }
  /** The server's copy was deleted since `etag` (see `decideSync`'s `remote-deleted`). Nothing was uploaded. */
  | { ok: false; reason: 'remote-deleted' };

export type ShareStatus = CvShare;

/** The server's CV could not be read as a CV (or an answer lacked its ETag). Contains no CV text. */
export class CvSyncError extends Error {
  override readonly name = 'CvSyncError';
  readonly code: 'invalid-remote' | 'missing-etag';

  constructor(code: CvSyncError['code'], message: string) {
    super(message);
    this.code = code;
  }
}

const CV_PATH = 'v1/me/cv';
const SHARE_PATH = 'v1/me/cv/share';

/** True for failures that mean "not reachable now, nothing happened for certain": try again later. */
export function isOffline(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'offline' || error.code === 'network' || error.code === 'timeout');
}

/** The revision number in one of the server's ETags (`"3"` → 3), for `ju-cv-saved`'s `version`. */
export function etagRevision(etag: string): number | undefined {
  const match = /^(?:W\/)?"(\d{1,15})"$/.exec(etag.trim());
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/**
 * The citizen's CV on the server (`/v1/me/cv`, JSON Resume) and the consent to share it (`/v1/me/cv/share`), over
 * core's `ApiClient` (token, retries, 401 refresh, offline). Every write is conditional: `If-Match` with the ETag
 * last synced, or `If-None-Match: *` for the first upload, so a copy changed on another device is never
 * overwritten: `push()` answers with the server's copy instead.
 */
export class CvSync {
  readonly #client: ApiClient;

  constructor(client: ApiClient) {
    this.#client = client;
  }

  /** The server's copy, or null when there is none. Rejects with `ApiError` (e.g. offline: see `isOffline`) or `CvSyncError`. */
  async pull(): Promise<RemoteCv | null> {
    let response;
    try {
      response = await this.#client.get<unknown>(CV_PATH);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }
    if (response.etag === undefined) throw new CvSyncError('missing-etag', 'The server answered the CV without an ETag.');
    const converted = fromJsonResume(response.data);
    if (!converted.ok) throw new CvSyncError('invalid-remote', 'The CV on the server is not a JSON Resume document this widget can read.');
    return { cv: converted.cv, etag: response.etag };
  }

  /**
   * Uploads `cv`, based on the server version `etag` (null: this browser never synced; then it only creates).
   * Resolves with the new ETag, or with why not (conflict, offline, deleted remotely). Rejects with `ApiError` for
   * anything else (401 after a failed refresh, 413 too large, 5xx after retries).
   */
  push(cv: Cv, etag: string | null): Promise<PushResult> {
    return this.#push(cv, etag, true);
  }

  async #push(cv: Cv, etag: string | null, mayRetryCreate: boolean): Promise<PushResult> {
    const document = toJsonResume(cv);
    const hash = jsonResumeHash(document);
    try {
      const response = await this.#client.put<unknown>(CV_PATH, document, etag === null ? { ifNoneMatch: '*' } : { ifMatch: etag });
      if (response.etag === undefined) throw new CvSyncError('missing-etag', 'The server saved the CV but sent no ETag.');
      return { ok: true, etag: response.etag, hash };
    } catch (error) {
      if (isOffline(error)) return { ok: false, reason: 'offline' };
      if (!(error instanceof ApiError) || error.status !== 412) throw error;
    }
    // 412: the server holds another version (or none, when it was deleted). Fetch it; never overwrite it.
    let remote: RemoteCv | null;
    try {
      remote = await this.pull();
    } catch (error) {
      if (isOffline(error)) return { ok: false, reason: 'offline' };
      throw error;
    }
    if (remote === null) {
      // A create lost a race with a delete: the place is free again, so create once more.
      if (etag === null && mayRetryCreate) return this.#push(cv, null, false);
      return { ok: false, reason: 'remote-deleted' };
    }
    // The same content: our own earlier attempt landed (a retried PUT), or another device saved the same CV.
    if (cvHash(remote.cv) === hash) return { ok: true, etag: remote.etag, hash };
    return { ok: false, reason: 'conflict', conflict: remote };
  }

  /** Whether the citizen shares a read-only copy with the job centre. */
  async shareStatus(): Promise<ShareStatus> {
    return (await this.#client.get<ShareStatus>(SHARE_PATH)).data;
  }

  /**
   * Gives consent to share a read-only copy with the job centre (the copy is the CV last pushed). Push first:
   * without a CV on the server this rejects with `ApiError` 404.
   */
  async share(): Promise<ShareStatus> {
    return (await this.#client.put<ShareStatus>(SHARE_PATH, { consent: true })).data;
  }

  /** Withdraws the consent: the job centre can no longer read the CV. */
  async unshare(): Promise<ShareStatus> {
    const response = await this.#client.delete<ShareStatus | undefined>(SHARE_PATH);
    return response.data ?? { shared: false, sharedAt: null };
  }

  /** Deletes the server's copy (and with it the share). Already gone is fine. The local draft is not touched. */
  async deleteRemote(): Promise<void> {
    try {
      await this.#client.delete(CV_PATH);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return;
      throw error;
    }
  }
}
