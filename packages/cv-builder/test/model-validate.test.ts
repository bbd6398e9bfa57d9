import { expect } from '@open-wc/testing';
import { emptyCv, newItem, type Cv } from '../src/model/cv.js';
import { isEmail, isPhone, isWebAddress, validateCv } from '../src/model/index.js';

const problems = (change: (cv: Cv) => void): Record<string, string> => {
  const cv = emptyCv();
  change(cv);
  return Object.fromEntries(validateCv(cv));
};

describe('validateCv', () => {
  it('finds nothing to point out in an empty CV, nor in blank items just added', () => {
    expect(problems(() => undefined)).to.deep.equal({});
    expect(
      problems((cv) => {
        cv.work.items.push(newItem.work());
        cv.education.items.push(newItem.education());
        cv.languages.items.push(newItem.languages());
        cv.custom.push(newItem.customSection());
      }),
    ).to.deep.equal({});
  });

  it('points out contact details in a form employers cannot use', () => {
    expect(
      problems((cv) => {
        cv.contact.email = 'lars@';
        cv.contact.phone = 'ring efter 16';
        cv.contact.url = 'www.lars.dk';
        cv.contact.countryCode = 'dk';
      }),
    ).to.deep.equal({ 'contact.email': 'problem.email', 'contact.phone': 'problem.phone', 'contact.url': 'problem.url', 'contact.countryCode': 'problem.countryCode' });
    expect(
      problems((cv) => {
        cv.contact.email = 'lars@eksempel.dk';
        cv.contact.phone = '+45 20 00 00 01';
        cv.contact.url = 'https://lars.eksempel.dk/cv?x=1';
      }),
    ).to.deep.equal({});
  });

  it('names each item\'s field by its path (section, item id, field)', () => {
    const result = problems((cv) => {
      cv.contact.profiles = [{ ...newItem.profiles(), id: 'p1', network: 'LinkedIn', url: 'linkedin.com/in/lars' }];
      cv.jobTitles.items = [{ ...newItem.jobTitles(), id: 'j1', title: 'Truckfører', escoUri: 'esco:123' }];
      cv.work.items = [{ ...newItem.work(), id: 'w1', position: 'Lager', start: '2020-05', end: '2019-01', url: 'javascript:alert(1)' }];
      cv.volunteer.items = [{ ...newItem.volunteer(), id: 'v1', organization: 'Røde Kors', start: '2014', end: 'present' }];
      cv.education.items = [{ ...newItem.education(), id: 'e1', institution: 'Campus Vejle', start: 'Sommer 2019' }];
      cv.certificates.items = [{ ...newItem.certificates(), id: 'c1', name: 'Førstehjælp', date: '2024-05', expires: '2022-05' }];
      cv.custom = [{ ...newItem.customSection(), id: 's1', title: 'Hobbyer', items: [{ ...newItem.customItem(), id: 'i1', title: 'Fodbold', start: '2021-01', end: '2020-01' }] }];
      cv.conditions.availableFrom = '2025';
    });
    expect(result).to.deep.equal({
      'contact.profiles.p1.url': 'problem.url',
      'jobTitles.j1.escoUri': 'problem.url',
      'conditions.availableFrom': 'problem.dateYearOnly',
      'work.w1.end': 'problem.endBeforeStart',
      'work.w1.url': 'problem.url',
      'volunteer.v1.start': 'problem.dateYearOnly',
      'education.e1.start': 'problem.date',
      'certificates.c1.expires': 'problem.expiresBeforeDate',
      'custom.s1.i1.end': 'problem.endBeforeStart',
    });
  });

  it('asks for the name of an item that has other things filled in', () => {
    const result = problems((cv) => {
      cv.contact.profiles = [{ ...newItem.profiles(), id: 'p1', username: 'lars' }];
      cv.work.items = [{ ...newItem.work(), id: 'w1', start: '2020-01', end: 'present' }];
      cv.volunteer.items = [{ ...newItem.volunteer(), id: 'v1', summary: 'Træner U10' }];
      cv.education.items = [{ ...newItem.education(), id: 'e1', level: 'vocational' }];
      cv.certificates.items = [{ ...newItem.certificates(), id: 'c1', issuer: 'Røde Kors' }];
      cv.skills.items = [{ ...newItem.skills(), id: 's1', keywords: ['Excel'] }];
      cv.languages.items = [{ ...newItem.languages(), id: 'l1', level: 'B2' }];
      cv.references.items = [{ ...newItem.references(), id: 'r1', relation: 'Leder' }];
      cv.custom = [{ ...newItem.customSection(), id: 'x1', items: [{ ...newItem.customItem(), id: 'i1', subtitle: 'Hver tirsdag' }] }];
    });
    expect(result).to.deep.equal({
      'contact.profiles.p1.network': 'problem.missingNetwork',
      'work.w1.position': 'problem.missingPosition',
      'volunteer.v1.organization': 'problem.missingOrganization',
      'education.e1.studyType': 'problem.missingEducation',
      'certificates.c1.name': 'problem.missingName',
      'skills.s1.name': 'problem.missingName',
      'languages.l1.language': 'problem.missingLanguage',
      'references.r1.name': 'problem.missingName',
      'custom.x1.title': 'problem.missingTitle',
      'custom.x1.i1.title': 'problem.missingTitle',
    });
  });

  it('checks hidden items too (they can be shown again)', () => {
    expect(problems((cv) => { cv.work.items = [{ ...newItem.work(), id: 'w1', hidden: true, position: 'Lager', url: 'www.x.dk' }]; })).to.deep.equal({ 'work.w1.url': 'problem.url' });
  });
});

describe('formats', () => {
  it('accepts http and https addresses only, written in full', () => {
    for (const good of ['https://eksempel.dk', 'http://jobnet.dk/cv?id=1&x=2#top', 'https://user@host.dk:8080/p%20q']) expect(isWebAddress(good), good).to.equal(true);
    for (const bad of ['', 'www.eksempel.dk', 'javascript:alert(1)', 'ftp://x.dk', 'https://', 'https://x.dk/a b', 'https://æøå.dk', 'https://x.dk/%zz', 'https://a.dk/#a#b', 'https://a@b@c.dk', 'https://x.dk/<img src=x onerror=alert(1)>']) {
      expect(isWebAddress(bad), bad).to.equal(false);
    }
  });

  it('knows an e-mail address and a phone number', () => {
    expect(['lars@eksempel.dk', 'amira.k+cv@mail.co.uk'].every(isEmail)).to.equal(true);
    expect(['lars@', 'lars@x', 'a..b@x.dk', 'lars @x.dk', 'søren@x.dk', ' lars@x.dk'].some(isEmail)).to.equal(false);
    expect(['+45 20 00 00 01', '(912) 555-4321', '20000001'].every(isPhone)).to.equal(true);
    expect(['112', 'ring efter 16', '+45 2O OO'].some(isPhone)).to.equal(false);
  });
});
