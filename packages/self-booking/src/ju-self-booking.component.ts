import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ApiError, JuElement, readerTimeZoneDiffers, sharedStyles } from '@jobunivers/core';
import { BookingApi, type Answer, type Booking, type Hold, type MeetingType, type NoFreeTimeReceipt, type Slot } from './booking-api.js';
import {
  addMonths, dateAfterKey, firstOfMonth, isLocalDate, lastOfMonth, localDateOf, monthOf,
  type LocalDate, type MonthKey,
} from './dates.js';
import { DraftStore, type BookingDraft, type CachedContact } from './draft-store.js';
import { BookingTexts } from './booking-texts.js';
import { renderConfirm, renderDone } from './confirm-view.js';
import { emptyMonthText, renderCalendar, renderDayList } from './calendar-view.js';
import { renderDeadlineNote, renderOutage, renderTypeChoice } from './choose-view.js';
import { HELP_REASONS } from './help-reasons.js';
import type { HelpForm, HelpState } from './help-view.js';
import { HoldCountdown } from './hold-countdown.js';
import { RefreshOnReturn } from '@jobunivers/core/refresh-on-return';
import { LazyView } from './lazy-view.js';
import { SELF_BOOKING_NAMESPACE } from './locales/register.js';
import { selfBookingStyles } from './self-booking.styles.js';
import { SlotIndex } from './slot-index.js';

/** The steps of booking; `mine` is the "my meetings" tab. */
export type SelfBookingView = 'book' | 'mine';
type Step = 'loading' | 'outage' | 'choose' | 'details' | 'done' | 'help' | 'help-sent';

/** How far ahead the calendar goes (the contract reports `nextAvailable` within 6 months). */
const MONTHS_AHEAD = 6;
/** Slots are fetched again on focus at most this often. */
const REFRESH_INTERVAL_MS = 15_000;

/**
 * Citizens book, reschedule and cancel meetings with the job centre: choose how to meet, pick a free time in a
 * month calendar (a WAI-ARIA date grid) and a day list, hold it for a few minutes, answer the job centre's
 * questions and confirm. "My meetings" lists upcoming bookings with a calendar file, reschedule and cancel.
 * When the citizen has a deadline and no time is free before it, the widget issues a dated receipt; when the
 * server cannot be reached it shows the job centre's phone number. Nothing typed is lost on reload.
 *
 * @tagname ju-self-booking
 * @summary Self-booking of job-centre meetings, with "my meetings", reschedule and cancel.
 *
 * @attr api - Base URL of the Jobunivers API (or set it on a surrounding `<ju-provider>`).
 * @attr theme - `light`, `dark`, `contrast` or `auto`; inherited from `<ju-provider>` when not set.
 *
 * @csspart calendar - The month grid (a `<table role="grid">`).
 * @csspart day-list - The list of free times of the chosen day.
 * @csspart summary - The summary of the held or booked time.
 * @csspart meetings - The list of the citizen's meetings.
 *
 * @cssprop --ju-color-primary - Buttons, the chosen day and the chosen meeting type.
 * @cssprop --ju-color-info-surface - Days with free times.
 * @cssprop --ju-color-warning-surface - Days after the citizen's deadline.
 * @cssprop --ju-target-size - Smallest size of every button and day (default 44px).
 *
 * @fires ju-booking-held - A time is held for the citizen. Detail: `{ holdId, slotId, meetingTypeId, expiresAt }`.
 * @fires ju-booking-hold-expired - The hold ran out before it was confirmed. Detail: `{ holdId }`.
 * @fires ju-booking-confirmed - The booking is made. Detail: `{ bookingId }`.
 * @fires ju-booking-rescheduled - A booking moved to a new time. Detail: `{ bookingId }`.
 * @fires ju-booking-cancelled - A booking was cancelled. Detail: `{ bookingId }`.
 * @fires ju-booking-error - A call failed. Detail: `{ code, action }`.
 * @fires ju-auth-required - The server wants a (new) citizen token. Cancelable; see `<ju-provider>`.
 */
export class JuSelfBooking extends JuElement {
  static override namespace = SELF_BOOKING_NAMESPACE;
  static override styles = [sharedStyles, selfBookingStyles];

  /** Offer only this meeting type (its id from the server), e.g. when the letter says "phone meeting". */
  @property({ attribute: 'meeting-type' }) meetingType?: string;

  /**
   * The last date (`YYYY-MM-DD`, Copenhagen) the citizen should book by, when the host knows it. A deadline the
   * job centre set on the server for this citizen wins.
   */
  @property() deadline?: string;

  /** Which tab shows first: `book` (default) or `mine` ("my meetings"). */
  @property({ reflect: true }) view: SelfBookingView = 'book';

