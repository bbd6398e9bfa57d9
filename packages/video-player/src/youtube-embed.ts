// A YouTube video (`youtube-id`): a notice first, and the youtube-nocookie.com player only after the citizen
// agrees. Loaded only by players given a YouTube id, with its Danish strings and styles.
import { css, html, nothing, type CSSResult, type TemplateResult } from 'lit';
import type { Translate } from '@jobunivers/core';
import daStrings from './locales/da-youtube.json';
import { addDanishStrings } from './locales/register.js';

/** Adds the notice's Danish strings (English and Arabic come with the player's whole language files). */
export function addStrings(): void {
  addDanishStrings(daStrings);
}

export const styles: CSSResult[] = [css`
  .youtube {
    grid-area: 1 / 1;
    width: 100%;
    max-height: var(--ju-video-player-max-height, 70vh);
    aspect-ratio: 16 / 9;
    border: 0;
    background: var(--_stage);
  }

  .notice {
    margin: 0;
    padding: var(--_ju-space-m);
    border: 1px solid var(--_ju-color-border);
    border-radius: var(--_ju-radius);
  }

  .notice-title {
    font-weight: var(--_ju-font-weight-bold);
  }
`];

export interface YoutubeView {
  t: Translate;
  /** A checked YouTube id (11 characters). */
  id: string;
  label: string | undefined;
  accepted: boolean;
  accept: () => void;
}

export function renderYoutube({ t, id, label, accepted, accept }: YoutubeView): TemplateResult {
  if (accepted) {
    return html`<div class="stage"><iframe part="video" class="youtube" src=${`https://www.youtube-nocookie.com/embed/${id}?autoplay=1`}
      title=${label ?? t('player.label')} allow="autoplay; encrypted-media; picture-in-picture; fullscreen" allowfullscreen
      referrerpolicy="strict-origin-when-cross-origin"></iframe></div>`;
  }
  return html`
    <div part="notice" class="notice">
      ${label ? html`<p class="notice-title">${label}</p>` : nothing}
      <p>${t('youtube.notice')}</p>
      <button type="button" class="ju-button" @click=${accept}>${t('youtube.play')}</button>
    </div>`;
}
