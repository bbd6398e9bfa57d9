// Live updates of self-booking, published inside the writing transaction: `booking.changed` tells the citizen the
// job centre changed their booking; `booking.desk-changed` tells caseworkers something on their desk changed.
import type { DeskChange } from '@jobunivers/contract';
import type { Selectable, Transaction } from 'kysely';
import type { BookingsTable, Database } from '../db/schema.js';
import type { Publish } from '../idempotency.js';
import { bookingDocument, preferredLanguage } from './documents.js';

export const BOOKING_CHANGED = 'booking.changed';
export const BOOKING_DESK_CHANGED = 'booking.desk-changed';

/** The caseworkers assigned to a citizen (whose desks show the citizen's help requests and receipts). */
export async function caseworkersOf(trx: Transaction<Database>, citizenId: string): Promise<string[]> {
  return (await trx.selectFrom('assignments').select('caseworker_id').where('citizen_id', '=', citizenId).orderBy('caseworker_id').execute()).map((row) => row.caseworker_id);
}

/** Publishes `booking.desk-changed` once to each caseworker. */
export async function notifyDesks(publish: Publish, caseworkerIds: Iterable<string>, change: DeskChange): Promise<void> {
  for (const caseworkerId of new Set(caseworkerIds)) await publish(caseworkerId, BOOKING_DESK_CHANGED, change);
}

/** Publishes `booking.changed` (the citizen's document, in their language) to the citizen of the booking. */
export async function notifyCitizen(trx: Transaction<Database>, publish: Publish, row: Selectable<BookingsTable>): Promise<void> {
  const booking = await bookingDocument(trx, row, await preferredLanguage(trx, row.citizen_id));
  await publish(row.citizen_id, BOOKING_CHANGED, booking);
}
