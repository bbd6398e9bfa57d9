import { css, html, type CSSResultOrNative, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
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

/** While the page prints, hide the page around the widget (the preview prints alone). */
export { isolateForPrint };

const paneStyles = css`
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
  }
`;

export const styles: CSSResultOrNative[] = [previewStyles, paneStyles];
