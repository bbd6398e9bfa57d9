// Random valid CVs from a seed, for property tests (round trip, schema validity). The same seed always gives the
// same CV, so a failure can be replayed from the seed the test prints.
import {
  CEFR_LEVELS,
  CERTIFICATE_KINDS,
  DRIVING_CATEGORIES,
  EDUCATION_LEVELS,
  EMPLOYMENT_TYPES,
  LANGUAGE_SKILLS,
  WORKING_HOURS,
  isYearMonth,
  type CertificateItem,
  type CustomItem,
  type CustomSection,
  type Cv,
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
} from '../../src/model/cv.js';

/** mulberry32: a small, fast PRNG with a 32-bit seed. */
export class Random {
  #state: number;

  constructor(seed: number) {
    this.#state = seed >>> 0;
  }

  /** A number in [0, 1). */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(values: readonly T[]): T {
    return values[this.int(values.length)];
  }

  /** The values (in their order) each kept with probability 1/2. */
  subset<T>(values: readonly T[]): T[] {
    return values.filter(() => this.chance(0.5));
  }

  times<T>(max: number, make: () => T): T[] {
    return Array.from({ length: this.int(max + 1) }, make);
  }
}

/** Text a citizen might type, and text an attacker might. */
export const TEXTS = [
  '',
  'Lagermedarbejder',
  'Truckfører med A- og B-certifikat',
  'Søren Ærø Østergård',
  'Århus Å, Sønderborg',
  'Bilka Vejle',
  'مرحبا بالعالم',
  'محمد العلي — مساعد مستودع',
  '👩🏽‍💻🚚✨',
  '<img src=x onerror=alert(1)>',
  '"><script>alert(1)</script>',
  "'; DROP TABLE cv; --",
  'javascript:alert(1)',
  '  mellemrum før og efter  ',
  'Linje 1\nLinje 2\r\nLinje 3',
  'Tab\tog "citat" og \\backslash',
  '{{count}} %s ${x} __proto__',
  '\u202eomvendt\u202c',
  '\u0000nul',
  'ZWJ\u200dtegn',
];

export const WEB_ADDRESSES = [
  '',
  'https://eksempel.dk',
  'http://jobnet.dk/cv?id=1&x=2#top',
  'https://user@host.dk:8080/p%20q',
  'https://www.linkedin.com/in/søren', // not ASCII: kept under x-jobunivers
  'www.eksempel.dk',
  'javascript:alert(1)',
  'https://æøå.dk',
  'https://x.dk/<img src=x onerror=alert(1)>',
  'https://example.com/a b',
  'mailto:lars@eksempel.dk',
  'https://a.dk/#a#b',
  'https://a@b@c.dk',
  'https://',
];

export const EMAILS = ['', 'lars@eksempel.dk', 'amira.k+cv@mail.dk', 'lars@', 'lars @x.dk', 'søren@æøå.dk', '<img src=x onerror=alert(1)>@x.dk', 'a@b', 'a..b@c.dk'];

/** Month fields: mostly real months, sometimes what an imported file left there. */
const ODD_MONTHS = ['2014', 'Sommer 2019', '2014-13', '1850-03', '2019-03-15', 'Present', '<img src=x onerror=alert(1)>'];

/** Keys the official schema does not know in any item (`description` is a text field of `work`, so it gets text). */
const JSON_KEYS = ['x-vendor', '__proto__', 'constructor', 'toString', 'rating', 'nested', 'ملاحظة', 'æøå'];

export class CvGenerator {
  readonly random: Random;
  #counter = 0;

  constructor(seed: number) {
    this.random = new Random(seed);
  }

  text(): string {
    const r = this.random;
    if (r.chance(0.15)) return '';
    if (r.chance(0.3)) return `${r.pick(TEXTS)} ${r.pick(TEXTS)}`;
    if (r.chance(0.1)) return Array.from({ length: 1 + r.int(40) }, () => String.fromCodePoint(32 + r.int(0x2fff))).join('');
    return r.pick(TEXTS);
  }

  texts(): string[] {
    return this.random.times(3, () => this.text());
  }

