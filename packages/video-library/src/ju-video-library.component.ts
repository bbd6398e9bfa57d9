import { adoptStyles, html, nothing, type CSSResult, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import { ApiError, JuElement, safeUrl, sharedStyles } from '@jobunivers/core';
import { openButtonSelector, renderCard, skeletonCard } from './card-view.js';
import type { OpenedVideo } from './detail.js';
import { VIDEO_LIBRARY_NAMESPACE } from './locales/register.js';
import { LazyModule } from './lazy-module.js';
import { hasFilters, renderSearch, type SearchHandlers } from './search-view.js';
import { shareLink } from './share-link.js';
import type { CitizenProgress } from './citizen-progress.js';
import { VideoApi, type FilterKey, type Playlist, type VideoFilters, type VideoListItem, type VideoSearch, type VideoSummary } from './video-api.js';
import { videoLibraryStyles } from './video-library.styles.js';
import { rememberingTranslate, type LibraryView } from './view.js';

/** Typing searches after this pause, from 3 characters. */
const TYPING_DELAY_MS = 350;
const MIN_TYPED = 3;

interface Problem {
  offline: boolean;
  text: string;
  detail: string | undefined;
  retry: () => void;
}

type DetailModule = typeof import('./detail.js');
type UrlStateModule = typeof import('./url-state.js');

const sameSearch = (a: VideoSearch, b: VideoSearch): boolean =>
  (['q', 'topic', 'targetGroup', 'length', 'language', 'kind'] as const).every((key) => a[key] === b[key]);

/**
 * The job centre's guidance videos and recorded webinars: a catalogue with cards (duration, topic, target groups,
 * spoken language, captions, audio description, sign language), search that finds the sentence that is said and
 * plays from that moment, filters, learning paths with "2 af 5 set", and "Fortsæt hvor du slap" for a signed-in
 * citizen. A video opens in place with `<ju-video-player>`, which loads only then.
 *
 * @tagname ju-video-library
 * @summary A searchable catalogue of guidance videos and webinars that opens them in `<ju-video-player>`.
 *
 * @attr api - Base URL of the Jobunivers API (or set it on a surrounding `<ju-provider>`).
 * @attr theme - `light`, `dark`, `contrast` or `auto`; inherited from `<ju-provider>` when not set.
 * @attr url-state - Keep the search, the filters, the open video and its start time in the page URL (parameters
 *   prefixed `ju-video`), so they can be bookmarked and Back closes a video. Off by default: without it the
 *   widget never reads or changes the page URL or history.
 * @attr share-url - For caseworkers: a link template with `{id}` and `{t}` (seconds), e.g.
 *   `https://kommune.dk/job/videoer?ju-video={id}&ju-video-t={t}`. Adds "Kopiér link" to each search match and
 *   to an open video. Ignored unless it is an http(s) URL.
 *
 * @csspart library - The catalogue (search, learning paths, list).
 * @csspart search - The search form.
 * @csspart search-field - The search field.
 * @csspart filters - The filters.
 * @csspart card - A video card.
 * @csspart open - The button in a card's (or a learning path step's) heading that opens the video.
 * @csspart poster - A card's poster image.
 * @csspart badges - A card's accessibility badges (captions, audio description, sign language).
 * @csspart status - The citizen's progress ("Fortsæt (1:23)", "Set", "2 af 5 set").
 * @csspart match - A search match: the sentence with the words marked and "Afspil fra 02:13".
 * @csspart skeleton - A placeholder card while loading.
 * @csspart playlists - The learning paths.
 * @csspart playlist - One learning path.
 * @csspart detail - An opened video.
 * @csspart back - The "Tilbage til videoerne" button.
 * @csspart player - The `<ju-video-player>` of an opened video.
 * @csspart next - "Næste i forløbet".
 * @csspart more - The "Vis flere videoer" button.
 * @csspart problem - The message when the catalogue could not be fetched (offline, a server error), with "Prøv igen".
 *
 * @cssprop --ju-video-library-card-min-width - Narrowest a card gets before the grid drops a column. Default 16rem.
 * @cssprop --ju-video-library-mark - Background of the marked search words. Default #fff09e (dark: #5c4f00).
 * @cssprop --ju-color-primary - Buttons, links and progress bars.
 * @cssprop --ju-color-surface-raised - Cards.
 * @cssprop --ju-target-size - Smallest size of every button (default 44px).
 *
 * @fires ju-video-open - A video was opened. Detail: `{ videoId, start }` (`start` in seconds, or `null`).
 * @fires ju-video-play - From the player (bubbles out unchanged): playback started. Detail: `{ videoId, … }`.
 * @fires ju-video-progress - From the player (throttled). Detail: `{ videoId, … }`.
 * @fires ju-video-completed - From the player: the video counts as seen. Detail: `{ videoId, … }`.
 * @fires ju-video-chapter - From the player: a new chapter began. Detail: `{ videoId, … }`.
 * @fires ju-auth-required - The server wants a (new) citizen token. Cancelable; see `<ju-provider>`.
 */
export class JuVideoLibrary extends JuElement {
  static override namespace = VIDEO_LIBRARY_NAMESPACE;
  static override styles = [sharedStyles, videoLibraryStyles];

  /** Mirror the search, filters and open video in the page URL. Off by default. */
  @property({ type: Boolean, attribute: 'url-state' }) urlState = false;

  /** A link template with `{id}` and `{t}` for the caseworker's "Kopiér link". */
  @property({ attribute: 'share-url' }) shareUrl?: string;

  @state() private items: VideoListItem[] = [];
  @state() private nextCursor: string | null = null;
  @state() private loading = true;
  @state() private loadingMore = false;
  @state() private problem: Problem | undefined;
  @state() private search: VideoSearch = {};
  /** The search the shown items answer (what "Ingen videoer fundet for …" names). */
  @state() private shownSearch: VideoSearch = {};
  @state() private facets: VideoFilters | undefined;
  @state() private playlists: Playlist[] = [];
  /** A signed-in citizen's progress (a chunk loaded only with a token); `undefined` for anyone else. */
  @state() private citizen: CitizenProgress | undefined;
  @state() private opened: OpenedVideo | undefined;
  @state() private detailFailed = false;

  /** The opened-video view with the player: a chunk loaded on first open. */
  #detail: DetailModule | undefined;
  /** Reading and writing the page URL: a chunk loaded only with `url-state`. */
  #url: UrlStateModule | undefined;
  #urlLoading = false;
  readonly #viewStyles: CSSResult[] = [];
  // Views that need the server anyway load side by side with their data.
  readonly #filtersView = new LazyModule(this, () => import('./filters-view.js').then((module) => this.#arrived(module)));
  readonly #playlistView = new LazyModule(this, () => import('./playlist-view.js').then((module) => this.#arrived(module)));
  readonly #matchView = new LazyModule(this, () => import('./match-view.js').then((module) => this.#arrived(module)));
  #api: VideoApi | undefined;
  #startedWith: string | undefined;
  #request: AbortController | undefined;
  #typing: ReturnType<typeof setTimeout> | undefined;
  #opener: HTMLElement | undefined;
  #focus: string | undefined;
  #position = 0;
  /** Counts the progress the player reported, so the list knows its cards may show something new. */
  #progressRecorded = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.urlState && this.#url !== undefined) this.#applyLocation(false);
    window.addEventListener('online', this.#online);
    window.addEventListener('popstate', this.#popstate);
    this.addEventListener('ju-video-progress', this.#playerProgress);
    this.addEventListener('ju-video-completed', this.#playerProgress);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.#online);
    window.removeEventListener('popstate', this.#popstate);
    this.removeEventListener('ju-video-progress', this.#playerProgress);
    this.removeEventListener('ju-video-completed', this.#playerProgress);
    this.#request?.abort();
    clearTimeout(this.#typing);
    this.#startedWith = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.urlState && this.#url === undefined) {
      // The URL says what to show first: wait for it rather than fetching the catalogue twice.
      this.#loadUrlState();
      if (this.#urlLoading) return;
    }
    const client = this.apiClient;
    const key = `${client?.baseUrl.href ?? ''}|${this.effectiveToken ?? ''}|${this.language.code}`;
    if (client !== undefined && key !== this.#startedWith) {
      // A new server, a citizen signing in or another language: start over with what they see.
      this.#startedWith = key;
      this.#api = new VideoApi(client);
      this.#start();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.#focus === undefined) return;
    const target = this.renderRoot.querySelector<HTMLElement>(this.#focus);
    // The detail view still loading gets focus when it arrives.
    if (target === null && this.opened !== undefined && this.#detail === undefined && !this.detailFailed) return;
    this.#focus = undefined;
    target?.focus();
  }

  /** Fetches the catalogue again (as the retry button does). */
  async refresh(): Promise<void> {
    await this.#loadPage(false, false);
  }

  #start(): void {
    const api = this.#api;
    if (api === undefined) return;
    void this.#loadPage(false, false);
    // Without filters or learning paths the catalogue still works, so their failures are not shown.
    Promise.all([api.filters(), this.#filtersView.load()]).then(([facets]) => { this.facets = facets; }, () => undefined);
    Promise.all([api.playlists(), this.#playlistView.load()]).then(([playlists]) => { this.playlists = playlists; }, () => undefined);
    this.citizen = undefined;
    if (this.effectiveToken !== undefined) void this.#loadProgress(api);
    if (this.opened !== undefined && this.opened.video === undefined) void this.#resolveOpened();
  }

  async #loadPage(more: boolean, announce: boolean): Promise<void> {
    const api = this.#api;
    if (api === undefined) return;
    this.#request?.abort();
    const request = new AbortController();
    this.#request = request;
    const search = this.search;
    const before = this.items.length;
    if (more) this.loadingMore = true;
    else this.loading = true;
    this.problem = undefined;
    try {
      const [page] = await Promise.all([
        api.videos(search, more ? (this.nextCursor ?? undefined) : undefined, request.signal),
        search.q === undefined ? undefined : this.#matchView.load(),
      ]);
      if (request.signal.aborted) return;
      this.items = more ? [...this.items, ...page.items] : page.items;
      this.nextCursor = page.nextCursor;
      this.shownSearch = search;
      if (more) {
        const first = page.items.at(0);
        if (first !== undefined) this.#focus = openButtonSelector(first.id);
        this.announcer.announce(this.t('more.loaded', { count: this.items.length - before }));
      } else if (announce) {
        this.announcer.announce(this.#resultText());
      }
    } catch (error) {
      if (!request.signal.aborted) this.#fail(error, () => { void this.#loadPage(more, announce); });
    } finally {
      if (this.#request === request) {
        this.loading = false;
        this.loadingMore = false;
      }
    }
  }

  async #loadProgress(api: VideoApi): Promise<void> {
    try {
      const [items, { loadCitizenProgress }] = await Promise.all([api.progress(), import('./citizen-progress.js')]);
      const citizen = await loadCitizenProgress(api, items, (videoId) => this.#known(videoId));
      if (this.#api === api) this.citizen = citizen;
    } catch {
      // Not a citizen (a caseworker's token) or no connection: the catalogue works without progress.
    }
  }

  #fail(error: unknown, retry: () => void): void {
    const offline = !navigator.onLine || (error instanceof ApiError && ['offline', 'network', 'timeout'].includes(error.code));
    const problemDetail = error instanceof ApiError ? error.problem?.detail : undefined;
    const text = offline ? this.t('offline.message') : this.describeError(error);
    this.problem = { offline, text, detail: typeof problemDetail === 'string' && problemDetail !== '' ? problemDetail : undefined, retry };
    this.announcer.announce(text, { politeness: 'assertive' });
  }

  readonly #online = (): void => {
    if (this.problem?.offline === true) this.problem.retry();
  };

  readonly #popstate = (): void => {
    if (this.urlState) this.#applyLocation(true);
  };

  #loadUrlState(): void {
    if (this.#urlLoading) return;
    this.#urlLoading = true;
    import('./url-state.js').then((module) => {
      this.#url = module;
      this.#applyLocation(false);
    }, () => {
      console.error('[jobunivers] <ju-video-library> could not load its url-state module; the page URL is not used.');
    }).finally(() => {
      this.#urlLoading = false;
      this.requestUpdate();
    });
  }

  /** Takes the search and open video from the page URL (on load, and on Back/Forward). */
  #applyLocation(fromHistory: boolean): void {
    if (this.#url === undefined) return;
    const place = this.#url.readLocation(location.href);
    if (!sameSearch(place.search, this.search)) {
      this.search = place.search;
      if (fromHistory) void this.#loadPage(false, true);
    }
    if (place.videoId === undefined) {
      if (this.opened !== undefined) this.#close();
    } else if (place.videoId !== this.opened?.videoId || place.start !== this.opened.start) {
      this.#open(this.#known(place.videoId), place.videoId, null, place.start, place.playlistId, true);
    }
  }

  #syncLocation(mode: 'push' | 'replace'): void {
    if (!this.urlState || this.#url === undefined) return;
    const opened = this.opened;
    this.#url.writeLocation({ search: this.search, videoId: opened?.videoId, start: opened?.start, playlistId: opened?.playlistId }, mode);
  }

  #setSearch(search: VideoSearch, force = false): void {
    clearTimeout(this.#typing);
    if (!force && sameSearch(search, this.search)) return;
    this.search = search;
    this.#syncLocation('replace');
    void this.#loadPage(false, true);
  }

  #typed(text: string): void {
    clearTimeout(this.#typing);
    const q = text.trim();
    if (q.length < MIN_TYPED && !(q === '' && this.search.q !== undefined)) return;
    this.#typing = setTimeout(() => { this.#setSearch({ ...this.search, q: q || undefined }); }, TYPING_DELAY_MS);
  }

  /** A video's summary, when one of the lists has it. */
  #known(videoId: string): VideoSummary | undefined {
    return this.items.find((video) => video.id === videoId)
      ?? this.citizen?.continueWatching.find((video) => video.id === videoId)
      ?? this.playlists.flatMap((playlist) => playlist.videos).find((video) => video.id === videoId);
  }

  #open(video: VideoSummary | undefined, videoId: string, opener: EventTarget | null, start?: number, playlistId?: string, fromHistory = false): void {
    clearTimeout(this.#typing);
    if (opener instanceof HTMLElement) this.#opener = opener;
    else if (this.opened === undefined) this.#opener = undefined;
    this.opened = { videoId, start, playlistId, video };
    this.#position = start ?? 0;
    this.#focus = '#detail-heading';
    if (!fromHistory) this.#syncLocation('push');
    this.emit('ju-video-open', { videoId, start: start ?? null });
    this.#loadDetail();
    if (video === undefined) void this.#resolveOpened();
  }

  #loadDetail(): void {
    if (this.#detail !== undefined) return;
    this.detailFailed = false;
    import('./detail.js').then((module) => {
      this.#arrived(module);
      this.#detail = module;
      this.requestUpdate();
    }, () => { this.detailFailed = true; });
  }

  /** A view module arrived: its Danish strings and styles join the element's. */
  #arrived<M extends { addStrings(): void; styles: CSSResult }>(module: M): M {
    module.addStrings();
    this.#viewStyles.push(module.styles);
    if (this.shadowRoot) adoptStyles(this.shadowRoot, [...(this.constructor as typeof JuVideoLibrary).elementStyles, ...this.#viewStyles]);
    return module;
  }

  async #resolveOpened(): Promise<void> {
    const opened = this.opened;
    if (opened === undefined || this.#api === undefined) return;
    const known = this.#known(opened.videoId);
    try {
      const video = known ?? await this.#api.video(opened.videoId);
      if (this.opened === opened) this.opened = { ...opened, video, failed: undefined };
    } catch (error) {
      if (this.opened === opened) this.opened = { ...opened, failed: this.describeError(error) };
    }
  }

  /** "Tilbage til videoerne": Back in the browser when we added the entry, so history stays as the citizen expects. */
  #back(): void {
    if (this.urlState && this.#url?.isOwnOpenEntry() === true) {
      history.back();
      return;
    }
    this.#close();
    this.#syncLocation('replace');
  }

  #close(): void {
    this.opened = undefined;
    const opener = this.#opener;
    this.#opener = undefined;
    if (opener?.isConnected === true) void this.updateComplete.then(() => { opener.focus(); });
    else this.#focus = '#library-heading';
  }

  readonly #playerProgress = (event: Event): void => {
    const detail = (event as CustomEvent<unknown>).detail;
    if (detail === null || typeof detail !== 'object') return;
    const { videoId, position } = detail as Record<string, unknown>;
    if (typeof videoId !== 'string') return;
    const at = typeof position === 'number' ? position : undefined;
    if (at !== undefined && videoId === this.opened?.videoId) this.#position = at;
    if (this.citizen === undefined) return;
    this.citizen.record(event.type, videoId, at, this.#known(videoId));
    this.#progressRecorded += 1;
    this.requestUpdate();
  };

  async #copy(link: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(link);
      this.announcer.announce(this.t('share.copied'));
    } catch {
      this.announcer.announce(this.t('share.failed', { url: link }), { politeness: 'assertive' });
    }
  }

  #resultText(): string {
    const count = this.items.length;
    const { q } = this.shownSearch;
    if (count === 0) return q !== undefined ? this.t('results.none', { query: q }) : hasFilters(this.shownSearch) ? this.t('results.noneFiltered') : this.t('library.empty');
    return this.t(this.nextCursor === null ? 'results.count' : 'results.countMore', { count });
  }

  #view(): LibraryView {
    const matches = this.#matchView.module;
    const view: LibraryView = {
      t: rememberingTranslate((key, options) => this.t(key, options)),
      language: this.language.code,
      signedIn: this.citizen !== undefined,
      media: (url) => {
        const base = this.apiClient?.baseUrl;
        if (url === null || base === undefined) return undefined;
        try {
          return safeUrl(new URL(url, base).href);
        } catch {
          return undefined;
        }
      },
      progressOf: (video) => this.citizen?.of(video) ?? null,
      open: (video, opener, start, playlistId) => { this.#open(video, video.id, opener, start, playlistId); },
      shareLink: (videoId, seconds) => shareLink(this.shareUrl, videoId, seconds),
      copy: (link) => { void this.#copy(link); },
      renderMatches: matches === undefined ? undefined : (video, found, describedBy) => matches.renderMatches(video, found, view, describedBy),
    };
    return view;
  }

  protected override render(): TemplateResult {
    if (this.apiConfigError) return this.renderApiConfigError();
    const view = this.#view();
    const { t } = view;
    const opened = this.opened;
    const searching = this.shownSearch.q !== undefined || hasFilters(this.shownSearch);
    const handlers: SearchHandlers = {
      input: (text) => { this.#typed(text); },
      submit: (text) => { this.#setSearch({ ...this.search, q: text.trim() || undefined }, true); },
      filter: (key: FilterKey, value) => { this.#setSearch({ ...this.search, [key]: value }); },
      reset: () => { this.#setSearch({ q: this.search.q }); },
    };
    return html`
      ${opened === undefined ? nothing : this.#renderDetail(opened, view)}
      <section class="library" part="library" aria-labelledby="library-heading" ?hidden=${opened !== undefined}>
        <h2 id="library-heading" tabindex="-1">${t('library.heading')}</h2>
        ${renderSearch(this.search, this.facets === undefined ? undefined : this.#filtersView.module?.renderFilters(this.search, this.facets, t, handlers), t, handlers)}
        ${this.#renderProblem()}
        ${searching ? nothing : this.#renderContinue(view)}
        ${searching ? nothing : (this.#playlistView.module?.renderPlaylists(this.playlists, view) ?? nothing)}
        ${this.#renderList(view, searching)}
      </section>`;
  }

  #renderDetail(opened: OpenedVideo, view: LibraryView): TemplateResult {
    const detail = this.#detail;
    if (detail === undefined) {
      if (!this.detailFailed) return html`<p class="detail" role="status">${view.t('library.loading')}</p>`;
      return html`<article class="detail" aria-labelledby="detail-heading">
        <h2 id="detail-heading" tabindex="-1">${opened.video?.title ?? view.t('library.heading')}</h2>
        <p class="ju-message ju-message--error">${view.t('detail.playerFailed')}</p>
        <button type="button" class="ju-button ju-button--secondary" @click=${() => { this.#back(); }}>${view.t('detail.back')}</button>
      </article>`;
    }
    return detail.renderDetail(opened, {
      view,
      playlist: this.playlists.find((playlist) => playlist.id === opened.playlistId),
      api: this.apiUrl,
      token: this.effectiveToken,
      theme: this.resolvedTheme,
      position: () => this.#position,
      back: () => { this.#back(); },
      next: (video, playlistId) => { this.#open(video, video.id, null, undefined, playlistId); },
    });
  }

  #renderProblem(): TemplateResult | typeof nothing {
    const problem = this.problem;
    if (problem === undefined) return nothing;
    return html`<div class="ju-message ju-message--error problem" part="problem">
      <p>${problem.text}</p>
      ${problem.detail === undefined ? nothing : html`<p>${problem.detail}</p>`}
      <button type="button" class="ju-button ju-button--secondary" @click=${() => { problem.retry(); }}>${this.t('action.retry')}</button>
    </div>`;
  }

  #renderContinue(view: LibraryView): TemplateResult | typeof nothing {
    const videos = this.citizen?.continueWatching ?? [];
    if (videos.length === 0) return nothing;
    return html`<div class="continue">
      <h3>${view.t('continue.heading')}</h3>
      <ul class="cards" role="list">${videos.map((video) => html`<li>${renderCard(video, view, 'c')}</li>`)}</ul>
    </div>`;
  }

  #renderList(view: LibraryView, searching: boolean): TemplateResult {
    const { t } = view;
    const items = this.items;
    const firstLoad = this.loading && items.length === 0;
    let body: TemplateResult;
    if (firstLoad) {
      body = html`<p class="ju-visually-hidden">${t('library.loading')}</p><ul class="cards" role="list" aria-hidden="true">${[1, 2, 3, 4, 5, 6].map(() => skeletonCard)}</ul>`;
    } else if (items.length === 0 && this.problem === undefined) {
      body = searching ? this.#renderNoResults() : html`<p class="empty">${t('library.empty')}</p>`;
    } else {
      const share = this.shareUrl;
      // The list renders again only when the cards may change (not for "Henter flere videoer …"), and then a card
      // only when what it shows changed: "Vis flere videoer" builds just the new ones.
      const cardsShow = [items, this.language, this.citizen, this.#progressRecorded, share, this.#matchView.module];
      body = html`<ul class="cards" role="list">${guard(cardsShow, () => repeat(items, (video) => video.id, (video) =>
        guard([video, view.progressOf(video), this.language, view.signedIn, share], () => html`<li>${renderCard(video, view)}</li>`)))}</ul>
        ${this.nextCursor === null ? nothing : html`<button type="button" class="ju-button ju-button--secondary more" part="more"
          aria-disabled=${this.loadingMore ? 'true' : 'false'} @click=${() => { if (!this.loadingMore) void this.#loadPage(true, false); }}>
          ${this.loadingMore ? t('more.loading') : t('more.button')}</button>`}`;
    }
    return html`<div class="results" aria-busy=${this.loading || this.loadingMore ? 'true' : 'false'}>
      <h3 id="list-heading">${searching && !this.loading ? this.#resultText() : t('list.heading')}</h3>
      ${body}
    </div>`;
  }

  #renderNoResults(): TemplateResult {
    const t = (key: string): string => this.t(key);
    return html`<div class="no-results">
      <p>${t('results.tips')}</p>
      <ul>
        ${this.shownSearch.q === undefined ? nothing : html`<li>${t('results.tipSpelling')}</li><li>${t('results.tipFewerWords')}</li>`}
        ${hasFilters(this.shownSearch) ? html`<li><button type="button" class="ju-button ju-button--quiet" @click=${() => { this.#setSearch({ q: this.search.q }); }}>${t('filters.reset')}</button></li>` : nothing}
      </ul>
    </div>`;
  }
}
