import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** One Server-Sent Event as it came over the wire. */
export interface SseMessage {
  /** The `id:` line, or `''` when the event had none (the reader keeps resuming from the last id it saw). */
  id: string;
  event: string;
  data: string;
}

export type SseState = 'off' | 'connecting' | 'live';

export interface SseReaderOptions {
  /** The stream's absolute URL, or `undefined` while there is nothing to read. */
  url: () => URL | undefined;
  token: () => string | undefined;
  /** Resume after this event id (`Last-Event-ID` of the first request). */
  lastEventId?: string;
  onMessage: (message: SseMessage) => void;
  /** A stream opened again after a drop although there was no event id to resume from: events may be missed. */
  onGap?: () => void;
  onState?: (state: SseState) => void;
  /** The server answered something retrying cannot fix (401/403/404): the reader stopped. */
  onStop?: (status: number) => void;
  /** `Accept-Language` for texts the server writes into events. */
  language?: () => string | undefined;
  fetch?: typeof fetch;
}

const FIRST_RETRY_MS = 3000;
const MAX_RETRY_MS = 60_000;

/**
 * A Server-Sent Events reader over streaming `fetch`, without any framework: `EventSource` cannot send the
 * bearer header, and tokens must never be in URLs. Resumes with `Last-Event-ID`; reconnects after growing,
 * jittered pauses (jitter spreads the reconnects of many pages after a server restart), or at once on `wake()`;
 * stops for answers that retrying cannot fix (401/403/404) until `restart()`.
 */
export class SseReader {
  readonly #options: SseReaderOptions;
  #abort: AbortController | undefined;
  #lastEventId: string;
  #connectedTo = '';
  #wakeUp: (() => void) | undefined;
  #wakePending = false;
  state: SseState = 'off';

  constructor(options: SseReaderOptions) {
    this.#options = options;
    this.#lastEventId = options.lastEventId ?? '';
  }

  get lastEventId(): string {
    return this.#lastEventId;
  }

  /** (Re)connects when the URL or token changed, or when the stream had stopped. */
  restart(force = false): void {
    const url = this.#options.url();
    const token = this.#options.token();
    const target = url && token ? `${url.href} ${token}` : '';
    if (!force && target === this.#connectedTo && this.#abort) return;
    this.stop();
    this.#connectedTo = target;
    if (!url || !token) return;
    const abort = new AbortController();
    this.#abort = abort;
    void this.#run(url, abort.signal);
  }

  stop(): void {
    this.#abort?.abort();
    this.#abort = undefined;
    this.#connectedTo = '';
    this.#setState(undefined, 'off');
  }

  /** Stop waiting out the pause and reconnect now (back online, back in view). */
  wake(): void {
    if (this.#wakeUp === undefined) this.#wakePending = true; // the drop is still being noticed: skip the next pause
    else this.#wakeUp();
  }

  async #run(url: URL, signal: AbortSignal): Promise<void> {
    const fetchFn = this.#options.fetch ?? globalThis.fetch.bind(globalThis);
    let pause = FIRST_RETRY_MS;
    let opened = false;
    while (!signal.aborted) {
      this.#setState(signal, 'connecting');
      try {
        const token = this.#options.token();
        if (!token) break;
        const headers: Record<string, string> = { Accept: 'text/event-stream', Authorization: `Bearer ${token}` };
        if (this.#lastEventId) headers['Last-Event-ID'] = this.#lastEventId;
        const language = this.#options.language?.();
        if (language) headers['Accept-Language'] = language;
        const response = await fetchFn(url, { headers, signal, credentials: 'omit', cache: 'no-store' });
        if (response.status === 401 || response.status === 403 || response.status === 404) {
          if (!isAborted(signal)) this.#options.onStop?.(response.status);
          break;
        }
        const type = response.headers.get('Content-Type') ?? '';
        if (response.ok && response.body && type.includes('text/event-stream')) {
          this.#setState(signal, 'live');
          if (opened && !this.#lastEventId) this.#options.onGap?.();
          opened = true;
          pause = FIRST_RETRY_MS;
          pause = await this.#read(response.body, signal, pause);
        } else {
          await response.body?.cancel().catch(() => undefined);
        }
      } catch {
        // A dropped connection: wait and resume from the last event.
      }
      if (isAborted(signal)) break;
      this.#setState(signal, 'connecting');
      const skip = this.#wakePending;
      this.#wakePending = false;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, skip ? 0 : pause / 2 + Math.random() * (pause / 2));
        function done(): void {
          clearTimeout(timer);
          resolve();
        }
        this.#wakeUp = done;
        signal.addEventListener('abort', done, { once: true });
      });
      this.#wakeUp = undefined;
      pause = Math.min(pause * 2, MAX_RETRY_MS);
    }
    this.#setState(signal, 'off');
  }

  // A stopped run finishes in the background: only the current one may say how the connection is.
  #setState(signal: AbortSignal | undefined, state: SseState): void {
    if (signal?.aborted || this.state === state) return;
    this.state = state;
    this.#options.onState?.(state);
  }

