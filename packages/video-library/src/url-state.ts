// The library's state in the page URL, for hosts that opt in with `url-state`: a search can be bookmarked and
// shared, and the browser's Back button leaves an opened video. Every parameter is prefixed `ju-video`, so the
// host's own parameters are never read or changed.
import { FILTER_KEYS, type VideoSearch } from './video-api.js';

export interface LibraryLocation {
  search: VideoSearch;
  /** The open video, if any, and where to start it (seconds). */
  videoId?: string | undefined;
  start?: number | undefined;
  /** The learning path the video was opened from. */
  playlistId?: string | undefined;
}

const SEARCH_PARAMS: Record<keyof VideoSearch, string> = {
  q: 'ju-video-q',
  topic: 'ju-video-topic',
  targetGroup: 'ju-video-target-group',
  length: 'ju-video-length',
  language: 'ju-video-language',
  kind: 'ju-video-kind',
};
const VIDEO = 'ju-video';
const START = 'ju-video-t';
const PLAYLIST = 'ju-video-playlist';
/** Marks the history entries this widget pushed, so "Tilbage" can go back instead of adding another entry. */
export const HISTORY_MARK = 'juVideoLibrary';

export function readLocation(href: string): LibraryLocation {
  const params = new URL(href).searchParams;
  const value = (name: string): string | undefined => params.get(name)?.trim() || undefined;
  const search: VideoSearch = {};
  for (const key of ['q', ...FILTER_KEYS] as const) search[key] = value(SEARCH_PARAMS[key]);
  const start = Number(value(START));
  return {
    search,
    videoId: value(VIDEO),
    start: Number.isFinite(start) && start > 0 ? start : undefined,
    playlistId: value(PLAYLIST),
  };
}

/** `href` with the library's parameters replaced by `state` (the host's own parameters and hash kept). */
export function hrefFor(href: string, state: LibraryLocation): string {
  const url = new URL(href);
  const set = (name: string, value: string | number | undefined): void => {
    if (value === undefined || value === '') url.searchParams.delete(name);
    else url.searchParams.set(name, String(value));
  };
  for (const key of ['q', ...FILTER_KEYS] as const) set(SEARCH_PARAMS[key], state.search[key]);
  set(VIDEO, state.videoId);
  set(START, state.start === undefined ? undefined : Math.floor(state.start));
  set(PLAYLIST, state.videoId === undefined ? undefined : state.playlistId);
  return url.href;
}

/** Writes `state` into the page URL: `push` for opening a video (Back returns), `replace` while typing. */
export function writeLocation(state: LibraryLocation, mode: 'push' | 'replace'): void {
  const href = hrefFor(location.href, state);
  if (href === location.href && mode === 'push') return;
  const previous: unknown = history.state;
  const base = previous !== null && typeof previous === 'object' ? previous : {};
  const entry = { ...base, [HISTORY_MARK]: state.videoId === undefined ? 'list' : 'open' };
  if (mode === 'push') history.pushState(entry, '', href);
  else history.replaceState(entry, '', href);
}

/** True when the current history entry is an opened video this widget pushed. */
export function isOwnOpenEntry(): boolean {
  const current: unknown = history.state;
  return current !== null && typeof current === 'object' && (current as Record<string, unknown>)[HISTORY_MARK] === 'open';
}
