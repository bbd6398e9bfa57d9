/**
 * The words the PDF prints around the citizen's own text, in Danish and English. They belong to the exported
 * document (chosen per export), not to the editor's UI language, so they live here and load with the PDF chunk.
 */
import type { EducationLevel, EmploymentType, LanguageSkill, WorkingHours } from '../model/cv.js';

export type PdfLabelLanguage = 'da' | 'en';

export interface PdfLabels {
  /** BCP 47 language of the document (`/Lang`). */
  lang: string;
  /** Regions named through `Intl.DisplayNames` in this language. */
  locale: string;
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
  contact: { address: string; phone: string; email: string; website: string; profile: string };
  /** Short month names, January first, as printed in periods ("mar. 2024"). */
  months: readonly string[];
  present: string;
  hours: Record<WorkingHours, string>;
  employmentTypes: Record<EmploymentType, string>;
  conditions: { hours: string; types: string; availableFrom: string; immediately: string; area: string };
  educationLevels: Record<EducationLevel, string>;
  score: string;
  courses: string;
  validUntil: string;
  native: string;
  languageSkills: Record<LanguageSkill, string>;
  /** Printed under the Europass table of per-skill levels. */
  cefrNote: string;
  drivingCategories: string;
  page: (page: number, pages: number) => string;
}

const da: PdfLabels = {
  lang: 'da-DK',
  locale: 'da',
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
  contact: { address: 'Adresse', phone: 'Telefon', email: 'E-mail', website: 'Hjemmeside', profile: 'Profil' },
  months: ['jan.', 'feb.', 'mar.', 'apr.', 'maj', 'jun.', 'jul.', 'aug.', 'sep.', 'okt.', 'nov.', 'dec.'],
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
  score: 'Karakter',
  courses: 'Fag',
  validUntil: 'Gyldig til',
  native: 'Modersmål',
  languageSkills: {
    listening: 'Lytte',
    reading: 'Læse',
    spokenInteraction: 'Samtale',
    spokenProduction: 'Mundtlig fremstilling',
    writing: 'Skrive',
  },
  cefrNote: 'Niveauer: A1 og A2: basisbruger – B1 og B2: selvstændig bruger – C1 og C2: kompetent bruger (Den fælles europæiske referenceramme for sprog)',
  drivingCategories: 'Kategorier',
  page: (page, pages) => `Side ${String(page)} af ${String(pages)}`,
};

const en: PdfLabels = {
  lang: 'en-GB',
  locale: 'en-GB',
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
  contact: { address: 'Address', phone: 'Phone', email: 'Email', website: 'Website', profile: 'Profile' },
  months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
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
  score: 'Grade',
  courses: 'Subjects',
  validUntil: 'Valid until',
  native: 'Mother tongue',
  languageSkills: {
    listening: 'Listening',
    reading: 'Reading',
    spokenInteraction: 'Spoken interaction',
    spokenProduction: 'Spoken production',
    writing: 'Writing',
  },
  cefrNote: 'Levels: A1 and A2: basic user – B1 and B2: independent user – C1 and C2: proficient user (Common European Framework of Reference for Languages)',
  drivingCategories: 'Categories',
  page: (page, pages) => `Page ${String(page)} of ${String(pages)}`,
};

export const PDF_LABELS: Record<PdfLabelLanguage, PdfLabels> = { da, en };
