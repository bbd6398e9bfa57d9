// Resume and watched seconds, kept on the device (IndexedDB) for every video and on the server for a signed-in
// citizen. Writes are throttled while playing and sent at once on pause, end, seek and when the page is hidden.
import type { ApiClient } from '@jobunivers/core';
import { deviceStore } from './device-store.js';
import { mergeRanges, type Range } from './watched-ranges.js';

export interface StoredProgress {
  position: number;
  watched: Range[];
  completed: boolean;
}

/** Why progress is being saved; `tick` is a time update while playing and is throttled. */
export type SaveReason = 'tick' | 'pause' | 'ended' | 'seek' | 'pagehide' | 'completed';

const SERVER_EVERY_MS = 15_000;
const DEVICE_EVERY_MS = 5_000;

/** Local and server progress merged: the later position, the union of the watched ranges, completed if either is. */
export function mergeProgress(...sources: (StoredProgress | undefined)[]): StoredProgress | undefined {
  const known = sources.filter((source): source is StoredProgress => source !== undefined);
  if (known.length === 0) return undefined;
  return {
    position: Math.max(...known.map((source) => source.position)),
    watched: known.reduce<Range[]>((ranges, source) => mergeRanges(ranges, source.watched), []),
    completed: known.some((source) => source.completed),
  };
}

/** True when "continue from …" is worth offering: past the first 5 s and not at the end. */
export function worthResuming(position: number, duration: number): boolean {
  if (!(position > 5)) return false;
  return !(duration > 0) || (position < duration * 0.95 && duration - position > 5);
}

export interface ProgressTarget {
  /** The device key (`id:…` or `src:…`). */
  key: string;
  /** The API's video id, when the video came from the API. */
  videoId: string | undefined;
  /** The API client and token in effect, read on every write (the citizen may sign in while watching). */
  client: () => ApiClient | undefined;
  token: () => string | undefined;
}

/** `value` when it looks like stored progress (the device's data may come from an older version). */
function asProgress(value: unknown): StoredProgress | undefined {
  const candidate = value as Partial<StoredProgress> | undefined;
  if (typeof candidate?.position !== 'number' || !Array.isArray(candidate.watched)) return undefined;
  return { position: candidate.position, watched: candidate.watched, completed: candidate.completed === true };
}

export class ProgressSync {
  readonly #target: ProgressTarget;
  #deviceAt = 0;
  #serverAt = 0;
  #serverWrite: Promise<unknown> = Promise.resolve();

  constructor(target: ProgressTarget) {
    this.#target = target;
  }

  /** What this device remembers. */
  async load(): Promise<StoredProgress | undefined> {
    return asProgress(await (await deviceStore()).get(this.#target.key));
  }

  /** Saves `progress` now, or later when `reason` is a throttled time update. */
  save(progress: StoredProgress, reason: SaveReason): void {
    const now = Date.now();
    const snapshot: StoredProgress = { position: progress.position, watched: progress.watched.map(([start, end]): Range => [start, end]), completed: progress.completed };
    if (reason !== 'tick' || now - this.#deviceAt >= DEVICE_EVERY_MS) {
      this.#deviceAt = now;
      void deviceStore().then((store) => store.put(this.#target.key, snapshot)).catch(() => undefined);
    }
    const { videoId } = this.#target;
    const client = this.#target.client();
    if (videoId === undefined || client === undefined || this.#target.token() === undefined) return;
    if (reason === 'tick' && now - this.#serverAt < SERVER_EVERY_MS) return;
    this.#serverAt = now;
    const path = `v1/videos/${encodeURIComponent(videoId)}/progress`;
    const body = { position: snapshot.position, watched: snapshot.watched, ...(snapshot.completed ? { completed: true } : {}) };
    if (reason === 'pagehide') {
      // The page is going away: a keepalive request outlives it (the API client's fetch would be cancelled).
      void fetch(client.url(path), {
        method: 'PUT', keepalive: true, credentials: 'omit', body: JSON.stringify(body),
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', Authorization: `Bearer ${this.#target.token() ?? ''}` },
      }).catch(() => undefined);
      return;
    }
    // One write at a time, in order; a failed write is not fatal: the next one carries the union again.
    this.#serverWrite = this.#serverWrite.then(() => client.put(path, body)).catch(() => undefined);
  }
}
