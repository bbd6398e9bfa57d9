// Learning paths: each an ordered list of videos with "2 af 5 set" and the next unseen video marked.
import { css, html, nothing, type TemplateResult } from 'lit';
import { renderDuration } from './card-view.js';
import type { LibraryView } from './view.js';
import type { Playlist, VideoSummary } from './video-api.js';
import daStrings from './locales/da-playlists.json';
import { addDanishStrings } from './locales/register.js';

/** How many of the playlist's videos the citizen has completed, and the first one they have not. */
export function playlistProgress(playlist: Playlist, view: LibraryView): { completed: number; next: VideoSummary | undefined } {
  const done = (video: VideoSummary): boolean => view.progressOf(video)?.completed ?? false;
  return { completed: playlist.videos.filter(done).length, next: playlist.videos.find((video) => !done(video)) };
}

/** The video after `videoId` in the playlist, if any. */
export function nextInPlaylist(playlist: Playlist | undefined, videoId: string): VideoSummary | undefined {
  if (playlist === undefined) return undefined;
  const index = playlist.videos.findIndex((video) => video.id === videoId);
  return index < 0 ? undefined : playlist.videos[index + 1];
}

function renderPlaylist(playlist: Playlist, view: LibraryView): TemplateResult {
  const { t } = view;
  const total = playlist.videos.length;
  const { completed, next } = playlistProgress(playlist, view);
  const headingId = `p-${playlist.id}`;
  return html`<li class="playlist" part="playlist">
    <h4 id=${headingId}>${playlist.title}</h4>
    ${playlist.description === '' ? nothing : html`<p>${playlist.description}</p>`}
    ${view.signedIn
      ? html`<p class="status" part="status"><span>${t('playlist.progress', { completed, total })}</span>
          <progress max=${total} .value=${completed} aria-label=${t('playlist.progressLabel')}></progress></p>`
      : html`<p class="meta">${t('playlist.count', { count: total })}</p>`}
    <ol class="steps" aria-labelledby=${headingId}>
      ${playlist.videos.map((video) => {
        const isNext = view.signedIn && video === next;
        const done = view.signedIn && (view.progressOf(video)?.completed ?? false);
        return html`<li class="step ${isNext ? 'next' : ''}" data-video=${video.id}>
          <button type="button" class="open" id=${`p-${playlist.id}-${video.id}`} aria-current=${isNext ? 'step' : 'false'}
            @click=${(event: Event) => { view.open(video, event.currentTarget, undefined, playlist.id); }}>${video.title}</button>
          <span class="meta">${renderDuration(video.duration, view)}</span>
          ${isNext ? html`<span class="tag next-tag">${t('playlist.next')}</span>` : nothing}
          ${done ? html`<span class="tag done"><span aria-hidden="true">✓ </span>${t('card.completed')}</span>` : nothing}
        </li>`;
      })}
    </ol>
  </li>`;
}

export function renderPlaylists(playlists: readonly Playlist[], view: LibraryView): TemplateResult | typeof nothing {
  const shown = playlists.filter((playlist) => playlist.videos.length > 0);
  if (shown.length === 0) return nothing;
  return html`<section class="playlists" part="playlists" aria-labelledby="playlists-heading">
    <h3 id="playlists-heading">${view.t('playlists.heading')}</h3>
    <ul class="playlist-list" role="list">${shown.map((playlist) => renderPlaylist(playlist, view))}</ul>
  </section>`;
}

/** Registers this view's Danish strings; called when the module arrives. */
export function addStrings(): void {
  addDanishStrings(daStrings);
}

export const styles = css`
  .playlist-list { margin: 0; padding: 0; list-style: none; }
  .playlist-list { display: grid; gap: var(--_ju-space-m); margin-block-end: var(--_ju-space-l); }
  .steps { margin: 0; padding-inline-start: 1.5rem; }

  .step {
    padding-inline-start: var(--_ju-space-s);
    border-inline-start: 4px solid transparent;
  }

  .step > * + * { margin-inline-start: var(--_ju-space-s); }

  .step.next { border-inline-start-color: var(--_ju-color-primary); background: var(--_ju-color-info-surface); }
  .next-tag { border-color: var(--_ju-color-primary); font-weight: var(--_ju-font-weight-bold); }
`;
