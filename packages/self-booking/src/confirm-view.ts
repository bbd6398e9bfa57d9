// The confirm step (the held time, its countdown and the job centre's questions) and the confirmation.
import { html, nothing, type TemplateResult } from 'lit';
import type { Booking, Hold, MeetingType } from './booking-api.js';
import type { BookingTexts } from './booking-texts.js';
import { renderSummary } from './summary-view.js';

type Question = MeetingType['questions'][number];

export interface ConfirmState {
  hold: Hold;
  type: MeetingType | undefined;
  moving: boolean;
  /** Seconds left on the hold, or undefined when no countdown runs. */
  secondsLeft: number | undefined;
  answers: Partial<Record<string, string>>;
  errors: Partial<Record<string, string>>;
  busy: boolean;
}

export interface ConfirmActions {
  answer(questionId: string, value: string): void;
  confirm(): void;
  chooseAnother(): void;
}

export function renderConfirm(text: BookingTexts, state: ConfirmState, actions: ConfirmActions, message: TemplateResult | typeof nothing): TemplateResult {
  const { t } = text;
  const { hold, type, secondsLeft } = state;
  const questions = state.moving ? [] : (type?.questions ?? []);
  const clock = secondsLeft === undefined ? '' : `${String(Math.floor(secondsLeft / 60))}:${String(secondsLeft % 60).padStart(2, '0')}`;
  return html`
    <h3 id="details-heading" tabindex="-1">${state.moving ? t('details.headingMove') : t('details.heading')}</h3>
    ${message}
    ${secondsLeft === undefined ? nothing : html`<p class="ju-message">${t('hold.countdownLead')} <span class="countdown">${clock}</span>. ${t('hold.countdownTail')}</p>`}
    ${renderSummary(text, type, hold.start, hold.end)}
    <form novalidate @submit=${(event: Event) => { event.preventDefault(); actions.confirm(); }}>
      ${questions.length === 0 ? nothing : html`
        <fieldset>
          <legend>${t('questions.legend')}</legend>
          ${questions.map((question) => renderQuestion(text, question, state, actions))}
        </fieldset>`}
      <div class="actions">
        <button class="ju-button" type="submit" ?disabled=${state.busy}>${state.moving ? t('details.confirmMove') : t('details.confirm')}</button>
        <button class="ju-button ju-button--secondary" type="button" ?disabled=${state.busy} @click=${() => { actions.chooseAnother(); }}>${t('details.another')}</button>
      </div>
      ${state.busy ? html`<p role="status">${t('details.sending')}</p>` : nothing}
    </form>
  `;
}

/** A text or choice question; its error is linked to the field and `data-question` marks where focus goes. */
function renderQuestion(text: BookingTexts, question: Question, state: ConfirmState, actions: ConfirmActions): TemplateResult {
  const { t } = text;
  const id = `q-${question.id}`;
  const error = state.errors[question.id];
  const invalid = error === undefined ? 'false' : 'true';
  const marker = html`<span class="required">${question.required ? t('questions.required') : t('questions.optional')}</span>`;
  if (question.kind === 'choice') {
    return html`
      <fieldset aria-describedby=${error === undefined ? nothing : `${id}-error`}>
        <legend>${question.label} ${marker}</legend>
        <p class="ju-error-text" id=${`${id}-error`}>${error ?? ''}</p>
        <div class="choices">
          ${(question.options ?? []).map((option, index) => html`
            <label class="choice">
              <input type="radio" name=${id} .value=${option.id} .checked=${state.answers[question.id] === option.id}
                data-question=${index === 0 ? question.id : nothing} aria-invalid=${invalid}
                @change=${() => { actions.answer(question.id, option.id); }} />
              <span>${option.label}</span>
            </label>`)}
        </div>
      </fieldset>
    `;
  }
  return html`
    <div class="ju-field">
      <label class="ju-label" for=${id}>${question.label} ${marker}</label>
      <p class="ju-error-text" id=${`${id}-error`}>${error ?? ''}</p>
      <textarea class="ju-input" id=${id} data-question=${question.id} maxlength=${question.maxLength ?? 2000}
        aria-invalid=${invalid} aria-describedby=${error === undefined ? nothing : `${id}-error`}
        .value=${state.answers[question.id] ?? ''} @input=${(event: Event) => { actions.answer(question.id, (event.target as HTMLTextAreaElement).value); }}></textarea>
    </div>
  `;
}

export function renderDone(text: BookingTexts, booking: Booking, moved: boolean, actions: { downloadCalendar(): void; seeMine(): void }): TemplateResult {
  const { t } = text;
  return html`
    <h3 id="done-heading" tabindex="-1">${moved ? t('done.movedHeading') : t('done.heading')}</h3>
    <p class="ju-message ju-message--success">${moved ? t('done.moved') : t('done.booked')}</p>
    ${renderSummary(text, booking.meetingType, booking.start, booking.end, booking.caseworker.firstName)}
    <p>${t('done.changeLater')}</p>
    <div class="actions">
      <button class="ju-button" type="button" @click=${() => { actions.downloadCalendar(); }}>${t('calendar.download')}</button>
      <button class="ju-button ju-button--secondary" type="button" @click=${() => { actions.seeMine(); }}>${t('done.seeMine')}</button>
    </div>
  `;
}
