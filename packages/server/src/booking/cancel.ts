// Cancelling a booking, the same write whether the citizen or the job centre cancels it.
import type { Selectable, Transaction } from 'kysely';
import type { BookingsTable, Database } from '../db/schema.js';
import { nowIso } from '../db/time.js';

/**
 * Frees the booking's time and marks it cancelled (sequence + 1, who and why), guarded by the sequence it was read
 * at; the caller holds the citizen's lock and has checked the booking is still booked.
 */
export async function cancelBooking(
  trx: Transaction<Database>,
  booking: Selectable<BookingsTable>,
  cancelledBy: 'citizen' | 'caseworker',
  reason: string | null,
): Promise<Selectable<BookingsTable>> {
  await trx.deleteFrom('slot_claims').where('booking_id', '=', booking.id).where('state', '=', 'booked').execute();
  const updated = await trx
    .updateTable('bookings')
    .set({ status: 'cancelled', sequence: booking.sequence + 1, cancel_reason: reason, cancelled_by: cancelledBy, updated_at: nowIso() })
    .where('id', '=', booking.id)
    .where('sequence', '=', booking.sequence)
    .returningAll()
    .executeTakeFirst();
  if (updated === undefined) throw new Error('the booking changed during the cancel');
  return updated;
}
