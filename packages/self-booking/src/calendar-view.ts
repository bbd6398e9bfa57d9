// The month grid (WAI-ARIA date grid) and the chosen day's free times. Pure rendering: state and actions stay
// in the element, which passes them in.
import { html, nothing, type TemplateResult } from 'lit';
import type { Slot } from './booking-api.js';
import type { BookingTexts } from './booking-texts.js';
import { addMonths, dateInstant, firstOfMonth, monthOf, monthWeeks, type LocalDate, type MonthKey } from './dates.js';
import type { SlotIndex } from './slot-index.js';

export interface CalendarState {
  month: MonthKey;
  today: LocalDate;
  /** The last month the calendar may show. */
  lastMonth: MonthKey;
  slots: SlotIndex;
  selectedDate: LocalDate | undefined;
  focusDate: LocalDate;
  loading: boolean;
  /** The deadline to mark days after, or undefined (none, or rescheduling). */
  deadline: LocalDate | undefined;
}

export interface CalendarActions {
  showMonth(month: MonthKey, focus: LocalDate): void;
  goToDate(date: LocalDate): void;
  selectDay(date: LocalDate): void;
  focusDay(date: LocalDate): void;
  gridKey(event: KeyboardEvent): void;
}

/** "tirsdag 1. december, 6 ledige tider, i dag, efter din frist" */
export function dayLabel(text: BookingTexts, date: LocalDate, count: number, today: LocalDate, deadline: LocalDate | undefined): string {
  const parts = [count === 0 ? text.t('day.none', { date: text.longDate(date) }) : text.t('day.free', { date: text.longDate(date), count })];
  if (date === today) parts.push(text.t('day.today'));
  if (deadline !== undefined && date > deadline && count > 0) parts.push(text.t('day.afterDeadline'));
  return parts.join(', ');
}

/** "Der er ingen ledige tider i november. Den næste ledige tid er i december." */
export function emptyMonthText(text: BookingTexts, slots: SlotIndex, month: MonthKey): string {
  const next = slots.nextAvailableAfter(month);
  return next === null
    ? text.t('month.emptyNoNext', { month: text.monthName(month) })
    : text.t('month.empty', { month: text.monthName(month), next: text.monthName(monthOf(next)) });
}

