/// <reference types="node" />
/* eslint-disable @typescript-eslint/no-confusing-void-expression -- the fake router answers with `return send(…)` / `return problem(…)`. */
/**
 * Live chat for the fake server: one team and one topic, conversations (anonymous with an access token, or a
 * citizen's), messages with client ids, notes, per-conversation streams with Last-Event-ID and reset, typing,
 * close, rating, transcript, attachments checked by content, the console, presence and claims — only what the
 * conformance rules exercise, correct unless a break says otherwise.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Break } from './fake-server.js';

type FieldError = { pointer: string; code: string };
interface ChatUser { id: string; role: 'citizen' | 'caseworker'; firstName: string }

export interface ChatDeps {
  breaks: ReadonlySet<Break>;
  send: (res: ServerResponse, status: number, body: unknown, headers?: Record<string, string>) => undefined;
  problem: (res: ServerResponse, status: number, code: string, extra?: Record<string, unknown>, headers?: Record<string, string>) => undefined;
  invalid: (res: ServerResponse, errors: FieldError[]) => undefined;
  readJson: (req: IncomingMessage, res: ServerResponse) => Promise<{ value: unknown } | undefined>;
  extra: (value: Record<string, unknown>, allowed: string[]) => FieldError[];
  isObject: (value: unknown) => value is Record<string, unknown>;
  idempotency: Map<string, { fingerprint: string; status: number; body: unknown }>;
  /** Verifies a JWT (answers 401 itself when it fails). */
  authenticate: (req: IncomingMessage, res: ServerResponse) => Promise<ChatUser | undefined>;
  caseworkers: () => ChatUser[];
  publish: (userId: string, type: string, data: unknown) => void;
  /** Whether the chat is within opening hours. */
  open: boolean;
}

type Principal = { kind: 'user'; user: ChatUser } | { kind: 'anonymous'; conversationId: string };
interface Item { seq: number; type: string; staffOnly: boolean; occurredAt: string; data: unknown }
interface Attachment { id: string; name: string; type: string; size: number; bytes: Buffer }
interface Conv {
  id: string;
  readByStaff: number;
  state: 'queued' | 'active' | 'closed' | 'left-message';
  citizenId: string | null;
  accessToken: string | null;
  firstName: string | null;
  caseworkerId: string | null;
  createdAt: string;
  closedAt: string | null;
  rating: number | null;
  seq: number;
  items: Item[];
  messages: Map<string, Item>;
  notes: Map<string, Item>;
  attachments: Map<string, Attachment>;
}
interface Subscriber { conversationId: string; staff: boolean; res: ServerResponse }

const TOPIC = { id: 'topic-job', label: 'Job og ledighed' };
const TEAM = { id: 'team-1', name: 'Team Nord' };
const MAX_BYTES = 5 * 1024 * 1024;
const TYPES = ['application/pdf', 'image/png', 'image/jpeg'];
const CLIENT_ID = /^[A-Za-z0-9_-]{8,64}$/;
const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The media type of a file found from its first bytes, or `undefined`. */
function sniff(bytes: Buffer): string | undefined {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return undefined;
}

