import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { capitalize, type DeskContext } from './desk-context.js';
import { addDays, dateInstant, localDateOf, today, type LocalDate } from '../dates.js';
import type { Slot, SlotList } from './types.js';

/** How many days of free times the picker shows at once. */
export const SLOT_RANGE_DAYS = 21;

/**
 * The free times of one caseworker for one citizen and meeting type, as radio buttons grouped by day.
 * Owned by a form; it loads, keeps the choice and renders, the form decides what to do with it.
 */
export class SlotPicker {
  readonly #context: DeskContext;
  readonly #id: string;
  status: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  list: SlotList | undefined;
  selected = '';
  loadError = '';
  from: LocalDate = today();
  #query = '';
  #generation = 0;

  constructor(context: DeskContext, id: string) {
    this.#context = context;
    this.#id = id;
  }

  get selectedSlot(): Slot | undefined {
    return this.list?.slots.find((slot) => slot.id === this.selected);
  }

  clear(): void {
    this.#generation += 1;
    this.status = 'idle';
    this.list = undefined;
    this.selected = '';
    this.#query = '';
    this.#context.host.requestUpdate();
  }

  /** Fetches free times; keeps the choice when it is still free. */
  async load(citizenId: string, meetingTypeId: string, from: LocalDate = this.from): Promise<void> {
    const api = this.#context.api;
    if (!api) return;
    const generation = ++this.#generation;
    this.#query = JSON.stringify([citizenId, meetingTypeId]);
    this.from = from;
    this.status = 'loading';
    this.#context.host.requestUpdate();
    try {
      const list = await api.slots(citizenId, meetingTypeId, from, addDays(from, SLOT_RANGE_DAYS - 1));
      if (generation !== this.#generation) return;
      this.list = list;
      if (!list.slots.some((slot) => slot.id === this.selected)) this.selected = '';
      this.status = 'ready';
    } catch (error) {
      if (generation !== this.#generation) return;
      this.status = 'error';
      this.loadError = this.#context.describe(error);
      this.#context.failed(error);
    }
    this.#context.host.requestUpdate();
  }

  reload(): Promise<void> {
    const [citizenId, meetingTypeId] = JSON.parse(this.#query || '["",""]') as [string, string];
    return citizenId === '' ? Promise.resolve() : this.load(citizenId, meetingTypeId);
  }

  /** The chosen time was taken by someone else meanwhile: drop the choice and show the free times as they are now. */
  forgetTakenChoice(): void {
    this.selected = '';
    void this.reload();
  }

  /** The first radio button, to move focus to when the choice is missing. */
  get firstControlSelector(): string {
    return `#${this.#id} input[type=radio]`;
  }

  render(error: string | undefined): TemplateResult {
    const { t, format } = this.#context;
    const id = this.#id;
    if (this.status === 'idle') return html``;
    if (this.status === 'loading') {
      return html`<p class="desk-loading" id=${id} role="status">${t('slots.loading')}</p>`;
    }
    if (this.status === 'error' || !this.list) {
      return html`
        <div class="ju-message ju-message--error" id=${id} role="alert">
          <p>${this.loadError}</p>
          <button class="ju-button ju-button--secondary" type="button" @click=${() => void this.reload()}>${t('action.retry')}</button>
        </div>
      `;
    }
    const byDay = new Map<LocalDate, Slot[]>();
    for (const slot of this.list.slots) {
      const day = localDateOf(slot.start);
      byDay.set(day, [...(byDay.get(day) ?? []), slot]);
    }
    const range = t('slots.range', {
      from: format.date(dateInstant(this.from), { day: 'numeric', month: 'long' }),
      to: format.date(dateInstant(addDays(this.from, SLOT_RANGE_DAYS - 1)), { day: 'numeric', month: 'long' }),
    });
    const next = this.list.nextAvailable;
    const later = next
      ? html`<button class="ju-button ju-button--secondary" type="button" @click=${() => void this.#loadFrom(next)}>
          ${t('slots.show-from', { date: format.date(dateInstant(next), { weekday: 'long', day: 'numeric', month: 'long' }) })}
        </button>`
      : nothing;
    const earlier =
      this.from > today()
        ? html`<button class="ju-button ju-button--quiet" type="button" @click=${() => void this.#loadFrom(today())}>${t('slots.show-first')}</button>`
        : nothing;
    if (byDay.size === 0) {
      return html`
        <div id=${id} class="desk-slots" tabindex="-1">
          <p class="ju-message">${t('slots.none', { range })}</p>
          ${later} ${earlier}
        </div>
      `;
    }
    const describedBy = error ? `${id}-error` : undefined;
    return html`
      <fieldset class="desk-slots" id=${id} part="slots" aria-describedby=${ifDefined(describedBy)}>
        <legend class="ju-label">${t('slots.legend')}</legend>
        <p class="ju-hint">${range}</p>
        ${error ? html`<p class="ju-error-text" id=${`${id}-error`}>${error}</p>` : nothing}
        ${[...byDay].map(([day, slots]) => this.#renderDay(day, slots))}
        <div class="desk-actions">${earlier} ${later}</div>
      </fieldset>
    `;
  }

  #renderDay(day: LocalDate, slots: Slot[]): TemplateResult {
    const { t, format } = this.#context;
    const dayName = capitalize(format.date(dateInstant(day), { weekday: 'long', day: 'numeric', month: 'long' }), format.locale);
    return html`
      <fieldset class="desk-slot-day">
        <legend>${t('slots.day', { day: dayName, count: slots.length })}</legend>
        <div class="desk-slot-grid">
          ${slots.map((slot) => {
            const controlId = `${this.#id}-${slot.id}`;
            return html`
              <span class="desk-slot">
                <input
                  type="radio"
                  id=${controlId}
                  name=${this.#id}
                  value=${slot.id}
                  .checked=${slot.id === this.selected}
                  @change=${() => { this.selected = slot.id; this.#context.host.requestUpdate(); }}
                />
                <label for=${controlId}>${format.time(new Date(slot.start))}–${format.time(new Date(slot.end))}</label>
              </span>
            `;
          })}
        </div>
      </fieldset>
    `;
  }

  async #loadFrom(from: LocalDate): Promise<void> {
    const [citizenId, meetingTypeId] = JSON.parse(this.#query || '["",""]') as [string, string];
    if (citizenId === '') return;
    await this.load(citizenId, meetingTypeId, from);
    this.#context.focus(`#${this.#id}`);
  }
}
