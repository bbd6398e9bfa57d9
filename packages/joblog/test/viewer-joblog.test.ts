import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import '../src/viewer.js';
import type { JuJoblogViewer } from '../src/viewer.js';
import {
  FakeJoblogViewerServer, JOBLOG_CASEWORKER_TOKEN, demoJoblogCitizens, fakeEntries, type FakeJoblogCitizen,
} from '../../../stories/support/joblog-viewer-fake-api.js';

const API = 'https://api.jobcenter.example.dk/jobunivers/';
let server: FakeJoblogViewerServer;
let restoreFetch: () => void = () => undefined;

function freshServer(citizens?: FakeJoblogCitizen[]): FakeJoblogViewerServer {
  restoreFetch();
  server = new FakeJoblogViewerServer(citizens);
  restoreFetch = server.install();
  return server;
}

beforeEach(() => { freshServer(); });
afterEach(async () => {
  restoreFetch();
  restoreFetch = () => undefined;
  Reflect.deleteProperty(navigator, 'onLine');
  await emulateMedia({ media: 'screen' });
});

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- like querySelector: the caller names the element type it expects
const $ = <T extends Element = HTMLElement>(el: Element, selector: string): T => {
  const found = el.shadowRoot?.querySelector<T>(selector) ?? null;
  if (found === null) throw new Error(`nothing matches ${selector}`);
  return found;
};
const $$ = (el: Element, selector: string): HTMLElement[] => [...(el.shadowRoot?.querySelectorAll<HTMLElement>(selector) ?? [])];
const text = (node: Node | null | undefined): string => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const focused = (el: Element): Element | null | undefined => el.shadowRoot?.activeElement;

async function until(el: Element, selector: string): Promise<HTMLElement> {
  await waitUntil(() => el.shadowRoot?.querySelector(selector) !== null, `nothing matches ${selector}`, { timeout: 4000 });
  const found: HTMLElement = $(el, selector);
  return found;
}

async function renderViewer(template: TemplateResult = html`<ju-joblog-viewer api=${API} .token=${JOBLOG_CASEWORKER_TOKEN}></ju-joblog-viewer>`): Promise<JuJoblogViewer> {
  const el = await fixture<JuJoblogViewer>(template);
  await waitUntil(() => el.shadowRoot?.querySelector('.list-view [aria-busy="true"]') === null && el.shadowRoot.querySelector('.list-view') !== null,
    'the viewer did not finish loading', { timeout: 4000 });
  await el.updateComplete;
  return el;
}

/** Waits until an opened joblog (or what shows instead) has finished loading. */
async function opened(el: JuJoblogViewer): Promise<void> {
  await waitUntil(() => (el.shadowRoot !== null && el.shadowRoot.querySelector('.detail') !== null && el.shadowRoot.querySelector('.entries-loading') === null), 'the joblog did not finish loading', { timeout: 8000 });
  await el.updateComplete;
}

async function openCitizen(el: JuJoblogViewer, citizenId: string): Promise<void> {
  $(el, `.open[data-citizen="${citizenId}"]`).click();
  await opened(el);
}

async function announced(el: Element, expected: string): Promise<void> {
  await waitUntil(() => text(el.shadowRoot?.querySelector('[data-ju-announcer="polite"]')).includes(expected)
    || text(el.shadowRoot?.querySelector('[data-ju-announcer="assertive"]')).includes(expected), `"${expected}" was not announced`, { timeout: 3000 });
}

