import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import { ENTRY_TYPES, STATUSES, type EntryType, type IsoDate, type JoblogEntry, type Status } from '../model/entry.js';
import { dateOf, viewHeading, deadlineNote, statusLabel } from './entry-labels.js';
import { SORT_KEYS, filterEntries, prepareIndex, type EntrySort, type SearchIndex, type SortKey } from '../model/query.js';
import type { ViewContext } from './view-context.js';

/** Rows rendered beyond the visible ones on each side, so Tab and quick scrolling find rows already there. */
export const LIST_OVERSCAN = 8;
/** How long typing must pause before the result count is announced. */
export const COUNT_ANNOUNCE_DELAY_MS = 700;
/** Until a row has been measured: the narrow layout's height (rows have a fixed height per breakpoint). */
const ASSUMED_ROW_HEIGHT = 128;
const ASSUMED_VIEWPORT_HEIGHT = 640;

/** The list's own form state: one status and one type at a time (the model's filter takes lists). */
interface ListFilter {
  text: string;
  status: Status | null;
  type: EntryType | null;
  from: IsoDate | null;
  to: IsoDate | null;
}

type Host = HTMLElement & { requestUpdate(): void };

/**
 * The list: search, filters and sort over a prepared index (rebuilt only when the entries array changes), and
 * rows windowed to the ones in view, so 10,000 entries keep the DOM small and typing fast. Every row stays
 * reachable: the rows are list items that say their place in the whole list (`aria-posinset`/`aria-setsize`),
 * and moving focus (Tab) or scrolling brings the next ones in.
 */
export class ListView {
  readonly #host: Host;
  #filter: ListFilter = { text: '', status: null, type: null, from: null, to: null };
  #sort: EntrySort = { key: 'date', direction: 'desc' };
  #indexedEntries: readonly JoblogEntry[] | undefined;
  #index: SearchIndex | undefined;
  #byId = new Map<string, JoblogEntry>();
  #resultIds: string[] | undefined;
  #scrollTop = 0;
  #viewportHeight = ASSUMED_VIEWPORT_HEIGHT;
  #rowHeight = ASSUMED_ROW_HEIGHT;
  #firstRendered = 0;
  #lastRendered = 0;
  #announceTimer: ReturnType<typeof setTimeout> | undefined;
  #ctx: ViewContext | undefined;
  #resizeObserver: ResizeObserver | undefined;
  #observedViewport: Element | undefined;
  #observedRow: Element | undefined;

  constructor(host: Host) {
    this.#host = host;
  }

  /** The ids the list shows, in order (after search, filters and sort). */
  get resultIds(): readonly string[] {
    return this.#resultIds ?? [];
  }

  disconnect(): void {
    clearTimeout(this.#announceTimer);
    this.#resizeObserver?.disconnect();
    this.#resizeObserver = undefined;
    this.#observedViewport = undefined;
    this.#observedRow = undefined;
  }

  #results(ctx: ViewContext): string[] {
    if (ctx.entries !== this.#indexedEntries || !this.#index) {
      this.#indexedEntries = ctx.entries;
      this.#index = prepareIndex(ctx.entries);
      this.#byId = new Map(ctx.entries.map((entry) => [entry.id, entry]));
      this.#resultIds = undefined;
    }
    const { text, status, type, from, to } = this.#filter;
    this.#resultIds ??= filterEntries(this.#index, { text, statuses: status ? [status] : null, types: type ? [type] : null, from, to }, this.#sort);
    return this.#resultIds;
  }

