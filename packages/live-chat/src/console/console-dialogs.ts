import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { ChatColleague } from '@jobunivers/contract';
import type { ConsoleContext } from './console-context.js';

export interface TransferState {
  to: 'colleague' | 'team';
  target: string;
  note: string;
  /** Field errors, shown after a send with the field empty. */
  missing: { target: boolean; note: boolean };
  problem: string;
  sending: boolean;
}

export interface TransferOptions {
  readonly state: TransferState;
  readonly citizenName: string;
  readonly colleagues: readonly ChatColleague[];
  readonly teams: readonly { id: string; name: string }[];
  /** A field changed: render. */
  changed(): void;
  submit(): void;
  cancel(): void;
}

export function newTransferState(): TransferState {
  return { to: 'colleague', target: '', note: '', missing: { target: false, note: false }, problem: '', sending: false };
}

/** "Mette, Team Ydelser – ledig, 1 af 3 chats": enough to choose someone with room. */
function colleagueLabel(context: ConsoleContext, colleague: ChatColleague, teams: TransferOptions['teams']): string {
  const team = teams.find((item) => item.id === colleague.teamId)?.name;
  return context.t('transfer.colleague-option', {
    name: team ? `${colleague.firstName}, ${team}` : colleague.firstName,
    presence: context.t(`presence.${colleague.presence}`),
    active: colleague.activeChats,
    max: colleague.maxChats,
  });
}

/** Hands the conversation to a colleague or back to a team's queue, always with a note for the receiver. */
export function renderTransferDialog(context: ConsoleContext, options: TransferOptions): TemplateResult {
  const { t } = context;
  const { state } = options;
  const choices = state.to === 'colleague'
    ? options.colleagues.map((colleague) => ({ id: colleague.id, label: colleagueLabel(context, colleague, options.teams) }))
    : options.teams.map((team) => ({ id: team.id, label: team.name }));
  const set = (change: Partial<TransferState>): void => {
    Object.assign(state, change);
    options.changed();
  };
  return html`
    <dialog id="transfer-dialog" class="cc-dialog" aria-labelledby="transfer-heading" part="dialog" @close=${options.cancel}>
      <form novalidate @submit=${(event: SubmitEvent) => { event.preventDefault(); options.submit(); }}>
        <h3 id="transfer-heading">${t('transfer.title', { name: options.citizenName })}</h3>
        ${state.problem ? html`<p class="ju-message ju-message--error" id="transfer-problem" role="alert" tabindex="-1">${state.problem}</p>` : nothing}
        <fieldset class="cc-choice">
          <legend class="ju-label">${t('transfer.to')}</legend>
          ${(['colleague', 'team'] as const).map((to) => html`<label>
            <input type="radio" name="transfer-to" value=${to} .checked=${live(state.to === to)} @change=${() => { set({ to, target: '' }); }} />
            ${t(`transfer.to-${to}`)}
          </label>`)}
        </fieldset>
        <div class="ju-field">
          <label class="ju-label" for="transfer-target">${t(`transfer.choose-${state.to}`)}</label>
          ${state.missing.target ? html`<p class="ju-error-text" id="transfer-target-error">${t(`transfer.missing-${state.to}`)}</p>` : nothing}
          <select
            class="ju-input"
            id="transfer-target"
            aria-invalid=${state.missing.target ? 'true' : 'false'}
            aria-describedby=${state.missing.target ? 'transfer-target-error' : nothing}
            @change=${(event: Event) => { set({ target: (event.target as HTMLSelectElement).value, missing: { ...state.missing, target: false } }); }}
          >
            <option value="" ?selected=${state.target === ''}>${t('transfer.choose')}</option>
            ${choices.map((choice) => html`<option value=${choice.id} ?selected=${state.target === choice.id}>${choice.label}</option>`)}
          </select>
        </div>
        <div class="ju-field">
          <label class="ju-label" for="transfer-note">${t('transfer.note')}</label>
          <p class="ju-hint" id="transfer-note-hint">${t('transfer.note-hint')}</p>
          ${state.missing.note ? html`<p class="ju-error-text" id="transfer-note-error">${t('transfer.missing-note')}</p>` : nothing}
          <textarea
            class="ju-input"
            id="transfer-note"
            maxlength="1000"
            aria-required="true"
            aria-invalid=${state.missing.note ? 'true' : 'false'}
            aria-describedby=${state.missing.note ? 'transfer-note-hint transfer-note-error' : 'transfer-note-hint'}
            .value=${live(state.note)}
            @input=${(event: Event) => { state.note = (event.target as HTMLTextAreaElement).value; }}
          ></textarea>
        </div>
        <div class="cc-actions">
          <button class="ju-button" type="submit" part="button" ?disabled=${state.sending}>${t('transfer.send')}</button>
          <button class="ju-button ju-button--secondary" type="button" part="button" @click=${options.cancel}>${t('action.cancel')}</button>
        </div>
      </form>
    </dialog>
  `;
}

/** "Afslut samtalen med Ahmed?": closing is final for the citizen, so it is confirmed. */
export function renderCloseDialog(context: ConsoleContext, citizenName: string, closing: boolean, confirm: () => void, cancel: () => void): TemplateResult {
  const { t } = context;
  return html`
    <dialog id="close-dialog" class="cc-dialog" aria-labelledby="close-heading" aria-describedby="close-text" part="dialog" @close=${cancel}>
      <h3 id="close-heading">${t('close.title', { name: citizenName })}</h3>
      <p id="close-text">${t('close.text')}</p>
      <div class="cc-actions">
        <button class="ju-button" type="button" part="button" id="close-confirm" ?disabled=${closing} @click=${confirm}>${t('close.confirm')}</button>
        <button class="ju-button ju-button--secondary" type="button" part="button" @click=${cancel}>${t('action.cancel')}</button>
      </div>
    </dialog>
  `;
}
