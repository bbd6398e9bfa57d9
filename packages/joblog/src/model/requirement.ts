import type { ExemptionReason, IsoDate, IsoWeek, JoblogEntry, Requirement } from './entry.js';
import type { Message } from './message.js';
import { addWeeks, isIsoDate, isoWeekOf, weeksBetween } from './weeks.js';

/**
 * - `none`: no requirement agreed (0 per week).
 * - `exempt`: this week is exempt (sickness, holiday, exemption): nothing is asked.
 * - `ahead`: the average is met with at least a usual week's worth to spare.
 * - `on-track`: the average is met, or a usual week's worth (`weekNeeds.high` or fewer) this week meets it.
 * - `behind`: it takes more than a usual week to meet it — still said kindly, as "n more this week".
 */
export type RequirementStatus = 'ahead' | 'on-track' | 'behind' | 'exempt' | 'none';

/** One week of the window the average is taken over. */
export interface WeekCount {
  week: IsoWeek;
  /** Entries dated in the week that count. */
  count: number;
  /** Why the week does not count, or `null`. */
  exempt: ExemptionReason | null;
}

export interface RequirementMeter {
  status: RequirementStatus;
  /** This week (Copenhagen). */
  week: IsoWeek;
  /** Entries dated this week that count. */
  thisWeek: number;
  /** The requirement per week after the part-time scale (may be a fraction: 1.5); 0: none. */
  target: number;
  /** What a usual week needs, in whole numbers: 1.5 → 1–2 (the average is the real rule). */
  weekNeeds: { low: number; high: number };
  /** The window, oldest first: the last `averageOverWeeks` weeks up to this one, from the week the log starts. */
  window: WeekCount[];
  /** Weeks of the window that count (not exempt): the denominator. */
  countedWeeks: number;
  /** Entries in the counted weeks: the numerator. */
  total: number;
  /** `total / countedWeeks` (0 when no week counts). */
  average: number;
  /** Entries the counted weeks need for the average to reach the target (`ceil(target × countedWeeks)`). */
  needed: number;
  /** How many more this week keeps the average on target: the smallest n ≥ 0 that makes it; 0 when already there. */
  more: number;
  /** Why this week is exempt, or `null`. */
  exempt: ExemptionReason | null;
  /** The one sentence to lead with ("2 mere denne uge, så er du godt med."). */
  message: Message;
  /** Sentences with the numbers behind it: what was counted, weeks left out, what the agreement is. */
  details: Message[];
}

export interface RequirementOptions {
  /**
   * Weeks before the week of this date are left out of the window: the log did not exist yet, and a citizen who
   * starts logging on a Monday should not read "6 more this week". Defaults to the earliest entry's date (today
   * when there are none); `null` takes the whole window whatever the log holds.
   */
  countFrom?: IsoDate | null;
}

// Sums like 1.5 × 0.6 × 4 are not exact in binary; this keeps ceil(3.6000000000000005) from becoming 4 twice over.
const EPSILON = 1e-9;

/** True when the entry counts towards the requirement (its date decides the week). */
export function countsTowardRequirement(entry: JoblogEntry, requirement: Pick<Requirement, 'activitiesCount'>): boolean {
  if (entry.status === 'saved') return false;
  if (entry.type === 'activity' && !requirement.activitiesCount) return false;
  return isIsoDate(entry.date);
}

/** Entries that count, per ISO week. */
export function weeklyCounts(entries: readonly JoblogEntry[], requirement: Pick<Requirement, 'activitiesCount'>): Map<IsoWeek, number> {
  const counts = new Map<IsoWeek, number>();
  for (const entry of entries) {
    if (!countsTowardRequirement(entry, requirement)) continue;
    const week = isoWeekOf(entry.date);
    counts.set(week, (counts.get(week) ?? 0) + 1);
  }
  return counts;
}

/** The requirement per week for this citizen: `perWeek × scale` (0 for anything not a positive number). */
export function weeklyTarget(requirement: Pick<Requirement, 'perWeek' | 'scale'>): number {
  const target = requirement.perWeek * requirement.scale;
  return Number.isFinite(target) && target > 0 ? target : 0;
}

function earliestDate(entries: readonly JoblogEntry[], today: IsoDate): IsoDate {
  let earliest = today;
  for (const entry of entries) if (entry.date < earliest && isIsoDate(entry.date)) earliest = entry.date;
  return earliest;
}

/**
 * The requirement meter for the week of `today`: the count this week, the rolling average over the last
 * `averageOverWeeks` weeks (this week included) with exempt weeks left out of both the count and the number of
 * weeks, and how many more this week keeps the average on target.
 */
