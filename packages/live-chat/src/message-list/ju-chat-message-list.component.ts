import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { baseStyles, controlStyles, createFormatter, type Translate } from '@jobunivers/core';
import type { ChatAttachment, ChatMessage, ChatNote } from '@jobunivers/contract';
import type { OutgoingMessage } from '../transport/types.js';
import { messageListStyles } from './message-list.styles.js';
import { textParts } from './message-text.js';

/** Whose side the list is shown from: that side's messages are "mine" (right-aligned, with delivery states). */
export type ChatSide = 'citizen' | 'caseworker';

/** How many messages (and notes) the list shows at first, and how many more each "show earlier messages" adds. */
export const MESSAGE_WINDOW = 100;

/** Details of the list's request events (not composed: they stay inside the widget that renders the list). */
export interface MessageListRequestDetail {
  messageId: string;
}

export interface AttachmentRequestDetail extends MessageListRequestDetail {
  attachment: ChatAttachment;
}

type Row = { kind: 'message'; item: ChatMessage } | { kind: 'note'; item: ChatNote } | { kind: 'outgoing'; item: OutgoingMessage };

const rowKey = (row: Row): string => row.item.id;

/** A request from the list to its owner; it bubbles inside the owner's shadow root only. */
function requestEvent(type: string, detail: MessageListRequestDetail | AttachmentRequestDetail): CustomEvent {
  return new CustomEvent(type, { detail, bubbles: true, composed: false });
}

/**
 * The conversation as a log, shared by the citizen's panel and the caseworker's console. It renders only the
 * newest messages (a window that "show earlier messages" grows), keyed by message id, so a message arriving in a
 * long conversation touches one list item. It keeps the reader at the newest message unless they scrolled up,
 * and then offers "jump to newest". It announces nothing — the log's implicit live region is switched off
 * (`aria-live="off"`), so the reader's own messages and the replayed history are not read out: the owning widget's
 * one announcer decides what is read aloud.
 *
 * On the caseworker's side it also shows the conversation's internal notes, in sequence order among the
 * messages (the window counts both); on the citizen's side notes are never rendered, whatever is passed.
 *
 * Strings come from the owner's `t` function; the keys are `list.*` of the `live-chat` namespace.
 *
 * @tagname ju-chat-message-list
 * @summary The messages of one chat conversation (a `role="log"`), windowed for very long conversations.
 *
 * @csspart log - The scrolling log.
 * @csspart message - One message (`message own`, `message theirs`, `message system`).
 * @csspart note - One internal note (caseworker side only).
 * @csspart typing - The line under the log saying the other side is typing.
 * @csspart earlier - The "show earlier messages" button.
 * @csspart jump - The "jump to newest" button.
 *
 * @cssprop --ju-live-chat-note-surface - Background of internal notes. Default var(--ju-color-warning-surface).
 *
 * @fires ju-chat-retry - The reader asked to send a failed message again. Detail: `{ messageId }`. Not composed.
 * @fires ju-chat-discard - The reader asked to drop a failed message. Detail: `{ messageId }`. Not composed.
 * @fires ju-chat-attachment - The reader asked to download an attachment. Detail: `{ messageId, attachment }`. Not composed.
 * @fires ju-chat-newest-seen - The reader scrolled to the newest message (see `atNewest`). No detail. Not composed.
 */
export class JuChatMessageList extends LitElement {
  static override styles = [baseStyles, controlStyles, messageListStyles];

  /** The conversation's messages from the stream, in sequence order. */
  @property({ attribute: false }) messages: readonly ChatMessage[] = [];

  /** Internal notes between caseworkers, in sequence order; shown among the messages only when `side` is `caseworker`. */
  @property({ attribute: false }) notes: readonly ChatNote[] = [];

  /** This device's messages not yet delivered back by the stream, in written order (after `messages`). */
  @property({ attribute: false }) outbox: readonly OutgoingMessage[] = [];

  /** Whose messages are "mine". */
  @property() side: ChatSide = 'citizen';

  /** Translates the list's strings (`list.*` keys), usually the owning element's `t`. */
  @property({ attribute: false }) t: Translate = (key) => key;

  /** BCP 47 locale for times and sizes. */
  @property() locale = 'da';

  /** The other side has read "my" messages up to this sequence number. */
  @property({ type: Number, attribute: false }) readThrough = 0;

  /** The citizen's name as the caseworker sees it (console only); `null` shows "Borger". */
  @property({ attribute: false }) citizenName: string | null = null;

  /** Queued messages wait for the network rather than for their turn. */
  @property({ type: Boolean }) offline = false;

  /** A line under the log such as "Mette skriver …", or empty. Not announced by the list. */
  @property({ attribute: false }) typing = '';

  /** The log's accessible name. */
  @property() label = '';

  /** How many of the newest messages are rendered at first, and how many more "show earlier messages" adds. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = MESSAGE_WINDOW;

  /** Extra pages shown because the reader asked for earlier messages. */
  @state() private earlierPages = 0;
  @state() private unseen = 0;

  private get log(): HTMLElement | null {
    return this.shadowRoot?.querySelector<HTMLElement>('[part="log"]') ?? null;
  }

