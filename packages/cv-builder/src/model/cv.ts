/**
 * The CV as the editor holds it. Every list item has a stable `id` (for reordering, focus and undo) and a
 * `hidden` flag (kept, but left out of the preview, the PDF and the standard part of the JSON Resume export).
 * Plain data only — no classes, no Dates — so it can be cloned, stored in IndexedDB and compared with `deepEqual`.
 * Text is stored exactly as typed; it is only ever rendered as text.
 */

import type { CEFR_LEVELS, CERTIFICATE_KINDS, DRIVING_CATEGORIES, EDUCATION_LEVELS, EMPLOYMENT_TYPES, LANGUAGE_SKILLS, WORKING_HOURS, LIST_SECTION_KEYS, SECTION_KEYS } from './cv-basics.js';

// The model's values are in two files of their own, which this one re-exports: what the editor needs at once (the
// lists of choices, the section keys, an empty CV: `cv-basics.ts`) and what only adding or importing items needs
// (`new-item.ts`), so the widget's first load does not carry the latter.
export * from './cv-basics.js';

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

export type WorkingHours = (typeof WORKING_HOURS)[number];

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

export type CefrLevel = (typeof CEFR_LEVELS)[number];

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

export type SectionKey = (typeof SECTION_KEYS)[number];

export type ListSectionKey = (typeof LIST_SECTION_KEYS)[number];
export type ItemOf<K extends ListSectionKey> = Cv[K]['items'][number];

export { newId, newItem } from './new-item.js';
