import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { EventStream } from '@jobunivers/core/event-stream';

/**
 * The caseworker's event stream, narrowed to `chat.console-changed`: `onChange` gets the conversation id that
 * changed, or `null` for "reload everything" (the queue as a whole, or a `reset`).
 */
export class ConsoleLive extends EventStream {
  constructor(host: ReactiveControllerHost, options: { url: () => URL | undefined; token: () => string | undefined; onChange: (conversationId: string | null) => void }) {
    super(host, {
      url: options.url,
      token: options.token,
      onEvent: (type, data) => {
        if (type === undefined) options.onChange(null);
        else if (type === 'chat.console-changed') {
          const id = (data as { conversationId?: unknown } | undefined)?.conversationId;
          options.onChange(typeof id === 'string' ? id : null);
        }
      },
    });
  }
}

/**
 * Calls `refresh` when the caseworker comes back to the page (window focus, or the tab visible again), at most
 * once per `minIntervalMs`: the stream may have been cut while the page slept.
 */
export class RefreshOnReturn implements ReactiveController {
  #freshAt = 0;
  readonly #refresh: () => void;
  readonly #minIntervalMs: number;

  constructor(host: ReactiveControllerHost, refresh: () => void, minIntervalMs: number) {
    this.#refresh = refresh;
    this.#minIntervalMs = minIntervalMs;
    host.addController(this);
  }

  markFresh(): void {
    this.#freshAt = Date.now();
  }

  hostConnected(): void {
    window.addEventListener('focus', this.#onReturn);
    document.addEventListener('visibilitychange', this.#onReturn);
  }

  hostDisconnected(): void {
    window.removeEventListener('focus', this.#onReturn);
    document.removeEventListener('visibilitychange', this.#onReturn);
  }

  readonly #onReturn = (): void => {
    if (document.visibilityState === 'hidden' || Date.now() - this.#freshAt < this.#minIntervalMs) return;
    this.markFresh();
    this.#refresh();
  };
}
