// The CV model's values the editor needs on its first load: the lists of choices, the section keys, an empty CV and
// the month check. `cv.ts` re-exports them with the model's types; the widget's first-load code imports them from here.
import type { Cv, ItemBase, ListSection, YearMonth } from './cv.js';

export const WORKING_HOURS = ['full-time', 'part-time'] as const;

export const EMPLOYMENT_TYPES = ['permanent', 'temporary', 'substitute', 'flexjob', 'seasonal', 'freelance'] as const;

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

/** Courses, certificates and the Danish "beviser" (truck, hygiejne, førstehjælp …). */
export const CERTIFICATE_KINDS = ['course', 'certificate', 'licence'] as const;

export const CEFR_LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;

/** Europass's five language skills. */
export const LANGUAGE_SKILLS = ['listening', 'reading', 'spokenInteraction', 'spokenProduction', 'writing'] as const;

/** EU driving-licence categories (directive 2006/126/EC) in the order the licence prints them. */
export const DRIVING_CATEGORIES = ['AM', 'A1', 'A2', 'A', 'B', 'BE', 'C1', 'C1E', 'C', 'CE', 'D1', 'D1E', 'D', 'DE'] as const;

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

/** The list sections (items with id/hidden that can be added, reordered, hidden and removed). */
export const LIST_SECTION_KEYS = ['jobTitles', 'work', 'education', 'certificates', 'skills', 'languages', 'volunteer', 'references'] as const;

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

const YEAR_MONTH = /^(19|20)\d{2}-(0[1-9]|1[0-2])$/;
export const isYearMonth = (value: string): value is YearMonth => YEAR_MONTH.test(value);
