import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { deviceStore } from '../src/device-store.js';
import type { VideoChapterDetail, VideoIdDetail, VideoProgressDetail } from '../src/index.js';
import { API, CLIP, FIXTURES, $, $$, aVideo, buttonNamed, fakeApi, playAt, renderReady, until, videoOf, type FakeApi } from './support/player-helpers.js';

const ownFile = (lang = 'da') => html`
  <ju-video-player src=${CLIP} label="Sådan bruger du jobloggen" lang=${lang}>
    <track kind="captions" srclang="da" label="Dansk" src=${`${FIXTURES}captions.da.vtt`}>
    <track kind="captions" srclang="en" label="English" src=${`${FIXTURES}captions.en.vtt`}>
    <track kind="chapters" srclang="da" label="Dansk" src=${`${FIXTURES}chapters.da.vtt`}>
  </ju-video-player>`;

const captionText = (el: Parameters<typeof $>[0]) => $(el, '[part~="captions"]').textContent.trim();

describe('<ju-video-player> captions', () => {
  it('shows captions in the page language, and another language from the menu; the transcript follows', async () => {
    const el = await renderReady(ownFile('en'));
    await playAt(el, 0.5);
    await waitUntil(() => captionText(el) === 'Hello and welcome.', 'English captions');
    buttonNamed(el, 'Transcript').click();
    await until(el, '.transcript-list li');
    const select = $<HTMLSelectElement>(el, 'select.language');
    select.value = select.options[0].value;
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => captionText(el) === 'Hej og velkommen.', 'Danish captions');
    await waitUntil(() => $(el, '.transcript-list li').textContent.includes('Hej og velkommen.'), 'Danish transcript');
    expect($(el, '[part~="captions"]').getAttribute('lang')).to.equal('da');
  });

  it('turns captions off and on with the top-level button (aria-pressed), tags removed from cue text', async () => {
    const el = await renderReady(ownFile());
    await playAt(el, 2);
    await waitUntil(() => captionText(el) === 'Her ser du jobloggen.', 'the cue without <b>');
    const button = buttonNamed(el, 'Undertekster');
    expect(button.getAttribute('aria-pressed')).to.equal('true');
    button.click();
    await el.updateComplete;
    expect(captionText(el)).to.equal('');
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    button.click();
  });
});

describe('<ju-video-player> chapters', () => {
  it('marks chapters on the timeline, lists them, seeks from the list and fires ju-video-chapter', async () => {
    const el = await renderReady(ownFile());
    await waitUntil(() => $$(el, '.bar-mark').length === 1, 'one chapter mark (the first starts at 0)');
    buttonNamed(el, 'Kapitler').click();
    await until(el, '.chapters li');
    expect($$(el, '.chapters li').map((li) => li.textContent.replace(/\s+/g, ' ').trim())).to.deep.equal(['0:00Velkommen', '0:03Udfyld jobloggen']);
    await el.play();
    el.pause();
    const chapter = oneEvent<CustomEvent<VideoChapterDetail>>(el, 'ju-video-chapter');
    $$<HTMLButtonElement>(el, '.chapters button')[1]?.click();
    const { detail } = await chapter;
    expect(detail).to.deep.equal({ videoId: CLIP, index: 1 });
    expect(videoOf(el).currentTime).to.equal(3);
    await el.updateComplete;
    expect($$(el, '.chapters button')[1]?.getAttribute('aria-current')).to.equal('true');
  });
});

describe('<ju-video-player> transcript', () => {
  it('highlights the line being said and seeks when a line is chosen', async () => {
    const el = await renderReady(ownFile());
    buttonNamed(el, 'Tekst').click();
    await until(el, '.transcript-list li');
    await waitUntil(() => $$(el, '.transcript-list li').length === 4, 'four lines');
    await playAt(el, 3.2);
    expect($$(el, '.transcript-list li').map((li) => li.getAttribute('aria-current'))).to.deep.equal(['false', 'false', 'true', 'false']);
    $$<HTMLButtonElement>(el, '.transcript-list button')[1]?.click();
    await waitUntil(() => videoOf(el).currentTime === 1.5, 'seek to the line');
    await el.updateComplete;
    expect($$(el, '.transcript-list li')[1]?.getAttribute('aria-current')).to.equal('true');
  });

  it('searches inside the video: marks, counts and steps to the next match', async () => {
    const el = await renderReady(ownFile());
    buttonNamed(el, 'Tekst').click();
    await until(el, '.transcript-list li');
    const field = $<HTMLInputElement>(el, '#transcript-search');
    field.value = 'JOBLOGGEN';
    field.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect($$(el, '.transcript-list mark').map((mark) => mark.textContent)).to.deep.equal(['jobloggen', 'jobloggen']);
    expect($(el, '#transcript-count').textContent.trim()).to.equal('2 steder i videoen.');
    buttonNamed(el, 'Næste').click();
    await waitUntil(() => videoOf(el).currentTime === 1.5, 'first match');
    buttonNamed(el, 'Næste').click();
    await waitUntil(() => videoOf(el).currentTime === 4.5, 'second match');
    await el.updateComplete;
    expect($(el, '.transcript-list li.found').dataset['index']).to.equal('3');
    field.value = 'cv';
    field.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect($(el, '#transcript-count').textContent.trim()).to.equal('Ingen steder i videoen.');
  });

  it('counts reading the whole transcript as completing the video', async () => {
    const el = await renderReady(ownFile());
    const completed = oneEvent<CustomEvent<VideoIdDetail>>(el, 'ju-video-completed');
    buttonNamed(el, 'Tekst').click();
    // 4 short lines (15 words) take 3.6 s to read at 250 words a minute.
    const { detail } = await completed;
    expect(detail).to.deep.equal({ videoId: CLIP });
  });
});

