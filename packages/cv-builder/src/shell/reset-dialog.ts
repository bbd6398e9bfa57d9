import { html, live, nothing } from '../lit.js';
import type { TemplateResult } from 'lit';
import { dialogFrame, dialogProblem } from './dialog-frame.js';
import type { ShellDialog, ShellHost } from './shell-host.js';
import { addDialogStrings } from './dialog-strings.js';

addDialogStrings();

/**
 * "Slet mit CV på denne enhed": deletes the draft, the versions and the sync state from this browser (as `reset()`
 * does), after a clear question. With a server, the citizen can also delete the copy there; by default it stays.
 */
export class ResetDialog implements ShellDialog {
  readonly #host: ShellHost;
  #alsoServer = false;
  #working = false;
  #problem: string | undefined;

  constructor(host: ShellHost) {
    this.#host = host;
  }

  canClose(): boolean {
    return !this.#working;
  }

  render(): TemplateResult {
    const host = this.#host;
    const { t } = host;
    const server = host.sync !== undefined;
    return dialogFrame(host, {
      title: t('shell.reset.title'),
      busy: this.#working,
      body: html`
        <p>${t('shell.reset.text')}</p>
        <p>${t('shell.reset.exportFirst')}</p>
        ${server ? html`
          <p>${t('shell.reset.serverStays')}</p>
          <div class="choice">
            <input type="checkbox" id="reset-server" .checked=${live(this.#alsoServer)}
              @change=${(event: Event) => { this.#alsoServer = (event.target as HTMLInputElement).checked; }} />
            <label for="reset-server">${t('shell.reset.alsoServer')}</label>
          </div>` : nothing}
        ${dialogProblem(this.#problem)}
        <div class="dialog-actions">
          <button type="button" class="ju-button ju-button--danger" part="button" id="reset-confirm" aria-disabled=${this.#working ? 'true' : 'false'}
            @click=${() => { void this.#confirm(); }}>${t('shell.reset.confirm')}</button>
          <button type="button" class="ju-button ju-button--secondary" part="button" autofocus @click=${() => { host.closeDialog(); }}>${t('action.cancel')}</button>
        </div>`,
    });
  }

  async #confirm(): Promise<void> {
    if (this.#working) return;
    const host = this.#host;
    this.#working = true;
    this.#problem = undefined;
    host.update();
    try {
      await host.wipe(this.#alsoServer);
      host.closeDialog('cv-heading');
    } catch (error) {
      console.error('[jobunivers] <ju-cv-builder> could not delete the CV.', error);
      this.#problem = host.t('shell.reset.failed');
      host.focus('reset-confirm');
    } finally {
      this.#working = false;
      host.update();
    }
  }
}
