import { expect } from '@open-wc/testing';
import { DEFAULT_REQUIREMENT, type JoblogEntry, type Requirement } from '../src/model/entry.js';
import { countsTowardRequirement, readRequirement, weeklyCounts } from '../src/model/requirement.js';
import { addDays, weekStart } from '../src/model/weeks.js';
import { entry, random } from './model-fixtures.js';

const requirement = (fields: Partial<Requirement> = {}): Requirement => ({ ...DEFAULT_REQUIREMENT, ...fields });

/** `count` applications dated on the Tuesday of `week`. */
const applied = (week: string, count: number, fields: Partial<JoblogEntry> = {}): JoblogEntry[] =>
  Array.from({ length: count }, () => entry({ date: addDays(weekStart(week), 1), ...fields }));

// Thursday 26 March 2026 is in week 13; the four-week window is weeks 10–13.
const THURSDAY_W13 = '2026-03-26';

describe('model: the requirement meter', () => {
  it('counts this week and averages the last four weeks, this week included (1.5 a week: 6 in 4 weeks)', () => {
    const entries = [...applied('2026-W10', 2), ...applied('2026-W11', 1), ...applied('2026-W12', 2), ...applied('2026-W13', 1)];
    const meter = readRequirement(entries, requirement(), THURSDAY_W13);
    expect(meter.week).to.equal('2026-W13');
    expect(meter.thisWeek).to.equal(1);
    expect(meter.window.map((week) => [week.week, week.count])).to.deep.equal([['2026-W10', 2], ['2026-W11', 1], ['2026-W12', 2], ['2026-W13', 1]]);
    expect(meter.total).to.equal(6);
    expect(meter.countedWeeks).to.equal(4);
    expect(meter.average).to.equal(1.5);
    expect(meter.needed).to.equal(6);
    expect(meter.more).to.equal(0);
    expect(meter.status).to.equal('on-track');
    expect(meter.message).to.deep.equal({ key: 'requirement.message.onTrack', params: {} });
    expect(meter.details).to.deep.include({ key: 'requirement.detail.applications', params: { count: 6, weeks: 4 } });
  });

  it('says "1–2 this week" for 1.5 and lets the four-week average decide how many more', () => {
    const entries = [...applied('2026-W10', 2), ...applied('2026-W11', 1), ...applied('2026-W12', 2)];
    const meter = readRequirement(entries, requirement(), THURSDAY_W13);
    expect(meter.weekNeeds).to.deep.equal({ low: 1, high: 2 });
    expect(meter.more).to.equal(1);
    expect(meter.status).to.equal('on-track');
    expect(meter.message).to.deep.equal({ key: 'requirement.message.more', params: { count: 1 } });
    expect(meter.details).to.deep.include({ key: 'requirement.target.range', params: { low: 1, high: 2, needed: 6, weeks: 4 } });
  });

  it('leaves exempt weeks out of both the count and the number of weeks', () => {
    // Three applications logged during the holiday week do not count either: the week is out of the average.
    const entries = [...applied('2026-W10', 2), ...applied('2026-W11', 3), ...applied('2026-W12', 2)];
    const holiday = requirement({ exemptWeeks: [{ week: '2026-W11', reason: 'holiday' }] });
    const meter = readRequirement(entries, holiday, THURSDAY_W13);
    expect(meter.countedWeeks).to.equal(3);
    expect(meter.total).to.equal(4);
    expect(meter.average).to.be.closeTo(4 / 3, 1e-9);
    expect(meter.needed).to.equal(5); // ceil(1.5 × 3)
    expect(meter.more).to.equal(1);
    expect(meter.window[1]).to.deep.equal({ week: '2026-W11', count: 3, exempt: 'holiday' });
    expect(meter.details).to.deep.include({ key: 'requirement.detail.exemptWeeks', params: { count: 1 } });

    const withoutHoliday = readRequirement(entries, requirement(), THURSDAY_W13);
    expect([withoutHoliday.countedWeeks, withoutHoliday.total, withoutHoliday.more]).to.deep.equal([4, 7, 0]);
  });

  it('asks nothing in an exempt week, and says so kindly', () => {
    const sick = requirement({ exemptWeeks: [{ week: '2026-W13', reason: 'sickness' }] });
    const meter = readRequirement(applied('2026-W10', 1), sick, THURSDAY_W13);
    expect(meter.status).to.equal('exempt');
    expect(meter.exempt).to.equal('sickness');
    expect(meter.more).to.equal(0);
    expect(meter.message.key).to.equal('requirement.message.exempt.sickness');
    const holiday = readRequirement([], requirement({ exemptWeeks: [{ week: '2026-W13', reason: 'holiday' }] }), THURSDAY_W13);
    expect(holiday.message.key).to.equal('requirement.message.exempt.holiday');
  });

  it('requires nothing when every week of the window is exempt', () => {
    const weeks = ['2026-W10', '2026-W11', '2026-W12', '2026-W13'];
    const allOff = requirement({ exemptWeeks: weeks.map((week) => ({ week, reason: 'exemption' as const })) });
    const meter = readRequirement(applied('2026-W09', 1), allOff, THURSDAY_W13);
    expect(meter.countedWeeks).to.equal(0);
    expect(meter.needed).to.equal(0);
    expect(meter.more).to.equal(0);
    expect(meter.average).to.equal(0);
    expect(meter.status).to.equal('exempt');
  });

  it('scales the requirement for part time: 1.5 × 0.5 is 3 in four weeks, "up to 1" a week', () => {
    const partTime = requirement({ scale: 0.5 });
    const entries = [...applied('2026-W10', 1), ...applied('2026-W11', 1)];
    const meter = readRequirement(entries, partTime, THURSDAY_W13);
    expect(meter.target).to.equal(0.75);
    expect(meter.weekNeeds).to.deep.equal({ low: 0, high: 1 });
    expect(meter.needed).to.equal(3);
    expect(meter.more).to.equal(1);
    expect(meter.status).to.equal('on-track');
    expect(meter.details).to.deep.include({ key: 'requirement.target.upTo', params: { needed: 3, weeks: 4 } });
    expect(meter.details).to.deep.include({ key: 'requirement.target.partTime', params: { percent: 50 } });
    // The same log full time needs 4 more.
    expect(readRequirement(entries, requirement(), THURSDAY_W13).more).to.equal(4);
  });

  it('does not round binary fractions up into one more application (1.5 × 0.6 × 4 = 3.6 → 4, not 5)', () => {
    const meter = readRequirement(applied('2026-W10', 4), requirement({ scale: 0.6 }), THURSDAY_W13);
    expect(meter.needed).to.equal(4);
    expect(meter.more).to.equal(0);
  });

  it('combines part time and an exempt week', () => {
    const both = requirement({ scale: 0.5, exemptWeeks: [{ week: '2026-W12', reason: 'sickness' }] });
    const meter = readRequirement([...applied('2026-W10', 1), ...applied('2026-W12', 5)], both, THURSDAY_W13);
    expect(meter.countedWeeks).to.equal(3);
    expect(meter.total).to.equal(1);
    expect(meter.needed).to.equal(3); // ceil(0.75 × 3)
    expect(meter.more).to.equal(2);
    expect(meter.status).to.equal('behind');
  });

  it('calls a week well ahead "ahead", and a big gap "behind" — still as "n more this week"', () => {
    const ahead = readRequirement([...applied('2026-W10', 3), ...applied('2026-W11', 3), ...applied('2026-W12', 3)], requirement(), THURSDAY_W13);
    expect(ahead.status).to.equal('ahead');
    expect(ahead.message.key).to.equal('requirement.message.ahead');
    const behind = readRequirement(applied('2026-W10', 1), requirement(), THURSDAY_W13);
    expect(behind.more).to.equal(5);
    expect(behind.status).to.equal('behind');
    expect(behind.message).to.deep.equal({ key: 'requirement.message.catchUp', params: { count: 5 } });
  });

  it('does not count weeks before the log began, unless told to', () => {
    const fresh = readRequirement(applied('2026-W13', 1), requirement(), THURSDAY_W13);
    expect(fresh.window.map((week) => week.week)).to.deep.equal(['2026-W13']);
    expect(fresh.more).to.equal(1);
    expect(fresh.details).to.deep.include({ key: 'requirement.detail.applicationsThisWeek', params: { count: 1 } });
    const empty = readRequirement([], requirement(), THURSDAY_W13);
    expect([empty.more, empty.status, empty.message.key]).to.deep.equal([2, 'on-track', 'requirement.message.more']);
    const whole = readRequirement(applied('2026-W13', 1), requirement(), THURSDAY_W13, { countFrom: null });
    expect(whole.window).to.have.length(4);
    expect(whole.more).to.equal(5);
    const agreed = readRequirement([], requirement(), THURSDAY_W13, { countFrom: '2026-03-10' });
    expect(agreed.window.map((week) => week.week)).to.deep.equal(['2026-W11', '2026-W12', '2026-W13']);
  });

  it('takes the window across the turn of a year with a week 53', () => {
    const entries = [entry({ date: '2026-12-08' }), entry({ date: '2026-12-15' }), entry({ date: '2026-12-31' }), entry({ date: '2027-01-02' }), entry({ date: '2027-01-05' })];
    const inWeek53 = readRequirement(entries, requirement(), '2027-01-01');
    expect(inWeek53.week).to.equal('2026-W53');
    expect(inWeek53.thisWeek).to.equal(2); // 31 December and 2 January
    expect(inWeek53.window.map((week) => week.week)).to.deep.equal(['2026-W50', '2026-W51', '2026-W52', '2026-W53']);
    const after = readRequirement(entries, requirement(), '2027-01-06');
    expect(after.week).to.equal('2027-W01');
    expect(after.thisWeek).to.equal(1);
    expect(after.window.map((week) => [week.week, week.count])).to.deep.equal([['2026-W51', 1], ['2026-W52', 0], ['2026-W53', 2], ['2027-W01', 1]]);
  });

  it('counts an application dated on the Sunday of a DST change in that week, not the next', () => {
    const entries = [entry({ date: '2026-03-29' }), entry({ date: '2026-10-25' })];
    expect(readRequirement(entries, requirement(), '2026-03-29').thisWeek).to.equal(1);
    expect(readRequirement(entries, requirement(), '2026-03-30').thisWeek).to.equal(0);
    expect(readRequirement(entries, requirement(), '2026-10-25').thisWeek).to.equal(1);
    expect(readRequirement(entries, requirement(), '2026-10-26').thisWeek).to.equal(0);
  });

  it('counts sent applications, never saved ones, and activities only when the job centre counts them', () => {
    const log = [
      entry({ date: '2026-03-24', status: 'applied' }),
      entry({ date: '2026-03-24', status: 'interview' }),
      entry({ date: '2026-03-24', status: 'closed', outcome: 'rejected' }),
      entry({ date: '2026-03-24', status: 'saved' }),
      entry({ date: '2026-03-24', type: 'activity' }),
      entry({ date: '2026-03-24', type: 'activity', status: 'saved' }),
    ];
    expect(readRequirement(log, requirement(), THURSDAY_W13).thisWeek).to.equal(3);
    expect(readRequirement(log, requirement({ activitiesCount: true }), THURSDAY_W13).thisWeek).to.equal(4);
    expect(countsTowardRequirement(entry({ date: 'not a date' }), requirement())).to.equal(false);
    const withActivities = readRequirement(log, requirement({ activitiesCount: true }), THURSDAY_W13);
    expect(withActivities.details[0]?.key).to.equal('requirement.detail.entriesThisWeek');
  });

  it('has nothing to say about a requirement of 0', () => {
    const meter = readRequirement(applied('2026-W13', 2), requirement({ perWeek: 0 }), THURSDAY_W13);
    expect(meter.status).to.equal('none');
    expect(meter.message.key).to.equal('requirement.message.none');
    expect(meter.details).to.deep.equal([]);
    expect(meter.thisWeek).to.equal(2);
  });

  it('always asks for the smallest number that reaches the average (random logs)', () => {
    const next = random(7);
    for (let run = 0; run < 300; run++) {
      const counts = Array.from({ length: 6 }, () => Math.floor(next() * 4));
      const weeks = ['2026-W08', '2026-W09', '2026-W10', '2026-W11', '2026-W12', '2026-W13'];
      const entries = weeks.flatMap((week, index) => applied(week, counts[index] ?? 0));
      const exempt = weeks.filter(() => next() < 0.2).map((week) => ({ week, reason: 'holiday' as const }));
      const rule = requirement({ perWeek: [1, 1.5, 2, 3][Math.floor(next() * 4)] ?? 1, scale: [1, 0.5, 0.75, 0.6][Math.floor(next() * 4)] ?? 1, averageOverWeeks: 1 + Math.floor(next() * 5), exemptWeeks: exempt });
      const meter = readRequirement(entries, rule, THURSDAY_W13, { countFrom: null });
      if (meter.status === 'exempt') {
        expect(meter.more).to.equal(0);
        continue;
      }
      const target = rule.perWeek * rule.scale;
      const reaches = (extra: number): boolean => (meter.total + extra) / meter.countedWeeks >= target - 1e-9;
      expect(reaches(meter.more), JSON.stringify({ counts, rule })).to.equal(true);
      if (meter.more > 0) expect(reaches(meter.more - 1), JSON.stringify({ counts, rule })).to.equal(false);
    }
  });

  it('counts per week for the week-by-week view', () => {
    const counts = weeklyCounts([...applied('2026-W53', 2), ...applied('2027-W01', 1), entry({ date: '2027-01-05', status: 'saved' })], requirement());
    expect([...counts]).to.deep.equal([['2026-W53', 2], ['2027-W01', 1]]);
  });
});
