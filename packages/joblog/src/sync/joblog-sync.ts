import type { ApiClient } from '@jobunivers/core';
import { ApiError } from '@jobunivers/core';
import type { JoblogShare } from '@jobunivers/contract';
import type { JoblogEntry, Requirement } from '../model/entry.js';
import { sameEntry, type ServerChange } from './merge.js';

export { mergeServerChanges, sameEntry, type MergeResult, type ServerChange } from './merge.js';

/** The server's copy after a refused write: the entry (null: deleted there) and its version (null: no trace of it). */
export interface ServerConflict {
  server: JoblogEntry | null;
  version: number | null;
}

/** The result of `push()` and `remove()`. */
export type WriteResult =
  | { ok: true; version: number }
  /** The server's copy changed since `knownVersion` (another device): nothing was overwritten. Show both. */
  | { ok: false; reason: 'conflict'; conflict: ServerConflict }
  /** The server could not be reached (offline, no network, timeout): nothing lost; try again later. */
  | { ok: false; reason: 'offline' };

/** The result of `remove()`: `version` is the tombstone's, when the server said. */
export type RemoveResult = { ok: true; version: number | null } | Exclude<WriteResult, { ok: true }>;

/** A page of the change feed. */
export interface FeedPage {
  changes: ServerChange[];
  /** Where this page ends: keep it and ask from it next time. */
  cursor: string;
  /** More changes follow right away. */
  hasMore: boolean;
}

export type ShareStatus = JoblogShare;

/** The server answered something this client cannot read as the contract's joblog. Contains no entry text. */
export class JoblogSyncError extends Error {
  override readonly name = 'JoblogSyncError';
  readonly code: 'invalid-remote';

  constructor(code: JoblogSyncError['code'], message: string) {
    super(message);
    this.code = code;
  }
}

const ENTRIES_PATH = 'v1/me/joblog/entries';
const REQUIREMENT_PATH = 'v1/me/joblog/requirement';
const SHARE_PATH = 'v1/me/joblog/share';
/** Feed items per page: large pages make the first sync of a long joblog quick (the contract allows 1000). */
export const FEED_PAGE_SIZE = 500;

/** True for failures that mean "not reachable now, nothing happened for certain": try again later. */
export function isOffline(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'offline' || error.code === 'network' || error.code === 'timeout');
}

const etagOf = (version: number): string => `"${String(version)}"`;

