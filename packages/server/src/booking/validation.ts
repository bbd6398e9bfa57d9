// Checks the schemas cannot express, answered as the contract's `errors[]`.
import type { FieldError } from '@jobunivers/contract';
import { ProblemError } from '../problem.js';
import { daysBetween, isRealDate } from './zone.js';

/** `from`/`to` query dates: real dates, `to` not before `from`, at most `maxDays` apart. */
export function dateRangeErrors(from: string, to: string, maxDays: number): FieldError[] {
  const errors: FieldError[] = [];
  if (!isRealDate(from)) errors.push({ pointer: '/query/from', code: 'format', detail: 'Not a calendar date.' });
  if (!isRealDate(to)) errors.push({ pointer: '/query/to', code: 'format', detail: 'Not a calendar date.' });
  if (errors.length === 0 && daysBetween(from, to) < 0) errors.push({ pointer: '/query/to', code: 'minimum', detail: '`to` must not be before `from`.' });
  if (errors.length === 0 && daysBetween(from, to) > maxDays) {
    errors.push({ pointer: '/query/to', code: 'maximum', detail: `\`to - from\` may be at most ${String(maxDays)} days.` });
  }
  return errors;
}

/** Throws `400 invalid-request` with the errors, if there are any. */
export function rejectInvalid(errors: readonly FieldError[], detail = 'Fix the fields listed in errors and send the request again.'): void {
  if (errors.length > 0) throw new ProblemError('invalid-request', { detail, errors: [...errors] });
}
