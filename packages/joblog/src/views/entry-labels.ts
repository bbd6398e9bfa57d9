import { html, type TemplateResult } from 'lit';
import type { IsoDate, JoblogEntry } from '../model/entry.js';
import type { ViewContext } from './view-context.js';
import { daysBetween } from '../model/weeks.js';

/** A calendar date as a `Date` at noon UTC, which is the same calendar day in Copenhagen all year. */
export function dateOf(date: IsoDate): Date {
  const [year = 1970, month = 1, day = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day, 12));
}

/** "Søgt", "Samtale", "Afsluttet: Fik jobbet"; an activity says what kind it was ("Jobmesse"). */
export function statusLabel(entry: JoblogEntry, ctx: ViewContext): string {
  if (entry.type === 'activity') return ctx.t(`views.activity.${entry.activityKind ?? 'other'}`);
  if (entry.status === 'closed' && entry.outcome) return ctx.t('views.status.closed-with', { outcome: ctx.t(`views.outcome.${entry.outcome}`) });
  return ctx.t(`views.status.${entry.status}`);
}

/** Days a deadline counts as soon. */
export const DEADLINE_SOON_DAYS = 7;

/** "Frist i morgen", "Frist om 3 dage" while an open application's deadline is near; otherwise null. */
export function deadlineNote(entry: JoblogEntry, ctx: ViewContext): string | null {
  if (!entry.deadline || entry.type !== 'application' || entry.status === 'closed' || entry.status === 'interview') return null;
  const days = daysBetween(ctx.today, entry.deadline);
  if (days < 0 || days > DEADLINE_SOON_DAYS) return null;
  if (days === 0) return ctx.t('views.deadline.today');
  if (days === 1) return ctx.t('views.deadline.tomorrow');
  return ctx.t('views.deadline.days', { count: days });
}

/**
 * A heading one level below the shell's ("Din joblog" is level `ctx.headingLevel`, default 2), clamped to 6.
 * Static tags per level, because Lit cannot bind a tag name.
 */
export function viewHeading(ctx: ViewContext, id: string, content: unknown, visuallyHidden: boolean, className = ''): TemplateResult {
  const classes = `${visuallyHidden ? 'ju-visually-hidden' : ''} ${className}`.trim();
  switch (Math.min(6, Math.max(2, Math.round(ctx.headingLevel ?? 2)) + 1)) {
    case 3: return html`<h3 id=${id} class=${classes}>${content}</h3>`;
    case 4: return html`<h4 id=${id} class=${classes}>${content}</h4>`;
    case 5: return html`<h5 id=${id} class=${classes}>${content}</h5>`;
    default: return html`<h6 id=${id} class=${classes}>${content}</h6>`;
  }
}
