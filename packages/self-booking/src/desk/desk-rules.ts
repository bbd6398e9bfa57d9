import type { AvailabilityRule, Weekday } from './types.js';

/** A rule being edited: a stable key so errors and focus follow the row, whatever its position. */
export interface WorkingRule extends AvailabilityRule {
  key: number;
}

export type RuleField = 'start' | 'end';
/** Error messages by `${key}:${field}`. */
export type RuleErrors = Map<string, string>;

export type RuleProblem = 'missing' | 'order' | 'grid' | 'overlap';

const TIME = /^([01]\d|2[0-4]):([0-5]\d)$/;

export function minutesOf(time: string): number | undefined {
  const match = TIME.exec(time);
  if (!match) return undefined;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes > 24 * 60 ? undefined : minutes;
}

// A time field cannot show 24:00: a range that runs to midnight is edited with the end 00:00.
const MIDNIGHT_END = '24:00';
const MIDNIGHT_FIELD = '00:00';

export function endForField(end: string): string {
  return end === MIDNIGHT_END ? MIDNIGHT_FIELD : end;
}

function endMinutes(end: string): number | undefined {
  return end === MIDNIGHT_FIELD ? 24 * 60 : minutesOf(end);
}

/** What is wrong with one field of a rule, judged against all rules (same checks as the server). */
export function ruleProblem(rule: WorkingRule, field: RuleField, rules: readonly WorkingRule[]): RuleProblem | undefined {
  const start = minutesOf(rule.start);
  const end = endMinutes(rule.end);
  const own = field === 'start' ? start : end;
  if (own === undefined) return 'missing';
  if (own % 5 !== 0) return 'grid';
  if (field === 'end' && start !== undefined && end !== undefined && start >= end) return 'order';
  if (field === 'start' && start !== undefined && end !== undefined && start < end) {
    const overlaps = rules.some((other) => {
      if (other.key === rule.key || other.meetingTypeId !== rule.meetingTypeId || other.weekday !== rule.weekday) return false;
      const otherStart = minutesOf(other.start);
      const otherEnd = endMinutes(other.end);
      return otherStart !== undefined && otherEnd !== undefined && start < otherEnd && otherStart < end;
    });
    if (overlaps) return 'overlap';
  }
  return undefined;
}

export function toRules(working: readonly WorkingRule[]): AvailabilityRule[] {
  return working.map(({ meetingTypeId, weekday, start, end }) => ({ meetingTypeId, weekday, start, end: end === MIDNIGHT_FIELD ? MIDNIGHT_END : end }));
}

export function sameRules(a: readonly AvailabilityRule[], b: readonly AvailabilityRule[]): boolean {
  const key = (rules: readonly AvailabilityRule[]): string =>
    JSON.stringify(
      rules
        .map((rule) => `${rule.meetingTypeId}|${String(rule.weekday)}|${rule.start}|${rule.end}`)
        .sort(),
    );
  return key(a) === key(b);
}

/** Reads `/rules/3/end` (also with a prefix such as `/body`) as rule index 3, field `end`. */
export function parseRulePointer(pointer: string | undefined): { index: number; field: RuleField | undefined } | undefined {
  const match = /\/rules\/(\d+)(?:\/(\w+))?/.exec(pointer ?? '');
  if (!match) return undefined;
  const field = match[2] === 'start' || match[2] === 'end' ? match[2] : undefined;
  return { index: Number(match[1]), field };
}

export const WEEKDAYS: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 7];
