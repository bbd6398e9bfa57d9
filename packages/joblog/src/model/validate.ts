import type { IsoDate, JoblogEntry } from './entry.js';
import { isIsoDate } from './weeks.js';

/** The longest text per field: the same as the contract's `JOBLOG_LIMITS` (a test keeps them equal). */
export const ENTRY_LIMITS = {
  title: 200,
  employer: 200,
  town: 100,
  source: 200,
  sourceUrl: 2000,
  notes: 4000,
} as const;

/** Hours per week: 0 is allowed (a zero-hour contract, "0-timers kontrakt"), 80 is the most. */
export const HOURS_PER_WEEK = { min: 0, max: 80 } as const;

export type EntryField = 'title' | 'employer' | 'postalCode' | 'town' | 'hoursPerWeek' | 'source' | 'sourceUrl' | 'date' | 'deadline' | 'notes';

/** The i18n keys `validateEntry` answers with, by problem. */
export const VALIDATION_KEYS = {
  titleMissing: 'validate.title.missing',
  activityTitleMissing: 'validate.title.activityMissing',
  employerMissing: 'validate.employer.missing',
  postalCode: 'validate.postalCode.format',
  hours: 'validate.hoursPerWeek.range',
  url: 'validate.sourceUrl.format',
  dateMissing: 'validate.date.missing',
  dateInvalid: 'validate.date.invalid',
  dateFuture: 'validate.date.future',
  activityDateFuture: 'validate.date.activityFuture',
  deadlineInvalid: 'validate.deadline.invalid',
  tooLong: 'validate.tooLong',
} as const;

/** True for an absolute `http:` or `https:` address with a host. */
export function isWebAddress(text: string): boolean {
  if (!/^https?:\/\/\S+$/i.test(text)) return false;
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/**
 * What keeps the entry form from saving, per field, as i18n keys (a field at most once, the first problem).
 * Applications need a title and an employer; activities a name. A date in the future is fine only for something
 * saved for later (status `saved`): an application is logged when it has been sent. A deadline may be in the future.
 */
export function validateEntry(entry: JoblogEntry, today: IsoDate): Map<EntryField, string> {
  const problems = new Map<EntryField, string>();
  const application = entry.type === 'application';
  if (entry.title.trim() === '') problems.set('title', application ? VALIDATION_KEYS.titleMissing : VALIDATION_KEYS.activityTitleMissing);
  if (application && entry.employer.trim() === '') problems.set('employer', VALIDATION_KEYS.employerMissing);
  const postalCode = entry.postalCode.trim();
  if (postalCode !== '' && !/^\d{4}$/.test(postalCode)) problems.set('postalCode', VALIDATION_KEYS.postalCode);
  const hours = entry.hoursPerWeek;
  if (hours !== null && !(Number.isFinite(hours) && hours >= HOURS_PER_WEEK.min && hours <= HOURS_PER_WEEK.max)) problems.set('hoursPerWeek', VALIDATION_KEYS.hours);
  const url = entry.sourceUrl.trim();
  if (url !== '' && !isWebAddress(url)) problems.set('sourceUrl', VALIDATION_KEYS.url);
  if (entry.date.trim() === '') problems.set('date', VALIDATION_KEYS.dateMissing);
  else if (!isIsoDate(entry.date)) problems.set('date', VALIDATION_KEYS.dateInvalid);
  else if (entry.date > today && entry.status !== 'saved') problems.set('date', application ? VALIDATION_KEYS.dateFuture : VALIDATION_KEYS.activityDateFuture);
  if (entry.deadline !== null && entry.deadline !== '' && !isIsoDate(entry.deadline)) problems.set('deadline', VALIDATION_KEYS.deadlineInvalid);
  for (const field of Object.keys(ENTRY_LIMITS) as (keyof typeof ENTRY_LIMITS)[]) {
    if (!problems.has(field) && entry[field].length > ENTRY_LIMITS[field]) problems.set(field, VALIDATION_KEYS.tooLong);
  }
  return problems;
}

/** The parameters a problem's message needs (the limit of a `validate.tooLong`). */
export function validationParams(field: EntryField): Record<string, number> {
  return field in ENTRY_LIMITS ? { count: ENTRY_LIMITS[field as keyof typeof ENTRY_LIMITS] } : {};
}
