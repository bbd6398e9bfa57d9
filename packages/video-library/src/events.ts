// The public events of <ju-video-library>. Details carry ids and times only. The player's own events
// (`ju-video-play`, `ju-video-progress`, `ju-video-completed`, `ju-video-chapter`) bubble out of the library unchanged.

export interface VideoOpenDetail {
  /** The video that was opened. */
  videoId: string;
  /** Where it starts (seconds) when opened at a moment (a search match, a shared link); `null` to resume or start. */
  start: number | null;
}

declare module '@jobunivers/core' {
  interface JuEventDetailMap {
    'ju-video-open': VideoOpenDetail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ju-video-open': CustomEvent<VideoOpenDetail>;
  }
}
