import { css, html, live } from '../lit.js';
import type { CSSResultOrNative, ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import { isolateForPrint } from '../preview/print.js';
import { previewStyles } from '../preview/preview.styles.js';
import { renderPreview } from '../preview/render-preview.js';
import type { CvLabels, ShellHost } from './shell-host.js';
import { addDialogStrings } from './dialog-strings.js';

addDialogStrings();

export interface PreviewPaneOptions {
  /** The level of the CV's name (2 or 3; the preview's headings go below it). */
  level: number;
  print(): void;
  close(): void;
}

/**
 * "Se dit CV": the CV as a reader sees it, beside the editor on wide screens and below it on narrow ones, with the
 * CV's language (the labels, independent of the widget's language) and "Udskriv". Loaded on first open, and the
 * only thing the print stylesheet shows.
 */
export function renderPreviewPane(host: ShellHost, options: PreviewPaneOptions): TemplateResult {
  const { t } = host;
  const choose = (event: Event): void => {
    host.cvLabels = (event.target as HTMLSelectElement).value === 'en' ? 'en' : 'da';
    host.update();
  };
  return html`
    <section class="preview" id="cv-preview" part="preview" aria-labelledby="cv-preview-title" tabindex="-1">
      <div class="preview-tools">
        <p class="preview-title" id="cv-preview-title">${t('shell.preview.title')}</p>
        <div class="ju-field preview-language">
          <label class="ju-label" for="cv-preview-language">${t('shell.preview.language')}</label>
          <select class="ju-input" id="cv-preview-language" @change=${choose}>
            ${(['da', 'en'] as const satisfies readonly CvLabels[]).map((value) => html`
              <option value=${value} .selected=${live(host.cvLabels === value)}>${t(`shell.cvLanguage.${value}`)}</option>`)}
          </select>
        </div>
        <button type="button" class="ju-button ju-button--secondary" part="button" @click=${() => { options.print(); }}>${t('shell.preview.print')}</button>
        <button type="button" class="ju-button ju-button--quiet" part="button" @click=${() => { options.close(); }}>${t('shell.preview.close')}</button>
      </div>
      ${renderPreview(host.cv, { labels: host.cvLabels, format: host.format, t, headingLevel: options.level <= 2 ? 2 : 3 })}
    </section>`;
}

/**
 * Printing from the builder (the "Udskriv" button, or Ctrl+P once the preview's code is here; before that the
 * editor prints as it is): while the page prints, `printing` is true, so the shell shows the preview alone, and the
 * page around the widget is hidden. Lit renders in the microtasks that run before the browser prints.
 */
export class PrintMode implements ReactiveController {
  printing = false;
  readonly #host: ReactiveControllerHost & HTMLElement;
  #undo: (() => void) | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('beforeprint', this.#before);
    window.addEventListener('afterprint', this.#after);
  }

  hostDisconnected(): void {
    window.removeEventListener('beforeprint', this.#before);
    window.removeEventListener('afterprint', this.#after);
    this.#after();
  }

  /** Shows the preview alone, then opens the browser's print dialog. */
  async print(): Promise<void> {
    this.#before();
    await this.#host.updateComplete;
    window.print();
  }

  readonly #before = (): void => {
    this.printing = true;
    this.#undo ??= isolateForPrint(this.#host);
    this.#host.requestUpdate();
  };

  readonly #after = (): void => {
    this.printing = false;
    this.#undo?.();
    this.#undo = undefined;
    this.#host.requestUpdate();
  };
}

const paneStyles = css`
  .preview { min-width: 0; grid-column: 1 / -1; }

  @container (min-width: 72rem) {
    .body.with-preview { grid-template-columns: var(--_ju-cv-nav) minmax(0, 1fr) minmax(0, var(--_ju-cv-pane)); }

    .body.with-preview .preview {
      grid-column: auto;
      position: sticky;
      top: var(--_ju-space-s);
      max-height: calc(100vh - 2 * var(--_ju-space-s));
      overflow: auto;
    }
  }

  .preview-tools {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_ju-space-s);
    margin-block-end: var(--_ju-space-m);
  }

  .preview-title {
    flex: 1 0 100%;
    margin: 0;
    font-weight: var(--_ju-font-weight-bold);
  }

  .preview-language {
    margin: 0;
  }

  .preview-language .ju-input {
    width: auto;
  }

  @media print {
    .preview-tools {
      display: none;
    }

    /* Printing shows the CV alone. */
    .printing .head, .printing .nav, .printing .editor { display: none !important; }
    .printing .body { display: block; }
    .printing .preview { position: static; max-height: none; overflow: visible; }
  }
`;

export const styles: CSSResultOrNative[] = [previewStyles, paneStyles];
