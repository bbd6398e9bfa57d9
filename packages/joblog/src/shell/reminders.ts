import { html, nothing, type TemplateResult } from 'lit';
import type { Reminder } from '../model/reminders.js';
import type { Translate } from './shell-host.js';

/** The reminders, each dismissable (dismissals are remembered by id, never by text). */
export function renderReminders(t: Translate, reminders: readonly Reminder[], open: (entryId: string, opener: HTMLElement) => void,
  dismiss: (id: string) => void): TemplateResult | typeof nothing {
  if (reminders.length === 0) return nothing;
  return html`<ul class="reminders" part="reminders" aria-label=${t('reminder.label')}>
    ${reminders.map((reminder, index) => html`<li class="reminder" part="reminder" id=${`jl-reminder-${String(index)}`}>
      <p>${t(reminder.key, reminder.params)}</p>
      <div class="reminder-actions">
        ${reminder.entryId === null ? nothing : html`<button type="button" class="ju-button ju-button--secondary" part="button"
          @click=${(event: Event) => { open(reminder.entryId ?? '', event.currentTarget as HTMLElement); }}>${t('reminder.open')}</button>`}
        <button type="button" class="ju-button ju-button--quiet" part="button" data-reminder=${reminder.id}
          @click=${() => { dismiss(reminder.id); }}>${t('reminder.dismiss')}</button>
      </div>
    </li>`)}
  </ul>`;
}
