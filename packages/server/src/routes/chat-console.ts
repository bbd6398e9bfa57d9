// Live chat, the caseworkers' side ("the console"): the console document, presence, claiming a queued
// conversation, transfers, internal notes and canned replies. Queue changes run under the chat queue lock and
// decide races with conditional UPDATEs (`… WHERE state = 'queued'`), so of two caseworkers claiming at once
// exactly one wins. Consoles hear of changes through `chat.console-changed` on their own GET /v1/events.
import { randomUUID } from 'node:crypto';
import {
  ChatNoteCreate, ChatPresencePut, ChatTransferCreate, ConversationParams,
  type CannedReplyList, type ChatConsole, type ChatNote,
} from '@jobunivers/contract';
import { chatAuth, conversationNotFound, requireCaseworker, staffAccess, visibleConversation } from '../chat/access.js';
import { chatNowIso } from '../chat/clock.js';
import { activeChats, consoleDocument, presenceOf } from '../chat/console.js';
import { requestLanguage } from '../chat/language.js';
import {
  appendItem, appendState, appendSystemMessage, ClientIdTaken, conversationDocument, loadConversation, lockChatQueue, lockedConversation, notifyConsoles, refreshQueue,
  staffOf, teamCaseworkers, teamName, writeChat, type ItemRow,
} from '../chat/store.js';
import { systemLines } from '../chat/texts.js';
import type { App, AppContext } from '../context.js';
import { ProblemError } from '../problem.js';

const alreadyClaimed = () => new ProblemError('already-claimed', { detail: 'A colleague took this conversation just before you. Pick another one from the queue.' });
const invalid = (pointer: string, code: string, detail: string) =>
  new ProblemError('invalid-request', { detail: 'Fix the fields listed in errors and send the request again.', errors: [{ pointer, code, detail }] });