  #update(change: () => void, announce: boolean): void {
    change();
    this.#resultIds = undefined;
    this.#scrollTop = 0;
    const viewport = this.#viewport();
    if (viewport) viewport.scrollTop = 0;
    this.#host.requestUpdate();
    if (announce) this.#scheduleCountAnnouncement();
  }

  #scheduleCountAnnouncement(): void {
    clearTimeout(this.#announceTimer);
    this.#announceTimer = setTimeout(() => {
      const ctx = this.#ctx;
      if (!ctx) return;
      ctx.announce(this.#countText(ctx, this.#results(ctx).length));
    }, COUNT_ANNOUNCE_DELAY_MS);
  }

  #countText(ctx: ViewContext, count: number): string {
    return count === ctx.entries.length
      ? ctx.t('views.list.count-all', { count, number: ctx.format.number(count) })
      : ctx.t('views.list.count-filtered', { count, number: ctx.format.number(count), total: ctx.format.number(ctx.entries.length) });
  }

  #viewport(): HTMLElement | null {
    return (this.#host.shadowRoot ?? this.#host).querySelector<HTMLElement>('.ju-joblog-list-viewport');
  }

  readonly #onScroll = (event: Event): void => {
    const viewport = event.currentTarget as HTMLElement;
    this.#scrollTop = viewport.scrollTop;
    const [first, last] = this.#windowFor(this.#resultIds?.length ?? 0);
    if (first !== this.#firstRendered || last !== this.#lastRendered) this.#host.requestUpdate();
  };

  #windowFor(total: number): [number, number] {
    const firstVisible = Math.floor(this.#scrollTop / this.#rowHeight);
    const visibleCount = Math.ceil(this.#viewportHeight / this.#rowHeight) + 1;
    const first = Math.max(0, Math.min(firstVisible, total) - LIST_OVERSCAN);
    const last = Math.min(total, firstVisible + visibleCount + LIST_OVERSCAN);
    return [first, last];
  }

  /**
   * After each render: measure a row and the viewport, and size the list to the whole result (through CSSOM, which
   * a strict CSP allows). A row's height changes with the text size (rows are sized in em) and the breakpoint; a
   * ResizeObserver on the viewport and on the first row catches that between renders.
   */
  afterUpdate(): void {
    const viewport = this.#viewport();
    if (!viewport) return;
    const row = viewport.querySelector<HTMLElement>('.ju-joblog-row');
    if (this.#observedViewport !== viewport) {
      this.#resizeObserver?.disconnect();
      this.#observedViewport = viewport;
      this.#observedRow = undefined;
      this.#resizeObserver = new ResizeObserver(() => {
        if (this.#measure(viewport)) this.#host.requestUpdate();
      });
      this.#resizeObserver.observe(viewport);
    }
    if (row && row !== this.#observedRow) {
      if (this.#observedRow) this.#resizeObserver?.unobserve(this.#observedRow);
      this.#observedRow = row;
      this.#resizeObserver?.observe(row);
    }
    const changed = this.#measure(viewport);
    const list = viewport.querySelector<HTMLElement>('.ju-joblog-rows');
    if (list) {
      const total = this.#resultIds?.length ?? 0;
      list.style.setProperty('--_ju-joblog-list-height', `${String(total * this.#rowHeight)}px`);
      list.style.setProperty('--_ju-joblog-list-offset', `${String(this.#firstRendered * this.#rowHeight)}px`);
    }
    // A microtask: still before the frame is painted, but outside this update (Lit warns about updates inside).
    if (changed) queueMicrotask(() => { this.#host.requestUpdate(); });
  }

  /** Reads the row and viewport heights; true when the window must be worked out again. */
  #measure(viewport: HTMLElement): boolean {
    let changed = false;
    const height = viewport.clientHeight;
    if (height > 0 && height !== this.#viewportHeight) {
      this.#viewportHeight = height;
      changed = true;
    }
    const rowHeight = viewport.querySelector<HTMLElement>('.ju-joblog-row')?.getBoundingClientRect().height ?? 0;
    if (rowHeight > 0 && Math.abs(rowHeight - this.#rowHeight) > 0.5) {
      this.#rowHeight = rowHeight;
      changed = true;
    }
    return changed;
  }

  render(ctx: ViewContext): TemplateResult {
    this.#ctx = ctx;
    const ids = this.#results(ctx);
    const [first, last] = this.#windowFor(ids.length);
    this.#firstRendered = first;
    this.#lastRendered = last;
    const rows: JoblogEntry[] = [];
    for (let position = first; position < last; position++) {
      const entry = this.#byId.get(ids[position] ?? '');
      if (entry) rows.push(entry);
    }
    const total = ids.length;
    return html`
      <section class="ju-joblog-list" part="list" aria-labelledby="ju-joblog-list-heading">
        ${viewHeading(ctx, 'ju-joblog-list-heading', ctx.t('views.list.heading'), true)}
        ${this.#renderControls(ctx)}
        <p class="ju-joblog-count" part="list-count" id="ju-joblog-list-count">${this.#countText(ctx, total)}</p>
        ${total === 0
          ? html`<p class="ju-joblog-empty" part="list-empty">${ctx.entries.length === 0 ? ctx.t('views.list.empty') : ctx.t('views.list.no-match')}</p>`
          : nothing}
        <div class="ju-joblog-list-viewport" part="list-viewport" @scroll=${this.#onScroll} ?hidden=${total === 0}>
          <ol class="ju-joblog-rows" role="list" aria-labelledby="ju-joblog-list-heading" aria-describedby="ju-joblog-list-count">
            ${repeat(rows, (entry) => entry.id, (entry, offset) => renderListRow(ctx, entry, first + offset + 1, total))}
          </ol>
        </div>
      </section>
    `;
  }

  #renderControls(ctx: ViewContext): TemplateResult {
    const filter = this.#filter;
    const sort = this.#sort;
    const option = (value: string, label: string, selected: boolean): TemplateResult => html`<option value=${value} ?selected=${selected}>${label}</option>`;
    return html`<form class="ju-joblog-list-controls" part="list-controls" role="search" aria-label=${ctx.t('views.list.search-region')} @submit=${(event: Event) => { event.preventDefault(); }}>
      <div class="ju-field ju-joblog-search">
        <label class="ju-label" for="ju-joblog-search">${ctx.t('views.list.search')}</label>
        <input class="ju-input" id="ju-joblog-search" type="search" autocomplete="off" .value=${filter.text}
          @input=${(event: Event) => { this.#update(() => { this.#filter = { ...this.#filter, text: (event.target as HTMLInputElement).value }; }, true); }} />
      </div>
      <div class="ju-joblog-filters">
        <div class="ju-field">
          <label class="ju-label" for="ju-joblog-filter-status">${ctx.t('views.list.filter-status')}</label>
          <select class="ju-input" id="ju-joblog-filter-status" @change=${(event: Event) => { const value = (event.target as HTMLSelectElement).value; this.#update(() => { this.#filter = { ...this.#filter, status: value === '' ? null : (value as Status) }; }, true); }}>
            ${option('', ctx.t('views.list.all-statuses'), filter.status === null)}
            ${STATUSES.map((status) => option(status, ctx.t(`views.status.${status}`), filter.status === status))}
          </select>
        </div>
        <div class="ju-field">
          <label class="ju-label" for="ju-joblog-filter-type">${ctx.t('views.list.filter-type')}</label>
          <select class="ju-input" id="ju-joblog-filter-type" @change=${(event: Event) => { const value = (event.target as HTMLSelectElement).value; this.#update(() => { this.#filter = { ...this.#filter, type: value === '' ? null : (value as EntryType) }; }, true); }}>
            ${option('', ctx.t('views.list.all-types'), filter.type === null)}
            ${ENTRY_TYPES.map((type) => option(type, ctx.t(`views.type.${type}`), filter.type === type))}
          </select>
        </div>
        <div class="ju-field">
          <label class="ju-label" for="ju-joblog-filter-from">${ctx.t('views.list.from')}</label>
          <input class="ju-input" id="ju-joblog-filter-from" type="date" .value=${filter.from ?? ''} max=${ifDefined(filter.to ?? undefined)}
            @change=${(event: Event) => { const value = (event.target as HTMLInputElement).value; this.#update(() => { this.#filter = { ...this.#filter, from: value === '' ? null : value }; }, true); }} />
        </div>
        <div class="ju-field">
          <label class="ju-label" for="ju-joblog-filter-to">${ctx.t('views.list.to')}</label>
          <input class="ju-input" id="ju-joblog-filter-to" type="date" .value=${filter.to ?? ''} min=${ifDefined(filter.from ?? undefined)}
            @change=${(event: Event) => { const value = (event.target as HTMLInputElement).value; this.#update(() => { this.#filter = { ...this.#filter, to: value === '' ? null : value }; }, true); }} />
        </div>
        <div class="ju-field">
          <label class="ju-label" for="ju-joblog-sort">${ctx.t('views.list.sort')}</label>
          <select class="ju-input" id="ju-joblog-sort" @change=${(event: Event) => { const value = (event.target as HTMLSelectElement).value as SortKey; this.#update(() => { this.#sort = { ...this.#sort, key: value }; }, false); }}>
            ${SORT_KEYS.map((key) => option(key, ctx.t(`views.sort.${key}`), sort.key === key))}
          </select>
        </div>
        <div class="ju-field">
          <label class="ju-label" for="ju-joblog-sort-direction">${ctx.t('views.list.direction')}</label>
          <select class="ju-input" id="ju-joblog-sort-direction" @change=${(event: Event) => { const value = (event.target as HTMLSelectElement).value as EntrySort['direction']; this.#update(() => { this.#sort = { ...this.#sort, direction: value }; }, false); }}>
            ${option('desc', ctx.t(`views.direction.${sort.key}-desc`), sort.direction === 'desc')}
            ${option('asc', ctx.t(`views.direction.${sort.key}-asc`), sort.direction === 'asc')}
          </select>
        </div>
      </div>
    </form>`;
  }
}

/** One row of the list: the title opens the entry; `position` is 1-based in the whole (filtered) list. */
export function renderListRow(ctx: ViewContext, entry: JoblogEntry, position: number, total: number): TemplateResult {
  const deadline = deadlineNote(entry, ctx);
  const where = [entry.employer, entry.town].filter((part) => part.trim() !== '').join(', ');
  return html`<li class="ju-joblog-row" part="row" data-entry-id=${entry.id} aria-posinset=${position} aria-setsize=${total}>
    <div class="ju-joblog-row-main">
      <button type="button" class="ju-joblog-row-open" part="row-open" @click=${(event: Event) => { ctx.open(entry.id, event.currentTarget as HTMLElement); }}>${entry.title.trim() === '' ? ctx.t('views.untitled') : entry.title}</button>
      <p class="ju-joblog-row-where">${where}</p>
    </div>
    <p class="ju-joblog-row-facts">
      <span>${ctx.format.date(dateOf(entry.date))}</span>
      <span class="ju-joblog-status" data-status=${entry.status}>${statusLabel(entry, ctx)}</span>
      ${deadline ? html`<span class="ju-joblog-deadline">${deadline}</span>` : nothing}
    </p>
  </li>`;
}
