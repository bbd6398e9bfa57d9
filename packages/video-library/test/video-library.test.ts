import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { JuVideoLibrary } from '../src/index.js';
import { CASEWORKER_TOKEN_PREFIX, DEMO_PLAYLIST, manyVideos, type FakeVideoServer } from './support/fake-video-server.js';
import {
  $, $$, API, CITIZEN, announced, cardButton, freshServer, goOffline, renderLibrary, stopServer, submitSearch, text, type, until,
} from './support/library-helpers.js';

let server: FakeVideoServer;

beforeEach(() => {
  server = freshServer();
});

afterEach(() => {
  stopServer();
});

const signedIn = (): Promise<JuVideoLibrary> => renderLibrary(html`<ju-video-library api=${API} .token=${CITIZEN}></ju-video-library>`);

describe('<ju-video-library>: the catalogue', () => {
  it('shows each video as an article with a heading button, a lazy decorative poster, duration in words, topic, groups, language and badges', async () => {
    const el = await renderLibrary();
    const cards = $$(el, '.results article.card');
    expect(cards).to.have.length(6);
    const joblog = cards[0];
    expect(text(joblog.querySelector('h4 button'))).to.equal('Sådan bruger du jobloggen');
    const poster = joblog.querySelector('img');
    expect(poster?.getAttribute('alt')).to.equal('');
    expect(poster?.getAttribute('loading')).to.equal('lazy');
    expect(poster?.getAttribute('src')).to.equal(`${API}media/videos/brug-jobloggen/poster.jpg`);
    expect(text(joblog.querySelector('[aria-hidden="true"]'))).to.equal('3:00');
    expect(text(joblog)).to.contain('3 min.').and.contain('Joblog').and.contain('For: Dagpenge, Kontanthjælp').and.contain('Tale: dansk');
    expect($$(el, '.results article.card')[2].querySelector('.badges')?.textContent).to.contain('Tegnsprog').and.contain('ukrainsk');
    expect(text(joblog.querySelector('.badges'))).to.contain('Undertekster: dansk, engelsk').and.contain('Synstolkning');
    expect(text($$(el, '.results article.card')[1])).to.contain('39 sek.');
    // Anonymous: no progress UI and no call for it.
    expect($$(el, '.status')).to.have.length(0);
    expect(server.requestsTo('/v1/me/video-progress')).to.have.length(0);
  });

  it('shows skeleton cards and aria-busy while the first page loads', async () => {
    server.fail('GET /v1/videos', 'never');
    const el = await fixture<JuVideoLibrary>(html`<ju-video-library api=${API}></ju-video-library>`);
    await until(el, '.skeleton');
    expect($(el, '.results').getAttribute('aria-busy')).to.equal('true');
    expect(text($(el, '.results'))).to.contain('Henter videoer');
  });

  it('says when there are no videos yet', async () => {
    server = freshServer({ videos: [], playlists: [] });
    const el = await renderLibrary();
    expect(text($(el, '.empty'))).to.equal('Der er ingen videoer endnu.');
  });

  it('does not call any citizen route for a caseworker and shows no progress', async () => {
    server.setProgress(`${CASEWORKER_TOKEN_PREFIX}-1`, 'brug-jobloggen', 83);
    const el = await renderLibrary(html`<ju-video-library api=${API} .token=${`${CASEWORKER_TOKEN_PREFIX}-1`}></ju-video-library>`);
    await aTimeout(50);
    expect($$(el, '.status')).to.have.length(0);
    expect(el.shadowRoot?.querySelector('.continue')).to.equal(null);
  });
});

