import { html, nothing, type TemplateResult } from 'lit';
import type { JoblogEntry } from '../model/entry.js';
import type { JoblogConflict } from '../storage/entry-store.js';
import { closeButton, dialogFrame, dialogProblem } from './dialog-frame.js';
import type { JoblogHost, ShellDialog } from './shell-host.js';

/** Entries changed both here and on another device: both versions side by side; the citizen keeps one. Nothing is dropped unasked. */
export class ConflictDialog implements ShellDialog {
  readonly #host: JoblogHost;
  #conflicts: JoblogConflict[];
  #busy = false;
  #problem: string | undefined;

  constructor(host: JoblogHost, conflicts: JoblogConflict[]) {
    this.#host = host;
    this.#conflicts = [...conflicts];
  }

  canClose(): boolean {
    return !this.#busy;
  }

  async #choose(id: string, choice: 'mine' | 'theirs'): Promise<void> {
    const sync = this.#host.sync;
    if (sync === undefined || this.#busy) return;
    this.#busy = true;
    this.#host.update();
    try {
      await sync.resolve(id, choice);
      this.#conflicts = this.#conflicts.filter((conflict) => conflict.id !== id);
      this.#busy = false;
      this.#host.announce(this.#host.t(choice === 'mine' ? 'conflict.keptMine' : 'conflict.keptTheirs'));
      if (this.#conflicts.length === 0) this.#host.closeDialog('jl-heading');
      else this.#host.focus('jl-dialog-heading');
    } catch {
      this.#busy = false;
      this.#problem = this.#host.t('shell.saveFailed');
      this.#host.update();
    }
  }

  #describe(entry: JoblogEntry | null): TemplateResult {
    const { t } = this.#host;
    if (entry === null) return html`<p>${t('conflict.deleted')}</p>`;
    return html`<p><strong>${entry.title}</strong></p><p>${entry.employer} · ${entry.date} · ${t(`status.${entry.status}`)}</p>
      ${entry.notes === '' ? nothing : html`<p>${entry.notes}</p>`}`;
  }

  render(): TemplateResult {
    const host = this.#host;
    const { t } = host;
    return dialogFrame(host, {
      title: t('conflict.heading'),
      busy: this.#busy,
      body: html`
        <p>${t('conflict.intro')}</p>
        ${this.#conflicts.map((conflict) => html`<section class="conflict" aria-label=${conflict.mine?.title ?? conflict.theirs?.title ?? ''}>
          <h4 class="ju-visually-hidden">${conflict.mine?.title ?? conflict.theirs?.title ?? ''}</h4>
          <div><p class="ju-hint">${t('conflict.here')}</p>${this.#describe(conflict.mine)}</div>
          <div><p class="ju-hint">${t('conflict.there')}</p>${this.#describe(conflict.theirs)}</div>
          <div class="dialog-actions">
            <button type="button" class="ju-button" part="button" data-choice="mine" @click=${() => { void this.#choose(conflict.id, 'mine'); }}>${t('conflict.keepMine')}</button>
            <button type="button" class="ju-button ju-button--secondary" part="button" data-choice="theirs" @click=${() => { void this.#choose(conflict.id, 'theirs'); }}>${t('conflict.keepTheirs')}</button>
          </div>
        </section>`)}
        ${dialogProblem(this.#problem)}
        <div class="dialog-actions">${closeButton(host, t('dialog.close'), this.#busy)}</div>`,
    });
  }
}
