// Calendar dates ("YYYY-MM-DD") and months ("YYYY-MM") as plain strings, in the job centre's zone. Arithmetic runs
// on UTC midnights, where every day has 24 hours, so daylight-saving changes never shift a date.
import { TIME_ZONE } from '@jobunivers/core';

/** A calendar date in Europe/Copenhagen, `YYYY-MM-DD`. Strings of this form sort in date order. */
export type LocalDate = string;
/** A calendar month, `YYYY-MM`. */
export type MonthKey = string;

const DAY = 24 * 3600e3;
const copenhagenDate = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

const toUtc = (date: LocalDate): number => Date.parse(`${date}T00:00:00Z`);
const fromUtc = (time: number): LocalDate => new Date(time).toISOString().slice(0, 10);

// The zone's offset changes only on whole hours, so the date is the same for every instant of a UTC hour:
// a month of 2,000 free times needs a few hundred Intl calls instead of 2,000.
const dateOfHour = new Map<number, LocalDate>();

/** The Copenhagen calendar date of an instant. */
export function localDateOf(instant: string | number | Date): LocalDate {
  const time = typeof instant === 'string' ? Date.parse(instant) : +instant;
  const hour = Math.floor(time / 3600e3);
  let date = dateOfHour.get(hour);
  if (date === undefined) {
    if (dateOfHour.size > 10_000) dateOfHour.clear();
    date = copenhagenDate.format(hour * 3600e3);
    dateOfHour.set(hour, date);
  }
  return date;
}

/** Today's date in Copenhagen. */
export function today(): LocalDate {
  return localDateOf(Date.now());
}

export function isLocalDate(value: unknown): value is LocalDate {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && fromUtc(toUtc(value)) === value;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromUtc(toUtc(date) + days * DAY);
}

export function monthOf(date: LocalDate): MonthKey {
  return date.slice(0, 7);
}

export function addMonths(month: MonthKey, months: number): MonthKey {
  const [year = 1970, monthNumber = 1] = month.split('-').map(Number);
  const index = year * 12 + monthNumber - 1 + months;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export const firstOfMonth = (month: MonthKey): LocalDate => `${month}-01`;
export const lastOfMonth = (month: MonthKey): LocalDate => addDays(firstOfMonth(addMonths(month, 1)), -1);

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  return ((new Date(toUtc(date)).getUTCDay() + 6) % 7) + 1;
}

/** The Monday that starts the ISO week of the date. */
export function mondayOf(date: LocalDate): LocalDate {
  return addDays(date, 1 - isoWeekday(date));
}

/** ISO 8601 week number (the Danish "uge 48"): the week that holds the year's first Thursday is week 1. */
export function isoWeekNumber(date: LocalDate): number {
  const thursday = toUtc(addDays(mondayOf(date), 3));
  const firstOfYear = Date.UTC(new Date(thursday).getUTCFullYear(), 0, 1);
  return Math.floor((thursday - firstOfYear) / DAY / 7) + 1;
}

/** The month as weeks of seven days, Monday first; days outside the month are `null`. */
export function monthWeeks(month: MonthKey): (LocalDate | null)[][] {
  const weeks: (LocalDate | null)[][] = [];
  let week: (LocalDate | null)[] = Array.from({ length: isoWeekday(firstOfMonth(month)) - 1 }, () => null);
  for (let date = firstOfMonth(month); monthOf(date) === month; date = addDays(date, 1)) {
    week.push(date);
    if (week.length === 7) {
      weeks.push(week);
      week = [];
    }
  }
  if (week.length > 0) weeks.push([...week, ...Array.from({ length: 7 - week.length }, () => null)]);
  return weeks;
}

/** An instant inside the date (noon UTC is the same date in Copenhagen), for formatting the date with Intl. */
export function dateInstant(date: LocalDate): Date {
  return new Date(toUtc(date) + DAY / 2);
}

/** Keys of the WAI-ARIA date grid: where focus goes from `date`, or undefined for other keys. */
export function dateAfterKey(date: LocalDate, key: string, rtl: boolean): LocalDate | undefined {
  const forward = rtl ? -1 : 1;
  switch (key) {
    case 'ArrowRight': return addDays(date, forward);
    case 'ArrowLeft': return addDays(date, -forward);
    case 'ArrowDown': return addDays(date, 7);
    case 'ArrowUp': return addDays(date, -7);
    case 'Home': return addDays(date, 1 - isoWeekday(date));
    case 'End': return addDays(date, 7 - isoWeekday(date));
    case 'PageDown': return sameDayIn(date, 1);
    case 'PageUp': return sameDayIn(date, -1);
    default: return undefined;
  }
}

/** The same day of another month, clamped to that month's last day (31 January → 28/29 February). */
export function sameDayIn(date: LocalDate, months: number): LocalDate {
  const month = addMonths(monthOf(date), months);
  const candidate = `${month}-${date.slice(8)}`;
  const last = lastOfMonth(month);
  return candidate > last ? last : candidate;
}
