import { html, nothing, type TemplateResult } from 'lit';
import type { CannedReply, ChatAttachment, ChatColleague, ChatMessage, ChatNote, ConsoleConversation, Conversation } from '@jobunivers/contract';
import { isNamespaceLoaded, loadNamespace, translator, type Translate } from '@jobunivers/core';
import type { LocalStore } from '@jobunivers/core/store';
import { addListStrings } from '../message-list.js';
import type { AttachmentRequestDetail, JuChatMessageList, MessageListRequestDetail } from '../message-list.js';
import { ChatConnection, newMessageId, type ChatStreamEvent } from '../transport/index.js';
import { MESSAGE_MAX_LENGTH, renderComposer, renderNoteForm, type Draft } from './console-composer.js';
import { citizenName, languageName, type ConsoleContext } from './console-context.js';
import { newTransferState, renderCloseDialog, renderTransferDialog, type TransferState } from './console-dialogs.js';

/** How long "… skriver" stays after the citizen's last keystroke signal (the contract says 6 s). */
const TYPING_SHOWN_MS = 6000;

/** Puts `item` in sequence order (almost always at the end). */
function insert<T extends { seq: number }>(items: T[], item: T): void {
  const after = items.findLastIndex((existing) => existing.seq <= item.seq);
  if (after === items.length - 1) items.push(item);
  else items.splice(after + 1, 0, item);
}

/** What an open conversation needs from the console around it. */
export interface ConversationHost {
  colleagues(): readonly ChatColleague[];
  teams(): readonly { id: string; name: string }[];
  canned(): readonly CannedReply[];
  draft(conversationId: string): Draft;
  /** The conversation left the caseworker (transfer done). */
  transferred(conversationId: string, to: string): void;
  /** The caseworker closed the conversation. */
  closed(conversationId: string): void;
  /** The caseworker has seen the newest message: its unread count is 0 now. */
  read(conversationId: string): void;
}

/**
 * The conversation the caseworker has open: its messages and notes arrive through a `ChatConnection` (replayed
 * from the start, then live), replies go out through the connection's outbox, and notes, transfer and close
 * are requests of their own. The log is the shared `<ju-chat-message-list>` on the caseworker's side; it
 * announces nothing: the console announces new citizen messages once, through its announcer, so the
 * caseworker's own lines are not read back to them.
 */
export class OpenConversation {
  entry: ConsoleConversation;
  conversation: Conversation;
  problem = '';
  replyError = '';
  noteError = '';
  noteSaving = false;
  transfer: TransferState | undefined;
  closing: 'confirm' | 'sending' | undefined;
  readonly #context: ConsoleContext;
  readonly #host: ConversationHost;
  readonly #ids = new Set<string>();
  #connection: ChatConnection | undefined;
  #citizenReadThrough: number;
  /** Messages up to here were there when the conversation opened: history, not news. */
  readonly #historyThrough: number;
  #typingUntil = 0;
  #typingTimer: ReturnType<typeof setTimeout> | undefined;
  #stopped = false;
  // Kept in sequence order as they arrive; the list gets copies once per render (it compares by identity), so a
  // replay of a long conversation copies once per render, not once per message.
  readonly #messages: ChatMessage[] = [];
  readonly #notes: ChatNote[] = [];
  #shown: { messages: readonly ChatMessage[]; notes: readonly ChatNote[] } = { messages: [], notes: [] };
  #changed = false;
  /** The list's strings (`list.*` of the `live-chat` namespace) in the console's language. */
  #listT: { language: string; t: Translate } | undefined;

  constructor(context: ConsoleContext, host: ConversationHost, entry: ConsoleConversation) {
    this.#context = context;
    this.#host = host;
    this.entry = entry;
    this.conversation = entry.conversation;
    this.#citizenReadThrough = entry.conversation.readByCitizenThrough;
    this.#historyThrough = entry.conversation.lastSeq;
  }

  get id(): string {
    return this.conversation.id;
  }

  get #name(): string {
    return citizenName(this.#context, this.entry.citizen);
  }