export function fakeChat(deps: ChatDeps): { handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<undefined> } {
  const { breaks, send, problem, invalid, readJson, extra, isObject, idempotency } = deps;
  const conversations = new Map<string, Conv>();
  const subscribers = new Set<Subscriber>();
  const presence = new Map<string, { presence: 'available' | 'away'; maxChats: number }>();
  const presenceOf = (id: string): { presence: 'available' | 'away'; maxChats: number } => presence.get(id) ?? { presence: 'away', maxChats: 3 };
  const firstNameOf = (id: string | null): string => deps.caseworkers().find((user) => user.id === id)?.firstName ?? 'Ukendt';
  const activeOf = (caseworkerId: string): number => [...conversations.values()].filter((conv) => conv.caseworkerId === caseworkerId && conv.state === 'active').length;

  const availability = (): 'open' | 'busy' | 'closed' => {
    if (!deps.open) return 'closed';
    return deps.caseworkers().some((user) => presenceOf(user.id).presence === 'available') ? 'open' : 'busy';
  };
  const status = (): unknown => ({
    availability: availability(),
    queueLength: [...conversations.values()].filter((conv) => conv.state === 'queued').length,
    nextOpening: deps.open ? null : new Date(Date.now() + 12 * 3600_000).toISOString(),
    topics: [TOPIC],
    attachments: { maxBytes: MAX_BYTES, types: TYPES },
    consentUrl: 'https://eksempelby.dk/jobcenter/chat-og-data',
    retentionDays: 30,
  });

  const lastSeqFor = (conv: Conv, staff: boolean): number => conv.items.filter((item) => staff || !item.staffOnly).at(-1)?.seq ?? 0;
  const view = (conv: Conv, staff = false): Record<string, unknown> => {
    const queued = [...conversations.values()].filter((candidate) => candidate.state === 'queued');
    return {
      id: conv.id, state: conv.state, topic: TOPIC, createdAt: conv.createdAt, closedAt: conv.closedAt,
      queuePosition: conv.state === 'queued' ? queued.indexOf(conv) + 1 : null,
      caseworker: conv.caseworkerId === null ? null : { firstName: firstNameOf(conv.caseworkerId), team: TEAM.name },
      lastSeq: lastSeqFor(conv, staff), readByStaffThrough: conv.readByStaff, readByCitizenThrough: 0, rating: conv.rating,
    };
  };
  const etag = (conv: Conv): string => `"${String(conv.seq)}-${conv.state}-${String(conv.rating)}"`;
  const consoleRow = (conv: Conv): unknown => ({
    conversation: view(conv, true), citizen: { firstName: conv.firstName, signedIn: conv.citizenId !== null, language: 'da' }, teamId: TEAM.id,
    unread: 0, lastMessageAt: null, preview: '',
  });
  const consoleOf = (user: ChatUser): unknown => {
    const all = [...conversations.values()];
    return {
      ...presenceOf(user.id),
      queue: all.filter((conv) => conv.state === 'queued').map(consoleRow),
      mine: all.filter((conv) => conv.caseworkerId === user.id).map(consoleRow),
      messages: all.filter((conv) => conv.state === 'left-message').map(consoleRow),
      colleagues: deps.caseworkers().filter((other) => other.id !== user.id).map((other) => ({ id: other.id, firstName: other.firstName, teamId: TEAM.id, ...presenceOf(other.id), activeChats: activeOf(other.id) })),
      teams: [TEAM],
    };
  };
  const consoleChanged = (conversationId: string | null): void => {
    if (breaks.has('chat-no-console-changed')) return;
    for (const user of deps.caseworkers()) deps.publish(user.id, 'chat.console-changed', { conversationId });
  };

  const frame = (item: Item): string => `id: ${String(item.seq)}\nevent: ${item.type}\ndata: ${JSON.stringify({ id: item.seq, type: item.type, occurredAt: item.occurredAt, data: item.data })}\n\n`;
  const visible = (item: Item, staff: boolean): boolean => staff || !item.staffOnly || breaks.has('chat-note-leak');
  const append = (conv: Conv, type: string, data: unknown, staffOnly = false): Item => {
    const item: Item = { seq: ++conv.seq, type, staffOnly, occurredAt: new Date().toISOString(), data };
    conv.items.push(item);
    for (const subscriber of subscribers) {
      if (subscriber.conversationId === conv.id && visible(item, subscriber.staff)) subscriber.res.write(frame(item));
    }
    return item;
  };
  const stateChanged = (conv: Conv): void => { append(conv, 'chat.state', view(conv)); };
  const message = (conv: Conv, id: string, author: 'citizen' | 'caseworker', caseworkerId: string | null, text: string): Item => {
    const seq = conv.seq + 1;
    const item = append(conv, 'chat.message', {
      id, seq, author, caseworker: caseworkerId === null ? null : { firstName: firstNameOf(caseworkerId), team: TEAM.name }, text, attachment: null, sentAt: new Date().toISOString(),
    });
    conv.messages.set(id, item);
    return item;
  };

  async function principalOf(req: IncomingMessage, res: ServerResponse): Promise<Principal | undefined> {
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const conv = token === undefined ? undefined : [...conversations.values()].find((candidate) => candidate.accessToken === token);
    if (conv !== undefined) return { kind: 'anonymous', conversationId: conv.id };
    const user = await deps.authenticate(req, res);
    return user === undefined ? undefined : { kind: 'user', user };
  }
  /** The side the principal is on in this conversation, or `undefined` (→ 404). */
  const side = (principal: Principal, conv: Conv): 'citizen' | 'caseworker' | undefined => {
    if (principal.kind === 'anonymous') return principal.conversationId === conv.id || breaks.has('chat-token-reads-any') ? 'citizen' : undefined;
    if (principal.user.role === 'caseworker') return 'caseworker';
    return conv.citizenId === principal.user.id ? 'citizen' : undefined;
  };

  async function create(req: IncomingMessage, res: ServerResponse): Promise<undefined> {
    let principal: Principal | undefined;
    if (req.headers.authorization !== undefined) {
      principal = await principalOf(req, res);
      if (principal === undefined) return;
      if (principal.kind === 'anonymous' || principal.user.role !== 'citizen') return problem(res, 403, 'forbidden');
    }
    const citizen = principal?.kind === 'user' ? principal.user : undefined;
    const key = req.headers['idempotency-key'];
    if (typeof key !== 'string' || !/^[A-Za-z0-9_.:-]{1,255}$/.test(key)) return problem(res, 400, 'idempotency-key-required');
    const body = await readJson(req, res);
    if (body === undefined) return;
    const value = body.value;
    if (!isObject(value)) return invalid(res, [{ pointer: '', code: 'type' }]);
    const errors = extra(value, ['id', 'topicId', 'mode', 'consent', 'firstName', 'language', 'message']);
    if (value.topicId !== TOPIC.id) errors.push({ pointer: '/topicId', code: 'enum' });
    if (value.mode !== 'live' && value.mode !== 'message') errors.push({ pointer: '/mode', code: 'enum' });
    if (citizen === undefined && value.consent !== true) errors.push({ pointer: '/consent', code: 'const' });
    const first = value.message;
    if (first !== undefined && !(isObject(first) && typeof first.id === 'string' && CLIENT_ID.test(first.id) && typeof first.text === 'string' && first.text.length > 0)) {
      errors.push({ pointer: '/message', code: 'type' });
    }
    if (value.mode === 'message' && first === undefined) errors.push({ pointer: '/message', code: 'required' });
    if (errors.length > 0) return invalid(res, errors);
    const scope = `${citizen?.id ?? 'anonymous'}|${key}`;
    const fingerprint = `chat|${JSON.stringify(value)}`;
    const previous = idempotency.get(scope);
    if (previous !== undefined) {
      if (previous.fingerprint !== fingerprint) return problem(res, 422, 'idempotency-key-reused');
      return send(res, previous.status, previous.body, { 'idempotent-replayed': 'true' });
    }
    if (citizen !== undefined) {
      const open = [...conversations.values()].find((conv) => conv.citizenId === citizen.id && (conv.state === 'queued' || conv.state === 'active'));
      if (open !== undefined) return send(res, 200, { conversation: view(open), accessToken: null });
    }
    if (value.mode === 'live' && availability() !== 'open' && !breaks.has('chat-live-when-busy')) return problem(res, 409, 'chat-unavailable');
    const conv: Conv = {
      id: `conv-${randomUUID()}`, state: value.mode === 'live' ? 'queued' : 'left-message', citizenId: citizen?.id ?? null,
      accessToken: citizen === undefined ? randomBytes(24).toString('base64url') : null,
      firstName: citizen?.firstName ?? (typeof value.firstName === 'string' ? value.firstName : null), caseworkerId: null, createdAt: new Date().toISOString(),
      closedAt: null, rating: null, seq: 0, readByStaff: 0, items: [], messages: new Map(), notes: new Map(), attachments: new Map(),
    };
    conversations.set(conv.id, conv);
    if (isObject(first)) message(conv, first.id as string, 'citizen', null, first.text as string);
    const answer = { conversation: view(conv), accessToken: conv.accessToken };
    idempotency.set(scope, { fingerprint, status: 201, body: answer });
    consoleChanged(conv.id);
    return send(res, 201, answer);
  }

  function stream(req: IncomingMessage, res: ServerResponse, conv: Conv, staff: boolean): undefined {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
    res.write('retry: 3000\n\n');
    const header = req.headers['last-event-id'];
    const last = typeof header === 'string' && /^\d{1,18}$/.test(header) ? Number(header) : 0;
    const lastSeq = lastSeqFor(conv, staff);
    if (last > lastSeq) {
      if (!breaks.has('chat-no-reset')) {
        res.write(`id: ${String(lastSeq)}\nevent: reset\ndata: ${JSON.stringify({ id: lastSeq, type: 'reset', occurredAt: new Date().toISOString(), data: {} })}\n\n`);
      }
    } else {
      for (const item of conv.items) if (item.seq > last && visible(item, staff)) res.write(frame(item));
    }
    const subscriber: Subscriber = { conversationId: conv.id, staff, res };
    subscribers.add(subscriber);
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
    req.on('close', () => { clearInterval(keepAlive); subscribers.delete(subscriber); });
    return undefined;
  }

  async function postMessage(req: IncomingMessage, res: ServerResponse, conv: Conv, who: 'citizen' | 'caseworker', principal: Principal): Promise<undefined> {
    const body = await readJson(req, res);
    if (body === undefined) return;
    const value = body.value;
    if (!isObject(value)) return invalid(res, [{ pointer: '', code: 'type' }]);
    const errors = extra(value, ['id', 'text', 'attachmentId']);
    if (typeof value.id !== 'string' || !CLIENT_ID.test(value.id)) errors.push({ pointer: '/id', code: 'pattern' });
    if (typeof value.text !== 'string' || value.text.length > 4000 || (value.text === '' && value.attachmentId === undefined)) errors.push({ pointer: '/text', code: 'minLength' });
    if (errors.length > 0) return invalid(res, errors);
    const id = value.id as string;
    const text = value.text as string;
    const known = conv.messages.get(id);
    if (known !== undefined) {
      if ((known.data as { text: string }).text !== text) return problem(res, 409, 'message-id-reused');
      if (!breaks.has('chat-duplicate-on-retry')) return send(res, 200, known.data);
    }
    if (conv.state === 'closed') return problem(res, 409, 'conversation-closed');
    const assigned = principal.kind === 'user' && conv.state === 'active' && (conv.caseworkerId === principal.user.id || breaks.has('chat-former-can-write'));
    if (who === 'caseworker' && !assigned) return problem(res, 403, 'forbidden');
    const item = message(conv, id, who, who === 'caseworker' && principal.kind === 'user' ? principal.user.id : null, text);
    return send(res, 201, item.data);
  }

  async function claim(res: ServerResponse, conv: Conv, user: ChatUser): Promise<undefined> {
    if (breaks.has('chat-claim-race-double')) {
      // Reads the state, then claims later: concurrent claims both see `queued`.
      const before = conv.state;
      await pause(100);
      if (before !== 'queued') return problem(res, 409, 'already-claimed');
    } else if (conv.state !== 'queued') return problem(res, 409, 'already-claimed');
    if (activeOf(user.id) >= presenceOf(user.id).maxChats) return problem(res, 409, 'chat-limit-reached');
    conv.state = 'active';
    conv.caseworkerId = user.id;
    append(conv, 'chat.message', { id: `system-${randomUUID()}`, seq: conv.seq + 1, author: 'system', caseworker: null, text: `${user.firstName} har overtaget samtalen`, attachment: null, sentAt: new Date().toISOString() });
    stateChanged(conv);
    consoleChanged(conv.id);
    return send(res, 200, view(conv, true));
  }

  async function upload(req: IncomingMessage, res: ServerResponse, conv: Conv): Promise<undefined> {
    const claimed = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BYTES) return problem(res, 413, 'payload-too-large');
      chunks.push(chunk as Buffer);
    }
    const bytes = Buffer.concat(chunks);
    const found = breaks.has('chat-spoofed-type-accepted') ? claimed : sniff(bytes);
    if (found === undefined || !TYPES.includes(found) || found !== claimed) return problem(res, 415, 'unsupported-media-type');
    const encoded = /filename\*=UTF-8''([^;]+)/i.exec(req.headers['content-disposition'] ?? '')?.[1];
    const name = encoded === undefined ? 'fil' : decodeURIComponent(encoded);
    const attachment: Attachment = { id: `att-${randomUUID()}`, name, type: found, size: bytes.length, bytes };
    conv.attachments.set(attachment.id, attachment);
    return send(res, 201, { id: attachment.id, name, type: found, size: bytes.length });
  }

  async function handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<undefined> {
    const path = url.pathname;
    const method = req.method ?? 'GET';
    if (method === 'GET' && path === '/v1/chat/status') return send(res, 200, status());
    if (method === 'POST' && path === '/v1/chat/conversations') return create(req, res);
    const principal = await principalOf(req, res);
    if (principal === undefined) return;
    const user = principal.kind === 'user' ? principal.user : undefined;

    if (path === '/v1/chat/console' || path === '/v1/chat/console/presence' || path === '/v1/chat/canned-replies') {
      if (user?.role !== 'caseworker') return problem(res, 403, 'forbidden');
      if (method === 'GET' && path === '/v1/chat/console') return send(res, 200, consoleOf(user));
      if (method === 'GET' && path === '/v1/chat/canned-replies') return send(res, 200, { items: [{ id: 'cr-1', title: 'Velkommen', language: 'da', text: 'Hej, hvad kan jeg hjælpe med?' }] });
      if (method === 'PUT' && path === '/v1/chat/console/presence') {
        const body = await readJson(req, res);
        if (body === undefined) return;
        const value = body.value;
        if (!isObject(value)) return invalid(res, [{ pointer: '', code: 'type' }]);
        const errors = extra(value, ['presence', 'maxChats']);
        if (value.presence !== 'available' && value.presence !== 'away') errors.push({ pointer: '/presence', code: 'enum' });
        if (typeof value.maxChats !== 'number' || !Number.isInteger(value.maxChats) || value.maxChats < 1 || value.maxChats > 10) errors.push({ pointer: '/maxChats', code: 'maximum' });
        if (errors.length > 0) return invalid(res, errors);
        presence.set(user.id, { presence: value.presence as 'available' | 'away', maxChats: value.maxChats as number });
        consoleChanged(null);
        return send(res, 200, consoleOf(user));
      }
      return problem(res, 405, 'method-not-allowed');
    }
    if (method === 'GET' && path === '/v1/chat/conversations/current') {
      if (user?.role !== 'citizen') return problem(res, 403, 'forbidden');
      const open = [...conversations.values()].find((conv) => conv.citizenId === user.id && (conv.state === 'queued' || conv.state === 'active'));
      return open === undefined ? problem(res, 404, 'not-found') : send(res, 200, view(open), { etag: etag(open) });
    }
    const match = /^\/v1\/chat\/conversations\/([^/]+)(\/[a-z]+)?(?:\/([^/]+))?$/.exec(path);
    const conv = match === null ? undefined : conversations.get(decodeURIComponent(match[1]));
    const who = conv === undefined ? undefined : side(principal, conv);
    if (match === null || conv === undefined || who === undefined) return problem(res, 404, 'not-found');
    const suffix = match[2] as string | undefined; // the optional groups
    const attachmentId = match[3] as string | undefined;
    const action = `${method} ${suffix ?? ''}`;
    const staff = who === 'caseworker';
    switch (action) {
      case 'GET ':
        if (req.headers['if-none-match'] === etag(conv)) return void res.writeHead(304, { etag: etag(conv) }).end();
        return send(res, 200, view(conv, staff), { etag: etag(conv) });
      case 'GET /events':
        return stream(req, res, conv, staff);
      case 'POST /messages':
        return postMessage(req, res, conv, who, principal);
      case 'POST /typing':
        for (const subscriber of subscribers) {
          if (subscriber.conversationId === conv.id && subscriber.staff !== staff) {
            subscriber.res.write(`event: chat.typing\ndata: ${JSON.stringify({ type: 'chat.typing', occurredAt: new Date().toISOString(), data: { by: who } })}\n\n`);
          }
        }
        return void res.writeHead(204).end();
      case 'POST /close':
        if (conv.state !== 'closed') {
          conv.state = 'closed';
          conv.closedAt = new Date().toISOString();
          stateChanged(conv);
          consoleChanged(conv.id);
        }
        return send(res, 200, view(conv, staff));
      case 'PUT /rating': {
        if (staff) return problem(res, 403, 'forbidden');
        const body = await readJson(req, res);
        if (body === undefined) return;
        const score = isObject(body.value) ? body.value.score : undefined;
        if (typeof score !== 'number' || !Number.isInteger(score) || score < 1 || score > 5) return invalid(res, [{ pointer: '/score', code: 'maximum' }]);
        if (conv.state !== 'closed') return invalid(res, [{ pointer: '', code: 'conversation-open' }]);
        conv.rating = score;
        stateChanged(conv);
        return send(res, 200, view(conv));
      }
      case 'GET /transcript': {
        const lines = conv.items.filter((item) => item.type === 'chat.message').map((item) => {
          const data = item.data as { author: string; text: string; sentAt: string };
          return `[${data.sentAt}] ${data.author}: ${data.text}`;
        });
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'content-disposition': `attachment; filename="chat-${conv.id}.txt"` });
        return void res.end(`${lines.join('\n')}\n`);
      }
      case 'POST /attachments':
        if (attachmentId !== undefined) break;
        return upload(req, res, conv);
      case 'GET /attachments': {
        const attachment = attachmentId === undefined ? undefined : conv.attachments.get(decodeURIComponent(attachmentId));
        if (attachment === undefined) return problem(res, 404, 'not-found');
        const headers: Record<string, string> = breaks.has('chat-download-inline')
          ? { 'content-type': attachment.type, 'content-disposition': 'inline' }
          : { 'content-type': attachment.type, 'x-content-type-options': 'nosniff', 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(attachment.name)}` };
        res.writeHead(200, headers);
        return void res.end(attachment.bytes);
      }
      case 'POST /read': {
        const body = await readJson(req, res);
        if (body === undefined) return;
        const through = isObject(body.value) ? body.value.through : undefined;
        if (typeof through !== 'number' || !Number.isInteger(through) || through < 0) return invalid(res, [{ pointer: '/through', code: 'minimum' }]);
        const mark = Math.min(through, conv.seq);
        if (staff && conv.caseworkerId === user?.id && (mark > conv.readByStaff || breaks.has('chat-read-goes-back'))) {
          conv.readByStaff = mark;
          append(conv, 'chat.read', { by: 'caseworker', through: mark });
        }
        return void res.writeHead(204).end();
      }
      case 'POST /transfer': {
        if (!staff || user === undefined) return problem(res, 403, 'forbidden');
        if (conv.state === 'closed') return problem(res, 409, 'conversation-closed');
        if (conv.state !== 'active' || conv.caseworkerId !== user.id) return problem(res, 403, 'forbidden');
        const body = await readJson(req, res);
        if (body === undefined) return;
        const value = body.value;
        const to = isObject(value) ? value.to : undefined;
        const target = isObject(to) ? deps.caseworkers().find((other) => other.id === to.caseworkerId && other.id !== user.id) : undefined;
        if (!isObject(value) || typeof value.note !== 'string' || value.note.length < 1) return invalid(res, [{ pointer: '/note', code: 'minLength' }]);
        if (target === undefined) return invalid(res, [{ pointer: '/to/caseworkerId', code: 'enum' }]);
        append(conv, 'chat.note', { id: `note-${randomUUID()}`, seq: conv.seq + 1, author: { firstName: user.firstName, team: TEAM.name }, text: value.note, createdAt: new Date().toISOString() }, true);
        conv.caseworkerId = target.id;
        append(conv, 'chat.message', { id: `system-${randomUUID()}`, seq: conv.seq + 1, author: 'system', caseworker: null, text: `${target.firstName} har overtaget samtalen`, attachment: null, sentAt: new Date().toISOString() });
        stateChanged(conv);
        consoleChanged(conv.id);
        return send(res, 200, view(conv, true));
      }
      case 'POST /claim':
        if (!staff || user === undefined) return problem(res, 403, 'forbidden');
        return claim(res, conv, user);
      case 'POST /notes': {
        if (!staff || user === undefined) return problem(res, 403, 'forbidden');
        const body = await readJson(req, res);
        if (body === undefined) return;
        const value = body.value;
        if (!isObject(value) || typeof value.id !== 'string' || !CLIENT_ID.test(value.id) || typeof value.text !== 'string' || value.text.length < 1) {
          return invalid(res, [{ pointer: '/text', code: 'minLength' }]);
        }
        const known = conv.notes.get(value.id);
        if (known !== undefined) return send(res, 200, known.data);
        const item = append(conv, 'chat.note', { id: value.id, seq: conv.seq + 1, author: { firstName: user.firstName, team: TEAM.name }, text: value.text, createdAt: new Date().toISOString() }, true);
        conv.notes.set(value.id, item);
        return send(res, 201, item.data);
      }
      default:
        break;
    }
    return problem(res, 405, 'method-not-allowed');
  }

  return { handle };
}
