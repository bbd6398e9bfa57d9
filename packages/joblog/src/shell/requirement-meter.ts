import { html, nothing, type TemplateResult } from 'lit';
import type { Requirement } from '../model/entry.js';
import type { RequirementMeter } from '../model/requirement.js';
import type { Translate } from './shell-host.js';

/**
 * The requirement meter in the model's words (`requirement.*` in model.{da,en,ar}.json, heading and rule-of-thumb
 * note included), so the citizen's widget and the caseworker's viewer say the same: the kind sentence first
 * ("2 mere denne uge, så er du godt med."), then the sentences with the numbers behind it ("1 ansøgning i denne
 * uge", "Din aftale er 2 om ugen.").
 *
 * `_format` and `_requirement` are no longer read (the model's sentences carry the numbers and the part-time note);
 * they stay so callers keep working.
 */
export function renderMeter(t: Translate, _format: { number(value: number, options?: Intl.NumberFormatOptions): string }, reading: RequirementMeter,
  _requirement: Requirement, headingId: string, level: (id: string, text: string) => TemplateResult, assumed = false): TemplateResult {
  const percent = reading.target === 0 ? 0 : Math.min(100, Math.round((reading.average / reading.target) * 100));
  return html`<section class="meter" part="meter" aria-labelledby=${headingId} data-status=${reading.status}>
    ${level(headingId, t('requirement.heading'))}
    <p class="meter-message" part="meter-message">${t(reading.message.key, reading.message.params)}</p>
    ${reading.details.length === 0 ? nothing : html`<ul class="meter-details" part="meter-details">
      ${reading.details.map((detail) => html`<li>${t(detail.key, detail.params)}</li>`)}</ul>`}
    ${reading.target === 0 || reading.status === 'exempt' ? nothing
      : html`<div class="meter-bar" part="meter-bar" aria-hidden="true"><span class=${`meter-fill p${String(Math.round(percent / 10) * 10)}`}></span></div>`}
    ${assumed ? html`<p class="ju-hint" part="meter-assumed">${t('requirement.assumed')}</p>` : nothing}
  </section>`;
}