async function type(el: JuJoblogViewer, selector: string, value: string): Promise<void> {
  const field = $<HTMLInputElement>(el, selector);
  field.value = value;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

function goOffline(): () => void {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
  return () => { Reflect.deleteProperty(navigator, 'onLine'); };
}

describe('<ju-joblog-viewer> list', () => {
  it('lists who shares, in the server\'s order, with this week against the requirement, the average, entries and last change', async () => {
    const el = await renderViewer();
    expect($$(el, '.open').map(text)).to.deep.equal(['Amira', 'Jens', 'Søren']);
    expect(text($(el, '.count'))).to.equal('3 borgere deler deres joblog med dig');
    const jens = text($(el, `#${$(el, '.open[data-citizen="c-jens"]').getAttribute('aria-describedby') ?? ''}`));
    expect(jens).to.match(/Denne uge ?\d+ af 2/).and.include('Gennemsnit over').and.match(/Registreringer ?3/).and.include('Under kravet');
    expect(text($(el, `#${$(el, '.open[data-citizen="c-soeren"]').getAttribute('aria-describedby') ?? ''}`)))
      .to.include('Intet krav aftalt').and.include('Ikke ændret endnu');
    expect(server.requestsTo('/v1/joblogs')[0]?.headers.get('Authorization')).to.equal(`Bearer ${JOBLOG_CASEWORKER_TOKEN}`);
    await announced(el, '3 borgere deler deres joblog med dig');
  });

  it('filters by first name as the caseworker types, without asking the server', async () => {
    const el = await renderViewer();
    await type(el, '#filter', 'JE');
    expect($$(el, '.open').map(text)).to.deep.equal(['Jens']);
    expect(text($(el, '.count'))).to.equal('1 af 3 borgere passer til »JE«');
    await announced(el, '1 af 3 borgere passer til »JE«');
    await type(el, '#filter', 'xyz');
    expect($$(el, '.open')).to.have.length(0);
    expect(text($(el, '.count'))).to.include('Ingen borgere passer til »xyz«');
    expect(server.requestsTo('/v1/joblogs')).to.have.length(1);
  });

  it('says so when nobody shares yet', async () => {
    freshServer([]);
    const el = await renderViewer();
    expect(text($(el, '[part="empty"]'))).to.equal('Ingen borgere deler deres joblog med dig endnu.');
    expect(el.shadowRoot?.querySelector('#filter')).to.equal(null);
  });

  it('explains a server error and fetches again with "Prøv igen"', async () => {
    server.fail('GET /v1/joblogs', { status: 501, code: 'not-implemented' });
    const el = await renderViewer();
    expect(text($(el, '[part="problem"]'))).to.include('Der er en fejl hos jobcentret');
    $(el, '[part="problem"] button').click();
    await until(el, '.open');
    expect(el.shadowRoot?.querySelector('[part="problem"]')).to.equal(null);
  });

  it('says when the device is offline, and fetches by itself when the connection is back', async () => {
    const online = goOffline();
    server.fail('GET *', 'network');
    const el = await renderViewer();
    expect(text($(el, '[part="problem"]'))).to.include('Du er ikke på internettet');
    online();
    window.dispatchEvent(new Event('online'));
    await until(el, '.open');
  });

  it('fetches the list again, quietly, when the caseworker comes back to the page', async () => {
    const el = await renderViewer();
    server.citizens = server.citizens.slice(0, 2);
    // RefreshOnReturn waits 30 s between refreshes; pretend that much has passed.
    const realNow = Date.now;
    Date.now = () => realNow() + 60_000;
    try {
      window.dispatchEvent(new Event('focus'));
      document.dispatchEvent(new Event('visibilitychange'));
      await waitUntil(() => $$(el, '.open').length === 2, 'the list was not refreshed');
    } finally {
      Date.now = realNow;
    }
  });

  it('asks a caseworker to sign in without a token, and explains a citizen\'s token (403)', async () => {
    const signedOut = await fixture<JuJoblogViewer>(html`<ju-joblog-viewer api=${API}></ju-joblog-viewer>`);
    expect(text($(signedOut, '[part="signed-out"]'))).to.include('Log ind som medarbejder');
    const citizen = await renderViewer(html`<ju-joblog-viewer api=${API} .token=${'citizen-token'}></ju-joblog-viewer>`);
    expect(text($(citizen, '[part="problem"]'))).to.include('Du har ikke adgang til borgernes joblogs');
  });
});

describe('<ju-joblog-viewer> an opened joblog', () => {
  it('opens from the list: heading with the name, the meter, the entries read-only, and ju-joblog-viewer-opened with the id only', async () => {
    const el = await renderViewer();
    const event = oneEvent(el, 'ju-joblog-viewer-opened');
    $(el, '.open[data-citizen="c-amira"]').click();
    expect((await event).detail).to.deep.equal({ citizenId: 'c-amira' });
    await opened(el);
    expect(text($(el, '#joblog-name'))).to.equal('Joblog for Amira');
    expect(focused(el)?.id).to.equal('joblog-name');
    expect(el.getAttribute('citizen')).to.equal('c-amira');
    expect(text($(el, '[part="meter"]'))).to.include('Søgekrav').and.include('Aftalen er');
    expect($$(el, '.ju-joblog-row').length).to.be.greaterThan(0);
    // Read-only: nothing to add, move, edit or delete.
    expect($$(el, '.ju-joblog-card-move, [draggable="true"], #jl-add-application')).to.have.length(0);
    expect($(el, '.list-view').hidden).to.equal(true);
  });

  it('opens from the citizen attribute without taking focus, and shows the week overview on request', async () => {
    const el = await renderViewer(html`<ju-joblog-viewer api=${API} .token=${JOBLOG_CASEWORKER_TOKEN} citizen="c-jens"></ju-joblog-viewer>`);
    await opened(el);
    expect(focused(el)).to.equal(null);
    await waitUntil(() => text(el.shadowRoot?.querySelector('#joblog-name')) === 'Joblog for Jens');
    $(el, '#view-weeks').click();
    await el.updateComplete;
    expect($(el, '#view-weeks').getAttribute('aria-pressed')).to.equal('true');
    expect(text($(el, '.ju-joblog-weeks'))).to.include('Fritaget: sygdom');
  });

  it('follows the feed\'s cursor until the whole joblog is read, and drops deleted entries', async () => {
    const entries = fakeEntries(2500, 0.01);
    freshServer([{ ...demoJoblogCitizens()[0], entries, deleted: ['entry-00001'] }]);
    const el = await renderViewer();
    await openCitizen(el, 'c-amira');
    const pages = server.requestsTo('/v1/joblogs/c-amira/entries');
    expect(pages.map((request) => request.query.get('cursor'))).to.deep.equal([null, 'c1000', 'c2000']);
    expect(pages.every((request) => request.query.get('limit') === '1000')).to.equal(true);
    expect(text($(el, '.ju-joblog-count'))).to.include('2.499');
  });

  it('stays fast with 10,000 entries: the list is windowed', async () => {
    freshServer([{ ...demoJoblogCitizens()[0], entries: fakeEntries(10_000, 0.05) }]);
    const el = await renderViewer();
    const started = performance.now();
    await openCitizen(el, 'c-amira');
    const took = performance.now() - started;
    expect($$(el, '.ju-joblog-row').length).to.be.below(60);
    expect(text($(el, '.ju-joblog-count'))).to.include('10.000');
    expect(took).to.be.below(3000);
    const search = $<HTMLInputElement>(el, '#ju-joblog-search');
    const typed = performance.now();
    await type(el, '#ju-joblog-search', 'kok');
    const filtered = performance.now() - typed;
    expect(filtered).to.be.below(300);
    expect(search.value).to.equal('kok');
    console.log(`[viewer timing] open 10,000 entries (10 feed pages, fake server): ${took.toFixed(0)} ms; search "kok": ${filtered.toFixed(1)} ms; rows in the DOM: ${String($$(el, '.ju-joblog-row').length)}`);
  });

  it('says plainly when the citizen has withdrawn consent (404), and the citizen leaves the list', async () => {
    const el = await renderViewer();
    server.revoke('c-jens');
    await openCitizen(el, 'c-jens');
    expect(text($(el, '[part="revoked"]'))).to.include('Borgeren deler ikke længere sin joblog');
    await announced(el, 'Borgeren deler ikke længere sin joblog');
    expect(el.shadowRoot?.querySelector('[part="meter"]')).to.equal(null);
    $(el, '[part="back"]').click();
    await el.updateComplete;
    expect($$(el, '.open').map(text)).to.deep.equal(['Amira', 'Søren']);
    expect(focused(el)?.id).to.equal('list-heading');
  });

  it('offers "Prøv igen" when the joblog cannot be fetched', async () => {
    const el = await renderViewer();
    server.fail('GET /v1/joblogs/c-amira/entries', { status: 501, code: 'not-implemented' });
    await openCitizen(el, 'c-amira');
    expect(text($(el, '.detail [part="problem"]'))).to.include('Der er en fejl hos jobcentret');
    $(el, '.detail [part="problem"] button').click();
    await opened(el);
    await until(el, '[part="meter"]');
  });

  it('"Tilbage til listen" by keyboard returns focus to the citizen in the list', async () => {
    const el = await renderViewer();
    $(el, '.open[data-citizen="c-jens"]').focus();
    await sendKeys({ press: 'Enter' });
    await opened(el);
    $(el, '[part="back"]').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(focused(el)).to.equal($(el, '.open[data-citizen="c-jens"]'));
    expect(el.hasAttribute('citizen')).to.equal(false);
  });

  it('shows an entry read-only in a dialog and returns focus to its title on Escape', async () => {
    const el = await renderViewer();
    await openCitizen(el, 'c-amira');
    const first = $(el, '.ju-joblog-row-open');
    first.focus();
    await sendKeys({ press: 'Enter' });
    await until(el, 'dialog[open]');
    expect(text($(el, '.entry-notes'))).to.include('Ringede til Mette');
    expect($(el, '.entry-facts a').getAttribute('href')).to.match(/^https:\/\/job\.example\.dk/);
    expect($$(el, 'dialog input, dialog select, dialog textarea')).to.have.length(0);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => el.shadowRoot?.querySelector('dialog') === null, 'the dialog did not close');
    await el.updateComplete;
    expect(focused(el)).to.equal($(el, '.ju-joblog-row-open'));
  });

  it('prints the open joblog only: every entry, without buttons, forms or the list', async () => {
    const el = await renderViewer();
    await openCitizen(el, 'c-amira');
    const sibling = document.createElement('nav');
    el.parentElement?.append(sibling);
    window.dispatchEvent(new Event('beforeprint'));
    await el.updateComplete;
    await emulateMedia({ media: 'print' });
    expect(sibling.hasAttribute('data-ju-print-hide')).to.equal(true);
    expect($$(el, '.print-list li')).to.have.length(14);
    for (const part of ['toolbar', 'list-view']) expect(getComputedStyle($(el, `[part="${part}"]`)).display, part).to.equal('none');
    expect(getComputedStyle($(el, '.requirement-actions')).display).to.equal('none');
    expect(getComputedStyle($(el, '[part="meter"]')).display).to.equal('block');
    window.dispatchEvent(new Event('afterprint'));
    await el.updateComplete;
    expect(sibling.hasAttribute('data-ju-print-hide')).to.equal(false);
    expect(el.shadowRoot?.querySelector('.print-list')).to.equal(null);
    sibling.remove();
  });

  it('renders script and markup in a first name and in entry fields as text', async () => {
    const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
    const [entry] = fakeEntries(1);
    freshServer([{
      ...demoJoblogCitizens()[0], firstName: payload,
      entries: [{ ...entry, title: payload, employer: payload, notes: payload, source: payload, sourceUrl: 'javascript:alert(1)' }],
    }]);
    const el = await renderViewer();
    expect(text($(el, '.open'))).to.equal(payload);
    await openCitizen(el, 'c-amira');
    expect(text($(el, '#joblog-name'))).to.equal(`Joblog for ${payload}`);
    expect(text($(el, '.ju-joblog-row-open'))).to.equal(payload);
    $(el, '.ju-joblog-row-open').click();
    await until(el, 'dialog[open]');
    expect(text($(el, '.entry-notes'))).to.equal(payload);
    expect($$(el, 'img, script, dialog a')).to.have.length(0);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });
});

