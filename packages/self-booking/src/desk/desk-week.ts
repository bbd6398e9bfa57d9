import { html, nothing, type TemplateResult } from 'lit';
import { BookForm } from './desk-book-form.js';
import { CancelForm } from './desk-cancel-form.js';
import { capitalize, type DeskContext } from './desk-context.js';
import { MoveForm } from './desk-move-form.js';
import { loadErrorMessage, loadingMessage } from './desk-messages.js';
import { ViewLoader } from './desk-view-loader.js';
import { addDays, dateInstant, isoWeekday, isoWeekNumber, localDateOf, mondayOf, today, type LocalDate } from '../dates.js';
import type { AvailabilityException, DeskBooking } from './types.js';

type Task = CancelForm | MoveForm | BookForm;

/** The caseworker's week: a list per day of bookings, closed days, and the tasks cancel, move and book. */
export class WeekView {
  readonly #context: DeskContext;
  weekStart: LocalDate = mondayOf(today());
  readonly loader: ViewLoader;
  bookings: DeskBooking[] = [];
  exceptions: AvailabilityException[] = [];
  task: Task | undefined;
  /** Where focus goes back to when a task closes. */
  #returnFocus = '';

  constructor(context: DeskContext) {
    this.#context = context;
    this.loader = new ViewLoader(context);
  }

  /** Fetches the week; `quiet` keeps the current list on screen while it loads (live and focus refreshes). */
  load({ quiet = false } = {}): Promise<void> {
    return this.loader.load(
      (api) => Promise.all([api.bookings(this.weekStart, addDays(this.weekStart, 6)), api.availability(), this.#context.meetingTypes()]),
      ([bookings, availability]) => {
        this.bookings = bookings;
        this.exceptions = availability.availability.exceptions;
      },
      { quiet },
    );
  }

  showWeek(weekStart: LocalDate): void {
    this.weekStart = mondayOf(weekStart);
    void this.load().then(() => {
      this.#context.announce(this.#context.t('week.shown', this.#weekNames()));
    });
  }

  openBookForm(preset: { citizenId?: string; meetingTypeId?: string } = {}): void {
    this.#openTask(new BookForm(this.#context, (booked) => { this.#closeTask(booked); }, preset), '#book-open');
  }

  render(): TemplateResult {
    return this.task ? this.task.render() : this.#renderWeek();
  }

  #openTask(task: Task, returnFocus: string): void {
    this.task = task;
    this.#returnFocus = returnFocus;
    this.#context.host.requestUpdate();
    this.#context.focus('#task-heading');
  }

  #closeTask(changed: DeskBooking | undefined): void {
    this.task = undefined;
    if (changed) {
      const index = this.bookings.findIndex((booking) => booking.id === changed.id);
      if (index >= 0) this.bookings = this.bookings.with(index, changed);
      this.#context.changed('bookings');
    }
    this.#context.host.requestUpdate();
    // A moved or new booking may be in another week, and its buttons may be gone: the week heading is a safe place.
    this.#context.focus(changed ? '#week-heading' : this.#returnFocus || '#week-heading');
  }