  id(): string {
    this.#counter++;
    return `${this.random.pick(['id', 'item', 'سلام', '🙂', '<b>'])}-${this.random.int(1e9).toString(36)}-${String(this.#counter)}`;
  }

  month(): string {
    const r = this.random;
    if (r.chance(0.2)) return '';
    if (r.chance(0.08)) return r.pick(ODD_MONTHS);
    return `${String(1950 + r.int(80))}-${String(1 + r.int(12)).padStart(2, '0')}`;
  }

  end(): string {
    return this.random.chance(0.25) ? 'present' : this.month();
  }

  /** Any JSON value, nested at most `depth` deep. */
  json(depth = 2): unknown {
    const r = this.random;
    switch (r.int(depth > 0 ? 7 : 5)) {
      case 0:
        return this.text();
      case 1:
        return r.int(100000) - 500;
      case 2:
        return r.chance(0.5);
      case 3:
        return null;
      case 4:
        return r.int(1000) / 8;
      case 5:
        return r.times(3, () => this.json(depth - 1));
      default:
        return this.record(depth - 1);
    }
  }

  record(depth = 1): Record<string, unknown> {
    const entries = this.random.times(3, () => [this.random.pick(JSON_KEYS), this.json(depth)] as const);
    return Object.fromEntries(entries.length > 0 ? entries : [['x-vendor', this.json(depth)]]);
  }

  /** Fields another tool wrote that we keep: absent, or a non-empty object. */
  extra(): Record<string, unknown> | undefined {
    if (!this.random.chance(0.3)) return undefined;
    const extra = this.record();
    if (this.random.chance(0.3)) extra['description'] = this.text();
    return extra;
  }

  item<T extends object>(fields: T): T & ItemBase {
    const item: T & ItemBase = { id: this.id(), hidden: this.random.chance(0.2), ...fields };
    const extra = this.extra();
    if (extra !== undefined) item.extra = extra;
    return item;
  }

  /** A period; sometimes with the whole date an imported file gave, kept in `extra`. */
  period<T extends ItemBase & { start: string; end: string }>(item: T, startKey = 'startDate'): T {
    if (isYearMonth(item.start) && this.random.chance(0.15)) item.extra = { ...item.extra, [startKey]: `${item.start}-${String(1 + this.random.int(28)).padStart(2, '0')}` };
    return item;
  }

  list<T extends ItemBase>(make: () => T, max = 4): ListSection<T> {
    return { hidden: this.random.chance(0.15), items: this.random.times(max, make) };
  }

  cefr(): LanguageItem['level'] {
    return this.random.chance(0.3) ? '' : this.random.pick(CEFR_LEVELS);
  }

