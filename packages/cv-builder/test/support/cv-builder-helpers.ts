// Shared set-up for the <ju-cv-builder> shell tests: a fresh browser store per test, rendering, typing like a
// person, shadow-root queries, captured downloads and the fake CV server on `window.fetch`.
import { fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import { deleteLocalStore } from '@jobunivers/core/store';
import '../../src/index.js';
import type { JuCvBuilder } from '../../src/index.js';
import { FakeCvServer } from './sync-fake-cv-server.js';

export const API = 'https://api.jobcenter.example.dk/jobunivers/';
export const CITIZEN = 'citizen-amira';

let counter = 0;
const used: string[] = [];

/** A store name no other test uses (IndexedDB `jobunivers-<name>`); deleted again by `cleanUpStores()`. */
export function uniqueStore(): string {
  counter += 1;
  const name = `cv-test-${String(Date.now())}-${String(counter)}`;
  used.push(name);
  return name;
}

export async function cleanUpStores(): Promise<void> {
  for (const name of used.splice(0)) await deleteLocalStore(name).catch(() => undefined);
}

export interface RenderOptions {
  store?: string;
  lang?: string;
  api?: string;
  token?: string;
  headingLevel?: number;
}

/**
 * Renders the builder and waits until the stored draft is loaded (the toolbar is there) and the code that loads
 * right after the first render has arrived (the lists of the last sections are there).
 */
export async function renderBuilder(options: RenderOptions = {}): Promise<JuCvBuilder> {
  const store = options.store ?? uniqueStore();
  const el = await fixture<JuCvBuilder>(html`<ju-cv-builder store-name=${store} lang=${options.lang ?? 'da'} api=${ifDefined(options.api)}
    heading-level=${String(options.headingLevel ?? 2)} .token=${options.token}></ju-cv-builder>`);
  await until(el, '#tb-undo', 6000);
  await until(el, '[data-section="custom"] [part="list"]');
  await until(el, '[part="completeness"]'); // the panel loads right after the first render
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
export const has = (el: Element, selector: string): boolean => el.shadowRoot?.querySelector(selector) !== null;

/** Waits until `selector` is in the widget. */
export async function until(el: Element, selector: string, timeout = 4000): Promise<HTMLElement> {
  await waitUntil(() => has(el, selector), `nothing matches ${selector}`, { timeout });
  const found = $(el, selector);
  return found;
}

/** Waits until `selector` is gone. */
export async function gone(el: Element, selector: string, timeout = 4000): Promise<void> {
  await waitUntil(() => !has(el, selector), `${selector} is still there`, { timeout });
}

/** What the widget's live regions say (after their batching pause). */
export async function announced(el: Element, expected: string): Promise<void> {
  await waitUntil(() => text(el.shadowRoot?.querySelector('[data-ju-announcer="polite"]')).includes(expected)
    || text(el.shadowRoot?.querySelector('[data-ju-announcer="assertive"]')).includes(expected), `"${expected}" was not announced`, { timeout: 3000 });
}

/** Types into a field like a person: the whole value, then one `input` event (and `change`, as a browser does on leaving). */
export async function typeInto(el: JuCvBuilder, id: string, value: string): Promise<void> {
  const field = $<HTMLInputElement | HTMLTextAreaElement>(el, `#${CSS.escape(id)}`);
  field.focus();
  field.value = value;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: value }));
  field.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await el.updateComplete;
}

export const valueOf = (el: Element, id: string): string => $<HTMLInputElement | HTMLTextAreaElement>(el, `#${CSS.escape(id)}`).value;

/** Clicks a button of the widget and waits for the render. */
export async function click(el: JuCvBuilder, selector: string): Promise<void> {
  $(el, selector).click();
  await el.updateComplete;
}

/** Opens a toolbar dialog and waits until it is shown. */
export async function openDialog(el: JuCvBuilder, button: string): Promise<HTMLDialogElement> {
  await click(el, button);
  await waitUntil(() => el.shadowRoot?.querySelector<HTMLDialogElement>('dialog#cv-dialog')?.open === true, `${button} opened no dialog`, { timeout: 4000 });
  return $<HTMLDialogElement>(el, 'dialog#cv-dialog');
}

export async function dialogClosed(el: JuCvBuilder): Promise<void> {
  await gone(el, 'dialog#cv-dialog');
}

/** Waits until the autosave reached the store (`ju-cv-saved` with `where: 'local'`). */
export function nextLocalSave(el: JuCvBuilder): Promise<void> {
  return new Promise((resolve) => {
    const listener = (event: CustomEvent<{ where: string }>): void => {
      if (event.detail.where !== 'local') return;
      el.removeEventListener('ju-cv-saved', listener);
      resolve();
    };
    el.addEventListener('ju-cv-saved', listener);
  });
}

export interface Download {
  name: string;
  blob: Blob;
}

/** Captures downloads (object URL + link click) instead of saving files; returns them and the function that stops. */
export function captureDownloads(): { downloads: Download[]; restore: () => void } {
  const downloads: Download[] = [];
  const blobs = new Map<string, Blob>();
  const originalCreate = URL.createObjectURL.bind(URL);
  URL.createObjectURL = (object: Blob | MediaSource): string => {
    const url = `blob:captured-${String(blobs.size)}`;
    if (object instanceof Blob) blobs.set(url, object);
    return url;
  };
  HTMLAnchorElement.prototype.click = function click(this: HTMLAnchorElement): void {
    const blob = blobs.get(this.href);
    if (blob === undefined) {
      HTMLElement.prototype.click.call(this);
      return;
    }
    downloads.push({ name: this.download, blob });
  };
  return {
    downloads,
    restore: () => {
      URL.createObjectURL = originalCreate;
      Reflect.deleteProperty(HTMLAnchorElement.prototype, 'click');
    },
  };
}

/** The fake CV server answering `window.fetch`; `stop()` puts the real fetch back. */
export function startServer(): { server: FakeCvServer; stop: () => void } {
  const server = new FakeCvServer();
  const original = window.fetch.bind(window);
  window.fetch = (input, init) => server.fetch(input, init);
  return { server, stop: () => { window.fetch = original; } };
}

/** Picks a file in the import dialog's file field. */
export async function pickFile(el: JuCvBuilder, name: string, content: string): Promise<void> {
  const input = $<HTMLInputElement>(el, '#import-file');
  const transfer = new DataTransfer();
  transfer.items.add(new File([content], name, { type: 'application/json' }));
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/** Presses a key with modifiers held, e.g. `chord('Control', 'Shift', 'z')`, as real key events. */
export async function chord(...keys: string[]): Promise<void> {
  const key = keys.at(-1) ?? '';
  const modifiers = keys.slice(0, -1);
  for (const modifier of modifiers) await sendKeys({ down: modifier });
  await sendKeys({ press: key });
  for (const modifier of modifiers.reverse()) await sendKeys({ up: modifier });
}
