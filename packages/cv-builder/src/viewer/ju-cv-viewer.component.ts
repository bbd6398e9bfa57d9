import { html, nothing, repeat } from '../lit.js';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ApiError, JuElement, sharedStyles } from '@jobunivers/core';
import { RefreshOnReturn } from '@jobunivers/core/refresh-on-return';
import type { Cv } from '../model/cv.js';
import { previewStyles } from '../preview/preview.styles.js';
import { PrintIsolation } from '../preview/print.js';
import { renderPreview } from '../preview/render-preview.js';
import { CvViewerApi, UnreadableCvError, type SharedCv } from './cv-viewer-api.js';
import { cvViewerStyles } from './cv-viewer.styles.js';
import { CV_VIEWER_NAMESPACE } from './locales.js';

/** The list is fetched again when the caseworker comes back to the page, at most this often. */
const RETURN_REFRESH_MS = 30_000;
/** The count of matches is read out once typing pauses this long. */
const ANNOUNCE_FILTER_MS = 600;
const CV_HEADING = 'cv-name';

interface Problem {
  text: string;
  offline: boolean;
  retry: () => void;
}

interface Opened {
  citizenId: string;
  /** The name the list gave, if the list was there: the heading until the CV itself arrives, or after a withdrawal. */
  name?: string | undefined;
  cv?: Cv;
  /** The citizen withdrew consent (404). */
  revoked?: boolean;
  problem?: Problem;
}

const isOfflineError = (error: unknown): boolean =>
  (typeof navigator !== 'undefined' && !navigator.onLine) || (error instanceof ApiError && error.code === 'offline');

const normalise = (text: string, language: string): string => text.normalize('NFC').toLocaleLowerCase(language);

/**
 * The caseworker's read-only view of the CVs citizens have chosen to share with the job centre: a list with
 * filter-as-you-type by name, and one CV at a time as the citizen's own preview shows it, with "Udskriv" (prints
 * just the CV, A4) and "Tilbage til listen". Says so plainly when a citizen has withdrawn consent, when there is no
 * connection and when nobody has shared yet. Needs a caseworker's `token` (on the element or `<ju-provider>`).
 *
 * @tagname ju-cv-viewer
 * @summary Caseworker's read-only list and view of the CVs citizens share with the job centre.
 * @status experimental
 *
 * @attr api - Base URL of the Jobunivers API (or set it on a surrounding `<ju-provider>`).
 * @attr theme - `light`, `dark`, `contrast` or `auto`; inherited from `<ju-provider>` when not set.
 * @attr citizen - The `citizenId` of a CV to open at once (e.g. from the caseworker's case system). Reflects the
 *   open CV, and is removed by "Tilbage til listen".
 *
 * @csspart list-view - The list of shared CVs with its heading and filter.
 * @csspart filter - The name filter field.
 * @csspart count - How many citizens share (or match the filter).
 * @csspart list - The list of citizens.
 * @csspart citizen - One citizen in the list.
 * @csspart open - The button with the citizen's name that opens the CV.
 * @csspart meta - When the CV was updated and shared.
 * @csspart empty - The message when nobody shares a CV yet, or nobody matches the filter.
 * @csspart skeleton - Placeholders while the list or a CV is loading.
 * @csspart detail - An opened CV with its buttons.
 * @csspart toolbar - "Tilbage til listen" and "Udskriv".
 * @csspart back - The "Tilbage til listen" button.
 * @csspart print - The "Udskriv" button.
 * @csspart shared-note - When the CV was shared and last updated, and that it is read-only.
 * @csspart cv - The CV itself (an `<article>` in the CV's language).
 * @csspart revoked - The message that the citizen no longer shares the CV.
 * @csspart problem - A loading error or "offline", with "Prøv igen".
 * @csspart config-error - Shown when `api` is missing or cannot be used.
 * @csspart signed-out - Shown while there is no caseworker token.
 *
 * @cssprop --ju-cv-accent - The CV's name rule and section headings. Default var(--ju-color-primary).
 * @cssprop --ju-cv-max-width - The widest the CV gets on screen. Default 50rem.
 * @cssprop --ju-color-primary - Buttons and the citizens' names.
 * @cssprop --ju-color-surface-raised - The citizens in the list.
 * @cssprop --ju-target-size - Smallest size of every button (default 44px).
 *
 * @fires {CustomEvent<{ citizenId: string }>} ju-cv-viewer-open - A CV was opened (from the list or the `citizen` attribute). Ids only.
 * @fires {CustomEvent<{ code: string }>} ju-auth-required - The server wants a fresh caseworker token. Cancelable; see `<ju-provider>`.
 */
export class JuCvViewer extends JuElement {
  static override namespace = CV_VIEWER_NAMESPACE;
  static override styles = [sharedStyles, previewStyles, cvViewerStyles];

  /** The `citizenId` of the open CV; set it to open one, remove it to go back to the list. */
  @property({ reflect: true }) citizen?: string;

