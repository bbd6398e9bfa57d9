/// <reference types="node" />
/**
 * Helpers for the live-chat rules (`chat`, `chat-console`): whether the server offers chat, whether it is open
 * (a caseworker made `available` first), live conversations whose topic reaches the caseworker's queue, a second
 * caseworker for the claim race, the conversation streams, and cleanup (every conversation the run opened is
 * closed again and the caseworkers' presence is put back, so running the suite twice works).
 */
import { randomUUID } from 'node:crypto';
import type { ChatConsole, ChatStatus, Conversation, ConversationSession } from '../schemas/index.js';
import { fail, skip, sleep, type Actor, type ChatSuiteState, type RuleContext, type SuiteState } from './context.js';
import { describe, expectJson, isRecord, send, tokenOf, type Res } from './http.js';
import { actor, newKey } from './notifications.js';
import { EventStream, type SseEvent } from './sse.js';
import { demoLogin, demoUsers, type DemoUser } from './tokens.js';

export const STATUS = '/v1/chat/status';
export const CONVERSATIONS = '/v1/chat/conversations';
export const CONSOLE = '/v1/chat/console';
export const PRESENCE = '/v1/chat/console/presence';

/** The presence the rules give a caseworker: available for up to this many chats (so leftovers never block a claim). */
const MAX_CHATS = 10;

export function chatState(suite: SuiteState): ChatSuiteState {
  suite.chat ??= { presence: new Map(), conversations: [] };
  return suite.chat;
}

export function conversationPath(id: string, suffix = ''): string {
  return `${CONVERSATIONS}/${encodeURIComponent(id)}${suffix}`;
}

/** A new client-generated message id. */
export function messageId(): string {
  return randomUUID();
}

// ---------------------------------------------------------------------------------------------------------
// Is chat on, and open?

/** Skips the rule when `/v1/config` says `widgets.liveChat` is false (asked once per run). */
export async function requireChat(ctx: RuleContext): Promise<void> {
  const state = chatState(ctx.suite);
  if (state.disabled === undefined) {
    ctx.step('GET /v1/config (is live chat on?)');
    const body = expectJson(await send(ctx, 'GET', '/v1/config'), 200);
    const widgets = isRecord(body) ? body.widgets : undefined;
    const on = isRecord(widgets) ? widgets.liveChat : undefined;
    state.disabled = on === false ? 'the server\'s GET /v1/config says widgets.liveChat is false' : false;
  }
  if (state.disabled !== false) skip(state.disabled);
}

export async function readStatus(ctx: RuleContext): Promise<ChatStatus> {
  ctx.step(`GET ${STATUS}`);
  return expectJson(await send(ctx, 'GET', STATUS), 200, 'ChatStatus') as ChatStatus;
}

export async function readConsole(ctx: RuleContext, caseworker: Actor): Promise<ChatConsole> {
  ctx.step(`GET ${CONSOLE} as ${caseworker.id}`);
  return expectJson(await send(ctx, 'GET', CONSOLE, { as: caseworker }), 200, 'ChatConsole') as ChatConsole;
}

export function putPresence(ctx: RuleContext, caseworker: Actor, presence: string, maxChats: number): Promise<Res> {
  ctx.step(`PUT ${PRESENCE} as ${caseworker.id} (${presence}, ${String(maxChats)} chats)`);
  return send(ctx, 'PUT', PRESENCE, { as: caseworker, json: { presence, maxChats } });
}

/** Makes the caseworker `available` (remembering the presence they had, which cleanup puts back). */
export async function makeAvailable(ctx: RuleContext, caseworker: Actor): Promise<ChatConsole> {
  const state = chatState(ctx.suite);
  if (!state.presence.has(caseworker.id)) {
    const before = await readConsole(ctx, caseworker);
    state.presence.set(caseworker.id, { actor: caseworker, presence: before.presence, maxChats: before.maxChats });
  }
  const after = expectJson(await putPresence(ctx, caseworker, 'available', MAX_CHATS), 200, 'ChatConsole') as ChatConsole;
  if (after.presence !== 'available') fail(`PUT ${PRESENCE} {presence: available} answered presence ${after.presence}`);
  return after;
}

/**
 * For rules that need a live conversation: chat is on, the caseworker is `available`, and `GET /v1/chat/status`
 * says `open`. Outside opening hours (or when the server says `busy`) the rule is skipped with the reason.
 */
