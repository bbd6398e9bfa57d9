// Can a citizen chat now? `closed` outside opening hours (unless JU_CHAT_ALWAYS_OPEN), `busy` inside them when no
// caseworker is `available`, else `open`.
import type { ChatStatus, Config } from '@jobunivers/contract';
import type { AppContext } from '../context.js';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES } from './attachments.js';
import { chatClock } from './clock.js';
import { isOpenAt, nextOpeningAfter } from './hours.js';
import { loadTopics, type Db } from './store.js';
import { pickText, type ChatLanguage } from './texts.js';

export const DEFAULT_MAX_CHATS = 3;

async function municipalityConfig(db: Db): Promise<Config | undefined> {
  const row = await db.selectFrom('config').select('document').where('id', '=', 1).executeTakeFirst();
  return row === undefined ? undefined : (JSON.parse(row.document) as Config);
}

export async function chatAvailability(context: AppContext, db: Db): Promise<{ availability: ChatStatus['availability']; nextOpening: string | null; config: Config | undefined }> {
  const config = await municipalityConfig(db);
  const now = chatClock.now();
  const inside = context.config.chatAlwaysOpen || (config !== undefined && isOpenAt(config.openingHours, now));
  if (!inside) return { availability: 'closed', nextOpening: config === undefined ? null : nextOpeningAfter(config.openingHours, now), config };
  const available = await db
    .selectFrom('chat_presence')
    .innerJoin('users', 'users.id', 'chat_presence.caseworker_id')
    .select('chat_presence.caseworker_id')
    .where('chat_presence.presence', '=', 'available')
    .where('users.role', '=', 'caseworker')
    .limit(1)
    .executeTakeFirst();
  return { availability: available === undefined ? 'busy' : 'open', nextOpening: null, config };
}

export async function chatStatusDocument(context: AppContext, language: ChatLanguage): Promise<ChatStatus> {
  const { db } = context;
  const { availability, nextOpening, config } = await chatAvailability(context, db);
  const queued = await db.selectFrom('chat_conversations').select((eb) => eb.fn.countAll<number | string>().as('n')).where('state', '=', 'queued').executeTakeFirst();
  const website = (config?.municipality.website ?? 'https://eksempelby.dk/jobcenter').replace(/\/+$/, '');
  return {
    availability,
    queueLength: Number(queued?.n ?? 0),
    nextOpening,
    topics: (await loadTopics(db)).map((topic) => ({ id: topic.id, label: pickText(topic.labels, language) })),
    attachments: { maxBytes: ATTACHMENT_MAX_BYTES, types: [...ATTACHMENT_TYPES] },
    consentUrl: context.config.chatConsentUrl ?? `${website}/chat-og-persondata`,
    retentionDays: context.config.chatRetentionDays,
  };
}
