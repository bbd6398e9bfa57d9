// The tables of the reference server as Kysely sees them. Times are ISO strings on SQLite and timestamptz
// (read back as Date) on PostgreSQL; `toIso()` in ./time.ts reads both.
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date | string, string, string>;
type NullableTimestamp = ColumnType<Date | string | null, string | null, string | null>;

export interface TeamsTable {
  id: string;
  name: string;
}

export interface UsersTable {
  id: string;
  role: 'citizen' | 'caseworker';
  first_name: string;
  team_id: string | null;
  /** Who this fictional user is; only demo users have one. */
  description: string | null;
}

export interface AssignmentsTable {
  caseworker_id: string;
  citizen_id: string;
}

export interface PreferencesTable {
  user_id: string;
  language: 'da' | 'en' | 'ar';
  /** 0 or 1 on both databases. */
  notify_by_email: number;
  version: number;
}

export interface NotificationsTable {
  /** Insertion order: the list's sort key and cursor. */
  seq: Generated<number>;
  id: string;
  citizen_id: string;
  created_by: string | null;
  title: string;
  body: string;
  link: string | null;
  created_at: Timestamp;
  read_at: NullableTimestamp;
}

export interface IdempotencyKeysTable {
  user_id: string;
  key: string;
  request_hash: string;
  state: 'processing' | 'done';
  response_status: number | null;
  response_body: string | null;
  created_at: Timestamp;
}

export interface EventsTable {
  seq: Generated<number>;
  user_id: string;
  type: string;
  /** JSON text. */
  data: string;
  created_at: Timestamp;
}

/** One row (id = 1): the highest event `seq` removed by retention; a `Last-Event-ID` below it gets `reset`. */
export interface EventRetentionTable {
  id: number;
  pruned_through: number;
}

/** One row (id = 1): the municipality's configuration document. */
export interface ConfigTable {
  id: number;
  document: string;
  version: number;
}

export interface Database {
  teams: TeamsTable;
  users: UsersTable;
  assignments: AssignmentsTable;
  preferences: PreferencesTable;
  notifications: NotificationsTable;
  idempotency_keys: IdempotencyKeysTable;
  events: EventsTable;
  event_retention: EventRetentionTable;
  config: ConfigTable;
}
