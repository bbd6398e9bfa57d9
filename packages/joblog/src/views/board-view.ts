import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { OUTCOMES, STATUSES, type JoblogEntry, type Outcome, type Status } from '../model/entry.js';
import { dateOf, viewHeading, deadlineNote } from './entry-labels.js';
import type { ViewContext } from './view-context.js';

/** Cards a column shows before "Vis alle (123)". */
export const BOARD_COLUMN_LIMIT = 30;
/** How long the board keeps trying to put focus on a moved card while the shell saves. */
const FOCUS_PENDING_MS = 3000;

type Host = HTMLElement & { requestUpdate(): void };

interface PendingFocus {
  entryId: string;
  status: Status;
  target: 'move' | 'outcome';
  until: number;
}

/** Applications by status, newest first; rebuilt only when the entries array changes. */
function groupByStatus(entries: readonly JoblogEntry[]): Record<Status, JoblogEntry[]> {
  const columns: Record<Status, JoblogEntry[]> = { saved: [], applied: [], interview: [], closed: [] };
  for (const entry of entries) if (entry.type === 'application') columns[entry.status].push(entry);
  for (const status of STATUSES) columns[status].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.createdAt < b.createdAt ? 1 : -1));
  return columns;
}

/**
 * The board: one column per status (applications only). A card moves by its "Flyt" menu (keyboard and screen
 * readers) or by dragging; focus follows the card to its new column. Closing asks how it ended first.
 */
export class BoardView {
  readonly #host: Host;
  #groupedEntries: readonly JoblogEntry[] | undefined;
  #columns: Record<Status, JoblogEntry[]> = { saved: [], applied: [], interview: [], closed: [] };
  readonly #expanded = new Set<Status>();
  #menuFor: string | null = null;
  #closing: string | null = null;
  #dragging: string | null = null;
  #dropTarget: Status | null = null;
  #pendingFocus: PendingFocus | null = null;
  /** After "Vis alle": focus goes to the first card that was not shown before (the button itself goes away). */
  #focusFirstNewIn: Status | null = null;

  constructor(host: Host) {
    this.#host = host;
  }

