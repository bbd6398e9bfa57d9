import { expect } from '@open-wc/testing';
import {
  addDays, addWeeks, daysBetween, isIsoDate, isIsoWeek, isoWeekOf, today, weekEnd, weekRange, weekStart, weekday, weeksBetween, weeksInYear,
} from '../src/model/weeks.js';

describe('model: weeks in Europe/Copenhagen', () => {
  describe('today()', () => {
    it('is already tomorrow in Copenhagen at 23:30 UTC on a summer day (UTC+2)', () => {
      expect(today(new Date('2026-07-14T23:30:00Z'))).to.equal('2026-07-15');
    });

    it('is already tomorrow at 23:30 UTC in winter too (UTC+1), but not at 22:59 UTC', () => {
      expect(today(new Date('2026-01-14T23:30:00Z'))).to.equal('2026-01-15');
      expect(today(new Date('2026-01-14T22:59:59Z'))).to.equal('2026-01-14');
    });

    it('turns the day at Copenhagen midnight, not UTC midnight', () => {
      expect(today(new Date('2026-07-14T21:59:59Z'))).to.equal('2026-07-14');
      expect(today(new Date('2026-07-14T22:00:00Z'))).to.equal('2026-07-15');
    });

    it('keeps the date through the DST changes (the night of 29 March and of 25 October 2026)', () => {
      expect(today(new Date('2026-03-29T00:59:00Z'))).to.equal('2026-03-29'); // 01:59 CET
      expect(today(new Date('2026-03-29T01:00:00Z'))).to.equal('2026-03-29'); // 03:00 CEST
      expect(today(new Date('2026-03-29T21:59:00Z'))).to.equal('2026-03-29'); // 23:59 CEST
      expect(today(new Date('2026-03-29T22:00:00Z'))).to.equal('2026-03-30');
      expect(today(new Date('2026-10-25T00:30:00Z'))).to.equal('2026-10-25'); // 02:30 CEST
      expect(today(new Date('2026-10-25T01:30:00Z'))).to.equal('2026-10-25'); // 02:30 CET, the hour again
      expect(today(new Date('2026-10-25T22:59:00Z'))).to.equal('2026-10-25'); // 23:59 CET
      expect(today(new Date('2026-10-25T23:00:00Z'))).to.equal('2026-10-26');
    });

    it('puts Sunday 23:30 in Copenhagen in the old week and Monday 00:30 in the new one', () => {
      expect(isoWeekOf(today(new Date('2026-06-14T21:30:00Z')))).to.equal('2026-W24');
      expect(isoWeekOf(today(new Date('2026-06-14T22:30:00Z')))).to.equal('2026-W25');
    });
  });

  describe('isoWeekOf()', () => {
    it('gives 2026-W53 for 31 December 2026 and 1–3 January 2027 (2026 starts on a Thursday)', () => {
      expect(isoWeekOf('2026-12-28')).to.equal('2026-W53');
      expect(isoWeekOf('2026-12-31')).to.equal('2026-W53');
      expect(isoWeekOf('2027-01-01')).to.equal('2026-W53');
      expect(isoWeekOf('2027-01-03')).to.equal('2026-W53');
      expect(isoWeekOf('2027-01-04')).to.equal('2027-W01');
    });

    it('puts the first days of a year in the last week of the year before when they come before its first Thursday', () => {
      expect(isoWeekOf('2021-01-03')).to.equal('2020-W53');
      expect(isoWeekOf('2022-01-02')).to.equal('2021-W52');
      expect(isoWeekOf('2026-01-01')).to.equal('2026-W01');
      expect(isoWeekOf('2025-12-29')).to.equal('2026-W01');
      expect(isoWeekOf('2024-12-30')).to.equal('2025-W01');
    });

    it('keeps the DST weeks whole: Monday to Sunday around 29 March and 25 October 2026', () => {
      for (const date of ['2026-03-23', '2026-03-28', '2026-03-29']) expect(isoWeekOf(date), date).to.equal('2026-W13');
      expect(isoWeekOf('2026-03-30')).to.equal('2026-W14');
      for (const date of ['2026-10-19', '2026-10-25']) expect(isoWeekOf(date), date).to.equal('2026-W43');
      expect(isoWeekOf('2026-10-26')).to.equal('2026-W44');
    });

    it('agrees with the weekday on every day of 2020–2030', () => {
      let date = '2020-01-01';
      let previous = isoWeekOf(date);
      while (date < '2031-01-01') {
        const next = addDays(date, 1);
        const week = isoWeekOf(next);
        // A new week begins exactly on Mondays.
        expect(week !== previous, next).to.equal(weekday(next) === 1);
        expect(weekStart(week) <= next && next <= weekEnd(week), next).to.equal(true);
        previous = week;
        date = next;
      }
    });
  });

  describe('week arithmetic', () => {
    it('knows which years have 53 weeks', () => {
      expect([2015, 2020, 2026, 2032].map(weeksInYear)).to.deep.equal([53, 53, 53, 53]);
      expect([2021, 2024, 2025, 2027].map(weeksInYear)).to.deep.equal([52, 52, 52, 52]);
      expect(isIsoWeek('2026-W53')).to.equal(true);
      expect(isIsoWeek('2027-W53')).to.equal(false);
      expect(isIsoWeek('2026-W00')).to.equal(false);
      expect(isIsoWeek('2026-53')).to.equal(false);
    });

    it('starts weeks on Monday and ends them on Sunday, across years', () => {
      expect(weekStart('2026-W01')).to.equal('2025-12-29');
      expect(weekStart('2026-W53')).to.equal('2026-12-28');
      expect(weekEnd('2026-W53')).to.equal('2027-01-03');
      expect(weekStart('2027-W01')).to.equal('2027-01-04');
      expect(weekStart('2026-W13')).to.equal('2026-03-23');
      expect(weekEnd('2026-W43')).to.equal('2026-10-25');
    });

    it('adds and counts weeks over week 53 and the turn of the year', () => {
      expect(addWeeks('2026-W52', 1)).to.equal('2026-W53');
      expect(addWeeks('2026-W52', 2)).to.equal('2027-W01');
      expect(addWeeks('2027-W01', -1)).to.equal('2026-W53');
      expect(addWeeks('2025-W52', 1)).to.equal('2026-W01');
      expect(addWeeks('2026-W10', -52)).to.equal('2025-W10');
      expect(weeksBetween('2026-W52', '2027-W01')).to.equal(2);
      expect(weeksBetween('2027-W01', '2026-W52')).to.equal(-2);
      expect(weeksBetween('2025-W01', '2027-W01')).to.equal(52 + 53);
      expect(weekRange('2026-W52', '2027-W02')).to.deep.equal(['2026-W52', '2026-W53', '2027-W01', '2027-W02']);
      expect(weekRange('2027-W02', '2026-W52')).to.deep.equal([]);
    });

    it('counts a DST week as 7 calendar days (no 23- or 25-hour drift)', () => {
      expect(daysBetween('2026-03-23', '2026-03-30')).to.equal(7);
      expect(daysBetween('2026-10-19', '2026-10-26')).to.equal(7);
      expect(addDays('2026-03-28', 1)).to.equal('2026-03-29');
      expect(addDays('2026-10-25', 1)).to.equal('2026-10-26');
    });

    it('tells real dates from look-alikes', () => {
      expect(isIsoDate('2028-02-29')).to.equal(true);
      expect(isIsoDate('2026-02-29')).to.equal(false);
      expect(isIsoDate('2026-04-31')).to.equal(false);
      expect(isIsoDate('2026-4-1')).to.equal(false);
      expect(isIsoDate('')).to.equal(false);
    });
  });
});
