// Events and idempotency keys are kept for a configured time (≥ 24 h by the contract), then removed.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/**
 * Removes events older than `cutoffIso` and records the highest removed `seq`, so a client resuming from before it
 * is told to reset. The newest event is always kept, so `max(seq)` never goes back.
 */
export async function pruneEvents(db: Kysely<Database>, cutoffIso: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const newest = await trx.selectFrom('events').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirst();
    const newestSeq = newest?.seq ?? 0;
    const doomed = await trx
      .selectFrom('events')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .where('created_at', '<', cutoffIso)
      .where('seq', '<', newestSeq)
      .executeTakeFirst();
    const through = doomed?.seq ?? 0;
    if (through === 0) return 0;
    const result = await trx.deleteFrom('events').where('seq', '<=', through).executeTakeFirst();
    await trx
      .updateTable('event_retention')
      .set({ pruned_through: sql<number>`case when pruned_through > ${through} then pruned_through else ${through} end` })
      .where('id', '=', 1)
      .execute();
    return Number(result.numDeletedRows);
  });
}

export async function pruneIdempotencyKeys(db: Kysely<Database>, cutoffIso: string): Promise<number> {
  const result = await db.deleteFrom('idempotency_keys').where('created_at', '<', cutoffIso).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The resume window: events after `prunedThrough` are all still stored; `newest` is the highest seq so far. */
export async function eventWindow(db: Kysely<Database>): Promise<{ prunedThrough: number; newest: number }> {
  const retention = await db.selectFrom('event_retention').select('pruned_through').where('id', '=', 1).executeTakeFirst();
  const newest = await db.selectFrom('events').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirst();
  return { prunedThrough: retention?.pruned_through ?? 0, newest: newest?.seq ?? 0 };
}
