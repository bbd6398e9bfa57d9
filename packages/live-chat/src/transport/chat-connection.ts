import { SseReader, type SseMessage } from '@jobunivers/core/event-stream';
import type { ChatAttachment, ChatMessage } from '@jobunivers/contract';
import { Outbox } from './outbox.js';
import type { ChatConnectionOptions, ChatLink, ChatStreamEvent, OutgoingMessage } from './types.js';

const FIRST_RESEND_MS = 1000;
const MAX_RESEND_MS = 30_000;
const READ_DELAY_MS = 400;
const TYPING_EVERY_MS = 3000;
/** Answers that mean "try again later"; everything else from the server is final for that message. */
const TRANSIENT = new Set([408, 425, 429, 500, 502, 503, 504]);
const FATAL = new Set([401, 403, 404]);

/** A fresh message id (a UUID; random enough that two devices never pick the same one). */
export function newMessageId(): string {
  return crypto.randomUUID();
}

/**
 * One conversation, both ways: the conversation's event stream (Server-Sent Events, resumed with
 * `Last-Event-ID` = the conversation's sequence number) and an outbox that POSTs this device's messages one at a
 * time, in the order they were written, each with its client-generated id, retrying the same id until the server
 * has it. The outbox lives in the local store, so nothing typed is lost on reload, crash or network loss. Stream
 * events are handed on in sequence order, each once; a message that comes back on the stream leaves the outbox.
 */
export class ChatConnection {
  readonly #options: ChatConnectionOptions;
  readonly #reader: SseReader;
  readonly #outbox: Outbox;
  readonly #fetch: typeof fetch;
  #lastSeq: number;
  #running = false;
  #flushing = false;
  #resendPause = FIRST_RESEND_MS;
  #resendTimer: ReturnType<typeof setTimeout> | undefined;
  #readThrough = 0;
  #readSent = 0;
  #readTimer: ReturnType<typeof setTimeout> | undefined;
  #lastTyping = 0;
  #removeListeners: (() => void) | undefined;
  #restored: Promise<void> | undefined;

