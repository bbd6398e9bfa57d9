// The interactive transcript: every cue as a line (the current one marked and kept in view unless the citizen is
// reading elsewhere), click or Enter to seek, search with next/previous, copy and download. It also notices when
// the whole transcript has been read, which counts as completing the video. Loaded the first time the transcript
// is opened (or downloaded), with its Danish strings and styles.
import { css, html, nothing, type CSSResult, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Translate } from '@jobunivers/core';
import { countWords, transcriptRead } from './completion.js';
import daStrings from './locales/da-transcript.json';
import { addDanishStrings } from './locales/register.js';
import { panelStyles } from './panel.styles.js';
import { formatTime } from './time.js';
import { findMatches, markMatches, transcriptText } from './transcript-search.js';
import type { Cue } from './vtt.js';

/** Adds the transcript's Danish strings (English and Arabic come with the player's whole language files). */
export function addStrings(): void {
  addDanishStrings(daStrings);
}

export const styles: CSSResult[] = [panelStyles, css`
  .transcript-list {
    max-height: var(--ju-video-player-transcript-height, 16rem);
    overflow-y: auto;
    margin: var(--_ju-space-s) 0;
    padding: 0;
    list-style: none;
    border: 1px solid var(--_ju-color-border-subtle);
    background: var(--_ju-color-surface);
  }

  .found > .line {
    outline: 2px dashed var(--_ju-color-primary);
    outline-offset: -2px;
  }

  mark {
    background: var(--_ju-color-warning-surface);
    color: inherit;
    text-decoration: underline;
  }

  #transcript-search {
    flex: 1 1 12rem;
    width: auto;
  }
`];

/** After the citizen scrolls or moves around in the list, the list follows playback again only after this long. */
const READING_PAUSE_MS = 6_000;

export interface TranscriptHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export interface TranscriptOptions {
  cues: () => readonly Cue[];
  current: () => number;
  title: () => string | undefined;
  /** The API's video id: the download's file name when there is no title. */
  videoId: () => string | undefined;
  seek: (seconds: number) => void;
  announce: (message: string) => void;
  /** Called once when every line has been on screen and the panel was open long enough to read them. */
  read: () => void;
}

export class TranscriptPanel implements ReactiveController {
  query = '';
  matchCursor = -1;
  readonly #host: TranscriptHost;
  readonly #options: TranscriptOptions;
  readonly #seen = new Set<number>();
  #cues: readonly Cue[] = [];
  #openSince: number | undefined;
  #openMs = 0;
  #observer: IntersectionObserver | undefined;
  #timer: ReturnType<typeof setInterval> | undefined;
  #readingUntil = 0;
  #scrolledTo = -1;
  #reported = false;

  constructor(host: TranscriptHost, options: TranscriptOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  get #list(): HTMLElement | null {
    return this.#host.renderRoot.querySelector('.transcript-list');
  }

  hostDisconnected(): void {
    this.closed();
  }

