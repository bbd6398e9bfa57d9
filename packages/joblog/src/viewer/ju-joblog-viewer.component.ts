import { adoptStyles, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ApiError, JuElement, sharedStyles } from '@jobunivers/core';
import { RefreshOnReturn } from '@jobunivers/core/refresh-on-return';
import type { JoblogEntry } from '../model/entry.js';
import { filterCitizens, renderCitizens } from './citizen-list.js';
import type { JoblogDetail } from './joblog-detail.js';
import { JoblogViewerApi, type AgreedRequirement, type SharedJoblog } from './joblog-viewer-api.js';
import { joblogViewerStyles } from './joblog-viewer.styles.js';
import { JOBLOG_VIEWER_NAMESPACE } from './locales.js';
import { PrintIsolation } from './print.js';

type DetailModule = typeof import('./joblog-detail.js');

/** The list is fetched again when the caseworker comes back to the page, at most this often. */
const RETURN_REFRESH_MS = 30_000;
/** The count of matches is read out once typing pauses this long. */
const ANNOUNCE_FILTER_MS = 600;
const NAME_HEADING = 'joblog-name';

interface Problem {
  text: string;
  offline: boolean;
  retry: () => void;
}

interface Opened {
  citizenId: string;
  entries?: readonly JoblogEntry[];
  /** Entries read so far while the feed is followed page by page. */
  loaded: number;
  agreed?: AgreedRequirement;
  /** The citizen withdrew consent (404). */
  revoked?: boolean;
  problem?: Problem;
}

const isOfflineError = (error: unknown): boolean =>
  (typeof navigator !== 'undefined' && !navigator.onLine) || (error instanceof ApiError && error.code === 'offline');

/**
 * The caseworker's view of the joblogs citizens share with them: a list with this week's count against the agreed
 * requirement, the rolling average, entries and last change, filtered by first name as you type; and one joblog at a
 * time, read-only (list or weeks), with the requirement meter, "Udskriv", and a small form to agree the requirement
 * (saved with If-Match; a colleague's change is shown and the caseworker's input kept). Says so plainly when a
 * citizen has withdrawn consent, when there is no connection and when nobody shares yet. Needs a caseworker's
 * `token` (on the element or `<ju-provider>`).
 *
 * @tagname ju-joblog-viewer
 * @summary Caseworker's read-only view of shared joblogs, with the agreed job-search requirement.
 * @status experimental
 *
 * @attr api - Base URL of the Jobunivers API (or set it on a surrounding `<ju-provider>`).
 * @attr theme - `light`, `dark`, `contrast` or `auto`; inherited from `<ju-provider>` when not set.
 * @attr citizen - The `citizenId` of a joblog to open at once (e.g. from the case system). Reflects the open joblog,
 *   and is removed by "Tilbage til listen".
 *
 * @csspart list-view - The list of shared joblogs with its heading and filter.
 * @csspart filter - The name filter field.
 * @csspart count - How many citizens share (or match the filter).
 * @csspart list - The list of citizens.
 * @csspart citizen - One citizen in the list.
 * @csspart open - The button with the citizen's first name that opens the joblog.
 * @csspart numbers - This week, the average, entries and last change of one citizen.
 * @csspart behind - The "Under kravet" tag.
 * @csspart empty - The message when nobody shares a joblog yet.
 * @csspart skeleton - Placeholders while the list loads.
 * @csspart detail - An opened joblog.
 * @csspart toolbar - "Tilbage til listen" and "Udskriv".
 * @csspart back - The "Tilbage til listen" button.
 * @csspart print - The "Udskriv" button.
 * @csspart meter - The requirement meter.
 * @csspart requirement-form - The form that sets the requirement.
 * @csspart requirement-conflict - The message that a colleague changed the requirement first.
 * @csspart revoked - The message that the citizen no longer shares the joblog.
 * @csspart problem - A loading error or "offline", with "Prøv igen".
 * @csspart entry-dialog - One entry's details.
 * @csspart config-error - Shown when `api` is missing or cannot be used.
 * @csspart signed-out - Shown while there is no caseworker token.
 *
 * @cssprop --ju-joblog-meter-color - The meter's bar. Default var(--ju-color-primary).
 * @cssprop --ju-joblog-list-height - The height of the entry list's scroll area. Default min(70vh, 40rem).
 * @cssprop --ju-color-primary - Buttons and the citizens' names.
 * @cssprop --ju-color-surface-raised - The citizens in the list and the meter.
 * @cssprop --ju-target-size - Smallest size of every button (default 44px).
 *
 * @fires {CustomEvent<{ citizenId: string }>} ju-joblog-viewer-opened - A joblog was opened (from the list or the `citizen` attribute). Ids only.
 * @fires {CustomEvent<{ citizenId: string, version: number }>} ju-joblog-requirement-saved - The requirement was saved; `version` is its new version.
 * @fires {CustomEvent<{ code: string }>} ju-auth-required - The server wants a fresh caseworker token. Cancelable; see `<ju-provider>`.
 */
