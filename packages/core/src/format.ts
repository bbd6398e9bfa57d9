/** The job centres' time zone: every date and time a widget shows is in it, wherever the reader is. */
export const TIME_ZONE = 'Europe/Copenhagen';

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

function cached<F>(cache: Map<string, F>, locale: string, options: object, create: () => F): F {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = create();
    cache.set(key, format);
  }
  return format;
}

/** Date, time, number and relative-time formatting for one locale, always in Europe/Copenhagen. */
export interface Formatter {
  readonly locale: string;
  /** "tirsdag den 4. marts 2025" with `{ dateStyle: 'full' }`; defaults to "4. mar. 2025". */
  date(value: Date | number, options?: Intl.DateTimeFormatOptions): string;
  /** "14.30" in Danish, "14:30" in English. */
  time(value: Date | number, options?: Intl.DateTimeFormatOptions): string;
  dateTime(value: Date | number, options?: Intl.DateTimeFormatOptions): string;
  number(value: number, options?: Intl.NumberFormatOptions): string;
  /** "om 3 dage", "i går", "for 5 minutter siden", relative to `now`. */
  relative(value: Date | number, now?: Date | number): string;
}

export function createFormatter(locale: string): Formatter {
  const dateTime = (options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat =>
    cached(dateTimeFormats, locale, options, () => new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, ...options }));
  return {
    locale,
    date: (value, options = { dateStyle: 'medium' }) => dateTime(options).format(value),
    time: (value, options = { timeStyle: 'short' }) => dateTime(options).format(value),
    dateTime: (value, options = { dateStyle: 'medium', timeStyle: 'short' }) => dateTime(options).format(value),
    number: (value, options = {}) =>
      cached(numberFormats, locale, options, () => new Intl.NumberFormat(locale, options)).format(value),
    relative: (value, now = Date.now()) => {
      const [amount, unit] = relativeParts(+value, +now);
      const options = { numeric: 'auto' } as const;
      return cached(relativeFormats, locale, options, () => new Intl.RelativeTimeFormat(locale, options)).format(amount, unit);
    },
  };
}

const RELATIVE_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600e3],
  ['month', 30 * 24 * 3600e3],
  ['week', 7 * 24 * 3600e3],
  ['day', 24 * 3600e3],
  ['hour', 3600e3],
  ['minute', 60e3],
  ['second', 1e3],
];

function relativeParts(value: number, now: number): [number, Intl.RelativeTimeFormatUnit] {
  const milliseconds = value - now;
  for (const [unit, size] of RELATIVE_UNITS) {
    if (Math.abs(milliseconds) < size && unit !== 'second') continue;
    // "i morgen" and "i går" name calendar days: count them in Copenhagen, not in blocks of 24 hours,
    // or a meeting tomorrow at 22.30 seen at 00.30 reads "i overmorgen".
    if (unit === 'day') return [copenhagenDayNumber(value) - copenhagenDayNumber(now), unit];
    return [Math.round(milliseconds / size), unit];
  }
  return [0, 'second'];
}

const copenhagenDate = new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, year: 'numeric', month: 'numeric', day: 'numeric' });

/** Days since 1970-01-01 of the calendar date in Copenhagen at `at`. */
function copenhagenDayNumber(at: number): number {
  const parts = Object.fromEntries(copenhagenDate.formatToParts(at).map(({ type, value }) => [type, Number(value)]));
  return Date.UTC(parts['year'] ?? 1970, (parts['month'] ?? 1) - 1, parts['day'] ?? 1) / (24 * 3600e3);
}

/** True when the reader's clock is in another zone than the job centre's at that moment (say so next to times). */
export function readerTimeZoneDiffers(at: Date | number = Date.now()): boolean {
  const options: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: 'numeric', day: 'numeric', hourCycle: 'h23' };
  const local = new Intl.DateTimeFormat('en', options).format(at);
  const copenhagen = new Intl.DateTimeFormat('en', { ...options, timeZone: TIME_ZONE }).format(at);
  return local !== copenhagen;
}