  @state() private step: Step = 'loading';
  @state() private meetingTypes: MeetingType[] = [];
  @state() private selectedTypeId: string | undefined;
  @state() private month: MonthKey = monthOf(localDateOf(Date.now()));
  @state() private focusDate: LocalDate = localDateOf(Date.now());
  @state() private selectedDate: LocalDate | undefined;
  @state() private monthLoading = false;
  @state() private showAfterDeadline = false;
  @state() private hold: (Hold & { meetingTypeId: string }) | undefined;
  @state() private answers: Record<string, string> = {};
  @state() private answerErrors: Partial<Record<string, string>> = {};
  @state() private busy = false;
  @state() private message: { kind: 'error' | 'success' | 'info'; text: string } | undefined;
  @state() private booked: Booking | undefined;
  @state() private bookedWasMove = false;
  @state() private rescheduling: Booking | undefined;
  @state() private meetings: Booking[] | undefined;
  @state() private meetingsCursor: string | null = null;
  @state() private meetingsError: string | undefined;
  @state() private cancelling: { bookingId: string; reason: string } | undefined;
  @state() private receipt: NoFreeTimeReceipt | undefined;
  @state() private help: HelpForm = { reasons: [], message: '', phone: '' };
  @state() private helpErrors: HelpState['errors'] = {};
  @state() private contact: CachedContact | undefined;
  @state() private outageText: string | undefined;