describe('<ju-video-library>: paging', () => {
  it('shows 24 at a time, "Vis flere" appends the next page, moves focus to it and leaves the cards already shown alone', async () => {
    server = freshServer({ videos: manyVideos(60) });
    const el = await renderLibrary();
    expect($$(el, '.results article')).to.have.length(24);
    expect(server.requestsTo('/v1/videos')[0].query.get('limit')).to.equal('24');
    const first = $(el, '.results article');
    first.dataset['seen'] = 'yes';
    const firstTitle = first.querySelector('button')?.firstChild;
    $<HTMLButtonElement>(el, '.more').click();
    await waitUntil(() => $$(el, '.results article').length === 48, 'no second page');
    expect(server.requestsTo('/v1/videos')[1].query.get('cursor')).to.equal('24');
    expect($(el, '.results article'), 'the same node').to.equal(first);
    expect(first.querySelector('button')?.firstChild, 'not re-rendered').to.equal(firstTitle);
    await el.updateComplete;
    expect(el.shadowRoot?.activeElement).to.equal(cardButton(el, 'video-0025'));
    await announced(el, '24 videoer mere vises');
    $<HTMLButtonElement>(el, '.more').click();
    await waitUntil(() => $$(el, '.results article').length === 60, 'no third page');
    expect(el.shadowRoot?.querySelector('.more')).to.equal(null);
  });

  it('says "Henter flere videoer …" while the next page loads, without building the shown cards again', async () => {
    server = freshServer({ videos: manyVideos(30) });
    const el = await renderLibrary();
    const firstTitle = $(el, '.results article button').firstChild;
    server.latencyMs = 300;
    const more = $<HTMLButtonElement>(el, '.more');
    more.click();
    await el.updateComplete;
    expect(text(more)).to.equal('Henter flere videoer …');
    expect(more.getAttribute('aria-disabled')).to.equal('true');
    expect($(el, '.results').getAttribute('aria-busy')).to.equal('true');
    more.click();
    await waitUntil(() => $$(el, '.results article').length === 30, 'no second page');
    expect(server.requestsTo('/v1/videos'), 'a second click while loading asks for nothing').to.have.length(2);
    expect($(el, '.results article button').firstChild, 'not re-rendered').to.equal(firstTitle);
  });

  it('builds a card without empty text nodes, and the card holds its visually hidden text', async () => {
    const el = await renderLibrary();
    const card = $(el, '.results article[data-video="skriv-et-godt-cv"]');
    const walker = document.createTreeWalker(card, NodeFilter.SHOW_TEXT);
    const empty: string[] = [];
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) if ((node.textContent ?? '').trim() === '') empty.push(node.parentElement?.localName ?? '');
    expect(empty, 'empty text nodes in').to.deep.equal([]);
    expect(text(card.querySelector('.meta .ju-visually-hidden'))).to.equal('52 sek.');
    // A positioned card: its visually hidden spans are laid out with it, not with the whole page.
    expect(getComputedStyle(card).position).to.equal('relative');
    const hidden = card.querySelector<HTMLElement>('.meta .ju-visually-hidden');
    expect(hidden?.offsetParent).to.equal(card);
  });

  it('renders 500 videos fetched page by page without rebuilding the cards already shown', async () => {
    server = freshServer({ videos: manyVideos(500) });
    const el = await renderLibrary();
    const first = $(el, '.results article');
    while (el.shadowRoot?.querySelector('.more') !== null) {
      const before = $$(el, '.results article').length;
      $<HTMLButtonElement>(el, '.more').click();
      await waitUntil(() => $$(el, '.results article').length > before, 'no next page');
    }
    expect($$(el, '.results article')).to.have.length(500);
    expect($(el, '.results article')).to.equal(first);
    const started = performance.now();
    el.requestUpdate();
    await el.updateComplete;
    expect(performance.now() - started, 'a re-render with 500 cards').to.be.below(100);
  });
});

