// The caseworker's console document: presence and limit, the team's queue and left messages, the caseworker's own
// conversations, colleagues and teams.
import type { ChatConsole, ConsoleConversation } from '@jobunivers/contract';
import { chatClock } from './clock.js';
import { DEFAULT_MAX_CHATS } from './status.js';
import { conversationDocument, type ConversationRow, type Db } from './store.js';
import { truncate, type ChatLanguage } from './texts.js';

const PREVIEW_LENGTH = 140;
const RECENTLY_CLOSED_MS = 24 * 60 * 60 * 1000;

export async function presenceOf(db: Db, caseworkerId: string): Promise<{ presence: 'available' | 'away'; maxChats: number }> {
  const row = await db.selectFrom('chat_presence').select(['presence', 'max_chats']).where('caseworker_id', '=', caseworkerId).executeTakeFirst();
  return { presence: row?.presence ?? 'away', maxChats: row?.max_chats ?? DEFAULT_MAX_CHATS };
}

export async function activeChats(db: Db, caseworkerId: string): Promise<number> {
  const row = await db
    .selectFrom('chat_conversations')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('caseworker_id', '=', caseworkerId)
    .where('state', '=', 'active')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function consoleConversation(db: Db, row: ConversationRow, language: ChatLanguage): Promise<ConsoleConversation> {
  const unread = await db
    .selectFrom('chat_items')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('conversation_id', '=', row.id)
    .where('kind', '=', 'message')
    .where('author', '=', 'citizen')
    .where('seq', '>', row.read_by_staff)
    .executeTakeFirst();
  const newest = await db
    .selectFrom('chat_items')
    .select(['text', 'data'])
    .where('conversation_id', '=', row.id)
    .where('kind', '=', 'message')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  let preview = newest?.text ?? '';
  if (preview === '' && newest !== undefined) preview = (JSON.parse(newest.data) as { attachment: { name: string } | null }).attachment?.name ?? '';
  return {
    conversation: await conversationDocument(db, row, 'staff', language),
    citizen: { firstName: row.citizen_name === null || row.citizen_name.trim() === '' ? null : row.citizen_name, signedIn: row.citizen_id !== null, language: row.language },
    teamId: row.team_id,
    unread: Number(unread?.n ?? 0),
    lastMessageAt: row.last_message_at,
    preview: truncate(preview.replace(/\s+/g, ' '), PREVIEW_LENGTH),
  };
}

export async function consoleDocument(db: Db, caseworker: { userId: string; teamId: string | null }, language: ChatLanguage): Promise<ChatConsole> {
  const { presence, maxChats } = await presenceOf(db, caseworker.userId);
  const teamId = caseworker.teamId ?? '';
  const queue = await db.selectFrom('chat_conversations').selectAll()
    .where('state', '=', 'queued').where('team_id', '=', teamId)
    .orderBy('queue_priority', 'desc').orderBy('queued_at', 'asc').orderBy('id', 'asc')
    .execute();
  const since = new Date(chatClock.now() - RECENTLY_CLOSED_MS).toISOString();
  const mine = await db.selectFrom('chat_conversations').selectAll()
    .where('caseworker_id', '=', caseworker.userId)
    .where((eb) => eb.or([eb('state', '=', 'active'), eb.and([eb('state', '=', 'closed'), eb('closed_at', '>', since)])]))
    .execute();
  const activity = (row: ConversationRow) => row.last_message_at ?? row.created_at;
  mine.sort((a, b) => (activity(a) < activity(b) ? 1 : activity(a) > activity(b) ? -1 : 0));
  const messages = await db.selectFrom('chat_conversations').selectAll()
    .where('state', '=', 'left-message').where('team_id', '=', teamId)
    .orderBy('created_at', 'asc').orderBy('id', 'asc')
    .execute();
  const colleagues = await db
    .selectFrom('users')
    .leftJoin('chat_presence', 'chat_presence.caseworker_id', 'users.id')
    .select(['users.id', 'users.first_name', 'users.team_id', 'chat_presence.presence', 'chat_presence.max_chats'])
    .where('users.role', '=', 'caseworker')
    .where('users.id', '!=', caseworker.userId)
    .orderBy('users.first_name')
    .orderBy('users.id')
    .execute();
  const teams = await db.selectFrom('teams').select(['id', 'name']).orderBy('name').execute();
  const list = async (rows: ConversationRow[]) => {
    const out: ConsoleConversation[] = [];
    for (const row of rows) out.push(await consoleConversation(db, row, language));
    return out;
  };
  const colleagueList = [];
  for (const colleague of colleagues) {
    colleagueList.push({
      id: colleague.id,
      firstName: colleague.first_name,
      teamId: colleague.team_id ?? '',
      presence: colleague.presence ?? 'away',
      activeChats: await activeChats(db, colleague.id),
      maxChats: colleague.max_chats ?? DEFAULT_MAX_CHATS,
    });
  }
  return {
    presence,
    maxChats,
    queue: await list(queue),
    mine: await list(mine),
    messages: await list(messages),
    colleagues: colleagueList.filter((colleague) => colleague.teamId !== ''),
    teams,
  };
}