  readonly #slots = new SlotIndex();
  // Steps that need the server anyway load their views on first use: the first load stays small.
  readonly #meetingsView = new LazyView(this, () => import('./meetings-view.js'));
  readonly #helpView = new LazyView(this, () => import('./help-view.js'));
  /** The citizen's event stream, opened with "my meetings": a change the job centre makes shows at once. */
  #bookingEvents: { restart(): void } | undefined;
  readonly #countdown = new HoldCountdown(this, {
    onMinuteLeft: () => { this.announcer.announce(this.t('hold.minuteLeft')); },
    onExpire: () => { this.#holdExpired(); },
  });
  #draft: BookingDraft = { answers: {} };
  #store: DraftStore | undefined;
  #storeScope: string | undefined;
  #started = false;
  #startedWith: string | undefined;
  #monthRequest: AbortController | undefined;
  #focusTarget: string | undefined;
  #helpKey: string | undefined;
  #cancelKey: string | undefined;
  #receiptKey: string | undefined;

  readonly #refreshOnReturn = new RefreshOnReturn(this, () => { void this.refresh(); }, REFRESH_INTERVAL_MS);

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#monthRequest?.abort();
    void this.#store?.flush();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const client = this.apiClient;
    const scope = client?.baseUrl.href;
    if (scope !== undefined && scope !== this.#storeScope) {
      this.#storeScope = scope;
      this.#store = new DraftStore(scope);
      this.#started = false;
    }
    const token = this.effectiveToken;
    if (token !== this.#startedWith) {
      // Signed in (or as someone else): start over with what this citizen may see.
      this.#startedWith = token;
      this.#started = false;
      this.meetings = undefined;
      this.#bookingEvents?.restart();
    }
    if (this.view === 'mine') this.#meetingsView.ensure();
    const meetingsView = this.#meetingsView.module;
    if (this.view === 'mine' && meetingsView !== undefined && this.#bookingEvents === undefined) {
      this.#bookingEvents = new meetingsView.EventStream(this, {
        url: () => this.apiClient?.url('v1/events'),
        token: () => this.effectiveToken,
        onEvent: (type) => { if (type === undefined || type === 'booking.changed') void this.#loadMeetings(); },
      });
    }
    if (this.step === 'help') this.#helpView.ensure();
    if (client !== undefined && token !== undefined && !this.#started) {
      this.#started = true;
      void this.#start();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.#focusTarget !== undefined) {
      const target = this.renderRoot.querySelector<HTMLElement>(this.#focusTarget);
      // A view still loading gets focus when it arrives.
      if (target === null && (this.#meetingsView.loading || this.#helpView.loading)) return;
      this.#focusTarget = undefined;
      target?.focus();
    }
  }

  /** Fetches meeting types, free times and meetings again (also done when the page regains focus). */
  async refresh(): Promise<void> {
    this.#refreshOnReturn.markFresh();
    if (this.step === 'outage' || this.step === 'loading') {
      await this.#start();
      return;
    }
    if (this.step === 'choose') await this.#loadMonth(this.month, { force: true });
    if (this.view === 'mine') await this.#loadMeetings();
  }

  /** Forgets everything this widget keeps on the device (answers, held time) — e.g. when the citizen logs out. */
  async reset(): Promise<void> {
    this.#countdown.stop();
    await this.#store?.clear();
    this.#draft = { answers: {} };
    this.hold = undefined;
    this.answers = {};
    this.rescheduling = undefined;
    this.cancelling = undefined;
    this.booked = undefined;
    this.message = undefined;
    this.#slots.clear();
    this.meetings = undefined;
    this.step = 'loading';
    this.#started = false; // starts again on the next update, if there is a token
    this.requestUpdate();
  }

  // ── Loading ─────────────────────────────────────────────────────────────────────────────────────────────

  get #api(): BookingApi | undefined {
    const client = this.apiClient;
    return client === undefined ? undefined : new BookingApi(client);
  }

  async #start(): Promise<void> {
    const api = this.#api;
    if (api === undefined) return;
    this.step = 'loading';
    this.#refreshOnReturn.markFresh();
    this.#draft = (await this.#store?.load()) ?? { answers: {} };
    this.answers = { ...this.#draft.answers };
    void this.#loadContact(api);
    try {
      const types = await api.meetingTypes();
      this.meetingTypes = this.meetingType === undefined ? types : types.filter((type) => type.id === this.meetingType);
    } catch (error) {
      this.#failed(error, 'load');
      return;
    }
    const preferred = this.#draft.hold?.meetingTypeId ?? this.#draft.meetingTypeId;
    this.selectedTypeId = this.meetingTypes.find((type) => type.id === preferred)?.id ?? this.meetingTypes[0]?.id;
    if (this.view === 'mine') void this.#loadMeetings();
    if (await this.#resumeDraft()) return;
    this.step = 'choose';
    await this.#showFirstFreeDay();
  }

  /** Caches how to reach the job centre while the server answers, to show it when it does not. */
  async #loadContact(api: BookingApi): Promise<void> {
    this.contact ??= await this.#store?.contact();
    try {
      const { municipality } = await api.config();
      this.contact = { name: municipality.name, phone: municipality.phone };
      await this.#store?.saveContact(this.contact);
    } catch {
      // Unreachable: the cached contact (if any) is what the outage view shows.
    }
  }

  /** After a reload: back to the held time (or a sent confirm) if it is still valid. */
  async #resumeDraft(): Promise<boolean> {
    const { hold, rescheduleOf, submitKey } = this.#draft;
    if (hold === undefined) return false;
    if (rescheduleOf !== undefined) {
      this.rescheduling = await this.#api?.upcoming().then((page) => page.items.find((booking) => booking.id === rescheduleOf)).catch(() => undefined);
      if (this.rescheduling === undefined) {
        this.#forgetHold();
        return false;
      }
    }
    if (submitKey !== undefined) {
      // A confirm was sent and the page went away before the answer: send it again with the same key; the
      // server answers with the booking it made the first time, or makes it now.
      this.hold = hold;
      this.step = 'details';
      await this.#confirm();
      return true;
    }
    if (Date.parse(hold.expiresAt) - Date.now() < 10_000) {
      this.#forgetHold();
      this.message = { kind: 'info', text: this.t('hold.expired') };
      return false;
    }
    this.hold = hold;
    this.step = 'details';
    this.#countdown.start(hold.expiresAt);
    this.#focusTarget = '#details-heading';
    return true;
  }

  #failed(error: unknown, action: string): void {
    const code = error instanceof ApiError ? error.code : 'unknown';
    this.emit('ju-booking-error', { code, action });
    if (action === 'load' && (this.step === 'loading' || this.step === 'outage')) {
      this.step = 'outage';
      this.outageText = this.describeError(error);
      this.#focusTarget = '#outage-heading';
      return;
    }
    const text = this.describeError(error);
    this.message = { kind: 'error', text };
    this.announcer.announce(text, { politeness: 'assertive' });
  }

  get #selectedType(): MeetingType | undefined {
    return this.meetingTypes.find((type) => type.id === this.selectedTypeId);
  }

  get #today(): LocalDate {
    return localDateOf(Date.now());
  }

  /** The deadline in force: the job centre's, else the host's. */
  get #deadline(): LocalDate | undefined {
    if (this.#slots.serverDeadline !== null) return this.#slots.serverDeadline;
    return isLocalDate(this.deadline) ? this.deadline : undefined;
  }

  #offered = (date: LocalDate): boolean => {
    const deadline = this.#deadline;
    return deadline === undefined || this.showAfterDeadline || date <= deadline || this.rescheduling !== undefined;
  };

  async #loadMonth(month: MonthKey, { force = false } = {}): Promise<boolean> {
    const api = this.#api;
    const type = this.#selectedType;
    if (api === undefined || type === undefined) return false;
    if (!force && this.#slots.hasMonth(month)) return true;
    const today = this.#today;
    if (lastOfMonth(month) < today) return true;
    this.#monthRequest?.abort();
    const request = new AbortController();
    this.#monthRequest = request;
    this.monthLoading = true;
    try {
      const from = firstOfMonth(month) < today ? today : firstOfMonth(month);
      const list = await api.slots(type.id, from, lastOfMonth(month), request.signal);
      this.#slots.setMonth(month, list);
      this.message = this.message?.kind === 'error' ? undefined : this.message;
      return true;
    } catch (error) {
      if (request.signal.aborted) return false;
      this.#failed(error, 'load');
      return false;
    } finally {
      if (this.#monthRequest === request) this.monthLoading = false;
      this.requestUpdate();
    }
  }

  /** Loads this month (and up to the deadline), then shows the first day with a time before the deadline. */
  async #showFirstFreeDay(): Promise<void> {
    this.#slots.clear();
    const current = monthOf(this.#today);
    if (!(await this.#loadMonth(current))) return;
    const deadline = this.#deadline;
    if (deadline !== undefined) {
      for (let month = addMonths(current, 1); month <= monthOf(deadline) && month <= addMonths(current, 2); month = addMonths(month, 1)) {
        if (!(await this.#loadMonth(month))) return;
      }
    }
    const first = this.#slots.firstDate(this.#offered) ?? this.#slots.firstDate();
    this.month = first === undefined ? current : monthOf(first);
    this.selectedDate = first;
    this.focusDate = first ?? this.#today;
  }

  async #loadMeetings(more = false): Promise<void> {
    const api = this.#api;
    if (api === undefined) return;
    try {
      const page = await api.upcoming(more ? (this.meetingsCursor ?? undefined) : undefined);
      this.meetings = more ? [...(this.meetings ?? []), ...page.items] : page.items;
      this.meetingsCursor = page.nextCursor;
      this.meetingsError = undefined;
    } catch (error) {
      this.meetingsError = this.describeError(error);
      this.emit('ju-booking-error', { code: error instanceof ApiError ? error.code : 'unknown', action: 'load' });
    }
  }

  // ── Choosing ────────────────────────────────────────────────────────────────────────────────────────────

  async #chooseType(id: string): Promise<void> {
    this.selectedTypeId = id;
    this.#draft.meetingTypeId = id;
    this.#store?.save(this.#draft);
    this.message = undefined;
    await this.#showFirstFreeDay();
    const count = this.selectedDate === undefined ? 0 : this.#slots.count(this.selectedDate);
    this.announcer.announce(this.selectedDate === undefined ? emptyMonthText(this.#text, this.#slots, this.month) : this.t('day.chosen', { count, date: this.#longDate(this.selectedDate) }));
  }

  async #showMonth(month: MonthKey, focus: LocalDate): Promise<void> {
    this.month = month;
    this.focusDate = focus;
    await this.#loadMonth(month);
    const days = this.#slots.daysWithSlots(month, this.#offered);
    this.announcer.announce(this.t('month.shown', { month: this.#monthName(month), count: days }));
  }

  /** Shows the month of `date`, chooses the day and puts focus on it ("go to the next free time"). */
  async #goToDate(date: LocalDate): Promise<void> {
    await this.#showMonth(monthOf(date), date);
    this.#selectDay(date);
    this.#focusTarget = `[data-date="${date}"]`;
    this.requestUpdate();
  }

  #onGridKey(event: KeyboardEvent): void {
    const next = dateAfterKey(this.focusDate, event.key, this.dir === 'rtl');
    if (next === undefined) return;
    event.preventDefault();
    if (next < this.#today && monthOf(next) < monthOf(this.#today)) return;
    if (monthOf(next) > addMonths(monthOf(this.#today), MONTHS_AHEAD)) return;
    this.#focusTarget = `[data-date="${next}"]`;
    if (monthOf(next) !== this.month) void this.#showMonth(monthOf(next), next);
    else this.focusDate = next;
  }

  #selectDay(date: LocalDate): void {
    this.focusDate = date;
    this.selectedDate = date;
    const count = this.#slots.count(date);
    this.announcer.announce(this.t('day.chosen', { count, date: this.#longDate(date) }));
  }

  async #holdSlot(slot: Slot): Promise<void> {
    const api = this.#api;
    const type = this.#selectedType;
    if (api === undefined || type === undefined || this.busy) return;
    this.busy = true;
    this.message = undefined;
    try {
      const hold = await api.hold(slot.id, type.id);
      this.hold = { ...hold, meetingTypeId: type.id };
      this.#draft = { ...this.#draft, meetingTypeId: type.id, hold: this.hold };
      delete this.#draft.submitKey;
      if (this.rescheduling === undefined) delete this.#draft.rescheduleOf;
      else this.#draft.rescheduleOf = this.rescheduling.id;
      await this.#saveNow();
      this.step = 'details';
      this.#countdown.start(hold.expiresAt);
      this.#focusTarget = '#details-heading';
      this.announcer.announce(this.t('hold.started', { count: Math.max(1, Math.round(this.#countdown.secondsLeft / 60)) }));
      this.emit('ju-booking-held', { holdId: hold.id, slotId: hold.slotId, meetingTypeId: type.id, expiresAt: hold.expiresAt });
    } catch (error) {
      if (error instanceof ApiError && (error.code === 'slot-unavailable' || error.code === 'not-found')) {
        this.#slots.remove(slot.id);
        this.message = { kind: 'error', text: this.t('hold.taken') };
        this.announcer.announce(this.t('hold.taken'), { politeness: 'assertive' });
        this.emit('ju-booking-error', { code: error.code, action: 'hold' });
        void this.#loadMonth(this.month, { force: true });
      } else {
        this.#failed(error, 'hold');
      }
    } finally {
      this.busy = false;
    }
  }

  async #saveNow(): Promise<void> {
    this.#store?.save(this.#draft);
    await this.#store?.flush();
  }

  #forgetHold(): void {
    this.#countdown.stop();
    this.hold = undefined;
    delete this.#draft.hold;
    delete this.#draft.submitKey;
    delete this.#draft.rescheduleOf;
    this.#store?.save(this.#draft);
  }

  #holdExpired(): void {
    const holdId = this.hold?.id;
    this.#forgetHold();
    if (holdId !== undefined) this.emit('ju-booking-hold-expired', { holdId });
    if (this.step !== 'details') return;
    this.step = 'choose';
    this.message = { kind: 'info', text: this.t('hold.expired') };
    this.announcer.announce(this.t('hold.expired'), { politeness: 'assertive' });
    this.#focusTarget = '#book-heading';
    void this.#loadMonth(this.month, { force: true });
  }

  /** Gives the held time back and returns to the calendar. */
  async #chooseAnother(): Promise<void> {
    const holdId = this.hold?.id;
    this.#forgetHold();
    this.step = 'choose';
    this.message = undefined;
    this.#focusTarget = '#book-heading';
    if (holdId !== undefined) await this.#api?.releaseHold(holdId).catch(() => undefined);
    await this.#loadMonth(this.month, { force: true });
  }

  // ── Confirming ──────────────────────────────────────────────────────────────────────────────────────────

  #setAnswer(questionId: string, value: string): void {
    this.answers = { ...this.answers, [questionId]: value };
    if (this.answerErrors[questionId] !== undefined && value.trim() !== '') {
      this.answerErrors = Object.fromEntries(Object.entries(this.answerErrors).filter(([id]) => id !== questionId));
    }
    this.#draft.answers = this.answers;
    this.#store?.save(this.#draft);
  }

  #validateAnswers(type: MeetingType): boolean {
    const errors: Partial<Record<string, string>> = {};
    for (const question of type.questions) {
      if (question.required && (this.answers[question.id] ?? '').trim() === '') {
        errors[question.id] = this.t(question.kind === 'choice' ? 'questions.chooseOne' : 'questions.writeAnswer');
      }
    }
    this.answerErrors = errors;
    const first = Object.keys(errors).at(0);
    if (first !== undefined) {
      this.#focusTarget = `[data-question="${first}"]`;
      this.announcer.announce(this.t('questions.fix', { count: Object.keys(errors).length }), { politeness: 'assertive' });
      return false;
    }
    return true;
  }

  async #confirm(): Promise<void> {
    const api = this.#api;
    const hold = this.hold;
    const type = this.meetingTypes.find((candidate) => candidate.id === hold?.meetingTypeId);
    if (api === undefined || hold === undefined || this.busy) return;
    if (type !== undefined && this.rescheduling === undefined && !this.#validateAnswers(type)) return;
    this.busy = true;
    this.message = undefined;
    this.#draft.submitKey ??= crypto.randomUUID();
    await this.#saveNow();
    const key = this.#draft.submitKey;
    try {
      const moving = this.rescheduling;
      const answers: Answer[] = (type?.questions ?? [])
        .filter((question) => (this.answers[question.id] ?? '').trim() !== '')
        .map((question) => ({ questionId: question.id, value: (this.answers[question.id] ?? '').trim() }));
      const booking = moving === undefined ? await api.book(hold.id, answers, key) : await api.reschedule(moving.id, hold.id, key);
      this.#countdown.stop();
      this.hold = undefined;
      this.#draft = { answers: {} };
      this.answers = {};
      await this.#saveNow();
      this.booked = booking;
      this.bookedWasMove = moving !== undefined;
      this.rescheduling = undefined;
      this.step = 'done';
      this.#focusTarget = '#done-heading';
      this.announcer.announce(this.t(moving === undefined ? 'done.booked' : 'done.moved'));
      this.emit(moving === undefined ? 'ju-booking-confirmed' : 'ju-booking-rescheduled', { bookingId: booking.id });
      this.meetings = undefined;
    } catch (error) {
      if (error instanceof ApiError && (error.code === 'hold-expired' || error.code === 'not-found')) {
        this.#holdExpired();
        return;
      }
      if (error instanceof ApiError && error.code === 'booking-cancelled') {
        this.#forgetHold();
        this.rescheduling = undefined;
        this.step = 'choose';
      }
      if (error instanceof ApiError && error.status === 400 && error.code !== 'idempotency-key-reused') {
        // The key was spent on a refused request; the corrected one needs a fresh key.
        delete this.#draft.submitKey;
        this.#store?.save(this.#draft);
      }
      this.#failed(error, this.rescheduling === undefined ? 'confirm' : 'reschedule');
    } finally {
      this.busy = false;
    }
  }

  async #downloadCalendar(booking: Booking): Promise<void> {
    const api = this.#api;
    if (api === undefined) return;
    try {
      const file = await api.calendarFile(booking.id);
      const url = URL.createObjectURL(new Blob([file], { type: 'text/calendar' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `${this.t('calendar.fileName')}-${localDateOf(booking.start)}.ics`;
      this.renderRoot.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => { URL.revokeObjectURL(url); }, 10_000);
      this.announcer.announce(this.t('calendar.downloaded'));
    } catch (error) {
      this.#failed(error, 'calendar');
    }
  }

  // ── My meetings ─────────────────────────────────────────────────────────────────────────────────────────

  #showTab(view: SelfBookingView): void {
    this.view = view;
    this.message = undefined;
    if (view === 'mine') {
      this.#focusTarget = '#mine-heading';
      void this.#loadMeetings();
    } else {
      this.#focusTarget = '#book-heading';
      if (this.step === 'done' || this.step === 'help-sent') {
        this.step = 'choose';
        void this.#showFirstFreeDay();
      }
    }
  }

  #startReschedule(booking: Booking): void {
    this.rescheduling = booking;
    this.selectedTypeId = booking.meetingType.id;
    this.view = 'book';
    this.step = 'choose';
    this.message = undefined;
    this.#focusTarget = '#book-heading';
    void this.#showFirstFreeDay();
  }

  #stopReschedule(): void {
    this.rescheduling = undefined;
    if (this.hold !== undefined) void this.#chooseAnother();
    this.view = 'mine';
    this.#focusTarget = '#mine-heading';
  }

  #askCancel(booking: Booking): void {
    this.cancelling = { bookingId: booking.id, reason: this.#draft.cancel?.bookingId === booking.id ? this.#draft.cancel.reason : '' };
    this.#cancelKey = this.#draft.cancel?.bookingId === booking.id ? this.#draft.cancel.key : crypto.randomUUID();
    this.#focusTarget = `#cancel-reason-${booking.id}`;
  }

  #typeCancelReason(booking: Booking, reason: string): void {
    this.cancelling = { bookingId: booking.id, reason };
    this.#draft.cancel = { bookingId: booking.id, reason, key: this.#cancelKey ?? crypto.randomUUID() };
    this.#store?.save(this.#draft);
  }

  /** "No, keep the time": closes the cancel form and returns focus to the meeting. */
  #keepMeeting(booking: Booking): void {
    this.cancelling = undefined;
    delete this.#draft.cancel;
    this.#store?.save(this.#draft);
    this.#focusTarget = `#${CSS.escape(`meeting-${booking.id}`)}`;
  }

  async #cancel(booking: Booking): Promise<void> {
    const api = this.#api;
    if (api === undefined || this.cancelling === undefined || this.busy) return;
    this.busy = true;
    const key = this.#cancelKey ?? crypto.randomUUID();
    this.#draft.cancel = { bookingId: booking.id, reason: this.cancelling.reason, key };
    await this.#saveNow();
    try {
      const cancelled = await api.cancel(booking.id, this.cancelling.reason, key);
      delete this.#draft.cancel;
      this.#store?.save(this.#draft);
      this.cancelling = undefined;
      this.meetings = (this.meetings ?? []).map((meeting) => (meeting.id === cancelled.id ? cancelled : meeting));
      this.message = { kind: 'success', text: this.t('cancel.done', { date: this.#longDate(localDateOf(booking.start)) }) };
      this.announcer.announce(this.message.text);
      this.#focusTarget = '#mine-heading';
      this.emit('ju-booking-cancelled', { bookingId: cancelled.id });
    } catch (error) {
      this.#failed(error, 'cancel');
    } finally {
      this.busy = false;
    }
  }

  // ── Help and receipts ───────────────────────────────────────────────────────────────────────────────────

  #openHelp(): void {
    this.step = 'help';
    this.message = undefined;
    const saved = this.#draft.help;
    if (saved !== undefined) {
      const reasons = HELP_REASONS.filter((reason) => saved.reasons.includes(reason));
      this.help = { reasons, message: saved.message, phone: saved.phone };
    }
    this.#helpKey = saved?.key ?? crypto.randomUUID();
    this.#focusTarget = '#help-heading';
  }

  #setHelp(change: Partial<HelpForm>): void {
    this.help = { ...this.help, ...change };
    this.#draft.help = { ...this.help, key: this.#helpKey ?? crypto.randomUUID() };
    this.#store?.save(this.#draft);
  }

  async #sendHelp(): Promise<void> {
    const api = this.#api;
    if (api === undefined || this.busy) return;
    const errors: { reasons?: string; phone?: string } = {};
    if (this.help.reasons.length === 0) errors.reasons = this.t('help.chooseReason');
    const phone = this.help.phone.trim();
    if (phone !== '' && !/^[+0-9 ()-]{1,40}$/.test(phone)) errors.phone = this.t('help.phoneInvalid');
    this.helpErrors = errors;
    if (errors.reasons !== undefined || errors.phone !== undefined) {
      this.#focusTarget = errors.reasons !== undefined ? '#help-reason-interpreter' : '#help-phone';
      this.announcer.announce(this.t('questions.fix', { count: Object.keys(errors).length }), { politeness: 'assertive' });
      return;
    }
    this.busy = true;
    try {
      const message = this.help.message.trim();
      await api.askForHelp(
        { reasons: this.help.reasons, ...(message === '' ? {} : { message }), ...(phone === '' ? {} : { phone }) },
        this.#helpKey ?? crypto.randomUUID(),
      );
      delete this.#draft.help;
      this.#store?.save(this.#draft);
      this.help = { reasons: [], message: '', phone: '' };
      this.#helpKey = undefined;
      this.step = 'help-sent';
      this.#focusTarget = '#help-sent-heading';
      this.announcer.announce(this.t('help.sent'));
    } catch (error) {
      this.#failed(error, 'help');
    } finally {
      this.busy = false;
    }
  }

  async #requestReceipt(): Promise<void> {
    const api = this.#api;
    const type = this.#selectedType;
    if (api === undefined || type === undefined || this.busy) return;
    this.busy = true;
    this.#receiptKey ??= crypto.randomUUID();
    try {
      const hostDeadline = this.#slots.serverDeadline === null && isLocalDate(this.deadline) ? this.deadline : undefined;
      this.receipt = await api.receipt(type.id, hostDeadline, this.#receiptKey);
      this.#receiptKey = undefined;
      this.#focusTarget = '#receipt';
      this.announcer.announce(this.t('receipt.issued'));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'free-times-exist') {
        this.#receiptKey = undefined;
        await this.#showFirstFreeDay();
      }
      this.#failed(error, 'receipt');
    } finally {
      this.busy = false;
    }
  }

  // ── Text helpers ────────────────────────────────────────────────────────────────────────────────────────

  /** The dates, times and phrases of the views, in the element's current language. */
  get #text(): BookingTexts {
    return new BookingTexts((key, options) => this.t(key, options), this.format);
  }

  #longDate(date: LocalDate): string {
    return this.#text.longDate(date);
  }

  #monthName(month: MonthKey): string {
    return this.#text.monthName(month);
  }

  // ── Rendering ───────────────────────────────────────────────────────────────────────────────────────────

  override render(): TemplateResult {
    if (this.apiConfigError !== undefined || this.apiClient === undefined) return this.renderApiConfigError();
    if (this.effectiveToken === undefined) {
      return html`<section class="frame" aria-labelledby="title"><h2 id="title">${this.t('title')}</h2><p class="ju-message">${this.t('signIn')}</p></section>`;
    }
    return html`
      <section class="frame" aria-labelledby="title">
        <h2 id="title">${this.t('title')}</h2>
        <nav class="tabs" aria-label=${this.t('tabs.label')}>
          <button class="ju-button ju-button--secondary" type="button" aria-current=${this.view === 'book' ? 'page' : 'false'} @click=${() => { this.#showTab('book'); }}>
            ${this.rescheduling === undefined ? this.t('tabs.book') : this.t('tabs.reschedule')}
          </button>
          <button class="ju-button ju-button--secondary" type="button" aria-current=${this.view === 'mine' ? 'page' : 'false'} @click=${() => { this.#showTab('mine'); }}>
            ${this.t('tabs.mine')}
          </button>
        </nav>
        ${this.view === 'mine' && this.step !== 'outage' ? this.#renderMine() : this.#renderBooking()}
      </section>
    `;
  }

  #renderMessage(): TemplateResult | typeof nothing {
    if (this.message === undefined) return nothing;
    const kind = this.message.kind === 'info' ? '' : `ju-message--${this.message.kind}`;
    return html`<p class="ju-message ${kind}" id="message">${this.message.text}</p>`;
  }

  #renderBooking(): TemplateResult {
    switch (this.step) {
      case 'loading':
        return html`<p class="loading" role="status">${this.t('loading')}</p>`;
      case 'outage':
        return this.#renderOutage();
      case 'details':
        return this.#renderDetails();
      case 'done':
        return this.#renderDone();
      case 'help':
        return this.#renderHelp();
      case 'help-sent':
        return html`
          <h3 id="help-sent-heading" tabindex="-1">${this.t('help.sentHeading')}</h3>
          <p class="ju-message ju-message--success">${this.t('help.sent')}</p>
          <div class="actions">
            <button class="ju-button ju-button--secondary" type="button" @click=${() => { this.step = 'choose'; this.#focusTarget = '#book-heading'; }}>${this.t('help.backToTimes')}</button>
          </div>
        `;
      default:
        return this.#renderChoose();
    }
  }

  #renderOutage(): TemplateResult {
    const keptSomething = Object.keys(this.#draft.answers).length > 0 || this.#draft.help !== undefined;
    return renderOutage(this.#text, this.outageText, this.contact, keptSomething, () => { void this.refresh(); });
  }

  #renderChoose(): TemplateResult {
    const type = this.#selectedType;
    return html`
      <h3 id="book-heading" tabindex="-1">${this.rescheduling === undefined ? this.t('book.heading') : this.t('reschedule.heading', { date: this.#longDate(localDateOf(this.rescheduling.start)), time: this.#text.clock(this.rescheduling.start) })}</h3>
      ${this.rescheduling === undefined ? nothing : html`
        <p>${this.t('reschedule.intro')}</p>
        <div class="actions"><button class="ju-button ju-button--quiet" type="button" @click=${() => { this.#stopReschedule(); }}>${this.t('reschedule.stop')}</button></div>`}
      ${this.#renderMessage()}
      ${this.meetingTypes.length === 0 ? html`<p class="ju-message">${this.t('book.noTypes')}</p>` : nothing}
      ${this.rescheduling === undefined && this.meetingTypes.length > 1 ? renderTypeChoice(this.#text, this.meetingTypes, this.selectedTypeId, (id) => { void this.#chooseType(id); }) : nothing}
      ${type === undefined ? nothing : html`
        ${this.#renderDeadlineNote()}
        <div class="picker">
          <div>${this.#renderCalendar()}</div>
          <div>${this.#renderDayList()}</div>
        </div>
        ${readerTimeZoneDiffers() ? html`<p class="ju-hint">${this.t('timeZone.differs')}</p>` : nothing}`}
      ${this.rescheduling === undefined ? html`
        <div class="actions">
          <button class="ju-button ju-button--quiet" type="button" @click=${() => { this.#openHelp(); }}>${this.t('help.open')}</button>
        </div>` : nothing}
    `;
  }

  #renderDeadlineNote(): TemplateResult | typeof nothing {
    const deadline = this.#deadline;
    if (deadline === undefined || this.rescheduling !== undefined) return nothing;
    return renderDeadlineNote(
      this.#text,
      {
        deadline,
        freeBefore: this.monthLoading || this.#slots.firstDate((date) => date <= deadline) !== undefined,
        receipt: this.receipt,
        showAfterDeadline: this.showAfterDeadline,
        busy: this.busy,
      },
      { requestReceipt: () => { void this.#requestReceipt(); }, setShowAfterDeadline: (show) => { this.showAfterDeadline = show; } },
    );
  }

  #renderCalendar(): TemplateResult {
    const today = this.#today;
    return renderCalendar(
      this.#text,
      {
        month: this.month,
        today,
        lastMonth: addMonths(monthOf(today), MONTHS_AHEAD),
        slots: this.#slots,
        selectedDate: this.selectedDate,
        focusDate: this.focusDate,
        loading: this.monthLoading,
        deadline: this.rescheduling === undefined ? this.#deadline : undefined,
      },
      {
        showMonth: (month, focus) => { void this.#showMonth(month, focus); },
        goToDate: (date) => { void this.#goToDate(date); },
        selectDay: (date) => { this.#selectDay(date); },
        focusDay: (date) => { this.focusDate = date; },
        gridKey: (event) => { this.#onGridKey(event); },
      },
    );
  }

  #renderDayList(): TemplateResult {
    const date = this.selectedDate;
    return renderDayList(
      this.#text,
      {
        date,
        slots: date === undefined ? [] : this.#slots.slotsOn(date),
        offered: date === undefined || this.#offered(date),
        deadline: this.#deadline,
        showAfterDeadline: this.showAfterDeadline,
        busy: this.busy,
      },
      { hold: (slot) => { void this.#holdSlot(slot); }, setShowAfterDeadline: (show) => { this.showAfterDeadline = show; } },
    );
  }

  #renderDetails(): TemplateResult {
    const hold = this.hold;
    if (hold === undefined) return html``;
    return renderConfirm(
      this.#text,
      {
        hold,
        type: this.meetingTypes.find((candidate) => candidate.id === hold.meetingTypeId),
        moving: this.rescheduling !== undefined,
        secondsLeft: this.#countdown.running ? this.#countdown.secondsLeft : undefined,
        answers: this.answers,
        errors: this.answerErrors,
        busy: this.busy,
      },
      {
        answer: (questionId, value) => { this.#setAnswer(questionId, value); },
        confirm: () => { void this.#confirm(); },
        chooseAnother: () => { void this.#chooseAnother(); },
      },
      this.#renderMessage(),
    );
  }

  #renderDone(): TemplateResult {
    const booking = this.booked;
    if (booking === undefined) return html``;
    return renderDone(this.#text, booking, this.bookedWasMove, {
      downloadCalendar: () => { void this.#downloadCalendar(booking); },
      seeMine: () => { this.#showTab('mine'); },
    });
  }

  /** While a lazily loaded view is on its way, or when it could not be loaded. */
  #renderViewPending(view: LazyView<unknown>): TemplateResult {
    if (!view.failed) return html`<p class="loading" role="status">${this.t('state.loading')}</p>`;
    return html`
      <p class="ju-message ju-message--error" role="alert">${this.t(navigator.onLine ? 'error.network' : 'error.offline')}</p>
      <div class="actions"><button class="ju-button" type="button" @click=${() => { view.ensure(); }}>${this.t('action.retry')}</button></div>`;
  }

  #renderMine(): TemplateResult {
    const view = this.#meetingsView.module;
    if (view === undefined) return this.#renderViewPending(this.#meetingsView);
    return view.renderMeetings(
      this.#text,
      { meetings: this.meetings, error: this.meetingsError, hasMore: this.meetingsCursor !== null, cancelling: this.cancelling, busy: this.busy },
      {
        retry: () => { void this.#loadMeetings(); },
        more: () => { void this.#loadMeetings(true); },
        book: () => { this.#showTab('book'); },
        reschedule: (booking) => { this.#startReschedule(booking); },
        askCancel: (booking) => { this.#askCancel(booking); },
        typeReason: (booking, reason) => { this.#typeCancelReason(booking, reason); },
        cancel: (booking) => { void this.#cancel(booking); },
        keep: (booking) => { this.#keepMeeting(booking); },
        downloadCalendar: (booking) => { void this.#downloadCalendar(booking); },
      },
      this.#renderMessage(),
    );
  }

  #renderHelp(): TemplateResult {
    const view = this.#helpView.module;
    if (view === undefined) return this.#renderViewPending(this.#helpView);
    return view.renderHelp(
      this.#text,
      { form: this.help, errors: this.helpErrors, busy: this.busy },
      {
        change: (change) => {
          if (change.reasons !== undefined && change.reasons.length > 0) this.helpErrors = { ...this.helpErrors, reasons: undefined };
          this.#setHelp(change);
        },
        send: () => { void this.#sendHelp(); },
        back: () => { this.step = 'choose'; this.#focusTarget = '#book-heading'; },
      },
      this.#renderMessage(),
    );
  }
}
