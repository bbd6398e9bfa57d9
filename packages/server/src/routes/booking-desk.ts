// Self-booking, job-centre side ("the desk", docs/contract.md "Self-booking (job-centre side)"). A caseworker
// sees and changes only their own calendar and bookings, and only citizens assigned to them; anything else is
// 404. Desk bookings and moves claim times through the same UNIQUE (caseworker_id, start_at) row as citizen
// bookings, under the citizen's lock, so the database decides every race between the two sides.
import { randomUUID } from 'node:crypto';
import {
  AvailabilityExceptionPut, AvailabilityRulesPut, DateParams, DeskBookingCancel, DeskBookingCreate, DeskBookingMove, DeskBookingsQuery, DeskSlotsQuery, IdParams,
  type Availability, type AvailabilityRule, type DeskBooking, type DeskBookingList, type DeskCitizenList, type DeskHelpRequest, type DeskReceipt,
  type DeskRequests, type FieldError, type HelpRequest, type SlotList,
} from '@jobunivers/contract';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely, Selectable, Transaction } from 'kysely';
import { authenticate, userOf } from '../auth.js';
import { cancelBooking } from '../booking/cancel.js';
import { claimForBooking, lockUser, overlapsOtherClaim, releaseBookedClaim, type ClaimTime } from '../booking/claims.js';
import { bookingClock, MAX_DESK_RANGE_DAYS, MAX_SLOT_RANGE_DAYS } from '../booking/clock.js';
import { caseworkersOf, notifyCitizen, notifyDesks } from '../booking/desk-events.js';
import { deskBookingDocument, loadMeetingType, slotListDocument } from '../booking/documents.js';
import { sendIdempotentResult } from '../booking/idempotent-reply.js';
import { decodeSlotId, findCandidate, type SlotCandidate, type SlotScope } from '../booking/slots.js';
import { textLanguage, toBooking, type TextLanguage } from '../booking/texts.js';
import { dateRangeErrors, rejectInvalid } from '../booking/validation.js';
import { addDays, isRealDate, localDate, localToInstant, minutesOf } from '../booking/zone.js';
import type { App, AppContext } from '../context.js';
import type { BookingsTable, Database } from '../db/schema.js';
import { nowIso, toIso } from '../db/time.js';
import { etagOf, ifMatchVersion } from '../etag.js';
import { writeWithEvents } from '../events/bus.js';
import { runIdempotent } from '../idempotency.js';
import { ProblemError } from '../problem.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The most help requests and receipts `GET /v1/booking/desk/requests` answers of each. */
const MAX_REQUESTS = 100;

const bookingNotFound = () => new ProblemError('not-found', { detail: 'There is no such booking in your calendar.' });
const citizenNotFound = () => new ProblemError('not-found', { detail: 'There is no such citizen among the citizens assigned to you.' });
const meetingTypeNotFound = () => new ProblemError('not-found', { detail: 'There is no such meeting type.' });
const slotNotFound = () => new ProblemError('not-found', { detail: 'There is no such time in your calendar. Choose one from the list of free times.' });
const slotUnavailable = () => new ProblemError('slot-unavailable', { detail: 'This time is booked or held by someone right now. Choose another one.' });

/** The desk sees only its own calendar, and a time anyone holds is not free. */
const deskScope = (caseworkerId: string): SlotScope => ({ caseworkerIds: [caseworkerId], viewer: null });

const claimTime = (slot: SlotCandidate): ClaimTime => ({ caseworkerId: slot.caseworkerId, start: new Date(slot.start).toISOString(), end: new Date(slot.end).toISOString() });

