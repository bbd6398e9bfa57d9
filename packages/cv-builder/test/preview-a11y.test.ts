import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import { emptyCv, type Cv } from '../src/model/cv.js';
import { isolateForPrint, PrintIsolation } from '../src/preview/print.js';
import { completeCv } from './preview-fixtures.js';
import './preview-host.js';
import type { PreviewTestHost } from './preview-host.js';

async function show(cv: Cv, lang: string, labels: 'da' | 'en', theme = 'light'): Promise<PreviewTestHost> {
  const el = await fixture<PreviewTestHost>(html`<preview-test-host lang=${lang} labels=${labels} theme=${theme} .cv=${cv}></preview-test-host>`);
  await el.updateComplete;
  return el;
}

const inShadow = (el: PreviewTestHost, selector: string): HTMLElement => {
  const found = el.shadowRoot?.querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
};

afterEach(async () => {
  await emulateMedia({ media: 'screen', forcedColors: 'none', reducedMotion: 'no-preference' });
  await setViewport({ width: 800, height: 600 });
});

describe('the preview passes axe', () => {
  for (const [lang, labels] of [['da', 'da'], ['en', 'en'], ['ar', 'da'], ['ar', 'en']] as const) {
    it(`a complete and an empty CV, UI ${lang}, CV labels ${labels}`, async () => {
      await expect(await show(completeCv(), lang, labels)).to.be.accessible();
      await expect(await show(emptyCv(), lang, labels)).to.be.accessible();
    });
  }

  for (const theme of ['dark', 'contrast']) {
    it(`in the ${theme} theme`, async () => {
      await expect(await show(completeCv(), 'da', 'da', theme)).to.be.accessible();
    });
  }

  it('with forced colours and reduced motion', async () => {
    await emulateMedia({ forcedColors: 'active', reducedMotion: 'reduce' });
    await expect(await show(completeCv(), 'ar', 'da')).to.be.accessible();
  });
});

describe('the preview at 320 px', () => {
  it('needs no sideways scrolling of the page; only the per-skill table scrolls, in its own focusable region', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await show(completeCv(), 'da', 'da');
    const article = inShadow(el, 'article');
    expect(article.scrollWidth).to.be.at.most(article.clientWidth + 1);
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    const region = inShadow(el, '.table-scroll');
    expect(region.getAttribute('tabindex')).to.equal('0');
    expect(region.getAttribute('role')).to.equal('region');
    await expect(el).to.be.accessible();
  });
});

describe('the print stylesheet', () => {
  it('prints black on white without the screen frame, links without underline, items never split', async () => {
    const el = await show(completeCv(), 'da', 'da', 'dark');
    await emulateMedia({ media: 'print' });
    const article = getComputedStyle(inShadow(el, 'article'));
    expect(article.color).to.equal('rgb(0, 0, 0)');
    expect(article.backgroundColor).to.equal('rgb(255, 255, 255)');
    expect(article.borderTopStyle).to.equal('none');
    expect(article.paddingTop).to.equal('0px');
    const link = getComputedStyle(inShadow(el, 'a[href^="mailto:"]'));
    expect(link.textDecorationLine).to.equal('none');
    expect(link.color).to.equal('rgb(0, 0, 0)');
    expect(getComputedStyle(inShadow(el, '.item')).breakInside).to.equal('avoid');
    expect(getComputedStyle(inShadow(el, '.cv-section-heading')).breakAfter).to.equal('avoid');
  });

  it('isolates the CV from the rest of the page while printing, and puts the page back afterwards', async () => {
    const page = await fixture<HTMLElement>(html`<div>
      <header id="site-header">Kommunens menu</header>
      <main><p id="beside">Andet indhold</p><section><preview-test-host lang="da" labels="da"></preview-test-host></section></main>
      <footer id="site-footer">Kontakt kommunen</footer>
    </div>`);
    const host = page.querySelector<PreviewTestHost>('preview-test-host');
    if (!host) throw new Error('no host');
    host.cv = completeCv();
    await host.updateComplete;
    const undo = isolateForPrint(host);
    await emulateMedia({ media: 'print' });
    for (const id of ['site-header', 'beside', 'site-footer']) expect(getComputedStyle(page.querySelector(`#${id}`) as Element).display, id).to.equal('none');
    expect(getComputedStyle(host).display).to.not.equal('none');
    const pageRules = [...document.adoptedStyleSheets].flatMap((sheet) => [...sheet.cssRules]).map((rule) => rule.cssText).join('\n');
    expect(pageRules).to.match(/@page\s*\{\s*size: A4/i);
    undo();
    expect(page.querySelectorAll('[data-ju-print-hide]').length).to.equal(0);
    expect(getComputedStyle(page.querySelector('#site-header') as Element).display).to.not.equal('none');
  });

  it('PrintIsolation isolates on beforeprint only while the host says a CV is shown', async () => {
    const page = await fixture<HTMLElement>(html`<div><p id="beside">Andet</p><preview-test-host></preview-test-host></div>`);
    const host = page.querySelector<PreviewTestHost>('preview-test-host');
    if (!host) throw new Error('no host');
    let active = false;
    const isolation = new PrintIsolation(host, () => active); // a connected host starts it at once
    expect(isolation).to.be.instanceOf(PrintIsolation);
    window.dispatchEvent(new Event('beforeprint'));
    expect(page.querySelector('#beside')?.hasAttribute('data-ju-print-hide')).to.equal(false);
    window.dispatchEvent(new Event('afterprint'));
    active = true;
    window.dispatchEvent(new Event('beforeprint'));
    expect(page.querySelector('#beside')?.hasAttribute('data-ju-print-hide')).to.equal(true);
    window.dispatchEvent(new Event('afterprint'));
    expect(page.querySelector('#beside')?.hasAttribute('data-ju-print-hide')).to.equal(false);
  });
});
