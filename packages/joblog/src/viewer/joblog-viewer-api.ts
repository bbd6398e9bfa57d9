// The caseworker's calls of the contract (packages/contract/src/schemas/joblog.ts): the joblogs shared with them,
// one citizen's entries through the change feed, and the agreed requirement. Only types come from the contract.
import { ApiError, type ApiClient } from '@jobunivers/core';
import type { JoblogFeed, SharedJoblog, SharedJoblogList } from '@jobunivers/contract';
import type { JoblogEntry, Requirement } from '../model/entry.js';

export type { SharedJoblog } from '@jobunivers/contract';

/** Changes per page of the feed: the contract's most, so 10,000 entries take ten requests. */
export const FEED_PAGE = 1000;

/** The agreed requirement with the ETag to send back; `requirement: null` when none is agreed. */
export interface AgreedRequirement {
  requirement: Requirement | null;
  etag: string | undefined;
}

export interface SharedList {
  /** The current ISO week in Copenhagen, as the server counted it. */
  week: string;
  items: SharedJoblog[];
}

const path = (citizenId: string, rest: string): string => `v1/joblogs/${encodeURIComponent(citizenId)}/${rest}`;
const withSignal = (signal: AbortSignal | undefined): { signal?: AbortSignal } => (signal === undefined ? {} : { signal });

/** The version in an ETag such as `"3"` (or `W/"3"`); 0 when the server sent none. */
export const versionOf = (etag: string | undefined): number => Number(/"(\d+)"/.exec(etag ?? '')?.[1] ?? 0);

export class JoblogViewerApi {
  readonly #client: ApiClient;

  constructor(client: ApiClient) {
    this.#client = client;
  }

  /** The joblogs shared with the caseworker, in the server's order (most recently changed first). */
  async list(signal?: AbortSignal): Promise<SharedList> {
    const { data } = await this.#client.get<SharedJoblogList>('v1/joblogs', withSignal(signal));
    return { week: data.week, items: data.items };
  }

  /**
   * Every live entry of a citizen's joblog: follows the feed's cursor until `hasMore` is false; a later page's copy
   * of an entry replaces an earlier one, and a tombstone removes it. Rejects with `ApiError` 404 when the joblog
   * is not shared (any longer).
   */
  async entries(citizenId: string, progress: (loaded: number) => void, signal?: AbortSignal): Promise<JoblogEntry[]> {
    const byId = new Map<string, JoblogEntry>();
    let cursor: string | undefined;
    for (;;) {
      const { data } = await this.#client.get<JoblogFeed>(path(citizenId, 'entries'), { ...withSignal(signal), query: { cursor, limit: FEED_PAGE } });
      for (const change of data.items) {
        if ('deleted' in change) {
          byId.delete(change.id);
        } else {
          // The server's `version` is not part of the widget's entry.
          const entry: JoblogEntry & { version?: number } = { ...change };
          delete entry.version;
          byId.set(entry.id, entry);
        }
      }
      progress(byId.size);
      if (!data.hasMore || data.nextCursor === cursor) break;
      cursor = data.nextCursor;
    }
    return [...byId.values()];
  }

  /** The agreed requirement; none agreed is a 404 the server sends for that. */
  async requirement(citizenId: string, signal?: AbortSignal): Promise<AgreedRequirement> {
    try {
      const response = await this.#client.get<Requirement>(path(citizenId, 'requirement'), withSignal(signal));
      return { requirement: response.data, etag: response.etag };
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return { requirement: null, etag: undefined };
      throw error;
    }
  }

  /**
   * Saves the requirement. With `etag` the server replaces only that version (412 `etag-mismatch` when a colleague
   * changed it); without, there was none, and the server creates it only if there still is none (`If-None-Match: *`:
   * a colleague who agreed one meanwhile gets the same 412, never a silent overwrite).
   */
  async saveRequirement(citizenId: string, requirement: Requirement, etag: string | undefined): Promise<AgreedRequirement> {
    const response = await this.#client.put<Requirement>(path(citizenId, 'requirement'), requirement, etag === undefined ? { ifNoneMatch: '*' } : { ifMatch: etag });
    return { requirement: response.data, etag: response.etag };
  }

  async removeRequirement(citizenId: string): Promise<void> {
    await this.#client.delete<unknown>(path(citizenId, 'requirement'));
  }
}
