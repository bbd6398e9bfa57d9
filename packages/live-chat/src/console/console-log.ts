import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { ChatAttachment, ChatMessage, ChatNote } from '@jobunivers/contract';
import { splitLinks } from '../message-list/message-text.js';
import type { ChatLink, OutgoingMessage } from '../transport/index.js';
import type { ConsoleContext } from './console-context.js';

/** One line of the conversation as the caseworker sees it: a message, or an internal note. */
export type LogItem = { kind: 'message'; seq: number; data: ChatMessage } | { kind: 'note'; seq: number; data: ChatNote };

export interface LogState {
  readonly items: readonly LogItem[];
  readonly outbox: readonly OutgoingMessage[];
  readonly link: ChatLink;
  /** The citizen has read the caseworker's messages up to this sequence number. */
  readonly citizenReadThrough: number;
  readonly citizenName: string;
  retry(id: string): void;
  discard(id: string): void;
  download(attachment: ChatAttachment): void;
  /** The log was scrolled or shown: the reader may have seen the newest message. */
  seen(log: HTMLElement): void;
}

/**
 * The conversation: the stream's messages and notes by sequence number, then this device's messages that are
 * on their way. A log without its own live announcements: the console announces new citizen messages once,
 * through its announcer, so the caseworker's own lines are not read back to them.
 */
export function renderLog(context: ConsoleContext, state: LogState): TemplateResult {
  const { t } = context;
  return html`
    <div class="cc-log" role="log" aria-live="off" aria-label=${t('log.label', { name: state.citizenName })} tabindex="0" part="log" @scroll=${(event: Event) => { state.seen(event.currentTarget as HTMLElement); }}><ol>
      ${state.items.length === 0 && state.outbox.length === 0 ? html`<li class="cc-msg cc-msg--system">${t('log.empty')}</li>` : nothing}
      ${repeat(state.items, (item) => item.data.id, (item) => (item.kind === 'note' ? renderNote(context, item.data) : renderMessage(context, state, item.data)))}
      ${repeat(state.outbox, (message) => message.id, (message) => renderOutgoing(context, state, message))}
    </ol></div>
  `;
}

function renderMessage(context: ConsoleContext, state: LogState, message: ChatMessage): TemplateResult {
  const { t, format } = context;
  const author = message.author === 'citizen' ? state.citizenName : message.author === 'caseworker' ? (message.caseworker?.firstName ?? t('log.caseworker')) : t('log.system');
  const read = message.author === 'caseworker' && message.seq <= state.citizenReadThrough;
  return html`<li class="cc-msg cc-msg--${message.author}" part=${`message message-${message.author}`}>
    <p class="cc-msg__meta">${author} · <time datetime=${message.sentAt}>${format.time(new Date(message.sentAt))}</time>${read ? ` · ${t('log.read')}` : ''}</p>
    ${message.text ? messageText(context, message.text) : nothing}
    ${message.attachment ? renderAttachment(context, state, message.attachment) : nothing}
  </li>`;
}

function renderNote(context: ConsoleContext, note: ChatNote): TemplateResult {
  const { t, format } = context;
  return html`<li class="cc-msg cc-msg--note" part="note">
    <p class="cc-msg__meta"><strong>${t('log.note')}</strong> · ${note.author.firstName} · <time datetime=${note.createdAt}>${format.time(new Date(note.createdAt))}</time></p>
    ${messageText(context, note.text)}
  </li>`;
}

function renderOutgoing(context: ConsoleContext, state: LogState, message: OutgoingMessage): TemplateResult {
  const { t, format } = context;
  const status =
    message.state === 'failed' ? t('outbox.failed')
    : message.state === 'sent' ? t('outbox.sent')
    : message.state === 'queued' && state.link !== 'live' ? t('outbox.waiting')
    : t('outbox.sending');
  return html`<li class="cc-msg cc-msg--caseworker cc-msg--pending" part="message message-outgoing">
    <p class="cc-msg__meta">${t('log.you')} · <time datetime=${message.writtenAt}>${format.time(new Date(message.writtenAt))}</time> · <span class=${message.state === 'failed' ? 'ju-error-text' : ''}>${status}</span></p>
    ${messageText(context, message.text)}
    ${message.state === 'failed'
      ? html`<div class="cc-actions">
          <button class="ju-button ju-button--secondary" type="button" part="button" @click=${() => { state.retry(message.id); }}>${t('outbox.retry')}</button>
          <button class="ju-button ju-button--quiet" type="button" part="button" @click=${() => { state.discard(message.id); }}>${t('outbox.discard')}</button>
        </div>`
      : nothing}
  </li>`;
}

/** The text as text; only checked http(s) addresses become links (opening in a new window, and saying so). */
function messageText(context: ConsoleContext, text: string): TemplateResult {
  return html`<p class="cc-msg__text" dir="auto">${splitLinks(text).map((part) => part.kind === 'text'
    ? part.text
    : html`<a class="ju-link" href=${part.href} target="_blank" rel="noopener noreferrer">${part.text}<span class="ju-visually-hidden"> (${context.t('log.new-window')})</span></a>`)}</p>`;
}

/** An attached file: fetched with the caseworker's token when asked for, never loaded by itself. */
function renderAttachment(context: ConsoleContext, state: LogState, attachment: ChatAttachment): TemplateResult {
  const size = context.format.number(Math.max(1, Math.round(attachment.size / 1024)));
  return html`<button class="ju-button ju-button--quiet" type="button" part="button" @click=${() => { state.download(attachment); }}>
    ${context.t('log.attachment', { name: attachment.name, size })}
  </button>`;
}
