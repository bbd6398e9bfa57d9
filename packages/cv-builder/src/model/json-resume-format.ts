// JSON Resume 1.2.1 (https://jsonresume.org/schema) as TypeScript types, and our additions under `x-jobunivers`.
// Every JSON Resume object is open: fields not listed here are allowed and kept.
import type {
  CefrLevel,
  CertificateKind,
  Conditions,
  DrivingLicences,
  EducationLevel,
  LanguageSkill,
  PeriodEnd,
  YearMonth,
} from './cv.js';

/** A date as JSON Resume writes it: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
export type JsonResumeDate = string;

interface Open {
  [field: string]: unknown;
}

export interface JsonResumeLocation extends Open {
  address?: string;
  postalCode?: string;
  city?: string;
  countryCode?: string;
  region?: string;
}

export interface JsonResumeProfile extends Open {
  network?: string;
  username?: string;
  url?: string;
}

export interface JsonResumeBasics extends Open {
  name?: string;
  label?: string;
  image?: string;
  email?: string;
  phone?: string;
  url?: string;
  summary?: string;
  location?: JsonResumeLocation;
  profiles?: JsonResumeProfile[];
}

export interface JsonResumeWork extends Open {
  name?: string;
  location?: string;
  description?: string;
  position?: string;
  url?: string;
  startDate?: JsonResumeDate;
  endDate?: JsonResumeDate;
  summary?: string;
  highlights?: string[];
}

export interface JsonResumeVolunteer extends Open {
  organization?: string;
  position?: string;
  url?: string;
  startDate?: JsonResumeDate;
  endDate?: JsonResumeDate;
  summary?: string;
  highlights?: string[];
}

export interface JsonResumeEducation extends Open {
  institution?: string;
  url?: string;
  area?: string;
  studyType?: string;
  startDate?: JsonResumeDate;
  endDate?: JsonResumeDate;
  score?: string;
  courses?: string[];
}

export interface JsonResumeCertificate extends Open {
  name?: string;
  date?: JsonResumeDate;
  url?: string;
  issuer?: string;
}

export interface JsonResumeSkill extends Open {
  name?: string;
  level?: string;
  keywords?: string[];
}

export interface JsonResumeLanguage extends Open {
  language?: string;
  fluency?: string;
}

export interface JsonResumeReference extends Open {
  name?: string;
  reference?: string;
}

/** A JSON Resume 1.2.1 document as `toJsonResume` writes it (`awards`, `projects`, `meta` … pass through as unknown). */
export interface JsonResume extends Open {
  $schema?: string;
  basics?: JsonResumeBasics;
  work?: JsonResumeWork[];
  volunteer?: JsonResumeVolunteer[];
  education?: JsonResumeEducation[];
  certificates?: JsonResumeCertificate[];
  skills?: JsonResumeSkill[];
  languages?: JsonResumeLanguage[];
  references?: JsonResumeReference[];
  'x-jobunivers'?: JobuniversExtension;
}

/** The key of our additions. */
export const EXTENSION_KEY = 'x-jobunivers';

/** The `$schema` the export writes (unless the CV came with another one, which is kept). */
export const JSON_RESUME_SCHEMA_URL = 'https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json';

/** The standard arrays of JSON Resume the CV edits, by the CV's key (`contact.profiles` is `basics.profiles`). */
export const STANDARD_SECTIONS = {
  profiles: 'basics.profiles',
  work: 'work',
  volunteer: 'volunteer',
  education: 'education',
  certificates: 'certificates',
  skills: 'skills',
  languages: 'languages',
  references: 'references',
} as const;
export type StandardSectionKey = keyof typeof STANDARD_SECTIONS;

/**
 * One item of a standard section, in the CV's order. The `n`-th entry without `item` belongs to the `n`-th element
 * of the standard array; an entry with `item` is an item the standard array leaves out (hidden, or in a hidden
 * section).
 */
export interface ExtensionItem {
  /** The item's stable id. */
  id: string;
  /** The citizen hid the item: it is kept here, not in the standard array. */
  hidden: boolean;
  /** The whole item, as the standard array would hold it, when the standard array leaves it out. */
  item?: Record<string, unknown>;
  /**
   * Values of standard fields that the official schema would reject, kept exactly as typed (a web address without
   * `https://`, a half-typed e-mail address, a date that is not a month). Keys are the JSON Resume field names.
   */
  raw?: Record<string, string>;
  /** Periods (work, volunteer, education): the period runs until now ("nu"). Without it and without `endDate`, no end was given. */
  present?: true;
  /** Education: the Danish level (`vocational`, `bachelor` …). Languages: the overall CEFR level (`A1` … `C2`). Or `''`. */
  level?: EducationLevel | CefrLevel | '';
  /** Certificates: `course`, `certificate` or `licence` (the Danish "beviser"). */
  kind?: CertificateKind;
  /** Certificates: when it runs out, `YYYY-MM`, or `''`. */
  expires?: YearMonth;
  /** Languages: the citizen's native language (no CEFR levels then). */
  native?: boolean;
  /** Languages: levels per skill (Europass) instead of one `level`. */
  perSkill?: boolean;
  /** Languages: CEFR level per skill (`listening`, `reading`, `spokenInteraction`, `spokenProduction`, `writing`). */
  skills?: Record<LanguageSkill, CefrLevel | ''>;
  /** Languages: `fluency` in the standard part was written by the export from the levels; the citizen wrote none. */
  derivedFluency?: true;
  /** References: role and relation ("Tidligere leder, Bilka Vejle"). */
  relation?: string;
  /** References: phone or e-mail of the reference. */
  contact?: string;
}

