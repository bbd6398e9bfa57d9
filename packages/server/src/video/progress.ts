// A citizen's progress in a video. Watched ranges are merged as a union (clipped to the duration, sorted, touching
// and overlapping ranges joined), so retries, out-of-order writes and two devices at once never lose seconds. The
// database decides concurrent writes: each write reads the row's version and applies only to that version (a
// compare-and-swap), retrying when another write came first; on PostgreSQL the read also takes the row lock.
import type { VideoProgress } from '@jobunivers/contract';
import type { Kysely } from 'kysely';
import type { Dialect } from '../db/connect.js';
import type { Database, VideoProgressTable } from '../db/schema.js';

export type Range = [number, number];

/** Merges ranges into sorted, disjoint ranges inside [0, duration]. */
export function mergeRanges(ranges: readonly Range[], duration: number): Range[] {
  const clipped = ranges
    .map(([start, end]): Range => [Math.min(Math.max(start, 0), duration), Math.min(Math.max(end, 0), duration)])
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Range[] = [];
  for (const [start, end] of clipped) {
    const last = merged.at(-1);
    if (last !== undefined && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

export const totalSeconds = (ranges: readonly Range[]): number => ranges.reduce((sum, [start, end]) => sum + (end - start), 0);

/** The share of unique seconds that counts as having seen the video. */
export const COMPLETION_SHARE = 0.9;

const round = (value: number): number => Math.round(value * 1000) / 1000;

export function toVideoProgress(row: VideoProgressTable): VideoProgress {
  const watched = JSON.parse(row.watched) as Range[];
  return {
    videoId: row.video_id,
    position: row.position,
    watched,
    watchedSeconds: round(row.watched_seconds),
    completed: row.completed_at !== null,
    completedAt: row.completed_at,
    updatedAt: row.updated_at,
  };
}

export interface ProgressWrite {
  position: number;
  watched: Range[];
  completed?: boolean;
}

const MAX_ATTEMPTS = 20;

/** Applies one PUT; answers the stored progress. */
export async function writeProgress(db: Kysely<Database>, dialect: Dialect, citizenId: string, videoId: string, duration: number, write: ProgressWrite): Promise<VideoProgressTable> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const result = await db.transaction().execute(async (trx) => {
      const now = new Date().toISOString();
      await trx.insertInto('video_progress')
        .values({ citizen_id: citizenId, video_id: videoId, position: 0, watched: '[]', watched_seconds: 0, completed_at: null, updated_at: now, version: 0 })
        .onConflict((oc) => oc.columns(['citizen_id', 'video_id']).doNothing())
        .execute();
      let read = trx.selectFrom('video_progress').selectAll().where('citizen_id', '=', citizenId).where('video_id', '=', videoId);
      if (dialect === 'postgres') read = read.forUpdate();
      const row = await read.executeTakeFirstOrThrow();
      const stored = JSON.parse(row.watched) as Range[];
      const watched = mergeRanges([...stored, ...write.watched], duration).map(([start, end]): Range => [round(start), round(end)]);
      const watchedSeconds = round(totalSeconds(watched));
      const completed = row.completed_at !== null || write.completed === true || watchedSeconds >= COMPLETION_SHARE * duration;
      const next = {
        position: round(Math.min(Math.max(write.position, 0), duration)),
        watched: JSON.stringify(watched),
        watched_seconds: watchedSeconds,
        completed_at: row.completed_at ?? (completed ? now : null),
        updated_at: now,
        version: row.version + 1,
      };
      const updated = await trx.updateTable('video_progress').set(next)
        .where('citizen_id', '=', citizenId).where('video_id', '=', videoId).where('version', '=', row.version)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) return undefined;
      return { ...row, ...next };
    });
    if (result !== undefined) return result;
    await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20));
  }
  throw new Error('video progress: too many concurrent writes');
}

/** The citizen's progress in the given videos (one query). */
export async function progressOf(db: Kysely<Database>, citizenId: string | undefined, videoIds: readonly string[]): Promise<Map<string, VideoProgress>> {
  const out = new Map<string, VideoProgress>();
  if (citizenId === undefined || videoIds.length === 0) return out;
  const rows = await db.selectFrom('video_progress').selectAll().where('citizen_id', '=', citizenId).where('video_id', 'in', [...new Set(videoIds)]).execute();
  for (const row of rows) out.set(row.video_id, toVideoProgress(row));
  return out;
}

