// A small stand-in for <ju-joblog>'s shell: holds the entries, hands the views a ViewContext, and records every
// open, status change and announcement so the tests can check them. Status changes are saved a tick later, the
// way the shell saves to IndexedDB first.
import { JuElement, registerNamespace, sharedStyles } from '@jobunivers/core';
import { html, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { newEntry, type IsoDate, type JoblogEntry, type Outcome, type Requirement, type Status } from '../../src/model/entry.js';
import { JoblogViews, flattenStrings, renderListRow, viewStyles, type JoblogView, type ViewContext } from '../../src/views/index.js';
import ar from '../../src/locales/views.ar.json';
import da from '../../src/locales/views.da.json';
import en from '../../src/locales/views.en.json';

export const VIEW_STRINGS = { da: flattenStrings(da), en: flattenStrings(en), ar: flattenStrings(ar) };

export class ViewsHost extends JuElement {
  static override namespace = registerNamespace('joblog-views-test', VIEW_STRINGS);
  static override styles = [sharedStyles, viewStyles];

  @property() view: JoblogView = 'list';
  @property({ attribute: false }) entries: readonly JoblogEntry[] = [];
  @property() today: IsoDate = '2026-11-25';
  @property({ type: Boolean, attribute: 'read-only' }) readOnly = false;
  @property({ attribute: false }) requirement: Requirement | undefined;

  readonly views = new JoblogViews(this);
  readonly opened: { entryId: string; opener: HTMLElement }[] = [];
  readonly statusChanges: { entryId: string; status: Status; outcome: Outcome | null }[] = [];
  readonly announcements: string[] = [];
  /** The timing baseline: every entry as a row of the list, no windowing, no index. */
  @property({ type: Boolean }) allRows = false;
  /** Milliseconds the fake save takes; `null` = never saves (the shell failed). */
  saveDelay: number | null = 0;

  context(): ViewContext {
    return {
      entries: this.entries,
      today: this.today,
      readOnly: this.readOnly,
      ...(this.requirement ? { requirement: this.requirement } : {}),
      t: (key, options) => this.t(key, options),
      format: this.format,
      lang: this.resolvedLanguage,
      open: (entryId, opener) => { this.opened.push({ entryId, opener }); },
      changeStatus: (entryId, status, outcome) => {
        this.statusChanges.push({ entryId, status, outcome });
        if (this.saveDelay === null) return;
        setTimeout(() => {
          this.entries = this.entries.map((entry) => (entry.id === entryId ? { ...entry, status, outcome, history: [...entry.history, { status, outcome, on: this.today }] } : entry));
        }, this.saveDelay);
      },
      announce: (text) => {
        this.announcements.push(text);
        this.announcer.announce(text);
      },
    };
  }

  protected override render(): TemplateResult {
    if (this.allRows) {
      const ctx = this.context();
      const total = this.entries.length;
      return html`<ol class="ju-joblog-rows" role="list">${repeat(this.entries, (entry) => entry.id, (entry, index) => renderListRow(ctx, entry, index + 1, total))}</ol>`;
    }
    return html`<h2>Din joblog</h2>${this.views.render(this.view, this.context())}`;
  }
}

ViewsHost.define('views-test-host');

declare global {
  interface HTMLElementTagNameMap {
    'views-test-host': ViewsHost;
  }
}

const TITLES = ['Lagermedarbejder', 'Pædagogmedhjælper', 'Buschauffør', 'Kok', 'Social- og sundhedshjælper', 'Butiksassistent', 'Tømrer', 'Rengøringsassistent', 'Elektriker', 'Kundeservicemedarbejder'];
const EMPLOYERS = ['Salling Group', 'Vejle Kommune', 'Arriva', 'Coop', 'DSV', 'Novo Nordisk', 'Aarhus Kommune', 'ISS', 'Netto', 'Lego'];
const TOWNS: [string, string][] = [['7100', 'Vejle'], ['8000', 'Aarhus C'], ['5000', 'Odense C'], ['2100', 'København Ø'], ['9000', 'Aalborg']];

/** A calendar date `days` before `from` (calendar arithmetic). */
export function daysBefore(from: IsoDate, days: number): IsoDate {
  const [year = 1970, month = 1, day = 1] = from.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day - days)).toISOString().slice(0, 10);
}

/** `count` entries, deterministic: a tenth are activities, statuses rotate, dates go back one per 3 entries. */
export function generateEntries(count: number, today: IsoDate = '2026-11-25'): JoblogEntry[] {
  const now = new Date('2026-11-25T10:00:00Z');
  const statuses: Status[] = ['saved', 'applied', 'interview', 'closed'];
  const outcomes: Outcome[] = ['rejected', 'hired', 'withdrew'];
  const entries: JoblogEntry[] = [];
  for (let index = 0; index < count; index++) {
    const isActivity = index % 10 === 9;
    const entry = newEntry(now, daysBefore(today, Math.floor(index / 3)), isActivity ? 'activity' : 'application');
    const [postalCode, town] = TOWNS[index % TOWNS.length] ?? ['', ''];
    const status = isActivity ? 'closed' : (statuses[index % 4] ?? 'applied');
    entries.push({
      ...entry,
      id: `entry-${String(index).padStart(5, '0')}`,
      title: isActivity ? `Jobmesse ${String(index)}` : `${TITLES[index % TITLES.length] ?? ''} ${String(index)}`,
      employer: EMPLOYERS[(index * 7) % EMPLOYERS.length] ?? '',
      postalCode,
      town,
      status,
      outcome: status === 'closed' && !isActivity ? (outcomes[index % 3] ?? null) : null,
      deadline: index % 5 === 0 ? daysBefore(today, -(index % 9)) : null,
      createdAt: new Date(now.getTime() - index * 60_000).toISOString(),
    });
  }
  return entries;
}

/** Every node (elements, text, comments) in the host's shadow root. */
export function countNodes(root: Node): number {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
  let count = 0;
  while (walker.nextNode()) count++;
  return count;
}

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the element it expects, as with querySelector<T>
export function inShadow<T extends Element = HTMLElement>(host: HTMLElement, selector: string): T {
  const found = host.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

export function allInShadow<T extends Element = HTMLElement>(host: HTMLElement, selector: string): T[] {
  return [...(host.shadowRoot?.querySelectorAll<T>(selector) ?? [])];
}
