import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import '../src/viewer.js';
import type { JuJoblogViewer } from '../src/viewer.js';
import { FakeJoblogViewerServer, JOBLOG_CASEWORKER_TOKEN } from '../../../stories/support/joblog-viewer-fake-api.js';

const API = 'https://api.jobcenter.example.dk/jobunivers/';
let server: FakeJoblogViewerServer;
let restoreFetch: () => void = () => undefined;

beforeEach(() => {
  server = new FakeJoblogViewerServer();
  restoreFetch = server.install();
});

afterEach(async () => {
  restoreFetch();
  Reflect.deleteProperty(navigator, 'onLine');
  await emulateMedia({ media: 'screen', forcedColors: 'none', reducedMotion: 'no-preference' });
  await setViewport({ width: 800, height: 600 });
});

const $ = (el: Element, selector: string): HTMLElement => {
  const found = el.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
  if (found === null) throw new Error(`nothing matches ${selector}`);
  return found;
};
const text = (node: Node | null | undefined): string => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function until(el: Element, selector: string): Promise<HTMLElement> {
  await waitUntil(() => el.shadowRoot?.querySelector(selector) !== null, `nothing matches ${selector}`, { timeout: 4000 });
  return $(el, selector);
}

async function render(language: string, theme = 'light'): Promise<JuJoblogViewer> {
  const el = await fixture<JuJoblogViewer>(html`<ju-joblog-viewer api=${API} lang=${language} theme=${theme} .token=${JOBLOG_CASEWORKER_TOKEN}></ju-joblog-viewer>`);
  await waitUntil(() => el.shadowRoot?.querySelector('.list-view [aria-busy="true"]') === null && el.shadowRoot.querySelector('.list-view') !== null,
    'the viewer did not finish loading', { timeout: 4000 });
  await el.updateComplete;
  return el;
}

async function openCitizen(el: JuJoblogViewer, citizenId: string): Promise<void> {
  $(el, `.open[data-citizen="${citizenId}"]`).click();
  await waitUntil(() => (el.shadowRoot !== null && el.shadowRoot.querySelector('.detail') !== null && el.shadowRoot.querySelector('.entries-loading') === null), 'not opened', { timeout: 4000 });
  await el.updateComplete;
}

const HEADINGS = { da: 'Joblogs delt med dig', en: 'Joblogs shared with you', ar: 'سجلات البحث عن عمل المشتركة معك' };

for (const language of ['da', 'en', 'ar'] as const) {
  describe(`<ju-joblog-viewer> passes axe in every state (${language})`, () => {
    it('loading, the list, and a filter with and without matches', async () => {
      server.latencyMs = 300;
      const loading = await fixture<JuJoblogViewer>(html`<ju-joblog-viewer api=${API} lang=${language} .token=${JOBLOG_CASEWORKER_TOKEN}></ju-joblog-viewer>`);
      await until(loading, '.skeleton');
      await expect(loading).to.be.accessible();
      server.latencyMs = 0;
      const el = await render(language);
      expect(text($(el, '#list-heading'))).to.equal(HEADINGS[language]);
      if (language === 'ar') expect(el.getAttribute('dir')).to.equal('rtl');
      // No raw keys: every string is there in this language.
      expect(el.shadowRoot?.textContent ?? '').not.to.match(/\b(viewer|requirement|views|form|entry)\.[a-zA-Z]/);
      await expect(el).to.be.accessible();
      const filter = $(el, '#filter') as HTMLInputElement;
      filter.value = 'xyz';
      filter.dispatchEvent(new InputEvent('input'));
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });

    it('an opened joblog (loading, list, weeks, an entry), the requirement form with errors and a conflict, and the removal question', async () => {
      server.latencyMs = 150;
      const el = await render(language);
      $(el, '.open[data-citizen="c-jens"]').click();
      await until(el, '.entries-loading');
      await expect(el).to.be.accessible();
      server.latencyMs = 0;
      await waitUntil(() => el.shadowRoot?.querySelector('.entries-loading') === null, 'not opened', { timeout: 4000 });
      await el.updateComplete;
      expect(el.shadowRoot?.textContent ?? '').not.to.match(/\b(viewer|requirement|views|form|entry)\.[a-zA-Z]/);
      await expect(el).to.be.accessible();
      $(el, '#view-weeks').click();
      await el.updateComplete;
      $(el, '.ju-joblog-week-toggle').click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
      $(el, '.ju-joblog-week-entries .ju-joblog-row-open').click();
      await until(el, 'dialog[open]');
      await expect(el).to.be.accessible();
      $(el, '#entry-close').click();
      await waitUntil(() => el.shadowRoot?.querySelector('dialog') === null, 'the dialog did not close');

      $(el, '#rq-edit').click();
      await el.updateComplete;
      const perWeek = $(el, '#rq-per-week') as HTMLInputElement;
      perWeek.value = 'x';
      perWeek.dispatchEvent(new InputEvent('input'));
      $(el, '#rq-add-week').click();
      await el.updateComplete;
      $(el, '#rq-save').click();
      await until(el, '#rq-errors');
      expect(el.shadowRoot?.textContent ?? '').not.to.match(/\bform\.[a-zA-Z]/);
      await expect(el).to.be.accessible();
      perWeek.value = '1';
      perWeek.dispatchEvent(new InputEvent('input'));
      el.shadowRoot?.querySelectorAll<HTMLButtonElement>('.remove-week').forEach((button) => { button.click(); });
      await el.updateComplete;
      server.colleagueSaves('c-jens', { perWeek: 2, scale: 1, averageOverWeeks: 4, exemptWeeks: [], activitiesCount: false });
      $(el, '#rq-save').click();
      await until(el, '[part="requirement-conflict"]');
      await expect(el).to.be.accessible();
      $(el, '#rq-cancel').click();
      await el.updateComplete;
      $(el, '#rq-remove').click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });

    it('a withdrawn consent, empty, offline and signed out', async () => {
      const el = await render(language);
      server.revoke('c-amira');
      await openCitizen(el, 'c-amira');
      await until(el, '[part="revoked"]');
      await expect(el).to.be.accessible();
      server.citizens = [];
      await expect(await render(language)).to.be.accessible();
      Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
      server.fail('GET *', 'network', true);
      const offline = await render(language);
      await until(offline, '[part="problem"]');
      await expect(offline).to.be.accessible();
      const signedOut = await fixture<JuJoblogViewer>(html`<ju-joblog-viewer api=${API} lang=${language}></ju-joblog-viewer>`);
      await expect(signedOut).to.be.accessible();
    });
  });
}

describe('<ju-joblog-viewer> in hard conditions', () => {
  it('fits 320 px in Arabic with a joblog and the form open, and passes axe with forced colours and reduced motion', async () => {
    await setViewport({ width: 320, height: 640 });
    await emulateMedia({ forcedColors: 'active', reducedMotion: 'reduce' });
    const el = await render('ar');
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    await openCitizen(el, 'c-amira');
    $(el, '#rq-edit').click();
    await el.updateComplete;
    $(el, '#rq-add-week').click();
    await el.updateComplete;
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    await expect(el).to.be.accessible();
  });

  for (const theme of ['dark', 'contrast']) {
    it(`passes axe in the ${theme} theme with a joblog open`, async () => {
      const el = await render('da', theme);
      await expect(el).to.be.accessible();
      await openCitizen(el, 'c-jens');
      await expect(el).to.be.accessible();
    });
  }
});
