// Month and year as two native controls (a <select> for the month, a numeric text field for the year) and, for the
// end of a period, a "nu" checkbox. Screen-reader users find <input type=month> hard; two plain controls are not.
// Stored as `YYYY-MM`, `present` or ''.
import { guard, html, ifDefined, live, nothing } from '../lit.js';
import type { TemplateResult } from 'lit';
import { fieldId, fieldPath, type EditorContext } from '../editor-context.js';
import type { PeriodEnd } from '../model/cv.js';
import { isYearMonth } from '../model/cv-basics.js';
import { checkbox, describedBy, invalid, renderAgain, renderProblem, type Setter } from './fields.js';

const MONTHS = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'] as const;

interface DateParts {
  month: string;
  year: string;
}

/**
 * A month without a year (or a year still being typed) is not a date yet, so the CV keeps '' for it; what the
 * citizen chose stays on screen and a hint says what is missing. Dropped as soon as the CV holds a date there
 * (typed, or restored by undo).
 */
const unfinished = new Map<string, DateParts>();

function partsOf(path: string, value: string): DateParts {
  const pending = unfinished.get(path);
  if (pending !== undefined && value === '') return pending;
  unfinished.delete(path);
  // An imported file may hold a year alone (`2014`) or a whole day (`2014-03-05`): show the parts that fit.
  const [, year = '', month = ''] = /^(\d{4})(?:-(\d{2}))?/.exec(value) ?? [];
  return { year, month: (MONTHS as readonly string[]).includes(month) ? month : '' };
}

export interface MonthYearOptions {
  path: string;
  legend: string;
  hint?: string | undefined;
  value: string;
  set: Setter<string>;
  /** Extra controls inside the group (the "nu" checkbox). */
  before?: TemplateResult;
  /** Leaves the month and year out (the period runs until now). */
  collapsed?: boolean;
}

const monthNames = new Map<string, string[]>();

/** "januar" … "december" in the reader's language (formatted once per language: every date field shows them). */
function monthNamesOf(ctx: EditorContext): string[] {
  const { locale } = ctx.format;
  let names = monthNames.get(locale);
  if (names === undefined) {
    names = MONTHS.map((month) => ctx.format.date(Date.UTC(2021, Number(month) - 1, 15, 12), { month: 'long' }));
    monthNames.set(locale, names);
  }
  return names;
}

/** A month and a year in a `<fieldset>`; the month `<select>` has the id of the path, the year `${id}-year`. */
export function monthYearField(ctx: EditorContext, options: MonthYearOptions): TemplateResult {
  const { path, value } = options;
  const id = fieldId(path);
  const parts = partsOf(path, value);
  const names = monthNamesOf(ctx);
  const incomplete = unfinished.has(path);
  // A value the two controls cannot show exactly (from an imported file) is shown as it is, so nothing is hidden.
  const foreign = value !== '' && !isYearMonth(value);
  const hintIds = [options.hint === undefined ? '' : `${id}-hint`, incomplete ? `${id}-unfinished` : '', foreign ? `${id}-stored` : '']
    .filter((part) => part !== '').join(' ');
  const describe = [hintIds, describedBy(ctx, path, false) ?? ''].filter((part) => part !== '').join(' ') || undefined;
  const update = (event: Event): void => {
    const group = (event.target as HTMLElement).closest('fieldset');
    const month = group?.querySelector<HTMLSelectElement>('select.month')?.value ?? '';
    const year = (group?.querySelector<HTMLInputElement>('input.year')?.value ?? '').trim();
    const candidate = `${year}-${month}`;
    const next = isYearMonth(candidate) ? candidate : '';
    if (next === '' && (month !== '' || year !== '')) unfinished.set(path, { month, year });
    else unfinished.delete(path);
    if (next !== value) ctx.change((draft) => { options.set(draft, next); }, { coalesce: path });
    else renderAgain(event);
  };
  return html`<fieldset class="date" part="date">
    <legend class="ju-label">${options.legend}</legend>
    ${options.hint === undefined ? nothing : html`<p class="ju-hint" id=${`${id}-hint`}>${options.hint}</p>`}
    ${options.before ?? nothing}
    ${options.collapsed === true ? nothing : html`<div class="date-parts">
      <div class="ju-field">
        <label class="ju-label date-part" for=${id}>${ctx.t('section.common.month')}</label>
        <select id=${id} class="ju-input month" part="input" aria-invalid=${ifDefined(invalid(ctx, path))} aria-describedby=${ifDefined(describe)} @change=${update}>
          ${guard([parts.month, names], () => html`<option value="" .selected=${live(parts.month === '')}>${ctx.t('section.common.noMonth')}</option>
            ${MONTHS.map((month, index) => html`<option value=${month} .selected=${live(parts.month === month)}>${names[index]}</option>`)}`)}
        </select>
      </div>
      <div class="ju-field">
        <label class="ju-label date-part" for=${`${id}-year`}>${ctx.t('section.common.year')}</label>
        <input id=${`${id}-year`} class="ju-input year" part="input" type="text" inputmode="numeric" maxlength="4" autocomplete="off"
          aria-invalid=${ifDefined(invalid(ctx, path))} aria-describedby=${ifDefined(describe)} .value=${live(parts.year)} @input=${update}>
      </div>
    </div>
    ${incomplete ? html`<p class="ju-hint unfinished" id=${`${id}-unfinished`}>${ctx.t('section.common.dateUnfinished')}</p>` : nothing}
    ${foreign ? html`<p class="ju-hint" id=${`${id}-stored`}>${ctx.t('section.common.dateStored', { value })}</p>` : nothing}`}
    ${renderProblem(ctx, path)}
  </fieldset>`;
}

export interface PeriodOptions {
  /** The item's path; the dates are `${path}.start` and `${path}.end`. */
  path: string;
  start: string;
  end: PeriodEnd;
  setStart: Setter<string>;
  setEnd: Setter<PeriodEnd>;
  /** "Jeg arbejder her stadig". */
  presentLabel: string;
}

/** "Fra" and "Til" (with "nu"). */
export function periodFields(ctx: EditorContext, options: PeriodOptions): TemplateResult {
  const endPath = fieldPath(options.path, 'end');
  const present = options.end === 'present';
  return html`<div class="period wide">
    ${monthYearField(ctx, { path: fieldPath(options.path, 'start'), legend: ctx.t('section.common.from'), value: options.start, set: options.setStart })}
    ${monthYearField(ctx, {
      path: endPath,
      legend: ctx.t('section.common.to'),
      value: present ? '' : options.end,
      set: options.setEnd,
      collapsed: present,
      before: checkbox(ctx, {
        path: fieldPath(endPath, 'present'),
        label: options.presentLabel,
        checked: present,
        problem: false,
        set: (draft, checked) => {
          unfinished.delete(endPath);
          options.setEnd(draft, checked ? 'present' : '');
        },
      }),
    })}
  </div>`;
}
