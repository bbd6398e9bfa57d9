import { html, nothing, type TemplateResult } from 'lit';
import { capitalize, type DeskContext } from './desk-context.js';
import type { VersionedAvailability } from './desk-api.js';
import { selectField, textField } from './desk-fields.js';
import { problemMessage } from './desk-messages.js';
import { dateInstant, isLocalDate, today } from '../dates.js';
import { EXCEPTION_KINDS, type AvailabilityException, type ExceptionKind } from './types.js';

const NOTE_MAX_LENGTH = 200;

/** Closed days: the list of upcoming ones, and a small form to close one more. */
export class ExceptionsEditor {
  readonly #context: DeskContext;
  readonly #exceptions: () => readonly AvailabilityException[];
  readonly #changed: (result: VersionedAvailability) => void;
  date = '';
  kind: ExceptionKind = 'holiday';
  note = '';
  dateError = '';
  problem = '';
  busy = false;

  constructor(context: DeskContext, exceptions: () => readonly AvailabilityException[], changed: (result: VersionedAvailability) => void) {
    this.#context = context;
    this.#exceptions = exceptions;
    this.#changed = changed;
  }

  render(): TemplateResult {
    const { t, format } = this.#context;
    const exceptions = this.#exceptions();
    return html`
      <section class="desk-section" aria-labelledby="exceptions-heading" part="exceptions">
        <h3 id="exceptions-heading" tabindex="-1">${t('exceptions.title')}</h3>
        <p class="ju-hint">${t('exceptions.intro')}</p>
        ${problemMessage('exceptions-problem', this.problem)}
        ${exceptions.length === 0
          ? html`<p>${t('exceptions.none')}</p>`
          : html`<ul class="desk-list">
              ${exceptions.map((exception) => {
                const day = capitalize(format.date(dateInstant(exception.date), { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }), format.locale);
                return html`<li class="desk-list__item" part="exception">
                  <p><strong>${day}</strong> · ${t(`exception.kind.${exception.kind}`)}${exception.note ? html` · ${exception.note}` : nothing}</p>
                  <button class="ju-button ju-button--secondary" type="button" part="button" ?disabled=${this.busy} @click=${() => void this.#reopen(exception.date)}>
                    ${t('exceptions.reopen')}<span class="ju-visually-hidden"> ${day}</span>
                  </button>
                </li>`;
              })}
            </ul>`}
        <form novalidate class="desk-subform" @submit=${(event: SubmitEvent) => void this.#close(event)}>
          <h4>${t('exceptions.add-title')}</h4>
          ${textField({
            id: 'exception-date',
            label: t('exceptions.date'),
            type: 'date',
            min: today(),
            value: this.date,
            required: true,
            error: this.dateError || undefined,
            onInput: (value) => { this.date = value; },
          })}
          ${selectField({
            id: 'exception-kind',
            label: t('exceptions.kind'),
            value: this.kind,
            options: EXCEPTION_KINDS.map((kind) => ({ value: kind, label: t(`exception.kind.${kind}`) })),
            onChange: (value) => { this.kind = EXCEPTION_KINDS.find((kind) => kind === value) ?? 'other'; },
          })}
          ${textField({
            id: 'exception-note',
            label: t('exceptions.note'),
            hint: t('exceptions.note-hint'),
            value: this.note,
            maxLength: NOTE_MAX_LENGTH,
            onInput: (value) => { this.note = value; },
          })}
          <button class="ju-button" type="submit" part="button" ?disabled=${this.busy}>${t('exceptions.submit')}</button>
        </form>
      </section>
    `;
  }

  #dayName(date: string): string {
    const { format } = this.#context;
    return capitalize(format.date(dateInstant(date), { weekday: 'long', day: 'numeric', month: 'long' }), format.locale);
  }

  async #close(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const context = this.#context;
    const api = context.api;
    if (this.busy || !api) return;
    const date = this.date.trim();
    this.dateError = !isLocalDate(date) ? context.t('exceptions.date-missing') : date < today() ? context.t('exceptions.date-past') : '';
    if (this.dateError) {
      context.host.requestUpdate();
      context.focus('#exception-date');
      return;
    }
    await this.#run(() => api.closeDay(date, this.kind, this.note.trim()), () => {
      context.announce(context.t('exceptions.closed', { date: this.#dayName(date) }));
      this.date = '';
      this.note = '';
      context.focus('#exception-date');
    });
  }

  async #reopen(date: string): Promise<void> {
    const context = this.#context;
    const api = context.api;
    if (this.busy || !api) return;
    await this.#run(() => api.reopenDay(date), () => {
      context.announce(context.t('exceptions.reopened', { date: this.#dayName(date) }));
      context.focus('#exceptions-heading');
    });
  }

  async #run(call: () => Promise<VersionedAvailability>, after: () => void): Promise<void> {
    const context = this.#context;
    this.busy = true;
    this.problem = '';
    context.host.requestUpdate();
    try {
      this.#changed(await call());
      after();
      context.changed('availability');
    } catch (error) {
      this.problem = context.describe(error);
      context.failed(error);
      context.focus('#exceptions-problem');
    } finally {
      this.busy = false;
      context.host.requestUpdate();
    }
  }
}
