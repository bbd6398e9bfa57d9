import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import { ListView } from './list-view.js';
import type { ViewContext } from './view-context.js';
import { WeeksView } from './weeks-view.js';

/** The views a reader who may not change anything gets (the caseworker's viewer): no board, since it is for moving. */
export type ReadOnlyView = 'list' | 'weeks';

/**
 * The list and the week overview without the board, for `<ju-joblog-viewer>`: the same windowed list (fast at 10,000
 * entries) and week rows as `<ju-joblog>`, rendered with `readOnly: true`. The board's code is not loaded at all.
 */
export class ReadOnlyViews implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #list: ListView;
  readonly #weeks: WeeksView;
  #rendered: ReadOnlyView | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    this.#list = new ListView(host);
    this.#weeks = new WeeksView(host);
    host.addController(this);
  }

  get listResultIds(): readonly string[] {
    return this.#list.resultIds;
  }

  hostDisconnected(): void {
    this.#list.disconnect();
  }

  hostUpdated(): void {
    if (this.#rendered === 'list') this.#list.afterUpdate();
    else if (this.#rendered === 'weeks') this.#weeks.afterUpdate();
  }

  /** Done with this joblog (another citizen, back to the list): the next one starts with a fresh search and scroll. */
  dispose(): void {
    this.#list.disconnect();
    this.#rendered = undefined;
    this.#host.removeController(this);
  }

  render(view: ReadOnlyView, ctx: ViewContext): TemplateResult {
    if (this.#rendered === 'list' && view !== 'list') this.#list.disconnect();
    this.#rendered = view;
    return view === 'list' ? this.#list.render({ ...ctx, readOnly: true }) : this.#weeks.render({ ...ctx, readOnly: true });
  }
}
