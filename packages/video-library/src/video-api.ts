// The video library's calls of the contract (docs/contract.md "Video library"), typed. Only types come from
// @jobunivers/contract; nothing of it ends up in the bundle.
import type { ApiClient } from '@jobunivers/core';
import type { PlaylistList, Video, VideoFilters, VideoPage, VideoProgressList } from '@jobunivers/contract';

export type { Playlist, Video, VideoFilters, VideoListItem, VideoMatch, VideoPage, VideoProgress, VideoSummary } from '@jobunivers/contract';

/** What the citizen searched and filtered by; every key is optional and combines with AND. */
export interface VideoSearch {
  q?: string | undefined;
  topic?: string | undefined;
  targetGroup?: string | undefined;
  language?: string | undefined;
  length?: string | undefined;
  kind?: string | undefined;
}

export const FILTER_KEYS = ['topic', 'targetGroup', 'length', 'language', 'kind'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** Cards per page: what fits two screens on a phone and keeps each render short. */
export const PAGE_SIZE = 24;

export class VideoApi {
  readonly #client: ApiClient;

  constructor(client: ApiClient) {
    this.#client = client;
  }

  async videos(search: VideoSearch, cursor: string | undefined, signal: AbortSignal): Promise<VideoPage> {
    const query = { ...search, limit: PAGE_SIZE, cursor };
    return (await this.#client.get<VideoPage>('v1/videos', { query, signal })).data;
  }

  async video(id: string): Promise<Video> {
    return (await this.#client.get<Video>(`v1/videos/${encodeURIComponent(id)}`)).data;
  }

  async filters(): Promise<VideoFilters> {
    return (await this.#client.get<VideoFilters>('v1/videos/filters')).data;
  }

  async playlists(): Promise<PlaylistList['items']> {
    return (await this.#client.get<PlaylistList>('v1/video-playlists')).data.items;
  }

  async progress(): Promise<VideoProgressList['items']> {
    return (await this.#client.get<VideoProgressList>('v1/me/video-progress')).data.items;
  }
}
