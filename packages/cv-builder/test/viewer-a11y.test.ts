import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import type { JuCvViewer } from '../src/viewer.js';
import type { FakeCvViewerServer } from './viewer-fake-server.js';
import { $, API, CASEWORKER_TOKEN, citizenButton, freshServer, goOffline, opened, renderViewer, stopServer, text, typeFilter, until } from './viewer-helpers.js';

let server: FakeCvViewerServer;

beforeEach(() => {
  server = freshServer();
});

afterEach(async () => {
  stopServer();
  Reflect.deleteProperty(navigator, 'onLine');
  await emulateMedia({ media: 'screen', forcedColors: 'none', reducedMotion: 'no-preference' });
  await setViewport({ width: 800, height: 600 });
});

const HEADINGS = { da: 'CV’er delt med jobcentret', en: 'CVs shared with the job centre', ar: 'السير الذاتية المشتركة مع مركز التوظيف' };
const REVOKED = { da: 'Borgeren deler ikke længere sit CV', en: 'The citizen no longer shares their CV', ar: 'لم يعد المواطن يشارك سيرته الذاتية' };

for (const language of ['da', 'en', 'ar'] as const) {
  describe(`<ju-cv-viewer> passes axe in every state (${language})`, () => {
    const render = (): Promise<JuCvViewer> => renderViewer(html`<ju-cv-viewer api=${API} lang=${language} .token=${CASEWORKER_TOKEN}></ju-cv-viewer>`);

    it('loading, the list, a filter with and without matches', async () => {
      server.latencyMs = 300;
      const loading = await fixture<JuCvViewer>(html`<ju-cv-viewer api=${API} lang=${language} .token=${CASEWORKER_TOKEN}></ju-cv-viewer>`);
      await until(loading, '.skeleton');
      await expect(loading).to.be.accessible();
      server.latencyMs = 0;
      const el = await render();
      expect(text($(el, '#list-heading'))).to.equal(HEADINGS[language]);
      if (language === 'ar') expect(el.getAttribute('dir')).to.equal('rtl');
      await expect(el).to.be.accessible();
      await typeFilter(el, 'a');
      await expect(el).to.be.accessible();
      await typeFilter(el, 'xyz');
      await expect(el).to.be.accessible();
    });

    it('an opened CV (loading and shown), a withdrawn one, and an error', async () => {
      server.latencyMs = 200;
      const el = await render();
      citizenButton(el, 'c-amira').click();
      await until(el, '.cv-loading[aria-busy="true"]');
      await expect(el).to.be.accessible();
      await opened(el);
      await until(el, 'article.cv');
      // The CV keeps its own language and direction inside an Arabic page.
      expect($(el, 'article.cv').getAttribute('dir')).to.equal('ltr');
      expect($(el, 'article.cv').getAttribute('lang')).to.equal(language === 'en' ? 'en' : 'da');
      await expect(el).to.be.accessible();

      server.latencyMs = 0;
      $<HTMLButtonElement>(el, '[part="back"]').click();
      await el.updateComplete;
      server.revoke('c-jens');
      citizenButton(el, 'c-jens').click();
      await opened(el);
      expect(text($(el, '[part="revoked"]'))).to.include(REVOKED[language]);
      await expect(el).to.be.accessible();

      $<HTMLButtonElement>(el, '[part="back"]').click();
      await el.updateComplete;
      server.fail('GET /v1/cvs/c-soeren', { status: 501, code: 'not-implemented' });
      citizenButton(el, 'c-soeren').click();
      await opened(el);
      await until(el, '.detail [part="problem"]');
      await expect(el).to.be.accessible();
    });

    it('empty, offline and signed out', async () => {
      stopServer();
      server = freshServer([]);
      await expect(await render()).to.be.accessible();
      const online = goOffline();
      const offline = await render();
      await until(offline, '[part="problem"]');
      await expect(offline).to.be.accessible();
      online();
      const signedOut = await fixture<JuCvViewer>(html`<ju-cv-viewer api=${API} lang=${language}></ju-cv-viewer>`);
      await expect(signedOut).to.be.accessible();
    });
  });
}

describe('<ju-cv-viewer> in hard conditions', () => {
  it('fits 320 px without sideways scrolling, in Arabic, with the CV open', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await renderViewer(html`<ju-cv-viewer api=${API} lang="ar" .token=${CASEWORKER_TOKEN}></ju-cv-viewer>`);
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    citizenButton(el, 'c-amira').click();
    await opened(el);
    await until(el, 'article.cv');
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    expect(el.scrollWidth).to.be.at.most(el.clientWidth + 1);
    await expect(el).to.be.accessible();
  });

  it('passes axe with forced colours, the dark and contrast themes, and reduced motion stops the skeleton\'s pulse', async () => {
    await emulateMedia({ forcedColors: 'active', reducedMotion: 'reduce' });
    server.latencyMs = 300;
    const loading = await fixture<JuCvViewer>(html`<ju-cv-viewer api=${API} .token=${CASEWORKER_TOKEN}></ju-cv-viewer>`);
    const row = await until(loading, '.skeleton-row');
    expect(parseFloat(getComputedStyle(row).animationDuration)).to.be.below(0.001);
    await waitUntil(() => loading.shadowRoot?.querySelector('.open') !== null, 'the list did not arrive');
    await expect(loading).to.be.accessible();
    server.latencyMs = 0;
    for (const theme of ['dark', 'contrast']) {
      const el = await renderViewer(html`<ju-cv-viewer api=${API} theme=${theme} .token=${CASEWORKER_TOKEN}></ju-cv-viewer>`);
      citizenButton(el, 'c-amira').click();
      await opened(el);
      await expect(el).to.be.accessible();
    }
  });

  it('prints only the CV: the list, buttons and note are hidden in print', async () => {
    const el = await renderViewer();
    citizenButton(el, 'c-amira').click();
    await opened(el);
    await emulateMedia({ media: 'print' });
    for (const part of ['toolbar', 'shared-note', 'list-view']) expect(getComputedStyle($(el, `[part="${part}"]`)).display, part).to.equal('none');
    expect(getComputedStyle($(el, 'article.cv')).display).to.equal('block');
    expect(getComputedStyle($(el, 'article.cv')).color).to.equal('rgb(0, 0, 0)');
  });
});
