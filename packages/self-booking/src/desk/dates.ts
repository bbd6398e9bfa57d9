import { TIME_ZONE } from '@jobunivers/core';
import type { Weekday } from './types.js';

/** A calendar date `YYYY-MM-DD`, meant in Europe/Copenhagen. */
export type CalendarDate = string;

const partsFormat = new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The Copenhagen calendar date at `at`. */
export function copenhagenDate(at: Date | number | string = Date.now()): CalendarDate {
  const parts = partsFormat.formatToParts(typeof at === 'string' ? new Date(at) : at);
  const part = (type: string): string => parts.find((item) => item.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

function toUtc(date: CalendarDate): Date {
  return new Date(`${date}T00:00:00Z`);
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const day = toUtc(date);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

export function isoWeekday(date: CalendarDate): Weekday {
  const day = toUtc(date).getUTCDay();
  return (day === 0 ? 7 : day) as Weekday;
}

export function mondayOf(date: CalendarDate): CalendarDate {
  return addDays(date, 1 - isoWeekday(date));
}

/** ISO 8601 week number (the Danish "uge 48"). */
export function isoWeekNumber(date: CalendarDate): number {
  const thursday = toUtc(addDays(mondayOf(date), 3));
  const firstOfYear = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  return Math.floor((thursday.getTime() - firstOfYear) / 86_400_000 / 7) + 1;
}

/** Midday of the date in UTC, which is the same calendar day in Copenhagen: safe to hand to a date formatter. */
export function middayOf(date: CalendarDate): Date {
  return new Date(`${date}T12:00:00Z`);
}

export function isCalendarDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(toUtc(value).getTime());
}
