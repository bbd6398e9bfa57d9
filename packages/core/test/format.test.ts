import { expect } from '@open-wc/testing';
import { TIME_ZONE, createFormatter, readerTimeZoneDiffers } from '../src/format.js';

// Winter (CET, UTC+1) and summer (CEST, UTC+2) instants.
const WINTER = new Date('2025-03-04T13:30:00Z');
const SUMMER = new Date('2025-07-04T13:30:00Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Replaces the narrow and normal no-break spaces ICU puts in some outputs, so expectations stay readable. */
const plain = (text: string): string => text.replace(/[\u00a0\u202f]/g, ' ');

describe('createFormatter', () => {
  describe('dates and times in Europe/Copenhagen', () => {
    it('shows the job centre’s time whatever zone the reader’s browser is in', () => {
      expect(TIME_ZONE).to.equal('Europe/Copenhagen');
      // 13:30 UTC is 14:30 in Copenhagen in winter; the browser under test runs in its own zone.
      expect(createFormatter('da-DK').time(WINTER)).to.equal('14.30');
    });

    it('adds two hours in summer (daylight saving time)', () => {
      expect(createFormatter('da-DK').time(SUMMER)).to.equal('15.30');
      expect(createFormatter('en-GB').time(SUMMER)).to.equal('15:30');
    });

    it('switches to summer time on the last Sunday of March at 02:00', () => {
      const da = createFormatter('da');
      expect(da.time(new Date('2025-03-30T00:59:00Z'))).to.equal('01.59');
      expect(da.time(new Date('2025-03-30T01:00:00Z'))).to.equal('03.00');
    });

    it('takes the calendar day in Copenhagen, not UTC, for a time just after midnight', () => {
      // 23:30 UTC on 3 March is 00:30 on 4 March in Copenhagen.
      expect(createFormatter('da').date(new Date('2025-03-03T23:30:00Z'))).to.equal('4. mar. 2025');
    });

    it('accepts a timestamp number as well as a Date', () => {
      expect(createFormatter('da').time(WINTER.getTime())).to.equal('14.30');
    });

    it('formats a Danish date, a full date and a date with time', () => {
      const da = createFormatter('da');
      expect(da.date(WINTER)).to.equal('4. mar. 2025');
      expect(da.date(WINTER, { dateStyle: 'full' })).to.equal('tirsdag den 4. marts 2025');
      expect(da.dateTime(WINTER)).to.equal('4. mar. 2025, 14.30');
    });

    it('formats English dates and times', () => {
      const en = createFormatter('en');
      expect(en.date(WINTER)).to.equal('Mar 4, 2025');
      expect(en.date(WINTER, { dateStyle: 'full' })).to.equal('Tuesday, March 4, 2025');
      expect(plain(en.time(WINTER))).to.equal('2:30 PM');
    });

    it('keeps the Copenhagen zone when the caller passes its own date options', () => {
      expect(createFormatter('da').time(WINTER, { hour: '2-digit', minute: '2-digit' })).to.equal('14.30');
      expect(createFormatter('da').date(new Date('2025-03-03T23:30:00Z'), { day: 'numeric', month: 'long' })).to.equal('4. marts');
    });

    it('writes Arabic with Latin digits when asked for ar-u-nu-latn', () => {
      const ar = createFormatter('ar-u-nu-latn');
      const time = ar.time(WINTER);
      expect(time).to.match(/^2:30\s?م$/u);
      expect(ar.date(WINTER)).to.match(/04.*03.*2025/u);
      expect(ar.number(1234.5)).to.equal('1,234.5');
      expect(`${time}${ar.date(WINTER)}${ar.number(1234.5)}`).not.to.match(/[\u0660-\u0669]/u);
    });

    it('writes Arabic-Indic digits when the locale asks for them', () => {
      expect(createFormatter('ar-u-nu-arab').number(25)).to.equal('٢٥');
    });
  });

  describe('numbers', () => {
    it('groups and separates decimals the Danish way', () => {
      expect(createFormatter('da').number(1234567.5)).to.equal('1.234.567,5');
    });

    it('groups and separates decimals the English way', () => {
      expect(createFormatter('en').number(1234567.5)).to.equal('1,234,567.5');
    });

    it('passes number options through (percent and kroner)', () => {
      const da = createFormatter('da');
      expect(plain(da.number(0.25, { style: 'percent' }))).to.equal('25 %');
      expect(plain(da.number(1234.5, { style: 'currency', currency: 'DKK' }))).to.equal('1.234,50 kr.');
    });
  });

  describe('relative times', () => {
    const now = new Date('2025-03-04T10:00:00Z'); // 11:00 in Copenhagen

    it('says "i morgen" and "i går" a day away', () => {
      const da = createFormatter('da');
      expect(da.relative(now.getTime() + DAY, now)).to.equal('i morgen');
      expect(da.relative(now.getTime() - DAY, now)).to.equal('i går');
    });

    it('says "om 3 dage" three days ahead', () => {
      expect(createFormatter('da').relative(now.getTime() + 3 * DAY, now)).to.equal('om 3 dage');
    });

    it('says "for 5 minutter siden" five minutes ago', () => {
      expect(createFormatter('da').relative(now.getTime() - 5 * MINUTE, now)).to.equal('for 5 minutter siden');
    });

    it('says "om 2 timer" two hours ahead and "nu" for the present moment', () => {
      const da = createFormatter('da');
      expect(da.relative(now.getTime() + 2 * HOUR, now)).to.equal('om 2 timer');
      expect(da.relative(now, now)).to.equal('nu');
      expect(da.relative(now.getTime() - 300, now)).to.equal('nu');
    });

    it('uses weeks, months and years for longer spans', () => {
      const da = createFormatter('da');
      expect(da.relative(now.getTime() + 7 * DAY, now)).to.equal('næste uge');
      expect(da.relative(now.getTime() - 90 * DAY, now)).to.equal('for 3 måneder siden');
      expect(da.relative(now.getTime() + 365 * DAY, now)).to.equal('næste år');
    });

    it('speaks English and Arabic too', () => {
      expect(createFormatter('en').relative(now.getTime() + 3 * DAY, now)).to.equal('in 3 days');
      expect(createFormatter('en').relative(now.getTime() - 5 * MINUTE, now)).to.equal('5 minutes ago');
      expect(createFormatter('ar-u-nu-latn').relative(now.getTime() + DAY, now)).to.equal('غدًا');
    });

    it('counts from the current time when no "now" is given', () => {
      expect(createFormatter('da').relative(Date.now() + 3 * DAY + MINUTE)).to.equal('om 3 dage');
    });

    it('says "i morgen" for a meeting tomorrow evening seen just after midnight (calendar days in Copenhagen)', () => {
      // Now: 4 March 00:30 Copenhagen. Meeting: 5 March 22:30 Copenhagen — 46 hours away, but tomorrow.
      const justAfterMidnight = new Date('2025-03-03T23:30:00Z');
      const tomorrowEvening = new Date('2025-03-05T21:30:00Z');
      expect(createFormatter('da').relative(tomorrowEvening, justAfterMidnight)).to.equal('i morgen');
    });

    it('says "i går" for something yesterday morning seen late in the evening', () => {
      // Now: 4 March 23:30 Copenhagen. Event: 3 March 01:00 Copenhagen — 46.5 hours ago, but yesterday.
      const lateEvening = new Date('2025-03-04T22:30:00Z');
      const yesterdayEarly = new Date('2025-03-03T00:00:00Z');
      expect(createFormatter('da').relative(yesterdayEarly, lateEvening)).to.equal('i går');
    });

    it('says "i overmorgen" for the day after tomorrow even when it is less than 48 hours away', () => {
      // Now: 4 March 23:00 Copenhagen. Event: 6 March 08:00 Copenhagen — 33 hours away.
      const evening = new Date('2025-03-04T22:00:00Z');
      const dayAfterTomorrow = new Date('2025-03-06T07:00:00Z');
      expect(createFormatter('da').relative(dayAfterTomorrow, evening)).to.equal('i overmorgen');
    });
  });

  describe('caching', () => {
    it('does not mix locales: Danish, English and Arabic formatters with the same options each keep their language', () => {
      const da = createFormatter('da');
      const en = createFormatter('en');
      const ar = createFormatter('ar-u-nu-arab');
      // Interleave, so a cache keyed on options alone would hand one language's formatter to the next.
      expect(da.date(WINTER, { dateStyle: 'full' })).to.equal('tirsdag den 4. marts 2025');
      expect(en.date(WINTER, { dateStyle: 'full' })).to.equal('Tuesday, March 4, 2025');
      expect(da.date(WINTER, { dateStyle: 'full' })).to.equal('tirsdag den 4. marts 2025');
      expect(da.number(1.5)).to.equal('1,5');
      expect(en.number(1.5)).to.equal('1.5');
      expect(ar.number(1.5)).to.equal('١٫٥');
      expect(da.relative(WINTER.getTime() + DAY, WINTER)).to.equal('i morgen');
      expect(en.relative(WINTER.getTime() + DAY, WINTER)).to.equal('tomorrow');
    });

    it('does not mix options: a cached short time does not leak into a full date', () => {
      const da = createFormatter('da');
      expect(da.time(WINTER)).to.equal('14.30');
      expect(da.date(WINTER)).to.equal('4. mar. 2025');
      expect(da.time(WINTER)).to.equal('14.30');
      expect(da.number(0.5, { style: 'percent' })).to.match(/^50\s%$/u);
      expect(da.number(0.5)).to.equal('0,5');
    });

    it('gives the same answer from a second formatter for the same locale', () => {
      expect(createFormatter('da').dateTime(SUMMER)).to.equal(createFormatter('da').dateTime(SUMMER));
      expect(createFormatter('da').dateTime(SUMMER)).to.equal('4. jul. 2025, 15.30');
    });

    it('reports the locale it was made for', () => {
      expect(createFormatter('ar-u-nu-latn').locale).to.equal('ar-u-nu-latn');
    });
  });
});

describe('readerTimeZoneDiffers', () => {
  // Copenhagen is UTC+1 in winter and UTC+2 in summer; getTimezoneOffset is minutes *behind* UTC.
  const readerOffset = (at: Date): number => -at.getTimezoneOffset();

  it('says whether the reader’s clock shows another time than Copenhagen in winter', () => {
    expect(readerTimeZoneDiffers(WINTER)).to.equal(readerOffset(WINTER) !== 60);
  });

  it('says whether the reader’s clock shows another time than Copenhagen in summer', () => {
    expect(readerTimeZoneDiffers(SUMMER)).to.equal(readerOffset(SUMMER) !== 120);
  });

  it('is true for a reader outside Copenhagen’s offset (the test browser runs in UTC here)', function () {
    if (readerOffset(WINTER) === 60) this.skip();
    expect(readerTimeZoneDiffers(WINTER)).to.equal(true);
    expect(readerTimeZoneDiffers(WINTER.getTime())).to.equal(true);
  });

  it('checks the current moment when called without an argument', () => {
    const now = new Date();
    const copenhagenOffset = now.getMonth() >= 3 && now.getMonth() <= 8 ? 120 : undefined;
    const result = readerTimeZoneDiffers();
    expect(result).to.be.a('boolean');
    if (copenhagenOffset !== undefined) expect(result).to.equal(readerOffset(now) !== copenhagenOffset);
  });
});
