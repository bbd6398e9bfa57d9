import { expect } from '@open-wc/testing';
import { JOBLOG_LIMITS } from '@jobunivers/contract';
import { ENTRY_LIMITS, VALIDATION_KEYS, isWebAddress, validateEntry, validationParams } from '../src/model/validate.js';
import { entry } from './model-fixtures.js';

const TODAY = '2026-03-26';
const problems = (fields: Parameters<typeof entry>[0]): Record<string, string> => Object.fromEntries(validateEntry(entry({ date: TODAY, ...fields }), TODAY));

describe('model: entry form validation', () => {
  it('accepts a complete application', () => {
    expect(problems({})).to.deep.equal({});
  });

  it('needs a title, and an employer for applications only', () => {
    expect(problems({ title: '  ', employer: '' })).to.deep.equal({ title: VALIDATION_KEYS.titleMissing, employer: VALIDATION_KEYS.employerMissing });
    expect(problems({ type: 'activity', title: '', employer: '' })).to.deep.equal({ title: VALIDATION_KEYS.activityTitleMissing });
  });

  it('wants a 4-digit postcode or none', () => {
    expect(problems({ postalCode: '' })).to.deep.equal({});
    expect(problems({ postalCode: '0800' })).to.deep.equal({});
    for (const postalCode of ['710', '71000', 'DK-7100', '7l00']) expect(problems({ postalCode }), postalCode).to.deep.equal({ postalCode: VALIDATION_KEYS.postalCode });
  });

  it('allows 0–80 hours a week (a zero-hour contract is real)', () => {
    for (const hoursPerWeek of [null, 0, 18.5, 37, 80]) expect(problems({ hoursPerWeek }), String(hoursPerWeek)).to.deep.equal({});
    for (const hoursPerWeek of [-1, 80.5, Number.NaN, Number.POSITIVE_INFINITY]) expect(problems({ hoursPerWeek }), String(hoursPerWeek)).to.deep.equal({ hoursPerWeek: VALIDATION_KEYS.hours });
  });

  it('takes only http and https links with a host', () => {
    for (const sourceUrl of ['', 'https://www.jobnet.dk/job/1', 'http://example.dk']) expect(problems({ sourceUrl }), sourceUrl).to.deep.equal({});
    for (const sourceUrl of ['javascript:alert(1)', 'www.jobnet.dk', 'https://', 'ftp://x.dk', 'https://exa mple.dk', 'data:text/html,<script>']) {
      expect(problems({ sourceUrl }), sourceUrl).to.deep.equal({ sourceUrl: VALIDATION_KEYS.url });
    }
    expect(isWebAddress('HTTPS://JOBNET.DK')).to.equal(true);
  });

  it('does not log a sent application or activity in the future, but a saved job may wait', () => {
    expect(problems({ date: '2026-03-27' })).to.deep.equal({ date: VALIDATION_KEYS.dateFuture });
    expect(problems({ type: 'activity', date: '2026-03-27' })).to.deep.equal({ date: VALIDATION_KEYS.activityDateFuture });
    expect(problems({ status: 'saved', date: '2026-04-10', deadline: '2026-04-20' })).to.deep.equal({});
    expect(problems({ date: '' })).to.deep.equal({ date: VALIDATION_KEYS.dateMissing });
    expect(problems({ date: '2026-02-30' })).to.deep.equal({ date: VALIDATION_KEYS.dateInvalid });
    expect(problems({ deadline: '2026-13-01' })).to.deep.equal({ deadline: VALIDATION_KEYS.deadlineInvalid });
    expect(problems({ deadline: '2026-12-24' })).to.deep.equal({}); // a deadline ahead is normal
  });

  it('keeps text within the contract\'s limits, and says the limit', () => {
    expect(problems({ title: 'x'.repeat(201), notes: 'y'.repeat(4001) })).to.deep.equal({ title: VALIDATION_KEYS.tooLong, notes: VALIDATION_KEYS.tooLong });
    expect(problems({ title: 'x'.repeat(200), notes: 'y'.repeat(4000) })).to.deep.equal({});
    expect(validationParams('notes')).to.deep.equal({ count: 4000 });
    expect(validationParams('date')).to.deep.equal({});
  });

  it('has the same limits as the contract', () => {
    for (const [field, limit] of Object.entries(ENTRY_LIMITS)) expect(JOBLOG_LIMITS[field as keyof typeof JOBLOG_LIMITS], field).to.equal(limit);
  });
});
