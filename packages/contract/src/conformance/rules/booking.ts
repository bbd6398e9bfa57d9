/**
 * Self-booking, citizen side (docs/contract.md "Self-booking"): meeting types, free times, holds, bookings,
 * reschedule, cancel, the calendar file, help requests and receipts — and that the database, not luck, decides
 * who gets a time when many ask at once. Every booking a rule makes is cancelled again (by the rule, or by the
 * group's cleanup when the rule failed half-way), so running the suite twice works.
 */
import type { Booking, Hold, MeetingType, Slot } from '../../schemas/index.js';
import { check, fail, RuleSkip, skip, type Actor, type RuleContext, type RuleGroup } from '../context.js';
import {
  addDays, answersFor, book, bookingState, cancelBooking, cleanupBooking, expectSortedByStart, findBookable, firstMeetingType, hold, icalUtc, localDate,
  MAX_SLOT_RANGE_DAYS, meetingTypes, peer, pickSlot, postAction, postBooking, postHold, readBooking, readCalendar, releaseHold, requireSelfBooking, sameInstant,
  slotList, slotsPath, today, upcomingBookings, WINDOW_DAYS, type Bookable,
} from '../booking.js';
import { describe, expectInvalidAt, expectJson, expectProblem, expectStatus, isRecord, sameJson, send, type Res } from '../http.js';
import { actor, newKey } from '../notifications.js';

/** How many requests the concurrency rules send at once. */
export const CONCURRENT_REQUESTS = 12;

async function citizenFor(ctx: RuleContext): Promise<Actor> {
  await requireSelfBooking(ctx);
  return actor(ctx.suite, 'citizen');
}

/** A problem response with a 4xx status (a request that lost a race must be refused cleanly, not crash). */
function expectClientError(res: Res, what: string): void {
  if (res.status < 400 || res.status >= 500) fail(`${what}: expected a 4xx problem, got ${describe(res)}`);
  check(/^application\/problem\+json\b/i.test(res.contentType), `${what}: ${describe(res)} is not application/problem+json`);
}

function ids(slots: readonly Slot[]): Set<string> {
  return new Set(slots.map((slot) => slot.id));
}

/** The citizen's free times again, for checking that a time was taken or freed. */
async function freeIds(ctx: RuleContext, as: Actor, type: MeetingType): Promise<Set<string>> {
  return ids((await slotList(ctx, as, type.id)).slots);
}

/** The citizen's bookings at `start` that are still booked (to prove a refused request booked nothing, or a replay once). */
async function bookedAt(ctx: RuleContext, citizen: Actor, start: string): Promise<Booking[]> {
  return (await upcomingBookings(ctx, citizen)).filter((item) => item.status === 'booked' && sameInstant(item.start, start));
}

/** The citizen, a bookable meeting type, and a new hold on one of its free times. */
async function citizenWithHold(ctx: RuleContext): Promise<{ citizen: Actor; bookable: Bookable; slot: Slot; held: Hold }> {
  const citizen = await citizenFor(ctx);
  const bookable = await findBookable(ctx, citizen);
  const slot = pickSlot(ctx, bookable.slots);
  const held = await hold(ctx, citizen, bookable.type, slot);
  return { citizen, bookable, slot, held };
}

/** The citizen, a meeting type with at least `min` free times, and a new booking of one of them. */
async function citizenWithBooking(ctx: RuleContext, min = 1): Promise<{ citizen: Actor; bookable: Bookable; slot: Slot; booked: Booking }> {
  const citizen = await citizenFor(ctx);
  const bookable = await findBookable(ctx, citizen, { min });
  const slot = pickSlot(ctx, bookable.slots);
  const booked = await book(ctx, citizen, bookable.type, slot);
  return { citizen, bookable, slot, booked };
}

/** The free times the citizen and the peer both see (skips when there are none). */
async function shared(ctx: RuleContext, bookable: Bookable, other: Actor): Promise<Slot[]> {
  const theirs = await freeIds(ctx, other, bookable.type);
  const both = bookable.slots.filter((slot) => theirs.has(slot.id));
  if (both.length === 0) skip(`${other.id} no longer sees any of the citizen's free times`);
  return both;
}

