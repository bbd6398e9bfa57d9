import type { ReactiveController, ReactiveControllerHost } from 'lit';
// A separate entry (`@jobunivers/core/refresh-on-return`), paid only by widgets whose data changes while a
// page sits in the background (self-booking, the booking desk, the chat console).

/**
 * Fetches a widget's data again when the reader comes back to the page (window focus, or the tab becoming
 * visible), at most once per `minIntervalMs`: times and bookings change while a page sits in the background.
 */
export class RefreshOnReturn implements ReactiveController {
  readonly #refresh: () => void;
  readonly #minIntervalMs: number;
  #freshAt = 0;

  constructor(host: ReactiveControllerHost, refresh: () => void, minIntervalMs: number) {
    this.#refresh = refresh;
    this.#minIntervalMs = minIntervalMs;
    host.addController(this);
  }

  /** The host has just fetched everything: the next return within the interval fetches nothing. */
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
