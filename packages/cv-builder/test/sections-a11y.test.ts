import { expect } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import { fieldId } from '../src/editor-context.js';
import { SECTION_KEYS, emptyCv } from '../src/model/cv.js';
import { sectionHeadingId } from '../src/sections/index.js';
import { $, $$, byId, fullCv, renderHost, text } from './support/section-host.js';

afterEach(async () => {
  await setViewport({ width: 800, height: 600 });
  await emulateMedia({ forcedColors: 'none' });
});

const HEADINGS = { da: 'Erhvervserfaring', en: 'Work experience', ar: 'الخبرة العملية' };

for (const lang of ['da', 'en', 'ar'] as const) {
  describe(`section editors pass axe (${lang})`, () => {
    for (const key of SECTION_KEYS) {
      it(`${key}: empty and filled in (with hidden items, "nu", per-skill levels, a hidden section)`, async () => {
        const empty = await renderHost({ lang, sections: [key] });
        await expect(empty).to.be.accessible();
        const el = await renderHost({ lang, sections: [key], cv: fullCv() });
        for (const details of $$<HTMLDetailsElement>(el, 'details')) details.open = true;
        await expect(el).to.be.accessible();
      });
    }

    it('every section at once, with the language and direction of the page', async () => {
      const el = await renderHost({ lang, cv: fullCv() });
      expect(text(byId(el, sectionHeadingId('work')))).to.equal(HEADINGS[lang]);
      expect(el.getAttribute('dir')).to.equal(lang === 'ar' ? 'rtl' : 'ltr');
      // No key shows through: every string the sections use is translated.
      const shown = `${text(el.shadowRoot)} ${$$(el, '[title],[aria-label]').map((node) => node.getAttribute('title') ?? '').join(' ')}`;
      expect(shown).not.to.match(/section\.[a-z]/i);
      await expect(el).to.be.accessible();
    });
  });
}

describe('section editors: problems', () => {
  it('show under their field and are linked with aria-describedby and aria-invalid', async () => {
    const cv = fullCv();
    const work = cv.work.items[0];
    const problems = new Map([
      ['contact.email', 'Tjek e-mailadressen. Den skal have et @, fx navn@mail.dk.'],
      [`work.${work.id}.start`, 'Vælg, hvornår du startede.'],
      ['jobTitles', 'Skriv mindst én jobtitel, så arbejdsgivere kan finde dig.'],
      ['conditions.hours', 'Vælg mindst én arbejdstid.'],
      [`languages.${cv.languages.items[2].id}.skills.writing`, 'Vælg et niveau for at skrive.'],
    ]);
    const el = await renderHost({ cv, problems });
    for (const [path, message] of problems) {
      const error = byId(el, `${fieldId(path)}-error`);
      expect(text(error)).to.equal(message);
      const control = byId(el, fieldId(path));
      expect(control.getAttribute('aria-describedby')?.split(' ')).to.include(error.id);
      if (control instanceof HTMLInputElement || control instanceof HTMLSelectElement) expect(control.getAttribute('aria-invalid')).to.equal('true');
    }
    // Both parts of a date point at the date's problem.
    const year = byId(el, `${fieldId(`work.${work.id}.start`)}-year`);
    expect(year.getAttribute('aria-describedby')).to.contain(`${fieldId(`work.${work.id}.start`)}-error`);
    expect(year.getAttribute('aria-invalid')).to.equal('true');
    // A fieldless field without a problem has neither.
    expect(byId(el, fieldId('contact.phone')).hasAttribute('aria-invalid')).to.equal(false);
    await expect(el).to.be.accessible();
  });
});

describe('section editors: date states', () => {
  it('a half-chosen date and a year alone from an imported file pass axe', async () => {
    const cv = fullCv();
    const job = cv.work.items[2];
    job.start = '2014';
    const el = await renderHost({ cv, sections: ['work'] });
    const month = byId<HTMLSelectElement>(el, fieldId(`work.${job.id}.end`));
    month.value = '04';
    month.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await el.updateComplete;
    byId(el, `${fieldId(`work.${job.id}.end`)}-unfinished`);
    byId(el, `${fieldId(`work.${job.id}.start`)}-stored`);
    await expect(el).to.be.accessible();
  });
});

describe('section editors: layout', () => {
  it('fit 320 px without sideways scrolling, in Danish and Arabic (RTL)', async () => {
    await setViewport({ width: 320, height: 640 });
    for (const lang of ['da', 'ar'] as const) {
      const el = await renderHost({ lang, cv: fullCv() });
      for (const details of $$<HTMLDetailsElement>(el, 'details')) details.open = true;
      await el.updateComplete;
      expect(document.documentElement.scrollWidth, `page width in ${lang}`).to.be.at.most(320);
      for (const node of $$(el, 'section, fieldset, .ju-field, .tools, .check')) {
        expect(node.scrollWidth, `${node.className} in ${lang}`).to.be.at.most(node.clientWidth + 1);
        const box = node.getBoundingClientRect();
        expect(box.right, `${node.className} in ${lang}`).to.be.at.most(321);
        expect(box.left).to.be.at.least(-1);
      }
    }
  });

  it('gives every button, field and checkbox row a target of at least 44 px', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await renderHost({ cv: fullCv() });
    for (const node of $$(el, 'button, select, input:not([type=checkbox]), .check label, summary')) {
      const box = node.getBoundingClientRect();
      if (box.height === 0) continue; // inside closed <details>
      expect(box.height, node.outerHTML.slice(0, 80)).to.be.at.least(44);
    }
  });

  it('stays visible in forced colours: hidden items keep a border and a label', async () => {
    await emulateMedia({ forcedColors: 'active' });
    const el = await renderHost({ cv: fullCv(), sections: ['work'] });
    const hidden = $(el, '.item.is-hidden');
    expect(getComputedStyle(hidden).borderTopStyle).to.equal('dashed');
    expect(text(hidden.querySelector('.badge'))).to.equal('Skjult i CV\'et');
    expect(getComputedStyle(hidden).borderTopColor).to.not.equal(getComputedStyle(hidden).backgroundColor);
  });

  it('renders an empty CV without items and with "Tilføj" buttons', async () => {
    const el = await renderHost({ cv: emptyCv() });
    expect($$(el, 'fieldset.item')).to.have.length(0);
    expect($$(el, 'button.add').length).to.equal(10);
  });
});
