import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import './fixtures/test-card.js';
import type { TestCard } from './fixtures/test-card.js';
import { ApiConfigError, ApiError, VERSION } from '../src/index.js';
import corePackage from '../package.json';

const jsonResponse = (status: number, body: unknown, type = 'application/json'): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });

describe('JuElement', () => {
  it('emits ju-* events that bubble out of shadow roots with a typed detail', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    const shadow = wrapper.attachShadow({ mode: 'open' });
    const el = document.createElement('ju-test-card');
    shadow.append(el);
    await el.updateComplete;
    const client = el.client;
    expect(client).to.equal(undefined);
    el.api = 'https://example.dk/api';
    await el.updateComplete;
    const fetchStub = (): Promise<Response> => Promise.resolve(jsonResponse(401, { code: 'token-expired', title: 'Expired' }, 'application/problem+json'));
    const listener = oneEvent(wrapper, 'ju-auth-required');
    const original = window.fetch.bind(window);
    window.fetch = fetchStub;
    try {
      const request = el.client!.get('v1/me').catch((error: unknown) => error);
      const event = await listener;
      expect(event.detail).to.deep.equal({ code: 'token-expired' });
      expect(event.composed).to.equal(true);
      const error = await request;
      expect(error).to.be.instanceOf(ApiError);
      expect((error as ApiError).code).to.equal('token-expired');
    } finally {
      window.fetch = original;
    }
  });

  it('retries with the fresh token the host hands over after ju-auth-required', async () => {
    const el = await fixture<TestCard>(html`<ju-test-card api="https://example.dk/api"></ju-test-card>`);
    el.token = 'old';
    await el.updateComplete;
    const seen: (string | null)[] = [];
    const original = window.fetch.bind(window);
    window.fetch = (_input, init) => {
      const auth = new Headers(init?.headers).get('Authorization');
      seen.push(auth);
      return Promise.resolve(auth === 'Bearer fresh' ? jsonResponse(200, { id: 'c1' }) : jsonResponse(401, { code: 'token-expired' }, 'application/problem+json'));
    };
    el.addEventListener('ju-auth-required', (event) => {
      event.preventDefault();
      setTimeout(() => { el.token = 'fresh'; }, 10);
    });
    try {
      const response = await el.client!.get<{ id: string }>('v1/me');
      expect(response.data).to.deep.equal({ id: 'c1' });
      expect(seen).to.deep.equal(['Bearer old', 'Bearer fresh']);
    } finally {
      window.fetch = original;
    }
  });

  it('describes every error in plain, translated language', async () => {
    const el = await fixture<TestCard>(html`<ju-test-card lang="da"></ju-test-card>`);
    expect(el.describe(new ApiError('offline', 0, 'x'))).to.contain('ikke på internettet');
    expect(el.describe(new ApiError('slot-taken', 409, 'x'))).to.contain('ændringer');
    expect(el.describe(new ApiError('http-503', 503, 'x'))).to.contain('fejl hos jobcentret');
    expect(el.describe(new ApiError('rate-limited', 429, 'x'))).to.contain('Vent et øjeblik');
    expect(el.describe(new ApiConfigError('x', 'bad'))).to.contain('ikke sat rigtigt op');
    expect(el.describe(new Error('boom'))).to.equal('Noget gik galt. Prøv igen.');
  });

  it('paints the built-in palette of its theme and follows the provider', async () => {
    const el = await fixture<TestCard>(html`<ju-test-card theme="dark"></ju-test-card>`);
    expect(getComputedStyle(el).backgroundColor).to.equal('rgb(27, 29, 31)');
    el.theme = 'light';
    await el.updateComplete;
    expect(getComputedStyle(el).backgroundColor).to.equal('rgb(255, 255, 255)');
    expect(getComputedStyle(el).getPropertyValue('--_ju-color-primary').trim()).to.equal('#0059b3');
  });

  it('lets the host page restyle it through --ju-* custom properties', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div class="brand"><ju-test-card></ju-test-card></div>`);
    wrapper.style.setProperty('--ju-color-primary', 'rgb(10, 80, 40)');
    wrapper.style.setProperty('--ju-font-family', 'Georgia, serif');
    const el = wrapper.querySelector('ju-test-card')!;
    await el.updateComplete;
    const button = el.shadowRoot!.querySelector('button')!;
    expect(getComputedStyle(button).backgroundColor).to.equal('rgb(10, 80, 40)');
    expect(getComputedStyle(el).fontFamily).to.contain('Georgia');
  });

  it('inherits the host page\'s font by default', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div><ju-test-card></ju-test-card></div>`);
    wrapper.style.setProperty('font-family', '"Courier New", monospace');
    const el = wrapper.querySelector('ju-test-card')!;
    expect(getComputedStyle(el.shadowRoot!.querySelector('button')!).fontFamily).to.contain('Courier New');
  });

  it('treats an unknown theme as light', async () => {
    const el = await fixture<TestCard>(html`<ju-test-card theme="purple"></ju-test-card>`);
    expect(el.resolvedTheme).to.equal('light');
  });

  it('is accessible in the dark and high-contrast themes in all three languages', async () => {
    for (const theme of ['dark', 'contrast']) {
      for (const lang of ['da', 'en', 'ar']) {
        const el = await fixture<TestCard>(html`<ju-test-card theme=${theme} lang=${lang}></ju-test-card>`);
        await expect(el).to.be.accessible();
      }
    }
  });

  it('fits a 320 px wide screen (400 % zoom) without sideways scrolling, in Danish and Arabic', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      for (const lang of ['da', 'ar']) {
        const el = await fixture<TestCard>(html`<ju-test-card lang=${lang}></ju-test-card>`);
        expect(el.scrollWidth).to.be.at.most(320);
        for (const control of el.shadowRoot!.querySelectorAll('button, input')) {
          expect(control.getBoundingClientRect().height).to.be.at.least(44);
        }
      }
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('reports the same version as its package.json', () => {
    expect(VERSION).to.equal(corePackage.version);
  });
});
