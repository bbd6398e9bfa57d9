// A conversation in progress: the place in the queue, the connection line, the message log and the composer.
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { CHAT_MESSAGE_MAX_LENGTH, type ChatAttachment } from '@jobunivers/contract';
import type { ViewContext } from './start-views.js';

function queueBox({ state, actions, t }: ViewContext): TemplateResult | typeof nothing {
  const conversation = state.conversation;
  if (conversation?.state !== 'queued') return nothing;
  const position = conversation.queuePosition;
  return html`<section class="queue" aria-labelledby="queue-heading">
    <h3 class="view-heading" id="queue-heading" tabindex="-1">${position === null ? t('queue.waiting') : t('queue.position', { count: position })}</h3>
    <p>${t('queue.text')}</p>
    <div class="actions">
      <button type="button" class="ju-button ju-button--secondary" @click=${actions.showLeave}>${t('queue.leave')}</button>
      <button type="button" class="ju-button ju-button--secondary" @click=${actions.requestBooking}>${t('queue.book')}</button>
    </div>
  </section>`;
}

function who({ state, t }: ViewContext): TemplateResult | typeof nothing {
  const caseworker = state.conversation?.caseworker;
  if (state.conversation?.state !== 'active' || !caseworker) return nothing;
  return html`<h3 class="view-heading who" tabindex="-1">${t('conversation.with', { name: caseworker.firstName, team: caseworker.team })}</h3>`;
}

function linkLine({ state, t }: ViewContext): TemplateResult | typeof nothing {
  if (state.link === 'offline') return html`<p part="status" class="link offline">${t('link.offline')}</p>`;
  if (state.reconnecting) return html`<p part="status" class="link">${t('link.reconnecting')}</p>`;
  return nothing;
}

function composer(context: ViewContext): TemplateResult {
  const { state, actions, t } = context;
  const rules = state.status?.attachments;
  const pending = state.attachment;
  const describedBy = ['composer-hint', state.composerError === undefined ? '' : 'composer-error', pending?.error === undefined ? '' : 'file-error'].filter(Boolean).join(' ');
  return html`<form part="composer" class="composer" novalidate @submit=${(event: Event) => { event.preventDefault(); actions.send(); }}>
    <label class="ju-visually-hidden" for="composer-text">${t('composer.label')}</label>
    <textarea class="ju-input" id="composer-text" rows="2" maxlength=${CHAT_MESSAGE_MAX_LENGTH} aria-describedby=${describedBy}
      aria-invalid=${state.composerError === undefined ? 'false' : 'true'} .value=${live(state.draft)}
      @input=${(event: Event) => { actions.draftChanged((event.target as HTMLTextAreaElement).value); }}
      @keydown=${(event: KeyboardEvent) => {
        if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
          event.preventDefault();
          actions.send();
        }
      }}></textarea>
    <p class="ju-visually-hidden" id="composer-hint">${t('composer.hint')}</p>
    ${state.composerError === undefined ? nothing : html`<p class="ju-error-text" id="composer-error" role="alert">${state.composerError}</p>`}
    ${pending === undefined ? nothing : html`<p class="file">
      <span>${t('composer.file', { name: pending.file.name })}</span>
      <button type="button" class="ju-button ju-button--quiet" @click=${actions.removeFile}>${t('composer.removeFile')}</button>
    </p>${pending.error === undefined ? nothing : html`<p class="ju-error-text" id="file-error" role="alert">${pending.error}</p>`}`}
    <div class="composer-actions">
      ${rules === undefined ? nothing : html`
        <input hidden type="file" id="composer-file" accept=${ifDefined(rules.types.join(',') || undefined)}
          @change=${(event: Event) => {
            const input = event.target as HTMLInputElement;
            actions.chooseFile(input.files?.[0]);
            input.value = '';
          }}>
        <button type="button" class="ju-button ju-button--secondary" aria-describedby="file-rules"
          @click=${(event: Event) => { ((event.currentTarget as HTMLElement).getRootNode() as ShadowRoot).getElementById('composer-file')?.click(); }}>${t('composer.attach')}</button>
        <span class="ju-visually-hidden" id="file-rules">${t('composer.fileRules', { size: Math.round(rules.maxBytes / 1_000_000) })}</span>`}
      <button type="submit" class="ju-button">${t('composer.send')}</button>
    </div>
  </form>`;
}

function endControls({ state, actions, t }: ViewContext): TemplateResult {
  if (state.confirmingEnd) {
    return html`<div class="end confirm" role="group" aria-labelledby="end-question">
      <p id="end-question">${t('end.question')}</p>
      <button type="button" class="ju-button" id="end-yes" @click=${actions.end}>${t('end.yes')}</button>
      <button type="button" class="ju-button ju-button--secondary" @click=${() => { actions.askEnd(false); }}>${t('end.no')}</button>
    </div>`;
  }
  return html`<div class="end"><button type="button" class="ju-button ju-button--quiet" id="end-ask" @click=${() => { actions.askEnd(true); }}>${t('end.ask')}</button></div>`;
}

export function renderConversation(context: ViewContext): TemplateResult {
  const { state, actions, t, format } = context;
  return html`
    ${queueBox(context)}${who(context)}${linkLine(context)}
    <ju-chat-message-list part="log" exportparts="log: messages, message, earlier, jump" class="list"
      .messages=${state.messages} .outbox=${state.outbox} side="citizen" .t=${t} locale=${format.locale}
      .readThrough=${state.conversation?.readByStaffThrough ?? 0} ?offline=${state.link === 'offline'} .typing=${state.typing}
      label=${t('list.label')}
      @ju-chat-retry=${(event: CustomEvent<{ messageId: string }>) => { actions.retry(event.detail.messageId); }}
      @ju-chat-discard=${(event: CustomEvent<{ messageId: string }>) => { actions.discard(event.detail.messageId); }}
      @ju-chat-attachment=${(event: CustomEvent<{ messageId: string; attachment: ChatAttachment }>) => { actions.download(event.detail.messageId, event.detail.attachment); }}
    ></ju-chat-message-list>
    ${composer(context)}
    ${endControls(context)}`;
}
