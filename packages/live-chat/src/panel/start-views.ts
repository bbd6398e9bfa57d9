// Before a conversation: topic and consent (pre-chat), "leave a message" with its receipt, and the quiet states
// around them (loading, server unreachable).
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { safeUrl, type Formatter, type Translate } from '@jobunivers/core';
import { CHAT_MESSAGE_MAX_LENGTH } from '@jobunivers/contract';
import { describeWeeklyHours } from './opening-hours.js';
import type { FieldName, PanelActions, PanelState } from './panel-state.js';

export interface ViewContext {
  state: PanelState;
  actions: PanelActions;
  t: Translate;
  format: Formatter;
}

const FIELD_IDS: Record<FieldName, string> = { topic: 'field-topic', firstName: 'field-first-name', consent: 'field-consent', message: 'field-message' };

export function renderLoading({ t }: ViewContext): TemplateResult {
  return html`<p class="quiet" role="status">${t('panel.loading')}</p>`;
}

export function renderUnavailable({ state, actions, t }: ViewContext): TemplateResult {
  return html`
    <h3 class="view-heading" tabindex="-1">${t('unavailable.heading')}</h3>
    <p>${state.problem ?? t('unavailable.text')}</p>
    <button type="button" class="ju-button" @click=${actions.retryStatus}>${t('unavailable.retry')}</button>`;
}

export function renderGone({ actions, t }: ViewContext): TemplateResult {
  return html`
    <h3 class="view-heading" tabindex="-1">${t('gone.heading')}</h3>
    <p>${t('gone.text')}</p>
    <button type="button" class="ju-button" @click=${actions.startOver}>${t('ended.new')}</button>`;
}

function hoursBlock({ state, t, format }: ViewContext): TemplateResult | typeof nothing {
  const lines = state.hours ? describeWeeklyHours(state.hours, format.locale) : [];
  if (lines.length === 0) return nothing;
  return html`<div class="hours"><p class="hours-title">${t('hours.title')}</p><ul>${lines.map((line) => html`<li>${line}</li>`)}</ul></div>`;
}

