// Why a video is a search result: the sentences where the words occur, the words marked, each with "Afspil fra
// 02:13" (and the caseworker's "Kopiér link"). Loaded together with the first search's answer.
import { css, html, nothing, type TemplateResult } from 'lit';
import { clock } from './time.js';
import type { LibraryView } from './view.js';
import type { VideoMatch, VideoSummary } from './video-api.js';
import daStrings from './locales/da-match.json';
import { addDanishStrings } from './locales/register.js';

/** `text` split into plain and marked parts by `marks` (`[from, to)` UTF-16 offsets), overlaps merged. */
export function markedParts(text: string, marks: readonly (readonly [number, number])[]): { text: string; marked: boolean }[] {
  const ranges = marks
    .map(([from, to]) => [Math.max(0, Math.min(from, text.length)), Math.max(0, Math.min(to, text.length))] as const)
    .filter(([from, to]) => to > from)
    .sort((a, b) => a[0] - b[0]);
  const parts: { text: string; marked: boolean }[] = [];
  let at = 0;
  for (const [from, to] of ranges) {
    if (to <= at) continue;
    if (from > at) parts.push({ text: text.slice(at, from), marked: false });
    parts.push({ text: text.slice(Math.max(from, at), to), marked: true });
    at = to;
  }
  if (at < text.length) parts.push({ text: text.slice(at), marked: false });
  return parts;
}

function renderMatch(video: VideoSummary, match: VideoMatch, view: LibraryView, describedBy: string): TemplateResult {
  const { t } = view;
  const start = match.start;
  const link = start === null ? undefined : view.shareLink(video.id, start);
  return html`<li class="match" part="match">
    <span class="match-field">${t(`match.${match.field}`)}</span>
    <span class="match-text" lang=${match.language}>${markedParts(match.text, match.marks).map((part) => part.marked ? html`<mark>${part.text}</mark>` : part.text)}</span>
    ${start === null ? nothing : html`<span class="match-actions">
      <button type="button" class="ju-button ju-button--secondary" aria-describedby=${describedBy}
        @click=${(event: Event) => { view.open(video, event.currentTarget, start); }}>${t('match.play', { time: clock(start, true) })}</button>
      ${link === undefined ? nothing : html`<button type="button" class="ju-button ju-button--quiet" aria-describedby=${describedBy}
        @click=${() => { view.copy(link); }}>${t('share.copy')}</button>`}
    </span>`}
  </li>`;
}

/** The matches of one card; `describedBy` is the id of the card's title, so each button says which video it plays. */
export function renderMatches(video: VideoSummary, matches: readonly VideoMatch[], view: LibraryView, describedBy: string): TemplateResult {
  return html`<ul class="matches" aria-label=${view.t('match.heading')}>${matches.map((match) => renderMatch(video, match, view, describedBy))}</ul>`;
}

/** Registers this view's Danish strings; called when the module arrives. */
export function addStrings(): void {
  addDanishStrings(daStrings);
}

export const styles = css`
  :host {
    --_ju-video-mark: var(--ju-video-library-mark, #fff09e);
    --_ju-video-mark-text: #1a1a1a;
  }

  :host([data-ju-theme='dark']) {
    --_ju-video-mark: var(--ju-video-library-mark, #5c4f00);
    --_ju-video-mark-text: #ffffff;
  }

  .matches { margin: 0; padding: 0; list-style: none; }
  .match-field { color: var(--_ju-color-text-subtle); font-size: var(--_ju-font-size-small); }

  .match {
    margin-block-start: var(--_ju-space-s);
    padding-block-start: var(--_ju-space-s);
    border-block-start: 1px solid var(--_ju-color-border-subtle);
  }

  .match-field, .match-text { display: block; }
  .match-actions { display: flex; flex-wrap: wrap; gap: var(--_ju-space-xs); margin-block-start: var(--_ju-space-xs); }

  mark {
    background: var(--_ju-video-mark);
    color: var(--_ju-video-mark-text);
    font-weight: var(--_ju-font-weight-bold);
  }

  /* The tokens switch to system colours by themselves; marked words need the system's own. */
  @media (forced-colors: active) {
    mark { background: Mark; color: MarkText; forced-color-adjust: none; }
  }
`;
