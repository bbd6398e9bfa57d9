import { html, nothing, type TemplateResult } from 'lit';
import { describeWhen, errorCode, IdempotencyKeys, type DeskContext } from './desk-context.js';
import { selectField, textField } from './desk-fields.js';
import { middayOf } from './dates.js';
import { REASON_MAX_LENGTH } from './desk-cancel-form.js';
import { SlotPicker } from './desk-slot-picker.js';
import type { DeskBooking, DeskBookingCreate, DeskCitizen, MeetingType } from './types.js';

/** Booking a meeting on behalf of one of the caseworker's citizens. */
export class BookForm {
  readonly #context: DeskContext;
  readonly #done: (changed: DeskBooking | undefined) => void;
  readonly #keys = new IdempotencyKeys();
  readonly slots: SlotPicker;
  status: 'loading' | 'ready' | 'error' = 'loading';
  loadError = '';
  citizens: DeskCitizen[] = [];
  meetingTypes: MeetingType[] = [];
  citizenId: string;
  meetingTypeId: string;
  note = '';
  errors: { citizen?: string; meetingType?: string; slot?: string } = {};
  problem = '';
  submitting = false;

  constructor(context: DeskContext, done: (changed: DeskBooking | undefined) => void, preset: { citizenId?: string; meetingTypeId?: string } = {}) {
    this.#context = context;
    this.#done = done;
    this.citizenId = preset.citizenId ?? '';
    this.meetingTypeId = preset.meetingTypeId ?? '';
    this.slots = new SlotPicker(context, 'book-slots');
    void this.load();
  }

  async load(): Promise<void> {
    const context = this.#context;
    const api = context.api;
    if (!api) return;
    this.status = 'loading';
    context.host.requestUpdate();
    try {
      [this.citizens, this.meetingTypes] = await Promise.all([api.citizens(), context.meetingTypes()]);
      if (!this.citizens.some((citizen) => citizen.id === this.citizenId)) this.citizenId = '';
      if (!this.meetingTypes.some((type) => type.id === this.meetingTypeId)) this.meetingTypeId = '';
      this.status = 'ready';
      this.#loadSlots();
    } catch (error) {
      this.status = 'error';
      this.loadError = context.describe(error);
      context.failed(error);
    }
    context.host.requestUpdate();
  }

  render(): TemplateResult {
    const { t } = this.#context;
    return html`
      <section class="desk-task" part="task" aria-labelledby="task-heading">
        <h3 id="task-heading" tabindex="-1">${t('book.title')}</h3>
        ${this.#renderBody()}
      </section>
    `;
  }

  #renderBody(): TemplateResult {
    const { t, format } = this.#context;
    const back = html`<button class="ju-button ju-button--secondary" type="button" id="task-close" part="button" @click=${() => { this.#done(undefined); }}>
      ${t('action.cancel')}
    </button>`;
    if (this.status === 'loading') return html`<p class="desk-loading" role="status">${t('state.loading')}</p>`;
    if (this.status === 'error') {
      return html`
        <div class="ju-message ju-message--error" role="alert"><p>${this.loadError}</p></div>
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
      ${this.problem ? html`<p class="ju-message ju-message--error" id="task-problem" role="alert" tabindex="-1">${this.problem}</p>` : nothing}
      <form novalidate @submit=${(event: SubmitEvent) => void this.#submit(event)}>
        ${selectField({
          id: 'book-citizen',
          label: t('book.citizen'),
          value: this.citizenId,
          placeholder: t('book.choose'),
          options: this.citizens.map((item) => ({ value: item.id, label: item.firstName })),
          hint: citizen?.deadline ? t('book.deadline', { date: format.date(middayOf(citizen.deadline), { day: 'numeric', month: 'long', year: 'numeric' }) }) : undefined,
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
        <div class="desk-actions">
          <button class="ju-button" type="submit" part="button" ?disabled=${this.submitting}>
            ${this.submitting ? t('book.submitting') : t('book.submit')}
          </button>
          ${back}
        </div>
      </form>
    `;
  }

  #loadSlots(): void {
    if (this.citizenId && this.meetingTypeId) void this.slots.load(this.citizenId, this.meetingTypeId);
    else this.slots.clear();
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const context = this.#context;
    const api = context.api;
    if (this.submitting || !api) return;
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
    this.submitting = true;
    this.problem = '';
    context.host.requestUpdate();
    const body: DeskBookingCreate = { citizenId: this.citizenId, meetingTypeId: this.meetingTypeId, slotId: slot.id };
    const note = this.note.trim();
    if (note) body.note = note;
    try {
      const booked = await api.book(body, this.#keys.for(body));
      context.emitBooking('ju-booking-confirmed', booked.id);
      context.announce(context.t('book.done', { name: booked.citizen.firstName, when: describeWhen(context, booked) }));
      this.#done(booked);
    } catch (error) {
      context.failed(error);
      if (errorCode(error) === 'slot-unavailable') {
        this.problem = context.t('move.slot-unavailable');
        this.slots.selected = '';
        void this.slots.reload();
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
