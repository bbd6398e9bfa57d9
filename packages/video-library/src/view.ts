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

const languageNames = new Map<string, Map<string, string>>();

/** "dansk", "Danish", "الدنماركية": a language named in the reader's language (remembered: `Intl.DisplayNames` is slow). */
export function languageName(code: string, inLanguage: string): string {
  let names = languageNames.get(inLanguage);
  if (names === undefined) {
    names = new Map();
    languageNames.set(inLanguage, names);
  }
  let name = names.get(code);
  if (name === undefined) {
    name = new Intl.DisplayNames([inLanguage], { type: 'language' }).of(code) ?? code;
    names.set(code, name);
  }
  return name;
}

/**
 * `t` remembering its answers for one render: the cards of a list ask for the same few strings ("Tale: dansk",
 * "30 sek.") over and over, and each translation through i18next costs more than the rest of a card.
 */
export function rememberingTranslate(t: Translate): Translate {
  const said = new Map<string, string>();
  return (key, options) => {
    const id = options === undefined ? key : `${key}\u0000${JSON.stringify(options)}`;
    let text = said.get(id);
    if (text === undefined) {
      text = t(key, options);
      said.set(id, text);
    }
    return text;
  };
}
