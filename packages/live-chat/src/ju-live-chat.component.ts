import { adoptStyles, html, nothing, type CSSResultGroup, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { JuElement, sharedStyles } from '@jobunivers/core';
import { launcherStyles } from './launcher.styles.js';
import { LIVE_CHAT_NAMESPACE } from './locales/register.js';
import type { ChatPanel, LiveChatMode, PanelBridge } from './panel/panel-bridge.js';

/**
 * Live chat with the job centre. A small launcher button (with an unread badge) that loads the conversation
 * panel only when opened: topic and consent, the job centre's opening hours, a live place in the queue,
 * messages that are never lost on a flaky connection (kept on the device and sent when it is back), a
 * transcript and a rating afterwards. Outside opening hours the citizen can leave a message and gets a receipt.
 *
 * @tagname ju-live-chat
 * @summary Live chat with the job centre: a launcher that opens an accessible conversation dialog.
 *
 * @attr api - Base URL of the Jobunivers API (or set it on a surrounding `<ju-provider>`).
 * @attr theme - `light`, `dark`, `contrast` or `auto`; inherited from `<ju-provider>` when not set.
 *
 * @csspart launcher - The button that opens the chat.
 * @csspart badge - The number of unread messages on the launcher.
 * @csspart dialog - The conversation dialog (`mode="dialog"`).
 * @csspart panel - The conversation panel (in the dialog, or in place with `mode="inline"`).
 * @csspart header - The panel's title bar.
 * @csspart log - The message list (a `role="log"`).
 * @csspart composer - The message field and its buttons.
 * @csspart status - The connection line ("Du er offline …").
 *
 * @cssprop --ju-live-chat-panel-width - Width of the dialog on wide screens. Default 24rem.
 * @cssprop --ju-live-chat-panel-height - Height of the dialog on wide screens. Default min(40rem, 85dvh).
 * @cssprop --ju-live-chat-own-surface - Background of the citizen's own messages. Default the info surface.
 * @cssprop --ju-live-chat-their-surface - Background of the job centre's messages. Default the raised surface.
 * @cssprop --ju-color-primary - The launcher, buttons and links.
 * @cssprop --ju-target-size - Smallest size of every button (default 44px).
 *
 * @fires ju-chat-opened - The chat was opened. Detail: `{}`.
 * @fires ju-chat-closed - The chat was closed (the conversation goes on). Detail: `{}`.
 * @fires ju-chat-message-sent - The server stored a message the citizen wrote. Detail: `{ messageId }`.
 * @fires ju-chat-message-received - A message from the job centre arrived. Detail: `{ messageId }`.
 * @fires ju-chat-unread-changed - The number of unread messages changed. Detail: `{ count }`.
 * @fires ju-chat-ended - The conversation was closed (by either side). Detail: `{ conversationId }`.
 * @fires ju-chat-request-booking - The citizen chose "book a meeting instead". Detail: `{ conversationId }` (or `null`).
 * @fires ju-auth-required - The server wants a (new) citizen token. Cancelable; see `<ju-provider>`.
 */
export class JuLiveChat extends JuElement {
  static override namespace = LIVE_CHAT_NAMESPACE;
  static override styles: CSSResultGroup = [sharedStyles, launcherStyles];

  /** `dialog` (default): a launcher button opens the chat in a dialog. `inline`: the chat is shown in place. */
  @property({ reflect: true }) mode: LiveChatMode = 'dialog';

  /** The id of a topic (from `GET /v1/chat/status`) to preselect. */
  @property() topic?: string;

  /** Whether the chat dialog is open. Use `open()` and `close()`. */
  @property({ type: Boolean, reflect: true, attribute: 'open' }) isOpen = false;

  @state() private unread = 0;
  @state() private loading = false;
  @state() private failed = false;

  @query('[part~="launcher"]') private launcher?: HTMLButtonElement;

  #panel: ChatPanel | undefined;
  #loading: Promise<ChatPanel | undefined> | undefined;
  #credentials: string | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    // Inline, or a conversation going on (a signed-in citizen, or one kept on this device): connect at once, so
    // the unread badge is right; otherwise nothing but the button loads until the citizen asks.
    if (this.mode === 'inline' || this.effectiveToken !== undefined) {
      void this.#load();
      return;
    }
    void import('@jobunivers/core/store')
      .then(({ openLocalStore }) => openLocalStore<unknown>('live-chat'))
      .then(async (store) => {
        const session = await store.get('session');
        store.close();
        if (session !== undefined) void this.#load();
      });
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const credentials = `${this.apiUrl ?? ''} ${this.effectiveToken ?? ''}`;
    if (this.#credentials !== undefined && credentials !== this.#credentials) {
      // Signed in after the page loaded: connect now, so a conversation going on shows on the badge.
      if (this.effectiveToken !== undefined && this.#panel === undefined) void this.#load();
      this.#panel?.credentialsChanged();
    }
    this.#credentials = credentials;
  }

  /** Opens the chat (loads the panel the first time). */
  async open(): Promise<void> {
    if (!this.isOpen) {
      this.isOpen = true;
      this.emit('ju-chat-opened', {});
    }
    await this.#load();
  }

  /** Closes the dialog; the conversation goes on and new messages show on the launcher's badge. */
  close(): void {
    if (!this.isOpen || this.mode === 'inline') return;
    this.isOpen = false;
    this.emit('ju-chat-closed', {});
    void this.updateComplete.then(() => { this.launcher?.focus(); });
  }

  /** Forgets the conversation, the draft and unsent messages on this device, and starts over. */
  async reset(): Promise<void> {
    await (await this.#load())?.reset();
  }

  #load(): Promise<ChatPanel | undefined> {
    this.loading = this.#panel === undefined;
    this.failed = false;
    this.#loading ??= import('./panel.js').then(
      ({ createPanel, panelStyles }) => {
        if (this.shadowRoot) adoptStyles(this.shadowRoot, [...(this.constructor as typeof JuLiveChat).elementStyles, ...panelStyles]);
        this.#panel = createPanel(this.#bridge());
        return this.#panel;
      },
      () => {
        this.#loading = undefined;
        this.failed = true;
        return undefined;
      },
    ).finally(() => { this.loading = false; });
    return this.#loading;
  }

  #bridge(): PanelBridge {
    return {
      host: this,
      announcer: this.announcer,
      t: (key, options) => this.t(key, options),
      describeError: (error) => this.describeError(error),
      format: () => this.format,
      language: () => this.resolvedLanguage,
      api: () => this.apiUrl,
      token: () => this.effectiveToken,
      topic: () => this.topic,
      mode: () => this.mode,
      isOpen: () => this.mode === 'inline' || this.isOpen,
      requestClose: () => { this.close(); },
      unreadChanged: (count) => {
        if (count === this.unread) return;
        this.unread = count;
        this.emit('ju-chat-unread-changed', { count });
      },
      emit: (name, detail) => { this.emit(name, detail); },
    };
  }

  protected override render(): TemplateResult {
    const panel = this.#panel?.render() ?? nothing;
    const problem = this.failed ? html`<p class="ju-message ju-message--error" role="alert">${this.t('launcher.failed')}</p>` : nothing;
    if (this.mode === 'inline') {
      return html`${problem}${this.#panel ? panel : html`<p role="status">${this.t('launcher.loading')}</p>`}`;
    }
    const count = this.unread;
    return html`
      <button type="button" part="launcher" class="ju-button launcher" aria-haspopup="dialog" aria-expanded=${this.isOpen ? 'true' : 'false'}
        aria-busy=${this.loading && this.isOpen ? 'true' : 'false'} @click=${() => { void this.open(); }}>
        <span>${this.t('launcher.label')}</span>
        ${count > 0 ? html`<span part="badge" class="badge" aria-hidden="true">${count}</span><span class="ju-visually-hidden">, ${this.t('launcher.unread', { count })}</span>` : nothing}
      </button>
      ${problem}${panel}`;
  }
}
