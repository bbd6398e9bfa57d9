// The conversation store: rows, the documents built from them, and the one way items are written. Every item
// (message, note, state change, read mark) takes the conversation's next sequence number from an
// `UPDATE … SET last_seq = last_seq + 1 … RETURNING`, inside the writing transaction: that row lock serialises
// the conversation's writers on PostgreSQL (SQLite runs one write transaction at a time), so sequence numbers
// are gap-free per conversation and commit in order. Streams are woken after commit (see ../events/chat-signals.ts).
import { randomUUID } from 'node:crypto';
import type { ChatMessage, ChatStaff, Conversation } from '@jobunivers/contract';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { AppContext } from '../context.js';
import type { ChatConversationsTable, ChatItemsTable, Database } from '../db/schema.js';
import { writeWithEvents } from '../events/bus.js';
import type { Publish } from '../idempotency.js';
import { chatNowIso } from './clock.js';
import { pickText, type ChatLanguage, type Localized } from './texts.js';

export type Db = Kysely<Database> | Transaction<Database>;
export type ConversationRow = Selectable<ChatConversationsTable>;
export type ItemRow = Selectable<ChatItemsTable>;
/** Who reads a document: the citizen (notes hidden) or the job centre. */
export type Viewer = 'citizen' | 'staff';

export const CHAT_CONSOLE_CHANGED = 'chat.console-changed';

/** A write in progress: the transaction, the user-event publisher, and the conversations to wake after commit. */
export interface ChatWrite {
  trx: Transaction<Database>;
  publish: Publish;
  wake(conversationId: string): Promise<void>;
}

/** Runs `work` in one transaction; user events and conversation streams are woken once it committed. */
export async function writeChat<T>(context: AppContext, work: (write: ChatWrite) => Promise<T>): Promise<T> {
  const woken = new Set<string>();
  const result = await writeWithEvents(context.db, context.bus, (trx, publish) => work(chatWriteIn(context, trx, publish, woken)));
  context.chatSignals.committed(woken);
  return result;
}

/** A ChatWrite inside a transaction someone else runs (runIdempotent); call `chatSignals.committed(woken)` after. */
export function chatWriteIn(context: AppContext, trx: Transaction<Database>, publish: Publish, woken: Set<string>): ChatWrite {
  return {
    trx,
    publish,
    async wake(conversationId) {
      if (woken.has(conversationId)) return;
      woken.add(conversationId);
      await context.chatSignals.wakeInTransaction(trx, conversationId);
    },
  };
}

/** Arbitrary, fixed key of the advisory lock that serialises changes of the chat queues on PostgreSQL. */
const QUEUE_LOCK_KEY = 7_351_002;

/**
 * Serialises queue changes (create, claim, transfer, close) so positions and limits are computed on a settled
 * queue. Taken before any conversation row lock; message writes never take it, so the two cannot deadlock.
 */
export async function lockChatQueue(context: AppContext, trx: Transaction<Database>): Promise<void> {
  if (context.dialect === 'postgres') await sql`select pg_advisory_xact_lock(${QUEUE_LOCK_KEY})`.execute(trx);
}

export const loadConversation = (db: Db, id: string): Promise<ConversationRow | undefined> =>
  db.selectFrom('chat_conversations').selectAll().where('id', '=', id).executeTakeFirst();

export interface TopicRow {
  id: string;
  teamId: string;
  labels: Localized;
}

export async function loadTopics(db: Db): Promise<TopicRow[]> {
  const rows = await db.selectFrom('chat_topics').selectAll().orderBy('position').execute();
  return rows.map((row) => ({ id: row.id, teamId: row.team_id, labels: JSON.parse(row.labels) as Localized }));
}

export async function topicLabel(db: Db, topicId: string, language: ChatLanguage): Promise<string> {
  const row = await db.selectFrom('chat_topics').select('labels').where('id', '=', topicId).executeTakeFirst();
  return row === undefined ? topicId : pickText(JSON.parse(row.labels) as Localized, language) || topicId;
}

/** A caseworker as the citizen sees them: first name and team. */
export async function staffOf(db: Db, caseworkerId: string): Promise<ChatStaff | null> {
  const row = await db
    .selectFrom('users')
    .leftJoin('teams', 'teams.id', 'users.team_id')
    .select(['users.first_name as firstName', 'teams.name as team'])
    .where('users.id', '=', caseworkerId)
    .executeTakeFirst();
  if (row === undefined) return null;
  return { firstName: row.firstName, team: row.team ?? 'Jobcentret' };
}

export async function teamName(db: Db, teamId: string): Promise<string> {
  return (await db.selectFrom('teams').select('name').where('id', '=', teamId).executeTakeFirst())?.name ?? teamId;
}

/** The conversation as `viewer` sees it, with the topic in `language`. */
export async function conversationDocument(db: Db, row: ConversationRow, viewer: Viewer, language: ChatLanguage): Promise<Conversation> {
  return {
    id: row.id,
    state: row.state,
    topic: { id: row.topic_id, label: await topicLabel(db, row.topic_id, language) },
    createdAt: row.created_at,
    closedAt: row.closed_at,
    queuePosition: row.state === 'queued' ? Math.max(1, row.queue_position ?? 1) : null,
    caseworker: row.caseworker_id === null ? null : await staffOf(db, row.caseworker_id),
    lastSeq: viewer === 'citizen' ? row.last_public_seq : row.last_seq,
    readByStaffThrough: row.read_by_staff,
    readByCitizenThrough: row.read_by_citizen,
    rating: row.rating,
  };
}

