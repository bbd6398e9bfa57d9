// Periodic clean-up: events and idempotency keys older than their retention, holds that ran out, and chat
// conversations past their retention (with their files).
import type { Kysely } from 'kysely';
import type { ServerConfig } from './config.js';
import { pruneChatConversations } from './chat/retention.js';
import type { Database } from './db/schema.js';
import { pruneEvents, pruneIdempotencyKeys } from './events/retention.js';

/** A run-out hold stays a little (a late confirmation still answers 410) before its claim row is removed. */
const HOLD_GRACE_MS = 60 * 60 * 1000;

export async function runMaintenance(
  db: Kysely<Database>,
  config: Pick<ServerConfig, 'eventRetentionMs' | 'idempotencyRetentionMs' | 'chatRetentionDays' | 'chatAttachmentsDir'>,
  now = Date.now(),
): Promise<{ events: number; idempotencyKeys: number; expiredHolds: number; chatConversations: number }> {
  const events = await pruneEvents(db, new Date(now - config.eventRetentionMs).toISOString());
  const idempotencyKeys = await pruneIdempotencyKeys(db, new Date(now - config.idempotencyRetentionMs).toISOString());
  // Only rows still in state 'held' whose time ran out long ago: a concurrent takeover rewrites expires_at first.
  const holds = await db
    .deleteFrom('slot_claims')
    .where('state', '=', 'held')
    .where('expires_at', '<', new Date(now - HOLD_GRACE_MS).toISOString())
    .executeTakeFirst();
  const chatCutoff = new Date(now - config.chatRetentionDays * 24 * 60 * 60 * 1000).toISOString();
  const chatConversations = await pruneChatConversations(db, chatCutoff, config.chatAttachmentsDir);
  return { events, idempotencyKeys, expiredHolds: Number(holds.numDeletedRows), chatConversations };
}
