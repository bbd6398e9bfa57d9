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
    '0002_booking': {
      async up(db: Kysely<unknown>) {
        await db.schema.createTable('meeting_types')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('in-person', 'phone', 'video')`))
          .addColumn('duration_minutes', 'integer', (c) => c.notNull().check(sql`duration_minutes > 0`))
          .addColumn('position', 'integer', (c) => c.notNull())
          .addColumn('address', 'text')
          // {"da": {"title", "bring"?, "phone"?, "video"?}, "en": {…}, "ar": {…}}
          .addColumn('texts', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createTable('meeting_type_questions')
          .addColumn('meeting_type_id', 'text', (c) => c.notNull().references('meeting_types.id').onDelete('cascade'))
          .addColumn('id', 'text', (c) => c.notNull())
          .addColumn('position', 'integer', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('text', 'choice')`))
          .addColumn('required', 'integer', (c) => c.notNull().check(sql`required in (0, 1)`))
          .addColumn('max_length', 'integer')
          // {"label": {"da", "en", "ar"}, "options"?: [{"id", "label": {…}}]}
          .addColumn('texts', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('meeting_type_questions_pk', ['meeting_type_id', 'id'])
          .execute();
        await db.schema.createTable('availability_rules')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('caseworker_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
          .addColumn('meeting_type_id', 'text', (c) => c.notNull().references('meeting_types.id').onDelete('cascade'))
          .addColumn('weekday', 'integer', (c) => c.notNull().check(sql`weekday between 1 and 7`))
          .addColumn('start_time', 'text', (c) => c.notNull())
          .addColumn('end_time', 'text', (c) => c.notNull().check(sql`end_time > start_time`))
          .execute();
        await db.schema.createIndex('availability_rules_caseworker').on('availability_rules').columns(['caseworker_id', 'meeting_type_id']).execute();
        await db.schema.createTable('availability_exceptions')
          .addColumn('caseworker_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
          .addColumn('date', 'text', (c) => c.notNull())
          .addColumn('closed', 'integer', (c) => c.notNull().check(sql`closed in (0, 1)`))
          .addColumn('note', 'text')
          .addPrimaryKeyConstraint('availability_exceptions_pk', ['caseworker_id', 'date'])
          .execute();
        await db.schema.createTable('booking_deadlines')
          .addColumn('citizen_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
          .addColumn('deadline', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createTable('bookings')
          .addColumn('seq', pg ? 'bigserial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
          .addColumn('id', 'text', (c) => c.notNull().unique())
          .addColumn('citizen_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
          .addColumn('caseworker_id', 'text', (c) => c.notNull().references('users.id'))
          .addColumn('meeting_type_id', 'text', (c) => c.notNull().references('meeting_types.id'))
          .addColumn('start_at', 'text', (c) => c.notNull())
          .addColumn('end_at', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('booked', 'cancelled')`))
          .addColumn('answers', 'text', (c) => c.notNull())
          .addColumn('sequence', 'integer', (c) => c.notNull())
          .addColumn('cancel_reason', 'text')
          .addColumn('cancelled_by', 'text', (c) => c.check(sql`cancelled_by in ('citizen', 'caseworker')`))
          .addColumn('created_at', timestamp, (c) => c.notNull())
          .addColumn('updated_at', timestamp, (c) => c.notNull())
          .execute();
        await db.schema.createIndex('bookings_citizen_start').on('bookings').columns(['citizen_id', 'start_at']).execute();
        // Every hold ever issued (so a run-out hold answers 410, not 404); slot_claims decides who has the time.
        await db.schema.createTable('booking_holds')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('citizen_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
          .addColumn('caseworker_id', 'text', (c) => c.notNull())
          .addColumn('meeting_type_id', 'text', (c) => c.notNull())
          .addColumn('slot_id', 'text', (c) => c.notNull())
          .addColumn('start_at', 'text', (c) => c.notNull())
          .addColumn('end_at', 'text', (c) => c.notNull())
          .addColumn('expires_at', 'text', (c) => c.notNull())
          .addColumn('created_at', timestamp, (c) => c.notNull())
          .execute();
        // One row per (caseworker, start): a live or run-out hold, or a booking. The UNIQUE key decides races.
        // Times here are ISO UTC text (toISOString) on both databases, so they compare as strings.
        await db.schema.createTable('slot_claims')
          .addColumn('caseworker_id', 'text', (c) => c.notNull())
          .addColumn('start_at', 'text', (c) => c.notNull())
          .addColumn('end_at', 'text', (c) => c.notNull())
          .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('held', 'booked')`))
          .addColumn('holder', 'text', (c) => c.notNull())
          .addColumn('hold_id', 'text')
          .addColumn('expires_at', 'text')
          .addColumn('booking_id', 'text')
          .addPrimaryKeyConstraint('slot_claims_pk', ['caseworker_id', 'start_at'])
          .execute();
        await db.schema.createIndex('slot_claims_holder').on('slot_claims').columns(['holder', 'state']).execute();
        await db.schema.createIndex('slot_claims_hold').on('slot_claims').column('hold_id').execute();
        await db.schema.createTable('help_requests')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('citizen_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
          .addColumn('reasons', 'text', (c) => c.notNull())
          .addColumn('message', 'text')
          .addColumn('phone', 'text')
          .addColumn('created_at', timestamp, (c) => c.notNull())
          .execute();
        await db.schema.createTable('no_free_time_receipts')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('citizen_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
          .addColumn('meeting_type_id', 'text', (c) => c.notNull())
          .addColumn('deadline', 'text', (c) => c.notNull())
          .addColumn('first_available', 'text')
          .addColumn('issued_at', timestamp, (c) => c.notNull())
          .execute();
      },
      async down(db: Kysely<unknown>) {
        for (const table of ['no_free_time_receipts', 'help_requests', 'slot_claims', 'booking_holds', 'bookings', 'booking_deadlines', 'availability_exceptions', 'availability_rules', 'meeting_type_questions', 'meeting_types']) {
          await db.schema.dropTable(table).ifExists().execute();
        }
      },
    },
    // The job centre's side of self-booking: why a day is closed, who booked, the desk's reasons, handled help
    // requests, and a version per caseworker's availability document (its ETag).
    '0003_booking_desk': {
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('availability_exceptions')
          .addColumn('kind', 'text', (c) => c.notNull().defaultTo('other').check(sql`kind in ('holiday', 'sick', 'other')`))
          .execute();
        await db.schema.alterTable('bookings')
          .addColumn('booked_by', 'text', (c) => c.notNull().defaultTo('citizen').check(sql`booked_by in ('citizen', 'caseworker')`))
          .execute();
        await db.schema.alterTable('bookings').addColumn('change_reason', 'text').execute();
        await db.schema.alterTable('bookings').addColumn('desk_note', 'text').execute();
        await db.schema.alterTable('help_requests').addColumn('handled_at', timestamp).execute();
        await db.schema.createIndex('bookings_caseworker_start').on('bookings').columns(['caseworker_id', 'start_at']).execute();
        await db.schema.createIndex('help_requests_citizen_created').on('help_requests').columns(['citizen_id', 'created_at']).execute();
        await db.schema.createIndex('no_free_time_receipts_citizen_issued').on('no_free_time_receipts').columns(['citizen_id', 'issued_at']).execute();
        await db.schema.createTable('availability_versions')
          .addColumn('caseworker_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
          .addColumn('version', 'integer', (c) => c.notNull())
          .execute();
      },
      async down(db: Kysely<unknown>) {
        await db.schema.dropTable('availability_versions').ifExists().execute();
        for (const index of ['no_free_time_receipts_citizen_issued', 'help_requests_citizen_created', 'bookings_caseworker_start']) {
          await db.schema.dropIndex(index).ifExists().execute();
        }
        await db.schema.alterTable('help_requests').dropColumn('handled_at').execute();
        for (const column of ['desk_note', 'change_reason', 'booked_by']) await db.schema.alterTable('bookings').dropColumn(column).execute();
        await db.schema.alterTable('availability_exceptions').dropColumn('kind').execute();
      },
    },
    // Live chat: topics routed to teams, conversations with a per-conversation sequence counter, their items
    // (messages, notes, state changes, read marks) keyed (conversation_id, seq), attachments, presence, replies.
    '0004_chat': {
      async up(db: Kysely<unknown>) {
        await db.schema.createTable('chat_topics')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
          .addColumn('position', 'integer', (c) => c.notNull())
          .addColumn('labels', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createTable('chat_conversations')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('queued', 'active', 'closed', 'left-message')`))
          .addColumn('topic_id', 'text', (c) => c.notNull().references('chat_topics.id'))
          .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
          .addColumn('citizen_id', 'text', (c) => c.references('users.id').onDelete('cascade'))
          .addColumn('access_token_hash', 'text', (c) => c.unique())
          .addColumn('citizen_name', 'text')
          .addColumn('language', 'text', (c) => c.notNull().check(sql`language in ('da', 'en', 'ar')`))
          .addColumn('caseworker_id', 'text', (c) => c.references('users.id').onDelete('set null'))
          .addColumn('queue_priority', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('queued_at', 'text', (c) => c.notNull())
          .addColumn('queue_position', 'integer')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('closed_at', 'text')
          .addColumn('last_seq', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('last_public_seq', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('read_by_staff', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('read_by_citizen', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('rating', 'integer', (c) => c.check(sql`rating between 1 and 5`))
          .addColumn('rating_comment', 'text')
          .addColumn('last_message_at', 'text')
          .execute();
        await db.schema.createIndex('chat_conversations_queue').on('chat_conversations').columns(['state', 'team_id', 'queue_priority', 'queued_at']).execute();
        await db.schema.createIndex('chat_conversations_caseworker').on('chat_conversations').columns(['caseworker_id', 'state']).execute();
        // A citizen has at most one open conversation: the database decides, also between two instances.
        await db.schema.createIndex('chat_conversations_one_open').on('chat_conversations').column('citizen_id').unique()
          .where(sql.ref('state'), 'in', sql`('queued', 'active')`)
          .execute();
        await db.schema.createTable('chat_items')
          .addColumn('conversation_id', 'text', (c) => c.notNull().references('chat_conversations.id').onDelete('cascade'))
          .addColumn('seq', 'integer', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('message', 'note', 'state', 'read')`))
          .addColumn('visibility', 'text', (c) => c.notNull().check(sql`visibility in ('all', 'staff')`))
          .addColumn('client_id', 'text')
          .addColumn('author', 'text', (c) => c.check(sql`author in ('citizen', 'caseworker', 'system')`))
          .addColumn('text', 'text')
          .addColumn('attachment_id', 'text')
          .addColumn('data', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('chat_items_pk', ['conversation_id', 'seq'])
          .addUniqueConstraint('chat_items_client_id', ['conversation_id', 'client_id'])
          .execute();
        await db.schema.createTable('chat_attachments')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('conversation_id', 'text', (c) => c.notNull().references('chat_conversations.id').onDelete('cascade'))
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('type', 'text', (c) => c.notNull())
          .addColumn('size', 'integer', (c) => c.notNull())
          .addColumn('side', 'text', (c) => c.notNull().check(sql`side in ('citizen', 'caseworker')`))
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('chat_attachments_conversation').on('chat_attachments').column('conversation_id').execute();
        await db.schema.createTable('chat_participants')
          .addColumn('conversation_id', 'text', (c) => c.notNull().references('chat_conversations.id').onDelete('cascade'))
          .addColumn('caseworker_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
          .addPrimaryKeyConstraint('chat_participants_pk', ['conversation_id', 'caseworker_id'])
          .execute();
        await db.schema.createTable('chat_presence')
          .addColumn('caseworker_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
          .addColumn('presence', 'text', (c) => c.notNull().check(sql`presence in ('available', 'away')`))
          .addColumn('max_chats', 'integer', (c) => c.notNull().check(sql`max_chats between 1 and 10`))
          .execute();
        await db.schema.createTable('chat_canned_replies')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('position', 'integer', (c) => c.notNull())
          .addColumn('language', 'text', (c) => c.notNull().check(sql`language in ('da', 'en')`))
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('text', 'text', (c) => c.notNull())
          .execute();
      },
      async down(db: Kysely<unknown>) {
        for (const table of ['chat_canned_replies', 'chat_presence', 'chat_participants', 'chat_attachments', 'chat_items', 'chat_conversations', 'chat_topics']) {
          await db.schema.dropTable(table).ifExists().execute();
        }
      },
    },
    // The video library: the imported catalogue, its search index (FTS5 on SQLite, tsvector + GIN on PostgreSQL)
    // and the citizens' progress. Progress has no foreign key to videos: a video leaving the catalogue keeps it.
    '0005_videos': {
      async up(db: Kysely<unknown>) {
        const real = pg ? 'double precision' : 'real';
        await db.schema.createTable('videos')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('position', 'integer', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('guide', 'webinar')`))
          .addColumn('topic_id', 'text', (c) => c.notNull())
          .addColumn('language', 'text', (c) => c.notNull())
          .addColumn('duration', real, (c) => c.notNull())
          .addColumn('length', 'text', (c) => c.notNull().check(sql`length in ('short', 'medium', 'long')`))
          .addColumn('published_at', 'text', (c) => c.notNull())
          .addColumn('sign_language', 'integer', (c) => c.notNull())
          .addColumn('audio_description', 'integer', (c) => c.notNull())
          .addColumn('captions', 'text', (c) => c.notNull())
          .addColumn('document', 'text', (c) => c.notNull())
          .addColumn('content_hash', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('videos_published').on('videos').columns(['published_at', 'position']).execute();
        await db.schema.createTable('video_target_groups')
          .addColumn('video_id', 'text', (c) => c.notNull().references('videos.id').onDelete('cascade'))
          .addColumn('target_group_id', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('video_target_groups_pk', ['video_id', 'target_group_id'])
          .execute();
        await db.schema.createIndex('video_target_groups_group').on('video_target_groups').columns(['target_group_id', 'video_id']).execute();
        await db.schema.createTable('video_catalogue')
          .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
          .addColumn('document', 'text', (c) => c.notNull())
          .addColumn('content_hash', 'text', (c) => c.notNull())
          .addColumn('imported_at', 'text', (c) => c.notNull())
          .execute();
        let texts = db.schema.createTable('video_texts')
          .addColumn('id', pg ? 'bigint' : 'integer', (c) => c.primaryKey())
          .addColumn('video_id', 'text', (c) => c.notNull().references('videos.id').onDelete('cascade'))
          .addColumn('field', 'text', (c) => c.notNull().check(sql`field in ('title', 'description', 'transcript')`))
          .addColumn('language', 'text', (c) => c.notNull())
          .addColumn('start_at', real)
          .addColumn('end_at', real)
          .addColumn('text', 'text', (c) => c.notNull());
        // PostgreSQL: the text search configuration of the row's language ('danish', 'english' or 'simple').
        if (pg) texts = texts.addColumn('config', sql`regconfig`, (c) => c.notNull()).addColumn('tsv', sql`tsvector`, (c) => c.notNull());
        await texts.execute();
        await db.schema.createIndex('video_texts_video').on('video_texts').column('video_id').execute();
        if (pg) await sql`create index video_texts_tsv on video_texts using gin (tsv)`.execute(db);
        else await sql`create virtual table video_fts using fts5(terms, video_id unindexed, tokenize = 'unicode61 remove_diacritics 0')`.execute(db);
        await db.schema.createTable('video_progress')
          .addColumn('citizen_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
          .addColumn('video_id', 'text', (c) => c.notNull())
          .addColumn('position', real, (c) => c.notNull())
          .addColumn('watched', 'text', (c) => c.notNull())
          .addColumn('watched_seconds', real, (c) => c.notNull())
          .addColumn('completed_at', 'text')
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addColumn('version', 'integer', (c) => c.notNull())
          .addPrimaryKeyConstraint('video_progress_pk', ['citizen_id', 'video_id'])
          .execute();
        await db.schema.createIndex('video_progress_citizen_updated').on('video_progress').columns(['citizen_id', 'updated_at']).execute();
      },
      async down(db: Kysely<unknown>) {
        if (!pg) await sql`drop table if exists video_fts`.execute(db);
        for (const table of ['video_progress', 'video_texts', 'video_catalogue', 'video_target_groups', 'videos']) {
          await db.schema.dropTable(table).ifExists().execute();
        }
      },
    },
    // The citizens' CVs (JSON Resume text, stored exactly as sent) and the consent to share them with the job centre.
    '0006_cv': {
      async up(db: Kysely<unknown>) {
        await db.schema.createTable('cvs')
          .addColumn('citizen_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
          .addColumn('document', 'text', (c) => c.notNull())
          .addColumn('name', 'text')
          .addColumn('version', 'integer', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addColumn('shared_at', 'text')
          .execute();
      },
      async down(db: Kysely<unknown>) {
        await db.schema.dropTable('cvs').ifExists().execute();
      },
    },
    // The joblog: one row per citizen holding the change sequence, the entry count and the consent; the entries and
    // their tombstones, ordered by their position in the citizen's sequence; the agreed requirement.
    '0007_joblog': {
      async up(db: Kysely<unknown>) {
        await db.schema.createTable('joblogs')
          .addColumn('citizen_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
          .addColumn('last_seq', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('entry_count', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('shared_at', 'text')
          .addColumn('changed_at', 'text')
          .execute();
        await db.schema.createTable('joblog_entries')
          .addColumn('citizen_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
          .addColumn('id', 'text', (c) => c.notNull())
          .addColumn('seq', 'integer', (c) => c.notNull())
          .addColumn('version', 'integer', (c) => c.notNull())
          .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0).check(sql`deleted in (0, 1)`))
          .addColumn('document', 'text')
          .addColumn('date', 'text')
          .addColumn('type', 'text')
          .addColumn('status', 'text')
          .addColumn('changed_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('joblog_entries_pk', ['citizen_id', 'id'])
          .execute();
        await db.schema.createIndex('joblog_entries_citizen_seq').on('joblog_entries').columns(['citizen_id', 'seq']).unique().execute();
        await db.schema.createIndex('joblog_entries_citizen_date').on('joblog_entries').columns(['citizen_id', 'date']).execute();
        await db.schema.createTable('joblog_requirements')
          .addColumn('citizen_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
          .addColumn('document', 'text', (c) => c.notNull())
          .addColumn('version', 'integer', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
          .execute();
      },
      async down(db: Kysely<unknown>) {
        await db.schema.dropTable('joblog_requirements').ifExists().execute();
        await db.schema.dropTable('joblog_entries').ifExists().execute();
        await db.schema.dropTable('joblogs').ifExists().execute();
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
