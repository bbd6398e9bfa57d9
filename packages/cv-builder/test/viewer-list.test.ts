import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { JuCvViewer } from '../src/viewer.js';
import type { FakeCvViewerServer } from './viewer-fake-server.js';
import { HIDDEN_MARK } from './preview-fixtures.js';
import {
  $, $$, announced, API, CASEWORKER_TOKEN, citizenButton, freshServer, goOffline, opened, renderViewer, stopServer, text, typeFilter, until,
} from './viewer-helpers.js';

let server: FakeCvViewerServer;

beforeEach(() => {
  server = freshServer();
});

afterEach(() => {
  stopServer();
  Reflect.deleteProperty(navigator, 'onLine');
});

const listed = (el: JuCvViewer): string[] => $$(el, '.open').map(text);

describe('<ju-cv-viewer> list', () => {
  it('lists the shared CVs, most recently updated first, with when each was updated and shared', async () => {
    const el = await renderViewer();
    expect(listed(el)).to.deep.equal(['Amira Hassan', 'Jens Holm Nielsen', 'Søren']);
    expect(text($(el, '.count'))).to.equal('3 borgere deler deres CV med jer');
    const meta = $(el, `#${citizenButton(el, 'c-amira').getAttribute('aria-describedby') ?? ''}`);
    expect(text(meta)).to.equal('Opdateret 20. nov. 2026 · Delt 1. nov. 2026');
    // The caseworker's token went with the request.
    expect(server.requestsTo('/v1/cvs')[0]?.headers.get('Authorization')).to.equal(`Bearer ${CASEWORKER_TOKEN}`);
    await announced(el, '3 borgere deler deres CV med jer');
  });

  it('shows a skeleton and aria-busy while the list loads', async () => {
    server.latencyMs = 300;
    const el = await fixture<JuCvViewer>(html`<ju-cv-viewer api=${API} .token=${CASEWORKER_TOKEN}></ju-cv-viewer>`);
    await until(el, '.skeleton');
    expect($(el, '[aria-busy="true"]').textContent).to.include('Henter de delte CV’er');
    await waitUntil(() => el.shadowRoot?.querySelector('.open') !== null, 'the list did not arrive');
    expect(el.shadowRoot?.querySelector('.skeleton')).to.equal(null);
  });

  it('filters by name as the caseworker types, ignoring case, and says how many match', async () => {
    const el = await renderViewer();
    await typeFilter(el, 'holm');
    expect(listed(el)).to.deep.equal(['Jens Holm Nielsen']);
    expect(text($(el, '.count'))).to.equal('1 af 3 borgere passer til »holm«');
    await announced(el, '1 af 3 borgere passer til »holm«');
    await typeFilter(el, 'SØ');
    expect(listed(el)).to.deep.equal(['Søren']);
    await typeFilter(el, 'jens nielsen');
    expect(listed(el)).to.deep.equal(['Jens Holm Nielsen']);
    await typeFilter(el, 'xyz');
    expect(listed(el)).to.deep.equal([]);
    expect(text($(el, '.count'))).to.include('Ingen borgere passer til »xyz«');
    await typeFilter(el, '');
    expect(listed(el)).to.have.length(3);
    // Filtering happens here: the names never travel in a URL.
    expect(server.requestsTo('/v1/cvs')).to.have.length(1);
  });

  it('says so when nobody has shared a CV yet', async () => {
    stopServer();
    server = freshServer([]);
    const el = await renderViewer();
    expect(text($(el, '[part="empty"]'))).to.equal('Ingen borgere har delt deres CV med jer endnu.');
    expect(el.shadowRoot?.querySelector('#filter')).to.equal(null);
  });

  it('explains an error and fetches again with "Prøv igen"', async () => {
    server.fail('GET /v1/cvs', { status: 501, code: 'not-implemented' });
    const el = await renderViewer();
    const problem = $(el, '[part="problem"]');
    expect(text(problem)).to.include('Der er en fejl hos jobcentret');
    await announced(el, 'Der er en fejl hos jobcentret');
    $<HTMLButtonElement>(el, '[part="problem"] button').click();
    await waitUntil(() => el.shadowRoot?.querySelector('.open') !== null, 'the list did not arrive after retry');
    expect(el.shadowRoot?.querySelector('[part="problem"]')).to.equal(null);
    expect(listed(el)).to.have.length(3);
  });

  it('says when the device is offline, and fetches by itself when the connection is back', async () => {
    const online = goOffline();
    const el = await renderViewer();
    expect(text($(el, '[part="problem"]'))).to.equal('Du er ikke på internettet. Vi prøver igen, så snart forbindelsen er tilbage. Prøv igen');
    online();
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => el.shadowRoot?.querySelector('.open') !== null, 'the list did not arrive when back online');
  });

  it('asks a caseworker to sign in when there is no token, and explains a citizen\'s token (403)', async () => {
    const signedOut = await fixture<JuCvViewer>(html`<ju-cv-viewer api=${API}></ju-cv-viewer>`);
    expect(text($(signedOut, '[part="signed-out"]'))).to.include('Log ind som medarbejder');
    expect(server.requests).to.have.length(0);
    const citizen = await renderViewer(html`<ju-cv-viewer api=${API} .token=${'citizen-token'}></ju-cv-viewer>`);
    expect(text($(citizen, '[part="problem"]'))).to.include('Du har ikke adgang til borgernes CV’er');
  });

  it('says what is wrong when api is missing', async () => {
    const el = await fixture<JuCvViewer>(html`<ju-cv-viewer .token=${CASEWORKER_TOKEN}></ju-cv-viewer>`);
    expect(text($(el, '[part="config-error"]'))).to.include('adressen på serveren mangler');
  });
});