export interface ExtensionSection {
  /** The citizen hid the whole section: none of its items are in the standard array. */
  hidden: boolean;
  items: ExtensionItem[];
}

/** A job title ("Jeg søger job som"). */
export interface ExtensionJobTitle {
  id: string;
  hidden: boolean;
  title: string;
  escoUri: string;
  extra?: Record<string, unknown>;
}

export interface ExtensionCustomItem {
  id: string;
  hidden: boolean;
  title: string;
  subtitle: string;
  summary: string;
  /** `YYYY-MM` or `''`. */
  start: YearMonth;
  end: PeriodEnd;
  extra?: Record<string, unknown>;
}

export interface ExtensionCustomSection {
  id: string;
  hidden: boolean;
  title: string;
  items: ExtensionCustomItem[];
  extra?: Record<string, unknown>;
}

/**
 * `x-jobunivers`: everything of the CV that JSON Resume has no place for. Written by `toJsonResume`, read back by
 * `fromJsonResume`; other tools can ignore it and still show a correct CV from the standard part.
 *
 * - `version` — the CV model's `schemaVersion` (1).
 * - `profile` — `{ hidden, summary? }`: when the short profile is hidden, its text is here (not in `basics.summary`).
 * - `contact` — `{ raw? }`: `basics.email` / `basics.url` as typed when the official schema would reject them.
 * - `jobTitles` — "Jeg søger job som": `{ hidden, items: [{ id, hidden, title, escoUri, extra? }] }`.
 * - `conditions` — employment conditions: `{ hidden, hours: ('full-time'|'part-time')[], types: ('permanent'|
 *   'temporary'|'substitute'|'flexjob'|'seasonal'|'freelance')[], availableFrom: 'YYYY-MM'|'', area }`.
 * - `drivingLicences` — `{ hidden, categories: ('AM'|'A1'|…|'DE')[], note }` (EU categories, in licence order).
 * - `custom` — the citizen's own sections: `[{ id, hidden, title, extra?, items: [{ id, hidden, title, subtitle,
 *   summary, start, end, extra? }] }]` (`end`: `YYYY-MM`, `present` or `''`).
 * - `sections` — per standard section (`profiles`, `work`, `volunteer`, `education`, `certificates`, `skills`,
 *   `languages`, `references`): `{ hidden, items: ExtensionItem[] }`, one entry per item in the CV's order, with the
 *   item's id, hidden flag, our additions and (for items the standard array leaves out) the item itself.
 *
 * Unknown keys found here on import are kept and written back.
 */
export interface JobuniversExtension {
  version: number;
  profile: { hidden: boolean; summary?: string };
  contact?: { raw: Record<string, string> };
  jobTitles: { hidden: boolean; items: ExtensionJobTitle[] };
  conditions: Conditions;
  drivingLicences: DrivingLicences;
  custom: ExtensionCustomSection[];
  sections: Partial<Record<StandardSectionKey, ExtensionSection>>;
  [key: string]: unknown;
}

/** The JSON Resume fields the CV edits, per standard section; an item's other fields are its `extra`. */
export const EDITED_FIELDS = {
  profiles: ['network', 'username', 'url'],
  work: ['name', 'position', 'location', 'url', 'startDate', 'endDate', 'summary', 'highlights'],
  volunteer: ['organization', 'position', 'url', 'startDate', 'endDate', 'summary', 'highlights'],
  education: ['institution', 'area', 'studyType', 'url', 'score', 'courses', 'startDate', 'endDate'],
  certificates: ['name', 'issuer', 'date', 'url'],
  skills: ['name', 'level', 'keywords'],
  languages: ['language', 'fluency'],
  references: ['name', 'reference'],
} as const satisfies Record<StandardSectionKey, readonly string[]>;

export const EDITED_BASICS_FIELDS = ['name', 'label', 'email', 'phone', 'url', 'summary', 'location', 'profiles'] as const;
export const EDITED_LOCATION_FIELDS = ['address', 'postalCode', 'city', 'countryCode'] as const;

/** The top-level keys the CV writes itself; any other top-level key comes from `cv.extra`. */
export const EDITED_TOP_LEVEL_KEYS = ['basics', 'work', 'volunteer', 'education', 'certificates', 'skills', 'languages', 'references', EXTENSION_KEY] as const;

