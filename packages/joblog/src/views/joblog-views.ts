import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import { BoardView } from './board-view.js';
import { ListView } from './list-view.js';
import type { JoblogView, ViewContext } from './view-context.js';
import { WeeksView } from './weeks-view.js';

/**
 * The three views of `<ju-joblog>` as one controller the shell renders through: `render('list', ctx)`. Each view
 * keeps its own state (search and scroll position, expanded columns, expanded weeks) while the reader switches
 * between them, and memoises its work on the identity of `ctx.entries`.
 */
export class JoblogViews implements ReactiveController {
  readonly #list: ListView;
  readonly #board: BoardView;
  readonly #weeks: WeeksView;
  #rendered: JoblogView | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#list = new ListView(host);
    this.#board = new BoardView(host);
    this.#weeks = new WeeksView(host);
    host.addController(this);
  }

  /** The list's ids in the order shown (after search, filters, sort): for export of "what I see", and tests. */
  get listResultIds(): readonly string[] {
    return this.#list.resultIds;
  }

  hostDisconnected(): void {
    this.#list.disconnect();
  }

  hostUpdated(): void {
    if (this.#rendered === 'list') this.#list.afterUpdate();
    else if (this.#rendered === 'board') this.#board.afterUpdate();
    else if (this.#rendered === 'weeks') this.#weeks.afterUpdate();
  }

  render(view: JoblogView, ctx: ViewContext): TemplateResult {
    if (this.#rendered === 'list' && view !== 'list') this.#list.disconnect();
    this.#rendered = view;
    switch (view) {
      case 'list':
        return this.#list.render(ctx);
      case 'board':
        return this.#board.render(ctx);
      case 'weeks':
        return this.#weeks.render(ctx);
    }
  }
}
