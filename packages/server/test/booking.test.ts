import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { Booking, BookingPage, Hold, HelpRequest, MeetingTypeList, NoFreeTimeReceipt, SlotList } from '@jobunivers/contract';
import { sql } from 'kysely';
import { escapeText, foldLine } from '../src/booking/ical.js';
import { addDays, formatLocal, isoWeekday, localDate, localToInstant, offsetAt } from '../src/booking/zone.js';
import { runMaintenance } from '../src/maintenance.js';
import { bookingClock } from '../src/routes/booking.js';
import { assertProblem, assertSchema, bookingSuite, forEachDatabase } from './helpers.js';

/** The next date (after `after`) on which Copenhagen changes between winter and summer time. */
function nextDstChange(after: string): string {
  for (let date = addDays(after, 1); ; date = addDays(date, 1)) {
    if (offsetAt(localToInstant(date, 12 * 60)) !== offsetAt(localToInstant(addDays(date, -1), 12 * 60))) return date;
  }
}

describe('booking building blocks', () => {
  test('Copenhagen wall-clock times follow DST', () => {
    assert.equal(new Date(localToInstant('2027-03-26', 9 * 60)).toISOString(), '2027-03-26T08:00:00.000Z');
    assert.equal(new Date(localToInstant('2027-03-29', 9 * 60)).toISOString(), '2027-03-29T07:00:00.000Z');
    assert.equal(new Date(localToInstant('2026-10-23', 9 * 60)).toISOString(), '2026-10-23T07:00:00.000Z');
    assert.equal(new Date(localToInstant('2026-10-26', 9 * 60)).toISOString(), '2026-10-26T08:00:00.000Z');
    assert.equal(formatLocal(Date.parse('2027-03-29T07:00:00Z')), '2027-03-29T09:00:00+02:00');
    assert.equal(formatLocal(Date.parse('2026-12-01T08:00:00Z')), '2026-12-01T09:00:00+01:00');
    assert.equal(isoWeekday('2026-11-30'), 1);
    assert.equal(isoWeekday('2026-12-06'), 7);
  });

  test('iCalendar text is escaped and folded at 75 octets without splitting characters', () => {
    assert.equal(escapeText('a,b;c\\d\ne'), 'a\\,b\\;c\\\\d\\ne');
    const folded = foldLine(`DESCRIPTION:${'لقاء في مركز العمل '.repeat(10)}`);
    for (const line of folded.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, line);
    assert.equal(folded.split('\r\n').map((line, index) => (index === 0 ? line : line.slice(1))).join(''), `DESCRIPTION:${'لقاء في مركز العمل '.repeat(10)}`);
  });
});

