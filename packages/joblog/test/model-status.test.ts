import { expect } from '@open-wc/testing';
import {
  answeredOn, changeStatus, daysUntilAnswer, hadInterview, isBackwards, nextStatus, previousStatus, statusStays, timeInStatus,
} from '../src/model/status.js';
import { entry } from './model-fixtures.js';

const NOW = new Date('2026-03-20T10:00:00Z');

describe('model: status changes', () => {
  it('moves saved → applied → interview → closed, keeping each change and its date', () => {
    let job = entry({ status: 'saved', date: '2026-03-01' });
    job = changeStatus(job, 'applied', null, '2026-03-02', NOW);
    job = changeStatus(job, 'interview', null, '2026-03-12', NOW);
    job = changeStatus(job, 'closed', 'hired', '2026-03-20', NOW);
    expect(job.status).to.equal('closed');
    expect(job.outcome).to.equal('hired');
    expect(job.history).to.deep.equal([
      { status: 'saved', outcome: null, on: '2026-03-01' },
      { status: 'applied', outcome: null, on: '2026-03-02' },
      { status: 'interview', outcome: null, on: '2026-03-12' },
      { status: 'closed', outcome: 'hired', on: '2026-03-20' },
    ]);
    expect(job.updatedAt).to.equal(NOW.toISOString());
  });

  it('allows moving back (mistakes happen) and records the move instead of rewriting history', () => {
    const closed = changeStatus(entry({ date: '2026-03-02' }), 'closed', 'rejected', '2026-03-10', NOW);
    const reopened = changeStatus(closed, 'applied', 'rejected', '2026-03-11', NOW);
    expect(reopened.status).to.equal('applied');
    expect(reopened.outcome).to.equal(null); // only closed carries an outcome
    expect(reopened.history.map((change) => change.status)).to.deep.equal(['applied', 'closed', 'applied']);
    expect(isBackwards('closed', 'applied')).to.equal(true);
    expect(isBackwards('applied', 'interview')).to.equal(false);
  });

  it('does not add a line when nothing changes, but does when only the outcome does', () => {
    const job = entry({ status: 'interview' });
    expect(changeStatus(job, 'interview', null, '2026-03-05', NOW)).to.equal(job);
    const rejected = changeStatus(job, 'closed', 'rejected', '2026-03-05', NOW);
    const hired = changeStatus(rejected, 'closed', 'hired', '2026-03-06', NOW);
    expect(hired.history).to.have.length(3);
    expect(hired.outcome).to.equal('hired');
  });

  it('leaves the original entry untouched', () => {
    const job = entry({ status: 'applied' });
    const before = JSON.stringify(job);
    changeStatus(job, 'interview', null, '2026-03-05', NOW);
    expect(JSON.stringify(job)).to.equal(before);
  });

  it('knows the usual order', () => {
    expect([nextStatus('saved'), nextStatus('interview'), nextStatus('closed')]).to.deep.equal(['applied', 'closed', null]);
    expect([previousStatus('saved'), previousStatus('closed')]).to.deep.equal([null, 'interview']);
  });

  it('measures days in each status until the next change or today', () => {
    const job = entry({
      status: 'closed', outcome: 'rejected', date: '2026-03-01',
      history: [
        { status: 'saved', outcome: null, on: '2026-03-01' },
        { status: 'applied', outcome: null, on: '2026-03-03' },
        { status: 'interview', outcome: null, on: '2026-03-13' },
        { status: 'applied', outcome: null, on: '2026-03-14' }, // moved back by mistake
        { status: 'interview', outcome: null, on: '2026-03-14' },
        { status: 'closed', outcome: 'rejected', on: '2026-03-20' },
      ],
    });
    expect(timeInStatus(job, '2026-03-25')).to.deep.equal({ saved: 2, applied: 10, interview: 7, closed: 5 });
    expect(statusStays(job, '2026-03-25').filter((stay) => !stay.ended)).to.deep.equal([{ status: 'closed', from: '2026-03-20', days: 5, ended: false }]);
  });

  it('counts dates given out of order as 0 days, never negative', () => {
    const job = entry({ status: 'interview', date: '2026-03-10', history: [{ status: 'applied', outcome: null, on: '2026-03-10' }, { status: 'interview', outcome: null, on: '2026-03-08' }] });
    expect(timeInStatus(job, '2026-03-12')).to.deep.equal({ saved: 0, applied: 0, interview: 4, closed: 0 });
  });

  it('finds the first answer: an interview, a rejection or the job — not withdrawing', () => {
    const withdrew = entry({ status: 'closed', outcome: 'withdrew', history: [{ status: 'applied', outcome: null, on: '2026-03-01' }, { status: 'closed', outcome: 'withdrew', on: '2026-03-04' }] });
    expect(answeredOn(withdrew)).to.equal(null);
    const interviewed = entry({ status: 'closed', outcome: 'rejected', history: [{ status: 'applied', outcome: null, on: '2026-03-01' }, { status: 'interview', outcome: null, on: '2026-03-09' }, { status: 'closed', outcome: 'rejected', on: '2026-03-15' }] });
    expect(answeredOn(interviewed)).to.equal('2026-03-09');
    expect(daysUntilAnswer(interviewed)).to.equal(8);
    expect(hadInterview(interviewed)).to.equal(true);
    expect(hadInterview(withdrew)).to.equal(false);
  });

  it('does not invent how long an answer took when the history never says "applied"', () => {
    const loggedAsInterview = entry({ status: 'interview', date: '2026-03-01' });
    expect(answeredOn(loggedAsInterview)).to.equal('2026-03-01');
    expect(daysUntilAnswer(loggedAsInterview)).to.equal(null);
  });
});
