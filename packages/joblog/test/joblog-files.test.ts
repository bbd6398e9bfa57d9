import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import { entriesToCsv } from '../src/model/csv-export.js';
import {
  $, $$, application, captureDownloads, choose, cleanUpStores, click, dialogClosed, openDialog, pickFile, renderJoblog, storeEntries, text, uniqueStore,
  until,
} from './support/joblog-helpers.js';

let capture: ReturnType<typeof captureDownloads> | undefined;

afterEach(async () => {
  capture?.restore();
  capture = undefined;
  await cleanUpStores();
});

describe('<ju-joblog> export and import', () => {
  it('exports CSV and imports it into an empty joblog: everything once, and nothing twice on a second import', async () => {
    capture = captureDownloads();
    const store = uniqueStore();
    const entries = [
      application({ title: 'Lagermedarbejder', notes: 'Ringede, "venlig" chef;\nskal følge op' }),
      application({ title: '=HYPERLINK("http://evil")', employer: 'Netto', postalCode: '8000', date: '2026-11-10' }),
    ];
    await storeEntries(store, entries);
    const el = await renderJoblog({ store });
    await waitUntil(() => el.entries.length === 2);
    const exported: unknown[] = [];
    el.addEventListener('ju-joblog-exported', (event) => { exported.push(event.detail); });
    await openDialog(el, '#jl-export');
    await click(el, '#ex-go');
    await dialogClosed(el);
    expect(exported).to.deep.equal([{ format: 'csv', entries: 2 }]);
    const csv = await capture.downloads.at(0)?.blob.text() ?? '';
    expect(csv).to.include(`'=HYPERLINK`);

    const other = await renderJoblog();
    await openDialog(other, '#jl-import');
    await pickFile(other, 'im-file', 'joblog.csv', csv);
    await until(other, '#im-go:not([disabled])');
    expect(text($(other, '#im-summary'))).to.include('2 registreringer er klar til at blive importeret.');
    await click(other, '#im-go');
    await waitUntil(() => text($(other, '#im-summary')).includes('2 er importeret.'), 'the outcome was not said');
    await click(other, '#jl-dialog .dialog-actions button');
    await dialogClosed(other);
    expect(other.entries.map((entry) => entry.title).sort()).to.deep.equal(['=HYPERLINK("http://evil")', 'Lagermedarbejder']);
    expect(other.entries.find((entry) => entry.title === 'Lagermedarbejder')?.notes).to.equal('Ringede, "venlig" chef;\nskal følge op');

    await openDialog(other, '#jl-import');
    await pickFile(other, 'im-file', 'joblog.csv', csv);
    await waitUntil(() => text($(other, '#im-summary')).includes('allerede i din joblog'));
    expect(text($(other, '#im-summary'))).to.include('0 registreringer er klar til at blive importeret.');
    expect($$(other, '#im-summary li').map((item) => text(item))).to.deep.equal([
      'Række 2: Den er allerede i din joblog, så den er ikke importeret igen.', 'Række 3: Den er allerede i din joblog, så den er ikke importeret igen.',
    ]);
    expect($<HTMLButtonElement>(other, '#im-go').disabled).to.equal(true);
    expect(other.entries).to.have.length(2);
  });

  it('explains row by row, in the model\'s words, what was left out and what was imported without something', async () => {
    const el = await renderJoblog();
    const csv = entriesToCsv([application({ title: 'Kok' }), application({ title: '', employer: 'Føtex' }), application({ title: 'Bager', postalCode: '71' })]);
    await openDialog(el, '#jl-import');
    await pickFile(el, 'im-file', 'x.csv', csv);
    await waitUntil(() => text($(el, '#im-summary')).includes('Række 3'));
    // Before saving: what can be imported, and the row that will not be, with why.
    expect(text($(el, '#im-summary'))).to.include('2 registreringer er klar til at blive importeret.');
    expect($$(el, '#im-summary li').map((item) => text(item))).to.deep.equal(['Række 3: Titlen mangler. Skriv stillingens titel, eller hvad aktiviteten hed.']);
    expect(el.entries).to.have.length(0);
    await click(el, '#im-go');
    // Once saved: the model's summary and every row's sentence.
    await waitUntil(() => text($(el, '#im-summary')).includes('2 er importeret.'), 'the outcome was not said');
    const summary = text($(el, '#im-summary'));
    expect(summary).to.include('1 række kunne ikke importeres. Se hvorfor herunder.');
    expect(summary).to.include('1 række er importeret, men manglede noget. Se hvad herunder.');
    expect($$(el, '#im-summary li').map((item) => text(item))).to.deep.equal([
      'Række 3: Titlen mangler. Skriv stillingens titel, eller hvad aktiviteten hed.',
      'Række 4: «71» er ikke et postnummer med 4 cifre. Rækken er importeret uden postnummer.',
    ]);
    expect(el.entries.map((entry) => [entry.title, entry.postalCode]).sort()).to.deep.equal([['Bager', ''], ['Kok', '7100']]);
  });

  it('reads another tool\'s sheet, and lets the citizen say which column holds what', async () => {
    const el = await renderJoblog();
    await openDialog(el, '#jl-import');
    await pickFile(el, 'im-file', 'andet.csv', 'Hvad;Firma;Dato;Kaffe\r\nKok;Føtex;24-11-2026;ja\r\n');
    await waitUntil(() => text($(el, '#im-summary')).includes('titlen'));
    expect(text($(el, '#im-summary'))).to.include('Vi kan ikke se, hvilken kolonne der er titlen. Vælg den i listen.');
    expect($<HTMLButtonElement>(el, '#im-go').disabled).to.equal(true);
    expect(text($(el, 'label[for="im-column-0"]'))).to.equal('Kolonnen «Hvad»');
    expect([1, 2, 3].map((column) => $<HTMLSelectElement>(el, `#im-column-${String(column)}`).value)).to.deep.equal(['employer', 'date', '']);
    await choose(el, 'im-column-0', 'title');
    await waitUntil(() => text($(el, '#im-summary')).includes('1 registrering er klar til at blive importeret.'));
    await click(el, '#im-go');
    await waitUntil(() => text($(el, '#im-summary')).includes('1 er importeret.'), 'the outcome was not said');
    expect(el.entries.map((entry) => [entry.title, entry.employer, entry.date])).to.deep.equal([['Kok', 'Føtex', '2026-11-24']]);
  });

  it('makes a PDF report for a date range', async () => {
    capture = captureDownloads();
    const store = uniqueStore();
    await storeEntries(store, [application({ date: '2026-11-03' }), application({ title: 'Chauffør', date: '2026-09-01' })]);
    const el = await renderJoblog({ store });
    const exported: unknown[] = [];
    el.addEventListener('ju-joblog-exported', (event) => { exported.push(event.detail); });
    await openDialog(el, '#jl-export');
    await click(el, '#ex-pdf');
    const from = $<HTMLInputElement>(el, '#ex-from');
    from.value = '2026-10-01';
    from.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    const to = $<HTMLInputElement>(el, '#ex-to');
    to.value = '2026-11-28';
    to.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await click(el, '#ex-go');
    await dialogClosed(el);
    expect(exported).to.deep.equal([{ format: 'pdf', entries: 1 }]);
    const bytes = new Uint8Array(await capture.downloads.at(0)?.blob.arrayBuffer() ?? new ArrayBuffer(0));
    const pdf = String.fromCharCode(...bytes);
    expect(pdf.startsWith('%PDF-')).to.equal(true);
    expect(pdf).to.include('/Count 1');
    expect(capture.downloads.at(0)?.name).to.equal('joblog-2026-10-01-2026-11-28.pdf');
  });

  it('a dialog opened again straight after it was closed stays open (the first one\'s late close event is ignored)', async () => {
    const el = await renderJoblog();
    for (let round = 0; round < 4; round += 1) {
      await openDialog(el, '#jl-export');
      $<HTMLButtonElement>(el, '#jl-dialog .dialog-actions button[type="button"]').click();
      await el.updateComplete;
      await openDialog(el, '#jl-export');
      await aTimeout(30);
      expect(el.shadowRoot?.querySelector('dialog#jl-dialog[open]'), `round ${String(round)}`).to.not.equal(null);
      $<HTMLButtonElement>(el, '#jl-dialog .dialog-actions button[type="button"]').click();
      await dialogClosed(el);
    }
  });
});