describe('<ju-cv-viewer> opening a CV', () => {
  it('opens a citizen\'s CV as the preview shows it, says it is read-only, and fires ju-cv-viewer-open with the id only', async () => {
    const el = await renderViewer();
    const event = oneEvent(el, 'ju-cv-viewer-open');
    citizenButton(el, 'c-amira').click();
    expect((await event).detail).to.deep.equal({ citizenId: 'c-amira' });
    await opened(el);
    expect(text($(el, '#cv-name'))).to.equal('Amira Hassan');
    expect($(el, '#cv-name').tagName).to.equal('H2');
    const cv = text($(el, 'article.cv'));
    expect(cv).to.include('Bilka Vejle').and.include('mar. 2024 – nu').and.not.include(HIDDEN_MARK);
    expect(text($(el, '[part="shared-note"]'))).to.include('Delt med jer 1. nov. 2026').and.include('Du kan kun læse CV’et');
    expect($(el, '.list-view').hidden).to.equal(true);
    expect(el.getAttribute('citizen')).to.equal('c-amira');
    expect(server.requestsTo('/v1/cvs/c-amira')).to.have.length(1);
    expect($(el, '.detail').querySelectorAll('input, textarea, select, [contenteditable]').length).to.equal(0);
  });

  it('says the CV is empty in the caseworker\'s words when the citizen has written nothing', async () => {
    const el = await renderViewer();
    citizenButton(el, 'c-soeren').click();
    await opened(el);
    expect(text($(el, '.cv-empty'))).to.equal('Borgeren har ikke skrevet noget i sit CV endnu.');
  });

  it('says clearly when the citizen has withdrawn consent (404), and drops them from the list', async () => {
    const el = await renderViewer();
    server.revoke('c-jens');
    citizenButton(el, 'c-jens').click();
    await opened(el);
    expect(text($(el, '[part="revoked"]'))).to.include('Borgeren deler ikke længere sit CV');
    expect(el.shadowRoot?.querySelector('article.cv')).to.equal(null);
    expect(el.shadowRoot?.querySelector('[part="print"]')).to.equal(null);
    await announced(el, 'Borgeren deler ikke længere sit CV');
    $<HTMLButtonElement>(el, '[part="back"]').click();
    await el.updateComplete;
    expect(listed(el)).to.deep.equal(['Amira Hassan', 'Søren']);
  });

  it('retries an opened CV that failed to load, and says when offline', async () => {
    const el = await renderViewer();
    server.fail('GET /v1/cvs/c-amira', { status: 501, code: 'not-implemented' });
    citizenButton(el, 'c-amira').click();
    await opened(el);
    expect(text($(el, '.detail [part="problem"]'))).to.include('Der er en fejl hos jobcentret');
    $<HTMLButtonElement>(el, '.detail [part="problem"] button').click();
    await opened(el);
    await until(el, 'article.cv');

    $<HTMLButtonElement>(el, '[part="back"]').click();
    await el.updateComplete;
    const online = goOffline();
    citizenButton(el, 'c-jens').click();
    await opened(el);
    expect(text($(el, '.detail [part="problem"]'))).to.include('Du er ikke på internettet');
    online();
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => text(el.shadowRoot?.querySelector('#cv-name')) === 'Jens Holm Nielsen' && el.shadowRoot?.querySelector('article.cv') !== null, 'the CV did not arrive when back online');
  });

  it('explains a CV it cannot read instead of showing nothing', async () => {
    const el = await renderViewer();
    server.fail('GET /v1/cvs/c-amira', 'not-json');
    citizenButton(el, 'c-amira').click();
    await opened(el);
    expect(text($(el, '.detail [part="problem"]'))).to.include('format, vi ikke kan læse');
  });

  it('opens one citizen\'s CV directly from the citizen attribute, without taking focus from the page', async () => {
    const outside = document.createElement('button');
    outside.textContent = 'Sagens knap';
    document.body.append(outside);
    outside.focus();
    try {
      const event = new Promise<CustomEvent<{ citizenId: string }>>((resolve) => {
        document.addEventListener('ju-cv-viewer-open', (opening) => { resolve(opening); }, { once: true });
      });
      const el = await fixture<JuCvViewer>(html`<ju-cv-viewer api=${API} citizen="c-jens" .token=${CASEWORKER_TOKEN}></ju-cv-viewer>`);
      expect((await event).detail).to.deep.equal({ citizenId: 'c-jens' });
      await opened(el);
      expect(text($(el, '#cv-name'))).to.equal('Jens Holm Nielsen');
      expect(document.activeElement).to.equal(outside);
      // Back goes to the list, which is already there.
      $<HTMLButtonElement>(el, '[part="back"]').click();
      await el.updateComplete;
      expect(el.hasAttribute('citizen')).to.equal(false);
      expect(listed(el)).to.have.length(3);
      // Setting the attribute again opens it again.
      el.setAttribute('citizen', 'c-amira');
      await opened(el);
      await until(el, 'article.cv');
      expect(text($(el, '#cv-name'))).to.equal('Amira Hassan');
      // Removing it goes back to the list, still without taking focus.
      outside.focus();
      el.removeAttribute('citizen');
      await el.updateComplete;
      expect($(el, '.list-view').hidden).to.equal(false);
      expect(document.activeElement).to.equal(outside);
    } finally {
      outside.remove();
    }
  });

  it('prints with "Udskriv"', async () => {
    const el = await renderViewer();
    citizenButton(el, 'c-amira').click();
    await opened(el);
    const original = window.print.bind(window);
    let printed = 0;
    window.print = () => { printed += 1; };
    try {
      const print = $<HTMLButtonElement>(el, '[part="print"]');
      expect(text(print)).to.equal('Udskriv');
      print.click();
      expect(printed).to.equal(1);
    } finally {
      window.print = original;
    }
  });

  it('starts over when moved in the page, reopening the CV the citizen attribute names', async () => {
    const el = await renderViewer();
    citizenButton(el, 'c-amira').click();
    await opened(el);
    const parent = el.parentElement;
    if (parent === null) throw new Error('no parent');
    el.remove();
    parent.append(el);
    await waitUntil(() => server.requestsTo('/v1/cvs/c-amira').length === 2, 'the CV was not fetched again');
    await opened(el);
    await until(el, 'article.cv');
    expect(server.requestsTo('/v1/cvs')).to.have.length(2);
  });

  it('forgets what one caseworker saw when the token changes', async () => {
    const el = await renderViewer();
    citizenButton(el, 'c-amira').click();
    await opened(el);
    el.token = undefined;
    await el.updateComplete;
    expect(el.shadowRoot?.querySelector('article.cv')).to.equal(null);
    expect(el.shadowRoot?.querySelector('.open')).to.equal(null);
  });
});

