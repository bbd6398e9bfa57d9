/**
 * Self-booking, job-centre side ("the desk", `/v1/booking/desk/…`): the caseworker's availability (read, replace
 * with If-Match, refused when invalid — and restored at the end), booking on a citizen's behalf, moving and
 * cancelling with a reason the citizen sees, and the help requests. A server without the desk (GET
 * /v1/booking/desk/availability → 404) has every rule of this group skipped.
 */
import type { Availability, AvailabilityRule, Booking, DeskBooking, Slot, SlotList } from '../../schemas/index.js';
import { check, fail, skip, sleep, type Actor, type RuleContext, type RuleGroup } from '../context.js';
import {
  addDays, bookingState, cleanupBooking, expectSortedByStart, firstMeetingType, meetingTypes, pickSlot, readBooking, rememberBooking, requireSelfBooking, sameInstant,
  today, WINDOW_DAYS,
} from '../booking.js';
import { describe, expectInvalidAt, expectJson, expectProblem, expectSchema, expectStatus, expectStrongEtag, isRecord, sameJson, send, type Res } from '../http.js';
import { actor, newKey } from '../notifications.js';
import { EventStream, type SseEvent } from '../sse.js';

const AVAILABILITY = '/v1/booking/desk/availability';
const RULES = `${AVAILABILITY}/rules`;

/** Skips when self-booking is off or the server has no desk; answers the caseworker. */
async function deskFor(ctx: RuleContext): Promise<Actor> {
  await requireSelfBooking(ctx);
  const caseworker = actor(ctx.suite, 'caseworker');
  const state = bookingState(ctx.suite);
  if (state.desk === undefined) {
    ctx.step(`GET ${AVAILABILITY} (does the server have the desk?)`);
    const res = await send(ctx, 'GET', AVAILABILITY, { as: caseworker });
    state.desk = res.status === 404 ? { available: false, reason: `the server has no booking desk (${describe(res)})` } : { available: true };
  }
  if (!state.desk.available) skip(state.desk.reason);
  return caseworker;
}

async function readAvailability(ctx: RuleContext, caseworker: Actor): Promise<{ doc: Availability; etag: string }> {
  ctx.step(`GET ${AVAILABILITY}`);
  const res = await send(ctx, 'GET', AVAILABILITY, { as: caseworker });
  const doc = expectJson(res, 200, 'Availability') as Availability;
  return { doc, etag: expectStrongEtag(res) };
}

function putRules(ctx: RuleContext, caseworker: Actor, rules: unknown[], ifMatch?: string): Promise<Res> {
  ctx.step(`PUT ${RULES} (${String(rules.length)} rules${ifMatch === undefined ? '' : `, If-Match: ${ifMatch}`})`);
  return send(ctx, 'PUT', RULES, { as: caseworker, json: { rules }, headers: ifMatch === undefined ? {} : { 'If-Match': ifMatch } });
}

const ruleKey = (rule: AvailabilityRule): string => `${String(rule.weekday)} ${rule.start} ${rule.meetingTypeId} ${rule.end}`;
const sortedRules = (rules: readonly AvailabilityRule[]): string[] => rules.map(ruleKey).sort();

interface DeskPlan {
  caseworker: Actor;
  citizen: Actor;
  meetingTypeId: string;
  slots: Slot[];
}

function deskSlotsPath(citizenId: string, meetingTypeId: string, from = today(), to = addDays(from, WINDOW_DAYS)): string {
  return `/v1/booking/desk/slots?${new URLSearchParams({ citizenId, meetingTypeId, from, to }).toString()}`;
}

async function deskSlots(ctx: RuleContext, caseworker: Actor, citizenId: string, meetingTypeId: string): Promise<Slot[]> {
  const path = deskSlotsPath(citizenId, meetingTypeId);
  ctx.step(`GET ${path}`);
  return (expectJson(await send(ctx, 'GET', path, { as: caseworker }), 200, 'SlotList') as SlotList).slots;
}

