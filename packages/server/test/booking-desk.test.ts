import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  Availability, Booking, BookingChangedEvent, BookingDeskChangedEvent, DeskBooking, DeskBookingList, DeskCitizenList, DeskHelpRequest, DeskRequests, SlotList,
  type DeskChange, type Hold, type Slot,
} from '@jobunivers/contract';
import { ruleErrors } from '../src/routes/booking-desk.js';
import { addDays, isoWeekday, localDate } from '../src/booking/zone.js';
import { availabilityRulesFor } from '../src/seed.js';
import { assertProblem, assertSchema, bookingSuite, forEachDatabase, openStream, type BookingWorld } from './helpers.js';

describe('desk building blocks', () => {
  test('weekly rules: start before end, known meeting types, no overlap within one type and weekday', () => {
    const known = new Set(['mt-a', 'mt-b']);
    const rule = (meetingTypeId: string, weekday: number, start: string, end: string) => ({ meetingTypeId, weekday, start, end });
    assert.deepEqual(ruleErrors([rule('mt-a', 1, '09:00', '12:00'), rule('mt-b', 1, '10:00', '11:00'), rule('mt-a', 2, '09:00', '12:00')], known), []);
    assert.deepEqual(ruleErrors([rule('mt-a', 1, '09:00', '12:00'), rule('mt-a', 1, '12:00', '24:00')], known), [], 'touching rules do not overlap');
    const errors = ruleErrors([rule('mt-a', 1, '09:00', '12:00'), rule('mt-a', 1, '11:55', '13:00'), rule('mt-x', 3, '10:00', '10:00')], known);
    assert.deepEqual(errors.map((error) => `${error.pointer} ${error.code}`), ['/rules/2/meetingTypeId enum', '/rules/2/end minimum', '/rules/1/start overlap']);
  });
});