export function renderCalendar(text: BookingTexts, state: CalendarState, actions: CalendarActions): TemplateResult {
  const { t, format } = text;
  const { month, today, slots, deadline } = state;
  const current = monthOf(today);
  const weeks = monthWeeks(month);
  // Every month has a full Monday–Sunday week; its dates name the columns.
  const weekdays = weeks.find((week) => week.every((day) => day !== null)) ?? [];
  const selectedInMonth = state.selectedDate !== undefined && monthOf(state.selectedDate) === month ? state.selectedDate : undefined;
  const focusInMonth = monthOf(state.focusDate) === month ? state.focusDate : (selectedInMonth ?? firstOfMonth(month));
  const empty = !state.loading && slots.hasMonth(month) && slots.daysWithSlots(month) === 0;
  const next = slots.nextAvailableAfter(month);
  const previousMonth = addMonths(month, -1);
  const nextMonth = addMonths(month, 1);
  return html`
    <div class="month-bar">
      <button class="ju-button ju-button--secondary" type="button" aria-label=${t('month.previous')} ?disabled=${month <= current}
        @click=${() => { actions.showMonth(previousMonth, firstOfMonth(previousMonth)); }}><span class="mirror" aria-hidden="true">◀</span></button>
      <h3 id="month-heading">${text.monthName(month)}</h3>
      <button class="ju-button ju-button--secondary" type="button" aria-label=${t('month.next')} ?disabled=${month >= state.lastMonth}
        @click=${() => { actions.showMonth(nextMonth, firstOfMonth(nextMonth)); }}><span class="mirror" aria-hidden="true">▶</span></button>
    </div>
    <table role="grid" part="calendar" aria-labelledby="month-heading" aria-busy=${state.loading ? 'true' : 'false'} @keydown=${(event: KeyboardEvent) => { actions.gridKey(event); }}>
      <thead>
        <tr>
          ${weekdays.map((day) => html`<th scope="col"><abbr title=${format.date(dateInstant(day), { weekday: 'long' })}>${format.date(dateInstant(day), { weekday: 'short' })}</abbr></th>`)}
        </tr>
      </thead>
      <tbody>
        ${weeks.map((week) => html`
          <tr>
            ${week.map((date) => {
              if (date === null) return html`<td></td>`;
              const count = date < today ? 0 : slots.count(date);
              const late = deadline !== undefined && date > deadline;
              const classes = ['day', count > 0 ? 'free' : '', count > 0 && late ? 'late' : '', date === today ? 'today' : ''].join(' ');
              return html`
                <td aria-selected=${date === state.selectedDate ? 'true' : 'false'}>
                  <button type="button" class=${classes} data-date=${date} tabindex=${date === focusInMonth ? '0' : '-1'}
                    aria-disabled=${count === 0 ? 'true' : 'false'} aria-current=${date === today ? 'date' : 'false'}
                    @click=${() => { if (count > 0) actions.selectDay(date); }}
                    @focus=${() => { actions.focusDay(date); }}>
                    <span aria-hidden="true">${format.number(Number(date.slice(8)))}</span>
                    <span class="count" aria-hidden="true">${count > 0 ? format.number(count) : ''}</span>
                    <span class="ju-visually-hidden">${dayLabel(text, date, count, today, deadline)}</span>
                  </button>
                </td>`;
            })}
          </tr>`)}
      </tbody>
    </table>
    <p class="legend-keys">
      <span class="key">${t('legend.free')}</span>
      ${deadline === undefined ? nothing : html`<span class="key late">${t('legend.late')}</span>`}
    </p>
    ${state.loading ? html`<p class="loading" role="status">${t('loading')}</p>` : nothing}
    ${empty ? html`
      <p class="ju-message">${emptyMonthText(text, slots, month)}</p>
      ${next === null ? nothing : html`<button class="ju-button ju-button--secondary" type="button" @click=${() => { actions.goToDate(next); }}>
        ${t('month.goTo', { month: text.monthName(monthOf(next)) })}</button>`}` : nothing}
  `;
}

export interface DayListState {
  date: LocalDate | undefined;
  slots: readonly Slot[];
  /** False when the day is after the deadline and later times are not shown. */
  offered: boolean;
  deadline: LocalDate | undefined;
  showAfterDeadline: boolean;
  busy: boolean;
}

export interface DayListActions {
  hold(slot: Slot): void;
  setShowAfterDeadline(show: boolean): void;
}

/** The "show times after the deadline" switch (also in the deadline note). */
export function renderShowLater(text: BookingTexts, checked: boolean, change: (show: boolean) => void): TemplateResult {
  return html`
    <label class="choice">
      <input type="checkbox" .checked=${checked} @change=${(event: Event) => { change((event.target as HTMLInputElement).checked); }} />
      <span>${text.t('deadline.showLater')}</span>
    </label>`;
}

export function renderDayList(text: BookingTexts, state: DayListState, actions: DayListActions): TemplateResult {
  const { t } = text;
  const { date } = state;
  if (date === undefined) return html`<p class="ju-hint">${t('day.pick')}</p>`;
  const dateText = text.longDate(date);
  let body: TemplateResult;
  if (!state.offered) {
    body = html`
      <p class="ju-message">${t('deadline.dayAfter', { date: text.fullDate(state.deadline ?? date) })}</p>
      ${renderShowLater(text, state.showAfterDeadline, actions.setShowAfterDeadline)}`;
  } else if (state.slots.length === 0) {
    body = html`<p>${t('day.noneLeft')}</p>`;
  } else {
    body = html`
      <ul class="slots" aria-labelledby="day-heading">
        ${state.slots.map((slot) => {
          const start = text.clock(slot.start);
          const end = text.clock(slot.end);
          return html`
            <li>
              <button class="ju-button ju-button--secondary" type="button" ?disabled=${state.busy}
                aria-label=${t('slot.label', { time: t('time.range', { start, end }), date: dateText })}
                @click=${() => { actions.hold(slot); }}>${start}–${end}</button>
            </li>`;
        })}
      </ul>`;
  }
  return html`
    <div part="day-list">
      <h3 id="day-heading">${t('day.heading', { date: dateText })}</h3>
      ${body}
    </div>
  `;
}
