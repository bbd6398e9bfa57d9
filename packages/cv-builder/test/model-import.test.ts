import { expect } from '@open-wc/testing';
import sample from '@jsonresume/schema/sample.resume.json';
import {
  CEFR_LEVELS,
  CERTIFICATE_KINDS,
  DRIVING_CATEGORIES,
  EDUCATION_LEVELS,
  EMPLOYMENT_TYPES,
  LANGUAGE_SKILLS,
  LIST_SECTION_KEYS,
  WORKING_HOURS,
  emptyCv,
  newItem,
  type Cv,
} from '../src/model/cv.js';
import { fromJsonResume, parseCvFile, toJsonResume, type ImportIssue, type ImportResult } from '../src/model/index.js';
import { CvGenerator, Random, randomCv } from './support/random-cv.js';

function cvOf(result: ImportResult): Cv {
  if (!result.ok) throw new Error(`import failed: ${JSON.stringify(result.problems)}`);
  return result.cv;
}

function problemsOf(result: ImportResult): ImportIssue[] {
  if (result.ok) throw new Error('import should have failed');
  return result.problems;
}

const warningsOf = (result: ImportResult): ImportIssue[] => (result.ok ? result.warnings : []);

const isString = (value: unknown): boolean => typeof value === 'string';
const isStrings = (value: unknown): boolean => Array.isArray(value) && value.every(isString);

/** Every field of the CV has the model's type, every id is unique: the editor can open it. */
function expectWellFormed(cv: Cv): void {
  const ids = new Set<string>();
  const item = (value: { id: unknown; hidden: unknown; extra?: unknown }): void => {
    expect(value.id).to.be.a('string').and.not.equal('');
    expect(ids.has(value.id as string), `duplicate id ${String(value.id)}`).to.equal(false);
    ids.add(value.id as string);
    expect(value.hidden).to.be.a('boolean');
    if (value.extra !== undefined) expect(value.extra).to.be.an('object');
  };
  expect(cv.schemaVersion).to.equal(1);
  for (const [key, value] of Object.entries(cv.contact)) if (key !== 'profiles') expect(value, key).to.be.a('string');
  for (const profile of cv.contact.profiles) item(profile);
  expect(cv.profile.summary).to.be.a('string');
  for (const key of LIST_SECTION_KEYS) {
    expect(cv[key].hidden).to.be.a('boolean');
    for (const entry of cv[key].items) {
      item(entry);
      for (const [field, value] of Object.entries(entry)) {
        if (['id', 'hidden', 'extra', 'native', 'perSkill', 'skills'].includes(field)) continue;
        expect(isString(value) || isStrings(value), `${key}.${field}`).to.equal(true);
      }
    }
  }
  for (const entry of cv.education.items) expect([...EDUCATION_LEVELS, '']).to.include(entry.level);
  for (const entry of cv.certificates.items) expect(CERTIFICATE_KINDS).to.include(entry.kind);
  for (const entry of cv.languages.items) {
    expect([...CEFR_LEVELS, '']).to.include(entry.level);
    expect(Object.keys(entry.skills)).to.have.members([...LANGUAGE_SKILLS]);
  }
  for (const hours of cv.conditions.hours) expect(WORKING_HOURS).to.include(hours);
  for (const type of cv.conditions.types) expect(EMPLOYMENT_TYPES).to.include(type);
  expect(cv.drivingLicences.categories).to.deep.equal(DRIVING_CATEGORIES.filter((category) => cv.drivingLicences.categories.includes(category)));
  for (const section of cv.custom) {
    item(section);
    for (const entry of section.items) item(entry);
  }
  expect(cv.extra).to.be.an('object');
}

