import { html, type TemplateResult } from 'lit';
import type { DeskApi } from './desk-api.js';
import { describeWhen, errorCode, type DeskContext } from './desk-context.js';
import { ReasonField } from './desk-reason-field.js';
import { SlotPicker } from './desk-slot-picker.js';
import { closeTaskButton, taskActions, TaskForm, taskProblem, taskSection, type TaskDone } from './desk-task.js';
import type { DeskBooking } from './types.js';

/** Moving a booking to another free time of the caseworker, with a reason the citizen reads. */
export class MoveForm extends TaskForm {
  readonly booking: DeskBooking;
  readonly reason: ReasonField;
  readonly slots: SlotPicker;
  slotError = '';

  constructor(context: DeskContext, booking: DeskBooking, done: TaskDone) {
    super(context, done);
    this.booking = booking;
    this.reason = new ReasonField(context, 'move');
    this.slots = new SlotPicker(context, 'move-slots');
    void this.slots.load(booking.citizen.id, booking.meetingType.id);
  }

  render(): TemplateResult {
    const { t } = this.context;
    const booking = this.booking;
    return taskSection(t('move.title', { name: booking.citizen.firstName }), html`
      <p>${t('move.now', { title: booking.meetingType.title, when: describeWhen(this.context, booking) })}</p>
      ${taskProblem(this.problem)}
      <form novalidate @submit=${this.onSubmit}>
        ${this.slots.render(this.slotError || undefined)}
        ${this.reason.render()}
        ${taskActions(this.submitting ? t('move.submitting') : t('move.submit'), this.submitting, closeTaskButton(t('action.cancel'), this.done))}
      </form>
    `);
  }

  protected async submit(api: DeskApi): Promise<void> {
    const context = this.context;
    const reason = this.reason.check();
    const slot = this.slots.selectedSlot;
    this.slotError = slot ? '' : context.t('slots.missing');
    if (!slot || !reason) {
      context.host.requestUpdate();
      context.focus(slot ? `#${this.reason.id}` : this.slots.firstControlSelector);
      return;
    }
    await this.send(async () => {
      const key = this.keys.for({ booking: this.booking.id, slot: slot.id, reason });
      const moved = await api.move(this.booking.id, slot.id, reason, key);
      context.emitBooking('ju-booking-rescheduled', moved.id);
      context.announce(context.t('move.done', { name: this.booking.citizen.firstName, when: describeWhen(context, moved) }));
      this.done(moved);
    }, (error) => {
      const code = errorCode(error);
      if (code === 'slot-unavailable') {
        this.slots.forgetTakenChoice();
        return context.t('move.slot-unavailable');
      }
      if (code === 'booking-cancelled') {
        context.changed('bookings');
        return context.t('move.booking-cancelled');
      }
      return context.describe(error);
    });
  }
}
