import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { JuElement, type Politeness } from '@jobunivers/core';
import type { BookingErrorDetail } from '../events.js';
import { AvailabilityView } from './desk-availability.js';
import { DeskApi } from './desk-api.js';
import { errorCode, type DeskBookingEvent, type DeskContext } from './desk-context.js';
import { RefreshOnReturn } from '@jobunivers/core/refresh-on-return';
import { LiveUpdates } from './desk-live.js';
import { RequestsView } from './desk-requests.js';
import { WeekView } from './desk-week.js';
import { deskStyles } from './desk.styles.js';
import { BOOKING_DESK_NAMESPACE } from './locales/register.js';
import type { DeskChange, MeetingType } from './types.js';

export const DESK_VIEWS = ['week', 'availability', 'requests'] as const;
export type DeskView = (typeof DESK_VIEWS)[number];

/** A refresh on window focus is skipped when the data is younger than this. */
const FOCUS_REFRESH_MS = 10_000;
/** Live events often come in bursts (a reschedule is a cancel and a booking): one reload for the burst. */
const LIVE_DEBOUNCE_MS = 300;

/**
 * The caseworker's side of self-booking: the week's bookings (cancel, move, book for a citizen), the weekly
 * availability and closed days, and citizens' help requests and "no free time" receipts. Needs a caseworker's
 * `token` (set it on the element or on `<ju-provider>`); refreshes itself from the server's event stream and
 * when the window gets focus.
 *
 * @tagname ju-booking-desk
 * @summary Caseworker desk for self-booking: week calendar, availability, closed days and help requests.
 * @status experimental
 *
 * @csspart header - The title, live status and refresh button.
 * @csspart tabs - The row of view tabs.
 * @csspart tab - One view tab.
 * @csspart panel - The panel of the shown view.
 * @csspart week-header - Week title and week navigation.
 * @csspart days - The list of days of the week.
 * @csspart day - One day.
 * @csspart closed-day - The note on a closed day.
 * @csspart booking - One booking in the week.
 * @csspart needs-move - The flag on a booking that lies on a closed day.
 * @csspart needs-move-summary - Above the week: how many bookings lie on closed days.
 * @csspart tag - Small labels such as "today" and "cancelled".
 * @csspart task - The cancel, move or book form.
 * @csspart slots - The free times to choose from.
 * @csspart availability - The weekly availability editor.
 * @csspart rules-meeting-type - The availability of one meeting type.
 * @csspart rule - One time range.
 * @csspart conflict - The message shown when someone else changed the availability.
 * @csspart exceptions - The closed days.
 * @csspart exception - One closed day.
 * @csspart help-requests - The help requests.
 * @csspart help-request - One help request.
 * @csspart receipts - The "no free time" receipts.
 * @csspart receipt - One receipt.
 * @csspart button - Action buttons.
 * @csspart error - A loading error with its retry button.
 * @csspart field-error - The error text of a form field.
 * @csspart config-error - Shown when `api` is missing or cannot be used.
 * @csspart signed-out - Shown while there is no caseworker token.
 *
 * @cssprop --ju-booking-desk-gap - Space between the desk's sections. Default var(--ju-space-m).
 * @cssprop --ju-booking-desk-accent - Marks today, the selected tab and bookings. Default var(--ju-color-primary).
 *
 * @fires {CustomEvent<{ bookingId: string }>} ju-booking-cancelled - The caseworker cancelled a booking.
 * @fires {CustomEvent<{ bookingId: string }>} ju-booking-rescheduled - The caseworker moved a booking to another time.
 * @fires {CustomEvent<{ bookingId: string }>} ju-booking-confirmed - The caseworker booked a meeting for a citizen.
 * @fires {CustomEvent<{ code: string, action: string }>} ju-booking-error - A desk request failed (`action` is `desk`).
 */
export class JuBookingDesk extends JuElement {
  static override namespace = BOOKING_DESK_NAMESPACE;

  static override styles = [JuElement.styles, deskStyles];

  /** The view shown: `week` (default), `availability` (weekly times and closed days) or `requests`. */
  @property({ reflect: true }) view: DeskView = 'week';

  @state() private lastRefreshed: number | undefined;