export function bookingDeskRoutes(app: App, context: AppContext): void {
  const { db, bus, verifier, dialect } = context;
  const caseworker = authenticate(db, verifier, ['caseworker']);
  const language = (request: FastifyRequest): TextLanguage => textLanguage(request.headers['accept-language']);

  const assignedCitizen = (trx: Db, caseworkerId: string, citizenId: string) =>
    trx
      .selectFrom('assignments')
      .innerJoin('users', 'users.id', 'assignments.citizen_id')
      .select(['users.id', 'users.first_name'])
      .where('assignments.caseworker_id', '=', caseworkerId)
      .where('assignments.citizen_id', '=', citizenId)
      .where('users.role', '=', 'citizen')
      .executeTakeFirst();

  const ownBooking = (trx: Db, caseworkerId: string, id: string) =>
    trx.selectFrom('bookings').selectAll().where('id', '=', id).where('caseworker_id', '=', caseworkerId).executeTakeFirst();

  /** Reads the booking, takes its citizen's lock (as the citizen's own writes do), and reads it again under the lock. */
  const lockedOwnBooking = async (trx: Transaction<Database>, caseworkerId: string, id: string): Promise<Selectable<BookingsTable>> => {
    const found = await ownBooking(trx, caseworkerId, id);
    if (found === undefined) throw bookingNotFound();
    await lockUser(trx, dialect, found.citizen_id);
    const current = await ownBooking(trx, caseworkerId, id);
    if (current === undefined) throw bookingNotFound();
    return current;
  };

  /** The caseworker's own free time that `slotId` names, for the meeting type; 404 otherwise. */
  const ownCandidate = async (trx: Db, caseworkerId: string, meetingType: { id: string; duration_minutes: number }, slotId: string, now: number): Promise<SlotCandidate> => {
    const decoded = decodeSlotId(slotId);
    if (decoded?.caseworkerId !== caseworkerId) throw slotNotFound();
    const slot = await findCandidate(trx, deskScope(caseworkerId), meetingType, decoded, now);
    if (slot === undefined) throw slotNotFound();
    return slot;
  };

  // ---- Availability --------------------------------------------------------------------------------------

  const availabilityOf = async (trx: Db, caseworkerId: string): Promise<{ document: Availability; version: number }> => {
    const rules = await trx
      .selectFrom('availability_rules')
      .select(['meeting_type_id', 'weekday', 'start_time', 'end_time'])
      .where('caseworker_id', '=', caseworkerId)
      .orderBy('weekday')
      .orderBy('start_time')
      .orderBy('meeting_type_id')
      .execute();
    const exceptions = await trx
      .selectFrom('availability_exceptions')
      .select(['date', 'kind', 'note'])
      .where('caseworker_id', '=', caseworkerId)
      .where('closed', '=', 1)
      .where('date', '>=', localDate(bookingClock.now()))
      .orderBy('date')
      .execute();
    const version = await trx.selectFrom('availability_versions').select('version').where('caseworker_id', '=', caseworkerId).executeTakeFirst();
    return {
      document: {
        rules: rules.map((rule) => ({ meetingTypeId: rule.meeting_type_id, weekday: rule.weekday, start: rule.start_time, end: rule.end_time })),
        exceptions: exceptions.map((exception) => ({ date: exception.date, kind: exception.kind, note: exception.note })),
      },
      version: version?.version ?? 1,
    };
  };

  /**
   * Changes the caseworker's availability in one transaction under their lock. An `If-Match` that names another
   * version is 412 and changes nothing; without `If-Match` the change applies to the current version.
   */
  const changeAvailability = async (request: FastifyRequest, caseworkerId: string, change: (trx: Transaction<Database>) => Promise<boolean>) => {
    const header = request.headers['if-match'];
    let expected: number | '*' | undefined;
    if (header !== undefined && header.trim() !== '') {
      expected = ifMatchVersion(header);
      if (expected === undefined) throw new ProblemError('etag-mismatch', { detail: 'If-Match must be one strong ETag such as "3".' });
    }
    return db.transaction().execute(async (trx) => {
      await lockUser(trx, dialect, caseworkerId);
      const stored = await trx.selectFrom('availability_versions').select('version').where('caseworker_id', '=', caseworkerId).executeTakeFirst();
      const current = stored?.version ?? 1;
      if (expected !== undefined && expected !== '*' && expected !== current) {
        throw new ProblemError('etag-mismatch', { detail: 'Your availability changed since you read it; read it again.' });
      }
      if (await change(trx)) {
        await trx
          .insertInto('availability_versions')
          .values({ caseworker_id: caseworkerId, version: current + 1 })
          .onConflict((oc) => oc.column('caseworker_id').doUpdateSet({ version: current + 1 }))
          .execute();
      }
      return availabilityOf(trx, caseworkerId);
    });
  };

  const sendAvailability = (reply: FastifyReply, { document, version }: { document: Availability; version: number }) =>
    reply.header('etag', etagOf(version)).header('cache-control', 'private, no-cache').send(document);

  app.get('/v1/booking/desk/availability', { onRequest: caseworker }, async (request, reply) => sendAvailability(reply, await availabilityOf(db, userOf(request).id)));

  app.put('/v1/booking/desk/availability/rules', { onRequest: caseworker, schema: { body: AvailabilityRulesPut } }, async (request, reply) => {
    const user = userOf(request);
    const { rules } = request.body;
    const meetingTypes = new Set((await db.selectFrom('meeting_types').select('id').execute()).map((row) => row.id));
    rejectInvalid(ruleErrors(rules, meetingTypes), 'Fix the rules listed in errors and send them again.');
    const result = await changeAvailability(request, user.id, async (trx) => {
      await trx.deleteFrom('availability_rules').where('caseworker_id', '=', user.id).execute();
      if (rules.length > 0) {
        await trx
          .insertInto('availability_rules')
          .values(rules.map((rule) => ({ id: randomUUID(), caseworker_id: user.id, meeting_type_id: rule.meetingTypeId, weekday: rule.weekday, start_time: rule.start, end_time: rule.end })))
          .execute();
      }
      return true;
    });
    return sendAvailability(reply, result);
  });

  const exceptionDateErrors = (date: string): FieldError[] => {
    if (!isRealDate(date)) return [{ pointer: '/params/date', code: 'format', detail: 'Not a calendar date.' }];
    if (date < localDate(bookingClock.now())) return [{ pointer: '/params/date', code: 'minimum', detail: 'A day in the past cannot be closed.' }];
    return [];
  };

  app.put('/v1/booking/desk/availability/exceptions/:date', { onRequest: caseworker, schema: { params: DateParams, body: AvailabilityExceptionPut } }, async (request, reply) => {
    const user = userOf(request);
    const { date } = request.params;
    rejectInvalid(exceptionDateErrors(date));
    const { kind, note } = request.body;
    const result = await changeAvailability(request, user.id, async (trx) => {
      await trx
        .insertInto('availability_exceptions')
        .values({ caseworker_id: user.id, date, closed: 1, kind, note: note ?? null })
        .onConflict((oc) => oc.columns(['caseworker_id', 'date']).doUpdateSet({ closed: 1, kind, note: note ?? null }))
        .execute();
      return true;
    });
    return sendAvailability(reply, result);
  });

  app.delete('/v1/booking/desk/availability/exceptions/:date', { onRequest: caseworker, schema: { params: DateParams } }, async (request, reply) => {
    const user = userOf(request);
    const { date } = request.params;
    if (!isRealDate(date)) rejectInvalid([{ pointer: '/params/date', code: 'format', detail: 'Not a calendar date.' }]);
    const result = await changeAvailability(request, user.id, async (trx) => {
      const deleted = await trx.deleteFrom('availability_exceptions').where('caseworker_id', '=', user.id).where('date', '=', date).executeTakeFirst();
      return Number(deleted.numDeletedRows) > 0;
    });
    return sendAvailability(reply, result);
  });

  // ---- Bookings -----------------------------------------------------------------------------------------

  app.get('/v1/booking/desk/bookings', { onRequest: caseworker, schema: { querystring: DeskBookingsQuery } }, async (request, reply): Promise<DeskBookingList> => {
    const user = userOf(request);
    const lang = language(request);
    const { from, to } = request.query;
    rejectInvalid(dateRangeErrors(from, to, MAX_DESK_RANGE_DAYS));
    const rows = await db
      .selectFrom('bookings')
      .selectAll()
      .where('caseworker_id', '=', user.id)
      .where('start_at', '>=', new Date(localToInstant(from, 0)).toISOString())
      .where('start_at', '<', new Date(localToInstant(addDays(to, 1), 0)).toISOString())
      .orderBy('start_at')
      .orderBy('seq')
      .execute();
    reply.header('cache-control', 'no-store');
    if (rows.length === 0) return { items: [] };
    // One read per table, not per booking: a six-week calendar can hold hundreds of meetings.
    const meetingTypes = new Map((await db.selectFrom('meeting_types').selectAll().execute()).map((row) => [row.id, row]));
    const people = new Map(
      (await db.selectFrom('users').select(['id', 'first_name']).where('id', 'in', [user.id, ...new Set(rows.map((row) => row.citizen_id))]).execute()).map((row) => [row.id, row.first_name]),
    );
    const items = rows.map((row): DeskBooking => {
      const meetingType = meetingTypes.get(row.meeting_type_id);
      if (meetingType === undefined) throw new Error('a booking refers to a missing meeting type');
      return { ...toBooking(row, meetingType, people.get(user.id) ?? '', lang), citizen: { id: row.citizen_id, firstName: people.get(row.citizen_id) ?? '' } };
    });
    return { items };
  });

  app.get('/v1/booking/desk/citizens', { onRequest: caseworker }, async (request, reply): Promise<DeskCitizenList> => {
    const user = userOf(request);
    const rows = await db
      .selectFrom('assignments')
      .innerJoin('users', 'users.id', 'assignments.citizen_id')
      .leftJoin('booking_deadlines', 'booking_deadlines.citizen_id', 'assignments.citizen_id')
      .select(['users.id', 'users.first_name', 'booking_deadlines.deadline'])
      .where('assignments.caseworker_id', '=', user.id)
      .where('users.role', '=', 'citizen')
      .execute();
    // Sorted here, not by the database, so both databases agree on Danish order (æ, ø, å last).
    const collator = new Intl.Collator('da');
    rows.sort((a, b) => collator.compare(a.first_name, b.first_name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    reply.header('cache-control', 'no-store');
    return { items: rows.map((row) => ({ id: row.id, firstName: row.first_name, deadline: row.deadline ?? null })) };
  });

  app.get('/v1/booking/desk/slots', { onRequest: caseworker, schema: { querystring: DeskSlotsQuery } }, async (request, reply): Promise<SlotList> => {
    const user = userOf(request);
    const { citizenId, meetingTypeId, from, to } = request.query;
    rejectInvalid(dateRangeErrors(from, to, MAX_SLOT_RANGE_DAYS));
    if ((await assignedCitizen(db, user.id, citizenId)) === undefined) throw citizenNotFound();
    const meetingType = await loadMeetingType(db, meetingTypeId);
    if (meetingType === undefined) throw meetingTypeNotFound();
    const list = await slotListDocument(db, deskScope(user.id), meetingType, { from, to }, citizenId, bookingClock.now());
    reply.header('cache-control', 'no-store');
    return list;
  });

  app.post('/v1/booking/desk/bookings', { onRequest: caseworker, schema: { body: DeskBookingCreate } }, async (request, reply) => {
    const user = userOf(request);
    const lang = language(request);
    const { citizenId, meetingTypeId, slotId, note } = request.body;
    const result = await runIdempotent(db, bus, request, user.id, async (trx, publish) => {
      if ((await assignedCitizen(trx, user.id, citizenId)) === undefined) throw citizenNotFound();
      await lockUser(trx, dialect, citizenId);
      const now = bookingClock.now();
      const nowText = new Date(now).toISOString();
      const meetingType = await loadMeetingType(trx, meetingTypeId);
      if (meetingType === undefined) throw meetingTypeNotFound();
      const time = claimTime(await ownCandidate(trx, user.id, meetingType, slotId, now));
      if (await overlapsOtherClaim(trx, time, nowText)) throw slotUnavailable();
      const id = randomUUID();
      if (!(await claimForBooking(trx, time, citizenId, id, nowText))) throw slotUnavailable();
      const at = nowIso();
      const row = await trx
        .insertInto('bookings')
        .values({
          id, citizen_id: citizenId, caseworker_id: user.id, meeting_type_id: meetingType.id, start_at: time.start, end_at: time.end,
          status: 'booked', answers: '[]', sequence: 0, cancel_reason: null, cancelled_by: null,
          booked_by: 'caseworker', change_reason: null, desk_note: note ?? null, created_at: at, updated_at: at,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await notifyCitizen(trx, publish, row);
      await notifyDesks(publish, [user.id], { kind: 'booking', id });
      return { status: 201, body: await deskBookingDocument(trx, row, lang) };
    });
    return sendIdempotentResult(reply, result);
  });

  app.post('/v1/booking/desk/bookings/:id/move', { onRequest: caseworker, schema: { params: IdParams, body: DeskBookingMove } }, async (request, reply) => {
    const user = userOf(request);
    const lang = language(request);
    const { slotId, reason } = request.body;
    const result = await runIdempotent(db, bus, request, user.id, async (trx, publish) => {
      const booking = await lockedOwnBooking(trx, user.id, request.params.id);
      if (booking.status === 'cancelled') throw new ProblemError('booking-cancelled', { detail: 'This booking is cancelled. Book a new time instead.' });
      const now = bookingClock.now();
      const nowText = new Date(now).toISOString();
      const meetingType = await loadMeetingType(trx, booking.meeting_type_id);
      if (meetingType === undefined) throw new Error('a booking refers to a missing meeting type');
      const time = claimTime(await ownCandidate(trx, user.id, meetingType, slotId, now));
      if (await overlapsOtherClaim(trx, time, nowText, { exceptBooking: booking.id })) throw slotUnavailable();
      // Claim the new time first; the old one is released only in this same transaction.
      if (!(await claimForBooking(trx, time, booking.citizen_id, booking.id, nowText))) throw slotUnavailable();
      if ((await releaseBookedClaim(trx, booking)) !== 1) throw new Error('the booking had no claim on its time');
      const updated = await trx
        .updateTable('bookings')
        .set({ start_at: time.start, end_at: time.end, sequence: booking.sequence + 1, change_reason: reason, updated_at: nowIso() })
        .where('id', '=', booking.id)
        .where('sequence', '=', booking.sequence)
        .where('status', '=', 'booked')
        .returningAll()
        .executeTakeFirst();
      if (updated === undefined) throw new Error('the booking changed during the move');
      await notifyCitizen(trx, publish, updated);
      await notifyDesks(publish, [user.id], { kind: 'booking', id: updated.id });
      return { status: 200, body: await deskBookingDocument(trx, updated, lang) };
    });
    return sendIdempotentResult(reply, result);
  });

  app.post('/v1/booking/desk/bookings/:id/cancel', { onRequest: caseworker, schema: { params: IdParams, body: DeskBookingCancel } }, async (request, reply) => {
    const user = userOf(request);
    const lang = language(request);
    const result = await runIdempotent(db, bus, request, user.id, async (trx, publish) => {
      const booking = await lockedOwnBooking(trx, user.id, request.params.id);
      if (booking.status === 'cancelled') return { status: 200, body: await deskBookingDocument(trx, booking, lang) };
      const updated = await cancelBooking(trx, booking, 'caseworker', request.body.reason);
      await notifyCitizen(trx, publish, updated);
      await notifyDesks(publish, [user.id], { kind: 'booking', id: updated.id });
      return { status: 200, body: await deskBookingDocument(trx, updated, lang) };
    });
    return sendIdempotentResult(reply, result);
  });

  // ---- Help requests and receipts -------------------------------------------------------------------------

  const helpRequestsOf = (trx: Db, caseworkerId: string) =>
    trx
      .selectFrom('help_requests')
      .innerJoin('assignments', 'assignments.citizen_id', 'help_requests.citizen_id')
      .innerJoin('users', 'users.id', 'help_requests.citizen_id')
      .select(['help_requests.id', 'help_requests.citizen_id', 'users.first_name', 'help_requests.reasons', 'help_requests.message', 'help_requests.phone', 'help_requests.created_at', 'help_requests.handled_at'])
      .where('assignments.caseworker_id', '=', caseworkerId);

  type HelpRequestRow = Awaited<ReturnType<ReturnType<typeof helpRequestsOf>['executeTakeFirstOrThrow']>>;
  const toDeskHelpRequest = (row: HelpRequestRow): DeskHelpRequest => ({
    id: row.id,
    citizen: { id: row.citizen_id, firstName: row.first_name },
    reasons: JSON.parse(row.reasons) as HelpRequest['reasons'],
    message: row.message,
    phone: row.phone,
    createdAt: toIso(row.created_at),
    handledAt: row.handled_at === null ? null : toIso(row.handled_at),
  });

  app.get('/v1/booking/desk/requests', { onRequest: caseworker }, async (request, reply): Promise<DeskRequests> => {
    const user = userOf(request);
    const helpRows = await helpRequestsOf(db, user.id).orderBy('help_requests.created_at', 'desc').orderBy('help_requests.id', 'desc').limit(MAX_REQUESTS).execute();
    const receiptRows = await db
      .selectFrom('no_free_time_receipts')
      .innerJoin('assignments', 'assignments.citizen_id', 'no_free_time_receipts.citizen_id')
      .innerJoin('users', 'users.id', 'no_free_time_receipts.citizen_id')
      .select(['no_free_time_receipts.id', 'no_free_time_receipts.citizen_id', 'users.first_name', 'no_free_time_receipts.meeting_type_id', 'no_free_time_receipts.deadline', 'no_free_time_receipts.issued_at', 'no_free_time_receipts.first_available'])
      .where('assignments.caseworker_id', '=', user.id)
      .orderBy('no_free_time_receipts.issued_at', 'desc')
      .orderBy('no_free_time_receipts.id', 'desc')
      .limit(MAX_REQUESTS)
      .execute();
    reply.header('cache-control', 'no-store');
    return {
      helpRequests: helpRows.map(toDeskHelpRequest),
      receipts: receiptRows.map((row): DeskReceipt => ({
        id: row.id,
        citizen: { id: row.citizen_id, firstName: row.first_name },
        meetingTypeId: row.meeting_type_id,
        deadline: row.deadline,
        issuedAt: toIso(row.issued_at),
        firstAvailable: row.first_available,
      })),
    };
  });

  app.post('/v1/booking/desk/help-requests/:id/handled', { onRequest: caseworker, schema: { params: IdParams } }, async (request, reply) => {
    const user = userOf(request);
    const body = await writeWithEvents(db, bus, async (trx, publish) => {
      const found = await helpRequestsOf(trx, user.id).where('help_requests.id', '=', request.params.id).executeTakeFirst();
      if (found === undefined) throw new ProblemError('not-found', { detail: 'There is no such help request from your citizens.' });
      if (found.handled_at !== null) return toDeskHelpRequest(found);
      const handledAt = nowIso();
      const marked = await trx.updateTable('help_requests').set({ handled_at: handledAt }).where('id', '=', found.id).where('handled_at', 'is', null).executeTakeFirst();
      if (Number(marked.numUpdatedRows) === 1) await notifyDesks(publish, await caseworkersOf(trx, found.citizen_id), { kind: 'help-request', id: found.id });
      const current = await helpRequestsOf(trx, user.id).where('help_requests.id', '=', found.id).executeTakeFirstOrThrow();
      return toDeskHelpRequest(current);
    });
    return reply.header('cache-control', 'no-store').send(body);
  });
}

/** What the schema cannot check about weekly rules: order, known meeting types, overlaps within one type and day. */
export function ruleErrors(rules: readonly AvailabilityRule[], meetingTypeIds: ReadonlySet<string>): FieldError[] {
  const errors: FieldError[] = [];
  const ordered = new Set<number>();
  rules.forEach((rule, index) => {
    if (!meetingTypeIds.has(rule.meetingTypeId)) errors.push({ pointer: `/rules/${String(index)}/meetingTypeId`, code: 'enum', detail: 'There is no such meeting type.' });
    if (minutesOf(rule.start) >= minutesOf(rule.end)) errors.push({ pointer: `/rules/${String(index)}/end`, code: 'minimum', detail: '`end` must be after `start`.' });
    else ordered.add(index);
  });
  rules.forEach((rule, index) => {
    if (!ordered.has(index)) return;
    const earlier = rules.findIndex(
      (other, otherIndex) =>
        otherIndex < index && ordered.has(otherIndex) && other.meetingTypeId === rule.meetingTypeId && other.weekday === rule.weekday &&
        minutesOf(other.start) < minutesOf(rule.end) && minutesOf(rule.start) < minutesOf(other.end),
    );
    if (earlier >= 0) {
      errors.push({ pointer: `/rules/${String(index)}/start`, code: 'overlap', detail: `Overlaps rule ${String(earlier)} of the same meeting type on the same weekday.` });
    }
  });
  return errors;
}
