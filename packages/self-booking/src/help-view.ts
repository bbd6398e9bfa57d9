// "Jeg har brug for hjælp til at booke": what the citizen needs, sent to the caseworker instead of a dead end.
import { html, nothing, type TemplateResult } from 'lit';
import type { BookingTexts } from './booking-texts.js';
import { addLaterStrings } from './locales/later.js';
import { HELP_REASONS, type HelpReason } from './help-reasons.js';

addLaterStrings();


export interface HelpForm {
  reasons: HelpReason[];
  message: string;
  phone: string;
}

export interface HelpState {
  form: HelpForm;
  errors: { reasons?: string | undefined; phone?: string | undefined };
  busy: boolean;
}

export interface HelpActions {
  change(change: Partial<HelpForm>): void;
  send(): void;
  back(): void;
}

export function renderHelp(text: BookingTexts, state: HelpState, actions: HelpActions, message: TemplateResult | typeof nothing): TemplateResult {
  const { t } = text;
  const { form } = state;
  const reasonsError = state.errors.reasons;
  const phoneError = state.errors.phone;
  return html`
    <h3 id="help-heading" tabindex="-1">${t('help.heading')}</h3>
    <p>${t('help.intro')}</p>
    ${message}
    <form novalidate @submit=${(event: Event) => { event.preventDefault(); actions.send(); }}>
      <fieldset aria-describedby=${reasonsError === undefined ? nothing : 'help-reasons-error'}>
        <legend>${t('help.legend')}</legend>
        <p class="ju-error-text" id="help-reasons-error">${reasonsError ?? ''}</p>
        <div class="choices">
          ${HELP_REASONS.map((reason) => html`
            <label class="choice">
              <input type="checkbox" id=${`help-reason-${reason}`} .checked=${form.reasons.includes(reason)} aria-invalid=${reasonsError === undefined ? 'false' : 'true'}
                @change=${(event: Event) => {
                  const checked = (event.target as HTMLInputElement).checked;
                  actions.change({ reasons: checked ? [...form.reasons, reason] : form.reasons.filter((item) => item !== reason) });
                }} />
              <span>${t(`help.reason.${reason}`)}</span>
            </label>`)}
        </div>
      </fieldset>
      <div class="ju-field">
        <label class="ju-label" for="help-message">${t('help.messageLabel')} <span class="required">${t('questions.optional')}</span></label>
        <textarea class="ju-input" id="help-message" maxlength="1000" .value=${form.message}
          @input=${(event: Event) => { actions.change({ message: (event.target as HTMLTextAreaElement).value }); }}></textarea>
      </div>
      <div class="ju-field">
        <label class="ju-label" for="help-phone">${t('help.phoneLabel')} <span class="required">${t('questions.optional')}</span></label>
        <p class="ju-hint" id="help-phone-hint">${t('help.phoneHint')}</p>
        <p class="ju-error-text" id="help-phone-error">${phoneError ?? ''}</p>
        <input class="ju-input" id="help-phone" type="tel" autocomplete="tel" maxlength="40" .value=${form.phone}
          aria-invalid=${phoneError === undefined ? 'false' : 'true'} aria-describedby=${phoneError === undefined ? 'help-phone-hint' : 'help-phone-hint help-phone-error'}
          @input=${(event: Event) => { actions.change({ phone: (event.target as HTMLInputElement).value }); }} />
      </div>
      <div class="actions">
        <button class="ju-button" type="submit" ?disabled=${state.busy}>${t('help.send')}</button>
        <button class="ju-button ju-button--secondary" type="button" @click=${() => { actions.back(); }}>${t('action.back')}</button>
      </div>
    </form>
  `;
}
