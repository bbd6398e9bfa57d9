// CVs for the preview and viewer tests (and stories): one with every section filled, hidden items and sections
// marked "SKJULT" so a test can prove none of them shows, and the XSS payloads typed into every field.
import { emptyCv, newItem, type Cv } from '../src/model/cv.js';

/** Every hidden thing in `completeCv()` contains this word. */
export const HIDDEN_MARK = 'SKJULT';

export function completeCv(): Cv {
  const cv = emptyCv();
  cv.contact = {
    ...cv.contact,
    name: 'Amira Hassan',
    headline: 'Lagermedarbejder med truckcertifikat',
    email: 'amira@example.dk',
    phone: '+45 20 00 00 01',
    address: 'Vestergade 12',
    postalCode: '7100',
    city: 'Vejle',
    countryCode: 'SE',
    url: 'amira.example.dk/portfolio',
    profiles: [
      { ...newItem.profiles(), network: 'LinkedIn', username: 'amirahassan', url: 'https://www.linkedin.com/in/amirahassan' },
      { ...newItem.profiles(), hidden: true, network: `${HIDDEN_MARK} profil`, username: 'x', url: 'https://skjult.example.dk' },
    ],
  };
  cv.profile = { hidden: false, summary: 'Stabil og mødestabil.\nGod til at samarbejde.' };
  cv.jobTitles.items = [
    { ...newItem.jobTitles(), title: 'Lagermedarbejder' },
    { ...newItem.jobTitles(), title: 'Truckfører' },
    { ...newItem.jobTitles(), hidden: true, title: `${HIDDEN_MARK} jobtitel` },
  ];
  cv.conditions = { hidden: false, hours: ['part-time', 'full-time'], types: ['permanent', 'substitute'], availableFrom: '2025-02', area: 'Vejle og op til 40 km' };
  cv.work.items = [
    {
      ...newItem.work(), position: 'Lagermedarbejder', employer: 'Bilka Vejle', location: 'Vejle', start: '2024-03', end: 'present',
      summary: 'Plukker og pakker ordrer.', highlights: ['Kører A- og B-truck', 'Oplærer nye kolleger'], url: 'https://bilka.dk',
    },
    { ...newItem.work(), position: 'Pakkeriarbejder', employer: 'Dansk Pakkeri', location: 'Kolding', start: '2019-01', end: '2023-12', summary: '', highlights: [] },
    { ...newItem.work(), hidden: true, position: `${HIDDEN_MARK} stilling`, employer: 'Skjult ApS', start: '2010-01', end: '2011-01' },
  ];
  cv.education.items = [
    {
      ...newItem.education(), institution: 'EUC Syd', area: 'Lager og logistik', studyType: 'Erhvervsuddannelse', level: 'vocational',
      start: '2016-08', end: '2018-06', score: '7,4', courses: ['Lagerstyring', 'Truck'],
    },
    { ...newItem.education(), hidden: true, institution: `${HIDDEN_MARK} skole` },
  ];
  cv.certificates.items = [
    { ...newItem.certificates(), name: 'Truckcertifikat B', kind: 'licence', issuer: 'AMU Syd', date: '2017-05', expires: '' },
    { ...newItem.certificates(), name: 'Førstehjælp', kind: 'course', issuer: 'Dansk Førstehjælpsråd', date: '2024-09', expires: '2026-09' },
    { ...newItem.certificates(), hidden: true, name: `${HIDDEN_MARK} bevis` },
  ];
  cv.skills.items = [
    { ...newItem.skills(), name: 'Lagerstyring', level: 'Erfaren', keywords: ['WMS', 'Stregkodescanner'] },
    { ...newItem.skills(), hidden: true, name: `${HIDDEN_MARK} kompetence` },
  ];
  cv.languages.items = [
    { ...newItem.languages(), language: 'Arabisk', native: true },
    { ...newItem.languages(), language: 'Dansk', level: 'B2' },
    {
      ...newItem.languages(), language: 'Engelsk', perSkill: true,
      skills: { listening: 'C1', reading: 'B2', spokenInteraction: 'B1', spokenProduction: 'B1', writing: '' },
    },
    { ...newItem.languages(), language: 'Tysk', fluency: 'Lidt' },
    { ...newItem.languages(), hidden: true, language: `${HIDDEN_MARK} sprog`, level: 'A1' },
  ];
  cv.drivingLicences = { hidden: false, categories: ['CE', 'B', 'C'], note: 'Kvalifikationsbevis (chaufføruddannelse)' };
  cv.volunteer.items = [
    { ...newItem.volunteer(), organization: 'Røde Kors', position: 'Frivillig i genbrugsbutik', start: '2022-05', end: '', summary: 'Sorterer tøj.', highlights: [] },
    { ...newItem.volunteer(), hidden: true, organization: `${HIDDEN_MARK} forening` },
  ];
  cv.references.items = [
    { ...newItem.references(), name: 'Jens Holm', relation: 'Tidligere leder, Dansk Pakkeri', contact: 'jens@example.dk', reference: 'Amira er altid til at regne med.' },
    { ...newItem.references(), hidden: true, name: `${HIDDEN_MARK} reference` },
  ];
  cv.custom = [
    {
      ...newItem.customSection(), title: 'Hobbyer',
      items: [
        { ...newItem.customItem(), title: 'Fodboldtræner', subtitle: 'Vejle Boldklub', start: '2021-08', end: 'present', summary: 'Træner U10.' },
        { ...newItem.customItem(), hidden: true, title: `${HIDDEN_MARK} hobby` },
      ],
    },
    { ...newItem.customSection(), title: '', items: [{ ...newItem.customItem(), title: 'Militærtjeneste', subtitle: 'Hæren', start: '2015-02', end: '2015-10', summary: '' }] },
    { ...newItem.customSection(), hidden: true, title: `${HIDDEN_MARK} sektion`, items: [{ ...newItem.customItem(), title: 'Noget' }] },
  ];
  return cv;
}