describe('<ju-video-library>: search', () => {
  it('searches as the citizen types from 3 characters (debounced), and shows why each video matched with the words marked', async () => {
    const el = await renderLibrary();
    type(el, 'ud');
    await aTimeout(450);
    expect(server.requestsTo('/v1/videos')).to.have.length(1);
    type(el, 'udfylder');
    type(el, 'udfylder jobloggen');
    await waitUntil(() => server.requestsTo('/v1/videos').length === 2, 'no search');
    expect(server.requestsTo('/v1/videos')[1].query.get('q')).to.equal('udfylder jobloggen');
    await until(el, '.match');
    const joblog = $(el, '.results article[data-video="brug-jobloggen"]');
    const sentence = [...joblog.querySelectorAll('.match')].find((match) => match.textContent.includes('02:13'));
    expect(text(sentence?.querySelector('.match-text'))).to.equal('Her kan du se, hvordan du udfylder jobloggen.');
    expect([...(sentence?.querySelectorAll('mark') ?? [])].map((mark) => mark.textContent)).to.deep.equal(['udfylder', 'jobloggen']);
    expect(text(sentence?.querySelector('.match-field'))).to.equal('Bliver sagt i videoen');
    await announced(el, '2 videoer fundet');
    expect(text($(el, '#list-heading'))).to.equal('2 videoer fundet');
    // While searching, the learning paths step aside.
    expect(el.shadowRoot?.querySelector('.playlists')).to.equal(null);
  });

  it('opens the video at the moment the words are said ("Afspil fra 02:13") with a typed ju-video-open', async () => {
    const el = await renderLibrary();
    await submitSearch(el, 'udfylder jobloggen');
    const play = [...$$<HTMLButtonElement>(el, '.match button')].find((button) => text(button) === 'Afspil fra 02:13');
    expect(play).to.not.equal(undefined);
    setTimeout(() => { play?.click(); });
    const opened = await oneEvent(el, 'ju-video-open');
    expect(opened.detail).to.deep.equal({ videoId: 'brug-jobloggen', start: 133 });
    expect(opened.bubbles && opened.composed).to.equal(true);
    const player = await until(el, 'ju-video-player');
    expect(player.getAttribute('video-id')).to.equal('brug-jobloggen');
    expect(player.getAttribute('start')).to.equal('133');
    expect(player.getAttribute('api')).to.equal(API);
  });

  it('submits on Enter or the button whatever the length, and clearing the field shows the whole catalogue again', async () => {
    const el = await renderLibrary();
    await submitSearch(el, 'cv');
    expect(server.requestsTo('/v1/videos').at(-1)?.query.get('q')).to.equal('cv');
    expect($$(el, '.results article')).to.have.length(1);
    type(el, '');
    await waitUntil(() => $$(el, '.results article').length === 6, 'catalogue not back');
    expect(server.requestsTo('/v1/videos').at(-1)?.query.has('q')).to.equal(false);
  });

  it('says when nothing was found, with what to try', async () => {
    const el = await renderLibrary();
    await submitSearch(el, 'xylofon');
    expect(text($(el, '#list-heading'))).to.equal('Ingen videoer fundet for »xylofon«');
    expect(text($(el, '.no-results'))).to.contain('tjekke stavningen').and.contain('færre ord');
    await announced(el, 'Ingen videoer fundet for »xylofon«');
  });

  it('filters by topic, target group, length, language and kind with counts, and "Nulstil filtre" clears them', async () => {
    const el = await renderLibrary();
    await until(el, '#f-topic');
    const topic = $<HTMLSelectElement>(el, '#f-topic');
    expect([...topic.options].map((option) => option.textContent.trim())).to.include('Joblog (1)');
    expect(text($(el, 'label[for="f-targetGroup"]'))).to.equal('Målgruppe');
    expect(text($(el, 'fieldset.filters legend'))).to.equal('Vis kun');
    topic.value = 'joblog';
    topic.dispatchEvent(new Event('change'));
    await waitUntil(() => $$(el, '.results article').length === 1, 'not filtered');
    const length = $<HTMLSelectElement>(el, '#f-length');
    length.value = 'medium';
    length.dispatchEvent(new Event('change'));
    await waitUntil(() => server.requestsTo('/v1/videos').length === 3, 'no second filter request');
    const query = server.requestsTo('/v1/videos')[2].query;
    expect(query.get('topic')).to.equal('joblog');
    expect(query.get('length')).to.equal('medium');
    await announced(el, '1 video fundet');
    $<HTMLButtonElement>(el, '.reset').click();
    await waitUntil(() => $$(el, '.results article').length === 6, 'filters not cleared');
    expect(server.requestsTo('/v1/videos').at(-1)?.query.has('topic')).to.equal(false);
  });

  it('says when no video matches the filters and offers to clear them', async () => {
    const el = await renderLibrary();
    await until(el, '#f-kind');
    const topic = $<HTMLSelectElement>(el, '#f-topic');
    topic.value = 'cv';
    topic.dispatchEvent(new Event('change'));
    await waitUntil(() => $$(el, '.results article').length === 1, 'not filtered');
    const kind = $<HTMLSelectElement>(el, '#f-kind');
    kind.value = 'webinar';
    kind.dispatchEvent(new Event('change'));
    await until(el, '.no-results');
    expect(text($(el, '#list-heading'))).to.equal('Ingen videoer passer til dine filtre');
    $<HTMLButtonElement>(el, '.no-results button').click();
    await waitUntil(() => $$(el, '.results article').length === 6, 'filters not cleared');
  });
});

