/// <reference types="node" />
/**
 * Live chat, citizen side (docs/contract.md "Live chat"): the public status, starting a conversation (anonymous
 * with consent, or with a citizen token), messages that a retry never doubles, the conversation stream (ids that
 * only grow, resumable with Last-Event-ID, `reset` for an id the server does not know), isolation between
 * conversations, close and rating, the transcript and attachments checked by their content. Rules that need a
 * live chat make the caseworker `available` first and are skipped (with the reason) outside opening hours.
 */
import type { ChatAttachment, ChatMessage, Conversation, ConversationSession } from '../../schemas/index.js';
import { check, fail, type RuleContext, type RuleGroup } from '../context.js';
import {
  activeConversation, cleanupChat, closeConversation, conversationPath, CONVERSATIONS, createConversation, eventWait, eventWith, firstTopic, leftMessageBody,
  liveConversation, messageId, openChatStream, postConversation, postMessage, readConversation, readStatus, requireChat, STATUS,
} from '../chat.js';
import { describe, expectInvalidAt, expectJson, expectProblem, expectSchema, expectStrongEtag, isRecord, send, type Res } from '../http.js';
import { actor, newKey } from '../notifications.js';
import type { EventStream, SseEvent } from '../sse.js';

/** A valid 1×1 PNG (the server must find `image/png` by reading it). */
const PNG: Uint8Array<ArrayBuffer> = Uint8Array.from(Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
));

/** An HTML page that claims to be a PDF or a PNG. */
const SPOOF = `<!doctype html><html><body><script>alert("conformance")</script></body></html>`;

function disposition(name: string): string {
  return `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;
}

function upload(ctx: RuleContext, token: string, id: string, body: string | Uint8Array<ArrayBuffer>, type: string, name: string): Promise<Res> {
  ctx.step(`POST ${conversationPath(id, '/attachments')} (Content-Type: ${type}, ${name})`);
  return send(ctx, 'POST', conversationPath(id, '/attachments'), { as: token, body, contentType: type, headers: { 'Content-Disposition': disposition(name) } });
}

/** The events of a stream that carry an `id:`, as numbers; fails unless every id is a non-negative integer. */
function numberedIds(events: readonly SseEvent[], where: string): number[] {
  return events.filter((event) => event.id !== undefined).map((event) => {
    const id = event.id ?? '';
    check(/^\d{1,18}$/.test(id), `${where}: the SSE id ${JSON.stringify(id)} is not the conversation's sequence number (a non-negative integer)`);
    return Number(id);
  });
}

function expectIncreasing(ids: readonly number[], where: string): void {
  for (let index = 1; index < ids.length; index++) {
    check((ids[index] ?? 0) > (ids[index - 1] ?? 0), `${where}: the SSE ids are not strictly increasing (${String(ids[index - 1])} then ${String(ids[index])})`);
  }
}

function messagesWith(stream: EventStream, id: string): SseEvent[] {
  return stream.events.filter(eventWith('chat.message', id));
}

