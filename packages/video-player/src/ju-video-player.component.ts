import { adoptStyles, html, nothing, svg, type CSSResult, type CSSResultGroup, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Video } from '@jobunivers/contract';
import { ApiError, JuElement, closestLanguage, sharedStyles, type Translate } from '@jobunivers/core';
import { DEFAULT_CAPTION_SETTINGS, loadCaptionSettings, readableCaptions, saveCaptionSettings, type CaptionSettings } from './caption-settings.js';
import { watchedEnough } from './completion.js';
import { mutedIcon, pauseIcon, playIcon, volumeIcon } from './icons.js';
import { commandForKey, nextSpeed, type KeyCommand } from './keyboard.js';
import { VIDEO_PLAYER_NAMESPACE } from './locales/register.js';
import { defaultRendition, pickTrack, prefersSavingData, sourceFromElement, sourceFromVideo, type PlayerRendition, type PlayerSource, type PlayerTrack, type RenditionKind } from './media-source.js';
import { ProgressSync, mergeProgress, worthResuming, type SaveReason } from './progress-sync.js';
import { formatTime } from './time.js';
import type { TranscriptPanel } from './transcript-panel.js';
import { playerStyles } from './video-player.styles.js';
import { activeCueIndex, chapterIndexAt, parseVtt, type Cue } from './vtt.js';
import { WatchTracker } from './watched-ranges.js';

type Status = 'idle' | 'loading' | 'ready' | 'error' | 'offline' | 'youtube';

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const PROGRESS_EVENT_MS = 10_000;
const SKIP_SECONDS = 10;
const NO_CUES: readonly Cue[] = [];

type Panels = typeof import('./player-panels.js');

/** A part that loads on first use brings its Danish strings and its styles. */
interface LazyPart {
  addStrings(): void;
  styles: readonly CSSResult[];
}

let panelsLoading: Promise<Panels> | undefined;

/** Speech for the audio description: loaded when it is turned on, never by players that do not use it. */
const loadSpeech = (): Promise<typeof import('./audio-description.js')> => import('./audio-description.js');

/** Settings, chapters and the keyboard help: loaded once for every player on the page (again after a failure). */
function loadPanels(): Promise<Panels> {
  panelsLoading ??= import('./player-panels.js').catch((error: unknown) => {
    panelsLoading = undefined;
    throw error;
  });
  return panelsLoading;
}

/**
 * An accessible video player: our own controls on a native `<video>`, captions in several languages drawn by the
 * player (size, colour and background chosen by the citizen), chapters on the timeline and as a list, audio
 * description read aloud while the video waits, an interactive transcript with search, a keyboard map, resume
 * where you left off (on the device, and on the server when signed in) and completion by unique seconds watched
 * or by reading the whole transcript. Usable alone: with `api` + `video-id`, with a web team's own `src` and
 * `<track>` children, or with an optional `youtube-id` that loads nothing until the citizen asks.
 *
 * @tagname ju-video-player
 * @summary A video player with captions, chapters, audio description, an interactive transcript, resume and completion.
 *
 * @attr api - Base URL of the Jobunivers API (or set it on a surrounding `<ju-provider>`). Used with `video-id`.
 * @attr video-id - The id of a video in the API (`GET /v1/videos/{id}`). A signed-in citizen's progress is kept on the server too.
 * @attr src - A video file of your own (http or https), when not using the API. Add `<track kind="captions|chapters|descriptions" srclang label src>` children.
 * @attr poster - The picture shown before playing (with `src`).
 * @attr label - The video's title, the player's accessible name (with `src` or `youtube-id`; the API's title otherwise).
 * @attr youtube-id - A YouTube video (11 characters) shown only after the citizen agrees, from youtube-nocookie.com.
 * @attr start - Start here (seconds), e.g. from a search result; overrides "continue where you left off".
 * @attr completion-threshold - Share of unique seconds (0–1) that counts as completed. Default 0.9.
 * @attr theme - `light`, `dark`, `contrast` or `auto`; inherited from `<ju-provider>` when not set.
 *
 * @slot - `<track>` elements (not shown): `kind` `captions` (or `subtitles`), `chapters` or `descriptions`, with `srclang`, `label` and `src`.
 *
 * @csspart player - The whole player (what goes full screen).
 * @csspart video - The `<video>` element.
 * @csspart captions - The captions drawn over the picture.
 * @csspart timeline - The timeline: chapter marks and watched parts under a native range input.
 * @csspart controls - The control bar.
 * @csspart chapters - The list of chapters.
 * @csspart transcript - The interactive transcript.
 * @csspart settings - The settings panel (speed, quality, caption look, downloads).
 * @csspart help - The keyboard help dialog.
 * @csspart notice - The YouTube notice shown before anything is loaded from YouTube.
 *
 * @cssprop --ju-video-player-max-height - Tallest the picture may be. Default 70vh.
 * @cssprop --ju-video-player-stage - Background behind the picture. Default #000.
 * @cssprop --ju-video-player-watched - Colour of the watched parts on the timeline. Default the primary colour.
 * @cssprop --ju-video-player-transcript-height - Height of the transcript list. Default 16rem.
 * @cssprop --ju-color-primary - Buttons, the timeline and links.
 * @cssprop --ju-target-size - Smallest size of every button (default 44px).
 *
 * @fires ju-video-play - Playback started. Detail: `{ videoId }`.
 * @fires ju-video-progress - Every ~10 s while playing, and on pause and end. Detail: `{ videoId, position, watchedSeconds }`.
 * @fires ju-video-completed - The video counts as completed (once). Detail: `{ videoId }`.
 * @fires ju-video-chapter - A chapter started. Detail: `{ videoId, index }`.
 * @fires ju-auth-required - The server wants a (new) citizen token. Cancelable; see `<ju-provider>`.
 */
