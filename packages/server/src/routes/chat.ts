// Live chat, the conversation endpoints both sides use (docs/contract.md "Live chat"): status, create, read, the
// conversation's event stream, messages, read marks, typing, close, rating, transcript. Attachments are in
// ./chat-attachments.ts, the caseworkers' console in ./chat-console.ts. Every write goes through the store
// (../chat/store.ts), which numbers items per conversation and wakes the conversation's streams after commit.
import { randomUUID } from 'node:crypto';
import {
  ChatMessageCreate, ChatRatingCreate, ChatReadCreate, ConversationCreate, ConversationParams,
  type ChatAttachment, type ChatMessage, type ChatStatus, type ConversationSession,
} from '@jobunivers/contract';
import type { FastifyRequest } from 'fastify';
import { sendIdempotentResult } from '../booking/idempotent-reply.js';
import { formatLocal } from '../booking/zone.js';
import {
  chatAuth, chatCallerOf, conversationNotFound, newAccessToken, requireCaller, visibleConversation, type VisibleConversation,
} from '../chat/access.js';
import { chatNowIso } from '../chat/clock.js';
import { requestLanguage } from '../chat/language.js';
import { Throttle, WindowLimiter } from '../chat/limits.js';
import { chatAvailability, chatStatusDocument } from '../chat/status.js';
import {
  appendItem, appendState, appendSystemMessage, backOfQueue, chatWriteIn, ClientIdTaken, conversationDocument, loadConversation, loadTopics,
  lockChatQueue, lockedConversation, notifyConsoles, refreshQueue, staffOf, teamCaseworkers, writeChat, type ConversationRow, type Db, type ItemRow, type Viewer,
} from '../chat/store.js';
import { ChatStream } from '../chat/stream.js';
import { systemLines, TRANSCRIPT_TEXTS, type ChatLanguage } from '../chat/texts.js';
import type { App, AppContext } from '../context.js';
import { etagOf, ifNoneMatchHits } from '../etag.js';
import { openSseResponse, runSseStream } from '../events/sse-response.js';
import { runIdempotent } from '../idempotency.js';
import { ProblemError } from '../problem.js';
import { chatAttachmentRoutes } from './chat-attachments.js';

/** The server passes on at most one typing signal per side within this time (clients send one per 3 s). */
const TYPING_INTERVAL_MS = 2500;
/** The idempotency scope of anonymous creates (they have no user id). */
const ANONYMOUS_SCOPE = 'chat-anonymous';

const invalid = (pointer: string, code: string, detail: string) =>
  new ProblemError('invalid-request', { detail: 'Fix the fields listed in errors and send the request again.', errors: [{ pointer, code, detail }] });

const closedProblem = () => new ProblemError('conversation-closed', { detail: 'The conversation has ended. Start a new chat to write again.' });

