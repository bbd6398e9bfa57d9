import { expect } from '@open-wc/testing';
import type { JoblogEntry, StatusChange } from '../src/model/entry.js';
import { MIN_SAMPLE, computeInsights, share, typicalDays } from '../src/model/insights.js';
import { addDays } from '../src/model/weeks.js';
import { entry } from './model-fixtures.js';

const TODAY = '2026-06-01';

/** An application sent on `date`, answered (or not) `days` later. */
function sent(date: string, answer: 'none' | 'interview' | 'rejected' | 'hired' | 'withdrew', days: number, fields: Partial<JoblogEntry> = {}): JoblogEntry {
  const history: StatusChange[] = [{ status: 'applied', outcome: null, on: date }];
  if (answer === 'interview') history.push({ status: 'interview', outcome: null, on: addDays(date, days) });
  if (answer === 'rejected' || answer === 'hired' || answer === 'withdrew') history.push({ status: 'closed', outcome: answer, on: addDays(date, days) });
  const last = history[history.length - 1];
  return entry({ date, status: last.status, outcome: last.outcome, history, ...fields });
}

describe('model: insights', () => {
  it('says nothing but "send some first" for an empty log', () => {
    const insights = computeInsights([entry({ status: 'saved' }), entry({ type: 'activity' })], TODAY);
    expect(insights.applications).to.equal(0);
    expect(insights.messages).to.deep.equal([{ key: 'insight.empty', params: {} }]);
  });

  it('gives counts, never percentages, for fewer than 5 applications ("for få til at sige noget")', () => {
    const insights = computeInsights([sent('2026-05-01', 'interview', 5), sent('2026-05-02', 'none', 0), sent('2026-05-03', 'rejected', 3)], TODAY);
    expect(insights.applications).to.equal(3);
    expect(insights.answers).to.equal(2);
    expect(insights.answerShare).to.deep.equal({ kind: 'too-few', count: 2, of: 3 });
    expect(insights.daysToAnswer).to.deep.equal({ kind: 'too-few', of: 2 });
    expect(insights.messages.map((message) => message.key)).to.deep.equal(['insight.applications', 'insight.answers', 'insight.interviews', 'insight.tooFew']);
    expect(JSON.stringify(insights.messages)).to.not.match(/percent/);
  });

  it('gives shares and the median days to an answer from 5 applications on', () => {
    const log = [
      sent('2026-05-01', 'interview', 4), sent('2026-05-02', 'rejected', 10), sent('2026-05-03', 'hired', 6),
      sent('2026-05-04', 'withdrew', 2), sent('2026-05-05', 'none', 0), sent('2026-05-06', 'rejected', 20), sent('2026-05-07', 'none', 0),
    ];
    const insights = computeInsights(log, TODAY);
    expect(insights.applications).to.equal(7);
    expect(insights.answers).to.equal(4); // withdrawing is not an answer
    expect(insights.interviews).to.equal(1);
    expect(insights.hired).to.equal(1);
    expect(insights.answerShare).to.deep.equal({ kind: 'percent', percent: 57, count: 4, of: 7 });
    expect(insights.daysToAnswer).to.deep.equal({ kind: 'too-few', of: 4 });
    const more = computeInsights([...log, sent('2026-05-08', 'rejected', 7)], TODAY);
    expect(more.daysToAnswer).to.deep.equal({ kind: 'days', days: 7, of: 5 }); // 4, 6, 7, 10, 20
    expect(more.messages).to.deep.include({ key: 'insight.answerShare', params: { count: 5, percent: 63 } });
    expect(more.messages).to.deep.include({ key: 'insight.daysToAnswer', params: { count: 7 } });
  });

  it('groups by how the citizen applied and by source, "Jobnet" and " jobnet" as one, not-given last', () => {
    const log = [
      ...Array.from({ length: 5 }, (_, index) => sent(`2026-05-0${String(index + 1)}`, index < 3 ? 'interview' : 'none', 3, { method: 'written', source: index % 2 === 0 ? 'Jobnet' : ' jobnet ' })),
      sent('2026-05-10', 'interview', 3, { method: 'phone', source: 'LinkedIn' }),
      sent('2026-05-11', 'none', 0, { method: null, source: '' }),
    ];
    const insights = computeInsights(log, TODAY);
    expect(insights.byMethod.map((group) => [group.label, group.applications, group.interviews])).to.deep.equal([['written', 5, 3], ['phone', 1, 1], ['', 1, 0]]);
    expect(insights.byMethod[0]?.interviewShare).to.deep.equal({ kind: 'percent', percent: 60, count: 3, of: 5 });
    expect(insights.byMethod[1]?.interviewShare).to.deep.equal({ kind: 'too-few', count: 1, of: 1 });
    expect(insights.bySource.map((group) => [group.label, group.applications])).to.deep.equal([['Jobnet', 5], ['LinkedIn', 1], ['', 1]]);
  });

  it('measures typical time in each status from finished stays only', () => {
    const log = Array.from({ length: 5 }, (_, index) => sent(`2026-05-0${String(index + 1)}`, 'rejected', index + 1));
    const insights = computeInsights([...log, sent('2026-05-20', 'none', 0)], TODAY);
    expect(insights.timeInStatus.applied).to.deep.equal({ kind: 'days', days: 3, of: 5 }); // 1–5, the open one left out
    expect(insights.timeInStatus.interview).to.deep.equal({ kind: 'too-few', of: 0 });
  });

  it('keeps to a date range', () => {
    const log = [sent('2026-01-10', 'interview', 3), sent('2026-05-10', 'none', 0)];
    expect(computeInsights(log, TODAY, { from: '2026-05-01', to: '2026-05-31' }).applications).to.equal(1);
  });

  it('never shows a share or a median below the threshold', () => {
    expect(MIN_SAMPLE).to.equal(5);
    expect(share(4, 4).kind).to.equal('too-few');
    expect(share(0, 5)).to.deep.equal({ kind: 'percent', percent: 0, count: 0, of: 5 });
    expect(typicalDays([1, 2, 3, 4]).kind).to.equal('too-few');
    expect(typicalDays([1, 2, 3, 4, 100, 200])).to.deep.equal({ kind: 'days', days: 4, of: 6 }); // (3 + 4) / 2 rounded
  });
});
