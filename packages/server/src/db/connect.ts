// Opens the database: better-sqlite3 (embedded default) or a pg Pool, both behind Kysely.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { DatabaseSetting } from '../config.js';
import type { Database } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: Dialect;
  /** The PostgreSQL URL, for the LISTEN connection of the event bus. */
  postgresUrl?: string;
  close(): Promise<void>;
}

/** bigint (count, bigserial) as a JS number: our sequences stay far below 2^53. */
function pgTypes(): pg.CustomTypesConfig {
  type TypeId = Parameters<typeof pg.types.getTypeParser>[0];
  const builtin: (oid: TypeId, format?: 'text' | 'binary') => (value: string) => unknown = pg.types.getTypeParser;
  const parseInt8 = (value: string): number => Number(value);
  return {
    getTypeParser: (oid: TypeId, format?: 'text' | 'binary') => (oid === pg.types.builtins.INT8 ? parseInt8 : builtin(oid, format ?? 'text')),
  };
}

export function openDatabase(setting: DatabaseSetting): DatabaseHandle {
  if (setting.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: setting.url, max: 10, types: pgTypes(), connectionTimeoutMillis: 5000 });
    // An idle client that loses its connection must not crash the process; the pool replaces it.
    pool.on('error', () => undefined);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    let closed = false;
    return {
      db,
      dialect: 'postgres',
      postgresUrl: setting.url,
      async close() {
        if (closed) return;
        closed = true;
        await db.destroy();
      },
    };
  }
  if (setting.file !== ':memory:') mkdirSync(dirname(setting.file), { recursive: true });
  const connection = new SQLite(setting.file);
  connection.pragma('journal_mode = WAL');
  connection.pragma('foreign_keys = ON');
  connection.pragma('busy_timeout = 5000');
  connection.pragma('synchronous = NORMAL');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: connection }) });
  let closed = false;
  return {
    db,
    dialect: 'sqlite',
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
}

/** `select 1`: does the database answer? */
export async function ping(db: Kysely<Database>): Promise<void> {
  await sql`select 1`.execute(db);
}
