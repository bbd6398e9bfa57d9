// The caseworker's side of the fake chat server: `GET /v1/chat/console`, presence, claim (with both 409s),
// transfer, notes, canned replies and the caseworker's own event stream (`GET /v1/events`) carrying
// `chat.console-changed`. Component tests and the console's stories use it.
import type {
  CannedReply, ChatCitizenRef, ChatColleague, ChatConsole, ChatPresence, ChatStaff, ConsoleConversation,
} from '@jobunivers/contract';
import { CHAT_TOPICS, FakeChatServer, problemOf, type FakeAnswer, type FakeConversation, type FakeRequest } from './fake-chat-server.js';

export const CONSOLE_API = 'https://chat.jobcenter.example/api/';
export const CASEWORKER_TOKEN = 'caseworker-lone';

/** The caseworker using the console. */
export const LONE: ChatStaff = { firstName: 'Lone', team: 'Team Jobsøgning' };

const TEAMS = [
  { id: 'team-job', name: 'Team Jobsøgning' },
  { id: 'team-benefits', name: 'Team Ydelser' },
];

const COLLEAGUES: ChatColleague[] = [
  { id: 'caseworker-mette', firstName: 'Mette', teamId: 'team-job', presence: 'available', activeChats: 1, maxChats: 3 },
  { id: 'caseworker-jonas', firstName: 'Jonas', teamId: 'team-benefits', presence: 'away', activeChats: 0, maxChats: 2 },
];

const CANNED: CannedReply[] = [
  { id: 'canned-hello', title: 'Goddag', language: 'da', text: 'Goddag, jeg hedder Lone. Hvad kan jeg hjælpe dig med?' },
  { id: 'canned-wait', title: 'Et øjeblik', language: 'da', text: 'Et øjeblik, jeg slår det op.' },
  { id: 'canned-hello-en', title: 'Hello', language: 'en', text: 'Hello, my name is Lone. How can I help you?' },
];

export interface CitizenSetup {
  firstName?: string | null;
  signedIn?: boolean;
  language?: ChatCitizenRef['language'];
  topicId?: string;
  /** How long ago the conversation started. */
  minutesAgo?: number;
  /** The citizen's first message. */
  text?: string;
}

const encoder = new TextEncoder();

export class FakeConsole extends FakeChatServer {
  presence: ChatPresence = 'available';
  maxChats = 3;
  colleagues: ChatColleague[] = structuredClone(COLLEAGUES);
  teams = structuredClone(TEAMS);
  canned: CannedReply[] = structuredClone(CANNED);
  /** Conversations the console's caseworker has (or had, when closed). */
  readonly mine = new Set<string>();
  /** Transfers done, with their notes. */
  readonly transfers: { conversationId: string; to: unknown; note: string }[] = [];
  readonly #events = new Set<ReadableStreamDefaultController<Uint8Array>>();
  #eventId = 0;

  constructor() {
    super();
    this.#consoleRoutes();
  }

  /** A citizen waiting in the queue. */
  queued(setup: CitizenSetup = {}): FakeConversation {
    return this.#citizen('queued', setup);
  }

  /** A conversation the caseworker already has (`text` is the citizen's first message, before the claim). */
  active(setup: CitizenSetup = {}): FakeConversation {
    const entry = this.#citizen('queued', setup);
    this.claim(entry.conversation.id, LONE);
    this.mine.add(entry.conversation.id);
    return entry;
  }

  /** A message left outside opening hours. */
  leftMessage(setup: CitizenSetup = {}): FakeConversation {
    return this.#citizen('left-message', { text: 'Ring mig op, tak.', ...setup });
  }

  citizenSays(conversationId: string, text: string): void {
    const entry = this.conversations.get(conversationId);
    if (entry) this.addMessage(entry, { id: `citizen-${crypto.randomUUID()}`, author: 'citizen', caseworker: null, text, attachment: null });
  }

  /** The citizen is typing (through the typing endpoint, as their widget would). */
  async citizenTyping(conversationId: string): Promise<void> {
    const entry = this.conversations.get(conversationId);
    await this.fetch(`${CONSOLE_API}v1/chat/conversations/${conversationId}/typing`, { method: 'POST', headers: { Authorization: `Bearer ${entry?.accessToken ?? ''}` } });
  }

