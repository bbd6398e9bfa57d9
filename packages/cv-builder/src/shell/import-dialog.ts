import { html, nothing } from '../lit.js';
import type { TemplateResult } from 'lit';
import type { Cv } from '../model/cv.js';
import { parseCvFile } from '../model/index.js';
import { countItems } from '../model/compare.js';
import { isBlankCv, sectionCounts } from './cv-summary.js';
import { dialogFrame, dialogProblem, stamp } from './dialog-frame.js';
import { pointerSegments, readablePath } from './readable-path.js';
import type { ShellDialog, ShellHost } from './shell-host.js';
import { addDialogStrings } from './dialog-strings.js';
import { addCheckStrings } from './check-strings.js';

addDialogStrings();
addCheckStrings();

/** Larger files are not CVs (ours are a few kB; a 5-page CV with everything is under 100 kB). */
const MAX_FILE_BYTES = 2_000_000;

interface FileProblem {
  pointer: string;
  code: string;
  value?: unknown;
}

type Step =
  | { kind: 'choose' }
  | { kind: 'reading' }
  | { kind: 'review'; cv: Cv; warnings: FileProblem[]; file: unknown }
  | { kind: 'invalid'; problems: FileProblem[]; file: unknown; message?: string };

/**
 * "Importér": a JSON Resume file (ours or another tool's). Shows what the file holds and what will happen before
 * anything changes; a file that cannot be used is explained field by field. On confirmation the current CV is kept
 * as a version ("Før import 28.11.2026 14.32") and the import is one undo step.
 */
export class ImportDialog implements ShellDialog {
  readonly #host: ShellHost;
  #step: Step = { kind: 'choose' };
  #fileName = '';
  #working = false;
  #problem: string | undefined;

  constructor(host: ShellHost) {
    this.#host = host;
  }

  canClose(): boolean {
    return !this.#working;
  }

  render(): TemplateResult {
    const { t } = this.#host;
    const step = this.#step;
    return dialogFrame(this.#host, {
      title: t('shell.import.title'),
      busy: step.kind === 'reading' || this.#working,
      body: html`
        ${dialogProblem(this.#problem)}
        ${step.kind === 'review' ? this.#renderReview(step) : step.kind === 'invalid' ? this.#renderInvalid(step) : this.#renderChoose(step.kind === 'reading')}
        ${step.kind === 'review' ? nothing : html`<div class="dialog-actions">
          <button type="button" class="ju-button ju-button--secondary" part="button" @click=${() => { this.#host.closeDialog(); }}>${t('action.cancel')}</button>
        </div>`}`,
    });
  }

  #renderChoose(reading: boolean): TemplateResult {
    const { t } = this.#host;
    return html`
      <p>${t('shell.import.intro')}</p>
      <div class="ju-field">
        <label class="ju-label" for="import-file">${t('shell.import.file')}</label>
        <p class="ju-hint" id="import-file-hint">${t('shell.import.fileHint')}</p>
        <input class="ju-input" id="import-file" type="file" accept=".json,application/json" autofocus aria-describedby="import-file-hint"
          @change=${(event: Event) => { void this.#read(event.target as HTMLInputElement); }} />
      </div>
      ${reading ? html`<p role="status">${t('shell.import.reading')}</p>` : nothing}`;
  }

