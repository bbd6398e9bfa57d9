import { html, live, nothing } from '../lit.js';
import type { TemplateResult } from 'lit';
import { toJsonResume } from '../model/index.js';
import type { CvPdfResult, CvPdfTemplate } from '../pdf/index.js';
import { dialogFrame, dialogProblem } from './dialog-frame.js';
import { cvFileName, download } from './download.js';
import type { CvLabels, ShellDialog, ShellHost } from './shell-host.js';
import { addDialogStrings } from './dialog-strings.js';

addDialogStrings();

type ExportFormat = 'json' | 'pdf' | 'print';

const FORMATS: readonly ExportFormat[] = ['pdf', 'json', 'print'];
const TEMPLATES: readonly CvPdfTemplate[] = ['ats', 'europass'];
const LABELS: readonly CvLabels[] = ['da', 'en'];
/** Characters shown when the PDF fonts lack some; more are summed up as "og 12 andre". */
const SHOWN_CHARACTERS = 12;

/**
 * "Eksportér": a PDF (ATS or Europass template, Danish or English labels), a JSON Resume file for other CV tools,
 * or the print stylesheet. The PDF writer loads only here. When the PDF's fonts cannot show some characters
 * (Arabic, Cyrillic …), the citizen is told which and offered printing, which shows every script.
 */
export class ExportDialog implements ShellDialog {
  readonly #host: ShellHost;
  #format: ExportFormat = 'pdf';
  #template: CvPdfTemplate = 'ats';
  #working = false;
  #problem: string | undefined;
  /** A PDF whose fonts lacked some characters, waiting for the citizen's choice. */
  #partial: CvPdfResult | undefined;

  constructor(host: ShellHost) {
    this.#host = host;
    // "Tjek mit CV" shows behind the dialog, so what could be better is there when it closes.
    if (host.problems().size > 0) host.showProblems();
  }

  canClose(): boolean {
    return !this.#working;
  }

  render(): TemplateResult {
    const host = this.#host;
    const { t } = host;
    const problems = host.problems().size;
    return dialogFrame(host, {
      title: t('shell.export.title'),
      busy: this.#working,
      body: html`
        <form novalidate @submit=${(event: SubmitEvent) => { event.preventDefault(); void this.#export(); }}>
          ${problems === 0 ? nothing : html`<p class="ju-message">${t('shell.export.problems', { count: problems })}</p>`}
          ${dialogProblem(this.#problem)}
          ${this.#partial === undefined ? this.#renderChoices() : this.#renderUnsupported(this.#partial)}
        </form>`,
    });
  }