/** A meeting type with at least `min` free times of the caseworker for the citizen (skips when there is none). */
async function plan(ctx: RuleContext, min = 1): Promise<DeskPlan> {
  const caseworker = await deskFor(ctx);
  const citizen = actor(ctx.suite, 'citizen');
  for (const type of await meetingTypes(ctx, citizen)) {
    const slots = await deskSlots(ctx, caseworker, citizen.id, type.id);
    if (slots.length >= min) return { caseworker, citizen, meetingTypeId: type.id, slots };
  }
  skip(`the caseworker has no meeting type with ${String(min)} free time${min === 1 ? '' : 's'} for ${citizen.id} in the next ${String(WINDOW_DAYS + 1)} days`);
}

async function postDesk(ctx: RuleContext, p: DeskPlan, path: string, body: unknown, key: string | null = newKey(ctx.suite)): Promise<Res> {
  ctx.step(`POST ${path}`);
  const res = await send(ctx, 'POST', path, { as: p.caseworker, json: body, headers: key === null ? {} : { 'Idempotency-Key': key } });
  rememberBooking(ctx.suite, res, p.citizen);
  return res;
}

async function bookOnBehalf(ctx: RuleContext, p: DeskPlan, slot: Slot): Promise<DeskBooking> {
  const res = await postDesk(ctx, p, '/v1/booking/desk/bookings', { citizenId: p.citizen.id, meetingTypeId: p.meetingTypeId, slotId: slot.id });
  return expectJson(res, 201, 'DeskBooking') as DeskBooking;
}

function deskAction(ctx: RuleContext, p: DeskPlan, id: string, action: 'move' | 'cancel', body: unknown): Promise<Res> {
  return postDesk(ctx, p, `/v1/booking/desk/bookings/${encodeURIComponent(id)}/${action}`, body);
}

async function deskCancel(ctx: RuleContext, p: DeskPlan, id: string, reason: string): Promise<DeskBooking> {
  return expectJson(await deskAction(ctx, p, id, 'cancel', { reason }), 200, 'DeskBooking') as DeskBooking;
}

/** Cancels a booking a rule made and no longer needs. */
function cancelAfterRule(ctx: RuleContext, p: DeskPlan, id: string): Promise<DeskBooking> {
  return deskCancel(ctx, p, id, `Conformance ${ctx.suite.runId}: cleanup`);
}

/** A plan with two free times, one of them booked on the citizen's behalf. */
async function planWithBooking(ctx: RuleContext): Promise<{ p: DeskPlan; slot: Slot; booked: DeskBooking }> {
  const p = await plan(ctx, 2);
  const slot = pickSlot(ctx, p.slots);
  const booked = await bookOnBehalf(ctx, p, slot);
  return { p, slot, booked };
}

async function openEvents(ctx: RuleContext, as: Actor, who: string): Promise<EventStream> {
  ctx.step(`GET /v1/events as the ${who}`);
  const stream = await EventStream.open(ctx, as);
  if (!stream.isEventStream) fail(`GET /v1/events as the ${who}: expected 200 text/event-stream, got ${stream.describe()}`);
  await sleep(200, ctx.signal);
  return stream;
}

function eventAbout(type: string, id: string): (event: SseEvent) => boolean {
  return (event) => event.event === type && isRecord(event.json) && isRecord(event.json.data) && event.json.data.id === id;
}