  #root(): ParentNode {
    return this.#host.shadowRoot ?? this.#host;
  }

  #card(entryId: string): HTMLElement | null {
    return this.#root().querySelector<HTMLElement>(`.ju-joblog-card[data-entry-id="${CSS.escape(entryId)}"]`);
  }

  afterUpdate(): void {
    if (this.#focusFirstNewIn !== null) {
      const cards = this.#root().querySelectorAll<HTMLElement>(`[data-column="${this.#focusFirstNewIn}"] .ju-joblog-card-open`);
      if (cards.length > BOARD_COLUMN_LIMIT) cards[BOARD_COLUMN_LIMIT].focus();
      this.#focusFirstNewIn = null;
    }
    const pending = this.#pendingFocus;
    if (!pending) return;
    if (Date.now() > pending.until) {
      this.#pendingFocus = null;
      return;
    }
    const card = this.#card(pending.entryId);
    if (!card || card.closest<HTMLElement>('[data-column]')?.dataset['column'] !== pending.status) return; // not saved yet
    const target = card.querySelector<HTMLElement>(pending.target === 'outcome' ? '.ju-joblog-outcome button' : '.ju-joblog-card-move');
    if (!target) return;
    this.#pendingFocus = null;
    target.focus();
  }

  #changed(): void {
    this.#host.requestUpdate();
  }

  #move(ctx: ViewContext, entry: JoblogEntry, status: Status): void {
    this.#menuFor = null;
    if (status === entry.status) {
      this.#focusLater(entry.id, entry.status, 'move');
      this.#changed();
      return;
    }
    if (status === 'closed') {
      this.#closing = entry.id;
      this.#focusLater(entry.id, entry.status, 'outcome');
      this.#changed();
      return;
    }
    this.#closing = null;
    this.#focusLater(entry.id, status, 'move');
    // The shell announces the move once it is saved ("Lagermedarbejder er flyttet til Samtale."), not before.
    ctx.changeStatus(entry.id, status, null);
    this.#changed();
  }

  #close(ctx: ViewContext, entry: JoblogEntry, outcome: Outcome): void {
    this.#closing = null;
    this.#focusLater(entry.id, 'closed', 'move');
    ctx.changeStatus(entry.id, 'closed', outcome);
    this.#changed();
  }

  #focusLater(entryId: string, status: Status, target: PendingFocus['target']): void {
    this.#pendingFocus = { entryId, status, target, until: Date.now() + FOCUS_PENDING_MS };
  }

  render(ctx: ViewContext): TemplateResult {
    if (ctx.entries !== this.#groupedEntries) {
      this.#groupedEntries = ctx.entries;
      this.#columns = groupByStatus(ctx.entries);
    }
    if (ctx.readOnly) {
      this.#menuFor = null;
      this.#closing = null;
    }
    return html`<div class="ju-joblog-board" part="board" role="group" aria-label=${ctx.t('views.board.heading')}>
      ${STATUSES.map((status) => this.#renderColumn(ctx, status))}
    </div>`;
  }

  #renderColumn(ctx: ViewContext, status: Status): TemplateResult {
    const all = this.#columns[status];
    const pinned = this.#pendingFocus?.status === status ? this.#pendingFocus.entryId : this.#closing;
    const pinnedAt = pinned === null ? -1 : all.findIndex((entry) => entry.id === pinned);
    const expanded = this.#expanded.has(status) || pinnedAt >= BOARD_COLUMN_LIMIT;
    const shown = expanded ? all : all.slice(0, BOARD_COLUMN_LIMIT);
    const headingId = `ju-joblog-column-${status}`;
    const onDragOver = (event: DragEvent): void => {
      if (ctx.readOnly || this.#dragging === null) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
      if (this.#dropTarget !== status) {
        this.#dropTarget = status;
        this.#changed();
      }
    };
    const onDrop = (event: DragEvent): void => {
      if (ctx.readOnly) return;
      event.preventDefault();
      const entryId = event.dataTransfer?.getData('text/plain') || this.#dragging;
      this.#dragging = null;
      this.#dropTarget = null;
      const entry = ctx.entries.find((candidate) => candidate.id === entryId);
      if (entry) this.#move(ctx, entry, status);
      else this.#changed();
    };
    return html`<section class="ju-joblog-column ${this.#dropTarget === status ? 'ju-joblog-column--drop' : ''}" part="column" data-column=${status}
        aria-labelledby=${headingId} @dragover=${onDragOver} @drop=${onDrop}
        @dragleave=${(event: DragEvent) => { if (this.#dropTarget === status && !(event.currentTarget as HTMLElement).contains(event.relatedTarget as Node | null)) { this.#dropTarget = null; this.#changed(); } }}>
      ${viewHeading(ctx, headingId, html`${ctx.t(`views.status.${status}`)} <span class="ju-joblog-column-count">(${ctx.format.number(all.length)})</span>`, false, 'ju-joblog-column-heading')}
      ${all.length === 0 ? html`<p class="ju-joblog-column-empty">${ctx.t('views.board.column-empty')}</p>` : nothing}
      <ol class="ju-joblog-cards" role="list">
        ${repeat(shown, (entry) => entry.id, (entry) => this.#renderCard(ctx, entry))}
      </ol>
      ${all.length > shown.length
        ? html`<button type="button" class="ju-button ju-button--secondary ju-joblog-show-all" @click=${() => { this.#expanded.add(status); this.#focusFirstNewIn = status; this.#changed(); }}>
            ${ctx.t('views.board.show-all', { count: all.length, number: ctx.format.number(all.length) })}</button>`
        : nothing}
    </section>`;
  }

  #renderCard(ctx: ViewContext, entry: JoblogEntry): TemplateResult {
    const title = entry.title.trim() === '' ? ctx.t('views.untitled') : entry.title;
    const where = [entry.employer, entry.town].filter((part) => part.trim() !== '').join(', ');
    const deadline = deadlineNote(entry, ctx);
    const menuOpen = this.#menuFor === entry.id;
    const menuId = `ju-joblog-move-${entry.id}`;
    return html`<li class="ju-joblog-card ${this.#dragging === entry.id ? 'ju-joblog-card--dragging' : ''}" part="card" data-entry-id=${entry.id}
        draggable=${ctx.readOnly ? 'false' : 'true'}
        @dragstart=${(event: DragEvent) => {
          if (ctx.readOnly) return;
          this.#dragging = entry.id;
          this.#menuFor = null;
          event.dataTransfer?.setData('text/plain', entry.id);
          if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
          this.#changed();
        }}
        @dragend=${() => { this.#dragging = null; this.#dropTarget = null; this.#changed(); }}>
      <button type="button" class="ju-joblog-card-open" part="card-open" @click=${(event: Event) => { ctx.open(entry.id, event.currentTarget as HTMLElement); }}>${title}</button>
      ${where === '' ? nothing : html`<p class="ju-joblog-card-where">${where}</p>`}
      <p class="ju-joblog-card-facts"><span>${ctx.format.date(dateOf(entry.date))}</span>${entry.status === 'closed' && entry.outcome ? html` <span>${ctx.t(`views.outcome.${entry.outcome}`)}</span>` : nothing}${deadline ? html` <span class="ju-joblog-deadline">${deadline}</span>` : nothing}</p>
      ${ctx.readOnly
        ? nothing
        : html`<button type="button" class="ju-button ju-button--secondary ju-joblog-card-move" part="card-move" aria-expanded=${menuOpen ? 'true' : 'false'} aria-controls=${menuId}
              @click=${() => { this.#menuFor = menuOpen ? null : entry.id; this.#closing = null; this.#changed(); }}>
              <span aria-hidden="true">${ctx.t('views.board.move')}</span><span class="ju-visually-hidden">${ctx.t('views.board.move')}: ${title}</span></button>
            <ul class="ju-joblog-move-menu" id=${menuId} role="list" ?hidden=${!menuOpen}
              @keydown=${(event: KeyboardEvent) => { if (event.key === 'Escape') { this.#menuFor = null; this.#focusLater(entry.id, entry.status, 'move'); this.#changed(); } }}>
              ${menuOpen
                ? STATUSES.filter((status) => status !== entry.status).map((status) => html`<li><button type="button" class="ju-button ju-button--quiet" data-move-to=${status}
                    @click=${() => { this.#move(ctx, entry, status); }}>${ctx.t('views.board.move-to', { status: ctx.t(`views.status.${status}`) })}</button></li>`)
                : nothing}
            </ul>
            ${this.#closing === entry.id ? this.#renderOutcomeChoice(ctx, entry) : nothing}`}
    </li>`;
  }

  #renderOutcomeChoice(ctx: ViewContext, entry: JoblogEntry): TemplateResult {
    return html`<fieldset class="ju-joblog-outcome" part="outcome"
        @keydown=${(event: KeyboardEvent) => { if (event.key === 'Escape') { this.#closing = null; this.#focusLater(entry.id, entry.status, 'move'); this.#changed(); } }}>
      <legend>${ctx.t('views.board.outcome-question')}</legend>
      ${OUTCOMES.map((outcome) => html`<button type="button" class="ju-button ju-button--secondary" data-outcome=${outcome} @click=${() => { this.#close(ctx, entry, outcome); }}>${ctx.t(`views.outcome.${outcome}`)}</button>`)}
      <button type="button" class="ju-button ju-button--quiet" data-outcome="cancel" @click=${() => { this.#closing = null; this.#focusLater(entry.id, entry.status, 'move'); this.#changed(); }}>${ctx.t('views.board.cancel')}</button>
    </fieldset>`;
  }
}