forEachDatabase('self-booking desk', (target) => {
  const suite = bookingSuite(target, { keyPrefix: 'desk-key', worldPrefix: 'd', caseworkerName: 'Karin' });
  const { call, world, newKey, holdAndBook, bookedClaims } = suite;
  const today = () => localDate(Date.now());

  const deskSlots = async (w: BookingWorld, citizenIndex = 0, meetingTypeId = 'mt-telefon', from = addDays(today(), 1), to = addDays(today(), 21)): Promise<Slot[]> => {
    const response = await call(w.desk, 'GET', `/v1/booking/desk/slots?citizenId=${w.citizens[citizenIndex] ?? ''}&meetingTypeId=${meetingTypeId}&from=${from}&to=${to}`);
    assert.equal(response.statusCode, 200, response.body);
    const list = response.json<SlotList>();
    assertSchema(SlotList, list);
    return list.slots;
  };
  const citizenSlots = async (token: string, meetingTypeId = 'mt-telefon', from = addDays(today(), 1), to = addDays(today(), 21)): Promise<Slot[]> => {
    const response = await call(token, 'GET', `/v1/booking/slots?meetingTypeId=${meetingTypeId}&from=${from}&to=${to}`);
    assert.equal(response.statusCode, 200, response.body);
    return response.json<SlotList>().slots;
  };
  const deskBook = (w: BookingWorld, citizenIndex: number, slotId: string, key: string | null = newKey(), meetingTypeId = 'mt-telefon') =>
    call(w.desk, 'POST', '/v1/booking/desk/bookings', { citizenId: w.citizens[citizenIndex], meetingTypeId, slotId }, key);
  const eventsOf = async (userId: string, type: string): Promise<unknown[]> =>
    (await suite.server.database.db.selectFrom('events').select('data').where('user_id', '=', userId).where('type', '=', type).orderBy('seq').execute()).map((row) => JSON.parse(row.data) as unknown);
  const deskChanges = async (caseworkerId: string) => (await eventsOf(caseworkerId, 'booking.desk-changed')) as DeskChange[];
  const availability = async (token: string) => {
    const response = await call(token, 'GET', '/v1/booking/desk/availability');
    assert.equal(response.statusCode, 200, response.body);
    assertSchema(Availability, response.json());
    return { document: response.json<Availability>(), etag: String(response.headers.etag) };
  };

  test('availability: rules sorted with an ETag; invalid rules are 400 with pointers and change nothing; a stale If-Match is 412', async () => {
    const w = await world(0);
    const first = await availability(w.desk);
    assert.match(first.etag, /^"[0-9]+"$/);
    assert.equal(first.document.rules.length, availabilityRulesFor(w.caseworker).length);
    const order = first.document.rules.map((rule) => `${String(rule.weekday)} ${rule.start} ${rule.meetingTypeId}`);
    assert.deepEqual(order, [...order].sort());
    assert.deepEqual(first.document.rules[0], { meetingTypeId: 'mt-fysisk', weekday: 1, start: '09:00', end: '11:15' });

    const put = (rules: unknown[], headers: Record<string, string> = {}) => call(w.desk, 'PUT', '/v1/booking/desk/availability/rules', { rules }, null, headers);
    const pointers = async (rules: unknown[]) =>
      (assertProblem(await put(rules), 400, 'invalid-request').errors as { pointer: string; code: string }[]).map((error) => `${error.pointer} ${error.code}`);
    assert.deepEqual(await pointers([{ meetingTypeId: 'mt-video', weekday: 2, start: '10:00', end: '09:00' }]), ['/rules/0/end minimum']);
    assert.deepEqual(await pointers([{ meetingTypeId: 'mt-video', weekday: 2, start: '10:03', end: '11:00' }]), ['/rules/0/start pattern']);
    assert.deepEqual(await pointers([{ meetingTypeId: 'mt-video', weekday: 2, start: '10:00', end: '24:05' }]), ['/rules/0/end pattern']);
    assert.deepEqual(await pointers([{ meetingTypeId: 'mt-video', weekday: 8, start: '10:00', end: '11:00' }]), ['/rules/0/weekday maximum']);
    assert.deepEqual(await pointers([{ meetingTypeId: 'mt-none', weekday: 2, start: '10:00', end: '11:00' }]), ['/rules/0/meetingTypeId enum']);
    assert.deepEqual(
      await pointers([{ meetingTypeId: 'mt-video', weekday: 2, start: '10:00', end: '12:00' }, { meetingTypeId: 'mt-telefon', weekday: 2, start: '10:00', end: '12:00' }, { meetingTypeId: 'mt-video', weekday: 2, start: '11:00', end: '13:00' }]),
      ['/rules/2/start overlap'],
    );
    assertProblem(await put(Array.from({ length: 201 }, (_, index) => ({ meetingTypeId: 'mt-video', weekday: 1 + (index % 7), start: '10:00', end: '11:00' }))), 400, 'invalid-request');
    const unchanged = await availability(w.desk);
    assert.deepEqual(unchanged, first);

    const rules = [
      { meetingTypeId: 'mt-video', weekday: 3, start: '13:00', end: '24:00' },
      { meetingTypeId: 'mt-telefon', weekday: 1, start: '08:00', end: '09:30' },
      { meetingTypeId: 'mt-fysisk', weekday: 1, start: '08:00', end: '09:30' },
    ];
    const saved = await put(rules, { 'if-match': first.etag });
    assert.equal(saved.statusCode, 200, saved.body);
    assertSchema(Availability, saved.json());
    assert.notEqual(saved.headers.etag, first.etag);
    assert.deepEqual(saved.json<Availability>().rules, [rules[2], rules[1], rules[0]]);
    assertProblem(await put(rules, { 'if-match': first.etag }), 412, 'etag-mismatch');
    assert.equal((await put([], { 'if-match': String(saved.headers.etag) })).statusCode, 200);
    assert.equal((await put([])).statusCode, 200, 'without If-Match the change applies');
    assert.deepEqual((await availability(w.desk)).document.rules, []);
  });

  test('a closed day has no slots for the citizen or the desk; bookings on it stay listed; reopening brings the slots back', async () => {
    const w = await world(2);
    const [slot] = await deskSlots(w);
    assert.ok([slot].every(Boolean), 'a free time');
    const day = slot.start.slice(0, 10);
    const booking = await holdAndBook(w.tokens[1] ?? '', slot.id);
    const closed = await call(w.desk, 'PUT', `/v1/booking/desk/availability/exceptions/${day}`, { kind: 'sick', note: 'Syg' });
    assert.equal(closed.statusCode, 200, closed.body);
    assertSchema(Availability, closed.json());
    assert.deepEqual(closed.json<Availability>().exceptions.filter((exception) => exception.date === day), [{ date: day, kind: 'sick', note: 'Syg' }]);
    assert.ok(!(await citizenSlots(w.tokens[0] ?? '')).some((free) => free.start.startsWith(day)), 'no citizen slots that day');
    assert.ok(!(await deskSlots(w)).some((free) => free.start.startsWith(day)), 'no desk slots that day');
    const listed = (await call(w.desk, 'GET', `/v1/booking/desk/bookings?from=${day}&to=${day}`)).json<DeskBookingList>();
    assert.deepEqual(listed.items.map((item) => [item.id, item.status]), [[booking.id, 'booked']]);
    // Changing the kind of a closed day is a PUT again; the past cannot be closed.
    assert.equal((await call(w.desk, 'PUT', `/v1/booking/desk/availability/exceptions/${day}`, { kind: 'holiday' })).json<Availability>().exceptions.find((exception) => exception.date === day)?.kind, 'holiday');
    const past = assertProblem(await call(w.desk, 'PUT', `/v1/booking/desk/availability/exceptions/${addDays(today(), -1)}`, { kind: 'other' }), 400, 'invalid-request');
    assert.deepEqual((past.errors as { pointer: string }[]).map((error) => error.pointer), ['/params/date']);
    assertProblem(await call(w.desk, 'PUT', '/v1/booking/desk/availability/exceptions/2027-02-30', { kind: 'other' }), 400, 'invalid-request');
    assertProblem(await call(w.desk, 'PUT', `/v1/booking/desk/availability/exceptions/${day}`, { kind: 'party' }), 400, 'invalid-request');
    const reopened = await call(w.desk, 'DELETE', `/v1/booking/desk/availability/exceptions/${day}`);
    assert.equal(reopened.statusCode, 200);
    const again = await call(w.desk, 'DELETE', `/v1/booking/desk/availability/exceptions/${day}`);
    assert.equal(again.statusCode, 200);
    assert.equal(again.headers.etag, reopened.headers.etag, 'deleting twice changes nothing');
    assert.ok((await citizenSlots(w.tokens[0] ?? '')).some((free) => free.start.startsWith(day)));
  });

  test('bookings list: only the range (local dates, inclusive), sorted by start, cancelled too; at most 42 days', async () => {
    const w = await world(2, ['Åse', 'Bo']);
    const free = await deskSlots(w);
    const a = free[0];
    const b = free[1];
    const late = free.find((slot) => slot.start.slice(0, 10) > b.start.slice(0, 10));
    assert.ok([a, b].every(Boolean));
    assert.ok(late !== undefined, 'a later day');
    const one = await holdAndBook(w.tokens[0] ?? '', b.id);
    const two = (await deskBook(w, 1, a.id)).json<DeskBooking>();
    const three = await holdAndBook(w.tokens[1] ?? '', late.id);
    assert.equal((await call(w.tokens[0] ?? '', 'POST', `/v1/booking/bookings/${one.id}/cancel`, {})).statusCode, 200);
    const day = b.start.slice(0, 10);
    const list = await call(w.desk, 'GET', `/v1/booking/desk/bookings?from=${a.start.slice(0, 10)}&to=${day}`);
    assert.equal(list.statusCode, 200, list.body);
    assertSchema(DeskBookingList, list.json());
    const items = list.json<DeskBookingList>().items;
    assert.deepEqual(items.map((item) => item.id), [two.id, one.id]);
    assert.deepEqual(items.map((item) => item.status), ['booked', 'cancelled']);
    assert.deepEqual(items.map((item) => item.citizen), [{ id: w.citizens[1], firstName: 'Bo' }, { id: w.citizens[0], firstName: 'Åse' }]);
    const wide = (await call(w.desk, 'GET', `/v1/booking/desk/bookings?from=${today()}&to=${addDays(today(), 42)}`)).json<DeskBookingList>();
    assert.ok(wide.items.some((item) => item.id === three.id));
    assertProblem(await call(w.desk, 'GET', `/v1/booking/desk/bookings?from=${today()}&to=${addDays(today(), 43)}`), 400, 'invalid-request');
    assertProblem(await call(w.desk, 'GET', `/v1/booking/desk/bookings?from=${today()}&to=${addDays(today(), -1)}`), 400, 'invalid-request');
    assertProblem(await call(w.desk, 'GET', `/v1/booking/desk/bookings?from=${today()}`), 400, 'invalid-request');

    const citizens = await call(w.desk, 'GET', '/v1/booking/desk/citizens');
    assertSchema(DeskCitizenList, citizens.json());
    assert.deepEqual(citizens.json<DeskCitizenList>().items.map((citizen) => citizen.firstName), ['Bo', 'Åse'], 'Danish order: Å last');
    await suite.server.database.db.insertInto('booking_deadlines').values({ citizen_id: w.citizens[1] ?? '', deadline: addDays(today(), 9) }).execute();
    assert.deepEqual((await call(w.desk, 'GET', '/v1/booking/desk/citizens')).json<DeskCitizenList>().items.map((citizen) => citizen.deadline), [addDays(today(), 9), null]);
  });

  test('booking on behalf: 201 bookedBy caseworker; the citizen sees it and gets booking.changed; the desk gets booking.desk-changed', async () => {
    const w = await world(2);
    const [slot] = await deskSlots(w);
    assert.ok([slot].every(Boolean));
    const response = await call(w.desk, 'POST', '/v1/booking/desk/bookings', { citizenId: w.citizens[0], meetingTypeId: 'mt-telefon', slotId: slot.id, note: 'Ringede ind, tolk ønskes' });
    assert.equal(response.statusCode, 201, response.body);
    const booking = response.json<DeskBooking>();
    assertSchema(DeskBooking, booking);
    assert.equal(booking.bookedBy, 'caseworker');
    assert.deepEqual(booking.answers, []);
    assert.equal(booking.start, slot.start);
    assert.equal(booking.citizen.id, w.citizens[0]);
    assert.equal(booking.caseworker.firstName, 'Karin');
    assert.equal(booking.changeReason, null);
    assert.equal(JSON.stringify(booking).includes('tolk'), false, 'the internal note is not in the document');

    const seen = await call(w.tokens[0] ?? '', 'GET', `/v1/booking/bookings/${booking.id}`);
    assert.equal(seen.statusCode, 200);
    assertSchema(Booking, seen.json());
    assert.equal(seen.json<Booking>().bookedBy, 'caseworker');
    const changed = await eventsOf(w.citizens[0] ?? '', 'booking.changed');
    assert.equal(changed.length, 1);
    assertSchema(BookingChangedEvent, { id: 1, type: 'booking.changed', occurredAt: new Date().toISOString(), data: changed[0] });
    assert.equal((changed[0] as Booking).id, booking.id);
    assert.deepEqual(await deskChanges(w.caseworker), [{ kind: 'booking', id: booking.id }]);
    assert.ok(!(await citizenSlots(w.tokens[1] ?? '')).some((free) => free.id === slot.id), 'the time is gone for others');
    assert.ok(!(await deskSlots(w)).some((free) => free.id === slot.id));
    assert.equal((await bookedClaims(booking.id)).length, 1);

    // A citizen not assigned to this caseworker, an unknown meeting type, a slot of another meeting type's grid: 404.
    const other = await world(1);
    assertProblem(await call(w.desk, 'POST', '/v1/booking/desk/bookings', { citizenId: other.citizens[0], meetingTypeId: 'mt-telefon', slotId: slot.id }), 404, 'not-found');
    assertProblem(await call(w.desk, 'POST', '/v1/booking/desk/bookings', { citizenId: w.citizens[1], meetingTypeId: 'mt-none', slotId: slot.id }), 404, 'not-found');
    assertProblem(await call(w.desk, 'POST', '/v1/booking/desk/bookings', { citizenId: w.citizens[1], meetingTypeId: 'mt-fysisk', slotId: slot.id }), 404, 'not-found');
    // Another caseworker's time is not in this desk's calendar.
    const [foreign] = await deskSlots(other);
    assertProblem(await deskBook(w, 1, foreign.id), 404, 'not-found');
    assertProblem(await call(w.desk, 'GET', `/v1/booking/desk/slots?citizenId=${other.citizens[0] ?? ''}&meetingTypeId=mt-telefon&from=${today()}&to=${today()}`), 404, 'not-found');
    assertProblem(await call(w.desk, 'POST', '/v1/booking/desk/bookings', { citizenId: w.citizens[1], meetingTypeId: 'mt-telefon', slotId: slot.id }, null), 400, 'idempotency-key-required');
  });

  test('a time a citizen holds or has booked is 409 slot-unavailable for the desk and writes nothing', async () => {
    const w = await world(3);
    const [first, second] = await deskSlots(w);
    assert.ok([first, second].every(Boolean));
    const held = await call(w.tokens[0] ?? '', 'POST', '/v1/booking/holds', { slotId: first.id, meetingTypeId: 'mt-telefon' });
    assert.equal(held.statusCode, 201);
    assert.ok(!(await deskSlots(w, 1)).some((free) => free.id === first.id), 'a held time is not free for the desk');
    const before = await suite.server.database.db.selectFrom('bookings').select('id').execute();
    assertProblem(await deskBook(w, 1, first.id), 409, 'slot-unavailable');
    assertProblem(await deskBook(w, 0, first.id), 409, 'slot-unavailable');
    await holdAndBook(w.tokens[2] ?? '', second.id);
    assertProblem(await deskBook(w, 1, second.id), 409, 'slot-unavailable');
    assert.equal((await suite.server.database.db.selectFrom('bookings').select('id').execute()).length, before.length + 1);
    // Once the hold ran out, the desk takes the time over.
    await suite.server.database.db.updateTable('slot_claims').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('hold_id', '=', held.json<Hold>().id).execute();
    assert.equal((await deskBook(w, 1, first.id)).statusCode, 201);
  });

  test('move: atomic, same id, sequence + 1, changeReason visible to the citizen; the old time is free; cancelled is 409', async () => {
    const w = await world(2);
    const [a, b, c] = await deskSlots(w);
    assert.ok([a, b, c].every(Boolean));
    const booking = await holdAndBook(w.tokens[0] ?? '', a.id);
    const taken = await holdAndBook(w.tokens[1] ?? '', c.id);
    const counts = await suite.server.database.db.selectFrom('slot_claims').select('start_at').execute();
    assertProblem(await call(w.desk, 'POST', `/v1/booking/desk/bookings/${booking.id}/move`, { slotId: c.id, reason: 'Flyttet' }), 409, 'slot-unavailable');
    assert.equal((await suite.server.database.db.selectFrom('slot_claims').select('start_at').execute()).length, counts.length);
    assert.equal((await call(w.tokens[0] ?? '', 'GET', `/v1/booking/bookings/${booking.id}`)).json<Booking>().start, a.start, 'a failed move leaves the booking');
    assertProblem(await call(w.desk, 'POST', `/v1/booking/desk/bookings/${booking.id}/move`, { slotId: b.id, reason: '' }), 400, 'invalid-request');
    assertProblem(await call(w.desk, 'POST', `/v1/booking/desk/bookings/${booking.id}/move`, { slotId: b.id }), 400, 'invalid-request');

    const moved = await call(w.desk, 'POST', `/v1/booking/desk/bookings/${booking.id}/move`, { slotId: b.id, reason: 'Jeg er på kursus den dag' });
    assert.equal(moved.statusCode, 200, moved.body);
    const desk = moved.json<DeskBooking>();
    assertSchema(DeskBooking, desk);
    assert.equal(desk.id, booking.id);
    assert.equal(desk.sequence, 1);
    assert.equal(desk.start, b.start);
    assert.equal(desk.changeReason, 'Jeg er på kursus den dag');
    assert.equal(desk.bookedBy, 'citizen');
    const citizenView = (await call(w.tokens[0] ?? '', 'GET', `/v1/booking/bookings/${booking.id}`)).json<Booking>();
    assert.equal(citizenView.changeReason, 'Jeg er på kursus den dag');
    assert.equal(citizenView.start, b.start);
    assert.equal(citizenView.sequence, 1);
    const calendar = await call(w.tokens[0] ?? '', 'GET', `/v1/booking/bookings/${booking.id}/calendar`);
    assert.match(calendar.body, /\r\nSEQUENCE:1\r\n/);
    const claims = await bookedClaims(booking.id);
    assert.deepEqual(claims.map((claim) => claim.start_at), [new Date(Date.parse(b.start)).toISOString()]);
    assert.ok((await citizenSlots(w.tokens[1] ?? '')).some((free) => free.id === a.id), 'the old time is free');
    const events = (await eventsOf(w.citizens[0] ?? '', 'booking.changed')) as Booking[];
    assert.deepEqual(events.map((event) => [event.sequence, event.changeReason]), [[1, 'Jeg er på kursus den dag']]);

    // The citizen's own reschedule afterwards clears the job centre's reason.
    const held = (await call(w.tokens[0] ?? '', 'POST', '/v1/booking/holds', { slotId: a.id, meetingTypeId: 'mt-telefon' })).json<Hold>();
    const back = await call(w.tokens[0] ?? '', 'POST', `/v1/booking/bookings/${booking.id}/reschedule`, { holdId: held.id });
    assert.equal(back.json<Booking>().changeReason, null);

    const cancelled = await call(w.tokens[1] ?? '', 'POST', `/v1/booking/bookings/${taken.id}/cancel`, {});
    assert.equal(cancelled.statusCode, 200);
    assertProblem(await call(w.desk, 'POST', `/v1/booking/desk/bookings/${taken.id}/move`, { slotId: c.id, reason: 'x' }), 409, 'booking-cancelled');
  });

  test('50 concurrent desk bookings, desk moves and citizen holds of one time: exactly one wins', async () => {
    const w = await world(40);
    const free = await deskSlots(w, 0, 'mt-telefon', addDays(today(), 1), addDays(today(), 42));
    assert.ok(free.length >= 22, 'enough free times');
    const contested = free[0];
    assert.ok([contested].every(Boolean));
    // Twenty citizens already have a booking elsewhere that the desk will try to move onto the contested time.
    const movers: Booking[] = [];
    for (let index = 0; index < 20; index++) movers.push(await holdAndBook(w.tokens[20 + index] ?? '', free[1 + index]?.id ?? ''));
    const requests = [
      ...Array.from({ length: 20 }, (_, index) => deskBook(w, index, contested.id)),
      ...movers.map((booking) => call(w.desk, 'POST', `/v1/booking/desk/bookings/${booking.id}/move`, { slotId: contested.id, reason: 'Samlet på én dag' })),
      ...Array.from({ length: 10 }, (_, index) => call(w.tokens[index] ?? '', 'POST', '/v1/booking/holds', { slotId: contested.id, meetingTypeId: 'mt-telefon' })),
    ];
    const responses = await Promise.all(requests);
    const statuses = responses.map((response) => response.statusCode);
    const wins = statuses.filter((status) => status === 200 || status === 201).length;
    assert.equal(wins, 1, JSON.stringify(statuses));
    assert.equal(statuses.filter((status) => status === 409).length, 49, JSON.stringify(statuses));
    for (const response of responses.filter((item) => item.statusCode === 409)) assert.equal(response.json<{ code: string }>().code, 'slot-unavailable');
    const start = new Date(Date.parse(contested.start)).toISOString();
    const claims = await suite.server.database.db.selectFrom('slot_claims').selectAll().where('caseworker_id', '=', w.caseworker).where('start_at', '=', start).execute();
    assert.equal(claims.length, 1);
    // Every booking that was to be moved still has exactly one booked time.
    for (const booking of movers) assert.equal((await bookedClaims(booking.id)).length, 1);
    const onContested = await suite.server.database.db.selectFrom('bookings').select('id').where('caseworker_id', '=', w.caseworker).where('start_at', '=', start).where('status', '=', 'booked').execute();
    assert.equal(onContested.length, claims[0]?.state === 'booked' ? 1 : 0);
    console.log(`[${target.name}] 50 concurrent desk bookings/moves/holds of one time: ${String(wins)} won, ${String(statuses.filter((status) => status === 409).length)} × 409`);
  });

  test('cancel with a reason: the citizen sees cancelledBy caseworker and the reason; twice answers it unchanged; the same key replays', async () => {
    const w = await world(2);
    const [a] = await deskSlots(w);
    assert.ok([a].every(Boolean));
    const booking = await holdAndBook(w.tokens[0] ?? '', a.id);
    assertProblem(await call(w.desk, 'POST', `/v1/booking/desk/bookings/${booking.id}/cancel`, {}), 400, 'invalid-request');
    assertProblem(await call(w.desk, 'POST', `/v1/booking/desk/bookings/${booking.id}/cancel`, { reason: 'x'.repeat(501) }), 400, 'invalid-request');
    const key = newKey();
    const first = await call(w.desk, 'POST', `/v1/booking/desk/bookings/${booking.id}/cancel`, { reason: 'Jobcentret er lukket' }, key);
    assert.equal(first.statusCode, 200, first.body);
    const cancelled = first.json<DeskBooking>();
    assertSchema(DeskBooking, cancelled);
    assert.equal(cancelled.status, 'cancelled');
    assert.equal(cancelled.cancelledBy, 'caseworker');
    assert.equal(cancelled.cancelReason, 'Jobcentret er lukket');
    assert.equal(cancelled.sequence, 1);
    const replay = await call(w.desk, 'POST', `/v1/booking/desk/bookings/${booking.id}/cancel`, { reason: 'Jobcentret er lukket' }, key);
    assert.equal(replay.statusCode, 200);
    assert.equal(replay.headers['idempotent-replayed'], 'true');
    assert.deepEqual(replay.json(), first.json());
    assertProblem(await call(w.desk, 'POST', `/v1/booking/desk/bookings/${booking.id}/cancel`, { reason: 'Noget andet' }, key), 422, 'idempotency-key-reused');
    const twice = await call(w.desk, 'POST', `/v1/booking/desk/bookings/${booking.id}/cancel`, { reason: 'Igen' });
    assert.deepEqual(twice.json(), cancelled);
    const citizenView = (await call(w.tokens[0] ?? '', 'GET', `/v1/booking/bookings/${booking.id}`)).json<Booking>();
    assert.equal(citizenView.cancelledBy, 'caseworker');
    assert.equal(citizenView.cancelReason, 'Jobcentret er lukket');
    assert.equal((await eventsOf(w.citizens[0] ?? '', 'booking.changed')).length, 1, 'one event: replays and repeats publish nothing');
    assert.ok((await citizenSlots(w.tokens[1] ?? '')).some((free) => free.id === a.id), 'the time is free again');
    assert.match((await call(w.tokens[0] ?? '', 'GET', `/v1/booking/bookings/${booking.id}/calendar`)).body, /\r\nMETHOD:CANCEL\r\n/);

    const [b] = await deskSlots(w);
    const bookKey = newKey();
    const created = await deskBook(w, 1, b.id, bookKey);
    const again = await deskBook(w, 1, b.id, bookKey);
    assert.equal(again.statusCode, 201);
    assert.equal(again.headers['idempotent-replayed'], 'true');
    assert.deepEqual(again.json(), created.json());
  });

  test('a citizen token is 403 on every desk path; another caseworker\'s booking or help request is 404', async () => {
    const w = await world(1);
    const other = await world(1);
    const [slot] = await deskSlots(w);
    const booking = await holdAndBook(w.tokens[0] ?? '', slot.id);
    const citizen = w.tokens[0] ?? '';
    const paths: ['GET' | 'POST' | 'PUT' | 'DELETE', string, unknown][] = [
      ['GET', '/v1/booking/desk/availability', undefined],
      ['PUT', '/v1/booking/desk/availability/rules', { rules: [] }],
      ['PUT', `/v1/booking/desk/availability/exceptions/${addDays(today(), 3)}`, { kind: 'other' }],
      ['DELETE', `/v1/booking/desk/availability/exceptions/${addDays(today(), 3)}`, undefined],
      ['GET', `/v1/booking/desk/bookings?from=${today()}&to=${today()}`, undefined],
      ['POST', '/v1/booking/desk/bookings', { citizenId: w.citizens[0], meetingTypeId: 'mt-telefon', slotId: slot.id }],
      ['POST', `/v1/booking/desk/bookings/${booking.id}/move`, { slotId: slot.id, reason: 'x' }],
      ['POST', `/v1/booking/desk/bookings/${booking.id}/cancel`, { reason: 'x' }],
      ['GET', '/v1/booking/desk/citizens', undefined],
      ['GET', `/v1/booking/desk/slots?citizenId=${w.citizens[0] ?? ''}&meetingTypeId=mt-telefon&from=${today()}&to=${today()}`, undefined],
      ['GET', '/v1/booking/desk/requests', undefined],
      ['POST', '/v1/booking/desk/help-requests/any/handled', undefined],
    ];
    for (const [method, url, payload] of paths) assertProblem(await call(citizen, method, url, payload), 403, 'forbidden');
    for (const [method, url] of paths) assertProblem(await suite.server.app.inject({ method, url }), 401, 'unauthenticated');

    const [free] = await deskSlots(other);
    assertProblem(await call(other.desk, 'POST', `/v1/booking/desk/bookings/${booking.id}/move`, { slotId: free.id, reason: 'x' }), 404, 'not-found');
    assertProblem(await call(other.desk, 'POST', `/v1/booking/desk/bookings/${booking.id}/cancel`, { reason: 'x' }), 404, 'not-found');
    assert.deepEqual((await call(other.desk, 'GET', `/v1/booking/desk/bookings?from=${today()}&to=${addDays(today(), 30)}`)).json<DeskBookingList>().items, []);
    assert.equal((await call(w.tokens[0] ?? '', 'GET', `/v1/booking/bookings/${booking.id}`)).json<Booking>().status, 'booked');
    assert.equal((await call(w.desk, 'GET', '/v1/booking/meeting-types')).statusCode, 200, 'meeting types are shared with the desk');
  });

  test('requests: help requests and receipts of assigned citizens only, newest first; handled is marked once', async () => {
    const w = await world(2);
    const other = await world(1);
    const help = async (token: string, message: string) => {
      const response = await call(token, 'POST', '/v1/booking/help-requests', { reasons: ['interpreter'], message, phone: '+45 11 22 33 44' });
      assert.equal(response.statusCode, 201, response.body);
      return response.json<{ id: string }>().id;
    };
    const older = await help(w.tokens[0] ?? '', 'Første');
    await new Promise((resolve) => setTimeout(resolve, 5));
    const newer = await help(w.tokens[1] ?? '', 'Anden');
    const foreign = await help(other.tokens[0] ?? '', 'Fremmed');
    // Close the caseworker's calendar up to the deadline so the citizen gets a receipt.
    const deadline = addDays(today(), 9);
    await suite.server.database.db.insertInto('booking_deadlines').values({ citizen_id: w.citizens[0] ?? '', deadline }).execute();
    for (let index = 0; index <= 9; index++) {
      assert.equal((await call(w.desk, 'PUT', `/v1/booking/desk/availability/exceptions/${addDays(today(), index)}`, { kind: 'holiday' })).statusCode, 200);
    }
    const receipt = await call(w.tokens[0] ?? '', 'POST', '/v1/booking/no-free-time-receipts', { meetingTypeId: 'mt-telefon' });
    assert.equal(receipt.statusCode, 201, receipt.body);

    const response = await call(w.desk, 'GET', '/v1/booking/desk/requests');
    assert.equal(response.statusCode, 200, response.body);
    const requests = response.json<DeskRequests>();
    assertSchema(DeskRequests, requests);
    assert.deepEqual(requests.helpRequests.map((item) => item.id), [newer, older]);
    assert.deepEqual(requests.helpRequests[1], { ...requests.helpRequests[1], citizen: { id: w.citizens[0], firstName: 'Borger' }, message: 'Første', phone: '+45 11 22 33 44', reasons: ['interpreter'], handledAt: null });
    assert.deepEqual(requests.receipts.map((item) => [item.id, item.citizen.id, item.deadline]), [[receipt.json<{ id: string }>().id, w.citizens[0], deadline]]);
    assert.ok(!JSON.stringify(requests).includes(foreign));

    const handled = await call(w.desk, 'POST', `/v1/booking/desk/help-requests/${older}/handled`, undefined, null);
    assert.equal(handled.statusCode, 200, handled.body);
    assertSchema(DeskHelpRequest, handled.json());
    const handledAt = handled.json<DeskHelpRequest>().handledAt;
    assert.ok(handledAt !== null);
    // Clients may send an empty JSON object and an Idempotency-Key; both are accepted.
    const repeated = await call(w.desk, 'POST', `/v1/booking/desk/help-requests/${older}/handled`, {});
    assert.equal(repeated.json<DeskHelpRequest>().handledAt, handledAt, 'repeating keeps the first time');
    assert.equal((await call(w.desk, 'GET', '/v1/booking/desk/requests')).json<DeskRequests>().helpRequests[1]?.handledAt, handledAt);
    assertProblem(await call(w.desk, 'POST', `/v1/booking/desk/help-requests/${foreign}/handled`, undefined, null), 404, 'not-found');
    assertProblem(await call(w.desk, 'POST', '/v1/booking/desk/help-requests/no-such/handled', undefined, null), 404, 'not-found');
  });

  test('a receipt uses the host page\'s deadline only when the job centre set none', async () => {
    const w = await world(2);
    for (let index = 0; index <= 12; index++) await call(w.desk, 'PUT', `/v1/booking/desk/availability/exceptions/${addDays(today(), index)}`, { kind: 'sick' });
    const hostDeadline = addDays(today(), 10);
    assertProblem(await call(w.tokens[0] ?? '', 'POST', '/v1/booking/no-free-time-receipts', { meetingTypeId: 'mt-telefon' }), 400, 'invalid-request');
    assertProblem(await call(w.tokens[0] ?? '', 'POST', '/v1/booking/no-free-time-receipts', { meetingTypeId: 'mt-telefon', deadline: '2027-02-30' }), 400, 'invalid-request');
    const fromHost = await call(w.tokens[0] ?? '', 'POST', '/v1/booking/no-free-time-receipts', { meetingTypeId: 'mt-telefon', deadline: hostDeadline });
    assert.equal(fromHost.statusCode, 201, fromHost.body);
    assert.equal(fromHost.json<{ deadline: string }>().deadline, hostDeadline);
    const jobCentreDeadline = addDays(today(), 9);
    await suite.server.database.db.insertInto('booking_deadlines').values({ citizen_id: w.citizens[1] ?? '', deadline: jobCentreDeadline }).execute();
    const fromServer = await call(w.tokens[1] ?? '', 'POST', '/v1/booking/no-free-time-receipts', { meetingTypeId: 'mt-telefon', deadline: hostDeadline });
    assert.equal(fromServer.statusCode, 201, fromServer.body);
    assert.equal(fromServer.json<{ deadline: string }>().deadline, jobCentreDeadline);
  });

  test('citizen bookings, reschedules, cancels, help requests and receipts publish booking.desk-changed to the caseworker', async () => {
    const w = await world(1);
    const stream = await openStream(await suite.server.listen(), w.desk);
    assert.equal(stream.status, 200);
    try {
      const [a, b] = await deskSlots(w);
      assert.ok([a, b].every(Boolean));
      const booking = await holdAndBook(w.tokens[0] ?? '', a.id);
      const live = await stream.nextEvent();
      assert.equal(live.event, 'booking.desk-changed');
      const envelope = JSON.parse(live.data ?? '{}') as unknown;
      assertSchema(BookingDeskChangedEvent, envelope);
      assert.deepEqual((envelope as { data: DeskChange }).data, { kind: 'booking', id: booking.id });
      const held = (await call(w.tokens[0] ?? '', 'POST', '/v1/booking/holds', { slotId: b.id, meetingTypeId: 'mt-telefon' })).json<Hold>();
      assert.equal((await call(w.tokens[0] ?? '', 'POST', `/v1/booking/bookings/${booking.id}/reschedule`, { holdId: held.id })).statusCode, 200);
      assert.equal((await call(w.tokens[0] ?? '', 'POST', `/v1/booking/bookings/${booking.id}/cancel`, {})).statusCode, 200);
      const help = (await call(w.tokens[0] ?? '', 'POST', '/v1/booking/help-requests', { reasons: ['phone'] })).json<{ id: string }>();
      for (let index = 0; index <= 12; index++) await call(w.desk, 'PUT', `/v1/booking/desk/availability/exceptions/${addDays(today(), index)}`, { kind: 'holiday' });
      const receipt = (await call(w.tokens[0] ?? '', 'POST', '/v1/booking/no-free-time-receipts', { meetingTypeId: 'mt-telefon', deadline: addDays(today(), 10) })).json<{ id: string }>();
      assert.deepEqual(await deskChanges(w.caseworker), [
        { kind: 'booking', id: booking.id },
        { kind: 'booking', id: booking.id },
        { kind: 'booking', id: booking.id },
        { kind: 'help-request', id: help.id },
        { kind: 'receipt', id: receipt.id },
      ]);
      assert.deepEqual(await eventsOf(w.citizens[0] ?? '', 'booking.changed'), [], 'the citizen\'s own changes are not echoed to them');
    } finally {
      stream.close();
    }
  });

  test('the demo desk is not empty: Mette has upcoming bookings and a help request', async () => {
    const mette = await suite.server.token('caseworker-1');
    const bookings = (await call(mette, 'GET', `/v1/booking/desk/bookings?from=${today()}&to=${addDays(today(), 42)}`)).json<DeskBookingList>();
    assert.ok(bookings.items.length >= 1, 'an upcoming booking');
    assert.ok(bookings.items.every((item) => item.bookedBy === 'citizen'));
    assert.ok(bookings.items.every((item) => isoWeekday(item.start.slice(0, 10)) <= 5));
    const requests = (await call(mette, 'GET', '/v1/booking/desk/requests')).json<DeskRequests>();
    assert.ok(requests.helpRequests.length >= 1, 'a help request');
  });
});
