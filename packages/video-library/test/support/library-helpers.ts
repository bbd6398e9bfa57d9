// Shared set-up for the <ju-video-library> tests: a fresh fake server per test, rendering, and shadow-root queries.
import { fixture, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../../src/index.js';
import type { JuVideoLibrary } from '../../src/index.js';
import { FakeVideoServer, type FakeVideoServerOptions } from './fake-video-server.js';

export const API = 'https://api.jobcenter.example.dk/jobunivers/';
export const CITIZEN = 'citizen-token';

let restoreFetch: () => void = () => undefined;

export function freshServer(options: FakeVideoServerOptions = {}): FakeVideoServer {
  restoreFetch();
  const server = new FakeVideoServer(options);
  restoreFetch = server.install();
  return server;
}

export function stopServer(): void {
  restoreFetch();
  restoreFetch = () => undefined;
}

/** Renders the library and waits until the first page is shown (or a message instead). */
export async function renderLibrary(template: TemplateResult = html`<ju-video-library api=${API}></ju-video-library>`): Promise<JuVideoLibrary> {
  const el = await fixture<JuVideoLibrary>(template);
  await waitUntil(() => el.shadowRoot?.querySelector('.results[aria-busy="false"]') !== null, 'the library did not finish loading', { timeout: 4000 });
  await el.updateComplete;
  return el;
}

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- like querySelector: the caller names the element type it expects
export const $ = <T extends Element = HTMLElement>(el: Element, selector: string): T => {
  const found = el.shadowRoot?.querySelector<T>(selector) ?? null;
  if (found === null) throw new Error(`nothing matches ${selector}`);
  return found;
};
export const $$ = <T extends Element = HTMLElement>(el: Element, selector: string): T[] => [...(el.shadowRoot?.querySelectorAll<T>(selector) ?? [])];
export const text = (node: Node | null | undefined): string => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Waits until `selector` is in the widget. */
export async function until(el: Element, selector: string, timeout = 4000): Promise<HTMLElement> {
  await waitUntil(() => el.shadowRoot?.querySelector(selector) !== null, `nothing matches ${selector}`, { timeout });
  const found = $(el, selector);
  return found;
}

/** What the widget's polite live region says (after its batching pause). */
export async function announced(el: Element, expected: string): Promise<void> {
  await waitUntil(() => text(el.shadowRoot?.querySelector('[data-ju-announcer="polite"]')).includes(expected)
    || text(el.shadowRoot?.querySelector('[data-ju-announcer="assertive"]')).includes(expected), `"${expected}" was not announced`, { timeout: 3000 });
}

/** The button in the heading of the card for `videoId` in the main list. */
export const cardButton = (el: Element, videoId: string): HTMLButtonElement => $<HTMLButtonElement>(el, `.results [id="v-${videoId}"] button`);

/** Types into the search field like a person (one input event with the whole value). */
export function type(el: Element, value: string): void {
  const field = $<HTMLInputElement>(el, '#q');
  field.value = value;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

export async function submitSearch(el: JuVideoLibrary, value: string): Promise<void> {
  type(el, value);
  $<HTMLButtonElement>(el, 'form.search button[type="submit"]').click();
  await el.updateComplete;
  await waitUntil(() => el.shadowRoot?.querySelector('.results[aria-busy="false"]') !== null && $(el, '#list-heading').textContent !== '', 'search did not finish');
  await el.updateComplete;
}

/** Pretends the device is offline until the returned function is called. */
export function goOffline(): () => void {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
  window.dispatchEvent(new Event('offline'));
  return () => { delete (navigator as { onLine?: boolean }).onLine; };
}
