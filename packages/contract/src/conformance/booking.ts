/// <reference types="node" />
/**
 * Helpers for the self-booking rules (`booking`, `booking-desk`): whether the server offers self-booking, the
 * meeting types and free times it offers, holds and bookings the rules make (remembered, and cancelled at the end
 * so that running the suite twice works), a second citizen who shares a caseworker, and iCalendar reading.
 */
import type { Answer, Booking, Hold, MeetingType, Slot, SlotList } from '../schemas/index.js';
import { check, fail, skip, sleep, type Actor, type BookingState, type RuleContext, type SuiteState } from './context.js';
import { describe, expectJson, isRecord, send, type Res } from './http.js';
import { actor, newKey } from './notifications.js';
import { demoLogin, demoUsers, type DemoUser } from './tokens.js';

/** How far ahead the rules look for free times: today and the next four weeks. */
export const WINDOW_DAYS = 27;
/** The contract's longest `to - from` of a slot query. */
export const MAX_SLOT_RANGE_DAYS = 62;

export function bookingState(suite: SuiteState): BookingState {
  suite.booking ??= { bookings: [], holds: [], helpRequests: 0, receipts: 0, picks: 0 };
  return suite.booking;
}

// ---------------------------------------------------------------------------------------------------------
// Dates in Europe/Copenhagen