describe('<ju-video-player> keyboard', () => {
  it('follows the keyboard map when focus is in the player, not in a text field', async () => {
    const el = await renderReady(ownFile());
    buttonNamed(el, 'Undertekster').focus();
    await sendKeys({ press: '5' });
    expect(videoOf(el).currentTime).to.be.closeTo(3, 0.01);
    await sendKeys({ press: 'j' });
    expect(videoOf(el).currentTime).to.equal(0);
    await sendKeys({ press: 'c' });
    await el.updateComplete;
    expect(buttonNamed(el, 'Undertekster').getAttribute('aria-pressed')).to.equal('false');
    await sendKeys({ press: '>' });
    expect(videoOf(el).playbackRate).to.equal(1.25);
    await sendKeys({ press: 'm' });
    expect(videoOf(el).muted).to.equal(false);
    await sendKeys({ press: 't' });
    await until(el, '#transcript-search');
    $<HTMLInputElement>(el, '#transcript-search').focus();
    await sendKeys({ type: 'k5' });
    expect(videoOf(el).currentTime).to.equal(0);
    expect(videoOf(el).paused).to.equal(true);
  });

  it('opens the help dialog with "?" and with its button; Escape closes it', async () => {
    const el = await renderReady(ownFile());
    buttonNamed(el, 'Undertekster').focus();
    await sendKeys({ press: '?' });
    // The help loads on first use (another test may have loaded it already): wait for the open dialog.
    await until(el, 'dialog[open]');
    const dialog = $<HTMLDialogElement>(el, 'dialog');
    expect(dialog.open).to.equal(true);
    expect($$(el, 'dialog tbody tr').length).to.equal(13);
    await sendKeys({ press: 'Escape' });
    expect(dialog.open).to.equal(false);
    buttonNamed(el, 'Taster').click();
    expect(dialog.open).to.equal(true);
    buttonNamed(el, 'Luk').click();
    await waitUntil(() => !dialog.open, 'closed');
  });
});

