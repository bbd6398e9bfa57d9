// Chat opening hours: the municipality's `openingHours` (weekly hours, overridden by dated exceptions), meant in
// Europe/Copenhagen and evaluated DST-correctly with the booking zone helpers.
import type { OpeningHours } from '@jobunivers/contract';
import { addDays, formatLocal, isoWeekday, localDate, localToInstant, minutesOf } from '../booking/zone.js';

/** How far ahead `nextOpening` looks (contract: within 14 days). */
const LOOK_AHEAD_DAYS = 14;

/** The opening interval of one local date as instants, or `undefined` when closed all day. */
export function hoursOn(hours: OpeningHours, date: string): { opens: number; closes: number } | undefined {
  const exception = hours.exceptions.find((entry) => entry.date === date);
  let opens: string | undefined;
  let closes: string | undefined;
  if (exception !== undefined) {
    if (exception.closed) return undefined;
    ({ opens, closes } = exception);
  } else {
    const weekly = hours.weekly.find((entry) => entry.weekday === isoWeekday(date));
    opens = weekly?.opens;
    closes = weekly?.closes;
  }
  if (opens === undefined || closes === undefined || minutesOf(closes) <= minutesOf(opens)) return undefined;
  return { opens: localToInstant(date, minutesOf(opens)), closes: localToInstant(date, minutesOf(closes)) };
}

export function isOpenAt(hours: OpeningHours, now: number): boolean {
  const today = hoursOn(hours, localDate(now));
  return today !== undefined && today.opens <= now && now < today.closes;
}

/** When chat next opens after `now` (RFC 3339 with the zone's offset), or `null` if not within 14 days. */
export function nextOpeningAfter(hours: OpeningHours, now: number): string | null {
  const today = localDate(now);
  for (let day = 0; day <= LOOK_AHEAD_DAYS; day++) {
    const interval = hoursOn(hours, addDays(today, day));
    if (interval !== undefined && interval.opens > now) return formatLocal(interval.opens);
  }
  return null;
}