  readonly #context: DeskContext = this.#createContext();
  readonly #week = new WeekView(this.#context);
  readonly #availability = new AvailabilityView(this.#context);
  readonly #requests = new RequestsView(this.#context);
  readonly #live = new LiveUpdates(this, {
    url: () => this.#eventsUrl(),
    token: () => this.effectiveToken,
    onChange: (change) => { this.#onLiveChange(change); },
  });

  #deskApi: { client: object; api: DeskApi } | undefined;
  #meetingTypes: { language: string; promise: Promise<MeetingType[]>; list: MeetingType[] } | undefined;
  #loadedViews = new Set<DeskView>();
  #configKey = '';
  #pendingChanges: (DeskChange | undefined)[] = [];
  #liveTimer: ReturnType<typeof setTimeout> | undefined;

  readonly #refreshOnReturn = new RefreshOnReturn(this, () => { void this.refresh(); }, FOCUS_REFRESH_MS);

  override disconnectedCallback(): void {
    clearTimeout(this.#liveTimer);
    super.disconnectedCallback();
  }

  /** Fetches the shown view (and the count of open help requests) again, keeping what is on screen meanwhile. */
  async refresh(): Promise<void> {
    if (!this.#context.api || !this.effectiveToken) return;
    const views = new Set<DeskView>([this.#activeView, 'requests']);
    await Promise.all([...views].map((view) => this.#load(view, { quiet: this.#loadedViews.has(view) })));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const key = [this.apiUrl ?? '', this.effectiveToken ?? '', this.language.code].join('\n');
    if (key !== this.#configKey) {
      const languageOnly = this.#configKey.split('\n').slice(0, 2).join('\n') === key.split('\n').slice(0, 2).join('\n');
      this.#configKey = key;
      this.#meetingTypes = undefined;
      if (!languageOnly) this.#loadedViews.clear();
      // After the render, so the views' own requestUpdate calls start a fresh cycle.
      void this.updateComplete.then(() => {
        this.#live.restart();
        void this.refresh();
      });
    } else if (changed.has('view')) {
      // The host (or a tab) switched views: fetch it, quietly when it was shown before.
      const view = this.#activeView;
      void this.updateComplete.then(() => this.#load(view, { quiet: this.#loadedViews.has(view) }));
    }
  }

  override render(): TemplateResult {
    const { t } = this.#context;
    if (this.apiConfigError) return this.renderApiConfigError();
    if (!this.apiUrl) return html`<p class="ju-message ju-message--error" role="alert" part="config-error">${t('desk.no-api')}</p>`;
    const active = this.#activeView;
    return html`
      <div class="desk-header" part="header">
        <div>
          <h2>${t('desk.title')}</h2>
          <p class="desk-status">${this.#statusText()}</p>
        </div>
        <button class="ju-button ju-button--secondary" type="button" part="button" id="desk-refresh" ?disabled=${!this.effectiveToken} @click=${() => void this.#manualRefresh()}>
          ${t('desk.refresh')}
        </button>
      </div>
      ${this.effectiveToken
        ? html`
            <div class="desk-tabs" role="tablist" aria-label=${t('desk.views')} part="tabs" @keydown=${this.#onTabKey}>
              ${DESK_VIEWS.map((view) => this.#renderTab(view, active))}
            </div>
            ${DESK_VIEWS.map(
              (view) => html`<div
                class="desk-panel"
                role="tabpanel"
                id=${`panel-${view}`}
                aria-labelledby=${`tab-${view}`}
                tabindex="-1"
                part="panel"
                ?hidden=${view !== active}
              >
                ${view === active ? this.#renderView(view) : nothing}
              </div>`,
            )}
          `
        : html`<p class="ju-message" part="signed-out">${t('desk.signed-out')}</p>`}
    `;
  }

  get #activeView(): DeskView {
    return DESK_VIEWS.includes(this.view) ? this.view : 'week';
  }

  #renderTab(view: DeskView, active: DeskView): TemplateResult {
    const { t } = this.#context;
    const count = view === 'requests' ? this.#requests.openCount : 0;
    return html`<button
      class="desk-tab"
      type="button"
      role="tab"
      id=${`tab-${view}`}
      aria-selected=${view === active ? 'true' : 'false'}
      aria-controls=${`panel-${view}`}
      tabindex=${view === active ? '0' : '-1'}
      part="tab"
      @click=${() => { this.#select(view); }}
    >
      ${t(`tab.${view}`)}${count > 0 ? html` <span class="desk-tag">${t('tab.open-count', { count })}</span>` : nothing}
    </button>`;
  }

  #renderView(view: DeskView): TemplateResult {
    if (view === 'availability') return this.#availability.render();
    if (view === 'requests') return this.#requests.render();
    return this.#week.render();
  }

  #statusText(): string {
    const { t, format } = this.#context;
    if (this.#live.state === 'live') return t('desk.live');
    if (this.lastRefreshed === undefined) return '';
    return t('desk.refreshed', { time: format.time(this.lastRefreshed) });
  }

  #select(view: DeskView, { focusTab = false } = {}): void {
    this.view = view;
    if (focusTab) this.#context.focus(`#tab-${view}`);
  }

  readonly #onTabKey = (event: KeyboardEvent): void => {
    const index = DESK_VIEWS.indexOf(this.#activeView);
    const step = this.language.dir === 'rtl' ? -1 : 1;
    const last = DESK_VIEWS.length - 1;
    const next: Partial<Record<string, number>> = {
      ArrowRight: index + step,
      ArrowLeft: index - step,
      Home: 0,
      End: last,
    };
    const target = next[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const wrapped = (target + DESK_VIEWS.length) % DESK_VIEWS.length;
    this.#select(DESK_VIEWS[wrapped] ?? 'week', { focusTab: true });
  };

  async #manualRefresh(): Promise<void> {
    await this.refresh();
    this.announcer.announce(this.t('desk.refreshed', { time: this.format.time(Date.now()) }));
  }

  async #load(view: DeskView, options: { quiet: boolean }): Promise<void> {
    if (!this.#context.api || !this.effectiveToken) return;
    this.#loadedViews.add(view);
    if (view === 'week') await this.#week.load(options);
    else if (view === 'availability') await this.#availability.load(options);
    else await this.#requests.load(options);
    this.lastRefreshed = Date.now();
    this.#refreshOnReturn.markFresh();
  }

  #onLiveChange(change: DeskChange | undefined): void {
    this.#pendingChanges.push(change);
    clearTimeout(this.#liveTimer);
    this.#liveTimer = setTimeout(() => {
      const changes = this.#pendingChanges;
      this.#pendingChanges = [];
      const everything = changes.includes(undefined);
      const views = new Set<DeskView>();
      for (const item of changes) {
        if (!item || item.kind === 'booking') views.add('week');
        if (!item || item.kind !== 'booking') views.add('requests');
      }
      if (everything) views.add('availability');
      for (const view of views) if (this.#loadedViews.has(view)) void this.#load(view, { quiet: true });
      if (changes.some((item) => item?.kind === 'help-request')) this.announcer.announce(this.t('live.help-request'));
    }, LIVE_DEBOUNCE_MS);
  }

  #eventsUrl(): URL | undefined {
    const client = this.apiClient;
    return client ? client.url('v1/events') : undefined;
  }

  #deskApiFor(): DeskApi | undefined {
    const client = this.apiClient;
    if (!client) return undefined;
    if (this.#deskApi?.client !== client) this.#deskApi = { client, api: new DeskApi(client) };
    return this.#deskApi.api;
  }

  #loadMeetingTypes(): Promise<MeetingType[]> {
    const language = this.language.code;
    const api = this.#deskApiFor();
    if (!api) return Promise.resolve([]);
    if (this.#meetingTypes?.language !== language) {
      const entry: { language: string; promise: Promise<MeetingType[]>; list: MeetingType[] } = { language, promise: api.meetingTypes(), list: [] };
      entry.promise.then(
        (list) => { entry.list = list; },
        () => { if (this.#meetingTypes === entry) this.#meetingTypes = undefined; },
      );
      this.#meetingTypes = entry;
    }
    return this.#meetingTypes.promise;
  }

  #createContext(): DeskContext {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the views get a narrow view of this element
    const desk = this;
    return {
      host: desk,
      t: (key, options) => desk.t(key, options),
      get format() {
        return desk.format;
      },
      get api() {
        return desk.#deskApiFor();
      },
      meetingTypes: () => desk.#loadMeetingTypes(),
      meetingTypeTitle: (id) => desk.#meetingTypes?.list.find((type) => type.id === id)?.title,
      announce: (message: string, politeness: Politeness = 'polite') => { desk.announcer.announce(message, { politeness }); },
      describe: (error) => desk.describeError(error),
      failed: (error) => {
        const detail: BookingErrorDetail = { code: errorCode(error), action: 'desk' };
        desk.emit('ju-booking-error', detail);
      },
      emitBooking: (name: DeskBookingEvent, bookingId: string) => { desk.emit(name, { bookingId }); },
      focus: (selector) => {
        // Render the state the caller just changed first, so the target exists.
        desk.requestUpdate();
        void desk.updateComplete.then(() => {
          desk.renderRoot.querySelector<HTMLElement>(selector)?.focus();
        });
      },
      changed: (what) => {
        if (what === 'bookings') void desk.#load('week', { quiet: true });
        if (what === 'availability') desk.#loadedViews.delete('week');
      },
      bookFor: (citizenId, meetingTypeId) => {
        desk.view = 'week';
        desk.#week.openBookForm(meetingTypeId === undefined ? { citizenId } : { citizenId, meetingTypeId });
      },
    };
  }
}