export async function requireLive(ctx: RuleContext): Promise<{ caseworker: Actor; status: ChatStatus }> {
  await requireChat(ctx);
  const caseworker = actor(ctx.suite, 'caseworker');
  await makeAvailable(ctx, caseworker);
  const status = await readStatus(ctx);
  if (status.availability === 'closed') {
    skip(`GET ${STATUS} says the chat is closed (outside opening hours${status.nextOpening === null ? '' : `; it opens ${status.nextOpening}`}): rules that need a live chat cannot run now`);
  }
  if (status.availability === 'busy') {
    skip(`GET ${STATUS} says busy although ${caseworker.id} was just made available (queue ${String(status.queueLength)}): rules that need a live chat cannot run now`);
  }
  return { caseworker, status };
}

// ---------------------------------------------------------------------------------------------------------
// Conversations

export interface CreateOptions {
  /** A citizen (or caseworker) token; none: an anonymous chat. */
  as?: Actor;
  /** The Idempotency-Key (default a new one; `null`: none). */
  key?: string | null;
}

/** `POST /v1/chat/conversations`; remembers a created conversation (and a token that can close it). */
export async function postConversation(ctx: RuleContext, body: unknown, options: CreateOptions = {}): Promise<Res> {
  const key = options.key === undefined ? newKey(ctx.suite) : options.key;
  ctx.step(`POST ${CONVERSATIONS} as ${options.as?.id ?? 'an anonymous citizen'}${key === null ? ' without Idempotency-Key' : ''}`);
  const res = await send(ctx, 'POST', CONVERSATIONS, { ...(options.as === undefined ? {} : { as: options.as }), json: body, headers: key === null ? {} : { 'Idempotency-Key': key } });
  const session = res.body;
  const conversation = isRecord(session) ? session.conversation : undefined;
  if ((res.status === 200 || res.status === 201) && isRecord(session) && isRecord(conversation) && typeof conversation.id === 'string') {
    const id = conversation.id;
    const token = typeof session.accessToken === 'string' ? session.accessToken : tokenOf(options.as);
    const list = chatState(ctx.suite).conversations;
    const known = list.find((item) => item.id === id);
    // A replayed anonymous create may carry a fresh accessToken (the earlier one may then stop working).
    if (known !== undefined) known.token = token ?? known.token;
    else if (token !== undefined) list.push({ id, token });
  }
  return res;
}

/** A body for an anonymous `mode: message` conversation (always accepted, open or not). */
export function leftMessageBody(ctx: RuleContext, topicId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    topicId, mode: 'message', consent: true, firstName: 'Conformance', language: 'da',
    message: { id: messageId(), text: `Conformance ${ctx.suite.runId}: a left message. It can be ignored.` },
    ...extra,
  };
}

/** Creates a conversation and checks the answer (201 ConversationSession). */
export async function createConversation(ctx: RuleContext, body: unknown, options: CreateOptions = {}, status = 201): Promise<ConversationSession> {
  return expectJson(await postConversation(ctx, body, options), status, 'ConversationSession') as ConversationSession;
}

export async function firstTopic(ctx: RuleContext): Promise<string> {
  const status = await readStatus(ctx);
  const topic = status.topics.at(0);
  if (topic === undefined) fail(`GET ${STATUS} lists no topic`);
  return topic.id;
}

export async function readConversation(ctx: RuleContext, token: Actor | string, id: string): Promise<Conversation> {
  ctx.step(`GET ${conversationPath(id)}`);
  return expectJson(await send(ctx, 'GET', conversationPath(id), { as: token }), 200, 'Conversation') as Conversation;
}

export function closeConversation(ctx: RuleContext, token: Actor | string, id: string): Promise<Res> {
  ctx.step(`POST ${conversationPath(id, '/close')}`);
  return send(ctx, 'POST', conversationPath(id, '/close'), { as: token, headers: { 'Idempotency-Key': newKey(ctx.suite) } });
}

/** Closes the citizen's queued or active conversation, if any (a citizen has at most one). */
export async function closeCurrent(ctx: RuleContext, citizen: Actor): Promise<void> {
  ctx.step(`GET ${CONVERSATIONS}/current as ${citizen.id}`);
  const res = await send(ctx, 'GET', `${CONVERSATIONS}/current`, { as: citizen });
  if (res.status !== 200 || !isRecord(res.body) || typeof res.body.id !== 'string') return;
  if (res.body.state !== 'queued' && res.body.state !== 'active') return;
  const closed = await closeConversation(ctx, citizen, res.body.id);
  if (closed.status !== 200) fail(`could not close ${citizen.id}'s open conversation ${res.body.id} before the rule: ${describe(closed)}`);
}

