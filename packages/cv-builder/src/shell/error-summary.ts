import { css, html, nothing } from '../lit.js';
import type { TemplateResult } from 'lit';
import { fieldId } from '../editor-context.js';
import { heading } from './heading.js';
import type { Translate } from './shell-host.js';

export interface ErrorSummaryView {
  readonly t: Translate;
  readonly headingLevel: number;
  /** Translated problems by field path. */
  readonly problems: ReadonlyMap<string, string>;
  /** "Erhvervserfaring 3 → Startdato". */
  place(path: string): string;
  /** Moves focus to a field. */
  goTo(id: string): void;
  close(): void;
}

/**
 * "Tjek mit CV": what could be better, each with a link that moves focus to the field. Shown when the citizen asks
 * or exports; it never stops anyone typing or saving.
 */
export function renderErrorSummary(view: ErrorSummaryView): TemplateResult {
  const { t, problems } = view;
  const count = problems.size;
  return html`
    <div class=${count === 0 ? 'check ju-message ju-message--success' : 'check ju-message ju-message--error'} id="cv-check" part="error-summary"
      tabindex="-1" aria-labelledby="cv-check-heading">
      ${heading(view.headingLevel, 'cv-check-heading', count === 0 ? t('shell.check.none') : t('shell.check.heading', { count }))}
      ${count === 0 ? nothing : html`
        <p>${t('shell.check.intro')}</p>
        <ul class="check-list">${[...problems].map(([path, message]) => html`<li>
          <a class="ju-link" href="#${fieldId(path)}" @click=${(event: Event) => { event.preventDefault(); view.goTo(fieldId(path)); }}>
            ${view.place(path)}: ${message}</a>
        </li>`)}</ul>`}
      <button type="button" class="ju-button ju-button--quiet" part="button" @click=${() => { view.close(); }}>${t('shell.check.close')}</button>
    </div>`;
}

/** The error summary's styles; the shell adds them when the checks load. */
export const errorSummaryStyles = css`
  .check {
    margin: 0;
    padding: var(--_ju-space-m);
    border-radius: var(--_ju-radius);
  }

  .check-list { margin: 0 0 var(--_ju-space-s); padding-inline-start: var(--_ju-space-l); }
  .check-list li { margin-block-end: var(--_ju-space-xs); }
  .check-list a { display: inline-block; min-height: 1.5em; }
`;
