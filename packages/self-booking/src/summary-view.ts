import { html, nothing, type TemplateResult } from 'lit';
import type { MeetingType } from './booking-api.js';
import type { BookingTexts } from './booking-texts.js';
import { localDateOf } from './dates.js';

/** When, what, where, what to bring and with whom — for a held time, a confirmation and "my meetings". */
export function renderSummary(
  text: BookingTexts,
  type: { title: string; details: MeetingType['details'] } | undefined,
  start: string,
  end: string,
  caseworker?: string,
): TemplateResult {
  const { t } = text;
  const details = type?.details ?? {};
  return html`
    <dl class="summary" part="summary">
      <dt>${t('summary.when')}</dt>
      <dd>${text.fullDate(localDateOf(start))}, ${text.timeRange(start, end)}</dd>
      ${type === undefined ? nothing : html`<dt>${t('summary.type')}</dt><dd>${type.title}</dd>`}
      ${details.address === undefined ? nothing : html`<dt>${t('summary.address')}</dt><dd>${details.address}</dd>`}
      ${details.phone === undefined ? nothing : html`<dt>${t('summary.phone')}</dt><dd>${details.phone}</dd>`}
      ${details.video === undefined ? nothing : html`<dt>${t('summary.video')}</dt><dd>${details.video}</dd>`}
      ${details.bring === undefined ? nothing : html`<dt>${t('summary.bring')}</dt><dd>${details.bring}</dd>`}
      ${caseworker === undefined ? nothing : html`<dt>${t('summary.caseworker')}</dt><dd>${caseworker}</dd>`}
    </dl>
  `;
}
