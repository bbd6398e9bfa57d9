import { html, nothing, type TemplateResult } from 'lit';
import { safeUrl, type Formatter } from '@jobunivers/core';
import type { JoblogEntry } from '../model/entry.js';
import { dateOf } from '../views/entry-labels.js';

type Translate = (key: string, options?: Record<string, unknown>) => string;

const statusText = (t: Translate, status: string, outcome: string | null): string =>
  status === 'closed' && outcome !== null ? t('views.status.closed-with', { outcome: t(`views.outcome.${outcome}`) }) : t(`views.status.${status}`);

/**
 * One entry, read-only, in a modal `<dialog>`: every field the citizen filled in, as text. The link to the ad is
 * only a link when it is http(s); the notes keep their line breaks.
 */
export function renderEntryDetails(t: Translate, format: Formatter, entry: JoblogEntry, close: () => void): TemplateResult {
  const day = (date: string): string => format.date(dateOf(date), { day: 'numeric', month: 'long', year: 'numeric' });
  const application = entry.type === 'application';
  const where = [entry.postalCode, entry.town].filter((part) => part.trim() !== '').join(' ');
  const link = safeUrl(entry.sourceUrl);
  const row = (label: string, value: unknown): TemplateResult => html`<div><dt>${t(label)}</dt><dd>${value}</dd></div>`;
  const kind = application
    ? [entry.applicationKind === null ? '' : t(`entry.applicationKind.${entry.applicationKind}`), entry.method === null ? '' : t(`entry.methods.${entry.method}`)]
      .filter((part) => part !== '').join(' · ')
    : t(`views.activity.${entry.activityKind ?? 'other'}`);
  return html`<dialog class="entry-dialog" part="entry-dialog" aria-labelledby="entry-title" @close=${close}>
    <div class="entry-body">
      <h3 id="entry-title">${entry.title.trim() === '' ? t('views.untitled') : entry.title}</h3>
      <dl class="entry-facts">
        ${row('entry.type', t(application ? 'entry.application' : 'entry.activity'))}
        ${kind === '' ? nothing : row('entry.kind', kind)}
        ${entry.employer.trim() === '' ? nothing : row(application ? 'entry.employer' : 'entry.organiser', entry.employer)}
        ${where === '' ? nothing : row('entry.where', where)}
        ${row('entry.date', day(entry.date))}
        ${entry.deadline === null ? nothing : row('entry.deadline', day(entry.deadline))}
        ${row('entry.status', statusText(t, entry.status, entry.outcome))}
        ${entry.hoursPerWeek === null ? nothing : row('entry.hours', format.number(entry.hoursPerWeek))}
        ${entry.source.trim() === '' ? nothing : row('entry.source', entry.source)}
        ${link === undefined ? nothing : row('entry.link', html`<a class="ju-link" href=${link} target="_blank" rel="noopener noreferrer">${entry.sourceUrl}</a>`)}
        ${entry.cv === null ? nothing : row('entry.cv', entry.cv.name)}
      </dl>
      ${entry.history.length === 0 ? nothing : html`<h4>${t('entry.history')}</h4>
        <ol class="entry-history">${entry.history.map((change) => html`<li>${statusText(t, change.status, change.outcome)} · ${day(change.on)}</li>`)}</ol>`}
      ${entry.notes.trim() === '' ? nothing : html`<h4>${t('entry.notes')}</h4><p class="entry-notes">${entry.notes}</p>`}
      <button type="button" class="ju-button" id="entry-close" @click=${(event: Event) => { (event.currentTarget as HTMLElement).closest('dialog')?.close(); }}>${t('entry.close')}</button>
    </div>
  </dialog>`;
}
