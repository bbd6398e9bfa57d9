// Shared set-up for the <ju-live-chat> tests: a fake server on `fetch`, a fresh device store, and small queries
// into the widget's shadow root.
import { fixture, html, waitUntil } from '@open-wc/testing';
import { deleteLocalStore } from '@jobunivers/core/store';
import '../../src/index.js';
import type { JuLiveChat } from '../../src/index.js';
import { FakeChatServer, type FakeChatServerOptions } from './fake-chat-server.js';

export const API = 'https://api.jobcenter.example.dk/jobunivers/';

let restoreFetch: () => void = () => undefined;

export async function freshServer(options: FakeChatServerOptions = {}): Promise<FakeChatServer> {
  restoreFetch();
  await deleteLocalStore('live-chat').catch(() => undefined);
  const server = new FakeChatServer(options);
  restoreFetch = server.install();
  return server;
}

export async function stopServer(): Promise<void> {
  // Let the last widget's writes to the device store settle before the next test deletes the store.
  await new Promise((resolve) => setTimeout(resolve, 50));
  restoreFetch();
  restoreFetch = () => undefined;
}

export async function renderChat(template = html`<ju-live-chat api=${API}></ju-live-chat>`): Promise<JuLiveChat> {
  const el = await fixture<JuLiveChat>(template);
  await el.updateComplete;
  return el;
}

/** Opens the chat and waits for a view other than "loading". */
export async function openChat(el: JuLiveChat, ready = '.view-heading'): Promise<void> {
  await el.open();
  await until(el, ready);
}

export async function until(el: Element, selector: string, message = `nothing matches ${selector}`): Promise<HTMLElement> {
  // Generous: the first open in a test file loads (and the dev server transforms) the panel chunk.
  await waitUntil(() => el.shadowRoot!.querySelector(selector) !== null, message, { timeout: 8000 });
  return el.shadowRoot!.querySelector<HTMLElement>(selector)!;
}

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- like querySelector: the caller names the element type it expects
export const $ = <T extends Element = HTMLElement>(el: Element, selector: string): T => {
  const found = el.shadowRoot!.querySelector<T>(selector);
  if (found === null) throw new Error(`nothing matches ${selector}`);
  return found;
};
export const $$ = <T extends Element = HTMLElement>(el: Element, selector: string): T[] => [...(el.shadowRoot!.querySelectorAll<T>(selector))];
export const text = (el: Element): string => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ');

/** The message list inside the widget. */
export function list(el: Element): HTMLElement & { shadowRoot: ShadowRoot } {
  return $<HTMLElement & { shadowRoot: ShadowRoot }>(el, 'ju-chat-message-list');
}

/** Fills in the pre-chat form (first topic, consent) and starts; waits for the queue. */
export async function startChat(el: JuLiveChat): Promise<void> {
  await openChat(el, 'input[name="topic"]');
  $<HTMLInputElement>(el, 'input[name="topic"]').click();
  el.shadowRoot!.querySelector<HTMLInputElement>('#field-consent')?.click();
  await el.updateComplete;
  $<HTMLButtonElement>(el, '.start-form button[type="submit"]').click();
  await until(el, 'ju-chat-message-list');
}

/** Types into the composer and presses Enter. */
export async function write(el: JuLiveChat, message: string): Promise<void> {
  const field = $<HTMLTextAreaElement>(el, '#composer-text');
  field.value = message;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true, cancelable: true }));
  await el.updateComplete;
}

/** What the widget's polite live region says now. */
export const announced = (el: Element): string => el.shadowRoot?.querySelector('[data-ju-announcer="polite"]')?.textContent ?? '';