  #weekNames(): { week: number; from: string; to: string } {
    const { format } = this.#context;
    const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long' };
    return {
      week: isoWeekNumber(this.weekStart),
      from: format.date(dateInstant(this.weekStart), options),
      to: format.date(dateInstant(addDays(this.weekStart, 6)), { ...options, year: 'numeric' }),
    };
  }

  #renderWeek(): TemplateResult {
    const { t } = this.#context;
    const names = this.#weekNames();
    const thisWeek = mondayOf(today());
    return html`
      <div class="desk-week-header" part="week-header">
        <div>
          <h3 id="week-heading" tabindex="-1">${t('week.title', names)}</h3>
          <p class="ju-hint">${t('week.range', names)}</p>
        </div>
        <div class="desk-actions" role="group" aria-label=${t('week.navigation')}>
          <button class="ju-button ju-button--secondary" type="button" id="week-previous" part="button" @click=${() => { this.showWeek(addDays(this.weekStart, -7)); }}>
            ${t('week.previous')}
          </button>
          <button
            class="ju-button ju-button--secondary"
            type="button"
            id="week-today"
            part="button"
            @click=${() => { this.showWeek(thisWeek); }}
          >
            ${t('week.today')}
          </button>
          <button class="ju-button ju-button--secondary" type="button" id="week-next" part="button" @click=${() => { this.showWeek(addDays(this.weekStart, 7)); }}>
            ${t('week.next')}
          </button>
        </div>
        <button class="ju-button" type="button" id="book-open" part="button" @click=${() => { this.openBookForm(); }}>${t('book.open')}</button>
      </div>
      ${this.#renderDays()}
    `;
  }

  #renderDays(): TemplateResult {
    const { t } = this.#context;
    if (this.loader.status === 'loading' && this.bookings.length === 0) return loadingMessage(t('week.loading'));
    if (this.loader.status === 'error') return loadErrorMessage(this.loader.error, t('action.retry'), () => void this.load());
    const days = Array.from({ length: 7 }, (_, index) => addDays(this.weekStart, index));
    const inWeek = (day: LocalDate): DeskBooking[] => this.bookings.filter((booking) => localDateOf(booking.start) === day);
    // Weekends only when something is on them: most job centres are closed then.
    const shown = days.filter((day) => isoWeekday(day) <= 5 || inWeek(day).length > 0);
    const closedDays = new Set(this.exceptions.map((exception) => exception.date));
    const needMove = this.bookings.filter((booking) => booking.status === 'booked' && closedDays.has(localDateOf(booking.start))).length;
    return html`
      ${needMove > 0 ? html`<p class="ju-message ju-message--error" part="needs-move-summary">${t('week.needs-move', { count: needMove })}</p>` : nothing}
      <ol class="desk-days" part="days" aria-busy=${this.loader.status === 'loading' ? 'true' : 'false'}>
        ${shown.map((day) => this.#renderDay(day, inWeek(day)))}
      </ol>
    `;
  }

  #renderDay(day: LocalDate, bookings: DeskBooking[]): TemplateResult {
    const { t, format } = this.#context;
    const closed = this.exceptions.find((exception) => exception.date === day);
    const isToday = day === today();
    const dayName = capitalize(format.date(dateInstant(day), { weekday: 'long', day: 'numeric', month: 'long' }), format.locale);
    const booked = bookings.filter((booking) => booking.status === 'booked').length;
    return html`
      <li class="desk-day ${isToday ? 'desk-day--today' : ''} ${closed ? 'desk-day--closed' : ''}" part="day">
        <h4 class="desk-day__title">
          ${dayName}${isToday ? html` <span class="desk-tag" part="tag">${t('week.today-tag')}</span>` : nothing}
          <span class="desk-day__count">${t('week.count', { count: booked })}</span>
        </h4>
        ${closed
          ? html`<p class="desk-closed" part="closed-day">
              ${t('week.closed', { kind: t(`exception.kind.${closed.kind}`) })}${closed.note ? html` · ${closed.note}` : nothing}
            </p>`
          : nothing}
        ${bookings.length === 0
          ? html`<p class="ju-hint">${closed ? t('week.closed-empty') : t('week.empty')}</p>`
          : html`<ul class="desk-bookings">${bookings.map((booking) => this.#renderBooking(booking, Boolean(closed)))}</ul>`}
      </li>
    `;
  }

  #renderBooking(booking: DeskBooking, dayClosed: boolean): TemplateResult {
    const { t, format } = this.#context;
    const cancelled = booking.status === 'cancelled';
    const start = new Date(booking.start);
    const time = `${format.time(start)}–${format.time(new Date(booking.end))}`;
    const name = booking.citizen.firstName;
    const upcoming = !cancelled && start.getTime() > Date.now();
    const context = t('booking.context', { name, time });
    return html`
      <li class="desk-booking ${cancelled ? 'desk-booking--cancelled' : ''}" part="booking">
        <p class="desk-booking__time"><time datetime=${booking.start}>${time}</time></p>
        <p class="desk-booking__who">${name} · ${booking.meetingType.title}</p>
        <p class="desk-booking__meta">
          ${cancelled
            ? html`<span class="desk-tag desk-tag--cancelled" part="tag">${t(booking.cancelledBy === 'caseworker' ? 'booking.cancelled-by-caseworker' : 'booking.cancelled-by-citizen')}</span>`
            : nothing}
          <span>${t(booking.bookedBy === 'caseworker' ? 'booking.booked-by-caseworker' : 'booking.booked-by-citizen')}</span>
        </p>
        ${cancelled && booking.cancelReason ? html`<p class="ju-hint">${t('booking.cancel-reason', { reason: booking.cancelReason })}</p>` : nothing}
        ${!cancelled && booking.changeReason ? html`<p class="ju-hint">${t('booking.change-reason', { reason: booking.changeReason })}</p>` : nothing}
        ${dayClosed && !cancelled ? html`<p class="desk-flag" part="needs-move">${t('booking.needs-move')}</p>` : nothing}
        ${upcoming
          ? html`<div class="desk-actions">
              <button class="ju-button ju-button--secondary" type="button" id=${`move-${booking.id}`} part="button" @click=${() => {
                this.#openTask(new MoveForm(this.#context, booking, (moved) => { this.#closeTask(moved); }), `#move-${booking.id}`);
              }}>
                ${t('booking.move')}<span class="ju-visually-hidden"> ${context}</span>
              </button>
              <button class="ju-button ju-button--secondary" type="button" id=${`cancel-${booking.id}`} part="button" @click=${() => {
                this.#openTask(new CancelForm(this.#context, booking, (done) => { this.#closeTask(done); }), `#cancel-${booking.id}`);
              }}>
                ${t('booking.cancel')}<span class="ju-visually-hidden"> ${context}</span>
              </button>
            </div>`
          : nothing}
      </li>
    `;
  }
}
