import { expect, fixture, html } from '@open-wc/testing';
import { createFormatter } from '@jobunivers/core';
import { emptyCv, newItem, type Cv } from '../src/model/cv.js';
import { formatMonth } from '../src/preview/preview-dates.js';
import { completeCv, cvFullOfPayloads, cvWithHiddenSections, HIDDEN_MARK, SECTION_HEADINGS_DA, VISIBLE_TEXT, XSS_PAYLOADS } from './preview-fixtures.js';
import './preview-host.js';
import type { PreviewTestHost } from './preview-host.js';

const text = (node: Node | null | undefined): string => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function show(cv: Cv, options: { labels?: 'da' | 'en'; lang?: string; headingLevel?: 2 | 3 } = {}): Promise<PreviewTestHost> {
  const el = await fixture<PreviewTestHost>(html`<preview-test-host lang=${options.lang ?? 'da'} labels=${options.labels ?? 'da'}
    heading-level=${options.headingLevel ?? 2} .cv=${cv}></preview-test-host>`);
  await el.updateComplete;
  return el;
}

const article = (el: PreviewTestHost): HTMLElement => {
  const found = el.shadowRoot?.querySelector<HTMLElement>('article.cv');
  if (!found) throw new Error('no article');
  return found;
};
const all = (el: PreviewTestHost, selector: string): HTMLElement[] => [...(el.shadowRoot?.querySelectorAll<HTMLElement>(selector) ?? [])];