  @state() private items: SharedCv[] | undefined;
  @state() private listLoading = false;
  @state() private listProblem: Problem | undefined;
  @state() private query = '';
  @state() private opened: Opened | undefined;

  #api: CvViewerApi | undefined;
  #startedWith = '';
  #listRequest: AbortController | undefined;
  #cvRequest: AbortController | undefined;
  /** A selector to focus after the next render. */
  #focus: string | undefined;
  #announceTimer: ReturnType<typeof setTimeout> | undefined;

  readonly #refreshOnReturn = new RefreshOnReturn(this, () => { this.#refreshQuietly(); }, RETURN_REFRESH_MS);
  readonly #print = new PrintIsolation(this, () => this.opened?.cv !== undefined);

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.#online);
    // Moved in the page: start over (disconnecting stopped what was loading).
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.#online);
    clearTimeout(this.#announceTimer);
    this.#listRequest?.abort();
    this.#cvRequest?.abort();
    this.#startedWith = '';
  }

  /** Fetches the list of shared CVs again (as "Prøv igen" does). */
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
      this.#cvRequest?.abort();
      this.items = undefined;
      this.listProblem = undefined;
      this.opened = undefined;
      this.#api = client === undefined || key === '' ? undefined : new CvViewerApi(client);
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
      const items = await api.list(request.signal);
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

  async #open(citizenId: string, byUser: boolean): Promise<void> {
    const api = this.#api;
    if (api === undefined) return;
    this.#cvRequest?.abort();
    const request = new AbortController();
    this.#cvRequest = request;
    clearTimeout(this.#announceTimer);
    const name = this.#nameOf(citizenId);
    this.opened = { citizenId, name };
    this.citizen = citizenId;
    // Only the caseworker's own action moves focus; a CV opened by the page (the attribute) must not steal it.
    if (byUser) this.#focus = `#${CV_HEADING}`;
    this.emit('ju-cv-viewer-open', { citizenId });
    let next: Opened;
    try {
      next = { citizenId, name, cv: await api.cv(citizenId, request.signal) };
    } catch (error) {
      if (request.signal.aborted) return;
      if (error instanceof ApiError && error.status === 404) {
        next = { citizenId, name, revoked: true };
        // No longer shared: it leaves the list too.
        if (this.items !== undefined) this.items = this.items.filter((item) => item.citizenId !== citizenId);
        this.announcer.announce(this.t('viewer.revoked'), { politeness: 'assertive' });
      } else {
        next = { citizenId, name, problem: this.#problem(error, () => { void this.#open(citizenId, true); }) };
      }
    }
    if (request.signal.aborted) return;
    // The heading is rendered anew with the CV: keep focus on it if the caseworker was there.
    if (this.shadowRoot?.activeElement?.id === CV_HEADING) this.#focus = `#${CV_HEADING}`;
    this.opened = next;
  }

  /** Back to the list; `byUser` ("Tilbage til listen") puts focus back on the citizen's name in the list. */
  #close(byUser: boolean): void {
    const citizenId = this.opened?.citizenId;
    this.#cvRequest?.abort();
    this.opened = undefined;
    this.citizen = undefined;
    if (this.items === undefined && !this.listLoading) void this.#loadList();
    if (byUser) this.#focus = citizenId === undefined ? '#list-heading' : `.open[data-citizen="${CSS.escape(citizenId)}"]`;
  }

  #problem(error: unknown, retry: () => void): Problem {
    const offline = isOfflineError(error);
    let text: string;
    if (offline) text = this.t('viewer.offline');
    else if (error instanceof UnreadableCvError) text = this.t('viewer.unreadable');
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

