import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { openLocalStore } from '@jobunivers/core/store';
import '../src/console.js';
import type { JuChatConsole } from '../src/console.js';
import { CASEWORKER_TOKEN, CONSOLE_API, FakeConsole } from './support/fake-console.js';
import da from '../src/console/locales/da.json';
import en from '../src/console/locales/en.json';
import ar from '../src/console/locales/ar.json';

const PLURAL = /_(zero|one|two|few|many|other)$/;
const REQUIRED_FORMS: Record<string, string[]> = { da: ['one', 'other'], en: ['one', 'other'], ar: ['zero', 'one', 'two', 'few', 'many', 'other'] };
const placeholders = (text: string): string[] => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]).filter((name) => name !== 'count').sort();

const danishStrings: Partial<Record<string, string>> = da;

describe('chat-console strings', () => {
  const danishKeys = [...new Set(Object.keys(da).map((key) => key.replace(PLURAL, '')))].sort();
  for (const [language, strings] of Object.entries({ da, en, ar }) as [string, Record<string, string>][]) {
    it(`${language}: every key, every CLDR plural form, the same placeholders, nothing empty`, () => {
      expect([...new Set(Object.keys(strings).map((key) => key.replace(PLURAL, '')))].sort()).to.deep.equal(danishKeys);
      for (const key of Object.keys(strings).filter((item) => item.endsWith('_other'))) {
        const base = key.replace(PLURAL, '');
        for (const form of REQUIRED_FORMS[language]) expect(strings, `${language} ${base}`).to.have.property(`${base}_${form}`);
      }
      for (const [key, text] of Object.entries(strings)) {
        expect(text.trim(), `${language} ${key}`).to.not.equal('');
        const danish = danishStrings[key] ?? danishStrings[`${key.replace(PLURAL, '')}_other`] ?? '';
        // Arabic's one/two/zero forms may spell the number out.
        if (!/_(zero|one|two)$/.test(key)) expect(placeholders(text), `${language} ${key}`).to.include.members(placeholders(danish));
      }
    });
  }
});

/** Every test's fake numbers its conversations from 1: unsent messages of an earlier test must not be resent. */
async function forgetUnsentMessages(): Promise<void> {
  const store = await openLocalStore('live-chat');
  await store.clear();
  store.close();
}

function root(el: HTMLElement): ShadowRoot {
  if (!el.shadowRoot) throw new Error('no shadow root');
  return el.shadowRoot;
}

function click(el: HTMLElement, selector: string): void {
  const target = root(el).querySelector<HTMLElement>(selector);
  if (!target) throw new Error(`nothing matches ${selector}`);
  target.click();
}

async function mount(lang: string): Promise<JuChatConsole> {
  const el = await fixture<JuChatConsole>(html`<ju-chat-console api=${CONSOLE_API} lang=${lang} .token=${CASEWORKER_TOKEN}></ju-chat-console>`);
  await waitUntil(() => root(el).querySelector('[role=tablist]'), 'the console did not load', { timeout: 4000 });
  return el;
}

for (const lang of ['da', 'en', 'ar']) {
  describe(`<ju-chat-console> accessibility in ${lang}`, () => {
    let fake: FakeConsole;
    let uninstall: () => void;
    beforeEach(async () => {
      fake = new FakeConsole();
      uninstall = fake.install();
      await forgetUnsentMessages();
    });
    afterEach(() => {
      uninstall();
    });

    it('passes axe with an empty queue, and while away', async () => {
      const el = await mount(lang);
      expect(el.getAttribute('dir')).to.equal(lang === 'ar' ? 'rtl' : 'ltr');
      await expect(el).to.be.accessible();
      fake.queued({ firstName: 'Ahmed', language: 'ar', minutesAgo: 3 });
      click(el, 'input[name=presence][value=away]');
      await waitUntil(() => root(el).querySelector('[part=queue-item] button:disabled'));
      await expect(el).to.be.accessible();
    });

    it('passes axe in the queue, my conversations and the left messages', async () => {
      fake.queued({ firstName: 'Ahmed', language: 'ar', minutesAgo: 3 });
      fake.queued({ firstName: null, signedIn: true });
      fake.active({ firstName: 'Sara', text: 'Hej, jeg har et spørgsmål.' });
      fake.leftMessage({ firstName: 'Mads' });
      const el = await mount(lang);
      await expect(el).to.be.accessible();
      click(el, '#tab-mine');
      await waitUntil(() => root(el).querySelector('[part=mine-item]'));
      await expect(el).to.be.accessible();
      click(el, '#tab-messages');
      await waitUntil(() => root(el).querySelector('[part=message-item]'));
      await expect(el).to.be.accessible();
      click(el, '[part=message-item] button');
      await waitUntil(() => root(el).querySelector('[part=read-only]'));
      await expect(el).to.be.accessible();
    });

    it('passes axe in an open conversation with a note, an error and the dialogs', async () => {
      const { id } = fake.active({ firstName: 'Sara', text: 'Hej, jeg har et spørgsmål.' }).conversation;
      fake.noteFrom(id, 'Har ringet før.');
      const el = await mount(lang);
      click(el, '#tab-mine');
      await waitUntil(() => root(el).querySelector(`#open-${id}`));
      click(el, `#open-${id}`);
      await waitUntil(() => root(el).querySelector('ju-chat-message-list')?.shadowRoot?.querySelector('[part=note]') && root(el).querySelector('#canned'));
      click(el, '#reply-send'); // empty: shows the field's error
      await waitUntil(() => root(el).querySelector('#reply-error'));
      await expect(el).to.be.accessible();
      click(el, '#transfer-open');
      await waitUntil(() => root(el).querySelector<HTMLDialogElement>('#transfer-dialog')?.open);
      click(el, '#transfer-dialog button[type=submit]');
      await waitUntil(() => root(el).querySelector('#transfer-note-error'));
      await expect(el).to.be.accessible();
      root(el).querySelector<HTMLDialogElement>('#transfer-dialog')?.close();
      await waitUntil(() => !root(el).querySelector('#transfer-dialog'));
      click(el, '#close-open');
      await waitUntil(() => root(el).querySelector<HTMLDialogElement>('#close-dialog')?.open);
      await expect(el).to.be.accessible();
    });
  });
}

describe('<ju-chat-console> on a narrow screen', () => {
  let fake: FakeConsole;
  let uninstall: () => void;
  beforeEach(async () => {
    fake = new FakeConsole();
    uninstall = fake.install();
    await forgetUnsentMessages();
    await setViewport({ width: 320, height: 640 });
  });
  afterEach(async () => {
    uninstall();
    await setViewport({ width: 800, height: 600 });
  });

  it('fits 320 px without sideways scrolling', async () => {
    const { id } = fake.active({ firstName: 'Sara', text: 'Hej, jeg har et spørgsmål om et langt ord: arbejdsmarkedsuddannelsescenter.' }).conversation;
    const el = await mount('da');
    click(el, '#tab-mine');
    await waitUntil(() => root(el).querySelector(`#open-${id}`));
    click(el, `#open-${id}`);
    await waitUntil(() => root(el).querySelector('#reply'));
    expect(el.scrollWidth).to.be.at.most(el.clientWidth + 1);
  });
});
