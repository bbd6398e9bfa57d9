import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type Politeness = 'polite' | 'assertive';

export interface AnnounceOptions {
  /** `assertive` interrupts the reader: keep it for errors and expiring time. Default `polite`. */
  politeness?: Politeness;
}

type AnnouncerHost = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

// Messages given within this window are read as one, so a burst (three new chat messages) is one announcement.
const BATCH_MS = 150;

/**
 * One pair of live regions per widget, in the widget's own shadow root. The regions exist from the moment the
 * widget is connected, because screen readers ignore live regions that appear together with their first message.
 */
export class Announcer implements ReactiveController {
  readonly #host: AnnouncerHost;
  #regions: Record<Politeness, HTMLElement> | undefined;
  readonly #queued: Record<Politeness, string[]> = { polite: [], assertive: [] };
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: AnnouncerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    if (this.#regions?.polite.isConnected) return;
    const root = this.#host.renderRoot;
    this.#regions = { polite: createRegion('polite'), assertive: createRegion('assertive') };
    root.prepend(this.#regions.polite, this.#regions.assertive);
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#queued.polite = [];
    this.#queued.assertive = [];
  }

  /** Reads `message` to screen-reader users without moving focus. */
  announce(message: string, { politeness = 'polite' }: AnnounceOptions = {}): void {
    const text = message.trim();
    if (!text) return;
    this.#queued[politeness].push(text);
    this.#timer ??= setTimeout(() => { this.#flush(); }, BATCH_MS);
  }

  /** The text currently in a region (for tests and debugging). */
  current(politeness: Politeness = 'polite'): string {
    return this.#regions?.[politeness].textContent ?? '';
  }

  #flush(): void {
    this.#timer = undefined;
    if (!this.#regions) return;
    for (const politeness of ['assertive', 'polite'] as const) {
      const messages = [...new Set(this.#queued[politeness])];
      this.#queued[politeness] = [];
      if (messages.length === 0) continue;
      const region = this.#regions[politeness];
      // Replacing the text node (not appending) makes readers announce a repeated message again.
      region.replaceChildren(document.createTextNode(messages.join(' ')));
    }
  }
}

function createRegion(politeness: Politeness): HTMLElement {
  const region = document.createElement('div');
  region.setAttribute('aria-live', politeness);
  region.setAttribute('aria-atomic', 'true');
  region.setAttribute('role', politeness === 'assertive' ? 'alert' : 'status');
  region.setAttribute('part', `announcer-${politeness}`);
  // Hidden through CSSOM (allowed under a strict CSP), so it stays hidden whatever styles a widget adopts.
  Object.assign(region.style, {
    position: 'absolute', width: '1px', height: '1px', margin: '-1px', padding: '0', overflow: 'hidden',
    clipPath: 'inset(50%)', whiteSpace: 'nowrap', border: '0',
  });
  region.dataset['juAnnouncer'] = politeness;
  return region;
}
