import { fixture, html, waitUntil } from '@open-wc/testing';
import '../src/desk.js';
import type { JuBookingDesk } from '../src/desk.js';
import { DeskFakeApi } from '../../../stories/support/desk-fake-api.js';

export { DeskFakeApi };

/**
 * Gives each test of the suite a fresh fake desk server in front of `fetch`, and removes it after the test.
 * `receive` gets the server before it is installed, to keep it and add what the suite needs.
 */
export function withFakeDeskServer(receive: (fake: DeskFakeApi) => void): void {
  let uninstall = (): void => undefined;
  beforeEach(() => {
    const fake = new DeskFakeApi();
    receive(fake);
    uninstall = fake.install();
  });
  afterEach(() => {
    uninstall();
  });
}

/** A desk on a fake server, signed in as a caseworker, with the week loaded. */
export async function mountDesk(fake: DeskFakeApi, lang = 'da'): Promise<JuBookingDesk> {
  const el = await fixture<JuBookingDesk>(html`<ju-booking-desk api=${fake.base} lang=${lang} .token=${'caseworker-token'}></ju-booking-desk>`);
  await waitUntil(() => el.shadowRoot?.querySelector('.desk-days, [part=error]'), 'the week did not load', { timeout: 4000 });
  return el;
}

export function root(el: HTMLElement): ShadowRoot {
  if (!el.shadowRoot) throw new Error('no shadow root');
  return el.shadowRoot;
}

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- a typed query, like querySelector<T>
export function $<T extends HTMLElement = HTMLElement>(el: HTMLElement, selector: string): T {
  const found = root(el).querySelector<HTMLElement>(selector) as T | null;
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

export function buttonNamed(el: HTMLElement, text: string | RegExp, scope = ''): HTMLButtonElement {
  const buttons = [...root(el).querySelectorAll<HTMLButtonElement>(`${scope} button`.trim())];
  const found = buttons.find((button) => (typeof text === 'string' ? button.textContent.replace(/\s+/g, ' ').trim() === text : text.test(button.textContent)));
  if (!found) throw new Error(`no button named ${String(text)}`);
  return found;
}

export function type(control: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

export function choose(select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

export async function settle(el: JuBookingDesk): Promise<void> {
  await el.updateComplete;
  await new Promise((resolve) => setTimeout(resolve, 0));
  await el.updateComplete;
}

export function text(el: HTMLElement): string {
  return root(el).textContent.replace(/\s+/g, ' ');
}

/** Whatever view is showing, once its data has arrived. */
export async function showView(el: JuBookingDesk, view: 'week' | 'availability' | 'requests'): Promise<void> {
  $(el, `#tab-${view}`).click();
  const ready = { week: '.desk-days', availability: '[part=availability]', requests: '[part=help-requests]' }[view];
  await waitUntil(() => root(el).querySelector(`#panel-${view} ${ready}`), `the ${view} view did not load`, { timeout: 4000 });
  await settle(el);
}
