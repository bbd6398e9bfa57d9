/**
 * The CV as the editor holds it. Every list item has a stable `id` (for reordering, focus and undo) and a
 * `hidden` flag (kept, but left out of the preview, the PDF and the standard part of the JSON Resume export).
 * Plain data only — no classes, no Dates — so it can be cloned, stored in IndexedDB and compared with `deepEqual`.
 * Text is stored exactly as typed; it is only ever rendered as text.
 */

/** A month, `YYYY-MM` (e.g. `2024-03`), or `''` when not given. (A plain string: typed text may be half-done.) */
export type YearMonth = string;

/** The end of a period: a month `YYYY-MM`, `present` ("nu") or `''` (not given). */
export type PeriodEnd = string;

export interface Period {
  /** `YYYY-MM` or empty. */
  start: YearMonth;
  end: PeriodEnd;
}

/** Every item in a list section has these. */
export interface ItemBase {
  /** Stable, unique within the CV (`newId()`). */
  id: string;
  /** Left out of every output, but kept. */
  hidden: boolean;
  /** Fields an imported JSON Resume item had that we do not edit; written back unchanged on export. */
  extra?: Record<string, unknown>;
}

export interface ListSection<T extends ItemBase> {
  /** The whole section is left out of every output, but kept. */
  hidden: boolean;
  items: T[];
}

export interface Contact {
  name: string;
  /** A one-line headline under the name, e.g. "Lagermedarbejder med truckcertifikat". JSON Resume `basics.label`. */
  headline: string;
  email: string;
  phone: string;
  /** Street address (optional: many leave it out). */
  address: string;
  postalCode: string;
  city: string;
  /** ISO 3166-1 alpha-2, default `DK`. */
  countryCode: string;
  /** A personal website or portfolio (http/https). */
  url: string;
  /** e.g. LinkedIn. */
  profiles: ProfileItem[];
}

export interface ProfileItem extends ItemBase {
  network: string;
  username: string;
  url: string;
}

/** "Jeg søger job som": the job titles the citizen is looking for (Jobnet's key section). */
export interface JobTitleItem extends ItemBase {
  title: string;
  /** Optional ESCO occupation URI (http/https), e.g. from ESCO-STAR. */
  escoUri: string;
}

export const WORKING_HOURS = ['full-time', 'part-time'] as const;
export type WorkingHours = (typeof WORKING_HOURS)[number];

export const EMPLOYMENT_TYPES = ['permanent', 'temporary', 'substitute', 'flexjob', 'seasonal', 'freelance'] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];

/** "Ansættelsesforhold" — Jobnet's employment conditions. */
export interface Conditions {
  hidden: boolean;
  hours: WorkingHours[];
  types: EmploymentType[];
  /** When the citizen can start: `YYYY-MM`, or empty for "straks" (at once). */
  availableFrom: YearMonth;
  /** Where the citizen will work, in their words: "Aarhus og op til 40 km". */
  area: string;
}

export interface WorkItem extends ItemBase, Period {
  position: string;
  employer: string;
  /** Town, e.g. "Vejle". */
  location: string;
  url: string;
  summary: string;
  /** Short bullet points. */
  highlights: string[];
}

/** Danish education levels, mapped to JSON Resume's free-text `studyType` on export. */
export const EDUCATION_LEVELS = [
  'primary', // folkeskole
  'upper-secondary', // gymnasial uddannelse (stx, hf, hhx, htx)
  'vocational', // erhvervsuddannelse (EUD)
  'short-cycle', // erhvervsakademi (KVU)
  'bachelor', // professionsbachelor / bachelor (MVU)
  'master', // kandidat (LVU)
  'phd',
  'other',
] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

export interface EducationItem extends ItemBase, Period {
  institution: string;
  /** The subject or line, e.g. "Lager og logistik". */
  area: string;
  /** The name of the degree as the citizen says it, e.g. "Erhvervsuddannelse", "Cand.merc." */
  studyType: string;
  level: EducationLevel | '';
  url: string;
  score: string;
  courses: string[];
}

