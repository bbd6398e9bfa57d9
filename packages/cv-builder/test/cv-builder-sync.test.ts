import { expect, waitUntil } from '@open-wc/testing';
import { fieldId } from '../src/editor-context.js';
import { emptyCv, newItem, type Cv } from '../src/model/cv.js';
import { toJsonResume } from '../src/model/index.js';
import { CvDraftStore } from '../src/storage/draft-store.js';
import type { JuCvBuilder } from '../src/index.js';
import type { FakeCvServer } from './support/sync-fake-cv-server.js';
import {
  $, $$, API, CITIZEN, announced, cleanUpStores, click, dialogClosed, has, openDialog, renderBuilder, startServer, text, typeInto,
  uniqueStore, until, valueOf,
} from './support/cv-builder-helpers.js';

const NAME = fieldId('contact.name');
const SYNC_TIMEOUT = 6000;

let server: FakeCvServer;
let stop: () => void = () => undefined;

beforeEach(() => {
  ({ server, stop } = startServer());
});

afterEach(async () => {
  stop();
  Reflect.deleteProperty(navigator, 'onLine');
  await cleanUpStores();
});

const storedName = (): string | undefined => (server.storedDocument as { basics?: { name?: string } } | undefined)?.basics?.name;

function cvNamed(name: string, employer?: string): Cv {
  const cv = emptyCv();
  cv.contact.name = name;
  if (employer !== undefined) cv.work.items = [{ ...newItem.work(), position: 'Lagermedarbejder', employer }];
  return cv;
}

/** A builder whose CV is on the server and in step with it. */
async function syncedBuilder(name: string): Promise<{ el: JuCvBuilder; store: string }> {
  const store = uniqueStore();
  const el = await renderBuilder({ store, api: API, token: CITIZEN });
  await typeInto(el, NAME, name);
  await waitUntil(() => storedName() === name, 'the CV was not sent to the server', { timeout: SYNC_TIMEOUT });
  return { el, store };
}

async function versionNames(store: string): Promise<string[]> {
  const draftStore = await CvDraftStore.open({ name: store });
  try {
    return (await (await draftStore.versions()).list()).map((version) => version.name);
  } finally {
    draftStore.close();
  }
}

describe('<ju-cv-builder> with a server', () => {
  it('sends the CV after saving it locally, says it is saved in both places and fires ju-cv-saved for each', async () => {
    const store = uniqueStore();
    const el = await renderBuilder({ store, api: API, token: CITIZEN });
    const saved: unknown[] = [];
    el.addEventListener('ju-cv-saved', (event) => { saved.push(event.detail); });
    expect(text($(el, '[part="where"]'))).to.include('hos jobcentret, så du kan arbejde videre på en anden enhed');
    await typeInto(el, NAME, 'Amira Hassan');
    await waitUntil(() => storedName() === 'Amira Hassan', 'not sent', { timeout: SYNC_TIMEOUT });
    await waitUntil(() => text($(el, '.save-state')).startsWith('Gemt på denne enhed og hos jobcentret kl.')).catch(() => undefined);
    expect(text($(el, '.save-state'))).to.match(/^Gemt på denne enhed og hos jobcentret kl\. \d{2}[.:]\d{2}\.$/);
    expect(saved).to.deep.include({ where: 'local' });
    expect(saved).to.deep.include({ where: 'server', version: 1 });
    const put = server.requestsTo('PUT', '/v1/me/cv')[0];
    expect(put.headers.get('If-None-Match')).to.equal('*', 'the first upload only creates');
  });

  it('takes the server\'s copy on a new device with an empty CV', async () => {
    server.saveFromAnotherDevice(toJsonResume(cvNamed('Amira fra telefonen', 'Bilka')));
    const el = await renderBuilder({ api: API, token: CITIZEN });
    await waitUntil(() => valueOf(el, NAME) === 'Amira fra telefonen', 'the server copy was not taken', { timeout: SYNC_TIMEOUT });
    await announced(el, 'Vi har hentet dit CV fra jobcentret.');
    expect(server.requestsTo('PUT', '/v1/me/cv')).to.have.length(0);
  });

  it('waits while offline and sends when the browser is back online', async () => {
    const { el } = await syncedBuilder('Amira');
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    await typeInto(el, NAME, 'Amira Hassan');
    await waitUntil(() => text($(el, '.save-state')).includes('Det sendes til jobcentret, når du er på nettet igen.'), 'offline was not said', { timeout: SYNC_TIMEOUT });
    expect(storedName()).to.equal('Amira');
    Reflect.deleteProperty(navigator, 'onLine');
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => storedName() === 'Amira Hassan', 'not sent after coming online', { timeout: SYNC_TIMEOUT });
  });
});

