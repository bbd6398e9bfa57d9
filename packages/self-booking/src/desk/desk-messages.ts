import { html, nothing, type TemplateResult } from 'lit';

/** "Loading…", read out politely while a view or list waits for its data. */
export function loadingMessage(text: string): TemplateResult {
  return html`<p class="desk-loading" role="status">${text}</p>`;
}

/** A view whose data did not load: what went wrong, and a button to try again. */
export function loadErrorMessage(message: string, retryLabel: string, retry: () => void): TemplateResult {
  return html`
    <div class="ju-message ju-message--error" role="alert" part="error">
      <p>${message}</p>
      <button class="ju-button ju-button--secondary" type="button" @click=${retry}>${retryLabel}</button>
    </div>
  `;
}

/** Why the last action failed, above its form; `id` is where focus goes so the reader hears it. */
export function problemMessage(id: string, problem: string): TemplateResult | typeof nothing {
  return problem ? html`<p class="ju-message ju-message--error" id=${id} role="alert" tabindex="-1">${problem}</p>` : nothing;
}
