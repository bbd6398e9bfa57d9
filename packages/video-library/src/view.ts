// What the view modules need from the element: strings, the citizen's progress, and the actions a card offers.
import type { Translate } from '@jobunivers/core';
import type { TemplateResult } from 'lit';
import type { VideoMatch, VideoProgress, VideoSummary } from './video-api.js';

export type { Translate };

export interface LibraryView {
  t: Translate;
  /** The element's language code (for `Intl.DisplayNames`). */
  language: string;
  /** A signed-in citizen: progress is shown. */
  signedIn: boolean;
  /** A media URL from the server resolved against the API and checked, or `undefined`. */
  media(url: string | null): string | undefined;
  progressOf(video: VideoSummary): VideoProgress | null;
  /** Opens a video; `opener` gets focus back when the citizen returns to the list. */
  open(video: VideoSummary, opener: EventTarget | null, start?: number, playlistId?: string): void;
  /** The caseworker's link to a moment, or `undefined` without (a safe) `share-url`. */
  shareLink(videoId: string, seconds: number): string | undefined;
  copy(link: string): void;
  /** The search matches of a card, once their module has loaded. */
  renderMatches?: ((video: VideoSummary, matches: readonly VideoMatch[], describedBy: string) => TemplateResult) | undefined;
}

const languageNames = new Map<string, Intl.DisplayNames>();

/** "dansk", "Danish", "الدنماركية": a language named in the reader's language. */
export function languageName(code: string, inLanguage: string): string {
  let names = languageNames.get(inLanguage);
  if (names === undefined) {
    names = new Intl.DisplayNames([inLanguage], { type: 'language' });
    languageNames.set(inLanguage, names);
  }
  return names.of(code) ?? code;
}
