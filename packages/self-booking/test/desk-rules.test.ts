import { expect } from '@open-wc/testing';
import { endForField, parseRulePointer, ruleProblem, sameRules, toRules, type WorkingRule } from '../src/desk/desk-rules.js';
import { addDays, isoWeekNumber, localDateOf, mondayOf } from '../src/dates.js';

const rule = (key: number, start: string, end: string, weekday: 1 | 2 = 1, meetingTypeId = 'mt-fysisk'): WorkingRule => ({ key, meetingTypeId, weekday, start, end });

describe('desk availability rules', () => {
  it('finds the same problems as the server: order, 5-minute grid, overlaps of one type on one day', () => {
    const rules = [rule(1, '09:00', '12:00'), rule(2, '11:00', '13:00'), rule(3, '11:00', '13:00', 2), rule(4, '11:00', '13:00', 1, 'mt-telefon')];
    expect(ruleProblem(rules[1], 'start', rules)).to.equal('overlap');
    expect(ruleProblem(rules[2], 'start', rules)).to.equal(undefined);
    expect(ruleProblem(rules[3], 'start', rules)).to.equal(undefined);
    expect(ruleProblem(rule(5, '10:00', '09:00'), 'end', [])).to.equal('order');
    expect(ruleProblem(rule(6, '10:02', '11:00'), 'start', [])).to.equal('grid');
    expect(ruleProblem(rule(7, '', '11:00'), 'start', [])).to.equal('missing');
  });

  it('edits a range that runs to midnight with the end 00:00 and sends 24:00', () => {
    const edited = rule(1, '20:00', endForField('24:00'));
    expect(edited.end).to.equal('00:00');
    expect(ruleProblem(edited, 'end', [edited])).to.equal(undefined);
    expect(toRules([edited])[0]?.end).to.equal('24:00');
    expect(sameRules(toRules([edited]), [{ meetingTypeId: 'mt-fysisk', weekday: 1, start: '20:00', end: '24:00' }])).to.equal(true);
  });

  it('reads error pointers with or without a prefix', () => {
    expect(parseRulePointer('/rules/3/end')).to.deep.equal({ index: 3, field: 'end' });
    expect(parseRulePointer('/body/rules/0/start')).to.deep.equal({ index: 0, field: 'start' });
    expect(parseRulePointer('/rules/2/meetingTypeId')).to.deep.equal({ index: 2, field: undefined });
    expect(parseRulePointer('/query/from')).to.equal(undefined);
  });
});

describe('desk dates', () => {
  it('counts ISO weeks and Mondays in Copenhagen', () => {
    expect(isoWeekNumber('2026-01-01')).to.equal(1);
    expect(isoWeekNumber('2027-01-01')).to.equal(53);
    expect(isoWeekNumber('2026-11-27')).to.equal(48);
    expect(mondayOf('2026-11-29')).to.equal('2026-11-23');
    expect(addDays('2026-03-28', 1)).to.equal('2026-03-29');
    expect(localDateOf('2026-11-27T23:30:00Z')).to.equal('2026-11-28');
  });
});
