import { html, nothing, svg, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { IsoWeek, JoblogEntry } from '../model/entry.js';
import { dateOf, viewHeading, statusLabel } from './entry-labels.js';
import { countsTowardRequirement, weeklyTarget } from '../model/requirement.js';
import { addDays, addWeeks, isoWeekOf, weekStart } from '../model/weeks.js';
import type { ViewContext } from './view-context.js';

/** Weeks shown at first, and added by "Vis flere uger". */
export const WEEKS_PAGE = 12;

/**
 * CLDR puts 1.5 in Danish "one" ("1,5 ansøgning"); the requirement reads better in the plural ("1,5 ansøgninger"),
 * as fractions do in English and Arabic ("other"), so fractions are counted as a plainly plural number.
 */
const pluralCount = (value: number): number => (Number.isInteger(value) ? value : 100);

type Host = HTMLElement & { requestUpdate(): void };

interface WeekGroups {
  byWeek: Map<IsoWeek, JoblogEntry[]>;
  oldest: IsoWeek | null;
}

function groupByWeek(entries: readonly JoblogEntry[]): WeekGroups {
  const byWeek = new Map<IsoWeek, JoblogEntry[]>();
  let oldest: IsoWeek | null = null;
  for (const entry of entries) {
    const week = isoWeekOf(entry.date);
    const list = byWeek.get(week);
    if (list) list.push(entry);
    else byWeek.set(week, [entry]);
    if (oldest === null || week < oldest) oldest = week;
  }
  for (const list of byWeek.values()) list.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  return { byWeek, oldest };
}

/** The week overview: one row per ISO week, newest first, with counts, exempt weeks and the week's entries. */
export class WeeksView {
  readonly #host: Host;
  #groupedEntries: readonly JoblogEntry[] | undefined;
  #groups: WeekGroups = { byWeek: new Map(), oldest: null };
  #shown = WEEKS_PAGE;
  readonly #expanded = new Set<IsoWeek>();
  #focusWeek: IsoWeek | null = null;

  constructor(host: Host) {
    this.#host = host;
  }

  afterUpdate(): void {
    if (this.#focusWeek === null) return;
    const root = this.#host.shadowRoot ?? this.#host;
    root.querySelector<HTMLElement>(`.ju-joblog-week[data-week="${this.#focusWeek}"]`)?.focus();
    this.#focusWeek = null;
  }

  render(ctx: ViewContext): TemplateResult {
    if (ctx.entries !== this.#groupedEntries) {
      this.#groupedEntries = ctx.entries;
      this.#groups = groupByWeek(ctx.entries);
    }
    const current = isoWeekOf(ctx.today);
    const weeks: IsoWeek[] = [];
    for (let back = 0; back < this.#shown; back++) weeks.push(addWeeks(current, -back));
    const last = weeks[weeks.length - 1] ?? current;
    const oldest = this.#groups.oldest;
    const more = oldest !== null && oldest < last;
    const requirement = ctx.requirement;
    const target = requirement && weeklyTarget(requirement) > 0 ? weeklyTarget(requirement) : null;
    // The bar shows what counts towards the requirement, the way the requirement meter counts it.
    const rule = { activitiesCount: requirement?.activitiesCount ?? false };
    const counted = (entries: readonly JoblogEntry[]): number => entries.filter((entry) => countsTowardRequirement(entry, rule)).length;
    let scale = target ?? 1;
    for (const week of weeks) scale = Math.max(scale, counted(this.#groups.byWeek.get(week) ?? []));
    return html`<section class="ju-joblog-weeks" part="weeks" aria-labelledby="ju-joblog-weeks-heading">
      ${viewHeading(ctx, 'ju-joblog-weeks-heading', ctx.t('views.weeks.heading'), true)}
      ${target === null ? nothing : html`<p class="ju-joblog-weeks-target">${ctx.t(requirement?.activitiesCount ? 'views.weeks.target-with-activities' : 'views.weeks.target', { count: pluralCount(target), number: ctx.format.number(target) })}</p>`}
      <ol class="ju-joblog-week-list" role="list">
        ${repeat(weeks, (week) => week, (week) => this.#renderWeek(ctx, week, week === current, counted, scale, target))}
      </ol>
      ${more
        ? html`<button type="button" class="ju-button ju-button--secondary ju-joblog-more-weeks" @click=${() => { this.#focusWeek = addWeeks(last, -1); this.#shown += WEEKS_PAGE; this.#host.requestUpdate(); }}>${ctx.t('views.weeks.more')}</button>`
        : nothing}
    </section>`;
  }

  #renderWeek(ctx: ViewContext, week: IsoWeek, isCurrent: boolean, counted: (entries: readonly JoblogEntry[]) => number, scale: number, target: number | null): TemplateResult {
    const entries = this.#groups.byWeek.get(week) ?? [];
    // Saved jobs are not applications yet: they are listed with the week's entries but not counted.
    const applications = entries.filter((entry) => entry.type === 'application' && entry.status !== 'saved').length;
    const activities = entries.filter((entry) => entry.type === 'activity').length;
    const exempt = ctx.requirement?.exemptWeeks.find((exemption) => exemption.week === week);
    const monday = weekStart(week);
    const range = ctx.t('views.weeks.range', {
      from: ctx.format.date(dateOf(monday), { day: 'numeric', month: 'short' }),
      to: ctx.format.date(dateOf(addDays(monday, 6)), { day: 'numeric', month: 'short' }),
    });
    const [year = '', number = ''] = week.split('-W');
    const sameYear = year === isoWeekOf(ctx.today).slice(0, 4);
    const name = ctx.t(sameYear ? 'views.weeks.week' : 'views.weeks.week-year', { week: Number(number), year });
    const expanded = this.#expanded.has(week);
    const listId = `ju-joblog-week-${week}`;
    const count = counted(entries);
    const width = Math.round((count / scale) * 100);
    const targetAt = target === null ? null : Math.round((target / scale) * 100);
    return html`<li class="ju-joblog-week ${exempt ? 'ju-joblog-week--exempt' : ''}" part="week" data-week=${week} tabindex="-1">
      <div class="ju-joblog-week-summary">
        <p class="ju-joblog-week-name"><strong>${name}</strong> <span class="ju-joblog-week-range">${range}</span>${isCurrent ? html` <span class="ju-joblog-tag">${ctx.t('views.weeks.this-week')}</span>` : nothing}</p>
        <p class="ju-joblog-week-counts">
          <span data-count="applications">${ctx.t('views.weeks.applications', { count: applications, number: ctx.format.number(applications) })}</span>
          <span data-count="activities">${ctx.t('views.weeks.activities', { count: activities, number: ctx.format.number(activities) })}</span>
          ${exempt ? html`<span class="ju-joblog-tag ju-joblog-tag--exempt" data-exempt=${exempt.reason}>${ctx.t(`views.weeks.exempt.${exempt.reason}`)}</span>` : nothing}
        </p>
        <svg class="ju-joblog-week-bar" aria-hidden="true" focusable="false" width="100%" height="12" preserveAspectRatio="none">
          <rect class="ju-joblog-week-bar-track" x="0" y="0" width="100%" height="12"></rect>
          ${width > 0 ? svg`<rect class="ju-joblog-week-bar-fill" x="0" y="0" width=${`${String(width)}%`} height="12"></rect>` : nothing}
          ${targetAt === null || exempt ? nothing : svg`<rect class="ju-joblog-week-bar-target" x=${`${String(Math.min(targetAt, 99))}%`} y="0" width="3" height="12"></rect>`}
        </svg>
      </div>
      ${entries.length === 0
        ? nothing
        : html`<button type="button" class="ju-button ju-button--quiet ju-joblog-week-toggle" aria-expanded=${expanded ? 'true' : 'false'} aria-controls=${listId}
              @click=${() => { if (expanded) this.#expanded.delete(week); else this.#expanded.add(week); this.#host.requestUpdate(); }}>
              ${ctx.t(expanded ? 'views.weeks.hide-entries' : 'views.weeks.show-entries', { count: entries.length, number: ctx.format.number(entries.length) })}<span class="ju-visually-hidden"> (${name})</span></button>
            <ul class="ju-joblog-week-entries" id=${listId} role="list" ?hidden=${!expanded}>
              ${expanded
                ? repeat(entries, (entry) => entry.id, (entry) => html`<li>
                    <button type="button" class="ju-joblog-row-open" @click=${(event: Event) => { ctx.open(entry.id, event.currentTarget as HTMLElement); }}>${entry.title.trim() === '' ? ctx.t('views.untitled') : entry.title}</button>
                    <span class="ju-joblog-week-entry-facts">${[entry.employer, ctx.format.date(dateOf(entry.date), { weekday: 'short', day: 'numeric', month: 'short' }), statusLabel(entry, ctx)].filter((part) => part.trim() !== '').join(' · ')}</span>
                  </li>`)
                : nothing}
            </ul>`}
    </li>`;
  }
}
