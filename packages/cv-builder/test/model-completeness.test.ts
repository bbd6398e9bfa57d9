import { expect } from '@open-wc/testing';
import { emptyCv, newItem, type Cv } from '../src/model/cv.js';
import { checkCompleteness, countItems, cvEquals, type CompletenessReport } from '../src/model/index.js';

/** A CV with exactly Jobnet's minimum. */
function minimalCv(): Cv {
  const cv = emptyCv();
  cv.contact.name = 'Amira Khalil';
  cv.contact.phone = '+45 20 00 00 01';
  cv.jobTitles.items = [{ ...newItem.jobTitles(), title: 'Lagermedarbejder' }];
  cv.conditions.hours = ['full-time'];
  cv.conditions.types = ['permanent'];
  cv.work.items = [{ ...newItem.work(), employer: 'Bilka' }];
  cv.education.items = [{ ...newItem.education(), level: 'primary' }];
  return cv;
}

const state = (report: CompletenessReport): Record<string, string> =>
  Object.fromEntries([...report.required, ...report.suggestions].map((item) => [item.check, item.key]));

describe('checkCompleteness', () => {
  it('lists what an empty CV needs, as help', () => {
    const report = checkCompleteness(emptyCv());

    expect(report.searchable).to.equal(false);
    expect(report.required.map((item) => [item.check, item.section, item.done])).to.deep.equal([
      ['contact', 'contact', false],
      ['jobTitles', 'jobTitles', false],
      ['conditions', 'conditions', false],
      ['experience', 'work', false],
      ['education', 'education', false],
    ]);
    expect(report.suggestions.map((item) => item.check)).to.deep.equal(['profile', 'skills', 'languages', 'drivingLicences']);
    expect(report.required[1]).to.include({ key: 'completeness.todo.jobTitles', label: 'completeness.label.jobTitles', hidden: false });
  });

  it('says a CV with Jobnet\'s minimum is searchable, with suggestions still open', () => {
    const report = checkCompleteness(minimalCv());

    expect(report.searchable).to.equal(true);
    expect(report.required.every((item) => item.done && item.key === `completeness.done.${item.check}`)).to.equal(true);
    expect(report.suggestions.some((item) => item.done)).to.equal(false);
  });

  it('needs a name and a way to get in touch', () => {
    const noWay = minimalCv();
    noWay.contact.phone = '';
    expect(checkCompleteness(noWay).required[0]?.done).to.equal(false);
    noWay.contact.email = 'amira@eksempel.dk';
    expect(checkCompleteness(noWay).required[0]?.done).to.equal(true);
    noWay.contact.name = '  ';
    expect(checkCompleteness(noWay).searchable).to.equal(false);
  });

  it('needs both working hours and a kind of employment', () => {
    const cv = minimalCv();
    cv.conditions.types = [];
    expect(checkCompleteness(cv).required[2]?.done).to.equal(false);
  });

  it('counts voluntary work as experience for someone who has not had a job yet', () => {
    const cv = minimalCv();
    cv.work.items = [];
    expect(checkCompleteness(cv).searchable).to.equal(false);
    cv.volunteer.items = [{ ...newItem.volunteer(), organization: 'DGI', position: 'Træner' }];
    expect(checkCompleteness(cv).searchable).to.equal(true);
  });

  it('does not count blank items', () => {
    const cv = minimalCv();
    cv.jobTitles.items = [newItem.jobTitles()];
    cv.education.items = [newItem.education()];
    expect(state(checkCompleteness(cv))).to.include({ jobTitles: 'completeness.todo.jobTitles', education: 'completeness.todo.education' });
  });

  it('says so when the content is there but hidden, instead of asking for it again', () => {
    const cv = minimalCv();
    cv.jobTitles.hidden = true;
    cv.work.items[0].hidden = true;
    cv.conditions.hidden = true;
    cv.profile = { hidden: true, summary: 'Glad for at arbejde.' };
    cv.drivingLicences = { hidden: true, categories: ['B'], note: '' };
    const report = checkCompleteness(cv);

    expect(report.searchable).to.equal(false);
    expect(state(report)).to.include({
      jobTitles: 'completeness.hidden.jobTitles',
      conditions: 'completeness.hidden.conditions',
      experience: 'completeness.hidden.experience',
      education: 'completeness.done.education',
      profile: 'completeness.hidden.profile',
      drivingLicences: 'completeness.hidden.drivingLicences',
    });
    expect(report.required.find((item) => item.check === 'jobTitles')?.hidden).to.equal(true);
  });

  it('marks the suggestions done when they are there', () => {
    const cv = minimalCv();
    cv.profile.summary = 'Stabil og glad.';
    cv.skills.items = [{ ...newItem.skills(), name: 'Truck' }];
    cv.languages.items = [{ ...newItem.languages(), language: 'Arabisk', native: true }];
    cv.drivingLicences.categories = ['B'];
    expect(checkCompleteness(cv).suggestions.every((item) => item.done)).to.equal(true);
  });
});

describe('countItems and cvEquals', () => {
  it('counts the items of every list section and of custom sections, hidden ones too', () => {
    const cv = minimalCv();
    cv.work.items.push({ ...newItem.work(), hidden: true });
    cv.custom = [{ ...newItem.customSection(), items: [newItem.customItem(), newItem.customItem()] }];
    cv.contact.profiles = [newItem.profiles()];
    expect(countItems(emptyCv())).to.equal(0);
    expect(countItems(cv)).to.equal(1 + 2 + 1 + 2);
  });

  it('compares content, not object identity', () => {
    const a = minimalCv();
    const b = structuredClone(a);
    expect(cvEquals(a, b)).to.equal(true);
    b.work.items[0].extra = {};
    expect(cvEquals(a, b)).to.equal(true);
    b.work.items[0].extra = { description: 'x' };
    expect(cvEquals(a, b)).to.equal(false);
    const c = structuredClone(a);
    c.jobTitles.items[0].title = 'Truckfører';
    expect(cvEquals(a, c)).to.equal(false);
    const d = structuredClone(a);
    d.work.items.reverse();
    d.work.items.push(newItem.work());
    expect(cvEquals(a, d)).to.equal(false);
  });
});