  hostUpdated(): void {
    const list = this.#list;
    if (!list) {
      this.closed();
      return;
    }
    const cues = this.#options.cues();
    if (cues !== this.#cues) {
      // Another language: a new set of lines to read.
      this.#cues = cues;
      this.#seen.clear();
      this.#observer?.disconnect();
      this.#observer = undefined;
    }
    this.#openSince ??= Date.now();
    this.#timer ??= setInterval(() => { this.#checkRead(); }, 1000);
    if (!this.#observer) {
      this.#observer = new IntersectionObserver((entries) => {
        for (const entry of entries) if (entry.isIntersecting) this.#seen.add(Number((entry.target as HTMLElement).dataset['index']));
        this.#checkRead();
      }, { root: list, threshold: 0.6 });
      for (const line of list.querySelectorAll('li')) this.#observer.observe(line);
    }
    this.#follow(list);
  }

  /** The panel was closed: stop counting reading time (it adds up over several openings). */
  closed(): void {
    if (this.#openSince !== undefined) this.#openMs += Date.now() - this.#openSince;
    this.#openSince = undefined;
    this.#observer?.disconnect();
    this.#observer = undefined;
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.#scrolledTo = -1;
  }

  #checkRead(): void {
    if (this.#reported) return;
    const cues = this.#options.cues();
    const openMs = this.#openMs + (this.#openSince === undefined ? 0 : Date.now() - this.#openSince);
    if (transcriptRead(this.#seen.size, cues.length, openMs / 1000, countWords(cues.map((cue) => cue.text)))) {
      this.#reported = true;
      this.#options.read();
    }
  }

  /** Keeps the current line in view, by scrolling the list only (never the page), unless the citizen is reading. */
  #follow(list: HTMLElement): void {
    const index = this.matchCursor >= 0 ? -1 : this.#options.current();
    if (index < 0 || index === this.#scrolledTo || Date.now() < this.#readingUntil) return;
    const line = list.querySelector<HTMLElement>(`li[data-index="${String(index)}"]`);
    if (!line) return;
    this.#scrolledTo = index;
    this.#scrollTo(list, line);
  }

  #scrollTo(list: HTMLElement, line: HTMLElement): void {
    const top = line.offsetTop - list.offsetTop - (list.clientHeight - line.offsetHeight) / 2;
    const smooth = !matchMedia('(prefers-reduced-motion: reduce)').matches;
    list.scrollTo({ top: Math.max(0, top), behavior: smooth ? 'smooth' : 'auto' });
  }

  #reading = (): void => {
    this.#readingUntil = Date.now() + READING_PAUSE_MS;
  };

  #search(query: string): void {
    this.query = query;
    this.matchCursor = -1;
    this.#host.requestUpdate();
  }

  /** Moves to the next (1) or previous (-1) match and plays from there. */
  step(direction: 1 | -1, t: Translate): void {
    const matches = findMatches(this.#options.cues(), this.query);
    if (matches.length === 0) return;
    this.matchCursor = (this.matchCursor + direction + matches.length) % matches.length;
    const index = matches[this.matchCursor] ?? 0;
    this.#options.seek(this.#options.cues()[index]?.start ?? 0);
    this.#options.announce(t('transcript.match', { index: this.matchCursor + 1, total: matches.length }));
    this.#host.requestUpdate();
    void this.#host.updateComplete.then(() => {
      const list = this.#list;
      const line = list?.querySelector<HTMLElement>(`li[data-index="${String(index)}"]`);
      if (list && line) this.#scrollTo(list, line);
    });
  }

  text(): string {
    return transcriptText(this.#options.cues(), this.#options.title(), formatTime);
  }

  async copy(t: Translate): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.text());
      this.#options.announce(t('transcript.copied'));
    } catch {
      this.#options.announce(t('transcript.copy-failed'));
    }
  }

  /** The download's file name: the title (or the video id) in lower case, with dashes between the words. */
  get #fileName(): string {
    const base = (this.#options.title() ?? this.#options.videoId() ?? 'video').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
    return `${base || 'video'}.txt`;
  }

  /** Saves the transcript as a text file, through a Blob URL made here and never bound in a template. */
  download(): void {
    const url = URL.createObjectURL(new Blob([this.text()], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = this.#fileName;
    link.hidden = true;
    this.#host.renderRoot.append(link);
    link.click();
    link.remove();
    setTimeout(() => { URL.revokeObjectURL(url); }, 10_000);
  }

  render(t: Translate): TemplateResult {
    const cues = this.#options.cues();
    const current = this.#options.current();
    const matches = findMatches(cues, this.query);
    const matchIndex = matches[this.matchCursor];
    const status = this.query.trim() === '' ? '' : matches.length === 0 ? t('transcript.none') : t('transcript.matches', { count: matches.length });
    return html`
      <section part="transcript" class="panel transcript" id="transcript" aria-labelledby="transcript-title">
        <h2 class="panel-title" id="transcript-title">${t('transcript.title')}</h2>
        <div class="transcript-tools" role="search">
          <label class="ju-label" for="transcript-search">${t('transcript.search')}</label>
          <div class="row">
            <input class="ju-input" id="transcript-search" type="search" .value=${this.query} aria-describedby="transcript-count"
              @input=${(event: Event) => { this.#search((event.target as HTMLInputElement).value); }}
              @keydown=${(event: KeyboardEvent) => { if (event.key === 'Enter') { event.preventDefault(); this.step(event.shiftKey ? -1 : 1, t); } }}>
            <button type="button" class="ju-button ju-button--secondary" ?disabled=${matches.length === 0} @click=${() => { this.step(-1, t); }}>${t('transcript.previous')}</button>
            <button type="button" class="ju-button ju-button--secondary" ?disabled=${matches.length === 0} @click=${() => { this.step(1, t); }}>${t('transcript.next')}</button>
          </div>
          <p class="ju-hint" id="transcript-count" aria-live="polite">${status}</p>
        </div>
        <ol class="transcript-list" tabindex="0" aria-label=${t('transcript.lines')}
          @wheel=${this.#reading} @touchmove=${this.#reading} @keydown=${this.#reading} @focusin=${this.#reading}>
          ${cues.map((cue, index) => html`
            <li data-index=${index} class=${index === matchIndex ? 'found' : ''} aria-current=${index === current ? 'true' : 'false'}>
              <button type="button" class="line" @click=${() => { this.#options.seek(cue.start); }}>
                <span class="line-time" dir="ltr">${formatTime(cue.start)}</span>
                <span>${this.query.trim() === '' ? cue.text : markMatches(cue.text, this.query).map((piece) => (piece.match ? html`<mark>${piece.text}</mark>` : piece.text))}</span>
              </button>
            </li>`)}
        </ol>
        <div class="row">
          <button type="button" class="ju-button ju-button--secondary" @click=${() => { void this.copy(t); }}>${t('transcript.copy')}</button>
          <button type="button" class="ju-button ju-button--secondary" @click=${() => { this.download(); }}>${t('transcript.download')}</button>
        </div>
        ${cues.length === 0 ? html`<p>${t('transcript.empty')}</p>` : nothing}
      </section>`;
  }
}