export const bookingDesk: RuleGroup = {
  name: 'booking-desk',
  title: 'Self-booking (the job centre\'s desk)',
  cleanup: (suite, signal) => cleanupBooking(suite, signal, 'booking-desk'),
  rules: [
    {
      id: 'booking-desk.citizen-forbidden',
      title: 'a citizen token on the desk routes (availability, bookings, citizens, requests) → 403 forbidden',
      needs: ['citizen', 'caseworker'],
      async run(ctx) {
        await deskFor(ctx);
        const citizen = actor(ctx.suite, 'citizen');
        const from = today();
        for (const path of [AVAILABILITY, `/v1/booking/desk/bookings?from=${from}&to=${addDays(from, 7)}`, '/v1/booking/desk/citizens', '/v1/booking/desk/requests']) {
          ctx.step(`GET ${path} as the citizen`);
          expectProblem(await send(ctx, 'GET', path, { as: citizen }), 403, 'forbidden');
        }
        ctx.step(`PUT ${RULES} as the citizen`);
        expectProblem(await putRules(ctx, citizen, []), 403, 'forbidden');
      },
    },
    {
      id: 'booking-desk.availability',
      title: 'GET …/desk/availability → 200 Availability with a strong ETag (rules and exceptions sorted); PUT …/rules with If-Match → 200 with the new rules and a new ETag; a stale If-Match → 412 etag-mismatch; the original rules are put back',
      needs: ['caseworker'],
      async run(ctx) {
        const caseworker = await deskFor(ctx);
        const original = await readAvailability(ctx, caseworker);
        const { rules, exceptions } = original.doc;
        const order = (rule: AvailabilityRule): string => `${String(rule.weekday)} ${rule.start} ${rule.meetingTypeId}`;
        for (let index = 1; index < rules.length; index++) {
          check(order(rules[index - 1]) <= order(rules[index]), `the rules are not sorted by weekday, start, meetingTypeId (at /rules/${String(index)})`);
        }
        for (let index = 1; index < exceptions.length; index++) {
          check((exceptions[index - 1]?.date ?? '') <= (exceptions[index]?.date ?? ''), 'the exceptions are not sorted by date');
        }
        check(exceptions.every((exception) => exception.date >= addDays(today(), -1)), 'the exceptions include days before today');
        let changed: AvailabilityRule[];
        if (rules.length > 0) changed = rules.slice(0, -1);
        else {
          const type = (await meetingTypes(ctx, caseworker)).at(0);
          if (type === undefined) skip('no meeting type to make a rule for');
          changed = [{ meetingTypeId: type.id, weekday: 7, start: '06:00', end: '07:00' }];
        }
        try {
          const res = await putRules(ctx, caseworker, changed, original.etag);
          const after = expectJson(res, 200, 'Availability') as Availability;
          const current = expectStrongEtag(res);
          check(current !== original.etag, `the ETag did not change when the rules changed (${current})`);
          check(sameJson(sortedRules(after.rules), sortedRules(changed)), `PUT ${RULES} answered other rules than it was sent`);
          const read = await readAvailability(ctx, caseworker);
          check(sameJson(sortedRules(read.doc.rules), sortedRules(changed)), `GET ${AVAILABILITY} does not show the new rules`);
          check(read.etag === current, `GET ${AVAILABILITY} has the ETag ${read.etag}, the PUT answered ${current}`);
          expectProblem(await putRules(ctx, caseworker, rules, original.etag), 412, 'etag-mismatch');
          const still = await readAvailability(ctx, caseworker);
          check(sameJson(sortedRules(still.doc.rules), sortedRules(changed)) && still.etag === current, 'the PUT with a stale If-Match changed the rules');
        } finally {
          // Put the original rules back with the ETag the server has now (whatever happened above).
          const now = await readAvailability(ctx, caseworker);
          if (!sameJson(sortedRules(now.doc.rules), sortedRules(rules))) expectStatus(await putRules(ctx, caseworker, rules, now.etag), 200);
        }
        const back = await readAvailability(ctx, caseworker);
        check(sameJson(sortedRules(back.doc.rules), sortedRules(rules)), 'the original rules could not be put back');
      },
    },
    {
      id: 'booking-desk.availability-invalid',
      title: 'PUT …/desk/availability/rules with start ≥ end, a time off the 5-minute grid, an unknown meeting type or two overlapping rules → 400 invalid-request with a pointer under /rules; nothing changed',
      needs: ['caseworker'],
      async run(ctx) {
        const caseworker = await deskFor(ctx);
        const type = await firstMeetingType(ctx, caseworker);
        const before = await readAvailability(ctx, caseworker);
        const cases: [string, AvailabilityRule[], string][] = [
          ['start after end', [{ meetingTypeId: type.id, weekday: 7, start: '10:00', end: '09:00' }], '/rules/0'],
          ['a time off the 5-minute grid', [{ meetingTypeId: type.id, weekday: 7, start: '09:03', end: '10:00' }], '/rules/0'],
          ['an unknown meeting type', [{ meetingTypeId: `conformance-no-such-type`, weekday: 7, start: '09:00', end: '10:00' }], '/rules/0'],
          ['two overlapping rules of one meeting type', [{ meetingTypeId: type.id, weekday: 7, start: '09:00', end: '11:00' }, { meetingTypeId: type.id, weekday: 7, start: '10:00', end: '12:00' }], '/rules'],
        ];
        for (const [what, rules, pointer] of cases) {
          ctx.step(`PUT ${RULES} with ${what}`);
          expectInvalidAt(await putRules(ctx, caseworker, rules, before.etag), pointer);
        }
        const after = await readAvailability(ctx, caseworker);
        check(after.etag === before.etag && sameJson(after.doc, before.doc), 'a refused PUT changed the availability');
      },
    },
    {
      id: 'booking-desk.book-on-behalf',
      title: 'POST …/desk/bookings → 201 DeskBooking (bookedBy caseworker, the citizen); no key → 400; replay → same booking; the citizen sees it with bookedBy caseworker; the time is no longer free (again → 409 slot-unavailable); it is in the desk list',
      needs: ['citizen', 'caseworker'],
      async run(ctx) {
        const p = await plan(ctx);
        ctx.step('GET /v1/booking/desk/citizens');
        const citizens = expectJson(await send(ctx, 'GET', '/v1/booking/desk/citizens', { as: p.caseworker }), 200, 'DeskCitizenList') as { items: { id: string; firstName: string }[] };
        check(citizens.items.some((item) => item.id === p.citizen.id), `GET /v1/booking/desk/citizens does not list ${p.citizen.id}, who is assigned to the caseworker`);
        const slot = pickSlot(ctx, p.slots);
        const body = { citizenId: p.citizen.id, meetingTypeId: p.meetingTypeId, slotId: slot.id };
        expectProblem(await postDesk(ctx, p, '/v1/booking/desk/bookings', body, null), 400, 'idempotency-key-required');
        const key = newKey(ctx.suite);
        const first = await postDesk(ctx, p, '/v1/booking/desk/bookings', body, key);
        const created = expectJson(first, 201, 'DeskBooking') as DeskBooking;
        const problems: string[] = [];
        if (created.bookedBy !== 'caseworker') problems.push(`bookedBy is ${created.bookedBy}, expected caseworker`);
        if (created.citizen.id !== p.citizen.id) problems.push(`citizen.id is ${created.citizen.id}`);
        if (created.status !== 'booked' || created.sequence !== 0) problems.push(`status ${created.status}, sequence ${String(created.sequence)}`);
        if (!sameInstant(created.start, slot.start)) problems.push(`start is ${created.start}, the slot's ${slot.start}`);
        if (problems.length > 0) fail(`POST /v1/booking/desk/bookings → 201: ${problems.join('; ')}`);
        const replay = await postDesk(ctx, p, '/v1/booking/desk/bookings', body, key);
        check(replay.status === 201 && isRecord(replay.body) && replay.body.id === created.id, `the replay answered ${describe(replay)}, not the same booking`);
        check(replay.headers.get('idempotent-replayed') === 'true', 'the replay has no Idempotent-Replayed: true');
        const seen: Booking = await readBooking(ctx, p.citizen, created.id);
        check(seen.bookedBy === 'caseworker' && seen.status === 'booked', `the citizen sees bookedBy ${seen.bookedBy}, status ${seen.status}`);
        check(!(await deskSlots(ctx, p.caseworker, p.citizen.id, p.meetingTypeId)).some((item) => item.id === slot.id), `the booked time ${slot.start} is still among the desk's free times`);
        expectProblem(await postDesk(ctx, p, '/v1/booking/desk/bookings', body), 409, 'slot-unavailable');
        const from = today();
        const path = `/v1/booking/desk/bookings?from=${from}&to=${addDays(from, WINDOW_DAYS)}`;
        ctx.step(`GET ${path}`);
        const list = expectJson(await send(ctx, 'GET', path, { as: p.caseworker }), 200, 'DeskBookingList') as { items: DeskBooking[] };
        check(list.items.some((item) => item.id === created.id), `GET ${path} does not list the new booking`);
        expectSortedByStart(list.items, 'ascending', `GET ${path} is not sorted by start`);
        await cancelAfterRule(ctx, p, created.id);
      },
    },
    {
      id: 'booking-desk.move',
      title: 'POST …/desk/bookings/{id}/move with a reason → 200, same id, the new time, sequence + 1, changeReason; the citizen sees the move and the reason; the old time is free again',
      needs: ['citizen', 'caseworker'],
      async run(ctx) {
        const { p, slot: first, booked } = await planWithBooking(ctx);
        const second = pickSlot(ctx, p.slots, [first.id]);
        const reason = `Conformance ${ctx.suite.runId}: the caseworker is ill`;
        const moved = expectJson(await deskAction(ctx, p, booked.id, 'move', { slotId: second.id, reason }), 200, 'DeskBooking') as DeskBooking;
        const problems: string[] = [];
        if (moved.id !== booked.id) problems.push(`the id changed to ${moved.id}`);
        if (!sameInstant(moved.start, second.start)) problems.push(`start is ${moved.start}, expected ${second.start}`);
        if (moved.sequence !== booked.sequence + 1) problems.push(`sequence is ${String(moved.sequence)}, expected ${String(booked.sequence + 1)}`);
        if (moved.changeReason !== reason) problems.push(`changeReason is ${JSON.stringify(moved.changeReason)}`);
        if (problems.length > 0) fail(`POST /v1/booking/desk/bookings/${booked.id}/move → 200: ${problems.join('; ')}`);
        const seen = await readBooking(ctx, p.citizen, booked.id);
        check(sameInstant(seen.start, second.start) && seen.changeReason === reason && seen.sequence === moved.sequence, 'the citizen does not see the move (time, changeReason, sequence)');
        const free = await deskSlots(ctx, p.caseworker, p.citizen.id, p.meetingTypeId);
        check(free.some((item) => item.id === first.id), `the old time ${first.start} is not free again after the move`);
        check(!free.some((item) => item.id === second.id), `the new time ${second.start} is still free`);
        await cancelAfterRule(ctx, p, booked.id);
      },
    },
    {
      id: 'booking-desk.cancel',
      title: 'POST …/desk/bookings/{id}/cancel with a reason → 200 cancelled, cancelledBy caseworker, the reason, sequence + 1; without a reason → 400; again → unchanged; move → 409 booking-cancelled',
      needs: ['citizen', 'caseworker'],
      async run(ctx) {
        const { p, slot, booked } = await planWithBooking(ctx);
        ctx.step('cancel without a reason');
        expectInvalidAt(await deskAction(ctx, p, booked.id, 'cancel', {}), '/reason');
        const reason = `Conformance ${ctx.suite.runId}: the job centre is closed`;
        const cancelled = await deskCancel(ctx, p, booked.id, reason);
        const problems: string[] = [];
        if (cancelled.status !== 'cancelled') problems.push(`status is ${cancelled.status}`);
        if (cancelled.cancelledBy !== 'caseworker') problems.push(`cancelledBy is ${String(cancelled.cancelledBy)}`);
        if (cancelled.cancelReason !== reason) problems.push(`cancelReason is ${JSON.stringify(cancelled.cancelReason)}`);
        if (cancelled.sequence !== booked.sequence + 1) problems.push(`sequence is ${String(cancelled.sequence)}`);
        if (problems.length > 0) fail(`POST /v1/booking/desk/bookings/${booked.id}/cancel → 200: ${problems.join('; ')}`);
        const seen = await readBooking(ctx, p.citizen, booked.id);
        check(seen.status === 'cancelled' && seen.cancelledBy === 'caseworker' && seen.cancelReason === reason, 'the citizen does not see the cancel by the caseworker with its reason');
        const again = await deskCancel(ctx, p, booked.id, `${reason} (again)`);
        check(again.sequence === cancelled.sequence && again.cancelReason === reason, 'cancelling a cancelled booking changed it');
        const other = pickSlot(ctx, p.slots, [slot.id]);
        expectProblem(await deskAction(ctx, p, booked.id, 'move', { slotId: other.id, reason }), 409, 'booking-cancelled');
      },
    },
    {
      id: 'booking-desk.events',
      title: 'a desk booking reaches the citizen\'s stream as booking.changed (the Booking); the citizen\'s cancel reaches the caseworker\'s stream as booking.desk-changed {kind: booking, id}',
      needs: ['citizen', 'caseworker'],
      async run(ctx) {
        const p = await plan(ctx);
        const citizenStream = await openEvents(ctx, p.citizen, 'citizen');
        const deskStream = await openEvents(ctx, p.caseworker, 'caseworker');
        try {
          const booked = await bookOnBehalf(ctx, p, pickSlot(ctx, p.slots));
          const wait = Math.max(2000, ctx.timeoutMs / 3);
          ctx.step(`wait for booking.changed about ${booked.id} on the citizen's stream`);
          const changed = await citizenStream.waitFor(eventAbout('booking.changed', booked.id), wait, `the booking.changed event about ${booked.id}`);
          expectSchema(changed.json, 'BookingChangedEvent', 'the booking.changed event');
          const data = (changed.json as { data: Booking }).data;
          check(data.bookedBy === 'caseworker' && data.status === 'booked', `the booking.changed event says bookedBy ${data.bookedBy}, status ${data.status}`);
          ctx.step(`POST /v1/booking/bookings/${booked.id}/cancel as the citizen`);
          const cancel = await send(ctx, 'POST', `/v1/booking/bookings/${encodeURIComponent(booked.id)}/cancel`, { as: p.citizen, json: {}, headers: { 'Idempotency-Key': newKey(ctx.suite) } });
          expectJson(cancel, 200, 'Booking');
          ctx.step(`wait for booking.desk-changed about ${booked.id} on the caseworker's stream`);
          const deskEvent = await deskStream.waitFor(eventAbout('booking.desk-changed', booked.id), wait, `the booking.desk-changed event about ${booked.id}`);
          expectSchema(deskEvent.json, 'BookingDeskChangedEvent', 'the booking.desk-changed event');
          const kind = (deskEvent.json as { data: { kind: string } }).data.kind;
          check(kind === 'booking', `the booking.desk-changed event has kind ${kind}, expected booking`);
        } finally {
          citizenStream.close();
          deskStream.close();
        }
      },
    },
    {
      id: 'booking-desk.requests',
      title: 'a citizen\'s help request is in GET …/desk/requests (DeskRequests) with the citizen; POST …/help-requests/{id}/handled → 200 with handledAt, repeating keeps it',
      needs: ['citizen', 'caseworker'],
      async run(ctx) {
        const caseworker = await deskFor(ctx);
        const citizen = actor(ctx.suite, 'citizen');
        const message = `Conformance ${ctx.suite.runId}: a help request for the desk. It can be ignored.`;
        ctx.step('POST /v1/booking/help-requests as the citizen');
        const created = expectJson(
          await send(ctx, 'POST', '/v1/booking/help-requests', { as: citizen, json: { reasons: ['accessibility'], message }, headers: { 'Idempotency-Key': newKey(ctx.suite) } }),
          201,
          'HelpRequest',
        ) as { id: string };
        bookingState(ctx.suite).helpRequests++;
        ctx.step('GET /v1/booking/desk/requests');
        const requests = expectJson(await send(ctx, 'GET', '/v1/booking/desk/requests', { as: caseworker }), 200, 'DeskRequests') as {
          helpRequests: { id: string; citizen: { id: string }; message: string | null; handledAt: string | null }[];
        };
        const found = requests.helpRequests.find((item) => item.id === created.id);
        if (found === undefined) fail('the citizen\'s new help request is not in GET /v1/booking/desk/requests');
        check(found.citizen.id === citizen.id && found.message === message && found.handledAt === null, 'the help request on the desk does not show the citizen, the message and handledAt null');
        const path = `/v1/booking/desk/help-requests/${encodeURIComponent(created.id)}/handled`;
        ctx.step(`POST ${path}`);
        const handled = expectJson(await send(ctx, 'POST', path, { as: caseworker, headers: { 'Idempotency-Key': newKey(ctx.suite) } }), 200) as { handledAt?: unknown };
        check(typeof handled.handledAt === 'string', `POST ${path} answered handledAt ${JSON.stringify(handled.handledAt)}`);
        ctx.step(`POST ${path} again`);
        const again = expectJson(await send(ctx, 'POST', path, { as: caseworker, headers: { 'Idempotency-Key': newKey(ctx.suite) } }), 200) as { handledAt?: unknown };
        check(again.handledAt === handled.handledAt, 'marking it handled again changed handledAt');
      },
    },
  ],
};
