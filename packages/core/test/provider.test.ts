import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import '../src/define.js';
import './fixtures/test-card.js';
import type { JuProvider } from '../src/index.js';
import type { TestCard } from './fixtures/test-card.js';

async function settle(...elements: (TestCard | JuProvider)[]): Promise<void> {
  await nextFrame();
  for (const element of elements) await element.updateComplete;
}

describe('<ju-provider>', () => {
  it('hands api, token and theme to the widgets inside it', async () => {
    const provider = await fixture<JuProvider>(html`
      <ju-provider api="https://jobcenter.example.dk/api" theme="dark"><section><ju-test-card></ju-test-card></section></ju-provider>
    `);
    const card = provider.querySelector('ju-test-card')!;
    provider.token = 'secret-token';
    await settle(provider, card);
    expect(card.client?.baseUrl.href).to.equal('https://jobcenter.example.dk/api/');
    expect(card.resolvedTheme).to.equal('dark');
    expect(card.dataset['juTheme']).to.equal('dark');
  });

  it('never writes the token into an attribute', async () => {
    const provider = await fixture<JuProvider>(html`<ju-provider api="/api"><ju-test-card></ju-test-card></ju-provider>`);
    provider.token = 'secret-token';
    const card = provider.querySelector('ju-test-card')!;
    card.token = 'card-token';
    await settle(provider, card);
    expect(provider.outerHTML).not.to.contain('secret-token');
    expect(provider.outerHTML).not.to.contain('card-token');
  });

  it('lets a widget override the provider with its own api and theme', async () => {
    const provider = await fixture<JuProvider>(html`
      <ju-provider api="https://a.example.dk/" theme="dark"><ju-test-card api="https://b.example.dk/" theme="contrast"></ju-test-card></ju-provider>
    `);
    const card = provider.querySelector('ju-test-card')!;
    await settle(card);
    expect(card.client?.baseUrl.host).to.equal('b.example.dk');
    expect(card.resolvedTheme).to.equal('contrast');
  });

  it('nests: an inner provider inherits what it does not set', async () => {
    const outer = await fixture<JuProvider>(html`
      <ju-provider api="https://outer.example.dk/" theme="dark">
        <ju-provider theme="light"><ju-test-card></ju-test-card></ju-provider>
      </ju-provider>
    `);
    const card = outer.querySelector('ju-test-card')!;
    await settle(outer, outer.querySelector('ju-provider')!, card);
    expect(card.client?.baseUrl.host).to.equal('outer.example.dk');
    expect(card.resolvedTheme).to.equal('light');
  });

  it('updates widgets when the provider changes later', async () => {
    const provider = await fixture<JuProvider>(html`<ju-provider><ju-test-card></ju-test-card></ju-provider>`);
    const card = provider.querySelector('ju-test-card')!;
    expect(card.client).to.equal(undefined);
    provider.api = 'https://later.example.dk/';
    provider.theme = 'dark';
    await settle(provider, card);
    expect(card.client?.baseUrl.host).to.equal('later.example.dk');
    expect(card.resolvedTheme).to.equal('dark');
  });

  it('sets the language of the widgets inside it through its lang attribute', async () => {
    const provider = await fixture<JuProvider>(html`<ju-provider lang="ar"><ju-test-card></ju-test-card></ju-provider>`);
    const card = provider.querySelector('ju-test-card')!;
    await settle(card);
    expect(card.resolvedLanguage).to.equal('ar');
    expect(card.dir).to.equal('rtl');
  });

  it('shows a translated message and a console error for a malformed api, never a blank widget', async () => {
    const errors: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => { errors.push(args); };
    try {
      const provider = await fixture<JuProvider>(html`<ju-provider api="javascript:alert(1)" lang="en"><p>Fallback</p></ju-provider>`);
      await settle(provider);
      const message = provider.shadowRoot!.querySelector('[part="config-error"]')!;
      expect(message.getAttribute('role')).to.equal('alert');
      expect(message.textContent).to.contain('not set up correctly');
      expect(provider.shadowRoot!.querySelector('slot')).to.exist;
      expect(errors.some((args) => String(args[0]).includes('javascript:alert(1)') && String(args[0]).includes('http and https'))).to.equal(true);
      await expect(provider).to.be.accessible();
    } finally {
      console.error = original;
    }
  });

  it('reports the malformed api once, not on every render', async () => {
    const errors: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => { errors.push(args); };
    try {
      const provider = await fixture<JuProvider>(html`<ju-provider api="http://[bad"></ju-provider>`);
      provider.theme = 'dark';
      await settle(provider);
      provider.theme = 'light';
      await settle(provider);
      expect(errors.length).to.equal(1);
    } finally {
      console.error = original;
    }
  });

  it('is accessible in every theme', async () => {
    for (const theme of ['light', 'dark', 'contrast'] as const) {
      const provider = await fixture<JuProvider>(html`<ju-provider theme=${theme}><ju-test-card></ju-test-card></ju-provider>`);
      await settle(provider, provider.querySelector('ju-test-card')!);
      await expect(provider).to.be.accessible();
    }
  });
});
