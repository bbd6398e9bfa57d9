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

// ---- Live chat (0004). Times are ISO UTC text (toISOString) on both databases, so they compare as strings.

/** A topic a citizen can chat about, routed to a team. */
export interface ChatTopicsTable {
  id: string;
  team_id: string;
  position: number;
  /** JSON `{ da, en, ar }`. */
  labels: string;
}

export type ChatStateColumn = 'queued' | 'active' | 'closed' | 'left-message';

export interface ChatConversationsTable {
  id: string;
  state: ChatStateColumn;
  topic_id: string;
  /** The team whose queue (or left messages) it is in; follows transfers. */
  team_id: string;
  /** The signed-in citizen; `null` for an anonymous chat. */
  citizen_id: string | null;
  /** SHA-256 (base64url) of an anonymous chat's access token; the token itself is never stored. */
  access_token_hash: string | null;
  /** How the citizen wants to be addressed (the signed-in citizen's first name, or the name an anonymous citizen gave). */
  citizen_name: string | null;
  language: 'da' | 'en' | 'ar';
  caseworker_id: string | null;
  /** 1 for a conversation transferred to a team (first in line), else 0. */
  queue_priority: number;
  queued_at: string;
  /** Stored so a change can be sent as `chat.state` to the waiting citizen; `null` unless queued. */
  queue_position: number | null;
  created_at: string;
  closed_at: string | null;
  /** The conversation's sequence counter: every item takes `last_seq + 1` (the UPDATE serialises writers). */
  last_seq: number;
  /** The newest sequence number visible to the citizen (notes excluded). */
  last_public_seq: number;
  read_by_staff: number;
  read_by_citizen: number;
  rating: number | null;
  rating_comment: string | null;
  last_message_at: string | null;
}

/** Every stored item of a conversation (message, note, state change, read mark), keyed by its sequence number. */
export interface ChatItemsTable {
  conversation_id: string;
  seq: number;
  kind: 'message' | 'note' | 'state' | 'read';
  /** `staff`: never sent to the citizen (notes). */
  visibility: 'all' | 'staff';
  /** The client-generated id of a message or note; UNIQUE per conversation. */
  client_id: string | null;
  author: 'citizen' | 'caseworker' | 'system' | null;
  /** Message or note text (for idempotency checks, previews and the transcript). */
  text: string | null;
  attachment_id: string | null;
  /** JSON: the event's `data` as sent on the stream. */
  data: string;
  created_at: string;
}

export interface ChatAttachmentsTable {
  id: string;
  conversation_id: string;
  name: string;
  type: string;
  size: number;
  side: 'citizen' | 'caseworker';
  created_at: string;
}

/** Every caseworker who has had a conversation (they keep read access after a transfer). */
export interface ChatParticipantsTable {
  conversation_id: string;
  caseworker_id: string;
}

export interface ChatPresenceTable {
  caseworker_id: string;
  presence: 'available' | 'away';
  max_chats: number;
}

export interface ChatCannedRepliesTable {
  id: string;
  position: number;
  language: 'da' | 'en';
  title: string;
  text: string;
}

/** A video of the catalogue (imported from `<mediaDir>/videos/catalog.json` at start). */
export interface VideosTable {
  id: string;
  /** The order of catalog.json (a tie-break after the publishing date). */
  position: number;
  kind: 'guide' | 'webinar';
  topic_id: string;
  language: string;
  duration: number;
  length: 'short' | 'medium' | 'long';
  published_at: string;
  sign_language: number;
  audio_description: number;
  /** JSON: the caption languages. */
  captions: string;
  /** JSON: titles, descriptions, poster, renditions, tracks, transcripts (see video/catalogue.ts VideoDocument). */
  document: string;
  /** Changes when anything stored for the video changes: a re-import skips unchanged videos. */
  content_hash: string;
}

export interface VideoTargetGroupsTable {
  video_id: string;
  target_group_id: string;
}

/** One row (id = 1): topics, target groups and playlists of the imported catalogue. */
export interface VideoCatalogueTable {
  id: number;
  document: string;
  content_hash: string;
  imported_at: string;
}

