// The public events of <ju-video-player>. Details carry ids and numbers only, never what is said in the video.

export interface VideoIdDetail {
  /** The API's video id, or the `src` URL when the video did not come from the API. */
  videoId: string;
}

export interface VideoProgressDetail extends VideoIdDetail {
  /** Where playback is (seconds). */
  position: number;
  /** Unique seconds watched so far (on this device and, when signed in, on the server). */
  watchedSeconds: number;
}

export interface VideoChapterDetail extends VideoIdDetail {
  /** The chapter's index (0-based) in the chapters track. */
  index: number;
}

declare module '@jobunivers/core' {
  interface JuEventDetailMap {
    'ju-video-play': VideoIdDetail;
    'ju-video-progress': VideoProgressDetail;
    'ju-video-completed': VideoIdDetail;
    'ju-video-chapter': VideoChapterDetail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ju-video-play': CustomEvent<VideoIdDetail>;
    'ju-video-progress': CustomEvent<VideoProgressDetail>;
    'ju-video-completed': CustomEvent<VideoIdDetail>;
    'ju-video-chapter': CustomEvent<VideoChapterDetail>;
  }
}