const copenhagen = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The local date (Europe/Copenhagen) of an instant, `YYYY-MM-DD`. */
export function localDate(instant: number): string {
  const parts = Object.fromEntries(copenhagen.formatToParts(new Date(instant)).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

export function today(): string {
  return localDate(Date.now());
}

export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** Whether two timestamps name the same instant (whatever their offsets). */
export function sameInstant(a: string, b: string): boolean {
  return Date.parse(a) === Date.parse(b);
}

/** `20261201T080000Z`: an instant as an iCalendar UTC date-time. */
export function icalUtc(time: string): string {
  return new Date(time).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

// ---------------------------------------------------------------------------------------------------------
// Is self-booking on?

/** Skips the rule when `/v1/config` says `widgets.selfBooking` is false (asked once per run). */
export async function requireSelfBooking(ctx: RuleContext): Promise<void> {
  const state = bookingState(ctx.suite);
  if (state.disabled === undefined) {
    ctx.step('GET /v1/config (is self-booking on?)');
    const res = await send(ctx, 'GET', '/v1/config');
    const body = expectJson(res, 200);
    const widgets = isRecord(body) ? body.widgets : undefined;
    const on = isRecord(widgets) ? widgets.selfBooking : undefined;
    state.disabled = on === false ? 'the server\'s GET /v1/config says widgets.selfBooking is false' : false;
  }
  if (state.disabled !== false) skip(state.disabled);
}

// ---------------------------------------------------------------------------------------------------------
// Reading

export async function meetingTypes(ctx: RuleContext, as: Actor): Promise<MeetingType[]> {
  ctx.step('GET /v1/booking/meeting-types');
  const list = expectJson(await send(ctx, 'GET', '/v1/booking/meeting-types', { as }), 200, 'MeetingTypeList') as { items: MeetingType[] };
  return list.items;
}

/** The first meeting type the server lists (skips the rule when there is none). */
export async function firstMeetingType(ctx: RuleContext, as: Actor): Promise<MeetingType> {
  const type = (await meetingTypes(ctx, as)).at(0);
  if (type === undefined) skip('GET /v1/booking/meeting-types lists no meeting type');
  return type;
}

/** Fails with `message` unless the items are sorted by `start`, earliest first (`ascending`) or latest first. */
export function expectSortedByStart(items: readonly { start: string }[], order: 'ascending' | 'descending', message: string): void {
  for (let index = 1; index < items.length; index++) {
    const previous = Date.parse(items[index - 1]?.start ?? '');
    const current = Date.parse(items[index]?.start ?? '');
    check(order === 'ascending' ? previous <= current : previous >= current, message);
  }
}

export function slotsPath(meetingTypeId: string, from: string, to: string): string {
  return `/v1/booking/slots?${new URLSearchParams({ meetingTypeId, from, to }).toString()}`;
}

export async function slotList(ctx: RuleContext, as: Actor, meetingTypeId: string, from = today(), to = addDays(from, WINDOW_DAYS)): Promise<SlotList> {
  const path = slotsPath(meetingTypeId, from, to);
  ctx.step(`GET ${path} as ${as.id}`);
  return expectJson(await send(ctx, 'GET', path, { as }), 200, 'SlotList') as SlotList;
}

export async function readBooking(ctx: RuleContext, as: Actor, id: string): Promise<Booking> {
  const path = `/v1/booking/bookings/${encodeURIComponent(id)}`;
  ctx.step(`GET ${path}`);
  return expectJson(await send(ctx, 'GET', path, { as }), 200, 'Booking') as Booking;
}

/** The citizen's upcoming bookings (up to three pages of 100). */
export async function upcomingBookings(ctx: RuleContext, as: Actor): Promise<Booking[]> {
  const found: Booking[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 3; page++) {
    const query: Record<string, string> = { when: 'upcoming', limit: '100' };
    if (cursor !== null) query.cursor = cursor;
    const path = `/v1/booking/bookings?${new URLSearchParams(query).toString()}`;
    ctx.step(`GET ${path}`);
    const body = expectJson(await send(ctx, 'GET', path, { as }), 200, 'BookingPage') as { items: Booking[]; nextCursor: string | null };
    found.push(...body.items);
    cursor = body.nextCursor;
    if (cursor === null) break;
  }
  return found;
}

/** Answers for every required question (the first option of a choice, a short text otherwise). */
export function answersFor(type: MeetingType): Answer[] {
  return type.questions
    .filter((question) => question.required)
    .map((question) => ({ questionId: question.id, value: question.kind === 'choice' ? (question.options?.[0]?.id ?? '') : 'Conformance test' }));
}

export interface Bookable {
  type: MeetingType;
  slots: Slot[];
}

/**
 * A meeting type with at least `min` free times for `as` in the next four weeks (skips the rule when there is
 * none). `withRequired`: only types with a required question.
 */
export async function findBookable(ctx: RuleContext, as: Actor, options: { min?: number; withRequired?: boolean } = {}): Promise<Bookable> {
  const min = options.min ?? 1;
  const types = await meetingTypes(ctx, as);
  const candidates = types.filter((type) => options.withRequired !== true || type.questions.some((question) => question.required));
  if (candidates.length === 0) {
    skip(options.withRequired === true ? 'no meeting type has a required question' : 'GET /v1/booking/meeting-types lists no meeting type');
  }
  for (const type of candidates) {
    const list = await slotList(ctx, as, type.id);
    if (list.slots.length >= min) return { type, slots: list.slots };
  }
  skip(`no meeting type${options.withRequired === true ? ' with a required question' : ''} has ${String(min)} free time${min === 1 ? '' : 's'} for ${as.id} in the next ${String(WINDOW_DAYS + 1)} days`);
}

/** A different free time for every call in a run (so rules do not trip over each other's leftovers). */
export function pickSlot(ctx: RuleContext, slots: readonly Slot[], avoid: readonly string[] = []): Slot {
  const usable = slots.filter((slot) => !avoid.includes(slot.id));
  if (usable.length === 0) skip('not enough free times to pick from');
  const state = bookingState(ctx.suite);
  const slot = usable[state.picks % usable.length];
  state.picks++;
  return slot;
}

// ---------------------------------------------------------------------------------------------------------
// Writing

/** `POST /v1/booking/holds`, with a new key unless `key` is given (`null`: none). Remembers a created hold. */
export async function postHold(ctx: RuleContext, as: Actor, body: unknown, key: string | null = newKey(ctx.suite)): Promise<Res> {
  const res = await send(ctx, 'POST', '/v1/booking/holds', { as, json: body, headers: key === null ? {} : { 'Idempotency-Key': key } });
  const created = res.body;
  if (res.status === 201 && isRecord(created) && typeof created.id === 'string') {
    const holds = bookingState(ctx.suite).holds;
    if (!holds.some((hold) => hold.id === created.id)) holds.push({ id: created.id, owner: as });
  }
  return res;
}

export async function hold(ctx: RuleContext, as: Actor, type: MeetingType, slot: Slot): Promise<Hold> {
  ctx.step(`POST /v1/booking/holds as ${as.id} (${slot.start})`);
  return expectJson(await postHold(ctx, as, { slotId: slot.id, meetingTypeId: type.id }), 201, 'Hold') as Hold;
}

export async function releaseHold(ctx: RuleContext, as: Actor, id: string): Promise<Res> {
  ctx.step(`DELETE /v1/booking/holds/${id}`);
  const res = await send(ctx, 'DELETE', `/v1/booking/holds/${encodeURIComponent(id)}`, { as });
  if (res.status === 204) {
    const state = bookingState(ctx.suite);
    state.holds = state.holds.filter((known) => known.id !== id);
  }
  return res;
}

/** `POST /v1/booking/bookings`; remembers a created booking. */
export async function postBooking(ctx: RuleContext, as: Actor, body: unknown, key: string | null = newKey(ctx.suite)): Promise<Res> {
  const res = await send(ctx, 'POST', '/v1/booking/bookings', { as, json: body, headers: key === null ? {} : { 'Idempotency-Key': key } });
  rememberBooking(ctx.suite, res, as);
  return res;
}

export function rememberBooking(suite: SuiteState, res: Res, owner: Actor): void {
  const created = res.body;
  if ((res.status === 200 || res.status === 201) && isRecord(created) && typeof created.id === 'string') {
    const bookings = bookingState(suite).bookings;
    if (!bookings.some((booking) => booking.id === created.id)) bookings.push({ id: created.id, owner });
  }
}

/** Holds `slot` and books it with the required answers. */
export async function book(ctx: RuleContext, as: Actor, type: MeetingType, slot: Slot): Promise<Booking> {
  const held = await hold(ctx, as, type, slot);
  ctx.step(`POST /v1/booking/bookings as ${as.id} (hold ${held.id})`);
  return expectJson(await postBooking(ctx, as, { holdId: held.id, answers: answersFor(type) }), 201, 'Booking') as Booking;
}

export async function postAction(ctx: RuleContext, as: Actor, id: string, action: 'reschedule' | 'cancel', body: unknown, key: string = newKey(ctx.suite)): Promise<Res> {
  const path = `/v1/booking/bookings/${encodeURIComponent(id)}/${action}`;
  ctx.step(`POST ${path} as ${as.id}`);
  return send(ctx, 'POST', path, { as, json: body, headers: { 'Idempotency-Key': key } });
}

/** Cancels a booking and checks the answer is a cancelled Booking. */
export async function cancelBooking(ctx: RuleContext, as: Actor, id: string, reason?: string): Promise<Booking> {
  return expectJson(await postAction(ctx, as, id, 'cancel', reason === undefined ? {} : { reason }), 200, 'Booking') as Booking;
}

// ---------------------------------------------------------------------------------------------------------
// A second citizen who shares a caseworker with the citizen

/**
 * Another citizen whose free times include the citizen's (the same slot ids): the other citizen first, then —
 * with `--demo` — the other demo citizens. Skips the rule when there is none.
 */
export async function peer(ctx: RuleContext, bookable: Bookable): Promise<Actor> {
  const state = bookingState(ctx.suite);
  if (state.peer === undefined) state.peer = await findPeer(ctx, bookable);
  if ('reason' in state.peer) skip(state.peer.reason);
  return state.peer.actor;
}

async function findPeer(ctx: RuleContext, bookable: Bookable): Promise<{ actor: Actor } | { reason: string }> {
  const { suite } = ctx;
  const citizen = actor(suite, 'citizen');
  const ids = new Set(bookable.slots.map((slot) => slot.id));
  const tried: string[] = [];
  const shares = async (candidate: Actor): Promise<boolean> => {
    tried.push(candidate.id);
    const res = await send(ctx, 'GET', slotsPath(bookable.type.id, today(), addDays(today(), WINDOW_DAYS)), { as: candidate });
    if (res.status !== 200 || !isRecord(res.body) || !Array.isArray(res.body.slots)) return false;
    return res.body.slots.some((slot) => isRecord(slot) && typeof slot.id === 'string' && ids.has(slot.id));
  };
  const other = suite.otherCitizen;
  if (other !== undefined && other.id !== citizen.id && (await shares(other))) return { actor: other };
  if (suite.options.demo) {
    const users = await demoUsers(ctx).catch((): DemoUser[] => []);
    for (const user of users) {
      if (user.role !== 'citizen' || user.id === citizen.id || user.id === other?.id) continue;
      const candidate = await demoLogin(ctx, user);
      if (await shares(candidate)) return { actor: candidate };
    }
  }
  const how = suite.options.demo ? '' : ' (pass --other-citizen-token for a citizen who shares a caseworker with the citizen, or use --demo)';
  const none = tried.length === 0 ? 'the run has no other citizen' : `${tried.join(', ')} ${tried.length === 1 ? 'does' : 'do'} not`;
  return { reason: `needs a second citizen who sees the citizen's free times (shares a caseworker); ${none}${how}` };
}

// ---------------------------------------------------------------------------------------------------------
// iCalendar

/** The content lines of an iCalendar text (unfolded): name → values, in order. */
export function calendarLines(text: string): Map<string, string[]> {
  const unfolded = text.replace(/\r?\n[ \t]/g, '');
  const lines = new Map<string, string[]>();
  for (const line of unfolded.split(/\r?\n/)) {
    const match = /^([A-Za-z0-9-]+)((?:;[^:]*)?):(.*)$/.exec(line);
    if (match === null) continue;
    const name = match[1].toUpperCase();
    const values = lines.get(name) ?? [];
    values.push(match[3]);
    lines.set(name, values);
  }
  return lines;
}

export interface CalendarView {
  method?: string;
  uid?: string;
  sequence?: string;
  status?: string;
  dtstart?: string;
  dtend?: string;
}

/** `GET /v1/booking/bookings/{id}/calendar`: `200 text/calendar` with one VEVENT. */
export async function readCalendar(ctx: RuleContext, as: Actor, id: string): Promise<CalendarView> {
  const path = `/v1/booking/bookings/${encodeURIComponent(id)}/calendar`;
  ctx.step(`GET ${path}`);
  const res = await send(ctx, 'GET', path, { as, headers: { Accept: 'text/calendar' } });
  if (res.status !== 200) fail(`expected 200, got ${describe(res)}`);
  check(/^text\/calendar\b/i.test(res.contentType), `GET ${path}: expected Content-Type text/calendar, got ${res.contentType || 'none'}`);
  const lines = calendarLines(res.text);
  check(lines.get('BEGIN')?.includes('VCALENDAR') === true && lines.get('BEGIN')?.includes('VEVENT') === true, `GET ${path}: not an iCalendar text with a VEVENT`);
  const first = (name: string): string | undefined => lines.get(name)?.[0];
  return { method: first('METHOD'), uid: first('UID'), sequence: first('SEQUENCE'), status: first('STATUS'), dtstart: first('DTSTART'), dtend: first('DTEND') };
}

// ---------------------------------------------------------------------------------------------------------
// Cleanup

function cleanupContext(suite: SuiteState, signal: AbortSignal): RuleContext {
  return { suite, signal, timeoutMs: suite.options.timeoutMs, step: () => undefined, note: () => undefined, pause: (ms) => sleep(ms, signal) };
}

/** Cancels the bookings the run left booked and releases its holds (best effort); notes what it did. */
export async function cleanupBooking(suite: SuiteState, signal: AbortSignal, label = 'booking'): Promise<void> {
  const state = suite.booking;
  if (state === undefined) return;
  const ctx = cleanupContext(suite, signal);
  let cancelled = 0;
  let firstProblem: string | undefined;
  for (const item of state.bookings) {
    try {
      const res = await send(ctx, 'GET', `/v1/booking/bookings/${encodeURIComponent(item.id)}`, { as: item.owner });
      if (res.status !== 200 || !isRecord(res.body) || res.body.status !== 'booked') continue;
      const cancel = await send(ctx, 'POST', `/v1/booking/bookings/${encodeURIComponent(item.id)}/cancel`, {
        as: item.owner,
        json: { reason: 'Conformance suite cleanup' },
        headers: { 'Idempotency-Key': newKey(suite) },
      });
      if (cancel.status === 200) cancelled++;
      else firstProblem ??= describe(cancel);
    } catch (error) {
      firstProblem ??= error instanceof Error ? error.message : String(error);
      break;
    }
  }
  for (const item of state.holds) {
    try {
      await send(ctx, 'DELETE', `/v1/booking/holds/${encodeURIComponent(item.id)}`, { as: item.owner });
    } catch {
      break;
    }
  }
  const made = state.bookings.length;
  if (made > 0 || state.helpRequests > 0 || state.receipts > 0) {
    const parts = [`made ${String(made)} booking${made === 1 ? '' : 's'}`];
    if (cancelled > 0) parts.push(`cancelled ${String(cancelled)} a rule left booked`);
    if (state.helpRequests > 0 || state.receipts > 0) {
      parts.push(`created ${String(state.helpRequests)} help request${state.helpRequests === 1 ? '' : 's'} and ${String(state.receipts)} receipt${state.receipts === 1 ? '' : 's'} (the contract has no delete)`);
    }
    suite.cleanupNotes.push(`${label}: ${parts.join('; ')}${firstProblem === undefined ? '' : ` (first problem: ${firstProblem})`}`);
  }
  state.bookings = [];
  state.holds = [];
  state.helpRequests = 0;
  state.receipts = 0;
}