export class JuJoblogViewer extends JuElement {
  static override namespace = JOBLOG_VIEWER_NAMESPACE;
  static override styles = [sharedStyles, joblogViewerStyles];

  /** The `citizenId` of the open joblog; set it to open one, remove it to go back to the list. */
  @property({ reflect: true }) citizen?: string;

  @state() private items: SharedJoblog[] | undefined;
  @state() private listLoading = false;
  @state() private listProblem: Problem | undefined;
  @state() private query = '';
  @state() private opened: Opened | undefined;

  #api: JoblogViewerApi | undefined;
  #startedWith = '';
  #listRequest: AbortController | undefined;
  #openRequest: AbortController | undefined;
  /** The opened joblog's code, loaded on the first open. */
  #detailModule: Promise<DetailModule> | undefined;
  #detail: JoblogDetail | undefined;
  /** A selector to focus after the next render. */
  #focus: string | undefined;
  #announceTimer: ReturnType<typeof setTimeout> | undefined;

  readonly #refreshOnReturn = new RefreshOnReturn(this, () => { this.#refreshQuietly(); }, RETURN_REFRESH_MS);
  readonly #print = new PrintIsolation(this, () => this.opened?.entries !== undefined);

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.#online);
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.#online);
    clearTimeout(this.#announceTimer);
    this.#listRequest?.abort();
    this.#openRequest?.abort();
    this.#startedWith = '';
  }

