// The booking documents of the contract, read from rows: the citizen's `Booking`, the desk's `DeskBooking`, and the
// `SlotList` both sides are offered times in.
import type { Booking, DeskBooking, SlotList } from '@jobunivers/contract';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { BookingsTable, Database } from '../db/schema.js';
import { encodeSlotId, firstFreeSlot, freeSlots, type SlotScope } from './slots.js';
import { toBooking, type TextLanguage } from './texts.js';
import { addDays, addMonths, formatLocal, localDate } from './zone.js';

type Db = Kysely<Database> | Transaction<Database>;

export const loadMeetingType = (db: Db, id: string) => db.selectFrom('meeting_types').selectAll().where('id', '=', id).executeTakeFirst();

export async function bookingDocument(db: Db, row: Selectable<BookingsTable>, language: TextLanguage): Promise<Booking> {
  const meetingType = await db.selectFrom('meeting_types').selectAll().where('id', '=', row.meeting_type_id).executeTakeFirstOrThrow();
  const caseworker = await db.selectFrom('users').select('first_name').where('id', '=', row.caseworker_id).executeTakeFirstOrThrow();
  return toBooking(row, meetingType, caseworker.first_name, language);
}

export async function deskBookingDocument(db: Db, row: Selectable<BookingsTable>, language: TextLanguage): Promise<DeskBooking> {
  const citizen = await db.selectFrom('users').select(['id', 'first_name']).where('id', '=', row.citizen_id).executeTakeFirstOrThrow();
  return { ...(await bookingDocument(db, row, language)), citizen: { id: citizen.id, firstName: citizen.first_name } };
}

/** The language the citizen chose in their preferences (Danish without one): events are read later, elsewhere. */
export async function preferredLanguage(db: Db, userId: string): Promise<TextLanguage> {
  const row = await db.selectFrom('preferences').select('language').where('user_id', '=', userId).executeTakeFirst();
  return row?.language ?? 'da';
}

/**
 * The free times of the scope from `from` to `to`, the first later day with one (looking six months ahead) and
 * the citizen's deadline: what the citizen's `GET /v1/booking/slots` and the desk's slots for a citizen answer.
 */
export async function slotListDocument(
  db: Db,
  scope: SlotScope,
  meetingType: { id: string; duration_minutes: number },
  range: { from: string; to: string },
  citizenId: string,
  now: number,
): Promise<SlotList> {
  const { from, to } = range;
  const slots = await freeSlots(db, scope, meetingType, from, to, now);
  const next = await firstFreeSlot(db, scope, meetingType, addDays(to, 1), addMonths(to, 6), now);
  const deadline = await db.selectFrom('booking_deadlines').select('deadline').where('citizen_id', '=', citizenId).executeTakeFirst();
  return {
    timeZone: 'Europe/Copenhagen',
    deadline: deadline?.deadline ?? null,
    slots: slots.map((slot) => ({ id: encodeSlotId(slot.caseworkerId, slot.start), start: formatLocal(slot.start), end: formatLocal(slot.end) })),
    nextAvailable: next === undefined ? null : localDate(next.start),
  };
}