export const chat: RuleGroup = {
  name: 'chat',
  title: 'Live chat (citizen side)',
  cleanup: cleanupChat,
  rules: [
    {
      id: 'chat.status',
      title: 'GET /v1/chat/status without a token → 200 ChatStatus: at least one topic, topic ids unique, nextOpening set exactly when closed, allowed attachment types listed; when closed or busy, a live create → 409 chat-unavailable',
      async run(ctx) {
        await requireChat(ctx);
        const status = await readStatus(ctx);
        if (status.availability !== 'open') {
          const topicId = status.topics[0]?.id ?? '';
          const res = await postConversation(ctx, { topicId, mode: 'live', consent: true, firstName: 'Conformance' });
          if (res.status === 201 || res.status === 200) fail(`GET ${STATUS} says ${status.availability}, but POST ${CONVERSATIONS} {mode: live} → ${String(res.status)}: expected 409 chat-unavailable (offer "leave a message")`);
          expectProblem(res, 409, 'chat-unavailable');
        } else ctx.note('the chat is open: a live create while closed or busy (409 chat-unavailable) was not tried');
        check(new Set(status.topics.map((topic) => topic.id)).size === status.topics.length, `GET ${STATUS} lists a topic id twice`);
        if (status.availability === 'closed') check(status.nextOpening !== null, `GET ${STATUS} says closed but nextOpening is null (say when the chat opens)`);
        else check(status.nextOpening === null, `GET ${STATUS} says ${status.availability} but nextOpening is ${String(status.nextOpening)} (only set when closed)`);
        check(status.attachments.types.length > 0, `GET ${STATUS}: attachments.types is empty`);
      },
    },
    {
      id: 'chat.create-validation',
      title: 'POST /v1/chat/conversations without Idempotency-Key → 400 idempotency-key-required; anonymous without consent (or consent false) → 400 invalid-request at /consent; an unknown topic → 400 at /topicId',
      async run(ctx) {
        await requireChat(ctx);
        const topicId = await firstTopic(ctx);
        expectProblem(await postConversation(ctx, leftMessageBody(ctx, topicId), { key: null }), 400, 'idempotency-key-required');
        const withoutConsent = leftMessageBody(ctx, topicId);
        delete withoutConsent.consent;
        expectInvalidAt(await postConversation(ctx, withoutConsent), '/consent');
        expectInvalidAt(await postConversation(ctx, leftMessageBody(ctx, topicId, { consent: false })), '/consent');
        expectInvalidAt(await postConversation(ctx, leftMessageBody(ctx, `conformance-no-such-topic-${ctx.suite.runId}`)), '/topicId');
      },
    },
    {
      id: 'chat.create-idempotent',
      title: 'an anonymous POST /v1/chat/conversations sent twice with one Idempotency-Key → one conversation (the same id, Idempotent-Replayed: true, an accessToken); the replay\'s accessToken reads it (200 Conversation with a strong ETag; If-None-Match → 304)',
      async run(ctx) {
        await requireChat(ctx);
        const topicId = await firstTopic(ctx);
        const body = leftMessageBody(ctx, topicId);
        const key = newKey(ctx.suite);
        const first = await createConversation(ctx, body, { key });
        check(typeof first.accessToken === 'string', `POST ${CONVERSATIONS} without a citizen token answered accessToken ${JSON.stringify(first.accessToken)}, expected a token for this conversation`);
        check(first.conversation.state === 'left-message', `POST ${CONVERSATIONS} {mode: message} answered state ${first.conversation.state}, expected left-message`);
        const again = await postConversation(ctx, body, { key });
        const second = expectJson(again, 201, 'ConversationSession') as ConversationSession;
        check(second.conversation.id === first.conversation.id, `the retry with the same Idempotency-Key made a second conversation (${first.conversation.id}, then ${second.conversation.id})`);
        check(typeof second.accessToken === 'string', `the retry with the same Idempotency-Key answered accessToken ${JSON.stringify(second.accessToken)}, expected a token for the conversation`);
        check(again.headers.get('idempotent-replayed') === 'true', 'the retry has no Idempotent-Replayed: true');
        // The replay's token must work (a server that stores only token hashes issues a fresh one: the client
        // that retries evidently did not receive the first).
        const token = second.accessToken;
        const path = conversationPath(first.conversation.id);
        ctx.step(`GET ${path} with the accessToken`);
        const res = await send(ctx, 'GET', path, { as: token });
        const read = expectJson(res, 200, 'Conversation') as Conversation;
        const tag = expectStrongEtag(res);
        check(read.id === first.conversation.id, `GET ${path} answered the conversation ${read.id}`);
        ctx.step(`GET ${path} with If-None-Match: ${tag}`);
        const again304 = await send(ctx, 'GET', path, { as: token, headers: { 'If-None-Match': tag } });
        check(again304.status === 304, `GET ${path} with If-None-Match: ${tag} (unchanged): expected 304, got ${describe(again304)}`);
      },
    },
    {
      id: 'chat.caseworker-cannot-create',
      title: 'POST /v1/chat/conversations with a caseworker token → 403 forbidden',
      needs: ['caseworker'],
      async run(ctx) {
        await requireChat(ctx);
        const topicId = await firstTopic(ctx);
        expectProblem(await postConversation(ctx, leftMessageBody(ctx, topicId), { as: actor(ctx.suite, 'caseworker') }), 403, 'forbidden');
      },
    },
    {
      id: 'chat.current',
      title: 'a citizen\'s live conversation: accessToken null, GET …/conversations/current answers it, a second create answers it again (200, no second conversation); another citizen\'s current is not it',
      needs: ['citizen', 'otherCitizen', 'caseworker'],
      async run(ctx) {
        const citizen = actor(ctx.suite, 'citizen');
        const live = await liveConversation(ctx, citizen);
        const id = live.conversation.id;
        ctx.step(`GET ${CONVERSATIONS}/current as the citizen`);
        const current = expectJson(await send(ctx, 'GET', `${CONVERSATIONS}/current`, { as: citizen }), 200, 'Conversation') as Conversation;
        check(current.id === id, `GET ${CONVERSATIONS}/current answered ${current.id}, not the citizen's open conversation ${id}`);
        const again = await postConversation(ctx, { topicId: live.conversation.topic.id, mode: 'live' }, { as: citizen });
        const session = expectJson(again, 200, 'ConversationSession') as ConversationSession;
        check(session.conversation.id === id, `a second POST ${CONVERSATIONS} by a citizen with an open conversation made ${session.conversation.id} (a citizen has at most one queued or active conversation)`);
        check(session.accessToken === null, `POST ${CONVERSATIONS} with a citizen token answered an accessToken (expected null)`);
        const other = actor(ctx.suite, 'otherCitizen');
        ctx.step(`GET ${CONVERSATIONS}/current as the other citizen`);
        const theirs = await send(ctx, 'GET', `${CONVERSATIONS}/current`, { as: other });
        check(!(isRecord(theirs.body) && theirs.body.id === id), `GET ${CONVERSATIONS}/current as ${other.id} answered ${citizen.id}'s conversation`);
        expectJson(await closeConversation(ctx, citizen, id), 200, 'Conversation');
      },
    },
    {
      id: 'chat.message-retry',
      title: 'POST …/messages → 201 ChatMessage; the same id and text again → 200 with the same message (same seq); the stream carries it exactly once',
      needs: ['caseworker'],
      async run(ctx) {
        const live = await activeConversation(ctx);
        const id = live.conversation.id;
        const body = { id: messageId(), text: `Conformance ${ctx.suite.runId}: hello` };
        const first = expectJson(await postMessage(ctx, live.token, id, body), 201, 'ChatMessage') as ChatMessage;
        check(first.id === body.id && first.text === body.text && first.author === 'citizen', `POST ${conversationPath(id, '/messages')} → 201 answered id ${first.id}, author ${first.author}, text ${JSON.stringify(first.text)}`);
        const retry = await postMessage(ctx, live.token, id, body);
        if (retry.status === 201) fail(`the retry with the same message id and text answered 201 (a new message, seq ${String(isRecord(retry.body) ? retry.body.seq : '?')}; the first had ${String(first.seq)}); expected 200 with the stored message`);
        const second = expectJson(retry, 200, 'ChatMessage') as ChatMessage;
        check(second.seq === first.seq, `the retry with the same message id answered seq ${String(second.seq)}, the first answer had ${String(first.seq)}: the message was stored twice`);
        const stream = await openChatStream(ctx, live.token, id, '0');
        try {
          await stream.waitFor(eventWith('chat.message', body.id), eventWait(ctx), `the chat.message ${body.id}`);
          await stream.settle(300, ctx.signal);
          const seen = messagesWith(stream, body.id);
          check(seen.length === 1, `the stream (from Last-Event-ID: 0) carries the message ${body.id} ${String(seen.length)} times, expected once (ids ${seen.map((event) => event.id ?? '-').join(', ')})`);
          expectSchema(seen[0]?.json, 'ChatMessageEvent', 'the chat.message event');
          check(seen[0]?.id === String(first.seq), `the chat.message event has SSE id ${String(seen[0]?.id)}, expected the message's seq ${String(first.seq)}`);
        } finally {
          stream.close();
        }
      },
    },
    {
      id: 'chat.message-id-reused',
      title: 'POST …/messages with an id already used for another text → 409 message-id-reused; the first message is unchanged',
      needs: ['caseworker'],
      async run(ctx) {
        const live = await activeConversation(ctx);
        const id = live.conversation.id;
        const body = { id: messageId(), text: `Conformance ${ctx.suite.runId}: first text` };
        const first = expectJson(await postMessage(ctx, live.token, id, body), 201, 'ChatMessage') as ChatMessage;
        expectProblem(await postMessage(ctx, live.token, id, { id: body.id, text: `${body.text} (changed)` }), 409, 'message-id-reused');
        const stream = await openChatStream(ctx, live.token, id, '0');
        try {
          await stream.waitFor(eventWith('chat.message', body.id), eventWait(ctx), `the chat.message ${body.id}`);
          await stream.settle(300, ctx.signal);
          const texts = messagesWith(stream, body.id).map((event) => (isRecord(event.json) && isRecord(event.json.data) ? event.json.data.text : undefined));
          check(texts.every((text) => text === first.text), `after the refused reuse the stream carries the message ${body.id} with the texts ${JSON.stringify(texts)}, expected only ${JSON.stringify(first.text)}`);
        } finally {
          stream.close();
        }
      },
    },
    {
      id: 'chat.stream-resume',
      title: 'a conversation stream: SSE ids are the sequence numbers, strictly increasing; with Last-Event-ID it sends exactly the later events (none lost, none twice), then live ones; chat.typing has no id',
      needs: ['caseworker'],
      async run(ctx) {
        const live = await activeConversation(ctx);
        const id = live.conversation.id;
        const sent = [0, 1, 2].map((index) => ({ id: messageId(), text: `Conformance ${ctx.suite.runId}: message ${String(index + 1)}` }));
        for (const body of sent) expectJson(await postMessage(ctx, live.token, id, body), 201, 'ChatMessage');
        const last = sent[2]?.id ?? '';
        const full = await openChatStream(ctx, live.token, id, '0');
        let resumed: EventStream | undefined;
        try {
          await full.waitFor(eventWith('chat.message', last), eventWait(ctx), `the chat.message ${last}`);
          const all = numberedIds(full.events, 'the stream from Last-Event-ID: 0');
          expectIncreasing(all, 'the stream from Last-Event-ID: 0');
          const from = messagesWith(full, sent[0]?.id ?? '')[0]?.id ?? '';
          ctx.step(`resume with Last-Event-ID: ${from}`);
          resumed = await openChatStream(ctx, live.token, id, from);
          await resumed.waitFor(eventWith('chat.message', last), eventWait(ctx), `the replayed chat.message ${last}`);
          await resumed.settle(300, ctx.signal);
          const expected = all.filter((seq) => seq > Number(from));
          const replayed = numberedIds(resumed.events, `the stream resumed from ${from}`);
          expectIncreasing(replayed, `the stream resumed from ${from}`);
          check(JSON.stringify(replayed.slice(0, expected.length)) === JSON.stringify(expected), `resumed with Last-Event-ID: ${from} the stream sent ids [${replayed.join(', ')}], expected [${expected.join(', ')}] (every later event once, nothing earlier)`);
          const live4 = { id: messageId(), text: `Conformance ${ctx.suite.runId}: message 4` };
          expectJson(await postMessage(ctx, live.token, id, live4), 201, 'ChatMessage');
          await resumed.waitFor(eventWith('chat.message', live4.id), eventWait(ctx), `the live chat.message ${live4.id} on the resumed stream`);
          ctx.step('POST …/typing as the caseworker');
          const typing = await send(ctx, 'POST', conversationPath(id, '/typing'), { as: live.caseworker });
          check(typing.status === 204, `POST ${conversationPath(id, '/typing')} as the caseworker: expected 204, got ${describe(typing)}`);
          const typed = await resumed.waitFor((event) => event.event === 'chat.typing', eventWait(ctx), 'the chat.typing event');
          check(typed.id === undefined, `chat.typing came with an SSE id (${String(typed.id)}); it is ephemeral and must have none`);
          check(messagesWith(resumed, live4.id).length === 1, `the resumed stream carried the message ${live4.id} more than once`);
        } finally {
          full.close();
          resumed?.close();
        }
      },
    },
    {
      id: 'chat.read',
      title: 'POST …/read {through} by the caseworker → 204; the citizen\'s stream gets chat.read {by: caseworker, through}; readByStaffThrough moves; a lower through changes nothing',
      needs: ['caseworker'],
      async run(ctx) {
        const live = await activeConversation(ctx);
        const id = live.conversation.id;
        const sent = expectJson(await postMessage(ctx, live.token, id, { id: messageId(), text: `Conformance ${ctx.suite.runId}: please read me` }), 201, 'ChatMessage') as ChatMessage;
        const stream = await openChatStream(ctx, live.token, id, '0');
        const path = conversationPath(id, '/read');
        try {
          ctx.step(`POST ${path} {through: ${String(sent.seq)}} as the caseworker`);
          const read = await send(ctx, 'POST', path, { as: live.caseworker, json: { through: sent.seq } });
          check(read.status === 204, `POST ${path} as the caseworker: expected 204, got ${describe(read)}`);
          const event = await stream.waitFor(
            (candidate) => candidate.event === 'chat.read' && isRecord(candidate.json) && isRecord(candidate.json.data) && candidate.json.data.by === 'caseworker' && candidate.json.data.through === sent.seq,
            eventWait(ctx),
            `chat.read {by: caseworker, through: ${String(sent.seq)}} on the citizen's stream`,
          );
          expectSchema(event.json, 'ChatReadEvent', 'the chat.read event');
          const after = await readConversation(ctx, live.token, id);
          check(after.readByStaffThrough === sent.seq, `after POST ${path} {through: ${String(sent.seq)}} the conversation says readByStaffThrough ${String(after.readByStaffThrough)}`);
          ctx.step(`POST ${path} {through: 0} as the caseworker`);
          const lower = await send(ctx, 'POST', path, { as: live.caseworker, json: { through: 0 } });
          check(lower.status === 204, `POST ${path} {through: 0}: expected 204, got ${describe(lower)}`);
          const still = await readConversation(ctx, live.token, id);
          check(still.readByStaffThrough === sent.seq, `a lower through moved readByStaffThrough back to ${String(still.readByStaffThrough)} (a lower value must change nothing)`);
        } finally {
          stream.close();
        }
      },
    },
    {
      id: 'chat.stream-reset',
      title: 'a conversation stream with a Last-Event-ID above lastSeq → event: reset whose id is the conversation\'s lastSeq',
      needs: ['caseworker'],
      async run(ctx) {
        const live = await liveConversation(ctx);
        const id = live.conversation.id;
        const conversation = await readConversation(ctx, live.token, id);
        const unknown = String(conversation.lastSeq + 1000);
        const stream = await openChatStream(ctx, live.token, id, unknown);
        try {
          const first = await stream.waitFor(() => true, eventWait(ctx), `event: reset (Last-Event-ID: ${unknown} is above the conversation's lastSeq ${String(conversation.lastSeq)})`);
          check(first.event === 'reset', `with Last-Event-ID: ${unknown} (lastSeq is ${String(conversation.lastSeq)}) the first event is ${first.event}, expected reset`);
          expectSchema(first.json, 'ResetEvent', 'the reset event');
          check(first.id === String(conversation.lastSeq), `the reset event has SSE id ${String(first.id)}, expected lastSeq ${String(conversation.lastSeq)}`);
        } finally {
          stream.close();
        }
      },
    },
    {
      id: 'chat.isolation',
      title: 'another citizen, or another conversation\'s accessToken, cannot read a conversation, its stream or post to it → 404 not-found',
      needs: ['citizen', 'otherCitizen'],
      async run(ctx) {
        await requireChat(ctx);
        const topicId = await firstTopic(ctx);
        const citizen = actor(ctx.suite, 'citizen');
        const other = actor(ctx.suite, 'otherCitizen');
        const withoutConsent = leftMessageBody(ctx, topicId);
        delete withoutConsent.consent;
        delete withoutConsent.firstName;
        const mine = await createConversation(ctx, withoutConsent, { as: citizen });
        const stranger = await createConversation(ctx, leftMessageBody(ctx, topicId));
        const id = mine.conversation.id;
        await readConversation(ctx, citizen, id);
        const intruders: [string, string][] = [[`${other.id}'s token`, other.token], ['another conversation\'s accessToken', stranger.accessToken ?? '']];
        for (const [who, token] of intruders) {
          ctx.step(`GET ${conversationPath(id)} with ${who}`);
          expectProblem(await send(ctx, 'GET', conversationPath(id), { as: token }), 404, 'not-found');
          ctx.step(`GET ${conversationPath(id, '/events')} with ${who}`);
          expectProblem(await send(ctx, 'GET', conversationPath(id, '/events'), { as: token, headers: { Accept: 'text/event-stream' } }), 404, 'not-found');
          expectProblem(await postMessage(ctx, token, id, { id: messageId(), text: 'Conformance: must not arrive' }), 404, 'not-found');
          ctx.step(`GET ${conversationPath(id, '/transcript')} with ${who}`);
          expectProblem(await send(ctx, 'GET', conversationPath(id, '/transcript'), { as: token }), 404, 'not-found');
        }
      },
    },
    {
      id: 'chat.close',
      title: 'POST …/close → 200 Conversation closed with closedAt; a message after close → 409 conversation-closed',
      needs: ['caseworker'],
      async run(ctx) {
        const live = await activeConversation(ctx);
        const id = live.conversation.id;
        const closed = expectJson(await closeConversation(ctx, live.caseworker, id), 200, 'Conversation') as Conversation;
        check(closed.state === 'closed' && closed.closedAt !== null, `POST ${conversationPath(id, '/close')} answered state ${closed.state}, closedAt ${String(closed.closedAt)}`);
        expectProblem(await postMessage(ctx, live.token, id, { id: messageId(), text: 'Conformance: after close' }), 409, 'conversation-closed');
        const read = await readConversation(ctx, live.token, id);
        check(read.state === 'closed', `GET ${conversationPath(id)} after close says ${read.state}`);
      },
    },
    {
      id: 'chat.rating',
      title: 'PUT …/rating before close → a 4xx problem; after the citizen closed it → 200 Conversation with the rating; the conversation\'s caseworker → 403 forbidden',
      needs: ['caseworker'],
      async run(ctx) {
        const live = await activeConversation(ctx);
        const id = live.conversation.id;
        const path = conversationPath(id, '/rating');
        ctx.step(`PUT ${path} before close`);
        const early = await send(ctx, 'PUT', path, { as: live.token, json: { score: 5 } });
        check(early.status >= 400 && early.status < 500 && /^application\/problem\+json\b/i.test(early.contentType), `PUT ${path} before the conversation is closed: expected a 4xx problem, got ${describe(early)}`);
        expectJson(await closeConversation(ctx, live.token, id), 200, 'Conversation');
        ctx.step(`PUT ${path} after close`);
        const rated = expectJson(await send(ctx, 'PUT', path, { as: live.token, json: { score: 4, comment: 'Conformance' } }), 200, 'Conversation') as Conversation;
        check(rated.rating === 4, `PUT ${path} {score: 4} answered rating ${String(rated.rating)}`);
        ctx.step(`PUT ${path} as the caseworker`);
        expectProblem(await send(ctx, 'PUT', path, { as: live.caseworker, json: { score: 1 } }), 403, 'forbidden');
      },
    },
    {
      id: 'chat.transcript',
      title: 'GET …/transcript → 200 text/plain as an attachment (Content-Disposition: attachment) with the messages',
      needs: ['caseworker'],
      async run(ctx) {
        const live = await activeConversation(ctx);
        const id = live.conversation.id;
        const text = `Conformance ${ctx.suite.runId}: for the transcript`;
        expectJson(await postMessage(ctx, live.token, id, { id: messageId(), text }), 201, 'ChatMessage');
        const path = conversationPath(id, '/transcript');
        ctx.step(`GET ${path}`);
        const res = await send(ctx, 'GET', path, { as: live.token, headers: { Accept: 'text/plain' } });
        check(res.status === 200, `GET ${path}: expected 200, got ${describe(res)}`);
        check(/^text\/plain\b/i.test(res.contentType), `GET ${path}: expected Content-Type text/plain, got ${res.contentType || 'none'}`);
        check(/^attachment\b/i.test(res.headers.get('content-disposition') ?? ''), `GET ${path}: expected Content-Disposition: attachment, got ${JSON.stringify(res.headers.get('content-disposition'))}`);
        check(res.text.includes(text), `GET ${path}: the transcript does not contain the message ${JSON.stringify(text)}`);
      },
    },
    {
      id: 'chat.attachment-spoofed-type',
      title: 'POST …/attachments with an HTML file sent as application/pdf or image/png → 415 unsupported-media-type (the server checks the content, not the claimed type)',
      needs: ['caseworker'],
      async run(ctx) {
        const live = await activeConversation(ctx);
        const id = live.conversation.id;
        for (const [type, name] of [['application/pdf', 'conformance.pdf'], ['image/png', 'conformance.png']] as const) {
          const res = await upload(ctx, live.token, id, SPOOF, type, name);
          if (res.status === 201) fail(`POST ${conversationPath(id, '/attachments')} accepted an HTML file sent as ${type} (→ 201 ${JSON.stringify(res.body)}); check the file's content`);
          expectProblem(res, 415, 'unsupported-media-type');
        }
      },
    },
    {
      id: 'chat.attachment-download',
      title: 'a PNG upload → 201 ChatAttachment (type image/png found from the content, size, name); its download → 200 with X-Content-Type-Options: nosniff and Content-Disposition: attachment; another conversation\'s accessToken → 404',
      needs: ['caseworker'],
      async run(ctx) {
        const live = await activeConversation(ctx);
        const id = live.conversation.id;
        const name = 'conformance æøå.png';
        const attachment = expectJson(await upload(ctx, live.token, id, PNG, 'image/png', name), 201, 'ChatAttachment') as ChatAttachment;
        const problems: string[] = [];
        if (attachment.type !== 'image/png') problems.push(`type is ${attachment.type}, expected image/png`);
        if (attachment.size !== PNG.length) problems.push(`size is ${String(attachment.size)}, expected ${String(PNG.length)}`);
        if (attachment.name !== name) problems.push(`name is ${JSON.stringify(attachment.name)}, expected ${JSON.stringify(name)} (from filename*=UTF-8'')`);
        if (problems.length > 0) fail(`POST ${conversationPath(id, '/attachments')} → 201: ${problems.join('; ')}`);
        const path = conversationPath(id, `/attachments/${encodeURIComponent(attachment.id)}`);
        ctx.step(`GET ${path}`);
        const res = await send(ctx, 'GET', path, { as: live.token, headers: { Accept: '*/*' } });
        check(res.status === 200, `GET ${path}: expected 200, got ${describe(res)}`);
        check((res.headers.get('x-content-type-options') ?? '').toLowerCase() === 'nosniff', `GET ${path}: expected X-Content-Type-Options: nosniff, got ${JSON.stringify(res.headers.get('x-content-type-options'))}`);
        check(/^attachment\b/i.test(res.headers.get('content-disposition') ?? ''), `GET ${path}: expected Content-Disposition: attachment (never inline), got ${JSON.stringify(res.headers.get('content-disposition'))}`);
        check(/^image\/png\b/i.test(res.contentType), `GET ${path}: expected Content-Type image/png, got ${res.contentType || 'none'}`);
        const stranger = await createConversation(ctx, leftMessageBody(ctx, live.conversation.topic.id));
        ctx.step(`GET ${path} with another conversation's accessToken`);
        const foreign = await send(ctx, 'GET', path, { as: stranger.accessToken ?? '' });
        if (foreign.status === 200) fail(`GET ${path} with another conversation's accessToken → 200: the attachment was downloaded by someone outside the conversation (expected 404 not-found)`);
        expectProblem(foreign, 404, 'not-found');
      },
    },
  ],
};
