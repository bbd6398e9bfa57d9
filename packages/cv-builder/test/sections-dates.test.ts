import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { fieldId } from '../src/editor-context.js';
import { DRIVING_CATEGORIES, emptyCv, newItem, type Cv } from '../src/model/cv.js';
import { $$, byId, choose, renderHost, text, typeInto, type SectionHost } from './support/section-host.js';

function oneJob(start = '', end: Cv['work']['items'][number]['end'] = ''): Cv {
  const cv = emptyCv();
  cv.work.items = [{ ...newItem.work(), id: 'job', position: 'Lagermedarbejder', start, end }];
  return cv;
}

const month = (el: SectionHost, path: string): HTMLSelectElement => byId<HTMLSelectElement>(el, fieldId(path));
const year = (el: SectionHost, path: string): HTMLInputElement => byId<HTMLInputElement>(el, `${fieldId(path)}-year`);
const labelOf = (el: SectionHost, control: HTMLElement): string => text(el.shadowRoot?.querySelector(`label[for="${control.id}"]`));

describe('section editors: month and year', () => {
  it('are two labelled native controls in a group named "Fra" / "Til", stored as YYYY-MM', async () => {
    const el = await renderHost({ sections: ['work'], cv: oneJob() });
    const start = month(el, 'work.job.start');
    expect(start.localName).to.equal('select');
    expect(labelOf(el, start)).to.equal('Måned');
    expect(text(start.closest('fieldset')?.querySelector('legend'))).to.equal('Fra');
    const startYear = year(el, 'work.job.start');
    expect(labelOf(el, startYear)).to.equal('År');
    expect(startYear.inputMode).to.equal('numeric');
    expect([...start.options].map((option) => option.text).slice(0, 4)).to.deep.equal(['Vælg måned', 'januar', 'februar', 'marts']);

    await choose(el, start, '03');
    start.focus();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '2019' });
    await el.updateComplete;
    expect(el.cv.work.items[0].start).to.equal('2019-03');
    expect(new Set(el.changes.map((change) => change.options.coalesce))).to.deep.equal(new Set(['work.job.start']));
  });

  it('keeps a half-chosen date on screen, saves no half date, and says what is missing', async () => {
    const el = await renderHost({ sections: ['work'], cv: oneJob('2018-05') });
    const startYear = year(el, 'work.job.start');
    await typeInto(el, startYear, '20');
    expect(el.cv.work.items[0].start).to.equal('');
    expect(month(el, 'work.job.start').value).to.equal('05');
    expect(startYear.value).to.equal('20');
    const hint = byId(el, `${fieldId('work.job.start')}-unfinished`);
    expect(text(hint)).to.equal('Vælg en måned, og skriv året med 4 tal, fx 2021.');
    expect(startYear.getAttribute('aria-describedby')).to.contain(hint.id);
    // Something else changes: what the citizen chose stays.
    await typeInto(el, byId(el, fieldId('work.job.employer')), 'Bilka');
    expect(month(el, 'work.job.start').value).to.equal('05');
    expect(startYear.value).to.equal('20');

    await typeInto(el, startYear, '2020');
    expect(el.cv.work.items[0].start).to.equal('2020-05');
    expect(el.shadowRoot?.getElementById(`${fieldId('work.job.start')}-unfinished`)).to.equal(null);

    // Clearing both is "no date".
    await choose(el, month(el, 'work.job.start'), '');
    await typeInto(el, startYear, '');
    expect(el.cv.work.items[0].start).to.equal('');
    expect(el.shadowRoot?.getElementById(`${fieldId('work.job.start')}-unfinished`)).to.equal(null);
  });

  it('says a date is unfinished even when the CV does not change (a month chosen on an empty date)', async () => {
    const el = await renderHost({ sections: ['work'], cv: oneJob() });
    await choose(el, month(el, 'work.job.end'), '08');
    expect(el.changes).to.have.length(0);
    await el.updateComplete;
    expect(text(byId(el, `${fieldId('work.job.end')}-unfinished`))).to.contain('Vælg en måned');
    expect(month(el, 'work.job.end').value).to.equal('08');
  });

  it('shows a date the CV gets from elsewhere (undo, import) even over a half-typed one', async () => {
    const el = await renderHost({ sections: ['work'], cv: oneJob() });
    await typeInto(el, year(el, 'work.job.start'), '201');
    el.cv = oneJob('2017-11');
    await el.updateComplete;
    expect(month(el, 'work.job.start').value).to.equal('11');
    expect(year(el, 'work.job.start').value).to.equal('2017');
    el.cv = oneJob('');
    await el.updateComplete;
    expect(month(el, 'work.job.start').value).to.equal('');
    expect(year(el, 'work.job.start').value).to.equal('');
  });

  it('"Jeg arbejder her stadig" stores `present` and hides the end month; unticking gives an empty end', async () => {
    const el = await renderHost({ sections: ['work'], cv: oneJob('2019-03', '2021-04') });
    const present = byId<HTMLInputElement>(el, fieldId('work.job.end.present'));
    expect(labelOf(el, present)).to.equal('Jeg arbejder her stadig');
    expect(year(el, 'work.job.end').value).to.equal('2021');
    present.focus();
    await sendKeys({ press: ' ' });
    await el.updateComplete;
    expect(el.cv.work.items[0].end).to.equal('present');
    expect(el.shadowRoot?.getElementById(fieldId('work.job.end'))).to.equal(null);
    expect(el.shadowRoot?.activeElement).to.equal(present);
    await sendKeys({ press: ' ' });
    await el.updateComplete;
    expect(el.cv.work.items[0].end).to.equal('');
    expect(month(el, 'work.job.end').value).to.equal('');
  });

  it('shows a date from an imported file that is not a month and year (a year alone, a whole day) as it is', async () => {
    const el = await renderHost({ sections: ['work'], cv: oneJob('2014', '2016-03-05') });
    expect(year(el, 'work.job.start').value).to.equal('2014');
    expect(month(el, 'work.job.start').value).to.equal('');
    const stored = byId(el, `${fieldId('work.job.start')}-stored`);
    expect(text(stored)).to.equal('I filen stod der "2014". Vælg måned og år.');
    expect(month(el, 'work.job.start').getAttribute('aria-describedby')).to.contain(stored.id);
    expect(month(el, 'work.job.end').value).to.equal('03');
    expect(year(el, 'work.job.end').value).to.equal('2016');
    expect(el.cv.work.items[0].start).to.equal('2014'); // untouched until the citizen changes it
    await choose(el, month(el, 'work.job.start'), '08');
    expect(el.cv.work.items[0].start).to.equal('2014-08');
    expect(el.shadowRoot?.getElementById(stored.id)).to.equal(null);
  });

  it('names months in the reader\'s language', async () => {
    const english = await renderHost({ sections: ['work'], cv: oneJob(), lang: 'en' });
    expect(month(english, 'work.job.start').options[3].text).to.equal('March');
    expect(text(month(english, 'work.job.start').closest('fieldset')?.querySelector('legend'))).to.equal('From');
    const arabic = await renderHost({ sections: ['work'], cv: oneJob(), lang: 'ar' });
    expect(month(arabic, 'work.job.start').options[3].text).to.equal('مارس');
  });

  it('certificates have "Taget" and "Udløber" without "nu"; "Jeg kan starte" in conditions', async () => {
    const cv = emptyCv();
    cv.certificates.items = [{ ...newItem.certificates(), id: 'cert' }];
    const el = await renderHost({ sections: ['certificates', 'conditions'], cv });
    await choose(el, month(el, 'certificates.cert.expires'), '06');
    await typeInto(el, year(el, 'certificates.cert.expires'), '2026');
    expect(el.cv.certificates.items[0].expires).to.equal('2026-06');
    expect(text(month(el, 'certificates.cert.expires').closest('fieldset')?.querySelector('legend'))).to.equal('Udløber');
    expect(el.shadowRoot?.getElementById(fieldId('certificates.cert.expires.present'))).to.equal(null);
    await choose(el, month(el, 'conditions.availableFrom'), '09');
    await typeInto(el, year(el, 'conditions.availableFrom'), '2025');
    expect(el.cv.conditions.availableFrom).to.equal('2025-09');
  });
});

