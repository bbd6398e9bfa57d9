import { STATUSES, type IsoDate, type JoblogEntry, type Outcome, type Status, type StatusChange } from './entry.js';
import { daysBetween } from './weeks.js';

/** Where each status stands in the usual order saved → applied → interview → closed. */
export const STATUS_ORDER: Readonly<Record<Status, number>> = { saved: 0, applied: 1, interview: 2, closed: 3 };

/** The status that usually follows (`null` after closed). */
export function nextStatus(status: Status): Status | null {
  return statusAt(STATUS_ORDER[status] + 1);
}

/** The status before it in the usual order (`null` before saved). */
export function previousStatus(status: Status): Status | null {
  return statusAt(STATUS_ORDER[status] - 1);
}

const statusAt = (index: number): Status | null => (index >= 0 && index < STATUSES.length ? STATUSES[index] : null);

/** True when a move goes back in the usual order (allowed — mistakes happen — and kept in the history). */
export function isBackwards(from: Status, to: Status): boolean {
  return STATUS_ORDER[to] < STATUS_ORDER[from];
}

/** The outcome a status may carry: only closed has one (`null` there means "closed, reason not given"). */
export const outcomeFor = (status: Status, outcome: Outcome | null): Outcome | null => (status === 'closed' ? outcome : null);

/**
 * The entry moved to `status` on `on`, the change appended to its history. Any move is allowed, backwards too;
 * nothing is rewritten, so the history shows the mistake and its correction. The same status and outcome again
 * returns the entry itself (no empty history line).
 */
export function changeStatus(entry: JoblogEntry, status: Status, outcome: Outcome | null, on: IsoDate, now: Date = new Date()): JoblogEntry {
  const kept = outcomeFor(status, outcome);
  if (entry.status === status && entry.outcome === kept) return entry;
  const change: StatusChange = { status, outcome: kept, on };
  return { ...entry, status, outcome: kept, history: [...entry.history, change], updatedAt: now.toISOString() };
}

/** Days spent in each status, until the next change or `today`. Dates given out of order count as 0 days. */
export function timeInStatus(entry: JoblogEntry, today: IsoDate): Record<Status, number> {
  const days: Record<Status, number> = { saved: 0, applied: 0, interview: 0, closed: 0 };
  for (const stay of statusStays(entry, today)) days[stay.status] += stay.days;
  return days;
}

/** One stretch of time in a status: `ended` is false for the current one. */
export interface StatusStay {
  status: Status;
  from: IsoDate;
  days: number;
  ended: boolean;
}

/** The entry's history as stretches of time, oldest first. */
export function statusStays(entry: JoblogEntry, today: IsoDate): StatusStay[] {
  const history = entry.history.length > 0 ? entry.history : [{ status: entry.status, outcome: entry.outcome, on: entry.date }];
  return history.map((change, index) => {
    const next = history.at(index + 1);
    const days = daysBetween(change.on, next?.on ?? today);
    return { status: change.status, from: change.on, days: Number.isFinite(days) ? Math.max(0, days) : 0, ended: next !== undefined };
  });
}

/** True for a change that is an answer from the employer: an interview, a rejection or the job. */
export const isAnswer = (change: Pick<StatusChange, 'status' | 'outcome'>): boolean =>
  change.status === 'interview' || (change.status === 'closed' && (change.outcome === 'rejected' || change.outcome === 'hired'));

/** The date the employer first answered (interview, rejection or job), or `null`. */
export function answeredOn(entry: JoblogEntry): IsoDate | null {
  const answer = entry.history.find(isAnswer);
  if (answer !== undefined) return answer.on;
  return isAnswer(entry) ? entry.date : null;
}

/** The date the application was sent: its first "applied" change, else its date. */
export function appliedOn(entry: JoblogEntry): IsoDate {
  return entry.history.find((change) => change.status === 'applied')?.on ?? entry.date;
}

/** True when the entry ever reached an interview. */
export const hadInterview = (entry: JoblogEntry): boolean =>
  entry.status === 'interview' || entry.history.some((change) => change.status === 'interview');

/**
 * Days from applying to the first answer, when the history knows both (an "applied" change, then an answer);
 * `null` otherwise — an entry logged straight as "interview" does not say how long the answer took.
 */
export function daysUntilAnswer(entry: JoblogEntry): number | null {
  const applied = entry.history.findIndex((change) => change.status === 'applied');
  if (applied === -1) return null;
  const answer = entry.history.slice(applied + 1).find(isAnswer);
  if (answer === undefined) return null;
  const days = daysBetween(entry.history[applied]?.on ?? entry.date, answer.on);
  return Number.isFinite(days) && days >= 0 ? days : null;
}