describe('renderPreview', () => {
  it('shows every visible field of a complete CV', async () => {
    const el = await show(completeCv());
    const shown = text(article(el));
    for (const expected of VISIBLE_TEXT) expect(shown, expected).to.include(expected);
    expect(all(el, '.cv-section-heading').map(text)).to.deep.equal(SECTION_HEADINGS_DA);
  });

  it('leaves out every hidden item and every hidden section, but keeps the rest', async () => {
    const el = await show(completeCv());
    expect(text(article(el))).to.not.include(HIDDEN_MARK);
    expect(all(el, 'a').map((link) => link.getAttribute('href'))).to.not.include('https://skjult.example.dk');

    const sectionsHidden = await show(cvWithHiddenSections());
    expect(all(sectionsHidden, '.cv-section-heading')).to.have.length(0);
    const shown = text(article(sectionsHidden));
    for (const gone of ['Stabil og mødestabil', 'Truckfører', 'Vejle og op til 40 km', 'Bilka', 'EUC Syd', 'Førstehjælp', 'WMS', 'Arabisk', 'CE', 'Røde Kors', 'Jens Holm', 'Fodboldtræner', 'Militærtjeneste']) {
      expect(shown, gone).to.not.include(gone);
    }
    // The header (name and contact) is not a section: it stays.
    expect(shown).to.include('Amira Hassan').and.include('amira@example.dk');
  });

  it('leaves out items with nothing filled in (a blank "Tilføj")', async () => {
    const cv = emptyCv();
    cv.contact.name = 'Amira';
    cv.work.items = [newItem.work()];
    cv.languages.items = [newItem.languages()];
    cv.custom = [{ ...newItem.customSection(), title: 'Hobbyer', items: [newItem.customItem()] }];
    const el = await show(cv);
    expect(all(el, 'section')).to.have.length(0);
    expect(el.shadowRoot?.querySelector('.cv-empty')).to.equal(null);
  });

  it('writes months in the CV\'s language, with "nu" for an ongoing period and <time datetime>', async () => {
    const el = await show(completeCv());
    const periods = all(el, '.cv-section--work .period').map(text);
    expect(periods).to.deep.equal(['mar. 2024 – nu', 'jan. 2019 – dec. 2023']);
    expect(all(el, '.cv-section--work time').map((time) => time.getAttribute('datetime'))).to.deep.equal(['2024-03', '2019-01', '2023-12']);
    // Only a start: the month alone.
    expect(text(el.shadowRoot?.querySelector('.cv-section--volunteer .period'))).to.equal('maj 2022');

    const english = await show(completeCv(), { labels: 'en' });
    expect(all(english, '.cv-section--work .period').map(text)).to.deep.equal(['Mar 2024 – present', 'Jan 2019 – Dec 2023']);
  });

  it('keeps a month in its month whatever the reader\'s time zone (Europe/Copenhagen, mid-month)', () => {
    const danish = createFormatter('da-DK');
    expect(formatMonth('2024-01', danish)).to.equal('jan. 2024');
    expect(formatMonth('2024-12', danish)).to.equal('dec. 2024');
    expect(formatMonth('2024-05', danish)).to.equal('maj 2024');
    expect(formatMonth('2024-13', danish)).to.equal(undefined);
    expect(formatMonth('', danish)).to.equal(undefined);
  });

  it('uses the CV\'s labels, not the UI language: an English CV in a Danish page, a Danish CV in an Arabic page', async () => {
    const english = await show(completeCv(), { labels: 'en', lang: 'da' });
    expect(article(english).getAttribute('lang')).to.equal('en');
    expect(all(english, '.cv-section-heading').map(text)).to.include.members(['Work experience', 'Looking for work as', 'Driving licence']);
    expect(text(article(english))).to.include('Mother tongue').and.include('B2 (independent user)');

    const inArabic = await show(completeCv(), { labels: 'da', lang: 'ar' });
    expect(inArabic.getAttribute('dir')).to.equal('rtl');
    expect(article(inArabic).getAttribute('dir')).to.equal('ltr');
    expect(article(inArabic).getAttribute('lang')).to.equal('da');
    expect(text(article(inArabic))).to.include('mar. 2024 – nu');
  });

  it('puts the name at the level the host asks for, sections one below and items two below', async () => {
    const level2 = await show(completeCv());
    expect(level2.shadowRoot?.querySelector('#cv-preview-name')?.tagName).to.equal('H2');
    expect(new Set(all(level2, '.cv-section-heading').map((node) => node.tagName))).to.deep.equal(new Set(['H3']));
    expect(new Set(all(level2, '.item-heading').map((node) => node.tagName))).to.deep.equal(new Set(['H4']));

    const level3 = await show(completeCv(), { headingLevel: 3 });
    expect(level3.shadowRoot?.querySelector('#cv-preview-name')?.tagName).to.equal('H3');
    expect(new Set(all(level3, '.cv-section-heading').map((node) => node.tagName))).to.deep.equal(new Set(['H4']));
    expect(new Set(all(level3, '.item-heading').map((node) => node.tagName))).to.deep.equal(new Set(['H5']));
    expect(article(level3).getAttribute('aria-labelledby')).to.equal('cv-preview-name');
  });

  it('shows CEFR levels per skill in a table with column and row headers', async () => {
    const el = await show(completeCv());
    const table = el.shadowRoot?.querySelector('table.cefr');
    expect(text(table?.querySelector('caption'))).to.equal('Sprogfærdigheder efter færdighed');
    expect([...(table?.querySelectorAll('thead th') ?? [])].map((th) => [th.getAttribute('scope'), text(th)])).to.deep.equal([
      ['col', 'Sprog'], ['col', 'Lytte'], ['col', 'Læse'], ['col', 'Samtale'], ['col', 'Mundtlig fremstilling'], ['col', 'Skrive'],
    ]);
    const row = table?.querySelector('tbody tr');
    expect(row?.querySelector('th')?.getAttribute('scope')).to.equal('row');
    expect(text(row?.querySelector('th'))).to.equal('Engelsk');
    expect([...(row?.querySelectorAll('td') ?? [])].map((td) => text(td))).to.deep.equal(['C1', 'B2', 'B1', 'B1', '–']);
    // Languages with one level (or native, or free text) are listed, not put in the table.
    expect(all(el, '.cv-section--languages dt').map(text)).to.deep.equal(['Arabisk', 'Dansk', 'Tysk']);
  });

  it('lists driving-licence categories in the licence\'s order', async () => {
    const el = await show(completeCv());
    expect(text(el.shadowRoot?.querySelector('.cv-section--driving dd'))).to.equal('B, C, CE');
  });

  it('names a custom section the citizen left untitled "Andet", and leaves out a hidden one', async () => {
    const el = await show(completeCv());
    const custom = all(el, '.cv-section--custom');
    expect(custom.map((section) => text(section.querySelector('.cv-section-heading')))).to.deep.equal(['Hobbyer', 'Andet']);
  });

  it('says the CV is empty, in the UI language, under a heading that is never blank', async () => {
    const danish = await show(emptyCv());
    expect(text(danish.shadowRoot?.querySelector('#cv-preview-name'))).to.equal('CV');
    expect(text(danish.shadowRoot?.querySelector('.cv-empty'))).to.include('Dit CV er tomt endnu');
    const english = await show(emptyCv(), { lang: 'en' });
    expect(text(english.shadowRoot?.querySelector('.cv-empty'))).to.include('Your CV is empty');
  });
});

