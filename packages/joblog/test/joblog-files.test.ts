import { expect, waitUntil } from '@open-wc/testing';
import { entriesToCsv } from '../src/shell/csv-bridge.js';
import {
  $, application, captureDownloads, cleanUpStores, click, dialogClosed, openDialog, pickFile, renderJoblog, storeEntries, text, uniqueStore, until,
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
    await click(other, '#im-go');
    await dialogClosed(other);
    expect(other.entries.map((entry) => entry.title).sort()).to.deep.equal(['=HYPERLINK("http://evil")', 'Lagermedarbejder']);
    expect(other.entries.find((entry) => entry.title === 'Lagermedarbejder')?.notes).to.equal('Ringede, "venlig" chef;\nskal følge op');

    await openDialog(other, '#jl-import');
    await pickFile(other, 'im-file', 'joblog.csv', csv);
    await waitUntil(() => text($(other, '#im-summary')).includes('findes allerede'));
    expect($<HTMLButtonElement>(other, '#im-go').disabled).to.equal(true);
    expect(other.entries).to.have.length(2);
  });

  it('explains row by row what cannot be imported', async () => {
    const el = await renderJoblog();
    const csv = entriesToCsv([application({ title: 'Kok' })]) + ',application,,Føtex,71,Vejle,,,,,,,2026-11-01,,applied,,,\r\n';
    await openDialog(el, '#jl-import');
    await pickFile(el, 'im-file', 'x.csv', csv);
    await waitUntil(() => text($(el, '#im-summary')).includes('Linje 3'));
    const summary = text($(el, '#im-summary'));
    expect(summary).to.include('1 række kan ikke importeres');
    expect(summary).to.include('Skriv stillingsbetegnelsen');
    expect(summary).to.include('4 cifre');
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
});