export class JuVideoPlayer extends JuElement {
  static override namespace = VIDEO_PLAYER_NAMESPACE;
  static override styles: CSSResultGroup = [sharedStyles, playerStyles];

  /** The id of a video in the API. */
  @property({ attribute: 'video-id' }) videoId?: string;
  /** A video file of the web team's own (with `<track>` children). */
  @property() src?: string;
  /** The picture before playing (with `src`). */
  @property() poster?: string;
  /** The video's title (with `src` or `youtube-id`). */
  @property() label?: string;
  /** A YouTube video id; loaded only after the citizen agrees. */
  @property({ attribute: 'youtube-id' }) youtubeId?: string;
  /** Where to start (seconds); overrides resume. */
  @property({ type: Number }) start?: number;
  /** Share of unique seconds that counts as completed. */
  @property({ type: Number, attribute: 'completion-threshold' }) completionThreshold = 0.9;

  @state() private status: Status = 'idle';
  @state() private problem = '';
  @state() private source: PlayerSource | undefined;
  @state() private rendition: PlayerRendition | undefined;
  @state() private playing = false;
  @state() private time = 0;
  @state() private duration = 0;
  @state() private volume = 1;
  @state() private muted = false;
  @state() private rate = 1;
  @state() private captions: CaptionSettings = DEFAULT_CAPTION_SETTINGS;
  @state() private captionTrack: PlayerTrack | undefined;
  @state() private describing = false;
  @state() private transcriptOpen = false;
  @state() private chaptersOpen = false;
  @state() private settingsOpen = false;
  @state() private helpPending = false;
  @state() private resumeAt: number | undefined;
  @state() private youtubeAccepted = false;
  @state() private youtube: typeof import('./youtube-embed.js') | undefined;
  @state() private fullscreen = false;
  @state() private pictureInPicture = false;
  @state() private completed = false;

  @query('video') private video?: HTMLVideoElement;
  @query('dialog') private helpDialog?: HTMLDialogElement;

  readonly #cues = new Map<string, Cue[]>();
  /** `t()` to hand to the panels. */
  readonly #t: Translate = (key, options) => this.t(key, options);
  #transcript: TranscriptPanel | undefined;
  #transcriptLoading: Promise<TranscriptPanel> | undefined;
  #panels: Panels | undefined;
  readonly #partStyles = new Set<CSSResult>();
  #generation = 0;
  #tracker = new WatchTracker();
  #sync: ProgressSync | undefined;
  #loadedKey: string | undefined;
  #pendingSeek: number | undefined;
  #playAfterLoad = false;
  #lastTime = 0;
  #chapter = -1;
  #started = false;
  #progressAt = 0;
  #description: AbortController | undefined;
  #tracksObserver: MutationObserver | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('keydown', this.#onKeydown);
    window.addEventListener('online', this.#onOnline);
    window.addEventListener('pagehide', this.#onPagehide);
    document.addEventListener('fullscreenchange', this.#onFullscreenChange);
    void loadCaptionSettings().then((settings) => { this.captions = settings; });
    // Tracks added or changed after the player (a CMS rendering late) are picked up.
    this.#tracksObserver = new MutationObserver((records) => {
      if (this.src && records.some((record) => record.target !== this || record.type === 'childList')) this.#reload();
    });
    this.#tracksObserver.observe(this, { childList: true, subtree: true, attributeFilter: ['kind', 'src', 'srclang', 'label'] });
    // Another player on the page already loaded the panels: this one can use them at once.
    if (panelsLoading) void this.#usePanels().catch(() => undefined);
  }