  #atBottom = true;
  #lastKey: string | undefined;
  #keepOffsetFromBottom: number | undefined;
  readonly #clocks = new Map<string, string>();

  /** True while the reader is at the newest message (they have not scrolled up). */
  get atNewest(): boolean {
    return this.#atBottom;
  }

  /** Scrolls to the newest message and moves focus to the log, so reading continues there. */
  scrollToNewest(focus = false): void {
    const log = this.log;
    if (log === null) return;
    log.scrollTop = log.scrollHeight;
    this.#atBottom = true;
    this.unseen = 0;
    if (focus) log.focus();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('messages') || changed.has('outbox') || changed.has('notes')) {
      const message = this.messages.at(-1);
      const note = this.#notes().at(-1);
      const newest = note !== undefined && (message === undefined || note.seq > message.seq) ? note : message;
      const last = this.outbox.at(-1)?.id ?? newest?.id;
      if (last !== this.#lastKey && this.#lastKey !== undefined && !this.#atBottom) {
        // Notes are the caseworkers' own lines: like the reader's own messages, they are not news.
        const lastOwn = this.outbox.at(-1) !== undefined || newest === note || message?.author === this.side;
        this.unseen = lastOwn ? this.unseen : this.unseen + 1;
      }
      this.#lastKey = last;
    }
  }

  // The log shrinks when the on-screen keyboard opens or the composer grows: a reader at the newest message stays there.
  readonly #resize = new ResizeObserver(() => {
    const log = this.log;
    if (log !== null && this.#atBottom) log.scrollTop = log.scrollHeight;
  });

  protected override firstUpdated(): void {
    const log = this.log;
    if (log !== null) this.#resize.observe(log);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize.disconnect();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const log = this.log;
    if (log !== null) this.#resize.observe(log);
  }

  protected override updated(): void {
    const log = this.log;
    if (log === null) return;
    if (this.#keepOffsetFromBottom !== undefined) {
      log.scrollTop = log.scrollHeight - this.#keepOffsetFromBottom;
      this.#keepOffsetFromBottom = undefined;
    } else if (this.#atBottom) {
      log.scrollTop = log.scrollHeight;
    }
  }

  #onScroll(): void {
    const log = this.log;
    if (log === null) return;
    const wasAtBottom = this.#atBottom;
    this.#atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 24;
    if (this.#atBottom && this.unseen > 0) this.unseen = 0;
    if (this.#atBottom && !wasAtBottom) this.dispatchEvent(new Event('ju-chat-newest-seen', { bubbles: true, composed: false }));
  }

  #showEarlier(): void {
    const log = this.log;
    if (log !== null) this.#keepOffsetFromBottom = log.scrollHeight - log.scrollTop;
    this.earlierPages += 1;
  }

  #request(type: 'ju-chat-retry' | 'ju-chat-discard' | 'ju-chat-attachment', detail: MessageListRequestDetail | AttachmentRequestDetail): void {
    this.dispatchEvent(requestEvent(type, detail));
  }

  /** The notes that may be shown: none on the citizen's side. */
  #notes(): readonly ChatNote[] {
    return this.side === 'caseworker' ? this.notes : [];
  }

  /**
   * The newest `shown` of messages and notes merged by sequence number, walking back from the ends of both, so
   * a render costs the window, not the conversation.
   */
  #window(notes: readonly ChatNote[], shown: number): Row[] {
    const rows: Row[] = new Array<Row>(shown);
    let messageIndex = this.messages.length - 1;
    let noteIndex = notes.length - 1;
    // `shown` is at most messages + notes, so whichever side is not taken still has an item.
    for (let index = shown - 1; index >= 0; index -= 1) {
      if (noteIndex >= 0 && (messageIndex < 0 || notes[noteIndex].seq > this.messages[messageIndex].seq)) {
        rows[index] = { kind: 'note', item: notes[noteIndex] };
        noteIndex -= 1;
      } else {
        rows[index] = { kind: 'message', item: this.messages[messageIndex] };
        messageIndex -= 1;
      }
    }
    return rows;
  }

  protected override render(): TemplateResult {
    const notes = this.#notes();
    const total = this.messages.length + notes.length;
    const shown = Math.min(total, this.pageSize * (1 + this.earlierPages));
    const hidden = total - shown;
    const rows = this.#window(notes, shown);
    for (const item of this.outbox) rows.push({ kind: 'outgoing', item });
    return html`
      <div part="log" class="log" role="log" aria-live="off" aria-label=${this.label} tabindex="0" @scroll=${this.#onScroll}>
        ${hidden > 0 ? html`<button type="button" part="earlier" class="ju-button ju-button--secondary earlier" @click=${this.#showEarlier}>${this.t('list.earlier', { count: Math.min(hidden, this.pageSize) })}</button>` : nothing}
        <ol class="messages">${repeat(rows, rowKey, (row) => (row.kind === 'message' ? this.#message(row.item) : row.kind === 'note' ? this.#note(row.item) : this.#outgoing(row.item)))}</ol>
      </div>
      <p part="typing" class="typing" aria-hidden="true">${this.typing}</p>
      ${this.unseen > 0
        ? html`<button type="button" part="jump" class="ju-button jump" @click=${() => { this.scrollToNewest(true); }}>${this.t('list.jump', { count: this.unseen })}</button>`
        : nothing}`;
  }

  // Item templates are written without whitespace between tags and bind text through `.textContent` where they
  // can: each message costs a dozen DOM nodes, so a window of 100 stays far below 2,000.
  #message(message: ChatMessage): TemplateResult {
    if (message.author === 'system') {
      return html`<li part="message system" class="message system"><span class="text" .textContent=${message.text}></span> ${this.#time(message.sentAt)}</li>`;
    }
    const own = message.author === this.side;
    const ownership = own ? 'own' : 'theirs';
    return html`<li part=${`message ${ownership}`} class=${`message ${ownership}`}><p class="meta"><b class="author" .textContent=${this.#author(message)}></b> ${this.#time(message.sentAt)}</p>${this.#body(message, message.text, message.attachment)}${own
      ? html`<p class="state" .textContent=${message.seq <= this.readThrough ? this.t('list.read') : this.t('list.sent')}></p>`
      : nothing}</li>`;
  }

  #note(note: ChatNote): TemplateResult {
    return html`<li part="note" class="message note"><p class="meta"><b class="note-label" .textContent=${this.t('list.note')}></b> <b class="author" .textContent=${note.author.firstName}></b> ${this.#time(note.createdAt)}</p>${this.#body(note, note.text, null)}</li>`;
  }

  #outgoing(message: OutgoingMessage): TemplateResult {
    const failed = message.state === 'failed';
    const state = failed
      ? this.t('list.failed')
      : message.state === 'sent'
        ? this.t('list.sent')
        : message.state === 'queued' && this.offline ? this.t('list.waiting') : this.t('list.sending');
    return html`<li part="message own" class=${`message own ${failed ? 'failed' : 'pending'}`}><p class="meta"><b class="author" .textContent=${this.t('list.you')}></b> ${this.#time(message.writtenAt)}</p>${this.#body(message, message.text, message.attachment)}${failed
      ? html`<p class="state" role="alert">${state} <button type="button" class="ju-button ju-button--secondary" @click=${() => { this.#request('ju-chat-retry', { messageId: message.id }); }}>${this.t('list.retry')}</button> <button type="button" class="ju-button ju-button--quiet" @click=${() => { this.#request('ju-chat-discard', { messageId: message.id }); }}>${this.t('list.discard')}</button></p>`
      : html`<p class="state" .textContent=${state}></p>`}</li>`;
  }

  #author(message: ChatMessage): string {
    if (message.author === this.side) return this.side === 'caseworker' && message.caseworker ? message.caseworker.firstName : this.t('list.you');
    if (message.author === 'caseworker') {
      return message.caseworker ? this.t('list.caseworker', { name: message.caseworker.firstName, team: message.caseworker.team }) : this.t('list.jobCentre');
    }
    return this.citizenName ?? this.t('list.citizen');
  }

  #body(owner: object, text: string, attachment: ChatAttachment | null): TemplateResult | typeof nothing {
    const parts = text === '' ? [] : textParts(owner, text);
    const textLine = parts.length === 0
      ? nothing
      : parts.length === 1 && parts[0].kind === 'text'
        ? html`<p class="text" .textContent=${text}></p>`
        : html`<p class="text">${parts.map((part) => (part.kind === 'text'
          ? part.text
          : html`<a class="ju-link" href=${part.href} target="_blank" rel="noopener noreferrer">${part.text}<span aria-hidden="true"> ↗</span><span class="ju-visually-hidden"> (${this.t('list.newWindow')})</span></a>`))}</p>`;
    if (attachment === null) return textLine;
    return html`${textLine}<p class="attachment"><button type="button" class="ju-button ju-button--secondary" @click=${() => { this.#request('ju-chat-attachment', { messageId: (owner as { id: string }).id, attachment }); }}>${this.t('list.download', { name: attachment.name, size: this.#size(attachment.size) })}</button></p>`;
  }

  #time(iso: string): TemplateResult {
    return html`<time datetime=${iso} .textContent=${this.#clock(iso)}></time>`;
  }

  /** "14.02" today, "3. nov. 14.02" before; cached, because a long log formats the same times on every render. */
  #clock(iso: string): string {
    const today = new Date().toDateString();
    const key = `${this.locale} ${today} ${iso}`;
    let text = this.#clocks.get(key);
    if (text === undefined) {
      const format = createFormatter(this.locale);
      const at = Date.parse(iso);
      text = format.date(at) === format.date(Date.now())
        ? format.time(at, { hour: '2-digit', minute: '2-digit' })
        : format.dateTime(at, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
      if (this.#clocks.size > 5000) this.#clocks.clear();
      this.#clocks.set(key, text);
    }
    return text;
  }

  #size(bytes: number): string {
    const format = createFormatter(this.locale);
    return bytes >= 1_000_000
      ? format.number(bytes / 1_000_000, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 })
      : format.number(Math.max(1, Math.round(bytes / 1000)), { style: 'unit', unit: 'kilobyte' });
  }
}