  #filtered(items: SharedCv[]): SharedCv[] {
    const language = this.language.code;
    const terms = normalise(this.query, language).split(/\s+/).filter((term) => term !== '');
    if (terms.length === 0) return items;
    return items.filter((item) => {
      const haystack = normalise(`${item.name ?? ''} ${item.firstName}`, language);
      return terms.every((term) => haystack.includes(term));
    });
  }

  #countText(): string {
    const items = this.items ?? [];
    if (items.length === 0) return this.t('viewer.empty');
    const query = this.query.trim();
    if (query === '') return this.t('viewer.count', { count: items.length });
    const shown = this.#filtered(items).length;
    return shown === 0 ? this.t('viewer.noMatches', { query }) : this.t('viewer.matches', { count: shown, total: items.length, query });
  }

  readonly #typed = (event: Event): void => {
    this.query = (event.target as HTMLInputElement).value;
    clearTimeout(this.#announceTimer);
    this.#announceTimer = setTimeout(() => { this.announcer.announce(this.#countText()); }, ANNOUNCE_FILTER_MS);
  };

  #nameOf(citizenId: string): string | undefined {
    const item = this.items?.find((candidate) => candidate.citizenId === citizenId);
    return item === undefined ? undefined : (item.name ?? item.firstName);
  }

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
      <button type="button" class="ju-button ju-button--secondary" @click=${() => { problem.retry(); }}>${this.t('action.retry')}</button>
    </div>`;
  }

  #renderList(): TemplateResult {
    const items = this.items;
    if (items === undefined) {
      return html`<div aria-busy=${this.listLoading ? 'true' : 'false'}>
        ${this.listProblem === undefined ? nothing : this.#renderProblem(this.listProblem)}
        ${this.listLoading ? html`<p class="ju-visually-hidden">${this.t('viewer.loading')}</p>
          <div class="skeleton" part="skeleton" aria-hidden="true">${[1, 2, 3].map(() => html`<div class="skeleton-row"></div>`)}</div>` : nothing}
      </div>`;
    }
    if (items.length === 0) {
      return html`${this.listProblem === undefined ? nothing : this.#renderProblem(this.listProblem)}
        <p class="ju-message" part="empty">${this.t('viewer.empty')}</p>`;
    }
    const shown = this.#filtered(items);
    const query = this.query.trim();
    return html`
      <div class="ju-field filter">
        <label class="ju-label" for="filter">${this.t('viewer.filterLabel')}</label>
        <p class="ju-hint" id="filter-hint">${this.t('viewer.filterHint')}</p>
        <input class="ju-input" id="filter" part="filter" type="search" autocomplete="off" spellcheck="false"
          aria-describedby="filter-hint" .value=${this.query} @input=${this.#typed}>
      </div>
      ${this.listProblem === undefined ? nothing : this.#renderProblem(this.listProblem)}
      <div aria-busy=${this.listLoading ? 'true' : 'false'}>
        <p class="count" part="count">${this.#countText()}</p>
        ${shown.length === 0 && query !== '' ? nothing : html`<ul class="citizens" role="list" part="list">
          ${repeat(shown, (item) => item.citizenId, (item, index) => this.#renderCitizen(item, index))}
        </ul>`}
      </div>`;
  }

  #renderCitizen(item: SharedCv, index: number): TemplateResult {
    const metaId = `meta-${String(index)}`;
    return html`<li class="citizen" part="citizen">
      <button type="button" class="open" part="open" data-citizen=${item.citizenId} aria-describedby=${metaId}
        @click=${() => { void this.#open(item.citizenId, true); }}>${item.name ?? item.firstName}</button>
      <p class="meta" part="meta" id=${metaId}>
        ${this.t('viewer.updated', { date: this.format.date(Date.parse(item.updatedAt)) })} ·
        ${this.t('viewer.shared', { date: this.format.date(Date.parse(item.sharedAt)) })}
      </p>
    </li>`;
  }

  #renderDetail(opened: Opened): TemplateResult {
    const { cv } = opened;
    const loading = cv === undefined && opened.revoked !== true && opened.problem === undefined;
    const known = this.items?.find((item) => item.citizenId === opened.citizenId);
    return html`<div class="detail" part="detail">
      <div class="toolbar" part="toolbar">
        <button type="button" class="ju-button ju-button--secondary" part="back" @click=${() => { this.#close(true); }}>${this.t('viewer.back')}</button>
        ${cv === undefined ? nothing : html`<button type="button" class="ju-button" part="print" @click=${() => { this.#print.print(); }}>${this.t('preview.print')}</button>`}
      </div>
      ${cv === undefined ? this.#renderNoCv(opened, loading) : html`
        ${known === undefined ? nothing : html`<p class="shared-note" part="shared-note">${this.t('viewer.sharedNote', {
          shared: this.format.date(Date.parse(known.sharedAt)),
          updated: this.format.date(Date.parse(known.updatedAt)),
        })}</p>`}
        ${renderPreview(cv, { labels: this.language.code === 'en' ? 'en' : 'da', format: this.format, headingLevel: 2, idPrefix: 'cv', emptyText: this.t('viewer.cvEmpty') })}`}
    </div>`;
  }

  /** While loading, after a withdrawal or an error: a heading in the CV's place (focus lands on it), and why. */
  #renderNoCv(opened: Opened, loading: boolean): TemplateResult {
    const name = opened.name ?? this.#nameOf(opened.citizenId);
    const headingText = name ?? (opened.revoked === true ? this.t('viewer.revoked') : this.t('viewer.loadingCv'));
    return html`
      <h2 id=${CV_HEADING} tabindex="-1">${headingText}</h2>
      ${loading ? html`<div class="cv-loading" aria-busy="true">
        <p class="ju-visually-hidden">${this.t('viewer.loadingCv')}</p>
        <div class="skeleton" part="skeleton" aria-hidden="true">${[1, 2, 3, 4, 5, 6].map(() => html`<div class="line"></div>`)}</div>
      </div>` : nothing}
      ${opened.revoked === true ? html`<div class="ju-message revoked" part="revoked">
        ${name === undefined ? nothing : html`<p><strong>${this.t('viewer.revoked')}</strong></p>`}
        <p>${this.t('viewer.revokedText')}</p>
      </div>` : nothing}
      ${opened.problem === undefined ? nothing : this.#renderProblem(opened.problem)}`;
  }
}
