// Reading a JSON Resume document into a CV: our own export (with `x-jobunivers`, losslessly) and anyone else's.
//
// The rule for what stops an import:
// - **Problems** (nothing is imported): the text is not JSON; the document is not an object or has none of JSON
//   Resume's keys; a section, item or field has a shape we could only read by guessing (a list that is not a list,
//   an item that is not an object, text that is an object or a list).
// - **Warnings** (the import goes ahead, nothing is lost): a value is readable but not in the form the editor asks
//   for. It is imported exactly as written and the editor marks the field (`validateCv`) — a web address without
//   `https://`, an e-mail address that is not one, a date that is only a year (`2014`) or not a date ("Sommer
//   2019"). Numbers and true/false where text belongs become text. Parts of `x-jobunivers` we cannot read fall back
//   to the defaults.
// A whole date (`2014-06-29`) becomes its month; the day is kept in the item's `extra` and written back while the
// month is unchanged. An `endDate` of "present"/"nu" means the period runs until now; so does a missing `endDate`
// after a `startDate` in a file without `x-jobunivers` (JSON Resume's convention).
import {
  CEFR_LEVELS,
  CERTIFICATE_KINDS,
  DRIVING_CATEGORIES,
  EDUCATION_LEVELS,
  EMPLOYMENT_TYPES,
  LANGUAGE_SKILLS,
  WORKING_HOURS,
  emptyCv,
  isYearMonth,
  type CertificateItem,
  type Conditions,
  type CustomItem,
  type CustomSection,
  type Cv,
  type DrivingLicences,
  type EducationItem,
  type ItemBase,
  type JobTitleItem,
  type LanguageItem,
  type ListSection,
  type ProfileItem,
  type ReferenceItem,
  type SkillItem,
  type VolunteerItem,
  type WorkItem,
} from './cv.js';
import { newId, newItem } from './new-item.js';
import { isEmail, isFullDate, isWebAddress, isYearOnly } from './formats.js';
import {
  EDITED_BASICS_FIELDS,
  EDITED_FIELDS,
  EDITED_LOCATION_FIELDS,
  EDITED_TOP_LEVEL_KEYS,
  EXTENSION_KEY,
  JSON_RESUME_SCHEMA_URL,
  type StandardSectionKey,
} from './json-resume-format.js';
import { cloneJson, isRecord, withoutKeys, type JsonRecord } from './json-values.js';

/**
 * Why a file cannot be imported (problems) or what the citizen should check after importing it (warnings).
 * Problems: `not-json`, `empty`, `too-large`, `not-an-object`, `not-a-resume`, `type`, `unreadable`.
 * Warnings: `date`, `date-year`, `url`, `email`, `coerced`, `extension`, `extension-version`, `extension-mismatch`.
 */
export type ImportIssueCode =
  | 'not-json'
  | 'empty'
  | 'too-large'
  | 'not-an-object'
  | 'not-a-resume'
  | 'type'
  | 'unreadable'
  | 'date'
  | 'date-year'
  | 'url'
  | 'email'
  | 'coerced'
  | 'extension'
  | 'extension-version'
  | 'extension-mismatch';

export interface ImportIssue {
  /** Where, as a JSON pointer into the file (RFC 6901): `/work/2/startDate`; `''` for the whole file. */
  pointer: string;
  code: ImportIssueCode;
  /** The value found there, shortened to at most 60 characters, for the message. */
  value?: string;
}

export type ImportResult = { ok: true; cv: Cv; warnings: ImportIssue[] } | { ok: false; problems: ImportIssue[] };

/** Files larger than this are not read (a CV is a few kilobytes; the server takes at most 512 KiB). */
export const IMPORT_MAX_CHARACTERS = 2 * 1024 * 1024;

