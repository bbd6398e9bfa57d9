// What the player plays, whichever way it was given: a video from the API, or a web team's own file with
// <track> children. Every URL is resolved and checked here, once, before anything binds it to src or href.
import type { Video } from '@jobunivers/contract';
import { safeUrl } from '@jobunivers/core';
import type { Range } from './watched-ranges.js';

export type RenditionKind = 'standard' | 'small' | 'audio';
export type TrackKind = 'captions' | 'chapters' | 'descriptions';

export interface PlayerRendition {
  kind: RenditionKind;
  url: string;
  type?: string;
  bytes?: number;
}

export interface PlayerTrack {
  kind: TrackKind;
  language: string;
  label: string;
  url: string;
}

export interface ServerProgress {
  position: number;
  watched: Range[];
  completed: boolean;
}

export interface PlayerSource {
  /** The key resume is kept under on the device: `id:<video id>` or `src:<url>`. */
  key: string;
  /** The API's video id, when the video came from the API. */
  videoId?: string;
  title?: string;
  duration?: number;
  poster?: string;
  renditions: PlayerRendition[];
  tracks: PlayerTrack[];
  /** A ready-made transcript per language, to download. */
  transcripts: { language: string; url: string }[];
  progress?: ServerProgress;
}

/** `url` resolved against `base`, when it is http(s); anything else (javascript:, data:, file:) is refused. */
export function mediaUrl(url: string | null | undefined, base: string | URL): string | undefined {
  if (typeof url !== 'string' || url.trim() === '') return undefined;
  let resolved: URL;
  try {
    resolved = new URL(url.trim(), base);
  } catch {
    return undefined;
  }
  return /^https?:$/.test(resolved.protocol) ? safeUrl(resolved.href) : undefined;
}

const RENDITIONS: readonly RenditionKind[] = ['standard', 'small', 'audio'];
const TRACKS: readonly TrackKind[] = ['captions', 'chapters', 'descriptions'];

/** A `Video` from `GET /v1/videos/{id}`, its relative URLs resolved against the API base. */
export function sourceFromVideo(video: Video, apiBase: URL): PlayerSource {
  const renditions = video.renditions.flatMap((rendition): PlayerRendition[] => {
    const url = mediaUrl(rendition.url, apiBase);
    return url && RENDITIONS.includes(rendition.kind) ? [{ kind: rendition.kind, url, type: rendition.type, bytes: rendition.bytes }] : [];
  });
  const tracks = video.tracks.flatMap((track): PlayerTrack[] => {
    const url = mediaUrl(track.url, apiBase);
    return url ? [{ kind: track.kind, language: track.language, label: track.label, url }] : [];
  });
  const transcripts = video.transcripts.flatMap((transcript) => {
    const url = mediaUrl(transcript.url, apiBase);
    return url ? [{ language: transcript.language, url }] : [];
  });
  const source: PlayerSource = { key: `id:${video.id}`, videoId: video.id, title: video.title, duration: video.duration, renditions, tracks, transcripts };
  const poster = mediaUrl(video.posterUrl, apiBase);
  if (poster) source.poster = poster;
  if (video.progress) source.progress = { position: video.progress.position, watched: video.progress.watched, completed: video.progress.completed };
  return source;
}

/** A web team's own file: `src`, `poster` and the element's `<track>` children. */
export function sourceFromElement(host: HTMLElement, src: string, poster: string | undefined, title: string | undefined): PlayerSource | undefined {
  const base = document.baseURI;
  const url = mediaUrl(src, base);
  if (!url) return undefined;
  const tracks = [...host.querySelectorAll(':scope > track')].flatMap((element): PlayerTrack[] => {
    const kind = (element.getAttribute('kind') ?? 'subtitles').toLowerCase();
    const trackKind: TrackKind | undefined = kind === 'subtitles' ? 'captions' : TRACKS.find((known) => known === kind);
    const trackUrl = mediaUrl(element.getAttribute('src'), base);
    const language = (element.getAttribute('srclang') ?? '').toLowerCase();
    if (!trackKind || !trackUrl) return [];
    return [{ kind: trackKind, language, label: element.getAttribute('label') ?? language, url: trackUrl }];
  });
  const source: PlayerSource = { key: `src:${url}`, renditions: [{ kind: 'standard', url }], tracks, transcripts: [] };
  const posterUrl = mediaUrl(poster, base);
  if (posterUrl) source.poster = posterUrl;
  if (title) source.title = title;
  return source;
}

/** The track of `kind` in the first of `languages` that has one, else the first of that kind. */
export function pickTrack(tracks: readonly PlayerTrack[], kind: TrackKind, languages: readonly string[]): PlayerTrack | undefined {
  const ofKind = tracks.filter((track) => track.kind === kind);
  for (const language of languages) {
    const found = ofKind.find((track) => track.language === language);
    if (found) return found;
  }
  return ofKind[0];
}

/** The rendition to start with: `small` when the citizen asked to save data (and there is one), else `standard`. */
export function defaultRendition(renditions: readonly PlayerRendition[], saveData: boolean): PlayerRendition | undefined {
  const byKind = (kind: RenditionKind): PlayerRendition | undefined => renditions.find((rendition) => rendition.kind === kind);
  return (saveData ? byKind('small') : undefined) ?? byKind('standard') ?? byKind('small') ?? renditions[0];
}

/** True when the browser says the citizen wants to save data (Chromium's `navigator.connection.saveData`). */
export function prefersSavingData(): boolean {
  const connection = (navigator as Navigator & { connection?: { saveData?: boolean } }).connection;
  return connection?.saveData === true;
}
