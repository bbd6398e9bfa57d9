/**
 * What the PDF says, before any layout: the CV's visible content as sections of entries, with labels and dates
 * already worded. Hidden sections and items, and items with nothing filled in, are left out here, once, for
 * both templates.
 */
import { LANGUAGE_SKILLS, type CefrLevel, type Cv, type LanguageItem, type LanguageSkill, type PeriodEnd } from '../model/cv.js';
import type { PdfLabels } from './labels.js';

/** A label and its value: "Telefon" – "12 34 56 78". `ats` prints "label: value", `europass` label left, value right. */
export interface FieldEntry {
  kind: 'field';
  label: string;
  /** May hold line breaks: each line is its own paragraph. */
  value: string;
}

/** A dated item: a job, an education, a course, a reference, a custom item. */
export interface ItemEntry {
  kind: 'item';
  /** The period ("mar. 2024 – nu"); `europass` prints it in the left column. */
  when: string;
  title: string;
  subtitle: string;
  paragraphs: string[];
  bullets: string[];
}

/** Languages with a CEFR level per skill: Europass's self-assessment grid. */
export interface LevelTable {
  kind: 'table';
  head: string[];
  rows: { label: string; cells: string[] }[];
  note: string;
}

export type Entry = FieldEntry | ItemEntry | LevelTable;

export interface Section {
  heading: string;
  entries: Entry[];
}

export interface CvDocument {
  name: string;
  headline: string;
  contact: FieldEntry[];
  sections: Section[];
}

const visible = <T extends { hidden: boolean }>(items: readonly T[]): T[] => items.filter((item) => !item.hidden);
const joined = (separator: string, ...parts: string[]): string => parts.map((part) => part.trim()).filter(Boolean).join(separator);
const field = (label: string, value: string): FieldEntry => ({ kind: 'field', label, value });

