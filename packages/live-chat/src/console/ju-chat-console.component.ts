import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { JuElement, type Politeness } from '@jobunivers/core';
import { openLocalStore, type LocalStore } from '@jobunivers/core/store';
import type { CannedReply, ChatConsole, ChatPresence, ConsoleConversation } from '@jobunivers/contract';
import type { ChatConsoleErrorDetail } from './events.js';
import { ConsoleApi } from './console-api.js';
import type { Draft } from './console-composer.js';
import { citizenName, errorCode, type ConsoleContext } from './console-context.js';
import { OpenConversation } from './console-conversation.js';
import { renderConversationList, renderQueue } from './console-lists.js';
import { RefreshOnReturn } from '@jobunivers/core/refresh-on-return';
import { ConsoleLive } from './console-live.js';
import { renderPresence } from './console-presence.js';
import { consoleStyles } from './console.styles.js';
import { CHAT_CONSOLE_NAMESPACE } from './locales/register.js';

export const CONSOLE_VIEWS = ['queue', 'mine', 'messages'] as const;
export type ConsoleView = (typeof CONSOLE_VIEWS)[number];

/** Live events come in bursts (a claim changes the queue and a list): one reload for the burst. */
const LIVE_DEBOUNCE_MS = 300;
/** A refresh on window focus is skipped when the data is younger than this. */
const FOCUS_REFRESH_MS = 10_000;
/** Waiting times in the queue are redrawn this often. */
const TICK_MS = 30_000;

let sharedStore: Promise<LocalStore<unknown>> | undefined;

/**
 * The caseworker's side of live chat: presence and how many chats at once, the queue with "take", left
 * messages, the caseworker's own conversations with unread counts, and one open conversation with replies,
 * prepared answers, internal notes, transfer and close. Needs a caseworker's `token` (on the element or on
 * `<ju-provider>`); the lists update live from the caseworker's event stream, the open conversation from its own.
 *
 * @tagname ju-chat-console
 * @summary Caseworker console for live chat: queue, own conversations, replies, notes, transfer and close.
 * @status experimental
 *
 * @csspart header - The title, live status, presence and refresh.
 * @csspart presence - The presence and chat-limit controls.
 * @csspart tabs - The row of list tabs.
 * @csspart tab - One list tab.
 * @csspart panel - The panel of the shown list.
 * @csspart queue-item - One waiting citizen.
 * @csspart mine-item - One of the caseworker's conversations.
 * @csspart message-item - One left message.
 * @csspart unread - The unread count of a conversation.
 * @csspart empty - The text of an empty list.
 * @csspart conversation - The open conversation (or the hint to open one).
 * @csspart log - The conversation's messages and notes (the shared `<ju-chat-message-list>`'s log).
 * @csspart message - One message (also `message-own` for the caseworkers' and this device's, `message-theirs` for the citizen's, `message-system`).
 * @csspart note - One internal note.
 * @csspart typing - "… skriver" under the log.
 * @csspart earlier - The "show earlier messages" button of a long conversation.
 * @csspart jump - The "jump to newest" button shown when new messages arrive while the caseworker reads further up.
 * @csspart composer - The reply form.
 * @csspart canned-replies - The prepared answers picker.
 * @csspart note-composer - The internal note form.
 * @csspart read-only - The text shown instead of the reply form when the conversation cannot be answered.
 * @csspart dialog - The transfer and close dialogs.
 * @csspart button - Action buttons.
 * @csspart error - A loading or action error.
 * @csspart config-error - Shown when `api` is missing or cannot be used.
 * @csspart signed-out - Shown while there is no caseworker token.
 *
 * @cssprop --ju-chat-console-gap - Space between the console's sections. Default var(--ju-space-m).
 * @cssprop --ju-chat-console-accent - Marks the selected tab and conversation, and unread counts. Default var(--ju-color-primary).
 * @cssprop --ju-chat-console-log-height - Height of the open conversation's message log. Default 24rem.
 * @cssprop --ju-chat-console-note-surface - Background of internal notes. Default var(--ju-color-warning-surface).
 *
 * @fires {CustomEvent<{ conversationId: string }>} ju-chat-console-claimed - The caseworker took a conversation from the queue.
 * @fires {CustomEvent<{ conversationId: string }>} ju-chat-console-transferred - The caseworker handed a conversation to a colleague or team.
 * @fires {CustomEvent<{ conversationId: string }>} ju-chat-console-closed - The caseworker ended a conversation.
 * @fires {CustomEvent<{ code: string, action: string }>} ju-chat-console-error - A console request failed (`action`: load, presence, claim, note, transfer, close, attachment).
 */
