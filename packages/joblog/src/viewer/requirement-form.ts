import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { DEFAULT_REQUIREMENT, EXEMPTION_REASONS, type ExemptionReason, type Requirement } from '../model/entry.js';
import { isIsoWeek } from '../model/weeks.js';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** One exempt week as typed; `key` keeps a row's fields (and focus) when rows above it are removed. */
export interface ExemptDraft {
  key: number;
  week: string;
  reason: ExemptionReason;
}

/** The form as the caseworker typed it: text until it is saved, so "1,5" and half-typed weeks survive re-renders. */
export interface RequirementDraft {
  perWeek: string;
  scale: string;
  averageOverWeeks: string;
  activitiesCount: boolean;
  exempt: ExemptDraft[];
}

/** Field id → the key of its error message. */
export type FieldErrors = Map<string, string>;

let nextKey = 1;

export function draftOf(requirement: Requirement | null, decimal: (value: number) => string): RequirementDraft {
  const from = requirement ?? DEFAULT_REQUIREMENT;
  return {
    perWeek: decimal(from.perWeek),
    scale: decimal(Math.round(from.scale * 1000) / 10),
    averageOverWeeks: String(from.averageOverWeeks),
    activitiesCount: from.activitiesCount,
    exempt: from.exemptWeeks.map((exempt) => ({ key: nextKey++, week: exempt.week, reason: exempt.reason })),
  };
}

export const addExemptWeek = (draft: RequirementDraft): RequirementDraft =>
  ({ ...draft, exempt: [...draft.exempt, { key: nextKey++, week: '', reason: 'sickness' }] });

/** "1,5", "1.5" and " 2 " are numbers; anything else is not. */
function parseNumber(text: string): number | undefined {
  const trimmed = text.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return undefined;
  return Number(trimmed);
}

/** "2026-W48", "2026-w5", "2026W48", "48/2026", "uge 48 2026" → "2026-W48"; undefined when it is no ISO week. */
export function parseWeek(text: string): string | undefined {
  const value = text.trim();
  const yearFirst = /^(\d{4})\s*-?\s*w\s*(\d{1,2})$/i.exec(value);
  const weekFirst = /^(?:[^\d\s]+\s*)?(\d{1,2})\s*[\s/-]\s*(\d{4})$/.exec(value);
  const parts = yearFirst ? { year: yearFirst[1], week: yearFirst[2] } : weekFirst ? { year: weekFirst[2], week: weekFirst[1] } : undefined;
  if (parts === undefined) return undefined;
  const iso = `${parts.year}-W${parts.week.padStart(2, '0')}`;
  return isIsoWeek(iso) ? iso : undefined;
}

export const weekFieldId = (row: ExemptDraft): string => `rq-week-${String(row.key)}`;

/** The requirement the draft says, or the errors that keep it from being saved (field id → message key). */
export function readDraft(draft: RequirementDraft): { requirement?: Requirement; errors: FieldErrors } {
  const errors: FieldErrors = new Map();
  const perWeek = parseNumber(draft.perWeek);
  if (perWeek === undefined || perWeek > 10) errors.set('rq-per-week', 'form.error.perWeek');
  const percent = parseNumber(draft.scale);
  if (percent === undefined || percent < 10 || percent > 100) errors.set('rq-scale', 'form.error.scale');
  const average = parseNumber(draft.averageOverWeeks);
  if (average === undefined || !Number.isInteger(average) || average < 1 || average > 8) errors.set('rq-average', 'form.error.averageOverWeeks');
  const seen = new Set<string>();
  const exemptWeeks: Requirement['exemptWeeks'] = [];
  for (const row of draft.exempt) {
    const week = parseWeek(row.week);
    if (week === undefined) errors.set(weekFieldId(row), 'form.error.week');
    else if (seen.has(week)) errors.set(weekFieldId(row), 'form.error.duplicate');
    else {
      seen.add(week);
      exemptWeeks.push({ week, reason: row.reason });
    }
  }
  if (errors.size > 0 || perWeek === undefined || percent === undefined || average === undefined) return { errors };
  exemptWeeks.sort((a, b) => a.week.localeCompare(b.week));
  return {
    errors,
    requirement: { perWeek, scale: Math.round(percent * 10) / 1000, averageOverWeeks: average, exemptWeeks, activitiesCount: draft.activitiesCount },
  };
}

export interface RequirementFormState {
  draft: RequirementDraft;
  /** Shown once the caseworker tried to save. */
  errors: FieldErrors;
  saving: boolean;
  /** A colleague saved first (412): the caseworker's input stays, with a way to fetch theirs. */
  conflict: 'none' | 'changed' | 'reloaded';
  /** Why the last save failed (not a conflict), as a sentence. */
  failure: string | undefined;
}

export interface RequirementFormActions {
  change(draft: RequirementDraft): void;
  submit(): void;
  cancel(): void;
  reload(): void;
}

