// The CV as a JSON Resume 1.2.1 document. The standard part holds what other tools should show (visible items of
// visible sections, values the official schema accepts); everything else — ids, hidden items, job titles, CEFR
// levels, driving licences, values typed in a form the schema rejects … — lives under `x-jobunivers`, so reading
// the document back (`fromJsonResume`) gives the very same CV.
import {
  LANGUAGE_SKILLS,
  type CefrLevel,
  type CertificateItem,
  type Cv,
  type EducationItem,
  type ItemBase,
  type LanguageItem,
  type ProfileItem,
  type ReferenceItem,
  type SkillItem,
  type VolunteerItem,
  type WorkItem,
} from './cv.js';
import { isEmail, isFullDate, isStandardDate, isWebAddress } from './formats.js';
import {
  EXTENSION_KEY,
  JSON_RESUME_SCHEMA_URL,
  type ExtensionItem,
  type ExtensionSection,
  type JobuniversExtension,
  type JsonResume,
  type JsonResumeBasics,
  type JsonResumeLocation,
  type StandardSectionKey,
  EDITED_BASICS_FIELDS,
  EDITED_FIELDS,
  EDITED_LOCATION_FIELDS,
  EDITED_TOP_LEVEL_KEYS,
} from './json-resume-format.js';
import { cloneJson, isRecord, withoutKeys, type JsonRecord } from './json-values.js';

export * from './json-resume-format.js';
export { fromJsonResume, parseCvFile, type ImportIssue, type ImportIssueCode, type ImportResult } from './import.js';

export type FluencyLanguage = 'da' | 'en' | 'ar';

export interface JsonResumeOptions {
  /** The language of the fluency the export writes for a native language when the citizen gave none. Default `da`. */
  language?: FluencyLanguage;
}

const NATIVE_FLUENCY: Record<FluencyLanguage, string> = { da: 'Modersmål', en: 'Native speaker', ar: 'اللغة الأم' };

/** A readable fluency from the CEFR levels: "Modersmål", "B2", or the range of per-skill levels ("B1–C1"); '' when none. */
export function derivedFluency(item: LanguageItem, language: FluencyLanguage = 'da'): string {
  if (item.native) return NATIVE_FLUENCY[language];
  if (!item.perSkill) return item.level;
  const levels = [...new Set(LANGUAGE_SKILLS.map((skill) => item.skills[skill]).filter((level): level is CefrLevel => level !== ''))].sort();
  if (levels.length === 0) return '';
  return levels.length === 1 ? (levels[0] ?? '') : `${levels[0] ?? ''}–${levels[levels.length - 1] ?? ''}`;
}

/** Builds one standard JSON Resume object: the item's unknown fields first, then the fields the CV edits. */
class ItemWriter {
  readonly json: JsonRecord;
  readonly raw: Record<string, string> = {};
  readonly #extra: JsonRecord;