describe('fromJsonResume: another tool\'s JSON Resume', () => {
  it('reads the official sample without warnings, keeping what it does not edit in extra', () => {
    const result = fromJsonResume(sample);
    const cv = cvOf(result);

    expect(warningsOf(result)).to.deep.equal([]);
    expectWellFormed(cv);
    expect(cv.contact).to.include({ name: 'Richard Hendriks', headline: 'Programmer', email: 'richard.hendriks@mail.com', city: 'San Francisco', countryCode: 'US' });
    expect(cv.profile.summary).to.match(/^Richard hails from Tulsa/);
    expect(cv.contact.profiles.map((profile) => profile.network)).to.deep.equal(['Twitter', 'SoundCloud']);
    expect(cv.work.items[0]).to.include({ employer: 'Pied Piper', position: 'CEO/President', start: '2013-12', end: '2014-12' });
    expect(cv.work.items[0]?.extra).to.deep.equal({ description: 'Awesome compression company', startDate: '2013-12-01', endDate: '2014-12-01' });
    expect(cv.education.items[0]).to.include({ institution: 'University of Oklahoma', studyType: 'Bachelor', area: 'Information Technology' });
    expect(cv.languages.items[0]).to.include({ language: 'English', fluency: 'Native speaker', native: true });
    expect(Object.keys(cv.extra)).to.have.members(['awards', 'publications', 'interests', 'projects', 'meta', 'basics']);
    expect(cv.extra['basics']).to.deep.equal({ image: '', location: { region: 'California' } });
  });

  it('gives every item a fresh, unique id and shows nothing hidden', () => {
    const cv = cvOf(fromJsonResume({ work: [{ name: 'A' }, { name: 'B' }], skills: [{ name: 'C' }] }));
    const ids = [...cv.work.items, ...cv.skills.items].map((item) => item.id);

    expect(new Set(ids).size).to.equal(3);
    expect([...cv.work.items, ...cv.skills.items].every((item) => !item.hidden)).to.equal(true);
  });

  it('reads a missing endDate after a startDate as "nu", as JSON Resume means it', () => {
    const cv = cvOf(fromJsonResume({ work: [{ name: 'A', startDate: '2020-01' }, { name: 'B' }, { name: 'C', startDate: '2018-01', endDate: 'Present' }] }));
    expect(cv.work.items.map((item) => item.end)).to.deep.equal(['present', '', 'present']);
  });

  it('turns a fluency that is a CEFR level into the level', () => {
    const cv = cvOf(fromJsonResume({ languages: [{ language: 'Tysk', fluency: 'b1' }, { language: 'Dansk', fluency: 'Modersmål' }, { language: 'Fransk', fluency: 'Lidt' }] }));
    expect(cv.languages.items.map(({ level, native, fluency }) => ({ level, native, fluency }))).to.deep.equal([
      { level: 'B1', native: false, fluency: '' },
      { level: '', native: true, fluency: 'Modersmål' },
      { level: '', native: false, fluency: 'Lidt' },
    ]);
  });

  it('imports odd values as written and warns, field by field, so nothing is lost', () => {
    const result = fromJsonResume({
      basics: { email: 'lars(at)eksempel.dk', url: 'www.lars.dk', location: { postalCode: 7100 } },
      work: [{ name: 'A', startDate: 'Sommer 2019', endDate: '2021' }],
      certificates: [{ name: 'Truck', date: '2019-13' }],
    });
    const cv = cvOf(result);

    expect(cv.contact).to.include({ email: 'lars(at)eksempel.dk', url: 'www.lars.dk', postalCode: '7100' });
    expect(cv.work.items[0]).to.include({ start: 'Sommer 2019', end: '2021' });
    expect(cv.certificates.items[0]?.date).to.equal('2019-13');
    expect(warningsOf(result)).to.deep.equal([
      { pointer: '/basics/email', code: 'email', value: 'lars(at)eksempel.dk' },
      { pointer: '/basics/location/postalCode', code: 'coerced', value: '7100' },
      { pointer: '/basics/url', code: 'url', value: 'www.lars.dk' },
      { pointer: '/work/0/startDate', code: 'date', value: 'Sommer 2019' },
      { pointer: '/work/0/endDate', code: 'date-year', value: '2021' },
      { pointer: '/certificates/0/date', code: 'date', value: '2019-13' },
    ]);
  });
});