  /** Tells the console that something changed (`chat.console-changed` on `GET /v1/events`). */
  consoleChanged(conversationId: string | null = null): void {
    const id = ++this.#eventId;
    const text = `id: ${String(id)}\nevent: chat.console-changed\ndata: ${JSON.stringify({ id, type: 'chat.console-changed', occurredAt: new Date().toISOString(), data: { conversationId } })}\n\n`;
    for (const stream of this.#events) stream.enqueue(encoder.encode(text));
  }

  get eventStreams(): number {
    return this.#events.size;
  }

  /** The console document, as `GET /v1/chat/console` answers it. */
  document(): ChatConsole {
    const all = [...this.conversations.values()];
    const row = (entry: FakeConversation): ConsoleConversation => {
      const conversation = this.view(entry, { role: 'caseworker', token: CASEWORKER_TOKEN });
      const citizenMessages = entry.messages.filter((message) => message.author === 'citizen');
      const last = entry.messages.at(-1);
      return {
        conversation,
        citizen: { firstName: entry.firstName, signedIn: entry.citizenToken !== null, language: entry.language as ChatCitizenRef['language'] },
        teamId: 'team-job',
        unread: citizenMessages.filter((message) => message.seq > entry.conversation.readByStaffThrough).length,
        lastMessageAt: last?.sentAt ?? null,
        preview: (last?.text ?? '').slice(0, 140),
      };
    };
    return {
      presence: this.presence,
      maxChats: this.maxChats,
      queue: all.filter((entry) => entry.conversation.state === 'queued').map(row),
      mine: all.filter((entry) => this.mine.has(entry.conversation.id)).reverse().map(row),
      messages: all.filter((entry) => entry.conversation.state === 'left-message').map(row),
      colleagues: this.colleagues,
      teams: this.teams,
    };
  }

  #citizen(state: 'queued' | 'left-message', setup: CitizenSetup): FakeConversation {
    const entry = this.seedConversation({
      state,
      topicId: setup.topicId ?? CHAT_TOPICS[0]?.id,
      firstName: setup.firstName === undefined ? 'Ahmed' : setup.firstName,
      citizenToken: setup.signedIn ? `citizen-${crypto.randomUUID()}` : null,
    });
    entry.language = setup.language ?? 'da';
    entry.conversation.createdAt = new Date(Date.now() - (setup.minutesAgo ?? 0) * 60_000).toISOString();
    if (setup.text !== undefined) this.citizenSays(entry.conversation.id, setup.text);
    return entry;
  }

  #consoleRoutes(): void {
    const caseworkerOnly = (handler: (request: FakeRequest) => FakeAnswer): ((request: FakeRequest) => FakeAnswer) => (request) =>
      request.reader?.role === 'caseworker' ? handler(request) : problemOf(request.reader ? 403 : 401, request.reader ? 'forbidden' : 'unauthenticated');
    this.route('GET', '/v1/events', caseworkerOnly((request) => this.#eventStream(request)));
    this.route('GET', '/v1/chat/console', caseworkerOnly(() => ({ status: 200, body: this.document() })));
    this.route('PUT', '/v1/chat/console/presence', caseworkerOnly((request) => {
      const body = request.body as { presence?: ChatPresence; maxChats?: number } | undefined;
      if (!body || (body.presence !== 'available' && body.presence !== 'away') || !Number.isInteger(body.maxChats)) return problemOf(400, 'invalid-request');
      this.presence = body.presence;
      this.maxChats = body.maxChats ?? this.maxChats;
      return { status: 200, body: this.document() };
    }));
    this.route('GET', '/v1/chat/canned-replies', caseworkerOnly(() => ({ status: 200, body: { items: this.canned } })));
    this.route('POST', '/v1/chat/conversations/:id/claim', caseworkerOnly((request) => {
      const entry = this.conversationOf(request.params['id'] ?? '');
      if (!entry) return problemOf(404, 'not-found');
      if (entry.conversation.state === 'active' && this.mine.has(entry.conversation.id)) return { status: 200, body: this.view(entry, request.reader) };
      if (entry.conversation.state !== 'queued') return problemOf(409, 'already-claimed');
      const active = [...this.mine].filter((id) => this.conversationOf(id)?.conversation.state === 'active').length;
      if (active >= this.maxChats) return problemOf(409, 'chat-limit-reached');
      this.claim(entry.conversation.id, LONE);
      this.mine.add(entry.conversation.id);
      return { status: 200, body: this.view(entry, request.reader) };
    }));
    this.route('POST', '/v1/chat/conversations/:id/transfer', caseworkerOnly((request) => {
      const entry = this.conversationOf(request.params['id'] ?? '');
      const body = request.body as { to?: unknown; note?: unknown } | undefined;
      if (!entry) return problemOf(404, 'not-found');
      if (typeof body?.note !== 'string' || body.note.trim() === '' || typeof body.to !== 'object') return problemOf(400, 'invalid-request');
      this.transfers.push({ conversationId: entry.conversation.id, to: body.to, note: body.note });
      this.noteFrom(entry.conversation.id, body.note, LONE);
      this.mine.delete(entry.conversation.id);
      return { status: 200, body: this.view(entry, request.reader) };
    }));
    this.route('POST', '/v1/chat/conversations/:id/notes', caseworkerOnly((request) => {
      const entry = this.conversationOf(request.params['id'] ?? '');
      const body = request.body as { id?: unknown; text?: unknown } | undefined;
      if (!entry) return problemOf(404, 'not-found');
      if (typeof body?.id !== 'string' || typeof body.text !== 'string' || body.text === '') return problemOf(400, 'invalid-request');
      const existing = entry.notes.find((note) => note.id === body.id);
      if (existing) return { status: 200, body: existing };
      const note = { id: body.id, seq: 0, author: LONE, text: body.text, createdAt: new Date().toISOString() };
      note.seq = this.append(entry, 'chat.note', note).seq;
      entry.notes.push(note);
      return { status: 201, body: note };
    }));
  }

  #eventStream(request: FakeRequest): Response {
    let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
    const streams = this.#events;
    const body = new ReadableStream<Uint8Array>({
      start(started) {
        controller = started;
        streams.add(started);
        started.enqueue(encoder.encode('retry: 3000\n\n'));
      },
      cancel() {
        if (controller) streams.delete(controller);
      },
    });
    request.signal?.addEventListener('abort', () => {
      if (!controller) return;
      streams.delete(controller);
      try {
        controller.error(new DOMException('aborted', 'AbortError'));
      } catch {
        // already closed
      }
    }, { once: true });
    return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
  }
}
