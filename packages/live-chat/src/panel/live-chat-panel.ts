import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { ApiError } from '@jobunivers/core';
import type { ChatAttachment, ChatMessage, Conversation, Language } from '@jobunivers/contract';
import { ChatConnection, newMessageId, type ChatStreamEvent } from '../transport/index.js';
import { ChatApi, saveBlob } from './chat-api.js';
import { renderConversation } from './conversation-view.js';
import { renderEnded } from './ended-view.js';
import type { ChatPanel, PanelBridge } from './panel-bridge.js';
import type { FieldName, PanelActions, PanelState, PanelView } from './panel-state.js';
import { SessionStore, type StoredSession } from './session-store.js';
import { renderGone, renderLeave, renderLoading, renderPrechat, renderReceipt, renderUnavailable, type ViewContext } from './start-views.js';

/** New messages that arrive within this window are read out as one announcement. */
const ANNOUNCE_BATCH_MS = 800;
/** The contract: a typing signal is shown for 6 s. */
const TYPING_SHOWN_MS = 6000;

/** The language to ask the job centre to write in, when the contract knows it. */
function contractLanguage(code: string): { language?: Language } {
  return code === 'da' || code === 'en' || code === 'ar' ? { language: code } : {};
}

function initialState(): PanelState {
  return {
    view: 'loading', status: undefined, hours: undefined, signedIn: false,
    form: { topicId: '', firstName: '', consent: false, message: '' }, errors: {}, problem: undefined, busy: false,
    conversation: undefined, messages: [], outbox: [], link: 'stopped', reconnecting: false,
    draft: '', attachment: undefined, composerError: undefined, typing: '', confirmingEnd: false,
    receipt: undefined, rating: { score: undefined, comment: '', sent: false, error: undefined },
  };
}

/**
 * The conversation panel of `<ju-live-chat>`: a controller on the launcher element (so the widget keeps one
 * language, one announcer and one set of events) that owns the chat's state and renders its views.
 */
