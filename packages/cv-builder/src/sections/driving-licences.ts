// Kørekort: the 14 EU categories as checkboxes, in the order the licence prints them, each with a few words
// on what it covers ("B – almindelig bil"), and a note.
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { fieldId, fieldPath, type EditorContext } from '../editor-context.js';
import { DRIVING_CATEGORIES } from '../model/cv.js';
import { checkbox, renderProblem, textField } from './fields.js';
import { renderFrame } from './frame.js';

export function renderDrivingLicences(ctx: EditorContext): TemplateResult {
  const licences = ctx.cv.drivingLicences;
  const path = fieldPath('drivingLicences', 'categories');
  const problem = ctx.problems.has(path);
  return renderFrame(ctx, 'drivingLicences', html`<div class="grid">
    <fieldset class="choices wide" part="group" id=${fieldId(path)} tabindex="-1" aria-describedby=${ifDefined(problem ? `${fieldId(path)}-error` : undefined)}>
      <legend class="ju-label">${ctx.t('section.drivingLicences.categories')}</legend>
      <div class="options categories">${DRIVING_CATEGORIES.map((category) => checkbox(ctx, {
        path: fieldPath(path, category),
        label: ctx.t('section.drivingLicences.category', { category, meaning: ctx.t(`section.drivingLicences.meaning.${category}`) }),
        checked: licences.categories.includes(category),
        problem: false,
        set: (draft, on) => {
          const chosen = draft.drivingLicences.categories;
          // Always in the licence's order, never twice.
          draft.drivingLicences.categories = DRIVING_CATEGORIES.filter((candidate) => (candidate === category ? on : chosen.includes(candidate)));
        },
      }))}</div>
      ${problem ? renderProblem(ctx, path) : nothing}
    </fieldset>
    ${textField(ctx, {
      path: fieldPath('drivingLicences', 'note'),
      label: ctx.t('section.drivingLicences.note'),
      hint: ctx.t('section.drivingLicences.noteHint'),
      value: licences.note,
      wide: true,
      set: (draft, value) => { draft.drivingLicences.note = value; },
    })}
  </div>`, { hidden: { value: licences.hidden, set: (draft, hidden) => { draft.drivingLicences.hidden = hidden; } } });
}