describe('fromJsonResume: files that cannot be imported', () => {
  it('explains each problem with its place in the file', () => {
    const problems = problemsOf(
      fromJsonResume({
        basics: { name: { first: 'Lars' }, profiles: 'LinkedIn' },
        work: [{ name: 'A' }, 'Bilka', { highlights: ['ok', { bad: true }] }],
        education: { institution: 'Campus Vejle' },
      }),
    );
    expect(problems.map(({ pointer, code }) => ({ pointer, code }))).to.deep.equal([
      { pointer: '/basics/name', code: 'type' },
      { pointer: '/basics/profiles', code: 'type' },
      { pointer: '/work/1', code: 'not-an-object' },
      { pointer: '/work/2/highlights/1', code: 'type' },
      { pointer: '/education', code: 'type' },
    ]);
    expect(problems[0]?.value).to.equal('{"first":"Lars"}');
  });

  it('shortens long values to 60 characters', () => {
    const problems = problemsOf(fromJsonResume({ basics: { name: ['x'.repeat(200)] }, 'x-jobunivers': { sections: { work: { items: [{ id: 'a', item: 5 }] } } }, work: [] }));
    expect(problems[0]?.value).to.have.length(60);
    expect(problems[0]?.value?.endsWith('…')).to.equal(true);
    expect(problems[1]).to.deep.equal({ pointer: '/x-jobunivers/sections/work/items/0/item', code: 'not-an-object', value: '5' });
  });

  it('says when the text is not JSON, is empty or is far too large', () => {
    expect(problemsOf(parseCvFile('%PDF-1.7 binary'))).to.deep.equal([{ pointer: '', code: 'not-json', value: '%PDF-1.7 binary' }]);
    expect(problemsOf(parseCvFile('{"basics": {"name": "Lars",}'))[0]?.code).to.equal('not-json');
    expect(problemsOf(parseCvFile('  \n'))).to.deep.equal([{ pointer: '', code: 'empty' }]);
    expect(problemsOf(parseCvFile(`{"x":"${'a'.repeat(3_000_000)}"}`))).to.deep.equal([{ pointer: '', code: 'too-large' }]);
    expect(cvOf(parseCvFile('\uFEFF{"basics":{"name":"Lars"}}')).contact.name).to.equal('Lars');
  });

  it('says when the JSON is not a CV', () => {
    expect(problemsOf(fromJsonResume([1, 2]))).to.deep.equal([{ pointer: '', code: 'not-an-object', value: '[1,2]' }]);
    expect(problemsOf(fromJsonResume({ name: 'package.json', version: '1.0.0' }))).to.deep.equal([{ pointer: '', code: 'not-a-resume' }]);
    expect(problemsOf(fromJsonResume({}))).to.deep.equal([{ pointer: '', code: 'not-a-resume' }]);
  });

  it('never throws, whatever it is given', () => {
    const cyclic: Record<string, unknown> = { basics: {} };
    cyclic['work'] = [cyclic];
    cyclic['x-jobunivers'] = { custom: [{ extra: cyclic }] };
    let deep: unknown = 'bund';
    for (let level = 0; level < 100_000; level++) deep = [deep];
    const throwing = { get basics(): never { throw new Error('boom'); } };
    const proxy = new Proxy({}, { ownKeys: () => { throw new Error('boom'); }, has: () => true, get: () => { throw new Error('boom'); } });
    const inputs: unknown[] = [undefined, null, 0, NaN, 'tekst', true, [], () => 1, Symbol('x'), cyclic, { basics: { name: deep } }, { projects: deep }, throwing, proxy, new Date(), new Map()];
    for (const input of inputs) {
      const result = fromJsonResume(input);
      expect(result.ok || result.problems.length > 0, typeof input).to.equal(true);
      if (result.ok) expectWellFormed(result.cv);
    }
    expect(() => parseCvFile(`${'['.repeat(200_000)}${']'.repeat(200_000)}`)).to.not.throw();
  });

  it('reads damaged versions of our own files without throwing, into a CV the editor can open (fuzz)', () => {
    const seed = Math.floor(Math.random() * 2 ** 31);
    const random = new Random(seed);
    const values = new CvGenerator(seed);
    for (let run = 0; run < 300; run++) {
      const document = JSON.parse(JSON.stringify(toJsonResume(randomCv(seed + run)))) as unknown;
      // Replace a few values anywhere in the document with random JSON.
      for (let hit = 0; hit < 1 + random.int(4); hit++) {
        let node = document;
        for (let depth = 0; depth < 6; depth++) {
          const container = node as Record<string, unknown> | unknown[];
          const keys = Object.keys(container);
          if (keys.length === 0) break;
          const key = random.pick(keys);
          const child = (container as Record<string, unknown>)[key];
          if (typeof child !== 'object' || child === null || random.chance(0.25)) {
            (container as Record<string, unknown>)[key] = values.json();
            break;
          }
          node = child;
        }
      }
      try {
        const result = fromJsonResume(document);
        if (result.ok) expectWellFormed(result.cv);
        else expect(result.problems.length).to.be.greaterThan(0);
      } catch (error) {
        throw new Error(`Failed in run ${String(run)} of seed ${String(seed)}: ${String(error)}`, { cause: error });
      }
    }
  });
});