/** The top-level keys of JSON Resume: a document with none of them is not a CV. */
const JSON_RESUME_KEYS = ['$schema', 'basics', 'work', 'volunteer', 'education', 'awards', 'certificates', 'publications', 'skills', 'languages', 'interests', 'references', 'projects', 'meta', EXTENSION_KEY];
const EXTENSION_FIELDS = ['version', 'profile', 'contact', 'jobTitles', 'conditions', 'drivingLicences', 'custom', 'sections'];
const PRESENT_WORDS = /^(present|current|now|today|ongoing|nu|nuværende|d\.d\.|dd|i dag|igangværende|حتى الآن|الآن)$/i;
const VALUE_LENGTH = 60;

const shorten = (text: string): string => (text.length > VALUE_LENGTH ? `${text.slice(0, VALUE_LENGTH - 1)}…` : text);

function describe(value: unknown): string {
  if (typeof value === 'string') return shorten(value);
  try {
    const json = JSON.stringify(value) as string | undefined;
    return shorten(json ?? String(value));
  } catch {
    return typeof value;
  }
}

const escapeKey = (key: string): string => key.replaceAll('~', '~0').replaceAll('/', '~1');
const at = (pointer: string, key: string | number): string => `${pointer}/${typeof key === 'number' ? String(key) : escapeKey(key)}`;

/** Reads values with their place in the file and collects what went wrong. */
class Reader {
  readonly problems: ImportIssue[] = [];
  readonly warnings: ImportIssue[] = [];
  readonly #ids = new Set<string>();

  problem(pointer: string, code: ImportIssueCode, value?: unknown): void {
    this.problems.push(value === undefined ? { pointer, code } : { pointer, code, value: describe(value) });
  }

  warn(pointer: string, code: ImportIssueCode, value?: unknown): void {
    this.warnings.push(value === undefined ? { pointer, code } : { pointer, code, value: describe(value) });
  }

  /** The id as written when it is a new one; otherwise a fresh id. */
  id(candidate: unknown): string {
    const id = typeof candidate === 'string' && candidate !== '' && !this.#ids.has(candidate) ? candidate : newId();
    this.#ids.add(id);
    return id;
  }

  /** An object (`{}` when missing), or undefined (a problem) when something else is there. */
  object(value: unknown, pointer: string): JsonRecord | undefined {
    if (value === undefined || value === null) return {};
    if (isRecord(value)) return value;
    this.problem(pointer, 'type', value);
    return undefined;
  }