describe('<ju-joblog-viewer> the requirement', () => {
  it('saves N per week (1,5), part time and an exempt week with If-Match, announces it and fires ju-joblog-requirement-saved', async () => {
    const el = await renderViewer();
    await openCitizen(el, 'c-jens');
    $(el, '#rq-edit').click();
    await el.updateComplete;
    expect(focused(el)?.id).to.equal('rq-heading');
    expect($<HTMLInputElement>(el, '#rq-per-week').value).to.equal('4');
    expect($<HTMLInputElement>(el, '#rq-scale').value).to.equal('50');
    await type(el, '#rq-per-week', '1,5');
    await type(el, '#rq-scale', '75');
    $(el, '#rq-add-week').click();
    await el.updateComplete;
    const weeks = $$(el, '.exempt-row input');
    const added = weeks[weeks.length - 1] as HTMLInputElement;
    await type(el, `#${added.id}`, '2026-w52');
    const select = $<HTMLSelectElement>(el, `#${added.id.replace('week', 'reason')}`);
    select.value = 'holiday';
    select.dispatchEvent(new Event('change'));
    const saved = oneEvent(el, 'ju-joblog-requirement-saved');
    $(el, '#rq-save').click();
    expect((await saved).detail).to.deep.equal({ citizenId: 'c-jens', version: 4 });
    const put = server.requestsTo('/v1/joblogs/c-jens/requirement', 'PUT')[0];
    expect(put.headers.get('If-Match')).to.equal('"3"');
    const body = put.body as { perWeek: number; scale: number; exemptWeeks: { week: string; reason: string }[] };
    expect(body.perWeek).to.equal(1.5);
    expect(body.scale).to.equal(0.75);
    expect(body.exemptWeeks.map((week) => `${week.week} ${week.reason}`)).to.include('2026-W52 holiday');
    await announced(el, 'Søgekravet er gemt.');
    await el.updateComplete;
    expect(focused(el)?.id).to.equal('rq-edit');
    expect(text($(el, '[part="meter"]'))).to.include('deltid (75 % af fuld tid)');
  });

  it('shows errors tied to their fields and saves nothing', async () => {
    const el = await renderViewer();
    await openCitizen(el, 'c-amira');
    $(el, '#rq-edit').click();
    await el.updateComplete;
    await type(el, '#rq-per-week', 'halvanden');
    $(el, '#rq-add-week').click();
    await el.updateComplete;
    $(el, '#rq-save').click();
    await el.updateComplete;
    expect(focused(el)?.id).to.equal('rq-errors');
    expect(text($(el, '#rq-errors'))).to.include('Ret 2 fejl');
    const field = $(el, '#rq-per-week');
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    expect(text($(el, `#${(field.getAttribute('aria-describedby') ?? '').split(' ')[1] ?? ''}`))).to.equal('Skriv et tal fra 0 til 10, fx 1,5.');
    $(el, '#rq-errors a').click();
    expect(focused(el)?.id).to.equal('rq-per-week');
    expect(server.requestsTo('/v1/joblogs/c-amira/requirement', 'PUT')).to.have.length(0);
  });

  it('on 412 says a colleague changed it, keeps the input, and saves over theirs after "Hent det nye søgekrav"', async () => {
    const el = await renderViewer();
    await openCitizen(el, 'c-amira');
    $(el, '#rq-edit').click();
    await el.updateComplete;
    await type(el, '#rq-per-week', '3');
    server.colleagueSaves('c-amira', { perWeek: 2, scale: 1, averageOverWeeks: 4, exemptWeeks: [], activitiesCount: true });
    $(el, '#rq-save').click();
    const conflict = await until(el, '[part="requirement-conflict"]');
    expect(text(conflict)).to.include('En kollega har ændret søgekravet');
    await announced(el, 'En kollega har ændret søgekravet');
    expect(focused(el)?.id).to.equal('rq-conflict');
    expect($<HTMLInputElement>(el, '#rq-per-week').value).to.equal('3');
    $(el, '#rq-reload').click();
    await waitUntil(() => text(el.shadowRoot?.querySelector('[part="requirement-conflict"]')).includes('Kollegaens søgekrav er hentet'));
    expect(text($(el, '[part="meter"]'))).to.include('Aftalen er 2 om ugen');
    expect($<HTMLInputElement>(el, '#rq-per-week').value).to.equal('3');
    $(el, '#rq-save').click();
    await announced(el, 'Søgekravet er gemt.');
    const puts = server.requestsTo('/v1/joblogs/c-amira/requirement', 'PUT');
    expect(puts.map((put) => put.headers.get('If-Match'))).to.deep.equal(['"1"', '"2"']);
    expect(server.citizen('c-amira')?.requirement?.perWeek).to.equal(3);
  });

  it('agrees a first requirement with If-None-Match: * (not If-Match), and removes one only after a confirmation', async () => {
    const el = await renderViewer();
    await openCitizen(el, 'c-soeren');
    expect(text($(el, '[part="meter"]'))).to.include('Der er ikke aftalt et søgekrav');
    expect(el.shadowRoot?.querySelector('#rq-remove')).to.equal(null);
    $(el, '#rq-edit').click();
    await el.updateComplete;
    $(el, '#rq-save').click();
    await announced(el, 'Søgekravet er gemt.');
    const puts = server.requestsTo('/v1/joblogs/c-soeren/requirement', 'PUT');
    expect(puts).to.have.length(1);
    const [firstPut] = puts;
    expect(firstPut.headers.has('If-Match')).to.equal(false);
    expect(firstPut.headers.get('If-None-Match')).to.equal('*');
    await until(el, '#rq-remove');
    $(el, '#rq-remove').click();
    await el.updateComplete;
    expect(focused(el)?.id).to.equal('rq-confirm-text');
    expect(server.requestsTo('/v1/joblogs/c-soeren/requirement', 'DELETE')).to.have.length(0);
    $(el, '#rq-remove-yes').click();
    await announced(el, 'Søgekravet er fjernet.');
    expect(server.requestsTo('/v1/joblogs/c-soeren/requirement', 'DELETE')).to.have.length(1);
    expect(text($(el, '[part="meter"]'))).to.include('Der er ikke aftalt et søgekrav');
  });
});
