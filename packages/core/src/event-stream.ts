import type { ReactiveController, ReactiveControllerHost } from 'lit';

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

const FIRST_RETRY_MS = 3000;
const MAX_RETRY_MS = 60_000;

interface SseMessage {
  id: string;
  event: string;
  data: string;
}

/**
 * The signed-in user's Server-Sent Events (`GET /v1/events`, a separate entry: `@jobunivers/core/event-stream`),
 * read with streaming `fetch` because `EventSource` cannot send the bearer header and tokens must never be in
 * URLs. Resumes with `Last-Event-ID`; reconnects after growing, jittered pauses — and at once when the device comes
 * back online, the page becomes visible or returns from the back-forward cache; stops for answers that retrying
 * cannot fix (401/403/404) until `restart()`.
 */
export class EventStream implements ReactiveController {
  readonly #options: EventStreamOptions;
  readonly #host: ReactiveControllerHost;
  #abort: AbortController | undefined;
  #lastEventId = '';
  #connectedTo = '';
  /** `live` while a stream is open. */
  state: 'off' | 'connecting' | 'live' = 'off';

  constructor(host: ReactiveControllerHost, options: EventStreamOptions) {
    this.#options = options;
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.restart();
    for (const [target, type] of WAKE_EVENTS()) target.addEventListener(type, this.#wake);
  }

  hostDisconnected(): void {
    this.stop();
    for (const [target, type] of WAKE_EVENTS()) target.removeEventListener(type, this.#wake);
  }

  /** Back online, back in view, back from the back-forward cache: stop waiting and reconnect now. */
  readonly #wake = (): void => {
    if (document.visibilityState === 'hidden') return;
    if (this.#wakeUp === undefined) this.#wakePending = true; // the drop is still being noticed: skip the next pause
    else this.#wakeUp();
  };

  #wakeUp: (() => void) | undefined;
  #wakePending = false;

  /** (Re)connects when the api or token changed, or when the stream had stopped. */
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
    this.state = 'off';
  }

  async #run(url: URL, signal: AbortSignal): Promise<void> {
    let pause = FIRST_RETRY_MS;
    let opened = false;
    while (!signal.aborted) {
      this.#setState(signal, 'connecting');
      try {
        const token = this.#options.token();
        if (!token) break;
        const headers: Record<string, string> = { Accept: 'text/event-stream', Authorization: `Bearer ${token}` };
        if (this.#lastEventId) headers['Last-Event-ID'] = this.#lastEventId;
        const response = await fetch(url, { headers, signal, credentials: 'omit', cache: 'no-store' });
        if (response.status === 401 || response.status === 403 || response.status === 404) break;
        const type = response.headers.get('Content-Type') ?? '';
        if (response.ok && response.body && type.includes('text/event-stream')) {
          this.#setState(signal, 'live');
          // Without an event id to resume from, whatever happened while the stream was down is unknown: reload.
          if (opened && !this.#lastEventId) this.#options.onEvent(undefined, undefined);
          opened = true;
          pause = FIRST_RETRY_MS;
          pause = await this.#read(response.body, signal, pause);
        }
      } catch {
        // A dropped connection: wait and resume from the last event.
      }
      this.#setState(signal, 'connecting');
      // Jitter spreads the reconnects of many pages after a server restart.
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
  #setState(signal: AbortSignal, state: EventStream['state']): void {
    if (signal.aborted || this.state === state) return;
    this.state = state;
    this.#host.requestUpdate();
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
        if (done) return retry;
        buffer += decoder.decode(value, { stream: true });
        const lines = buffer.split(/\r\n|\r|\n/);
        buffer = lines.pop() ?? '';
        for (const line of lines) {
          if (line === '') {
            if (message.data !== '' || message.event !== '') this.#dispatch(message);
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

  #dispatch(message: SseMessage): void {
    if (message.id) this.#lastEventId = message.id;
    if (message.event === 'reset') {
      this.#options.onEvent(undefined, undefined);
      return;
    }
    try {
      const envelope = JSON.parse(message.data) as { data?: unknown };
      this.#options.onEvent(message.event, envelope.data);
    } catch {
      this.#options.onEvent(undefined, undefined);
    }
  }
}

function WAKE_EVENTS(): [EventTarget, string][] {
  return [[window, 'online'], [window, 'pageshow'], [document, 'visibilitychange']];
}
