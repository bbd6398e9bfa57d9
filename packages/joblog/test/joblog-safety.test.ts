import { expect, waitUntil } from '@open-wc/testing';
import type { JoblogEntry } from '../src/model/entry.js';
import { addDays, today as todayIn } from '../src/model/weeks.js';
import { $, $$, application, cleanUpStores, renderJoblog, storeEntries, text, uniqueStore } from './support/joblog-helpers.js';

const PAYLOADS = [
  '<img src=x onerror="window.__pwned=1">',
  '"><svg onload="window.__pwned=1">',
  'javascript:window.__pwned=1',
  '{{constructor.constructor("window.__pwned=1")()}}',
  '<script>window.__pwned=1</script>',
];

declare global {
  interface Window { __pwned?: number }
}

afterEach(async () => {
  await cleanUpStores();
  delete window.__pwned;
});

describe('<ju-joblog> safety', () => {
  it('renders XSS payloads in every field as text, in the list, the reminders and the form', async () => {
    const store = uniqueStore();
    // 12 days ago: each entry then has a follow-up reminder, whose text holds the payload too.
    const appliedOn = addDays(todayIn(new Date()), -12);
    const entries: JoblogEntry[] = PAYLOADS.map((payload, index) => application({
      title: payload, employer: payload, town: payload, source: payload, sourceUrl: payload, notes: payload, postalCode: String(7100 + index),
      date: appliedOn, history: [{ status: 'applied', outcome: null, on: appliedOn }],
      cv: { versionId: payload, name: payload },
    }));
    await storeEntries(store, entries);
    const el = await renderJoblog({ store });
    await waitUntil(() => el.entries.length === PAYLOADS.length);
    await el.updateComplete;
    expect(text(el.shadowRoot)).to.include('<img src=x onerror');
    $<HTMLButtonElement>(el, '#jl-reminders-all').click();
    await el.updateComplete;
    expect($$(el, '.reminder')).to.have.length.at.least(PAYLOADS.length);
    // Open each entry's form (title in a heading/field, every field bound as a property).
    const buttons = $$<HTMLButtonElement>(el, '.reminder button.ju-button--secondary');
    expect(buttons.length).to.be.greaterThan(0);
    buttons[0]?.click();
    await waitUntil(() => el.shadowRoot?.querySelector<HTMLDialogElement>('dialog#jl-dialog')?.open === true);
    expect(PAYLOADS).to.include($<HTMLInputElement>(el, '#ef-title').value);
    expect(el.shadowRoot?.querySelector('img, svg[onload], script')).to.equal(null);
    expect($$(el, 'a[href^="javascript"]')).to.have.length(0);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(window.__pwned).to.equal(undefined);
  });

  it('events carry ids and counts only', async () => {
    const el = await renderJoblog();
    const details: unknown[] = [];
    for (const type of ['ju-joblog-entry-added', 'ju-joblog-entry-updated', 'ju-joblog-status-changed', 'ju-joblog-exported'] as const) {
      el.addEventListener(type, (event) => { details.push(event.detail); });
    }
    const { addApplication, dialogClosed } = await import('./support/joblog-helpers.js');
    await addApplication(el, { title: 'Hemmelig titel', employer: 'Privat firma' });
    await dialogClosed(el);
    expect(JSON.stringify(details)).to.not.match(/Hemmelig|Privat/);
    expect(details).to.have.length(1);
    expect(Object.keys(details[0] as object)).to.deep.equal(['entryId']);
    expect(text($(el, '#jl-heading'))).to.equal('Din joblog');
  });
});
