import { expect, waitUntil } from '@open-wc/testing';
import { JoblogStore, type FormDraft } from '../src/storage/entry-store.js';
import {
  $, announced, cleanUpStores, click, dialogClosed, has, openDialog, renderJoblog, text, typeInto, uniqueStore, until,
} from './support/joblog-helpers.js';

afterEach(async () => {
  await cleanUpStores();
});

/** The form's draft as the browser store holds it (read through a second connection, as another tab would). */
async function storedDraft(store: string): Promise<FormDraft | null> {
  const other = await JoblogStore.open({ name: store });
  try {
    return await other.getMeta('formDraft');
  } finally {
    other.close();
  }
}

const rescued = (store: string): string | null => localStorage.getItem(`jobunivers-${store}:form`);

describe('<ju-joblog> keeps what was typed in the form', () => {
  it('through a reload: the draft is offered back, "Fortsæt" opens it, and once saved it is gone', async () => {
    const store = uniqueStore();
    const el = await renderJoblog({ store });
    await openDialog(el, '#jl-add-application');
    await typeInto(el, 'ef-title', 'Lagermedarbejder');
    await typeInto(el, 'ef-employer', 'Bilka');
    await waitUntil(async () => (await storedDraft(store))?.entry.employer === 'Bilka', 'the draft was not kept within a second', { timeout: 2000 });
    el.remove();

    const again = await renderJoblog({ store });
    const note = await until(again, '#jl-draft-note');
    expect(text(note)).to.include('Ansøgningen "Lagermedarbejder" er ikke gemt i din joblog endnu.');
    await expect(again).to.be.accessible();
    await openDialog(again, '#jl-draft-resume');
    expect($<HTMLInputElement>(again, '#ef-title').value).to.equal('Lagermedarbejder');
    expect($<HTMLInputElement>(again, '#ef-employer').value).to.equal('Bilka');
    await click(again, '#ef-save');
    await dialogClosed(again);
    await announced(again, 'Tilføjet: Lagermedarbejder');
    expect(again.entries.map((entry) => entry.title)).to.deep.equal(['Lagermedarbejder']);
    expect(has(again, '#jl-draft-note'), 'the draft note is shown').to.equal(false);
    await waitUntil(async () => (await storedDraft(store)) === null, 'the saved draft was not forgotten');
  });

  it('keeps the last keystrokes when the page goes away before they reached IndexedDB (copied to localStorage on pagehide)', async () => {
    const store = uniqueStore();
    const el = await renderJoblog({ store });
    await openDialog(el, '#jl-add-application');
    await typeInto(el, 'ef-title', 'Chauffør');
    // The page goes away at once: the browser may drop the IndexedDB write, so the copy in localStorage counts.
    window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
    expect(JSON.parse(rescued(store) ?? 'null')).to.have.nested.property('entry.title', 'Chauffør');
    el.remove();
    const other = await JoblogStore.open({ name: store });
    await other.keepFormDraft(null); // as if the write on pagehide never landed
    other.close();

    const again = await renderJoblog({ store });
    expect(text(await until(again, '#jl-draft-note'))).to.include('"Chauffør"');
    await waitUntil(() => rescued(store) === null, 'the rescued copy was not moved into IndexedDB');
    expect((await storedDraft(store))?.entry.title).to.equal('Chauffør');
  });

  it('"Annuller" keeps the input as a draft; "Tilføj ansøgning" takes it up again; "Kassér kladden" throws it away', async () => {
    const store = uniqueStore();
    const el = await renderJoblog({ store });
    await openDialog(el, '#jl-add-application');
    await typeInto(el, 'ef-title', 'Pædagogmedhjælper');
    await click(el, '#jl-dialog .dialog-actions button[type="button"]');
    await dialogClosed(el);
    await until(el, '#jl-draft-note');
    await openDialog(el, '#jl-add-application');
    expect($<HTMLInputElement>(el, '#ef-title').value).to.equal('Pædagogmedhjælper');
    await click(el, '#jl-dialog .dialog-actions button[type="button"]');
    await dialogClosed(el);
    await until(el, '#jl-draft-discard');
    await click(el, '#jl-draft-discard');
    await announced(el, 'Kladden er kasseret.');
    expect(has(el, '#jl-draft-note'), 'the draft note is shown').to.equal(false);
    await waitUntil(async () => (await storedDraft(store)) === null, 'the discarded draft is still stored');
    await openDialog(el, '#jl-add-application');
    expect($<HTMLInputElement>(el, '#ef-title').value).to.equal('');
  });

  it('an untouched form leaves no draft, and reset() removes a draft with everything else', async () => {
    const store = uniqueStore();
    const el = await renderJoblog({ store });
    await openDialog(el, '#jl-add-activity');
    await click(el, '#jl-dialog .dialog-actions button[type="button"]');
    await dialogClosed(el);
    expect(has(el, '#jl-draft-note'), 'the draft note is shown').to.equal(false);
    expect(await storedDraft(store)).to.equal(null);

    await openDialog(el, '#jl-add-activity');
    await typeInto(el, 'ef-title', 'Jobmesse');
    window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
    await click(el, '#jl-dialog .dialog-actions button[type="button"]');
    await until(el, '#jl-draft-note');
    await el.reset();
    await el.updateComplete;
    expect(has(el, '#jl-draft-note'), 'the draft note is shown').to.equal(false);
    expect(rescued(store)).to.equal(null);
    expect(await storedDraft(store)).to.equal(null);
  });
});
