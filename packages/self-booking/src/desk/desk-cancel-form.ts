import { html, nothing, type TemplateResult } from 'lit';
import { describeWhen, IdempotencyKeys, type DeskContext } from './desk-context.js';
import { textField } from './desk-fields.js';
import type { DeskBooking } from './types.js';

export const REASON_MAX_LENGTH = 500;

/** Cancelling a booking from the desk: the reason is required, because the citizen reads it. */
export class CancelForm {
  readonly booking: DeskBooking;
  readonly #context: DeskContext;
  readonly #done: (changed: DeskBooking | undefined) => void;
  readonly #keys = new IdempotencyKeys();
  reason = '';
  reasonError = '';
  problem = '';
  submitting = false;

  constructor(context: DeskContext, booking: DeskBooking, done: (changed: DeskBooking | undefined) => void) {
    this.#context = context;
    this.booking = booking;
    this.#done = done;
  }

  render(): TemplateResult {
    const { t } = this.#context;
    const booking = this.booking;
    return html`
      <section class="desk-task" part="task" aria-labelledby="task-heading">
        <h3 id="task-heading" tabindex="-1">${t('cancel.title', { name: booking.citizen.firstName })}</h3>
        <p>${booking.meetingType.title} · ${describeWhen(this.#context, booking)}</p>
        ${this.problem ? html`<p class="ju-message ju-message--error" id="task-problem" role="alert" tabindex="-1">${this.problem}</p>` : nothing}
        <form novalidate @submit=${(event: SubmitEvent) => void this.#submit(event)}>
          ${textField({
            id: 'cancel-reason',
            label: t('cancel.reason'),
            hint: t('cancel.reason-hint'),
            error: this.reasonError || undefined,
            value: this.reason,
            required: true,
            multiline: true,
            maxLength: REASON_MAX_LENGTH,
            onInput: (value) => {
              this.reason = value;
              if (this.reasonError && value.trim()) this.reasonError = '';
              this.#context.host.requestUpdate();
            },
          })}
          <div class="desk-actions">
            <button class="ju-button" type="submit" part="button" ?disabled=${this.submitting}>
              ${this.submitting ? t('cancel.submitting') : t('cancel.submit')}
            </button>
            <button class="ju-button ju-button--secondary" type="button" id="task-close" part="button" @click=${() => { this.#done(undefined); }}>
              ${t('cancel.keep')}
            </button>
          </div>
        </form>
      </section>
    `;
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const context = this.#context;
    const api = context.api;
    if (this.submitting || !api) return;
    const reason = this.reason.trim();
    if (!reason) {
      this.reasonError = context.t('cancel.reason-missing');
      context.host.requestUpdate();
      context.focus('#cancel-reason');
      return;
    }
    this.submitting = true;
    this.problem = '';
    context.host.requestUpdate();
    try {
      const key = this.#keys.for({ booking: this.booking.id, reason });
      const cancelled = await api.cancel(this.booking.id, reason, key);
      context.emitBooking('ju-booking-cancelled', cancelled.id);
      context.announce(context.t('cancel.done', { name: this.booking.citizen.firstName }));
      this.#done(cancelled);
    } catch (error) {
      this.problem = context.describe(error);
      context.failed(error);
      context.focus('#task-problem');
    } finally {
      this.submitting = false;
      context.host.requestUpdate();
    }
  }
}
