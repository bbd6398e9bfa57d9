// The search form: a labelled field that searches on Enter, on the button, and as the citizen types.
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { FILTER_KEYS, type FilterKey, type VideoSearch } from './video-api.js';
import type { Translate } from './view.js';

export interface SearchHandlers {
  /** The citizen typed (debounced by the element). */
  input(text: string): void;
  /** Enter or the button: search now. */
  submit(text: string): void;
  filter(key: FilterKey, value: string | undefined): void;
  reset(): void;
}

export const hasFilters = (search: VideoSearch): boolean => FILTER_KEYS.some((key) => search[key] !== undefined);

/** The search form; `filters` is the filters fieldset once it and its counts have loaded. */
export function renderSearch(search: VideoSearch, filters: TemplateResult | undefined, t: Translate, on: SearchHandlers): TemplateResult {
  return html`<form class="search" part="search" role="search" aria-label=${t('search.label')} @submit=${(event: SubmitEvent) => {
      event.preventDefault();
      const input = (event.currentTarget as HTMLFormElement).elements.namedItem('q') as HTMLInputElement | null;
      on.submit(input?.value ?? '');
    }}>
    <div class="ju-field">
      <label class="ju-label" for="q">${t('search.label')}</label>
      <p class="ju-hint" id="q-hint">${t('search.hint')}</p>
      <div class="search-row">
        <input id="q" name="q" type="search" class="ju-input" part="search-field" autocomplete="off" maxlength="200"
          aria-describedby="q-hint" .value=${live(search.q ?? '')} @input=${(event: InputEvent) => { on.input((event.target as HTMLInputElement).value); }}>
        <button type="submit" class="ju-button">${t('search.submit')}</button>
      </div>
    </div>
    ${filters ?? nothing}
  </form>`;
}