  override disconnectedCallback(): void {
    this.removeEventListener('keydown', this.#onKeydown);
    window.removeEventListener('online', this.#onOnline);
    window.removeEventListener('pagehide', this.#onPagehide);
    document.removeEventListener('fullscreenchange', this.#onFullscreenChange);
    this.#tracksObserver?.disconnect();
    this.#description?.abort();
    this.#save('pagehide');
    super.disconnectedCallback();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const key = [this.apiUrl, this.videoId, this.src, this.poster, this.youtubeId].join('\n');
    if (key !== this.#loadedKey) {
      this.#loadedKey = key;
      void this.#load();
    }
    if (this.transcriptOpen) void this.#loadTranscript();
    if ((this.settingsOpen || this.chaptersOpen) && !this.#panels) {
      void this.#usePanels().catch(() => {
        // Could not load (offline?): close again, so the next press tries again.
        this.settingsOpen = false;
        this.chaptersOpen = false;
      });
    }
  }

  /** Starts playback. */
  async play(): Promise<void> {
    this.resumeAt = undefined;
    await this.video?.play();
  }

  /** Pauses playback. */
  pause(): void {
    this.video?.pause();
  }

  /** Jumps to `seconds` (clamped to the video). */
  seek(seconds: number): void {
    const video = this.video;
    const end = this.duration || Number.POSITIVE_INFINITY;
    const target = Math.min(Math.max(0, seconds), end);
    this.resumeAt = undefined;
    if (!video || video.readyState === 0) {
      this.#pendingSeek = target;
      return;
    }
    video.currentTime = target;
    this.time = target;
  }

  get #videoEventId(): string {
    return this.source?.videoId ?? this.src ?? '';
  }

  get #title(): string | undefined {
    return this.source?.title ?? this.label;
  }

  get #captionCues(): readonly Cue[] {
    return (this.captionTrack && this.#cues.get(this.captionTrack.url)) ?? NO_CUES;
  }

  #trackCues(kind: 'chapters' | 'descriptions'): readonly Cue[] {
    const track = this.#track(kind);
    return (track && this.#cues.get(track.url)) ?? NO_CUES;
  }

