import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import './fixtures/test-card.js';
import { englishLoad, type TestCard } from './fixtures/test-card.js';

const title = (el: TestCard): string => el.shadowRoot!.querySelector('h2')!.textContent.trim();

describe('JuElement language', () => {
  afterEach(() => {
    document.documentElement.lang = 'da';
  });

  it('speaks Danish when nothing says otherwise', async () => {
    document.documentElement.removeAttribute('lang');
    const el = await fixture<TestCard>(html`<ju-test-card></ju-test-card>`);
    expect(el.resolvedLanguage).to.equal('da');
    expect(title(el)).to.equal('Hej Sara');
    expect(el.getAttribute('dir')).to.equal('ltr');
  });

  it('takes its own lang attribute before any ancestor', async () => {
    const el = await fixture<TestCard>(html`<div lang="en"><ju-test-card lang="ar"></ju-test-card></div>`).then((div) => div.querySelector('ju-test-card')!);
    await el.updateComplete;
    expect(el.resolvedLanguage).to.equal('ar');
    expect(title(el)).to.equal('مرحبا Sara');
  });

  it('falls back to Danish for an unknown language, without errors', async () => {
    const el = await fixture<TestCard>(html`<ju-test-card lang="fr-CA"></ju-test-card>`);
    expect(el.resolvedLanguage).to.equal('da');
    expect(title(el)).to.equal('Hej Sara');
  });

  it('matches regional tags to their language (ar-EG → ar)', async () => {
    const el = await fixture<TestCard>(html`<ju-test-card lang="AR-eg"></ju-test-card>`);
    expect(el.resolvedLanguage).to.equal('ar');
  });

  it('sets dir="rtl" for Arabic and back to ltr when the language changes', async () => {
    const el = await fixture<TestCard>(html`<ju-test-card lang="ar"></ju-test-card>`);
    expect(el.getAttribute('dir')).to.equal('rtl');
    expect(getComputedStyle(el.shadowRoot!.querySelector('h2')!).direction).to.equal('rtl');
    el.setAttribute('lang', 'da');
    await el.updateComplete;
    expect(el.getAttribute('dir')).to.equal('ltr');
  });

  it('leaves a dir the page author set alone', async () => {
    const el = await fixture<TestCard>(html`<ju-test-card lang="ar" dir="ltr"></ju-test-card>`);
    expect(el.getAttribute('dir')).to.equal('ltr');
  });

  it('finds lang on an ancestor across shadow roots', async () => {
    const host = await fixture<HTMLDivElement>(html`<div lang="ar"></div>`);
    const root = host.attachShadow({ mode: 'open' });
    const inner = document.createElement('section');
    root.append(inner);
    const el = document.createElement('ju-test-card');
    inner.append(el);
    await el.updateComplete;
    expect(el.resolvedLanguage).to.equal('ar');
  });

  it('follows <html lang> when the host page switches language, and waits for the strings before rendering', async () => {
    document.documentElement.lang = 'da';
    englishLoad.hold = true;
    const el = await fixture<TestCard>(html`<ju-test-card></ju-test-card>`);
    expect(title(el)).to.equal('Hej Sara');
    document.documentElement.lang = 'en';
    await nextFrame();
    // The English strings are still loading: the widget keeps showing Danish rather than a mix or nothing.
    expect(title(el)).to.equal('Hej Sara');
    expect(englishLoad.pending.length).to.equal(1);
    englishLoad.hold = false;
    englishLoad.pending.shift()!();
    await el.updateComplete;
    expect(el.resolvedLanguage).to.equal('en');
    expect(title(el)).to.equal('Hello Sara');
    expect(el.shadowRoot!.querySelector('p')!.textContent).to.equal('3 free times');
  });

  it('follows a lang change on the closest ancestor', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="da"><ju-test-card></ju-test-card></div>`);
    const el = wrapper.querySelector('ju-test-card')!;
    wrapper.lang = 'ar';
    await nextFrame();
    await el.updateComplete;
    expect(el.resolvedLanguage).to.equal('ar');
    expect(el.dir).to.equal('rtl');
  });

  it('is accessible in Danish, English and Arabic', async () => {
    for (const lang of ['da', 'en', 'ar']) {
      const el = await fixture<TestCard>(html`<ju-test-card lang=${lang}></ju-test-card>`);
      await expect(el).to.be.accessible();
    }
  });
});
