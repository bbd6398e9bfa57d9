import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { fieldId } from '../src/editor-context.js';
import { emptyCv, newItem, SECTION_KEYS } from '../src/model/cv.js';
import { sectionHeadingId } from '../src/sections/index.js';
import { $, $$, byId, choose, DANISH_PARTS, fullCv, renderHost, STRINGS, text, typeInto, type SectionHost } from './support/section-host.js';

const textControls = (el: SectionHost): (HTMLInputElement | HTMLTextAreaElement)[] =>
  $$<HTMLInputElement | HTMLTextAreaElement>(el, 'input:not([type=checkbox]):not(.year), textarea');

const labelOf = (el: SectionHost, control: HTMLElement): string => text(el.shadowRoot?.querySelector(`label[for="${control.id}"]`));

describe('section editors: structure', () => {
  it('renders each section as a <section> named by its <h2>, with guidance, "Gode råd" and an example', async () => {
    const el = await renderHost({ cv: fullCv() });
    const sections = $$(el, 'section');
    expect(sections.map((section) => section.dataset['section'])).to.deep.equal([...SECTION_KEYS]);
    for (const section of sections) {
      const key = section.dataset['section'] as (typeof SECTION_KEYS)[number];
      const heading = section.querySelector('h2')!;
      expect(heading.id).to.equal(sectionHeadingId(key));
      expect(heading.tabIndex).to.equal(-1);
      expect(section.getAttribute('aria-labelledby')).to.equal(heading.id);
      expect(text(section.querySelector('.intro'))).to.not.equal('');
      const tips = section.querySelector<HTMLDetailsElement>('details.tips')!;
      expect(text(tips.querySelector('summary'))).to.equal('Gode råd');
      expect(tips.querySelectorAll('li').length).to.be.within(2, 4);
      expect(text(tips.querySelector('.example'))).to.match(/^Eksempel: .+/);
      expect(tips.open).to.equal(false);
    }
    expect(text($(el, '[data-section="jobTitles"] details'))).to.contain('Skriv de jobtitler, arbejdsgivere bruger i stillingsopslag');
    expect(text($(el, '[data-section="profile"] .ju-hint'))).to.equal('Skriv 3–5 sætninger.');
  });

  it('puts the section headings at the level the shell gives, one below its own heading', async () => {
    for (const level of [3, 4, 5, 6]) {
      const el = await renderHost({ cv: fullCv(), headingLevel: level });
      const headings = $$(el, 'section > :is(h1, h2, h3, h4, h5, h6)');
      expect(headings.map((heading) => heading.tagName), `level ${String(level)}`).to.deep.equal(SECTION_KEYS.map(() => `H${String(level)}`));
      expect(headings.map((heading) => heading.id)).to.deep.equal(SECTION_KEYS.map(sectionHeadingId));
      expect(headings.every((heading) => heading.tabIndex === -1)).to.equal(true);
    }
  });

  it('shows the short labels alone until the help texts have arrived', async () => {
    // Without the help: no guidance, tips or example, and the language levels and licence categories by their names.
    const helpKeys = new Set(Object.keys(DANISH_PARTS.help));
    const inline = Object.fromEntries(Object.entries(STRINGS.da).filter(([key]) => !helpKeys.has(key)));
    const el = await renderHost({ cv: fullCv(), lang: 'da' });
    const danish = el.cv.languages.items[1];
    const levels = (): string[] => [...byId<HTMLSelectElement>(el, fieldId(`languages.${danish.id}.level`)).options].map((option) => option.text);
    try {
      el.useStrings(inline);
      await el.updateComplete;
      expect($$(el, '.intro, details.tips li, details.tips .example')).to.deep.equal([]);
      expect(text($(el, '[data-section="jobTitles"] details.tips summary'))).to.equal('Gode råd');
      expect(levels()).to.deep.equal(['Vælg', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2']);
      expect(labelOf(el, byId(el, fieldId('drivingLicences.categories.B')))).to.equal('B');
      expect(byId(el, fieldId('contact.headline')).hasAttribute('aria-describedby')).to.equal(false);
      expect(text(el.shadowRoot)).not.to.match(/section\.[a-z]/i);
    } finally {
      el.useStrings(STRINGS.da);
    }

    // Once they are there, the same fields explain themselves.
    await el.updateComplete;
    expect($$(el, '.intro')).to.have.length(SECTION_KEYS.length);
    expect(levels()[1]).to.equal('A1 – Begynder: forstår og bruger enkle ord og sætninger');
    expect(labelOf(el, byId(el, fieldId('drivingLicences.categories.B')))).to.equal('B – almindelig bil');
    expect(byId(el, fieldId('contact.headline')).getAttribute('aria-describedby')).to.equal(`${fieldId('contact.headline')}-hint`);
  });

  it('gives every control a visible label in the same shadow root, and `autocomplete` to the citizen\'s own details', async () => {
    const el = await renderHost({ cv: fullCv() });
    const controls = $$<HTMLInputElement>(el, 'input, select, textarea');
    expect(controls.length).to.be.greaterThan(80);
    for (const control of controls) {
      expect(control.id, control.outerHTML).to.not.equal('');
      const label = el.shadowRoot!.querySelector<HTMLLabelElement>(`label[for="${control.id}"]`);
      expect(label, `label for ${control.id}`).to.not.equal(null);
      expect(text(label)).to.not.equal('');
      expect(label!.getBoundingClientRect().height, `visible label for ${control.id}`).to.be.greaterThan(0);
    }
    const ids = controls.map((control) => control.id);
    expect(new Set(ids).size).to.equal(ids.length);
    const autocomplete = (path: string): string | null => byId(el, fieldId(path)).getAttribute('autocomplete');
    expect(autocomplete('contact.name')).to.equal('name');
    expect(autocomplete('contact.email')).to.equal('email');
    expect(byId<HTMLInputElement>(el, fieldId('contact.email')).type).to.equal('email');
    expect(autocomplete('contact.phone')).to.equal('tel');
    expect(byId<HTMLInputElement>(el, fieldId('contact.phone')).type).to.equal('tel');
    expect(autocomplete('contact.postalCode')).to.equal('postal-code');
    expect(autocomplete('contact.city')).to.equal('address-level2');
    expect(autocomplete('contact.countryCode')).to.equal('country');
    expect(autocomplete('contact.url')).to.equal('url');
    // A reference is someone else: the browser must not fill in the citizen's own name there.
    expect(autocomplete(`references.${el.cv.references.items[0].id}.name`)).to.equal('off');
  });

  it('typing in any text field changes that field in the CV, one undo step per field', async () => {
    const el = await renderHost({ cv: fullCv() });
    const controls = textControls(el);
    for (const [index, control] of controls.entries()) {
      const before = el.changes.length;
      const marker = `Tekst nummer ${String(index)} æøå`;
      await typeInto(el, control, marker);
      expect(el.changes.length, control.id).to.equal(before + 1);
      const change = el.changes.at(-1)!;
      expect(fieldId(change.options.coalesce ?? ''), 'coalesced by the field\'s path').to.equal(control.id);
      const stored = JSON.stringify(change.after);
      expect(stored, control.id).to.contain(marker);
      expect(JSON.stringify(change.before)).to.not.contain(marker);
    }
  });

  it('types with real key presses into contact details', async () => {
    const el = await renderHost({ sections: ['contact'] });
    byId(el, fieldId('contact.name')).focus();
    await sendKeys({ type: 'Amina Hassan' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Lagermedarbejder' });
    await el.updateComplete;
    expect(el.cv.contact.name).to.equal('Amina Hassan');
    expect(el.cv.contact.headline).to.equal('Lagermedarbejder');
  });

  it('shows what the CV holds again after undo (the fields follow the CV, not what they last showed)', async () => {
    const el = await renderHost({ cv: fullCv() });
    const name = byId<HTMLInputElement>(el, fieldId('contact.name'));
    await typeInto(el, name, 'Amina H');
    const before = el.changes.at(-1)!.before;
    el.cv = before;
    await el.updateComplete;
    expect(name.value).to.equal('Amina Hassan');

    const education = el.cv.education.items[0];
    const level = byId<HTMLSelectElement>(el, fieldId(`education.${education.id}.level`));
    await choose(el, level, 'phd');
    el.cv = el.changes.at(-1)!.before;
    await el.updateComplete;
    expect(level.value).to.equal('vocational');

    const present = byId<HTMLInputElement>(el, fieldId(`work.${el.cv.work.items[0].id}.end.present`));
    present.click();
    await el.updateComplete;
    expect(present.checked).to.equal(false);
    el.cv = el.changes.at(-1)!.before;
    await el.updateComplete;
    expect(present.checked).to.equal(true);
  });

  it('follows a change of language: labels, month names and countries', async () => {
    const el = await renderHost({ cv: fullCv(), sections: ['contact', 'work'] });
    el.setAttribute('lang', 'en');
    await el.updateComplete;
    await el.updateComplete;
    expect(text(byId(el, sectionHeadingId('work')))).to.equal('Work experience');
    const work = el.cv.work.items[0];
    expect(byId<HTMLSelectElement>(el, fieldId(`work.${work.id}.start`)).selectedOptions[0].text).to.equal('March');
    expect(byId<HTMLSelectElement>(el, fieldId('contact.countryCode')).selectedOptions[0].text).to.equal('Denmark');
    expect(text($(el, 'fieldset.item legend'))).to.equal('Profile 1: LinkedIn');
  });

  it('counts the profile\'s characters as the reader sees them and reads the count with the field', async () => {
    const el = await renderHost({ sections: ['profile'] });
    const summary = byId<HTMLTextAreaElement>(el, fieldId('profile.summary'));
    await typeInto(el, summary, 'Jeg er glad 👍🏽');
    const count = byId(el, `${fieldId('profile.summary')}-count`);
    expect(text(count)).to.equal('13 tegn');
    expect(summary.getAttribute('aria-describedby')).to.contain(count.id);
    expect(summary.getAttribute('aria-describedby')).to.contain(`${fieldId('profile.summary')}-hint`);
    const english = await renderHost({ sections: ['profile'], lang: 'en' });
    await typeInto(english, byId(english, fieldId('profile.summary')), 'I');
    expect(text(byId(english, `${fieldId('profile.summary')}-count`))).to.equal('1 character');
    const arabic = await renderHost({ sections: ['profile'], lang: 'ar' });
    await typeInto(arabic, byId(arabic, fieldId('profile.summary')), 'أنا');
    expect(text(byId(arabic, `${fieldId('profile.summary')}-count`))).to.equal('3 أحرف');
  });

  it('keeps keywords as a clean list while the field shows exactly what was typed', async () => {
    const cv = emptyCv();
    cv.skills.items = [{ ...newItem.skills(), id: 'skill' }];
    const el = await renderHost({ sections: ['skills'], cv });
    const keywords = byId<HTMLInputElement>(el, fieldId('skills.skill.keywords'));
    expect(labelOf(el, keywords)).to.equal('Nøgleord');
    await typeInto(el, keywords, 'Excel,  Word, ');
    expect(el.cv.skills.items[0].keywords).to.deep.equal(['Excel', 'Word']);
    expect(keywords.value).to.equal('Excel,  Word, ');
    await typeInto(el, keywords, 'Excel,  Word, truck');
    expect(el.cv.skills.items[0].keywords).to.deep.equal(['Excel', 'Word', 'truck']);
    // Undo (the list changes from elsewhere): the field shows the list again.
    el.cv = { ...el.cv, skills: { ...el.cv.skills, items: [{ ...el.cv.skills.items[0], keywords: ['kasse'] }] } };
    await el.updateComplete;
    expect(keywords.value).to.equal('kasse');
  });

  it('takes highlights one per line', async () => {
    const cv = emptyCv();
    cv.work.items = [{ ...newItem.work(), id: 'job' }];
    const el = await renderHost({ sections: ['work'], cv });
    const highlights = byId<HTMLTextAreaElement>(el, fieldId('work.job.highlights'));
    await typeInto(el, highlights, 'Kørte truck\n\nOplærte nye kolleger\n');
    expect(el.cv.work.items[0].highlights).to.deep.equal(['Kørte truck', 'Oplærte nye kolleger']);
    expect(highlights.value).to.equal('Kørte truck\n\nOplærte nye kolleger\n');
  });

  it('shows a job title\'s ESCO link only when it has one, and keeps the field while it is emptied', async () => {
    const cv = emptyCv();
    cv.jobTitles.items = [
      { ...newItem.jobTitles(), id: 'plain', title: 'Chauffør' },
      { ...newItem.jobTitles(), id: 'esco', title: 'Lagermedarbejder', escoUri: 'http://data.europa.eu/esco/occupation/abc' },
    ];
    const el = await renderHost({ sections: ['jobTitles'], cv });
    expect(el.shadowRoot?.getElementById(fieldId('jobTitles.plain.escoUri'))).to.equal(null);
    const link = byId<HTMLInputElement>(el, fieldId('jobTitles.esco.escoUri'));
    expect(labelOf(el, link)).to.equal('Link til ESCO');
    expect(link.value).to.equal('http://data.europa.eu/esco/occupation/abc');
    await typeInto(el, link, '');
    expect(el.cv.jobTitles.items[1].escoUri).to.equal('');
    expect(el.shadowRoot?.getElementById(link.id)).to.equal(link);
  });

  it('offers the Danish education levels and certificate kinds in a <select>', async () => {
    const el = await renderHost({ cv: fullCv(), sections: ['education', 'certificates'] });
    const education = el.cv.education.items[0];
    const level = byId<HTMLSelectElement>(el, fieldId(`education.${education.id}.level`));
    expect([...level.options].map((option) => option.text)).to.deep.equal([
      'Vælg', 'Folkeskole', 'Gymnasial uddannelse', 'Erhvervsuddannelse', 'Erhvervsakademi (KVU)', 'Bachelor / professionsbachelor', 'Kandidat', 'Ph.d.', 'Andet',
    ]);
    expect(level.value).to.equal('vocational');
    await choose(el, level, 'short-cycle');
    expect(el.cv.education.items[0].level).to.equal('short-cycle');

    const certificate = el.cv.certificates.items[0];
    const kind = byId<HTMLSelectElement>(el, fieldId(`certificates.${certificate.id}.kind`));
    expect([...kind.options].map((option) => option.text)).to.deep.equal(['Kursus', 'Certifikat', 'Bevis (fx truck, hygiejne, førstehjælp)']);
    expect(kind.value).to.equal('licence');
    await choose(el, kind, 'course');
    expect(el.cv.certificates.items[0].kind).to.equal('course');
  });

  it('names countries in the reader\'s language and keeps the code', async () => {
    const el = await renderHost({ sections: ['contact'] });
    const country = byId<HTMLSelectElement>(el, fieldId('contact.countryCode'));
    expect(country.value).to.equal('DK');
    expect(country.selectedOptions[0].text).to.equal('Danmark');
    await choose(el, country, 'SE');
    expect(el.cv.contact.countryCode).to.equal('SE');
    const arabic = await renderHost({ sections: ['contact'], lang: 'ar' });
    expect(byId<HTMLSelectElement>(arabic, fieldId('contact.countryCode')).selectedOptions[0].text).to.equal('الدانمرك');
  });
});