export class LiveChatPanel implements ReactiveController, ChatPanel {
  readonly #bridge: PanelBridge;
  readonly #store = new SessionStore();
  #state: PanelState = initialState();
  #api: ChatApi | undefined;
  #session: StoredSession | undefined;
  #connection: ChatConnection | undefined;
  readonly #messages: ChatMessage[] = [];
  readonly #messageIds = new Set<string>();
  #messagesChanged = false;
  /** Messages up to this sequence number were there before we connected: history, not news. */
  #liveFrom = 0;
  #seenThrough = 0;
  #unread = 0;
  readonly #mine = new Set<string>();
  readonly #sentReported = new Set<string>();
  #announceQueue: ChatMessage[] = [];
  #announceTimer: ReturnType<typeof setTimeout> | undefined;
  #typingTimer: ReturnType<typeof setTimeout> | undefined;
  #wasLive = false;
  #statusRequested = false;
  /** Looking for a conversation to resume is over (the pre-chat must not flash up before a resumed chat). */
  #resumed = false;
  #startKey: string | undefined;
  #uploading = false;
  #focusNext: string | undefined;
  #generation = 0;
  readonly #onVisibility = (): void => { this.#markSeen(); };
  // Mobile browsers that lay the on-screen keyboard over the page (iOS Safari) leave 100dvh unchanged: the
  // visual viewport's height keeps the full-screen dialog, and so the message field, above the keyboard.
  readonly #onViewport = (): void => {
    const viewport = window.visualViewport;
    const dialog = this.#bridge.host.shadowRoot?.querySelector<HTMLElement>('dialog[part~="dialog"]');
    if (viewport && dialog) dialog.style.setProperty('--_ju-live-chat-viewport-height', `${String(Math.round(viewport.height))}px`);
  };

  constructor(bridge: PanelBridge) {
    this.#bridge = bridge;
    bridge.host.addController(this);
    void this.#resume();
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.#onVisibility);
    window.visualViewport?.addEventListener('resize', this.#onViewport);
    this.#connection?.start();
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.#onVisibility);
    window.visualViewport?.removeEventListener('resize', this.#onViewport);
    this.#connection?.stop();
    clearTimeout(this.#announceTimer);
    this.#announceTimer = undefined;
    this.#announceQueue = [];
    void this.#store.flush();
  }

  hostUpdated(): void {
    const root = this.#bridge.host.shadowRoot;
    if (!root) return;
    const open = this.#bridge.isOpen();
    if (open && this.#resumed && this.#state.view === 'loading' && !this.#statusRequested && this.#session === undefined) {
      this.#statusRequested = true;
      void Promise.resolve().then(() => this.#loadStatus());
    }
    const dialog = root.querySelector<HTMLDialogElement>('dialog[part~="dialog"]');
    if (dialog !== null) {
      if (open && !dialog.open) {
        dialog.showModal();
        this.#onViewport();
        // A modal dialog makes the rest of the widget inert, live regions included: the announcer moves in.
        dialog.querySelector('.announce-slot')?.append(...root.querySelectorAll('[data-ju-announcer]'));
        this.#focusNext = this.#state.view === 'conversation' && this.#state.conversation?.state === 'active' ? '#composer-text' : '.view-heading, #chat-title';
      } else if (!open && dialog.open) {
        root.prepend(...dialog.querySelectorAll('[data-ju-announcer]'));
        dialog.close();
      }
    }
    if (this.#focusNext !== undefined && open) {
      const target = root.querySelector<HTMLElement>(this.#focusNext);
      this.#focusNext = undefined;
      target?.focus();
    }
    this.#markSeen();
  }

  // ---- Rendering --------------------------------------------------------------------------------------------

  render(): TemplateResult {
    if (this.#messagesChanged) {
      this.#messagesChanged = false;
      this.#state.messages = this.#messages.slice();
    }
    const t = this.#bridge.t;
    const context: ViewContext = { state: this.#state, actions: this.#actions, t, format: this.#bridge.format() };
    const dialog = this.#bridge.mode() === 'dialog';
    const panel = html`<section part="panel" class="panel ${dialog ? 'in-dialog' : 'inline'}" aria-labelledby="chat-title">
      <header part="header" class="header">
        <h2 id="chat-title" tabindex="-1">${t('panel.title')}</h2>
        ${dialog ? html`<button type="button" class="ju-button ju-button--quiet close" @click=${this.#actions.close}>${t('panel.close')}</button>` : nothing}
      </header>
      <div class="body view-${this.#state.view}">${this.#view(context)}</div>
    </section>`;
    if (!dialog) return panel;
    return html`<dialog part="dialog" class="dialog" aria-labelledby="chat-title"
      @cancel=${(event: Event) => { event.preventDefault(); this.#bridge.requestClose(); }}
      @close=${() => { if (this.#bridge.isOpen()) this.#bridge.requestClose(); }}><div class="announce-slot"></div>${panel}</dialog>`;
  }

  #view(context: ViewContext): TemplateResult {
    const views: Record<PanelView, (context: ViewContext) => TemplateResult> = {
      loading: renderLoading, unavailable: renderUnavailable, prechat: renderPrechat, leave: renderLeave, receipt: renderReceipt,
      conversation: renderConversation, ended: renderEnded, gone: renderGone,
    };
    return views[this.#state.view](context);
  }

  #update(change: Partial<PanelState>, focus?: string): void {
    Object.assign(this.#state, change);
    if (focus !== undefined) this.#focusNext = focus;
    this.#bridge.host.requestUpdate();
  }

  /** Moves focus only when the reader is in the widget already (a change from the server must not pull focus). */
  #focusIfInside(selector: string): void {
    // (`:focus-within` on the host does not see focus inside a top-layer dialog in its shadow root.)
    if (this.#bridge.isOpen() && this.#bridge.host.shadowRoot?.activeElement) this.#focusNext = selector;
  }

  // ---- Starting, resuming, leaving ----------------------------------------------------------------------------

  #apiClient(): ChatApi | undefined {
    const url = this.#bridge.api();
    if (url === undefined) return undefined;
    if (this.#api?.base.href !== new URL(url, document.baseURI).href) {
      try {
        this.#api = new ChatApi(url, () => this.#session?.accessToken ?? this.#bridge.token(), this.#bridge.language);
      } catch {
        return undefined;
      }
    }
    return this.#api;
  }

  async #resume(): Promise<void> {
    try {
      await this.#findConversation();
      // The dialog may have opened while we looked: take the reader from its title to where the chat goes on.
      if (this.#session !== undefined) this.#focusIfInside(this.#state.conversation?.state === 'active' ? '#composer-text' : '.view-heading');
    } finally {
      this.#resumed = true;
      this.#bridge.host.requestUpdate();
    }
  }

  async #findConversation(): Promise<void> {
    const generation = this.#generation;
    const api = this.#apiClient();
    this.#state.signedIn = this.#bridge.token() !== undefined;
    if (api === undefined) {
      this.#update({ view: 'unavailable', problem: this.#bridge.t('error.api-url') });
      return;
    }
    const session = await this.#store.session(api.base.href);
    if (generation !== this.#generation) return;
    // A signed-in citizen's conversation waits for the host to hand the token over again (after a reload the
    // host's login usually comes a moment later); `credentialsChanged()` looks again. Nothing is forgotten.
    if (session !== undefined && session.accessToken === null && this.#bridge.token() === undefined) return;
    if (session !== undefined) {
      this.#session = session;
      try {
        await this.#enter(await api.conversation(session.conversationId), session);
      } catch (error) {
        // Gone, or not this citizen's: start afresh. A 401 (an expired token) forgets nothing.
        if (error instanceof ApiError && [403, 404].includes(error.status)) {
          this.#session = undefined;
          await this.#store.forget(session.conversationId);
          this.#bridge.host.requestUpdate();
          return;
        }
        // Offline after a reload: show the conversation from the device and let the transport catch up.
        await this.#enter(undefined, session);
      }
      return;
    }
    if (this.#state.signedIn) {
      try {
        const current = await api.current();
        if (current !== undefined && generation === this.#generation) await this.#enter(current, { apiUrl: api.base.href, conversationId: current.id, accessToken: null });
      } catch {
        // the pre-chat form still works
      }
    }
    this.#bridge.host.requestUpdate();
  }

  async #loadStatus(): Promise<void> {
    const api = this.#apiClient();
    if (api === undefined) return;
    this.#statusRequested = true;
    this.#update({ view: 'loading', problem: undefined });
    try {
      const [status, hours] = await Promise.all([api.status(), api.openingHours()]);
      const preset = status.topics.find((topic) => topic.id === this.#bridge.topic()) ?? (status.topics.length === 1 ? status.topics[0] : undefined);
      const form = { ...this.#state.form, topicId: this.#state.form.topicId || (preset?.id ?? '') };
      const view: PanelView = this.#state.view === 'leave' || status.availability !== 'open' ? 'leave' : 'prechat';
      this.#update({ status, hours, form, view, signedIn: this.#bridge.token() !== undefined });
      this.#focusIfInside('.view-heading');
    } catch (error) {
      this.#statusRequested = false;
      this.#update({ view: 'unavailable', problem: this.#bridge.describeError(error) });
    }
  }

  async #enter(conversation: Conversation | undefined, session: StoredSession): Promise<void> {
    this.#session = session;
    await this.#store.saveSession(session);
    this.#messages.length = 0;
    this.#messageIds.clear();
    this.#messagesChanged = true;
    this.#liveFrom = conversation?.lastSeq ?? 0;
    this.#seenThrough = conversation?.readByCitizenThrough ?? 0;
    this.#unread = 0;
    const draft = await this.#store.draft(session.conversationId);
    const ended = conversation?.state === 'closed' || conversation?.state === 'left-message';
    this.#update({ conversation, draft, view: ended ? 'ended' : 'conversation', signedIn: session.accessToken === null });
    if (this.#state.status === undefined) void this.#apiClient()?.status().then((status) => { this.#update({ status }); }, () => undefined);
    if (!ended) await this.#connect();
  }

  async #connect(): Promise<void> {
    const session = this.#session;
    const api = this.#apiClient();
    if (session === undefined || api === undefined) return;
    this.#connection?.stop();
    this.#wasLive = false;
    const connection = new ChatConnection({
      api: api.base,
      conversationId: session.conversationId,
      token: () => session.accessToken ?? this.#bridge.token(),
      store: await this.#store.ready,
      afterSeq: 0,
      onEvent: (event) => { if (this.#connection === connection) this.#onEvent(event); },
      onReset: () => { if (this.#connection === connection) void this.#reload(); },
      onChange: () => { if (this.#connection === connection) this.#onChange(); },
      onFatal: () => { if (this.#connection === connection) this.#update({ view: 'gone' }, '.view-heading'); },
      language: this.#bridge.language,
    });
    this.#connection = connection;
    if (this.#bridge.host.isConnected) connection.start();
  }

  async #reload(): Promise<void> {
    const session = this.#session;
    const api = this.#apiClient();
    if (session === undefined || api === undefined) return;
    try {
      await this.#enter(await api.conversation(session.conversationId), session);
    } catch {
      await this.#connect();
    }
  }

  /** Validates the start form; returns false (and shows the errors) when something is missing. */
  #validate(fields: FieldName[]): boolean {
    const t = this.#bridge.t;
    const { form, signedIn } = this.#state;
    const errors: Partial<Record<FieldName, string>> = {};
    if (fields.includes('topic') && form.topicId === '') errors.topic = t('prechat.topicError');
    if (fields.includes('message') && form.message.trim() === '') errors.message = t('leave.messageError');
    if (fields.includes('consent') && !signedIn && !form.consent) errors.consent = t('prechat.consentError');
    this.#update({ errors, problem: undefined }, Object.keys(errors).length > 0 ? '.error-summary' : undefined);
    return Object.keys(errors).length === 0;
  }

  async #create(mode: 'live' | 'message'): Promise<void> {
    const api = this.#apiClient();
    if (api === undefined || this.#state.busy) return;
    const { form, signedIn } = this.#state;
    this.#startKey ??= newMessageId();
    this.#update({ busy: true });
    try {
      const session = await api.create({
        topicId: form.topicId, mode, ...contractLanguage(this.#bridge.language()),
        ...(signedIn ? {} : { consent: true, ...(form.firstName.trim() === '' ? {} : { firstName: form.firstName.trim() }) }),
        ...(mode === 'message' ? { message: { id: newMessageId(), text: form.message.trim() } } : {}),
      }, this.#startKey);
      this.#startKey = undefined;
      const { conversation } = session;
      if (mode === 'message') {
        this.#update({ view: 'receipt', receipt: { conversationId: conversation.id, at: conversation.createdAt }, busy: false, form: { ...form, message: '' } }, '.view-heading');
        return;
      }
      this.#update({ busy: false });
      await this.#enter(conversation, { apiUrl: api.base.href, conversationId: conversation.id, accessToken: session.accessToken });
      this.#focusNext = '.view-heading';
    } catch (error) {
      if (error instanceof ApiError && error.code === 'chat-unavailable') {
        this.#startKey = undefined;
        const status = await api.status().catch(() => this.#state.status);
        this.#update({ busy: false, status, view: 'leave', problem: this.#bridge.t('leave.becameUnavailable') }, '.view-heading');
        return;
      }
      this.#update({ busy: false, problem: this.#bridge.describeError(error) }, '.error-summary');
    }
  }

  // ---- The stream -------------------------------------------------------------------------------------------

  #onEvent(event: ChatStreamEvent): void {
    const t = this.#bridge.t;
    switch (event.type) {
      case 'chat.message': {
        const message = event.data;
        if (this.#messageIds.has(message.id)) return;
        this.#messageIds.add(message.id);
        this.#messages.push(message);
        this.#messagesChanged = true;
        if (message.author === 'citizen' && this.#mine.has(message.id)) this.#reportSent(message.id);
        if (message.author === 'caseworker') {
          if (message.seq > this.#seenThrough) this.#unread += 1;
          if (message.seq > this.#liveFrom) {
            this.#bridge.emit('ju-chat-message-received', { messageId: message.id });
            this.#queueAnnouncement(message);
            this.#stopTyping();
          }
          this.#bridge.unreadChanged(this.#unread);
        }
        break;
      }
      case 'chat.state': {
        const before = this.#state.conversation;
        const after = event.data;
        this.#state.conversation = after;
        const live = event.seq > this.#liveFrom;
        if (after.state === 'queued' && after.queuePosition !== null && after.queuePosition !== before?.queuePosition && live) {
          this.#bridge.announcer.announce(t('queue.position', { count: after.queuePosition }));
        }
        if (after.state === 'active' && before?.state !== 'active' && after.caseworker && live) {
          this.#bridge.announcer.announce(t('conversation.with', { name: after.caseworker.firstName, team: after.caseworker.team }));
          this.#focusIfInside('#composer-text');
        }
        if (after.state === 'closed' && this.#state.view === 'conversation') this.#ended(after);
        break;
      }
      case 'chat.read': {
        const conversation = this.#state.conversation;
        if (event.data.by === 'caseworker' && conversation !== undefined) {
          this.#state.conversation = { ...conversation, readByStaffThrough: Math.max(conversation.readByStaffThrough, event.data.through) };
        } else if (event.data.by === 'citizen' && event.data.through > this.#seenThrough) {
          this.#seenThrough = event.data.through; // read on another device
          this.#unread = this.#messages.filter((message) => message.author === 'caseworker' && message.seq > this.#seenThrough).length;
          this.#bridge.unreadChanged(this.#unread);
        }
        break;
      }
      case 'chat.typing':
        if (event.data.by === 'caseworker') this.#showTyping();
        break;
      default:
        return; // notes never reach citizens
    }
    this.#bridge.host.requestUpdate();
  }

  #onChange(): void {
    const connection = this.#connection;
    if (connection === undefined) return;
    const link = connection.link;
    const t = this.#bridge.t;
    if (link !== this.#state.link) {
      if (link === 'offline') this.#bridge.announcer.announce(t('link.offline'));
      else if (link === 'live' && (this.#state.link === 'offline' || this.#state.reconnecting)) this.#bridge.announcer.announce(t('link.back'));
    }
    const reconnecting = this.#wasLive && link === 'connecting';
    if (link === 'live') this.#wasLive = true;
    for (const message of connection.outbox) if (message.state === 'sent') this.#reportSent(message.id);
    this.#update({ link, reconnecting, outbox: connection.outbox });
  }

  #reportSent(messageId: string): void {
    if (this.#sentReported.has(messageId)) return;
    this.#sentReported.add(messageId);
    this.#bridge.emit('ju-chat-message-sent', { messageId });
  }

  #queueAnnouncement(message: ChatMessage): void {
    this.#announceQueue.push(message);
    if (this.#announceTimer !== undefined) return;
    this.#announceTimer = setTimeout(() => {
      this.#announceTimer = undefined;
      const batch = this.#announceQueue;
      this.#announceQueue = [];
      const name = batch[0]?.caseworker?.firstName ?? this.#bridge.t('list.jobCentre');
      const text = batch.map((message) => message.text || (message.attachment?.name ?? '')).join(' · ');
      this.#bridge.announcer.announce(this.#bridge.t('announce.messages', { count: batch.length, name, text }));
    }, ANNOUNCE_BATCH_MS);
  }

  /** Shows "Mette skriver …"; announced once per burst (until it has been quiet for 6 s or she sent). */
  #showTyping(): void {
    const name = this.#state.conversation?.caseworker?.firstName ?? this.#bridge.t('list.jobCentre');
    const text = this.#bridge.t('typing', { name });
    if (this.#typingTimer === undefined) this.#bridge.announcer.announce(text);
    clearTimeout(this.#typingTimer);
    this.#typingTimer = setTimeout(() => { this.#stopTyping(); this.#bridge.host.requestUpdate(); }, TYPING_SHOWN_MS);
    this.#state.typing = text;
  }

  #stopTyping(): void {
    clearTimeout(this.#typingTimer);
    this.#typingTimer = undefined;
    this.#state.typing = '';
  }

  #ended(conversation: Conversation): void {
    this.#connection?.stop();
    this.#stopTyping();
    this.#update({ conversation, view: 'ended', confirmingEnd: false, problem: undefined });
    this.#bridge.emit('ju-chat-ended', { conversationId: conversation.id });
    this.#bridge.announcer.announce(this.#bridge.t('ended.heading'));
    this.#focusIfInside('.view-heading');
  }

  /** Everything on screen has been seen: clear the badge and tell the caseworker. */
  #markSeen(): void {
    const connection = this.#connection;
    if (connection === undefined || this.#state.view !== 'conversation' || !this.#bridge.isOpen() || document.visibilityState === 'hidden') return;
    const newest = connection.lastSeq;
    if (newest > this.#seenThrough) {
      this.#seenThrough = newest;
      connection.markRead(newest);
    }
    if (this.#unread !== 0) {
      this.#unread = 0;
      // Not during this render's `updated` (the launcher re-renders for its badge).
      queueMicrotask(() => { this.#bridge.unreadChanged(this.#unread); });
    }
  }

  // ---- What the citizen does ----------------------------------------------------------------------------------

  readonly #actions: PanelActions = {
    edit: (change) => {
      const form = { ...this.#state.form, ...change };
      const errors = { ...this.#state.errors };
      if (change.topicId !== undefined) delete errors.topic;
      if (change.consent === true) delete errors.consent;
      if (change.message !== undefined && change.message.trim() !== '') delete errors.message;
      this.#update({ form, errors });
    },
    start: (event) => {
      event.preventDefault();
      if (this.#validate(['topic', 'consent'])) void this.#create('live');
    },
    leaveMessage: (event) => {
      event.preventDefault();
      if (this.#validate(['topic', 'message', 'consent'])) void this.#create('message');
    },
    showLeave: () => { void this.#leaveInstead(); },
    requestBooking: () => { this.#bridge.emit('ju-chat-request-booking', { conversationId: this.#state.conversation?.id ?? null }); },
    retryStatus: () => { void (this.#session === undefined ? this.#loadStatus() : this.#reload()); },
    draftChanged: (text) => {
      this.#state.draft = text;
      if (this.#state.composerError !== undefined) this.#update({ composerError: undefined });
      if (this.#session !== undefined) this.#store.saveDraft(this.#session.conversationId, text);
      if (text !== '') this.#connection?.typing();
    },
    send: () => { void this.#send(); },
    chooseFile: (file) => {
      if (file === undefined) return;
      const rules = this.#state.status?.attachments;
      const t = this.#bridge.t;
      let error: string | undefined;
      if (rules !== undefined && !rules.types.includes(file.type)) error = t('composer.fileType');
      else if (rules !== undefined && file.size > rules.maxBytes) error = t('composer.fileSize', { size: Math.round(rules.maxBytes / 1_000_000) });
      this.#update({ attachment: { file, error } }, '#composer-text');
    },
    removeFile: () => { this.#update({ attachment: undefined }, '#composer-text'); },
    retry: (id) => { this.#connection?.retry(id); },
    discard: (id) => { this.#connection?.discard(id); this.#focusNext = '#composer-text'; },
    download: (_messageId, attachment) => { void this.#download(attachment); },
    askEnd: (confirming) => { this.#update({ confirmingEnd: confirming }, confirming ? '#end-yes' : '#end-ask'); },
    end: () => { void this.#end(); },
    transcript: () => { void this.#transcript(); },
    rate: (change) => {
      this.#update({ rating: { ...this.#state.rating, ...change, error: change.score === undefined ? this.#state.rating.error : undefined } });
    },
    sendRating: (event) => {
      event.preventDefault();
      void this.#sendRating();
    },
    startOver: () => { void this.reset(); },
    close: () => { this.#bridge.requestClose(); },
  };

  async #leaveInstead(): Promise<void> {
    const conversation = this.#state.conversation;
    const api = this.#apiClient();
    if (conversation?.state === 'queued' && api !== undefined) {
      this.#connection?.stop();
      await api.close(conversation.id).catch(() => undefined);
      await this.#forget();
    }
    this.#update({ view: 'leave', form: { ...this.#state.form, topicId: this.#state.form.topicId || (conversation?.topic.id ?? ''), message: this.#state.draft || this.#state.form.message }, errors: {}, problem: undefined }, '.view-heading');
    if (this.#state.status === undefined) void this.#loadStatus();
  }

  async #send(): Promise<void> {
    const connection = this.#connection;
    const session = this.#session;
    const api = this.#apiClient();
    if (connection === undefined || session === undefined || api === undefined) return;
    const t = this.#bridge.t;
    const text = this.#state.draft.trim();
    const pending = this.#state.attachment;
    if (text === '' && pending === undefined) {
      this.#update({ composerError: t('composer.empty') }, '#composer-text');
      return;
    }
    if (pending?.error !== undefined) {
      this.#focusNext = '#composer-text';
      return;
    }
    let attachment: ChatAttachment | null = null;
    if (pending !== undefined) {
      if (this.#uploading) return;
      this.#uploading = true;
      try {
        attachment = await api.upload(session.conversationId, pending.file);
      } catch (error) {
        this.#update({ attachment: { ...pending, error: this.#bridge.describeError(error) } }, '#composer-text');
        return;
      } finally {
        this.#uploading = false;
      }
    }
    this.#update({ draft: '', attachment: undefined, composerError: undefined }, '#composer-text');
    this.#store.saveDraft(session.conversationId, '');
    void this.#store.flush();
    const message = await connection.send(text, attachment);
    this.#mine.add(message.id);
    if (this.#messageIds.has(message.id)) this.#reportSent(message.id);
  }

  async #download(attachment: ChatAttachment): Promise<void> {
    const api = this.#apiClient();
    const id = this.#session?.conversationId;
    if (api === undefined || id === undefined) return;
    try {
      saveBlob(await api.attachment(id, attachment.id), attachment.name, this.#bridge.host.shadowRoot ?? this.#bridge.host);
    } catch (error) {
      this.#update({ composerError: this.#bridge.describeError(error) });
    }
  }

  async #end(): Promise<void> {
    const api = this.#apiClient();
    const id = this.#session?.conversationId;
    if (api === undefined || id === undefined) return;
    try {
      this.#ended(await api.close(id));
      this.#focusNext = '.view-heading';
    } catch (error) {
      this.#update({ composerError: this.#bridge.describeError(error), confirmingEnd: false }, '#composer-text');
    }
  }

  async #transcript(): Promise<void> {
    const api = this.#apiClient();
    const id = this.#session?.conversationId ?? this.#state.conversation?.id;
    if (api === undefined || id === undefined) return;
    try {
      saveBlob(await api.transcript(id), `${this.#bridge.t('ended.fileName')}-${id}.txt`, this.#bridge.host.shadowRoot ?? this.#bridge.host);
      this.#update({ problem: undefined });
    } catch (error) {
      this.#update({ problem: this.#bridge.describeError(error) });
    }
  }

  async #sendRating(): Promise<void> {
    const api = this.#apiClient();
    const id = this.#session?.conversationId ?? this.#state.conversation?.id;
    const { score, comment } = this.#state.rating;
    if (api === undefined || id === undefined || this.#state.busy) return;
    if (score === undefined) {
      this.#update({ rating: { ...this.#state.rating, error: this.#bridge.t('rating.required') } }, '#score-1');
      return;
    }
    this.#update({ busy: true });
    try {
      const conversation = await api.rate(id, score, comment);
      this.#update({ busy: false, conversation, rating: { ...this.#state.rating, sent: true, error: undefined } }, '#rating-thanks');
    } catch (error) {
      this.#update({ busy: false, rating: { ...this.#state.rating, error: this.#bridge.describeError(error) } }, '#score-1');
    }
  }

  async #forget(): Promise<void> {
    const id = this.#session?.conversationId;
    const connection = this.#connection;
    this.#connection = undefined;
    connection?.stop();
    await connection?.clear();
    this.#session = undefined;
    await this.#store.forget(id);
    this.#messages.length = 0;
    this.#messageIds.clear();
    this.#messagesChanged = true;
    this.#stopTyping();
    if (this.#unread !== 0) {
      this.#unread = 0;
      this.#bridge.unreadChanged(0);
    }
  }

  credentialsChanged(): void {
    if (this.#session !== undefined) return;
    this.#generation += 1;
    void this.#resume();
  }

  async reset(): Promise<void> {
    this.#generation += 1;
    await this.#forget();
    const { status, hours } = this.#state;
    this.#state = { ...initialState(), status, hours, signedIn: this.#bridge.token() !== undefined };
    this.#statusRequested = false;
    this.#focusNext = '#chat-title';
    this.#bridge.host.requestUpdate();
  }
}
