import { html, type TemplateResult } from 'lit';
import type { JoblogEntry } from '../model/entry.js';
import type { Translate } from './shell-host.js';

/**
 * The plainest list of entries (newest first), shown while the views' code loads or when it could not load, so
 * the citizen can always reach every entry.
 */
export function renderPlainList(t: Translate, entries: readonly JoblogEntry[], open: (id: string, opener: HTMLElement) => void): TemplateResult {
  const sorted = [...entries].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0)).slice(0, 200);
  return html`<ul class="fallback-list" part="list">${sorted.map((entry) => html`<li data-entry=${entry.id}>
    <p><strong>${entry.title}</strong> · ${entry.employer} · ${entry.date} · ${t(entry.type === 'activity' ? `kind.activity.${entry.activityKind ?? 'other'}` : `status.${entry.status}`)}</p>
    <button type="button" class="ju-button ju-button--secondary" part="button" aria-haspopup="dialog"
      @click=${(event: Event) => { open(entry.id, event.currentTarget as HTMLElement); }}>${t('shell.edit')}<span class="ju-visually-hidden"> ${entry.title}</span></button>
  </li>`)}</ul>`;
}
