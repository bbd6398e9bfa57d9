import { html, nothing, type TemplateResult } from 'lit';
import { describeWhen, errorCode, IdempotencyKeys, type DeskContext } from './desk-context.js';
import { textField } from './desk-fields.js';
import { REASON_MAX_LENGTH } from './desk-cancel-form.js';
import { SlotPicker } from './desk-slot-picker.js';
import type { DeskBooking } from './types.js';

/** Moving a booking to another free time of the caseworker, with a reason the citizen reads. */
export class MoveForm {
  readonly booking: DeskBooking;
  readonly #context: DeskContext;
  readonly #done: (changed: DeskBooking | undefined) => void;
  readonly #keys = new IdempotencyKeys();
  readonly slots: SlotPicker;
  reason = '';
  reasonError = '';
  slotError = '';
  problem = '';
  submitting = false;

  constructor(context: DeskContext, booking: DeskBooking, done: (changed: DeskBooking | undefined) => void) {
    this.#context = context;
    this.booking = booking;
    this.#done = done;
    this.slots = new SlotPicker(context, 'move-slots');
    void this.slots.load(booking.citizen.id, booking.meetingType.id);
  }

  render(): TemplateResult {
    const { t } = this.#context;
    const booking = this.booking;
    return html`
      <section class="desk-task" part="task" aria-labelledby="task-heading">
        <h3 id="task-heading" tabindex="-1">${t('move.title', { name: booking.citizen.firstName })}</h3>
        <p>${t('move.now', { title: booking.meetingType.title, when: describeWhen(this.#context, booking) })}</p>
        ${this.problem ? html`<p class="ju-message ju-message--error" id="task-problem" role="alert" tabindex="-1">${this.problem}</p>` : nothing}
        <form novalidate @submit=${(event: SubmitEvent) => void this.#submit(event)}>
          ${this.slots.render(this.slotError || undefined)}
          ${textField({
            id: 'move-reason',
            label: t('move.reason'),
            hint: t('move.reason-hint'),
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
              ${this.submitting ? t('move.submitting') : t('move.submit')}
            </button>
            <button class="ju-button ju-button--secondary" type="button" id="task-close" part="button" @click=${() => { this.#done(undefined); }}>
              ${t('action.cancel')}
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
    const slot = this.slots.selectedSlot;
    this.slotError = slot ? '' : context.t('slots.missing');
    this.reasonError = reason ? '' : context.t('move.reason-missing');
    if (!slot || !reason) {
      context.host.requestUpdate();
      context.focus(slot ? '#move-reason' : this.slots.firstControlSelector);
      return;
    }
    this.submitting = true;
    this.problem = '';
    context.host.requestUpdate();
    try {
      const key = this.#keys.for({ booking: this.booking.id, slot: slot.id, reason });
      const moved = await api.move(this.booking.id, slot.id, reason, key);
      context.emitBooking('ju-booking-rescheduled', moved.id);
      context.announce(context.t('move.done', { name: this.booking.citizen.firstName, when: describeWhen(context, moved) }));
      this.#done(moved);
    } catch (error) {
      context.failed(error);
      const code = errorCode(error);
      if (code === 'slot-unavailable') {
        this.problem = context.t('move.slot-unavailable');
        this.slots.selected = '';
        void this.slots.reload();
      } else if (code === 'booking-cancelled') {
        this.problem = context.t('move.booking-cancelled');
        context.changed('bookings');
      } else {
        this.problem = context.describe(error);
      }
      context.focus('#task-problem');
    } finally {
      this.submitting = false;
      context.host.requestUpdate();
    }
  }
}