  /** The objects of a list, each with its position in the file; anything else there is a problem. */
  objects(value: unknown, pointer: string): { record: JsonRecord; pointer: string }[] {
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      this.problem(pointer, 'type', value);
      return [];
    }
    const records: { record: JsonRecord; pointer: string }[] = [];
    value.forEach((item: unknown, index) => {
      if (isRecord(item)) records.push({ record: item, pointer: at(pointer, index) });
      else this.problem(at(pointer, index), 'not-an-object', item);
    });
    return records;
  }

  #asText(value: unknown, pointer: string): string {
    if (value === undefined || value === null) return '';
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') {
      this.warn(pointer, 'coerced', value);
      return String(value);
    }
    this.problem(pointer, 'type', value);
    return '';
  }

  text(record: JsonRecord, key: string, pointer: string): string {
    return this.#asText(record[key], at(pointer, key));
  }

  texts(record: JsonRecord, key: string, pointer: string): string[] {
    const value = record[key];
    const place = at(pointer, key);
    if (value === undefined || value === null) return [];
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return [this.#asText(value, place)];
    if (!Array.isArray(value)) {
      this.problem(place, 'type', value);
      return [];
    }
    return value.map((item: unknown, index) => this.#asText(item, at(place, index)));
  }

  url(record: JsonRecord, key: string, pointer: string): string {
    const value = this.text(record, key, pointer);
    if (value !== '' && !isWebAddress(value)) this.warn(at(pointer, key), 'url', value);
    return value;
  }

  email(record: JsonRecord, key: string, pointer: string): string {
    const value = this.text(record, key, pointer);
    if (value !== '' && !isEmail(value)) this.warn(at(pointer, key), 'email', value);
    return value;
  }

  /** A date field as the CV holds it (see the rule at the top); a whole date's day goes to `extra`. */
  date(record: JsonRecord, key: string, pointer: string, extra: JsonRecord, end = false): string {
    const value = this.text(record, key, pointer);
    const place = at(pointer, key);
    if (value === '') return '';
    if (end && PRESENT_WORDS.test(value.trim())) return 'present';
    if (isFullDate(value)) {
      extra[key] = value;
      const month = value.slice(0, 7);
      if (!isYearMonth(month)) this.warn(place, 'date', value);
      return month;
    }
    if (isYearOnly(value)) this.warn(place, 'date-year', value);
    else if (!isYearMonth(value)) this.warn(place, 'date', value);
    return value;
  }
}

/** An item's fields the CV does not edit (copied), or an empty object. */
const unknownFields = (record: JsonRecord, edited: readonly string[]): JsonRecord => withoutKeys(record, edited);

/** Sets `item.extra` when there is any. */
function withExtra<T extends ItemBase>(item: T, extra: JsonRecord): T {
  if (Object.keys(extra).length > 0) item.extra = extra;
  return item;
}

interface Period {
  start: string;
  end: string;
  /** The file gave an `endDate`. */
  endGiven: boolean;
}

function readPeriod(r: Reader, record: JsonRecord, pointer: string, extra: JsonRecord): Period {
  const start = r.date(record, 'startDate', pointer, extra);
  const end = r.date(record, 'endDate', pointer, extra, true);
  return { start, end, endGiven: end !== '' };
}

// ——— Standard items: the JSON Resume object → the CV item (fresh id, not hidden) ———

type Read<T> = (r: Reader, record: JsonRecord, pointer: string) => { item: T; period?: Period };

const readProfile: Read<ProfileItem> = (r, record, pointer) => ({
  item: withExtra(
    { ...newItem.profiles(), network: r.text(record, 'network', pointer), username: r.text(record, 'username', pointer), url: r.url(record, 'url', pointer) },
    unknownFields(record, EDITED_FIELDS.profiles),
  ),
});

const readWork: Read<WorkItem> = (r, record, pointer) => {
  const extra = unknownFields(record, EDITED_FIELDS.work);
  const period = readPeriod(r, record, pointer, extra);
  const item: WorkItem = {
    ...newItem.work(),
    employer: r.text(record, 'name', pointer),
    position: r.text(record, 'position', pointer),
    location: r.text(record, 'location', pointer),
    url: r.url(record, 'url', pointer),
    start: period.start,
    end: period.end,
    summary: r.text(record, 'summary', pointer),
    highlights: r.texts(record, 'highlights', pointer),
  };
  return { item: withExtra(item, extra), period };
};

const readVolunteer: Read<VolunteerItem> = (r, record, pointer) => {
  const extra = unknownFields(record, EDITED_FIELDS.volunteer);
  const period = readPeriod(r, record, pointer, extra);
  const item: VolunteerItem = {
    ...newItem.volunteer(),
    organization: r.text(record, 'organization', pointer),
    position: r.text(record, 'position', pointer),
    url: r.url(record, 'url', pointer),
    start: period.start,
    end: period.end,
    summary: r.text(record, 'summary', pointer),
    highlights: r.texts(record, 'highlights', pointer),
  };
  return { item: withExtra(item, extra), period };
};

const readEducation: Read<EducationItem> = (r, record, pointer) => {
  const extra = unknownFields(record, EDITED_FIELDS.education);
  const period = readPeriod(r, record, pointer, extra);
  const item: EducationItem = {
    ...newItem.education(),
    institution: r.text(record, 'institution', pointer),
    area: r.text(record, 'area', pointer),
    studyType: r.text(record, 'studyType', pointer),
    url: r.url(record, 'url', pointer),
    start: period.start,
    end: period.end,
    score: r.text(record, 'score', pointer),
    courses: r.texts(record, 'courses', pointer),
  };
  return { item: withExtra(item, extra), period };
};

const readCertificate: Read<CertificateItem> = (r, record, pointer) => {
  const extra = unknownFields(record, EDITED_FIELDS.certificates);
  const item: CertificateItem = {
    ...newItem.certificates(),
    name: r.text(record, 'name', pointer),
    issuer: r.text(record, 'issuer', pointer),
    date: r.date(record, 'date', pointer, extra),
    url: r.url(record, 'url', pointer),
  };
  return { item: withExtra(item, extra) };
};

const readSkill: Read<SkillItem> = (r, record, pointer) => ({
  item: withExtra(
    { ...newItem.skills(), name: r.text(record, 'name', pointer), level: r.text(record, 'level', pointer), keywords: r.texts(record, 'keywords', pointer) },
    unknownFields(record, EDITED_FIELDS.skills),
  ),
});

const NATIVE_WORDS = /^(native|native speaker|mother tongue|first language|modersmål|modersmaal|اللغة الأم)$/i;

/** Another tool's language: a fluency that is exactly a CEFR level becomes the level; "Native speaker" marks the native language. */
const readLanguage: Read<LanguageItem> = (r, record, pointer) => {
  const item: LanguageItem = { ...newItem.languages(), language: r.text(record, 'language', pointer), fluency: r.text(record, 'fluency', pointer) };
  const fluency = item.fluency.trim();
  const level = CEFR_LEVELS.find((candidate) => candidate === fluency.toUpperCase());
  if (level !== undefined) {
    item.level = level;
    item.fluency = '';
  } else if (NATIVE_WORDS.test(fluency)) {
    item.native = true;
  }
  return { item: withExtra(item, unknownFields(record, EDITED_FIELDS.languages)) };
};

const readReference: Read<ReferenceItem> = (r, record, pointer) => ({
  item: withExtra(
    { ...newItem.references(), name: r.text(record, 'name', pointer), reference: r.text(record, 'reference', pointer) },
    unknownFields(record, EDITED_FIELDS.references),
  ),
});

// ——— Our additions (`x-jobunivers`) ———

/** A value of `x-jobunivers`, checked; `fallback` (with a warning) when it is not what we wrote. */
function extensionValue<T>(r: Reader, value: unknown, pointer: string, accept: (value: unknown) => value is T, fallback: T): T {
  if (value === undefined) return fallback;
  if (accept(value)) return value;
  r.warn(pointer, 'extension', value);
  return fallback;
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';
const oneOf =
  <T extends string>(values: readonly T[]) =>
  (value: unknown): value is T =>
    typeof value === 'string' && (values as readonly string[]).includes(value);

/** The values of `list` that are in `allowed`, once each; others are reported. */
function enumList<T extends string>(r: Reader, value: unknown, pointer: string, allowed: readonly T[]): T[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    r.warn(pointer, 'extension', value);
    return [];
  }
  const result: T[] = [];
  value.forEach((entry: unknown, index) => {
    if (oneOf(allowed)(entry)) {
      if (!result.includes(entry)) result.push(entry);
    } else r.warn(at(pointer, index), 'extension', entry);
  });
  return result;
}

/** The JSON Resume field a raw value belongs to → the item's field. */
const RAW_FIELDS = new Map([
  ['startDate', 'start'],
  ['endDate', 'end'],
  ['date', 'date'],
  ['url', 'url'],
  ['email', 'email'],
]);

/** Puts our additions for one item onto the item read from the standard part (or from `entry.item`). */
function applyEntry(r: Reader, section: StandardSectionKey, item: ItemBase & Record<string, unknown>, entry: JsonRecord, pointer: string): void {
  item.id = r.id(entry['id']);
  item.hidden = extensionValue(r, entry['hidden'], at(pointer, 'hidden'), isBoolean, false);
  if ('end' in item && entry['present'] === true) item['end'] = 'present';
  const raw = entry['raw'];
  if (isRecord(raw)) {
    for (const [key, value] of Object.entries(raw)) {
      const field = RAW_FIELDS.get(key);
      if (field !== undefined && field in item && typeof value === 'string') item[field] = value;
      else r.warn(at(at(pointer, 'raw'), key), 'extension', value);
    }
  } else if (raw !== undefined) r.warn(at(pointer, 'raw'), 'extension', raw);
  const value = <T>(key: string, accept: (value: unknown) => value is T, fallback: T): T => extensionValue(r, entry[key], at(pointer, key), accept, fallback);
  switch (section) {
    case 'education':
      item['level'] = value('level', oneOf<EducationItem['level']>([...EDUCATION_LEVELS, '']), '');
      break;
    case 'certificates':
      item['kind'] = value('kind', oneOf(CERTIFICATE_KINDS), 'certificate');
      item['expires'] = value('expires', isString, '');
      break;
    case 'languages': {
      item['native'] = value('native', isBoolean, false);
      item['level'] = value('level', oneOf<LanguageItem['level']>([...CEFR_LEVELS, '']), '');
      item['perSkill'] = value('perSkill', isBoolean, false);
      const skills = isRecord(entry['skills']) ? entry['skills'] : {};
      if (entry['skills'] !== undefined && !isRecord(entry['skills'])) r.warn(at(pointer, 'skills'), 'extension', entry['skills']);
      item['skills'] = Object.fromEntries(
        LANGUAGE_SKILLS.map((skill) => [skill, extensionValue(r, skills[skill], at(at(pointer, 'skills'), skill), oneOf<LanguageItem['level']>([...CEFR_LEVELS, '']), '')]),
      );
      if (entry['derivedFluency'] === true) item['fluency'] = '';
      break;
    }
    case 'references':
      item['relation'] = value('relation', isString, '');
      item['contact'] = value('contact', isString, '');
      break;
    default:
      break;
  }
}

/**
 * A standard section, with its entry under `x-jobunivers` when there is one: the standard array gives the visible
 * items, the entries give ids, hidden items, the order and our additions.
 */
function readSection<T extends ItemBase>(
  r: Reader,
  key: StandardSectionKey,
  standardValue: unknown,
  standardPointer: string,
  extension: JsonRecord | undefined,
  read: Read<T>,
): ListSection<T> {
  const standard = r.objects(standardValue, standardPointer);
  const fromFile = (record: JsonRecord, pointer: string): T => {
    const { item, period } = read(r, record, pointer);
    // JSON Resume's convention in files without our additions: no end date after a start date means "until now".
    if (period !== undefined && !period.endGiven && period.start !== '' && 'end' in item) (item as T & { end: string }).end = 'present';
    item.id = r.id(undefined);
    return item;
  };
  const sectionPointer = at(at(`/${EXTENSION_KEY}`, 'sections'), key);
  const section = extension?.[key];
  const allFromFile = (): ListSection<T> => ({ hidden: false, items: standard.map(({ record, pointer }) => fromFile(record, pointer)) });
  if (section === undefined) return allFromFile();
  if (!isRecord(section) || !Array.isArray(section['items'])) {
    r.warn(sectionPointer, 'extension', section);
    return allFromFile();
  }
  const hidden = extensionValue(r, section['hidden'], at(sectionPointer, 'hidden'), isBoolean, false);
  const entriesPointer = at(sectionPointer, 'items');
  const entries = section['items'] as unknown[];
  const inStandard = entries.filter((entry) => !isRecord(entry) || entry['item'] === undefined).length;
  const inStep = inStandard === standard.length;
  if (!inStep) r.warn(sectionPointer, 'extension-mismatch');
  const items: T[] = [];
  let next = 0;
  entries.forEach((entry: unknown, index) => {
    const entryPointer = at(entriesPointer, index);
    if (!isRecord(entry)) {
      r.warn(entryPointer, 'extension', entry);
      return;
    }
    if (entry['item'] !== undefined) {
      const itemPointer = at(entryPointer, 'item');
      if (!isRecord(entry['item'])) {
        r.problem(itemPointer, 'not-an-object', entry['item']);
        return;
      }
      const { item } = read(r, entry['item'], itemPointer);
      applyEntry(r, key, item as T & Record<string, unknown>, entry, entryPointer);
      items.push(item);
      return;
    }
    const found = standard[next] as (typeof standard)[number] | undefined;
    if (found === undefined) return;
    const { record, pointer: recordPointer } = found;
    next++;
    if (!inStep) {
      items.push(fromFile(record, recordPointer));
      return;
    }
    const { item } = read(r, record, recordPointer);
    applyEntry(r, key, item as T & Record<string, unknown>, entry, entryPointer);
    items.push(item);
  });
  for (const { record, pointer } of standard.slice(next)) items.push(fromFile(record, pointer));
  return { hidden, items };
}

function readJobTitles(r: Reader, value: unknown, pointer: string): ListSection<JobTitleItem> {
  if (value === undefined) return { hidden: false, items: [] };
  if (!isRecord(value)) {
    r.warn(pointer, 'extension', value);
    return { hidden: false, items: [] };
  }
  const items: JobTitleItem[] = [];
  listOfRecords(r, value['items'], at(pointer, 'items')).forEach(([entry, entryPointer]) => {
    const text = (key: string): string => extensionValue(r, entry[key], at(entryPointer, key), isString, '');
    const item: JobTitleItem = { id: r.id(entry['id']), hidden: extensionValue(r, entry['hidden'], at(entryPointer, 'hidden'), isBoolean, false), title: text('title'), escoUri: text('escoUri') };
    items.push(withExtra(item, extraOf(r, entry, entryPointer)));
  });
  return { hidden: extensionValue(r, value['hidden'], at(pointer, 'hidden'), isBoolean, false), items };
}

/** The `extra` we wrote for an item of our own sections. */
function extraOf(r: Reader, entry: JsonRecord, pointer: string): JsonRecord {
  const extra = entry['extra'];
  if (extra === undefined) return {};
  if (isRecord(extra)) return cloneJson(extra);
  r.warn(at(pointer, 'extra'), 'extension', extra);
  return {};
}

/** The objects of a list in `x-jobunivers`, each with its pointer; anything else is reported and skipped. */
function listOfRecords(r: Reader, value: unknown, pointer: string): [JsonRecord, string][] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    r.warn(pointer, 'extension', value);
    return [];
  }
  const records: [JsonRecord, string][] = [];
  value.forEach((entry: unknown, index) => {
    if (isRecord(entry)) records.push([entry, at(pointer, index)]);
    else r.warn(at(pointer, index), 'extension', entry);
  });
  return records;
}

