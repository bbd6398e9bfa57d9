// Kort om mig: the short profile, with a character count (read with the field, not announced while typing).
import { html } from '../lit.js';
import type { TemplateResult } from 'lit';
import { fieldId, fieldPath, type EditorContext } from '../editor-context.js';
import { textArea } from './fields.js';
import { helpText, renderFrame } from './frame.js';

// Counted as a reader sees them: "é" or a flag emoji is one character, whatever its code points.
let segmenter: Intl.Segmenter | undefined;
function countCharacters(text: string, locale: string): number {
  segmenter ??= new Intl.Segmenter(locale, { granularity: 'grapheme' });
  return Array.from(segmenter.segment(text)).length;
}

export function renderProfile(ctx: EditorContext): TemplateResult {
  const { profile } = ctx.cv;
  const path = fieldPath('profile', 'summary');
  const countId = `${fieldId(path)}-count`;
  const count = countCharacters(profile.summary, ctx.format.locale);
  return renderFrame(ctx, 'profile', html`<div class="grid">${textArea(ctx, {
    path,
    label: ctx.t('section.profile.summary'),
    hint: helpText(ctx, 'section.profile.summaryHint'),
    value: profile.summary,
    describedBy: countId,
    set: (draft, value) => { draft.profile.summary = value; },
    after: html`<p class="ju-hint count" id=${countId} part="count">${ctx.t('section.profile.count', { count, number: ctx.format.number(count) })}</p>`,
  })}</div>`);
}