/** Courses, certificates and the Danish "beviser" (truck, hygiejne, førstehjælp …). */
export const CERTIFICATE_KINDS = ['course', 'certificate', 'licence'] as const;
export type CertificateKind = (typeof CERTIFICATE_KINDS)[number];

export interface CertificateItem extends ItemBase {
  name: string;
  kind: CertificateKind;
  issuer: string;
  /** When it was obtained: `YYYY-MM` or empty. */
  date: YearMonth;
  /** When it runs out (e.g. first aid every 2 years): `YYYY-MM` or empty. */
  expires: YearMonth;
  url: string;
}

export interface SkillItem extends ItemBase {
  name: string;
  /** Free text ("Erfaren"); empty if not given. */
  level: string;
  keywords: string[];
}

export const CEFR_LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
export type CefrLevel = (typeof CEFR_LEVELS)[number];

/** Europass's five language skills. */
export const LANGUAGE_SKILLS = ['listening', 'reading', 'spokenInteraction', 'spokenProduction', 'writing'] as const;
export type LanguageSkill = (typeof LANGUAGE_SKILLS)[number];

export interface LanguageItem extends ItemBase {
  /** The language as the citizen names it, e.g. "Dansk", "Arabisk". */
  language: string;
  /** Native language ("modersmål"): no CEFR levels then. */
  native: boolean;
  /** One overall CEFR level, or empty. */
  level: CefrLevel | '';
  /** Per-skill levels (Europass), used instead of `level` when `perSkill` is on. */
  perSkill: boolean;
  skills: Record<LanguageSkill, CefrLevel | ''>;
  /** Free-text fluency for JSON Resume (`languages[].fluency`) when no CEFR level says it, e.g. "Flydende". */
  fluency: string;
}

/** EU driving-licence categories (directive 2006/126/EC) in the order the licence prints them. */
export const DRIVING_CATEGORIES = ['AM', 'A1', 'A2', 'A', 'B', 'BE', 'C1', 'C1E', 'C', 'CE', 'D1', 'D1E', 'D', 'DE'] as const;
export type DrivingCategory = (typeof DRIVING_CATEGORIES)[number];

export interface DrivingLicences {
  hidden: boolean;
  /** Always in `DRIVING_CATEGORIES` order, no duplicates. */
  categories: DrivingCategory[];
  /** e.g. "Kvalifikationsbevis (chaufføruddannelse)", "Eget køretøj". */
  note: string;
}

export interface VolunteerItem extends ItemBase, Period {
  organization: string;
  position: string;
  url: string;
  summary: string;
  highlights: string[];
}

export interface ReferenceItem extends ItemBase {
  name: string;
  /** Role and relation, e.g. "Tidligere leder, Bilka Vejle". */
  relation: string;
  /** Phone or e-mail, only if the reference agreed. */
  contact: string;
  /** A quote, if any. */
  reference: string;
}

export interface CustomItem extends ItemBase, Period {
  title: string;
  subtitle: string;
  summary: string;
}

/** A section the citizen named, e.g. "Hobbyer" or "Militærtjeneste". */
export interface CustomSection extends ItemBase {
  title: string;
  items: CustomItem[];
}

export interface Cv {
  /** The model's version, for migrations of stored drafts. */
  schemaVersion: 1;
  contact: Contact;
  /** Short profile ("Kort om mig"). */
  profile: { hidden: boolean; summary: string };
  jobTitles: ListSection<JobTitleItem>;
  conditions: Conditions;
  work: ListSection<WorkItem>;
  education: ListSection<EducationItem>;
  certificates: ListSection<CertificateItem>;
  skills: ListSection<SkillItem>;
  languages: ListSection<LanguageItem>;
  drivingLicences: DrivingLicences;
  volunteer: ListSection<VolunteerItem>;
  references: ListSection<ReferenceItem>;
  custom: CustomSection[];
  /** Top-level JSON Resume fields we do not edit (`projects`, `awards`, `interests`, `meta`, a vendor's keys …), kept as they came. */
  extra: Record<string, unknown>;
}

