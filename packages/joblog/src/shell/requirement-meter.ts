import { html, nothing, type TemplateResult } from 'lit';
import type { Requirement } from '../model/entry.js';
import type { RequirementMeter } from '../model/requirement.js';
import type { Translate } from './shell-host.js';

/** The requirement meter (numbers from the model's `readRequirement`): kind words first ("2 mere denne uge, så er du godt med"), then the numbers. */
export function renderMeter(t: Translate, format: { number(value: number, options?: Intl.NumberFormatOptions): string }, reading: RequirementMeter,
  requirement: Requirement, headingId: string, level: (id: string, text: string) => TemplateResult, assumed = false): TemplateResult {
  const one = (value: number): string => format.number(value, { maximumFractionDigits: 1 });
  // The shell's own sentences: always kind, "behind" too ("3 mere denne uge, så er du godt med").
  let message: string;
  if (reading.status === 'none') message = t('meter.none');
  else if (reading.status === 'exempt') message = t('meter.exempt', { reason: t(`exempt.${reading.exempt ?? 'exemption'}`) });
  else if (reading.more === 0) message = t('meter.onTrack');
  else message = t('meter.more', { count: reading.more });
  const percent = reading.target === 0 ? 0 : Math.min(100, Math.round((reading.average / reading.target) * 100));
  return html`<section class="meter" part="meter" aria-labelledby=${headingId}>
    ${level(headingId, t('meter.heading'))}
    <p class="meter-message" part="meter-message">${message}</p>
    ${reading.target === 0 ? nothing : html`
      <dl class="meter-numbers">
        <div><dt>${t('meter.thisWeek')}</dt><dd id="jl-meter-week">${one(reading.thisWeek)}</dd></div>
        <div><dt>${t('meter.average', { count: reading.countedWeeks })}</dt><dd id="jl-meter-average">${one(reading.average)}</dd></div>
        <div><dt>${t('meter.target')}</dt><dd id="jl-meter-target">${one(reading.target)}</dd></div>
      </dl>
      <div class="meter-bar" part="meter-bar" aria-hidden="true"><span class=${`meter-fill p${String(Math.round(percent / 10) * 10)}`}></span></div>
      ${requirement.scale < 1 ? html`<p class="ju-hint">${t('meter.partTime', { percent: Math.round(requirement.scale * 100) })}</p>` : nothing}`}
    ${assumed ? html`<p class="ju-hint" part="meter-assumed">${t('meter.assumed')}</p>` : nothing}
  </section>`;
}
