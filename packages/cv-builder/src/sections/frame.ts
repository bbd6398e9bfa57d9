// The frame every section shares: a <section> named by its heading, a line of guidance, "Gode råd" (tips and an
// example, folded away) and the "Skjul afsnittet i CV'et" checkbox. The guidance, tips and example are help texts
// that arrive after the first render.
import { html, nothing } from '../lit.js';
import type { TemplateResult } from 'lit';
import { fieldPath, type EditorContext } from '../editor-context.js';
import type { SectionKey } from '../model/cv.js';
import { heading } from '../shell/heading.js';
import { checkbox, renderProblem } from './fields.js';

/** The id of a section's heading; the shell's navigation links to it. */
export const sectionHeadingId = (key: SectionKey): string => `cv-section-${key}`;

/** How many tips each section's "Gode råd" has (`section.<key>.tip1` …). */
const TIPS = 3;

/**
 * A text that arrives after the first render (a help text: guidance, a tip, a hint, what a level means; or the
 * drag handle's tooltip, which comes with the list's code). Until then there is none (`t()` answers a missing key
 * with the key itself) and the section shows its short labels alone.
 */
export function helpText(ctx: EditorContext, key: string, options?: Record<string, unknown>): string | undefined {
  const text = ctx.t(key, options);
  return text === key ? undefined : text;
}

/** Every section but the contact details (always part of the CV) and the custom sections (each hidden as an item). */
type HideableKey = Exclude<SectionKey, 'contact' | 'custom'>;

const hideable = (key: SectionKey): key is HideableKey => key !== 'contact' && key !== 'custom';

export function renderFrame(ctx: EditorContext, key: SectionKey, body: TemplateResult | typeof nothing): TemplateResult {
  const strings = `section.${key}`;
  const headingId = sectionHeadingId(key);
  // Whether the whole section is left out of the CV; undefined for sections that are always shown.
  const hidden = hideable(key) ? ctx.cv[key].hidden : undefined;
  const tips = Array.from({ length: TIPS }, (_, index) => helpText(ctx, `${strings}.tip${String(index + 1)}`)).filter((tip) => tip !== undefined);
  const example = helpText(ctx, `${strings}.example`);
  const intro = helpText(ctx, `${strings}.intro`);
  return html`<section class=${hidden === true ? 'cv-section is-hidden' : 'cv-section'} aria-labelledby=${headingId}
      part="section" data-section=${key}>
    ${heading(ctx.sectionHeadingLevel, headingId, ctx.t(`${strings}.heading`), 'section-heading')}
    ${intro === undefined ? nothing : html`<p class="intro">${intro}</p>`}
    <details class="tips" part="tips">
      <summary>${ctx.t('section.common.tips')}</summary>
      ${tips.length === 0 ? nothing : html`<ul>${tips.map((tip) => html`<li>${tip}</li>`)}</ul>`}
      ${example === undefined ? nothing : html`<p class="example"><span class="example-label">${ctx.t('section.common.example')}</span> ${example}</p>`}
    </details>
    ${hidden === undefined ? nothing : html`
      ${checkbox(ctx, {
        path: fieldPath(key, 'hidden'),
        label: ctx.t('section.common.hideSection'),
        checked: hidden,
        set: (draft, value) => { if (hideable(key)) draft[key].hidden = value; },
      })}
      ${hidden ? html`<p class="hidden-note" part="hidden-note">${ctx.t('section.common.sectionHidden')}</p>` : nothing}`}
    ${renderProblem(ctx, key)}
    ${body}
  </section>`;
}
