import type { IsoDate, JoblogEntry, Requirement } from './entry.js';
import type { Message } from './message.js';
import { countsTowardRequirement, weeklyTarget } from './requirement.js';
import { addDays, daysBetween, isIsoDate, isoWeekOf, weekday } from './weeks.js';

export type ReminderKind = 'deadline' | 'follow-up' | 'empty-week';

export interface Reminder extends Message {
  /**
   * Stable, so a dismissal sticks: `deadline:<entryId>:<deadline>` (a new deadline is a new reminder),
   * `follow-up:<entryId>`, `empty-week:<week>`. Ids and dates only, never text.
   */
  id: string;
  kind: ReminderKind;
  /** The entry it is about, or `null` (the empty week). */
  entryId: string | null;
}

/** Days after applying without an answer before a follow-up is suggested. */
export const FOLLOW_UP_AFTER_DAYS = 10;
/**
 * After this many days without an answer a follow-up is no longer suggested: a call about an application a month
 * old rarely helps, and a long joblog would otherwise fill the widget with reminders about old applications.
 */
export const FOLLOW_UP_UNTIL_DAYS = 30;
/** Deadlines this many days ahead (or fewer) are mentioned. */
export const DEADLINE_WITHIN_DAYS = 3;
/**
 * "Nothing logged this week" waits until Thursday (ISO weekday 4): on Monday an empty week is simply a week that
 * has just begun, and a reminder then would nag. Thursday still leaves a few days to act on it.
 */
export const EMPTY_WEEK_FROM_WEEKDAY = 4;

export interface ReminderOptions {
  /** The agreed requirement: without one (or with 0 per week, or this week exempt) there is no empty-week reminder. */
  requirement?: Requirement | null;
}

/**
 * What to remind the citizen of today, most urgent first: deadlines of saved jobs (soonest first), follow-ups of
 * applications with no answer for 10 to 30 days (longest wait first), and an empty week from Thursday on. Dismissals are
 * the widget's: filter with `withoutDismissed`.
 */
export function findReminders(entries: readonly JoblogEntry[], today: IsoDate, options: ReminderOptions = {}): Reminder[] {
  const deadlines: { reminder: Reminder; days: number }[] = [];
  const followUps: { reminder: Reminder; days: number }[] = [];
  for (const entry of entries) {
    if (entry.type !== 'application') continue;
    if (entry.status === 'saved' && entry.deadline !== null && isIsoDate(entry.deadline)) {
      const days = daysBetween(today, entry.deadline);
      if (days >= 0 && days <= DEADLINE_WITHIN_DAYS) {
        const key = days === 0 ? 'reminder.deadline.today' : days === 1 ? 'reminder.deadline.tomorrow' : 'reminder.deadline.inDays';
        deadlines.push({
          days,
          reminder: { id: `deadline:${entry.id}:${entry.deadline}`, kind: 'deadline', entryId: entry.id, key, params: { title: entry.title, employer: entry.employer, count: days } },
        });
      }
    }
    if (entry.status === 'applied') {
      const days = daysBetween(lastChange(entry), today);
      if (days >= FOLLOW_UP_AFTER_DAYS && days <= FOLLOW_UP_UNTIL_DAYS) {
        followUps.push({
          days,
          reminder: { id: `follow-up:${entry.id}`, kind: 'follow-up', entryId: entry.id, key: 'reminder.followUp', params: { title: entry.title, employer: entry.employer, count: days } },
        });
      }
    }
  }
  deadlines.sort((a, b) => a.days - b.days);
  followUps.sort((a, b) => b.days - a.days);
  const reminders = [...deadlines, ...followUps].map((item) => item.reminder);
  const empty = emptyWeekReminder(entries, today, options.requirement ?? null);
  if (empty !== null) reminders.push(empty);
  return reminders;
}

/** The last time anything happened to the entry: its latest status change, or its date. */
function lastChange(entry: JoblogEntry): IsoDate {
  let last = entry.date;
  for (const change of entry.history) if (change.on > last) last = change.on;
  return last;
}

function emptyWeekReminder(entries: readonly JoblogEntry[], today: IsoDate, requirement: Requirement | null): Reminder | null {
  if (requirement === null || weeklyTarget(requirement) === 0) return null;
  if (weekday(today) < EMPTY_WEEK_FROM_WEEKDAY) return null;
  const week = isoWeekOf(today);
  if (requirement.exemptWeeks.some((exempt) => exempt.week === week)) return null;
  const monday = addDays(today, 1 - weekday(today));
  const sunday = addDays(monday, 6);
  const logged = entries.some((entry) => entry.date >= monday && entry.date <= sunday && countsTowardRequirement(entry, requirement));
  if (logged) return null;
  return { id: `empty-week:${week}`, kind: 'empty-week', entryId: null, key: requirement.activitiesCount ? 'reminder.emptyWeekWithActivities' : 'reminder.emptyWeek', params: {} };
}

/** The reminders the citizen has not dismissed. */
export function withoutDismissed(reminders: readonly Reminder[], dismissed: ReadonlySet<string>): Reminder[] {
  return reminders.filter((reminder) => !dismissed.has(reminder.id));
}

/** The dismissals still worth keeping: those of reminders that would show today (the rest can be forgotten). */
export function dismissalsToKeep(reminders: readonly Reminder[], dismissed: ReadonlySet<string>): Set<string> {
  return new Set(reminders.filter((reminder) => dismissed.has(reminder.id)).map((reminder) => reminder.id));
}