  #renderReview(step: Extract<Step, { kind: 'review' }>): TemplateResult {
    const host = this.#host;
    const { t } = host;
    const counts = sectionCounts(step.cv);
    const name = step.cv.contact.name.trim();
    const keep = !isBlankCv(host.cv);
    return html`
      <div id="import-summary" tabindex="-1" class="import-summary">
        <p>${t('shell.import.fileIs', { file: this.#fileName })}</p>
        <ul>
          ${name === '' ? nothing : html`<li>${t('shell.import.name', { name })}</li>`}
          ${counts.length === 0 ? html`<li>${t('shell.import.noItems')}</li>` : counts.map(([key, count]) => html`<li>${t(`shell.import.count.${key}`, { count })}</li>`)}
        </ul>
      </div>
      ${step.warnings.length === 0 ? nothing : html`
        <p>${t('shell.import.warnings', { count: step.warnings.length })}</p>
        <ul class="problem-list">${step.warnings.map((warning) => html`<li>${this.#describe(warning, step.file)}</li>`)}</ul>`}
      <p class="ju-message">${keep ? t('shell.import.replaceKeep', { name: this.#versionName() }) : t('shell.import.replaceEmpty')}</p>
      <div class="dialog-actions">
        <button type="button" class="ju-button" part="button" id="import-confirm" aria-disabled=${this.#working ? 'true' : 'false'}
          @click=${() => { void this.#confirm(step.cv); }}>${t('shell.import.confirm')}</button>
        <button type="button" class="ju-button ju-button--secondary" part="button" @click=${() => { this.#again(); }}>${t('shell.import.other')}</button>
        <button type="button" class="ju-button ju-button--secondary" part="button" @click=${() => { this.#host.closeDialog(); }}>${t('action.cancel')}</button>
      </div>`;
  }

  #renderInvalid(step: Extract<Step, { kind: 'invalid' }>): TemplateResult {
    const { t } = this.#host;
    return html`
      <div id="import-problems" tabindex="-1" class="ju-message ju-message--error">
        <p>${step.message ?? t('shell.import.invalid', { file: this.#fileName, count: step.problems.length })}</p>
        ${step.problems.length === 0 ? nothing : html`<ul class="problem-list">${step.problems.map((problem) => html`<li>${this.#describe(problem, step.file)}</li>`)}</ul>`}
        <p>${t('shell.import.nothingChanged')}</p>
      </div>
      <div class="dialog-actions">
        <button type="button" class="ju-button" part="button" @click=${() => { this.#again(); }}>${t('shell.import.other')}</button>
      </div>`;
  }

  /** "Erhvervserfaring 3 → Startdato: '2024-13' er ikke en gyldig måned." */
  #describe(problem: FileProblem, file: unknown): string {
    const { t } = this.#host;
    const value = typeof problem.value === 'string' || typeof problem.value === 'number' ? String(problem.value) : '';
    const key = `import.${problem.code}`;
    const known = t(key, { value });
    const message = known === key ? t(value === '' ? 'shell.import.problemUnknown' : 'shell.import.valueUnknown', { code: problem.code, value }) : known;
    // A problem with the whole file (not JSON, empty) needs no place.
    return problem.pointer === '' ? message : `${readablePath(pointerSegments(problem.pointer), file, t)}: ${message}`;
  }

  #versionName(): string {
    return this.#host.t('shell.import.versionName', { time: stamp(this.#host) });
  }

  async #read(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    if (file === undefined) return;
    const { t } = this.#host;
    this.#fileName = file.name;
    this.#problem = undefined;
    if (file.size > MAX_FILE_BYTES) {
      this.#show({ kind: 'invalid', problems: [], file: undefined, message: t('shell.import.tooLarge', { file: file.name }) }, 'import-problems');
      return;
    }
    this.#step = { kind: 'reading' };
    this.#host.update();
    let text: string;
    try {
      text = await file.text();
    } catch {
      this.#show({ kind: 'invalid', problems: [], file: undefined, message: t('shell.import.unreadable', { file: file.name }) }, 'import-problems');
      return;
    }
    let parsedFile: unknown;
    try {
      parsedFile = JSON.parse(text);
    } catch {
      parsedFile = undefined; // parseCvFile explains why
    }
    const result = parseCvFile(text);
    if (result.ok) this.#show({ kind: 'review', cv: result.cv, warnings: result.warnings, file: parsedFile }, 'import-summary');
    else this.#show({ kind: 'invalid', problems: result.problems, file: parsedFile }, 'import-problems');
  }

  #show(step: Step, focusId: string): void {
    this.#step = step;
    const { t } = this.#host;
    this.#host.announce(step.kind === 'review' ? t('shell.import.ready') : t('shell.import.cannot'), step.kind === 'review' ? 'polite' : 'assertive');
    this.#host.focus(focusId);
  }

  #again(): void {
    this.#step = { kind: 'choose' };
    this.#problem = undefined;
    this.#host.focus('import-file');
  }

  async #confirm(cv: Cv): Promise<void> {
    if (this.#working) return;
    const host = this.#host;
    this.#working = true;
    host.update();
    try {
      let message = host.t('shell.import.done');
      if (!isBlankCv(host.cv)) {
        const name = this.#versionName();
        await (await (await host.store()).versions()).save(name, host.cv);
        message = `${message} ${host.t('shell.versions.keptAs', { name })}`;
      }
      host.replaceCv(cv, message);
      host.emit('ju-cv-imported', { items: countItems(cv) });
      host.closeDialog('cv-heading');
    } catch {
      // The current CV could not be kept as a version: do not replace it.
      this.#problem = host.t('shell.import.keepFailed');
      host.update();
    } finally {
      this.#working = false;
    }
  }
}
