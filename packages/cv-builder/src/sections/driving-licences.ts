// Kørekort: the 14 EU categories as checkboxes, in the order the licence prints them, each with a few words
// on what it covers ("B – almindelig bil") once the sections' help has loaded, and a note.
import { html, ifDefined, nothing } from '../lit.js';
import type { TemplateResult } from 'lit';
import { fieldId, fieldPath, type EditorContext } from '../editor-context.js';
import { DRIVING_CATEGORIES } from '../model/cv-basics.js';
import { checkbox, renderProblem, textField } from './fields.js';
import { helpText, renderFrame } from './frame.js';

export function renderDrivingLicences(ctx: EditorContext): TemplateResult {
  const licences = ctx.cv.drivingLicences;
  const path = fieldPath('drivingLicences', 'categories');
  const problem = ctx.problems.has(path);
  return renderFrame(ctx, 'drivingLicences', html`<div class="grid">
    <fieldset class="choices wide" part="group" id=${fieldId(path)} tabindex="-1" aria-describedby=${ifDefined(problem ? `${fieldId(path)}-error` : undefined)}>
      <legend class="ju-label">${ctx.t('section.drivingLicences.categories')}</legend>
      <div class="options categories">${DRIVING_CATEGORIES.map((category) => {
        const meaning = helpText(ctx, `section.drivingLicences.meaning.${category}`);
        return checkbox(ctx, {
          path: fieldPath(path, category),
          label: meaning === undefined ? category : ctx.t('section.drivingLicences.category', { category, meaning }),
          checked: licences.categories.includes(category),
          problem: false,
          set: (draft, on) => {
            const chosen = draft.drivingLicences.categories;
            // Always in the licence's order, never twice.
            draft.drivingLicences.categories = DRIVING_CATEGORIES.filter((candidate) => (candidate === category ? on : chosen.includes(candidate)));
          },
        });
      })}</div>
      ${problem ? renderProblem(ctx, path) : nothing}
    </fieldset>
    ${textField(ctx, {
      path: fieldPath('drivingLicences', 'note'),
      label: ctx.t('section.drivingLicences.note'),
      hint: helpText(ctx, 'section.drivingLicences.noteHint'),
      value: licences.note,
      wide: true,
      set: (draft, value) => { draft.drivingLicences.note = value; },
    })}
  </div>`);
}
