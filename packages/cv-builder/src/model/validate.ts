// What the editor marks under a field. Never blocks saving: a draft with a half-typed address is kept; the
// citizen sees a kind hint and fixes it when it suits them.
import { fieldPath } from '../editor-context.js';
import { isYearMonth, type Cv, type Period } from './cv.js';
import { isCountryCode, isEmail, isPhone, isWebAddress, isYearOnly } from './formats.js';

/** The i18n keys `validateCv` answers with (in the `problem` area of the model's locale files). */
export const PROBLEM_KEYS = {
  email: 'problem.email',
  url: 'problem.url',
  phone: 'problem.phone',
  countryCode: 'problem.countryCode',
  date: 'problem.date',
  dateYearOnly: 'problem.dateYearOnly',
  endBeforeStart: 'problem.endBeforeStart',
  expiresBeforeDate: 'problem.expiresBeforeDate',
  missingPosition: 'problem.missingPosition',
  missingEducation: 'problem.missingEducation',
  missingName: 'problem.missingName',
  missingLanguage: 'problem.missingLanguage',
  missingOrganization: 'problem.missingOrganization',
  missingTitle: 'problem.missingTitle',
  missingNetwork: 'problem.missingNetwork',
} as const;
export type ProblemKey = (typeof PROBLEM_KEYS)[keyof typeof PROBLEM_KEYS];

const filled = (...values: readonly string[]): boolean => values.some((value) => value.trim() !== '');

/** A month field: `''` and `YYYY-MM` are fine; a year alone or anything else (from an imported file) is not. */
function checkMonth(problems: Map<string, ProblemKey>, path: string, value: string): void {
  if (value === '' || isYearMonth(value)) return;
  problems.set(path, isYearOnly(value) ? PROBLEM_KEYS.dateYearOnly : PROBLEM_KEYS.date);
}

function checkUrl(problems: Map<string, ProblemKey>, path: string, value: string): void {
  if (value !== '' && !isWebAddress(value)) problems.set(path, PROBLEM_KEYS.url);
}

function checkPeriod(problems: Map<string, ProblemKey>, path: string, period: Period): void {
  checkMonth(problems, fieldPath(path, 'start'), period.start);
  if (period.end !== 'present') checkMonth(problems, fieldPath(path, 'end'), period.end);
  if (isYearMonth(period.start) && isYearMonth(period.end) && period.end < period.start) problems.set(fieldPath(path, 'end'), PROBLEM_KEYS.endBeforeStart);
}

/**
 * The problems of a CV, by field path (`fieldPath()`: `contact.email`, `work.<id>.end`,
 * `contact.profiles.<id>.url`, `custom.<sectionId>.<itemId>.start` …) → the i18n key of the message.
 * Hidden items are checked too (they may be shown again). An item with nothing filled in has no problems.
 */
export function validateCv(cv: Cv): Map<string, ProblemKey> {
  const problems = new Map<string, ProblemKey>();
  const { contact } = cv;
  if (contact.email !== '' && !isEmail(contact.email.trim())) problems.set('contact.email', PROBLEM_KEYS.email);
  if (contact.phone.trim() !== '' && !isPhone(contact.phone.trim())) problems.set('contact.phone', PROBLEM_KEYS.phone);
  if (contact.countryCode !== '' && !isCountryCode(contact.countryCode)) problems.set('contact.countryCode', PROBLEM_KEYS.countryCode);
  checkUrl(problems, 'contact.url', contact.url);
  for (const item of contact.profiles) {
    const path = fieldPath('contact.profiles', item.id);
    checkUrl(problems, fieldPath(path, 'url'), item.url);
    if (!filled(item.network) && filled(item.username, item.url)) problems.set(fieldPath(path, 'network'), PROBLEM_KEYS.missingNetwork);
  }

  for (const item of cv.jobTitles.items) checkUrl(problems, fieldPath('jobTitles', item.id, 'escoUri'), item.escoUri);
  checkMonth(problems, 'conditions.availableFrom', cv.conditions.availableFrom);

  for (const item of cv.work.items) {
    const path = fieldPath('work', item.id);
    checkPeriod(problems, path, item);
    checkUrl(problems, fieldPath(path, 'url'), item.url);
    if (!filled(item.position, item.employer) && filled(item.location, item.url, item.summary, item.start, item.end, ...item.highlights)) {
      problems.set(fieldPath(path, 'position'), PROBLEM_KEYS.missingPosition);
    }
  }

  for (const item of cv.volunteer.items) {
    const path = fieldPath('volunteer', item.id);
    checkPeriod(problems, path, item);
    checkUrl(problems, fieldPath(path, 'url'), item.url);
    if (!filled(item.organization, item.position) && filled(item.url, item.summary, item.start, item.end, ...item.highlights)) {
      problems.set(fieldPath(path, 'organization'), PROBLEM_KEYS.missingOrganization);
    }
  }

  for (const item of cv.education.items) {
    const path = fieldPath('education', item.id);
    checkPeriod(problems, path, item);
    checkUrl(problems, fieldPath(path, 'url'), item.url);
    if (!filled(item.institution, item.area, item.studyType) && (item.level !== '' || filled(item.url, item.score, item.start, item.end, ...item.courses))) {
      problems.set(fieldPath(path, 'studyType'), PROBLEM_KEYS.missingEducation);
    }
  }

  for (const item of cv.certificates.items) {
    const path = fieldPath('certificates', item.id);
    checkMonth(problems, fieldPath(path, 'date'), item.date);
    checkMonth(problems, fieldPath(path, 'expires'), item.expires);
    if (isYearMonth(item.date) && isYearMonth(item.expires) && item.expires < item.date) problems.set(fieldPath(path, 'expires'), PROBLEM_KEYS.expiresBeforeDate);
    checkUrl(problems, fieldPath(path, 'url'), item.url);
    if (!filled(item.name) && filled(item.issuer, item.date, item.expires, item.url)) problems.set(fieldPath(path, 'name'), PROBLEM_KEYS.missingName);
  }

  for (const item of cv.skills.items) {
    if (!filled(item.name) && filled(item.level, ...item.keywords)) problems.set(fieldPath('skills', item.id, 'name'), PROBLEM_KEYS.missingName);
  }

  for (const item of cv.languages.items) {
    const described = item.native || item.level !== '' || filled(item.fluency) || Object.values(item.skills).some((level) => level !== '');
    if (!filled(item.language) && described) problems.set(fieldPath('languages', item.id, 'language'), PROBLEM_KEYS.missingLanguage);
  }

  for (const item of cv.references.items) {
    if (!filled(item.name) && filled(item.relation, item.contact, item.reference)) problems.set(fieldPath('references', item.id, 'name'), PROBLEM_KEYS.missingName);
  }

  for (const section of cv.custom) {
    const sectionPath = fieldPath('custom', section.id);
    if (!filled(section.title) && section.items.length > 0) problems.set(fieldPath(sectionPath, 'title'), PROBLEM_KEYS.missingTitle);
    for (const item of section.items) {
      const path = fieldPath(sectionPath, item.id);
      checkPeriod(problems, path, item);
      if (!filled(item.title) && filled(item.subtitle, item.summary, item.start, item.end)) problems.set(fieldPath(path, 'title'), PROBLEM_KEYS.missingTitle);
    }
  }
  return problems;
}
