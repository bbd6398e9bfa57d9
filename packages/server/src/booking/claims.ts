// Slot claims: one row per (caseworker, start) in slot_claims, a hold or a booking. The UNIQUE key decides every
// race for a time; these helpers are the only writers of booked claims, for the citizen and the desk alike.
import type { Transaction } from 'kysely';
import type { Dialect } from '../db/connect.js';
import type { Database } from '../db/schema.js';

type Trx = Transaction<Database>;

/** A time of one caseworker as stored in slot_claims (ISO UTC text, the same on both databases). */
export interface ClaimTime {
  caseworkerId: string;
  start: string;
  end: string;
}

/**
 * Serialises writes on one user's bookings on PostgreSQL (SQLite runs one write transaction at a time). Citizen
 * and desk writes on a citizen's bookings both take the citizen's lock; availability writes take the caseworker's.
 */
export async function lockUser(trx: Trx, dialect: Dialect, userId: string): Promise<void> {
  if (dialect === 'postgres') await trx.selectFrom('users').select('id').where('id', '=', userId).forUpdate().execute();
}

/**
 * Whether a claim at another start overlaps the time (another meeting type's grid): a booking (other than
 * `exceptBooking`), or a live hold of anyone but `exceptHoldsOf`.
 */
export async function overlapsOtherClaim(
  trx: Trx,
  time: ClaimTime,
  nowText: string,
  options: { exceptHoldsOf?: string; exceptBooking?: string } = {},
): Promise<boolean> {
  const { exceptHoldsOf, exceptBooking } = options;
  const found = await trx
    .selectFrom('slot_claims')
    .select('start_at')
    .where('caseworker_id', '=', time.caseworkerId)
    .where('start_at', '!=', time.start)
    .where('start_at', '<', time.end)
    .where('end_at', '>', time.start)
    .where((eb) =>
      eb.or([
        exceptBooking === undefined ? eb('state', '=', 'booked') : eb.and([eb('state', '=', 'booked'), eb('booking_id', '!=', exceptBooking)]),
        exceptHoldsOf === undefined ? eb('expires_at', '>', nowText) : eb.and([eb('expires_at', '>', nowText), eb('holder', '!=', exceptHoldsOf)]),
      ]),
    )
    .executeTakeFirst();
  return found !== undefined;
}

/**
 * Claims the time for a booking without a hold (the desk books or moves): inserts the booked claim, or takes over
 * a run-out hold. Answers false when the time is booked or anyone holds it; the database decides, not a read.
 */
export async function claimForBooking(trx: Trx, time: ClaimTime, citizenId: string, bookingId: string, nowText: string): Promise<boolean> {
  const claimed = await trx
    .insertInto('slot_claims')
    .values({ caseworker_id: time.caseworkerId, start_at: time.start, end_at: time.end, state: 'booked', holder: citizenId, hold_id: null, expires_at: null, booking_id: bookingId })
    .onConflict((oc) =>
      oc
        .columns(['caseworker_id', 'start_at'])
        .doUpdateSet((eb) => ({
          end_at: eb.ref('excluded.end_at'),
          state: eb.ref('excluded.state'),
          holder: eb.ref('excluded.holder'),
          hold_id: eb.ref('excluded.hold_id'),
          expires_at: eb.ref('excluded.expires_at'),
          booking_id: eb.ref('excluded.booking_id'),
        }))
        .where('slot_claims.state', '=', 'held')
        .where('slot_claims.expires_at', '<=', nowText),
    )
    .returning('booking_id')
    .executeTakeFirst();
  return claimed?.booking_id === bookingId;
}

/** Deletes the booked claim of a booking on its current time; answers how many rows went (1 when consistent). */
export async function releaseBookedClaim(trx: Trx, booking: { id: string; caseworker_id: string; start_at: string }): Promise<number> {
  const released = await trx
    .deleteFrom('slot_claims')
    .where('caseworker_id', '=', booking.caseworker_id)
    .where('start_at', '=', booking.start_at)
    .where('booking_id', '=', booking.id)
    .where('state', '=', 'booked')
    .executeTakeFirst();
  return Number(released.numDeletedRows);
}
