// The events of <ju-self-booking> and <ju-booking-desk>. Details carry ids and codes only, never personal data.

/** A time is held for the citizen until `expiresAt` (RFC 3339). */
export interface BookingHeldDetail {
  holdId: string;
  slotId: string;
  meetingTypeId: string;
  expiresAt: string;
}

export interface BookingHoldExpiredDetail {
  holdId: string;
}

export interface BookingIdDetail {
  bookingId: string;
}

export interface BookingErrorDetail {
  /** The problem `code` from the server (e.g. `slot-unavailable`) or a client code (`offline`, `network`, …). */
  code: string;
  /** What the widget was doing: `load`, `hold`, `confirm`, `reschedule`, `cancel`, `help`, `receipt`, `desk`. */
  action: string;
}

declare module '@jobunivers/core' {
  interface JuEventDetailMap {
    'ju-booking-held': BookingHeldDetail;
    'ju-booking-hold-expired': BookingHoldExpiredDetail;
    'ju-booking-confirmed': BookingIdDetail;
    'ju-booking-rescheduled': BookingIdDetail;
    'ju-booking-cancelled': BookingIdDetail;
    'ju-booking-error': BookingErrorDetail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ju-booking-held': CustomEvent<BookingHeldDetail>;
    'ju-booking-hold-expired': CustomEvent<BookingHoldExpiredDetail>;
    'ju-booking-confirmed': CustomEvent<BookingIdDetail>;
    'ju-booking-rescheduled': CustomEvent<BookingIdDetail>;
    'ju-booking-cancelled': CustomEvent<BookingIdDetail>;
    'ju-booking-error': CustomEvent<BookingErrorDetail>;
  }
}
