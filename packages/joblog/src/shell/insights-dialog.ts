import { html, type TemplateResult } from 'lit';
import { STATUSES, type JoblogEntry, type Status } from '../model/entry.js';
import { daysBetween } from '../model/weeks.js';
import { closeButton, dialogFrame } from './dialog-frame.js';
import type { JoblogHost, ShellDialog } from './shell-host.js';

interface Tally {
  applications: number;
  answers: number;
  interviews: number;
}

/** Applications, answers (any reply: interview or a closed outcome other than withdrawing) and interviews per key. */
export function tallyBy(entries: readonly JoblogEntry[], keyOf: (entry: JoblogEntry) => string): Map<string, Tally> {
  const tallies = new Map<string, Tally>();
  for (const entry of entries) {
    if (entry.type !== 'application' || entry.status === 'saved') continue;
    const key = keyOf(entry);
    const tally = tallies.get(key) ?? { applications: 0, answers: 0, interviews: 0 };
    const statuses = new Set(entry.history.map((change) => change.status));
    const interview = statuses.has('interview');
    tally.applications++;
    if (interview) tally.interviews++;
    if (interview || (entry.status === 'closed' && entry.outcome !== 'withdrew')) tally.answers++;
    tallies.set(key, tally);
  }
  return tallies;
}

/** Average days spent in each status, from the dated history (the current status counts up to today). */
export function daysInStatus(entries: readonly JoblogEntry[], today: string): Map<Status, number> {
  const totals = new Map<Status, { days: number; count: number }>();
  for (const entry of entries) {
    if (entry.type !== 'application') continue;
    entry.history.forEach((change, index) => {
      if (change.status === 'closed') return;
      const end = entry.history[index + 1]?.on ?? today;
      const total = totals.get(change.status) ?? { days: 0, count: 0 };
      total.days += Math.max(0, daysBetween(change.on, end));
      total.count++;
      totals.set(change.status, total);
    });
  }
  return new Map([...totals].map(([status, total]) => [status, total.days / total.count]));
}

/** "Indsigt": which ways of applying and which sources bring answers and interviews, and how long things take. */
export class InsightsDialog implements ShellDialog {
  readonly #host: JoblogHost;

  constructor(host: JoblogHost) {
    this.#host = host;
  }

  #table(caption: string, tallies: Map<string, Tally>, label: (key: string) => string): TemplateResult {
    const { t, format } = this.#host;
    return html`<table class="insights-table">
      <caption>${caption}</caption>
      <thead><tr><th scope="col">${t('insights.what')}</th><th scope="col">${t('insights.applications')}</th><th scope="col">${t('insights.answers')}</th><th scope="col">${t('insights.interviews')}</th></tr></thead>
      <tbody>${[...tallies].sort((a, b) => b[1].applications - a[1].applications).map(([key, tally]) => html`<tr>
        <th scope="row">${label(key)}</th><td>${format.number(tally.applications)}</td><td>${format.number(tally.answers)}</td><td>${format.number(tally.interviews)}</td>
      </tr>`)}</tbody>
    </table>`;
  }

  render(): TemplateResult {
    const host = this.#host;
    const { t, format } = host;
    const entries = host.entries;
    const byMethod = tallyBy(entries, (entry) => entry.method ?? 'written');
    const bySource = tallyBy(entries, (entry) => entry.source.trim() === '' ? '' : entry.source.trim());
    const days = daysInStatus(entries, host.today());
    return dialogFrame(host, {
      title: t('insights.heading'),
      body: html`
        ${byMethod.size === 0 ? html`<p>${t('insights.none')}</p>` : html`
          ${this.#table(t('insights.byMethod'), byMethod, (key) => t(`kind.method.${key}`))}
          ${this.#table(t('insights.bySource'), bySource, (key) => (key === '' ? t('insights.noSource') : key))}
          <dl class="insights-days">${STATUSES.filter((status) => days.has(status)).map((status) => html`<div>
            <dt>${t(`status.${status}`)}</dt><dd>${t('insights.days', { count: Math.round(days.get(status) ?? 0), value: format.number(Math.round(days.get(status) ?? 0)) })}</dd>
          </div>`)}</dl>`}
        <div class="dialog-actions">${closeButton(host, t('dialog.close'))}</div>`,
    });
  }
}
