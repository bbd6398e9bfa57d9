import { css, html, nothing } from '../lit.js';
import type { TemplateResult } from 'lit';
import type { Cv, SectionKey } from '../model/cv.js';
import { checkCompleteness, type CompletenessItem } from '../model/index.js';
import { sectionHeadingId } from '../sections/index.js';
import { heading } from './heading.js';
import type { Translate } from './shell-host.js';
import panelDa from '../locales/completeness.da.json';
import checklistDa from '../locales/model-completeness.da.json';

// The panel loads right after the first render (the editor is what the citizen needs first), with its Danish
// strings (the folded ones come with the help texts) and its styles.
export const danishStrings: object[] = [panelDa, checklistDa];

export const styles = css`
  .todo-list { margin: 0 0 var(--_ju-space-s); padding-inline-start: var(--_ju-space-l); }
  .todo-list li { margin-block-end: var(--_ju-space-xs); }
  .todo-list a { display: inline-block; min-height: 1.5em; }
  .todo-list .done { color: var(--_ju-color-text-subtle); }

  .meter {
    display: block;
    width: 100%;
    height: 0.75rem;
    margin-block-end: var(--_ju-space-s);
    accent-color: var(--_ju-color-success);
  }
`;

export interface CompletenessView {
  readonly t: Translate;
  readonly cv: Cv;
  readonly headingLevel: number;
  /** Moves focus to a section. */
  go(key: SectionKey): void;
}

/**
 * "Klar til Jobnet": Jobnet's minimum for a searchable CV as a checklist, phrased as help. What is left to do comes
 * first, each with a link to its section; what is done and what would make the CV stronger are folded away.
 */
export function renderCompleteness(view: CompletenessView): TemplateResult {
  const { t } = view;
  const report = checkCompleteness(view.cv);
  const done = report.required.filter((item) => item.done);
  const todo = report.required.filter((item) => !item.done);
  const suggestions = report.suggestions.filter((item) => !item.done);
  // The texts folded away (what is done, the suggestions) are help texts that arrive after the first render.
  const entry = (item: CompletenessItem): TemplateResult => {
    const text = t(item.key);
    return html`<li class=${item.done ? 'done' : 'todo'}>
      <a class="ju-link" href="#${sectionHeadingId(item.section)}" @click=${(event: Event) => { event.preventDefault(); view.go(item.section); }}>${t(item.label)}</a>${text === item.key ? nothing : html`:
      ${text}`}</li>`;
  };
  return html`
    <section class="panel completeness" part="completeness" aria-labelledby="cv-completeness-heading">
      ${heading(view.headingLevel, 'cv-completeness-heading', t('shell.completeness.heading'))}
      <p>${report.searchable ? t('shell.completeness.done') : t('shell.completeness.intro')}</p>
      <p class="completeness-count">${t('shell.completeness.progress', { done: done.length, total: report.required.length })}</p>
      <progress class="meter" max=${report.required.length} .value=${done.length} aria-hidden="true"></progress>
      ${todo.length === 0 ? nothing : html`<ul class="todo-list">${todo.map(entry)}</ul>`}
      ${done.length === 0 ? nothing : html`<details class="completeness-more">
        <summary>${t('shell.completeness.doneList', { count: done.length })}</summary>
        <ul class="todo-list">${done.map(entry)}</ul>
      </details>`}
      ${suggestions.length === 0 ? nothing : html`<details class="completeness-more">
        <summary>${t('shell.completeness.suggestions')}</summary>
        <ul class="todo-list">${suggestions.map(entry)}</ul>
      </details>`}
    </section>`;
}
