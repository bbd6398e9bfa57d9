import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { ChatConsole, ChatPresence } from '@jobunivers/contract';
import type { ConsoleContext } from './console-context.js';

/** The contract's upper limit for concurrent chats. */
const MAX_CHATS = 10;

/** Available or away, and how many chats at once; each change is saved at once. */
export function renderPresence(context: ConsoleContext, data: ChatConsole, problem: string, save: (presence: ChatPresence, maxChats: number) => void): TemplateResult {
  const { t } = context;
  return html`
    <div class="cc-presence" part="presence">
      <fieldset class="cc-choice">
        <legend class="ju-label">${t('presence.label')}</legend>
        ${(['available', 'away'] as const).map((presence) => html`<label>
          <input type="radio" name="presence" value=${presence} .checked=${live(data.presence === presence)} @change=${() => { save(presence, data.maxChats); }} />
          ${t(`presence.${presence}`)}
        </label>`)}
      </fieldset>
      <div class="ju-field">
        <label class="ju-label" for="max-chats">${t('presence.max-chats')}</label>
        <select class="ju-input" id="max-chats" @change=${(event: Event) => { save(data.presence, Number((event.target as HTMLSelectElement).value)); }}>
          ${Array.from({ length: MAX_CHATS }, (_, index) => index + 1).map((count) => html`<option value=${count} ?selected=${count === data.maxChats}>${count}</option>`)}
        </select>
      </div>
      ${problem ? html`<p class="ju-error-text" role="alert">${problem}</p>` : nothing}
    </div>
  `;
}