function readConditions(r: Reader, value: unknown, pointer: string): Conditions {
  const conditions = emptyCv().conditions;
  if (value === undefined) return conditions;
  if (!isRecord(value)) {
    r.warn(pointer, 'extension', value);
    return conditions;
  }
  return {
    hidden: extensionValue(r, value['hidden'], at(pointer, 'hidden'), isBoolean, false),
    hours: enumList(r, value['hours'], at(pointer, 'hours'), WORKING_HOURS),
    types: enumList(r, value['types'], at(pointer, 'types'), EMPLOYMENT_TYPES),
    availableFrom: extensionValue(r, value['availableFrom'], at(pointer, 'availableFrom'), isString, ''),
    area: extensionValue(r, value['area'], at(pointer, 'area'), isString, ''),
  };
}

function readDrivingLicences(r: Reader, value: unknown, pointer: string): DrivingLicences {
  const licences = emptyCv().drivingLicences;
  if (value === undefined) return licences;
  if (!isRecord(value)) {
    r.warn(pointer, 'extension', value);
    return licences;
  }
  const categories = enumList(r, value['categories'], at(pointer, 'categories'), DRIVING_CATEGORIES);
  return {
    hidden: extensionValue(r, value['hidden'], at(pointer, 'hidden'), isBoolean, false),
    categories: DRIVING_CATEGORIES.filter((category) => categories.includes(category)),
    note: extensionValue(r, value['note'], at(pointer, 'note'), isString, ''),
  };
}

