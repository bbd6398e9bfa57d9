// Conversations are kept `chatRetentionDays` after they end (a left message: after it was written), then removed
// with their items, attachments and files.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { removeConversationFiles } from './attachments.js';

export async function pruneChatConversations(db: Kysely<Database>, cutoffIso: string, attachmentsDir: string): Promise<number> {
  const doomed = await db
    .selectFrom('chat_conversations')
    .select('id')
    .where((eb) => eb.or([
      eb.and([eb('state', '=', 'closed'), eb('closed_at', '<', cutoffIso)]),
      eb.and([eb('state', '=', 'left-message'), eb('created_at', '<', cutoffIso)]),
    ]))
    .execute();
  let removed = 0;
  for (const { id } of doomed) {
    const deleted = await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('chat_items').where('conversation_id', '=', id).execute();
      await trx.deleteFrom('chat_attachments').where('conversation_id', '=', id).execute();
      await trx.deleteFrom('chat_participants').where('conversation_id', '=', id).execute();
      // Only if it is still as old and ended (a left message may have been picked up meanwhile).
      const result = await trx
        .deleteFrom('chat_conversations')
        .where('id', '=', id)
        .where((eb) => eb.or([
          eb.and([eb('state', '=', 'closed'), eb('closed_at', '<', cutoffIso)]),
          eb.and([eb('state', '=', 'left-message'), eb('created_at', '<', cutoffIso)]),
        ]))
        .executeTakeFirst();
      if (Number(result.numDeletedRows) !== 1) throw new KeptConversation();
      return true;
    }).catch((error: unknown) => {
      if (error instanceof KeptConversation) return false;
      throw error;
    });
    if (!deleted) continue;
    await removeConversationFiles(attachmentsDir, id);
    removed++;
  }
  return removed;
}

class KeptConversation extends Error {}