export function readRequirement(entries: readonly JoblogEntry[], requirement: Requirement, today: IsoDate, options: RequirementOptions = {}): RequirementMeter {
  const week = isoWeekOf(today);
  const target = weeklyTarget(requirement);
  const exemptions = new Map(requirement.exemptWeeks.map((exempt) => [exempt.week, exempt.reason]));
  const counts = weeklyCounts(entries, requirement);
  const span = Math.max(1, Math.floor(Number.isFinite(requirement.averageOverWeeks) ? requirement.averageOverWeeks : 1));
  const countFrom = options.countFrom === undefined ? earliestDate(entries, today) : options.countFrom;
  const firstWeek = countFrom === null ? null : isoWeekOf(countFrom < today ? countFrom : today);
  const available = firstWeek === null ? span : Math.min(span, weeksBetween(firstWeek, week) + 1);

  const window: WeekCount[] = [];
  for (let back = available - 1; back >= 0; back--) {
    const windowWeek = addWeeks(week, -back);
    window.push({ week: windowWeek, count: counts.get(windowWeek) ?? 0, exempt: exemptions.get(windowWeek) ?? null });
  }
  const counted = window.filter((item) => item.exempt === null);
  const countedWeeks = counted.length;
  const total = counted.reduce((sum, item) => sum + item.count, 0);
  const average = countedWeeks === 0 ? 0 : total / countedWeeks;
  const needed = Math.ceil(target * countedWeeks - EPSILON);
  const exempt = exemptions.get(week) ?? null;
  const weekNeeds = { low: Math.floor(target + EPSILON), high: Math.ceil(target - EPSILON) };
  const thisWeek = counts.get(week) ?? 0;

  let status: RequirementStatus;
  let more = 0;
  if (target === 0) status = 'none';
  else if (exempt !== null || countedWeeks === 0) status = 'exempt';
  else {
    more = Math.max(0, needed - total);
    if (more === 0) status = total >= needed + weekNeeds.high ? 'ahead' : 'on-track';
    else status = more <= weekNeeds.high ? 'on-track' : 'behind';
  }

  const meter: RequirementMeter = {
    status, week, thisWeek, target, weekNeeds, window, countedWeeks, total, average, needed, more, exempt,
    message: { key: 'requirement.message.none', params: {} },
    details: [],
  };
  meter.message = leadMessage(meter);
  meter.details = detailMessages(meter, requirement, span);
  return meter;
}

function leadMessage(meter: RequirementMeter): Message {
  switch (meter.status) {
    case 'none':
      return { key: 'requirement.message.none', params: {} };
    case 'exempt':
      return { key: `requirement.message.exempt.${meter.exempt ?? 'exemption'}`, params: {} };
    case 'ahead':
      return { key: 'requirement.message.ahead', params: {} };
    case 'on-track':
      return meter.more === 0 ? { key: 'requirement.message.onTrack', params: {} } : { key: 'requirement.message.more', params: { count: meter.more } };
    case 'behind':
      return { key: 'requirement.message.catchUp', params: { count: meter.more } };
  }
}

function detailMessages(meter: RequirementMeter, requirement: Requirement, span: number): Message[] {
  if (meter.status === 'none') return [];
  const details: Message[] = [];
  const noun = requirement.activitiesCount ? 'entries' : 'applications';
  const windowWeeks = meter.window.length;
  if (meter.status !== 'exempt') {
    details.push(windowWeeks === 1
      ? { key: `requirement.detail.${noun}ThisWeek`, params: { count: meter.total } }
      : { key: `requirement.detail.${noun}`, params: { count: meter.total, weeks: windowWeeks } });
  }
  const exemptInWindow = meter.window.filter((item) => item.exempt !== null && item.week !== meter.week).length;
  if (exemptInWindow > 0 && meter.status !== 'exempt') details.push({ key: 'requirement.detail.exemptWeeks', params: { count: exemptInWindow } });
  const { low, high } = meter.weekNeeds;
  const perRule = Math.ceil(meter.target * span - EPSILON);
  if (low === high) details.push({ key: 'requirement.target.exact', params: { count: low } });
  else if (low === 0) details.push({ key: 'requirement.target.upTo', params: { needed: perRule, weeks: span } });
  else details.push({ key: 'requirement.target.range', params: { low, high, needed: perRule, weeks: span } });
  if (requirement.scale > 0 && requirement.scale < 1) details.push({ key: 'requirement.target.partTime', params: { percent: Math.round(requirement.scale * 100) } });
  return details;
}
