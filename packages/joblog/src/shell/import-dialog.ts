import { html, nothing, type TemplateResult } from 'lit';
import { CSV_FIELDS, type CsvField } from '../model/csv-format.js';
import { csvFieldKey, csvProblemMessage, csvSkipMessage, csvSummary, importCsv, type CsvImport, type CsvMapping } from '../model/csv-import.js';
import type { Message } from '../model/message.js';
import { closeButton, dialogFrame, dialogProblem } from './dialog-frame.js';
import type { JoblogHost, ShellDialog } from './shell-host.js';

/** The most row sentences shown at once (a broken 10,000-row file must not freeze the dialog). */
const MOST_ROWS = 100;

/**
 * Import CSV with the model's reading (`importCsv`): the columns mapped by their headers (the citizen can change
 * the mapping), every row's problem in the model's words, and nothing that is already in the joblog imported again.
 */
export class ImportDialog implements ShellDialog {
  readonly #host: JoblogHost;
  #text: string | undefined;
  #result: CsvImport | undefined;
  /** The import once saved: the model's sentences say what happened ("2 er importeret."), so they wait for it. */
  #done: CsvImport | undefined;
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
      this.#text = await file.text();
      this.#check(undefined);
      this.#problem = undefined;
    } catch {
      this.#text = undefined;
      this.#result = undefined;
      this.#problem = host.t('import.unreadable');
    }
    host.focus('im-summary');
  }

  /** Reads the file again with `mapping` (the header's own mapping when `undefined`). */
  #check(mapping: CsvMapping | undefined): void {
    if (this.#text === undefined) return;
    const host = this.#host;
    this.#result = importCsv(this.#text, host.entries, { now: new Date(), today: host.today(), ...(mapping === undefined ? {} : { mapping }) });
  }

  /** A column now fills `field` (or nothing): a field is filled by one column at most. */
  #map(column: number, field: CsvField | null): void {
    const result = this.#result;
    if (result === undefined) return;
    const mapping = result.mapping.map((current, index) => (index === column ? field : current === field ? null : current));
    this.#check(mapping);
    this.#host.update();
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
      this.#done = result;
      host.focus('im-summary');
    } catch {
      this.#busy = false;
      this.#problem = host.t('shell.saveFailed');
      host.update();
    }
  }

  render(): TemplateResult {
    const host = this.#host;
    const { t } = host;
    const done = this.#done;
    if (done !== undefined) {
      return dialogFrame(host, {
        title: t('import.heading'),
        body: html`<div id="im-summary" tabindex="-1">${this.#renderOutcome(done)}</div>
          <div class="dialog-actions">${closeButton(host, t('dialog.close'))}</div>`,
      });
    }
    const result = this.#result;
    const count = result?.entries.length ?? 0;
    return dialogFrame(host, {
      title: t('import.heading'),
      busy: this.#busy,
      body: html`
        <p>${t('import.info')}</p>
        <div class="ju-field">
          <label class="ju-label" for="im-file">${t('import.file')}</label>
          <input id="im-file" type="file" accept=".csv,text/csv,text/plain" class="ju-input" part="input"
            @change=${(event: Event) => { void this.#read((event.target as HTMLInputElement).files?.[0]); }}>
        </div>
        <div id="im-summary" tabindex="-1">
          ${result === undefined ? nothing : this.#renderPreview(result)}
          ${dialogProblem(this.#problem)}
        </div>
        ${result === undefined || result.header.length === 0 ? nothing : this.#renderMapping(result)}
        <div class="dialog-actions">
          <button type="button" id="im-go" class="ju-button" part="button" ?disabled=${count === 0 || this.#busy}
            @click=${() => { void this.#confirm(); }}>${t('import.go', { count })}</button>
          ${closeButton(host, t('dialog.cancel'), this.#busy)}
        </div>`,
    });
  }

  /** Before saving: how many can be imported, and which rows will not be and why (a missing column, an error, already there). */
  #renderPreview(result: CsvImport): TemplateResult {
    const { t } = this.#host;
    const lines = this.#rowSentences(result, false);
    return html`${result.missingFields.length > 0 ? nothing : html`<p>${t('import.ready', { count: result.entries.length })}</p>`}
      ${this.#renderLines(lines)}`;
  }

  /** After saving: the model's summary, then row by row what was left out, what a row lacked and what was there already. */
  #renderOutcome(result: CsvImport): TemplateResult {
    const { t } = this.#host;
    return html`${csvSummary(result).map((message) => html`<p>${t(message.key, message.params)}</p>`)}
      ${this.#renderLines(this.#rowSentences(result, true))}`;
  }

  /**
   * The model's sentences per row, in row order. A row left out for an error was not "imported without" anything,
   * so only its errors are said; the warnings of imported rows ("… importeret uden postnummer") only once saved.
   */
  #rowSentences(result: CsvImport, saved: boolean): { row: number; text: string }[] {
    const { t } = this.#host;
    const say = (message: Message): string => t(message.key, message.params);
    const errorRows = new Set(result.problems.filter((problem) => problem.severity === 'error').map((problem) => problem.row));
    const problems = result.problems.filter((problem) => problem.severity === 'error' || problem.code === 'unclosed-quote'
      || (saved && !errorRows.has(problem.row)));
    return [...problems.map((problem) => ({ row: problem.row, text: say(csvProblemMessage(problem)) })),
      ...result.skipped.map((skip) => ({ row: skip.row, text: say(csvSkipMessage(skip)) }))].sort((a, b) => a.row - b.row);
  }

  #renderLines(lines: { row: number; text: string }[]): TemplateResult | typeof nothing {
    if (lines.length === 0) return nothing;
    const { t } = this.#host;
    return html`<ul class="problems">${lines.slice(0, MOST_ROWS).map((line) => html`<li>${line.text}</li>`)}</ul>
      ${lines.length > MOST_ROWS ? html`<p>${t('import.more', { count: lines.length - MOST_ROWS })}</p>` : nothing}`;
  }

  /** Which column fills which field: the header's guess, changeable (a column the citizen leaves out is not read). */
  #renderMapping(result: CsvImport): TemplateResult {
    const { t } = this.#host;
    return html`<fieldset class="mapping">
      <legend>${t('import.mapping')}</legend>
      ${result.header.map((name, column) => {
        const id = `im-column-${String(column)}`;
        const current = result.mapping[column] ?? null;
        return html`<div class="ju-field">
          <label class="ju-label" for=${id}>${t('import.column', { column: name === '' ? String(column + 1) : name })}</label>
          <select id=${id} class="ju-input" part="input" @change=${(event: Event) => {
            const value = (event.target as HTMLSelectElement).value;
            this.#map(column, value === '' ? null : (value as CsvField));
          }}>
            <option value="" ?selected=${current === null}>${t('csv.mapping.ignore')}</option>
            ${CSV_FIELDS.map((field) => html`<option value=${field} ?selected=${field === current}>${t(csvFieldKey(field))}</option>`)}
          </select>
        </div>`;
      })}
    </fieldset>`;
  }
}