forEachDatabase('self-booking', (target) => {
  const suite = bookingSuite(target, { keyPrefix: 'booking-key', worldPrefix: 'w', caseworkerName: 'Test' });
  const { call, world, newKey, holdAndBook, bookedClaims } = suite;
  const today = () => localDate(Date.now());

  afterEach(() => {
    bookingClock.now = () => Date.now();
  });

  const slots = async (token: string, meetingTypeId: string, from: string, to: string): Promise<SlotList> => {
    const response = await call(token, 'GET', `/v1/booking/slots?meetingTypeId=${meetingTypeId}&from=${from}&to=${to}`);
    assert.equal(response.statusCode, 200, response.body);
    const list = response.json<SlotList>();
    assertSchema(SlotList, list);
    return list;
  };
  /** Free slots of the next three weeks (after today). */
  const upcoming = (token: string, meetingTypeId = 'mt-telefon') => slots(token, meetingTypeId, addDays(today(), 1), addDays(today(), 21)).then((list) => list.slots);
  const hold = (token: string, slotId: string, meetingTypeId = 'mt-telefon', key: string | null = newKey()) => call(token, 'POST', '/v1/booking/holds', { slotId, meetingTypeId }, key);
  const book = (token: string, holdId: string, answers: unknown[] = [], key: string | null = newKey()) => call(token, 'POST', '/v1/booking/bookings', { holdId, answers }, key);
  const bookingCounts = async () => {
    const out: Record<string, number> = {};
    for (const table of ['bookings', 'booking_holds', 'slot_claims', 'idempotency_keys', 'help_requests', 'no_free_time_receipts'] as const) {
      const row = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(suite.server.database.db);
      out[table] = Number(row.rows[0]?.n ?? 0);
    }
    return out;
  };

  test('meeting types come in the requested language, Danish by default', async () => {
    const { tokens } = await world(1);
    const token = tokens[0] ?? '';
    const danish = await call(token, 'GET', '/v1/booking/meeting-types');
    assert.equal(danish.statusCode, 200);
    const list = danish.json<MeetingTypeList>();
    assertSchema(MeetingTypeList, list);
    assert.deepEqual(list.items.map((type) => type.kind), ['in-person', 'phone', 'video']);
    const inPerson = list.items[0];
    assert.equal(inPerson.title, 'Samtale på jobcentret');
    assert.deepEqual(Object.keys(inPerson.details).sort(), ['address', 'bring']);
    assert.equal(inPerson.details.address, 'Torvet 1, 9999 Eksempelby');
    assert.deepEqual(inPerson.questions.map((question) => [question.id, question.kind, question.required]), [['q-topic', 'text', false], ['q-help', 'choice', true]]);
    assert.equal(inPerson.questions[0]?.options, undefined);
    assert.ok((inPerson.questions[1]?.options?.length ?? 0) >= 2);
    assert.deepEqual(Object.keys(list.items[1]?.details ?? {}), ['phone']);
    assert.deepEqual(Object.keys(list.items[2]?.details ?? {}), ['video']);
    const english = (await call(token, 'GET', '/v1/booking/meeting-types', undefined, null, { 'accept-language': 'en-GB,en;q=0.9' })).json<MeetingTypeList>();
    assert.equal(english.items[1]?.title, 'Phone meeting');
    const arabic = (await call(token, 'GET', '/v1/booking/meeting-types', undefined, null, { 'accept-language': 'ar' })).json<MeetingTypeList>();
    assert.equal(arabic.items[2]?.title, 'لقاء عبر الفيديو');
    const other = (await call(token, 'GET', '/v1/booking/meeting-types', undefined, null, { 'accept-language': 'fr' })).json<MeetingTypeList>();
    assert.equal(other.items[0]?.title, 'Samtale på jobcentret');
  });

  test('slots are the future times of the assigned caseworkers in Copenhagen time, within the range', async () => {
    const { tokens } = await world(1);
    const token = tokens[0] ?? '';
    const from = addDays(today(), 1);
    const to = addDays(today(), 14);
    const list = await slots(token, 'mt-fysisk', from, to);
    assert.equal(list.timeZone, 'Europe/Copenhagen');
    assert.equal(list.deadline, null);
    assert.ok(list.slots.length > 0);
    for (const slot of list.slots) {
      assert.match(slot.start, /^\d{4}-\d{2}-\d{2}T(09:00|09:45|10:30):00\+0[12]:00$/);
      assert.equal(Date.parse(slot.end) - Date.parse(slot.start), 45 * 60_000);
      const date = slot.start.slice(0, 10);
      assert.ok(date >= from && date <= to);
      assert.ok(isoWeekday(date) <= 5);
      assert.ok(Date.parse(slot.start) > Date.now());
    }
    const starts = list.slots.map((slot) => Date.parse(slot.start));
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
    // Only the caseworkers assigned to the citizen: a new world's citizen sees one caseworker's times (no duplicates).
    assert.equal(new Set(list.slots.map((slot) => slot.start)).size, list.slots.length);
  });

  test('slots in a DST week keep 09:00 local time on both sides of the change', async () => {
    const { tokens } = await world(1);
    const change = nextDstChange(addDays(today(), 1));
    const list = await slots(tokens[0] ?? '', 'mt-fysisk', addDays(change, -6), addDays(change, 6));
    const before = list.slots.filter((slot) => slot.start.slice(0, 10) < change);
    const afterChange = list.slots.filter((slot) => slot.start.slice(0, 10) > change);
    assert.ok(before.length > 0 && afterChange.length > 0);
    const offsetBefore = offsetAt(localToInstant(addDays(change, -1), 12 * 60));
    const offsetAfter = offsetAt(localToInstant(addDays(change, 1), 12 * 60));
    assert.notEqual(offsetBefore, offsetAfter);
    for (const [group, offset] of [[before, offsetBefore], [afterChange, offsetAfter]] as const) {
      const first = group.filter((slot) => slot.start.includes('T09:00:00'));
      assert.ok(first.length > 0);
      for (const slot of first) {
        const utc = new Date(Date.parse(slot.start));
        assert.equal(utc.getUTCHours(), 9 - offset / 3_600_000);
        assert.ok(slot.start.endsWith(offset === 3_600_000 ? '+01:00' : '+02:00'));
      }
    }
  });

  test('a range over 62 days, a reversed range or a bad date is 400; an unknown meeting type 404', async () => {
    const { tokens } = await world(1);
    const token = tokens[0] ?? '';
    const from = addDays(today(), 1);
    const ok = await call(token, 'GET', `/v1/booking/slots?meetingTypeId=mt-video&from=${from}&to=${addDays(from, 62)}`);
    assert.equal(ok.statusCode, 200);
    const tooLong = assertProblem(await call(token, 'GET', `/v1/booking/slots?meetingTypeId=mt-video&from=${from}&to=${addDays(from, 63)}`), 400, 'invalid-request');
    assert.deepEqual((tooLong.errors as { pointer: string }[]).map((error) => error.pointer), ['/query/to']);
    assertProblem(await call(token, 'GET', `/v1/booking/slots?meetingTypeId=mt-video&from=${from}&to=${addDays(from, -1)}`), 400, 'invalid-request');
    assertProblem(await call(token, 'GET', `/v1/booking/slots?meetingTypeId=mt-video&from=2026-02-30&to=2026-03-01`), 400, 'invalid-request');
    assertProblem(await call(token, 'GET', `/v1/booking/slots?meetingTypeId=mt-video&from=${from}`), 400, 'invalid-request');
    assertProblem(await call(token, 'GET', `/v1/booking/slots?meetingTypeId=mt-none&from=${from}&to=${from}`), 404, 'not-found');
  });

  test('deadline comes from the job centre; nextAvailable is the first later date with a free slot', async () => {
    const lars = await suite.server.token('citizen-1');
    const list = await slots(lars, 'mt-telefon', addDays(today(), 1), addDays(today(), 2));
    assert.ok(list.deadline !== null && list.deadline >= addDays(today(), 8), `deadline ${String(list.deadline)}`);
    const { tokens, caseworker } = await world(1);
    const token = tokens[0] ?? '';
    // A weekend has no times; nextAvailable names the first day after it with one.
    let saturday = addDays(today(), 1);
    while (isoWeekday(saturday) !== 6) saturday = addDays(saturday, 1);
    const weekend = await slots(token, 'mt-telefon', saturday, addDays(saturday, 1));
    assert.deepEqual(weekend.slots, []);
    const later = await slots(token, 'mt-telefon', addDays(saturday, 2), addDays(saturday, 40));
    assert.equal(weekend.nextAvailable, later.slots[0]?.start.slice(0, 10));
    // Nothing within 6 months: null.
    await suite.server.database.db.deleteFrom('availability_rules').where('caseworker_id', '=', caseworker).execute();
    const none = await slots(token, 'mt-telefon', saturday, addDays(saturday, 1));
    assert.equal(none.nextAvailable, null);
  });

  test('booked times and live holds disappear for others; the holder still sees theirs; run-out holds come back', async () => {
    const { tokens: [a = '', b = '', c = ''] } = await world(3);
    const [first, second] = await upcoming(a);
    assert.ok([first, second].every(Boolean), 'two free times');
    const held = await hold(a, first.id);
    assert.equal(held.statusCode, 201, held.body);
    const theHold = held.json<Hold>();
    assertSchema(Hold, theHold);
    assert.equal(theHold.start, first.start);
    assert.equal(theHold.slotId, first.id);
    assert.ok(Math.abs(Date.parse(theHold.expiresAt) - Date.now() - 5 * 60_000) < 60_000);
    assert.ok((await upcoming(a)).some((slot) => slot.id === first.id), 'the holder still sees the time');
    assert.ok(!(await upcoming(b)).some((slot) => slot.id === first.id), 'others do not');
    assertProblem(await hold(b, first.id), 409, 'slot-unavailable');

    await holdAndBook(c, second.id);
    for (const token of [a, b, c]) assert.ok(!(await upcoming(token)).some((slot) => slot.id === second.id));
    assertProblem(await hold(b, second.id), 409, 'slot-unavailable');

    // The hold runs out: the time is shown again and another citizen takes it over.
    bookingClock.now = () => Date.now() + 6 * 60_000;
    assert.ok((await upcoming(b)).some((slot) => slot.id === first.id));
    const takeover = await hold(b, first.id);
    assert.equal(takeover.statusCode, 201, takeover.body);
    // The first holder's hold is gone: booking it is 410 and writes nothing.
    const counts = await bookingCounts();
    assertProblem(await book(a, theHold.id), 410, 'hold-expired');
    assert.deepEqual(await bookingCounts(), counts);
  });

  test('a new hold releases the citizen\'s previous one; DELETE releases (twice is harmless)', async () => {
    const { tokens: [a = '', b = ''] } = await world(2);
    const [first, second] = await upcoming(a);
    const one = (await hold(a, first.id)).json<Hold>();
    const two = (await hold(a, second.id)).json<Hold>();
    assert.ok((await upcoming(b)).some((slot) => slot.id === first.id), 'the first hold was released');
    assertProblem(await book(a, one.id), 410, 'hold-expired');
    assert.equal((await call(a, 'DELETE', `/v1/booking/holds/${two.id}`)).statusCode, 204);
    assert.equal((await call(a, 'DELETE', `/v1/booking/holds/${two.id}`)).statusCode, 204);
    assert.ok((await upcoming(b)).some((slot) => slot.id === second.id));
    assertProblem(await hold(a, 'bm90LWEtc2xvdA'), 404, 'not-found');
    assertProblem(await hold(a, first.id, 'mt-none'), 404, 'not-found');
    // A slot of another meeting type's grid is not a slot of this one.
    assertProblem(await hold(a, first.id, 'mt-fysisk'), 404, 'not-found');
    assertProblem(await hold(a, first.id, 'mt-telefon', null), 400, 'idempotency-key-required');
  });

  test('200 citizens holding one time at once: exactly one hold', async () => {
    const { tokens, caseworker } = await world(200);
    const [slot] = await upcoming(tokens[0] ?? '');
    assert.ok([slot].every(Boolean), 'a free time');
    const responses = await Promise.all(tokens.map((token) => hold(token, slot.id)));
    const statuses = responses.map((response) => response.statusCode);
    assert.equal(statuses.filter((status) => status === 201).length, 1, JSON.stringify(statuses.filter((status) => status !== 201 && status !== 409)));
    assert.equal(statuses.filter((status) => status === 409).length, 199);
    for (const response of responses.filter((item) => item.statusCode === 409)) assert.equal(response.json<{ code: string }>().code, 'slot-unavailable');
    const claims = await suite.server.database.db.selectFrom('slot_claims').selectAll().where('start_at', '=', new Date(Date.parse(slot.start)).toISOString()).where('caseworker_id', '=', caseworker).execute();
    assert.equal(claims.length, 1);
    console.log(`[${target.name}] 200 concurrent holds: ${String(statuses.filter((status) => status === 201).length)} × 201, ${String(statuses.filter((status) => status === 409).length)} × 409`);
  });

  test('200 confirmations of one hold at once: exactly one booking', async () => {
    const { tokens: [token = ''], citizens: [citizenId = ''] } = await world(1);
    const [slot] = await upcoming(token);
    const held = (await hold(token, slot.id)).json<Hold>();
    const responses = await Promise.all(Array.from({ length: 200 }, () => book(token, held.id)));
    const statuses = responses.map((response) => response.statusCode);
    assert.equal(statuses.filter((status) => status === 201).length, 1, JSON.stringify([...new Set(statuses)]));
    assert.ok(statuses.every((status) => status === 201 || status === 410), JSON.stringify([...new Set(statuses)]));
    const rows = await suite.server.database.db.selectFrom('bookings').select('id').where('citizen_id', '=', citizenId).execute();
    assert.equal(rows.length, 1);
    assert.equal((await bookedClaims(rows[0]?.id ?? '')).length, 1);
    console.log(`[${target.name}] 200 concurrent confirmations: ${String(statuses.filter((status) => status === 201).length)} × 201, ${String(statuses.filter((status) => status === 410).length)} × 410`);
  });

  test('booking with a run-out hold is 410 and writes nothing; the time can be held again', async () => {
    const { tokens: [token = ''] } = await world(1);
    const [slot] = await upcoming(token);
    const held = (await hold(token, slot.id)).json<Hold>();
    await suite.server.database.db.updateTable('slot_claims').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('hold_id', '=', held.id).execute();
    const counts = await bookingCounts();
    assertProblem(await book(token, held.id), 410, 'hold-expired');
    assert.deepEqual(await bookingCounts(), counts);
    const again = await hold(token, slot.id);
    assert.equal(again.statusCode, 201);
    assertProblem(await book(token, 'no-such-hold'), 404, 'not-found');
  });

  test('answers: a missing required one, an unknown question or option is 400 with pointers and writes nothing', async () => {
    const { tokens: [token = ''] } = await world(1);
    const [slot] = await upcoming(token, 'mt-fysisk');
    const held = (await hold(token, slot.id, 'mt-fysisk')).json<Hold>();
    const counts = await bookingCounts();
    const pointers = async (answers: unknown[]) => {
      const problem = assertProblem(await book(token, held.id, answers), 400, 'invalid-request');
      return (problem.errors as { pointer: string; code: string }[]).map((error) => `${error.pointer} ${error.code}`);
    };
    assert.deepEqual(await pointers([]), ['/answers required']);
    assert.deepEqual(await pointers([{ questionId: 'q-help', value: 'o-nothing' }, { questionId: 'q-nope', value: 'x' }]), ['/answers/1/questionId enum']);
    assert.deepEqual(await pointers([{ questionId: 'q-help', value: 'o-nope' }]), ['/answers/0/value enum']);
    assert.deepEqual(await pointers([{ questionId: 'q-help', value: 'o-nothing' }, { questionId: 'q-topic', value: 'x'.repeat(501) }]), ['/answers/1/value maxLength']);
    assert.deepEqual(await pointers([{ questionId: 'q-help', value: 'o-nothing', extra: 1 }]), ['/answers/0/extra additionalProperties']);
    assert.deepEqual(await bookingCounts(), counts);
    const booked = await book(token, held.id, [{ questionId: 'q-help', value: 'o-interpreter' }, { questionId: 'q-topic', value: 'Mit CV' }]);
    assert.equal(booked.statusCode, 201, booked.body);
    const booking = booked.json<Booking>();
    assertSchema(Booking, booking);
    assert.deepEqual(booking.answers, [{ questionId: 'q-help', value: 'o-interpreter' }, { questionId: 'q-topic', value: 'Mit CV' }]);
    assert.equal(booking.status, 'booked');
    assert.equal(booking.sequence, 0);
    assert.equal(booking.start, slot.start);
    assert.equal(booking.caseworker.firstName, 'Test');
    assert.equal(booking.meetingType.id, 'mt-fysisk');
    assert.equal((booking.meetingType as Record<string, unknown>).questions, undefined);
    assert.equal(booking.cancelReason, null);
  });

  test('the same Idempotency-Key answers the same booking, also after the hold ran out', async () => {
    const { tokens: [token = ''], citizens: [citizenId = ''] } = await world(1);
    const [slot] = await upcoming(token);
    const held = (await hold(token, slot.id)).json<Hold>();
    const key = newKey();
    const first = await book(token, held.id, [], key);
    assert.equal(first.statusCode, 201);
    const again = await book(token, held.id, [], key);
    assert.equal(again.statusCode, 201);
    assert.equal(again.headers['idempotent-replayed'], 'true');
    assert.deepEqual(again.json(), first.json());
    bookingClock.now = () => Date.now() + 10 * 60_000;
    const later = await book(token, held.id, [], key);
    assert.equal(later.statusCode, 201);
    assert.equal(later.json<Booking>().id, first.json<Booking>().id);
    assertProblem(await book(token, held.id, [{ questionId: 'q-topic', value: 'x' }], key), 422, 'idempotency-key-reused');
    const count = await suite.server.database.db.selectFrom('bookings').select('id').where('citizen_id', '=', citizenId).execute();
    assert.equal(count.length, 1);
  });

  test('reschedule moves the booking atomically; the old time is free again; calendar UID stays, SEQUENCE grows', async () => {
    const { tokens: [token = '', other = ''] } = await world(2);
    const [a, b] = await upcoming(token);
    const booking = await holdAndBook(token, a.id);
    const calendar0 = await call(token, 'GET', `/v1/booking/bookings/${booking.id}/calendar`);
    assert.equal(calendar0.statusCode, 200);
    assert.match(String(calendar0.headers['content-type']), /^text\/calendar/);
    const newHold = (await hold(token, b.id)).json<Hold>();
    const moved = await call(token, 'POST', `/v1/booking/bookings/${booking.id}/reschedule`, { holdId: newHold.id });
    assert.equal(moved.statusCode, 200, moved.body);
    const after = moved.json<Booking>();
    assertSchema(Booking, after);
    assert.equal(after.id, booking.id);
    assert.equal(after.sequence, 1);
    assert.equal(after.start, b.start);
    assert.ok((await upcoming(other)).some((slot) => slot.id === a.id), 'the old time is free');
    assert.ok(!(await upcoming(other)).some((slot) => slot.id === b.id), 'the new time is taken');
    assert.equal((await bookedClaims(booking.id)).length, 1);
    const calendar1 = await call(token, 'GET', `/v1/booking/bookings/${booking.id}/calendar`);
    const uid = (text: string) => /\r\nUID:([^\r]+)\r\n/.exec(text)?.[1];
    assert.equal(uid(calendar1.body), uid(calendar0.body));
    assert.equal(uid(calendar1.body), `${booking.id}@localhost`);
    assert.match(calendar0.body, /\r\nSEQUENCE:0\r\n/);
    assert.match(calendar1.body, /\r\nSEQUENCE:1\r\n/);
    assert.match(calendar1.body, /\r\nMETHOD:REQUEST\r\n/);
    assert.match(calendar1.body, new RegExp(`\\r\\nDTSTART:${new Date(Date.parse(b.start)).toISOString().replace(/[-:]/g, '').replace('.000', '')}\\r\\n`));
    assert.match(calendar1.body, /\r\nDTSTAMP:\d{8}T\d{6}Z\r\n/);
    assert.match(calendar1.body, /^BEGIN:VCALENDAR\r\n/);
    assert.ok(calendar1.body.endsWith('END:VCALENDAR\r\n'));
    assert.ok(!/[^\r]\n/.test(calendar1.body), 'only CRLF line endings');
    for (const line of calendar1.body.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75);
  });

  test('a failed reschedule leaves the old booking; a cancelled booking cannot be rescheduled', async () => {
    const { tokens: [token = ''] } = await world(1);
    const [a, b] = await upcoming(token);
    const booking = await holdAndBook(token, a.id);
    const newHold = (await hold(token, b.id)).json<Hold>();
    await suite.server.database.db.updateTable('slot_claims').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('hold_id', '=', newHold.id).execute();
    const counts = await bookingCounts();
    assertProblem(await call(token, 'POST', `/v1/booking/bookings/${booking.id}/reschedule`, { holdId: newHold.id }), 410, 'hold-expired');
    assert.deepEqual(await bookingCounts(), counts);
    const still = (await call(token, 'GET', `/v1/booking/bookings/${booking.id}`)).json<Booking>();
    assert.equal(still.start, a.start);
    assert.equal(still.sequence, 0);
    assert.equal((await bookedClaims(booking.id))[0]?.start_at, new Date(Date.parse(a.start)).toISOString());
    assertProblem(await call(token, 'POST', `/v1/booking/bookings/${booking.id}/reschedule`, { holdId: 'no-such-hold' }), 404, 'not-found');
    const cancelled = await call(token, 'POST', `/v1/booking/bookings/${booking.id}/cancel`, {});
    assert.equal(cancelled.statusCode, 200);
    const fresh = (await hold(token, b.id)).json<Hold>();
    assertProblem(await call(token, 'POST', `/v1/booking/bookings/${booking.id}/reschedule`, { holdId: fresh.id }), 409, 'booking-cancelled');
  });

  test('concurrent reschedules of one booking (and a competitor) always leave exactly one booked time', async () => {
    const { tokens: [token = '', competitor = ''], citizens: [citizenId = ''] } = await world(2);
    const free = await upcoming(token);
    assert.ok(free.length >= 12);
    const booking = await holdAndBook(token, free[0]?.id ?? '');
    const db = suite.server.database.db;
    const watch = { running: true };
    const observations: number[] = [];
    const watcher = (async () => {
      while (watch.running) {
        observations.push((await bookedClaims(booking.id)).length);
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    })();
    for (let round = 0; round < 5; round++) {
      const b = free[1 + round * 2];
      const c = free[2 + round * 2];
      assert.ok([b, c].every(Boolean), 'two free times');
      // Two live holds of the citizen (the second written directly: the API keeps only one per citizen).
      const holdB = (await hold(token, b.id)).json<Hold>();
      const holdC = `direct-hold-${String(round)}`;
      const startC = new Date(Date.parse(c.start)).toISOString();
      const claimB = await db.selectFrom('booking_holds').selectAll().where('id', '=', holdB.id).executeTakeFirstOrThrow();
      await db.insertInto('slot_claims').values({ caseworker_id: claimB.caseworker_id, start_at: startC, end_at: new Date(Date.parse(c.end)).toISOString(), state: 'held', holder: citizenId, hold_id: holdC, expires_at: new Date(Date.now() + 60_000).toISOString(), booking_id: null }).execute();
      await db.insertInto('booking_holds').values({ ...claimB, created_at: new Date().toISOString(), id: holdC, slot_id: c.id, start_at: startC, end_at: new Date(Date.parse(c.end)).toISOString() }).execute();
      if (round % 2 === 1) {
        // The competitor may take B over the moment B's hold runs out.
        await db.updateTable('slot_claims').set({ expires_at: new Date(Date.now() + 30).toISOString() }).where('hold_id', '=', holdB.id).execute();
        await new Promise((resolve) => setTimeout(resolve, 40));
      }
      const results = await Promise.all([
        call(token, 'POST', `/v1/booking/bookings/${booking.id}/reschedule`, { holdId: holdB.id }),
        call(token, 'POST', `/v1/booking/bookings/${booking.id}/reschedule`, { holdId: holdC }),
        hold(competitor, b.id),
      ]);
      const [rb, rc] = results;
      assert.ok([200, 410].includes(rb.statusCode), rb.body);
      assert.ok([200, 410].includes(rc.statusCode), rc.body);
      const claims = await bookedClaims(booking.id);
      assert.equal(claims.length, 1);
      const current = (await call(token, 'GET', `/v1/booking/bookings/${booking.id}`)).json<Booking>();
      assert.equal(new Date(Date.parse(current.start)).toISOString(), claims[0]?.start_at);
      const successes = [rb, rc].filter((response) => response.statusCode === 200).length;
      assert.ok(successes >= 1 || round % 2 === 1);
      // Clean up the citizen's leftover hold so the next round starts fresh.
      await db.deleteFrom('slot_claims').where('holder', '=', citizenId).where('state', '=', 'held').execute();
    }
    watch.running = false;
    await watcher;
    assert.ok(observations.length > 0);
    assert.ok(observations.every((count) => count === 1), `observed ${JSON.stringify([...new Set(observations)])}`);
  });

  test('cancel releases the time; cancelling twice answers it unchanged; the calendar says CANCEL', async () => {
    const { tokens: [token = '', other = ''] } = await world(2);
    const [a] = await upcoming(token);
    const booking = await holdAndBook(token, a.id);
    const first = await call(token, 'POST', `/v1/booking/bookings/${booking.id}/cancel`, { reason: 'Jeg er syg; beklager, det er «kort varsel»' });
    assert.equal(first.statusCode, 200);
    const cancelled = first.json<Booking>();
    assertSchema(Booking, cancelled);
    assert.equal(cancelled.status, 'cancelled');
    assert.equal(cancelled.sequence, 1);
    assert.equal(cancelled.cancelledBy, 'citizen');
    assert.equal(cancelled.cancelReason, 'Jeg er syg; beklager, det er «kort varsel»');
    assert.ok((await upcoming(other)).some((slot) => slot.id === a.id));
    const second = await call(token, 'POST', `/v1/booking/bookings/${booking.id}/cancel`, {});
    assert.equal(second.statusCode, 200);
    assert.deepEqual(second.json(), cancelled);
    const calendar = await call(token, 'GET', `/v1/booking/bookings/${booking.id}/calendar`);
    assert.match(calendar.body, /\r\nMETHOD:CANCEL\r\n/);
    assert.match(calendar.body, /\r\nSTATUS:CANCELLED\r\n/);
    assert.match(calendar.body, /\r\nSEQUENCE:1\r\n/);
    assertProblem(await call(token, 'POST', `/v1/booking/bookings/${booking.id}/cancel`, { reason: 'x'.repeat(501) }), 400, 'invalid-request');
  });

  test('bookings list: upcoming by start ascending, cursor pages, past separately', async () => {
    const { tokens: [token = ''] } = await world(1);
    const free = await upcoming(token);
    const ids: string[] = [];
    for (const slot of [free[4], free[1], free[7]]) ids.push((await holdAndBook(token, slot.id)).id);
    const seen: Booking[] = [];
    let cursor: string | null = null;
    do {
      const response = await call(token, 'GET', `/v1/booking/bookings?limit=2${cursor === null ? '' : `&cursor=${cursor}`}`);
      assert.equal(response.statusCode, 200, response.body);
      const page = response.json<BookingPage>();
      assertSchema(BookingPage, page);
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== null);
    assert.deepEqual(seen.map((booking) => booking.start), [free[1]?.start, free[4]?.start, free[7]?.start]);
    const past = (await call(token, 'GET', '/v1/booking/bookings?when=past')).json<BookingPage>();
    assert.deepEqual(past.items, []);
    assertProblem(await call(token, 'GET', '/v1/booking/bookings?cursor=nonsense'), 400, 'invalid-cursor');
    assertProblem(await call(token, 'GET', '/v1/booking/bookings?when=soon'), 400, 'invalid-request');
  });

  test('another citizen\'s booking or hold is 404; a caseworker on citizen routes is 403', async () => {
    const { tokens: [owner = '', stranger = ''] } = await world(2);
    const [a, b] = await upcoming(owner);
    const booking = await holdAndBook(owner, a.id);
    const ownerHold = (await hold(owner, b.id)).json<Hold>();
    for (const url of [`/v1/booking/bookings/${booking.id}`, `/v1/booking/bookings/${booking.id}/calendar`]) {
      assertProblem(await call(stranger, 'GET', url), 404, 'not-found');
    }
    const counts = await bookingCounts();
    assertProblem(await call(stranger, 'POST', `/v1/booking/bookings/${booking.id}/cancel`, {}), 404, 'not-found');
    assertProblem(await call(stranger, 'POST', `/v1/booking/bookings/${booking.id}/reschedule`, { holdId: ownerHold.id }), 404, 'not-found');
    assertProblem(await book(stranger, ownerHold.id), 404, 'not-found');
    assert.equal((await call(stranger, 'DELETE', `/v1/booking/holds/${ownerHold.id}`)).statusCode, 204);
    assert.deepEqual(await bookingCounts(), counts);
    assert.ok(!(await upcoming(stranger)).some((slot) => slot.id === b.id), 'the owner\'s hold still stands');
    const mette = await suite.server.token('caseworker-1');
    // Meeting types are the one booking read a caseworker shares (the desk needs their titles).
    assert.equal((await call(mette, 'GET', '/v1/booking/meeting-types')).statusCode, 200);
    for (const [method, url] of [['GET', `/v1/booking/bookings/${booking.id}`], ['GET', '/v1/booking/slots?meetingTypeId=mt-video&from=2030-01-01&to=2030-01-02'], ['POST', '/v1/booking/holds']] as const) {
      assertProblem(await call(mette, method, url, method === 'POST' ? { slotId: a.id, meetingTypeId: 'mt-telefon' } : undefined), 403, 'forbidden');
    }
    assertProblem(await suite.server.app.inject({ url: '/v1/booking/meeting-types' }), 401, 'unauthenticated');
  });

  test('help requests are stored; a receipt is refused while free times exist before the deadline', async () => {
    const { tokens: [token = ''] } = await world(1);
    const help = await call(token, 'POST', '/v1/booking/help-requests', { reasons: ['interpreter', 'phone'], message: 'Jeg har brug for en tolk', phone: '+45 12 34 56 78' });
    assert.equal(help.statusCode, 201, help.body);
    assertSchema(HelpRequest, help.json());
    assert.deepEqual(help.json<HelpRequest>().reasons, ['interpreter', 'phone']);
    assertProblem(await call(token, 'POST', '/v1/booking/help-requests', { reasons: [] }), 400, 'invalid-request');
    assertProblem(await call(token, 'POST', '/v1/booking/help-requests', { reasons: ['interpreter', 'interpreter'] }), 400, 'invalid-request');
    assertProblem(await call(token, 'POST', '/v1/booking/help-requests', { reasons: ['tea'] }), 400, 'invalid-request');

    const lars = await suite.server.token('citizen-1');
    const counts = await bookingCounts();
    assertProblem(await call(lars, 'POST', '/v1/booking/no-free-time-receipts', { meetingTypeId: 'mt-telefon' }), 409, 'free-times-exist');
    assert.deepEqual(await bookingCounts(), counts);

    // A citizen whose caseworker is closed until after the deadline gets the receipt.
    const { tokens: [closedToken = ''], caseworker, citizens: [citizenId = ''] } = await world(1);
    const deadline = addDays(today(), 9);
    await suite.server.database.db.insertInto('booking_deadlines').values({ citizen_id: citizenId, deadline }).execute();
    const closedDays = Array.from({ length: 10 }, (_, index) => ({ caseworker_id: caseworker, date: addDays(today(), index), closed: 1, note: null }));
    await suite.server.database.db.insertInto('availability_exceptions').values(closedDays).onConflict((oc) => oc.columns(['caseworker_id', 'date']).doNothing()).execute();
    const receipt = await call(closedToken, 'POST', '/v1/booking/no-free-time-receipts', { meetingTypeId: 'mt-telefon' });
    assert.equal(receipt.statusCode, 201, receipt.body);
    const body = receipt.json<NoFreeTimeReceipt>();
    assertSchema(NoFreeTimeReceipt, body);
    assert.equal(body.deadline, deadline);
    assert.ok(body.firstAvailable !== null && body.firstAvailable.slice(0, 10) > deadline);
    assertProblem(await call(closedToken, 'POST', '/v1/booking/no-free-time-receipts', { meetingTypeId: 'mt-none' }), 404, 'not-found');
  });

  test('maintenance removes holds that ran out long ago, never live holds or bookings', async () => {
    const { tokens: [token, other] } = await world(2);
    const [a, b, c] = await upcoming(token);
    const booking = await holdAndBook(token, a.id);
    const stale = (await hold(token, b.id)).json<Hold>();
    await suite.server.database.db.updateTable('slot_claims').set({ expires_at: new Date(Date.now() - 2 * 60 * 60 * 1000).toISOString() }).where('hold_id', '=', stale.id).execute();
    const live = (await hold(other, c.id)).json<Hold>();
    const removed = await runMaintenance(suite.server.database.db, suite.server.config);
    assert.ok(removed.expiredHolds >= 1);
    const db = suite.server.database.db;
    assert.equal((await db.selectFrom('slot_claims').select('hold_id').where('hold_id', '=', stale.id).execute()).length, 0);
    assert.equal((await db.selectFrom('slot_claims').select('hold_id').where('hold_id', '=', live.id).execute()).length, 1);
    assert.equal((await bookedClaims(booking.id)).length, 1);
  });
});
