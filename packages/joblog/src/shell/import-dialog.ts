import { html, nothing, type TemplateResult } from 'lit';
import { importCsv, type CsvImport } from './csv-bridge.js';
import { closeButton, dialogFrame, dialogProblem } from './dialog-frame.js';
import type { JoblogHost, ShellDialog } from './shell-host.js';

/** Import CSV: read the file, show what maps where and every row's problem, then add only what is not there yet. */
export class ImportDialog implements ShellDialog {
  readonly #host: JoblogHost;
  #result: CsvImport | undefined;
  #busy = false;
  #problem: string | undefined;

  constructor(host: JoblogHost) {
    this.#host = host;
  }

  canClose(): boolean {
    return !this.#busy;
  }

  async #read(file: File | undefined): Promise<void> {
    if (file === undefined) return;
    const host = this.#host;
    try {
      const text = await file.text();
      this.#result = importCsv(text, host.entries, new Date(), host.today());
      this.#problem = this.#result.mapping.size === 0 ? host.t('import.noColumns') : undefined;
    } catch {
      this.#result = undefined;
      this.#problem = host.t('import.unreadable');
    }
    host.focus('im-summary');
  }

  async #confirm(): Promise<void> {
    const host = this.#host;
    const result = this.#result;
    if (result === undefined || result.entries.length === 0 || this.#busy) return;
    this.#busy = true;
    host.update();
    try {
      await host.saveMany(result.entries);
      host.announce(host.t('import.done', { count: result.entries.length }));
      this.#busy = false;
      host.closeDialog();
    } catch {
      this.#busy = false;
      this.#problem = host.t('shell.saveFailed');
      host.update();
    }
  }

  render(): TemplateResult {
    const host = this.#host;
    const { t } = host;
    const result = this.#result;
    return dialogFrame(host, {
      title: t('import.heading'),
      busy: this.#busy,
      body: html`
        <p>${t('import.info')}</p>
        <div class="ju-field">
          <label class="ju-label" for="im-file">${t('import.file')}</label>
          <input id="im-file" type="file" accept=".csv,text/csv" class="ju-input" part="input"
            @change=${(event: Event) => { void this.#read((event.target as HTMLInputElement).files?.[0]); }}>
        </div>
        <div id="im-summary" tabindex="-1">
          ${result === undefined ? nothing : html`
            <p>${t('import.ready', { count: result.entries.length })}</p>
            ${result.alreadyThere > 0 ? html`<p>${t('import.alreadyThere', { count: result.alreadyThere })}</p>` : nothing}
            ${result.ignoredColumns.length > 0 ? html`<p>${t('import.ignored', { columns: result.ignoredColumns.join(', ') })}</p>` : nothing}
            ${result.problems.length > 0 ? html`<p>${t('import.problems', { count: result.problems.length })}</p>
              <ul class="problems">${result.problems.slice(0, 50).map((row) => html`<li>${t('import.line', { line: row.line })}: ${row.problems.map((key) => t(key)).join(' ')}</li>`)}</ul>` : nothing}`}
          ${dialogProblem(this.#problem)}
        </div>
        <div class="dialog-actions">
          <button type="button" id="im-go" class="ju-button" part="button" ?disabled=${result === undefined || result.entries.length === 0 || this.#busy}
            @click=${() => { void this.#confirm(); }}>${t('import.go', { count: result?.entries.length ?? 0 })}</button>
          ${closeButton(host, t('dialog.cancel'), this.#busy)}
        </div>`,
    });
  }
}
