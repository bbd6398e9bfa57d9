import { expect, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { fieldId } from '../src/editor-context.js';
import { emptyCv, newItem, type Cv } from '../src/model/cv.js';
import { toJsonResume } from '../src/model/index.js';
import { CvDraftStore } from '../src/storage/draft-store.js';
import type { JuCvBuilder } from '../src/index.js';
import type { FakeCvServer } from './support/sync-fake-cv-server.js';
import {
  $, API, CITIZEN, cleanUpStores, click, dialogClosed, openDialog, pickFile, renderBuilder, startServer, text, typeInto, uniqueStore, until,
} from './support/cv-builder-helpers.js';

const HEADINGS = { da: 'Dit CV', en: 'Your CV', ar: 'سيرتك الذاتية' };

function filledCv(): Cv {
  const cv = emptyCv();
  cv.contact = { ...cv.contact, name: 'Amira Hassan', email: 'amira@example.dk', phone: '12345678', city: 'Aarhus' };
  cv.profile.summary = 'Jeg er stabil og glad for at arbejde på lager.';
  cv.jobTitles.items = [{ ...newItem.jobTitles(), title: 'Lagermedarbejder' }];
  cv.conditions = { ...cv.conditions, hours: ['full-time'], types: ['permanent'] };
  cv.work.items = [{ ...newItem.work(), position: 'Lagermedarbejder', employer: 'Bilka', start: '2019-03', end: 'present' }];
  cv.education.items = [{ ...newItem.education(), institution: 'EUC', studyType: 'Lager', level: 'vocational' }];
  return cv;
}

async function builderWith(cv: Cv, lang: string): Promise<JuCvBuilder> {
  const store = uniqueStore();
  const draftStore = await CvDraftStore.open({ name: store });
  draftStore.schedule(cv);
  await draftStore.flush();
  draftStore.close();
  return renderBuilder({ store, lang });
}

async function closeDialog(el: JuCvBuilder): Promise<void> {
  $<HTMLDialogElement>(el, 'dialog#cv-dialog').close();
  await dialogClosed(el);
}

afterEach(async () => {
  await setViewport({ width: 800, height: 600 });
  await cleanUpStores();
});

for (const lang of ['da', 'en', 'ar'] as const) {
  describe(`<ju-cv-builder> passes axe (${lang})`, () => {
    it('empty, with the error summary and with the preview', async () => {
      const el = await renderBuilder({ lang });
      expect(text($(el, '#cv-heading'))).to.equal(HEADINGS[lang]);
      if (lang === 'ar') expect(el.getAttribute('dir')).to.equal('rtl');
      await expect(el).to.be.accessible();
      await typeInto(el, fieldId('contact.email'), 'ikke-en-adresse');
      await click(el, '#tb-check');
      await until(el, '#cv-check a');
      await click(el, '#tb-preview');
      await until(el, '#cv-preview .cv');
      await expect(el).to.be.accessible();
    });

    it('filled, and with each dialog open', async () => {
      const el = await builderWith(filledCv(), lang);
      await expect(el).to.be.accessible();
      for (const button of ['#tb-save-version', '#tb-versions', '#tb-export', '#tb-import', '#tb-reset']) {
        await openDialog(el, button);
        await el.updateComplete;
        await expect(el).to.be.accessible();
        await closeDialog(el);
      }
      await openDialog(el, '#tb-import');
      await pickFile(el, 'cv.json', JSON.stringify({ basics: 'x' }));
      await until(el, '#import-problems');
      await expect(el).to.be.accessible();
      await closeDialog(el);
    });
  });
}

describe('<ju-cv-builder> passes axe in the dark and contrast themes', () => {
  for (const theme of ['dark', 'contrast'] as const) {
    it(`filled, checked, with the preview and a dialog (${theme})`, async () => {
      const cv = filledCv();
      cv.contact.email = 'ikke-en-adresse';
      const el = await builderWith(cv, 'da');
      el.setAttribute('theme', theme);
      await el.updateComplete;
      await click(el, '#tb-check');
      await until(el, '#cv-check a');
      await click(el, '#tb-preview');
      await until(el, '#cv-preview .cv');
      await expect(el).to.be.accessible();
      await openDialog(el, '#tb-export');
      await new Promise((resolve) => setTimeout(resolve, 250));
      await expect(el).to.be.accessible();
    });
  }
});

describe('<ju-cv-builder> passes axe with a server (da, en, ar)', () => {
  let server: FakeCvServer;
  let stop: () => void = () => undefined;

  beforeEach(() => {
    ({ server, stop } = startServer());
  });

  afterEach(() => {
    stop();
  });

  for (const lang of ['da', 'en', 'ar'] as const) {
    it(`the conflict note and dialog, and the share dialog (${lang})`, async () => {
      const el = await renderBuilder({ lang, api: API, token: CITIZEN });
      await typeInto(el, fieldId('contact.name'), 'Amira');
      await waitUntil(() => server.document !== undefined, 'not synced', { timeout: 6000 });
      const other = filledCv();
      other.contact.name = 'Amira fra telefonen';
      server.saveFromAnotherDevice(toJsonResume(other));
      await typeInto(el, fieldId('contact.name'), 'Amira fra computeren');
      await until(el, '#tb-conflict', 6000);
      await expect(el).to.be.accessible();
      await openDialog(el, '#tb-conflict');
      await expect(el).to.be.accessible();
      await click(el, '#conflict-local');
      await dialogClosed(el);
      await openDialog(el, '#tb-share');
      await until(el, '#share-consent[aria-disabled="false"]');
      await new Promise((resolve) => setTimeout(resolve, 250)); // the button's colour transition (120 ms)
      await expect(el).to.be.accessible();
    });
  }
});

describe('<ju-cv-builder> at 320 px', () => {
  it('fits without sideways scrolling and folds the navigation into "Gå til afsnit"', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await builderWith(filledCv(), 'da');
    await el.updateComplete;
    expect(el.scrollWidth).to.be.at.most(el.clientWidth + 1);
    expect($(el, '.nav-compact').offsetParent).not.to.equal(null);
    expect($(el, '.nav-wide').offsetParent).to.equal(null);
    await openDialog(el, '#tb-export');
    const dialog = $(el, 'dialog#cv-dialog');
    expect(dialog.getBoundingClientRect().width).to.be.at.most(320);
    await expect(el).to.be.accessible();
  });

  it('shows the navigation as a side column on a wide screen', async () => {
    await setViewport({ width: 1400, height: 900 });
    const el = await builderWith(filledCv(), 'da');
    expect($(el, '.nav-wide').offsetParent).not.to.equal(null);
    expect($(el, '.nav-compact').offsetParent).to.equal(null);
    await click(el, '#tb-preview');
    const preview = await until(el, '#cv-preview .cv');
    expect(preview.getBoundingClientRect().left).to.be.greaterThan($(el, '.editor').getBoundingClientRect().left);
    await waitUntil(() => el.shadowRoot?.activeElement?.id === 'cv-preview', 'focus did not move to the preview');
  });
});
