// A small stand-in for the shell: holds a CV, hands the section editors an EditorContext, renders one section or
// all of them, and records every change, announcement and focus request so the tests can check them.
import { fixture, html, waitUntil } from '@open-wc/testing';
import { JuElement, getI18n, registerNamespace, sharedStyles, type Formatter } from '@jobunivers/core';
import type { PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { ChangeOptions, EditorContext } from '../../src/editor-context.js';
import { SECTION_KEYS, emptyCv, newItem, type Cv, type SectionKey } from '../../src/model/cv.js';
import { loadSectionTools, renderSection, sectionStrings, sectionStyles } from '../../src/sections/index.js';
import ar from '../../src/locales/sections.ar.json';
import da from '../../src/locales/sections.da.json';
import helpDa from '../../src/locales/sections-help.da.json';
import laterDa from '../../src/locales/sections-later.da.json';
import en from '../../src/locales/sections.en.json';

/** The Danish parts as the shell ships them: inline, the help (loaded when idle) and the strings of the code loaded after the first render. */
export const DANISH_PARTS = { inline: sectionStrings(da), help: sectionStrings(helpDa), later: sectionStrings(laterDa) };
/** Every section string at once, so the tests see the sections as they are once everything has loaded. */
export const STRINGS = { da: { ...DANISH_PARTS.inline, ...DANISH_PARTS.help, ...DANISH_PARTS.later }, en: sectionStrings(en), ar: sectionStrings(ar) };

export class SectionHost extends JuElement {
  static override namespace = registerNamespace('cv-builder', STRINGS);
  static override styles = [...sharedStyles, sectionStyles];

  @property({ attribute: false }) cv: Cv = emptyCv();
  /** One section, or all of them in order. */
  @property({ attribute: false }) sections: readonly SectionKey[] = SECTION_KEYS;
  @property({ attribute: false }) problems: ReadonlyMap<string, string> = new Map();
  /** The level of the sections' headings, as the shell gives it (one below its own). */
  @property({ attribute: false }) headingLevel = 2;

  readonly changes: { options: ChangeOptions; before: Cv; after: Cv }[] = [];
  readonly announcements: string[] = [];
  readonly focusRequests: string[] = [];
  #focusAfterRender: string | undefined;

  readonly context: EditorContext = new HostContext(this);

  /** Replaces the Danish strings of every host, e.g. to see the sections before the help texts have loaded. */
  useStrings(danish: Record<string, string>): void {
    getI18n().removeResourceBundle('da', SectionHost.namespace);
    getI18n().addResourceBundle('da', SectionHost.namespace, danish);
    this.requestUpdate();
  }

  translateKey(key: string, options?: Record<string, unknown>): string {
    return this.t(key, options);
  }

  get formatter(): Formatter {
    return this.format;
  }

  /** Records the change with the CV before and after it, like the shell's undo history. */
  applyChange(mutate: (draft: Cv) => void, options: ChangeOptions): void {
    const before = this.cv;
    const draft = structuredClone(before);
    mutate(draft);
    this.cv = draft;
    this.changes.push({ options, before, after: draft });
    if (options.announce !== undefined) this.announce(options.announce);
  }

  requestFocus(id: string): void {
    this.focusRequests.push(id);
    this.#focusAfterRender = id;
    this.requestUpdate();
  }

  announce(text: string): void {
    this.announcements.push(text);
    this.announcer.announce(text);
  }

  /** What the polite live region says now. */
  get spoken(): string {
    return this.announcer.current();
  }

  protected override render(): unknown {
    return this.sections.map((key) => renderSection(key, this.context));
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const id = this.#focusAfterRender;
    this.#focusAfterRender = undefined;
    if (id !== undefined) this.shadowRoot?.getElementById(id)?.focus();
  }
}

class HostContext implements EditorContext {
  readonly #host: SectionHost;
  constructor(host: SectionHost) { this.#host = host; }
  get cv(): Cv { return this.#host.cv; }
  get format(): Formatter { return this.#host.formatter; }
  get lang(): string { return this.#host.resolvedLanguage; }
  get sectionHeadingLevel(): number { return this.#host.headingLevel; }
  get problems(): ReadonlyMap<string, string> { return this.#host.problems; }
  t(key: string, options?: Record<string, unknown>): string { return this.#host.translateKey(key, options); }
  change(mutate: (draft: Cv) => void, options: ChangeOptions = {}): void { this.#host.applyChange(mutate, options); }
  announce(text: string): void { this.#host.announce(text); }
  focusAfterRender(id: string): void { this.#host.requestFocus(id); }
}

SectionHost.define('cv-section-host');

declare global {
  interface HTMLElementTagNameMap {
    'cv-section-host': SectionHost;
  }
}

export interface HostOptions {
  cv?: Cv;
  sections?: readonly SectionKey[];
  problems?: ReadonlyMap<string, string>;
  lang?: 'da' | 'en' | 'ar';
  headingLevel?: number;
}

/** Renders the sections once the code they load after the first render is there (as it is before anyone clicks). */
export async function renderHost(options: HostOptions = {}): Promise<SectionHost> {
  await loadSectionTools();
  const el = await fixture<SectionHost>(html`<cv-section-host lang=${options.lang ?? 'da'} .cv=${options.cv ?? emptyCv()}
    .sections=${options.sections ?? SECTION_KEYS} .problems=${options.problems ?? new Map<string, string>()}
    .headingLevel=${options.headingLevel ?? 2}></cv-section-host>`);
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
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- like getElementById with a cast: the caller names the type
export const byId = <T extends HTMLElement = HTMLElement>(el: Element, id: string): T => {
  const found = el.shadowRoot?.getElementById(id) ?? null;
  if (found === null) throw new Error(`no element with id ${id}`);
  return found as T;
};
export const text = (node: Node | null | undefined): string => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
export const focused = (el: Element): Element | null => el.shadowRoot?.activeElement ?? null;

/** Sets a field's value the way one input event from typing or pasting does. */
export async function typeInto(el: SectionHost, control: HTMLInputElement | HTMLTextAreaElement, value: string): Promise<void> {
  control.value = value;
  control.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/** Chooses an option of a native select, as a person would. */
export async function choose(el: SectionHost, select: HTMLSelectElement, value: string): Promise<void> {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await el.updateComplete;
}

export async function spoken(el: SectionHost, expected: string): Promise<void> {
  await waitUntil(() => el.spoken.includes(expected), `"${expected}" was not announced (live region: "${el.spoken}")`, { timeout: 3000 });
}

/** A CV with something in every section: hidden items, "nu", per-skill languages, driving licences, a custom section. */
export function fullCv(): Cv {
  const cv = emptyCv();
  cv.contact = {
    ...cv.contact,
    name: 'Amina Hassan', headline: 'Lagermedarbejder med truckcertifikat', email: 'amina@example.dk', phone: '+45 12 34 56 78',
    address: 'Vestergade 1', postalCode: '7100', city: 'Vejle', url: 'https://amina.example.dk',
    profiles: [{ ...newItem.profiles(), network: 'LinkedIn', username: 'aminahassan', url: 'https://www.linkedin.com/in/aminahassan' }],
  };
  cv.profile.summary = 'Jeg er en stabil lagermedarbejder med 5 års erfaring.';
  cv.jobTitles.items = [{ ...newItem.jobTitles(), title: 'Lagermedarbejder' }, { ...newItem.jobTitles(), title: 'Chauffør' }];
  cv.conditions = { hidden: false, hours: ['full-time'], types: ['permanent', 'substitute'], availableFrom: '2025-09', area: 'Vejle og op til 40 km' };
  cv.work.items = [
    { ...newItem.work(), position: 'Lagermedarbejder', employer: 'Bilka', location: 'Vejle', start: '2019-03', end: 'present', summary: 'Plukkede ordrer.', highlights: ['Kørte truck', 'Oplærte nye'] },
    { ...newItem.work(), position: 'Opvasker', employer: 'Hotel Fjord', start: '2016-05', end: '2019-02', hidden: true },
    { ...newItem.work(), position: 'Avisbud', employer: 'Vejle Amts Folkeblad', start: '2014-01', end: '' },
  ];
  cv.education.items = [{ ...newItem.education(), institution: 'EUC Syd', studyType: 'Lager- og terminaluddannelsen', level: 'vocational', start: '2015-08', end: '2017-06', courses: ['Truck'] }];
  cv.certificates.items = [{ ...newItem.certificates(), name: 'Førstehjælp', kind: 'licence', issuer: 'Dansk Førstehjælpsråd', date: '2024-06', expires: '2026-06' }];
  cv.skills.items = [{ ...newItem.skills(), name: 'Kundeservice', level: 'Erfaren', keywords: ['kasse', 'telefon'] }];
  cv.languages.items = [
    { ...newItem.languages(), language: 'Arabisk', native: true },
    { ...newItem.languages(), language: 'Dansk', level: 'B2' },
    { ...newItem.languages(), language: 'Engelsk', perSkill: true, skills: { listening: 'B2', reading: 'B2', spokenInteraction: 'B1', spokenProduction: 'B1', writing: 'A2' } },
  ];
  cv.drivingLicences = { hidden: false, categories: ['B', 'C'], note: 'Har egen bil' };
  cv.volunteer.items = [{ ...newItem.volunteer(), organization: 'Vejle Boldklub', position: 'Træner', start: '2021-08', end: 'present' }];
  cv.references.items = [{ ...newItem.references(), name: 'Hanne Jensen', relation: 'Tidligere leder', contact: '12 34 56 78' }];
  cv.references.hidden = true;
  cv.custom = [{ ...newItem.customSection(), title: 'Hobbyer', items: [{ ...newItem.customItem(), title: 'Løb', subtitle: 'Aarhus Motion', start: '2020-01', end: 'present' }] }];
  return cv;
}
