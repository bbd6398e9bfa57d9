import { html, type TemplateResult } from 'lit';
import { closeButton, dialogFrame, dialogProblem } from './dialog-frame.js';
import type { JoblogHost, ShellDialog } from './shell-host.js';

/** Consent to share a read-only copy with the job centre, and withdrawing it: the citizen's choice, said plainly. */
export class ShareDialog implements ShellDialog {
  readonly #host: JoblogHost;
  #shared: boolean;
  #consent = false;
  #busy = false;
  #problem: string | undefined;

  constructor(host: JoblogHost, shared: boolean) {
    this.#host = host;
    this.#shared = shared;
  }

  canClose(): boolean {
    return !this.#busy;
  }

  async #set(shared: boolean): Promise<void> {
    const { t } = this.#host;
    const sync = this.#host.sync;
    if (sync === undefined || this.#busy) return;
    if (shared && !this.#consent) {
      this.#problem = t('share.consentMissing');
      this.#host.focus('sh-consent');
      return;
    }
    this.#busy = true;
    this.#problem = undefined;
    this.#host.update();
    try {
      this.#shared = await sync.setShared(shared);
      this.#busy = false;
      this.#host.announce(t(this.#shared ? 'share.done' : 'share.withdrawn'));
      this.#host.closeDialog();
    } catch {
      this.#busy = false;
      this.#problem = t('share.failed');
      this.#host.update();
    }
  }

  render(): TemplateResult {
    const host = this.#host;
    const { t } = host;
    return dialogFrame(host, {
      title: t('share.heading'),
      busy: this.#busy,
      body: this.#shared ? html`
        <p id="sh-state">${t('share.isShared')}</p>
        <p>${t('share.withdrawInfo')}</p>
        ${dialogProblem(this.#problem)}
        <div class="dialog-actions">
          <button type="button" id="sh-withdraw" class="ju-button" part="button" @click=${() => { void this.#set(false); }}>${t('share.withdraw')}</button>
          ${closeButton(host, t('dialog.close'), this.#busy)}
        </div>` : html`
        <p>${t('share.info')}</p>
        <label class="radio">
          <input type="checkbox" id="sh-consent" .checked=${this.#consent} @change=${(event: Event) => {
            this.#consent = (event.target as HTMLInputElement).checked;
            host.update();
          }}>
          ${t('share.consent')}
        </label>
        ${dialogProblem(this.#problem)}
        <div class="dialog-actions">
          <button type="button" id="sh-share" class="ju-button" part="button" @click=${() => { void this.#set(true); }}>${t('share.share')}</button>
          ${closeButton(host, t('dialog.cancel'), this.#busy)}
        </div>`,
    });
  }
}