  constructor(options: ChatConnectionOptions) {
    this.#options = options;
    this.#fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.#lastSeq = options.afterSeq ?? 0;
    this.#outbox = new Outbox(options.store, options.api, options.conversationId);
    this.#reader = new SseReader({
      url: () => this.#url('events'),
      token: options.token,
      lastEventId: this.#lastSeq > 0 ? String(this.#lastSeq) : '',
      onMessage: (message) => { this.#receive(message); },
      // Without a sequence number to resume from, a reconnect replays from the start; nothing is missed.
      onState: () => { this.#options.onChange(); },
      onStop: (status) => { this.#fatal(status); },
      language: options.language,
      fetch: options.fetch,
    });
  }

  get conversationId(): string {
    return this.#options.conversationId;
  }

  /** The newest sequence number handed to `onEvent`. */
  get lastSeq(): number {
    return this.#lastSeq;
  }

  get outbox(): readonly OutgoingMessage[] {
    return this.#outbox.items;
  }

  get link(): ChatLink {
    if (!this.#running) return 'stopped';
    if (typeof navigator !== 'undefined' && !navigator.onLine) return 'offline';
    return this.#reader.state === 'live' ? 'live' : 'connecting';
  }

  /** Restores the outbox, opens the stream and sends what is waiting. */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#listen();
    this.#reader.restart(true);
    this.#restored = this.#outbox.restore().then(() => {
      this.#options.onChange();
      void this.#flush();
    });
    this.#options.onChange();
  }

  stop(): void {
    this.#running = false;
    this.#reader.stop();
    this.#removeListeners?.();
    this.#removeListeners = undefined;
    clearTimeout(this.#resendTimer);
    clearTimeout(this.#readTimer);
    this.#options.onChange();
  }

  /** Reconnect and resend now instead of after the pause (the device is back online, the page in view). */
  wake(): void {
    if (!this.#running) return;
    this.#reader.wake();
    this.#resendPause = FIRST_RESEND_MS;
    clearTimeout(this.#resendTimer);
    this.#resendTimer = undefined;
    void this.#flush();
  }

  /** Writes a message: stored on the device before this resolves, then sent in turn. */
  async send(text: string, attachment: ChatAttachment | null = null): Promise<OutgoingMessage> {
    await this.#restored;
    const message: OutgoingMessage = { id: newMessageId(), text, attachment, writtenAt: new Date().toISOString(), state: 'queued' };
    await this.#outbox.add(message);
    this.#options.onChange();
    void this.#flush();
    return message;
  }

  /** Sends a refused message again (same id). */
  retry(id: string): void {
    if (this.#outbox.find(id)?.state !== 'failed') return;
    this.#outbox.update(id, { state: 'queued', error: undefined });
    void this.#outbox.save();
    this.#options.onChange();
    void this.#flush();
  }

  /** Forgets a refused message. */
  discard(id: string): void {
    if (this.#outbox.find(id)?.state !== 'failed') return;
    this.#outbox.remove(id);
    void this.#outbox.save();
    this.#options.onChange();
  }

  /** Forgets everything waiting on this device for this conversation (the citizen reset the chat). */
  async clear(): Promise<void> {
    await this.#outbox.clear();
    this.#options.onChange();
  }

  /** The reader has seen everything up to `seq`; told to the server once things settle. */
  markRead(seq: number): void {
    if (seq <= this.#readThrough) return;
    this.#readThrough = seq;
    clearTimeout(this.#readTimer);
    this.#readTimer = setTimeout(() => { void this.#sendRead(); }, READ_DELAY_MS);
  }

  /** The user is typing: tells the other side at most every 3 seconds. */
  typing(): void {
    const now = Date.now();
    if (now - this.#lastTyping < TYPING_EVERY_MS || !this.#running) return;
    this.#lastTyping = now;
    void this.#post('typing', undefined).catch(() => undefined);
  }

  /** A method, so TypeScript does not assume `#running` stays what it was before an await. */
  #isRunning(): boolean {
    return this.#running;
  }

  #url(path: string): URL {
    return new URL(`v1/chat/conversations/${encodeURIComponent(this.#options.conversationId)}/${path}`, this.#options.api);
  }

  #listen(): void {
    if (typeof window === 'undefined' || typeof document === 'undefined') return;
    const wake = (): void => {
      if (document.visibilityState !== 'hidden') this.wake();
    };
    const changed = (): void => { this.#options.onChange(); };
    const targets: [EventTarget, string, () => void][] = [
      [window, 'online', wake], [window, 'pageshow', wake], [document, 'visibilitychange', wake], [window, 'offline', changed],
    ];
    for (const [target, type, listener] of targets) target.addEventListener(type, listener);
    this.#removeListeners = () => {
      for (const [target, type, listener] of targets) target.removeEventListener(type, listener);
    };
  }

  #receive(message: SseMessage): void {
    if (message.event === 'reset') {
      this.#options.onReset();
      return;
    }
    let envelope: { id?: number; data?: unknown };
    try {
      envelope = JSON.parse(message.data) as { id?: number; data?: unknown };
    } catch {
      return; // not ours to guess at; the stream goes on
    }
    if (message.event === 'chat.typing') {
      this.#options.onEvent({ type: 'chat.typing', data: envelope.data } as ChatStreamEvent);
      return;
    }
    const seq = Number(message.id);
    if (!Number.isSafeInteger(seq) || seq <= this.#lastSeq) return; // replayed after a resume: already handed on
    this.#lastSeq = seq;
    if (message.event === 'chat.message' && this.#outbox.remove((envelope.data as ChatMessage).id)) {
      void this.#outbox.save();
      this.#options.onChange();
    }
    if (['chat.message', 'chat.note', 'chat.state', 'chat.read'].includes(message.event)) {
      this.#options.onEvent({ type: message.event, seq, data: envelope.data } as ChatStreamEvent);
    }
  }

  /** Sends queued messages one by one, in the order written. Only one pass runs at a time. */
  async #flush(): Promise<void> {
    if (this.#flushing || !this.#running || this.#resendTimer !== undefined) return;
    this.#flushing = true;
    try {
      for (let next = this.#outbox.next(); next !== undefined && this.#isRunning(); next = this.#outbox.next()) {
        this.#outbox.update(next.id, { state: 'sending' });
        this.#options.onChange();
        const outcome = await this.#sendOne(next);
        if (outcome === 'later') {
          if (this.#outbox.find(next.id)?.state === 'sending') this.#outbox.update(next.id, { state: 'queued' });
          this.#options.onChange();
          this.#scheduleResend();
          return;
        }
        this.#resendPause = FIRST_RESEND_MS;
        this.#options.onChange();
      }
    } finally {
      this.#flushing = false;
    }
  }

  async #sendOne(message: OutgoingMessage): Promise<'done' | 'later'> {
    const body: Record<string, unknown> = { id: message.id, text: message.text };
    if (message.attachment) body.attachmentId = message.attachment.id;
    let response: Response;
    try {
      response = await this.#post('messages', body);
    } catch {
      return 'later'; // the network: the server may or may not have it; the same id makes resending safe
    }
    if (response.ok) {
      const stored = (await response.json().catch(() => undefined)) as ChatMessage | undefined;
      // The stream may already have delivered it (and removed it from the outbox).
      if (this.#outbox.find(message.id) !== undefined) {
        if (stored && stored.seq <= this.#lastSeq) this.#outbox.remove(message.id);
        else this.#outbox.update(message.id, { state: 'sent', seq: stored?.seq });
      }
      await this.#outbox.save();
      return 'done';
    }
    if (TRANSIENT.has(response.status) || FATAL.has(response.status)) {
      await response.body?.cancel().catch(() => undefined);
      if (FATAL.has(response.status)) this.#fatal(response.status);
      return 'later';
    }
    const code = await problemCode(response);
    this.#outbox.update(message.id, { state: 'failed', error: code });
    await this.#outbox.save();
    return 'done';
  }

  #scheduleResend(): void {
    if (!this.#running) return;
    const pause = this.#resendPause / 2 + Math.random() * (this.#resendPause / 2);
    this.#resendPause = Math.min(this.#resendPause * 2, MAX_RESEND_MS);
    this.#resendTimer = setTimeout(() => {
      this.#resendTimer = undefined;
      void this.#flush();
    }, pause);
  }

  async #sendRead(): Promise<void> {
    const through = this.#readThrough;
    if (through <= this.#readSent || !this.#running) return;
    try {
      const response = await this.#post('read', { through });
      if (response.ok) this.#readSent = Math.max(this.#readSent, through);
      await response.body?.cancel().catch(() => undefined);
    } catch {
      // told again with the next read mark
    }
  }

  #post(path: string, body: unknown): Promise<Response> {
    const token = this.#options.token();
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const language = this.#options.language?.();
    if (language) headers['Accept-Language'] = language;
    return this.#fetch(this.#url(path), {
      method: 'POST',
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit',
      cache: 'no-store',
    });
  }

  #fatal(status: number): void {
    this.stop();
    this.#options.onFatal?.(status);
  }
}

async function problemCode(response: Response): Promise<string> {
  try {
    const problem = (await response.json()) as { code?: unknown };
    if (typeof problem.code === 'string') return problem.code;
  } catch {
    // not problem+json
  }
  return `http-${String(response.status)}`;
}