describe('<ju-cv-viewer> keyboard path', () => {
  it('Tab to a citizen, Enter opens, focus lands on the CV heading; "Tilbage til listen" returns focus to that citizen', async () => {
    const el = await renderViewer();
    $<HTMLInputElement>(el, '#filter').focus();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot?.activeElement).to.equal(citizenButton(el, 'c-jens'));
    await sendKeys({ press: 'Enter' });
    await opened(el);
    await until(el, 'article.cv');
    await el.updateComplete;
    expect(el.shadowRoot?.activeElement?.id).to.equal('cv-name');
    expect(text(el.shadowRoot?.activeElement)).to.equal('Jens Holm Nielsen');
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(el.shadowRoot?.activeElement?.getAttribute('part')).to.equal('back');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await waitUntil(() => el.shadowRoot?.activeElement === citizenButton(el, 'c-jens'), 'focus did not return to the citizen');
  });

  it('keeps focus on the CV heading when the CV arrives after the heading was focused', async () => {
    server.latencyMs = 200;
    const el = await renderViewer();
    citizenButton(el, 'c-amira').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.shadowRoot?.activeElement?.id).to.equal('cv-name');
    expect($(el, '.cv-loading').getAttribute('aria-busy')).to.equal('true');
    await opened(el);
    await until(el, 'article.cv');
    await el.updateComplete;
    expect(el.shadowRoot?.activeElement?.id).to.equal('cv-name');
    expect(el.shadowRoot?.activeElement?.closest('article')).to.not.equal(null);
  });

  it('returns focus to the list heading when the opened citizen is no longer in the list', async () => {
    const el = await renderViewer();
    server.revoke('c-amira');
    citizenButton(el, 'c-amira').focus();
    await sendKeys({ press: 'Enter' });
    await opened(el);
    $<HTMLButtonElement>(el, '[part="back"]').click();
    await el.updateComplete;
    await waitUntil(() => el.shadowRoot?.activeElement?.id === 'list-heading', 'focus did not go to the list heading');
  });
});