describe('<ju-video-library>: the signed-in citizen', () => {
  it('shows "Fortsæt hvor du slap" from the progress, "Fortsæt (1:23)" with a bar, and "Set" for completed videos', async () => {
    server.setProgress(CITIZEN, 'brug-jobloggen', 83);
    server.setProgress(CITIZEN, 'book-en-samtale', 39, true);
    const el = await signedIn();
    await until(el, '.continue article');
    expect(text($(el, '.continue h3'))).to.equal('Fortsæt hvor du slap');
    expect($$(el, '.continue article').map((card) => card.dataset['video'])).to.deep.equal(['brug-jobloggen']);
    const joblog = $(el, '.results article[data-video="brug-jobloggen"]');
    expect(text(joblog.querySelector('.status'))).to.equal('Fortsæt (1:23)');
    const bar = joblog.querySelector('progress');
    expect(bar?.value).to.equal(83);
    expect(bar?.max).to.equal(180);
    expect(bar?.getAttribute('aria-label')).to.equal('Så langt har du set');
    expect(text($(el, '.results article[data-video="book-en-samtale"] .status'))).to.equal('✓ Set');
  });

  it('shows each learning path in order with "1 af 5 set" and the next unseen video marked', async () => {
    server.setProgress(CITIZEN, 'book-en-samtale', 39, true);
    const el = await signedIn();
    await until(el, '.playlist');
    expect(text($(el, '.playlist h4'))).to.equal(DEMO_PLAYLIST.title);
    expect(text($(el, '.playlist .status'))).to.equal('1 af 5 set');
    expect($$(el, '.playlist ol li').map((step) => step.dataset['video'])).to.deep.equal(DEMO_PLAYLIST.videoIds);
    const next = $(el, '.playlist li.next');
    expect(next.dataset['video']).to.equal('brug-jobloggen');
    expect(next.querySelector('button')?.getAttribute('aria-current')).to.equal('step');
    expect(text(next)).to.contain('Næste');
  });

  it('anonymously, a learning path just counts its videos', async () => {
    const el = await renderLibrary();
    await until(el, '.playlist');
    expect(text($(el, '.playlist .meta'))).to.equal('5 videoer');
    expect(el.shadowRoot?.querySelector('.playlist li.next')).to.equal(null);
  });

  it('updates the card after the player reports progress and completion', async () => {
    const el = await signedIn();
    await until(el, '.playlist');
    cardButton(el, 'skriv-et-godt-cv').click();
    const player = await until(el, 'ju-video-player');
    player.dispatchEvent(new CustomEvent('ju-video-progress', { detail: { videoId: 'skriv-et-godt-cv', position: 20, watchedSeconds: 20 }, bubbles: true, composed: true }));
    await el.updateComplete;
    expect(text($(el, '.results article[data-video="skriv-et-godt-cv"] .status'))).to.equal('Fortsæt (0:20)');
    expect($$(el, '.continue article').map((card) => card.dataset['video'])).to.deep.equal(['skriv-et-godt-cv']);
    player.dispatchEvent(new CustomEvent('ju-video-completed', { detail: { videoId: 'skriv-et-godt-cv' }, bubbles: true, composed: true }));
    await el.updateComplete;
    expect(text($(el, '.results article[data-video="skriv-et-godt-cv"] .status'))).to.equal('✓ Set');
    expect(el.shadowRoot?.querySelector('.continue')).to.equal(null);
  });
});

