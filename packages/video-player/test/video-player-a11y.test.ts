import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { JuVideoPlayer } from '../src/index.js';
import { API, FIXTURES, $, aVideo, fakeApi, playAt, renderReady, until, type FakeApi } from './support/player-helpers.js';

const NAMES = {
  da: { transcript: 'Tekst', chapters: 'Kapitler', settings: 'Indstillinger', help: 'Taster' },
  en: { transcript: 'Transcript', chapters: 'Chapters', settings: 'Settings', help: 'Keys' },
  ar: { transcript: 'النص', chapters: 'الفصول', settings: 'الإعدادات', help: 'المفاتيح' },
} as const;

function press(el: JuVideoPlayer, name: string): void {
  const button = [...(el.shadowRoot?.querySelectorAll('button') ?? [])].find((candidate) => candidate.textContent.trim() === name);
  if (!button) throw new Error(`no button ${name}`);
  button.click();
}

for (const language of ['da', 'en', 'ar'] as const) {
  describe(`<ju-video-player> passes axe in every state (${language})`, () => {
    let api: FakeApi | undefined;
    afterEach(async () => {
      api?.restore();
      api = undefined;
      await setViewport({ width: 800, height: 600 });
    });

    it('ready, playing with captions, then with transcript, chapters and settings open, and the help dialog', async () => {
      api = fakeApi(aVideo());
      const el = await renderReady(html`<ju-video-player api=${API} video-id="brug-jobloggen" lang=${language}></ju-video-player>`);
      if (language === 'ar') {
        expect(el.getAttribute('dir')).to.equal('rtl');
        expect($(el, '[part~="timeline"]').getAttribute('dir')).to.equal('ltr');
      }
      await expect(el).to.be.accessible();
      await playAt(el, 2);
      await waitUntil(() => $(el, '[part~="captions"]').textContent.trim() !== '', 'a caption');
      press(el, NAMES[language].transcript);
      press(el, NAMES[language].chapters);
      press(el, NAMES[language].settings);
      await until(el, '.transcript-list li');
      await until(el, '.chapters li');
      await expect(el).to.be.accessible();
      press(el, NAMES[language].help);
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });

    it('at 320 px wide, with the resume offer and sound only', async () => {
      await setViewport({ width: 320, height: 640 });
      api = fakeApi(aVideo({ duration: 100, progress: { videoId: 'brug-jobloggen', position: 40, watched: [[0, 40]], watchedSeconds: 40, completed: false, completedAt: null, updatedAt: '2026-11-27T10:00:00Z' } }));
      const el = await renderReady(html`<ju-video-player api=${API} video-id="brug-jobloggen" lang=${language}></ju-video-player>`);
      await until(el, '.resume');
      await expect(el).to.be.accessible();
      const player = $(el, '[part~="player"]');
      expect(player.scrollWidth).to.be.at.most(player.clientWidth + 1);
    });

    it('loading, error, offline and the YouTube notice', async () => {
      api = fakeApi(() => new Response(null, { status: 500 }));
      const loading = await fixture<JuVideoPlayer>(html`<ju-video-player lang=${language}></ju-video-player>`);
      // Loading: shown while the API answers; here held by a request that never settles.
      api.restore();
      api = fakeApi(() => new Promise<Response>(() => undefined) as unknown as Response);
      loading.setAttribute('api', API);
      loading.videoId = 'brug-jobloggen';
      await until(loading, '[role="status"].state');
      await expect(loading).to.be.accessible();

      api.restore();
      api = fakeApi(() => new Response(JSON.stringify({ code: 'server-error', status: 500, title: 'Oops' }), { status: 500, headers: { 'Content-Type': 'application/problem+json' } }));
      const failed = await fixture<JuVideoPlayer>(html`<ju-video-player api=${API} video-id="x" lang=${language}></ju-video-player>`);
      await until(failed, '[role="alert"] button');
      await expect(failed).to.be.accessible();

      const broken = await fixture<JuVideoPlayer>(html`<ju-video-player src=${`${FIXTURES}missing.webm`} lang=${language}></ju-video-player>`);
      await until(broken, '[role="alert"] a[download]');
      await expect(broken).to.be.accessible();

      api.restore();
      api = fakeApi(aVideo());
      Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
      try {
        const offline = await fixture<JuVideoPlayer>(html`<ju-video-player api=${API} video-id="brug-jobloggen" lang=${language}></ju-video-player>`);
        await until(offline, '[role="alert"] button');
        await expect(offline).to.be.accessible();
      } finally {
        delete (navigator as { onLine?: boolean }).onLine;
      }

      const youtube = await fixture<JuVideoPlayer>(html`<ju-video-player youtube-id="dQw4w9WgXcQ" label="Webinar" lang=${language}></ju-video-player>`);
      await until(youtube, '[part~="notice"]');
      await expect(youtube).to.be.accessible();
    });
  });
}