describe('section editors: languages (CEFR)', () => {
  function oneLanguage(level: '' | 'B1' = 'B1'): Cv {
    const cv = emptyCv();
    cv.languages.items = [{ ...newItem.languages(), id: 'lang', language: 'Dansk', level }];
    return cv;
  }

  it('explains each level in plain words in its option', async () => {
    const el = await renderHost({ sections: ['languages'], cv: oneLanguage('') });
    const level = byId<HTMLSelectElement>(el, fieldId('languages.lang.level'));
    expect([...level.options].map((option) => option.value)).to.deep.equal(['', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2']);
    expect(level.options[3].text).to.equal('B1 – Mellem: klarer de fleste situationer i hverdagen og på jobbet');
    expect(level.getAttribute('aria-describedby')).to.contain(`${fieldId('languages.lang.level')}-hint`);
    await choose(el, level, 'B2');
    expect(el.cv.languages.items[0].level).to.equal('B2');
  });

  it('switches to a level for each of the five Europass skills, starting from the overall level', async () => {
    const el = await renderHost({ sections: ['languages'], cv: oneLanguage('B1') });
    const perSkill = byId<HTMLInputElement>(el, fieldId('languages.lang.perSkill'));
    perSkill.focus();
    await sendKeys({ press: ' ' });
    await el.updateComplete;
    const item = el.cv.languages.items[0];
    expect(item.perSkill).to.equal(true);
    expect(item.skills).to.deep.equal({ listening: 'B1', reading: 'B1', spokenInteraction: 'B1', spokenProduction: 'B1', writing: 'B1' });
    const selects = $$<HTMLSelectElement>(el, 'fieldset.skills select');
    expect(selects.map((select) => labelOf(el, select))).to.deep.equal(['Lytte', 'Læse', 'Tale med andre', 'Fortælle og fremlægge', 'Skrive']);
    expect(selects.map((select) => select.value)).to.deep.equal(['B1', 'B1', 'B1', 'B1', 'B1']);
    expect(el.shadowRoot?.getElementById(fieldId('languages.lang.level'))).to.equal(null);
    await choose(el, byId(el, fieldId('languages.lang.skills.writing')), 'A2');
    expect(el.cv.languages.items[0].skills.writing).to.equal('A2');
    expect(el.changes.at(-1)!.options.coalesce).to.equal('languages.lang.skills.writing');

    await sendKeys({ press: ' ' }); // focus is still on the checkbox
    await el.updateComplete;
    expect(el.cv.languages.items[0].perSkill).to.equal(false);
    expect(byId<HTMLSelectElement>(el, fieldId('languages.lang.level')).value).to.equal('B1');
    expect(el.cv.languages.items[0].skills.writing).to.equal('A2'); // kept for when it is switched on again
  });

  it('asks for no level for a mother tongue', async () => {
    const el = await renderHost({ sections: ['languages'], cv: oneLanguage() });
    const native = byId<HTMLInputElement>(el, fieldId('languages.lang.native'));
    expect(labelOf(el, native)).to.equal('Det er mit modersmål');
    native.click();
    await el.updateComplete;
    expect(el.cv.languages.items[0].native).to.equal(true);
    expect(el.shadowRoot?.getElementById(fieldId('languages.lang.level'))).to.equal(null);
    expect(el.shadowRoot?.getElementById(fieldId('languages.lang.perSkill'))).to.equal(null);
  });
});

describe('section editors: driving licences and conditions', () => {
  it('lists the 14 EU categories with a few plain words each, and keeps the chosen ones in the licence\'s order', async () => {
    const el = await renderHost({ sections: ['drivingLicences'] });
    const boxes = $$<HTMLInputElement>(el, 'fieldset.choices input[type=checkbox]');
    expect(boxes.map((box) => labelOf(el, box).split(' – ')[0])).to.deep.equal([...DRIVING_CATEGORIES]);
    expect(labelOf(el, byId(el, fieldId('drivingLicences.categories.B')))).to.equal('B – almindelig bil');
    expect(labelOf(el, byId(el, fieldId('drivingLicences.categories.C')))).to.equal('C – lastbil');
    expect(text(el.shadowRoot?.querySelector('fieldset.choices legend'))).to.equal('Kategorier');

    for (const category of ['CE', 'B', 'AM', 'C']) {
      const box = byId<HTMLInputElement>(el, fieldId(`drivingLicences.categories.${category}`));
      box.focus();
      await sendKeys({ press: ' ' });
      await el.updateComplete;
    }
    expect(el.cv.drivingLicences.categories).to.deep.equal(['AM', 'B', 'C', 'CE']);
    byId(el, fieldId('drivingLicences.categories.B')).click();
    await el.updateComplete;
    expect(el.cv.drivingLicences.categories).to.deep.equal(['AM', 'C', 'CE']);
    await typeInto(el, byId(el, fieldId('drivingLicences.note')), 'Kvalifikationsbevis');
    expect(el.cv.drivingLicences.note).to.equal('Kvalifikationsbevis');
  });

  it('offers hours and kinds of job as checkbox groups with a legend, kept in order', async () => {
    const el = await renderHost({ sections: ['conditions'] });
    const legends = $$(el, 'fieldset.choices > legend').map(text);
    expect(legends).to.deep.equal(['Arbejdstid', 'Slags job']);
    for (const path of ['conditions.types.flexjob', 'conditions.types.permanent', 'conditions.hours.part-time', 'conditions.hours.full-time']) {
      byId(el, fieldId(path)).click();
      await el.updateComplete;
    }
    expect(el.cv.conditions.types).to.deep.equal(['permanent', 'flexjob']);
    expect(el.cv.conditions.hours).to.deep.equal(['full-time', 'part-time']);
    await typeInto(el, byId(el, fieldId('conditions.area')), 'Aarhus og op til 40 km');
    expect(el.cv.conditions.area).to.equal('Aarhus og op til 40 km');
  });
});
