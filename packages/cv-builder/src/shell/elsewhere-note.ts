import type { TemplateResult } from 'lit';
import { html } from '../lit.js';
import { addDialogStrings } from './dialog-strings.js';
import type { Translate } from './shell-host.js';

addDialogStrings();

/**
 * "Dit CV er ændret i et andet vindue" with "Hent ændringerne": shown when another tab saved the CV. Loaded (with
 * its strings) the first time that happens.
 */
export function renderElsewhereNote(t: Translate, load: () => void): TemplateResult {
  return html`<div class="ju-message elsewhere" part="conflict-note">
    <p>${t('shell.elsewhere.note')}</p>
    <button type="button" class="ju-button ju-button--secondary" part="button" @click=${load}>${t('shell.elsewhere.load')}</button>
  </div>`;
}
