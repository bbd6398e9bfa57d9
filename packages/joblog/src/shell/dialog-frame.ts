import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { heading } from './heading.js';
import type { JoblogHost } from './shell-host.js';

export interface DialogFrame {
  title: string;
  body: TemplateResult;
  busy?: boolean;
}

/** The `<dialog>` every shell dialog uses: opened with `showModal()`, Escape closes it, focus returns to its opener. */
export function dialogFrame(host: JoblogHost, frame: DialogFrame): TemplateResult {
  return html`
    <dialog id="jl-dialog" class="jl-dialog" part="dialog" aria-labelledby="jl-dialog-heading" aria-busy=${ifDefined(frame.busy === true ? 'true' : undefined)}>
      ${heading(host.headingLevel + 1, 'jl-dialog-heading', frame.title, false)}
      ${frame.body}
    </dialog>`;
}

/** A problem inside a dialog (a failed save), read out at once. */
export const dialogProblem = (text: string | undefined): TemplateResult | typeof nothing =>
  text === undefined ? nothing : html`<p class="ju-message ju-message--error" role="alert">${text}</p>`;

/** The "Luk"/"Annullér" button of a dialog. */
export const closeButton = (host: JoblogHost, label: string, disabled = false): TemplateResult =>
  html`<button type="button" class="ju-button ju-button--secondary" part="button" ?disabled=${disabled} @click=${() => { host.closeDialog(); }}>${label}</button>`;