describe('<ju-video-player> from the API', () => {
  let api: FakeApi;
  afterEach(async () => {
    api.restore();
    await (await deviceStore()).clear();
    delete (navigator as { connection?: unknown }).connection;
  });

  it('offers to continue from the later of device and server, with the watched ranges merged, and saves to both', async () => {
    await (await deviceStore()).put('id:brug-jobloggen', { position: 30, watched: [[0, 2]], completed: false });
    api = fakeApi(aVideo({ duration: 100, progress: { videoId: 'brug-jobloggen', position: 40, watched: [[4, 5]], watchedSeconds: 1, completed: false, completedAt: null, updatedAt: '2026-11-27T10:00:00Z' } }));
    const el = await renderReady(html`<ju-video-player api=${API} video-id="brug-jobloggen" .token=${'citizen-token'}></ju-video-player>`);
    await until(el, '.resume');
    expect(buttonNamed(el, 'Fortsæt fra 0:40')).to.exist;
    expect(buttonNamed(el, 'Start forfra')).to.exist;
    buttonNamed(el, 'Start forfra').click();
    await waitUntil(() => !videoOf(el).paused, 'playing');
    const progress = oneEvent<CustomEvent<VideoProgressDetail>>(el, 'ju-video-progress');
    el.pause();
    const { detail } = await progress;
    expect(detail.videoId).to.equal('brug-jobloggen');
    expect(detail.watchedSeconds).to.be.at.least(1); // the server's 4–5 s at least, plus what was just played
    expect(detail.position).to.be.a('number');
    await waitUntil(() => api.requests.some((request) => request.method === 'PUT'), 'a PUT');
    const put = api.requests.find((request) => request.method === 'PUT');
    expect(put?.url).to.equal(`${API}v1/videos/brug-jobloggen/progress`);
    expect(put?.authorization).to.equal('Bearer citizen-token');
    const body = put?.body as { watched: [number, number][] };
    expect(body.watched[0]?.[0]).to.equal(0);
    expect(body.watched).to.deep.include([4, 5]);
    await waitUntil(async () => ((await (await deviceStore()).get('id:brug-jobloggen')) as { position: number }).position < 30, 'device copy updated');
    window.dispatchEvent(new Event('pagehide'));
    expect(api.requests.at(-1)?.keepalive).to.equal(true);
  });

  it('starts at `start` instead of offering to continue (a deep link from search)', async () => {
    await (await deviceStore()).put('id:brug-jobloggen', { position: 30, watched: [], completed: false });
    api = fakeApi(aVideo({ duration: 100 }));
    const el = await renderReady(html`<ju-video-player api=${API} video-id="brug-jobloggen" start="2"></ju-video-player>`);
    await waitUntil(() => videoOf(el).currentTime === 2, 'at 2 s');
    expect(el.shadowRoot?.querySelector('.resume')).to.equal(null);
  });

  it('starts with the small rendition under Save-Data, and keeps the position when switching to sound only', async () => {
    Object.defineProperty(navigator, 'connection', { configurable: true, value: { saveData: true } });
    api = fakeApi(aVideo());
    const el = await renderReady(html`<ju-video-player api=${API} video-id="brug-jobloggen"></ju-video-player>`);
    expect(videoOf(el).src).to.equal(`${FIXTURES}clip-small.webm`);
    await playAt(el, 2);
    buttonNamed(el, 'Indstillinger').click();
    await until(el, '#quality');
    const quality = $<HTMLSelectElement>(el, '#quality');
    quality.value = 'standard';
    quality.dispatchEvent(new Event('change'));
    await waitUntil(() => videoOf(el).src === CLIP && videoOf(el).readyState >= 1 && Math.abs(videoOf(el).currentTime - 2) < 0.1, 'standard at 2 s')
      .catch((error: unknown) => { throw new Error(`${String(error)} ${videoOf(el).src} ${String(videoOf(el).readyState)} ${String(videoOf(el).currentTime)}`); });
    quality.value = 'audio';
    quality.dispatchEvent(new Event('change'));
    await until(el, '.audio-only');
    await waitUntil(() => videoOf(el).src.endsWith('clip-audio.webm'), 'sound only');
    expect($(el, '.audio-only').textContent).to.equal('Kun lyd');
  });

  it('fires ju-video-completed when enough unique seconds are watched', async () => {
    api = fakeApi(aVideo());
    const el = await renderReady(html`<ju-video-player api=${API} video-id="brug-jobloggen" completion-threshold="0.3"></ju-video-player>`);
    const play = oneEvent(el, 'ju-video-play');
    const completed = oneEvent(el, 'ju-video-completed');
    videoOf(el).playbackRate = 2;
    await el.play();
    expect((await play).detail).to.deep.equal({ videoId: 'brug-jobloggen' });
    expect((await completed).detail).to.deep.equal({ videoId: 'brug-jobloggen' });
  });

  it('reads an audio description and pauses the video for it (extended AD)', async () => {
    api = fakeApi(aVideo());
    const el = await renderReady(html`<ju-video-player api=${API} video-id="brug-jobloggen"></ju-video-player>`);
    const toggle = buttonNamed(el, 'Synstolkning');
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    await playAt(el, 1.7);
    await el.play();
    await waitUntil(() => el.shadowRoot?.querySelector('[data-ju-announcer="polite"]')?.textContent === 'Skærmen viser jobloggen.', 'the description announced', { timeout: 4000 });
    expect(videoOf(el).paused).to.equal(true);
    await waitUntil(() => !videoOf(el).paused, 'playing again after the description', { timeout: 4000 });
  });

  it('says when the video cannot be found, with a way to try again', async () => {
    api = fakeApi(() => new Response(JSON.stringify({ code: 'not-found', status: 404, title: 'Not found' }), { status: 404, headers: { 'Content-Type': 'application/problem+json' } }));
    const el = document.createElement('ju-video-player');
    el.setAttribute('api', API);
    el.videoId = 'gone';
    document.body.append(el);
    try {
      await until(el, '[role="alert"] p');
      expect($(el, '[role="alert"] p').textContent).to.equal('Vi kan ikke finde videoen. Den kan være fjernet.');
      expect(buttonNamed(el, 'Prøv igen')).to.exist;
    } finally {
      el.remove();
    }
  });
});

describe('<ju-video-player> YouTube', () => {
  it('loads nothing from YouTube until the citizen chooses to, then only from youtube-nocookie.com', async () => {
    const el = document.createElement('ju-video-player');
    el.setAttribute('youtube-id', 'dQw4w9WgXcQ');
    el.setAttribute('label', 'Webinar');
    document.body.append(el);
    try {
      await until(el, '[part~="notice"]');
      expect(el.shadowRoot?.querySelector('iframe')).to.equal(null);
      expect($(el, '[part~="notice"]').textContent).to.contain('Videoen ligger hos YouTube.');
      buttonNamed(el, 'Afspil videoen fra YouTube').click();
      await until(el, 'iframe');
      expect($<HTMLIFrameElement>(el, 'iframe').src).to.match(/^https:\/\/www\.youtube-nocookie\.com\/embed\/dQw4w9WgXcQ\?/);
      el.setAttribute('youtube-id', 'x"><script>');
      await el.updateComplete;
      expect(el.shadowRoot?.querySelector('iframe, [part~="notice"]')).to.equal(null);
    } finally {
      el.remove();
    }
  });
});
