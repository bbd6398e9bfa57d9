// The job centre's weekly chat hours in words: "mandag–torsdag 09.00–15.00, fredag 09.00–13.00".
import type { OpeningHours } from '@jobunivers/contract';

/** Weekday names in `locale`, ISO order (1 = Monday). 1 January 2024 was a Monday. */
function weekdayName(locale: string, weekday: number): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, 0, weekday));
}

function clock(locale: string, time: string): string {
  const [hours, minutes] = time.split(':').map(Number);
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }).format(Date.UTC(2024, 0, 1, hours, minutes));
}

/** One line per run of weekdays with the same hours, e.g. ["mandag–torsdag 09.00–15.00", "fredag 09.00–13.00"]. */
export function describeWeeklyHours(hours: OpeningHours, locale: string): string[] {
  const byDay = new Map(hours.weekly.map((day) => [day.weekday, `${day.opens}-${day.closes}`]));
  const lines: string[] = [];
  for (let day = 1; day <= 7; day += 1) {
    const span = byDay.get(day);
    if (span === undefined) continue;
    let last = day;
    while (last < 7 && byDay.get(last + 1) === span) last += 1;
    const days = last === day ? weekdayName(locale, day) : `${weekdayName(locale, day)}–${weekdayName(locale, last)}`;
    const [opens, closes] = span.split('-');
    lines.push(`${days} ${clock(locale, opens)}–${clock(locale, closes)}`);
    day = last;
  }
  return lines;
}