export const booking: RuleGroup = {
  name: 'booking',
  title: 'Self-booking (citizen side)',
  cleanup: cleanupBooking,
  rules: [
    {
      id: 'booking.meeting-types',
      title: 'GET /v1/booking/meeting-types → 200 MeetingTypeList with at least one type; ids unique; every choice question has options',
      needs: ['citizen'],
      async run(ctx) {
        const citizen = await citizenFor(ctx);
        const types = await meetingTypes(ctx, citizen);
        check(types.length > 0, 'GET /v1/booking/meeting-types lists no meeting type, but /v1/config says self-booking is on');
        check(new Set(types.map((type) => type.id)).size === types.length, 'GET /v1/booking/meeting-types lists a meeting type id twice');
        for (const type of types) {
          check(new Set(type.questions.map((question) => question.id)).size === type.questions.length, `meeting type ${type.id} has a question id twice`);
          for (const question of type.questions) {
            if (question.kind === 'choice') check((question.options?.length ?? 0) > 0, `the choice question ${question.id} of ${type.id} has no options`);
          }
        }
      },
    },
    {
      id: 'booking.slots',
      title: 'GET /v1/booking/slots → 200 SlotList for every meeting type; each slot in the future, inside [from, to], end after start; sorted by start; ids unique; nextAvailable after to',
      needs: ['citizen'],
      async run(ctx) {
        const citizen = await citizenFor(ctx);
        const types = await meetingTypes(ctx, citizen);
        if (types.length === 0) skip('GET /v1/booking/meeting-types lists no meeting type');
        const from = today();
        const to = addDays(from, WINDOW_DAYS);
        let total = 0;
        for (const type of types) {
          const list = await slotList(ctx, citizen, type.id, from, to);
          const where = `GET ${slotsPath(type.id, from, to)}`;
          const asked = Date.now();
          let previous = -Infinity;
          for (const slot of list.slots) {
            const start = Date.parse(slot.start);
            const end = Date.parse(slot.end);
            check(end > start, `${where}: slot ${slot.id} ends (${slot.end}) before it starts (${slot.start})`);
            check(start > asked - 60_000, `${where}: slot ${slot.id} starts in the past (${slot.start})`);
            const date = localDate(start);
            check(date >= from && date <= to, `${where}: slot ${slot.id} starts on ${date} (Europe/Copenhagen), outside ${from}…${to}`);
            check(start >= previous, `${where}: the slots are not sorted by start (${slot.start} comes after a later one)`);
            previous = start;
          }
          check(ids(list.slots).size === list.slots.length, `${where}: a slot id appears twice`);
          if (list.nextAvailable !== null) check(list.nextAvailable > to, `${where}: nextAvailable ${list.nextAvailable} is not after to (${to})`);
          total += list.slots.length;
        }
        if (total === 0) ctx.note(`no free times in the next ${String(WINDOW_DAYS + 1)} days for ${citizen.id}: only the shape was checked`);
      },
    },
    {
      id: 'booking.slots-range',
      title: 'GET /v1/booking/slots with to - from = 63 days → 400 invalid-request (pointer /query/to or /query/from); 62 days → 200',
      needs: ['citizen'],
      async run(ctx) {
        const citizen = await citizenFor(ctx);
        const type = await firstMeetingType(ctx, citizen);
        const from = today();
        const tooLong = slotsPath(type.id, from, addDays(from, MAX_SLOT_RANGE_DAYS + 1));
        ctx.step(`GET ${tooLong}`);
        const res = await send(ctx, 'GET', tooLong, { as: citizen });
        expectProblem(res, 400, 'invalid-request', { pointers: ['/query/to', '/query/from'] });
        await slotList(ctx, citizen, type.id, from, addDays(from, MAX_SLOT_RANGE_DAYS));
      },
    },
    {
      id: 'booking.caseworker-forbidden',
      title: 'a caseworker token on the citizen\'s booking routes (slots, holds, bookings) → 403 forbidden',
      needs: ['citizen', 'caseworker'],
      async run(ctx) {
        const citizen = await citizenFor(ctx);
        const caseworker = actor(ctx.suite, 'caseworker');
        const type = await firstMeetingType(ctx, citizen);
        const path = slotsPath(type.id, today(), addDays(today(), 7));
        ctx.step(`GET ${path} as the caseworker`);
        expectProblem(await send(ctx, 'GET', path, { as: caseworker }), 403, 'forbidden');
        ctx.step('POST /v1/booking/holds as the caseworker');
        expectProblem(await postHold(ctx, caseworker, { slotId: 'conformance-slot', meetingTypeId: type.id }), 403, 'forbidden');
        ctx.step('GET /v1/booking/bookings as the caseworker');
        expectProblem(await send(ctx, 'GET', '/v1/booking/bookings', { as: caseworker }), 403, 'forbidden');
      },
    },
    {
      id: 'booking.hold',
      title: 'POST /v1/booking/holds → 201 Hold for the slot; no Idempotency-Key → 400 idempotency-key-required; unknown slot → 404; replay → same hold with Idempotent-Replayed; DELETE → 204, twice harmless',
      needs: ['citizen'],
      async run(ctx) {
        const citizen = await citizenFor(ctx);
        const bookable = await findBookable(ctx, citizen);
        const slot = pickSlot(ctx, bookable.slots);
        const body = { slotId: slot.id, meetingTypeId: bookable.type.id };
        ctx.step('POST /v1/booking/holds without Idempotency-Key');
        expectProblem(await postHold(ctx, citizen, body, null), 400, 'idempotency-key-required');
        ctx.step('POST /v1/booking/holds for an unknown slot');
        expectProblem(await postHold(ctx, citizen, { slotId: `conformance-no-such-slot-${ctx.suite.runId}`, meetingTypeId: bookable.type.id }), 404, 'not-found');
        const key = newKey(ctx.suite);
        ctx.step('POST /v1/booking/holds');
        const first = await postHold(ctx, citizen, body, key);
        const held = expectJson(first, 201, 'Hold') as Hold;
        check(held.slotId === slot.id, `the hold is for slot ${held.slotId}, not ${slot.id}`);
        check(sameInstant(held.start, slot.start) && sameInstant(held.end, slot.end), `the hold is ${held.start}–${held.end}, the slot ${slot.start}–${slot.end}`);
        check(Date.parse(held.expiresAt) > Date.now() - 60_000, `the new hold expires in the past (${held.expiresAt})`);
        ctx.step('POST /v1/booking/holds again (same key and body)');
        const replay = await postHold(ctx, citizen, body, key);
        expectStatus(replay, 201);
        check(sameJson(replay.body, first.body), `the replay answered another hold: ${replay.text.slice(0, 200)}`);
        check(replay.headers.get('idempotent-replayed') === 'true', 'the replay has no Idempotent-Replayed: true');
        expectStatus(await releaseHold(ctx, citizen, held.id), 204);
        expectStatus(await releaseHold(ctx, citizen, held.id), 204);
      },
    },
    {
      id: 'booking.hold-hides-slot',
      title: 'a held time is gone from a second citizen\'s free times and their hold → 409 slot-unavailable; once released they see it and can hold it',
      needs: ['citizen'],
      async run(ctx) {
        const citizen = await citizenFor(ctx);
        const bookable = await findBookable(ctx, citizen);
        const other = await peer(ctx, bookable);
        ctx.note(`second citizen: ${other.id} (${other.firstName}), who sees the same free times`);
        const slot = pickSlot(ctx, await shared(ctx, bookable, other));
        const held = await hold(ctx, citizen, bookable.type, slot);
        check(!(await freeIds(ctx, other, bookable.type)).has(slot.id), `the time ${slot.start} the citizen holds is still in ${other.id}'s free times`);
        ctx.step(`POST /v1/booking/holds as ${other.id} for the held time`);
        expectProblem(await postHold(ctx, other, { slotId: slot.id, meetingTypeId: bookable.type.id }), 409, 'slot-unavailable');
        expectStatus(await releaseHold(ctx, citizen, held.id), 204);
        check((await freeIds(ctx, other, bookable.type)).has(slot.id), `the released time ${slot.start} is not back in ${other.id}'s free times`);
        const theirs = await hold(ctx, other, bookable.type, slot);
        expectStatus(await releaseHold(ctx, other, theirs.id), 204);
      },
    },
    {
      id: 'booking.concurrent-holds',
      title: `${String(CONCURRENT_REQUESTS)} holds on one time at once by two citizens (different keys) → only one citizen gets it; every other answer is 409 slot-unavailable`,
      needs: ['citizen'],
      async run(ctx) {
        const citizen = await citizenFor(ctx);
        const bookable = await findBookable(ctx, citizen);
        const other = await peer(ctx, bookable);
        const slot = pickSlot(ctx, await shared(ctx, bookable, other));
        const body = { slotId: slot.id, meetingTypeId: bookable.type.id };
        ctx.step(`${String(CONCURRENT_REQUESTS)} × POST /v1/booking/holds at once (${citizen.id} and ${other.id})`);
        const who = Array.from({ length: CONCURRENT_REQUESTS }, (_, index) => (index % 2 === 0 ? citizen : other));
        const answers = await Promise.all(who.map((as) => postHold(ctx, as, body)));
        const winners = new Set<string>();
        const held: { as: Actor; id: string }[] = [];
        answers.forEach((res, index) => {
          const as = who[index] ?? citizen;
          if (res.status === 201) {
            const created = expectJson(res, 201, 'Hold') as Hold;
            winners.add(as.id);
            held.push({ as, id: created.id });
          } else expectProblem(res, 409, 'slot-unavailable');
        });
        for (const item of held) await releaseHold(ctx, item.as, item.id);
        check(winners.size > 0, 'no hold succeeded');
        check(winners.size === 1, `both citizens got a hold on the same time (${[...winners].join(', ')}): the time was given out twice`);
      },
    },
    {
      id: 'booking.book',
      title: 'POST /v1/booking/bookings from a hold → 201 Booking (booked, sequence 0, the hold\'s time, bookedBy citizen); no key → 400; it is in GET by id and the upcoming list (sorted), and no longer a free time',
      needs: ['citizen'],
      async run(ctx) {
        const { citizen, bookable, slot, held } = await citizenWithHold(ctx);
        const answers = answersFor(bookable.type);
        ctx.step('POST /v1/booking/bookings without Idempotency-Key');
        expectProblem(await postBooking(ctx, citizen, { holdId: held.id, answers }, null), 400, 'idempotency-key-required');
        ctx.step('POST /v1/booking/bookings');
        const created = expectJson(await postBooking(ctx, citizen, { holdId: held.id, answers }), 201, 'Booking') as Booking;
        const problems: string[] = [];
        if (created.status !== 'booked') problems.push(`status is ${created.status}`);
        if (created.sequence !== 0) problems.push(`sequence is ${String(created.sequence)}, expected 0`);
        if (!sameInstant(created.start, held.start) || !sameInstant(created.end, held.end)) problems.push(`the time is ${created.start}–${created.end}, the hold's ${held.start}–${held.end}`);
        if (created.meetingType.id !== bookable.type.id) problems.push(`meetingType.id is ${created.meetingType.id}, expected ${bookable.type.id}`);
        if (created.bookedBy !== 'citizen') problems.push(`bookedBy is ${created.bookedBy}, expected citizen`);
        if (created.cancelReason !== null || created.cancelledBy !== null) problems.push('cancelReason/cancelledBy are set on a new booking');
        for (const answer of answers) {
          if (!created.answers.some((given) => given.questionId === answer.questionId && given.value === answer.value)) problems.push(`the answer to ${answer.questionId} is missing`);
        }
        if (problems.length > 0) fail(`POST /v1/booking/bookings → 201: ${problems.join('; ')}`);
        const read = await readBooking(ctx, citizen, created.id);
        check(read.id === created.id && read.status === 'booked' && sameInstant(read.start, created.start), `GET /v1/booking/bookings/${created.id} differs from the created booking`);
        const upcoming = await upcomingBookings(ctx, citizen);
        check(upcoming.some((item) => item.id === created.id), 'the new booking is not in GET /v1/booking/bookings?when=upcoming');
        expectSortedByStart(upcoming, 'ascending', 'GET /v1/booking/bookings?when=upcoming is not sorted by start ascending');
        check(!(await freeIds(ctx, citizen, bookable.type)).has(slot.id), `the booked time ${slot.start} is still among the free times`);
        ctx.step('GET /v1/booking/bookings?when=past');
        const past = expectJson(await send(ctx, 'GET', '/v1/booking/bookings?when=past', { as: citizen }), 200, 'BookingPage') as { items: Booking[] };
        expectSortedByStart(past.items, 'descending', 'GET /v1/booking/bookings?when=past is not sorted by start descending');
        await cancelBooking(ctx, citizen, created.id);
      },
    },
    {
      id: 'booking.book-idempotency',
      title: 'POST /v1/booking/bookings again with the same key and body → the same booking with Idempotent-Replayed: true; the same key with another body → 422 idempotency-key-reused',
      needs: ['citizen'],
      async run(ctx) {
        const { citizen, bookable, held } = await citizenWithHold(ctx);
        const body = { holdId: held.id, answers: answersFor(bookable.type) };
        const key = newKey(ctx.suite);
        ctx.step('POST /v1/booking/bookings');
        const first = await postBooking(ctx, citizen, body, key);
        const created = expectJson(first, 201, 'Booking') as Booking;
        check(first.headers.get('idempotent-replayed') !== 'true', 'the first request already says Idempotent-Replayed: true');
        ctx.step('POST /v1/booking/bookings again (same key and body)');
        const replay = await postBooking(ctx, citizen, body, key);
        if (replay.status !== 201) fail(`the replay answered ${describe(replay)}, the original was 201`);
        const again = replay.body;
        check(isRecord(again) && again.id === created.id, `the replay answered another booking: ${replay.text.slice(0, 200)}`);
        check(replay.headers.get('idempotent-replayed') === 'true', `the replay has Idempotent-Replayed: ${replay.headers.get('idempotent-replayed') ?? '(missing)'}, expected true`);
        ctx.step('POST /v1/booking/bookings with the same key and another body');
        expectProblem(await postBooking(ctx, citizen, { ...body, holdId: `conformance-other-hold-${ctx.suite.runId}` }, key), 422, 'idempotency-key-reused');
        const mine = await bookedAt(ctx, citizen, held.start);
        check(mine.length === 1, `the citizen has ${String(mine.length)} bookings at ${held.start} after the replay, expected 1`);
        await cancelBooking(ctx, citizen, created.id);
      },
    },
    {
      id: 'booking.answers',
      title: 'POST /v1/booking/bookings with an unknown question, a missing required answer or an unknown option → 400 invalid-request with errors under /answers; nothing booked',
      needs: ['citizen'],
      async run(ctx) {
        const citizen = await citizenFor(ctx);
        let bookable: Bookable;
        try {
          bookable = await findBookable(ctx, citizen, { withRequired: true });
        } catch (error) {
          if (!(error instanceof RuleSkip)) throw error;
          bookable = await findBookable(ctx, citizen);
          ctx.note('no bookable meeting type has a required question: the missing-answer case was not tried');
        }
        const { type } = bookable;
        const held = await hold(ctx, citizen, type, pickSlot(ctx, bookable.slots));
        const answers = answersFor(type);
        const attempt = async (what: string, wrong: unknown[]): Promise<void> => {
          ctx.step(`POST /v1/booking/bookings with ${what}`);
          expectInvalidAt(await postBooking(ctx, citizen, { holdId: held.id, answers: wrong }), '/answers');
        };
        await attempt('an unknown question', [...answers, { questionId: `conformance-no-such-question`, value: 'x' }]);
        const required = type.questions.find((question) => question.required);
        if (required !== undefined) await attempt(`no answer to the required question ${required.id}`, answers.filter((answer) => answer.questionId !== required.id));
        const choice = type.questions.find((question) => question.kind === 'choice');
        if (choice !== undefined) {
          await attempt(`an unknown option for ${choice.id}`, [...answers.filter((answer) => answer.questionId !== choice.id), { questionId: choice.id, value: 'conformance-no-such-option' }]);
        } else ctx.note('no choice question: the unknown-option case was not tried');
        const mine = await bookedAt(ctx, citizen, held.start);
        check(mine.length === 0, `a refused request booked the time ${held.start}`);
        ctx.step('POST /v1/booking/bookings with valid answers (the hold is still good)');
        const created = expectJson(await postBooking(ctx, citizen, { holdId: held.id, answers }), 201, 'Booking') as Booking;
        await cancelBooking(ctx, citizen, created.id);
      },
    },
    {
      id: 'booking.released-hold',
      title: 'POST /v1/booking/bookings with a hold that was released → 404 not-found or 410 hold-expired, nothing booked',
      needs: ['citizen'],
      async run(ctx) {
        const { citizen, bookable, held } = await citizenWithHold(ctx);
        expectStatus(await releaseHold(ctx, citizen, held.id), 204);
        ctx.step('POST /v1/booking/bookings with the released hold');
        const res = await postBooking(ctx, citizen, { holdId: held.id, answers: answersFor(bookable.type) });
        if (res.status === 404) expectProblem(res, 404, 'not-found');
        else expectProblem(res, 410, 'hold-expired');
        const mine = await bookedAt(ctx, citizen, held.start);
        check(mine.length === 0, `the released hold was booked (${held.start})`);
      },
    },
    {
      id: 'booking.concurrent-bookings',
      title: `${String(CONCURRENT_REQUESTS)} bookings from one hold at once (different keys) → exactly one 201, the others 4xx problems; one booking at that time`,
      needs: ['citizen'],
      async run(ctx) {
        const { citizen, bookable, held } = await citizenWithHold(ctx);
        const body = { holdId: held.id, answers: answersFor(bookable.type) };
        ctx.step(`${String(CONCURRENT_REQUESTS)} × POST /v1/booking/bookings at once (same hold, different keys)`);
        const answers = await Promise.all(Array.from({ length: CONCURRENT_REQUESTS }, () => postBooking(ctx, citizen, body)));
        const created: Booking[] = [];
        for (const res of answers) {
          if (res.status === 201) created.push(expectJson(res, 201, 'Booking') as Booking);
          else expectClientError(res, 'a booking that lost the race');
        }
        for (const item of created) await cancelBooking(ctx, citizen, item.id);
        check(created.length > 0, 'no booking succeeded');
        const shown = created.slice(0, 3).map((item) => item.id).join(', ');
        check(created.length === 1, `${String(created.length)} of the ${String(CONCURRENT_REQUESTS)} concurrent requests booked the same hold (bookings ${shown}${created.length > 3 ? ', …' : ''})`);
      },
    },
    {
      id: 'booking.reschedule',
      title: 'POST …/reschedule with a new hold → 200, same id, the new time, sequence + 1; the old time is free again; a failed reschedule leaves the booking as it was',
      needs: ['citizen'],
      async run(ctx) {
        const { citizen, bookable, slot: first, booked } = await citizenWithBooking(ctx, 2);
        ctx.step('reschedule with a hold that does not exist');
        const failed = await postAction(ctx, citizen, booked.id, 'reschedule', { holdId: `conformance-no-such-hold-${ctx.suite.runId}` });
        expectClientError(failed, 'a reschedule with an unknown hold');
        const unchanged = await readBooking(ctx, citizen, booked.id);
        check(unchanged.status === 'booked' && unchanged.sequence === 0 && sameInstant(unchanged.start, booked.start), 'a failed reschedule changed the booking');
        const second = pickSlot(ctx, bookable.slots, [first.id]);
        const held = await hold(ctx, citizen, bookable.type, second);
        const moved = expectJson(await postAction(ctx, citizen, booked.id, 'reschedule', { holdId: held.id }), 200, 'Booking') as Booking;
        const problems: string[] = [];
        if (moved.id !== booked.id) problems.push(`the id changed from ${booked.id} to ${moved.id}`);
        if (!sameInstant(moved.start, held.start)) problems.push(`the start is ${moved.start}, the new hold's ${held.start}`);
        if (moved.sequence !== booked.sequence + 1) problems.push(`sequence is ${String(moved.sequence)}, expected ${String(booked.sequence + 1)}`);
        if (moved.status !== 'booked') problems.push(`status is ${moved.status}`);
        if (problems.length > 0) fail(`POST /v1/booking/bookings/${booked.id}/reschedule → 200: ${problems.join('; ')}`);
        const read = await readBooking(ctx, citizen, booked.id);
        check(sameInstant(read.start, held.start) && read.sequence === booked.sequence + 1, `GET /v1/booking/bookings/${booked.id} does not show the new time and sequence`);
        const free = await freeIds(ctx, citizen, bookable.type);
        check(free.has(first.id), `the old time ${first.start} is not free again after the reschedule`);
        check(!free.has(second.id), `the new time ${second.start} is still among the free times`);
        await cancelBooking(ctx, citizen, booked.id);
      },
    },
    {
      id: 'booking.cancel',
      title: 'POST …/cancel → 200 cancelled, sequence + 1, cancelledBy citizen, the reason; the time is free again; cancelling again changes nothing; reschedule → 409 booking-cancelled',
      needs: ['citizen'],
      async run(ctx) {
        const { citizen, bookable, slot, booked } = await citizenWithBooking(ctx, 2);
        const reason = `Conformance ${ctx.suite.runId}: cancelled`;
        const cancelled = await cancelBooking(ctx, citizen, booked.id, reason);
        const problems: string[] = [];
        if (cancelled.id !== booked.id) problems.push(`the id changed to ${cancelled.id}`);
        if (cancelled.status !== 'cancelled') problems.push(`status is ${cancelled.status}`);
        if (cancelled.sequence !== booked.sequence + 1) problems.push(`sequence is ${String(cancelled.sequence)}, expected ${String(booked.sequence + 1)}`);
        if (cancelled.cancelledBy !== 'citizen') problems.push(`cancelledBy is ${String(cancelled.cancelledBy)}`);
        if (cancelled.cancelReason !== reason) problems.push(`cancelReason is ${JSON.stringify(cancelled.cancelReason)}`);
        if (problems.length > 0) fail(`POST /v1/booking/bookings/${booked.id}/cancel → 200: ${problems.join('; ')}`);
        check((await freeIds(ctx, citizen, bookable.type)).has(slot.id), `the cancelled time ${slot.start} is not free again`);
        const again = await cancelBooking(ctx, citizen, booked.id);
        check(again.status === 'cancelled' && again.sequence === cancelled.sequence && again.cancelReason === reason, `cancelling again changed the booking (sequence ${String(again.sequence)}, cancelReason ${JSON.stringify(again.cancelReason)})`);
        const held = await hold(ctx, citizen, bookable.type, pickSlot(ctx, bookable.slots, [slot.id]));
        expectProblem(await postAction(ctx, citizen, booked.id, 'reschedule', { holdId: held.id }), 409, 'booking-cancelled');
        await releaseHold(ctx, citizen, held.id);
      },
    },
    {
      id: 'booking.calendar',
      title: 'GET …/calendar → text/calendar: METHOD:REQUEST, UID <id>@host stable across reschedule and cancel, SEQUENCE = sequence, DTSTART/DTEND in UTC; METHOD:CANCEL with STATUS:CANCELLED after cancel',
      needs: ['citizen'],
      async run(ctx) {
        const { citizen, bookable, slot: first, booked } = await citizenWithBooking(ctx, 2);
        const expectEvent = (view: Awaited<ReturnType<typeof readCalendar>>, doc: Booking, method: string, uid?: string): string => {
          const problems: string[] = [];
          if (view.method !== method) problems.push(`METHOD is ${String(view.method)}, expected ${method}`);
          if (view.uid?.startsWith(`${doc.id}@`) !== true) problems.push(`UID is ${String(view.uid)}, expected ${doc.id}@<host>`);
          if (uid !== undefined && view.uid !== uid) problems.push(`UID changed from ${uid} to ${String(view.uid)}`);
          if (view.sequence !== String(doc.sequence)) problems.push(`SEQUENCE is ${String(view.sequence)}, the booking's sequence ${String(doc.sequence)}`);
          if (view.dtstart !== icalUtc(doc.start)) problems.push(`DTSTART is ${String(view.dtstart)}, expected ${icalUtc(doc.start)}`);
          if (view.dtend !== icalUtc(doc.end)) problems.push(`DTEND is ${String(view.dtend)}, expected ${icalUtc(doc.end)}`);
          if (method === 'CANCEL' && view.status !== 'CANCELLED') problems.push(`STATUS is ${String(view.status)}, expected CANCELLED`);
          if (problems.length > 0) fail(`GET /v1/booking/bookings/${booked.id}/calendar (${doc.status}, sequence ${String(doc.sequence)}): ${problems.join('; ')}`);
          return view.uid ?? '';
        };
        const uid = expectEvent(await readCalendar(ctx, citizen, booked.id), booked, 'REQUEST');
        const held = await hold(ctx, citizen, bookable.type, pickSlot(ctx, bookable.slots, [first.id]));
        const moved = expectJson(await postAction(ctx, citizen, booked.id, 'reschedule', { holdId: held.id }), 200, 'Booking') as Booking;
        check(moved.id === booked.id, `the reschedule changed the booking's id from ${booked.id} to ${moved.id}`);
        expectEvent(await readCalendar(ctx, citizen, booked.id), moved, 'REQUEST', uid);
        const cancelled = await cancelBooking(ctx, citizen, booked.id);
        expectEvent(await readCalendar(ctx, citizen, booked.id), cancelled, 'CANCEL', uid);
      },
    },
    {
      id: 'booking.other-citizen',
      title: 'another citizen\'s booking → 404 not-found for GET, …/calendar, …/reschedule and …/cancel; the booking is unchanged and not in their list',
      needs: ['citizen', 'otherCitizen'],
      async run(ctx) {
        const { citizen, booked } = await citizenWithBooking(ctx);
        const other = actor(ctx.suite, 'otherCitizen');
        const path = `/v1/booking/bookings/${encodeURIComponent(booked.id)}`;
        ctx.step(`GET ${path} as the other citizen`);
        expectProblem(await send(ctx, 'GET', path, { as: other }), 404, 'not-found');
        ctx.step(`GET ${path}/calendar as the other citizen`);
        expectProblem(await send(ctx, 'GET', `${path}/calendar`, { as: other }), 404, 'not-found');
        expectProblem(await postAction(ctx, other, booked.id, 'reschedule', { holdId: `conformance-no-such-hold-${ctx.suite.runId}` }), 404, 'not-found');
        expectProblem(await postAction(ctx, other, booked.id, 'cancel', {}), 404, 'not-found');
        const after = await readBooking(ctx, citizen, booked.id);
        check(after.status === 'booked' && after.sequence === booked.sequence, `the other citizen's requests changed the booking (status ${after.status}, sequence ${String(after.sequence)})`);
        check(!(await upcomingBookings(ctx, other)).some((item) => item.id === booked.id), 'the citizen\'s booking is in the other citizen\'s list');
        await cancelBooking(ctx, citizen, booked.id);
      },
    },
    {
      id: 'booking.help-request',
      title: 'POST /v1/booking/help-requests → 201 HelpRequest with the reasons and message; an unknown reason or none → 400 invalid-request (pointer /reasons…)',
      needs: ['citizen'],
      async run(ctx) {
        const citizen = await citizenFor(ctx);
        const post = (body: unknown): Promise<Res> => send(ctx, 'POST', '/v1/booking/help-requests', { as: citizen, json: body, headers: { 'Idempotency-Key': newKey(ctx.suite) } });
        ctx.step('POST /v1/booking/help-requests with an unknown reason');
        expectInvalidAt(await post({ reasons: ['conformance-no-such-reason'] }), '/reasons');
        ctx.step('POST /v1/booking/help-requests with no reasons');
        expectInvalidAt(await post({ reasons: [] }), '/reasons');
        const message = `Conformance ${ctx.suite.runId}: a test help request. It can be ignored.`;
        ctx.step('POST /v1/booking/help-requests');
        const res = await post({ reasons: ['interpreter', 'phone'], message });
        const created = expectJson(res, 201, 'HelpRequest') as { reasons: string[]; message: string | null };
        bookingState(ctx.suite).helpRequests++;
        check(sameJson([...created.reasons].sort(), ['interpreter', 'phone']), `reasons are ${JSON.stringify(created.reasons)}, expected ["interpreter","phone"]`);
        check(created.message === message, `message is ${JSON.stringify(created.message)}`);
      },
    },
    {
      id: 'booking.receipt',
      title: 'POST /v1/booking/no-free-time-receipts → 409 free-times-exist while free times before the deadline exist (201 NoFreeTimeReceipt when none do; 400 invalid-request without a deadline)',
      needs: ['citizen'],
      async run(ctx) {
        const citizen = await citizenFor(ctx);
        const type = await firstMeetingType(ctx, citizen);
        const from = today();
        const { deadline } = await slotList(ctx, citizen, type.id, from, addDays(from, 7));
        const post = (): Promise<Res> => {
          ctx.step('POST /v1/booking/no-free-time-receipts');
          return send(ctx, 'POST', '/v1/booking/no-free-time-receipts', { as: citizen, json: { meetingTypeId: type.id }, headers: { 'Idempotency-Key': newKey(ctx.suite) } });
        };
        if (deadline === null) {
          ctx.note('the citizen has no deadline: only the refusal was checked');
          expectProblem(await post(), 400, 'invalid-request');
          return;
        }
        const until = deadline < addDays(from, MAX_SLOT_RANGE_DAYS) ? deadline : addDays(from, MAX_SLOT_RANGE_DAYS);
        const before = deadline >= from ? (await slotList(ctx, citizen, type.id, from, until)).slots : [];
        if (before.length > 0) {
          expectProblem(await post(), 409, 'free-times-exist');
          return;
        }
        if (deadline > until) skip(`the deadline ${deadline} is more than ${String(MAX_SLOT_RANGE_DAYS)} days away and no time is free before ${until}: cannot tell what to expect`);
        const receipt = expectJson(await post(), 201, 'NoFreeTimeReceipt') as { deadline: string; meetingTypeId: string };
        bookingState(ctx.suite).receipts++;
        check(receipt.deadline === deadline && receipt.meetingTypeId === type.id, `the receipt is for ${receipt.meetingTypeId} by ${receipt.deadline}, expected ${type.id} by ${deadline}`);
      },
    },
  ],
};