describe('<ju-cv-builder> conflicts with another device', () => {
  async function conflict(): Promise<{ el: JuCvBuilder; store: string }> {
    const synced = await syncedBuilder('Amira');
    server.saveFromAnotherDevice(toJsonResume(cvNamed('Amira fra telefonen', 'Bilka')));
    await typeInto(synced.el, NAME, 'Amira fra computeren');
    await until(synced.el, '#tb-conflict', SYNC_TIMEOUT);
    await announced(synced.el, 'Dit CV er også blevet ændret på en anden enhed.');
    return synced;
  }

  it('shows both versions side by side; keeping this device\'s sends it and keeps the other as a version', async () => {
    const { el, store } = await conflict();
    expect(storedName()).to.equal('Amira fra telefonen', 'nothing is overwritten before the citizen chooses');
    await openDialog(el, '#tb-conflict');
    const sides = $$(el, '.compare-side');
    expect(sides.map((side) => text(side.querySelector('h4, h3, h5, h6')))).to.deep.equal(['Denne enhed', 'Den anden enhed']);
    expect(text(sides[0])).to.include('Amira fra computeren');
    expect(text(sides[1])).to.include('Amira fra telefonen');
    expect(text(sides[1])).to.include('Erhvervserfaring');
    await click(el, '#conflict-local');
    await dialogClosed(el);
    await waitUntil(() => storedName() === 'Amira fra computeren', 'this device\'s version was not sent', { timeout: SYNC_TIMEOUT });
    expect(valueOf(el, NAME)).to.equal('Amira fra computeren');
    expect(has(el, '#tb-conflict')).to.equal(false);
    expect((await versionNames(store)).some((name) => name.startsWith('Fra den anden enhed '))).to.equal(true);
  });

  it('using the other device\'s version takes it into the editor and keeps this one as a version', async () => {
    const { el, store } = await conflict();
    await openDialog(el, '#tb-conflict');
    await click(el, '#conflict-remote');
    await dialogClosed(el);
    await waitUntil(() => valueOf(el, NAME) === 'Amira fra telefonen', 'the other version was not taken');
    expect(storedName()).to.equal('Amira fra telefonen');
    const names = await versionNames(store);
    expect(names.some((name) => name.startsWith('Fra denne enhed '))).to.equal(true);
    await click(el, '#tb-undo');
    expect(valueOf(el, NAME)).to.equal('Amira fra computeren', 'the choice can be undone');
  });

  it('"Bestem senere" keeps both as they are', async () => {
    const { el } = await conflict();
    await openDialog(el, '#tb-conflict');
    $$<HTMLButtonElement>(el, 'dialog button').find((button) => text(button) === 'Bestem senere')!.click();
    await dialogClosed(el);
    expect(valueOf(el, NAME)).to.equal('Amira fra computeren');
    expect(storedName()).to.equal('Amira fra telefonen');
    expect(has(el, '#tb-conflict')).to.equal(true);
  });
});

describe('<ju-cv-builder> sharing with the job centre', () => {
  it('asks for consent in plain words, shares, and withdraws', async () => {
    const { el } = await syncedBuilder('Amira');
    const shared: unknown[] = [];
    el.addEventListener('ju-cv-shared', (event) => { shared.push(event.detail); });

    await openDialog(el, '#tb-share');
    await until(el, '#share-consent[aria-disabled="false"]');
    const words = text($(el, 'dialog'));
    expect(words).to.include('kan læse dit CV, men ikke ændre det');
    expect(words).to.include('trække delingen tilbage når som helst');
    expect(server.sharedAt).to.equal(null, 'nothing is shared before consent');
    await click(el, '#share-consent');
    await dialogClosed(el);
    expect(server.sharedAt).not.to.equal(null);
    expect(shared).to.deep.equal([{ shared: true }]);
    await waitUntil(() => text($(el, '[part="where"]')).includes('Du deler det med jobcentret'), 'the note did not say it is shared');

    await openDialog(el, '#tb-share');
    await until(el, '#share-withdraw');
    await click(el, '#share-withdraw');
    await dialogClosed(el);
    expect(server.sharedAt).to.equal(null);
    expect(shared).to.deep.equal([{ shared: true }, { shared: false }]);
    await announced(el, 'Du deler ikke længere dit CV med jobcentret.');
  });

  it('has no sharing without a citizen token', async () => {
    const el = await renderBuilder({ api: API });
    expect(has(el, '#tb-share')).to.equal(false);
    expect(text($(el, '[part="where"]'))).to.include('kun i denne browser');
  });
});
