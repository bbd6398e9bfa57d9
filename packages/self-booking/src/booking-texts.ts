// The dates, times and phrases every view of <ju-self-booking> writes, in the element's language.
import type { Formatter, Translate } from '@jobunivers/core';
import { dateInstant, firstOfMonth, type LocalDate, type MonthKey } from './dates.js';

export class BookingTexts {
  readonly t: Translate;
  readonly format: Formatter;

  constructor(t: Translate, format: Formatter) {
    this.t = t;
    this.format = format;
  }

  /** "tirsdag 1. december" */
  longDate(date: LocalDate): string {
    return this.format.date(dateInstant(date), { weekday: 'long', day: 'numeric', month: 'long' });
  }

  /** "tirsdag den 1. december 2026" */
  fullDate(date: LocalDate): string {
    return this.format.date(dateInstant(date), { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  }

  /** "december 2026" */
  monthName(month: MonthKey): string {
    return this.format.date(dateInstant(firstOfMonth(month)), { month: 'long', year: 'numeric' });
  }

  /** "09.30" — the 24-hour clock in every language, as the job centre's letters and signs use it. */
  clock(instant: string): string {
    return this.format.time(Date.parse(instant), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  }

  /** "kl. 09.00–09.45" */
  timeRange(start: string, end: string): string {
    return this.t('time.range', { start: this.clock(start), end: this.clock(end) });
  }
}