  #renderChoices(): TemplateResult {
    const host = this.#host;
    const { t } = host;
    const radio = (name: string, value: string, checked: boolean, set: () => void, hint?: string): TemplateResult => html`
      <div class="choice">
        <input type="radio" id="export-${name}-${value}" name="export-${name}" value=${value} .checked=${live(checked)}
          aria-describedby=${hint === undefined ? nothing : `export-${name}-${value}-hint`}
          @change=${() => { set(); host.update(); }} />
        <label for="export-${name}-${value}">${t(`shell.export.${name}.${value}`)}</label>
        ${hint === undefined ? nothing : html`<p class="ju-hint" id="export-${name}-${value}-hint">${hint}</p>`}
      </div>`;
    return html`
      <fieldset class="choices">
        <legend class="ju-label">${t('shell.export.format.legend')}</legend>
        ${FORMATS.map((format) => radio('format', format, this.#format === format, () => { this.#format = format; }, t(`shell.export.format.${format}Hint`)))}
      </fieldset>
      ${this.#format === 'json' ? nothing : html`
        ${this.#format === 'pdf' ? html`<fieldset class="choices">
          <legend class="ju-label">${t('shell.export.template.legend')}</legend>
          ${TEMPLATES.map((template) => radio('template', template, this.#template === template, () => { this.#template = template; }, t(`shell.export.template.${template}Hint`)))}
        </fieldset>` : nothing}
        <fieldset class="choices">
          <legend class="ju-label">${t('shell.export.labels.legend')}</legend>
          ${LABELS.map((labels) => radio('labels', labels, host.cvLabels === labels, () => { host.cvLabels = labels; }))}
        </fieldset>
        <p class="ju-hint">${t('shell.export.hiddenNote')}</p>`}
      <div class="dialog-actions">
        <button type="submit" class="ju-button" part="button" id="export-go" aria-disabled=${this.#working ? 'true' : 'false'}>
          ${this.#working ? t('shell.export.working') : t(`shell.export.go.${this.#format}`)}</button>
        <button type="button" class="ju-button ju-button--secondary" part="button" @click=${() => { this.#host.closeDialog(); }}>${t('action.cancel')}</button>
      </div>`;
  }

  #renderUnsupported(result: CvPdfResult): TemplateResult {
    const { t, format } = this.#host;
    const shown = result.unsupported.slice(0, SHOWN_CHARACTERS).map((character) => `“${character}”`).join(' ');
    const more = result.unsupported.length - SHOWN_CHARACTERS;
    return html`
      <div id="export-unsupported" tabindex="-1" class="ju-message">
        <p>${t('shell.export.unsupported', { characters: shown })}${more > 0 ? ` ${t('shell.export.unsupportedMore', { count: more, number: format.number(more) })}` : ''}</p>
        <p>${t('shell.export.unsupportedPrint')}</p>
      </div>
      <div class="dialog-actions">
        <button type="button" class="ju-button" part="button" id="export-print" @click=${() => { this.#print(); }}>${t('shell.export.go.print')}</button>
        <button type="button" class="ju-button ju-button--secondary" part="button" @click=${() => { this.#savePdf(result); }}>${t('shell.export.pdfAnyway')}</button>
        <button type="button" class="ju-button ju-button--secondary" part="button" @click=${() => { this.#host.closeDialog(); }}>${t('action.cancel')}</button>
      </div>`;
  }

  async #export(): Promise<void> {
    if (this.#working) return;
    if (this.#format === 'print') {
      this.#print();
      return;
    }
    if (this.#format === 'json') {
      this.#saveJson();
      return;
    }
    const host = this.#host;
    this.#working = true;
    this.#problem = undefined;
    host.update();
    try {
      const { renderCvPdf } = await import('../pdf/index.js');
      const result = await renderCvPdf(host.cv, { template: this.#template, labels: host.cvLabels });
      if (result.unsupported.length > 0) {
        this.#partial = result;
        host.announce(host.t('shell.export.unsupportedAnnounce'), 'assertive');
        host.focus('export-unsupported');
      } else {
        this.#savePdf(result);
      }
    } catch (error) {
      console.error('[jobunivers] <ju-cv-builder> could not make the PDF.', error);
      this.#problem = host.t('shell.export.failed');
      host.focus('export-go');
    } finally {
      this.#working = false;
      host.update();
    }
  }

  #saveJson(): void {
    const host = this.#host;
    const name = cvFileName(host.cv.contact.name, 'json');
    const text = `${JSON.stringify(toJsonResume(host.cv), null, 2)}\n`;
    download(host.root, new Blob([text], { type: 'application/json' }), name);
    host.emit('ju-cv-exported', { format: 'json' });
    host.announce(host.t('shell.export.saved', { file: name }));
    host.closeDialog();
  }

  #savePdf(result: CvPdfResult): void {
    const host = this.#host;
    const name = cvFileName(host.cv.contact.name, 'pdf');
    download(host.root, new Blob([result.bytes as BlobPart], { type: 'application/pdf' }), name);
    host.emit('ju-cv-exported', { format: 'pdf', template: this.#template, pages: result.pages });
    host.announce(host.t('shell.export.saved', { file: name }));
    host.closeDialog();
  }

  #print(): void {
    const host = this.#host;
    host.closeDialog();
    void host.print();
  }
}
