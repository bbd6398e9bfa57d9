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

export interface MeetingTypesTable {
  id: string;
  kind: 'in-person' | 'phone' | 'video';
  duration_minutes: number;
  position: number;
  address: string | null;
  /** JSON: per language `{ title, bring?, phone?, video? }`. */
  texts: string;
}

export interface MeetingTypeQuestionsTable {
  meeting_type_id: string;
  id: string;
  position: number;
  kind: 'text' | 'choice';
  required: number;
  max_length: number | null;
  /** JSON: `{ label: {da, en, ar}, options?: [{ id, label: {da, en, ar} }] }`. */
  texts: string;
}

export interface AvailabilityRulesTable {
  id: string;
  caseworker_id: string;
  meeting_type_id: string;
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  /** 'HH:MM' Europe/Copenhagen. */
  start_time: string;
  end_time: string;
}

export interface AvailabilityExceptionsTable {
  caseworker_id: string;
  date: string;
  closed: number;
  /** Why the day is closed (0003). */
  kind: ColumnType<'holiday' | 'sick' | 'other', 'holiday' | 'sick' | 'other' | undefined, 'holiday' | 'sick' | 'other'>;
  note: string | null;
}

/** The version (ETag) of a caseworker's availability document; no row means version 1. */
export interface AvailabilityVersionsTable {
  caseworker_id: string;
  version: number;
}

export interface BookingDeadlinesTable {
  citizen_id: string;
  deadline: string;
}

export interface BookingsTable {
  seq: Generated<number>;
  id: string;
  citizen_id: string;
  caseworker_id: string;
  meeting_type_id: string;
  /** ISO UTC text. */
  start_at: string;
  end_at: string;
  status: 'booked' | 'cancelled';
  /** JSON array of `{ questionId, value }`. */
  answers: string;
  sequence: number;
  cancel_reason: string | null;
  cancelled_by: 'citizen' | 'caseworker' | null;
  /** Who made the booking (0003; existing rows: citizen). */
  booked_by: ColumnType<'citizen' | 'caseworker', 'citizen' | 'caseworker' | undefined, 'citizen' | 'caseworker'>;
  /** The job centre's reason for its latest move, shown to the citizen. */
  change_reason: ColumnType<string | null, string | null | undefined, string | null>;
  /** The job centre's internal note when it booked on the citizen's behalf; never shown to the citizen. */
  desk_note: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface BookingHoldsTable {
  id: string;
  citizen_id: string;
  caseworker_id: string;
  meeting_type_id: string;
  slot_id: string;
  start_at: string;
  end_at: string;
  expires_at: string;
  created_at: Timestamp;
}

export interface SlotClaimsTable {
  caseworker_id: string;
  /** ISO UTC text (toISOString), the same on both databases. */
  start_at: string;
  end_at: string;
  state: 'held' | 'booked';
  /** The citizen holding or having booked the time. */
  holder: string;
  hold_id: string | null;
  expires_at: string | null;
  booking_id: string | null;
}

export interface HelpRequestsTable {
  id: string;
  citizen_id: string;
  /** JSON array. */
  reasons: string;
  message: string | null;
  phone: string | null;
  created_at: Timestamp;
  /** When the caseworker marked it handled (0003). */
  handled_at: ColumnType<Date | string | null, string | null | undefined, string | null>;
}

export interface NoFreeTimeReceiptsTable {
  id: string;
  citizen_id: string;
  meeting_type_id: string;
  deadline: string;
  first_available: string | null;
  issued_at: Timestamp;
}

export interface Database {
  meeting_types: MeetingTypesTable;
  meeting_type_questions: MeetingTypeQuestionsTable;
  availability_rules: AvailabilityRulesTable;
  availability_exceptions: AvailabilityExceptionsTable;
  availability_versions: AvailabilityVersionsTable;
  booking_deadlines: BookingDeadlinesTable;
  bookings: BookingsTable;
  booking_holds: BookingHoldsTable;
  slot_claims: SlotClaimsTable;
  help_requests: HelpRequestsTable;
  no_free_time_receipts: NoFreeTimeReceiptsTable;
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
