import { expect, fixture, html } from '@open-wc/testing';
import './fixtures/test-card.js';
import type { TestCard } from './fixtures/test-card.js';
import {
  addLanguage,
  addTranslations,
  getI18n,
  isNamespaceLoaded,
  loadNamespace,
  matchLanguage,
  registerNamespace,
  supportedLanguages,
  translator,
} from '../src/index.js';
import da from '../src/locales/da.json';
import en from '../src/locales/en.json';
import ar from '../src/locales/ar.json';

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
const baseKeys = (strings: Record<string, string>): string[] => [...new Set(Object.keys(strings).map((key) => key.replace(PLURAL_SUFFIX, '')))].sort();

describe('i18n', () => {
  it('ships the same keys in Danish, English and Arabic for core', () => {
    expect(baseKeys(en)).to.deep.equal(baseKeys(da));
    expect(baseKeys(ar)).to.deep.equal(baseKeys(da));
  });

  it('keeps one translation instance for every copy of the library on the page', async () => {
    // A query string makes the browser load the module a second time: a second copy of the library.
    const secondCopy: string = new URL('../src/i18n.ts?second-copy', import.meta.url).href;
    const again = (await import(secondCopy)) as typeof import('../src/i18n.js');
    expect(again.getI18n()).to.equal(getI18n());
    expect(getI18n()).to.equal((globalThis as unknown as Record<symbol, { i18next: unknown }>)[Symbol.for('jobunivers.i18n.v1')].i18next);
  });

  it('loads a namespace lazily, only for the language asked for', async () => {
    let loads = 0;
    registerNamespace('lazy-test', {
      da: { hello: 'Hej' },
      en: () => { loads++; return Promise.resolve({ hello: 'Hello' }); },
    });
    expect(loads).to.equal(0);
    expect(isNamespaceLoaded('en', 'lazy-test')).to.equal(false);
    expect(translator('en', 'lazy-test')('hello')).to.equal('Hej'); // falls back to Danish until loaded
    await Promise.all([loadNamespace('en', 'lazy-test'), loadNamespace('en', 'lazy-test')]);
    expect(loads).to.equal(1);
    expect(isNamespaceLoaded('en', 'lazy-test')).to.equal(true);
    expect(translator('en', 'lazy-test')('hello')).to.equal('Hello');
  });

  it('falls back to Danish, with a console error, when a language fails to load', async () => {
    registerNamespace('broken-test', { da: { hello: 'Hej' }, en: () => Promise.reject(new Error('offline')) });
    const original = console.error;
    const errors: unknown[] = [];
    console.error = (...args: unknown[]) => { errors.push(args[0]); };
    try {
      await loadNamespace('en', 'broken-test');
    } finally {
      console.error = original;
    }
    expect(errors).to.have.length(1);
    expect(translator('en', 'broken-test')('hello')).to.equal('Hej');
  });

  it('uses CLDR plural forms: Danish one/other, Arabic six forms', () => {
    const danish = translator('da', 'core');
    expect(danish('duration.minutes', { count: 1 })).to.equal('1 minut');
    expect(danish('duration.minutes', { count: 5 })).to.equal('5 minutter');
    const arabic = translator('ar', 'core');
    return loadNamespace('ar', 'core').then(() => {
      expect(arabic('duration.minutes', { count: 1 })).to.equal('دقيقة واحدة');
      expect(arabic('duration.minutes', { count: 2 })).to.equal('دقيقتان');
      expect(arabic('duration.minutes', { count: 3 })).to.equal('3 دقائق');
      expect(arabic('duration.minutes', { count: 11 })).to.equal('11 دقيقة');
    });
  });

  it('lets a host override strings at runtime, and the widgets re-render', async () => {
    const el = await fixture<TestCard>(html`<ju-test-card></ju-test-card>`);
    addTranslations('da', 'test-card', { greeting: 'Goddag {{name}}' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('Goddag Sara');
    addTranslations('da', 'test-card', { greeting: 'Hej {{name}}' });
  });

  it('keeps host overrides when the shipped strings for that language load later', async () => {
    registerNamespace('override-test', { da: { a: 'A', b: 'B' }, en: () => Promise.resolve({ a: 'shipped A', b: 'shipped B' }) });
    addTranslations('en', 'override-test', { a: 'host A' });
    await loadNamespace('en', 'override-test');
    const t = translator('en', 'override-test');
    expect(t('a')).to.equal('host A');
    expect(t('b')).to.equal('shipped B');
  });

  it('lets a host add a whole language', async () => {
    addLanguage({ code: 'uk', name: 'Українська', locale: 'uk-UA' });
    addTranslations('uk', 'test-card', { greeting: 'Привіт {{name}}' });
    expect(supportedLanguages().map((language) => language.code)).to.include('uk');
    const el = await fixture<TestCard>(html`<ju-test-card lang="uk"></ju-test-card>`);
    expect(el.resolvedLanguage).to.equal('uk');
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('Привіт Sara');
    // Strings the host did not translate fall back to Danish rather than showing keys.
    expect(el.shadowRoot!.querySelector('button')!.textContent).to.equal('Book');
  });

  it('maps language tags to supported languages', () => {
    expect(matchLanguage('en-GB').code).to.equal('en');
    expect(matchLanguage('DA').code).to.equal('da');
    expect(matchLanguage('ar_SA').code).to.equal('ar');
    expect(matchLanguage('xx').code).to.equal('da');
    expect(matchLanguage('').code).to.equal('da');
    expect(matchLanguage(null).code).to.equal('da');
    expect(matchLanguage('ar').dir).to.equal('rtl');
  });

  it('does not let a second copy of a package replace strings already registered', () => {
    registerNamespace('first-wins', { da: { x: 'first' } });
    registerNamespace('first-wins', { da: { x: 'second' } });
    expect(translator('da', 'first-wins')('x')).to.equal('first');
  });

  it('renders the widget\'s own strings before core\'s, and core\'s shared strings in every widget', async () => {
    const el = await fixture<TestCard>(html`<ju-test-card lang="da"></ju-test-card>`);
    const buttons = el.shadowRoot!.querySelectorAll('button');
    expect(buttons[1].textContent).to.equal('Annuller');
  });
});
