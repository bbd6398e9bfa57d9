// The booking documents of the contract, read from rows: the citizen's `Booking` and the desk's `DeskBooking`.
import type { Booking, DeskBooking } from '@jobunivers/contract';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { BookingsTable, Database } from '../db/schema.js';
import { toBooking, type TextLanguage } from './texts.js';

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
