import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  CannedReplyList, ChatAttachment, ChatConsole, ChatMessage, ChatMessageEvent, ChatNote, ChatStateEvent, ChatStatus, Conversation, ConversationSession,
} from '@jobunivers/contract';
import { attachmentName, sniffType } from '../src/chat/attachments.js';
import { chatClock } from '../src/chat/clock.js';
import { hoursOn, isOpenAt, nextOpeningAfter } from '../src/chat/hours.js';
import { localToInstant } from '../src/booking/zone.js';
import { runMaintenance } from '../src/maintenance.js';
import { DEMO_CONFIG } from '../src/seed.js';
import { assertProblem, assertSchema, bearer, forEachDatabase, openSseStream, startServer, type SseMessage, type TestServer } from './helpers.js';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
const PDF = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(32, 2)]);

describe('chat building blocks', () => {
  const hours = DEMO_CONFIG.openingHours;
  test('opening hours: weekly hours in Copenhagen time, exceptions override them, nextOpening within 14 days', () => {
    // Monday 30 November 2026, winter time (+01:00).
    assert.equal(isOpenAt(hours, localToInstant('2026-11-30', 8 * 60)), true);
    assert.equal(isOpenAt(hours, localToInstant('2026-11-30', 8 * 60) - 1), false);
    assert.equal(isOpenAt(hours, localToInstant('2026-11-30', 15 * 60)), false, 'closes at 15:00');
    assert.equal(isOpenAt(hours, localToInstant('2026-12-05', 10 * 60)), false, 'Saturday');
    assert.equal(isOpenAt(hours, localToInstant('2026-12-24', 10 * 60)), false, 'Christmas Eve (exception)');
    assert.equal(isOpenAt(hours, localToInstant('2026-12-23', 11 * 60)), true, 'short day');
    assert.equal(isOpenAt(hours, localToInstant('2026-12-23', 12 * 60)), false, 'short day ends at 12:00');
    assert.deepEqual(hoursOn(hours, '2026-12-25'), undefined);
    assert.equal(nextOpeningAfter(hours, localToInstant('2026-12-05', 10 * 60)), '2026-12-07T08:00:00+01:00');
    assert.equal(nextOpeningAfter(hours, localToInstant('2026-11-30', 7 * 60)), '2026-11-30T08:00:00+01:00');
    assert.equal(nextOpeningAfter(hours, localToInstant('2026-12-23', 13 * 60)), '2026-12-28T08:00:00+01:00', 'skips the Christmas days');
    // Summer time: Monday 6 July 2026 opens 08:00+02:00.
    assert.equal(nextOpeningAfter(hours, localToInstant('2026-07-05', 12 * 60)), '2026-07-06T08:00:00+02:00');
    assert.equal(nextOpeningAfter({ ...hours, weekly: [], exceptions: [] }, Date.now()), null);
  });

  test('attachments: the type comes from the bytes; file names are made safe', () => {
    assert.equal(sniffType(PNG), 'image/png');
    assert.equal(sniffType(PDF), 'application/pdf');
    assert.equal(sniffType(JPEG), 'image/jpeg');
    assert.equal(sniffType(Buffer.from('<html><script>alert(1)</script>')), undefined);
    assert.equal(attachmentName(`attachment; filename*=UTF-8''${encodeURIComponent('Mit CV – 2026.pdf')}`), 'Mit CV – 2026.pdf');
    assert.equal(attachmentName(`attachment; filename*=UTF-8''${encodeURIComponent('../../etc/passwd')}`), 'passwd');
    assert.equal(attachmentName(`attachment; filename*=UTF-8''${encodeURIComponent('cv\u202Efdp.exe')}`), 'cvfdp.exe');
    assert.equal(attachmentName('attachment; filename="plain.png"'), 'plain.png');
    assert.equal(attachmentName(undefined), 'fil');
    assert.equal(attachmentName(`attachment; filename*=UTF-8''${'a'.repeat(300)}`).length, 200);
  });
});

/** A conversation's stream, with helpers to collect events and to check that nothing more comes. */
async function openChatStream(baseUrl: string, conversationId: string, token: string, lastEventId?: string) {
  const stream = await openSseStream(`${baseUrl}/v1/chat/conversations/${conversationId}/events`, token, lastEventId);
  const nextEvent = (timeoutMs?: number): Promise<SseMessage> => stream.nextEvent(timeoutMs);
  /** Events until (and including) the first one `until` accepts. */
  const collect = async (until: (message: SseMessage) => boolean, timeoutMs = 5000): Promise<SseMessage[]> => {
    const out: SseMessage[] = [];
    for (;;) {
      const message = await nextEvent(timeoutMs);
      out.push(message);
      if (until(message)) return out;
    }
  };
  /** Whether an event arrives within `ms` (for "nothing more comes"). */
  const quiet = async (ms: number): Promise<SseMessage | undefined> => {
    try {
      return await nextEvent(ms);
    } catch {
      return undefined;
    }
  };
  return { status: stream.status, headers: stream.headers, nextEvent, collect, quiet, close: () => { stream.close(); } };
}

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the event's data type
const dataOf = <T = unknown>(message: SseMessage): T => (JSON.parse(message.data ?? '') as { data: T }).data;

