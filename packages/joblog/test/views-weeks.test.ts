import { expect, fixture, html } from '@open-wc/testing';
import { DEFAULT_REQUIREMENT, type IsoDate, type JoblogEntry, type Requirement } from '../src/model/entry.js';
import { WEEKS_PAGE } from '../src/views/weeks-view.js';
import { allInShadow, generateEntries, inShadow } from './support/views-host.js';
import type { ViewsHost } from './support/views-host.js';

let serial = 0;
function entry(date: IsoDate, type: 'application' | 'activity' = 'application', title = `Job ${String(++serial)}`): JoblogEntry {
  const [template] = generateEntries(1);
  return { ...template, id: `w-${String(++serial)}`, title, date, type, status: type === 'activity' ? 'closed' : 'applied', activityKind: type === 'activity' ? 'course' : null };
}

async function showWeeks(entries: readonly JoblogEntry[], options: { today?: IsoDate; requirement?: Requirement; lang?: string } = {}): Promise<ViewsHost> {
  const el = await fixture<ViewsHost>(html`<views-test-host view="weeks" lang=${options.lang ?? 'da'} today=${options.today ?? '2026-11-25'} .requirement=${options.requirement} .entries=${entries}></views-test-host>`);
  await el.views.ready('weeks');
  await el.updateComplete;
  return el;
}

const week = (el: ViewsHost, isoWeek: string): HTMLElement => inShadow(el, `.ju-joblog-week[data-week="${isoWeek}"]`);
const counts = (el: ViewsHost, isoWeek: string): string[] => [...week(el, isoWeek).querySelectorAll('[data-count]')].map((count) => count.textContent.trim());

