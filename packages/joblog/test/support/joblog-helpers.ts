// Shared set-up for the <ju-joblog> shell tests: a fresh browser store per test, rendering, typing like a person,
// shadow-root queries, captured downloads and stored entries.
import { fixture, html, waitUntil } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../src/index.js';
import type { JuJoblog } from '../../src/index.js';
import { newEntry, type JoblogEntry, type Requirement } from '../../src/model/entry.js';
import { JoblogStore } from '../../src/storage/entry-store.js';

let counter = 0;
const used: string[] = [];

/** A store name no other test uses (IndexedDB `jobunivers-<name>`); deleted again by `cleanUpStores()`. */
export function uniqueStore(): string {
  counter += 1;
  const name = `joblog-test-${String(Date.now())}-${String(counter)}`;
  used.push(name);
  return name;
}

export async function cleanUpStores(): Promise<void> {
  for (const name of used.splice(0)) {
    const store = await JoblogStore.open({ name });
    await store.wipe().catch(() => undefined);
    store.close();
  }
}

export interface RenderOptions {
  store?: string;
  lang?: string;
  api?: string;
  token?: string;
  requirement?: Requirement;
  headingLevel?: number;
}

/** Renders the joblog and waits until the stored entries are loaded (the toolbar is there). */
export async function renderJoblog(options: RenderOptions = {}): Promise<JuJoblog> {
  const store = options.store ?? uniqueStore();
  const el = await fixture<JuJoblog>(html`<ju-joblog store-name=${store} lang=${options.lang ?? 'da'} api=${ifDefined(options.api)}
    heading-level=${String(options.headingLevel ?? 2)} .token=${options.token} .requirement=${options.requirement}></ju-joblog>`);
  await until(el, '#jl-add-application', 6000);
  await el.updateComplete;
  return el;
}

/** Entries stored before the widget opens. */
export async function storeEntries(name: string, entries: JoblogEntry[]): Promise<void> {
  const store = await JoblogStore.open({ name });
  await store.putMany(entries);
  store.close();
}

/** An application with the given fields. */
export function application(fields: Partial<JoblogEntry> = {}): JoblogEntry {
  const date = fields.date ?? '2026-11-25';
  const entry = newEntry(new Date(), date, 'application');
  return { ...entry, title: 'Lagermedarbejder', employer: 'Bilka', postalCode: '7100', town: 'Vejle', ...fields };
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

export async function until(el: Element, selector: string, timeout = 4000): Promise<HTMLElement> {
  await waitUntil(() => has(el, selector), `nothing matches ${selector}`, { timeout });
  const found: HTMLElement = $(el, selector);
  return found;
}

export async function gone(el: Element, selector: string, timeout = 4000): Promise<void> {
  await waitUntil(() => !has(el, selector), `${selector} is still there`, { timeout });
}

/** What the widget's live regions say (after their batching pause). */
export async function announced(el: Element, expected: string): Promise<void> {
  await waitUntil(() => text(el.shadowRoot?.querySelector('[data-ju-announcer="polite"]')).includes(expected)
    || text(el.shadowRoot?.querySelector('[data-ju-announcer="assertive"]')).includes(expected), `"${expected}" was not announced`, { timeout: 3000 });
}

/** Types into a field like a person: the whole value, then `input` and `change`. */
export async function typeInto(el: JuJoblog, id: string, value: string): Promise<void> {
  const field = $<HTMLInputElement | HTMLTextAreaElement>(el, `#${CSS.escape(id)}`);
  field.focus();
  field.value = value;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: value }));
  field.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await el.updateComplete;
}

export async function choose(el: JuJoblog, id: string, value: string): Promise<void> {
  const field = $<HTMLSelectElement>(el, `#${CSS.escape(id)}`);
  field.value = value;
  field.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await el.updateComplete;
}

export async function click(el: JuJoblog, selector: string): Promise<void> {
  $(el, selector).click();
  await el.updateComplete;
}

/** Clicks a button that opens a dialog and waits until it is shown. */
export async function openDialog(el: JuJoblog, button: string): Promise<HTMLDialogElement> {
  await click(el, button);
  await waitUntil(() => el.shadowRoot?.querySelector<HTMLDialogElement>('dialog#jl-dialog')?.open === true, `${button} opened no dialog`, { timeout: 4000 });
  return $<HTMLDialogElement>(el, 'dialog#jl-dialog');
}

export async function dialogClosed(el: JuJoblog): Promise<void> {
  await gone(el, 'dialog#jl-dialog');
}

/** Fills the application form's required fields and presses "Gem". */
export async function addApplication(el: JuJoblog, fields: { title: string; employer: string; postalCode?: string; date?: string }): Promise<void> {
  await openDialog(el, '#jl-add-application');
  await typeInto(el, 'ef-title', fields.title);
  await typeInto(el, 'ef-employer', fields.employer);
  if (fields.postalCode !== undefined) await typeInto(el, 'ef-postalCode', fields.postalCode);
  if (fields.date !== undefined) await typeInto(el, 'ef-date', fields.date);
  await click(el, '#ef-save');
}

export interface Download {
  name: string;
  blob: Blob;
}

/** Captures downloads (object URL + link click) instead of saving files. */
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

/** Picks a file in a file field of a dialog. */
export async function pickFile(el: JuJoblog, id: string, name: string, content: string): Promise<void> {
  const input = $<HTMLInputElement>(el, `#${id}`);
  const transfer = new DataTransfer();
  transfer.items.add(new File([content], name, { type: 'text/csv' }));
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await el.updateComplete;
}
