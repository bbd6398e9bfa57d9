import { LitElement, html, type CSSResultGroup, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { TOptions } from 'i18next';
import { Announcer } from './announcer.js';
import { ApiClient } from './api-client.js';
import { ApiConfigError, ApiError } from './api-error.js';
import { juConfigContext, type JuConfig, type JuTheme } from './context.js';
import type { JuEvent, JuEventDetailMap, JuEventName } from './events.js';
import { createFormatter, type Formatter } from './format.js';
import { getI18n, loadNamespace, matchLanguage, onTranslationsChanged, translator, type LanguageInfo } from './i18n.js';
import { closestLanguage, observeLanguageChanges } from './language.js';
import { CORE_NAMESPACE } from './locales/register.js';
import { sharedStyles } from './styles/index.js';
import { observeSystemTheme, resolveTheme } from './theme.js';

/** How long a widget waits for the host to hand over a fresh token after `ju-auth-required` was accepted. */
const TOKEN_WAIT_MS = 30_000;

/**
 * The base of every Jobunivers element: language and direction, translations, theme, typed events,
 * the API client and a screen-reader announcer. Not registered as a tag itself.
 *
 * @cssprop --ju-color-primary - Actions and links. Default #0059b3.
 * @cssprop --ju-color-on-primary - Text on primary buttons. Default #ffffff.
 * @cssprop --ju-color-text - Body text. Default #1a1a1a.
 * @cssprop --ju-color-text-subtle - Hints and secondary text. Default #545454.
 * @cssprop --ju-color-surface - Widget background. Default #ffffff.
 * @cssprop --ju-color-surface-raised - Cards and panels. Default #f5f5f5.
 * @cssprop --ju-color-border - Field and card borders (3:1 against the surface). Default #747474.
 * @cssprop --ju-color-error - Error text and borders. Default #b51d09.
 * @cssprop --ju-color-success - Confirmations. Default #2f7500.
 * @cssprop --ju-focus-color - Focus ring. Default #1a1a1a.
 * @cssprop --ju-focus-halo - Contrasting halo around the focus ring. Default #ffbc2b.
 * @cssprop --ju-font-family - Font. Default: inherited from the host page.
 * @cssprop --ju-font-size - Base font size. Default 1rem.
 * @cssprop --ju-radius - Corner radius. Default 4px.
 * @cssprop --ju-space-m - Base spacing unit. Default 1rem.
 * @cssprop --ju-target-size - Minimum size of buttons and fields. Default 44px.
 * @fires {CustomEvent<{ code: string }>} ju-auth-required - The server answered 401. Call `preventDefault()` and set a fresh `token` within 30 s to have the request retried.
 */
export class JuElement extends LitElement {
  /** The package's i18n namespace; each widget package sets its own. */
  static namespace: string = CORE_NAMESPACE;

  static override styles: CSSResultGroup = sharedStyles;

  /** Registers the class as `tag`. Warns instead of throwing when the tag is taken, e.g. by a second copy of Jobunivers. */
  static define(this: CustomElementConstructor, tag: string): void {
    const existing = customElements.get(tag);
    if (existing === undefined) {
      customElements.define(tag, this);
    } else if (existing !== this) {
      console.warn(
        `[jobunivers] <${tag}> is already registered, probably by another copy of Jobunivers on this page. ` +
          'The first registration is kept. See docs/embedding.md ("Two copies on one page").',
      );
    }
  }

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang', 'dir'];
  }

  /** Base URL of a server implementing the Jobunivers contract. Overrides the one from `<ju-provider>`. */
  @property() api?: string;

  /** Colour theme: `light`, `dark`, `contrast` or `auto` (follows the system). Inherited from `<ju-provider>`; default `light`. */
  @property() theme?: JuTheme;

  /** The signed-in person's bearer token. A property only, so it never shows up in the page's HTML. */
  @property({ attribute: false }) token?: string;

  /** Configuration from the closest `<ju-provider>`, if any. */
  @consume({ context: juConfigContext, subscribe: true })
  @state()
  protected providerConfig?: JuConfig;

  /** The language this element speaks, resolved from `lang` attributes; Danish when none is supported. */
  @state() protected language: LanguageInfo = matchLanguage(undefined);

  /** Screen-reader announcements; the live regions exist before the first message. */
  protected readonly announcer = new Announcer(this);

  #translationsReady: Promise<void> = Promise.resolve();
  #cleanups: (() => void)[] = [];
  #dirSetByUs = false;
  #authorOwnsDir = false;
  #settingDir = false;
  #client: ApiClient | undefined;
  #clientBase: string | undefined;
  #reportedConfigError: string | undefined;
  readonly #tokenWaiters = new Set<(token: string | undefined) => void>();

  override connectedCallback(): void {
    super.connectedCallback();
    this.#authorOwnsDir ||= this.hasAttribute('dir') && !this.#dirSetByUs;
    this.#resolveLanguage();
    const rerender = (): void => { this.requestUpdate(); };
    this.#cleanups = [
      observeLanguageChanges(() => { this.#resolveLanguage(); }),
      onTranslationsChanged(rerender),
      observeSystemTheme(rerender),
    ];
  }

  override disconnectedCallback(): void {
    for (const cleanup of this.#cleanups) cleanup();
    this.#cleanups = [];
    super.disconnectedCallback();
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang' && this.isConnected) this.#resolveLanguage();
    if (name === 'dir' && !this.#settingDir) {
      this.#authorOwnsDir = value !== null;
      if (value === null) this.#applyDir();
    }
  }

  // Holding the update until the strings for the resolved language are loaded avoids a flash of Danish text
  // for English and Arabic readers; if loading fails, the Danish fallback renders instead of nothing.
  protected override async scheduleUpdate(): Promise<void> {
    await this.#translationsReady;
    await super.scheduleUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.dataset['juTheme'] = this.resolvedTheme;
    const token = this.effectiveToken;
    for (const waiter of this.#tokenWaiters) waiter(token);
  }

  /** The theme in effect: the element's own, else the provider's, with `auto` resolved. */
  get resolvedTheme(): Exclude<JuTheme, 'auto'> {
    return resolveTheme(this.theme ?? this.providerConfig?.theme);
  }

  /** The resolved language code (`da`, `en`, `ar`, or one a host added). */
  get resolvedLanguage(): string {
    return this.language.code;
  }

  /** Translates `key` from this package's namespace into the element's language (falls back to core, then Danish). */
  protected t(key: string, options: TOptions = {}): string {
    const own = (this.constructor as typeof JuElement).namespace;
    return translator(this.language.code, [own, CORE_NAMESPACE])(key, options);
  }

  /** Dates, times, numbers and relative times in the element's locale and Europe/Copenhagen. */
  protected get format(): Formatter {
    return createFormatter(this.language.locale);
  }

  /** Dispatches a typed `ju-*` event that bubbles out of shadow roots. */
  protected emit<K extends JuEventName>(name: K, detail: JuEventDetailMap[K], options: { cancelable?: boolean } = {}): JuEvent<K> {
    const event = new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false });
    this.dispatchEvent(event);
    return event;
  }

  /** The `api` in effect: the element's own, else the provider's. */
  protected get apiUrl(): string | undefined {
    return this.api ?? this.providerConfig?.api;
  }

  /** The token in effect: the element's own, else the provider's. */
  protected get effectiveToken(): string | undefined {
    return this.token ?? this.providerConfig?.token;
  }

  /** Why `api` cannot be used, when it is set but malformed (reported once in the console too). */
  protected get apiConfigError(): ApiConfigError | undefined {
    const url = this.apiUrl;
    if (url === undefined) return undefined;
    try {
      this.#clientFor(url);
      return undefined;
    } catch (error) {
      if (!(error instanceof ApiConfigError)) throw error;
      if (this.#reportedConfigError !== url) {
        this.#reportedConfigError = url;
        console.error(`${error.message} (on <${this.localName}>; see docs/embedding.md)`);
      }
      return error;
    }
  }

  /** A client for the contract server, or `undefined` when no usable `api` is set. */
  protected get apiClient(): ApiClient | undefined {
    const url = this.apiUrl;
    if (url === undefined || this.apiConfigError) return undefined;
    return this.#clientFor(url);
  }

  /** The visible, translated message for a malformed `api`. */
  protected renderApiConfigError(): TemplateResult {
    return html`<p class="ju-message ju-message--error" role="alert" part="config-error">${this.t('error.api-url')}</p>`;
  }

  /** A plain-language, translated sentence for any error, saying what to do next. */
  protected describeError(error: unknown): string {
    const code = errorKey(error);
    const own = `error.${code}`;
    return getI18n().exists(own, { lng: this.language.code, ns: (this.constructor as typeof JuElement).namespace })
      ? this.t(own)
      : this.t(`error.${genericErrorKey(error)}`);
  }

  #clientFor(url: string): ApiClient {
    if (!this.#client || this.#clientBase !== url) {
      this.#client = new ApiClient({
        baseUrl: url,
        token: () => this.effectiveToken,
        language: () => this.language.code,
        onAuthRequired: (error) => this.#requestFreshToken(error),
      });
      this.#clientBase = url;
    }
    return this.#client;
  }

  #requestFreshToken(error: ApiError): Promise<string | undefined> {
    const staleToken = this.effectiveToken;
    const event = this.emit('ju-auth-required', { code: error.code }, { cancelable: true });
    if (!event.defaultPrevented) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      const settle = (token: string | undefined): void => {
        if (token === staleToken) return;
        clearTimeout(timer);
        this.#tokenWaiters.delete(settle);
        resolve(token);
      };
      const timer = setTimeout(() => {
        this.#tokenWaiters.delete(settle);
        resolve(undefined);
      }, TOKEN_WAIT_MS);
      this.#tokenWaiters.add(settle);
    });
  }

  #resolveLanguage(): void {
    const language = matchLanguage(closestLanguage(this));
    const namespaces = new Set([CORE_NAMESPACE, (this.constructor as typeof JuElement).namespace]);
    this.#translationsReady = Promise.all([...namespaces].map((namespace) => loadNamespace(language.code, namespace))).then(() => undefined);
    if (language !== this.language) this.language = language;
    this.#applyDir();
  }

  #applyDir(): void {
    if (this.#authorOwnsDir) return;
    this.#settingDir = true;
    this.setAttribute('dir', this.language.dir);
    this.#settingDir = false;
    this.#dirSetByUs = true;
  }
}

function errorKey(error: unknown): string {
  if (error instanceof ApiConfigError) return 'api-url';
  if (error instanceof ApiError) return error.code;
  return 'unknown';
}

function genericErrorKey(error: unknown): string {
  if (error instanceof ApiConfigError) return 'api-url';
  if (!(error instanceof ApiError)) return 'unknown';
  if (error.code === 'offline' || error.code === 'network' || error.code === 'timeout') return error.code;
  if (error.code === 'invalid-response') return 'server';
  const { status } = error;
  if (status === 401) return 'auth';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 409 || status === 412) return 'conflict';
  if (status === 400 || status === 422) return 'invalid';
  if (status === 429) return 'rate-limited';
  if (status >= 500) return 'server';
  return 'unknown';
}
