import { expect, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { JuVideoLibrary } from '../src/index.js';
import type { FakeVideoServer } from './support/fake-video-server.js';
import { $, $$, API, CITIZEN, freshServer, goOffline, renderLibrary, stopServer, submitSearch, text, until } from './support/library-helpers.js';

let server: FakeVideoServer;

beforeEach(() => {
  server = freshServer();
});

afterEach(async () => {
  stopServer();
  await setViewport({ width: 800, height: 600 });
});

const HEADINGS = { da: 'Videoer og webinarer', en: 'Videos and webinars', ar: 'مقاطع فيديو وندوات عبر الإنترنت' };
const SHARE = 'https://kommune.dk/job/videoer?ju-video={id}&ju-video-t={t}';

for (const language of ['da', 'en', 'ar'] as const) {
  describe(`<ju-video-library> passes axe in every state (${language})`, () => {
    const render = (token?: string): Promise<JuVideoLibrary> =>
      renderLibrary(html`<ju-video-library api=${API} lang=${language} .token=${token} share-url=${SHARE}></ju-video-library>`);

    it('loading, then the catalogue with learning paths and continue watching (signed in)', async () => {
      server.latencyMs = 300;
      server.setProgress(CITIZEN, 'brug-jobloggen', 83);
      server.setProgress(CITIZEN, 'book-en-samtale', 39, true);
      const loading = document.createElement('ju-video-library');
      loading.setAttribute('api', API);
      loading.setAttribute('lang', language);
      document.body.append(loading);
      try {
        await until(loading, '.skeleton');
        await expect(loading).to.be.accessible();
      } finally {
        loading.remove();
      }
      server.latencyMs = 0;
      const el = await render(CITIZEN);
      await until(el, '.continue article');
      await until(el, '.playlist li.next');
      expect(text($(el, '#library-heading'))).to.equal(HEADINGS[language]);
      if (language === 'ar') expect(el.getAttribute('dir')).to.equal('rtl');
      await expect(el).to.be.accessible();
    });

    it('search results with matches and copy links, no results, and an empty catalogue', async () => {
      const el = await render();
      await until(el, '#f-topic');
      await submitSearch(el, 'udfylder jobloggen');
      await until(el, '.match mark');
      await expect(el).to.be.accessible();
      await submitSearch(el, 'xylofon');
      await until(el, '.no-results');
      await expect(el).to.be.accessible();
      stopServer();
      server = freshServer({ videos: [], playlists: [] });
      const empty = await render();
      await until(empty, '.empty');
      await expect(empty).to.be.accessible();
    });

    it('an open video (from a learning path), offline and a server error', async () => {
      const el = await render(CITIZEN);
      await until(el, '.playlist');
      $<HTMLButtonElement>(el, '.playlist li button').click();
      await until(el, '.detail .next-up');
      await expect(el).to.be.accessible();
      $<HTMLButtonElement>(el, '.detail .back').click();
      await waitUntil(() => el.shadowRoot?.querySelector('.detail') === null, 'not closed');
      const restore = goOffline();
      try {
        await submitSearch(el, 'cv');
        await until(el, '.problem');
        await expect(el).to.be.accessible();
      } finally {
        restore();
      }
      server.fail('GET /v1/videos', { status: 422, code: 'invalid-request', detail: 'Søgningen er for lang.' });
      await submitSearch(el, 'jobloggen');
      await until(el, '.problem');
      await expect(el).to.be.accessible();
    });

    it('works in one column at 320 px', async () => {
      await setViewport({ width: 320, height: 640 });
      const el = await render();
      const cards = $$(el, '.results article');
      const lefts = new Set(cards.slice(0, 3).map((card) => Math.round(card.getBoundingClientRect().left)));
      expect(lefts.size, 'one column').to.equal(1);
      expect(el.scrollWidth, 'no sideways scrolling').to.be.at.most(320);
      await expect(el).to.be.accessible();
    });
  });
}
