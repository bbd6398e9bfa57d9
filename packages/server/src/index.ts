// @jobunivers/server: the reference server as a library (tests, embedding); `main.ts` runs it.
export { buildApp, BODY_LIMIT, type BuildAppOptions } from './app.js';
export { loadConfig, ConfigError, DEMO_JWT_SECRET, type ServerConfig, type DatabaseSetting, type JwtSetting } from './config.js';
export { openDatabase, ping, type DatabaseHandle, type Dialect } from './db/connect.js';
export { migrateToLatest } from './db/migrations.js';
export type { Database } from './db/schema.js';
export { InProcessEventBus, writeWithEvents, type EventBus, type StoredEvent } from './events/bus.js';
export { PostgresEventBus, EVENTS_CHANNEL } from './events/postgres-bus.js';
export { pruneEvents, pruneIdempotencyKeys } from './events/retention.js';
export { runMaintenance } from './maintenance.js';
export { seedDemoData, DEMO_CONFIG } from './seed.js';
export { createTokenVerifier, type TokenVerifier, type AuthenticatedUser } from './auth.js';
export type { App, AppContext } from './context.js';
export type * from '@jobunivers/contract';
