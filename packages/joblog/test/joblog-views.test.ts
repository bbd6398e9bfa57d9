import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { JoblogStore } from '../src/storage/entry-store.js';
import {
  $, $$, announced, application, choose, cleanUpStores, click, dialogClosed, openDialog, renderJoblog, storeEntries, text, typeInto, uniqueStore, until,
} from './support/joblog-helpers.js';

afterEach(async () => {
  await cleanUpStores();
});

describe('<ju-joblog> views, activities and helpers', () => {
  it('moves a card on the board by keyboard: saved with history, announced, and the view choice is remembered', async () => {
    const store = uniqueStore();
    const entry = application({ date: '2026-11-03', history: [{ status: 'applied', outcome: null, on: '2026-11-03' }] });
    await storeEntries(store, [entry]);
    const el = await renderJoblog({ store });
    const changes: unknown[] = [];
    el.addEventListener('ju-joblog-status-changed', (event) => { changes.push(event.detail); });
    await until(el, '#jl-view-board');
    $(el, '#jl-view-board').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect($(el, '#jl-view-board').getAttribute('aria-pressed')).to.equal('true');
    const move = await until(el, `.ju-joblog-card[data-entry-id="${entry.id}"] .ju-joblog-card-move`);
    move.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const target = await until(el, `.ju-joblog-card[data-entry-id="${entry.id}"] [data-move-to="interview"]`);
    target.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.entries[0]?.status === 'interview', 'not moved');
    expect(el.entries[0]?.history.map((change) => change.status)).to.deep.equal(['applied', 'interview']);
    expect(changes).to.deep.equal([{ entryId: entry.id, status: 'interview' }]);
    await waitUntil(async () => {
      const stored = await JoblogStore.open({ name: store });
      const saved = await stored.get(entry.id);
      stored.close();
      return saved?.status === 'interview';
    }, 'not stored');
    el.remove();
    const again = await renderJoblog({ store });
    await waitUntil(() => $(again, '#jl-view-board').getAttribute('aria-pressed') === 'true', 'the board was not remembered');
  });

  it('adds an activity with its own fields', async () => {
    const el = await renderJoblog();
    await openDialog(el, '#jl-add-activity');
    expect($$(el, '#ef-method')).to.have.length(0);
    await typeInto(el, 'ef-title', 'Jobmesse i Vejle');
    await choose(el, 'ef-activityKind', 'job-fair');
    await click(el, '#ef-save');
    await dialogClosed(el);
    await announced(el, 'Tilføjet: Jobmesse i Vejle');
    expect(el.entries[0]?.type).to.equal('activity');
    expect(el.entries[0]?.activityKind).to.equal('job-fair');
  });

  it('lets the citizen choose which CV was sent, from the versions the host passes', async () => {
    const el = await renderJoblog();
    el.cvVersions = [{ id: 'v1', name: 'CV til lagerjob' }, { id: 'v2', name: 'CV til kontor' }];
    await el.updateComplete;
    await openDialog(el, '#jl-add-application');
    await typeInto(el, 'ef-title', 'Lagermedarbejder');
    await typeInto(el, 'ef-employer', 'Bilka');
    await choose(el, 'ef-cv', 'v1');
    await click(el, '#ef-save');
    await dialogClosed(el);
    expect(el.entries[0]?.cv).to.deep.equal({ versionId: 'v1', name: 'CV til lagerjob' });
  });

  it('shows an entry in Jobnet\'s order with copy buttons', async () => {
    const store = uniqueStore();
    await storeEntries(store, [application({ hoursPerWeek: 37, source: 'Jobnet' })]);
    const el = await renderJoblog({ store });
    await openDialog(el, '#jl-jobnet');
    const labels = $$(el, '.copy-row dt').map((node) => text(node));
    expect(labels.slice(0, 3)).to.deep.equal(['Stillingsbetegnelse', 'Virksomhed', 'Postnummer']);
    expect(text($(el, '.copy-list'))).to.include('7100 Vejle');
    expect($$(el, '.copy-row button')).to.have.length(labels.length);
  });

  it('shows insights by how the citizen applied', async () => {
    const store = uniqueStore();
    await storeEntries(store, [
      application({ method: 'phone', status: 'interview', history: [{ status: 'applied', outcome: null, on: '2026-11-01' }, { status: 'interview', outcome: null, on: '2026-11-05' }] }),
      application({ title: 'Kok', method: 'written' }),
    ]);
    const el = await renderJoblog({ store });
    await openDialog(el, '#jl-insights');
    const rows = $$(el, '.insights-table tbody tr').map((row) => [...row.children].map((cell) => text(cell)).join('|'));
    expect(rows).to.include('Telefonisk|1|1|1');
    expect(rows).to.include('Skriftligt|1|0|0');
  });
});
