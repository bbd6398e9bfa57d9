// An opened video, in place of the list: its title (focused on open), the player, the description, a link for
// the caseworker and, when opened from a learning path, the next video in it. A chunk of its own with its Danish
// strings and styles, loaded with the player when a video is opened, so the catalogue page does not carry it.
import { css, html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
// The player comes with this view: both load when a video is opened, never with the catalogue.
import '@jobunivers/video-player';
import daDetail from './locales/da-detail.json';
import { addDanishStrings } from './locales/register.js';
import { renderDuration } from './card-view.js';
import { nextInPlaylist } from './playlist-view.js';
import type { LibraryView } from './view.js';
import type { Playlist, VideoSummary } from './video-api.js';

/** Registers the detail view's Danish strings (without overwriting a host's own wording). */
export function addStrings(): void {
  addDanishStrings(daDetail);
}

export const styles = css`
  .detail ju-video-player { display: block; margin-block-end: var(--_ju-space-m); }
  .back { margin-block-end: var(--_ju-space-s); padding-inline: 0; }
  .next-up { margin-block-start: var(--_ju-space-l); }
`;

export interface OpenedVideo {
  videoId: string;
  /** Seconds to start at (a search match or a shared link); otherwise the player resumes or starts from 0. */
  start?: number | undefined;
  playlistId?: string | undefined;
  /** The video's summary, once known (from the list, or fetched for a link). */
  video?: VideoSummary | undefined;
  /** Why the video cannot be shown (e.g. it was deleted). */
  failed?: string | undefined;
}

export interface DetailContext {
  view: LibraryView;
  playlist: Playlist | undefined;
  api: string | undefined;
  token: string | undefined;
  theme: string;
  /** Where the player is now (for the caseworker's link). */
  position: () => number;
  back(): void;
  next(video: VideoSummary, playlistId: string): void;
}

export function renderDetail(opened: OpenedVideo, context: DetailContext): TemplateResult {
  const { view, playlist } = context;
  const { t } = view;
  const { video } = opened;
  const next = nextInPlaylist(playlist, opened.videoId);
  const canShare = view.shareLink(opened.videoId, 0) !== undefined;
  // An <article>, not a named <section>: the player inside is already a region named after the video.
  return html`<article class="detail" part="detail" aria-labelledby="detail-heading">
    <button type="button" class="ju-button ju-button--quiet back" part="back" @click=${() => { context.back(); }}>${t('detail.back')}</button>
    <h2 id="detail-heading" tabindex="-1">${video?.title ?? (opened.failed === undefined ? t('detail.loading') : t('detail.missing'))}</h2>
    ${playlist === undefined ? nothing : html`<p class="meta">${t('detail.fromPlaylist', { title: playlist.title })}</p>`}
    ${opened.failed === undefined ? html`
      <ju-video-player part="player" api=${ifDefined(context.api)} video-id=${opened.videoId}
        start=${ifDefined(opened.start)} theme=${context.theme} .token=${context.token}></ju-video-player>`
      : html`<p class="ju-message ju-message--error">${opened.failed}</p>`}
    ${video === undefined ? nothing : html`
      <p class="meta">${renderDuration(video.duration, view)}<span aria-hidden="true"> · </span><span class="ju-visually-hidden">, </span>${video.topic.label}</p>
      ${video.description === '' ? nothing : html`<p class="description">${video.description}</p>`}`}
    ${canShare ? html`<p><button type="button" class="ju-button ju-button--secondary share" @click=${() => {
      const link = view.shareLink(opened.videoId, context.position());
      if (link !== undefined) view.copy(link);
    }}>${t('share.copy')}</button></p>` : nothing}
    ${next === undefined || playlist === undefined ? nothing : html`<div class="next-up" part="next">
      <h3>${t('detail.next')}</h3>
      <button type="button" class="ju-button" @click=${() => { context.next(next, playlist.id); }}>${next.title}</button>
    </div>`}
  </article>`;
}