/** Thrown inside a write when the client id is already stored: the transaction rolls back (no sequence number is used). */
export class ClientIdTaken extends Error {
  constructor() {
    super('client id taken');
    this.name = 'ClientIdTaken';
  }
}

export interface NewItem {
  kind: ChatItemsTable['kind'];
  visibility: ChatItemsTable['visibility'];
  clientId?: string;
  author?: ChatItemsTable['author'];
  text?: string;
  attachmentId?: string;
  /** The event's data, built once the sequence number is known (the row is the conversation after the increment). */
  data: (seq: number, createdAt: string, row: ConversationRow) => unknown;
}

/** Appends one item with the conversation's next sequence number (a message also sets `last_message_at`); answers it with the updated row. */
export async function appendItem(write: ChatWrite, conversationId: string, item: NewItem): Promise<{ seq: number; createdAt: string; data: unknown; row: ConversationRow }> {
  const { trx } = write;
  const createdAt = chatNowIso();
  const row = await trx
    .updateTable('chat_conversations')
    .set({
      last_seq: sql<number>`last_seq + 1`,
      ...(item.visibility === 'all' ? { last_public_seq: sql<number>`last_seq + 1` } : {}),
      ...(item.kind === 'message' ? { last_message_at: createdAt } : {}),
    })
    .where('id', '=', conversationId)
    .returningAll()
    .executeTakeFirst();
  if (row === undefined) throw new Error('the conversation disappeared during the write');
  const seq = row.last_seq;
  const data = await item.data(seq, createdAt, row);
  const inserted = await trx
    .insertInto('chat_items')
    .values({
      conversation_id: conversationId,
      seq,
      kind: item.kind,
      visibility: item.visibility,
      client_id: item.clientId ?? null,
      author: item.author ?? null,
      text: item.text ?? null,
      attachment_id: item.attachmentId ?? null,
      data: JSON.stringify(data),
      created_at: createdAt,
    })
    .onConflict((oc) => oc.columns(['conversation_id', 'client_id']).doNothing())
    .returning('seq')
    .executeTakeFirst();
  if (inserted === undefined) throw new ClientIdTaken();
  await write.wake(conversationId);
  return { seq, createdAt, data, row };
}

/** Appends `chat.state` with the whole conversation as it is now (its `lastSeq` is the item's own number). */
export async function appendState(write: ChatWrite, conversationId: string): Promise<ConversationRow> {
  const { row } = await appendItem(write, conversationId, {
    kind: 'state',
    visibility: 'all',
    data: (_seq, _createdAt, current) => conversationDocument(write.trx, current, 'staff', current.language),
  });
  return row;
}

/** Appends a line written by the server ("Mette fra Team Nord er klar til at hjælpe dig."). */
export async function appendSystemMessage(write: ChatWrite, conversationId: string, text: string): Promise<void> {
  const id = randomUUID();
  await appendItem(write, conversationId, {
    kind: 'message',
    visibility: 'all',
    clientId: id,
    author: 'system',
    text,
    data: (seq, sentAt): ChatMessage => ({ id, seq, author: 'system', caseworker: null, text, attachment: null, sentAt }),
  });
}

/** The caseworkers of a team (whose consoles show its queue and left messages). */
export async function teamCaseworkers(db: Db, teamId: string): Promise<string[]> {
  const rows = await db.selectFrom('users').select('id').where('role', '=', 'caseworker').where('team_id', '=', teamId).orderBy('id').execute();
  return rows.map((row) => row.id);
}

/** Publishes `chat.console-changed` once to each caseworker. */
export async function notifyConsoles(write: ChatWrite, caseworkerIds: Iterable<string>, conversationId: string | null): Promise<void> {
  for (const id of new Set(caseworkerIds)) await write.publish(id, CHAT_CONSOLE_CHANGED, { conversationId });
}

/**
 * Renumbers a team's queue (transferred conversations first, then oldest first) and appends `chat.state` to each
 * queued conversation whose position changed, so waiting citizens see it live. Call under `lockChatQueue`.
 */
export async function refreshQueue(write: ChatWrite, teamId: string): Promise<void> {
  const rows = await write.trx
    .selectFrom('chat_conversations')
    .select(['id', 'queue_position'])
    .where('state', '=', 'queued')
    .where('team_id', '=', teamId)
    .orderBy('queue_priority', 'desc')
    .orderBy('queued_at', 'asc')
    .orderBy('id', 'asc')
    .execute();
  for (const [index, row] of rows.entries()) {
    const position = index + 1;
    if (row.queue_position === position) continue;
    await write.trx.updateTable('chat_conversations').set({ queue_position: position }).where('id', '=', row.id).execute();
    await appendState(write, row.id);
  }
}

/** The position a conversation joining a team's queue at the back gets. */
export async function backOfQueue(db: Db, teamId: string): Promise<number> {
  const row = await db
    .selectFrom('chat_conversations')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('state', '=', 'queued')
    .where('team_id', '=', teamId)
    .executeTakeFirst();
  return Number(row?.n ?? 0) + 1;
}

/** Reads the conversation and, on PostgreSQL, locks its row until the transaction ends (SQLite writes one at a time). */
export async function lockedConversation(context: AppContext, trx: Transaction<Database>, id: string): Promise<ConversationRow | undefined> {
  const query = trx.selectFrom('chat_conversations').selectAll().where('id', '=', id);
  return (context.dialect === 'postgres' ? query.forUpdate() : query).executeTakeFirst();
}
