import { html, type TemplateResult } from 'lit';
import type { DeskApi } from './desk-api.js';
import { describeWhen, errorCode, type DeskContext } from './desk-context.js';
import { selectField, textField } from './desk-fields.js';
import { dateInstant } from '../dates.js';
import { loadingMessage } from './desk-messages.js';
import { REASON_MAX_LENGTH } from './desk-reason-field.js';
import { SlotPicker } from './desk-slot-picker.js';
import { closeTaskButton, taskActions, TaskForm, taskProblem, taskSection, type TaskDone } from './desk-task.js';
import { ViewLoader } from './desk-view-loader.js';
import type { DeskBookingCreate, DeskCitizen, MeetingType } from './types.js';

/** Booking a meeting on behalf of one of the caseworker's citizens. */
export class BookForm extends TaskForm {
  readonly slots: SlotPicker;
  readonly loader: ViewLoader;
  citizens: DeskCitizen[] = [];
  meetingTypes: MeetingType[] = [];
  citizenId: string;
  meetingTypeId: string;
  note = '';
  errors: { citizen?: string; meetingType?: string; slot?: string } = {};

  constructor(context: DeskContext, done: TaskDone, preset: { citizenId?: string; meetingTypeId?: string } = {}) {
    super(context, done);
    this.citizenId = preset.citizenId ?? '';
    this.meetingTypeId = preset.meetingTypeId ?? '';
    this.slots = new SlotPicker(context, 'book-slots');
    this.loader = new ViewLoader(context);
    void this.load();
  }

  load(): Promise<void> {
    return this.loader.load(
      (api) => Promise.all([api.citizens(), this.context.meetingTypes()]),
      ([citizens, meetingTypes]) => {
        this.citizens = citizens;
        this.meetingTypes = meetingTypes;
        if (!citizens.some((citizen) => citizen.id === this.citizenId)) this.citizenId = '';
        if (!meetingTypes.some((type) => type.id === this.meetingTypeId)) this.meetingTypeId = '';
        this.#loadSlots();
      },
    );
  }

  render(): TemplateResult {
    return taskSection(this.context.t('book.title'), this.#renderBody());
  }

  #renderBody(): TemplateResult {
    const { t, format } = this.context;
    const back = closeTaskButton(t('action.cancel'), this.done);
    if (this.loader.status === 'loading') return loadingMessage(t('state.loading'));
    if (this.loader.status === 'error') {
      return html`
        <div class="ju-message ju-message--error" role="alert"><p>${this.loader.error}</p></div>
        <div class="desk-actions">
          <button class="ju-button" type="button" @click=${() => void this.load()}>${t('action.retry')}</button> ${back}
        </div>
      `;
    }
    if (this.citizens.length === 0) {
      return html`<p class="ju-message">${t('book.no-citizens')}</p><div class="desk-actions">${back}</div>`;
    }
    const citizen = this.citizens.find((item) => item.id === this.citizenId);
    return html`
      ${taskProblem(this.problem)}
      <form novalidate @submit=${this.onSubmit}>
        ${selectField({
          id: 'book-citizen',
          label: t('book.citizen'),
          value: this.citizenId,
          placeholder: t('book.choose'),
          options: this.citizens.map((item) => ({ value: item.id, label: item.firstName })),
          hint: citizen?.deadline ? t('book.deadline', { date: format.date(dateInstant(citizen.deadline), { day: 'numeric', month: 'long', year: 'numeric' }) }) : undefined,
          error: this.errors.citizen,
          onChange: (value) => {
            this.citizenId = value;
            this.errors = { ...this.errors, citizen: undefined };
            this.#loadSlots();
          },
        })}
        ${selectField({
          id: 'book-type',
          label: t('book.meeting-type'),
          value: this.meetingTypeId,
          placeholder: t('book.choose'),
          options: this.meetingTypes.map((type) => ({ value: type.id, label: t('meeting-type.option', { title: type.title, minutes: type.durationMinutes }) })),
          error: this.errors.meetingType,
          onChange: (value) => {
            this.meetingTypeId = value;
            this.errors = { ...this.errors, meetingType: undefined };
            this.#loadSlots();
          },
        })}
        ${this.citizenId && this.meetingTypeId ? this.slots.render(this.errors.slot) : html`<p class="ju-hint">${t('book.choose-first')}</p>`}
        ${textField({
          id: 'book-note',
          label: t('book.note'),
          hint: t('book.note-hint'),
          value: this.note,
          multiline: true,
          maxLength: REASON_MAX_LENGTH,
          onInput: (value) => { this.note = value; },
        })}
        ${taskActions(this.submitting ? t('book.submitting') : t('book.submit'), this.submitting, back)}
      </form>
    `;
  }

  #loadSlots(): void {
    if (this.citizenId && this.meetingTypeId) void this.slots.load(this.citizenId, this.meetingTypeId);
    else this.slots.clear();
  }

  protected async submit(api: DeskApi): Promise<void> {
    const context = this.context;
    const slot = this.slots.selectedSlot;
    this.errors = {
      citizen: this.citizenId ? undefined : context.t('book.citizen-missing'),
      meetingType: this.meetingTypeId ? undefined : context.t('book.meeting-type-missing'),
      slot: this.citizenId && this.meetingTypeId && !slot ? context.t('slots.missing') : undefined,
    };
    const firstInvalid = this.errors.citizen ? '#book-citizen' : this.errors.meetingType ? '#book-type' : this.errors.slot ? this.slots.firstControlSelector : '';
    if (firstInvalid || !slot) {
      context.host.requestUpdate();
      context.focus(firstInvalid || '#book-citizen');
      return;
    }
    const body: DeskBookingCreate = { citizenId: this.citizenId, meetingTypeId: this.meetingTypeId, slotId: slot.id };
    const note = this.note.trim();
    if (note) body.note = note;
    await this.send(async () => {
      const booked = await api.book(body, this.keys.for(body));
      context.emitBooking('ju-booking-confirmed', booked.id);
      context.announce(context.t('book.done', { name: booked.citizen.firstName, when: describeWhen(context, booked) }));
      this.done(booked);
    }, (error) => {
      if (errorCode(error) !== 'slot-unavailable') return context.describe(error);
      this.slots.forgetTakenChoice();
      return context.t('move.slot-unavailable');
    });
  }
}