  constructor(extra: JsonRecord | undefined, edited: readonly string[]) {
    this.#extra = extra ?? {};
    this.json = withoutKeys(this.#extra, edited);
  }

  text(key: string, value: string): this {
    if (value !== '') this.json[key] = value;
    return this;
  }

  list(key: string, values: readonly string[]): this {
    if (values.length > 0) this.json[key] = [...values];
    return this;
  }

  /** A month; the whole date it was imported from (kept in `extra`) while the month still agrees. */
  date(key: string, value: string): this {
    if (value === '') return this;
    if (!isStandardDate(value)) {
      this.raw[key] = value;
      return this;
    }
    const original = this.#extra[key];
    this.json[key] = typeof original === 'string' && isFullDate(original) && original.startsWith(`${value}-`) ? original : value;
    return this;
  }

  checked(key: string, value: string, valid: (value: string) => boolean): this {
    if (value === '') return this;
    if (valid(value)) this.json[key] = value;
    else this.raw[key] = value;
    return this;
  }

  url(key: string, value: string): this {
    return this.checked(key, value, isWebAddress);
  }
}

type Written = { json: JsonRecord; ext: ExtensionItem };

function entry(item: ItemBase, writer: ItemWriter, additions: Partial<ExtensionItem> = {}): Written {
  const ext: ExtensionItem = { id: item.id, hidden: item.hidden, ...additions };
  if (Object.keys(writer.raw).length > 0) ext.raw = writer.raw;
  return { json: writer.json, ext };
}

const present = (end: string): Partial<ExtensionItem> => (end === 'present' ? { present: true } : {});

const writeProfile = (item: ProfileItem): Written =>
  entry(item, new ItemWriter(item.extra, EDITED_FIELDS.profiles).text('network', item.network).text('username', item.username).url('url', item.url));

const writeWork = (item: WorkItem): Written =>
  entry(
    item,
    new ItemWriter(item.extra, EDITED_FIELDS.work)
      .text('name', item.employer)
      .text('position', item.position)
      .text('location', item.location)
      .url('url', item.url)
      .date('startDate', item.start)
      .date('endDate', item.end === 'present' ? '' : item.end)
      .text('summary', item.summary)
      .list('highlights', item.highlights),
    present(item.end),
  );

const writeVolunteer = (item: VolunteerItem): Written =>
  entry(
    item,
    new ItemWriter(item.extra, EDITED_FIELDS.volunteer)
      .text('organization', item.organization)
      .text('position', item.position)
      .url('url', item.url)
      .date('startDate', item.start)
      .date('endDate', item.end === 'present' ? '' : item.end)
      .text('summary', item.summary)
      .list('highlights', item.highlights),
    present(item.end),
  );

const writeEducation = (item: EducationItem): Written =>
  entry(
    item,
    new ItemWriter(item.extra, EDITED_FIELDS.education)
      .text('institution', item.institution)
      .text('area', item.area)
      .text('studyType', item.studyType)
      .url('url', item.url)
      .date('startDate', item.start)
      .date('endDate', item.end === 'present' ? '' : item.end)
      .text('score', item.score)
      .list('courses', item.courses),
    { ...present(item.end), level: item.level },
  );

const writeCertificate = (item: CertificateItem): Written =>
  entry(
    item,
    new ItemWriter(item.extra, EDITED_FIELDS.certificates).text('name', item.name).text('issuer', item.issuer).date('date', item.date).url('url', item.url),
    { kind: item.kind, expires: item.expires },
  );

const writeSkill = (item: SkillItem): Written =>
  entry(item, new ItemWriter(item.extra, EDITED_FIELDS.skills).text('name', item.name).text('level', item.level).list('keywords', item.keywords));

function writeLanguage(item: LanguageItem, language: FluencyLanguage): Written {
  const fluency = item.fluency !== '' ? item.fluency : derivedFluency(item, language);
  const writer = new ItemWriter(item.extra, EDITED_FIELDS.languages).text('language', item.language).text('fluency', fluency);
  return entry(item, writer, {
    native: item.native,
    level: item.level,
    perSkill: item.perSkill,
    skills: { ...item.skills },
    ...(item.fluency === '' && fluency !== '' ? { derivedFluency: true as const } : {}),
  });
}

const writeReference = (item: ReferenceItem): Written =>
  entry(item, new ItemWriter(item.extra, EDITED_FIELDS.references).text('name', item.name).text('reference', item.reference), {
    relation: item.relation,
    contact: item.contact,
  });

/** The standard array (visible items of a visible section) and the section's entry under `x-jobunivers`. */
function writeSection<T extends ItemBase>(items: readonly T[], sectionHidden: boolean, write: (item: T) => Written): { standard: JsonRecord[]; ext: ExtensionSection } {
  const standard: JsonRecord[] = [];
  const entries: ExtensionItem[] = [];
  for (const item of items) {
    const { json, ext } = write(item);
    if (sectionHidden || item.hidden) ext.item = json;
    else standard.push(json);
    entries.push(ext);
  }
  return { standard, ext: { hidden: sectionHidden, items: entries } };
}

function writeBasics(cv: Cv, sections: JobuniversExtension['sections']): { basics: JsonResumeBasics; raw: Record<string, string> } {
  const { contact } = cv;
  const carried = isRecord(cv.extra['basics']) ? cv.extra['basics'] : {};
  const writer = new ItemWriter(carried, EDITED_BASICS_FIELDS)
    .text('name', contact.name)
    .text('label', contact.headline)
    .checked('email', contact.email, isEmail)
    .text('phone', contact.phone)
    .url('url', contact.url);
  if (!cv.profile.hidden) writer.text('summary', cv.profile.summary);
  const location = new ItemWriter(isRecord(carried['location']) ? carried['location'] : {}, EDITED_LOCATION_FIELDS)
    .text('address', contact.address)
    .text('postalCode', contact.postalCode)
    .text('city', contact.city)
    .text('countryCode', contact.countryCode).json as JsonResumeLocation;
  if (Object.keys(location).length > 0) writer.json['location'] = location;
  const profiles = writeSection(contact.profiles, false, writeProfile);
  if (profiles.standard.length > 0) writer.json['profiles'] = profiles.standard;
  if (profiles.ext.items.length > 0) sections.profiles = profiles.ext;
  return { basics: writer.json, raw: writer.raw };
}

/**
 * The CV as a JSON Resume 1.2.1 document that the official schema accepts, with our additions under
 * `x-jobunivers` (see `JobuniversExtension`). `fromJsonResume` of the result equals `cv`.
 */
export function toJsonResume(cv: Cv, options: JsonResumeOptions = {}): JsonResume {
  const language = options.language ?? 'da';
  const sections: JobuniversExtension['sections'] = {};
  const { basics, raw: contactRaw } = writeBasics(cv, sections);
  const standard: JsonRecord = {};
  const add = <T extends ItemBase>(key: Exclude<StandardSectionKey, 'profiles'>, section: { hidden: boolean; items: readonly T[] }, write: (item: T) => Written): void => {
    const written = writeSection(section.items, section.hidden, write);
    if (written.standard.length > 0) standard[key] = written.standard;
    if (written.ext.items.length > 0 || written.ext.hidden) sections[key] = written.ext;
  };
  add('work', cv.work, writeWork);
  add('volunteer', cv.volunteer, writeVolunteer);
  add('education', cv.education, writeEducation);
  add('certificates', cv.certificates, writeCertificate);
  add('skills', cv.skills, writeSkill);
  add('languages', cv.languages, (item) => writeLanguage(item, language));
  add('references', cv.references, writeReference);

  const carriedExtension = isRecord(cv.extra[EXTENSION_KEY]) ? cloneJson(cv.extra[EXTENSION_KEY]) : {};
  const extension: JobuniversExtension = {
    ...carriedExtension,
    version: cv.schemaVersion,
    profile: cv.profile.hidden ? { hidden: true, summary: cv.profile.summary } : { hidden: false },
    jobTitles: {
      hidden: cv.jobTitles.hidden,
      items: cv.jobTitles.items.map((item) => ({ id: item.id, hidden: item.hidden, title: item.title, escoUri: item.escoUri, ...extraOf(item) })),
    },
    conditions: { ...cv.conditions, hours: [...cv.conditions.hours], types: [...cv.conditions.types] },
    drivingLicences: { ...cv.drivingLicences, categories: [...cv.drivingLicences.categories] },
    custom: cv.custom.map((section) => ({
      id: section.id,
      hidden: section.hidden,
      title: section.title,
      ...extraOf(section),
      items: section.items.map((item) => ({
        id: item.id,
        hidden: item.hidden,
        title: item.title,
        subtitle: item.subtitle,
        summary: item.summary,
        start: item.start,
        end: item.end,
        ...extraOf(item),
      })),
    })),
    sections,
  };
  if (Object.keys(contactRaw).length > 0) extension.contact = { raw: contactRaw };

  // Key order for people reading the file: the schema, the standard sections, other tools' fields, ours.
  const schema = cv.extra['$schema'];
  const document: JsonRecord = { $schema: typeof schema === 'string' ? schema : JSON_RESUME_SCHEMA_URL, basics, ...standard };
  for (const [key, value] of Object.entries(withoutKeys(cv.extra, [...EDITED_TOP_LEVEL_KEYS, '$schema']))) {
    Object.defineProperty(document, key, { value, enumerable: true, writable: true, configurable: true });
  }
  document[EXTENSION_KEY] = extension;
  return document;
}

const extraOf = (item: ItemBase): { extra?: JsonRecord } => (item.extra !== undefined && Object.keys(item.extra).length > 0 ? { extra: cloneJson(item.extra) } : {});
