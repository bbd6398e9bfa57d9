import { html, nothing, type TemplateResult } from 'lit';
import { computeInsights, type InsightGroup } from '../model/insights.js';
import { closeButton, dialogFrame } from './dialog-frame.js';
import type { JoblogHost, ShellDialog } from './shell-host.js';

/**
 * "Indsigt" from the model's `computeInsights`: its sentences first (shares only when there are enough to say
 * something), then which ways of applying and which sources bring answers and interviews, and how long
 * applications typically stay in each status.
 */
export class InsightsDialog implements ShellDialog {
  readonly #host: JoblogHost;

  constructor(host: JoblogHost) {
    this.#host = host;
  }

  #table(caption: string, groups: readonly InsightGroup[], label: (key: string) => string): TemplateResult {
    const { t, format } = this.#host;
    return html`<table class="insights-table">
      <caption>${caption}</caption>
      <thead><tr><th scope="col">${t('insights.what')}</th><th scope="col">${t('insights.applications')}</th><th scope="col">${t('insights.answers')}</th><th scope="col">${t('insights.interviews')}</th></tr></thead>
      <tbody>${groups.map((group) => html`<tr>
        <th scope="row">${group.label === '' ? t('insight.unknownSource') : label(group.label)}</th>
        <td>${format.number(group.applications)}</td><td>${format.number(group.answers)}</td><td>${format.number(group.interviews)}</td>
      </tr>`)}</tbody>
    </table>`;
  }

  render(): TemplateResult {
    const host = this.#host;
    const { t } = host;
    const insights = computeInsights(host.entries, host.today());
    const stays = (['saved', 'applied', 'interview'] as const).map((status) => [status, insights.timeInStatus[status]] as const)
      .filter(([, typical]) => typical.of > 0);
    return dialogFrame(host, {
      title: t('insights.heading'),
      body: html`
        ${insights.messages.map((message) => html`<p>${t(message.key, message.params)}</p>`)}
        ${insights.applications === 0 ? nothing : html`
          ${this.#table(t('insights.byMethod'), insights.byMethod, (key) => t(`kind.method.${key}`))}
          ${this.#table(t('insights.bySource'), insights.bySource, (key) => key)}
          ${stays.length === 0 ? nothing : html`<dl class="insights-days">${stays.map(([status, typical]) => html`<div>
            <dt>${t(`status.${status}`)}</dt>
            <dd>${typical.kind === 'days' ? t('insight.daysInStatus', { count: typical.days }) : t('insight.tooFewShort')}</dd>
          </div>`)}</dl>`}`}
        <div class="dialog-actions">${closeButton(host, t('dialog.close'))}</div>`,
    });
  }
}
