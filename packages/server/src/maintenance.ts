// Periodic clean-up: events and idempotency keys older than their retention.
import type { Kysely } from 'kysely';
import type { ServerConfig } from './config.js';
import type { Database } from './db/schema.js';
import { pruneEvents, pruneIdempotencyKeys } from './events/retention.js';

export async function runMaintenance(db: Kysely<Database>, config: Pick<ServerConfig, 'eventRetentionMs' | 'idempotencyRetentionMs'>, now = Date.now()): Promise<{ events: number; idempotencyKeys: number }> {
  const events = await pruneEvents(db, new Date(now - config.eventRetentionMs).toISOString());
  const idempotencyKeys = await pruneIdempotencyKeys(db, new Date(now - config.idempotencyRetentionMs).toISOString());
  return { events, idempotencyKeys };
}
