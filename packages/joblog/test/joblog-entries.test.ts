import { expect, waitUntil } from '@open-wc/testing';
import { addDays, today as todayIn } from '../src/model/weeks.js';
import { JoblogStore } from '../src/storage/entry-store.js';
import {
  $, $$, addApplication, announced, application, choose, cleanUpStores, click, dialogClosed, has, openDialog, renderJoblog, storeEntries, text,
  typeInto, uniqueStore, until,
} from './support/joblog-helpers.js';

afterEach(async () => {
  await cleanUpStores();
});

describe('<ju-joblog> entries', () => {
  it('saves a new application to this browser, and it is there when the widget opens again', async () => {
    const store = uniqueStore();
    const el = await renderJoblog({ store });
    const added: unknown[] = [];
    el.addEventListener('ju-joblog-entry-added', (event) => { added.push(event.detail); });
    await addApplication(el, { title: 'Lagermedarbejder', employer: 'Bilka', postalCode: '7100' });
    await dialogClosed(el);
    await announced(el, 'Tilføjet: Lagermedarbejder');
    expect(added).to.have.length(1);
    expect(Object.keys(added[0] as object)).to.deep.equal(['entryId']);
    expect(text($(el, '#jl-save-state'))).to.equal('Gemt på denne enhed.');
    expect(text($(el, '[part="where"]'))).to.include('kun i denne browser');
    el.remove();

    const again = await renderJoblog({ store });
    await waitUntil(() => again.entries.length === 1, 'the entry was not read back');
    expect(again.entries[0]?.title).to.equal('Lagermedarbejder');
    expect(again.entries[0]?.postalCode).to.equal('7100');
    expect(text(again.shadowRoot)).to.include('Lagermedarbejder');
  });

  it('shows every problem linked to its field and saves nothing until they are fixed', async () => {
    const el = await renderJoblog();
    await openDialog(el, '#jl-add-application');
    await typeInto(el, 'ef-postalCode', '71');
    await click(el, '#ef-save');
    const summary = await until(el, '#ef-errors');
    expect(text(summary)).to.include('Skriv stillingens titel');
    expect(text(summary)).to.include('4 cifre');
    const title = $<HTMLInputElement>(el, '#ef-title');
    expect(title.getAttribute('aria-invalid')).to.equal('true');
    expect(title.getAttribute('aria-describedby')).to.equal('ef-title-error');
    expect(text($(el, '#ef-title-error'))).to.include('Skriv stillingens titel');
    expect(el.entries).to.have.length(0);
    // Every field has a visible label.
    for (const field of $$<HTMLInputElement>(el, 'dialog input:not([type=radio]), dialog select, dialog textarea')) {
      expect(has(el, `label[for="${field.id}"]`), field.id).to.equal(true);
    }
  });

  it('changes status with the date kept as history, and tells the page ids only', async () => {
    const store = uniqueStore();
    const entry = application({ date: '2026-11-03', history: [{ status: 'applied', outcome: null, on: '2026-11-03' }] });
    await storeEntries(store, [entry]);
    const el = await renderJoblog({ store });
    const events: { type: string; detail: unknown }[] = [];
    for (const type of ['ju-joblog-entry-updated', 'ju-joblog-status-changed'] as const) el.addEventListener(type, (event) => { events.push({ type, detail: event.detail }); });
    await until(el, `[data-entry="${entry.id}"] button, [data-entry-id="${entry.id}"] button`).catch(() => undefined);
    // Open through the component's own entry point (the views decide how rows look).
    await waitUntil(() => el.entries.length === 1);
    const opener = $$<HTMLButtonElement>(el, 'button').find((button) => text(button).includes('Lagermedarbejder') || button.closest(`[data-entry="${entry.id}"]`) !== null);
    expect(opener, 'a button opens the entry').to.not.equal(undefined);
    opener?.click();
    await waitUntil(() => el.shadowRoot?.querySelector<HTMLDialogElement>('dialog#jl-dialog')?.open === true, 'no form');
    await choose(el, 'ef-status', 'interview');
    await typeInto(el, 'ef-statusOn', '2026-11-12');
    await click(el, '#ef-save');
    await dialogClosed(el);
    const saved = el.entries.at(0);
    expect(saved?.status).to.equal('interview');
    expect(saved?.history.map((change) => [change.status, change.on])).to.deep.equal([['applied', '2026-11-03'], ['interview', '2026-11-12']]);
    expect(events).to.deep.equal([
      { type: 'ju-joblog-entry-updated', detail: { entryId: entry.id } },
      { type: 'ju-joblog-status-changed', detail: { entryId: entry.id, status: 'interview' } },
    ]);
    const stored = await JoblogStore.open({ name: store });
    expect((await stored.get(entry.id))?.status).to.equal('interview');
    stored.close();
  });

  it('warns before saving a second application to the same job, and saves it only when asked to', async () => {
    const store = uniqueStore();
    await storeEntries(store, [application({ date: '2026-11-03' })]);
    const el = await renderJoblog({ store });
    await addApplication(el, { title: ' lagermedarbejder ', employer: 'BILKA', postalCode: '7100' });
    const warning = await until(el, '#ef-duplicate');
    expect(text(warning)).to.match(/Du har allerede en ansøgning til Lagermedarbejder hos Bilka, 7100 \(3\. nov\.?\)\. Gem alligevel\?/);
    expect(el.entries).to.have.length(1);
    expect(text($(el, '#ef-save'))).to.equal('Gem alligevel');
    await click(el, '#ef-save');
    await dialogClosed(el);
    expect(el.entries).to.have.length(2);
  });

  it('reset() wipes the local copy', async () => {
    const store = uniqueStore();
    await storeEntries(store, [application()]);
    const el = await renderJoblog({ store });
    await waitUntil(() => el.entries.length === 1);
    await el.reset();
    expect(el.entries).to.have.length(0);
    await announced(el, 'slettet');
    el.remove();
    const again = await renderJoblog({ store });
    expect(again.entries).to.have.length(0);
  });

  it('meters against the requirement the host sets, in kind words', async () => {
    const store = uniqueStore();
    const today = todayIn(new Date());
    await storeEntries(store, [application({ date: today, title: 'Chauffør' })]);
    const el = await renderJoblog({ store, requirement: { perWeek: 2, scale: 1, averageOverWeeks: 1, exemptWeeks: [], activitiesCount: false } });
    await waitUntil(() => text($(el, '.meter')).includes('1 mere'), 'the meter did not count');
    // The model's sentences (requirement.* in model.da.json), the same the caseworker's viewer shows.
    expect(text($(el, '.meter-message'))).to.equal('1 mere denne uge, så er du godt med.');
    expect($$(el, '.meter-details li').map((item) => text(item))).to.deep.equal(['1 ansøgning i denne uge', 'Din aftale er 2 om ugen.']);
    expect(text($(el, '.meter'))).to.not.include('tommelfingerreglen');
    el.requirement = { perWeek: 1, scale: 0.5, averageOverWeeks: 1, exemptWeeks: [], activitiesCount: false };
    await el.updateComplete;
    expect(text($(el, '.meter-message'))).to.equal('Du er godt med. Bliv ved sådan!');
    expect($$(el, '.meter-details li').map((item) => text(item))).to.include('Kravet er tilpasset deltid (50 % af fuld tid).');
  });

  it('reminds to follow up after 10 days, and remembers a dismissed reminder', async () => {
    const store = uniqueStore();
    const applied = addDays(todayIn(new Date()), -12);
    const entry = application({ date: applied, history: [{ status: 'applied', outcome: null, on: applied }] });
    await storeEntries(store, [entry]);
    const el = await renderJoblog({ store });
    const reminder = await until(el, '.reminder');
    expect(text(reminder)).to.include('Du søgte Lagermedarbejder hos Bilka for 12 dage siden');
    await click(el, `[data-reminder="follow-up:${entry.id}"]`);
    await waitUntil(() => !text(el.shadowRoot).includes('for 12 dage siden'));
    el.remove();
    const again = await renderJoblog({ store });
    await waitUntil(() => again.entries.length === 1);
    await again.updateComplete;
    expect(text(again.shadowRoot)).to.not.include('for 12 dage siden');
  });

  it('shows the three most urgent reminders and the rest on request, and none for applications over 30 days old', async () => {
    const store = uniqueStore();
    const daysAgo = (days: number) => {
      const on = addDays(todayIn(new Date()), -days);
      return application({ date: on, title: `Stilling ${String(days)}`, history: [{ status: 'applied', outcome: null, on }] });
    };
    await storeEntries(store, [11, 12, 13, 14, 15, 31, 60].map(daysAgo));
    const el = await renderJoblog({ store });
    await until(el, '.reminder');
    expect($$(el, '.reminder')).to.have.length(3);
    expect(text($(el, '.reminder'))).to.include('for 15 dage siden');
    const more = $<HTMLButtonElement>(el, '#jl-reminders-all');
    expect(more.getAttribute('aria-expanded')).to.equal('false');
    const label = text(more);
    await click(el, '#jl-reminders-all');
    // Five follow-ups, and from Thursday on (no entry this week) "nothing logged this week" as well.
    expect($$(el, '[data-reminder^="follow-up:"]')).to.have.length(5);
    expect(label).to.equal(`Vis alle påmindelser (${String($$(el, '.reminder').length)})`);
    expect(text($(el, '#jl-reminders-all'))).to.equal('Vis færre påmindelser');
    expect($(el, '#jl-reminders-all').getAttribute('aria-expanded')).to.equal('true');
    expect(text(el.shadowRoot)).to.not.include('for 31 dage siden');
    await expect(el).to.be.accessible();
  });
});