describe('fromJsonResume: our own files', () => {
  function ownCv(): Cv {
    const cv = emptyCv();
    cv.work.items = [
      { ...newItem.work(), id: 'w1', employer: 'Bilka' },
      { ...newItem.work(), id: 'w2', employer: 'Netto', hidden: true },
      { ...newItem.work(), id: 'w3', employer: 'Føtex' },
    ];
    cv.languages.items = [{ ...newItem.languages(), id: 'l1', language: 'Dansk', level: 'C2', perSkill: false }];
    return cv;
  }

  it('keeps the hidden items and everything it can when another program changed the standard list', () => {
    const document = toJsonResume(ownCv());
    document.work = [document.work![1]];
    const result = fromJsonResume(document);
    const cv = cvOf(result);

    expect(warningsOf(result)).to.deep.include({ pointer: '/x-jobunivers/sections/work', code: 'extension-mismatch' });
    expect(cv.work.items.map((item) => item.employer)).to.deep.equal(['Føtex', 'Netto']);
    expect(cv.work.items[1]).to.include({ id: 'w2', hidden: true });
  });

  it('gives fresh ids to items whose id is missing or already taken', () => {
    const document = toJsonResume(ownCv());
    const entries = document['x-jobunivers']!.sections.work!.items;
    entries[2].id = 'w1';
    const cv = cvOf(fromJsonResume(document));

    expect(cv.work.items[0]?.id).to.equal('w1');
    expect(cv.work.items[2]?.id).to.not.equal('w1');
    expect(cv.work.items[2]?.employer).to.equal('Føtex');
  });

  it('falls back to the defaults for parts of x-jobunivers it cannot read, and says so', () => {
    const document = toJsonResume(ownCv()) as Record<string, unknown>;
    document['skills'] = [{ name: 'Truck' }];
    document['x-jobunivers'] = { version: 2, sections: { skills: { hidden: false, items: [{ id: 's', hidden: false, raw: { 'a/b~c': 'x' } }] } }, conditions: { hours: ['full-time', 'always'], types: 'permanent' }, drivingLicences: { categories: ['C', 'B', 'B', 'Q'] }, custom: 'nej' };
    const result = fromJsonResume(document);
    const cv = cvOf(result);

    expect(cv.conditions.hours).to.deep.equal(['full-time']);
    expect(cv.conditions.types).to.deep.equal([]);
    expect(cv.drivingLicences.categories).to.deep.equal(['B', 'C']);
    expect(cv.custom).to.deep.equal([]);
    expect(warningsOf(result).map(({ pointer, code }) => `${code} ${pointer}`)).to.deep.equal([
      'extension-version /x-jobunivers/version',
      'extension /x-jobunivers/sections/skills/items/0/raw/a~1b~0c',
      'extension /x-jobunivers/conditions/hours/1',
      'extension /x-jobunivers/conditions/types',
      'extension /x-jobunivers/drivingLicences/categories/3',
      'extension /x-jobunivers/custom',
    ]);
  });

  it('keeps keys of x-jobunivers it does not know and writes them back', () => {
    const document = toJsonResume(ownCv()) as Record<string, unknown>;
    (document['x-jobunivers'] as Record<string, unknown>)['photo'] = { crop: [0, 0, 10, 10] };
    const cv = cvOf(fromJsonResume(document));

    expect(cv.extra['x-jobunivers']).to.deep.equal({ photo: { crop: [0, 0, 10, 10] } });
    expect(toJsonResume(cv)['x-jobunivers']?.['photo']).to.deep.equal({ crop: [0, 0, 10, 10] });
  });
});
