// The clock and limits of the booking rules, shared by the citizen's and the desk's routes.

/** How long a hold keeps a time (contract: 5 minutes by default). */
export const HOLD_MINUTES = 5;
/** The longest `to - from` of a slot query. */
export const MAX_SLOT_RANGE_DAYS = 62;
/** The longest `to - from` of the desk's bookings list (six weeks of dates fit). */
export const MAX_DESK_RANGE_DAYS = 42;

/** The clock of the booking rules; tests may move it. */
export const bookingClock = { now: (): number => Date.now() };
