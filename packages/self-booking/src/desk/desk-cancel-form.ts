import { html, type TemplateResult } from 'lit';
import type { DeskApi } from './desk-api.js';
import { describeWhen, type DeskContext } from './desk-context.js';
import { ReasonField } from './desk-reason-field.js';
import { closeTaskButton, taskActions, TaskForm, taskProblem, taskSection, type TaskDone } from './desk-task.js';
import type { DeskBooking } from './types.js';

/** Cancelling a booking from the desk: the reason is required, because the citizen reads it. */
export class CancelForm extends TaskForm {
  readonly booking: DeskBooking;
  readonly reason: ReasonField;

  constructor(context: DeskContext, booking: DeskBooking, done: TaskDone) {
    super(context, done);
    this.booking = booking;
    this.reason = new ReasonField(context, 'cancel');
  }

  render(): TemplateResult {
    const { t } = this.context;
    const booking = this.booking;
    return taskSection(t('cancel.title', { name: booking.citizen.firstName }), html`
      <p>${booking.meetingType.title} · ${describeWhen(this.context, booking)}</p>
      ${taskProblem(this.problem)}
      <form novalidate @submit=${this.onSubmit}>
        ${this.reason.render()}
        ${taskActions(this.submitting ? t('cancel.submitting') : t('cancel.submit'), this.submitting, closeTaskButton(t('cancel.keep'), this.done))}
      </form>
    `);
  }

  protected async submit(api: DeskApi): Promise<void> {
    const context = this.context;
    const reason = this.reason.check();
    if (!reason) {
      context.host.requestUpdate();
      context.focus(`#${this.reason.id}`);
      return;
    }
    await this.send(async () => {
      const key = this.keys.for({ booking: this.booking.id, reason });
      const cancelled = await api.cancel(this.booking.id, reason, key);
      context.emitBooking('ju-booking-cancelled', cancelled.id);
      context.announce(context.t('cancel.done', { name: this.booking.citizen.firstName }));
      this.done(cancelled);
    }, (error) => context.describe(error));
  }
}
