// One video in the catalogue: a card (an <article> whose heading is the button that opens it). The search matches
// inside it come from match-view.ts, loaded with the first search.
import { html, nothing, type TemplateResult } from 'lit';
import { clock, spokenDuration } from './time.js';
import { languageName, type LibraryView } from './view.js';
import type { VideoListItem, VideoSummary } from './video-api.js';

export const titleId = (video: VideoSummary, prefix = 'v'): string => `${prefix}-${video.id}`;

/** The duration as "2:13" on screen and "2 min. 13 sek." for screen readers. */
export function renderDuration(seconds: number, view: LibraryView): TemplateResult {
  return html`<span aria-hidden="true">${clock(seconds)}</span><span class="ju-visually-hidden">${spokenDuration(seconds, view.t)}</span>`;
}

/** "Fortsæt (1:23)" with a bar, or "Set": only for a signed-in citizen. */
export function renderProgress(video: VideoSummary, view: LibraryView): TemplateResult | typeof nothing {
  const progress = view.signedIn ? view.progressOf(video) : null;
  if (progress === null) return nothing;
  if (progress.completed) return html`<p class="status done" part="status"><span aria-hidden="true">✓ </span>${view.t('card.completed')}</p>`;
  if (progress.position < 1) return nothing;
  return html`<div class="status" part="status">
    <span>${view.t('card.continue', { time: clock(progress.position) })}</span>
    <progress max=${video.duration} .value=${Math.min(progress.position, video.duration)} aria-label=${view.t('card.progress')}></progress>
  </div>`;
}

function renderBadges(video: VideoSummary, view: LibraryView): TemplateResult | typeof nothing {
  const { t, language } = view;
  const badges = [
    video.captions.length > 0 ? t('card.captions', { languages: video.captions.map((code) => languageName(code, language)).join(', ') }) : undefined,
    video.audioDescription ? t('card.audioDescription') : undefined,
    video.signLanguage ? t('card.signLanguage') : undefined,
  ].filter((badge) => badge !== undefined);
  return badges.length === 0 ? nothing : html`<ul class="badges" part="badges" aria-label=${t('card.accessibility')}>${badges.map((badge) => html`<li>${badge}</li>`)}</ul>`;
}

const emptyPoster = html`<div class="poster" aria-hidden="true"></div>`;

/**
 * A catalogue card. `prefix` keeps ids unique when the same video shows in two lists. There is no whitespace
 * between the tags (lines break inside them): a list of 500 cards would otherwise carry 5,000 empty text nodes.
 */
export function renderCard(video: VideoSummary | VideoListItem, view: LibraryView, prefix = 'v', playlistId?: string): TemplateResult {
  const { t, language } = view;
  const id = titleId(video, prefix);
  const poster = view.media(video.posterUrl);
  const matches = 'matches' in video ? video.matches : [];
  const groups = video.targetGroups.map((group) => group.label).join(', ');
  return html`<article class="card" part="card" data-video=${video.id}
    ><h4 class="card-title" id=${id}
      ><button type="button" class="open" part="open" @click=${(event: Event) => { view.open(video, event.currentTarget, undefined, playlistId); }}
        >${video.title}</button></h4
    >${poster === undefined ? emptyPoster : html`<img class="poster" part="poster" src=${poster} alt="" loading="lazy" decoding="async" width="320" height="180">`}<p class="meta"
      >${renderDuration(video.duration, view)}<span aria-hidden="true"> · </span><span class="ju-visually-hidden">, </span>${video.topic.label}</p
    ><p class="meta"
      >${groups === '' ? nothing : html`${t('card.targetGroups', { groups })}<br>`}${t('card.language', { language: languageName(video.language, language) })}</p
    >${renderBadges(video, view)}${renderProgress(video, view)}${matches.length === 0 || view.renderMatches === undefined ? nothing : view.renderMatches(video, matches, id)}</article>`;
}

/** A placeholder card while the first page loads. */
export const skeletonCard = html`<li class="skeleton" part="skeleton"><div class="poster"></div><div class="line"></div><div class="line short"></div></li>`;

/** Where the id of the element to focus for `video` is, in a given list (used by "Tilbage til videoerne"). */
export const openButtonSelector = (video: string, prefix = 'v'): string => `[id="${CSS.escape(`${prefix}-${video}`)}"] button`;
