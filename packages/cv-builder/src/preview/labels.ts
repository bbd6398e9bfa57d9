/**
 * The words the preview prints around the citizen's own text, in Danish and English. They belong to the CV (the
 * citizen chooses its language), not to the reader's UI language, so both must be at hand at once: a small table
 * here rather than the i18n namespace.
 */
import type { CertificateKind, CefrLevel, EducationLevel, EmploymentType, LanguageSkill, WorkingHours } from '../model/cv.js';

export type PreviewLabelLanguage = 'da' | 'en';

export interface PreviewLabels {
  /** BCP 47 language of the CV (`lang` on the article). */
  lang: string;
  /** Locale for months (`Intl`) and country names (`Intl.DisplayNames`). */
  locale: string;
  /** The heading when the citizen has not written a name yet. */
  untitled: string;
  sections: {
    profile: string;
    jobTitles: string;
    conditions: string;
    work: string;
    education: string;
    certificates: string;
    skills: string;
    languages: string;
    drivingLicences: string;
    volunteer: string;
    references: string;
    /** A custom section the citizen left without a title. */
    custom: string;
  };
  contact: { address: string; phone: string; email: string; website: string; profiles: string };
  present: string;
  hours: Record<WorkingHours, string>;
  employmentTypes: Record<EmploymentType, string>;
  conditions: { hours: string; types: string; availableFrom: string; immediately: string; area: string };
  educationLevels: Record<EducationLevel, string>;
  level: string;
  score: string;
  courses: string;
  certificateKinds: Record<CertificateKind, string>;
  issuedBy: string;
  validUntil: string;
  native: string;
  language: string;
  languageSkills: Record<LanguageSkill, string>;
  cefrLevels: Record<CefrLevel, string>;
  /** The caption of the table of per-skill levels. */
  cefrTable: string;
  cefrNote: string;
  drivingCategories: string;
  /** Said when a CV has nothing to show and the caller gave no UI text for it. */
  empty: string;
}

const da: PreviewLabels = {
  lang: 'da',
  locale: 'da-DK',
  untitled: 'CV',
  sections: {
    profile: 'Profil',
    jobTitles: 'Jeg søger job som',
    conditions: 'Ansættelsesforhold',
    work: 'Erhvervserfaring',
    education: 'Uddannelse',
    certificates: 'Kurser og certifikater',
    skills: 'Kompetencer',
    languages: 'Sprog',
    drivingLicences: 'Kørekort',
    volunteer: 'Frivilligt arbejde',
    references: 'Referencer',
    custom: 'Andet',
  },
  contact: { address: 'Adresse', phone: 'Telefon', email: 'E-mail', website: 'Hjemmeside', profiles: 'Profiler' },
  present: 'nu',
  hours: { 'full-time': 'Fuldtid', 'part-time': 'Deltid' },
  employmentTypes: {
    permanent: 'Fast stilling',
    temporary: 'Tidsbegrænset stilling',
    substitute: 'Vikariat',
    flexjob: 'Fleksjob',
    seasonal: 'Sæsonarbejde',
    freelance: 'Freelance',
  },
  conditions: { hours: 'Arbejdstid', types: 'Ansættelse', availableFrom: 'Kan starte', immediately: 'Straks', area: 'Arbejdsområde' },
  educationLevels: {
    primary: 'Folkeskole',
    'upper-secondary': 'Gymnasial uddannelse',
    vocational: 'Erhvervsuddannelse',
    'short-cycle': 'Erhvervsakademiuddannelse',
    bachelor: 'Bachelor/professionsbachelor',
    master: 'Kandidatuddannelse',
    phd: 'Ph.d.',
    other: 'Anden uddannelse',
  },
  level: 'Niveau',
  score: 'Karakter',
  courses: 'Fag',
  certificateKinds: { course: 'Kursus', certificate: 'Certifikat', licence: 'Bevis' },
  issuedBy: 'Udstedt af',
  validUntil: 'Gyldigt til',
  native: 'Modersmål',
  language: 'Sprog',
  languageSkills: {
    listening: 'Lytte',
    reading: 'Læse',
    spokenInteraction: 'Samtale',
    spokenProduction: 'Mundtlig fremstilling',
    writing: 'Skrive',
  },
  cefrLevels: {
    A1: 'basisbruger',
    A2: 'basisbruger',
    B1: 'selvstændig bruger',
    B2: 'selvstændig bruger',
    C1: 'kompetent bruger',
    C2: 'kompetent bruger',
  },
  cefrTable: 'Sprogfærdigheder efter færdighed',
  cefrNote: 'Niveauer efter Den fælles europæiske referenceramme for sprog: A1 og A2 basisbruger, B1 og B2 selvstændig bruger, C1 og C2 kompetent bruger.',
  drivingCategories: 'Kategorier',
  empty: 'Der er ikke noget at vise i CV’et endnu.',
};

const en: PreviewLabels = {
  lang: 'en',
  locale: 'en-GB',
  untitled: 'CV',
  sections: {
    profile: 'Profile',
    jobTitles: 'Looking for work as',
    conditions: 'Employment preferences',
    work: 'Work experience',
    education: 'Education',
    certificates: 'Courses and certificates',
    skills: 'Skills',
    languages: 'Languages',
    drivingLicences: 'Driving licence',
    volunteer: 'Volunteer work',
    references: 'References',
    custom: 'Other',
  },
  contact: { address: 'Address', phone: 'Phone', email: 'Email', website: 'Website', profiles: 'Profiles' },
  present: 'present',
  hours: { 'full-time': 'Full-time', 'part-time': 'Part-time' },
  employmentTypes: {
    permanent: 'Permanent',
    temporary: 'Fixed-term',
    substitute: 'Substitute',
    flexjob: 'Flexjob (Danish supported employment)',
    seasonal: 'Seasonal work',
    freelance: 'Freelance',
  },
  conditions: { hours: 'Working hours', types: 'Employment', availableFrom: 'Available from', immediately: 'Immediately', area: 'Area' },
  educationLevels: {
    primary: 'Primary and lower secondary school',
    'upper-secondary': 'Upper secondary education',
    vocational: 'Vocational education',
    'short-cycle': 'Academy profession degree',
    bachelor: "Bachelor's degree",
    master: "Master's degree",
    phd: 'PhD',
    other: 'Other education',
  },
  level: 'Level',
  score: 'Grade',
  courses: 'Subjects',
  certificateKinds: { course: 'Course', certificate: 'Certificate', licence: 'Licence' },
  issuedBy: 'Issued by',
  validUntil: 'Valid until',
  native: 'Mother tongue',
  language: 'Language',
  languageSkills: {
    listening: 'Listening',
    reading: 'Reading',
    spokenInteraction: 'Spoken interaction',
    spokenProduction: 'Spoken production',
    writing: 'Writing',
  },
  cefrLevels: {
    A1: 'basic user',
    A2: 'basic user',
    B1: 'independent user',
    B2: 'independent user',
    C1: 'proficient user',
    C2: 'proficient user',
  },
  cefrTable: 'Language skills by skill',
  cefrNote: 'Levels of the Common European Framework of Reference for Languages: A1 and A2 basic user, B1 and B2 independent user, C1 and C2 proficient user.',
  drivingCategories: 'Categories',
  empty: 'There is nothing to show in the CV yet.',
};

export const PREVIEW_LABELS: Record<PreviewLabelLanguage, PreviewLabels> = { da, en };
