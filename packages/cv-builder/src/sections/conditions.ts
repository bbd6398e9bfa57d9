// Ansættelsesforhold: working hours and kinds of employment as checkbox groups, when the citizen can start, and where.
import { html, ifDefined, nothing } from '../lit.js';
import type { TemplateResult } from 'lit';
import { fieldId, fieldPath, type EditorContext } from '../editor-context.js';
import type { Conditions, Cv } from '../model/cv.js';
import { EMPLOYMENT_TYPES, WORKING_HOURS } from '../model/cv-basics.js';
import { monthYearField } from './date-fields.js';
import { checkbox, renderProblem, textField } from './fields.js';
import { helpText, renderFrame } from './frame.js';

/** Keeps a multiple choice in the order the options are shown, without duplicates. */
function toggled<V extends string>(order: readonly V[], chosen: readonly V[], value: V, on: boolean): V[] {
  return order.filter((option) => (option === value ? on : chosen.includes(option)));
}

function choiceGroup<K extends 'hours' | 'types'>(ctx: EditorContext, key: K, order: readonly Conditions[K][number][]): TemplateResult {
  const path = fieldPath('conditions', key);
  const chosen: readonly string[] = ctx.cv.conditions[key];
  const problem = ctx.problems.has(path);
  return html`<fieldset class="choices wide" part="group" id=${fieldId(path)} tabindex="-1" aria-describedby=${ifDefined(problem ? `${fieldId(path)}-error` : undefined)}>
    <legend class="ju-label">${ctx.t(`section.conditions.${key}Legend`)}</legend>
    <div class="options">${order.map((option) => checkbox(ctx, {
      path: fieldPath(path, option),
      label: ctx.t(`section.conditions.${key}.${option}`),
      checked: chosen.includes(option),
      problem: false,
      set: (draft: Cv, on: boolean) => {
        const conditions = draft.conditions as unknown as Record<K, string[]>;
        conditions[key] = toggled(order as readonly string[], conditions[key], option, on);
      },
    }))}</div>
    ${problem ? renderProblem(ctx, path) : nothing}
  </fieldset>`;
}

export function renderConditions(ctx: EditorContext): TemplateResult {
  const { conditions } = ctx.cv;
  return renderFrame(ctx, 'conditions', html`<div class="grid">
    ${choiceGroup(ctx, 'hours', WORKING_HOURS)}
    ${choiceGroup(ctx, 'types', EMPLOYMENT_TYPES)}
    ${monthYearField(ctx, {
      path: fieldPath('conditions', 'availableFrom'),
      legend: ctx.t('section.conditions.availableFrom'),
      hint: helpText(ctx, 'section.conditions.availableFromHint'),
      value: conditions.availableFrom,
      set: (draft, value) => { draft.conditions.availableFrom = value; },
    })}
    ${textField(ctx, {
      path: fieldPath('conditions', 'area'),
      label: ctx.t('section.conditions.area'),
      hint: helpText(ctx, 'section.conditions.areaHint'),
      value: conditions.area,
      wide: true,
      set: (draft, value) => { draft.conditions.area = value; },
    })}
  </div>`);
}
