import type { ReactiveControllerHost } from 'lit';
import type { TOptions } from 'i18next';
import type { Formatter, Politeness } from '@jobunivers/core';
import type { DeskApi } from './desk-api.js';
import type { DeskBooking, MeetingType } from './types.js';

export type DeskBookingEvent = 'ju-booking-cancelled' | 'ju-booking-rescheduled' | 'ju-booking-confirmed';

/** What the desk element hands its views: translations, formatting, the API and the one announcer. */
export interface DeskContext {
  readonly host: ReactiveControllerHost & HTMLElement;
  t(key: string, options?: TOptions): string;
  readonly format: Formatter;
  /** `undefined` when no usable `api` is configured. */
  readonly api: DeskApi | undefined;
  /** The meeting types in the element's language (fetched once per language). */
  meetingTypes(): Promise<MeetingType[]>;
  /** The title of a meeting type already fetched, if known. */
  meetingTypeTitle(id: string): string | undefined;
  announce(message: string, politeness?: Politeness): void;
  /** A plain-language sentence for the error, saying what to do next. */
  describe(error: unknown): string;
  /** Tells the host page that a desk action failed (`ju-booking-error`, action `desk`). */
  failed(error: unknown): void;
  emitBooking(name: DeskBookingEvent, bookingId: string): void;
  /** Moves focus to the element matching `selector` in the shadow root once the next render is done. */
  focus(selector: string): void;
  /** Tells the other views that data they show has changed. */
  changed(what: 'bookings' | 'availability' | 'requests'): void;
  /** Opens "book for a citizen" in the calendar, prefilled. */
  bookFor(citizenId: string, meetingTypeId?: string): void;
}

/** "mandag 1. december" → "Mandag 1. december" where it starts a heading or a label (no-op for Arabic). */
export function capitalize(text: string, locale: string): string {
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}

/** "tirsdag 1. december, 10.00–10.45" */
export function describeWhen(context: DeskContext, booking: Pick<DeskBooking, 'start' | 'end'>): string {
  const { format } = context;
  const day = format.date(new Date(booking.start), { weekday: 'long', day: 'numeric', month: 'long' });
  return context.t('booking.when', { day, start: format.time(new Date(booking.start)), end: format.time(new Date(booking.end)) });
}

/**
 * Keeps one Idempotency-Key per request body: pressing "try again" with the same input re-sends the same key (the
 * server answers the first result), while changed input is a new request with a new key.
 */
export class IdempotencyKeys {
  #body = '';
  #key = '';

  for(body: unknown): string {
    const serialized = JSON.stringify(body);
    if (serialized !== this.#body || this.#key === '') {
      this.#body = serialized;
      this.#key = crypto.randomUUID();
    }
    return this.#key;
  }
}

/** The problem `code` of an API error, or a client code; never personal data. */
export function errorCode(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') return error.code;
  return 'unknown';
}

export function errorStatus(error: unknown): number {
  if (error && typeof error === 'object' && 'status' in error && typeof error.status === 'number') return error.status;
  return 0;
}
