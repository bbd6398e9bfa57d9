// The pieces of the first step around the calendar: how to meet, the deadline (and the receipt when no time is
// free before it), and the outage state.
import { html, nothing, type TemplateResult } from 'lit';
import type { MeetingType, NoFreeTimeReceipt } from './booking-api.js';
import type { BookingTexts } from './booking-texts.js';
import { renderShowLater } from './calendar-view.js';
import { localDateOf, type LocalDate } from './dates.js';
import type { CachedContact } from './draft-store.js';

export function renderTypeChoice(text: BookingTexts, types: readonly MeetingType[], selectedId: string | undefined, choose: (id: string) => void): TemplateResult {
  const { t } = text;
  return html`
    <fieldset>
      <legend>${t('type.legend')}</legend>
      <div class="choices">
        ${types.map((type) => html`
          <label class="choice">
            <input type="radio" name="meeting-type" .value=${type.id} .checked=${type.id === selectedId} @change=${() => { choose(type.id); }} />
            <span>
              ${type.title}
              <small>${t(`kind.${type.kind}`)} · ${t('duration', { count: type.durationMinutes })}</small>
            </span>
          </label>`)}
      </div>
    </fieldset>
  `;
}

export interface DeadlineState {
  deadline: LocalDate;
  /** True when a free time before the deadline is known (or still loading: then nothing is claimed). */
  freeBefore: boolean;
  receipt: NoFreeTimeReceipt | undefined;
  showAfterDeadline: boolean;
  busy: boolean;
}

export interface DeadlineActions {
  requestReceipt(): void;
  setShowAfterDeadline(show: boolean): void;
}

export function renderDeadlineNote(text: BookingTexts, state: DeadlineState, actions: DeadlineActions): TemplateResult {
  const { t, format } = text;
  const deadlineText = text.fullDate(state.deadline);
  if (state.freeBefore) return html`<p class="ju-message">${t('deadline.note', { date: deadlineText })}</p>`;
  const { receipt } = state;
  return html`
    <div class="ju-message" id="no-time">
      <p>${t('deadline.noneBefore', { date: deadlineText })}</p>
      ${receipt === undefined
        ? html`<div class="actions"><button class="ju-button" type="button" ?disabled=${state.busy} @click=${() => { actions.requestReceipt(); }}>${t('receipt.request')}</button></div>`
        : html`
          <p id="receipt" tabindex="-1"><strong>${t('receipt.heading')}</strong>
            ${t('receipt.text', { issued: format.dateTime(Date.parse(receipt.issuedAt), { dateStyle: 'long', timeStyle: 'short' }), deadline: text.fullDate(receipt.deadline) })}
            ${receipt.firstAvailable === null ? '' : t('receipt.first', { date: text.fullDate(localDateOf(receipt.firstAvailable)) })}
          </p>`}
      ${renderShowLater(text, state.showAfterDeadline, actions.setShowAfterDeadline)}
    </div>
  `;
}

/** "+4570000000" → "+45 70 00 00 00", as Danes read numbers. */
export function phoneText(phone: string): string {
  const match = /^\+45(\d{8})$/.exec(phone);
  return match === null ? phone : `+45 ${match[1].replace(/(\d{2})(?=\d)/g, '$1 ')}`;
}

/** The server cannot be reached: the job centre's phone number (when known) and a retry, never a spinner. */
export function renderOutage(text: BookingTexts, reason: string | undefined, contact: CachedContact | undefined, keptSomething: boolean, retry: () => void): TemplateResult {
  const { t } = text;
  return html`
    <div class="ju-message ju-message--error" role="alert">
      <h3 id="outage-heading" tabindex="-1">${t('outage.heading')}</h3>
      <p>${reason}</p>
      <p>
        ${contact === undefined
          ? t('outage.noPhone')
          : html`${t('outage.call', { name: contact.name })} <a class="ju-link" href=${`tel:${contact.phone}`}>${phoneText(contact.phone)}</a>.`}
      </p>
      ${keptSomething ? html`<p>${t('outage.kept')}</p>` : nothing}
    </div>
    <div class="actions">
      <button class="ju-button" type="button" @click=${() => { retry(); }}>${t('action.retry')}</button>
    </div>
  `;
}