describe('<ju-video-library>: opening a video', () => {
  it('moves focus to the title, and "Tilbage til videoerne" returns it to the card that opened it', async () => {
    const el = await renderLibrary();
    const button = cardButton(el, 'skriv-et-godt-cv');
    button.focus();
    button.click();
    await until(el, '#detail-heading');
    await el.updateComplete;
    expect(el.shadowRoot?.activeElement?.id).to.equal('detail-heading');
    expect(text($(el, '#detail-heading'))).to.equal('Skriv et godt CV');
    expect($(el, '.library').hidden).to.equal(true);
    expect($(el, 'ju-video-player').hasAttribute('start')).to.equal(false);
    expect(text($(el, '.detail .description'))).to.equal('En kort vejledning: skriv et godt cv.');
    $<HTMLButtonElement>(el, '.detail .back').click();
    await waitUntil(() => el.shadowRoot?.querySelector('.detail') === null, 'detail not closed');
    await el.updateComplete;
    await aTimeout(0);
    expect(el.shadowRoot?.activeElement).to.equal(cardButton(el, 'skriv-et-godt-cv'));
  });

  it('offers "Næste i forløbet" when opened from a learning path', async () => {
    const el = await renderLibrary();
    await until(el, '.playlist');
    $<HTMLButtonElement>(el, '.playlist li[data-video="book-en-samtale"] button').click();
    await until(el, '.detail .next-up');
    expect(text($(el, '.detail .meta'))).to.contain('Ny som ledig');
    expect(text($(el, '.detail .next-up'))).to.contain('Næste i forløbet').and.contain('Sådan bruger du jobloggen');
    $<HTMLButtonElement>(el, '.detail .next-up button').click();
    await waitUntil(() => $(el, 'ju-video-player').getAttribute('video-id') === 'brug-jobloggen', 'next not opened');
    expect(text($(el, '#detail-heading'))).to.equal('Sådan bruger du jobloggen');
    $<HTMLButtonElement>(el, '.detail .back').click();
    await waitUntil(() => el.shadowRoot?.querySelector('.detail') === null, 'detail not closed');
    await aTimeout(0);
    expect(el.shadowRoot?.activeElement?.closest('li')?.dataset['video'], 'focus back on the step that opened the path').to.equal('book-en-samtale');
  });
});

describe('<ju-video-library>: keyboard only', () => {
  it('searches with Enter, opens a result with Enter and returns to it with the back button', async () => {
    const el = await renderLibrary();
    $<HTMLInputElement>(el, '#q').focus();
    await sendKeys({ type: 'cv' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $$(el, '.results article').length === 1, 'Enter did not search');
    const open = cardButton(el, 'skriv-et-godt-cv');
    open.focus();
    await sendKeys({ press: 'Enter' });
    await until(el, '#detail-heading');
    await waitUntil(() => el.shadowRoot?.activeElement?.id === 'detail-heading', 'focus did not move to the title');
    $<HTMLButtonElement>(el, '.detail .back').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.shadowRoot?.activeElement === cardButton(el, 'skriv-et-godt-cv'), 'focus did not return to the card');
  });
});

