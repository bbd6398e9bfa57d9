// Idempotency-Key handling (docs/contract.md "Idempotency"). The database decides: a key is claimed by
// inserting its row (primary key user_id + key, ON CONFLICT DO NOTHING), never by check-then-insert. The
// claim commits on its own so a concurrent duplicate sees `processing` (409); the work and the stored answer
// then commit together, and a failed attempt releases its claim so nothing of it remains.
import { createHash } from 'node:crypto';
import { IDEMPOTENCY_KEY_PATTERN } from '@jobunivers/contract';
import type { FastifyRequest } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './db/schema.js';
import { nowIso, toIso } from './db/time.js';
import { writeWithEvents, type EventBus, type StoredEvent } from './events/bus.js';
import { ProblemError } from './problem.js';

const KEY = new RegExp(IDEMPOTENCY_KEY_PATTERN);
/** A claim older than this belongs to a request that died (crash, lost connection): it may be taken over. */
const ABANDONED_AFTER_MS = 60_000;

export interface StoredResponse {
  status: number;
  body: unknown;
  replayed: boolean;
}

export type Publish = (userId: string, type: string, data: unknown) => Promise<StoredEvent>;

/** JSON with sorted keys, so `{"a":1,"b":2}` and `{"b":2,"a":1}` are the same request. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return value === undefined ? 'null' : JSON.stringify(value);
}

export function idempotencyKeyOf(request: FastifyRequest): string {
  const header = request.headers['idempotency-key'];
  const key = Array.isArray(header) ? undefined : header?.trim();
  if (key === undefined || !KEY.test(key)) {
    throw new ProblemError('idempotency-key-required', { detail: 'Send an Idempotency-Key header: 1–255 characters of A–Z, a–z, 0–9, _ . : - (a UUID).' });
  }
  return key;
}

/** What makes two requests "the same" for a key: method, path and body (key order ignored). */
export function hashRequest(method: string, path: string, body: unknown): string {
  return createHash('sha256').update(`${method}\n${path}\n${canonicalJson(body)}`).digest('base64url');
}

function requestHash(request: FastifyRequest): string {
  return hashRequest(request.method, request.url.split('?')[0] ?? '', request.body);
}

/**
 * Runs `create` at most once per (user, Idempotency-Key). `create` gets the transaction and answers the status
 * and body; the same request later gets that stored answer with `replayed: true`.
 */
export async function runIdempotent(
  db: Kysely<Database>,
  bus: EventBus,
  request: FastifyRequest,
  userId: string,
  create: (trx: Transaction<Database>, publish: Publish) => Promise<{ status: number; body: unknown }>,
): Promise<StoredResponse> {
  const key = idempotencyKeyOf(request);
  const hash = requestHash(request);

  for (let attempt = 0; attempt < 3; attempt++) {
    const claimedAt = nowIso();
    const claim = await db
      .insertInto('idempotency_keys')
      .values({ user_id: userId, key, request_hash: hash, state: 'processing', response_status: null, response_body: null, created_at: claimedAt })
      .onConflict((oc) => oc.columns(['user_id', 'key']).doNothing())
      .returning('key')
      .executeTakeFirst();
    let owned = claim !== undefined;

    if (!owned) {
      const existing = await db
        .selectFrom('idempotency_keys')
        .select(['request_hash', 'state', 'response_status', 'response_body', 'created_at'])
        .where('user_id', '=', userId)
        .where('key', '=', key)
        .executeTakeFirst();
      if (existing === undefined) continue; // released by a failed attempt a moment ago: claim again
      if (existing.request_hash !== hash) {
        throw new ProblemError('idempotency-key-reused', { detail: 'This Idempotency-Key was used with a different request. Use a new key for a new request.' });
      }
      if (existing.state === 'done') {
        return { status: Number(existing.response_status), body: JSON.parse(existing.response_body ?? 'null') as unknown, replayed: true };
      }
      const claimedBefore = toIso(existing.created_at);
      if (Date.parse(claimedBefore) > Date.now() - ABANDONED_AFTER_MS) {
        throw new ProblemError('idempotency-key-in-use', { detail: 'The same request is still being processed.', retryAfter: 1 });
      }
      // Take over an abandoned claim; the created_at comparison makes this a compare-and-swap.
      const takeover = await db
        .updateTable('idempotency_keys')
        .set({ created_at: claimedAt })
        .where('user_id', '=', userId)
        .where('key', '=', key)
        .where('state', '=', 'processing')
        .where('created_at', '=', claimedBefore)
        .executeTakeFirst();
      owned = Number(takeover.numUpdatedRows) === 1;
      if (!owned) throw new ProblemError('idempotency-key-in-use', { detail: 'The same request is still being processed.', retryAfter: 1 });
    }

    try {
      const response = await writeWithEvents(db, bus, async (trx, publish) => {
        const result = await create(trx, publish);
        await trx
          .updateTable('idempotency_keys')
          .set({ state: 'done', response_status: result.status, response_body: JSON.stringify(result.body) })
          .where('user_id', '=', userId)
          .where('key', '=', key)
          .where('state', '=', 'processing')
          .execute();
        return result;
      });
      return { ...response, replayed: false };
    } catch (error) {
      await db
        .deleteFrom('idempotency_keys')
        .where('user_id', '=', userId)
        .where('key', '=', key)
        .where('state', '=', 'processing')
        .execute()
        .catch(() => undefined);
      throw error;
    }
  }
  throw new ProblemError('idempotency-key-in-use', { detail: 'The same request is still being processed.', retryAfter: 1 });
}
