import type { JoblogEntry } from '../model/entry.js';

/** Field → i18n key of its problem. */
export type FieldProblems = Map<string, string>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (value: string): boolean => DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

/** What keeps the entry from being saved, by field, as i18n keys ("Skriv stillingens titel"). */
export function checkEntry(entry: JoblogEntry, statusOn: string): FieldProblems {
  const problems: FieldProblems = new Map();
  const application = entry.type === 'application';
  if (entry.title.trim() === '') problems.set('title', application ? 'check.titleMissing' : 'check.activityTitleMissing');
  if (application && entry.employer.trim() === '') problems.set('employer', 'check.employerMissing');
  if (entry.postalCode.trim() !== '' && !/^\d{4}$/.test(entry.postalCode.trim())) problems.set('postalCode', 'check.postalCode');
  if (entry.hoursPerWeek !== null && (!Number.isFinite(entry.hoursPerWeek) || entry.hoursPerWeek <= 0 || entry.hoursPerWeek > 80)) problems.set('hoursPerWeek', 'check.hours');
  if (!isDate(entry.date)) problems.set('date', 'check.date');
  if (entry.deadline !== null && !isDate(entry.deadline)) problems.set('deadline', 'check.deadline');
  const url = entry.sourceUrl.trim();
  if (url !== '' && !/^https?:\/\/[^\s]+$/i.test(url)) problems.set('sourceUrl', 'check.url');
  if (!isDate(statusOn)) problems.set('statusOn', 'check.statusOn');
  return problems;
}
