// Wall-clock times in Europe/Copenhagen, DST-correct: offsets come from the zone database (Intl) for each
// instant, never from a fixed +01:00.
export const TIME_ZONE = 'Europe/Copenhagen';

const formatter = new Intl.DateTimeFormat('en-US', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function partsAt(ms: number): Parts {
  const out: Partial<Record<string, number>> = {};
  for (const part of formatter.formatToParts(new Date(ms))) {
    if (part.type !== 'literal') out[part.type] = Number(part.value);
  }
  return { year: out.year ?? 0, month: out.month ?? 0, day: out.day ?? 0, hour: out.hour ?? 0, minute: out.minute ?? 0, second: out.second ?? 0 };
}

const HOUR = 3_600_000;
// The zone's offset changes only on whole UTC hours, so one Intl call per hour serves every instant in it.
const offsetOfHour = new Map<number, number>();

/** The zone's offset from UTC at `ms`, in milliseconds (3 600 000 in winter, 7 200 000 in summer). */
export function offsetAt(ms: number): number {
  const hour = Math.floor(ms / HOUR);
  let offset = offsetOfHour.get(hour);
  if (offset === undefined) {
    const start = hour * HOUR;
    const p = partsAt(start);
    offset = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - start;
    if (offsetOfHour.size > 100_000) offsetOfHour.clear();
    offsetOfHour.set(hour, offset);
  }
  return offset;
}

/** The wall clock in the zone at `ms`, read from a Date shifted by the offset (its UTC fields). */
function wallClockAt(ms: number): Date {
  return new Date(ms + offsetAt(ms));
}

/** The instant of a local date and time (`YYYY-MM-DD`, minutes after midnight) in the zone. */
export function localToInstant(date: string, minutes: number): number {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const guess = Date.UTC(year, month - 1, day, 0, minutes);
  const first = guess - offsetAt(guess);
  const second = guess - offsetAt(first);
  return second;
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** RFC 3339 with the zone's offset, e.g. `2026-12-01T09:00:00+01:00`. */
export function formatLocal(ms: number): string {
  const wall = wallClockAt(ms);
  const offset = offsetAt(ms) / 60_000;
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${wall.toISOString().slice(0, 19)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The local date (`YYYY-MM-DD`) of an instant. */
export function localDate(ms: number): string {
  return wallClockAt(ms).toISOString().slice(0, 10);
}

/** Adds days to a calendar date. */
export function addDays(date: string, days: number): string {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** Days from `a` to `b` (calendar dates). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a calendar date. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** Adds months to a calendar date (clamped to the month's last day). */
export function addMonths(date: string, months: number): string {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const last = new Date(Date.UTC(year, month - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month - 1 + months, Math.min(day, last))).toISOString().slice(0, 10);
}

/** `HH:MM` → minutes after midnight. */
export function minutesOf(time: string): number {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

/** A real calendar date (not 2026-02-30). */
export function isRealDate(date: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) === date;
}