describe('<ju-video-library>: the page URL', () => {
  it('leaves location and history alone without url-state', async () => {
    const href = location.href;
    const length = history.length;
    const calls: string[] = [];
    const push = history.pushState.bind(history);
    const replace = history.replaceState.bind(history);
    history.pushState = (...args) => { calls.push('push'); push(...args); };
    history.replaceState = (...args) => { calls.push('replace'); replace(...args); };
    try {
      const el = await renderLibrary();
      await submitSearch(el, 'jobloggen');
      cardButton(el, 'brug-jobloggen').click();
      await until(el, '.detail');
      $<HTMLButtonElement>(el, '.detail .back').click();
      await waitUntil(() => el.shadowRoot?.querySelector('.detail') === null, 'detail not closed');
    } finally {
      history.pushState = push;
      history.replaceState = replace;
    }
    expect(calls).to.deep.equal([]);
    expect(location.href).to.equal(href);
    expect(history.length).to.equal(length);
  });

  it('with url-state: reads the search and open video on load, replaces while searching, pushes on open and Back closes', async () => {
    const start = location.href;
    const url = new URL(location.href);
    url.searchParams.set('host', 'keep');
    url.searchParams.set('ju-video-q', 'jobloggen');
    history.replaceState(null, '', url);
    // Count the calls rather than read history.length: Chromium caps a tab's history at 50 entries, and the
    // test runner's tab has long been there by the time this file runs.
    const calls: string[] = [];
    const push = history.pushState.bind(history);
    const replace = history.replaceState.bind(history);
    history.pushState = (...args) => { calls.push('push'); push(...args); };
    history.replaceState = (...args) => { calls.push('replace'); replace(...args); };
    try {
      const el = await renderLibrary(html`<ju-video-library api=${API} url-state></ju-video-library>`);
      expect(server.requestsTo('/v1/videos')[0].query.get('q')).to.equal('jobloggen');
      expect($<HTMLInputElement>(el, '#q').value).to.equal('jobloggen');
      calls.length = 0;
      await submitSearch(el, 'udfylder jobloggen');
      expect(new URL(location.href).searchParams.get('ju-video-q')).to.equal('udfylder jobloggen');
      expect(calls.includes('push'), 'typing replaces').to.equal(false);
      [...$$<HTMLButtonElement>(el, '.match button')].find((button) => text(button) === 'Afspil fra 02:13')?.click();
      await until(el, '.detail');
      const params = new URL(location.href).searchParams;
      expect(params.get('ju-video')).to.equal('brug-jobloggen');
      expect(params.get('ju-video-t')).to.equal('133');
      expect(params.get('host')).to.equal('keep');
      expect(calls.filter((call) => call === 'push'), 'opening pushes').to.deep.equal(['push']);
      $<HTMLButtonElement>(el, '.detail .back').click();
      await waitUntil(() => el.shadowRoot?.querySelector('.detail') === null, 'Back did not close the video');
      expect(new URL(location.href).searchParams.has('ju-video')).to.equal(false);
      expect(new URL(location.href).searchParams.get('ju-video-q')).to.equal('udfylder jobloggen');
    } finally {
      history.pushState = push;
      history.replaceState = replace;
      history.replaceState(null, '', start);
    }
  });

  it('with url-state: a shared link opens the video at its moment', async () => {
    const start = location.href;
    const url = new URL(location.href);
    url.searchParams.set('ju-video', 'webinar-jobsoegning-unge');
    url.searchParams.set('ju-video-t', '605');
    history.replaceState(null, '', url);
    try {
      const el = await fixture<JuVideoLibrary>(html`<ju-video-library api=${API} url-state></ju-video-library>`);
      const player = await until(el, 'ju-video-player');
      expect(player.getAttribute('start')).to.equal('605');
      await waitUntil(() => text(el.shadowRoot?.querySelector('#detail-heading')) === 'Webinar: Jobsøgning for unge', 'title not shown');
      $<HTMLButtonElement>(el, '.detail .back').click();
      await until(el, '.results article');
      expect(new URL(location.href).searchParams.has('ju-video')).to.equal(false);
    } finally {
      history.replaceState(null, '', start);
    }
  });
});

