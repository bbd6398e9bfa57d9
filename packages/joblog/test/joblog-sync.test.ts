import { expect, waitUntil } from '@open-wc/testing';
import { FakeJoblogServer } from './support/sync-fake-joblog-server.js';
import {
  $, addApplication, application, cleanUpStores, click, dialogClosed, openDialog, renderJoblog, storeEntries, text, uniqueStore, until,
} from './support/joblog-helpers.js';

const API = 'https://api.jobcenter.example.dk/jobunivers/';
const TOKEN = 'citizen-amira';
let restore: (() => void) | undefined;

function startServer(): FakeJoblogServer {
  const server = new FakeJoblogServer();
  const original = window.fetch.bind(window);
  window.fetch = (input, init) => server.fetch(input, init);
  restore = () => { window.fetch = original; };
  return server;
}

afterEach(async () => {
  restore?.();
  restore = undefined;
  await cleanUpStores();
});

describe('<ju-joblog> sync and sharing', () => {
  it('sends a new entry to the server and says where it is kept', async () => {
    const server = startServer();
    const el = await renderJoblog({ api: API, token: TOKEN });
    await waitUntil(() => text($(el, '#jl-save-state')).includes('hos jobcentret'), 'never synced', { timeout: 5000 });
    await addApplication(el, { title: 'Pædagogmedhjælper', employer: 'Vejle Kommune' });
    await dialogClosed(el);
    await waitUntil(() => server.entries.length === 1, 'the entry never reached the server', { timeout: 5000 });
    expect(server.entries[0]?.title).to.equal('Pædagogmedhjælper');
    await waitUntil(() => text($(el, '#jl-save-state')) === 'Gemt på denne enhed og hos jobcentret.', 'status line', { timeout: 5000 });
    expect(text($(el, '[part="where"]'))).to.include('Din sagsbehandler kan kun se den, hvis du deler den');
    // The server has no requirement agreed (404): the meter says so, and assumes nothing.
    await waitUntil(() => text(el.shadowRoot?.querySelector('.meter-message'))
      === 'Der er ikke aftalt et krav til din jobsøgning. Du kan stadig bruge jobloggen til at holde styr på dine ansøgninger.', 'meter', { timeout: 5000 });
    expect(el.shadowRoot?.querySelector('.meter-details, .meter-bar, [part="meter-assumed"]')).to.equal(null);
  });

  it('takes entries and the requirement from the server', async () => {
    const server = startServer();
    server.saveFromAnotherDevice(application({ title: 'Kassemedarbejder' }));
    server.requirement = { perWeek: 3, scale: 1, averageOverWeeks: 4, exemptWeeks: [], activitiesCount: false };
    const el = await renderJoblog({ api: API, token: TOKEN });
    await waitUntil(() => el.entries.some((entry) => entry.title === 'Kassemedarbejder'), 'the server entry never came', { timeout: 5000 });
    await waitUntil(() => text(el.shadowRoot?.querySelector('.meter-details')).includes('Din aftale er 3 om ugen.'), 'the server requirement was not used', { timeout: 5000 });
    expect(text(el.shadowRoot?.querySelector('.meter'))).to.not.include('tommelfingerreglen');
  });

  it('shows a conflict and keeps what the citizen chooses', async () => {
    const server = startServer();
    const store = uniqueStore();
    const el = await renderJoblog({ store, api: API, token: TOKEN });
    await addApplication(el, { title: 'Tømrer', employer: 'Hansen' });
    await dialogClosed(el);
    await waitUntil(() => server.entries.length === 1, 'not sent', { timeout: 5000 });
    const entry = el.entries[0] ?? application();
    el.remove();
    // Changed on another device and here while this one was closed.
    server.saveFromAnotherDevice({ ...entry, notes: 'der' });
    await storeEntries(store, [{ ...entry, notes: 'her' }]);
    const again = await renderJoblog({ store, api: API, token: TOKEN });
    await until(again, '#jl-conflict', 6000);
    await openDialog(again, '#jl-conflict');
    expect(text($(again, 'dialog'))).to.include('her');
    expect(text($(again, 'dialog'))).to.include('der');
    await click(again, 'button[data-choice="theirs"]');
    await dialogClosed(again);
    await waitUntil(() => again.entries[0]?.notes === 'der');
  });

  it('shares with the job centre after consent, and withdraws', async () => {
    const server = startServer();
    const el = await renderJoblog({ api: API, token: TOKEN });
    await until(el, '#jl-share', 5000);
    await openDialog(el, '#jl-share');
    await click(el, '#sh-share');
    expect(text($(el, 'dialog'))).to.include('Sæt flueben');
    expect(server.sharedAt).to.equal(null);
    await click(el, '#sh-consent');
    await click(el, '#sh-share');
    await dialogClosed(el);
    expect(server.sharedAt).to.not.equal(null);
    await waitUntil(() => text($(el, '[part="where"]')).includes('du deler den'));
    await openDialog(el, '#jl-share');
    await click(el, '#sh-withdraw');
    await dialogClosed(el);
    expect(server.sharedAt).to.equal(null);
  });

  it('says so when the server cannot be reached, and keeps the entry here', async () => {
    const server = startServer();
    for (let attempt = 0; attempt < 50; attempt++) server.fail('GET /v1/me/joblog/entries', 'network');
    const el = await renderJoblog({ api: API, token: TOKEN });
    await waitUntil(() => text($(el, '#jl-save-state')).includes('offline'), 'no offline note', { timeout: 5000 });
    expect(text($(el, '#jl-save-state'))).to.include('Gemt på denne enhed.');
  });
});
