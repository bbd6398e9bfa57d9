import { html, nothing, type TemplateResult } from 'lit';
import { csvFileName, entriesToCsv } from '../model/csv-export.js';
import { addDays } from '../model/weeks.js';
import { closeButton, dialogFrame, dialogProblem } from './dialog-frame.js';
import { download } from './download.js';
import type { JoblogHost, ShellDialog } from './shell-host.js';

/** Export: the whole joblog as CSV, or a PDF report for a date range for the job centre or the a-kasse. */
export class ExportDialog implements ShellDialog {
  readonly #host: JoblogHost;
  #format: 'csv' | 'pdf' = 'csv';
  #from: string;
  #to: string;
  #name = '';
  #busy = false;
  #problem: string | undefined;

  constructor(host: JoblogHost) {
    this.#host = host;
    this.#to = host.today();
    this.#from = addDays(this.#to, -55);
  }

  canClose(): boolean {
    return !this.#busy;
  }

  async #export(event: Event): Promise<void> {
    event.preventDefault();
    const host = this.#host;
    const { t } = host;
    if (this.#busy) return;
    if (this.#format === 'csv') {
      const entries = [...host.entries].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
      // The model's file: Danish headers and `;` for Danish Excel (an Arabic page too: the file goes to a Danish job
      // centre); English on an English page. It reads back whatever language wrote it.
      download(host.root, entriesToCsv(entries, { language: host.lang.startsWith('en') ? 'en' : 'da' }), 'text/csv;charset=utf-8', csvFileName(host.today()));
      host.emit('ju-joblog-exported', { format: 'csv', entries: entries.length });
      host.announce(t('export.done', { count: entries.length }));
      host.closeDialog();
      return;
    }
    if (this.#from === '' || this.#to === '' || this.#from > this.#to) {
      this.#problem = t('export.range');
      host.update();
      return;
    }
    this.#busy = true;
    this.#problem = undefined;
    host.update();
    try {
      const { renderJoblogPdf } = await import('./pdf-report.js');
      const result = await renderJoblogPdf(host, { from: this.#from, to: this.#to, name: this.#name.trim() });
      download(host.root, result.bytes, 'application/pdf', `joblog-${this.#from}-${this.#to}.pdf`);
      host.emit('ju-joblog-exported', { format: 'pdf', entries: result.entries });
      host.announce(t('export.done', { count: result.entries }));
      this.#busy = false;
      host.closeDialog();
    } catch (error) {
      console.error('[jobunivers] <ju-joblog> could not make the PDF.', error);
      this.#busy = false;
      this.#problem = t('export.failed');
      host.update();
    }
  }

  render(): TemplateResult {
    const host = this.#host;
    const { t } = host;
    const radio = (value: 'csv' | 'pdf'): TemplateResult => html`<label class="radio">
      <input type="radio" name="ex-format" id=${`ex-${value}`} value=${value} .checked=${this.#format === value}
        @change=${() => { this.#format = value; host.update(); }}>
      ${t(`export.${value}`)}</label>`;
    const date = (id: string, label: string, value: string, set: (value: string) => void): TemplateResult => html`<div class="ju-field">
      <label class="ju-label" for=${id}>${label}</label>
      <input id=${id} class="ju-input" part="input" type="date" .value=${value} @input=${(event: Event) => { set((event.target as HTMLInputElement).value); }}>
    </div>`;
    return dialogFrame(host, {
      title: t('export.heading'),
      busy: this.#busy,
      body: html`<form @submit=${(event: Event) => { void this.#export(event); }}>
        <fieldset class="form-grid"><legend>${t('export.format')}</legend>${radio('csv')}${radio('pdf')}</fieldset>
        ${this.#format === 'pdf' ? html`<div class="form-grid">
          <p class="ju-hint">${t('export.pdfInfo')}</p>
          ${date('ex-from', t('export.from'), this.#from, (value) => { this.#from = value; })}
          ${date('ex-to', t('export.to'), this.#to, (value) => { this.#to = value; })}
          <div class="ju-field">
            <label class="ju-label" for="ex-name">${t('export.name')}</label>
            <input id="ex-name" class="ju-input" part="input" autocomplete="name" .value=${this.#name} @input=${(event: Event) => { this.#name = (event.target as HTMLInputElement).value; }}>
          </div>
        </div>` : nothing}
        ${dialogProblem(this.#problem)}
        <div class="dialog-actions">
          <button type="submit" id="ex-go" class="ju-button" part="button">${t('export.go')}</button>
          ${closeButton(host, t('dialog.cancel'), this.#busy)}
        </div>
      </form>`,
    });
  }
}
