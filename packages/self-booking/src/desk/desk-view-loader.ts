import type { DeskApi } from './desk-api.js';
import type { DeskContext } from './desk-context.js';

export type LoadStatus = 'loading' | 'ready' | 'error';

/**
 * Loads the data behind one desk view. Only the latest of overlapping loads is adopted: a live refresh can start
 * while the reader's own reload is still on its way.
 */
export class ViewLoader {
  status: LoadStatus = 'loading';
  /** The plain-language problem of the last failed load. */
  error = '';
  readonly #context: DeskContext;
  #generation = 0;

  constructor(context: DeskContext) {
    this.#context = context;
  }

  /** Fetches and hands the result to `adopt`; `quiet` keeps what is on screen while it loads (live and focus refreshes). */
  async load<T>(fetch: (api: DeskApi) => Promise<T>, adopt: (result: T) => void, { quiet = false } = {}): Promise<void> {
    const context = this.#context;
    const api = context.api;
    if (!api) return;
    const generation = ++this.#generation;
    if (!quiet || this.status === 'error') {
      this.status = 'loading';
      context.host.requestUpdate();
    }
    try {
      const result = await fetch(api);
      if (generation !== this.#generation) return;
      adopt(result);
      this.status = 'ready';
    } catch (error) {
      if (generation !== this.#generation) return;
      this.status = 'error';
      this.error = context.describe(error);
      context.failed(error);
    }
    context.host.requestUpdate();
  }
}
