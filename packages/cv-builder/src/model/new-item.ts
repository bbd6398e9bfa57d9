import type {
  CertificateItem, CustomItem, CustomSection, EducationItem, ItemBase, JobTitleItem, LanguageItem, ListSectionKey, Period, ProfileItem,
  ReferenceItem, SkillItem, VolunteerItem, WorkItem,
} from './cv.js';

/** A fresh id for an item; random enough that two devices never collide. */
export function newId(): string {
  return crypto.randomUUID();
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