/** Builds the document; `perSkillTable` turns per-skill CEFR levels into a grid (europass) instead of a line (ats). */
export function buildDocument(cv: Cv, labels: PdfLabels, perSkillTable: boolean): CvDocument {
  const month = (value: string): string => {
    const match = /^(\d{4})-(\d{2})$/.exec(value);
    const name = match ? labels.months[Number(match[2]) - 1] : undefined;
    return match && name ? `${name} ${match[1]}` : value;
  };
  const period = (start: string, end: PeriodEnd): string => {
    const to = end === 'present' ? labels.present : month(end);
    return start && to ? `${month(start)} – ${to}` : start ? month(start) : to ? `– ${to}` : '';
  };
  const item = (when: string, title: string, subtitle: string, paragraphs: string[] = [], bullets: string[] = []): ItemEntry => ({
    kind: 'item',
    when,
    title: title.trim(),
    subtitle,
    paragraphs: paragraphs.filter((paragraph) => paragraph.trim()),
    bullets: bullets.filter((bullet) => bullet.trim()),
  });
  const filled = (entry: Entry): boolean =>
    entry.kind === 'field' ? Boolean(entry.value.trim() || entry.label.trim()) : entry.kind === 'table' || Boolean(entry.title || entry.subtitle || entry.paragraphs.length || entry.bullets.length);

  const { contact } = cv;
  const region = contact.countryCode && (contact.countryCode !== 'DK' || labels.lang !== 'da-DK') ? regionName(contact.countryCode, labels.locale) : '';
  const place = joined(' ', contact.postalCode, contact.city);
  const contactFields = [
    field(labels.contact.address, joined(', ', contact.address, place, place || contact.address ? region : '')),
    field(labels.contact.phone, contact.phone),
    field(labels.contact.email, contact.email),
    field(labels.contact.website, contact.url),
    ...visible(contact.profiles).map((profile) => field(profile.network.trim() || labels.contact.profile, profile.url.trim() || profile.username)),
  ].filter((entry) => entry.value.trim());

  const sections: Section[] = [];
  const add = (heading: string, hidden: boolean, entries: Entry[]): void => {
    const shown = entries.filter(filled);
    if (!hidden && shown.length) sections.push({ heading, entries: shown });
  };
  const { sections: headings } = labels;

  add(headings.profile, cv.profile.hidden, [field('', cv.profile.summary)]);
  add(headings.jobTitles, cv.jobTitles.hidden, [field('', joined(', ', ...visible(cv.jobTitles.items).map((job) => job.title)))]);

  const { conditions } = cv;
  const anyCondition = conditions.hours.length || conditions.types.length || conditions.availableFrom || conditions.area.trim();
  add(headings.conditions, conditions.hidden || !anyCondition, [
    field(labels.conditions.hours, conditions.hours.map((hours) => labels.hours[hours]).join(', ')),
    field(labels.conditions.types, conditions.types.map((type) => labels.employmentTypes[type]).join(', ')),
    field(labels.conditions.availableFrom, conditions.availableFrom ? month(conditions.availableFrom) : labels.conditions.immediately),
    field(labels.conditions.area, conditions.area),
  ].filter((entry) => entry.value));

  add(headings.work, cv.work.hidden, visible(cv.work.items).map((work) =>
    item(period(work.start, work.end), work.position || work.employer, joined(', ', work.position ? work.employer : '', work.location), [work.url, ...lines(work.summary)], work.highlights)));

  add(headings.education, cv.education.hidden, visible(cv.education.items).map((education) =>
    item(
      period(education.start, education.end),
      joined(', ', education.studyType || (education.level ? labels.educationLevels[education.level] : ''), education.area),
      education.institution,
      [
        education.url,
        education.score.trim() ? `${labels.score}: ${education.score.trim()}` : '',
        education.courses.some((course) => course.trim()) ? `${labels.courses}: ${joined(', ', ...education.courses)}` : '',
      ],
    )));

  add(headings.certificates, cv.certificates.hidden, visible(cv.certificates.items).map((certificate) =>
    item(month(certificate.date), certificate.name, certificate.issuer, [certificate.expires ? `${labels.validUntil} ${month(certificate.expires)}` : '', certificate.url])));

  add(headings.skills, cv.skills.hidden, visible(cv.skills.items).map((skill) =>
    field(skill.name, joined(' – ', skill.level, joined(', ', ...skill.keywords)))));

  add(headings.languages, cv.languages.hidden, languageEntries(visible(cv.languages.items), labels, perSkillTable));

  const { drivingLicences } = cv;
  add(headings.drivingLicences, drivingLicences.hidden, [
    field(drivingLicences.categories.length ? labels.drivingCategories : '', drivingLicences.categories.join(', ')),
    field('', drivingLicences.note),
  ]);

  add(headings.volunteer, cv.volunteer.hidden, visible(cv.volunteer.items).map((volunteer) =>
    item(period(volunteer.start, volunteer.end), volunteer.position || volunteer.organization, volunteer.position ? volunteer.organization : '', [volunteer.url, ...lines(volunteer.summary)], volunteer.highlights)));

  add(headings.references, cv.references.hidden, visible(cv.references.items).map((reference) =>
    item('', reference.name, reference.relation, [reference.contact, reference.reference.trim() ? `“${reference.reference.trim()}”` : ''])));

  for (const custom of visible(cv.custom)) {
    add(custom.title.trim() || headings.custom, false, visible(custom.items).map((entry) =>
      item(period(entry.start, entry.end), entry.title, entry.subtitle, lines(entry.summary))));
  }

  return { name: contact.name.trim(), headline: contact.headline.trim(), contact: contactFields, sections };
}

const lines = (text: string): string[] => text.split(/\r\n?|\n/);

function regionName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code; // not a valid region code: print it as typed
  }
}

function languageEntries(languages: LanguageItem[], labels: PdfLabels, perSkillTable: boolean): Entry[] {
  const described = (language: LanguageItem, level: string): string => joined(' – ', level, language.fluency);
  const bySkill = (language: LanguageItem): [LanguageSkill, CefrLevel | ''][] => LANGUAGE_SKILLS.map((skill) => [skill, language.skills[skill]]);
  const native = languages.filter((language) => language.native && language.language.trim());
  const others = languages.filter((language) => !language.native);
  const entries: Entry[] = [];
  if (native.length) entries.push(field(labels.native, joined(', ', ...native.map((language) => language.language))));
  const grid = perSkillTable ? others.filter((language) => language.perSkill && bySkill(language).some(([, level]) => level)) : [];
  for (const language of others) {
    if (grid.includes(language)) continue;
    const level = language.perSkill
      ? joined(', ', ...bySkill(language).map(([skill, value]) => (value ? `${labels.languageSkills[skill]} ${value}` : '')))
      : language.level;
    entries.push(field(language.language, described(language, level)));
  }
  if (grid.length) {
    entries.push({
      kind: 'table',
      head: LANGUAGE_SKILLS.map((skill) => labels.languageSkills[skill]),
      rows: grid.map((language) => ({ label: joined(' – ', language.language, language.fluency), cells: bySkill(language).map(([, level]) => level) })),
      note: labels.cefrNote,
    });
  }
  return entries;
}