  #track(kind: 'chapters' | 'descriptions'): PlayerTrack | undefined {
    return pickTrack(this.source?.tracks ?? [], kind, [this.captionTrack?.language ?? '', ...this.#languages()]);
  }

  /** The page's language, then the widget's: captions default to what the reader reads. */
  #languages(): string[] {
    const page = (closestLanguage(this) ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
    return [page, this.resolvedLanguage];
  }

  /** The transcript panel loads the first time it is needed, so the player's first load stays small. */
  #loadTranscript(): Promise<TranscriptPanel> {
    this.#transcriptLoading ??= import('./transcript-panel.js').then((module) => {
      const { TranscriptPanel } = this.#arrived(module);
      this.#transcript = new TranscriptPanel(this, {
        cues: () => this.#captionCues,
        current: () => activeCueIndex(this.#captionCues, this.time),
        title: () => this.#title,
        videoId: () => this.source?.videoId,
        seek: (seconds) => { this.seek(seconds); },
        announce: (message) => { this.announcer.announce(message); },
        read: () => { this.#complete(); },
      });
      this.requestUpdate();
      return this.#transcript;
    }, (error: unknown) => {
      this.#transcriptLoading = undefined; // try again next time
      throw error;
    });
    return this.#transcriptLoading;
  }

  /** The settings, chapters and help panels, loaded the first time one of them is opened. */
  async #usePanels(): Promise<Panels> {
    try {
      const panels = await loadPanels();
      if (!this.#panels) {
        this.#panels = this.#arrived(panels);
        this.requestUpdate();
      }
      return panels;
    } catch (error) {
      console.warn('[jobunivers] Could not load the player\'s panels', error);
      throw error;
    }
  }

  /** A part that loaded on first use: its Danish strings and styles join the player's. */
  #arrived<M extends LazyPart>(part: M): M {
    part.addStrings();
    for (const style of part.styles) this.#partStyles.add(style);
    if (this.shadowRoot) adoptStyles(this.shadowRoot, [...(this.constructor as typeof JuVideoPlayer).elementStyles, ...this.#partStyles]);
    return part;
  }

  #reload(): void {
    this.#loadedKey = undefined;
    this.requestUpdate();
  }

  async #load(): Promise<void> {
    const generation = ++this.#generation; // a newer load (another video-id) wins over a slower, older answer
    this.problem = '';
    this.source = undefined;
    this.resumeAt = undefined;
    let source: PlayerSource | undefined;
    const client = this.apiClient;
    if (this.videoId && client) {
      this.status = 'loading';
      try {
        const { data } = await client.get<Video>(`v1/videos/${encodeURIComponent(this.videoId)}`);
        if (generation !== this.#generation) return;
        source = sourceFromVideo(data, client.baseUrl);
      } catch (error) {
        if (generation !== this.#generation) return;
        this.status = error instanceof ApiError && error.code === 'offline' ? 'offline' : 'error';
        this.problem = this.describeError(error);
        return;
      }
    } else if (this.src) {
      source = sourceFromElement(this, this.src, this.poster, this.label);
    } else if (this.youtubeId && YOUTUBE_ID.test(this.youtubeId)) {
      this.status = 'youtube';
      if (this.youtube) return;
      try {
        this.youtube = this.#arrived(await import('./youtube-embed.js'));
      } catch {
        if (generation !== this.#generation) return;
        this.status = navigator.onLine ? 'error' : 'offline';
        this.problem = this.t(navigator.onLine ? 'error.media' : 'error.offline');
      }
      return;
    } else if (this.videoId && this.apiConfigError) {
      this.status = 'error';
      this.problem = this.t('error.api-url');
      return;
    }
    if (!source || source.renditions.length === 0) {
      this.status = this.src || this.videoId ? 'error' : 'idle';
      this.problem = this.t('error.no-video');
      return;
    }
    this.#useSource(source);
    const sync = new ProgressSync({ key: source.key, videoId: source.videoId, client: () => this.apiClient, token: () => this.effectiveToken });
    this.#sync = sync;
    const progress = mergeProgress(await sync.load().catch(() => undefined), source.progress);
    if (this.#sync !== sync) return;
    this.#tracker = new WatchTracker(progress?.watched ?? []);
    this.completed = progress?.completed ?? false;
    if (this.start !== undefined && Number.isFinite(this.start)) this.seek(this.start);
    else if (progress && worthResuming(progress.position, source.duration ?? 0)) this.resumeAt = progress.position;
    this.requestUpdate();
  }

  #useSource(source: PlayerSource): void {
    this.source = source;
    this.status = 'ready';
    this.duration = source.duration ?? 0;
    this.time = 0;
    this.#chapter = -1;
    this.#started = false;
    this.rendition = defaultRendition(source.renditions, prefersSavingData());
    this.captionTrack = pickTrack(source.tracks, 'captions', this.#languages());
    for (const track of [this.captionTrack, this.#track('chapters'), this.#track('descriptions')]) if (track) void this.#fetchCues(track);
  }

  async #fetchCues(track: PlayerTrack): Promise<void> {
    if (this.#cues.has(track.url)) return;
    this.#cues.set(track.url, []);
    try {
      const response = await fetch(track.url, { credentials: 'omit' });
      if (!response.ok) throw new Error(String(response.status));
      this.#cues.set(track.url, parseVtt(await response.text()));
    } catch (error) {
      this.#cues.delete(track.url); // try again next time the track is chosen
      console.warn(`[jobunivers] Could not load the ${track.kind} track ${track.url}`, error);
    }
    this.requestUpdate();
  }

  // --- media events -------------------------------------------------------------------------------------------

  #onLoadedMetadata = (): void => {
    const video = this.video;
    // A new src first reports its duration as unknown (readyState 0): wait for the real metadata.
    if (!video || video.readyState < HTMLMediaElement.HAVE_METADATA) return;
    if (Number.isFinite(video.duration)) this.duration = video.duration;
    video.playbackRate = this.rate;
    video.volume = this.volume;
    video.muted = this.muted;
    this.#applyPendingSeek(false);
    if (this.#playAfterLoad) void video.play().catch(() => undefined);
    this.#playAfterLoad = false;
  };

  /**
   * Seeks to where the citizen was (after a quality switch or a retry). A server without range requests lets the
   * browser seek only in what it has loaded, so the seek is tried again once everything is there.
   */
  #applyPendingSeek(lastTry: boolean): void {
    const video = this.video;
    if (!video || this.#pendingSeek === undefined) return;
    video.currentTime = this.#pendingSeek;
    this.time = this.#pendingSeek;
    if (lastTry) this.#pendingSeek = undefined;
  }

  #onTimeUpdate = (): void => {
    const video = this.video;
    if (!video) return;
    const time = video.currentTime;
    this.time = time;
    if (!video.paused && !video.seeking) this.#tracker.tick(time, video.playbackRate);
    const chapter = chapterIndexAt(this.#trackCues('chapters'), time);
    if (chapter !== this.#chapter) {
      this.#chapter = chapter;
      if (this.#started && chapter >= 0) this.emit('ju-video-chapter', { videoId: this.#videoEventId, index: chapter });
    }
    if (this.describing && !video.paused && !video.seeking) {
      const due = this.#trackCues('descriptions').find((cue) => cue.start > this.#lastTime && cue.start <= time);
      if (due) void this.#describe(due);
    }
    this.#lastTime = time;
    if (Date.now() - this.#progressAt >= PROGRESS_EVENT_MS && !video.paused) this.#progress();
    this.#save('tick');
    this.#checkWatched();
  };

  #onPlay = (): void => {
    this.playing = true;
    this.resumeAt = undefined;
    this.#started = true;
    this.#tracker.resume(this.video?.currentTime ?? 0);
    if (this.#description) return; // our own resume after a description
    this.emit('ju-video-play', { videoId: this.#videoEventId });
    this.#progressAt = Date.now();
  };

  #onPause = (): void => {
    this.playing = false;
    if (this.#description) return;
    this.#tracker.interrupt();
    this.#progress();
    this.#save(this.video?.ended ? 'ended' : 'pause');
  };

  #onSeeking = (): void => {
    this.#tracker.interrupt();
    this.#description?.abort();
  };

  #onSeeked = (): void => {
    const time = this.video?.currentTime ?? 0;
    if (this.#pendingSeek !== undefined && Math.abs(time - this.#pendingSeek) < 0.5) this.#pendingSeek = undefined;
    this.#lastTime = time;
    this.time = time;
    if (this.video && !this.video.paused) this.#tracker.resume(time);
    this.#save('seek');
  };

  #onVolumeChange = (): void => {
    this.volume = this.video?.volume ?? 1;
    this.muted = this.video?.muted ?? false;
  };

  #onError = (): void => {
    if (!this.video?.error) return;
    this.#pendingSeek = this.time;
    this.status = navigator.onLine ? 'error' : 'offline';
    this.problem = this.t(navigator.onLine ? 'error.media' : 'error.offline');
  };

  #onOnline = (): void => {
    if (this.status === 'offline') this.#retry();
  };

  #onPagehide = (): void => {
    this.#save('pagehide');
  };

  #onFullscreenChange = (): void => {
    this.fullscreen = (this.renderRoot as ShadowRoot).fullscreenElement != null;
  };

  #retry(): void {
    if (this.source) {
      this.status = 'ready';
      this.problem = '';
      this.#pendingSeek = this.time;
      void this.updateComplete.then(() => { this.video?.load(); });
    } else {
      this.#reload();
    }
  }

  // --- progress and completion --------------------------------------------------------------------------------

  #progress(): void {
    this.#progressAt = Date.now();
    if (!this.source) return;
    this.emit('ju-video-progress', { videoId: this.#videoEventId, position: this.time, watchedSeconds: this.#tracker.watchedSeconds });
  }

  #save(reason: SaveReason): void {
    if (!this.source || !this.#started) return;
    this.#sync?.save({ position: this.time, watched: this.#tracker.ranges, completed: this.completed }, reason);
  }

  #checkWatched(): void {
    if (!this.completed && watchedEnough(this.#tracker.ranges, this.duration, this.completionThreshold)) this.#complete();
  }

  #complete(): void {
    if (this.completed) return;
    this.completed = true;
    this.#started = true;
    this.emit('ju-video-completed', { videoId: this.#videoEventId });
    this.announcer.announce(this.t('status.completed'));
    this.#save('completed');
  }

  /** Extended audio description: the video waits while the description is read aloud. */
  async #describe(cue: Cue): Promise<void> {
    const video = this.video;
    if (!video || this.#description) return;
    const controller = new AbortController();
    this.#description = controller;
    video.pause();
    this.announcer.announce(cue.text);
    const language = this.#track('descriptions')?.language ?? this.resolvedLanguage;
    // Could not load (offline?): the announcer has said it; go on playing.
    await loadSpeech().then(({ speakDescription }) => speakDescription(cue.text, language, controller.signal), () => undefined);
    const interrupted = controller.signal.aborted;
    this.#description = undefined;
    if (!interrupted && this.describing) await video.play().catch(() => undefined);
  }

  // --- actions -------------------------------------------------------------------------------------------------

  #togglePlay(): void {
    const video = this.video;
    if (!video) return;
    if (video.paused) {
      this.#description?.abort();
      void this.play().catch(() => undefined);
    } else {
      this.#description?.abort();
      video.pause();
    }
  }

  #skip(seconds: number): void {
    this.seek(this.time + seconds);
    this.announcer.announce(this.#timeText());
  }

  #setVolume(volume: number): void {
    const video = this.video;
    if (!video) return;
    video.volume = Math.min(1, Math.max(0, Math.round(volume * 10) / 10));
    video.muted = video.volume === 0;
  }

  #setRate(rate: number): void {
    this.rate = rate;
    if (this.video) this.video.playbackRate = rate;
  }

  #setCaptions(change: Partial<CaptionSettings>): void {
    this.captions = readableCaptions(this.captions, change);
    void saveCaptionSettings(this.captions).catch(() => undefined);
  }

  #chooseCaptionLanguage(url: string): void {
    const track = this.source?.tracks.find((candidate) => candidate.kind === 'captions' && candidate.url === url);
    if (!track) return;
    this.captionTrack = track;
    void this.#fetchCues(track);
    for (const other of [this.#track('chapters'), this.#track('descriptions')]) if (other) void this.#fetchCues(other);
  }

  #chooseRendition(kind: RenditionKind): void {
    const next = this.source?.renditions.find((rendition) => rendition.kind === kind);
    if (!next || next === this.rendition) return;
    // Keep the place and whether it was playing across the switch.
    this.#pendingSeek = this.time;
    this.#playAfterLoad = this.playing;
    this.rendition = next;
  }

  #toggleFullscreen(): void {
    if (this.fullscreen) void document.exitFullscreen().catch(() => undefined);
    else void this.renderRoot.querySelector('.player')?.requestFullscreen().catch(() => undefined);
  }

  #togglePictureInPicture(): void {
    if (this.pictureInPicture) void document.exitPictureInPicture().catch(() => undefined);
    else void this.video?.requestPictureInPicture().catch(() => undefined);
  }

  #toggleDescriptions(): void {
    if (this.#trackCues('descriptions').length === 0 && !this.#track('descriptions')) return;
    this.describing = !this.describing;
    if (this.describing) void loadSpeech().catch(() => undefined);
    else this.#description?.abort();
    this.announcer.announce(this.t(this.describing ? 'status.descriptions-on' : 'status.descriptions-off'));
  }

  /** Opens the keyboard help; the first time, once it has loaded (the button is aria-busy meanwhile). */
  #openHelp(): void {
    const dialog = this.helpDialog;
    if (dialog) {
      if (!dialog.open) dialog.showModal();
      return;
    }
    if (this.helpPending) return;
    this.helpPending = true;
    void this.#usePanels().then(() => this.updateComplete).then(() => {
      this.helpPending = false;
      if (this.helpDialog && !this.helpDialog.open) this.helpDialog.showModal();
    }, () => { this.helpPending = false; });
  }

  #onKeydown = (event: KeyboardEvent): void => {
    const target = event.composedPath()[0];
    if (this.status !== 'ready' || event.defaultPrevented || !(target instanceof HTMLElement)) return;
    const tag = target.localName;
    const range = tag === 'input' && (target as HTMLInputElement).type === 'range';
    // Text fields, menus and the help dialog keep their keys; a range keeps its arrows; buttons keep Space/Enter.
    if ((tag === 'input' && !range) || tag === 'textarea' || tag === 'select' || target.isContentEditable || target.closest('dialog')) return;
    if (range && /^(Arrow|Home|End|Page)/.test(event.key)) return;
    if ((tag === 'button' || tag === 'a' || tag === 'li' || tag === 'ol') && (event.key === ' ' || event.key === 'Enter')) return;
    if (tag === 'ol' && /^Arrow(Up|Down)$/.test(event.key)) return;
    const command = commandForKey(event);
    if (!command) return;
    event.preventDefault();
    this.#run(command);
  };

  #run({ action, fraction = 0 }: KeyCommand): void {
    const say = (key: string, options = {}): void => { this.announcer.announce(this.t(key, options)); };
    switch (action) {
      case 'play': this.#togglePlay(); break;
      case 'back': this.#skip(-SKIP_SECONDS); break;
      case 'forward': this.#skip(SKIP_SECONDS); break;
      case 'volume-up':
      case 'volume-down':
        this.#setVolume((this.muted ? 0 : this.volume) + (action === 'volume-up' ? 0.1 : -0.1));
        say('status.volume', { percent: Math.round((this.video?.volume ?? 0) * 100) });
        break;
      case 'mute': if (this.video) this.video.muted = !this.video.muted; break;
      case 'captions':
        this.#setCaptions({ on: !this.captions.on });
        say(this.captions.on ? 'status.captions-on' : 'status.captions-off');
        break;
      case 'descriptions': this.#toggleDescriptions(); break;
      case 'transcript': if (this.#captionCues.length > 0) this.transcriptOpen = !this.transcriptOpen; break;
      case 'fullscreen': this.#toggleFullscreen(); break;
      case 'slower':
      case 'faster':
        this.#setRate(nextSpeed(this.rate, action === 'faster' ? 1 : -1));
        say('status.speed', { speed: this.format.number(this.rate) });
        break;
      case 'start': this.seek(0); break;
      case 'end': this.seek(this.duration); break;
      case 'jump': this.seek(this.duration * fraction); say('status.time', { time: this.#timeText() }); break;
      case 'help': this.#openHelp(); break;
    }
  }

  #timeText(): string {
    return this.t('time.of', { position: formatTime(this.time), duration: formatTime(this.duration) });
  }

  // --- rendering -----------------------------------------------------------------------------------------------

  protected override render(): TemplateResult {
    const title = this.#title;
    return html`
      <div part="player" class="player ${this.fullscreen ? 'is-fullscreen' : ''}" role="region" aria-label=${title ?? this.t('player.label')}
        aria-busy=${this.status === 'loading' || (this.status === 'youtube' && !this.youtube) ? 'true' : 'false'}>
        ${this.#renderBody()}
      </div>`;
  }

  #renderBody(): TemplateResult | typeof nothing {
    switch (this.status) {
      case 'idle': return nothing;
      case 'loading': return html`<p class="state" role="status">${this.t('status.loading')}</p>`;
      case 'youtube': return this.youtube?.renderYoutube({
        t: this.#t, id: this.youtubeId ?? '', label: this.label, accepted: this.youtubeAccepted,
        accept: () => { this.youtubeAccepted = true; },
      }) ?? nothing;
      case 'error':
      case 'offline': return this.#renderProblem();
      case 'ready': return this.#renderPlayer();
    }
  }

  #renderProblem(): TemplateResult {
    const download = this.rendition?.url;
    return html`
      <div class="ju-message ju-message--error state" role="alert">
        <p>${this.problem || this.t('error.media')}</p>
        <div class="row">
          <button type="button" class="ju-button" @click=${() => { this.#retry(); }}>${this.t('action.retry')}</button>
          ${download ? html`<a class="ju-link" href=${download} download>${this.t('action.download-video')}</a>` : nothing}
        </div>
      </div>`;
  }

  #renderPlayer(): TemplateResult {
    const t = this.#t;
    const source = this.source;
    const rendition = this.rendition;
    const audioOnly = rendition?.kind === 'audio';
    const shown = this.captions.on ? this.#captionCues.filter((cue) => cue.start <= this.time && this.time < cue.end) : [];
    const { size, colour, background } = this.captions;
    const panels = this.#panels;
    return html`
      <div class="stage">
        <video part="video" playsinline preload="metadata" src=${ifDefined(rendition?.url)} poster=${ifDefined(source?.poster)}
          @click=${() => { this.#togglePlay(); }}
          @loadedmetadata=${this.#onLoadedMetadata} @durationchange=${this.#onLoadedMetadata} @canplaythrough=${() => { this.#applyPendingSeek(true); }} @timeupdate=${this.#onTimeUpdate}
          @play=${this.#onPlay} @pause=${this.#onPause} @seeking=${this.#onSeeking} @seeked=${this.#onSeeked}
          @volumechange=${this.#onVolumeChange} @error=${this.#onError}
          @enterpictureinpicture=${() => { this.pictureInPicture = true; }} @leavepictureinpicture=${() => { this.pictureInPicture = false; }}></video>
        ${audioOnly ? html`<p class="audio-only">${this.t('quality.audio')}</p>` : nothing}
        <div part="captions" class="captions size-${size} colour-${colour} background-${background}" aria-hidden="true"
          lang=${ifDefined(this.captionTrack?.language)}>${shown.map((cue) => html`<span>${cue.text}</span>`)}</div>
        ${this.resumeAt === undefined ? nothing : html`
          <div class="resume" role="group" aria-label=${this.t('resume.label')}>
            <button type="button" class="ju-button" @click=${() => { this.seek(this.resumeAt ?? 0); void this.play().catch(() => undefined); }}>
              ${this.t('resume.continue', { time: formatTime(this.resumeAt) })}</button>
            <button type="button" class="ju-button ju-button--secondary" @click=${() => { this.seek(0); void this.play().catch(() => undefined); }}>
              ${this.t('resume.restart')}</button>
          </div>`}
      </div>
      ${this.#renderTimeline()}
      ${this.#renderControls()}
      ${this.settingsOpen && panels ? panels.renderSettings({
        t, format: this.format, rate: this.rate, renditions: source?.renditions ?? [], rendition, captions: this.captions,
        transcriptUrl: source?.transcripts.find((transcript) => transcript.language === this.captionTrack?.language)?.url,
        canBuildTranscript: this.#captionCues.length > 0,
        setRate: (rate) => { this.#setRate(rate); },
        chooseRendition: (kind) => { this.#chooseRendition(kind); },
        setCaptions: (change) => { this.#setCaptions(change); },
        downloadTranscript: () => { void this.#loadTranscript().then((panel) => { panel.download(); }); },
      }) : nothing}
      ${this.chaptersOpen && panels ? panels.renderChapters(t, this.#trackCues('chapters'), chapterIndexAt(this.#trackCues('chapters'), this.time), (seconds) => { this.seek(seconds); }) : nothing}
      ${this.transcriptOpen ? this.#transcript?.render(t) ?? html`<p id="transcript" role="status">${this.t('status.loading')}</p>` : nothing}
      ${panels ? panels.renderHelp(t) : nothing}`;
  }

  #renderTimeline(): TemplateResult {
    const duration = this.duration;
    const x = (seconds: number): number => (duration > 0 ? Math.min(1000, (seconds / duration) * 1000) : 0);
    return html`
      <div part="timeline" class="timeline" dir="ltr">
        <svg class="bar" viewBox="0 0 1000 12" preserveAspectRatio="none" aria-hidden="true" focusable="false">
          <rect class="bar-track" x="0" y="3" width="1000" height="6"></rect>
          ${this.#tracker.ranges.map(([from, to]) => svg`<rect class="bar-watched" x=${x(from)} y="3" width=${x(to) - x(from)} height="6"></rect>`)}
          <rect class="bar-played" x="0" y="5" width=${x(this.time)} height="2"></rect>
          ${this.#trackCues('chapters').filter((chapter) => chapter.start > 0).map((chapter) => svg`<rect class="bar-mark" x=${x(chapter.start) - 2} y="0" width="4" height="12"></rect>`)}
        </svg>
        <input type="range" class="scrub" min="0" max=${duration || 0} step="1" .value=${String(this.time)}
          aria-label=${this.t('control.timeline')} aria-valuetext=${this.#timeText()}
          @input=${(event: Event) => { this.seek(Number((event.target as HTMLInputElement).value)); }}>
      </div>`;
  }

  #renderControls(): TemplateResult {
    const t = this.#t;
    const captionTracks = this.source?.tracks.filter((track) => track.kind === 'captions') ?? [];
    const hasDescriptions = this.#track('descriptions') !== undefined;
    const hasChapters = this.#track('chapters') !== undefined;
    const canPip = 'pictureInPictureEnabled' in document && document.pictureInPictureEnabled && this.rendition?.kind !== 'audio';
    // A panel's button is aria-busy while the panel loads, the first time it is opened.
    const toggle = (label: string, pressed: boolean, action: () => void, controls?: string, loaded = true): TemplateResult => html`
      <button type="button" class="ju-button ju-button--secondary" aria-pressed=${ifDefined(controls ? undefined : pressed ? 'true' : 'false')}
        aria-expanded=${ifDefined(controls ? (pressed ? 'true' : 'false') : undefined)} aria-controls=${ifDefined(controls)}
        aria-busy=${ifDefined(pressed && !loaded ? 'true' : undefined)} @click=${action}>${label}</button>`;
    const panels = this.#panels !== undefined;
    return html`
      <div part="controls" class="controls">
        <div class="row">
          <button type="button" class="ju-button play" @click=${() => { this.#togglePlay(); }}>
            ${this.playing ? pauseIcon : playIcon}<span class="ju-visually-hidden">${t(this.playing ? 'control.pause' : 'control.play')}</span></button>
          <button type="button" class="ju-button ju-button--secondary" @click=${() => { this.#skip(-SKIP_SECONDS); }}>
            <span aria-hidden="true">−10</span><span class="ju-visually-hidden">${t('control.back')}</span></button>
          <button type="button" class="ju-button ju-button--secondary" @click=${() => { this.#skip(SKIP_SECONDS); }}>
            <span aria-hidden="true">+10</span><span class="ju-visually-hidden">${t('control.forward')}</span></button>
          <span class="clock" dir="ltr">${formatTime(this.time)} / ${formatTime(this.duration)}</span>
          <button type="button" class="ju-button ju-button--secondary" aria-pressed=${this.muted ? 'true' : 'false'} @click=${() => { if (this.video) this.video.muted = !this.video.muted; }}>
            ${this.muted ? mutedIcon : volumeIcon}<span class="ju-visually-hidden">${t('control.mute')}</span></button>
          <input type="range" class="volume" min="0" max="1" step="0.1" .value=${String(this.muted ? 0 : this.volume)} aria-label=${t('control.volume')}
            aria-valuetext=${`${String(Math.round((this.muted ? 0 : this.volume) * 100))} %`}
            @input=${(event: Event) => { this.#setVolume(Number((event.target as HTMLInputElement).value)); }}>
        </div>
        <div class="row">
          ${captionTracks.length > 0 ? toggle(t('control.captions'), this.captions.on, () => { this.#setCaptions({ on: !this.captions.on }); }) : nothing}
          ${captionTracks.length > 1 ? html`
            <select class="ju-input language" aria-label=${t('control.caption-language')} @change=${(event: Event) => { this.#chooseCaptionLanguage((event.target as HTMLSelectElement).value); }}>
              ${captionTracks.map((track) => html`<option value=${track.url} ?selected=${track === this.captionTrack} lang=${track.language}>${track.label}</option>`)}
            </select>` : nothing}
          ${hasDescriptions ? toggle(t('control.descriptions'), this.describing, () => { this.#toggleDescriptions(); }) : nothing}
          ${captionTracks.length > 0 ? toggle(t('control.transcript'), this.transcriptOpen, () => { this.transcriptOpen = !this.transcriptOpen; }, 'transcript', this.#transcript !== undefined) : nothing}
          ${hasChapters ? toggle(t('control.chapters'), this.chaptersOpen, () => { this.chaptersOpen = !this.chaptersOpen; }, 'chapters', panels) : nothing}
          ${toggle(t('control.settings'), this.settingsOpen, () => { this.settingsOpen = !this.settingsOpen; }, 'settings', panels)}
          ${canPip ? toggle(t('control.pip'), this.pictureInPicture, () => { this.#togglePictureInPicture(); }) : nothing}
          ${toggle(t('control.fullscreen'), this.fullscreen, () => { this.#toggleFullscreen(); })}
          <button type="button" class="ju-button ju-button--secondary" aria-haspopup="dialog" aria-busy=${ifDefined(this.helpPending ? 'true' : undefined)}
            @click=${() => { this.#openHelp(); }}>${t('control.help')}</button>
        </div>
      </div>`;
  }
}
