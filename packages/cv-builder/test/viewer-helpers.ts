// Shared set-up for the <ju-cv-viewer> tests: a fresh fake server per test, rendering, and shadow-root queries.
import { fixture, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../src/viewer.js';
import type { JuCvViewer } from '../src/viewer.js';
import { CASEWORKER_TOKEN, FakeCvViewerServer, type FakeCitizen } from './viewer-fake-server.js';

export const API = 'https://api.jobcenter.example.dk/jobunivers/';
export { CASEWORKER_TOKEN };

let restoreFetch: () => void = () => undefined;

export function freshServer(citizens?: FakeCitizen[]): FakeCvViewerServer {
  restoreFetch();
  const server = new FakeCvViewerServer(citizens);
  restoreFetch = server.install();
  return server;
}

export function stopServer(): void {
  restoreFetch();
  restoreFetch = () => undefined;
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
  const found: HTMLElement = $(el, selector);
  return found;
}

/** Renders the viewer and waits until the list (or a message in its place) is shown. */
export async function renderViewer(template: TemplateResult = html`<ju-cv-viewer api=${API} .token=${CASEWORKER_TOKEN}></ju-cv-viewer>`): Promise<JuCvViewer> {
  const el = await fixture<JuCvViewer>(template);
  await waitUntil(() => el.shadowRoot?.querySelector('[aria-busy="true"]') === null && el.shadowRoot.querySelector('.list-view') !== null,
    'the viewer did not finish loading', { timeout: 4000 });
  await el.updateComplete;
  return el;
}

/** What the widget's live regions say (after their batching pause). */
export async function announced(el: Element, expected: string): Promise<void> {
  await waitUntil(() => text(el.shadowRoot?.querySelector('[data-ju-announcer="polite"]')).includes(expected)
    || text(el.shadowRoot?.querySelector('[data-ju-announcer="assertive"]')).includes(expected), `"${expected}" was not announced`, { timeout: 3000 });
}

/** The button with a citizen's name in the list. */
export const citizenButton = (el: Element, citizenId: string): HTMLButtonElement => $<HTMLButtonElement>(el, `.open[data-citizen="${citizenId}"]`);

/** Types into the filter like a person (one input event with the whole value). */
export async function typeFilter(el: JuCvViewer, value: string): Promise<void> {
  const field = $<HTMLInputElement>(el, '#filter');
  field.value = value;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/** Waits until an opened CV (or what is shown instead) has finished loading. */
export async function opened(el: JuCvViewer): Promise<void> {
  await waitUntil(() => el.shadowRoot?.querySelector('.detail') !== null && el.shadowRoot?.querySelector('.cv-loading') === null, 'the CV did not finish loading', { timeout: 4000 });
  await el.updateComplete;
}

/** Pretends the device is offline until the returned function is called. */
export function goOffline(): () => void {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
  window.dispatchEvent(new Event('offline'));
  return () => { Reflect.deleteProperty(navigator, 'onLine'); };
}
