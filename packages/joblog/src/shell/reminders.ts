import { html, nothing, type TemplateResult } from 'lit';
import type { Reminder } from '../model/reminders.js';
import type { Translate } from './shell-host.js';

/** Reminders shown before "Vis alle påmindelser": enough to act on today, few enough to keep the joblog in view. */
export const REMINDERS_SHOWN = 3;

export interface ReminderActions {
  open: (entryId: string, opener: HTMLElement) => void;
  dismiss: (id: string) => void;
  /** Shows every reminder, or only the first few again. */
  toggleAll: () => void;
}

/** The reminders, most urgent first, each dismissable (dismissals are remembered by id, never by text). */
export function renderReminders(t: Translate, reminders: readonly Reminder[], showAll: boolean, actions: ReminderActions): TemplateResult | typeof nothing {
  if (reminders.length === 0) return nothing;
  const shown = showAll ? reminders : reminders.slice(0, REMINDERS_SHOWN);
  return html`<ul class="reminders" part="reminders" id="jl-reminders" aria-label=${t('reminder.label')}>
    ${shown.map((reminder, index) => html`<li class="reminder" part="reminder" id=${`jl-reminder-${String(index)}`}>
      <p>${t(reminder.key, reminder.params)}</p>
      <div class="reminder-actions">
        ${reminder.entryId === null ? nothing : html`<button type="button" class="ju-button ju-button--secondary" part="button"
          @click=${(event: Event) => { actions.open(reminder.entryId ?? '', event.currentTarget as HTMLElement); }}>${t('reminder.open')}</button>`}
        <button type="button" class="ju-button ju-button--quiet" part="button" data-reminder=${reminder.id}
          @click=${() => { actions.dismiss(reminder.id); }}>${t('reminder.dismiss')}</button>
      </div>
    </li>`)}
  </ul>
  ${reminders.length <= REMINDERS_SHOWN ? nothing : html`<button type="button" id="jl-reminders-all" class="ju-button ju-button--quiet" part="button"
    aria-controls="jl-reminders" aria-expanded=${showAll ? 'true' : 'false'} @click=${actions.toggleAll}>
    ${showAll ? t('reminder.showFewer') : t('reminder.showAll', { count: reminders.length })}</button>`}`;
}