describe('renderPreview links', () => {
  it('links e-mail, phone, website and profiles through safeUrl', async () => {
    const el = await show(completeCv());
    const hrefs = all(el, 'a').map((link) => link.getAttribute('href'));
    expect(hrefs).to.include.members([
      'mailto:amira@example.dk', 'tel:+4520000001', 'https://amira.example.dk/portfolio', 'https://www.linkedin.com/in/amirahassan', 'https://bilka.dk', 'mailto:jens@example.dk',
    ]);
    for (const link of all(el, 'a')) expect(link.getAttribute('rel')).to.equal('noreferrer');
  });

  it('shows a javascript: (or data:, or disguised) address as text, never as a link', async () => {
    const cv = completeCv();
    cv.contact.url = 'javascript:window.__xss=1';
    cv.contact.profiles = [
      { ...newItem.profiles(), network: 'A', username: 'a', url: 'JaVaScRiPt:window.__xss=1' },
      { ...newItem.profiles(), network: 'B', username: 'b', url: 'java\nscript:window.__xss=1' },
      { ...newItem.profiles(), network: 'C', username: 'c', url: 'data:text/html,<script>window.__xss=1</script>' },
      { ...newItem.profiles(), network: 'D', username: 'd', url: '  javascript:window.__xss=1' },
    ];
    cv.work.items[0] = { ...cv.work.items[0] ?? newItem.work(), url: 'vbscript:msgbox(1)' };
    const el = await show(cv);
    const hrefs = all(el, 'a').map((link) => link.getAttribute('href') ?? '');
    for (const href of hrefs) expect(href, href).to.match(/^(https?|mailto|tel):/);
    expect(text(article(el))).to.include('javascript:window.__xss=1').and.include('vbscript:msgbox(1)');
    expect(all(el, '.link-text').length).to.be.greaterThanOrEqual(3);
  });

  it('does not link relative paths, which would point into the page showing the CV', async () => {
    const cv = completeCv();
    cv.contact.url = '/admin/borgere';
    const el = await show(cv);
    expect(all(el, 'a').map((link) => link.getAttribute('href'))).to.not.include('/admin/borgere');
    expect(text(article(el))).to.include('/admin/borgere');
  });
});

describe('renderPreview and XSS', () => {
  afterEach(() => { Reflect.deleteProperty(window, '__xss'); });

  it('renders payloads typed into every field as text and runs none of them', async () => {
    const el = await show(cvFullOfPayloads());
    await new Promise((resolve) => setTimeout(resolve, 100)); // an onerror/onload would have fired by now
    const root = el.shadowRoot;
    expect((window as { __xss?: unknown }).__xss).to.equal(undefined);
    expect(root?.querySelectorAll('script, img, svg, iframe').length).to.equal(0);
    for (const element of root?.querySelectorAll('*') ?? []) {
      for (const attribute of element.attributes) expect(attribute.name, `${element.tagName} ${attribute.name}`).to.not.match(/^on/);
    }
    for (const link of root?.querySelectorAll('a') ?? []) expect(link.getAttribute('href')).to.match(/^(https?|mailto|tel):/);
    const shown = text(article(el));
    for (const payload of XSS_PAYLOADS) expect(shown, payload).to.include(payload.replace(/\s+/g, ' '));
  });
});
