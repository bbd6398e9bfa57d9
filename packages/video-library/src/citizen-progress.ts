// A signed-in citizen's progress: where they left off in each video, "Fortsæt hvor du slap", and what the player
// reports while they watch. Loaded only when there is a token, together with GET /v1/me/video-progress, so an
// anonymous visitor never pays for it.
import type { VideoApi, VideoProgress, VideoSummary } from './video-api.js';

/** Videos in "Fortsæt hvor du slap". */
const CONTINUE_COUNT = 4;

export class CitizenProgress {
  readonly #progress: Map<string, VideoProgress>;
  #continue: VideoSummary[];

  constructor(progress: VideoProgress[], started: VideoSummary[]) {
    this.#progress = new Map(progress.map((entry) => [entry.videoId, entry]));
    this.#continue = started;
  }

  /** The citizen's progress in `video`: what the player reported here, else what the server said. */
  of(video: VideoSummary): VideoProgress | null {
    return this.#progress.get(video.id) ?? video.progress;
  }

  /** "Fortsæt hvor du slap": started, not completed, most recent first. */
  get continueWatching(): VideoSummary[] {
    return this.#continue.filter((video) => this.of(video)?.completed !== true);
  }

  /** Takes in a `ju-video-progress` or `ju-video-completed` from the player. */
  record(type: string, videoId: string, position: number | undefined, video: VideoSummary | undefined): void {
    const previous = this.#progress.get(videoId) ?? video?.progress ?? null;
    const completed = type === 'ju-video-completed' || previous?.completed === true;
    const now = new Date().toISOString();
    this.#progress.set(videoId, {
      videoId,
      position: position ?? previous?.position ?? 0,
      watched: previous?.watched ?? [],
      watchedSeconds: previous?.watchedSeconds ?? 0,
      completed,
      completedAt: previous?.completedAt ?? (completed ? now : null),
      updatedAt: now,
    });
    if (!completed && video !== undefined && !this.#continue.includes(video)) this.#continue = [video, ...this.#continue].slice(0, CONTINUE_COUNT);
  }
}

/** The citizen's progress from the server, with the videos to continue (fetched when no list has them). */
export async function loadCitizenProgress(api: VideoApi, progress: VideoProgress[], known: (videoId: string) => VideoSummary | undefined): Promise<CitizenProgress> {
  const started = progress.filter((entry) => !entry.completed && entry.position > 0).slice(0, CONTINUE_COUNT);
  const videos = await Promise.all(started.map(async ({ videoId }) => known(videoId) ?? api.video(videoId).catch(() => undefined)));
  return new CitizenProgress(progress, videos.filter((video) => video !== undefined));
}
