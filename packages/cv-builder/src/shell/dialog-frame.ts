import { html, ifDefined, nothing } from '../lit.js';
import type { TemplateResult } from 'lit';
import { heading } from './heading.js';
import type { ShellHost } from './shell-host.js';

export interface DialogFrame {
  title: string;
  body: TemplateResult;
  /** Room for two columns (the conflict dialog). */
  wide?: boolean;
  /** Something is being saved or fetched. */
  busy?: boolean;
}

/**
 * The `<dialog>` every shell dialog uses: the shell opens it with `showModal()` (focus goes to the control marked
 * `autofocus`, else the first one), Escape closes it, and focus returns to the button that opened it.
 */
export function dialogFrame(host: ShellHost, frame: DialogFrame): TemplateResult {
  return html`
    <dialog id="cv-dialog" class=${frame.wide === true ? 'cv-dialog cv-dialog--wide' : 'cv-dialog'} part="dialog"
      aria-labelledby="cv-dialog-heading" aria-busy=${ifDefined(frame.busy === true ? 'true' : undefined)}>
      ${heading(host.headingLevel + 1, 'cv-dialog-heading', frame.title, '', false)}
      ${frame.body}
    </dialog>`;
}

/** A problem inside a dialog (a failed save), read out at once. */
export const dialogProblem = (text: string | undefined): TemplateResult | typeof nothing =>
  text === undefined ? nothing : html`<p class="ju-message ju-message--error" role="alert">${text}</p>`;

/** "28.11.2026 14.32": the time stamp in version names, in the widget's language. */
export function stamp(host: ShellHost, at: Date | number = Date.now()): string {
  return host.format.dateTime(at, { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}
