// "Klar til Jobnet": what a CV needs before employers can find it on Jobnet, and what makes it stronger.
// Phrased as help: each item says what to add and why, never what is "wrong".
import type { Cv, SectionKey } from './cv.js';
import { isEmail, isPhone } from './formats.js';

export const REQUIRED_CHECKS = ['contact', 'jobTitles', 'conditions', 'experience', 'education'] as const;
export const SUGGESTED_CHECKS = ['profile', 'skills', 'languages', 'drivingLicences'] as const;
export type CompletenessCheck = (typeof REQUIRED_CHECKS)[number] | (typeof SUGGESTED_CHECKS)[number];

export interface CompletenessItem {
  check: CompletenessCheck;
  /**
   * i18n key of the text to show: `completeness.done.<check>` when it is there, `completeness.hidden.<check>` when
   * it is there but hidden from the CV, `completeness.todo.<check>` (what to add, and why) otherwise.
   */
  key: string;
  /** i18n key of the check's short name for a checklist: `completeness.label.<check>` ("Jobtitler"). */
  label: string;
  /** The editor section that completes it. */
  section: SectionKey;
  done: boolean;
  /** The content is there but hidden from the CV, so it does not count yet. */
  hidden: boolean;
}

export interface CompletenessReport {
  /** Jobnet's minimum for a searchable CV, in the editor's order. */
  required: CompletenessItem[];
  /** Not required, but they help (profile, skills, languages, driving licence). */
  suggestions: CompletenessItem[];
  /** Every required item is done. */
  searchable: boolean;
}

const filled = (...values: readonly string[]): boolean => values.some((value) => value.trim() !== '');

/** Whether a list section has a visible item that counts, and whether it only has hidden ones. */
function listState<T extends { hidden: boolean }>(section: { hidden: boolean; items: readonly T[] }, counts: (item: T) => boolean): { done: boolean; hidden: boolean } {
  const counted = section.items.filter(counts);
  const visible = !section.hidden && counted.some((item) => !item.hidden);
  return { done: visible, hidden: !visible && counted.length > 0 };
}

const SECTION_OF: Record<CompletenessCheck, SectionKey> = {
  contact: 'contact',
  jobTitles: 'jobTitles',
  conditions: 'conditions',
  experience: 'work',
  education: 'education',
  profile: 'profile',
  skills: 'skills',
  languages: 'languages',
  drivingLicences: 'drivingLicences',
};

function state(cv: Cv, check: CompletenessCheck): { done: boolean; hidden: boolean } {
  switch (check) {
    case 'contact': {
      const { name, email, phone } = cv.contact;
      return { done: filled(name) && (isEmail(email) || isPhone(phone.trim())), hidden: false };
    }
    case 'jobTitles':
      return listState(cv.jobTitles, (item) => filled(item.title));
    case 'conditions': {
      const { hours, types, hidden } = cv.conditions;
      const chosen = hours.length > 0 && types.length > 0;
      return { done: chosen && !hidden, hidden: chosen && hidden };
    }
    case 'experience': {
      // Not everyone has had a job yet: voluntary work, an internship or a student job counts as experience too.
      const work = listState(cv.work, (item) => filled(item.position, item.employer));
      const volunteer = listState(cv.volunteer, (item) => filled(item.position, item.organization));
      const done = work.done || volunteer.done;
      return { done, hidden: !done && (work.hidden || volunteer.hidden) };
    }
    case 'education':
      return listState(cv.education, (item) => filled(item.institution, item.area, item.studyType) || item.level !== '');
    case 'profile': {
      const written = filled(cv.profile.summary);
      return { done: written && !cv.profile.hidden, hidden: written && cv.profile.hidden };
    }
    case 'skills':
      return listState(cv.skills, (item) => filled(item.name));
    case 'languages':
      return listState(cv.languages, (item) => filled(item.language));
    case 'drivingLicences': {
      const { categories, note, hidden } = cv.drivingLicences;
      const given = categories.length > 0 || filled(note);
      return { done: given && !hidden, hidden: given && hidden };
    }
  }
}

function item(cv: Cv, check: CompletenessCheck): CompletenessItem {
  const { done, hidden } = state(cv, check);
  const key = done ? `completeness.done.${check}` : hidden ? `completeness.hidden.${check}` : `completeness.todo.${check}`;
  return { check, key, label: `completeness.label.${check}`, section: SECTION_OF[check], done, hidden };
}

/**
 * How far the CV is from Jobnet's minimum for a searchable CV: contact details (name, and an e-mail address or a
 * phone number), at least one job title ("Jeg søger job som"), employment conditions (working hours and kind of
 * employment), at least one experience (a job or voluntary work) and at least one education. Hidden content does
 * not count (employers would not see it); the item then says so. Suggestions: profile, skills, languages,
 * driving licence.
 */
export function checkCompleteness(cv: Cv): CompletenessReport {
  const required = REQUIRED_CHECKS.map((check) => item(cv, check));
  return { required, suggestions: SUGGESTED_CHECKS.map((check) => item(cv, check)), searchable: required.every((entry) => entry.done) };
}
