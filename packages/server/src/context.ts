import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Kysely } from 'kysely';
import type { TokenVerifier } from './auth.js';
import type { ServerConfig } from './config.js';
import type { Dialect } from './db/connect.js';
import type { Database } from './db/schema.js';
import type { EventBus } from './events/bus.js';
import type { EventStream } from './events/sse.js';

/** What every route module needs. */
export interface AppContext {
  config: ServerConfig;
  db: Kysely<Database>;
  dialect: Dialect;
  bus: EventBus;
  verifier: TokenVerifier;
  /** Open SSE streams, closed on shutdown. */
  streams: Set<EventStream>;
}

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, TypeBoxTypeProvider>;
