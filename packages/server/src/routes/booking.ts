// Self-booking, citizen side (docs/contract.md "Self-booking"). The database decides every race: a time is a
// row of slot_claims keyed UNIQUE (caseworker_id, start_at), either a hold or a booking. A hold is an upsert
// that may only take over a run-out hold; a booking converts the citizen's own live hold in place; a
// reschedule converts the new hold, deletes the old claim and updates the booking in one transaction.
// Every change (and every help request or receipt) tells the caseworkers' desks with `booking.desk-changed`.
// The claim, lock and document helpers live in ../booking/, shared with the desk's routes (booking-desk.ts).
import { randomUUID } from 'node:crypto';
import {
  BookingCancel, BookingCreate, BookingListQuery, BookingReschedule, HelpRequestCreate, HoldCreate, IdParams, NoFreeTimeReceiptCreate, SlotsQuery,
  type Booking, type BookingPage, type Config, type HelpRequest, type Hold, type MeetingTypeList, type NoFreeTimeReceipt, type SlotList,
} from '@jobunivers/contract';
import type { FastifyRequest } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import { authenticate, userOf } from '../auth.js';
import { cancelBooking } from '../booking/cancel.js';
import { lockUser, overlapsOtherClaim, releaseBookedClaim } from '../booking/claims.js';
import { bookingClock, HOLD_MINUTES, MAX_SLOT_RANGE_DAYS } from '../booking/clock.js';
import { caseworkersOf, notifyDesks } from '../booking/desk-events.js';
import { bookingDocument, loadMeetingType, slotListDocument } from '../booking/documents.js';
import { sendIdempotentResult } from '../booking/idempotent-reply.js';
import { citizenScope, decodeSlotId, findCandidate, firstFreeSlot } from '../booking/slots.js';
import { renderCalendar } from '../booking/ical.js';
import { answerErrors, textLanguage, toMeetingType, type TextLanguage } from '../booking/texts.js';
import { dateRangeErrors, rejectInvalid } from '../booking/validation.js';
import { addDays, addMonths, formatLocal, isRealDate, localDate } from '../booking/zone.js';
import type { App, AppContext } from '../context.js';
import { CursorCodec } from '../cursor.js';
import type { Database } from '../db/schema.js';
import { nowIso, toIso } from '../db/time.js';
import { runIdempotent } from '../idempotency.js';
import { ProblemError } from '../problem.js';

export { bookingClock, HOLD_MINUTES, MAX_SLOT_RANGE_DAYS };

type Db = Kysely<Database> | Transaction<Database>;

const bookingNotFound = () => new ProblemError('not-found', { detail: 'There is no such booking for you.' });
const meetingTypeNotFound = () => new ProblemError('not-found', { detail: 'There is no such meeting type.' });