export function chatConsoleRoutes(app: App, context: AppContext): void {
  const { db } = context;
  const caseworker = chatAuth(context, 'caseworker');

  app.get('/v1/chat/console', { onRequest: caseworker }, async (request, reply): Promise<ChatConsole> => {
    const caller = requireCaseworker(request);
    reply.header('cache-control', 'no-store');
    return consoleDocument(db, caller, requestLanguage(request));
  });

  app.put('/v1/chat/console/presence', { onRequest: caseworker, schema: { body: ChatPresencePut } }, async (request, reply): Promise<ChatConsole> => {
    const caller = requireCaseworker(request);
    const { presence, maxChats } = request.body;
    await writeChat(context, async (write) => {
      await write.trx
        .insertInto('chat_presence')
        .values({ caseworker_id: caller.userId, presence, max_chats: maxChats })
        .onConflict((oc) => oc.column('caseworker_id').doUpdateSet({ presence, max_chats: maxChats }))
        .execute();
      const everyone = await write.trx.selectFrom('users').select('id').where('role', '=', 'caseworker').where('id', '!=', caller.userId).execute();
      await notifyConsoles(write, everyone.map((row) => row.id), null);
    });
    reply.header('cache-control', 'no-store');
    return consoleDocument(db, caller, requestLanguage(request));
  });

  app.get('/v1/chat/canned-replies', { onRequest: caseworker }, async (_request, reply): Promise<CannedReplyList> => {
    const rows = await db.selectFrom('chat_canned_replies').selectAll().orderBy('language').orderBy('title').orderBy('id').execute();
    reply.header('cache-control', 'no-store');
    return { items: rows.map((row) => ({ id: row.id, title: row.title, language: row.language, text: row.text })) };
  });

  app.post('/v1/chat/conversations/:id/claim', { onRequest: caseworker, schema: { params: ConversationParams } }, async (request, reply) => {
    const caller = requireCaseworker(request);
    // A teammate who lost the race no longer "sees" the conversation (it is a colleague's now): tell them so.
    const row = await loadConversation(db, request.params.id);
    if (row === undefined || caller.teamId === null || (row.team_id !== caller.teamId && (await staffAccess(db, caller, row)) === undefined)) throw conversationNotFound();
    const claimed = await writeChat(context, async (write) => {
      await lockChatQueue(context, write.trx);
      const current = await lockedConversation(context, write.trx, row.id);
      if (current === undefined) throw conversationNotFound();
      if (current.state === 'active' && current.caseworker_id === caller.userId) return current; // claimed twice by the same
      if (current.state !== 'queued' || current.team_id !== caller.teamId) throw alreadyClaimed();
      const { maxChats } = await presenceOf(write.trx, caller.userId);
      if ((await activeChats(write.trx, caller.userId)) >= maxChats) {
        throw new ProblemError('chat-limit-reached', { detail: `You have ${String(maxChats)} active chats, your limit. Close one or raise your limit first.` });
      }
      const updated = await write.trx
        .updateTable('chat_conversations')
        .set({ state: 'active', caseworker_id: caller.userId, queue_position: null, queue_priority: 0 })
        .where('id', '=', row.id)
        .where('state', '=', 'queued')
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) throw alreadyClaimed();
      await write.trx.insertInto('chat_participants').values({ conversation_id: row.id, caseworker_id: caller.userId }).onConflict((oc) => oc.columns(['conversation_id', 'caseworker_id']).doNothing()).execute();
      const staff = await staffOf(write.trx, caller.userId);
      if (staff !== null) await appendSystemMessage(write, row.id, systemLines.claimed(current.language, staff));
      const after = await appendState(write, row.id);
      await refreshQueue(write, current.team_id);
      await notifyConsoles(write, await teamCaseworkers(write.trx, current.team_id), row.id);
      return after;
    });
    reply.header('cache-control', 'no-store');
    return conversationDocument(db, claimed, 'staff', requestLanguage(request));
  });

  app.post('/v1/chat/conversations/:id/transfer', { onRequest: caseworker, schema: { params: ConversationParams, body: ChatTransferCreate } }, async (request, reply) => {
    const caller = requireCaseworker(request);
    const { row } = await visibleConversation(db, caller, request.params.id);
    const { to, note } = request.body;
    const transferred = await writeChat(context, async (write) => {
      const { trx } = write;
      await lockChatQueue(context, trx);
      const current = await lockedConversation(context, trx, row.id);
      if (current === undefined) throw conversationNotFound();
      if (current.state === 'closed') throw new ProblemError('conversation-closed', { detail: 'The conversation has ended.' });
      if (current.state !== 'active' || current.caseworker_id !== caller.userId) {
        throw new ProblemError('forbidden', { detail: 'Only the caseworker who has the conversation can transfer it.' });
      }
      const author = await staffOf(trx, caller.userId);
      if (author === null) throw new Error('the caseworker disappeared');
      const noteId = randomUUID();
      await appendItem(write, row.id, {
        kind: 'note',
        visibility: 'staff',
        clientId: noteId,
        author: 'caseworker',
        text: note,
        data: (seq, createdAt): ChatNote => ({ id: noteId, seq, author, text: note, createdAt }),
      });
      if ('caseworkerId' in to) {
        const target = await trx.selectFrom('users').select(['id', 'team_id']).where('id', '=', to.caseworkerId).where('role', '=', 'caseworker').executeTakeFirst();
        if (target === undefined || target.id === caller.userId) throw invalid('/to/caseworkerId', 'enum', 'Choose a colleague from the console\'s list.');
        await trx.updateTable('chat_conversations').set({ caseworker_id: target.id, team_id: target.team_id ?? current.team_id }).where('id', '=', row.id).execute();
        await trx.insertInto('chat_participants').values({ conversation_id: row.id, caseworker_id: target.id }).onConflict((oc) => oc.columns(['conversation_id', 'caseworker_id']).doNothing()).execute();
        const staff = await staffOf(trx, target.id);
        if (staff !== null) await appendSystemMessage(write, row.id, systemLines.transferredToCaseworker(current.language, staff));
        const after = await appendState(write, row.id);
        await notifyConsoles(write, [target.id, caller.userId], row.id);
        return after;
      }
      const team = await trx.selectFrom('teams').select('id').where('id', '=', to.teamId).executeTakeFirst();
      if (team === undefined) throw invalid('/to/teamId', 'enum', 'Choose one of the console\'s teams.');
      await trx
        .updateTable('chat_conversations')
        .set({ state: 'queued', caseworker_id: null, team_id: team.id, queue_priority: 1, queued_at: chatNowIso(), queue_position: null })
        .where('id', '=', row.id)
        .execute();
      await appendSystemMessage(write, row.id, systemLines.transferredToTeam(current.language, await teamName(trx, team.id)));
      await refreshQueue(write, team.id); // gives it its place (first in line) and tells the others behind it
      await notifyConsoles(write, [...(await teamCaseworkers(trx, team.id)), caller.userId], row.id);
      const after = await lockedConversation(context, trx, row.id);
      if (after === undefined) throw conversationNotFound();
      return after;
    });
    reply.header('cache-control', 'no-store');
    return conversationDocument(db, transferred, 'staff', requestLanguage(request));
  });

  app.post('/v1/chat/conversations/:id/notes', { onRequest: caseworker, schema: { params: ConversationParams, body: ChatNoteCreate } }, async (request, reply) => {
    const caller = requireCaseworker(request);
    const { row } = await visibleConversation(db, caller, request.params.id);
    const { id: noteId, text } = request.body;
    const stored = () => db.selectFrom('chat_items').selectAll().where('conversation_id', '=', row.id).where('client_id', '=', noteId).executeTakeFirst();
    const sameNote = (item: ItemRow): ChatNote => {
      if (item.kind !== 'note' || item.text !== text) throw new ProblemError('message-id-reused', { detail: 'This note id was already used for something else. Give every new note a new id.' });
      return JSON.parse(item.data) as ChatNote;
    };
    const existing = await stored();
    if (existing !== undefined) return reply.code(200).header('cache-control', 'no-store').send(sameNote(existing));
    let created: ChatNote;
    try {
      created = await writeChat(context, async (write) => {
        const author = await staffOf(write.trx, caller.userId);
        if (author === null) throw new Error('the caseworker disappeared');
        const { data } = await appendItem(write, row.id, {
          kind: 'note',
          visibility: 'staff',
          clientId: noteId,
          author: 'caseworker',
          text,
          data: (seq, createdAt): ChatNote => ({ id: noteId, seq, author, text, createdAt }),
        });
        return data as ChatNote;
      });
    } catch (error) {
      if (!(error instanceof ClientIdTaken)) throw error;
      const item = await stored();
      if (item === undefined) throw error;
      return reply.code(200).header('cache-control', 'no-store').send(sameNote(item));
    }
    return reply.code(201).header('cache-control', 'no-store').send(created);
  });
}
