import { expect, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { fieldId } from '../src/editor-context.js';
import { emptyCv, newItem, type Cv } from '../src/model/cv.js';
import { cvEquals, fromJsonResume, toJsonResume } from '../src/model/index.js';
import { CvDraftStore } from '../src/storage/draft-store.js';
import type { JuCvBuilder } from '../src/index.js';
import {
  $, $$, announced, captureDownloads, cleanUpStores, click, dialogClosed, has, openDialog, pickFile, renderBuilder, text, typeInto,
  uniqueStore, until, valueOf,
} from './support/cv-builder-helpers.js';

const NAME = fieldId('contact.name');

afterEach(async () => {
  await cleanUpStores();
});

/** A filled CV, stored as the draft before the widget opens. */
function filledCv(): Cv {
  const cv = emptyCv();
  cv.contact = { ...cv.contact, name: 'Søren Ærø', email: 'soeren@example.dk', phone: '+45 12 34 56 78', city: 'Vejle' };
  cv.profile.summary = 'Stabil lagermedarbejder med truckcertifikat.';
  cv.jobTitles.items = [{ ...newItem.jobTitles(), title: 'Lagermedarbejder' }];
  cv.work.items = [
    { ...newItem.work(), position: 'Lagermedarbejder', employer: 'Bilka', start: '2019-03', end: 'present', highlights: ['Truck', 'Plukning'] },
    { ...newItem.work(), position: 'Chauffør', employer: 'PostNord', start: '2015-01', end: '2019-02', hidden: true },
  ];
  cv.education.items = [{ ...newItem.education(), institution: 'EUC Lillebælt', studyType: 'Lager og terminal', level: 'vocational', start: '2012-08', end: '2014-06' }];
  cv.languages.items = [{ ...newItem.languages(), language: 'Dansk', native: true }];
  cv.drivingLicences.categories = ['B', 'C'];
  return cv;
}

async function builderWith(cv: Cv): Promise<{ el: JuCvBuilder; store: string }> {
  const store = uniqueStore();
  const draftStore = await CvDraftStore.open({ name: store });
  draftStore.schedule(cv);
  await draftStore.flush();
  draftStore.close();
  return { el: await renderBuilder({ store }), store };
}

describe('<ju-cv-builder> export', () => {
  it('exports a JSON Resume file named after the citizen that imports back to the same CV', async () => {
    const cv = filledCv();
    const { el } = await builderWith(cv);
    const exported: unknown[] = [];
    el.addEventListener('ju-cv-exported', (event) => { exported.push(event.detail); });
    const capture = captureDownloads();
    try {
      await openDialog(el, '#tb-export');
      await click(el, '#export-format-json');
      await click(el, '#export-go');
      await dialogClosed(el);
      expect(capture.downloads).to.have.length(1);
      const [file] = capture.downloads;
      expect(file.name).to.equal('cv-soeren-aeroe.json');
      expect(file.blob.type).to.equal('application/json');
      const document = JSON.parse(await file.blob.text()) as { basics?: { name?: string }; work?: unknown[] };
      expect(document.basics?.name).to.equal('Søren Ærø');
      expect(document.work).to.have.length(1, 'the hidden job is not in the standard array');
      const back = fromJsonResume(document);
      expect(back.ok).to.equal(true);
      if (back.ok) expect(cvEquals(back.cv, cv)).to.equal(true);
      expect(exported).to.deep.equal([{ format: 'json' }]);
      await announced(el, 'Dit CV er hentet som filen cv-soeren-aeroe.json.');
      await waitUntil(() => el.shadowRoot?.activeElement?.id === 'tb-export', 'focus did not return to "Eksportér"');
    } finally {
      capture.restore();
    }
  });

  it('exports a PDF (loaded only now) in the chosen template and language', async () => {
    const { el } = await builderWith(filledCv());
    const exported: unknown[] = [];
    el.addEventListener('ju-cv-exported', (event) => { exported.push(event.detail); });
    const capture = captureDownloads();
    try {
      await openDialog(el, '#tb-export');
      await click(el, '#export-template-europass');
      await click(el, '#export-labels-en');
      await click(el, '#export-go');
      await waitUntil(() => capture.downloads.length === 1, 'no PDF was downloaded', { timeout: 8000 });
      const [file] = capture.downloads;
      expect(file.name).to.equal('cv-soeren-aeroe.pdf');
      const head = new TextDecoder().decode((await file.blob.arrayBuffer()).slice(0, 5));
      expect(head).to.equal('%PDF-');
      expect(exported).to.have.length(1);
      const detail = exported[0] as { format: string; template: string; pages: number };
      expect(detail.format).to.equal('pdf');
      expect(detail.template).to.equal('europass');
      expect(detail.pages).to.be.at.least(1);
    } finally {
      capture.restore();
    }
  });

  it('tells which characters the PDF cannot show and offers printing instead', async () => {
    const cv = filledCv();
    cv.contact.name = 'أميرة حسن';
    const { el } = await builderWith(cv);
    const capture = captureDownloads();
    const originalPrint = window.print.bind(window);
    let printed = 0;
    window.print = () => { printed += 1; };
    try {
      await openDialog(el, '#tb-export');
      await click(el, '#export-go');
      const note = await until(el, '#export-unsupported', 8000);
      expect(text(note)).to.include('“ح”');
      expect(capture.downloads).to.have.length(0, 'nothing is downloaded without the citizen choosing');
      await click(el, '#export-print');
      await waitUntil(() => printed === 1, 'print was not called');
      expect(has(el, '#cv-preview .cv')).to.equal(true, 'the preview is what prints');
      expect(text($(el, '#cv-preview'))).to.include('أميرة حسن');
    } finally {
      window.print = originalPrint;
      window.dispatchEvent(new Event('afterprint'));
      capture.restore();
    }
  });

  it('"Udskriv" prints the CV alone: the print stylesheet hides the editor and the page around the widget', async () => {
    const { el } = await builderWith(filledCv());
    const sibling = document.createElement('nav');
    sibling.textContent = 'Kommunens menu';
    document.body.prepend(sibling);
    const originalPrint = window.print.bind(window);
    let printed = false;
    window.print = () => { printed = true; };
    try {
      await openDialog(el, '#tb-export');
      await click(el, '#export-format-print');
      await click(el, '#export-go');
      await waitUntil(() => printed, 'print was not called');
      await emulateMedia({ media: 'print' });
      expect(getComputedStyle($(el, '.editor')).display).to.equal('none');
      expect(getComputedStyle($(el, '.head')).display).to.equal('none');
      expect(getComputedStyle($(el, '#cv-preview')).display).not.to.equal('none');
      expect(getComputedStyle(sibling).display).to.equal('none');
      window.dispatchEvent(new Event('afterprint'));
      await el.updateComplete;
      expect(getComputedStyle(sibling).display).not.to.equal('none');
    } finally {
      await emulateMedia({ media: 'screen' });
      window.print = originalPrint;
      sibling.remove();
    }
  });

  it('shows "Tjek mit CV" when the citizen exports a CV with problems, without stopping the export', async () => {
    const cv = filledCv();
    cv.contact.email = 'soeren.example.dk';
    const { el } = await builderWith(cv);
    await openDialog(el, '#tb-export');
    expect(text($(el, 'dialog'))).to.include('Du kan godt eksportere alligevel');
    expect(has(el, '#cv-check')).to.equal(true);
  });
});

describe('<ju-cv-builder> import', () => {
  it('shows what a good file holds and changes nothing before the citizen confirms; the old CV is kept as a version', async () => {
    const store = uniqueStore();
    const el = await renderBuilder({ store });
    await typeInto(el, NAME, 'Gammelt Navn');
    await el.save();
    const imported: unknown[] = [];
    el.addEventListener('ju-cv-imported', (event) => { imported.push(event.detail); });

    await openDialog(el, '#tb-import');
    await pickFile(el, 'mit-cv.json', JSON.stringify(toJsonResume(filledCv())));
    const summary = await until(el, '#import-summary');
    expect(el.shadowRoot?.activeElement).to.equal(summary);
    const said = text($(el, 'dialog'));
    expect(said).to.include('I filen "mit-cv.json" er:');
    expect(said).to.include('Navn: Søren Ærø');
    expect(said).to.include('2 erhvervserfaringer');
    expect(said).to.include('1 uddannelse');
    expect(said).to.match(/Vi gemmer det først som versionen "Før import \d{2}\.\d{2}\.\d{4}/);
    expect(valueOf(el, NAME)).to.equal('Gammelt Navn', 'nothing is overwritten before confirming');

    await click(el, '#import-confirm');
    await dialogClosed(el);
    await waitUntil(() => valueOf(el, NAME) === 'Søren Ærø', 'the import was not applied');
    expect(imported).to.deep.equal([{ items: 5 }]);
    await announced(el, 'Dit CV er importeret.');

    const draftStore = await CvDraftStore.open({ name: store });
    try {
      const versions = await (await draftStore.versions()).list();
      expect(versions.map((version) => version.name)).to.satisfy((names: string[]) => names.some((name) => name.startsWith('Før import ')));
      const kept = await (await draftStore.versions()).load(versions[0].id);
      expect(kept?.cv.contact.name).to.equal('Gammelt Navn');
    } finally {
      draftStore.close();
    }

    await click(el, '#tb-undo');
    expect(valueOf(el, NAME)).to.equal('Gammelt Navn', 'an import can be undone');
  });

  it('cancelling the import changes nothing', async () => {
    const el = await renderBuilder();
    await typeInto(el, NAME, 'Bo');
    await openDialog(el, '#tb-import');
    await pickFile(el, 'cv.json', JSON.stringify(toJsonResume(filledCv())));
    await until(el, '#import-summary');
    $$<HTMLButtonElement>(el, 'dialog .dialog-actions button').find((button) => text(button) === 'Annuller')!.click();
    await dialogClosed(el);
    expect(valueOf(el, NAME)).to.equal('Bo');
    await waitUntil(() => el.shadowRoot?.activeElement?.id === 'tb-import', 'focus did not return to "Importér"');
  });

  it('explains a file that is not JSON', async () => {
    const el = await renderBuilder();
    await openDialog(el, '#tb-import');
    await pickFile(el, 'brev.json', 'Kære Bilka, jeg søger …');
    const problems = await until(el, '#import-problems');
    expect(text(problems)).to.include('Filen "brev.json" kan ikke importeres');
    expect(text(problems)).to.include('Dit CV er ikke ændret.');
    expect(el.shadowRoot?.activeElement).to.equal(problems);
  });

  it('explains the problems of an invalid file field by field, in the citizen\'s words', async () => {
    const el = await renderBuilder();
    await openDialog(el, '#tb-import');
    await pickFile(el, 'cv.json', JSON.stringify({ basics: 'Søren', work: 'Bilka' }));
    const problems = await until(el, '#import-problems');
    const lines = $$(el, '#import-problems li').map(text);
    expect(lines.length).to.be.greaterThan(0);
    expect(lines.some((line) => line.startsWith('Om dig') || line.startsWith('Erhvervserfaring'))).to.equal(true, lines.join(' | '));
    expect(text(problems)).not.to.include('/basics');
  });

  it('lists warnings for a usable file with odd values and keeps the rest', async () => {
    const el = await renderBuilder();
    await openDialog(el, '#tb-import');
    const document = toJsonResume(filledCv()) as { work?: { startDate?: string }[] };
    document.work![0].startDate = '2024-13';
    await pickFile(el, 'cv.json', JSON.stringify(document));
    await until(el, '#import-summary');
    const warnings = $$(el, 'dialog .problem-list li').map(text);
    expect(warnings.some((line) => line.startsWith('Erhvervserfaring 1 → Startdato: '))).to.equal(true, warnings.join(' | '));
    expect(warnings.join(' ')).to.include('2024-13');
  });
});

describe('<ju-cv-builder> versions', () => {
  it('saves a named version, opens it again (keeping the current CV as a version), renames and deletes', async () => {
    const store = uniqueStore();
    const el = await renderBuilder({ store });
    await typeInto(el, NAME, 'CV til lager');

    await openDialog(el, '#tb-save-version');
    expect(el.shadowRoot?.activeElement?.id).to.equal('version-name');
    await typeInto(el, 'version-name', 'CV til lagerjob');
    $<HTMLButtonElement>(el, 'dialog button[type="submit"]').click();
    await dialogClosed(el);
    await announced(el, 'Versionen "CV til lagerjob" er gemt.');

    await typeInto(el, NAME, 'CV til kontor');
    await openDialog(el, '#tb-versions');
    await until(el, '.version');
    expect($$(el, '.version-name').map(text)).to.deep.equal(['CV til lagerjob']);
    expect(text($(el, '.version-meta'))).to.match(/^Gemt .+ · 0 punkter$/);
    $<HTMLButtonElement>(el, '.version-actions button').click();
    await dialogClosed(el);
    expect(valueOf(el, NAME)).to.equal('CV til lager');
    await announced(el, 'Du arbejder nu videre på "CV til lagerjob".');

    await openDialog(el, '#tb-versions');
    await waitUntil(() => $$(el, '.version').length === 2, 'the CV from before was not kept as a version');
    const names = $$(el, '.version-name').map(text);
    expect(names[0]).to.match(/^Før du åbnede en version /);
    const before = $$(el, '.version')[0];
    const beforeId = before.id.replace('version-', '');

    await click(el, `#version-rename-${beforeId}`);
    expect(el.shadowRoot?.activeElement?.id).to.equal(`rename-${beforeId}`);
    await typeInto(el, `rename-${beforeId}`, 'CV til kontorjob');
    $<HTMLButtonElement>(el, '.version-rename button[type="submit"]').click();
    await waitUntil(() => $$(el, '.version-name').map(text).includes('CV til kontorjob'), 'not renamed');

    await click(el, `#version-delete-${beforeId}`);
    expect(text($(el, `#delete-${beforeId}-question`))).to.equal('Vil du slette versionen "CV til kontorjob"? Den kan ikke hentes tilbage.');
    await click(el, `#delete-${beforeId}-confirm`);
    await waitUntil(() => $$(el, '.version').length === 1, 'not deleted');
    expect(el.shadowRoot?.activeElement?.id).to.match(/^version-open-/);

    const draftStore = await CvDraftStore.open({ name: store });
    try {
      expect((await (await draftStore.versions()).list()).map((version) => version.name)).to.deep.equal(['CV til lagerjob']);
    } finally {
      draftStore.close();
    }
  });

  it('tells the host of its versions (ids, names, times; counts in the event), also when another tab saves one or the CV is wiped', async () => {
    const store = uniqueStore();
    const counts: unknown[] = [];
    const listen = (event: CustomEvent<unknown>): void => { counts.push(event.detail); };
    document.addEventListener('ju-cv-versions-changed', listen);
    try {
      const el = await renderBuilder({ store });
      await waitUntil(() => counts.length === 1, 'no event once the store was read');
      expect(counts[0]).to.deep.equal({ count: 0 });
      expect(await el.cvVersions()).to.deep.equal([]);

      await openDialog(el, '#tb-save-version');
      await typeInto(el, 'version-name', 'CV til lagerjob');
      $<HTMLButtonElement>(el, 'dialog button[type="submit"]').click();
      await dialogClosed(el);
      await waitUntil(() => counts.length === 2, 'no event after saving a version');
      expect(counts[1]).to.deep.equal({ count: 1 });
      const [saved] = await el.cvVersions();
      expect(Object.keys(saved)).to.deep.equal(['id', 'name', 'savedAt']);
      expect(saved.name).to.equal('CV til lagerjob');

      // Another tab (here: a second store on the same database) saves a version.
      const otherTab = await CvDraftStore.open({ name: store });
      try {
        await (await otherTab.versions()).save('CV til kontorjob', emptyCv());
      } finally {
        otherTab.close();
      }
      await waitUntil(() => counts.length === 3, 'no event after another tab saved a version');
      expect(counts[2]).to.deep.equal({ count: 2 });
      expect((await el.cvVersions()).map((version) => version.name)).to.deep.equal(['CV til kontorjob', 'CV til lagerjob']);

      await el.reset();
      await waitUntil(() => counts.at(-1) !== undefined && (counts.at(-1) as { count: number }).count === 0, 'no event after the wipe');
      expect(await el.cvVersions()).to.deep.equal([]);
    } finally {
      document.removeEventListener('ju-cv-versions-changed', listen);
    }
  });

  it('needs a name for a version and says so at the field', async () => {
    const el = await renderBuilder();
    await openDialog(el, '#tb-save-version');
    await typeInto(el, 'version-name', '   ');
    $<HTMLButtonElement>(el, 'dialog button[type="submit"]').click();
    await until(el, '#version-name-error');
    expect($(el, '#version-name').getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot?.activeElement?.id).to.equal('version-name');
  });

  it('Escape closes a dialog and focus returns to its button', async () => {
    const el = await renderBuilder();
    const dialog = await openDialog(el, '#tb-versions');
    dialog.dispatchEvent(new Event('cancel', { cancelable: true }));
    dialog.close();
    await dialogClosed(el);
    await waitUntil(() => el.shadowRoot?.activeElement?.id === 'tb-versions', 'focus did not return');
  });
});
