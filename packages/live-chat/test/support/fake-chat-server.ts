// An in-browser stand-in for the chat part of the contract, for component tests and stories: it answers `fetch`
// like the reference server (JSON, problem+json, idempotency keys, the conversation stream as streaming SSE with
// `id:` lines and `Last-Event-ID`) and records every request. The console's tests extend it: subclass it, or add
// endpoints with `route()`, and use the protected helpers (`conversationOf`, `append`, `readerOf`).
import type {
  ChatAttachment, ChatMessage, ChatNote, ChatStaff, ChatStatus, Conversation, ConversationSession, OpeningHours,
} from '@jobunivers/contract';

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  headers: Headers;
}

/** Who is asking: the citizen of a conversation (signed in or with its access token) or a caseworker. */
export interface Reader {
  role: 'citizen' | 'caseworker';
  /** The bearer token. */
  token: string;
}

export interface FakeRequest extends RecordedRequest {
  /** Named parts of the route pattern (`/v1/chat/conversations/:id` → `params.id`). */
  params: Record<string, string>;
  reader: Reader | undefined;
  /** The raw body (a Blob or FormData for uploads). */
  raw: BodyInit | null | undefined;
  signal: AbortSignal | undefined;
}

/** What a handler answers: a status and a JSON body (a `{ code }` body for 4xx/5xx), a Blob, or a whole Response. */
export type FakeAnswer = { status: number; body?: unknown } | Response;
export type FakeHandler = (request: FakeRequest) => FakeAnswer | Promise<FakeAnswer>;

type Failure = { status: number; code: string } | 'network' | 'never';

/** One stored stream event (typing is never stored). */
export interface StoredEvent {
  seq: number;
  type: 'chat.message' | 'chat.note' | 'chat.state' | 'chat.read';
  occurredAt: string;
  data: unknown;
}

export interface FakeConversation {
  conversation: Conversation;
  /** The anonymous access token, or null for a signed-in citizen's conversation. */
  accessToken: string | null;
  /** The signed-in citizen's token, when there was one. */
  citizenToken: string | null;
  firstName: string | null;
  language: string;
  events: StoredEvent[];
  messages: ChatMessage[];
  notes: ChatNote[];
  rating: { score: number; comment?: string } | null;
}

interface OpenStream {
  conversationId: string;
  reader: Reader;
  controller: ReadableStreamDefaultController<Uint8Array>;
}

export interface FakeChatServerOptions {
  availability?: ChatStatus['availability'];
  queueLength?: number;
  /** Answer every request after this many ms (default 0). */
  latencyMs?: number;
  /** Tokens that belong to caseworkers (default: tokens starting with `caseworker`). */
  isCaseworkerToken?: (token: string) => boolean;
}

export const CHAT_TOPICS = [
  { id: 'topic-job', label: 'Jobsøgning' },
  { id: 'topic-benefits', label: 'Dagpenge og kontanthjælp' },
  { id: 'topic-meeting', label: 'Mine møder' },
];

export const METTE: ChatStaff = { firstName: 'Mette', team: 'Team Jobsøgning' };

export const OPENING_HOURS: OpeningHours = {
  timeZone: 'Europe/Copenhagen',
  weekly: [1, 2, 3, 4].map((weekday) => ({ weekday, opens: '09:00', closes: '15:00' })).concat([{ weekday: 5, opens: '09:00', closes: '13:00' }]),
  exceptions: [],
};

const encoder = new TextEncoder();

export class FakeChatServer {
  readonly requests: RecordedRequest[] = [];
  readonly conversations = new Map<string, FakeConversation>();
  /** Uploaded files by attachment id. */
  readonly files = new Map<string, { attachment: ChatAttachment; conversationId: string; blob: Blob }>();
  /** Failures by "METHOD /path" (path without query, or `METHOD *`); each is used once unless `sticky`. */
  readonly failures = new Map<string, { failure: Failure; sticky: boolean }>();
  readonly status: ChatStatus;
  openingHours: OpeningHours = OPENING_HOURS;
  latencyMs: number;
  readonly #routes: { method: string; pattern: RegExp; names: string[]; handler: FakeHandler }[] = [];
  readonly #replies = new Map<string, { status: number; body: unknown }>();
  readonly #streams = new Set<OpenStream>();
  readonly #isCaseworkerToken: (token: string) => boolean;
  #counter = 0;