export function bookingRoutes(app: App, context: AppContext): void {
  const { db, bus, verifier, dialect } = context;
  const citizen = authenticate(db, verifier, ['citizen']);
  const anyone = authenticate(db, verifier, ['citizen', 'caseworker']);
  const cursors = new CursorCodec(cursorSecret(context), 'bookings');
  const language = (request: FastifyRequest): TextLanguage => textLanguage(request.headers['accept-language']);

  /** Serialises one citizen's booking writes (the desk takes the same lock for that citizen's bookings). */
  const lockCitizen = (trx: Transaction<Database>, citizenId: string) => lockUser(trx, dialect, citizenId);

  const ownBooking = (trx: Db, citizenId: string, id: string) =>
    trx.selectFrom('bookings').selectAll().where('id', '=', id).where('citizen_id', '=', citizenId).executeTakeFirst();

  /** Turns the citizen's own live hold into a booked claim of `bookingId`; 404 unknown hold, 410 run out. */
  const convertHold = async (trx: Transaction<Database>, citizenId: string, holdId: string, bookingId: string, now: number) => {
    const hold = await trx.selectFrom('booking_holds').selectAll().where('id', '=', holdId).where('citizen_id', '=', citizenId).executeTakeFirst();
    if (hold === undefined) throw new ProblemError('not-found', { detail: 'There is no such hold for you.' });
    const converted = await trx
      .updateTable('slot_claims')
      .set({ state: 'booked', booking_id: bookingId, hold_id: null, expires_at: null })
      .where('hold_id', '=', holdId)
      .where('holder', '=', citizenId)
      .where('state', '=', 'held')
      .where('expires_at', '>', new Date(now).toISOString())
      .executeTakeFirst();
    if (Number(converted.numUpdatedRows) !== 1) {
      throw new ProblemError('hold-expired', { detail: 'The hold ran out before the booking was confirmed. The time may still be free: choose it again.' });
    }
    return hold;
  };

  app.get('/v1/booking/meeting-types', { onRequest: anyone }, async (request, reply): Promise<MeetingTypeList> => {
    const lang = language(request);
    const types = await db.selectFrom('meeting_types').selectAll().orderBy('position').execute();
    const questions = await db.selectFrom('meeting_type_questions').selectAll().orderBy('position').execute();
    reply.header('cache-control', 'no-store').header('vary', 'Accept-Language');
    return { items: types.map((type) => toMeetingType(type, questions.filter((question) => question.meeting_type_id === type.id), lang)) };
  });

  app.get('/v1/booking/slots', { onRequest: citizen, schema: { querystring: SlotsQuery } }, async (request, reply): Promise<SlotList> => {
    const user = userOf(request);
    const { meetingTypeId, from, to } = request.query;
    rejectInvalid(dateRangeErrors(from, to, MAX_SLOT_RANGE_DAYS));
    const meetingType = await loadMeetingType(db, meetingTypeId);
    if (meetingType === undefined) throw meetingTypeNotFound();
    const now = bookingClock.now();
    const list = await slotListDocument(db, await citizenScope(db, user.id), meetingType, { from, to }, user.id, now);
    reply.header('cache-control', 'no-store');
    return list;
  });

  app.post('/v1/booking/holds', { onRequest: citizen, schema: { body: HoldCreate } }, async (request, reply) => {
    const user = userOf(request);
    const { slotId, meetingTypeId } = request.body;
    const result = await runIdempotent(db, bus, request, user.id, async (trx) => {
      await lockCitizen(trx, user.id);
      const now = bookingClock.now();
      const meetingType = await loadMeetingType(trx, meetingTypeId);
      if (meetingType === undefined) throw meetingTypeNotFound();
      const decoded = decodeSlotId(slotId);
      const unknownSlot = new ProblemError('not-found', { detail: 'There is no such time. Choose one from the list of free times.' });
      if (decoded === undefined) throw unknownSlot;
      const slot = await findCandidate(trx, await citizenScope(trx, user.id), meetingType, decoded, now);
      if (slot === undefined) throw unknownSlot;
      const nowText = new Date(now).toISOString();
      const start = new Date(slot.start).toISOString();
      const end = new Date(slot.end).toISOString();
      const unavailable = new ProblemError('slot-unavailable', { detail: 'Someone else has just taken this time. Choose another one.' });
      // A claim at another start that overlaps (another meeting type's grid) also makes the time unavailable.
      if (await overlapsOtherClaim(trx, { caseworkerId: slot.caseworkerId, start, end }, nowText, { exceptHoldsOf: user.id })) throw unavailable;
      // At most one live hold per citizen: this one replaces any other (rolled back if this one fails).
      await trx
        .deleteFrom('slot_claims')
        .where('holder', '=', user.id)
        .where('state', '=', 'held')
        .where((eb) => eb.or([eb('caseworker_id', '!=', slot.caseworkerId), eb('start_at', '!=', start)]))
        .execute();
      const holdId = randomUUID();
      const expiresAt = new Date(now + HOLD_MINUTES * 60_000).toISOString();
      const claimed = await trx
        .insertInto('slot_claims')
        .values({ caseworker_id: slot.caseworkerId, start_at: start, end_at: end, state: 'held', holder: user.id, hold_id: holdId, expires_at: expiresAt, booking_id: null })
        .onConflict((oc) =>
          oc
            .columns(['caseworker_id', 'start_at'])
            .doUpdateSet((eb) => ({
              end_at: eb.ref('excluded.end_at'),
              holder: eb.ref('excluded.holder'),
              hold_id: eb.ref('excluded.hold_id'),
              expires_at: eb.ref('excluded.expires_at'),
            }))
            .where('slot_claims.state', '=', 'held')
            .where((eb) => eb.or([eb('slot_claims.expires_at', '<=', nowText), eb('slot_claims.holder', '=', user.id)])),
        )
        .returning('hold_id')
        .executeTakeFirst();
      if (claimed?.hold_id !== holdId) throw unavailable;
      await trx
        .insertInto('booking_holds')
        .values({ id: holdId, citizen_id: user.id, caseworker_id: slot.caseworkerId, meeting_type_id: meetingType.id, slot_id: slotId, start_at: start, end_at: end, expires_at: expiresAt, created_at: nowText })
        .execute();
      const hold: Hold = { id: holdId, slotId, start: formatLocal(slot.start), end: formatLocal(slot.end), expiresAt };
      return { status: 201, body: hold };
    });
    return sendIdempotentResult(reply, result);
  });

  app.delete('/v1/booking/holds/:id', { onRequest: citizen, schema: { params: IdParams } }, async (request, reply) => {
    const user = userOf(request);
    await db.deleteFrom('slot_claims').where('hold_id', '=', request.params.id).where('holder', '=', user.id).where('state', '=', 'held').execute();
    return reply.code(204).header('cache-control', 'no-store').send();
  });

  app.post('/v1/booking/bookings', { onRequest: citizen, schema: { body: BookingCreate } }, async (request, reply) => {
    const user = userOf(request);
    const lang = language(request);
    const { holdId, answers } = request.body;
    const result = await runIdempotent(db, bus, request, user.id, async (trx, publish) => {
      await lockCitizen(trx, user.id);
      const now = bookingClock.now();
      const hold = await trx.selectFrom('booking_holds').selectAll().where('id', '=', holdId).where('citizen_id', '=', user.id).executeTakeFirst();
      if (hold === undefined) throw new ProblemError('not-found', { detail: 'There is no such hold for you.' });
      const questions = await trx.selectFrom('meeting_type_questions').selectAll().where('meeting_type_id', '=', hold.meeting_type_id).orderBy('position').execute();
      const errors = answerErrors(answers, questions);
      if (errors.length > 0) throw new ProblemError('invalid-request', { detail: 'Fix the answers listed in errors and send the request again.', errors });
      const id = randomUUID();
      await convertHold(trx, user.id, holdId, id, now);
      const at = nowIso();
      const row = await trx
        .insertInto('bookings')
        .values({
          id, citizen_id: user.id, caseworker_id: hold.caseworker_id, meeting_type_id: hold.meeting_type_id, start_at: hold.start_at, end_at: hold.end_at,
          status: 'booked', answers: JSON.stringify(answers.map(({ questionId, value }) => ({ questionId, value }))), sequence: 0,
          cancel_reason: null, cancelled_by: null, booked_by: 'citizen', change_reason: null, created_at: at, updated_at: at,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await notifyDesks(publish, [row.caseworker_id], { kind: 'booking', id: row.id });
      return { status: 201, body: await bookingDocument(trx, row, lang) };
    });
    return sendIdempotentResult(reply, result);
  });

  app.get('/v1/booking/bookings', { onRequest: citizen, schema: { querystring: BookingListQuery } }, async (request, reply): Promise<BookingPage> => {
    const user = userOf(request);
    const lang = language(request);
    const when = request.query.when ?? 'upcoming';
    const limit = request.query.limit ?? 20;
    const upcoming = when === 'upcoming';
    const nowText = new Date(bookingClock.now()).toISOString();
    let after: { start: string; seq: number } | undefined;
    if (request.query.cursor !== undefined) {
      const match = /^(u|p)_([0-9]{1,15})_([0-9]{1,15})$/.exec(cursors.decodeText(request.query.cursor));
      if (match === null || match[1] !== (upcoming ? 'u' : 'p')) {
        throw new ProblemError('invalid-cursor', { detail: 'Pass back the nextCursor of the previous page as is, or start without a cursor.' });
      }
      after = { start: new Date(Number(match[2])).toISOString(), seq: Number(match[3]) };
    }
    let query = db.selectFrom('bookings').selectAll().where('citizen_id', '=', user.id).where('end_at', upcoming ? '>' : '<=', nowText);
    if (after !== undefined) {
      const position = after;
      query = query.where((eb) =>
        upcoming
          ? eb.or([eb('start_at', '>', position.start), eb.and([eb('start_at', '=', position.start), eb('seq', '>', position.seq)])])
          : eb.or([eb('start_at', '<', position.start), eb.and([eb('start_at', '=', position.start), eb('seq', '<', position.seq)])]),
      );
    }
    const rows = await query
      .orderBy('start_at', upcoming ? 'asc' : 'desc')
      .orderBy('seq', upcoming ? 'asc' : 'desc')
      .limit(limit + 1)
      .execute();
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    const items: Booking[] = [];
    for (const row of page) items.push(await bookingDocument(db, row, lang));
    reply.header('cache-control', 'no-store');
    return {
      items,
      nextCursor: rows.length > limit && last !== undefined ? cursors.encodeText(`${upcoming ? 'u' : 'p'}_${String(Date.parse(last.start_at))}_${String(last.seq)}`) : null,
    };
  });

  app.get('/v1/booking/bookings/:id', { onRequest: citizen, schema: { params: IdParams } }, async (request, reply) => {
    const user = userOf(request);
    const row = await ownBooking(db, user.id, request.params.id);
    if (row === undefined) throw bookingNotFound();
    reply.header('cache-control', 'no-store');
    return bookingDocument(db, row, language(request));
  });

  app.get('/v1/booking/bookings/:id/calendar', { onRequest: citizen, schema: { params: IdParams } }, async (request, reply) => {
    const user = userOf(request);
    const lang = language(request);
    const row = await ownBooking(db, user.id, request.params.id);
    if (row === undefined) throw bookingNotFound();
    const booking = await bookingDocument(db, row, lang);
    const configRow = await db.selectFrom('config').select('document').where('id', '=', 1).executeTakeFirst();
    const municipality = configRow === undefined ? undefined : (JSON.parse(configRow.document) as Config).municipality;
    const details = booking.meetingType.details;
    const location = details.address ?? details.phone ?? details.video ?? null;
    const description = [municipality?.name, booking.caseworker.firstName, details.bring].filter((part): part is string => typeof part === 'string' && part !== '').join('\n');
    const text = renderCalendar({
      uid: `${row.id}@${request.hostname.replace(/:\d+$/, '')}`,
      sequence: row.sequence,
      cancelled: row.status === 'cancelled',
      start: row.start_at,
      end: row.end_at,
      stamp: toIso(row.updated_at),
      summary: municipality === undefined ? booking.meetingType.title : `${booking.meetingType.title} – ${municipality.name}`,
      location,
      description: description === '' ? null : description,
      organizer: municipality === undefined ? null : { name: municipality.name, email: municipality.email },
    });
    return reply
      .header('content-type', `text/calendar; charset=utf-8; method=${row.status === 'cancelled' ? 'CANCEL' : 'REQUEST'}`)
      .header('content-disposition', 'attachment; filename="samtale.ics"')
      .header('cache-control', 'no-store')
      .send(text);
  });

  app.post('/v1/booking/bookings/:id/reschedule', { onRequest: citizen, schema: { params: IdParams, body: BookingReschedule } }, async (request, reply) => {
    const user = userOf(request);
    const lang = language(request);
    const result = await runIdempotent(db, bus, request, user.id, async (trx, publish) => {
      await lockCitizen(trx, user.id);
      const now = bookingClock.now();
      const booking = await ownBooking(trx, user.id, request.params.id);
      if (booking === undefined) throw bookingNotFound();
      if (booking.status === 'cancelled') throw new ProblemError('booking-cancelled', { detail: 'This booking is cancelled. Book a new time instead.' });
      const pending = await trx.selectFrom('booking_holds').select('meeting_type_id').where('id', '=', request.body.holdId).where('citizen_id', '=', user.id).executeTakeFirst();
      if (pending !== undefined && pending.meeting_type_id !== booking.meeting_type_id) {
        throw new ProblemError('invalid-request', { detail: 'The hold is for another meeting type.', errors: [{ pointer: '/holdId', code: 'enum', detail: 'Hold a time of the booking\'s meeting type.' }] });
      }
      const hold = await convertHold(trx, user.id, request.body.holdId, booking.id, now);
      if ((await releaseBookedClaim(trx, booking)) !== 1) throw new Error('the booking had no claim on its time');
      // The citizen chose this time: a reason the job centre gave for an earlier move no longer applies.
      const updated = await trx
        .updateTable('bookings')
        .set({ caseworker_id: hold.caseworker_id, start_at: hold.start_at, end_at: hold.end_at, sequence: booking.sequence + 1, change_reason: null, updated_at: nowIso() })
        .where('id', '=', booking.id)
        .where('sequence', '=', booking.sequence)
        .where('status', '=', 'booked')
        .returningAll()
        .executeTakeFirst();
      if (updated === undefined) throw new Error('the booking changed during the reschedule');
      await notifyDesks(publish, [booking.caseworker_id, updated.caseworker_id], { kind: 'booking', id: updated.id });
      return { status: 200, body: await bookingDocument(trx, updated, lang) };
    });
    return sendIdempotentResult(reply, result);
  });

  app.post('/v1/booking/bookings/:id/cancel', { onRequest: citizen, schema: { params: IdParams, body: BookingCancel } }, async (request, reply) => {
    const user = userOf(request);
    const lang = language(request);
    const result = await runIdempotent(db, bus, request, user.id, async (trx, publish) => {
      await lockCitizen(trx, user.id);
      const booking = await ownBooking(trx, user.id, request.params.id);
      if (booking === undefined) throw bookingNotFound();
      if (booking.status === 'cancelled') return { status: 200, body: await bookingDocument(trx, booking, lang) };
      const updated = await cancelBooking(trx, booking, 'citizen', request.body.reason ?? null);
      await notifyDesks(publish, [updated.caseworker_id], { kind: 'booking', id: updated.id });
      return { status: 200, body: await bookingDocument(trx, updated, lang) };
    });
    return sendIdempotentResult(reply, result);
  });

  app.post('/v1/booking/help-requests', { onRequest: citizen, schema: { body: HelpRequestCreate } }, async (request, reply) => {
    const user = userOf(request);
    const { reasons, message, phone } = request.body;
    const result = await runIdempotent(db, bus, request, user.id, async (trx, publish) => {
      const createdAt = nowIso();
      const id = randomUUID();
      await trx.insertInto('help_requests').values({ id, citizen_id: user.id, reasons: JSON.stringify(reasons), message: message ?? null, phone: phone ?? null, created_at: createdAt }).execute();
      await notifyDesks(publish, await caseworkersOf(trx, user.id), { kind: 'help-request', id });
      const body: HelpRequest = { id, reasons, message: message ?? null, createdAt };
      return { status: 201, body };
    });
    return sendIdempotentResult(reply, result);
  });

  app.post('/v1/booking/no-free-time-receipts', { onRequest: citizen, schema: { body: NoFreeTimeReceiptCreate } }, async (request, reply) => {
    const user = userOf(request);
    const result = await runIdempotent(db, bus, request, user.id, async (trx, publish) => {
      const now = bookingClock.now();
      const meetingType = await loadMeetingType(trx, request.body.meetingTypeId);
      if (meetingType === undefined) throw meetingTypeNotFound();
      const deadlineRow = await trx.selectFrom('booking_deadlines').select('deadline').where('citizen_id', '=', user.id).executeTakeFirst();
      // The job centre's deadline wins; the host page's (from the body) only stands in when there is none.
      const hostDeadline = request.body.deadline;
      if (deadlineRow === undefined && hostDeadline !== undefined && !isRealDate(hostDeadline)) {
        throw new ProblemError('invalid-request', { detail: 'Fix the fields listed in errors and send the request again.', errors: [{ pointer: '/deadline', code: 'format', detail: 'Not a calendar date.' }] });
      }
      const deadline = deadlineRow?.deadline ?? hostDeadline;
      if (deadline === undefined) {
        throw new ProblemError('invalid-request', { detail: 'You have no booking deadline, so there is nothing to document.', errors: [{ pointer: '', code: 'deadline', detail: 'No deadline is set for you.' }] });
      }
      const scope = await citizenScope(trx, user.id);
      const today = localDate(now);
      if (deadline >= today) {
        const before = await firstFreeSlot(trx, scope, meetingType, today, deadline, now);
        if (before !== undefined) throw new ProblemError('free-times-exist', { detail: 'There are free times before your deadline. Book one of them.' });
      }
      const start = deadline >= today ? addDays(deadline, 1) : today;
      const first = await firstFreeSlot(trx, scope, meetingType, start, addMonths(start, 6), now);
      const id = randomUUID();
      const issuedAt = new Date(now).toISOString();
      const firstAvailable = first === undefined ? null : formatLocal(first.start);
      await trx.insertInto('no_free_time_receipts').values({ id, citizen_id: user.id, meeting_type_id: meetingType.id, deadline, first_available: firstAvailable, issued_at: issuedAt }).execute();
      await notifyDesks(publish, await caseworkersOf(trx, user.id), { kind: 'receipt', id });
      const body: NoFreeTimeReceipt = { id, meetingTypeId: meetingType.id, deadline, issuedAt, firstAvailable };
      return { status: 201, body };
    });
    return sendIdempotentResult(reply, result);
  });
}

/** Cursors must verify on every instance: derive the key from the shared JWT setting. */
function cursorSecret({ config }: AppContext): string {
  return `cursor:${config.jwt.kind === 'secret' ? config.jwt.secret : config.jwt.url}:${config.jwtAudience}`;
}