describe('<ju-video-library>: caseworker links (share-url)', () => {
  const template = 'https://kommune.dk/job/videoer?ju-video=%7Bid%7D&ju-video-t=%7Bt%7D';
  let copied: string[];
  let restoreClipboard: () => void;

  beforeEach(() => {
    copied = [];
    const original = Object.getOwnPropertyDescriptor(navigator, 'clipboard');
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: (value: string) => { copied.push(value); return Promise.resolve(); } } });
    restoreClipboard = () => {
      if (original) Object.defineProperty(navigator, 'clipboard', original);
      else delete (navigator as { clipboard?: unknown }).clipboard;
    };
  });

  afterEach(() => { restoreClipboard(); });

  it('copies the link to a search match\'s moment and to an open video, and says so', async () => {
    const el = await renderLibrary(html`<ju-video-library api=${API} share-url=${template}></ju-video-library>`);
    await submitSearch(el, 'udfylder jobloggen');
    const sentence = [...$$(el, '.results article[data-video="brug-jobloggen"] .match')].find((match) => match.textContent.includes('02:13'));
    const copy = [...(sentence?.querySelectorAll('button') ?? [])].find((button) => text(button) === 'Kopiér link');
    copy?.click();
    await announced(el, 'Linket er kopieret');
    expect(copied).to.deep.equal(['https://kommune.dk/job/videoer?ju-video=brug-jobloggen&ju-video-t=133']);
    cardButton(el, 'brug-jobloggen').click();
    await until(el, '.detail .share');
    $<HTMLButtonElement>(el, '.detail .share').click();
    await waitUntil(() => copied.length >= 2, 'detail link not copied');
    expect(copied.at(-1)).to.equal('https://kommune.dk/job/videoer?ju-video=brug-jobloggen&ju-video-t=0');
  });

  it('offers no link without share-url, or with one that is not http(s)', async () => {
    for (const value of [undefined, 'javascript:alert(1)//{id}']) {
      const el = await renderLibrary(html`<ju-video-library api=${API} share-url=${value ?? ''}></ju-video-library>`);
      await submitSearch(el, 'udfylder jobloggen');
      expect($$(el, '.match button').map((button) => text(button))).to.not.include('Kopiér link');
    }
  });
});

describe('<ju-video-library>: offline and errors', () => {
  it('offline: says so, keeps what was shown, retries by button and when the device is back online', async () => {
    const el = await renderLibrary();
    const restore = goOffline();
    try {
      await submitSearch(el, 'cv');
      await until(el, '.problem');
      expect(text($(el, '.problem'))).to.contain('Du er ikke på internettet');
      expect($$(el, '.results article'), 'what was shown stays').to.have.length(6);
    } finally {
      restore();
    }
    const before = server.requestsTo('/v1/videos').length;
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => el.shadowRoot?.querySelector('.problem') === null, 'did not retry on online');
    expect(server.requestsTo('/v1/videos').length).to.be.above(before);
    expect($$(el, '.results article')).to.have.length(1);
  });

  it('retries with the button after a failed load', async () => {
    server.fail('GET /v1/videos', { status: 400, code: 'invalid-request' });
    const el = await renderLibrary();
    await until(el, '.problem');
    $<HTMLButtonElement>(el, '.problem button').click();
    await waitUntil(() => $$(el, '.results article').length === 6, 'retry did not load');
    expect(el.shadowRoot?.querySelector('.problem')).to.equal(null);
  });

  it('shows the server\'s problem detail', async () => {
    server.fail('GET /v1/videos', { status: 422, code: 'invalid-request', detail: 'Søgningen er for lang.' });
    const el = await renderLibrary();
    const problem = await until(el, '.problem');
    expect(text(problem)).to.contain('Søgningen er for lang.');
    expect(el.shadowRoot?.querySelector('.empty'), 'not "no videos yet"').to.equal(null);
  });
});
