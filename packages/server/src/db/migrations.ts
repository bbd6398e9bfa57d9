// Migrations live in code (no files to ship); Kysely's Migrator records them in kysely_migration.
import { sql, type Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import type { Dialect } from './connect.js';
import type { Database } from './schema.js';

function migrations(dialect: Dialect): Record<string, Migration> {
  const pg = dialect === 'postgres';
  const timestamp = pg ? 'timestamptz' : 'text';
  return {
    '0001_initial': {
      async up(db: Kysely<unknown>) {
        await db.schema.createTable('teams')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createTable('users')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('citizen', 'caseworker')`))
          .addColumn('first_name', 'text', (c) => c.notNull())
          .addColumn('team_id', 'text', (c) => c.references('teams.id'))
          .addColumn('description', 'text')
          .execute();
        await db.schema.createTable('assignments')
          .addColumn('caseworker_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
          .addColumn('citizen_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
          .addPrimaryKeyConstraint('assignments_pk', ['caseworker_id', 'citizen_id'])
          .execute();
        await db.schema.createTable('preferences')
          .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
          .addColumn('language', 'text', (c) => c.notNull().check(sql`language in ('da', 'en', 'ar')`))
          .addColumn('notify_by_email', 'integer', (c) => c.notNull().check(sql`notify_by_email in (0, 1)`))
          .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
          .execute();
        await db.schema.createTable('notifications')
          .addColumn('seq', pg ? 'bigserial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
          .addColumn('id', 'text', (c) => c.notNull().unique())
          .addColumn('citizen_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
          .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('body', 'text', (c) => c.notNull())
          .addColumn('link', 'text')
          .addColumn('created_at', timestamp, (c) => c.notNull())
          .addColumn('read_at', timestamp)
          .execute();
        await db.schema.createIndex('notifications_citizen_seq').on('notifications').columns(['citizen_id', 'seq']).execute();
        await db.schema.createTable('idempotency_keys')
          .addColumn('user_id', 'text', (c) => c.notNull())
          .addColumn('key', 'text', (c) => c.notNull())
          .addColumn('request_hash', 'text', (c) => c.notNull())
          .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('processing', 'done')`))
          .addColumn('response_status', 'integer')
          .addColumn('response_body', 'text')
          .addColumn('created_at', timestamp, (c) => c.notNull())
          .addPrimaryKeyConstraint('idempotency_keys_pk', ['user_id', 'key'])
          .execute();
        await db.schema.createIndex('idempotency_keys_created_at').on('idempotency_keys').column('created_at').execute();
        await db.schema.createTable('events')
          .addColumn('seq', pg ? 'bigserial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
          .addColumn('user_id', 'text', (c) => c.notNull())
          .addColumn('type', 'text', (c) => c.notNull())
          .addColumn('data', 'text', (c) => c.notNull())
          .addColumn('created_at', timestamp, (c) => c.notNull())
          .execute();
        await db.schema.createIndex('events_user_seq').on('events').columns(['user_id', 'seq']).execute();
        await db.schema.createIndex('events_created_at').on('events').column('created_at').execute();
        await db.schema.createTable('event_retention')
          .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
          .addColumn('pruned_through', pg ? 'bigint' : 'integer', (c) => c.notNull())
          .execute();
        await sql`insert into event_retention (id, pruned_through) values (1, 0)`.execute(db);
        await db.schema.createTable('config')
          .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
          .addColumn('document', 'text', (c) => c.notNull())
          .addColumn('version', 'integer', (c) => c.notNull())
          .execute();
      },
      async down(db: Kysely<unknown>) {
        for (const table of ['config', 'event_retention', 'events', 'idempotency_keys', 'notifications', 'preferences', 'assignments', 'users', 'teams']) {
          await db.schema.dropTable(table).ifExists().execute();
        }
      },
    },
  };
}

class InCodeMigrationProvider implements MigrationProvider {
  constructor(private readonly dialect: Dialect) {}
  getMigrations(): Promise<Record<string, Migration>> {
    return Promise.resolve(migrations(this.dialect));
  }
}

/** Brings the schema to the latest version; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<Database>, dialect: Dialect): Promise<void> {
  const migrator = new Migrator({ db, provider: new InCodeMigrationProvider(dialect) });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Database migration ${failed} failed`, { cause: error });
  }
}