/** The small form: visible labels, hints and errors tied to their fields, exempt weeks as rows that can be added and removed. */
export function renderRequirementForm(t: Translate, state: RequirementFormState, actions: RequirementFormActions): TemplateResult {
  const { draft, errors } = state;
  const change = (patch: Partial<RequirementDraft>): void => { actions.change({ ...draft, ...patch }); };
  const value = (event: Event): string => (event.target as HTMLInputElement).value;
  const field = (id: string, key: string, text: string, patch: (typed: string) => Partial<RequirementDraft>, inputmode: string): TemplateResult => {
    const error = errors.get(id);
    return html`<div class="ju-field">
      <label class="ju-label" for=${id}>${t(`form.${key}`)}</label>
      <p class="ju-hint" id=${`${id}-hint`}>${t(`form.${key}Hint`)}</p>
      ${error === undefined ? nothing : html`<p class="ju-error-text" id=${`${id}-error`}>${t(error)}</p>`}
      <input class="ju-input number" id=${id} name=${id} type="text" inputmode=${inputmode} autocomplete="off" .value=${text}
        aria-invalid=${error === undefined ? 'false' : 'true'} aria-describedby=${error === undefined ? `${id}-hint` : `${id}-hint ${id}-error`}
        @input=${(event: Event) => { change(patch(value(event))); }}>
    </div>`;
  };
  return html`<form class="requirement-form" part="requirement-form" novalidate aria-labelledby="rq-heading"
      @submit=${(event: Event) => { event.preventDefault(); actions.submit(); }}>
    <h3 id="rq-heading" tabindex="-1">${t('form.legend')}</h3>
    ${errors.size === 0 ? nothing : html`<div class="ju-message ju-message--error" part="requirement-errors" id="rq-errors" tabindex="-1">
      <p>${t('form.errorSummary', { count: errors.size })}</p>
      <ul>${[...errors].map(([id, key]) => html`<li><a class="ju-link" href=${`#${id}`} @click=${(event: Event) => {
        event.preventDefault();
        ((event.currentTarget as HTMLElement).getRootNode() as ShadowRoot).getElementById(id)?.focus();
      }}>${t(key)}</a></li>`)}</ul>
    </div>`}
    ${state.conflict === 'none' ? nothing : html`<div class="ju-message ju-message--error" part="requirement-conflict" id="rq-conflict" tabindex="-1">
      <p>${t(state.conflict === 'changed' ? 'form.conflict' : 'form.reloaded')}</p>
      ${state.conflict === 'changed' ? html`<button type="button" class="ju-button ju-button--secondary" id="rq-reload" @click=${actions.reload}>${t('form.reload')}</button>` : nothing}
    </div>`}
    ${state.failure === undefined ? nothing : html`<p class="ju-message ju-message--error" part="requirement-failed">${state.failure}</p>`}
    ${field('rq-per-week', 'perWeek', draft.perWeek, (typed) => ({ perWeek: typed }), 'decimal')}
    ${field('rq-scale', 'scale', draft.scale, (typed) => ({ scale: typed }), 'decimal')}
    ${field('rq-average', 'averageOverWeeks', draft.averageOverWeeks, (typed) => ({ averageOverWeeks: typed }), 'numeric')}
    <div class="ju-field checkbox">
      <input type="checkbox" id="rq-activities" .checked=${draft.activitiesCount} @change=${(event: Event) => { change({ activitiesCount: (event.target as HTMLInputElement).checked }); }}>
      <label for="rq-activities">${t('form.activitiesCount')}</label>
    </div>
    <fieldset class="exempt" part="exempt-weeks">
      <legend>${t('form.exemptLegend')}</legend>
      ${draft.exempt.length === 0 ? html`<p class="ju-hint">${t('form.exemptNone')}</p>` : nothing}
      <ul class="exempt-rows" role="list">
        ${repeat(draft.exempt, (row) => row.key, (row, index) => {
          const id = weekFieldId(row);
          const error = errors.get(id);
          const replace = (patch: Partial<ExemptDraft>): void => { change({ exempt: draft.exempt.map((other) => (other.key === row.key ? { ...other, ...patch } : other)) }); };
          return html`<li class="exempt-row">
            <div class="ju-field">
              <label class="ju-label" for=${id}>${t('form.exemptWeek')}</label>
              <p class="ju-hint" id=${`${id}-hint`}>${t('form.exemptWeekHint')}</p>
              ${error === undefined ? nothing : html`<p class="ju-error-text" id=${`${id}-error`}>${t(error)}</p>`}
              <input class="ju-input week" id=${id} type="text" autocomplete="off" spellcheck="false" .value=${row.week}
                aria-invalid=${error === undefined ? 'false' : 'true'} aria-describedby=${error === undefined ? `${id}-hint` : `${id}-hint ${id}-error`}
                @input=${(event: Event) => { replace({ week: value(event) }); }}>
            </div>
            <div class="ju-field">
              <label class="ju-label" for=${`rq-reason-${String(row.key)}`}>${t('form.exemptReason')}</label>
              <select class="ju-input" id=${`rq-reason-${String(row.key)}`} @change=${(event: Event) => { replace({ reason: value(event) as ExemptionReason }); }}>
                ${EXEMPTION_REASONS.map((reason) => html`<option value=${reason} ?selected=${row.reason === reason}>${t(`form.reason.${reason}`)}</option>`)}
              </select>
            </div>
            <button type="button" class="ju-button ju-button--quiet remove-week" data-index=${index}
              @click=${() => { change({ exempt: draft.exempt.filter((other) => other.key !== row.key) }); }}>${t('form.removeWeek', { week: row.week.trim() === '' ? String(index + 1) : row.week })}</button>
          </li>`;
        })}
      </ul>
      <button type="button" class="ju-button ju-button--secondary" id="rq-add-week" @click=${() => { actions.change(addExemptWeek(draft)); }}>${t('form.addWeek')}</button>
    </fieldset>
    <div class="form-actions">
      <button type="submit" class="ju-button" id="rq-save" aria-disabled=${state.saving ? 'true' : 'false'}>${t(state.saving ? 'form.saving' : 'form.save')}</button>
      <button type="button" class="ju-button ju-button--secondary" id="rq-cancel" @click=${actions.cancel}>${t('form.cancel')}</button>
    </div>
  </form>`;
}
