import { expect } from '@open-wc/testing';
import { DEFAULT_REQUIREMENT, type Requirement } from '../src/model/entry.js';
import { dismissalsToKeep, findReminders, withoutDismissed } from '../src/model/reminders.js';
import { entry } from './model-fixtures.js';

const requirement = (fields: Partial<Requirement> = {}): Requirement => ({ ...DEFAULT_REQUIREMENT, ...fields });
// Thursday 26 March 2026 (week 13).
const TODAY = '2026-03-26';

describe('model: reminders', () => {
  it('suggests a follow-up 10 days after applying with no answer, not 9', () => {
    const ten = entry({ date: '2026-03-16', title: 'Kok', employer: 'Café Åen' });
    const nine = entry({ date: '2026-03-17' });
    const reminders = findReminders([ten, nine], TODAY);
    expect(reminders).to.deep.equal([{ id: `follow-up:${ten.id}`, kind: 'follow-up', entryId: ten.id, key: 'reminder.followUp', params: { title: 'Kok', employer: 'Café Åen', count: 10 } }]);
  });

  it('stops suggesting a follow-up after 30 days without an answer', () => {
    const thirty = entry({ date: '2026-02-24' });
    const thirtyOne = entry({ date: '2026-02-23' });
    expect(findReminders([thirty, thirtyOne], TODAY).map((reminder) => reminder.entryId)).to.deep.equal([thirty.id]);
  });

  it('counts the 10 days from the last change, and stops once there is an answer', () => {
    const movedBack = entry({ date: '2026-03-01', history: [{ status: 'applied', outcome: null, on: '2026-03-01' }, { status: 'interview', outcome: null, on: '2026-03-20' }, { status: 'applied', outcome: null, on: '2026-03-20' }] });
    const interview = entry({ date: '2026-03-01', status: 'interview' });
    const closed = entry({ date: '2026-03-01', status: 'closed', outcome: 'rejected' });
    const activity = entry({ date: '2026-03-01', type: 'activity' });
    expect(findReminders([movedBack, interview, closed, activity], TODAY)).to.deep.equal([]);
  });

  it('mentions deadlines of saved jobs in the next 3 days ("i morgen"), soonest first, never past ones or sent ones', () => {
    const tomorrow = entry({ status: 'saved', date: '2026-03-20', deadline: '2026-03-27', title: 'Tømrer' });
    const today = entry({ status: 'saved', date: '2026-03-20', deadline: '2026-03-26' });
    const inThree = entry({ status: 'saved', date: '2026-03-20', deadline: '2026-03-29' });
    const inFour = entry({ status: 'saved', date: '2026-03-20', deadline: '2026-03-30' });
    const past = entry({ status: 'saved', date: '2026-03-20', deadline: '2026-03-25' });
    const sent = entry({ status: 'applied', date: '2026-03-20', deadline: '2026-03-27' });
    const reminders = findReminders([inThree, tomorrow, inFour, past, sent, today], TODAY);
    expect(reminders.map((reminder) => [reminder.entryId, reminder.key, reminder.params['count']])).to.deep.equal([
      [today.id, 'reminder.deadline.today', 0],
      [tomorrow.id, 'reminder.deadline.tomorrow', 1],
      [inThree.id, 'reminder.deadline.inDays', 3],
    ]);
    expect(reminders[1]?.id).to.equal(`deadline:${tomorrow.id}:2026-03-27`);
  });

  it('gives the deadline reminder a new id when the deadline moves (a dismissal was for the old one)', () => {
    const saved = entry({ status: 'saved', date: '2026-03-20', deadline: '2026-03-27' });
    const before = findReminders([saved], TODAY)[0]?.id ?? '';
    const after = findReminders([{ ...saved, deadline: '2026-03-28' }], TODAY)[0]?.id;
    expect(after).to.not.equal(before);
    expect(withoutDismissed(findReminders([{ ...saved, deadline: '2026-03-28' }], TODAY), new Set([before]))).to.have.length(1);
  });

  it('says "nothing logged this week" from Thursday, not on Monday to Wednesday', () => {
    const lastWeek = entry({ date: '2026-03-18' });
    expect(findReminders([lastWeek], '2026-03-25', { requirement: requirement() })).to.deep.equal([]);
    const thursday = findReminders([lastWeek], TODAY, { requirement: requirement() });
    expect(thursday).to.deep.equal([{ id: 'empty-week:2026-W13', kind: 'empty-week', entryId: null, key: 'reminder.emptyWeek', params: {} }]);
    expect(findReminders([lastWeek], '2026-03-29', { requirement: requirement() }).map((reminder) => reminder.kind)).to.deep.equal(['follow-up', 'empty-week']);
  });

  it('does not say it when something counted this week, the week is exempt, or no requirement is agreed', () => {
    const thisWeek = entry({ date: '2026-03-23' });
    const savedOnly = entry({ date: '2026-03-23', status: 'saved' });
    expect(findReminders([thisWeek], TODAY, { requirement: requirement() })).to.deep.equal([]);
    expect(findReminders([savedOnly], TODAY, { requirement: requirement() }).map((reminder) => reminder.kind)).to.deep.equal(['empty-week']);
    expect(findReminders([], TODAY, { requirement: requirement({ exemptWeeks: [{ week: '2026-W13', reason: 'holiday' }] }) })).to.deep.equal([]);
    expect(findReminders([], TODAY, { requirement: requirement({ perWeek: 0 }) })).to.deep.equal([]);
    expect(findReminders([], TODAY)).to.deep.equal([]);
    const activity = entry({ date: '2026-03-23', type: 'activity' });
    expect(findReminders([activity], TODAY, { requirement: requirement() })[0]?.key).to.equal('reminder.emptyWeek');
    expect(findReminders([activity], TODAY, { requirement: requirement({ activitiesCount: true }) })).to.deep.equal([]);
    expect(findReminders([], TODAY, { requirement: requirement({ activitiesCount: true }) })[0]?.key).to.equal('reminder.emptyWeekWithActivities');
  });

  it('keeps dismissals only while their reminder would still show, and never puts text in an id', () => {
    const waiting = entry({ date: '2026-03-01', title: 'Hemmelig titel', employer: 'Hemmelig arbejdsgiver' });
    const reminders = findReminders([waiting], TODAY, { requirement: requirement() });
    expect(reminders.map((reminder) => reminder.kind)).to.deep.equal(['follow-up', 'empty-week']);
    for (const reminder of reminders) expect(reminder.id).to.not.match(/Hemmelig/);
    const dismissed = new Set([`follow-up:${waiting.id}`, 'empty-week:2026-W12']);
    expect(withoutDismissed(reminders, dismissed).map((reminder) => reminder.kind)).to.deep.equal(['empty-week']);
    expect([...dismissalsToKeep(reminders, dismissed)]).to.deep.equal([`follow-up:${waiting.id}`]);
  });
});
