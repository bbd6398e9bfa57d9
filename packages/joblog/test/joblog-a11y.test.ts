import { expect, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { addDays, today as todayIn } from '../src/model/weeks.js';
import { $, application, cleanUpStores, openDialog, renderJoblog, storeEntries, text, uniqueStore } from './support/joblog-helpers.js';

const HEADINGS = { da: 'Din joblog', en: 'Your joblog', ar: 'سجل البحث عن عمل' };

afterEach(async () => {
  await cleanUpStores();
  await setViewport({ width: 800, height: 600 });
});

for (const lang of ['da', 'en', 'ar'] as const) {
  describe(`<ju-joblog> accessibility (${lang})`, () => {
    it('is axe-clean empty, with entries and reminders, and with the form open', async () => {
      const empty = await renderJoblog({ lang });
      await waitUntil(() => text($(empty, '#jl-heading')) === HEADINGS[lang], 'not translated');
      await expect(empty).to.be.accessible();

      const store = uniqueStore();
      const old = addDays(todayIn(new Date()), -14);
      await storeEntries(store, [application({ date: old, history: [{ status: 'applied', outcome: null, on: old }] }), application({ title: 'Kok', date: todayIn(new Date()) })]);
      const el = await renderJoblog({ store, lang });
      await waitUntil(() => el.entries.length === 2);
      await el.updateComplete;
      if (lang === 'ar') expect(el.getAttribute('dir') ?? getComputedStyle(el).direction).to.equal('rtl');
      await expect(el).to.be.accessible();
      await openDialog(el, '#jl-add-application');
      await expect(el).to.be.accessible();
    });
  });
}

describe('<ju-joblog> headings', () => {
  it('starts at the heading level the host gives, and dialogs use the next one', async () => {
    const el = await renderJoblog({ headingLevel: 3 });
    expect($(el, '#jl-heading').tagName).to.equal('H3');
    expect($(el, '#jl-meter-heading').tagName).to.equal('H4');
    await openDialog(el, '#jl-add-application');
    expect($(el, '#jl-dialog-heading').tagName).to.equal('H4');
    expect(el.shadowRoot?.activeElement?.id).to.equal('ef-title');
  });
});

describe('<ju-joblog> small screens', () => {
  it('fits 320 px without sideways scrolling', async () => {
    await setViewport({ width: 320, height: 640 });
    const store = uniqueStore();
    await storeEntries(store, [application({ title: 'Lagermedarbejder med et meget langt stillingsnavn', date: todayIn(new Date()) })]);
    const el = await renderJoblog({ store });
    await waitUntil(() => el.entries.length === 1);
    await el.updateComplete;
    expect(el.scrollWidth).to.be.at.most(320);
  });
});
