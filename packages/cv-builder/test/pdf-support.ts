// CVs for the PDF tests and the PDF benchmark (bench/cv-pdf.mjs), and reading a PDF's text back with pdf.js.
import { emptyCv, newItem, type Cv } from '../src/model/cv.js';

/** A complete Danish CV with every section filled and one hidden item or section of each kind. */
export function completeCv(): Cv {
  const cv = emptyCv();
  cv.contact = {
    ...cv.contact,
    name: 'Åse Søndergaard Østergård',
    headline: 'Lagermedarbejder med truckcertifikat',
    email: 'aase@example.dk',
    phone: '+45 12 34 56 78',
    address: 'Vestergade 12, 2. th.',
    postalCode: '7100',
    city: 'Vejle',
    url: 'https://aase.example.dk',
    profiles: [
      { ...newItem.profiles(), network: 'LinkedIn', username: 'aase-s', url: 'https://www.linkedin.com/in/aase-s' },
      { ...newItem.profiles(), hidden: true, network: 'Skjultnet', username: 'skjult-profil', url: '' },
    ],
  };
  cv.profile.summary = 'Stabil og mødestabil lagermedarbejder med 8 års erfaring fra pluk, pak og varemodtagelse.\nJeg er god til at holde orden og trives i et travlt team.';
  cv.jobTitles.items = [
    { ...newItem.jobTitles(), title: 'Lagermedarbejder' },
    { ...newItem.jobTitles(), title: 'Truckfører' },
    { ...newItem.jobTitles(), hidden: true, title: 'Skjult jobtitel' },
  ];
  cv.conditions = { hidden: false, hours: ['full-time', 'part-time'], types: ['permanent', 'flexjob'], availableFrom: '2025-02', area: 'Vejle og op til 40 km' };
  cv.work.items = [
    {
      ...newItem.work(),
      position: 'Lagermedarbejder',
      employer: 'Bilka Vejle',
      location: 'Vejle',
      start: '2019-03',
      end: 'present',
      summary: 'Pluk og pak af varer til butikken, varemodtagelse og optælling.',
      highlights: ['Oplærte 6 nye kolleger i pluk med håndscanner', 'Reducerede fejlpluk med 30 % på et år'],
    },
    { ...newItem.work(), position: 'Pakkeriarbejder', employer: 'Dansk Frugt A/S', location: 'Kolding', start: '2016-08', end: '2019-02', summary: 'Sortering og pakning af frugt på samlebånd.' },
    { ...newItem.work(), hidden: true, position: 'Skjult stilling', employer: 'Skjult firma', start: '2015-01', end: '2015-06' },
  ];
  cv.education.items = [
    { ...newItem.education(), institution: 'EUC Syd', studyType: 'Erhvervsuddannelse', area: 'Lager og logistik', level: 'vocational', start: '2014-08', end: '2016-06', score: '10,2', courses: ['Lagerstyring', 'Arbejdsmiljø'] },
    { ...newItem.education(), institution: 'Vejle Østre Skole', level: 'primary', start: '2004-08', end: '2014-06' },
  ];
  cv.certificates.items = [
    { ...newItem.certificates(), kind: 'licence', name: 'Truckcertifikat B', issuer: 'AMU Syd', date: '2017-04' },
    { ...newItem.certificates(), kind: 'course', name: 'Førstehjælp', issuer: 'Dansk Førstehjælpsråd', date: '2024-01', expires: '2026-01' },
  ];
  cv.skills.items = [
    { ...newItem.skills(), name: 'Håndscanner og lagerstyring', level: 'Erfaren', keywords: ['SAP', 'Consignor'] },
    { ...newItem.skills(), name: 'Ordentlighed' },
  ];
  cv.languages.items = [
    { ...newItem.languages(), language: 'Dansk', native: true },
    { ...newItem.languages(), language: 'Engelsk', level: 'B2' },
    { ...newItem.languages(), language: 'Tysk', perSkill: true, skills: { listening: 'B1', reading: 'B1', spokenInteraction: 'A2', spokenProduction: 'A2', writing: 'A1' } },
    { ...newItem.languages(), language: 'Svensk', fluency: 'Forstår det meste' },
  ];
  cv.drivingLicences = { hidden: false, categories: ['B', 'C1', 'C1E'], note: 'Eget køretøj' };
  cv.volunteer.items = [
    { ...newItem.volunteer(), organization: 'Vejle Boldklub', position: 'Holdleder, U10', start: '2021-09', end: '', summary: 'Træning hver tirsdag.', highlights: ['Arrangerede sommerstævne for 200 børn'] },
  ];
  cv.references.items = [
    { ...newItem.references(), name: 'Karin Holm', relation: 'Tidligere leder, Bilka Vejle', contact: '+45 87 65 43 21', reference: 'Åse er den mest pålidelige medarbejder, jeg har haft.' },
  ];
  cv.custom = [
    { ...newItem.customSection(), title: 'Militærtjeneste', items: [{ ...newItem.customItem(), title: 'Værnepligt', subtitle: 'Hæren, Fredericia', start: '2014-02', end: '2014-06', summary: 'Logistikuddannelse.' }] },
    { ...newItem.customSection(), hidden: true, title: 'Skjult sektion', items: [{ ...newItem.customItem(), title: 'Skjult punkt' }] },
  ];
  return cv;
}

/** The texts of `completeCv()` that must not be printed. */
export const HIDDEN_TEXTS = ['Skjultnet', 'skjult-profil', 'Skjult jobtitel', 'Skjult stilling', 'Skjult firma', 'Skjult sektion', 'Skjult punkt'];

/** A long CV: `jobs` work items with a summary and three highlights each (about 6 jobs a page). */
export function longCv(jobs: number): Cv {
  const cv = completeCv();
  cv.work.items = Array.from({ length: jobs }, (_, index) => ({
    ...newItem.work(),
    position: `Stilling nummer ${String(index + 1)}`,
    employer: `Arbejdsgiver ${String(index + 1)} ApS`,
    location: 'Aarhus',
    start: `${String(2000 + (index % 20))}-0${String(1 + (index % 9))}`,
    end: `${String(2001 + (index % 20))}-1${String(index % 3)}`,
    summary: 'Ansvar for varemodtagelse, pluk, pak og forsendelse af ordrer til butikker og private kunder i hele Jylland, med fokus på kvalitet og sikkerhed.',
    highlights: ['Ansvarlig for den daglige optælling af varer', 'Kørte reachtruck og gaffeltruck', `Opgave nummer ${String(index + 1)} løst til tiden`],
  }));
  return cv;
}
