import type { IsoDate, IsoWeek } from './entry.js';

// Calendar arithmetic on `YYYY-MM-DD` through day numbers (days since 1970-01-01, computed with `Date.UTC`), so no
// clock and no daylight-saving change can shift a date. The one place a time zone is involved is `today()`.

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEK = /^(\d{4})-W(\d{2})$/;

/** The job centres' time zone: "today" and "this week" are Copenhagen's, wherever the citizen's device is. */
export const COPENHAGEN = 'Europe/Copenhagen';

const copenhagenParts = new Intl.DateTimeFormat('en-US', { timeZone: COPENHAGEN, year: 'numeric', month: 'numeric', day: 'numeric' });

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

/** The calendar date in Copenhagen at the instant `now` (right across midnight and both DST changes). */
export function today(now: Date = new Date()): IsoDate {
  let year = 1970;
  let month = 1;
  let day = 1;
  for (const part of copenhagenParts.formatToParts(now)) {
    if (part.type === 'year') year = Number(part.value);
    else if (part.type === 'month') month = Number(part.value);
    else if (part.type === 'day') day = Number(part.value);
  }
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** True for a real calendar date written `YYYY-MM-DD` (`2026-02-30` is not one). */
export function isIsoDate(text: string): boolean {
  const match = DATE.exec(text);
  if (match === null) return false;
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(match[1]), month);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` date (NaN when it is not one). */
export function dayNumber(date: IsoDate): number {
  const match = DATE.exec(date);
  if (match === null) return Number.NaN;
  const time = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0–99 to 1900–1999.
  time.setUTCFullYear(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Math.round(time.getTime() / DAY_MS);
}

/** The `YYYY-MM-DD` date of a day number. */
export function fromDayNumber(days: number): IsoDate {
  const time = new Date(days * DAY_MS);
  return `${pad(time.getUTCFullYear(), 4)}-${pad(time.getUTCMonth() + 1, 2)}-${pad(time.getUTCDate(), 2)}`;
}

/** `date` moved by `days` calendar days. */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** ISO weekday of a day number: Monday 1 … Sunday 7 (1970-01-01 was a Thursday). */
const weekdayOfDay = (days: number): number => ((((days + 3) % 7) + 7) % 7) + 1;

/** ISO weekday: Monday 1 … Sunday 7. */
export function weekday(date: IsoDate): number {
  return weekdayOfDay(dayNumber(date));
}

/** Year and week number of a day number: the week belongs to the year of its Thursday. */
function weekParts(days: number): { year: number; week: number } {
  const thursday = days - weekdayOfDay(days) + 4;
  const year = new Date(thursday * DAY_MS).getUTCFullYear();
  const january1 = dayNumber(`${pad(year, 4)}-01-01`);
  return { year, week: Math.floor((thursday - january1) / 7) + 1 };
}

/** The ISO week (`YYYY-Www`) a date belongs to: `2026-12-31` → `2026-W53`, `2027-01-04` → `2027-W01`. */
export function isoWeekOf(date: IsoDate): IsoWeek {
  const { year, week } = weekParts(dayNumber(date));
  return `${pad(year, 4)}-W${pad(week, 2)}`;
}

/** 53 when the year has an ISO week 53 (it starts on a Thursday, or is a leap year starting on a Wednesday), else 52. */
export function weeksInYear(year: number): 52 | 53 {
  return weekParts(dayNumber(`${pad(year, 4)}-12-28`)).week === 53 ? 53 : 52;
}

/** True for `YYYY-Www` naming a week the year has (`2026-W53` is one, `2027-W53` is not). */
export function isIsoWeek(text: string): boolean {
  const match = WEEK.exec(text);
  if (match === null) return false;
  const week = Number(match[2]);
  return week >= 1 && week <= weeksInYear(Number(match[1]));
}

function weekStartDay(week: IsoWeek): number {
  const match = WEEK.exec(week);
  if (match === null) return Number.NaN;
  // 4 January is always in week 1.
  const january4 = dayNumber(`${match[1]}-01-04`);
  return january4 - weekdayOfDay(january4) + 1 + (Number(match[2]) - 1) * 7;
}

/** The Monday of an ISO week. */
export function weekStart(week: IsoWeek): IsoDate {
  return fromDayNumber(weekStartDay(week));
}

/** The Sunday of an ISO week. */
export function weekEnd(week: IsoWeek): IsoDate {
  return fromDayNumber(weekStartDay(week) + 6);
}

/** The week `count` weeks after `week` (before, when negative), across years with 52 or 53 weeks. */
export function addWeeks(week: IsoWeek, count: number): IsoWeek {
  return isoWeekOf(fromDayNumber(weekStartDay(week) + count * 7));
}

/** Whole weeks from `from` to `to`: `weeksBetween('2026-W52', '2027-W01')` is 2 (2026 has a week 53). */
export function weeksBetween(from: IsoWeek, to: IsoWeek): number {
  return Math.round((weekStartDay(to) - weekStartDay(from)) / 7);
}

/** The weeks from `from` to `to`, both included, oldest first (empty when `to` is before `from`). */
export function weekRange(from: IsoWeek, to: IsoWeek): IsoWeek[] {
  const count = weeksBetween(from, to);
  const weeks: IsoWeek[] = [];
  for (let index = 0; index <= count; index++) weeks.push(addWeeks(from, index));
  return weeks;
}
