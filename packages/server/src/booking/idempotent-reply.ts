// The reply to an idempotent booking write, the same for the citizen's routes and the desk's.
import type { FastifyReply } from 'fastify';
import type { StoredResponse } from '../idempotency.js';

/** Sends the stored (or new) answer uncached, marked `Idempotent-Replayed: true` when it is a replay. */
export function sendIdempotentResult(reply: FastifyReply, result: StoredResponse): FastifyReply {
  if (result.replayed) reply.header('idempotent-replayed', 'true');
  reply.header('cache-control', 'no-store');
  return reply.code(result.status).send(result.body);
}
