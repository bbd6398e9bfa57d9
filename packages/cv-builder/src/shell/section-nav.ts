import { html } from '../lit.js';
import type { TemplateResult } from 'lit';
import type { SectionKey } from '../model/cv.js';
import { SECTION_KEYS } from '../model/cv-basics.js';
import type { Translate } from './shell-host.js';

export interface SectionNavView {
  readonly t: Translate;
  /** The id of a section's heading (from the sections). */
  headingId(key: SectionKey): string;
  /** Moves focus to the section's heading. */
  go(key: SectionKey): void;
}

/**
 * "Gå til afsnit": a link to every section's heading. A side column on wide screens and a `<details>` on narrow
 * ones (the container decides, not the viewport). The links move focus themselves: a `#fragment` cannot reach
 * into a shadow root, and the page's URL must not change.
 */
export function renderSectionNav(view: SectionNavView): TemplateResult {
  const { t } = view;
  const list = (where: string): TemplateResult => html`<ul class="nav-list" role="list">${SECTION_KEYS.map((key) => html`<li>
    <a class="ju-link" href="#${view.headingId(key)}" data-nav=${where}
      @click=${(event: Event) => { event.preventDefault(); view.go(key); }}>${t(`section.${key}.heading`)}</a>
  </li>`)}</ul>`;
  return html`
    <nav class="nav" part="nav" aria-label=${t('shell.nav.label')}>
      <details class="nav-compact">
        <summary>${t('shell.nav.compact')}</summary>
        ${list('compact')}
      </details>
      <div class="nav-wide">${list('wide')}</div>
    </nav>`;
}
