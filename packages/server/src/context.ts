import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Kysely } from 'kysely';
import type { TokenVerifier } from './auth.js';
import type { ServerConfig } from './config.js';
import type { Dialect } from './db/connect.js';
import type { Database } from './db/schema.js';
import type { EventBus } from './events/bus.js';
import type { ChatSignals } from './events/chat-signals.js';

/** What every route module needs. */
export interface AppContext {
  config: ServerConfig;
  db: Kysely<Database>;
  dialect: Dialect;
  bus: EventBus;
  verifier: TokenVerifier;
  /** Wake-ups of live-chat conversation streams (LISTEN/NOTIFY on PostgreSQL). */
  chatSignals: ChatSignals;
  /** Open SSE streams (user and conversation streams), closed on shutdown. */
  streams: Set<ClosableStream>;
}

/** An open SSE stream: ends itself (and its response) when told. */
export interface ClosableStream {
  end(reason: string): void;
}

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, TypeBoxTypeProvider>;
