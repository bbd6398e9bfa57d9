import { html, nothing } from '../lit.js';
import type { TemplateResult } from 'lit';
import type { Formatter } from '@jobunivers/core';
import { isYearMonth, type Period } from '../model/cv.js';

/** "mar. 2024" (Danish) or "Mar 2024" (English), in the formatter's locale; `undefined` for anything but `YYYY-MM`. */
export function formatMonth(value: string, format: Formatter): string | undefined {
  if (!isYearMonth(value)) return undefined;
  const [year = 1970, month = 1] = value.split('-').map(Number);
  // The middle of the month at noon: no time zone can move it into the month before or after.
  return format.date(Date.UTC(year, month - 1, 15, 12), { month: 'short', year: 'numeric' });
}

/** A month as a `<time>` element, or nothing when it is not a month. */
export function renderMonth(value: string, format: Formatter): TemplateResult | typeof nothing {
  const text = formatMonth(value, format);
  return text === undefined ? nothing : html`<time datetime=${value}>${text}</time>`;
}

/** "mar. 2024 – nu", "2019 – dec. 2021", only a start, or only an end; nothing when neither is given. */
export function renderPeriod(period: Period, format: Formatter, present: string): TemplateResult | typeof nothing {
  const start = renderMonth(period.start, format);
  const end = period.end === 'present' ? present : renderMonth(period.end, format);
  if (start === nothing && end === nothing) return nothing;
  if (start === nothing) return html`<p class="period">${end}</p>`;
  if (end === nothing) return html`<p class="period">${start}</p>`;
  return html`<p class="period">${start} – ${end}</p>`;
}

/** True when a period has a start or an end worth showing. */
export const hasPeriod = (period: Period): boolean => isYearMonth(period.start) || period.end === 'present' || isYearMonth(period.end);
