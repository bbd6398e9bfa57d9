// The filters: native selects with a legend, the counts from the server, and "Nulstil filtre". Loaded together
// with the counts (GET /v1/videos/filters), so the catalogue's first load does not carry it.
import { css, html, nothing, type TemplateResult } from 'lit';
import { FILTER_KEYS, type FilterKey, type VideoFilters, type VideoSearch } from './video-api.js';
import { hasFilters, type SearchHandlers } from './search-view.js';
import type { Translate } from './view.js';
import daStrings from './locales/da-filters.json';
import { addDanishStrings } from './locales/register.js';

const FACETS: Record<FilterKey, keyof VideoFilters> = {
  topic: 'topics',
  targetGroup: 'targetGroups',
  length: 'lengths',
  language: 'languages',
  kind: 'kinds',
};

export function renderFilters(search: VideoSearch, facets: VideoFilters, t: Translate, on: SearchHandlers): TemplateResult {
  return html`<fieldset class="filters" part="filters">
      <legend>${t('filters.legend')}</legend>
      ${FILTER_KEYS.map((key) => {
        const options = facets[FACETS[key]];
        if (options.length === 0 && search[key] === undefined) return nothing;
        return html`<div class="ju-field">
          <label class="ju-label" for=${`f-${key}`}>${t(`filters.${key}`)}</label>
          <select id=${`f-${key}`} class="ju-input" @change=${(event: Event) => { on.filter(key, (event.target as HTMLSelectElement).value || undefined); }}>
            <option value="" ?selected=${search[key] === undefined}>${t('filters.all')}</option>
            ${options.map((option) => html`<option value=${option.id} ?selected=${search[key] === option.id}>${t('filters.option', { label: option.label, count: option.count })}</option>`)}
          </select>
        </div>`;
      })}
      ${hasFilters(search) ? html`<button type="button" class="ju-button ju-button--secondary reset" @click=${() => { on.reset(); }}>${t('filters.reset')}</button>` : nothing}
    </fieldset>`;
}

/** Registers this view's Danish strings; called when the module arrives. */
export function addStrings(): void {
  addDanishStrings(daStrings);
}

export const styles = css`
  .filters {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 11rem), 1fr));
    gap: 0 var(--_ju-space-m);
    align-items: end;
    margin: 0 0 var(--_ju-space-l);
    padding: var(--_ju-space-s) var(--_ju-space-m) 0;
    border: 1px solid var(--_ju-color-border-subtle);
    border-radius: var(--_ju-radius);
  }

  .filters legend { font-weight: var(--_ju-font-weight-bold); padding: 0 var(--_ju-space-xs); }
  .reset { margin-block-end: var(--_ju-space-m); }
`;