  cv(): Cv {
    const r = this.random;
    const profile = (): ProfileItem => this.item({ network: this.text(), username: this.text(), url: r.pick(WEB_ADDRESSES) });
    const jobTitle = (): JobTitleItem => this.item({ title: this.text(), escoUri: r.pick(WEB_ADDRESSES) });
    const work = (): WorkItem =>
      this.period(this.item({ start: this.month(), end: this.end(), position: this.text(), employer: this.text(), location: this.text(), url: r.pick(WEB_ADDRESSES), summary: this.text(), highlights: this.texts() }));
    const education = (): EducationItem =>
      this.period(
        this.item({
          start: this.month(),
          end: this.end(),
          institution: this.text(),
          area: this.text(),
          studyType: this.text(),
          level: r.chance(0.2) ? ('' as const) : r.pick(EDUCATION_LEVELS),
          url: r.pick(WEB_ADDRESSES),
          score: this.text(),
          courses: this.texts(),
        }),
      );
    const certificate = (): CertificateItem =>
      this.item({ name: this.text(), kind: r.pick(CERTIFICATE_KINDS), issuer: this.text(), date: this.month(), expires: this.month(), url: r.pick(WEB_ADDRESSES) });
    const skill = (): SkillItem => this.item({ name: this.text(), level: this.text(), keywords: this.texts() });
    const language = (): LanguageItem =>
      this.item({
        language: this.text(),
        native: r.chance(0.25),
        level: this.cefr(),
        perSkill: r.chance(0.3),
        skills: Object.fromEntries(LANGUAGE_SKILLS.map((skill) => [skill, this.cefr()])) as LanguageItem['skills'],
        fluency: r.chance(0.6) ? '' : this.text(),
      });
    const volunteer = (): VolunteerItem =>
      this.period(this.item({ start: this.month(), end: this.end(), organization: this.text(), position: this.text(), url: r.pick(WEB_ADDRESSES), summary: this.text(), highlights: this.texts() }));
    const reference = (): ReferenceItem => this.item({ name: this.text(), relation: this.text(), contact: this.text(), reference: this.text() });
    const customItem = (): CustomItem => this.item({ start: this.month(), end: this.end(), title: this.text(), subtitle: this.text(), summary: this.text() });
    const customSection = (): CustomSection => this.item({ title: this.text(), items: r.times(3, customItem) });

    const cv: Cv = {
      schemaVersion: 1,
      contact: {
        name: this.text(),
        headline: this.text(),
        email: r.pick(EMAILS),
        phone: r.pick(['', '+45 20 00 00 01', '(912) 555-4321', 'ring efter kl. 16']),
        address: this.text(),
        postalCode: r.pick(['', '7100', '8000 C']),
        city: this.text(),
        countryCode: r.pick(['DK', '', 'SE', 'dk']),
        url: r.pick(WEB_ADDRESSES),
        profiles: r.times(3, profile),
      },
      profile: { hidden: r.chance(0.2), summary: this.text() },
      jobTitles: this.list(jobTitle),
      conditions: { hidden: r.chance(0.2), hours: r.subset(WORKING_HOURS), types: r.subset(EMPLOYMENT_TYPES), availableFrom: this.month(), area: this.text() },
      work: this.list(work),
      education: this.list(education),
      certificates: this.list(certificate),
      skills: this.list(skill),
      languages: this.list(language),
      drivingLicences: { hidden: r.chance(0.2), categories: r.subset(DRIVING_CATEGORIES), note: this.text() },
      volunteer: this.list(volunteer),
      references: this.list(reference),
      custom: r.times(2, customSection),
      extra: this.topLevelExtra(),
    };
    return cv;
  }

  /** Top-level fields of other tools, valid JSON Resume where the schema knows the key. */
  topLevelExtra(): Record<string, unknown> {
    const r = this.random;
    const extra: Record<string, unknown> = {};
    const add = (key: string, value: unknown): void => {
      Object.defineProperty(extra, key, { value, enumerable: true, writable: true, configurable: true });
    };
    if (r.chance(0.3)) add('projects', r.times(2, () => ({ name: this.text(), highlights: this.texts(), url: 'https://eksempel.dk/projekt', 'x-vendor': this.json() })));
    if (r.chance(0.3)) add('awards', [{ title: this.text(), date: r.pick(['2020', '2020-05', '2020-05-17']), awarder: this.text() }]);
    if (r.chance(0.3)) add('interests', [{ name: this.text(), keywords: this.texts() }]);
    if (r.chance(0.2)) add('meta', { version: 'v1.0.0', canonical: 'https://eksempel.dk/cv.json', lastModified: '2024-03-01T12:00:00' });
    if (r.chance(0.2)) add('$schema', 'https://example.com/other-schema.json');
    if (r.chance(0.3)) add('x-vendor', this.json());
    if (r.chance(0.1)) add('__proto__', { polluted: true });
    if (r.chance(0.3)) {
      const basics: Record<string, unknown> = r.chance(0.5) ? { image: r.pick(['', 'https://eksempel.dk/foto.jpg', this.text()]) } : { 'x-vendor': this.json() };
      if (r.chance(0.5)) basics['location'] = { region: this.text() };
      add('basics', basics);
    }
    if (r.chance(0.1)) add('x-jobunivers', { future: this.json() });
    return extra;
  }
}

/** A random valid CV for `seed`. */
export const randomCv = (seed: number): Cv => new CvGenerator(seed).cv();