/** The sections in the order the editor and the outputs show them. */
export const SECTION_KEYS = [
  'contact',
  'profile',
  'jobTitles',
  'conditions',
  'work',
  'education',
  'certificates',
  'skills',
  'languages',
  'drivingLicences',
  'volunteer',
  'references',
  'custom',
] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

/** The list sections (items with id/hidden that can be added, reordered, hidden and removed). */
export const LIST_SECTION_KEYS = ['jobTitles', 'work', 'education', 'certificates', 'skills', 'languages', 'volunteer', 'references'] as const;
export type ListSectionKey = (typeof LIST_SECTION_KEYS)[number];
export type ItemOf<K extends ListSectionKey> = Cv[K]['items'][number];

/** A fresh id for an item; random enough that two devices never collide. */
export function newId(): string {
  return crypto.randomUUID();
}

const emptyList = <T extends ItemBase>(): ListSection<T> => ({ hidden: false, items: [] });

export function emptyCv(): Cv {
  return {
    schemaVersion: 1,
    contact: { name: '', headline: '', email: '', phone: '', address: '', postalCode: '', city: '', countryCode: 'DK', url: '', profiles: [] },
    profile: { hidden: false, summary: '' },
    jobTitles: emptyList(),
    conditions: { hidden: false, hours: [], types: [], availableFrom: '', area: '' },
    work: emptyList(),
    education: emptyList(),
    certificates: emptyList(),
    skills: emptyList(),
    languages: emptyList(),
    drivingLicences: { hidden: false, categories: [], note: '' },
    volunteer: emptyList(),
    references: emptyList(),
    custom: [],
    extra: {},
  };
}

const emptyPeriod = (): Period => ({ start: '', end: '' });

/** A blank item for each list section, as "Tilføj" creates it. */
export const newItem = {
  jobTitles: (): JobTitleItem => ({ id: newId(), hidden: false, title: '', escoUri: '' }),
  work: (): WorkItem => ({ id: newId(), hidden: false, ...emptyPeriod(), position: '', employer: '', location: '', url: '', summary: '', highlights: [] }),
  education: (): EducationItem => ({ id: newId(), hidden: false, ...emptyPeriod(), institution: '', area: '', studyType: '', level: '', url: '', score: '', courses: [] }),
  certificates: (): CertificateItem => ({ id: newId(), hidden: false, name: '', kind: 'certificate', issuer: '', date: '', expires: '', url: '' }),
  skills: (): SkillItem => ({ id: newId(), hidden: false, name: '', level: '', keywords: [] }),
  languages: (): LanguageItem => ({
    id: newId(),
    hidden: false,
    language: '',
    native: false,
    level: '',
    perSkill: false,
    skills: { listening: '', reading: '', spokenInteraction: '', spokenProduction: '', writing: '' },
    fluency: '',
  }),
  volunteer: (): VolunteerItem => ({ id: newId(), hidden: false, ...emptyPeriod(), organization: '', position: '', url: '', summary: '', highlights: [] }),
  references: (): ReferenceItem => ({ id: newId(), hidden: false, name: '', relation: '', contact: '', reference: '' }),
  profiles: (): ProfileItem => ({ id: newId(), hidden: false, network: '', username: '', url: '' }),
  customSection: (): CustomSection => ({ id: newId(), hidden: false, title: '', items: [] }),
  customItem: (): CustomItem => ({ id: newId(), hidden: false, ...emptyPeriod(), title: '', subtitle: '', summary: '' }),
} satisfies Record<ListSectionKey | 'profiles' | 'customSection' | 'customItem', () => ItemBase>;

const YEAR_MONTH = /^(19|20)\d{2}-(0[1-9]|1[0-2])$/;
export const isYearMonth = (value: string): value is YearMonth => YEAR_MONTH.test(value);
