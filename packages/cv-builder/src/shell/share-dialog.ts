import { html, nothing } from '../lit.js';
import type { TemplateResult } from 'lit';
import { dialogFrame, dialogProblem } from './dialog-frame.js';
import type { ShellDialog, ShellHost } from './shell-host.js';
import { addDialogStrings } from './dialog-strings.js';

addDialogStrings();

/**
 * "Del med jobcentret": the citizen's consent, in plain words (what the caseworker sees, that it is read-only,
 * that it can be withdrawn at any time), and the withdrawal. Nothing is shared without pressing "Ja, del mit CV".
 */
export class ShareDialog implements ShellDialog {
  readonly #host: ShellHost;
  #shared: boolean | undefined;
  #working = false;
  #problem: string | undefined;

  constructor(host: ShellHost) {
    this.#host = host;
    this.#shared = host.sync?.shared;
    void this.#refresh();
  }

  canClose(): boolean {
    return !this.#working;
  }

  async #refresh(): Promise<void> {
    const sync = this.#host.sync;
    if (sync === undefined) return;
    try {
      this.#shared = await sync.refreshShared();
    } catch (error) {
      if (this.#shared === undefined) this.#problem = this.#host.t('shell.share.statusFailed');
      console.warn('[jobunivers] <ju-cv-builder> could not read the sharing status.', error);
    }
    this.#host.update();
  }

  render(): TemplateResult {
    const host = this.#host;
    const { t } = host;
    const shared = this.#shared;
    const title = shared === true ? t('shell.share.titleShared') : t('shell.share.title');
    return dialogFrame(host, {
      title,
      busy: this.#working || shared === undefined,
      body: html`
        ${dialogProblem(this.#problem)}
        ${shared === undefined && this.#problem === undefined ? html`<p>${t('shell.share.checking')}</p>` : nothing}
        ${shared === true ? html`
          <p>${t('shell.share.isShared')}</p>
          <ul>
            <li>${t('shell.share.readOnly')}</li>
            <li>${t('shell.share.latest')}</li>
            <li>${t('shell.share.withdrawEffect')}</li>
          </ul>
          <div class="dialog-actions">
            <button type="button" class="ju-button ju-button--danger" part="button" id="share-withdraw" aria-disabled=${this.#working ? 'true' : 'false'}
              @click=${() => { void this.#set(false); }}>${t('shell.share.withdraw')}</button>
            <button type="button" class="ju-button ju-button--secondary" part="button" autofocus @click=${() => { host.closeDialog(); }}>${t('action.close')}</button>
          </div>` : html`
          <p>${t('shell.share.intro')}</p>
          <ul>
            <li>${t('shell.share.readOnly')}</li>
            <li>${t('shell.share.latest')}</li>
            <li>${t('shell.share.withdrawAnyTime')}</li>
          </ul>
          <div class="dialog-actions">
            <button type="button" class="ju-button" part="button" id="share-consent" aria-disabled=${this.#working || shared === undefined ? 'true' : 'false'}
              @click=${() => { void this.#set(true); }}>${t('shell.share.consent')}</button>
            <button type="button" class="ju-button ju-button--secondary" part="button" autofocus @click=${() => { host.closeDialog(); }}>${t('shell.share.notNow')}</button>
          </div>`}`,
    });
  }

  async #set(shared: boolean): Promise<void> {
    const host = this.#host;
    const sync = host.sync;
    if (this.#working || sync === undefined) return;
    this.#working = true;
    this.#problem = undefined;
    host.update();
    try {
      if (shared) await sync.share();
      else await sync.unshare();
      this.#shared = shared;
      host.emit('ju-cv-shared', { shared });
      host.announce(host.t(shared ? 'shell.share.done' : 'shell.share.withdrawn'));
      host.closeDialog();
    } catch (error) {
      this.#problem = host.t(shared ? 'shell.share.failed' : 'shell.share.withdrawFailed');
      console.warn('[jobunivers] <ju-cv-builder> could not change the sharing.', error);
      host.focus(shared ? 'share-consent' : 'share-withdraw');
    } finally {
      this.#working = false;
      host.update();
    }
  }
}