export interface LiveConversation {
  conversation: Conversation;
  /** The token that acts as the citizen in this conversation (the accessToken of an anonymous chat). */
  token: string;
  caseworker: Actor;
}

async function inQueue(ctx: RuleContext, caseworker: Actor, id: string): Promise<boolean> {
  const view = await readConsole(ctx, caseworker);
  return view.queue.some((item) => item.conversation.id === id);
}

/**
 * A new `queued` live conversation (anonymous unless `as` is given) on a topic whose conversations reach the
 * caseworker's queue. Skips the rule when the chat is not open or no topic reaches the caseworker.
 */
export async function liveConversation(ctx: RuleContext, as?: Actor): Promise<LiveConversation> {
  const { caseworker, status } = await requireLive(ctx);
  const state = chatState(ctx.suite);
  if (state.topic !== undefined && 'reason' in state.topic) skip(state.topic.reason);
  const candidates = state.topic === undefined ? status.topics.map((topic) => topic.id) : [state.topic.id];
  if (as !== undefined) await closeCurrent(ctx, as);
  for (const topicId of candidates) {
    const body = as === undefined ? { topicId, mode: 'live', consent: true, firstName: 'Conformance', language: 'da' } : { topicId, mode: 'live' };
    const session = await createConversation(ctx, body, as === undefined ? {} : { as });
    const { conversation } = session;
    if (conversation.state !== 'queued') fail(`POST ${CONVERSATIONS} {mode: live} while the chat is open answered state ${conversation.state}, expected queued`);
    const token = session.accessToken ?? tokenOf(as);
    if (token === undefined) fail(`POST ${CONVERSATIONS} without a citizen token answered accessToken null`);
    if (await inQueue(ctx, caseworker, conversation.id)) {
      state.topic = { id: topicId };
      return { conversation, token, caseworker };
    }
    expectJson(await closeConversation(ctx, token, conversation.id), 200, 'Conversation');
  }
  state.topic = { reason: `no topic's live conversations reach ${caseworker.id}'s queue (GET ${CONSOLE} → queue); tried ${candidates.join(', ')}` };
  skip(state.topic.reason);
}

export function claim(ctx: RuleContext, caseworker: Actor, id: string): Promise<Res> {
  return send(ctx, 'POST', conversationPath(id, '/claim'), { as: caseworker, headers: { 'Idempotency-Key': newKey(ctx.suite) } });
}

/** A live conversation the caseworker has claimed (`active`). */
export async function activeConversation(ctx: RuleContext, as?: Actor): Promise<LiveConversation> {
  const live = await liveConversation(ctx, as);
  ctx.step(`POST ${conversationPath(live.conversation.id, '/claim')} as ${live.caseworker.id}`);
  const conversation = expectJson(await claim(ctx, live.caseworker, live.conversation.id), 200, 'Conversation') as Conversation;
  if (conversation.state !== 'active') fail(`the claim answered state ${conversation.state}, expected active`);
  const known = chatState(ctx.suite).conversations.find((item) => item.id === conversation.id);
  if (known !== undefined) known.caseworker = live.caseworker;
  return { ...live, conversation };
}

export function postMessage(ctx: RuleContext, token: Actor | string, id: string, body: unknown): Promise<Res> {
  ctx.step(`POST ${conversationPath(id, '/messages')}`);
  return send(ctx, 'POST', conversationPath(id, '/messages'), { as: token, json: body });
}

export async function openChatStream(ctx: RuleContext, token: Actor | string, id: string, lastEventId?: string): Promise<EventStream> {
  const path = conversationPath(id, '/events');
  ctx.step(`GET ${path}${lastEventId === undefined ? '' : ` with Last-Event-ID: ${lastEventId}`}`);
  const stream = await EventStream.open(ctx, token, { path, ...(lastEventId === undefined ? {} : { lastEventId }) });
  if (!stream.isEventStream) fail(`expected 200 text/event-stream, got ${stream.describe()}`);
  return stream;
}

/** The event is `type` about the item with client id `id` (a message or a note). */
export function eventWith(type: string, id: string): (event: SseEvent) => boolean {
  return (event) => event.event === type && isRecord(event.json) && isRecord(event.json.data) && event.json.data.id === id;
}