forEachDatabase('live chat', (target) => {
  let server: TestServer;
  let baseUrl: string;
  let drop: () => Promise<void>;
  let attachmentsDir: string;
  let mette: string;
  let jonas: string;
  let aisha: string;
  let keyCounter = 0;
  let citizenCounter = 0;

  before(async () => {
    const created = await target.create();
    drop = created.drop;
    attachmentsDir = mkdtempSync(join(tmpdir(), 'jobunivers-chat-files-'));
    server = await startServer(created.setting, { env: { RATE_LIMIT: '100000', JU_CHAT_ALWAYS_OPEN: '1', JU_CHAT_ATTACHMENTS_DIR: attachmentsDir, SSE_KEEP_ALIVE_MS: '200' } });
    baseUrl = await server.listen();
    [mette, jonas, aisha] = await Promise.all(['caseworker-1', 'caseworker-2', 'caseworker-3'].map((id) => server.token(id)));
  });
  after(async () => {
    chatClock.now = () => Date.now();
    await server.close();
    await drop();
    rmSync(attachmentsDir, { recursive: true, force: true });
  });

  const newKey = () => `chat-key-${String(++keyCounter)}-${String(Date.now())}`;
  /** A new signed-in citizen (so tests never share "the one open conversation"). */
  const citizen = async (firstName = 'Borger'): Promise<{ id: string; token: string }> => {
    const id = `citizen-chat-${String(++citizenCounter)}-${randomUUID().slice(0, 8)}`;
    await server.database.db.insertInto('users').values({ id, role: 'citizen', first_name: firstName, team_id: null, description: null }).execute();
    return { id, token: await server.token(id, 'citizen') };
  };
  const call = (token: string | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    server.app.inject({
      method,
      url,
      headers: { ...(token === null ? {} : bearer(token)), ...headers },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  const presence = async (token: string, value: 'available' | 'away', maxChats = 3) => {
    const response = await call(token, 'PUT', '/v1/chat/console/presence', { presence: value, maxChats });
    assert.equal(response.statusCode, 200, response.body);
    return response.json<ChatConsole>();
  };
  const create = (token: string | null, body: Record<string, unknown>, key: string | null = newKey()) =>
    call(token, 'POST', '/v1/chat/conversations', body, key === null ? {} : { 'idempotency-key': key });
  const startLive = async (token: string | null, topicId = 'job-og-cv', extra: Record<string, unknown> = {}): Promise<ConversationSession> => {
    const response = await create(token, { topicId, mode: 'live', ...(token === null ? { consent: true } : {}), ...extra });
    assert.equal(response.statusCode, 201, response.body);
    const session = response.json<ConversationSession>();
    assertSchema(ConversationSession, session);
    return session;
  };
  const send = (token: string, conversationId: string, text: string, id = randomUUID(), attachmentId?: string) =>
    call(token, 'POST', `/v1/chat/conversations/${conversationId}/messages`, { id, text, ...(attachmentId === undefined ? {} : { attachmentId }) });
  const claim = (token: string, conversationId: string) => call(token, 'POST', `/v1/chat/conversations/${conversationId}/claim`);
  const getConversation = async (token: string, conversationId: string, headers: Record<string, string> = {}) => {
    const response = await call(token, 'GET', `/v1/chat/conversations/${conversationId}`, undefined, headers);
    assert.equal(response.statusCode, 200, response.body);
    assertSchema(Conversation, response.json());
    return response.json<Conversation>();
  };
  const closeAll = async () => {
    await server.database.db.updateTable('chat_conversations').set({ state: 'closed', closed_at: new Date().toISOString(), queue_position: null }).where('state', 'in', ['queued', 'active']).execute();
  };
  const consoleEvents = async (caseworkerId: string) =>
    (await server.database.db.selectFrom('events').select('data').where('user_id', '=', caseworkerId).where('type', '=', 'chat.console-changed').orderBy('seq').execute())
      .map((row) => JSON.parse(row.data) as { conversationId: string | null });

  test('status: busy inside hours with nobody available, open when a caseworker is, closed outside hours with the next opening', async () => {
    await presence(mette, 'away');
    await presence(jonas, 'away');
    await presence(aisha, 'away');
    const response = await call(null, 'GET', '/v1/chat/status', undefined, { 'accept-language': 'en' });
    assert.equal(response.statusCode, 200, response.body);
    let status = response.json<ChatStatus>();
    assertSchema(ChatStatus, status);
    assert.equal(status.availability, 'busy');
    assert.equal(status.nextOpening, null);
    assert.deepEqual(status.topics.map((topic) => topic.id), ['ydelser', 'job-og-cv', 'unge', 'andet']);
    assert.equal(status.topics[1]?.label, 'Jobs, CV and applications');
    assert.deepEqual(status.attachments, { maxBytes: 5 * 1024 * 1024, types: ['application/pdf', 'image/png', 'image/jpeg'] });
    assert.equal(status.consentUrl, 'https://eksempelby.dk/jobcenter/chat-og-persondata');
    assert.equal(status.retentionDays, 30);
    status = (await call(null, 'GET', '/v1/chat/status')).json<ChatStatus>();
    assert.equal(status.topics[1]?.label, 'Job, CV og ansøgninger', 'Danish without Accept-Language');

    await presence(mette, 'available');
    assert.equal((await call(null, 'GET', '/v1/chat/status')).json<ChatStatus>().availability, 'open');

    server.config.chatAlwaysOpen = false;
    try {
      chatClock.now = () => localToInstant('2026-12-05', 10 * 60); // a Saturday
      status = (await call(null, 'GET', '/v1/chat/status')).json<ChatStatus>();
      assertSchema(ChatStatus, status);
      assert.equal(status.availability, 'closed');
      assert.equal(status.nextOpening, '2026-12-07T08:00:00+01:00');
      assertProblem(await create((await citizen()).token, { topicId: 'ydelser', mode: 'live' }), 409, 'chat-unavailable');
      chatClock.now = () => localToInstant('2026-12-07', 9 * 60);
      assert.equal((await call(null, 'GET', '/v1/chat/status')).json<ChatStatus>().availability, 'open');
    } finally {
      server.config.chatAlwaysOpen = true;
      chatClock.now = () => Date.now();
    }
  });

  test('create: a citizen gets one queued conversation (a second create answers it, 200); the same key replays; caseworkers may not', async () => {
    await presence(mette, 'available');
    const lars = await citizen('Lars');
    const key = newKey();
    const body = { topicId: 'job-og-cv', mode: 'live', message: { id: randomUUID(), text: 'Hej, jeg har et spørgsmål om mit CV.' } };
    const first = await create(lars.token, body, key);
    assert.equal(first.statusCode, 201, first.body);
    const session = first.json<ConversationSession>();
    assertSchema(ConversationSession, session);
    assert.equal(session.accessToken, null);
    assert.equal(session.conversation.state, 'queued');
    assert.equal(session.conversation.lastSeq, 1, 'the first message is seq 1');
    assert.ok((session.conversation.queuePosition ?? 0) >= 1);
    assert.equal(session.conversation.caseworker, null);

    const replay = await create(lars.token, body, key);
    assert.equal(replay.statusCode, 201);
    assert.equal(replay.headers['idempotent-replayed'], 'true');
    assert.deepEqual(replay.json(), session);

    const second = await create(lars.token, { topicId: 'ydelser', mode: 'live' });
    assert.equal(second.statusCode, 200, second.body);
    assert.equal(second.json<ConversationSession>().conversation.id, session.conversation.id);

    const current = await call(lars.token, 'GET', '/v1/chat/conversations/current');
    assert.equal(current.statusCode, 200, current.body);
    assert.equal(current.json<Conversation>().id, session.conversation.id);
    assertProblem(await call((await citizen()).token, 'GET', '/v1/chat/conversations/current'), 404, 'not-found');

    assertProblem(await create(mette, { topicId: 'job-og-cv', mode: 'live' }), 403, 'forbidden');
    assertProblem(await create(lars.token, { topicId: 'job-og-cv', mode: 'live' }, null), 400, 'idempotency-key-required');
    const unknownTopic = assertProblem(await create((await citizen()).token, { topicId: 'nope', mode: 'live' }), 400, 'invalid-request');
    assert.deepEqual((unknownTopic.errors as { pointer: string }[]).map((error) => error.pointer), ['/topicId']);
    assertProblem(await create((await citizen()).token, { topicId: 'job-og-cv', mode: 'live', extra: 1 }), 400, 'invalid-request');
  });

  test('create: anonymous chats need consent, answer an access token valid only for that conversation, and store only its hash', async () => {
    await presence(mette, 'available');
    const noConsent = assertProblem(await create(null, { topicId: 'andet', mode: 'live' }), 400, 'invalid-request');
    assert.deepEqual((noConsent.errors as { pointer: string }[]).map((error) => error.pointer), ['/consent']);
    assertProblem(await create(null, { topicId: 'andet', mode: 'live', consent: false }), 400, 'invalid-request');

    const key = newKey();
    const response = await create(null, { topicId: 'andet', mode: 'live', consent: true, firstName: 'Kim', language: 'en' }, key);
    assert.equal(response.statusCode, 201, response.body);
    const session = response.json<ConversationSession>();
    assertSchema(ConversationSession, session);
    const token = session.accessToken ?? '';
    assert.match(token, /^[A-Za-z0-9_-]{43}$/);
    const row = await server.database.db.selectFrom('chat_conversations').selectAll().where('id', '=', session.conversation.id).executeTakeFirstOrThrow();
    assert.notEqual(row.access_token_hash, token);
    assert.equal(row.citizen_id, null);
    assert.equal(row.citizen_name, 'Kim');
    assert.equal(row.language, 'en');
    const stored = await server.database.db.selectFrom('idempotency_keys').select('response_body').execute();
    assert.ok(stored.every((entry) => !(entry.response_body ?? '').includes(token)), 'the token is not in the idempotency record');

    assert.equal((await getConversation(token, session.conversation.id)).id, session.conversation.id);
    assert.equal((await send(token, session.conversation.id, 'Hello')).statusCode, 201);

    const other = await startLive(null, 'andet');
    assertProblem(await call(token, 'GET', `/v1/chat/conversations/${other.conversation.id}`), 404, 'not-found');
    assertProblem(await send(token, other.conversation.id, 'Sneaky'), 404, 'not-found');
    assertProblem(await call(token, 'GET', '/v1/chat/console'), 401, 'unauthenticated');
    assertProblem(await call('not-a-real-token-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'GET', `/v1/chat/conversations/${session.conversation.id}`), 401, 'token-invalid');

    // A replay cannot answer the old token (only its hash is stored): it answers a new one, and the old stops working.
    const replay = await create(null, { topicId: 'andet', mode: 'live', consent: true, firstName: 'Kim', language: 'en' }, key);
    assert.equal(replay.statusCode, 201);
    assert.equal(replay.headers['idempotent-replayed'], 'true');
    const renewed = replay.json<ConversationSession>();
    assert.equal(renewed.conversation.id, session.conversation.id);
    assert.notEqual(renewed.accessToken, token);
    assertProblem(await call(token, 'GET', `/v1/chat/conversations/${session.conversation.id}`), 401, 'token-invalid');
    assert.equal((await getConversation(renewed.accessToken ?? '', session.conversation.id)).id, session.conversation.id);
  });

  test('create: live is refused when busy; a left message is always accepted and needs the message', async () => {
    await closeAll();
    for (const token of [mette, jonas, aisha]) await presence(token, 'away');
    const sofie = await citizen('Sofie');
    assertProblem(await create(sofie.token, { topicId: 'unge', mode: 'live' }), 409, 'chat-unavailable');
    const missing = assertProblem(await create(sofie.token, { topicId: 'unge', mode: 'message' }), 400, 'invalid-request');
    assert.deepEqual((missing.errors as { pointer: string }[]).map((error) => error.pointer), ['/message']);
    const messageId = randomUUID();
    const left = await create(sofie.token, { topicId: 'unge', mode: 'message', message: { id: messageId, text: 'Kan I ringe til mig i morgen?' } });
    assert.equal(left.statusCode, 201, left.body);
    const conversation = left.json<ConversationSession>().conversation;
    assert.equal(conversation.state, 'left-message');
    assert.equal(conversation.queuePosition, null);
    const consoleView = (await call(aisha, 'GET', '/v1/chat/console')).json<ChatConsole>();
    assertSchema(ChatConsole, consoleView);
    const entry = consoleView.messages.find((item) => item.conversation.id === conversation.id);
    assert.ok(entry !== undefined, 'Team Unge sees the left message');
    assert.equal(entry.preview, 'Kan I ringe til mig i morgen?');
    assert.equal(entry.unread, 1);
    assert.deepEqual(entry.citizen, { firstName: 'Sofie', signedIn: true, language: 'da' });
    assert.ok((await consoleEvents('caseworker-3')).some((change) => change.conversationId === conversation.id));
    assert.equal((await call(mette, 'GET', '/v1/chat/console')).json<ChatConsole>().messages.some((item) => item.conversation.id === conversation.id), false, 'not Team Nord\'s');
    await presence(mette, 'available');
  });

  test('messages: the same id twice is one message (201, then 200); another text with that id is 409; concurrent retries make one row', async () => {
    await presence(mette, 'available');
    const lars = await citizen('Lars');
    const { conversation } = await startLive(lars.token);
    const id = randomUUID();
    const first = await send(lars.token, conversation.id, 'Hej', id);
    assert.equal(first.statusCode, 201, first.body);
    assertSchema(ChatMessage, first.json());
    const again = await send(lars.token, conversation.id, 'Hej', id);
    assert.equal(again.statusCode, 200);
    assert.deepEqual(again.json(), first.json());
    assertProblem(await send(lars.token, conversation.id, 'Hej igen', id), 409, 'message-id-reused');

    const raced = randomUUID();
    const answers = await Promise.all(Array.from({ length: 20 }, () => send(lars.token, conversation.id, 'Samtidig', raced)));
    assert.deepEqual([...new Set(answers.map((answer) => answer.statusCode))].sort(), [200, 201]);
    assert.equal(answers.filter((answer) => answer.statusCode === 201).length, 1);
    assert.equal(new Set(answers.map((answer) => answer.json<ChatMessage>().seq)).size, 1);
    const rows = await server.database.db.selectFrom('chat_items').select('seq').where('conversation_id', '=', conversation.id).where('client_id', '=', raced).execute();
    assert.equal(rows.length, 1);
    const seqs = (await server.database.db.selectFrom('chat_items').select('seq').where('conversation_id', '=', conversation.id).orderBy('seq').execute()).map((row) => row.seq);
    assert.deepEqual(seqs, seqs.map((_, index) => index + 1), 'sequence numbers have no gaps');

    assertProblem(await send(lars.token, conversation.id, ''), 400, 'invalid-request');
    assertProblem(await send(mette, conversation.id, 'Not claimed yet'), 403, 'forbidden');
    assertProblem(await call(lars.token, 'POST', `/v1/chat/conversations/${conversation.id}/messages`, { id: 'short', text: 'x' }), 400, 'invalid-request');
  });

  test('messages: at most 60 per minute per conversation and side (429 with Retry-After)', async () => {
    const lars = await citizen('Lars');
    const { conversation } = await startLive(lars.token);
    const answers = [];
    for (let index = 0; index < 61; index++) answers.push(await send(lars.token, conversation.id, `Besked ${String(index)}`));
    assert.equal(answers.filter((answer) => answer.statusCode === 201).length, 60);
    const limited = assertProblem(answers.at(-1) ?? (await send(lars.token, conversation.id, 'x')), 429, 'rate-limited');
    assert.ok(limited);
    assert.ok(Number(answers.at(-1)?.headers['retry-after']) >= 1);
  });

  test('stream: replays the conversation, resumes after Last-Event-ID without gaps or repeats, and resets an unknown id', async () => {
    await presence(mette, 'available');
    const lars = await citizen('Lars');
    const { conversation } = await startLive(lars.token, 'job-og-cv', { message: { id: randomUUID(), text: 'Første' } });
    const stream = await openChatStream(baseUrl, conversation.id, lars.token);
    assert.equal(stream.status, 200);
    assert.match(String(stream.headers.get('content-type')), /^text\/event-stream/);
    const firstEvent = await stream.nextEvent();
    assert.equal(firstEvent.event, 'chat.message');
    assert.equal(firstEvent.id, '1');
    assertSchema(ChatMessageEvent, JSON.parse(firstEvent.data ?? ''));
    assert.equal((await send(lars.token, conversation.id, 'Anden')).statusCode, 201);
    const second = await stream.nextEvent();
    assert.equal(second.id, '2');
    assert.equal(dataOf<ChatMessage>(second).text, 'Anden');
    stream.close();

    for (const text of ['Tredje', 'Fjerde', 'Femte']) assert.equal((await send(lars.token, conversation.id, text)).statusCode, 201);
    const resumed = await openChatStream(baseUrl, conversation.id, lars.token, '2');
    const replayed = await resumed.collect((message) => message.id === '5');
    assert.deepEqual(replayed.map((message) => message.id), ['3', '4', '5']);
    assert.deepEqual(replayed.map((message) => dataOf<ChatMessage>(message).text), ['Tredje', 'Fjerde', 'Femte']);
    assert.equal((await send(lars.token, conversation.id, 'Sjette')).statusCode, 201);
    assert.equal((await resumed.nextEvent()).id, '6');
    assert.equal(await resumed.quiet(300), undefined, 'nothing twice');
    resumed.close();

    for (const lastEventId of ['999', 'abc']) {
      const reset = await openChatStream(baseUrl, conversation.id, lars.token, lastEventId);
      const event = await reset.nextEvent();
      assert.equal(event.event, 'reset');
      assert.equal(event.id, '6');
      assert.equal(await reset.quiet(300), undefined);
      reset.close();
    }
    const other = await citizen('Other');
    const denied = await openChatStream(baseUrl, conversation.id, other.token);
    assert.equal(denied.status, 404);
    denied.close();
  });

  test('stream: many messages from both sides arrive in order, each once, with concurrent writers', async () => {
    await closeAll();
    await presence(mette, 'available', 10);
    const lars = await citizen('Lars');
    const { conversation } = await startLive(lars.token);
    assert.equal((await claim(mette, conversation.id)).statusCode, 200);
    const citizenStream = await openChatStream(baseUrl, conversation.id, lars.token);
    const staffStream = await openChatStream(baseUrl, conversation.id, mette);
    const writes = [];
    for (let index = 0; index < 25; index++) {
      writes.push(send(lars.token, conversation.id, `B${String(index)}`));
      writes.push(send(mette, conversation.id, `M${String(index)}`));
    }
    const answers = await Promise.all(writes);
    assert.ok(answers.every((answer) => answer.statusCode === 201), answers.map((answer) => answer.body).join('\n'));
    const last = String(Math.max(...answers.map((answer) => answer.json<ChatMessage>().seq)));
    for (const stream of [citizenStream, staffStream]) {
      const events = await stream.collect((message) => message.id === last, 10_000);
      const ids = events.filter((message) => message.id !== undefined).map((message) => Number(message.id));
      assert.deepEqual(ids, [...ids].sort((a, b) => a - b));
      assert.equal(new Set(ids).size, ids.length);
      const texts = events.filter((message) => message.event === 'chat.message').map((message) => dataOf<ChatMessage>(message).text);
      for (let index = 0; index < 25; index++) {
        assert.ok(texts.includes(`B${String(index)}`));
        assert.ok(texts.includes(`M${String(index)}`));
      }
      stream.close();
    }
  });

  test('notes are never shown to the citizen: not on the stream, not in lastSeq, not in the transcript; caseworkers see them', async () => {
    await closeAll();
    await presence(mette, 'available');
    const lars = await citizen('Lars');
    const { conversation } = await startLive(lars.token);
    assert.equal((await claim(mette, conversation.id)).statusCode, 200);
    const citizenStream = await openChatStream(baseUrl, conversation.id, lars.token);
    await citizenStream.collect((message) => message.event === 'chat.state');
    const noteId = randomUUID();
    const note = await call(mette, 'POST', `/v1/chat/conversations/${conversation.id}/notes`, { id: noteId, text: 'Intern: borgeren har en sag om sygedagpenge.' });
    assert.equal(note.statusCode, 201, note.body);
    assertSchema(ChatNote, note.json());
    const again = await call(mette, 'POST', `/v1/chat/conversations/${conversation.id}/notes`, { id: noteId, text: 'Intern: borgeren har en sag om sygedagpenge.' });
    assert.equal(again.statusCode, 200);
    assertProblem(await call(mette, 'POST', `/v1/chat/conversations/${conversation.id}/notes`, { id: noteId, text: 'Anden tekst' }), 409, 'message-id-reused');
    assertProblem(await call(lars.token, 'POST', `/v1/chat/conversations/${conversation.id}/notes`, { id: randomUUID(), text: 'x' }), 403, 'forbidden');
    const noteSeq = note.json<ChatNote>().seq;
    assert.equal((await getConversation(mette, conversation.id)).lastSeq, noteSeq);
    assert.equal((await getConversation(lars.token, conversation.id)).lastSeq, noteSeq - 1, 'the citizen\'s lastSeq leaves the note out');
    assert.equal((await send(lars.token, conversation.id, 'Efter noten')).statusCode, 201);
    const next = await citizenStream.nextEvent();
    assert.equal(next.event, 'chat.message');
    assert.equal(dataOf<ChatMessage>(next).text, 'Efter noten');
    citizenStream.close();

    const replay = await openChatStream(baseUrl, conversation.id, lars.token);
    const all = await replay.collect((message) => dataOf<ChatMessage>(message).text === 'Efter noten');
    assert.ok(all.every((message) => message.event !== 'chat.note' && message.id !== String(noteSeq)));
    replay.close();
    const staffReplay = await openChatStream(baseUrl, conversation.id, mette, String(noteSeq - 1));
    const noteEvent = await staffReplay.nextEvent();
    assert.equal(noteEvent.event, 'chat.note');
    staffReplay.close();
    const transcript = await call(lars.token, 'GET', `/v1/chat/conversations/${conversation.id}/transcript`);
    assert.equal(transcript.body.includes('Intern'), false);
  });

  test('claim: of two caseworkers claiming at once exactly one wins; the citizen is told who; the limit is kept', async () => {
    await closeAll();
    await presence(mette, 'available', 3);
    await presence(jonas, 'available', 3);
    const lars = await citizen('Lars');
    const { conversation } = await startLive(lars.token);
    const stream = await openChatStream(baseUrl, conversation.id, lars.token);
    const [a, b] = await Promise.all([claim(mette, conversation.id), claim(jonas, conversation.id)]);
    const statuses = [a.statusCode, b.statusCode].sort();
    assert.deepEqual(statuses, [200, 409], `${a.body} ${b.body}`);
    const loser = a.statusCode === 409 ? a : b;
    assertProblem(loser, 409, 'already-claimed');
    const winner = (a.statusCode === 200 ? a : b).json<Conversation>();
    assertSchema(Conversation, winner);
    assert.equal(winner.state, 'active');
    const winnerName = winner.caseworker?.firstName ?? '';
    assert.ok(['Mette', 'Jonas'].includes(winnerName));
    const events = await stream.collect((message) => message.event === 'chat.state');
    const system = events.find((message) => message.event === 'chat.message');
    assert.ok(system !== undefined);
    const line = dataOf<ChatMessage>(system);
    assert.equal(line.author, 'system');
    assert.equal(line.text, `${winnerName} fra Team Nord er klar til at hjælpe dig.`);
    const state = JSON.parse(events.at(-1)?.data ?? '') as ChatStateEvent;
    assertSchema(ChatStateEvent, state);
    assert.equal(state.data.state, 'active');
    assert.equal(state.data.caseworker?.firstName, winnerName);
    stream.close();
    assert.equal((await claim(winnerName === 'Mette' ? mette : jonas, conversation.id)).statusCode, 200, 'claiming one\'s own again is fine');

    // The limit: Jonas takes at most one.
    await closeAll();
    await presence(jonas, 'available', 1);
    const one = await startLive((await citizen()).token);
    const two = await startLive((await citizen()).token);
    assert.equal((await claim(jonas, one.conversation.id)).statusCode, 200);
    assertProblem(await claim(jonas, two.conversation.id), 409, 'chat-limit-reached');
    assertProblem(await claim(aisha, two.conversation.id), 404, 'not-found');
    assertProblem(await claim((await citizen()).token, two.conversation.id), 403, 'forbidden');
    await presence(jonas, 'available', 3);
  });

  test('queue: positions per team, oldest first, updated live when someone ahead leaves', async () => {
    await closeAll();
    await presence(mette, 'available');
    const sessions = [];
    for (let index = 0; index < 3; index++) sessions.push(await startLive((await citizen()).token, 'ydelser'));
    const citizens = sessions.map((session) => session.conversation);
    assert.deepEqual(citizens.map((conversation) => conversation.queuePosition), [1, 2, 3]);
    const young = await startLive((await citizen()).token, 'unge');
    assert.equal(young.conversation.queuePosition, 1, 'another team has its own queue');
    const status = (await call(null, 'GET', '/v1/chat/status')).json<ChatStatus>();
    assert.equal(status.queueLength, 4);

    const lastToken = (await server.database.db.selectFrom('chat_conversations').select('citizen_id').where('id', '=', citizens[2]?.id ?? '').executeTakeFirstOrThrow()).citizen_id ?? '';
    const lastStream = await openChatStream(baseUrl, citizens[2]?.id ?? '', await server.token(lastToken, 'citizen'));
    await lastStream.quiet(200);
    assert.equal((await claim(mette, citizens[0]?.id ?? '')).statusCode, 200);
    const moved = await lastStream.nextEvent();
    assert.equal(moved.event, 'chat.state');
    assert.equal(dataOf<Conversation>(moved).queuePosition, 2);
    lastStream.close();
    const consoleView = (await call(jonas, 'GET', '/v1/chat/console')).json<ChatConsole>();
    assert.deepEqual(consoleView.queue.map((item) => item.conversation.id), [citizens[1]?.id, citizens[2]?.id]);
    assert.deepEqual(consoleView.queue.map((item) => item.conversation.queuePosition), [1, 2]);
    assert.ok((await consoleEvents('caseworker-2')).some((change) => change.conversationId === citizens[0]?.id), 'Jonas is told the queue changed');
  });

  test('transfer: to a colleague (active with them) or to a team (first in line); the note stays internal', async () => {
    await closeAll();
    await presence(mette, 'available');
    await presence(jonas, 'available');
    await presence(aisha, 'available');
    const lars = await citizen('Lars');
    const { conversation } = await startLive(lars.token);
    assert.equal((await claim(mette, conversation.id)).statusCode, 200);
    assertProblem(await call(jonas, 'POST', `/v1/chat/conversations/${conversation.id}/transfer`, { to: { caseworkerId: 'caseworker-2' }, note: 'x' }), 404, 'not-found');
    const toJonas = await call(mette, 'POST', `/v1/chat/conversations/${conversation.id}/transfer`, { to: { caseworkerId: 'caseworker-2' }, note: 'Han spørger om dagpenge.' });
    assert.equal(toJonas.statusCode, 200, toJonas.body);
    assert.equal(toJonas.json<Conversation>().caseworker?.firstName, 'Jonas');
    assert.equal(toJonas.json<Conversation>().state, 'active');
    assert.ok((await consoleEvents('caseworker-2')).some((change) => change.conversationId === conversation.id));
    assert.equal((await getConversation(mette, conversation.id)).id, conversation.id, 'Mette (who had it) can still read it');
    assertProblem(await send(mette, conversation.id, 'Not mine anymore'), 403, 'forbidden');
    assert.equal((await send(jonas, conversation.id, 'Hej, det er Jonas.')).statusCode, 201);

    // Another conversation waits in Team Unge's queue; a transferred one goes before it.
    const waiting = await startLive((await citizen()).token, 'unge');
    assert.equal(waiting.conversation.queuePosition, 1);
    const toTeam = await call(jonas, 'POST', `/v1/chat/conversations/${conversation.id}/transfer`, { to: { teamId: 'team-unge' }, note: 'Han er 25: Team Unge.' });
    assert.equal(toTeam.statusCode, 200, toTeam.body);
    const queued = toTeam.json<Conversation>();
    assert.equal(queued.state, 'queued');
    assert.equal(queued.queuePosition, 1);
    assert.equal(queued.caseworker, null);
    assert.equal((await getConversation(aisha, waiting.conversation.id)).queuePosition, 2);
    const aishaConsole = (await call(aisha, 'GET', '/v1/chat/console')).json<ChatConsole>();
    assert.equal(aishaConsole.queue[0]?.conversation.id, conversation.id);

    const citizenReplay = await openChatStream(baseUrl, conversation.id, lars.token);
    const events = await citizenReplay.collect((message) => message.event === 'chat.state' && dataOf<Conversation>(message).state === 'queued');
    assert.ok(events.every((message) => message.event !== 'chat.note'));
    const texts = events.filter((message) => message.event === 'chat.message').map((message) => dataOf<ChatMessage>(message).text);
    assert.ok(texts.includes('Samtalen er givet videre til Jonas fra Team Nord.'));
    assert.ok(texts.includes('Samtalen er givet videre til Team Unge. Du er den næste i køen.'));
    assert.equal(texts.some((text) => text.includes('dagpenge')), false);
    citizenReplay.close();
    const notes = await server.database.db.selectFrom('chat_items').select('text').where('conversation_id', '=', conversation.id).where('kind', '=', 'note').orderBy('seq').execute();
    assert.deepEqual(notes.map((note) => note.text), ['Han spørger om dagpenge.', 'Han er 25: Team Unge.']);
    assertProblem(await call(aisha, 'POST', `/v1/chat/conversations/${conversation.id}/transfer`, { to: { teamId: 'nope' }, note: 'x' }), 403, 'forbidden');
    assert.equal((await claim(aisha, conversation.id)).statusCode, 200);
    assertProblem(await call(aisha, 'POST', `/v1/chat/conversations/${conversation.id}/transfer`, { to: { teamId: 'nope' }, note: 'x' }), 400, 'invalid-request');
  });

  test('close, rating and transcript: either side closes; the citizen rates after; the transcript has Danish times and no notes', async () => {
    await closeAll();
    await presence(mette, 'available');
    const lars = await citizen('Lars');
    const { conversation } = await startLive(lars.token, 'job-og-cv', { message: { id: randomUUID(), text: 'Hej\nTo linjer' } });
    assertProblem(await call(lars.token, 'PUT', `/v1/chat/conversations/${conversation.id}/rating`, { score: 5 }), 400, 'invalid-request');
    assert.equal((await claim(mette, conversation.id)).statusCode, 200);
    assert.equal((await send(mette, conversation.id, 'Hej Lars, hvad kan jeg hjælpe med?')).statusCode, 201);
    const closed = await call(lars.token, 'POST', `/v1/chat/conversations/${conversation.id}/close`);
    assert.equal(closed.statusCode, 200, closed.body);
    const document = closed.json<Conversation>();
    assertSchema(Conversation, document);
    assert.equal(document.state, 'closed');
    assert.ok(document.closedAt !== null);
    assert.equal((await call(lars.token, 'POST', `/v1/chat/conversations/${conversation.id}/close`)).statusCode, 200, 'closing twice is fine');
    assertProblem(await send(lars.token, conversation.id, 'Efter lukning'), 409, 'conversation-closed');
    assertProblem(await send(mette, conversation.id, 'Efter lukning'), 409, 'conversation-closed');
    assert.ok((await consoleEvents('caseworker-1')).some((change) => change.conversationId === conversation.id));
    const mine = (await call(mette, 'GET', '/v1/chat/console')).json<ChatConsole>().mine;
    assert.equal(mine.find((item) => item.conversation.id === conversation.id)?.conversation.state, 'closed', 'closed today: still in "mine"');

    assertProblem(await call(mette, 'PUT', `/v1/chat/conversations/${conversation.id}/rating`, { score: 5 }), 403, 'forbidden');
    const rated = await call(lars.token, 'PUT', `/v1/chat/conversations/${conversation.id}/rating`, { score: 4, comment: 'Hurtigt svar' });
    assert.equal(rated.statusCode, 200, rated.body);
    assert.equal(rated.json<Conversation>().rating, 4);
    assert.equal((await call(lars.token, 'PUT', `/v1/chat/conversations/${conversation.id}/rating`, { score: 5 })).json<Conversation>().rating, 5);
    assertProblem(await call(lars.token, 'PUT', `/v1/chat/conversations/${conversation.id}/rating`, { score: 6 }), 400, 'invalid-request');

    const transcript = await call(lars.token, 'GET', `/v1/chat/conversations/${conversation.id}/transcript`);
    assert.equal(transcript.statusCode, 200);
    assert.equal(transcript.headers['content-type'], 'text/plain; charset=utf-8');
    assert.match(String(transcript.headers['content-disposition']), /^attachment; filename="chat-\d{4}-\d{2}-\d{2}\.txt"$/);
    const text = transcript.body;
    assert.match(text, /^Chat med jobcentret\nEmne: Job, CV og ansøgninger\n/);
    assert.match(text, /\] Du: Hej\n {4}To linjer\n/);
    assert.match(text, /\] Mette \(Team Nord – jobparate\): Hej Lars, hvad kan jeg hjælpe med\?\n/);
    assert.match(text, /\] Jobcentret: Du har afsluttet samtalen\.\n/);
    const stamp = /\[(\d{2})\.(\d{2})\.(\d{4}) (\d{2}):(\d{2})\] Du: Hej/.exec(text);
    assert.ok(stamp !== null);
    const local = new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(conversation.createdAt));
    assert.equal(`${stamp[4]}.${stamp[5]}`, local.replace(':', '.'));
    assertProblem(await call((await citizen()).token, 'GET', `/v1/chat/conversations/${conversation.id}/transcript`), 404, 'not-found');

    // The caseworker closes: the line names them.
    const other = await startLive((await citizen()).token);
    assert.equal((await claim(mette, other.conversation.id)).statusCode, 200);
    assert.equal((await call(mette, 'POST', `/v1/chat/conversations/${other.conversation.id}/close`)).statusCode, 200);
    const line = await server.database.db.selectFrom('chat_items').select('text').where('conversation_id', '=', other.conversation.id).where('kind', '=', 'message').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    assert.equal(line.text, 'Mette har afsluttet samtalen.');
  });

  test('read marks and typing: read through is stored once and sent as chat.read; typing reaches only the other side, without an id', async () => {
    await closeAll();
    await presence(mette, 'available');
    const lars = await citizen('Lars');
    const { conversation } = await startLive(lars.token, 'job-og-cv', { message: { id: randomUUID(), text: 'Hej' } });
    assert.equal((await claim(mette, conversation.id)).statusCode, 200);
    const citizenStream = await openChatStream(baseUrl, conversation.id, lars.token);
    await citizenStream.collect((message) => message.event === 'chat.state');
    const read = await call(mette, 'POST', `/v1/chat/conversations/${conversation.id}/read`, { through: 1 });
    assert.equal(read.statusCode, 204);
    const event = await citizenStream.nextEvent();
    assert.equal(event.event, 'chat.read');
    assert.deepEqual(dataOf(event), { by: 'caseworker', through: 1 });
    assert.equal((await call(mette, 'POST', `/v1/chat/conversations/${conversation.id}/read`, { through: 1 })).statusCode, 204);
    assert.equal((await getConversation(lars.token, conversation.id)).readByStaffThrough, 1);

    const typing = await call(mette, 'POST', `/v1/chat/conversations/${conversation.id}/typing`);
    assert.equal(typing.statusCode, 204);
    const typed = await citizenStream.nextEvent();
    assert.equal(typed.event, 'chat.typing');
    assert.equal(typed.id, undefined);
    assert.deepEqual(dataOf(typed), { by: 'caseworker' });
    assert.equal((await call(lars.token, 'POST', `/v1/chat/conversations/${conversation.id}/typing`)).statusCode, 204);
    assert.equal(await citizenStream.quiet(300), undefined, 'the citizen does not see their own typing; the read mark came once');
    citizenStream.close();
    const stored = await server.database.db.selectFrom('chat_items').select('kind').where('conversation_id', '=', conversation.id).where('kind', '=', 'read').execute();
    assert.equal(stored.length, 1);
  });

  test('attachments: allowed files by their bytes, spoofed or other types 415, too large 413, downloads only for participants', async () => {
    await closeAll();
    await presence(mette, 'available');
    const lars = await citizen('Lars');
    const { conversation } = await startLive(lars.token);
    const upload = (token: string, body: Buffer, type: string, name = 'Mit CV – 2026.png', conversationId = conversation.id) =>
      server.app.inject({
        method: 'POST',
        url: `/v1/chat/conversations/${conversationId}/attachments`,
        headers: { ...bearer(token), 'content-type': type, 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}` },
        payload: body,
      });
    const uploaded = await upload(lars.token, PNG, 'image/png');
    assert.equal(uploaded.statusCode, 201, uploaded.body);
    const attachment = uploaded.json<ChatAttachment>();
    assertSchema(ChatAttachment, attachment);
    assert.deepEqual({ ...attachment, id: '' }, { id: '', name: 'Mit CV – 2026.png', type: 'image/png', size: PNG.length });
    assert.equal((await upload(lars.token, PDF, 'application/pdf', 'a.pdf')).statusCode, 201);
    assert.equal((await upload(lars.token, JPEG, 'image/jpeg', 'a.jpg')).statusCode, 201);

    assertProblem(await upload(lars.token, PDF, 'image/png'), 415, 'unsupported-media-type');
    assertProblem(await upload(lars.token, Buffer.from('<svg onload="alert(1)"/>'), 'image/png'), 415, 'unsupported-media-type');
    assertProblem(await upload(lars.token, Buffer.from('<svg/>'), 'image/svg+xml'), 415, 'unsupported-media-type');
    assertProblem(await upload(lars.token, Buffer.from('{}'), 'application/json'), 415, 'unsupported-media-type');
    const tooLarge = await upload(lars.token, Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]), 'image/png');
    assertProblem(tooLarge, 413, 'payload-too-large');
    assertProblem(await upload((await citizen()).token, PNG, 'image/png'), 404, 'not-found');
    assertProblem(await call(lars.token, 'GET', `/v1/chat/conversations/${conversation.id}/attachments`), 405, 'method-not-allowed');
    const noType = await server.app.inject({ method: 'POST', url: `/v1/chat/conversations/${conversation.id}/attachments`, headers: { ...bearer(lars.token), 'content-type': 'text/plain' }, payload: 'hej' });
    assert.match(String(assertProblem(noType, 415, 'unsupported-media-type').detail), /PDF, PNG or JPEG/);

    const message = await send(lars.token, conversation.id, '', randomUUID(), attachment.id);
    assert.equal(message.statusCode, 201, message.body);
    assert.deepEqual(message.json<ChatMessage>().attachment, attachment);
    assertProblem(await send(lars.token, conversation.id, 'x', randomUUID(), 'unknown-file'), 400, 'invalid-request');

    const url = `/v1/chat/conversations/${conversation.id}/attachments/${attachment.id}`;
    const download = await call(lars.token, 'GET', url);
    assert.equal(download.statusCode, 200);
    assert.equal(download.headers['content-type'], 'image/png');
    assert.equal(download.headers['x-content-type-options'], 'nosniff');
    assert.equal(download.headers['content-security-policy'], 'sandbox');
    assert.match(String(download.headers['content-disposition']), /^attachment; filename="Mit CV _ 2026.png"; filename\*=UTF-8''Mit%20CV%20%E2%80%93%202026\.png$/);
    assert.deepEqual(download.rawPayload, PNG);
    assertProblem(await call((await citizen()).token, 'GET', url), 404, 'not-found');
    assertProblem(await call(aisha, 'GET', url), 404, 'not-found');
    assert.equal((await claim(mette, conversation.id)).statusCode, 200);
    assert.equal((await call(mette, 'GET', url)).statusCode, 200, 'the caseworker who has the conversation can');
    assertProblem(await call(jonas, 'GET', url), 404, 'not-found');
    assert.ok(existsSync(join(attachmentsDir, conversation.id, attachment.id)));
  });

  test('authorisation: another citizen, another conversation\'s token and other teams get 404; no token 401', async () => {
    await presence(mette, 'available');
    const lars = await citizen('Lars');
    const amal = await citizen('Amal');
    const { conversation } = await startLive(lars.token);
    for (const [method, path] of [['GET', ''], ['GET', '/transcript'], ['POST', '/close'], ['POST', '/typing']] as const) {
      assertProblem(await call(amal.token, method, `/v1/chat/conversations/${conversation.id}${path}`), 404, 'not-found');
    }
    assertProblem(await call(amal.token, 'POST', `/v1/chat/conversations/${conversation.id}/read`, { through: 1 }), 404, 'not-found');
    assertProblem(await call(amal.token, 'PUT', `/v1/chat/conversations/${conversation.id}/rating`, { score: 1 }), 404, 'not-found');
    assertProblem(await call(aisha, 'GET', `/v1/chat/conversations/${conversation.id}`), 404, 'not-found');
    assert.equal((await getConversation(jonas, conversation.id)).id, conversation.id, 'Team Nord sees its queue');
    assertProblem(await call(null, 'GET', `/v1/chat/conversations/${conversation.id}`), 401, 'unauthenticated');
    assertProblem(await call(lars.token, 'GET', '/v1/chat/console'), 403, 'forbidden');
    assertProblem(await call(lars.token, 'GET', '/v1/chat/canned-replies'), 403, 'forbidden');
    assertProblem(await call(amal.token, 'GET', '/v1/chat/conversations/does-not-exist'), 404, 'not-found');
  });

  test('ETag: GET answers 304 for the current version and a new one after a change', async () => {
    const lars = await citizen('Lars');
    const { conversation } = await startLive(lars.token);
    const first = await call(lars.token, 'GET', `/v1/chat/conversations/${conversation.id}`);
    const etag = String(first.headers.etag);
    assert.match(etag, /^"\d+"$/);
    assert.equal((await call(lars.token, 'GET', `/v1/chat/conversations/${conversation.id}`, undefined, { 'if-none-match': etag })).statusCode, 304);
    assert.equal((await send(lars.token, conversation.id, 'Ny')).statusCode, 201);
    const changed = await call(lars.token, 'GET', `/v1/chat/conversations/${conversation.id}`, undefined, { 'if-none-match': etag });
    assert.equal(changed.statusCode, 200);
    assert.notEqual(changed.headers.etag, etag);
  });

  test('console and canned replies match the contract', async () => {
    const consoleView = await presence(mette, 'available', 4);
    assertSchema(ChatConsole, consoleView);
    assert.equal(consoleView.presence, 'available');
    assert.equal(consoleView.maxChats, 4);
    assert.deepEqual(consoleView.teams.map((team) => team.id).sort(), ['team-nord', 'team-unge']);
    assert.ok(consoleView.colleagues.some((colleague) => colleague.firstName === 'Jonas' && colleague.teamId === 'team-nord'));
    assert.equal(consoleView.colleagues.some((colleague) => colleague.id === 'caseworker-1'), false);
    assert.ok((await consoleEvents('caseworker-2')).some((change) => change.conversationId === null), 'colleagues hear of presence changes');
    assertProblem(await call(mette, 'PUT', '/v1/chat/console/presence', { presence: 'available', maxChats: 11 }), 400, 'invalid-request');
    const replies = await call(mette, 'GET', '/v1/chat/canned-replies');
    assert.equal(replies.statusCode, 200);
    assertSchema(CannedReplyList, replies.json());
    const items = replies.json<CannedReplyList>().items;
    assert.ok(items.filter((item) => item.language === 'da').length >= 6);
    assert.ok(items.filter((item) => item.language === 'en').length >= 6);
    await presence(mette, 'available', 3);
  });

  test('retention: ended conversations older than the retention are removed with their items and files; newer ones stay', async () => {
    await closeAll();
    await presence(mette, 'available');
    const start = Date.now() - 40 * 24 * 60 * 60 * 1000;
    chatClock.now = () => start;
    let old: string;
    let oldLeft: string;
    let kept: string;
    try {
      const lars = await citizen('Lars');
      old = (await startLive(lars.token)).conversation.id;
      const uploaded = await server.app.inject({
        method: 'POST', url: `/v1/chat/conversations/${old}/attachments`, headers: { ...bearer(lars.token), 'content-type': 'application/pdf' }, payload: PDF,
      });
      assert.equal(uploaded.statusCode, 201, uploaded.body);
      assert.equal((await call(lars.token, 'POST', `/v1/chat/conversations/${old}/close`)).statusCode, 200);
      oldLeft = (await create((await citizen()).token, { topicId: 'ydelser', mode: 'message', message: { id: randomUUID(), text: 'Gammel besked' } })).json<ConversationSession>().conversation.id;
      chatClock.now = () => start + 20 * 24 * 60 * 60 * 1000; // 20 days ago: within 30 days
      const sofie = await citizen('Sofie');
      kept = (await startLive(sofie.token)).conversation.id;
      assert.equal((await call(sofie.token, 'POST', `/v1/chat/conversations/${kept}/close`)).statusCode, 200);
    } finally {
      chatClock.now = () => Date.now();
    }
    const open = (await startLive((await citizen()).token)).conversation.id;
    assert.ok(existsSync(join(attachmentsDir, old)));
    const removed = await runMaintenance(server.database.db, server.config);
    assert.equal(removed.chatConversations, 2);
    const ids = (await server.database.db.selectFrom('chat_conversations').select('id').where('id', 'in', [old, oldLeft, kept, open]).execute()).map((row) => row.id).sort();
    assert.deepEqual(ids, [kept, open].sort());
    assert.equal((await server.database.db.selectFrom('chat_items').select('seq').where('conversation_id', 'in', [old, oldLeft]).execute()).length, 0);
    assert.equal((await server.database.db.selectFrom('chat_attachments').select('id').where('conversation_id', '=', old).execute()).length, 0);
    assert.equal(existsSync(join(attachmentsDir, old)), false);
    assert.ok(!readdirSync(attachmentsDir).includes(old));
  });

  test('logs carry no message text, names or file names', async () => {
    await presence(mette, 'available');
    const lars = await citizen('Hemmeligtnavn');
    const { conversation } = await startLive(lars.token, 'job-og-cv', { message: { id: randomUUID(), text: 'Min hemmelige besked' } });
    await send(lars.token, conversation.id, 'Endnu en hemmelig besked');
    await server.app.inject({
      method: 'POST', url: `/v1/chat/conversations/${conversation.id}/attachments`,
      headers: { ...bearer(lars.token), 'content-type': 'image/png', 'content-disposition': "attachment; filename*=UTF-8''hemmelig-fil.png" }, payload: PNG,
    });
    await create(null, { topicId: 'andet', mode: 'live', consent: true, firstName: 'Anonymnavn' });
    const logs = server.logs.join('\n');
    for (const secret of ['hemmelig', 'Hemmeligtnavn', 'Anonymnavn']) assert.equal(logs.includes(secret), false, secret);
  });
});

forEachDatabase('live chat across restarts and instances', (target) => {
  let drop: () => Promise<void>;
  let setting: Awaited<ReturnType<typeof target.create>>['setting'];
  let attachmentsDir: string;
  const env = () => ({ RATE_LIMIT: '100000', JU_CHAT_ALWAYS_OPEN: '1', JU_CHAT_ATTACHMENTS_DIR: attachmentsDir, SSE_KEEP_ALIVE_MS: '200', JU_CHAT_MESSAGES_PER_MINUTE: '100000' });
  before(async () => {
    const created = await target.create();
    drop = created.drop;
    setting = created.setting;
    attachmentsDir = mkdtempSync(join(tmpdir(), 'jobunivers-chat-files-'));
  });
  after(async () => {
    await drop();
    rmSync(attachmentsDir, { recursive: true, force: true });
  });

  const inject = (server: TestServer, token: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    server.app.inject({ method, url, headers: { ...bearer(token), ...headers }, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });

  test('a stream ends cleanly when the server stops, and resumes on the restarted server from Last-Event-ID', async () => {
    const first = await startServer(setting, { env: env() });
    const baseUrl = await first.listen();
    const lars = await first.token('citizen-1');
    const mette = await first.token('caseworker-1');
    assert.equal((await inject(first, mette, 'PUT', '/v1/chat/console/presence', { presence: 'available', maxChats: 3 })).statusCode, 200);
    const created = await inject(first, lars, 'POST', '/v1/chat/conversations', { topicId: 'job-og-cv', mode: 'live', message: { id: randomUUID(), text: 'Før genstart' } }, { 'idempotency-key': randomUUID() });
    assert.equal(created.statusCode, 201, created.body);
    const { id } = created.json<ConversationSession>().conversation;
    const stream = await openChatStream(baseUrl, id, lars);
    assert.equal((await stream.nextEvent()).id, '1');
    const closing = first.close();
    await assert.rejects(stream.nextEvent(3000), /stream ended/);
    await closing;

    const second = await startServer(setting, { env: env() });
    try {
      const secondUrl = await second.listen();
      assert.equal((await inject(second, lars, 'POST', `/v1/chat/conversations/${id}/messages`, { id: randomUUID(), text: 'Efter genstart' })).statusCode, 201);
      const resumed = await openChatStream(secondUrl, id, lars, '1');
      const event = await resumed.nextEvent();
      assert.equal(event.id, '2');
      assert.equal(dataOf<ChatMessage>(event).text, 'Efter genstart');
      resumed.close();
      assert.equal((await inject(second, lars, 'GET', '/v1/chat/conversations/current')).json<Conversation>().id, id);
      await inject(second, lars, 'POST', `/v1/chat/conversations/${id}/close`);
    } finally {
      await second.close();
    }
  });

  test('500 messages from both sides while the reader keeps reconnecting: each arrives once, in order, none missing', async () => {
    const server = await startServer(setting, { env: env() });
    try {
      const baseUrl = await server.listen();
      const olena = await server.token('citizen-3');
      const jonas = await server.token('caseworker-2');
      assert.equal((await inject(server, jonas, 'PUT', '/v1/chat/console/presence', { presence: 'available', maxChats: 10 })).statusCode, 200);
      const created = await inject(server, olena, 'POST', '/v1/chat/conversations', { topicId: 'ydelser', mode: 'live' }, { 'idempotency-key': randomUUID() });
      assert.equal(created.statusCode, 201, created.body);
      const { id } = created.json<ConversationSession>().conversation;
      assert.equal((await inject(server, jonas, 'POST', `/v1/chat/conversations/${id}/claim`)).statusCode, 200);

      const expected = new Set<string>();
      const writer = (async () => {
        for (let round = 0; round < 50; round++) {
          const batch = [];
          for (let index = 0; index < 5; index++) {
            const citizenText = `b-${String(round)}-${String(index)}`;
            const staffText = `m-${String(round)}-${String(index)}`;
            expected.add(citizenText);
            expected.add(staffText);
            batch.push(inject(server, olena, 'POST', `/v1/chat/conversations/${id}/messages`, { id: randomUUID(), text: citizenText }));
            batch.push(inject(server, jonas, 'POST', `/v1/chat/conversations/${id}/messages`, { id: randomUUID(), text: staffText }));
          }
          for (const response of await Promise.all(batch)) assert.equal(response.statusCode, 201, response.body);
        }
      })();

      const seen: string[] = [];
      let lastId: string | undefined;
      let lastSeq = 0;
      const progress = { writing: true };
      void writer.then(() => { progress.writing = false; }, () => { progress.writing = false; });
      const writing = () => progress.writing;
      const deadline = Date.now() + 60_000;
      while (writing() || seen.length < expected.size) {
        assert.ok(Date.now() < deadline, `only ${String(seen.length)} of ${String(expected.size)} messages arrived within a minute`);
        const stream = await openChatStream(baseUrl, id, olena, lastId);
        // Read a few events, then drop the connection (as a flaky mobile network would).
        for (let count = 0; count < 37; count++) {
          const message = await stream.quiet(writing() ? 300 : 1000);
          if (message === undefined) break;
          if (message.id === undefined) continue;
          const seq = Number(message.id);
          assert.equal(seq > lastSeq, true, `seq ${String(seq)} after ${String(lastSeq)}`);
          lastSeq = seq;
          lastId = message.id;
          if (message.event === 'chat.message') {
            const text = dataOf<ChatMessage>(message).text;
            if (/^[bm]-/.test(text)) seen.push(text);
          }
        }
        stream.close();
        if (!writing() && seen.length >= expected.size) break;
      }
      await writer;
      assert.equal(seen.length, 500);
      assert.deepEqual(new Set(seen), expected);
      const row = await server.database.db.selectFrom('chat_conversations').select('last_seq').where('id', '=', id).executeTakeFirstOrThrow();
      assert.equal(lastSeq <= row.last_seq, true);
      await inject(server, olena, 'POST', `/v1/chat/conversations/${id}/close`);
    } finally {
      await server.close();
    }
  });

  if (target.name === 'SQLite') {
    test('conversation fan-out between instances', { skip: 'needs PostgreSQL (SQLite serves one instance); set TEST_DATABASE_URL' }, () => undefined);
    return;
  }

  test('two instances on one database: streams hear the other instance\'s writes and typing; claims and message ids race safely', async () => {
    const a = await startServer(setting, { env: env(), migrate: false, seed: false });
    const b = await startServer(setting, { env: env(), migrate: false, seed: false });
    try {
      const baseUrlB = await b.listen();
      const amal = await a.token('citizen-2');
      const [mette, jonas] = await Promise.all([a.token('caseworker-1'), a.token('caseworker-2')]);
      for (const token of [mette, jonas]) assert.equal((await inject(a, token, 'PUT', '/v1/chat/console/presence', { presence: 'available', maxChats: 3 })).statusCode, 200);
      const created = await inject(a, amal, 'POST', '/v1/chat/conversations', { topicId: 'ydelser', mode: 'live' }, { 'idempotency-key': randomUUID() });
      assert.equal(created.statusCode, 201, created.body);
      const { id } = created.json<ConversationSession>().conversation;
      const stream = await openChatStream(baseUrlB, id, amal);
      await stream.quiet(200);

      const [claimA, claimB] = await Promise.all([inject(a, mette, 'POST', `/v1/chat/conversations/${id}/claim`), inject(b, jonas, 'POST', `/v1/chat/conversations/${id}/claim`)]);
      assert.deepEqual([claimA.statusCode, claimB.statusCode].sort(), [200, 409]);
      const winner = claimA.statusCode === 200 ? mette : jonas;
      const claimedEvents = await stream.collect((message) => message.event === 'chat.state');
      assert.equal(dataOf<Conversation>(claimedEvents.at(-1) ?? {}).state, 'active');

      const messageId = randomUUID();
      const sends = await Promise.all([a, b, a, b].map((server) => inject(server, winner, 'POST', `/v1/chat/conversations/${id}/messages`, { id: messageId, text: 'Én gang' })));
      assert.equal(sends.filter((response) => response.statusCode === 201).length, 1);
      assert.ok(sends.every((response) => response.statusCode === 201 || response.statusCode === 200));
      const message = await stream.nextEvent();
      assert.equal(dataOf<ChatMessage>(message).text, 'Én gang');

      assert.equal((await inject(a, winner, 'POST', `/v1/chat/conversations/${id}/typing`)).statusCode, 204);
      const typing = await stream.nextEvent();
      assert.equal(typing.event, 'chat.typing');
      assert.equal(typing.id, undefined);
      assert.equal(await stream.quiet(300), undefined);
      stream.close();
    } finally {
      await a.close();
      await b.close();
    }
  });
});
