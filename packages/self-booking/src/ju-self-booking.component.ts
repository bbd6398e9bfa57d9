import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ApiError, JuElement, readerTimeZoneDiffers, sharedStyles } from '@jobunivers/core';
import { BookingApi, type Answer, type Booking, type Hold, type MeetingType, type NoFreeTimeReceipt, type Slot } from './booking-api.js';
import {
  addMonths, dateAfterKey, dateInstant, firstOfMonth, isLocalDate, lastOfMonth, localDateOf, monthOf, monthWeeks,
  type LocalDate, type MonthKey,
} from './dates.js';
import { DraftStore, type BookingDraft, type CachedContact } from './draft-store.js';
import { HoldCountdown } from './hold-countdown.js';
import { SELF_BOOKING_NAMESPACE } from './locales/register.js';
import { selfBookingStyles } from './self-booking.styles.js';
import { SlotIndex } from './slot-index.js';

/** The steps of booking; `mine` is the "my meetings" tab. */
export type SelfBookingView = 'book' | 'mine';
type Step = 'loading' | 'outage' | 'choose' | 'details' | 'done' | 'help' | 'help-sent';

const HELP_REASONS = ['interpreter', 'accessibility', 'other-place', 'phone'] as const;
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
  @state() private help: { reasons: string[]; message: string; phone: string } = { reasons: [], message: '', phone: '' };
  @state() private helpErrors: { reasons?: string; phone?: string } = {};
  @state() private contact: CachedContact | undefined;
  @state() private outageText: string | undefined;

  readonly #slots = new SlotIndex();
  readonly #countdown = new HoldCountdown(this, {
    onMinuteLeft: () => { this.announcer.announce(this.t('hold.minuteLeft')); },
    onExpire: () => { this.#holdExpired(); },
  });
  #draft: BookingDraft = { answers: {} };
  #store: DraftStore | undefined;
  #storeScope: string | undefined;
  #started = false;
  #startedWith: string | undefined;
  #lastRefresh = 0;
  #monthRequest: AbortController | undefined;
  #focusTarget: string | undefined;
  #helpKey: string | undefined;
  #cancelKey: string | undefined;
  #receiptKey: string | undefined;

  readonly #onRegainFocus = (): void => {
    if (document.visibilityState === 'hidden' || Date.now() - this.#lastRefresh < REFRESH_INTERVAL_MS) return;
    void this.refresh();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('focus', this.#onRegainFocus);
    document.addEventListener('visibilitychange', this.#onRegainFocus);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('focus', this.#onRegainFocus);
    document.removeEventListener('visibilitychange', this.#onRegainFocus);
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
    }
    if (client !== undefined && token !== undefined && !this.#started) {
      this.#started = true;
      void this.#start();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.#focusTarget !== undefined) {
      const target = this.renderRoot.querySelector<HTMLElement>(this.#focusTarget);
      this.#focusTarget = undefined;
      target?.focus();
    }
  }

  /** Fetches meeting types, free times and meetings again (also done when the page regains focus). */
  async refresh(): Promise<void> {
    this.#lastRefresh = Date.now();
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
    this.#lastRefresh = Date.now();
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
    this.announcer.announce(this.selectedDate === undefined ? this.#emptyMonthText() : this.t('day.chosen', { count, date: this.#longDate(this.selectedDate) }));
  }

  async #showMonth(month: MonthKey, focus: LocalDate): Promise<void> {
    this.month = month;
    this.focusDate = focus;
    await this.#loadMonth(month);
    const days = this.#slots.daysWithSlots(month, this.#offered);
    this.announcer.announce(this.t('month.shown', { month: this.#monthName(month), count: days }));
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
    if (saved !== undefined) this.help = { reasons: saved.reasons, message: saved.message, phone: saved.phone };
    this.#helpKey = saved?.key ?? crypto.randomUUID();
    this.#focusTarget = '#help-heading';
  }

  #setHelp(change: Partial<typeof this.help>): void {
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
        { reasons: this.help.reasons as (typeof HELP_REASONS)[number][], ...(message === '' ? {} : { message }), ...(phone === '' ? {} : { phone }) },
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

  #longDate(date: LocalDate): string {
    return this.format.date(dateInstant(date), { weekday: 'long', day: 'numeric', month: 'long' });
  }

  #fullDate(date: LocalDate): string {
    return this.format.date(dateInstant(date), { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  }

  #monthName(month: MonthKey): string {
    return this.format.date(dateInstant(firstOfMonth(month)), { month: 'long', year: 'numeric' });
  }

  /** "09.30" — the 24-hour clock in every language, as the job centre's letters and signs use it. */
  #clock(instant: string): string {
    return this.format.time(Date.parse(instant), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  }

  #timeRange(start: string, end: string): string {
    return this.t('time.range', { start: this.#clock(start), end: this.#clock(end) });
  }

  #emptyMonthText(): string {
    const next = this.#slots.nextAvailableAfter(this.month);
    return next === null ? this.t('month.emptyNoNext', { month: this.#monthName(this.month) }) : this.t('month.empty', { month: this.#monthName(this.month), next: this.#monthName(monthOf(next)) });
  }

  #dayLabel(date: LocalDate, count: number): string {
    const parts = [count === 0 ? this.t('day.none', { date: this.#longDate(date) }) : this.t('day.free', { date: this.#longDate(date), count })];
    if (date === this.#today) parts.push(this.t('day.today'));
    const deadline = this.#deadline;
    if (deadline !== undefined && date > deadline && count > 0) parts.push(this.t('day.afterDeadline'));
    return parts.join(', ');
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
    return html`<p class="ju-message ju-message--${this.message.kind === 'info' ? 'info' : this.message.kind}" id="message">${this.message.text}</p>`;
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
    const contact = this.contact;
    return html`
      <div class="ju-message ju-message--error" role="alert">
        <h3 id="outage-heading" tabindex="-1">${this.t('outage.heading')}</h3>
        <p>${this.outageText}</p>
        <p>
          ${contact === undefined
            ? this.t('outage.noPhone')
            : html`${this.t('outage.call', { name: contact.name })}
                <a class="ju-link" href=${`tel:${contact.phone}`}>${this.#phoneText(contact.phone)}</a>.`}
        </p>
        ${Object.keys(this.#draft.answers).length > 0 || this.#draft.help !== undefined ? html`<p>${this.t('outage.kept')}</p>` : nothing}
      </div>
      <div class="actions">
        <button class="ju-button" type="button" @click=${() => { void this.refresh(); }}>${this.t('action.retry')}</button>
      </div>
    `;
  }

  /** "+4570000000" → "+45 70 00 00 00", as Danes read numbers. */
  #phoneText(phone: string): string {
    const match = /^\+45(\d{8})$/.exec(phone);
    return match === null ? phone : `+45 ${match[1].replace(/(\d{2})(?=\d)/g, '$1 ')}`;
  }

  #renderChoose(): TemplateResult {
    const type = this.#selectedType;
    return html`
      <h3 id="book-heading" tabindex="-1">${this.rescheduling === undefined ? this.t('book.heading') : this.t('reschedule.heading', { date: this.#longDate(localDateOf(this.rescheduling.start)), time: this.#clock(this.rescheduling.start) })}</h3>
      ${this.rescheduling === undefined ? nothing : html`
        <p>${this.t('reschedule.intro')}</p>
        <div class="actions"><button class="ju-button ju-button--quiet" type="button" @click=${() => { this.#stopReschedule(); }}>${this.t('reschedule.stop')}</button></div>`}
      ${this.#renderMessage()}
      ${this.meetingTypes.length === 0 ? html`<p class="ju-message">${this.t('book.noTypes')}</p>` : nothing}
      ${this.rescheduling === undefined && this.meetingTypes.length > 1 ? this.#renderTypeChoice() : nothing}
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

  #renderTypeChoice(): TemplateResult {
    return html`
      <fieldset>
        <legend>${this.t('type.legend')}</legend>
        <div class="choices">
          ${this.meetingTypes.map((type) => html`
            <label class="choice">
              <input type="radio" name="meeting-type" .value=${type.id} .checked=${type.id === this.selectedTypeId}
                @change=${() => { void this.#chooseType(type.id); }} />
              <span>
                ${type.title}
                <small>${this.t(`kind.${type.kind}`)} · ${this.t('duration', { count: type.durationMinutes })}</small>
              </span>
            </label>`)}
        </div>
      </fieldset>
    `;
  }

  #renderDeadlineNote(): TemplateResult | typeof nothing {
    const deadline = this.#deadline;
    if (deadline === undefined || this.rescheduling !== undefined) return nothing;
    const freeBefore = this.#slots.firstDate((date) => date <= deadline) !== undefined;
    const deadlineText = this.#fullDate(deadline);
    if (freeBefore || this.monthLoading) {
      return html`<p class="ju-message">${this.t('deadline.note', { date: deadlineText })}</p>`;
    }
    const receipt = this.receipt;
    return html`
      <div class="ju-message" id="no-time">
        <p>${this.t('deadline.noneBefore', { date: deadlineText })}</p>
        ${receipt === undefined
          ? html`<div class="actions"><button class="ju-button" type="button" ?disabled=${this.busy} @click=${() => { void this.#requestReceipt(); }}>${this.t('receipt.request')}</button></div>`
          : html`
            <p id="receipt" tabindex="-1"><strong>${this.t('receipt.heading')}</strong>
              ${this.t('receipt.text', { issued: this.format.dateTime(Date.parse(receipt.issuedAt), { dateStyle: 'long', timeStyle: 'short' }), deadline: this.#fullDate(receipt.deadline) })}
              ${receipt.firstAvailable === null ? '' : this.t('receipt.first', { date: this.#fullDate(localDateOf(receipt.firstAvailable)) })}
            </p>`}
        <label class="choice">
          <input type="checkbox" .checked=${this.showAfterDeadline} @change=${(event: Event) => { this.showAfterDeadline = (event.target as HTMLInputElement).checked; }} />
          <span>${this.t('deadline.showLater')}</span>
        </label>
      </div>
    `;
  }

  #renderCalendar(): TemplateResult {
    const month = this.month;
    const current = monthOf(this.#today);
    const weeks = monthWeeks(month);
    const today = this.#today;
    const deadline = this.#deadline;
    // Every month has a full Monday–Sunday week; its dates name the columns.
    const weekdays = weeks.find((week) => week.every((day) => day !== null)) ?? [];
    const focusInMonth = monthOf(this.focusDate) === month ? this.focusDate : (this.selectedDate !== undefined && monthOf(this.selectedDate) === month ? this.selectedDate : firstOfMonth(month));
    const empty = !this.monthLoading && this.#slots.hasMonth(month) && this.#slots.daysWithSlots(month) === 0;
    const next = this.#slots.nextAvailableAfter(month);
    return html`
      <div class="month-bar">
        <button class="ju-button ju-button--secondary" type="button" aria-label=${this.t('month.previous')} ?disabled=${month <= current}
          @click=${() => { void this.#showMonth(addMonths(month, -1), firstOfMonth(addMonths(month, -1))); }}><span class="mirror" aria-hidden="true">◀</span></button>
        <h3 id="month-heading">${this.#monthName(month)}</h3>
        <button class="ju-button ju-button--secondary" type="button" aria-label=${this.t('month.next')} ?disabled=${month >= addMonths(current, MONTHS_AHEAD)}
          @click=${() => { void this.#showMonth(addMonths(month, 1), firstOfMonth(addMonths(month, 1))); }}><span class="mirror" aria-hidden="true">▶</span></button>
      </div>
      <table role="grid" part="calendar" aria-labelledby="month-heading" aria-busy=${this.monthLoading ? 'true' : 'false'} @keydown=${(event: KeyboardEvent) => { this.#onGridKey(event); }}>
        <thead>
          <tr>
            ${weekdays.map((day) => html`<th scope="col"><abbr title=${this.format.date(dateInstant(day), { weekday: 'long' })}>${this.format.date(dateInstant(day), { weekday: 'short' })}</abbr></th>`)}
          </tr>
        </thead>
        <tbody>
          ${weeks.map((week) => html`
            <tr>
              ${week.map((date) => {
                if (date === null) return html`<td></td>`;
                const count = date < today ? 0 : this.#slots.count(date);
                const late = deadline !== undefined && date > deadline && this.rescheduling === undefined;
                const classes = ['day', count > 0 ? 'free' : '', count > 0 && late ? 'late' : '', date === today ? 'today' : ''].join(' ');
                return html`
                  <td aria-selected=${date === this.selectedDate ? 'true' : 'false'}>
                    <button type="button" class=${classes} data-date=${date} tabindex=${date === focusInMonth ? '0' : '-1'}
                      aria-disabled=${count === 0 ? 'true' : 'false'} aria-current=${date === today ? 'date' : 'false'}
                      @click=${() => { if (count > 0) this.#selectDay(date); }}
                      @focus=${() => { this.focusDate = date; }}>
                      <span aria-hidden="true">${this.format.number(Number(date.slice(8)))}</span>
                      <span class="count" aria-hidden="true">${count > 0 ? this.format.number(count) : ''}</span>
                      <span class="ju-visually-hidden">${this.#dayLabel(date, count)}</span>
                    </button>
                  </td>`;
              })}
            </tr>`)}
        </tbody>
      </table>
      <p class="legend-keys">
        <span class="key">${this.t('legend.free')}</span>
        ${deadline !== undefined && this.rescheduling === undefined ? html`<span class="key late">${this.t('legend.late')}</span>` : nothing}
      </p>
      ${this.monthLoading ? html`<p class="loading" role="status">${this.t('loading')}</p>` : nothing}
      ${empty ? html`
        <p class="ju-message">${this.#emptyMonthText()}</p>
        ${next === null ? nothing : html`<button class="ju-button ju-button--secondary" type="button"
          @click=${async () => { await this.#showMonth(monthOf(next), next); this.#selectDay(next); this.#focusTarget = `[data-date="${next}"]`; this.requestUpdate(); }}>
          ${this.t('month.goTo', { month: this.#monthName(monthOf(next)) })}</button>`}` : nothing}
    `;
  }

  #renderDayList(): TemplateResult {
    const date = this.selectedDate;
    if (date === undefined) return html`<p class="ju-hint">${this.t('day.pick')}</p>`;
    const slots = this.#slots.slotsOn(date);
    const offered = this.#offered(date);
    const dateText = this.#longDate(date);
    return html`
      <div part="day-list">
        <h3 id="day-heading">${this.t('day.heading', { date: dateText })}</h3>
        ${!offered ? html`
          <p class="ju-message">${this.t('deadline.dayAfter', { date: this.#fullDate(this.#deadline ?? date) })}</p>
          <label class="choice">
            <input type="checkbox" .checked=${this.showAfterDeadline} @change=${(event: Event) => { this.showAfterDeadline = (event.target as HTMLInputElement).checked; }} />
            <span>${this.t('deadline.showLater')}</span>
          </label>` : slots.length === 0
          ? html`<p>${this.t('day.noneLeft')}</p>`
          : html`
            <ul class="slots" aria-labelledby="day-heading">
              ${slots.map((slot) => {
                const start = this.#clock(slot.start);
                const end = this.#clock(slot.end);
                return html`
                  <li>
                    <button class="ju-button ju-button--secondary" type="button" ?disabled=${this.busy}
                      aria-label=${this.t('slot.label', { time: this.t('time.range', { start, end }), date: dateText })}
                      @click=${() => { void this.#holdSlot(slot); }}>${start}–${end}</button>
                  </li>`;
              })}
            </ul>`}
      </div>
    `;
  }

  #renderSummary(type: { title: string; kind: string; details: MeetingType['details'] } | undefined, start: string, end: string, caseworker?: string): TemplateResult {
    const details = type?.details ?? {};
    return html`
      <dl class="summary" part="summary">
        <dt>${this.t('summary.when')}</dt>
        <dd>${this.#fullDate(localDateOf(start))}, ${this.#timeRange(start, end)}</dd>
        ${type === undefined ? nothing : html`<dt>${this.t('summary.type')}</dt><dd>${type.title}</dd>`}
        ${details.address === undefined ? nothing : html`<dt>${this.t('summary.address')}</dt><dd>${details.address}</dd>`}
        ${details.phone === undefined ? nothing : html`<dt>${this.t('summary.phone')}</dt><dd>${details.phone}</dd>`}
        ${details.video === undefined ? nothing : html`<dt>${this.t('summary.video')}</dt><dd>${details.video}</dd>`}
        ${details.bring === undefined ? nothing : html`<dt>${this.t('summary.bring')}</dt><dd>${details.bring}</dd>`}
        ${caseworker === undefined ? nothing : html`<dt>${this.t('summary.caseworker')}</dt><dd>${caseworker}</dd>`}
      </dl>
    `;
  }

  #renderDetails(): TemplateResult {
    const hold = this.hold;
    if (hold === undefined) return html``;
    const type = this.meetingTypes.find((candidate) => candidate.id === hold.meetingTypeId);
    const seconds = this.#countdown.secondsLeft;
    const clock = `${String(Math.floor(seconds / 60))}:${String(seconds % 60).padStart(2, '0')}`;
    const questions = this.rescheduling === undefined ? (type?.questions ?? []) : [];
    return html`
      <h3 id="details-heading" tabindex="-1">${this.rescheduling === undefined ? this.t('details.heading') : this.t('details.headingMove')}</h3>
      ${this.#renderMessage()}
      ${this.#countdown.running ? html`<p class="ju-message">${this.t('hold.countdownLead')} <span class="countdown">${clock}</span>. ${this.t('hold.countdownTail')}</p>` : nothing}
      ${this.#renderSummary(type, hold.start, hold.end)}
      <form novalidate @submit=${(event: Event) => { event.preventDefault(); void this.#confirm(); }}>
        ${questions.length === 0 ? nothing : html`
          <fieldset>
            <legend>${this.t('questions.legend')}</legend>
            ${questions.map((question) => this.#renderQuestion(question))}
          </fieldset>`}
        <div class="actions">
          <button class="ju-button" type="submit" ?disabled=${this.busy}>${this.rescheduling === undefined ? this.t('details.confirm') : this.t('details.confirmMove')}</button>
          <button class="ju-button ju-button--secondary" type="button" ?disabled=${this.busy} @click=${() => { void this.#chooseAnother(); }}>${this.t('details.another')}</button>
        </div>
        ${this.busy ? html`<p role="status">${this.t('details.sending')}</p>` : nothing}
      </form>
    `;
  }

  #renderQuestion(question: MeetingType['questions'][number]): TemplateResult {
    const id = `q-${question.id}`;
    const error = this.answerErrors[question.id];
    const marker = html`<span class="required">${question.required ? this.t('questions.required') : this.t('questions.optional')}</span>`;
    if (question.kind === 'choice') {
      return html`
        <fieldset aria-describedby=${error === undefined ? nothing : `${id}-error`}>
          <legend>${question.label} ${marker}</legend>
          <p class="ju-error-text" id=${`${id}-error`}>${error ?? ''}</p>
          <div class="choices">
            ${(question.options ?? []).map((option, index) => html`
              <label class="choice">
                <input type="radio" name=${id} .value=${option.id} .checked=${this.answers[question.id] === option.id}
                  data-question=${index === 0 ? question.id : nothing} aria-invalid=${error === undefined ? 'false' : 'true'}
                  @change=${() => { this.#setAnswer(question.id, option.id); }} />
                <span>${option.label}</span>
              </label>`)}
          </div>
        </fieldset>
      `;
    }
    return html`
      <div class="ju-field">
        <label class="ju-label" for=${id}>${question.label} ${marker}</label>
        <p class="ju-error-text" id=${`${id}-error`}>${error ?? ''}</p>
        <textarea class="ju-input" id=${id} data-question=${question.id} maxlength=${question.maxLength ?? 2000}
          aria-invalid=${error === undefined ? 'false' : 'true'} aria-describedby=${error === undefined ? nothing : `${id}-error`}
          .value=${this.answers[question.id] ?? ''} @input=${(event: Event) => { this.#setAnswer(question.id, (event.target as HTMLTextAreaElement).value); }}></textarea>
      </div>
    `;
  }

  #renderDone(): TemplateResult {
    const booking = this.booked;
    if (booking === undefined) return html``;
    return html`
      <h3 id="done-heading" tabindex="-1">${this.bookedWasMove ? this.t('done.movedHeading') : this.t('done.heading')}</h3>
      <p class="ju-message ju-message--success">${this.bookedWasMove ? this.t('done.moved') : this.t('done.booked')}</p>
      ${this.#renderSummary(booking.meetingType, booking.start, booking.end, booking.caseworker.firstName)}
      <p>${this.t('done.changeLater')}</p>
      <div class="actions">
        <button class="ju-button" type="button" @click=${() => { void this.#downloadCalendar(booking); }}>${this.t('calendar.download')}</button>
        <button class="ju-button ju-button--secondary" type="button" @click=${() => { this.#showTab('mine'); }}>${this.t('done.seeMine')}</button>
      </div>
    `;
  }

  #renderMine(): TemplateResult {
    const meetings = this.meetings;
    return html`
      <h3 id="mine-heading" tabindex="-1">${this.t('mine.heading')}</h3>
      ${this.#renderMessage()}
      ${this.meetingsError === undefined ? nothing : html`
        <p class="ju-message ju-message--error">${this.meetingsError}</p>
        <div class="actions"><button class="ju-button" type="button" @click=${() => { void this.#loadMeetings(); }}>${this.t('action.retry')}</button></div>`}
      ${meetings === undefined
        ? (this.meetingsError === undefined ? html`<p class="loading" role="status">${this.t('loading')}</p>` : nothing)
        : meetings.length === 0
          ? html`<p>${this.t('mine.empty')}</p>
              <div class="actions"><button class="ju-button" type="button" @click=${() => { this.#showTab('book'); }}>${this.t('tabs.book')}</button></div>`
          : html`
            <ul class="meetings" part="meetings">
              ${meetings.map((booking) => this.#renderMeeting(booking))}
            </ul>
            ${this.meetingsCursor === null ? nothing : html`<button class="ju-button ju-button--secondary" type="button" @click=${() => { void this.#loadMeetings(true); }}>${this.t('mine.more')}</button>`}`}
    `;
  }

  #renderMeeting(booking: Booking): TemplateResult {
    const cancelled = booking.status === 'cancelled';
    const asking = this.cancelling?.bookingId === booking.id;
    const headingId = `meeting-${booking.id}`;
    return html`
      <li class="meeting ${cancelled ? 'cancelled' : ''}" aria-labelledby=${headingId}>
        <h4 id=${headingId}>${this.#fullDate(localDateOf(booking.start))}, ${this.#timeRange(booking.start, booking.end)}</h4>
        ${cancelled ? html`<p class="status">${booking.cancelledBy === 'caseworker' ? this.t('mine.cancelledByJobCentre') : this.t('mine.cancelled')}</p>` : nothing}
        ${cancelled && booking.cancelledBy === 'caseworker' && booking.cancelReason !== null ? html`<p>${this.t('mine.reason', { reason: booking.cancelReason })}</p>` : nothing}
        ${!cancelled && booking.changeReason !== null ? html`<p class="ju-message">${this.t('mine.movedByJobCentre', { reason: booking.changeReason })}</p>` : nothing}
        ${!cancelled && booking.bookedBy === 'caseworker' && booking.changeReason === null ? html`<p>${this.t('mine.bookedForYou')}</p>` : nothing}
        ${this.#renderSummary(booking.meetingType, booking.start, booking.end, booking.caseworker.firstName)}
        ${cancelled ? nothing : asking ? this.#renderCancelForm(booking) : html`
          <div class="actions">
            <button class="ju-button ju-button--secondary" type="button" aria-describedby=${headingId} @click=${() => { this.#startReschedule(booking); }}>${this.t('mine.reschedule')}</button>
            <button class="ju-button ju-button--secondary" type="button" aria-describedby=${headingId} @click=${() => { this.#askCancel(booking); }}>${this.t('mine.cancel')}</button>
            <button class="ju-button ju-button--quiet" type="button" aria-describedby=${headingId} @click=${() => { void this.#downloadCalendar(booking); }}>${this.t('calendar.download')}</button>
          </div>`}
      </li>
    `;
  }

  #renderCancelForm(booking: Booking): TemplateResult {
    const id = `cancel-reason-${booking.id}`;
    return html`
      <form class="ju-message" @submit=${(event: Event) => { event.preventDefault(); void this.#cancel(booking); }}>
        <p><strong>${this.t('cancel.question')}</strong> ${this.t('cancel.consequence')}</p>
        <div class="ju-field">
          <label class="ju-label" for=${id}>${this.t('cancel.reasonLabel')}</label>
          <p class="ju-hint" id=${`${id}-hint`}>${this.t('cancel.reasonHint')}</p>
          <textarea class="ju-input" id=${id} maxlength="500" aria-describedby=${`${id}-hint`} .value=${this.cancelling?.reason ?? ''}
            @input=${(event: Event) => {
              const reason = (event.target as HTMLTextAreaElement).value;
              this.cancelling = { bookingId: booking.id, reason };
              this.#draft.cancel = { bookingId: booking.id, reason, key: this.#cancelKey ?? crypto.randomUUID() };
              this.#store?.save(this.#draft);
            }}></textarea>
        </div>
        <div class="actions">
          <button class="ju-button" type="submit" ?disabled=${this.busy}>${this.t('cancel.confirm')}</button>
          <button class="ju-button ju-button--secondary" type="button" ?disabled=${this.busy}
            @click=${() => { this.cancelling = undefined; delete this.#draft.cancel; this.#store?.save(this.#draft); this.#focusTarget = `#${CSS.escape(`meeting-${booking.id}`)}`; }}>${this.t('cancel.keep')}</button>
        </div>
      </form>
    `;
  }

  #renderHelp(): TemplateResult {
    const reasonsError = this.helpErrors.reasons;
    const phoneError = this.helpErrors.phone;
    return html`
      <h3 id="help-heading" tabindex="-1">${this.t('help.heading')}</h3>
      <p>${this.t('help.intro')}</p>
      ${this.#renderMessage()}
      <form novalidate @submit=${(event: Event) => { event.preventDefault(); void this.#sendHelp(); }}>
        <fieldset aria-describedby=${reasonsError === undefined ? nothing : 'help-reasons-error'}>
          <legend>${this.t('help.legend')}</legend>
          <p class="ju-error-text" id="help-reasons-error">${reasonsError ?? ''}</p>
          <div class="choices">
            ${HELP_REASONS.map((reason) => html`
              <label class="choice">
                <input type="checkbox" id=${`help-reason-${reason}`} .checked=${this.help.reasons.includes(reason)} aria-invalid=${reasonsError === undefined ? 'false' : 'true'}
                  @change=${(event: Event) => {
                    const checked = (event.target as HTMLInputElement).checked;
                    const reasons = checked ? [...this.help.reasons, reason] : this.help.reasons.filter((item) => item !== reason);
                    this.helpErrors = { ...this.helpErrors, ...(reasons.length > 0 ? { reasons: undefined } : {}) };
                    this.#setHelp({ reasons });
                  }} />
                <span>${this.t(`help.reason.${reason}`)}</span>
              </label>`)}
          </div>
        </fieldset>
        <div class="ju-field">
          <label class="ju-label" for="help-message">${this.t('help.messageLabel')} <span class="required">${this.t('questions.optional')}</span></label>
          <textarea class="ju-input" id="help-message" maxlength="1000" .value=${this.help.message}
            @input=${(event: Event) => { this.#setHelp({ message: (event.target as HTMLTextAreaElement).value }); }}></textarea>
        </div>
        <div class="ju-field">
          <label class="ju-label" for="help-phone">${this.t('help.phoneLabel')} <span class="required">${this.t('questions.optional')}</span></label>
          <p class="ju-hint" id="help-phone-hint">${this.t('help.phoneHint')}</p>
          <p class="ju-error-text" id="help-phone-error">${phoneError ?? ''}</p>
          <input class="ju-input" id="help-phone" type="tel" autocomplete="tel" maxlength="40" .value=${this.help.phone}
            aria-invalid=${phoneError === undefined ? 'false' : 'true'} aria-describedby=${phoneError === undefined ? 'help-phone-hint' : 'help-phone-hint help-phone-error'}
            @input=${(event: Event) => { this.#setHelp({ phone: (event.target as HTMLInputElement).value }); }} />
        </div>
        <div class="actions">
          <button class="ju-button" type="submit" ?disabled=${this.busy}>${this.t('help.send')}</button>
          <button class="ju-button ju-button--secondary" type="button" @click=${() => { this.step = 'choose'; this.#focusTarget = '#book-heading'; }}>${this.t('action.back')}</button>
        </div>
      </form>
    `;
  }
}