function readCustom(r: Reader, value: unknown, pointer: string): CustomSection[] {
  return listOfRecords(r, value, pointer).map(([entry, entryPointer]) => {
    const items: CustomItem[] = listOfRecords(r, entry['items'], at(entryPointer, 'items')).map(([itemEntry, itemPointer]) => {
      const text = (key: string): string => extensionValue(r, itemEntry[key], at(itemPointer, key), isString, '');
      const item: CustomItem = {
        id: r.id(itemEntry['id']),
        hidden: extensionValue(r, itemEntry['hidden'], at(itemPointer, 'hidden'), isBoolean, false),
        title: text('title'),
        subtitle: text('subtitle'),
        summary: text('summary'),
        start: text('start'),
        end: text('end'),
      };
      return withExtra(item, extraOf(r, itemEntry, itemPointer));
    });
    const section: CustomSection = {
      id: r.id(entry['id']),
      hidden: extensionValue(r, entry['hidden'], at(entryPointer, 'hidden'), isBoolean, false),
      title: extensionValue(r, entry['title'], at(entryPointer, 'title'), isString, ''),
      items,
    };
    return withExtra(section, extraOf(r, entry, entryPointer));
  });
}

// ——— The document ———

function readDocument(r: Reader, input: unknown): Cv | undefined {
  if (!isRecord(input)) {
    r.problem('', 'not-an-object', input);
    return undefined;
  }
  if (!JSON_RESUME_KEYS.some((key) => Object.hasOwn(input, key))) {
    r.problem('', 'not-a-resume');
    return undefined;
  }
  const cv = emptyCv();
  let extension: JsonRecord | undefined;
  const extensionValueFound = input[EXTENSION_KEY];
  if (isRecord(extensionValueFound)) {
    extension = extensionValueFound;
    if (extension['version'] !== cv.schemaVersion) r.warn(`/${EXTENSION_KEY}/version`, 'extension-version', extension['version']);
  } else if (extensionValueFound !== undefined) r.warn(`/${EXTENSION_KEY}`, 'extension', extensionValueFound);
  const ext = `/${EXTENSION_KEY}`;
  const sections = extension === undefined ? undefined : isRecord(extension['sections']) ? extension['sections'] : undefined;
  if (extension?.['sections'] !== undefined && sections === undefined) r.warn(at(ext, 'sections'), 'extension', extension['sections']);

  // Contact and profile (`basics`).
  const basics = r.object(input['basics'], '/basics') ?? {};
  const location = r.object(basics['location'], '/basics/location') ?? {};
  const contactRaw = extension !== undefined && isRecord(extension['contact']) && isRecord(extension['contact']['raw']) ? extension['contact']['raw'] : {};
  const rawText = (key: string, read: () => string): string => {
    const raw = contactRaw[key];
    return typeof raw === 'string' ? raw : read();
  };
  cv.contact = {
    name: r.text(basics, 'name', '/basics'),
    headline: r.text(basics, 'label', '/basics'),
    email: rawText('email', () => r.email(basics, 'email', '/basics')),
    phone: r.text(basics, 'phone', '/basics'),
    address: r.text(location, 'address', '/basics/location'),
    postalCode: r.text(location, 'postalCode', '/basics/location'),
    city: r.text(location, 'city', '/basics/location'),
    countryCode: r.text(location, 'countryCode', '/basics/location'),
    url: rawText('url', () => r.url(basics, 'url', '/basics')),
    profiles: readSection(r, 'profiles', basics['profiles'], '/basics/profiles', sections, readProfile).items,
  };
  const profile = extension === undefined ? undefined : extension['profile'];
  const profileHidden = isRecord(profile) && profile['hidden'] === true;
  const summary = r.text(basics, 'summary', '/basics');
  cv.profile = { hidden: profileHidden, summary: profileHidden && isString(profile['summary']) ? profile['summary'] : summary };

  // Fields of `basics` we do not edit travel in `extra.basics` and are written back.
  const basicsExtra = unknownFields(basics, EDITED_BASICS_FIELDS);
  const locationExtra = unknownFields(location, EDITED_LOCATION_FIELDS);
  if (Object.keys(locationExtra).length > 0) basicsExtra['location'] = locationExtra;

  cv.work = readSection(r, 'work', input['work'], '/work', sections, readWork);
  cv.volunteer = readSection(r, 'volunteer', input['volunteer'], '/volunteer', sections, readVolunteer);
  cv.education = readSection(r, 'education', input['education'], '/education', sections, readEducation);
  cv.certificates = readSection(r, 'certificates', input['certificates'], '/certificates', sections, readCertificate);
  cv.skills = readSection(r, 'skills', input['skills'], '/skills', sections, readSkill);
  cv.languages = readSection(r, 'languages', input['languages'], '/languages', sections, readLanguage);
  cv.references = readSection(r, 'references', input['references'], '/references', sections, readReference);

  if (extension !== undefined) {
    cv.jobTitles = readJobTitles(r, extension['jobTitles'], at(ext, 'jobTitles'));
    cv.conditions = readConditions(r, extension['conditions'], at(ext, 'conditions'));
    cv.drivingLicences = readDrivingLicences(r, extension['drivingLicences'], at(ext, 'drivingLicences'));
    cv.custom = readCustom(r, extension['custom'], at(ext, 'custom'));
  }

  // Everything else at the top level is kept as it came (our own `$schema` is written again on export).
  const extra = unknownFields(input, input['$schema'] === JSON_RESUME_SCHEMA_URL ? [...EDITED_TOP_LEVEL_KEYS, '$schema'] : EDITED_TOP_LEVEL_KEYS);
  if (Object.keys(basicsExtra).length > 0) extra['basics'] = basicsExtra;
  const extensionExtra = extension === undefined ? {} : unknownFields(extension, EXTENSION_FIELDS);
  if (Object.keys(extensionExtra).length > 0) extra[EXTENSION_KEY] = extensionExtra;
  cv.extra = extra;
  return cv;
}

/**
 * Reads a JSON Resume document — our own export (losslessly) or any other tool's — into a CV. Never throws: a
 * document that cannot be read gives `{ ok: false, problems }`, field by field.
 */
export function fromJsonResume(input: unknown): ImportResult {
  const r = new Reader();
  try {
    const cv = readDocument(r, input);
    if (cv === undefined || r.problems.length > 0) return { ok: false, problems: r.problems };
    return { ok: true, cv, warnings: r.warnings };
  } catch {
    // Only a pathological value gets here (nested too deeply, a getter that throws, a cycle).
    return { ok: false, problems: [...r.problems, { pointer: '', code: 'unreadable' }] };
  }
}

/** Reads the text of a file the citizen chose. Not JSON, empty or too large: one problem saying so. */
export function parseCvFile(text: string): ImportResult {
  const content = text.replace(/^\uFEFF/, '');
  if (content.trim() === '') return { ok: false, problems: [{ pointer: '', code: 'empty' }] };
  if (content.length > IMPORT_MAX_CHARACTERS) return { ok: false, problems: [{ pointer: '', code: 'too-large' }] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    return { ok: false, problems: [{ pointer: '', code: 'not-json', value: shorten(content.trim()) }] };
  }
  return fromJsonResume(parsed);
}