/** The errors at the top of a form, each a link to its field (GOV.UK style); announced as an alert. */
function errorSummary(context: ViewContext): TemplateResult | typeof nothing {
  const { state, t } = context;
  const fields = (Object.keys(FIELD_IDS) as FieldName[]).filter((field) => state.errors[field] !== undefined);
  if (fields.length === 0 && state.problem === undefined) return nothing;
  return html`<div class="error-summary" role="alert" tabindex="-1">
    <p class="error-summary-title">${state.problem ?? t('form.fix')}</p>
    ${fields.length > 0 ? html`<ul>${fields.map((field) => html`<li><a class="ju-link" href=${`#${FIELD_IDS[field]}`} @click=${(event: Event) => { focusField(event, FIELD_IDS[field]); }}>${state.errors[field]}</a></li>`)}</ul>` : nothing}
  </div>`;
}

function focusField(event: Event, id: string): void {
  event.preventDefault();
  const root = (event.currentTarget as HTMLElement).getRootNode() as ShadowRoot;
  const field = root.getElementById(id) ?? root.querySelector<HTMLElement>(`[name="${id}"]`);
  field?.focus();
}

function errorText(state: PanelState, field: FieldName): TemplateResult | typeof nothing {
  const message = state.errors[field];
  return message === undefined ? nothing : html`<p class="ju-error-text" id=${`${FIELD_IDS[field]}-error`}>${message}</p>`;
}

function topicField(context: ViewContext): TemplateResult {
  const { state, actions, t } = context;
  const topics = state.status?.topics ?? [];
  const invalid = state.errors.topic !== undefined;
  return html`<fieldset class="ju-field topics" aria-describedby=${ifDefined(invalid ? `${FIELD_IDS.topic}-error` : undefined)}>
    <legend class="ju-label">${t('prechat.topic')}</legend>
    ${errorText(state, 'topic')}
    ${topics.map((topic, index) => html`<label class="choice">
      <input type="radio" name="topic" id=${ifDefined(index === 0 ? FIELD_IDS.topic : undefined)} value=${topic.id} .checked=${live(state.form.topicId === topic.id)}
        @change=${() => { actions.edit({ topicId: topic.id }); }}>
      <span>${topic.label}</span>
    </label>`)}
  </fieldset>`;
}

function nameAndConsent(context: ViewContext): TemplateResult | typeof nothing {
  const { state, actions, t } = context;
  if (state.signedIn) return nothing;
  const consentInvalid = state.errors.consent !== undefined;
  const consentUrl = safeUrl(state.status?.consentUrl);
  return html`
    <div class="ju-field">
      <label class="ju-label" for=${FIELD_IDS.firstName}>${t('prechat.firstName')}</label>
      <p class="ju-hint" id="first-name-hint">${t('prechat.firstNameHint')}</p>
      <input class="ju-input" id=${FIELD_IDS.firstName} autocomplete="given-name" maxlength="60" aria-describedby="first-name-hint"
        .value=${live(state.form.firstName)} @input=${(event: Event) => { actions.edit({ firstName: (event.target as HTMLInputElement).value }); }}>
    </div>
    <div class="ju-field consent">
      ${errorText(state, 'consent')}
      <label class="choice">
        <input type="checkbox" id=${FIELD_IDS.consent} .checked=${live(state.form.consent)} aria-invalid=${consentInvalid ? 'true' : 'false'}
          aria-describedby=${consentInvalid ? `consent-hint ${FIELD_IDS.consent}-error` : 'consent-hint'}
          @change=${(event: Event) => { actions.edit({ consent: (event.target as HTMLInputElement).checked }); }}>
        <span>${t('prechat.consent')}</span>
      </label>
      <p class="ju-hint" id="consent-hint">${t('prechat.consentHint', { days: state.status?.retentionDays ?? 30 })}
        ${consentUrl === undefined ? nothing : html`<a class="ju-link" href=${consentUrl} target="_blank" rel="noopener noreferrer">${t('prechat.consentLink')}<span aria-hidden="true"> ↗</span><span class="ju-visually-hidden"> (${t('list.newWindow')})</span></a>`}</p>
    </div>`;
}

export function renderPrechat(context: ViewContext): TemplateResult {
  const { state, actions, t } = context;
  return html`
    <h3 class="view-heading" tabindex="-1">${t('prechat.heading')}</h3>
    <p>${t('prechat.intro')}</p>
    ${hoursBlock(context)}
    <form class="start-form" novalidate @submit=${actions.start}>
      ${errorSummary(context)}
      ${topicField(context)}
      ${nameAndConsent(context)}
      <div class="actions">
        <button type="submit" class="ju-button" aria-disabled=${state.busy ? 'true' : 'false'}>${state.busy ? t('prechat.starting') : t('prechat.start')}</button>
        <button type="button" class="ju-button ju-button--quiet" @click=${actions.showLeave}>${t('prechat.leaveInstead')}</button>
      </div>
    </form>`;
}

function leaveIntro({ state, t, format }: ViewContext): string {
  const status = state.status;
  if (status?.availability === 'closed') {
    return status.nextOpening
      ? t('leave.closedUntil', { when: format.dateTime(Date.parse(status.nextOpening), { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }) })
      : t('leave.closed');
  }
  if (status?.availability === 'busy') return t('leave.busy');
  return t('leave.chosen');
}

export function renderLeave(context: ViewContext): TemplateResult {
  const { state, actions, t } = context;
  const invalid = state.errors.message !== undefined;
  return html`
    <h3 class="view-heading" tabindex="-1">${t('leave.heading')}</h3>
    <p>${leaveIntro(context)}</p>
    ${hoursBlock(context)}
    <form class="start-form" novalidate @submit=${actions.leaveMessage}>
      ${errorSummary(context)}
      ${topicField(context)}
      <div class="ju-field">
        <label class="ju-label" for=${FIELD_IDS.message}>${t('leave.message')}</label>
        <p class="ju-hint" id="message-hint">${t('leave.messageHint')}</p>
        ${errorText(state, 'message')}
        <textarea class="ju-input" id=${FIELD_IDS.message} rows="5" maxlength=${CHAT_MESSAGE_MAX_LENGTH} aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby=${invalid ? `message-hint ${FIELD_IDS.message}-error` : 'message-hint'}
          .value=${live(state.form.message)} @input=${(event: Event) => { actions.edit({ message: (event.target as HTMLTextAreaElement).value }); }}></textarea>
      </div>
      ${nameAndConsent(context)}
      <div class="actions">
        <button type="submit" class="ju-button" aria-disabled=${state.busy ? 'true' : 'false'}>${state.busy ? t('leave.sending') : t('leave.send')}</button>
        <button type="button" class="ju-button ju-button--secondary" @click=${actions.requestBooking}>${t('queue.book')}</button>
      </div>
    </form>`;
}

export function renderReceipt({ state, actions, t, format }: ViewContext): TemplateResult {
  const receipt = state.receipt;
  return html`
    <h3 class="view-heading" tabindex="-1">${t('receipt.heading')}</h3>
    <p>${t('receipt.text')}</p>
    ${receipt === undefined ? nothing : html`<dl class="receipt">
      <dt>${t('receipt.id')}</dt><dd>${receipt.conversationId}</dd>
      <dt>${t('receipt.at')}</dt><dd><time datetime=${receipt.at}>${format.dateTime(Date.parse(receipt.at), { dateStyle: 'long', timeStyle: 'short' })}</time></dd>
    </dl>`}
    <p>${t('receipt.keep')}</p>
    <button type="button" class="ju-button ju-button--secondary" @click=${actions.startOver}>${t('receipt.done')}</button>`;
}
