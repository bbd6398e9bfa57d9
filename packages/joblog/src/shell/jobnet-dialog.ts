import { html, nothing, type TemplateResult } from 'lit';
import type { JoblogEntry } from '../model/entry.js';
import { closeButton, dialogFrame } from './dialog-frame.js';
import type { JoblogHost, ShellDialog } from './shell-host.js';

/** An entry's fields in the order Jobnet's joblog form asks for them, as [label key, value]. */
export function jobnetFields(host: JoblogHost, entry: JoblogEntry): [string, string][] {
  const { t, format } = host;
  const date = (value: string | null): string => (value === null || value === '' ? '' : format.date(new Date(`${value}T12:00:00Z`), { day: 'numeric', month: 'numeric', year: 'numeric' }));
  if (entry.type === 'activity') {
    return [
      ['form.activityKind', t(`kind.activity.${entry.activityKind ?? 'other'}`)],
      ['form.activityTitle', entry.title],
      ['form.organiser', entry.employer],
      ['form.activityDate', date(entry.date)],
      ['form.postalCode', [entry.postalCode, entry.town].filter((part) => part !== '').join(' ')],
    ];
  }
  return [
    ['form.title', entry.title],
    ['form.employer', entry.employer],
    ['form.postalCode', [entry.postalCode, entry.town].filter((part) => part !== '').join(' ')],
    ['form.applicationKind', entry.applicationKind === null ? '' : t(`kind.application.${entry.applicationKind}`)],
    ['form.method', entry.method === null ? '' : t(`kind.method.${entry.method}`)],
    ['form.hours', entry.hoursPerWeek === null ? '' : format.number(entry.hoursPerWeek)],
    ['form.date', date(entry.date)],
    ['form.source', [entry.source, entry.sourceUrl].filter((part) => part !== '').join(' ')],
  ];
}

/**
 * "Kopiér til Jobnet": the citizen chooses an entry and sees its fields in Jobnet's order, each with a copy button,
 * so logging it on Jobnet is copy, switch tab, paste.
 */
export class JobnetDialog implements ShellDialog {
  readonly #host: JoblogHost;
  #entryId: string;

  constructor(host: JoblogHost, entryId?: string) {
    this.#host = host;
    const newest = [...host.entries].sort((a, b) => (a.date < b.date ? 1 : -1)).at(0);
    this.#entryId = entryId ?? newest?.id ?? '';
  }

  async #copy(label: string, value: string): Promise<void> {
    const { t } = this.#host;
    try {
      await navigator.clipboard.writeText(value);
      this.#host.announce(t('jobnet.copied', { field: label }));
    } catch {
      this.#host.announce(t('jobnet.copyFailed'), 'assertive');
    }
  }

  render(): TemplateResult {
    const host = this.#host;
    const { t } = host;
    const entries = [...host.entries].sort((a, b) => (a.date < b.date ? 1 : -1)).slice(0, 100);
    const entry = host.entries.find((candidate) => candidate.id === this.#entryId);
    return dialogFrame(host, {
      title: t('jobnet.heading'),
      body: html`
        <p>${t('jobnet.intro')}</p>
        <div class="ju-field">
          <label class="ju-label" for="jn-entry">${t('jobnet.choose')}</label>
          <select id="jn-entry" class="ju-input" part="input" @change=${(event: Event) => {
            this.#entryId = (event.target as HTMLSelectElement).value;
            host.update();
          }}>${entries.map((candidate) => html`<option value=${candidate.id} ?selected=${candidate.id === this.#entryId}>${candidate.title} · ${candidate.employer} · ${candidate.date}</option>`)}</select>
        </div>
        ${entry === undefined ? nothing : html`<dl class="copy-list">${jobnetFields(host, entry).map(([key, value]) => html`<div class="copy-row">
          <dt>${t(key)}</dt><dd>${value === '' ? '–' : value}</dd>
          <button type="button" class="ju-button ju-button--secondary" part="button" ?disabled=${value === ''}
            @click=${() => { void this.#copy(t(key), value); }}>${t('jobnet.copy')}<span class="ju-visually-hidden"> ${t(key)}</span></button>
        </div>`)}</dl>`}
        <div class="dialog-actions">${closeButton(host, t('dialog.close'))}</div>`,
    });
  }
}
