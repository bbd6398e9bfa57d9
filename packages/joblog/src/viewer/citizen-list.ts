import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Formatter } from '@jobunivers/core';
import type { SharedJoblog } from './joblog-viewer-api.js';

type Translate = (key: string, options?: Record<string, unknown>) => string;

const normalise = (text: string, language: string): string => text.normalize('NFC').toLocaleLowerCase(language);

/** The citizens whose first name holds every word of `query` (any case), in the server's order. */
export function filterCitizens(items: readonly SharedJoblog[], query: string, language: string): readonly SharedJoblog[] {
  const terms = normalise(query, language).split(/\s+/).filter((term) => term !== '');
  if (terms.length === 0) return items;
  return items.filter((item) => {
    const name = normalise(item.firstName, language);
    return terms.every((term) => name.includes(term));
  });
}

/** Below the agreed requirement on average (only when one is agreed and some week counts). */
export const isBehind = (item: SharedJoblog): boolean =>
  item.requiredPerWeek !== null && item.requiredPerWeek > 0 && item.averagePerWeek !== null && item.averagePerWeek < item.requiredPerWeek;

/** One citizen: the name opens the joblog; the numbers of the meter, the entries and the last change under it. */
export function renderCitizen(t: Translate, format: Formatter, item: SharedJoblog, index: number, open: (citizenId: string) => void): TemplateResult {
  const numbersId = `numbers-${String(index)}`;
  const one = (value: number): string => format.number(value, { maximumFractionDigits: 2 });
  const thisWeek = item.requiredPerWeek === null || item.requiredPerWeek === 0
    ? html`${one(item.entriesThisWeek)} <span class="subtle">(${t('viewer.noRequirement')})</span>`
    : t('viewer.thisWeekOf', { count: item.entriesThisWeek, target: one(item.requiredPerWeek) });
  return html`<li class="citizen" part="citizen">
    <button type="button" class="open" part="open" data-citizen=${item.citizenId} aria-describedby=${numbersId}
      @click=${() => { open(item.citizenId); }}>${item.firstName}</button>
    <dl class="numbers" part="numbers" id=${numbersId}>
      <div><dt>${t('viewer.thisWeek')}</dt><dd>${thisWeek}</dd></div>
      <div><dt>${t('viewer.average', { count: item.averageOverWeeks })}</dt><dd>${item.averagePerWeek === null ? t('viewer.averageNone') : one(item.averagePerWeek)}${isBehind(item) ? html` <span class="tag" part="behind">${t('viewer.behind')}</span>` : nothing}</dd></div>
      <div><dt>${t('viewer.entries')}</dt><dd>${format.number(item.entryCount)}</dd></div>
      <div><dt>${t('viewer.lastChange')}</dt><dd>${item.lastChangedAt === null ? t('viewer.never') : format.date(Date.parse(item.lastChangedAt))}</dd></div>
    </dl>
  </li>`;
}

export function renderCitizens(t: Translate, format: Formatter, items: readonly SharedJoblog[], open: (citizenId: string) => void): TemplateResult {
  return html`<ul class="citizens" role="list" part="list">
    ${repeat(items, (item) => item.citizenId, (item, index) => renderCitizen(t, format, item, index, open))}
  </ul>`;
}