/** How long a rule waits for an event it expects. */
export function eventWait(ctx: RuleContext): number {
  return Math.max(2000, ctx.timeoutMs / 3);
}

// ---------------------------------------------------------------------------------------------------------
// A second caseworker (for the claim race)

/**
 * Another caseworker whose queue shows the conversation (with `--demo`: the other demo caseworkers), made
 * available. Skips the rule when there is none.
 */
export async function colleague(ctx: RuleContext, conversationId: string): Promise<Actor> {
  const state = chatState(ctx.suite);
  if (state.colleague === undefined) state.colleague = await findColleague(ctx, conversationId);
  if ('reason' in state.colleague) skip(state.colleague.reason);
  await makeAvailable(ctx, state.colleague.actor);
  return state.colleague.actor;
}

async function findColleague(ctx: RuleContext, conversationId: string): Promise<{ actor: Actor } | { reason: string }> {
  const { suite } = ctx;
  const caseworker = actor(suite, 'caseworker');
  if (!suite.options.demo) return { reason: `needs a second caseworker who is offered the same chat queue; the run has one caseworker (use --demo)` };
  const users = await demoUsers(ctx).catch((): DemoUser[] => []);
  const tried: string[] = [];
  for (const user of users) {
    if (user.role !== 'caseworker' || user.id === caseworker.id) continue;
    tried.push(user.id);
    const candidate = await demoLogin(ctx, user);
    const res = await send(ctx, 'GET', CONSOLE, { as: candidate });
    if (res.status !== 200 || !isRecord(res.body) || !Array.isArray(res.body.queue)) continue;
    if (res.body.queue.some((item) => isRecord(item) && isRecord(item.conversation) && item.conversation.id === conversationId)) return { actor: candidate };
  }
  return { reason: `needs a second caseworker who is offered the same chat queue; ${tried.length === 0 ? 'GET /v1/demo/users lists no other caseworker' : `the queue of ${tried.join(', ')} does not show the conversation`}` };
}

// ---------------------------------------------------------------------------------------------------------
// Cleanup

/** Closes the conversations (and left messages) the run left open and puts the caseworkers' presence back (best effort). */
export async function cleanupChat(suite: SuiteState, signal: AbortSignal, label = 'chat'): Promise<void> {
  const state = suite.chat;
  if (state === undefined) return;
  const ctx: RuleContext = { suite, signal, timeoutMs: suite.options.timeoutMs, step: () => undefined, note: () => undefined, pause: (ms) => sleep(ms, signal) };
  let closed = 0;
  let firstProblem: string | undefined;
  const made = state.conversations.length;
  for (const item of state.conversations) {
    try {
      const res = await send(ctx, 'GET', conversationPath(item.id), { as: item.token });
      // Left messages too: they would wait on the job centre's console as work to do.
      if (res.status !== 200 || !isRecord(res.body) || res.body.state === 'closed') continue;
      let close = await closeConversation(ctx, item.token, item.id);
      if (close.status !== 200 && item.caseworker !== undefined) close = await closeConversation(ctx, item.caseworker, item.id);
      if (close.status === 200) closed++;
      else firstProblem ??= describe(close);
    } catch (error) {
      firstProblem ??= error instanceof Error ? error.message : String(error);
      break;
    }
  }
  let restored = 0;
  for (const [id, before] of state.presence) {
    try {
      const res = await send(ctx, 'PUT', PRESENCE, { as: before.actor, json: { presence: before.presence, maxChats: before.maxChats } });
      if (res.status === 200) restored++;
      else firstProblem ??= `putting back ${id}'s presence: ${describe(res)}`;
    } catch (error) {
      firstProblem ??= error instanceof Error ? error.message : String(error);
    }
  }
  if (made > 0 || state.presence.size > 0) {
    const parts = [`opened ${String(made)} conversation${made === 1 ? '' : 's'}`];
    if (closed > 0) parts.push(`closed ${String(closed)} a rule left open`);
    if (state.presence.size > 0) parts.push(`put back the presence of ${String(restored)} of ${String(state.presence.size)} caseworker${state.presence.size === 1 ? '' : 's'}`);
    suite.cleanupNotes.push(`${label}: ${parts.join('; ')}${firstProblem === undefined ? '' : ` (first problem: ${firstProblem})`}`);
  }
  state.conversations = [];
  state.presence.clear();
}