  /** Reads the stream until it ends; returns the pause the server asked for (`retry:`). */
  async #read(body: ReadableStream<Uint8Array>, signal: AbortSignal, pause: number): Promise<number> {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    const abort = (): void => { reader.cancel().catch(() => undefined); };
    signal.addEventListener('abort', abort, { once: true });
    let buffer = '';
    let message: SseMessage = { id: '', event: '', data: '' };
    let retry = pause;
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done || signal.aborted) return retry;
        buffer += decoder.decode(value, { stream: true });
        const lines = buffer.split(/\r\n|\r|\n/);
        buffer = lines.pop() ?? '';
        for (const line of lines) {
          if (line === '') {
            if (message.data !== '' || message.event !== '') {
              if (message.id) this.#lastEventId = message.id;
              this.#options.onMessage(message);
            }
            message = { id: '', event: '', data: '' };
            continue;
          }
          if (line.startsWith(':')) continue;
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (field === 'id') message.id = text;
          else if (field === 'event') message.event = text;
          else if (field === 'data') message.data = message.data === '' ? text : `${message.data}\n${text}`;
          else if (field === 'retry' && /^\d+$/.test(text)) retry = Math.max(Number(text), 1000);
        }
      }
    } finally {
      signal.removeEventListener('abort', abort);
    }
  }
}

/** A function, so TypeScript does not assume `aborted` stays what it was before an await. */
function isAborted(signal: AbortSignal): boolean {
  return signal.aborted;
}

/** Calls `wake` when the device is back online, the page visible again or restored from the back-forward cache. Returns the remover. */
export function onBackInView(wake: () => void): () => void {
  const listener = (): void => {
    if (document.visibilityState !== 'hidden') wake();
  };
  const targets: [EventTarget, string][] = [[window, 'online'], [window, 'pageshow'], [document, 'visibilitychange']];
  for (const [target, type] of targets) target.addEventListener(type, listener);
  return () => {
    for (const [target, type] of targets) target.removeEventListener(type, listener);
  };
}

export interface EventStreamOptions {
  /** The absolute URL of `GET /v1/events`, or `undefined` while no api is configured. */
  url: () => URL | undefined;
  token: () => string | undefined;
  /**
   * An event arrived: its type and its `data` (the envelope's `data`, parsed). `type` is `undefined` when
   * everything should be reloaded: the server said `reset`, or events may have been missed.
   */
  onEvent: (type: string | undefined, data: unknown) => void;
}

/**
 * The signed-in user's Server-Sent Events (`GET /v1/events`, a separate entry: `@jobunivers/core/event-stream`)
 * as a Lit controller: an `SseReader` that runs while the host is connected, reconnects at once when the device
 * comes back online, the page becomes visible or returns from the back-forward cache, and hands each event's
 * parsed `data` to `onEvent`.
 */
export class EventStream implements ReactiveController {
  readonly #reader: SseReader;
  #removeWake: (() => void) | undefined;

  constructor(host: ReactiveControllerHost, options: EventStreamOptions) {
    const reload = (): void => { options.onEvent(undefined, undefined); };
    this.#reader = new SseReader({
      url: options.url,
      token: options.token,
      onGap: reload,
      onState: () => { host.requestUpdate(); },
      onMessage: (message) => {
        if (message.event === 'reset') {
          reload();
          return;
        }
        try {
          const envelope = JSON.parse(message.data) as { data?: unknown };
          options.onEvent(message.event, envelope.data);
        } catch {
          reload();
        }
      },
    });
    host.addController(this);
  }

  /** `live` while a stream is open. */
  get state(): SseState {
    return this.#reader.state;
  }

  hostConnected(): void {
    this.restart();
    this.#removeWake = onBackInView(() => { this.#reader.wake(); });
  }

  hostDisconnected(): void {
    this.stop();
    this.#removeWake?.();
    this.#removeWake = undefined;
  }

  restart(force = false): void {
    this.#reader.restart(force);
  }

  stop(): void {
    this.#reader.stop();
  }
}