export async function chatRoutes(app: App, context: AppContext): Promise<void> {
  const { db, config, streams } = context;
  const required = chatAuth(context, 'required');
  const optional = chatAuth(context, 'optional');
  const messageLimiter = new WindowLimiter(config.chatMessagesPerMinute, 60_000);
  const typingThrottle = new Throttle(TYPING_INTERVAL_MS);

  const document = (source: Db, row: ConversationRow, viewer: Viewer, request: FastifyRequest) =>
    conversationDocument(source, row, viewer, requestLanguage(request));

  const conversationOf: ConversationLoader = (request, id) => visibleConversation(db, requireCaller(request), id);

  app.get('/v1/chat/status', async (request, reply): Promise<ChatStatus> => {
    reply.header('cache-control', 'no-store').header('vary', 'Accept-Language');
    return chatStatusDocument(context, requestLanguage(request));
  });

  app.post('/v1/chat/conversations', { onRequest: optional, schema: { body: ConversationCreate } }, async (request, reply) => {
    const caller = chatCallerOf(request);
    if (caller?.kind === 'caseworker') throw new ProblemError('forbidden', { detail: 'Caseworkers answer chats from the console; only citizens start them.' });
    const body = request.body;
    const citizenId = caller?.kind === 'citizen' ? caller.userId : undefined;
    if (citizenId === undefined && body.consent !== true) {
      throw invalid('/consent', 'required', 'An anonymous chat needs the citizen\'s consent (true) to how chats are stored.');
    }
    if (body.mode === 'message' && body.message === undefined) throw invalid('/message', 'required', 'Leaving a message needs the message.');
    let issued: { token: string; hash: string } | undefined;
    const woken = new Set<string>();
    const result = await runIdempotent(db, context.bus, request, citizenId ?? ANONYMOUS_SCOPE, async (trx, publish) => {
      const write = chatWriteIn(context, trx, publish, woken);
      await lockChatQueue(context, trx);
      const topic = (await loadTopics(trx)).find((entry) => entry.id === body.topicId);
      if (topic === undefined) throw invalid('/topicId', 'enum', 'Choose one of the topics of GET /v1/chat/status.');
      if (citizenId !== undefined) {
        const open = await trx.selectFrom('chat_conversations').selectAll().where('citizen_id', '=', citizenId).where('state', 'in', ['queued', 'active']).executeTakeFirst();
        if (open !== undefined) {
          const session: ConversationSession = { conversation: await document(trx, open, 'citizen', request), accessToken: null };
          return { status: 200, body: session };
        }
      }
      if (body.mode === 'live') {
        const { availability } = await chatAvailability(context, trx);
        if (availability !== 'open') {
          throw new ProblemError('chat-unavailable', {
            detail: availability === 'closed' ? 'The chat is closed now. Leave a message (mode "message") or come back when it opens.' : 'Nobody can chat right now. Leave a message (mode "message") instead.',
          });
        }
      }
      const id = body.id ?? randomUUID();
      if (id === 'current' || (await loadConversation(trx, id)) !== undefined) throw invalid('/id', 'unique', 'This conversation id is already used. Leave it out and the server makes one.');
      let language: ChatLanguage = body.language ?? requestLanguage(request);
      let name = body.firstName ?? null;
      if (citizenId !== undefined) {
        const user = await trx.selectFrom('users').leftJoin('preferences', 'preferences.user_id', 'users.id').select(['users.first_name', 'preferences.language']).where('users.id', '=', citizenId).executeTakeFirstOrThrow();
        name = user.first_name;
        if (body.language === undefined && user.language !== null) language = user.language;
      } else {
        issued = newAccessToken();
      }
      const now = chatNowIso();
      const live = body.mode === 'live';
      await trx.insertInto('chat_conversations').values({
        id,
        state: live ? 'queued' : 'left-message',
        topic_id: topic.id,
        team_id: topic.teamId,
        citizen_id: citizenId ?? null,
        access_token_hash: issued?.hash ?? null,
        citizen_name: name,
        language,
        caseworker_id: null,
        queue_priority: 0,
        queued_at: now,
        queue_position: live ? await backOfQueue(trx, topic.teamId) : null,
        created_at: now,
        closed_at: null,
        last_seq: 0,
        last_public_seq: 0,
        read_by_staff: 0,
        read_by_citizen: 0,
        rating: null,
        rating_comment: null,
        last_message_at: null,
      }).execute();
      const first = body.message;
      if (first !== undefined) {
        await appendItem(write, id, {
          kind: 'message',
          visibility: 'all',
          clientId: first.id,
          author: 'citizen',
          text: first.text,
          data: (seq, sentAt): ChatMessage => ({ id: first.id, seq, author: 'citizen', caseworker: null, text: first.text, attachment: null, sentAt }),
        });
      }
      await notifyConsoles(write, await teamCaseworkers(trx, topic.teamId), id);
      const row = await loadConversation(trx, id);
      if (row === undefined) throw new Error('the new conversation is missing');
      const session: ConversationSession = { conversation: await document(trx, row, 'citizen', request), accessToken: null };
      return { status: 201, body: session };
    });
    context.chatSignals.committed(woken);
    // Only the token's hash is stored, also in the idempotency record: a replayed anonymous create gets a new token
    // (the one answered before, which the client evidently did not receive, stops working).
    if (citizenId === undefined && result.status === 201) {
      const session = result.body as ConversationSession;
      let token = issued?.token;
      if (result.replayed || token === undefined) {
        const fresh = newAccessToken();
        await db.updateTable('chat_conversations').set({ access_token_hash: fresh.hash }).where('id', '=', session.conversation.id).execute();
        token = fresh.token;
      }
      return sendIdempotentResult(reply, { ...result, body: { ...session, accessToken: token } });
    }
    return sendIdempotentResult(reply, result);
  });

  app.get('/v1/chat/conversations/current', { onRequest: required }, async (request, reply) => {
    const caller = requireCaller(request);
    if (caller.kind === 'caseworker') throw new ProblemError('forbidden', { detail: 'Only a citizen has a current conversation; caseworkers use GET /v1/chat/console.' });
    let query = db.selectFrom('chat_conversations').selectAll().where('state', 'in', ['queued', 'active']);
    query = caller.kind === 'citizen' ? query.where('citizen_id', '=', caller.userId) : query.where('id', '=', caller.conversationId);
    const row = await query.executeTakeFirst();
    if (row === undefined) throw new ProblemError('not-found', { detail: 'You have no open conversation.' });
    reply.header('cache-control', 'no-store').header('etag', etagOf(row.last_seq));
    return document(db, row, 'citizen', request);
  });

  app.get('/v1/chat/conversations/:id', { onRequest: required, schema: { params: ConversationParams } }, async (request, reply) => {
    const { row, viewer } = await conversationOf(request, request.params.id);
    reply.header('cache-control', 'private, no-cache').header('vary', 'Authorization, Accept-Language').header('etag', etagOf(row.last_seq));
    if (ifNoneMatchHits(request.headers['if-none-match'], row.last_seq)) return reply.code(304).send();
    return document(db, row, viewer, request);
  });

  app.get('/v1/chat/conversations/:id/events', { onRequest: required, schema: { params: ConversationParams }, exposeHeadRoute: false }, async (request, reply) => {
    const { row, viewer } = await conversationOf(request, request.params.id);
    const lastEventId = request.headers['last-event-id'];
    const started = performance.now();
    openSseResponse(reply);
    const stream = new ChatStream({
      db,
      signals: context.chatSignals,
      conversationId: row.id,
      viewer,
      language: requestLanguage(request),
      response: reply.raw,
      lastEventId: Array.isArray(lastEventId) ? lastEventId[0] : lastEventId,
      keepAliveMs: config.keepAliveMs,
      onEnd: (reason) => {
        streams.delete(stream);
        request.log.info({ method: 'GET', route: '/v1/chat/conversations/:id/events', status: 200, ms: Math.round(performance.now() - started), reason }, 'stream closed');
      },
    });
    await runSseStream(stream, streams);
  });

  /** The stored message of a client id, if it is the same message (same side, text and attachment); 409 if not. */
  const sameMessage = (stored: ItemRow, author: 'citizen' | 'caseworker', text: string, attachmentId: string | undefined): ChatMessage => {
    if (stored.kind !== 'message' || stored.author !== author || stored.text !== text || stored.attachment_id !== (attachmentId ?? null)) {
      throw new ProblemError('message-id-reused', { detail: 'This message id was already used for another message. Give every new message a new id.' });
    }
    return JSON.parse(stored.data) as ChatMessage;
  };
  const storedItem = (conversationId: string, clientId: string) =>
    db.selectFrom('chat_items').selectAll().where('conversation_id', '=', conversationId).where('client_id', '=', clientId).executeTakeFirst();

  app.post('/v1/chat/conversations/:id/messages', { onRequest: required, schema: { params: ConversationParams, body: ChatMessageCreate } }, async (request, reply) => {
    const { row, viewer, access } = await conversationOf(request, request.params.id);
    const { id: clientId, text, attachmentId } = request.body;
    const author = viewer === 'citizen' ? 'citizen' : 'caseworker';
    const existing = await storedItem(row.id, clientId);
    if (existing !== undefined) return reply.code(200).header('cache-control', 'no-store').send(sameMessage(existing, author, text, attachmentId));
    if (row.state === 'closed') throw closedProblem();
    if (author === 'caseworker' && !(access === 'assigned' && row.state === 'active')) {
      throw new ProblemError('forbidden', { detail: 'Claim the conversation before you write in it.' });
    }
    if (text === '' && attachmentId === undefined) throw invalid('/text', 'minLength', 'Write a message or attach a file.');
    const caller = requireCaller(request);
    const limitKey = `${row.id}:${author}`;
    const wait = messageLimiter.take(limitKey);
    if (wait !== undefined) throw new ProblemError('rate-limited', { detail: 'Too many messages in a short time. Wait a moment and send again.', retryAfter: wait });
    let attachment: ChatAttachment | null = null;
    if (attachmentId !== undefined) {
      const file = await db.selectFrom('chat_attachments').select(['id', 'name', 'type', 'size']).where('id', '=', attachmentId).where('conversation_id', '=', row.id).executeTakeFirst();
      if (file === undefined) throw invalid('/attachmentId', 'enum', 'Upload the file to this conversation first (POST …/attachments) and send its id.');
      attachment = { id: file.id, name: file.name, type: file.type, size: file.size };
    }
    let message: ChatMessage;
    try {
      message = await writeChat(context, async (write) => {
        const current = await lockedConversation(context, write.trx, row.id);
        if (current === undefined) throw conversationNotFound();
        if (current.state === 'closed') throw closedProblem();
        if (author === 'caseworker' && !(current.state === 'active' && caller.kind === 'caseworker' && current.caseworker_id === caller.userId)) {
          throw new ProblemError('forbidden', { detail: 'Claim the conversation before you write in it.' });
        }
        const staff = author === 'caseworker' && caller.kind === 'caseworker' ? await staffOf(write.trx, caller.userId) : null;
        const { data } = await appendItem(write, row.id, {
          kind: 'message',
          visibility: 'all',
          clientId,
          author,
          text,
          ...(attachmentId === undefined ? {} : { attachmentId }),
          data: (seq, sentAt): ChatMessage => ({ id: clientId, seq, author, caseworker: staff, text, attachment, sentAt }),
        });
        if (author === 'citizen') {
          // The caseworker who has it hears of every citizen message; a waiting or left message changes the team's lists.
          const consoles = current.caseworker_id !== null ? [current.caseworker_id] : await teamCaseworkers(write.trx, current.team_id);
          await notifyConsoles(write, consoles, row.id);
        }
        return data as ChatMessage;
      });
    } catch (error) {
      if (!(error instanceof ClientIdTaken)) throw error;
      // A concurrent retry of the same message won the UNIQUE (conversation_id, client_id): answer what it stored.
      const stored = await storedItem(row.id, clientId);
      if (stored === undefined) throw error;
      return reply.code(200).header('cache-control', 'no-store').send(sameMessage(stored, author, text, attachmentId));
    }
    return reply.code(201).header('cache-control', 'no-store').send(message);
  });

  app.post('/v1/chat/conversations/:id/read', { onRequest: required, schema: { params: ConversationParams, body: ChatReadCreate } }, async (request, reply) => {
    const { row, viewer, access } = await conversationOf(request, request.params.id);
    // Only the citizen and the caseworker who has the conversation mark it read (a colleague looking does not).
    if (viewer === 'staff' && access !== 'assigned') return reply.code(204).header('cache-control', 'no-store').send();
    const requested = request.body.through;
    await writeChat(context, async (write) => {
      const current = await lockedConversation(context, write.trx, row.id);
      if (current === undefined) throw conversationNotFound();
      const through = Math.min(requested, current.last_seq);
      const before = viewer === 'citizen' ? current.read_by_citizen : current.read_by_staff;
      if (through <= before) return;
      await write.trx.updateTable('chat_conversations').set(viewer === 'citizen' ? { read_by_citizen: through } : { read_by_staff: through }).where('id', '=', row.id).execute();
      const by = viewer === 'citizen' ? 'citizen' : 'caseworker';
      await appendItem(write, row.id, { kind: 'read', visibility: 'all', data: () => ({ by, through }) });
    });
    return reply.code(204).header('cache-control', 'no-store').send();
  });

  app.post('/v1/chat/conversations/:id/typing', { onRequest: required, schema: { params: ConversationParams } }, async (request, reply) => {
    const { row, viewer, access } = await conversationOf(request, request.params.id);
    const by = viewer === 'citizen' ? 'citizen' : 'caseworker';
    const mayType = row.state !== 'closed' && (viewer === 'citizen' || access === 'assigned');
    if (mayType && typingThrottle.allow(`${row.id}:${by}`)) await context.chatSignals.typing(row.id, by);
    return reply.code(204).header('cache-control', 'no-store').send();
  });

  app.post('/v1/chat/conversations/:id/close', { onRequest: required, schema: { params: ConversationParams } }, async (request, reply) => {
    const { row, viewer, access } = await conversationOf(request, request.params.id);
    const caller = requireCaller(request);
    if (viewer === 'staff' && access === 'former') throw new ProblemError('forbidden', { detail: 'The conversation is a colleague\'s now.' });
    const closed = await writeChat(context, async (write) => {
      await lockChatQueue(context, write.trx);
      const current = await lockedConversation(context, write.trx, row.id);
      if (current === undefined) throw conversationNotFound();
      if (current.state === 'closed') return current;
      const assigned = caller.kind === 'caseworker' && current.caseworker_id === caller.userId;
      if (viewer === 'staff' && !(assigned || current.state === 'queued' || current.state === 'left-message')) {
        throw new ProblemError('forbidden', { detail: 'The conversation is a colleague\'s now.' });
      }
      await write.trx.updateTable('chat_conversations').set({ state: 'closed', closed_at: chatNowIso(), queue_position: null }).where('id', '=', row.id).execute();
      let line: string = systemLines.closedByCitizen(current.language);
      if (caller.kind === 'caseworker') line = systemLines.closedByCaseworker(current.language, (await staffOf(write.trx, caller.userId))?.firstName ?? '');
      await appendSystemMessage(write, row.id, line);
      const after = await appendState(write, row.id);
      if (current.state === 'queued') await refreshQueue(write, current.team_id);
      const consoles = current.caseworker_id === null ? [] : [current.caseworker_id];
      if (current.state === 'queued' || current.state === 'left-message') consoles.push(...(await teamCaseworkers(write.trx, current.team_id)));
      await notifyConsoles(write, consoles, row.id);
      return after;
    });
    return reply.header('cache-control', 'no-store').send(await document(db, closed, viewer, request));
  });

  app.put('/v1/chat/conversations/:id/rating', { onRequest: required, schema: { params: ConversationParams, body: ChatRatingCreate } }, async (request, reply) => {
    const { row, viewer } = await conversationOf(request, request.params.id);
    if (viewer !== 'citizen') throw new ProblemError('forbidden', { detail: 'Only the citizen rates a conversation.' });
    const { score, comment } = request.body;
    const rated = await writeChat(context, async (write) => {
      const current = await lockedConversation(context, write.trx, row.id);
      if (current === undefined) throw conversationNotFound();
      if (current.state !== 'closed') throw invalid('', 'state', 'Rate the conversation after it has ended.');
      if (current.rating === score && current.rating_comment === (comment ?? null)) return current;
      await write.trx.updateTable('chat_conversations').set({ rating: score, rating_comment: comment ?? null }).where('id', '=', row.id).execute();
      const after = await appendState(write, row.id);
      if (current.caseworker_id !== null) await notifyConsoles(write, [current.caseworker_id], row.id);
      return after;
    });
    return reply.header('cache-control', 'no-store').send(await document(db, rated, viewer, request));
  });

  app.get('/v1/chat/conversations/:id/transcript', { onRequest: required, schema: { params: ConversationParams } }, async (request, reply) => {
    const { row } = await conversationOf(request, request.params.id);
    const text = await transcript(db, row);
    return reply
      .header('content-type', 'text/plain; charset=utf-8')
      .header('content-disposition', `attachment; filename="chat-${row.created_at.slice(0, 10)}.txt"`)
      .header('cache-control', 'private, no-store')
      .send(text);
  });

  await chatAttachmentRoutes(app, context, conversationOf);
}