  start(): void {
    void this.#context.store().then((store) => {
      if (!this.#stopped) this.#connect(store);
    });
  }

  stop(): void {
    this.#stopped = true;
    this.#connection?.stop();
    clearTimeout(this.#typingTimer);
  }

  /** Fresh list data from the console; the stream's own state wins when it is newer. */
  refresh(entry: ConsoleConversation): void {
    this.entry = entry;
    if (entry.conversation.lastSeq >= this.conversation.lastSeq) this.conversation = entry.conversation;
  }

  /** After each render: once the list has drawn too, tell the server what was read if the newest is in view. */
  afterRender(root: ShadowRoot): void {
    const list = this.#list(root);
    if (!list) return;
    void list.updateComplete.then(() => { this.#seen(list.atNewest); });
  }

  #list(root = this.#context.host.shadowRoot): JuChatMessageList | null | undefined {
    return root?.querySelector('ju-chat-message-list');
  }

  /** The caseworker wrote something: show the newest line, even if they had scrolled up. */
  #scrollToNewest(): void {
    this.#list()?.scrollToNewest();
  }

  /**
   * The list's translate function. Its Danish strings come with the list (`addListStrings`); English and
   * Arabic load on first use, and the list gets a fresh function (so it renders again) when they are in.
   */
  #listTranslate(): Translate {
    const language = this.#context.language();
    if (this.#listT?.language !== language) {
      const namespace = addListStrings();
      this.#listT = { language, t: translator(language, namespace) };
      if (!isNamespaceLoaded(language, namespace)) {
        void loadNamespace(language, namespace).then(() => {
          if (this.#listT?.language !== language) return;
          this.#listT = { language, t: translator(language, namespace) };
          this.#context.host.requestUpdate();
        });
      }
    }
    return this.#listT.t;
  }

  #connect(store: LocalStore<unknown>): void {
    const context = this.#context;
    const api = context.apiUrl;
    if (!api) return;
    this.#connection?.stop();
    this.#messages.length = 0;
    this.#notes.length = 0;
    this.#changed = true;
    this.#ids.clear();
    const connection = new ChatConnection({
      api,
      conversationId: this.id,
      token: () => context.token(),
      store,
      afterSeq: 0,
      onEvent: (event) => { this.#onEvent(event); },
      onReset: () => { this.#connect(store); },
      onChange: () => { context.host.requestUpdate(); },
      onFatal: () => {
        this.problem = context.t('conversation.unavailable');
        context.host.requestUpdate();
      },
      language: () => context.language(),
    });
    this.#connection = connection;
    connection.start();
  }

  #onEvent(event: ChatStreamEvent): void {
    const context = this.#context;
    if (event.type === 'chat.typing') {
      if (event.data.by !== 'citizen') return;
      if (Date.now() > this.#typingUntil) context.announce(context.t('conversation.typing', { name: this.#name }));
      this.#typingUntil = Date.now() + TYPING_SHOWN_MS;
      clearTimeout(this.#typingTimer);
      this.#typingTimer = setTimeout(() => { context.host.requestUpdate(); }, TYPING_SHOWN_MS);
    } else if (event.type === 'chat.message' || event.type === 'chat.note') {
      if (event.type === 'chat.message') this.#addMessage(event.data);
      else this.#addNote(event.data);
      if (event.type === 'chat.message' && event.data.author === 'citizen' && event.seq > this.#historyThrough) {
        this.#typingUntil = 0;
        context.announce(context.t('announce.message', { name: this.#name, text: event.data.text.slice(0, 200) }));
      }
    } else if (event.type === 'chat.state') {
      // The replay starts with older states than the one the console already has (e.g. from the claim).
      if (event.seq < this.conversation.lastSeq) return;
      const wasOpen = this.conversation.state !== 'closed';
      this.conversation = event.data;
      if (wasOpen && event.data.state === 'closed' && event.seq > this.#historyThrough) context.announce(context.t('announce.ended', { name: this.#name }));
    } else if (event.data.by === 'citizen') {
      this.#citizenReadThrough = Math.max(this.#citizenReadThrough, event.data.through);
    }
    context.host.requestUpdate();
  }

  // Each message or note once, in sequence order (a saved note can come back on the stream).
  #addMessage(message: ChatMessage): void {
    if (this.#ids.has(message.id)) return;
    this.#ids.add(message.id);
    insert(this.#messages, message);
    this.#changed = true;
  }

  #addNote(note: ChatNote): void {
    if (this.#ids.has(note.id)) return;
    this.#ids.add(note.id);
    insert(this.#notes, note);
    this.#changed = true;
  }

  /** The list shows the newest message (`atNewest`): it has been read. */
  #seen(atNewest: boolean): void {
    const connection = this.#connection;
    if (atNewest && connection && connection.lastSeq > 0 && document.visibilityState === 'visible') {
      connection.markRead(connection.lastSeq);
      this.#host.read(this.id);
    }
  }

  async #send(): Promise<void> {
    const context = this.#context;
    const draft = this.#host.draft(this.id);
    const text = draft.reply.trim();
    this.replyError = text === '' ? context.t('composer.empty') : text.length > MESSAGE_MAX_LENGTH ? context.t('composer.too-long') : '';
    if (this.replyError || !this.#connection) {
      context.focus('#reply');
      return;
    }
    draft.reply = '';
    this.#scrollToNewest();
    context.host.requestUpdate();
    await this.#connection.send(text);
  }

  async #saveNote(): Promise<void> {
    const context = this.#context;
    const api = context.api;
    const draft = this.#host.draft(this.id);
    const text = draft.note.trim();
    this.noteError = text === '' ? context.t('note.empty') : '';
    if (this.noteError || !api || this.noteSaving) {
      context.focus('#note');
      return;
    }
    this.noteSaving = true;
    context.host.requestUpdate();
    try {
      const note = await api.note(this.id, newMessageId(), text);
      this.#addNote(note);
      draft.note = '';
      this.#scrollToNewest();
      context.announce(context.t('note.saved'));
    } catch (error) {
      this.noteError = context.describe(error);
      context.failed(error, 'note');
      context.focus('#note');
    } finally {
      this.noteSaving = false;
      context.host.requestUpdate();
    }
  }

  async #download(attachment: ChatAttachment): Promise<void> {
    const context = this.#context;
    try {
      const blob = await context.api?.attachment(this.id, attachment.id);
      if (!blob) return;
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = attachment.name;
      link.click();
      setTimeout(() => { URL.revokeObjectURL(url); }, 60_000);
    } catch (error) {
      this.problem = context.describe(error);
      context.failed(error, 'attachment');
      context.focus('#conversation-problem');
    }
  }

  #dialog(id: string): HTMLDialogElement | null | undefined {
    return this.#context.host.shadowRoot?.querySelector<HTMLDialogElement>(id);
  }

  async #openDialog(id: string): Promise<void> {
    this.#context.host.requestUpdate();
    await this.#context.host.updateComplete;
    const dialog = this.#dialog(id);
    if (dialog && !dialog.open) dialog.showModal();
  }

  /** Leaves a dialog without doing anything; focus goes back to the button that opened it. */
  #dismiss(kind: 'transfer' | 'close'): void {
    if (kind === 'transfer' ? !this.transfer : !this.closing) return;
    if (kind === 'transfer') this.transfer = undefined;
    else this.closing = undefined;
    const dialog = this.#dialog(`#${kind}-dialog`);
    if (dialog?.open) dialog.close();
    this.#context.focus(`#${kind}-open`);
  }

  async #submitTransfer(): Promise<void> {
    const context = this.#context;
    const state = this.transfer;
    const api = context.api;
    if (!state || !api || state.sending) return;
    state.missing = { target: state.target === '', note: state.note.trim() === '' };
    if (state.missing.target || state.missing.note) {
      context.focus(state.missing.target ? '#transfer-target' : '#transfer-note');
      return;
    }
    state.sending = true;
    state.problem = '';
    context.host.requestUpdate();
    const to = state.to === 'colleague'
      ? this.#host.colleagues().find((colleague) => colleague.id === state.target)?.firstName
      : this.#host.teams().find((team) => team.id === state.target)?.name;
    try {
      await api.transfer(this.id, { to: state.to === 'colleague' ? { caseworkerId: state.target } : { teamId: state.target }, note: state.note.trim() });
      this.transfer = undefined;
      this.#dialog('#transfer-dialog')?.close();
      this.#host.transferred(this.id, to ?? '');
    } catch (error) {
      state.problem = context.describe(error);
      context.failed(error, 'transfer');
      context.focus('#transfer-problem');
    } finally {
      state.sending = false;
      context.host.requestUpdate();
    }
  }

  async #close(): Promise<void> {
    const context = this.#context;
    const api = context.api;
    if (!api || this.closing !== 'confirm') return;
    this.closing = 'sending';
    this.problem = '';
    context.host.requestUpdate();
    try {
      this.conversation = await api.close(this.id);
      this.#host.closed(this.id);
      context.focus('#conversation-heading');
    } catch (error) {
      this.problem = context.describe(error);
      context.failed(error, 'close');
      context.focus('#conversation-problem');
    } finally {
      this.closing = undefined;
      this.#dialog('#close-dialog')?.close();
      context.host.requestUpdate();
    }
  }

  render(): TemplateResult {
    const context = this.#context;
    const { t } = context;
    const { entry, conversation } = this;
    const name = this.#name;
    const connection = this.#connection;
    const draft = this.#host.draft(this.id);
    const active = conversation.state === 'active';
    const link = connection?.link ?? 'connecting';
    const outbox = connection?.outbox ?? [];
    if (this.#changed) {
      this.#shown = { messages: [...this.#messages], notes: [...this.#notes] };
      this.#changed = false;
    }
    const { messages, notes } = this.#shown;
    return html`
      <div class="cc-conversation__header">
        <div>
          <h3 id="conversation-heading" tabindex="-1" dir="auto">${name}</h3>
          <p class="ju-hint">
            ${entry.conversation.topic.label} · ${languageName(context, entry.citizen.language)} ·
            ${t(entry.citizen.signedIn ? 'citizen.signed-in' : 'citizen.not-signed-in')} · ${t(`chat-state.${conversation.state}`)}${link === 'live' || link === 'stopped' ? '' : ` · ${t(`link.${link}`)}`}
          </p>
        </div>
        ${active || conversation.state === 'left-message'
          ? html`<div class="cc-actions">
              ${active
                ? html`<button class="ju-button ju-button--secondary" type="button" part="button" id="transfer-open" @click=${() => { this.transfer = newTransferState(); void this.#openDialog('#transfer-dialog'); }}>
                    ${t('transfer.open')}
                  </button>`
                : nothing}
              <button class="ju-button ju-button--secondary" type="button" part="button" id="close-open" @click=${() => { this.closing = 'confirm'; void this.#openDialog('#close-dialog'); }}>
                ${t('close.open')}
              </button>
            </div>`
          : nothing}
      </div>
      ${this.problem ? html`<p class="ju-message ju-message--error" id="conversation-problem" role="alert" tabindex="-1" part="error">${this.problem}</p>` : nothing}
      ${messages.length === 0 && notes.length === 0 && outbox.length === 0 ? html`<p class="ju-hint" part="empty">${t('log.empty')}</p>` : nothing}
      <ju-chat-message-list class="cc-log" exportparts="log, message, own: message-own, theirs: message-theirs, system: message-system, note, typing, earlier, jump"
        .messages=${messages} .notes=${notes} .outbox=${outbox} side="caseworker" .t=${this.#listTranslate()} locale=${context.format.locale}
        .readThrough=${this.#citizenReadThrough} .citizenName=${name} ?offline=${link !== 'live'}
        .typing=${Date.now() < this.#typingUntil ? t('conversation.typing', { name }) : ''} label=${t('log.label', { name })}
        @ju-chat-retry=${(event: CustomEvent<MessageListRequestDetail>) => { connection?.retry(event.detail.messageId); }}
        @ju-chat-discard=${(event: CustomEvent<MessageListRequestDetail>) => { connection?.discard(event.detail.messageId); }}
        @ju-chat-attachment=${(event: CustomEvent<AttachmentRequestDetail>) => void this.#download(event.detail.attachment)}
        @ju-chat-newest-seen=${() => { this.#seen(true); }}
      ></ju-chat-message-list>
      ${active
        ? renderComposer(context, {
            draft,
            canned: this.#host.canned(),
            preferred: entry.citizen.language === 'en' ? 'en' : 'da',
            citizenName: name,
            replyError: this.replyError,
            noteError: this.noteError,
            noteSaving: this.noteSaving,
            send: () => void this.#send(),
            typing: () => {
              if (this.replyError) {
                this.replyError = '';
                context.host.requestUpdate();
              }
              connection?.typing();
            },
            saveNote: () => void this.#saveNote(),
          })
        : html`<p class="ju-message" part="read-only">${t(`conversation.read-only-${conversation.state}`)}</p>`}
      ${conversation.state === 'queued'
        ? nothing
        : renderNoteForm(context, { draft, noteError: this.noteError, noteSaving: this.noteSaving, saveNote: () => void this.#saveNote() })}
      ${this.transfer
        ? renderTransferDialog(context, {
            state: this.transfer,
            citizenName: name,
            colleagues: this.#host.colleagues(),
            teams: this.#host.teams(),
            changed: () => { context.host.requestUpdate(); },
            submit: () => void this.#submitTransfer(),
            cancel: () => { this.#dismiss('transfer'); },
          })
        : nothing}
      ${this.closing
        ? renderCloseDialog(context, name, this.closing === 'sending', () => void this.#close(), () => { this.#dismiss('close'); })
        : nothing}
    `;
  }
}
