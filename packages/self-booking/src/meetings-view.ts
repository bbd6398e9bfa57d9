// "Mine samtaler": the citizen's upcoming meetings with move, cancel (behind a confirmation) and calendar file.
import { html, nothing, type TemplateResult } from 'lit';
import type { Booking } from './booking-api.js';
import type { BookingTexts } from './booking-texts.js';
import { addLaterStrings } from './locales/later.js';
import { localDateOf } from './dates.js';
import { renderSummary } from './summary-view.js';

addLaterStrings();

// The event stream comes with this view: only a citizen looking at "my meetings" needs changes live.
export { EventStream } from '@jobunivers/core/event-stream';

export interface MeetingsState {
  meetings: readonly Booking[] | undefined;
  error: string | undefined;
  hasMore: boolean;
  /** The meeting being cancelled and the reason typed so far. */
  cancelling: { bookingId: string; reason: string } | undefined;
  busy: boolean;
}

export interface MeetingsActions {
  retry(): void;
  more(): void;
  book(): void;
  reschedule(booking: Booking): void;
  askCancel(booking: Booking): void;
  typeReason(booking: Booking, reason: string): void;
  cancel(booking: Booking): void;
  keep(booking: Booking): void;
  downloadCalendar(booking: Booking): void;
}

export function renderMeetings(text: BookingTexts, state: MeetingsState, actions: MeetingsActions, message: TemplateResult | typeof nothing): TemplateResult {
  const { t } = text;
  const { meetings, error } = state;
  let list: TemplateResult | typeof nothing = nothing;
  if (meetings === undefined) {
    if (error === undefined) list = html`<p class="loading" role="status">${t('loading')}</p>`;
  } else if (meetings.length === 0) {
    list = html`
      <p>${t('mine.empty')}</p>
      <div class="actions"><button class="ju-button" type="button" @click=${() => { actions.book(); }}>${t('tabs.book')}</button></div>`;
  } else {
    list = html`
      <ul class="meetings" part="meetings">
        ${meetings.map((booking) => renderMeeting(text, booking, state, actions))}
      </ul>
      ${state.hasMore ? html`<button class="ju-button ju-button--secondary" type="button" @click=${() => { actions.more(); }}>${t('mine.more')}</button>` : nothing}`;
  }
  return html`
    <h3 id="mine-heading" tabindex="-1">${t('mine.heading')}</h3>
    ${message}
    ${error === undefined ? nothing : html`
      <p class="ju-message ju-message--error">${error}</p>
      <div class="actions"><button class="ju-button" type="button" @click=${() => { actions.retry(); }}>${t('action.retry')}</button></div>`}
    ${list}
  `;
}

function renderMeeting(text: BookingTexts, booking: Booking, state: MeetingsState, actions: MeetingsActions): TemplateResult {
  const { t } = text;
  const cancelled = booking.status === 'cancelled';
  const headingId = `meeting-${booking.id}`;
  let controls: TemplateResult | typeof nothing = nothing;
  if (!cancelled) {
    controls = state.cancelling?.bookingId === booking.id
      ? renderCancelForm(text, booking, state, actions)
      : html`
        <div class="actions">
          <button class="ju-button ju-button--secondary" type="button" aria-describedby=${headingId} @click=${() => { actions.reschedule(booking); }}>${t('mine.reschedule')}</button>
          <button class="ju-button ju-button--secondary" type="button" aria-describedby=${headingId} @click=${() => { actions.askCancel(booking); }}>${t('mine.cancel')}</button>
          <button class="ju-button ju-button--quiet" type="button" aria-describedby=${headingId} @click=${() => { actions.downloadCalendar(booking); }}>${t('calendar.download')}</button>
        </div>`;
  }
  return html`
    <li class="meeting ${cancelled ? 'cancelled' : ''}" aria-labelledby=${headingId}>
      <h4 id=${headingId}>${text.fullDate(localDateOf(booking.start))}, ${text.timeRange(booking.start, booking.end)}</h4>
      ${cancelled ? html`<p class="status">${booking.cancelledBy === 'caseworker' ? t('mine.cancelledByJobCentre') : t('mine.cancelled')}</p>` : nothing}
      ${cancelled && booking.cancelledBy === 'caseworker' && booking.cancelReason !== null ? html`<p>${t('mine.reason', { reason: booking.cancelReason })}</p>` : nothing}
      ${!cancelled && booking.changeReason !== null ? html`<p class="ju-message">${t('mine.movedByJobCentre', { reason: booking.changeReason })}</p>` : nothing}
      ${!cancelled && booking.bookedBy === 'caseworker' && booking.changeReason === null ? html`<p>${t('mine.bookedForYou')}</p>` : nothing}
      ${renderSummary(text, booking.meetingType, booking.start, booking.end, booking.caseworker.firstName)}
      ${controls}
    </li>
  `;
}

function renderCancelForm(text: BookingTexts, booking: Booking, state: MeetingsState, actions: MeetingsActions): TemplateResult {
  const { t } = text;
  const id = `cancel-reason-${booking.id}`;
  return html`
    <form class="ju-message" @submit=${(event: Event) => { event.preventDefault(); actions.cancel(booking); }}>
      <p><strong>${t('cancel.question')}</strong> ${t('cancel.consequence')}</p>
      <div class="ju-field">
        <label class="ju-label" for=${id}>${t('cancel.reasonLabel')}</label>
        <p class="ju-hint" id=${`${id}-hint`}>${t('cancel.reasonHint')}</p>
        <textarea class="ju-input" id=${id} maxlength="500" aria-describedby=${`${id}-hint`} .value=${state.cancelling?.reason ?? ''}
          @input=${(event: Event) => { actions.typeReason(booking, (event.target as HTMLTextAreaElement).value); }}></textarea>
      </div>
      <div class="actions">
        <button class="ju-button" type="submit" ?disabled=${state.busy}>${t('cancel.confirm')}</button>
        <button class="ju-button ju-button--secondary" type="button" ?disabled=${state.busy} @click=${() => { actions.keep(booking); }}>${t('cancel.keep')}</button>
      </div>
    </form>
  `;
}