describe('the week overview', () => {
  it('shows the last 12 ISO weeks newest first, this week marked, with dates Monday to Sunday', async () => {
    const el = await showWeeks([]);
    const weeks = allInShadow(el, '.ju-joblog-week').map((row) => row.dataset['week']);
    expect(weeks).to.have.length(WEEKS_PAGE);
    expect(weeks[0]).to.equal('2026-W48');
    expect(weeks.at(-1)).to.equal('2026-W37');
    const current = week(el, '2026-W48');
    expect(current.querySelector('.ju-joblog-week-name')?.textContent.replace(/\s+/g, ' ').trim()).to.equal('Uge 48 23. nov.–29. nov. Denne uge');
    expect(el.shadowRoot?.querySelector('.ju-joblog-more-weeks')).to.equal(null);
  });

  it('counts applications and activities per ISO week, by calendar date, across the autumn DST change', async () => {
    const el = await showWeeks([
      entry('2026-10-19'), // Monday of W43
      entry('2026-10-25'), // Sunday of W43, the night clocks go back
      entry('2026-10-25', 'activity'),
      entry('2026-10-26'), // Monday of W44
      entry('2026-11-23'),
      entry('2026-11-29', 'activity'), // Sunday of this week
    ]);
    expect(counts(el, '2026-W43')).to.deep.equal(['2 ansøgninger', '1 aktivitet']);
    expect(counts(el, '2026-W44')).to.deep.equal(['1 ansøgning', '0 aktiviteter']);
    expect(counts(el, '2026-W48')).to.deep.equal(['1 ansøgning', '1 aktivitet']);
    expect(counts(el, '2026-W45')).to.deep.equal(['0 ansøgninger', '0 aktiviteter']);
  });

  it('reaches older weeks with "Vis flere uger", including the spring DST week, and moves focus to the first new week', async () => {
    const el = await showWeeks([entry('2026-03-23'), entry('2026-03-29'), entry('2026-03-30'), entry('2026-11-24')]);
    for (let page = 0; page < 2; page++) {
      inShadow<HTMLButtonElement>(el, '.ju-joblog-more-weeks').click();
      await el.updateComplete;
    }
    expect(counts(el, '2026-W13')).to.deep.equal(['2 ansøgninger', '0 aktiviteter']);
    expect(counts(el, '2026-W14')).to.deep.equal(['1 ansøgning', '0 aktiviteter']);
    expect(allInShadow(el, '.ju-joblog-week')).to.have.length(WEEKS_PAGE * 3);
    expect(el.shadowRoot?.querySelector('.ju-joblog-more-weeks')).to.equal(null);
    expect((el.shadowRoot?.activeElement as HTMLElement | null)?.dataset['week']).to.equal('2026-W24');
  });

  it('lists saved jobs with the week but does not count them as applications', async () => {
    const el = await showWeeks([{ ...entry('2026-11-23'), status: 'saved' }, entry('2026-11-24')]);
    expect(counts(el, '2026-W48')).to.deep.equal(['1 ansøgning', '0 aktiviteter']);
    expect(week(el, '2026-W48').querySelector('.ju-joblog-week-bar-fill')?.getAttribute('width')).to.equal('100%');
    expect(week(el, '2026-W48').querySelector('.ju-joblog-week-toggle')?.textContent).to.contain('Vis ugens 2 poster');
  });

  it('names the year on weeks of another year (2026 has a week 53)', async () => {
    const el = await showWeeks([entry('2026-12-31'), entry('2027-01-06')], { today: '2027-01-06' });
    expect(week(el, '2027-W01').querySelector('strong')?.textContent).to.equal('Uge 1');
    expect(week(el, '2026-W53').querySelector('strong')?.textContent).to.equal('Uge 53, 2026');
    expect(counts(el, '2026-W53')[0]).to.equal('1 ansøgning');
  });

  it('marks exempt weeks with the reason in words, and states the agreement kindly', async () => {
    const requirement: Requirement = { ...DEFAULT_REQUIREMENT, exemptWeeks: [{ week: '2026-W46', reason: 'holiday' }, { week: '2026-W45', reason: 'sickness' }] };
    const el = await showWeeks([entry('2026-11-10')], { requirement });
    expect(week(el, '2026-W46').querySelector('[data-exempt]')?.textContent).to.equal('Fritaget: ferie');
    expect(week(el, '2026-W45').querySelector('[data-exempt]')?.textContent).to.equal('Fritaget: sygdom');
    expect(week(el, '2026-W47').querySelector('[data-exempt]')).to.equal(null);
    expect(inShadow(el, '.ju-joblog-weeks-target').textContent).to.equal('Din aftale: 1,5 ansøgninger om ugen i gennemsnit.');
    expect(week(el, '2026-W46').querySelector('.ju-joblog-week-bar-target')).to.equal(null);
    expect(week(el, '2026-W47').querySelector('.ju-joblog-week-bar-target')).not.to.equal(null);
  });

  it('draws a bar per week that grows with the count (beside the count in words, hidden from screen readers)', async () => {
    const el = await showWeeks([entry('2026-11-23'), entry('2026-11-24'), entry('2026-11-25'), entry('2026-11-16')]);
    const width = (isoWeek: string): string | null | undefined => week(el, isoWeek).querySelector('.ju-joblog-week-bar-fill')?.getAttribute('width');
    expect(width('2026-W48')).to.equal('100%');
    expect(width('2026-W47')).to.equal('33%');
    expect(week(el, '2026-W46').querySelector('.ju-joblog-week-bar-fill')).to.equal(null);
    expect(week(el, '2026-W48').querySelector('svg')?.getAttribute('aria-hidden')).to.equal('true');
  });

  it('expands a week to its entries, and opens one from there', async () => {
    const el = await showWeeks([entry('2026-11-23', 'application', 'Kok'), entry('2026-11-24', 'activity', 'Kursus i truckkørsel')]);
    const toggle = week(el, '2026-W48').querySelector<HTMLButtonElement>('.ju-joblog-week-toggle');
    expect(toggle?.getAttribute('aria-expanded')).to.equal('false');
    expect(toggle?.textContent.replace(/\s+/g, ' ').trim()).to.equal('Vis ugens 2 poster (Uge 48)');
    expect(week(el, '2026-W47').querySelector('.ju-joblog-week-toggle')).to.equal(null);
    toggle?.click();
    await el.updateComplete;
    expect(toggle?.getAttribute('aria-expanded')).to.equal('true');
    const buttons = [...week(el, '2026-W48').querySelectorAll<HTMLButtonElement>('.ju-joblog-week-entries button')];
    expect(buttons.map((button) => button.textContent)).to.deep.equal(['Kursus i truckkørsel', 'Kok']);
    buttons[1]?.click();
    expect(el.opened).to.have.length(1);
    expect(el.opened[0]?.opener).to.equal(buttons[1]);
  });

  it('with many entries stays quick: 10,000 entries grouped once', async () => {
    const many = generateEntries(10_000);
    const start = performance.now();
    const el = await showWeeks(many);
    const first = performance.now() - start;
    const expected = many.filter((item) => item.date >= '2026-11-23' && item.date <= '2026-11-29');
    const applications = expected.filter((item) => item.type === 'application' && item.status !== 'saved').length;
    expect(counts(el, '2026-W48')[0]).to.equal(`${String(applications)} ansøgninger`);
    expect(first).to.be.below(2000);
  });
});