/** A CV with one whole section of each kind hidden (the items themselves visible). */
export function cvWithHiddenSections(): Cv {
  const cv = completeCv();
  cv.profile.hidden = true;
  cv.jobTitles.hidden = true;
  cv.conditions.hidden = true;
  cv.work.hidden = true;
  cv.education.hidden = true;
  cv.certificates.hidden = true;
  cv.skills.hidden = true;
  cv.languages.hidden = true;
  cv.drivingLicences.hidden = true;
  cv.volunteer.hidden = true;
  cv.references.hidden = true;
  for (const section of cv.custom) section.hidden = true;
  return cv;
}

/** The visible text of `completeCv()` that the Danish preview must show, field by field. */
export const VISIBLE_TEXT = [
  'Amira Hassan', 'Lagermedarbejder med truckcertifikat', 'amira@example.dk', '+45 20 00 00 01', 'Vestergade 12, 7100 Vejle, Sverige',
  'amira.example.dk/portfolio', 'LinkedIn: amirahassan',
  'Stabil og mødestabil.', 'God til at samarbejde.',
  'Lagermedarbejder', 'Truckfører',
  'Fuldtid, Deltid', 'Fast stilling, Vikariat', 'feb. 2025', 'Vejle og op til 40 km',
  'Bilka Vejle, Vejle', 'mar. 2024 – nu', 'Plukker og pakker ordrer.', 'Kører A- og B-truck', 'Oplærer nye kolleger', 'https://bilka.dk',
  'Pakkeriarbejder', 'Dansk Pakkeri, Kolding', 'jan. 2019 – dec. 2023',
  'Erhvervsuddannelse, Lager og logistik', 'EUC Syd', 'aug. 2016 – jun. 2018', 'Erhvervsuddannelse', '7,4', 'Lagerstyring, Truck',
  'Truckcertifikat B', 'Bevis, AMU Syd', 'maj 2017', 'Førstehjælp', 'Kursus, Dansk Førstehjælpsråd', 'sep. 2024', 'Gyldigt til sep. 2026',
  'Lagerstyring', 'Erfaren', 'WMS, Stregkodescanner',
  'Arabisk', 'Modersmål', 'Dansk', 'B2 (selvstændig bruger)', 'Engelsk', 'C1', 'B1', 'Tysk', 'Lidt',
  'B, C, CE', 'Kvalifikationsbevis (chaufføruddannelse)',
  'Frivillig i genbrugsbutik', 'Røde Kors', 'maj 2022', 'Sorterer tøj.',
  'Jens Holm', 'Tidligere leder, Dansk Pakkeri', 'jens@example.dk', 'Amira er altid til at regne med.',
  'Hobbyer', 'Fodboldtræner', 'Vejle Boldklub', 'aug. 2021 – nu', 'Træner U10.',
  'Andet', 'Militærtjeneste', 'Hæren', 'feb. 2015 – okt. 2015',
];

/** The Danish section headings of `completeCv()`, in order. */
export const SECTION_HEADINGS_DA = [
  'Profil', 'Jeg søger job som', 'Ansættelsesforhold', 'Erhvervserfaring', 'Uddannelse', 'Kurser og certifikater', 'Kompetencer',
  'Sprog', 'Kørekort', 'Frivilligt arbejde', 'Referencer', 'Hobbyer', 'Andet',
];

/** Payloads that would run if anything were rendered as HTML or bound unsafely. Each sets `window.__xss`. */
export const XSS_PAYLOADS = [
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=1</script>',
  '"><svg onload="window.__xss=1">',
  'javascript:window.__xss=1',
  '<a href="javascript:window.__xss=1">klik</a>',
  '{{constructor.constructor("window.__xss=1")()}}',
  '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
];

/** `completeCv()` with one payload in every text field (by index, so every payload lands somewhere). */
export function cvFullOfPayloads(): Cv {
  let index = 0;
  const next = (): string => XSS_PAYLOADS[index++ % XSS_PAYLOADS.length] ?? '';
  const cv = completeCv();
  const fill = (object: Record<string, unknown>): void => {
    for (const [key, value] of Object.entries(object)) {
      if (key === 'id' || key === 'start' || key === 'end' || key === 'date' || key === 'expires' || key === 'availableFrom'
        || key === 'countryCode' || key === 'level' || key === 'kind' || key === 'schemaVersion') continue;
      if (typeof value === 'string') object[key] = next();
      else if (Array.isArray(value)) value.forEach((entry, position) => {
        if (typeof entry === 'string') (value as unknown[])[position] = next();
        else if (entry !== null && typeof entry === 'object') fill(entry as Record<string, unknown>);
      });
      else if (value !== null && typeof value === 'object') fill(value as Record<string, unknown>);
    }
  };
  fill(cv as unknown as Record<string, unknown>);
  return cv;
}
