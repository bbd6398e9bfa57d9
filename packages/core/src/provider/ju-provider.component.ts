import { css, html, type PropertyValues, type TemplateResult } from 'lit';
import { provide } from '@lit/context';
import { state } from 'lit/decorators.js';
import { juConfigContext, type JuConfig } from '../context.js';
import { JuElement } from '../ju-element.js';

/**
 * Hands configuration to every Jobunivers widget inside it, so a page sets the server, language and theme once.
 * Providers nest: an inner provider inherits what it does not set itself.
 *
 * @tagname ju-provider
 * @summary Shared configuration (api, token, lang, theme) for the widgets inside it.
 * @slot - The widgets (and anything else) the configuration applies to.
 * @csspart config-error - The message shown when `api` is malformed.
 *
 * @example
 * ```html
 * <ju-provider api="https://jobcenter.example.dk/api" lang="da" theme="light">
 *   <ju-self-booking></ju-self-booking>
 * </ju-provider>
 * <script type="module">document.querySelector('ju-provider').token = await getTokenFromYourBackend();</script>
 * ```
 */
export class JuProvider extends JuElement {
  static override styles = [
    JuElement.styles,
    css`
      /* A wrapper for configuration, not a surface: the page's layout and colours show through, each widget
         paints its own. */
      :host {
        display: block;
        background: none;
        color: inherit;
      }
    `,
  ];

  /** What descendants receive through `@lit/context`. */
  @provide({ context: juConfigContext })
  @state()
  protected providedConfig: JuConfig = {};

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const inherited = this.providerConfig;
    const next: JuConfig = {
      api: this.api ?? inherited?.api,
      token: this.token ?? inherited?.token,
      theme: this.theme ?? inherited?.theme,
    };
    const current = this.providedConfig;
    if (next.api !== current.api || next.token !== current.token || next.theme !== current.theme) this.providedConfig = next;
  }

  protected override render(): TemplateResult {
    return html`${this.apiConfigError ? this.renderApiConfigError() : null}<slot></slot>`;
  }
}
