import { expect, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { addDays, mondayOf, today } from '../src/dates.js';
import { $, DeskFakeApi, mountDesk, root, settle, showView, withFakeDeskServer } from './desk-helpers.js';
import da from '../src/desk/locales/da.json';
import en from '../src/desk/locales/en.json';
import ar from '../src/desk/locales/ar.json';

const PLURAL = /_(zero|one|two|few|many|other)$/;
const baseKeys = (strings: Record<string, string>): string[] => [...new Set(Object.keys(strings).map((key) => key.replace(PLURAL, '')))].sort();

describe('<ju-booking-desk> languages', () => {
  it('has the same strings in Danish, English and Arabic, with every plural form each language needs', () => {
    expect(baseKeys(en)).to.deep.equal(baseKeys(da));
    expect(baseKeys(ar)).to.deep.equal(baseKeys(da));
    for (const key of Object.keys(da).filter((item) => item.endsWith('_other'))) {
      const base = key.replace(PLURAL, '');
      for (const form of ['one', 'other']) expect(en, `en ${base}_${form}`).to.have.property(`${base}_${form}`);
      for (const form of ['zero', 'one', 'two', 'few', 'many', 'other']) expect(ar, `ar ${base}_${form}`).to.have.property(`${base}_${form}`);
    }
  });
});

/** Next week has a booking, so the move and cancel forms can be opened. */
function addNextWeekBooking(fake: DeskFakeApi): void {
  fake.addBooking('citizen-sara', 'mt-fysisk', addDays(mondayOf(today()), 7), '10:00');
}

for (const lang of ['da', 'en', 'ar']) {
  describe(`<ju-booking-desk> accessibility in ${lang}`, () => {
    let fake: DeskFakeApi;
    withFakeDeskServer((created) => {
      fake = created;
      addNextWeekBooking(created);
    });

    it('passes axe in the week, the availability editor and the requests', async () => {
      const el = await mountDesk(fake, lang);
      expect(el.getAttribute('dir')).to.equal(lang === 'ar' ? 'rtl' : 'ltr');
      await expect(el).to.be.accessible();
      await showView(el, 'availability');
      await expect(el).to.be.accessible();
      await showView(el, 'requests');
      await expect(el).to.be.accessible();
    });

    it('passes axe in the cancel, move and book forms', async () => {
      const el = await mountDesk(fake, lang);
      $(el, '#week-next').click();
      const booking = fake.bookings.at(-1);
      await waitUntil(() => root(el).querySelector(`#move-${booking?.id ?? ''}`));
      $(el, `#cancel-${booking?.id ?? ''}`).click();
      await settle(el);
      (root(el).querySelector('form button[type=submit]') as HTMLButtonElement).click();
      await settle(el);
      await expect(el).to.be.accessible();
      $(el, '#task-close').click();
      await settle(el);
      $(el, `#move-${booking?.id ?? ''}`).click();
      await waitUntil(() => root(el).querySelector('#move-slots input'));
      await expect(el).to.be.accessible();
      $(el, '#task-close').click();
      await settle(el);
      $(el, '#book-open').click();
      await waitUntil(() => root(el).querySelector('#book-citizen'));
      await expect(el).to.be.accessible();
    });
  });
}

describe('<ju-booking-desk> on a narrow screen', () => {
  let fake: DeskFakeApi;
  withFakeDeskServer((created) => {
    fake = created;
    addNextWeekBooking(created);
  });

  beforeEach(async () => {
    await setViewport({ width: 320, height: 640 });
  });

  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  const overflowing = (el: HTMLElement): string[] =>
    [...root(el).querySelectorAll<HTMLElement>('*')]
      .filter((node) => node.getClientRects().length > 0 && node.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
      .map((node) => `${node.localName}.${node.className}#${node.id}`);

  it('fits 320 px without sideways scrolling in every view', async () => {
    const el = await mountDesk(fake, 'da');
    expect(overflowing(el)).to.deep.equal([]);
    await showView(el, 'availability');
    expect(overflowing(el)).to.deep.equal([]);
    await showView(el, 'requests');
    expect(overflowing(el)).to.deep.equal([]);
    await showView(el, 'week');
    $(el, '#week-next').click();
    const booking = fake.bookings.at(-1);
    await waitUntil(() => root(el).querySelector(`#move-${booking?.id ?? ''}`));
    $(el, `#move-${booking?.id ?? ''}`).click();
    await waitUntil(() => root(el).querySelector('#move-slots input'));
    expect(overflowing(el)).to.deep.equal([]);
  });
});
