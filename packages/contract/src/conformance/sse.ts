/// <reference types="node" />
/**
 * A Server-Sent Events reader over `fetch` (as the widgets read the stream: the bearer token goes in a header,
 * never in a URL). Parses the stream per the HTML standard's event-stream rules.
 */
import { fail, sleep, type Actor, type RuleContext } from './context.js';
import { clip, tokenOf, url, waitOutRateLimit } from './http.js';

export interface SseEvent {
  /** The `id:` field of this event, when it had one. */
  id?: string;
  /** The `event:` field (`message` when absent). */
  event: string;
  data: string;
  /** `data` parsed as JSON, when it is JSON. */
  json?: unknown;
  receivedAt: number;
}

export interface OpenOptions {
  lastEventId?: string;
  /** Send no Authorization header. */
  anonymous?: boolean;
  /** The stream to open (default `/v1/events`; e.g. a conversation's `/v1/chat/conversations/{id}/events`). */
  path?: string;
}

export class EventStream {
  readonly events: SseEvent[] = [];
  readonly comments: string[] = [];
  retry?: number;
  /** Set when the stream ended (server closed it, error or `close()`). */
  ended = false;
  endReason?: string;
  private readonly controller = new AbortController();
  private readonly waiters = new Set<() => void>();

  private constructor(
    /** The path that was opened (for failure messages). */
    readonly path: string,
    readonly status: number,
    readonly headers: Headers,
    /** The body when the response was not an event stream. */
    readonly text: string,
  ) {}

  get contentType(): string {
    return this.headers.get('content-type') ?? '';
  }

  get isEventStream(): boolean {
    return this.status === 200 && /^text\/event-stream\b/i.test(this.contentType);
  }

  /** Opens `GET /v1/events` (or `options.path`); resolves once the response headers arrived (and the body was read if it is not a stream). */
  static async open(ctx: RuleContext, as: Actor | string | undefined, options: OpenOptions = {}): Promise<EventStream> {
    const headers: Record<string, string> = { Accept: 'text/event-stream', 'Cache-Control': 'no-cache' };
    const token = tokenOf(as);
    if (token !== undefined && options.anonymous !== true) headers.Authorization = `Bearer ${token}`;
    if (options.lastEventId !== undefined) headers['Last-Event-ID'] = options.lastEventId;
    const path = options.path ?? '/v1/events';
    const controller = new AbortController();
    const onAbort = (): void => { controller.abort(ctx.signal.reason); };
    ctx.signal.addEventListener('abort', onAbort, { once: true });
    let response: Response;
    for (let attempt = 0; ; attempt++) {
      try {
        response = await fetch(url(ctx, path), { headers, signal: controller.signal });
      } catch (error) {
        if (ctx.signal.aborted) throw error;
        fail(`GET ${path}: no response: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (!(await waitOutRateLimit(ctx, response.status, response.headers, attempt))) break;
      await response.body?.cancel();
    }
    const isStream = response.status === 200 && /^text\/event-stream\b/i.test(response.headers.get('content-type') ?? '');
    const text = isStream ? '' : await response.text();
    const stream = new EventStream(path, response.status, response.headers, text);
    stream.controller.signal.addEventListener('abort', () => { controller.abort(); }, { once: true });
    if (isStream && response.body !== null) {
      void stream.pump(response.body).finally(() => { ctx.signal.removeEventListener('abort', onAbort); });
    } else {
      stream.ended = true;
      stream.endReason = 'not an event stream';
      ctx.signal.removeEventListener('abort', onAbort);
    }
    return stream;
  }

  describe(): string {
    return `GET ${this.path} → ${String(this.status)} (${this.contentType || 'no Content-Type'}${this.text ? `: ${clip(this.text, 80)}` : ''})`;
  }

  close(): void {
    this.controller.abort();
  }

  /** Waits for an event matching `predicate` (also one already received); fails after `timeoutMs`. */
  async waitFor(predicate: (event: SseEvent) => boolean, timeoutMs: number, what: string): Promise<SseEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.find(predicate);
      if (found !== undefined) return found;
      if (this.ended) fail(`the event stream ended (${this.endReason ?? 'closed'}) before ${what} arrived`);
      const left = deadline - Date.now();
      if (left <= 0) fail(`${what} did not arrive within ${String(timeoutMs)} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, left);
        function done(): void {
          clearTimeout(timer);
          resolve();
        }
        this.waiters.add(done);
      });
    }
  }

  /** Lets the stream run for `ms` (to catch duplicates or events that must not come). */
  async settle(ms: number, signal: AbortSignal): Promise<void> {
    await sleep(ms, signal);
  }

  private notify(): void {
    const waiters = [...this.waiters];
    this.waiters.clear();
    for (const waiter of waiters) waiter();
  }

  private async pump(body: ReadableStream<Uint8Array>): Promise<void> {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    let data: string[] = [];
    let event = '';
    let id: string | undefined;
    const dispatch = (): void => {
      if (data.length > 0) {
        const text = data.join('\n');
        let json: unknown;
        try {
          json = JSON.parse(text) as unknown;
        } catch {
          json = undefined;
        }
        this.events.push({ id, event: event || 'message', data: text, json, receivedAt: Date.now() });
        this.notify();
      }
      data = [];
      event = '';
      id = undefined;
    };
    const line = (text: string): void => {
      if (text === '') {
        dispatch();
        return;
      }
      if (text.startsWith(':')) {
        this.comments.push(text.slice(1).trim());
        return;
      }
      const colon = text.indexOf(':');
      const field = colon === -1 ? text : text.slice(0, colon);
      let value = colon === -1 ? '' : text.slice(colon + 1);
      if (value.startsWith(' ')) value = value.slice(1);
      if (field === 'data') data.push(value);
      else if (field === 'event') event = value;
      else if (field === 'id' && !value.includes('\0')) id = value;
      else if (field === 'retry' && /^\d+$/.test(value)) this.retry = Number(value);
    };
    try {
      for (;;) {
        const chunk = await reader.read();
        if (chunk.done) break;
        buffer += decoder.decode(chunk.value, { stream: true });
        for (;;) {
          const match = /\r\n|\r|\n/.exec(buffer);
          if (match === null) break;
          // A lone \r at the end of the buffer may be the first half of \r\n: wait for more.
          if (match[0] === '\r' && match.index === buffer.length - 1) break;
          line(buffer.slice(0, match.index));
          buffer = buffer.slice(match.index + match[0].length);
        }
      }
      this.endReason = 'the server closed the stream';
    } catch (error) {
      this.endReason = this.controller.signal.aborted ? 'closed by the suite' : `read error: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      this.ended = true;
      this.notify();
    }
  }
}