  /** Fetches the list of shared joblogs again (as "Prøv igen" does). */
  async refresh(): Promise<void> {
    await this.#loadList();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const client = this.apiClient;
    const token = this.effectiveToken;
    const key = client === undefined || token === undefined || token === '' ? '' : `${client.baseUrl.href}\n${token}`;
    if (key !== this.#startedWith) {
      // Another server or another caseworker: nothing of what the last one saw stays on screen.
      this.#startedWith = key;
      this.#listRequest?.abort();
      this.items = undefined;
      this.listProblem = undefined;
      this.#reset();
      this.#api = client === undefined || key === '' ? undefined : new JoblogViewerApi(client);
      if (this.#api === undefined) return;
      void this.#loadList();
      if (this.#wanted !== '') void this.#open(this.#wanted, false);
      return;
    }
    if (changed.has('citizen') && this.#api !== undefined && this.#wanted !== (this.opened?.citizenId ?? '')) {
      if (this.#wanted === '') this.#close(false);
      else void this.#open(this.#wanted, false);
    }
  }

  /** The citizen to show; '' for the list (a removed attribute makes the property `null`). */
  get #wanted(): string {
    return this.citizen ?? '';
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const selector = this.#focus;
    if (selector === undefined) return;
    this.#focus = undefined;
    (this.renderRoot.querySelector<HTMLElement>(selector) ?? this.renderRoot.querySelector<HTMLElement>('#list-heading'))?.focus();
  }

  async #loadList({ quiet = false } = {}): Promise<void> {
    const api = this.#api;
    if (api === undefined) return;
    this.#listRequest?.abort();
    const request = new AbortController();
    this.#listRequest = request;
    if (!quiet) {
      this.listLoading = true;
      this.listProblem = undefined;
    }
    try {
      const { items } = await api.list(request.signal);
      if (request.signal.aborted) return;
      const first = this.items === undefined;
      this.items = items;
      this.listProblem = undefined;
      this.#refreshOnReturn.markFresh();
      if (first && this.opened === undefined) this.announcer.announce(this.#countText());
    } catch (error) {
      if (request.signal.aborted || quiet) return;
      this.listProblem = this.#problem(error, () => { void this.#loadList(); });
    } finally {
      if (this.#listRequest === request) this.listLoading = false;
    }
  }

  #refreshQuietly(): void {
    if (this.opened === undefined && this.items !== undefined && !this.listLoading) void this.#loadList({ quiet: true });
  }

  /** Drops the open joblog and everything that belonged to it. */
  #reset(): void {
    this.#openRequest?.abort();
    this.#detail?.dispose();
    this.#detail = undefined;
    this.opened = undefined;
  }

  /** The opened joblog's code, styles and Danish strings, loaded once. */
  #loadDetail(): Promise<DetailModule> {
    this.#detailModule ??= import('./joblog-detail.js').then((module) => {
      module.addDetailStrings(JOBLOG_VIEWER_NAMESPACE);
      if (this.shadowRoot !== null) adoptStyles(this.shadowRoot, [...JuJoblogViewer.elementStyles, ...module.detailStyles]);
      return module;
    });
    return this.#detailModule;
  }

  async #open(citizenId: string, byUser: boolean): Promise<void> {
    const api = this.#api;
    if (api === undefined) return;
    this.#reset();
    const request = new AbortController();
    this.#openRequest = request;
    clearTimeout(this.#announceTimer);
    this.opened = { citizenId, loaded: 0 };
    this.citizen = citizenId;
    // Only the caseworker's own action moves focus; a joblog opened by the page (the attribute) must not steal it.
    if (byUser) this.#focus = `#${NAME_HEADING}`;
    this.emit('ju-joblog-viewer-opened', { citizenId });
    const progress = (loaded: number): void => {
      if (!request.signal.aborted && this.opened?.citizenId === citizenId) this.opened = { ...this.opened, loaded };
    };
    let next: Opened;
    try {
      const [entries, agreed, module] = await Promise.all([
        api.entries(citizenId, progress, request.signal), api.requirement(citizenId, request.signal), this.#loadDetail(),
      ]);
      if (request.signal.aborted) return;
      this.#detail = new module.JoblogDetail(this);
      next = { citizenId, loaded: entries.length, entries, agreed };
    } catch (error) {
      if (request.signal.aborted) return;
      if (error instanceof ApiError && error.status === 404) {
        next = { citizenId, loaded: 0, revoked: true };
        // No longer shared: it leaves the list too.
        if (this.items !== undefined) this.items = this.items.filter((item) => item.citizenId !== citizenId);
        this.announcer.announce(this.t('viewer.revoked'), { politeness: 'assertive' });
      } else {
        next = { citizenId, loaded: 0, problem: this.#problem(error, () => { void this.#open(citizenId, true); }) };
      }
    }
    this.opened = next;
  }

  /** Back to the list; `byUser` ("Tilbage til listen") puts focus back on the citizen's name in the list. */
  #close(byUser: boolean): void {
    const citizenId = this.opened?.citizenId;
    this.#reset();
    this.citizen = undefined;
    if (this.items === undefined && !this.listLoading) void this.#loadList();
    if (byUser) this.#focus = citizenId === undefined ? '#list-heading' : `.open[data-citizen="${CSS.escape(citizenId)}"]`;
  }

  #problem(error: unknown, retry: () => void): Problem {
    const offline = isOfflineError(error);
    let text: string;
    if (offline) text = this.t('viewer.offline');
    else if (error instanceof ApiError && error.status === 401) text = this.t('viewer.auth');
    else if (error instanceof ApiError && error.status === 403) text = this.t('viewer.forbidden');
    else text = this.describeError(error);
    this.announcer.announce(text, { politeness: 'assertive' });
    return { text, offline, retry };
  }

  readonly #online = (): void => {
    if (this.listProblem?.offline === true) this.listProblem.retry();
    if (this.opened?.problem?.offline === true) this.opened.problem.retry();
  };

  #countText(): string {
    const items = this.items ?? [];
    if (items.length === 0) return this.t('viewer.empty');
    const query = this.query.trim();
    if (query === '') return this.t('viewer.count', { count: items.length });
    const shown = filterCitizens(items, query, this.language.code).length;
    return shown === 0 ? this.t('viewer.noMatches', { query }) : this.t('viewer.matches', { count: shown, total: items.length, query });
  }

  readonly #typed = (event: Event): void => {
    this.query = (event.target as HTMLInputElement).value;
    clearTimeout(this.#announceTimer);
    this.#announceTimer = setTimeout(() => { this.announcer.announce(this.#countText()); }, ANNOUNCE_FILTER_MS);
  };

  #nameOf(citizenId: string): string | undefined {
    return this.items?.find((candidate) => candidate.citizenId === citizenId)?.firstName;
  }

  // ---- Rendering -------------------------------------------------------------------------------------------------

  protected override render(): TemplateResult {
    if (this.apiConfigError) return this.renderApiConfigError();
    if (this.apiUrl === undefined) return html`<p class="ju-message ju-message--error" role="alert" part="config-error">${this.t('viewer.noApi')}</p>`;
    const token = this.effectiveToken;
    if (token === undefined || token === '') return html`<p class="ju-message" part="signed-out">${this.t('viewer.signedOut')}</p>`;
    const opened = this.opened;
    return html`
      ${opened === undefined ? nothing : this.#renderDetail(opened)}
      <section class="list-view" part="list-view" aria-labelledby="list-heading" ?hidden=${opened !== undefined}>
        <h2 id="list-heading" tabindex="-1">${this.t('viewer.heading')}</h2>
        <p class="intro">${this.t('viewer.intro')}</p>
        ${this.#renderList()}
      </section>`;
  }

  #renderProblem(problem: Problem): TemplateResult {
    return html`<div class="ju-message ju-message--error problem" part="problem">
      <p>${problem.text}</p>
      <button type="button" class="ju-button ju-button--secondary" @click=${() => { problem.retry(); }}>${this.t('viewer.retry')}</button>
    </div>`;
  }

  #renderList(): TemplateResult {
    const items = this.items;
    const problem = this.listProblem === undefined ? nothing : this.#renderProblem(this.listProblem);
    if (items === undefined) {
      return html`<div aria-busy=${this.listLoading ? 'true' : 'false'}>
        ${problem}
        ${this.listLoading ? html`<p class="ju-visually-hidden">${this.t('viewer.loading')}</p>
          <div class="skeleton" part="skeleton" aria-hidden="true">${[1, 2, 3].map(() => html`<div class="skeleton-row"></div>`)}</div>` : nothing}
      </div>`;
    }
    if (items.length === 0) return html`${problem}<p class="ju-message" part="empty">${this.t('viewer.empty')}</p>`;
    const shown = filterCitizens(items, this.query, this.language.code);
    return html`
      <div class="ju-field filter">
        <label class="ju-label" for="filter">${this.t('viewer.filterLabel')}</label>
        <p class="ju-hint" id="filter-hint">${this.t('viewer.filterHint')}</p>
        <input class="ju-input" id="filter" part="filter" type="search" autocomplete="off" spellcheck="false"
          aria-describedby="filter-hint" .value=${this.query} @input=${this.#typed}>
      </div>
      ${problem}
      <div aria-busy=${this.listLoading ? 'true' : 'false'}>
        <p class="count" part="count">${this.#countText()}</p>
        ${shown.length === 0 ? nothing : renderCitizens((key, options) => this.t(key, options), this.format, shown, (citizenId) => { void this.#open(citizenId, true); })}
      </div>`;
  }

  #renderDetail(opened: Opened): TemplateResult {
    const name = this.#nameOf(opened.citizenId);
    const loading = opened.entries === undefined && opened.revoked !== true && opened.problem === undefined;
    const known = this.items?.find((item) => item.citizenId === opened.citizenId);
    return html`<section class="detail" part="detail" aria-labelledby=${NAME_HEADING}>
      <div class="toolbar" part="toolbar">
        <button type="button" class="ju-button ju-button--secondary" part="back" id="back" @click=${() => { this.#close(true); }}>${this.t('viewer.back')}</button>
        ${opened.entries === undefined ? nothing : html`<button type="button" class="ju-button" part="print" id="print" @click=${() => { this.#print.print(); }}>${this.t('viewer.print')}</button>`}
      </div>
      <h2 id=${NAME_HEADING} tabindex="-1">${name === undefined ? this.t('viewer.joblog') : this.t('viewer.joblogOf', { name })}</h2>
      ${loading ? html`<div class="entries-loading" aria-busy="true">
        <p>${known === undefined || opened.loaded === 0
          ? this.t('viewer.loadingEntries')
          : this.t('viewer.loadingProgress', { done: this.format.number(opened.loaded), total: this.format.number(Math.max(known.entryCount, opened.loaded)) })}</p>
        <div class="skeleton" part="skeleton" aria-hidden="true">${[1, 2, 3].map(() => html`<div class="skeleton-row"></div>`)}</div>
      </div>` : nothing}
      ${opened.revoked === true ? html`<div class="ju-message revoked" part="revoked">
        <p><strong>${this.t('viewer.revoked')}</strong></p>
        <p>${this.t('viewer.revokedText')}</p>
      </div>` : nothing}
      ${opened.problem === undefined ? nothing : this.#renderProblem(opened.problem)}
      ${opened.entries === undefined || opened.agreed === undefined ? nothing : this.#renderJoblog(opened, opened.entries, opened.agreed, known)}
    </section>`;
  }

  #renderJoblog(opened: Opened, entries: readonly JoblogEntry[], agreed: AgreedRequirement, known: SharedJoblog | undefined): TemplateResult {
    const detail = this.#detail;
    const api = this.#api;
    const t = (key: string, options?: Record<string, unknown>): string => this.t(key, options);
    return html`
      ${known === undefined ? nothing : html`<p class="shared-note" part="shared-note">${t('viewer.sharedNote', { shared: this.format.date(Date.parse(known.sharedAt)) })}</p>`}
      ${detail === undefined || api === undefined ? nothing : detail.render({
        citizenId: opened.citizenId,
        entries,
        agreed,
        api,
        t,
        format: this.format,
        lang: this.language.code,
        printing: this.#print.printing,
        announce: (text, assertive = false) => { this.announcer.announce(text, { politeness: assertive ? 'assertive' : 'polite' }); },
        describe: (error) => (isOfflineError(error) ? t('viewer.offline') : this.describeError(error)),
        focusLater: (selector) => { this.#focus = selector; },
        agreedChanged: (changed, savedVersion) => {
          if (this.opened?.citizenId !== opened.citizenId) return;
          this.opened = { ...this.opened, agreed: changed };
          if (savedVersion !== undefined) this.emit('ju-joblog-requirement-saved', { citizenId: opened.citizenId, version: savedVersion });
        },
      })}`;
  }
}