/** The search index: titles, descriptions and caption cues. SQLite also has the FTS5 table `video_fts` (rowid = id; terms, video_id). */
export interface VideoTextsTable {
  id: number;
  video_id: string;
  field: 'title' | 'description' | 'transcript';
  language: string;
  start_at: number | null;
  end_at: number | null;
  text: string;
}

export interface VideoProgressTable {
  citizen_id: string;
  video_id: string;
  position: number;
  /** JSON: sorted, merged `[start, end]` ranges. */
  watched: string;
  watched_seconds: number;
  completed_at: string | null;
  updated_at: string;
  /** Bumped on every write: a write applies only to the version it read. */
  version: number;
}

/** A citizen's CV (0006): one row per citizen. Times are ISO UTC text on both databases. */
export interface CvsTable {
  citizen_id: string;
  /** The JSON Resume document as JSON text, exactly as the citizen's last PUT sent it (text, not jsonb: key order and every field stay). */
  document: string;
  /** `basics.name` of the document (trimmed; `null` when empty), for the caseworker's list. */
  name: string | null;
  /** The ETag `"<version>"`: 1 on create, + 1 on every replace (compare-and-swap in the UPDATE). */
  version: number;
  created_at: string;
  updated_at: string;
  /** When the citizen consented to share the CV with the job centre; `null` when not shared. */
  shared_at: string | null;
}

/**
 * A citizen's joblog (0007): one row per citizen, made by the first write or consent. `last_seq` is the citizen's
 * change sequence: every write takes the next position by updating this row in its transaction, so the row lock
 * orders the citizen's writes and they commit in the order of their positions (the change feed never skips one).
 */
export interface JoblogsTable {
  citizen_id: string;
  /** The last position handed out (0: none yet). */
  last_seq: number;
  /** Live (not deleted) entries, kept in the same transactions as the entries (the 20,000 limit). */
  entry_count: number;
  /** When the citizen consented to share the joblog with the job centre; `null` when not shared. */
  shared_at: string | null;
  /** When an entry last changed; `null` before the first change. */
  changed_at: string | null;
}

/** One entry of a joblog (0007): the entry as sent, or its tombstone. */
export interface JoblogEntriesTable {
  citizen_id: string;
  /** The client's id, unique per citizen. */
  id: string;
  /** The position of the entry's last change in the citizen's sequence (unique per citizen): the feed's order. */
  seq: number;
  /** The ETag `"<version>"`: 1 on create, + 1 on every change, the deletion and a re-creation included. */
  version: number;
  /** 1: a tombstone (the content is gone, the id and version stay for the feed). */
  deleted: number;
  /** The entry's fields as JSON text in the model's field order, without `version`; `null` for a tombstone. */
  document: string | null;
  /** `date`, `type` and `status` of the entry, for the requirement meter's counts; `null` for a tombstone. */
  date: string | null;
  type: string | null;
  status: string | null;
  changed_at: string;
}

/** The requirement the job centre agreed with a citizen (0007). */
export interface JoblogRequirementsTable {
  citizen_id: string;
  /** The `JoblogRequirement` as JSON text. */
  document: string;
  version: number;
  updated_at: string;
  /** The caseworker who set it last. */
  updated_by: string | null;
}

export interface Database {
  joblogs: JoblogsTable;
  joblog_entries: JoblogEntriesTable;
  joblog_requirements: JoblogRequirementsTable;
  cvs: CvsTable;
  videos: VideosTable;
  video_target_groups: VideoTargetGroupsTable;
  video_catalogue: VideoCatalogueTable;
  video_texts: VideoTextsTable;
  video_progress: VideoProgressTable;
  chat_topics: ChatTopicsTable;
  chat_conversations: ChatConversationsTable;
  chat_items: ChatItemsTable;
  chat_attachments: ChatAttachmentsTable;
  chat_participants: ChatParticipantsTable;
  chat_presence: ChatPresenceTable;
  chat_canned_replies: ChatCannedRepliesTable;
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