/** The version in one of the server's ETags (`"3"` → 3). */
export function versionOfEtag(etag: string | undefined): number | undefined {
  const match = etag === undefined ? null : /^(?:W\/)?"(\d{1,15})"$/.exec(etag.trim());
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isVersion = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 1;

/** An item of the feed, or the `current` of a 412: an entry with its version, or a tombstone. */
function toServerChange(value: unknown): ServerChange {
  if (!isRecord(value) || typeof value.id !== 'string' || !isVersion(value.version)) {
    throw new JoblogSyncError('invalid-remote', 'The server sent a joblog change without an id or version.');
  }
  if (value.deleted === true) return { id: value.id, entry: null, version: value.version };
  if (typeof value.title !== 'string' || typeof value.date !== 'string' || !Array.isArray(value.history)) {
    throw new JoblogSyncError('invalid-remote', 'The server sent a joblog entry this widget cannot read.');
  }
  const { version, ...entry } = value;
  return { id: value.id, entry: entry as unknown as JoblogEntry, version };
}

/**
 * The citizen's joblog on the server, over core's `ApiClient` (token, retries, 401 refresh, offline): the change
 * feed, one conditional write per entry (`If-Match: "<version>"`, or `If-None-Match: *` to create), the agreed
 * requirement and the consent to share. A write the server refuses because the entry changed elsewhere answers
 * with the server's copy (the 412 carries it); nothing is ever overwritten without a version to match.
 * Stateless: what to send and what was synced is `JoblogSyncEngine`'s and the store's business.
 */
export class JoblogSync {
  readonly #client: ApiClient;

  constructor(client: ApiClient) {
    this.#client = client;
  }

  /** One page of the change feed after `cursor` (null: from the beginning). Rejects with `ApiError` or `JoblogSyncError`. */
  async page(cursor: string | null, limit: number = FEED_PAGE_SIZE): Promise<FeedPage> {
    const response = await this.#client.get<unknown>(ENTRIES_PATH, { query: { since: cursor ?? undefined, limit } });
    const data = response.data;
    if (!isRecord(data) || !Array.isArray(data.items) || typeof data.nextCursor !== 'string' || typeof data.hasMore !== 'boolean') {
      throw new JoblogSyncError('invalid-remote', 'The server answered the joblog feed in a shape this widget cannot read.');
    }
    return { changes: data.items.map(toServerChange), cursor: data.nextCursor, hasMore: data.hasMore };
  }

  /** The feed's pages after `cursor`, one at a time, until the client is up to date. */
  async *pages(cursor: string | null, limit: number = FEED_PAGE_SIZE): AsyncGenerator<FeedPage, void, undefined> {
    let next = cursor;
    for (;;) {
      const page = await this.page(next, limit);
      yield page;
      if (!page.hasMore || page.cursor === next) return;
      next = page.cursor;
    }
  }

  /** Everything changed after `cursor` (null: the whole joblog), paging until done, and the cursor to keep. */
  async pull(cursor: string | null, limit: number = FEED_PAGE_SIZE): Promise<{ changes: ServerChange[]; cursor: string | null }> {
    const changes: ServerChange[] = [];
    let last = cursor;
    for await (const page of this.pages(cursor, limit)) {
      changes.push(...page.changes);
      last = page.cursor;
    }
    return { changes, cursor: last };
  }

  /**
   * Sends `entry`, based on the server version `knownVersion` (null: the server never had it here; then it only
   * creates). Resolves with the new version, the server's copy (conflict) or offline. When the server already holds
   * exactly this content (an earlier attempt landed but its answer was lost), that is success, not a conflict.
   * Rejects with `ApiError` for anything else (401 after a failed refresh, 400 refused, 5xx after retries).
   */
  async push(entry: JoblogEntry, knownVersion: number | null): Promise<WriteResult> {
    try {
      const response = await this.#client.put<unknown>(
        this.#entryPath(entry.id),
        entry,
        knownVersion === null ? { ifNoneMatch: '*' } : { ifMatch: etagOf(knownVersion) },
      );
      const version = versionOfEtag(response.etag) ?? (isRecord(response.data) && isVersion(response.data.version) ? response.data.version : undefined);
      if (version === undefined) throw new JoblogSyncError('invalid-remote', 'The server saved the entry but sent no version.');
      return { ok: true, version };
    } catch (error) {
      if (isOffline(error)) return { ok: false, reason: 'offline' };
      const current = currentOf(error);
      if (current === undefined) throw error;
      if (current.entry !== null && current.version !== null && sameEntry(current.entry, entry)) return { ok: true, version: current.version };
      return { ok: false, reason: 'conflict', conflict: { server: current.entry, version: current.version } };
    }
  }

  /**
   * Deletes the entry on the server, based on `knownVersion`. Already deleted (or never there) is success. A copy
   * changed elsewhere since is a conflict (the citizen deleted it here, someone changed it there).
   */
  async remove(id: string, knownVersion: number): Promise<RemoveResult> {
    try {
      const response = await this.#client.delete<unknown>(this.#entryPath(id), { ifMatch: etagOf(knownVersion) });
      return { ok: true, version: versionOfEtag(response.etag) ?? null };
    } catch (error) {
      if (isOffline(error)) return { ok: false, reason: 'offline' };
      if (error instanceof ApiError && error.status === 404) return { ok: true, version: null };
      const current = currentOf(error);
      if (current === undefined) throw error;
      if (current.entry === null) return { ok: true, version: current.version };
      return { ok: false, reason: 'conflict', conflict: { server: current.entry, version: current.version } };
    }
  }

  /** The requirement the job centre agreed with the citizen, or null when none is agreed (404). */
  async requirement(): Promise<Requirement | null> {
    try {
      const { data } = await this.#client.get<unknown>(REQUIREMENT_PATH);
      if (!isRecord(data) || typeof data.perWeek !== 'number' || typeof data.scale !== 'number' || typeof data.averageOverWeeks !== 'number' ||
        !Array.isArray(data.exemptWeeks) || typeof data.activitiesCount !== 'boolean') {
        throw new JoblogSyncError('invalid-remote', 'The server answered the requirement in a shape this widget cannot read.');
      }
      return {
        perWeek: data.perWeek,
        scale: data.scale,
        averageOverWeeks: data.averageOverWeeks,
        exemptWeeks: data.exemptWeeks as Requirement['exemptWeeks'],
        activitiesCount: data.activitiesCount,
      };
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }
  }

  /** Whether the citizen shares a read-only copy of the joblog with the job centre. */
  async shareStatus(): Promise<ShareStatus> {
    return (await this.#client.get<ShareStatus>(SHARE_PATH)).data;
  }

  /** Gives consent to share a read-only copy with the job centre. */
  async share(): Promise<ShareStatus> {
    return (await this.#client.put<ShareStatus>(SHARE_PATH, { consent: true })).data;
  }

  /** Withdraws the consent: the job centre can no longer read the joblog. */
  async unshare(): Promise<ShareStatus> {
    const response = await this.#client.delete<ShareStatus | undefined>(SHARE_PATH);
    return response.data ?? { shared: false, sharedAt: null };
  }

  #entryPath(id: string): string {
    return `${ENTRIES_PATH}/${encodeURIComponent(id)}`;
  }
}

/** The server's copy carried by a 412 `etag-mismatch` (`current`), or undefined when `error` is not one. */
function currentOf(error: unknown): { entry: JoblogEntry | null; version: number | null } | undefined {
  if (!(error instanceof ApiError) || error.status !== 412 || error.problem === undefined || !('current' in error.problem)) return undefined;
  const current = error.problem['current'];
  if (current === null) return { entry: null, version: null };
  const change = toServerChange(current);
  return { entry: change.entry, version: change.version };
}