  constructor(options: FakeChatServerOptions = {}) {
    this.latencyMs = options.latencyMs ?? 0;
    this.#isCaseworkerToken = options.isCaseworkerToken ?? ((token) => token.startsWith('caseworker'));
    this.status = {
      availability: options.availability ?? 'open',
      queueLength: options.queueLength ?? 0,
      nextOpening: null,
      topics: CHAT_TOPICS,
      attachments: { maxBytes: 5 * 1024 * 1024, types: ['application/pdf', 'image/jpeg', 'image/png'] },
      consentUrl: 'https://eksempelby.dk/jobcenter/chat-og-dine-data',
      retentionDays: 30,
    };
    this.#citizenRoutes();
  }

  /** Adds (or overrides: later routes win) an endpoint. `pathPattern` may hold `:name` parts. */
  route(method: string, pathPattern: string, handler: FakeHandler): void {
    const names: string[] = [];
    const source = pathPattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:(\w+)/g, (_match, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    this.#routes.unshift({ method, pattern: new RegExp(`^${source}$`), names, handler });
  }

  fail(route: string, failure: Failure, sticky = false): void {
    this.failures.set(route, { failure, sticky });
  }

  /** Replaces `window.fetch`; returns the function that puts the real one back (and closes open streams). */
  install(): () => void {
    const original = window.fetch.bind(window);
    window.fetch = (input, init) => this.fetch(input, init);
    return () => {
      window.fetch = original;
      this.dropStreams();
    };
  }

  readonly fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const request = input instanceof Request ? input : undefined;
    const url = new URL(request ? request.url : input instanceof URL ? input.href : (input as string));
    const method = (init.method ?? request?.method ?? 'GET').toUpperCase();
    const path = url.pathname.replace(/^.*?\/v1\//, '/v1/');
    const headers = new Headers(init.headers ?? request?.headers);
    const raw = init.body;
    let body: unknown;
    if (typeof raw === 'string') {
      try {
        body = JSON.parse(raw) as unknown;
      } catch {
        return problem(400, 'malformed-json');
      }
    }
    this.requests.push({ method, path, query: url.searchParams, body, headers });
    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
    const signal = init.signal ?? undefined;
    if (signal?.aborted) throw new DOMException('The operation was aborted.', 'AbortError');
    const route = `${method} ${path}`;
    const failure = this.failures.get(route) ?? this.failures.get(`${method} *`);
    if (failure !== undefined) {
      if (!failure.sticky) this.failures.delete(this.failures.has(route) ? route : `${method} *`);
      if (failure.failure === 'network') throw new TypeError('Failed to fetch');
      if (failure.failure === 'never') return new Promise<Response>(() => undefined);
      return problem(failure.failure.status, failure.failure.code);
    }
    const token = /^Bearer (.+)$/.exec(headers.get('Authorization') ?? '')?.[1];
    const reader: Reader | undefined = token === undefined ? undefined : { role: this.#isCaseworkerToken(token) ? 'caseworker' : 'citizen', token };
    for (const candidate of this.#routes) {
      if (candidate.method !== method) continue;
      const match = candidate.pattern.exec(path);
      if (match === null) continue;
      const params = Object.fromEntries(candidate.names.map((name, index) => [name, decodeURIComponent(match[index + 1])]));
      const key = headers.get('Idempotency-Key');
      const replayKey = key === null ? undefined : `${token ?? ''} ${route} ${key}`;
      const replay = replayKey === undefined ? undefined : this.#replies.get(replayKey);
      if (replay !== undefined) return json(replay.status, replay.body);
      const answer = await candidate.handler({ method, path, query: url.searchParams, body, headers, params, reader, raw, signal });
      if (answer instanceof Response) return answer;
      if (replayKey !== undefined && answer.status < 500) this.#replies.set(replayKey, { status: answer.status, body: answer.body });
      if (answer.body instanceof Blob) return new Response(answer.body, { status: answer.status, headers: { 'Content-Type': answer.body.type } });
      return answer.status >= 400 ? problem(answer.status, (answer.body as { code?: string } | undefined)?.code ?? 'invalid-request') : json(answer.status, answer.body);
    }
    return problem(404, 'not-found');
  };

  // ---- Helpers for tests and stories (the caseworker's side, without a console) ------------------------------

  /** Creates a conversation directly, as if the citizen had started it earlier. */
  seedConversation(options: { state?: Conversation['state']; accessToken?: string | null; citizenToken?: string | null; topicId?: string; firstName?: string | null; queuePosition?: number } = {}): FakeConversation {
    const state = options.state ?? 'queued';
    const topic = CHAT_TOPICS.find((candidate) => candidate.id === options.topicId) ?? CHAT_TOPICS[0];
    const citizenToken = options.citizenToken ?? null;
    const entry: FakeConversation = {
      conversation: {
        id: `conversation-${String(++this.#counter)}`, state, topic, createdAt: new Date().toISOString(),
        closedAt: state === 'closed' ? new Date().toISOString() : null,
        queuePosition: state === 'queued' ? (options.queuePosition ?? this.status.queueLength + 1) : null,
        caseworker: state === 'active' || state === 'closed' ? METTE : null,
        lastSeq: 0, readByStaffThrough: 0, readByCitizenThrough: 0, rating: null,
      },
      accessToken: options.accessToken !== undefined ? options.accessToken : citizenToken === null ? `access-${String(this.#counter)}-${'x'.repeat(32)}` : null,
      citizenToken,
      firstName: options.firstName ?? null,
      language: 'da',
      events: [], messages: [], notes: [], rating: null,
    };
    this.conversations.set(entry.conversation.id, entry);
    this.append(entry, 'chat.state', entry.conversation);
    return entry;
  }

  /** A caseworker claims the conversation (a system line and a state change). */
  claim(conversationId: string, staff: ChatStaff = METTE): void {
    const entry = this.#entry(conversationId);
    Object.assign(entry.conversation, { state: 'active', queuePosition: null, caseworker: staff });
    this.systemSays(conversationId, `${staff.firstName} fra ${staff.team} er klar til at hjælpe dig.`);
    this.append(entry, 'chat.state', entry.conversation);
  }

  /** Moves the conversation in the queue. */
  setQueuePosition(conversationId: string, position: number): void {
    const entry = this.#entry(conversationId);
    entry.conversation.queuePosition = position;
    this.append(entry, 'chat.state', entry.conversation);
  }

  /** A message from the caseworker. */
  caseworkerSays(conversationId: string, text: string, attachment: ChatAttachment | null = null): ChatMessage {
    const entry = this.#entry(conversationId);
    return this.addMessage(entry, { id: `cw-${String(++this.#counter)}-message`, author: 'caseworker', caseworker: entry.conversation.caseworker ?? METTE, text, attachment });
  }

  systemSays(conversationId: string, text: string): ChatMessage {
    return this.addMessage(this.#entry(conversationId), { id: `system-${String(++this.#counter)}`, author: 'system', caseworker: null, text, attachment: null });
  }

  /** An internal note (sent to caseworker streams only). */
  noteFrom(conversationId: string, text: string, author: ChatStaff = METTE): ChatNote {
    const entry = this.#entry(conversationId);
    const note: ChatNote = { id: `note-${String(++this.#counter)}`, seq: 0, author, text, createdAt: new Date().toISOString() };
    note.seq = this.append(entry, 'chat.note', note).seq;
    entry.notes.push(note);
    return note;
  }

  /** The caseworker read everything the citizen wrote. */
  caseworkerReads(conversationId: string): void {
    const entry = this.#entry(conversationId);
    entry.conversation.readByStaffThrough = entry.conversation.lastSeq;
    this.append(entry, 'chat.read', { by: 'caseworker', through: entry.conversation.lastSeq });
  }

  /** The caseworker is typing (ephemeral: no id, not stored). */
  caseworkerTyping(conversationId: string): void {
    this.#send(conversationId, 'chat.typing', undefined, { type: 'chat.typing', occurredAt: new Date().toISOString(), data: { by: 'caseworker' } }, (reader) => reader.role === 'citizen');
  }

  close(conversationId: string): void {
    const entry = this.#entry(conversationId);
    if (entry.conversation.state === 'closed') return;
    Object.assign(entry.conversation, { state: 'closed', closedAt: new Date().toISOString(), queuePosition: null });
    this.append(entry, 'chat.state', entry.conversation);
  }

  /** Cuts open streams (all, or one conversation's), as a flaky network would. */
  dropStreams(conversationId?: string): void {
    for (const stream of [...this.#streams]) {
      if (conversationId !== undefined && stream.conversationId !== conversationId) continue;
      this.#streams.delete(stream);
      try {
        stream.controller.error(new TypeError('network error'));
      } catch {
        // already closed by the reader
      }
    }
  }

  openStreams(conversationId?: string): number {
    return [...this.#streams].filter((stream) => conversationId === undefined || stream.conversationId === conversationId).length;
  }

  // ---- For subclasses ----------------------------------------------------------------------------------------

  protected conversationOf(id: string): FakeConversation | undefined {
    return this.conversations.get(id);
  }

  /** May `reader` use this conversation? Citizens by its access token or their own token; caseworkers always. */
  protected mayRead(entry: FakeConversation, reader: Reader | undefined): boolean {
    if (reader === undefined) return false;
    if (reader.role === 'caseworker') return true;
    return reader.token === entry.accessToken || (entry.citizenToken !== null && reader.token === entry.citizenToken);
  }

  /** Stores an event with the next sequence number and sends it to the streams that may see it. */
  append(entry: FakeConversation, type: StoredEvent['type'], data: unknown): StoredEvent {
    const seq = (entry.events.at(-1)?.seq ?? 0) + 1;
    const stored: StoredEvent = { seq, type, occurredAt: new Date().toISOString(), data };
    entry.events.push(stored);
    if (type !== 'chat.note') entry.conversation.lastSeq = seq;
    if (type === 'chat.state') stored.data = structuredClone({ ...entry.conversation });
    this.#send(entry.conversation.id, type, seq, { id: seq, type, occurredAt: stored.occurredAt, data: stored.data }, (reader) => type !== 'chat.note' || reader.role === 'caseworker');
    return stored;
  }

  addMessage(entry: FakeConversation, message: Omit<ChatMessage, 'seq' | 'sentAt'>): ChatMessage {
    const stored: ChatMessage = { ...message, seq: 0, sentAt: new Date().toISOString() };
    stored.seq = (entry.events.at(-1)?.seq ?? 0) + 1;
    entry.messages.push(stored);
    this.append(entry, 'chat.message', stored);
    return stored;
  }

  /** The conversation as `reader` sees it (citizens never count notes in `lastSeq`). */
  protected view(entry: FakeConversation, reader?: Reader): Conversation {
    const lastSeq = reader?.role === 'caseworker' ? (entry.events.at(-1)?.seq ?? 0) : entry.conversation.lastSeq;
    return { ...structuredClone(entry.conversation), lastSeq };
  }

  // ---- The citizen's endpoints -------------------------------------------------------------------------------

  #citizenRoutes(): void {
    this.route('GET', '/v1/config', () => ({
      status: 200,
      body: {
        municipality: { name: 'Jobcenter Eksempelby', phone: '+4570000000', email: 'jobcenter@eksempelby.dk', website: 'https://eksempelby.dk', address: 'Torvet 1, 9999 Eksempelby' },
        openingHours: this.openingHours, languages: ['da', 'en', 'ar'], defaultLanguage: 'da',
        widgets: { selfBooking: true, liveChat: true, videoLibrary: false, cvBuilder: false, joblog: false },
      },
    }));
    this.route('GET', '/v1/chat/status', () => ({ status: 200, body: structuredClone(this.status) }));
    this.route('POST', '/v1/chat/conversations', (request) => this.#create(request));
    this.route('GET', '/v1/chat/conversations/:id', (request) => this.#withConversation(request, (entry) => ({ status: 200, body: this.view(entry, request.reader) })));
    // After `:id`, so it is tried first (later routes win).
    this.route('GET', '/v1/chat/conversations/current', ({ reader }) => {
      if (reader === undefined) return problemOf(401, 'unauthenticated');
      const entry = [...this.conversations.values()].reverse().find((candidate) => candidate.citizenToken === reader.token && (candidate.conversation.state === 'queued' || candidate.conversation.state === 'active'));
      return entry === undefined ? problemOf(404, 'not-found') : { status: 200, body: this.view(entry) };
    });
    this.route('GET', '/v1/chat/conversations/:id/events', (request) => this.#withConversation(request, (entry) => this.#stream(entry, request)));
    this.route('POST', '/v1/chat/conversations/:id/messages', (request) => this.#withConversation(request, (entry) => this.#postMessage(entry, request)));
    this.route('POST', '/v1/chat/conversations/:id/read', (request) => this.#withConversation(request, (entry) => {
      const through = Number((request.body as { through?: unknown } | undefined)?.through);
      if (!Number.isInteger(through) || through < 0) return problemOf(400, 'invalid-request');
      const by = request.reader?.role ?? 'citizen';
      const field = by === 'citizen' ? 'readByCitizenThrough' : 'readByStaffThrough';
      const capped = Math.min(through, entry.conversation.lastSeq);
      if (capped > entry.conversation[field]) {
        entry.conversation[field] = capped;
        this.append(entry, 'chat.read', { by, through: capped });
      }
      return { status: 204 };
    }));
    this.route('POST', '/v1/chat/conversations/:id/typing', (request) => this.#withConversation(request, (entry) => {
      const by = request.reader?.role ?? 'citizen';
      this.#send(entry.conversation.id, 'chat.typing', undefined, { type: 'chat.typing', occurredAt: new Date().toISOString(), data: { by } }, (reader) => reader.role !== by);
      return { status: 204 };
    }));
    this.route('POST', '/v1/chat/conversations/:id/close', (request) => this.#withConversation(request, (entry) => {
      this.close(entry.conversation.id);
      return { status: 200, body: this.view(entry, request.reader) };
    }));
    this.route('PUT', '/v1/chat/conversations/:id/rating', (request) => this.#withConversation(request, (entry) => {
      const body = request.body as { score?: unknown; comment?: unknown } | undefined;
      const score = Number(body?.score);
      if (!Number.isInteger(score) || score < 1 || score > 5) return problemOf(400, 'invalid-request');
      if (entry.conversation.state !== 'closed') return problemOf(400, 'invalid-request');
      entry.rating = { score, ...(typeof body?.comment === 'string' ? { comment: body.comment } : {}) };
      entry.conversation.rating = score;
      this.append(entry, 'chat.state', entry.conversation);
      return { status: 200, body: this.view(entry) };
    }));
    this.route('GET', '/v1/chat/conversations/:id/transcript', (request) => this.#withConversation(request, (entry) => {
      const lines = entry.messages.map((message) => `[${message.sentAt}] ${message.author === 'caseworker' ? (message.caseworker?.firstName ?? '') : message.author === 'citizen' ? 'Dig' : 'Jobcentret'}: ${message.text}`);
      return { status: 200, body: new Blob([`Samtale ${entry.conversation.id} – ${entry.conversation.topic.label}\n\n${lines.join('\n')}\n`], { type: 'text/plain' }) };
    }));
    this.route('POST', '/v1/chat/conversations/:id/attachments', (request) => this.#withConversation(request, (entry) => this.#upload(entry, request)));
    this.route('GET', '/v1/chat/conversations/:id/attachments/:attachmentId', (request) => this.#withConversation(request, (entry) => {
      const file = this.files.get(request.params['attachmentId'] ?? '');
      if (file === undefined || file.conversationId !== entry.conversation.id) return problemOf(404, 'not-found');
      return { status: 200, body: file.blob };
    }));
  }

  #withConversation(request: FakeRequest, then: (entry: FakeConversation) => FakeAnswer | Promise<FakeAnswer>): FakeAnswer | Promise<FakeAnswer> {
    if (request.reader === undefined) return problemOf(401, 'unauthenticated');
    const entry = this.conversations.get(request.params['id'] ?? '');
    if (entry === undefined || !this.mayRead(entry, request.reader)) return problemOf(404, 'not-found');
    return then(entry);
  }

  #create(request: FakeRequest): FakeAnswer {
    if (request.headers.get('Idempotency-Key') === null) return problemOf(400, 'idempotency-key-required');
    const body = (request.body ?? {}) as { topicId?: string; mode?: string; consent?: boolean; firstName?: string; language?: string; message?: { id: string; text: string } };
    const topic = CHAT_TOPICS.find((candidate) => candidate.id === body.topicId);
    if (topic === undefined || (body.mode !== 'live' && body.mode !== 'message')) return problemOf(400, 'invalid-request');
    const citizenToken = request.reader?.role === 'citizen' ? request.reader.token : null;
    if (citizenToken === null && body.consent !== true) return problemOf(400, 'invalid-request');
    if (body.mode === 'message' && body.message === undefined) return problemOf(400, 'invalid-request');
    if (body.mode === 'live' && this.status.availability !== 'open') return problemOf(409, 'chat-unavailable');
    if (citizenToken !== null && body.mode === 'live') {
      const existing = [...this.conversations.values()].find((candidate) => candidate.citizenToken === citizenToken && (candidate.conversation.state === 'queued' || candidate.conversation.state === 'active'));
      if (existing !== undefined) return { status: 200, body: this.#session(existing) };
    }
    const entry = this.seedConversation({ state: body.mode === 'message' ? 'left-message' : 'queued', citizenToken, topicId: topic.id, firstName: body.firstName ?? null });
    entry.language = body.language ?? 'da';
    if (body.mode === 'live') this.status.queueLength += 1;
    if (body.message !== undefined) this.addMessage(entry, { id: body.message.id, author: 'citizen', caseworker: null, text: body.message.text, attachment: null });
    return { status: 201, body: this.#session(entry) };
  }

  #session(entry: FakeConversation): ConversationSession {
    return { conversation: this.view(entry), accessToken: entry.accessToken };
  }

  #postMessage(entry: FakeConversation, request: FakeRequest): FakeAnswer {
    const body = (request.body ?? {}) as { id?: unknown; text?: unknown; attachmentId?: unknown };
    if (typeof body.id !== 'string' || !/^[A-Za-z0-9_-]{8,64}$/.test(body.id) || typeof body.text !== 'string' || body.text.length > 4000) return problemOf(400, 'invalid-request');
    const author = request.reader?.role === 'caseworker' ? 'caseworker' : 'citizen';
    const existing = entry.messages.find((message) => message.id === body.id);
    if (existing !== undefined) return existing.text === body.text ? { status: 200, body: existing } : problemOf(409, 'message-id-reused');
    if (entry.conversation.state === 'closed') return problemOf(409, 'conversation-closed');
    const file = typeof body.attachmentId === 'string' ? this.files.get(body.attachmentId) : undefined;
    if (typeof body.attachmentId === 'string' && file?.conversationId !== entry.conversation.id) return problemOf(400, 'invalid-request');
    if (body.text === '' && file === undefined) return problemOf(400, 'invalid-request');
    const message = this.addMessage(entry, { id: body.id, author, caseworker: author === 'caseworker' ? (entry.conversation.caseworker ?? METTE) : null, text: body.text, attachment: file?.attachment ?? null });
    return { status: 201, body: message };
  }

  async #upload(entry: FakeConversation, request: FakeRequest): Promise<FakeAnswer> {
    const raw = request.raw;
    let blob: Blob | undefined;
    const disposition = /filename\*=UTF-8''([^;]+)/i.exec(request.headers.get('Content-Disposition') ?? '')?.[1];
    let name = disposition === undefined ? 'fil' : decodeURIComponent(disposition);
    if (raw instanceof Blob) {
      blob = raw;
      if (disposition === undefined && raw instanceof File) name = raw.name;
    }
    if (entry.conversation.state === 'closed') return problemOf(409, 'conversation-closed');
    if (blob === undefined || blob.size === 0) return problemOf(400, 'invalid-request');
    if (blob.size > this.status.attachments.maxBytes) return problemOf(413, 'payload-too-large');
    const type = request.headers.get('Content-Type') ?? blob.type;
    if (!this.status.attachments.types.includes(type) && !this.status.attachments.types.includes(blob.type)) return problemOf(415, 'unsupported-media-type');
    const attachment: ChatAttachment = { id: `attachment-${String(++this.#counter)}`, name, type: blob.type || type, size: blob.size };
    this.files.set(attachment.id, { attachment, conversationId: entry.conversation.id, blob: new Blob([await blob.arrayBuffer()], { type: attachment.type }) });
    return { status: 201, body: attachment };
  }

  #stream(entry: FakeConversation, request: FakeRequest): Response {
    const reader = request.reader;
    if (reader === undefined) return problem(401, 'unauthenticated');
    const lastEventId = request.headers.get('Last-Event-ID') ?? request.query.get('lastEventId') ?? '';
    const after = lastEventId === '' ? 0 : Number(lastEventId);
    const visible = (stored: StoredEvent): boolean => stored.type !== 'chat.note' || reader.role === 'caseworker';
    const newest = entry.events.at(-1)?.seq ?? 0;
    let stream: OpenStream | undefined;
    const body = new ReadableStream<Uint8Array>({
      start: (controller) => {
        controller.enqueue(encoder.encode('retry: 3000\n: connected\n\n'));
        if (!Number.isInteger(after) || after < 0 || after > newest) {
          const id = entry.conversation.lastSeq;
          controller.enqueue(encoder.encode(frame(id, 'reset', { id, type: 'reset', occurredAt: new Date().toISOString(), data: {} })));
        } else {
          for (const stored of entry.events) {
            if (stored.seq <= after || !visible(stored)) continue;
            controller.enqueue(encoder.encode(frame(stored.seq, stored.type, { id: stored.seq, type: stored.type, occurredAt: stored.occurredAt, data: stored.data })));
          }
        }
        stream = { conversationId: entry.conversation.id, reader, controller };
        this.#streams.add(stream);
      },
      cancel: () => { if (stream !== undefined) this.#streams.delete(stream); },
    });
    request.signal?.addEventListener('abort', () => {
      if (stream === undefined) return;
      this.#streams.delete(stream);
      try {
        stream.controller.error(new DOMException('The operation was aborted.', 'AbortError'));
      } catch {
        // already closed
      }
    });
    return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' } });
  }

  #send(conversationId: string, type: string, seq: number | undefined, envelope: unknown, visibleTo: (reader: Reader) => boolean): void {
    const text = frame(seq, type, envelope);
    for (const stream of this.#streams) {
      if (stream.conversationId !== conversationId || !visibleTo(stream.reader)) continue;
      try {
        stream.controller.enqueue(encoder.encode(text));
      } catch {
        this.#streams.delete(stream);
      }
    }
  }

  #entry(conversationId: string): FakeConversation {
    const entry = this.conversations.get(conversationId);
    if (entry === undefined) throw new Error(`no conversation ${conversationId}`);
    return entry;
  }
}

function frame(id: number | undefined, event: string, data: unknown): string {
  return `${id === undefined ? '' : `id: ${String(id)}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

export function problemOf(status: number, code: string): { status: number; body: { code: string } } {
  return { status, body: { code } };
}

function json(status: number, body: unknown): Response {
  return new Response(status === 204 || body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

export function problem(status: number, code: string): Response {
  return new Response(JSON.stringify({ type: `urn:jobunivers:problem:${code}`, title: code, status, code }), { status, headers: { 'Content-Type': 'application/problem+json' } });
}
