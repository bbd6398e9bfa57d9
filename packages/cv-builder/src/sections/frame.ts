// The frame every section shares: a <section> named by its <h2>, a line of guidance, "Gode råd" (tips and an
// example, folded away) and the "Skjul afsnittet i CV'et" checkbox.
import { html, nothing, type TemplateResult } from 'lit';
import { fieldPath, type EditorContext } from '../editor-context.js';
import type { Cv, SectionKey } from '../model/cv.js';
import { checkbox, renderProblem } from './fields.js';

/** The id of a section's heading; the shell's navigation links to it. */
export const sectionHeadingId = (key: SectionKey): string => `cv-section-${key}`;

/** How many tips each section's "Gode råd" has (`section.<key>.tip1` …). */
const TIPS = 3;

export interface FrameOptions {
  /** Reads and writes whether the whole section is left out of the CV; absent for sections that are always shown. */
  hidden?: { value: boolean; set: (draft: Cv, hidden: boolean) => void };
}

export function renderFrame(ctx: EditorContext, key: SectionKey, body: TemplateResult, options: FrameOptions = {}): TemplateResult {
  const strings = `section.${key}`;
  const headingId = sectionHeadingId(key);
  const hidden = options.hidden;
  const tips = Array.from({ length: TIPS }, (_, index) => ctx.t(`${strings}.tip${String(index + 1)}`));
  return html`<section class=${hidden?.value === true ? 'cv-section is-hidden' : 'cv-section'} aria-labelledby=${headingId}
      part="section" data-section=${key}>
    <h2 id=${headingId} tabindex="-1">${ctx.t(`${strings}.heading`)}</h2>
    <p class="intro">${ctx.t(`${strings}.intro`)}</p>
    <details class="tips" part="tips">
      <summary>${ctx.t('section.common.tips')}</summary>
      <ul>${tips.map((tip) => html`<li>${tip}</li>`)}</ul>
      <p class="example"><span class="example-label">${ctx.t('section.common.example')}</span> ${ctx.t(`${strings}.example`)}</p>
    </details>
    ${hidden === undefined ? nothing : html`
      ${checkbox(ctx, {
        path: fieldPath(key, 'hidden'),
        label: ctx.t('section.common.hideSection'),
        checked: hidden.value,
        set: hidden.set,
      })}
      ${hidden.value ? html`<p class="hidden-note" part="hidden-note">${ctx.t('section.common.sectionHidden')}</p>` : nothing}`}
    ${renderProblem(ctx, key)}
    ${body}
  </section>`;
}
