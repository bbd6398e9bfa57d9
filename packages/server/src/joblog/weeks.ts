// The requirement meter's arithmetic for the caseworker's list (docs/contract.md "Joblog"): ISO weeks of the
// entries' calendar dates, "this week" as the current ISO week in Europe/Copenhagen, and the average over the
// requirement's window with exempt weeks left out. Entries carry dates, never instants, so a DST change inside a
// week changes nothing; only "today" depends on the zone.
import type { JoblogRequirement } from '@jobunivers/contract';
import { addDays, isoWeekday, localDate } from '../booking/zone.js';

/** The clock of the joblog's counts; tests may move it. */
export const joblogClock = { now: (): number => Date.now() };

const DAY = 86_400_000;

/** The ISO week (`YYYY-Www`) of a calendar date. */
export function isoWeekOf(date: string): string {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const utc = Date.UTC(year, month - 1, day);
  // The week belongs to the year of its Thursday.
  const thursday = new Date(utc + (4 - isoWeekday(date)) * DAY);
  const weekYear = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(weekYear, 0, 1)) / (7 * DAY));
  return `${String(weekYear).padStart(4, '0')}-W${String(week).padStart(2, '0')}`;
}

/** The Monday (`YYYY-MM-DD`) of the week that holds `date`. */
export function mondayOf(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

/** Today's date in Europe/Copenhagen. */
export function todayInCopenhagen(ms: number = joblogClock.now()): string {
  return localDate(ms);
}

/** What the list needs of an entry: its date, its kind and whether it is past `saved`. */
export interface CountedEntry {
  date: string;
  type: string;
  status: string;
}

export interface MeterNumbers {
  entriesThisWeek: number;
  averagePerWeek: number | null;
  averageOverWeeks: number;
  requiredPerWeek: number | null;
}

/** When no requirement is agreed the average is taken over STAR's four weeks. */
export const DEFAULT_AVERAGE_WEEKS = 4;
/** The longest window a requirement may set (`averageOverWeeks` ≤ 8): the oldest date the list must read. */
export const MAX_AVERAGE_WEEKS = 8;

/** The first date any window that ends with `today`'s week can reach. */
export function windowStart(today: string, weeks: number = MAX_AVERAGE_WEEKS): string {
  return addDays(mondayOf(today), -7 * (weeks - 1));
}

/** Whether an entry counts towards the requirement: not `saved`, and an application or (when agreed) an activity. */
export function counts(entry: CountedEntry, requirement: JoblogRequirement | null): boolean {
  if (entry.status === 'saved') return false;
  if (entry.type === 'activity') return requirement?.activitiesCount === true;
  return entry.type === 'application';
}

/**
 * The numbers of the meter for one citizen, as the widget's meter reads them (`readRequirement` of the widget's
 * model): entries that count this week, and the average per week over the window of `averageOverWeeks` weeks ending
 * with this week — weeks before the week of the citizen's first entry left out (the log did not exist yet), exempt
 * weeks and their entries left out.
 */
export function meterNumbers(entries: readonly CountedEntry[], requirement: JoblogRequirement | null, today: string, firstDate: string | null = null): MeterNumbers {
  const weeks = requirement?.averageOverWeeks ?? DEFAULT_AVERAGE_WEEKS;
  const exempt = new Set((requirement?.exemptWeeks ?? []).map((item) => item.week));
  const thisWeek = isoWeekOf(today);
  const first = mondayOf(firstDate !== null && firstDate < today ? firstDate : today);
  const window: string[] = [];
  for (let back = weeks - 1; back >= 0; back--) {
    const day = addDays(today, -7 * back);
    if (day >= first) window.push(isoWeekOf(day));
  }
  const perWeek = new Map<string, number>(window.map((week) => [week, 0]));
  for (const entry of entries) {
    if (!counts(entry, requirement)) continue;
    const week = isoWeekOf(entry.date);
    const count = perWeek.get(week);
    if (count !== undefined) perWeek.set(week, count + 1);
  }
  const counted = window.filter((week) => !exempt.has(week));
  const total = counted.reduce((sum, week) => sum + (perWeek.get(week) ?? 0), 0);
  return {
    entriesThisWeek: perWeek.get(thisWeek) ?? 0,
    averagePerWeek: counted.length === 0 ? null : Math.round((total / counted.length) * 100) / 100,
    averageOverWeeks: weeks,
    requiredPerWeek: requirement === null ? null : Math.round(requirement.perWeek * requirement.scale * 100) / 100,
  };
}