/** `dd.mm.yyyy hh:mm` in Europe/Copenhagen. */
function localStamp(iso: string): string {
  const local = formatLocal(Date.parse(iso)); // 2026-12-01T09:00:00+01:00
  return `${local.slice(8, 10)}.${local.slice(5, 7)}.${local.slice(0, 4)} ${local.slice(11, 16)}`;
}

/** The conversation as text, with names as the citizen sees them; notes are never part of it. */
export async function transcript(db: Db, row: ConversationRow): Promise<string> {
  const texts = TRANSCRIPT_TEXTS[row.language];
  const items = await db.selectFrom('chat_items').selectAll().where('conversation_id', '=', row.id).where('kind', '=', 'message').where('visibility', '=', 'all').orderBy('seq').execute();
  const conversation = await conversationDocument(db, row, 'citizen', row.language);
  const lines = [
    texts.title,
    `${texts.topic}: ${conversation.topic.label}`,
    `${texts.started}: ${localStamp(row.created_at)}`,
    ...(row.closed_at === null ? [] : [`${texts.ended}: ${localStamp(row.closed_at)}`]),
    texts.timeZone,
    '',
  ];
  for (const item of items) {
    const message = JSON.parse(item.data) as ChatMessage;
    const who = message.author === 'citizen' ? texts.you : message.author === 'caseworker' ? `${message.caseworker?.firstName ?? texts.jobCentre} (${message.caseworker?.team ?? texts.jobCentre})` : texts.jobCentre;
    const body = [message.text, ...(message.attachment === null ? [] : [`[${texts.attachment}: ${message.attachment.name}]`])].filter((part) => part !== '').join(' ');
    lines.push(`[${localStamp(message.sentAt)}] ${who}: ${body.replace(/\r?\n/g, '\n    ')}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Loads a conversation the request's caller may see (404 otherwise). */
export type ConversationLoader = (request: FastifyRequest, id: string) => Promise<VisibleConversation>;