export class JuChatConsole extends JuElement {
  static override namespace = CHAT_CONSOLE_NAMESPACE;

  static override styles = [JuElement.styles, consoleStyles];

  /** The list shown: `queue` (default), `mine` (own conversations) or `messages` (left messages). */
  @property({ reflect: true }) view: ConsoleView = 'queue';

  @state() private data: ChatConsole | undefined;
  @state() private status: 'loading' | 'ready' | 'error' = 'loading';
  @state() private lastRefreshed: number | undefined;

  #loadError = '';
  #queueProblem = '';
  #presenceProblem = '';
  #claiming = new Set<string>();
  #open: OpenConversation | undefined;
  #canned: CannedReply[] = [];
  #cannedLoaded = false;
  #drafts = new Map<string, Draft>();
  #api: { client: object; api: ConsoleApi } | undefined;
  #configKey = '';
  #token: string | undefined;
  #generation = 0;
  #liveTimer: ReturnType<typeof setTimeout> | undefined;
  #tick: ReturnType<typeof setInterval> | undefined;

  readonly #context: ConsoleContext = this.#createContext();
  readonly #live = new ConsoleLive(this, {
    url: () => this.#consoleApi()?.eventsUrl(),
    token: () => this.effectiveToken,
    onChange: () => { this.#onLiveChange(); },
  });
  readonly #refreshOnReturn = new RefreshOnReturn(this, () => { void this.refresh(); }, FOCUS_REFRESH_MS);

  override connectedCallback(): void {
    super.connectedCallback();
    this.#tick = setInterval(() => { this.requestUpdate(); }, TICK_MS);
  }

  override disconnectedCallback(): void {
    clearTimeout(this.#liveTimer);
    clearInterval(this.#tick);
    this.#open?.stop();
    this.#open = undefined;
    super.disconnectedCallback();
  }

  /** Fetches the queue and lists again, keeping what is on screen meanwhile. */
  async refresh(): Promise<void> {
    const api = this.#consoleApi();
    if (!api || !this.effectiveToken) return;
    const generation = ++this.#generation;
    if (this.status === 'error') this.status = 'loading';
    try {
      const data = await api.console();
      if (generation === this.#generation) this.#adopt(data);
    } catch (error) {
      if (generation !== this.#generation) return;
      if (!this.data) {
        this.status = 'error';
        this.#loadError = this.describeError(error);
      }
      this.#failed(error, 'load');
    }
    this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const token = this.effectiveToken;
    // A fresh token for the same caseworker (hosts renew them) keeps the lists and the open conversation.
    const key = `${this.apiUrl ?? ''}\n${token ? 'signed-in' : ''}`;
    if (key === this.#configKey) {
      if (token !== this.#token) void this.updateComplete.then(() => { this.#live.restart(); });
      this.#token = token;
      return;
    }
    this.#configKey = key;
    this.#token = token;
    this.#open?.stop();
    this.#open = undefined;
    this.data = undefined;
    this.status = 'loading';
    this.#cannedLoaded = false;
    // After the render, so the requests start from the new configuration.
    void this.updateComplete.then(() => {
      this.#live.restart();
      void this.refresh();
    });
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.shadowRoot) this.#open?.afterRender(this.shadowRoot);
  }

  override render(): TemplateResult {
    const t = this.#context.t;
    if (this.apiConfigError) return this.renderApiConfigError();
    if (!this.apiUrl) return html`<p class="ju-message ju-message--error" role="alert" part="config-error">${t('console.no-api')}</p>`;
    if (!this.effectiveToken) return html`<p class="ju-message" part="signed-out">${t('console.signed-out')}</p>`;
    return html`
      <div class="cc-header" part="header">
        <div>
          <h2>${t('console.title')}</h2>
          <p class="ju-hint">${this.#statusText()}</p>
        </div>
        ${this.data ? renderPresence(this.#context, this.data, this.#presenceProblem, (presence, maxChats) => void this.#savePresence(presence, maxChats)) : nothing}
        <button class="ju-button ju-button--secondary" type="button" part="button" id="console-refresh" @click=${() => void this.#manualRefresh()}>${t('console.refresh')}</button>
      </div>
      ${this.status === 'error'
        ? html`<div class="ju-message ju-message--error" role="alert" part="error">
            <p>${this.#loadError}</p>
            <button class="ju-button ju-button--secondary" type="button" @click=${() => void this.refresh()}>${t('action.retry')}</button>
          </div>`
        : !this.data
          ? html`<p role="status">${t('state.loading')}</p>`
          : this.#renderConsole(this.data)}
    `;
  }

  #renderConsole(data: ChatConsole): TemplateResult {
    const context = this.#context;
    const active = this.#activeView;
    const unread = data.mine.reduce((sum, entry) => sum + entry.unread, 0);
    const counts: Record<ConsoleView, string> = {
      queue: context.t('tab.queue', { count: data.queue.length }),
      mine: unread > 0 ? context.t('tab.mine-unread', { count: unread, total: data.mine.length }) : context.t('tab.mine', { count: data.mine.length }),
      messages: context.t('tab.messages', { count: data.messages.length }),
    };
    const openId = this.#open?.id;
    return html`
      <div class="cc-layout">
        <div class="cc-lists">
          <div class="cc-tabs" role="tablist" aria-label=${context.t('console.lists')} part="tabs" @keydown=${this.#onTabKey}>
            ${CONSOLE_VIEWS.map((view) => html`<button
              class="cc-tab"
              type="button"
              role="tab"
              id=${`tab-${view}`}
              aria-selected=${view === active ? 'true' : 'false'}
              aria-controls=${`panel-${view}`}
              tabindex=${view === active ? '0' : '-1'}
              part="tab"
              @click=${() => { this.view = view; }}
            >${counts[view]}</button>`)}
          </div>
          ${CONSOLE_VIEWS.map((view) => html`<div class="cc-panel" role="tabpanel" id=${`panel-${view}`} aria-labelledby=${`tab-${view}`} part="panel" ?hidden=${view !== active}>
            ${view !== active
              ? nothing
              : view === 'queue'
                ? html`${this.#queueProblem ? html`<p class="ju-message ju-message--error" id="queue-problem" role="alert" tabindex="-1" part="error">${this.#queueProblem}</p>` : nothing}
                  ${renderQueue(context, data.queue, { claiming: this.#claiming, away: data.presence === 'away', claim: (entry) => void this.#claim(entry) })}`
                : renderConversationList(context, view, view === 'mine' ? data.mine : data.messages, openId, (entry) => { this.#openConversation(entry, '#conversation-heading'); })}
          </div>`)}
        </div>
        <section class="cc-conversation" part="conversation" aria-labelledby=${this.#open ? 'conversation-heading' : 'no-conversation'}>
          ${this.#open
            ? this.#open.render()
            : html`<h3 id="no-conversation">${context.t('conversation.none')}</h3><p class="ju-hint">${context.t('conversation.none-hint')}</p>`}
        </section>
      </div>
    `;
  }

  get #activeView(): ConsoleView {
    return CONSOLE_VIEWS.includes(this.view) ? this.view : 'queue';
  }

  readonly #onTabKey = (event: KeyboardEvent): void => {
    const index = CONSOLE_VIEWS.indexOf(this.#activeView);
    const step = this.language.dir === 'rtl' ? -1 : 1;
    const targets: Partial<Record<string, number>> = { ArrowRight: index + step, ArrowLeft: index - step, Home: 0, End: CONSOLE_VIEWS.length - 1 };
    const target = targets[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const view = CONSOLE_VIEWS[(target + CONSOLE_VIEWS.length) % CONSOLE_VIEWS.length] ?? 'queue';
    this.view = view;
    this.#context.focus(`#tab-${view}`);
  };

  #statusText(): string {
    const { t, format } = this.#context;
    if (this.#live.state === 'live') return t('console.live');
    return this.lastRefreshed === undefined ? '' : t('console.refreshed', { time: format.time(this.lastRefreshed) });
  }

  async #manualRefresh(): Promise<void> {
    await this.refresh();
    this.announcer.announce(this.t('console.refreshed', { time: this.format.time(Date.now()) }));
  }

  /** Takes the new lists; tells the caseworker about new citizens in the queue and new messages elsewhere. */
  #adopt(next: ChatConsole): void {
    const previous = this.data;
    const { t } = this.#context;
    const openId = this.#open?.id;
    if (previous) {
      const known = new Set(previous.queue.map((entry) => entry.conversation.id));
      const fresh = next.queue.filter((entry) => !known.has(entry.conversation.id));
      const first = fresh.at(0);
      if (fresh.length === 1 && first) this.#announce(t('announce.queued', { name: citizenName(this.#context, first.citizen), topic: first.conversation.topic.label }));
      else if (fresh.length > 1) this.#announce(t('announce.queued-many', { count: fresh.length }));
      const unread = new Map(previous.mine.map((entry) => [entry.conversation.id, entry.unread]));
      for (const entry of next.mine) {
        if (entry.conversation.id !== openId && entry.unread > (unread.get(entry.conversation.id) ?? 0)) {
          this.#announce(t('announce.other-message', { name: citizenName(this.#context, entry.citizen) }));
        }
      }
    }
    this.data = next;
    this.status = 'ready';
    this.lastRefreshed = Date.now();
    this.#refreshOnReturn.markFresh();
    const openEntry = [...next.mine, ...next.messages].find((entry) => entry.conversation.id === openId);
    if (openEntry) this.#open?.refresh(openEntry);
  }

  #onLiveChange(): void {
    clearTimeout(this.#liveTimer);
    this.#liveTimer = setTimeout(() => void this.refresh(), LIVE_DEBOUNCE_MS);
  }

  async #savePresence(presence: ChatPresence, maxChats: number): Promise<void> {
    const api = this.#consoleApi();
    if (!api) return;
    this.#presenceProblem = '';
    try {
      this.#adopt(await api.presence(presence, maxChats));
      this.#announce(this.t('presence.saved', { presence: this.t(`presence.${presence}`), count: maxChats }));
    } catch (error) {
      this.#presenceProblem = this.describeError(error);
      this.#failed(error, 'presence');
    }
    this.requestUpdate();
  }

  async #claim(entry: ConsoleConversation): Promise<void> {
    const api = this.#consoleApi();
    const id = entry.conversation.id;
    if (!api || this.#claiming.has(id)) return;
    this.#claiming.add(id);
    this.#queueProblem = '';
    this.requestUpdate();
    try {
      const conversation = await api.claim(id);
      this.emit('ju-chat-console-claimed', { conversationId: id });
      this.#announce(this.t('claim.done', { name: citizenName(this.#context, entry.citizen) }));
      if (this.data) this.data = { ...this.data, queue: this.data.queue.filter((item) => item.conversation.id !== id), mine: [{ ...entry, conversation }, ...this.data.mine] };
      this.view = 'mine';
      this.#openConversation({ ...entry, conversation }, '#reply');
    } catch (error) {
      const code = errorCode(error);
      if (code === 'already-claimed' && this.data) this.data = { ...this.data, queue: this.data.queue.filter((item) => item.conversation.id !== id) };
      this.#queueProblem =
        code === 'already-claimed' ? this.t('claim.already-claimed')
        : code === 'chat-limit-reached' ? this.t('claim.limit', { count: this.data?.maxChats ?? 1 })
        : this.describeError(error);
      this.#failed(error, 'claim');
      this.#context.focus('#queue-problem');
    } finally {
      this.#claiming.delete(id);
      this.requestUpdate();
    }
    void this.refresh();
  }

  #openConversation(entry: ConsoleConversation, focus: string): void {
    if (this.#open?.id !== entry.conversation.id) {
      this.#open?.stop();
      this.#open = new OpenConversation(this.#context, {
        colleagues: () => this.data?.colleagues ?? [],
        teams: () => this.data?.teams ?? [],
        canned: () => this.#canned,
        draft: (id) => {
          let draft = this.#drafts.get(id);
          if (!draft) this.#drafts.set(id, (draft = { reply: '', note: '' }));
          return draft;
        },
        transferred: (id, to) => {
          this.emit('ju-chat-console-transferred', { conversationId: id });
          this.#announce(this.t('transfer.done', { to }));
          this.#drafts.delete(id);
          this.#open?.stop();
          this.#open = undefined;
          this.view = 'mine';
          this.#context.focus('#mine-heading');
          void this.refresh();
        },
        read: (id) => {
          const data = this.data;
          if (!data?.mine.some((item) => item.conversation.id === id && item.unread > 0)) return;
          // Called after a render: the change gets a render of its own.
          queueMicrotask(() => {
            if (this.data === data) this.data = { ...data, mine: data.mine.map((item) => (item.conversation.id === id ? { ...item, unread: 0 } : item)) };
          });
        },
        closed: (id) => {
          this.emit('ju-chat-console-closed', { conversationId: id });
          this.#announce(this.t('close.done'));
          this.#drafts.delete(id);
          void this.refresh();
        },
      }, entry);
      this.#open.start();
      void this.#loadCanned();
    }
    this.#context.focus(focus);
  }

  async #loadCanned(): Promise<void> {
    const api = this.#consoleApi();
    if (!api || this.#cannedLoaded) return;
    this.#cannedLoaded = true;
    try {
      this.#canned = await api.cannedReplies();
      this.requestUpdate();
    } catch {
      this.#cannedLoaded = false; // without prepared answers the caseworker can still write; try again on the next open
    }
  }

  #announce(message: string, politeness: Politeness = 'polite'): void {
    this.announcer.announce(message, { politeness });
  }

  #failed(error: unknown, action: string): void {
    const detail: ChatConsoleErrorDetail = { code: errorCode(error), action };
    this.emit('ju-chat-console-error', detail);
  }

  #consoleApi(): ConsoleApi | undefined {
    const client = this.apiClient;
    if (!client) return undefined;
    if (this.#api?.client !== client) this.#api = { client, api: new ConsoleApi(client) };
    return this.#api.api;
  }

  #createContext(): ConsoleContext {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the parts get a narrow view of this element
    const element = this;
    return {
      host: element,
      t: (key, options) => element.t(key, options),
      get format() {
        return element.format;
      },
      get api() {
        return element.#consoleApi();
      },
      get apiUrl() {
        return element.apiClient?.baseUrl;
      },
      token: () => element.effectiveToken,
      language: () => element.language.code,
      store: () => (sharedStore ??= openLocalStore<unknown>('live-chat')),
      announce: (message, politeness) => { element.#announce(message, politeness); },
      describe: (error) => element.describeError(error),
      failed: (error, action) => { element.#failed(error, action); },
      focus: (selector) => {
        element.requestUpdate();
        void element.updateComplete.then(() => {
          element.renderRoot.querySelector<HTMLElement>(selector)?.focus();
        });
      },
    };
  }
}
