import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { BoardView } from './board-view.js';
import { ListView } from './list-view.js';
import type { JoblogView, ViewContext } from './view-context.js';
import type { WeeksView } from './weeks-view.js';

type Host = ReactiveControllerHost & HTMLElement;
type LaterView = 'board' | 'weeks';

/** The board's and the week overview's code: fetched when first shown, or when the browser is idle after the list. */
const LATER_VIEWS = {
  board: () => import('./board-view.js').then((module) => module.BoardView),
  weeks: () => import('./weeks-view.js').then((module) => module.WeeksView),
} satisfies Record<LaterView, () => Promise<new (host: Host) => BoardView | WeeksView>>;

/**
 * The three views of `<ju-joblog>` as one controller the shell renders through: `render('list', ctx)`. Each view
 * keeps its own state (search and scroll position, expanded columns, expanded weeks) while the reader switches
 * between them, and memoises its work on the identity of `ctx.entries`. The list comes with this module; the board
 * and the week overview load when first shown (or when the browser is idle), so a citizen who only uses the list
 * never downloads them.
 */
export class JoblogViews implements ReactiveController {
  readonly #host: Host;
  readonly #list: ListView;
  readonly #later: Partial<Record<LaterView, BoardView | WeeksView>> = {};
  readonly #loading = new Map<LaterView, Promise<void>>();
  readonly #failed = new Set<LaterView>();
  #rendered: JoblogView | undefined;
  #preloadScheduled = false;

  constructor(host: Host) {
    this.#host = host;
    this.#list = new ListView(host);
    host.addController(this);
  }

  /** The list's ids in the order shown (after search, filters, sort): for export of "what I see", and tests. */
  get listResultIds(): readonly string[] {
    return this.#list.resultIds;
  }

  /** Resolves when `view`'s code is here (at once for the list); rejects when it could not be fetched. */
  ready(view: JoblogView): Promise<void> {
    return view === 'list' ? Promise.resolve() : this.#load(view);
  }

  hostDisconnected(): void {
    this.#list.disconnect();
  }

  hostUpdated(): void {
    if (this.#rendered === 'list') this.#list.afterUpdate();
    else if (this.#rendered !== undefined) this.#later[this.#rendered]?.afterUpdate();
    if (this.#rendered !== undefined && !this.#preloadScheduled) this.#preloadWhenIdle();
  }

  render(view: JoblogView, ctx: ViewContext): TemplateResult {
    if (this.#rendered === 'list' && view !== 'list') this.#list.disconnect();
    this.#rendered = view;
    if (view === 'list') return this.#list.render(ctx);
    const later = this.#later[view];
    if (later !== undefined) return later.render(ctx);
    if (this.#failed.has(view)) {
      return html`<div class="ju-joblog-view-failed" role="alert"><p>${ctx.t('views.loadFailed')}</p>
        <button type="button" class="ju-button ju-button--secondary" @click=${() => { this.#retry(view); }}>${ctx.t('views.retry')}</button></div>`;
    }
    this.#load(view).catch(() => undefined);
    return html`<p class="ju-joblog-view-loading" role="status">${ctx.t('views.loading')}</p>`;
  }

  #load(view: LaterView): Promise<void> {
    const pending = this.#loading.get(view);
    if (pending !== undefined) return pending;
    const loading = LATER_VIEWS[view]().then((View) => {
      this.#later[view] = new View(this.#host);
      this.#failed.delete(view);
      this.#host.requestUpdate();
    }, (error: unknown) => {
      this.#loading.delete(view);
      this.#failed.add(view);
      this.#host.requestUpdate();
      throw error;
    });
    this.#loading.set(view, loading);
    return loading;
  }

  #retry(view: LaterView): void {
    this.#failed.delete(view);
    this.#host.requestUpdate();
  }

  /** Once something is shown, the other views are fetched while the browser has nothing else to do. */
  #preloadWhenIdle(): void {
    this.#preloadScheduled = true;
    // Only the code is fetched (a failure here is tried again when the view is shown).
    const fetchAll = (): void => { for (const load of Object.values(LATER_VIEWS)) void load().catch(() => undefined); };
    if (typeof requestIdleCallback === 'function') requestIdleCallback(fetchAll, { timeout: 5000 });
    else setTimeout(fetchAll, 3000);
  }
}
