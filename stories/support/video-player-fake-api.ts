/// <reference types="vite/client" />
// A fake video API for the <ju-video-player> stories: `GET /v1/videos/{id}` answers with the test clip (6 s, made by
// ffmpeg) and its WebVTT tracks, served by Vite from packages/video-player/test/fixtures; `PUT …/progress` is accepted.
import type { Video } from '@jobunivers/contract';
import clip from '../../packages/video-player/test/fixtures/clip.webm?url';
import clipSmall from '../../packages/video-player/test/fixtures/clip-small.webm?url';
import clipAudio from '../../packages/video-player/test/fixtures/clip-audio.webm?url';
import captionsDa from '../../packages/video-player/test/fixtures/captions.da.vtt?url';
import captionsEn from '../../packages/video-player/test/fixtures/captions.en.vtt?url';
import chaptersDa from '../../packages/video-player/test/fixtures/chapters.da.vtt?url';
import descriptionsDa from '../../packages/video-player/test/fixtures/descriptions.da.vtt?url';
import { mountFake } from './fake-fetch-router.js';

const absolute = (url: string): string => new URL(url, location.href).href;

/** The clip's own URLs (for stories that use `src` and `<track>` children). */
export const STORY_MEDIA = {
  clip: absolute(clip),
  captionsDa: absolute(captionsDa),
  captionsEn: absolute(captionsEn),
  chaptersDa: absolute(chaptersDa),
};

export function storyVideo(overrides: Partial<Video> = {}): Video {
  return {
    id: 'brug-jobloggen', kind: 'guide', title: 'Sådan bruger du jobloggen', description: 'Hvordan du udfylder jobloggen.',
    topic: { id: 'joblog', label: 'Joblog' }, targetGroups: [{ id: 'dagpenge', label: 'Dagpenge' }], language: 'da', duration: 6,
    length: 'short', posterUrl: null, captions: ['da', 'en'], audioDescription: true, signLanguage: false, publishedAt: '2026-11-01', progress: null,
    renditions: [
      { kind: 'standard', url: absolute(clip), type: 'video/webm', bytes: 29_417 },
      { kind: 'small', url: absolute(clipSmall), type: 'video/webm', bytes: 22_691 },
      { kind: 'audio', url: absolute(clipAudio), type: 'audio/webm', bytes: 6_383 },
    ],
    tracks: [
      { kind: 'captions', language: 'da', label: 'Dansk', url: absolute(captionsDa) },
      { kind: 'captions', language: 'en', label: 'English', url: absolute(captionsEn) },
      { kind: 'chapters', language: 'da', label: 'Dansk', url: absolute(chaptersDa) },
      { kind: 'descriptions', language: 'da', label: 'Dansk', url: absolute(descriptionsDa) },
    ],
    transcripts: [],
    ...overrides,
  };
}

export type FakeVideoAnswer = 'ok' | 'slow' | 'failing';

/** A fresh fake API answering with `video` (or never, or failing); returns its `api` URL. */
export function fakeVideoApi(video: Video = storyVideo(), answer: FakeVideoAnswer = 'ok'): string {
  return mountFake('video.fake.invalid', {
    fetch: (_input, init) => {
      if (answer === 'slow') return new Promise<Response>(() => undefined);
      if (answer === 'failing') {
        return Promise.resolve(new Response(JSON.stringify({ type: 'about:blank', code: 'server-error', status: 503, title: 'Unavailable' }), {
          status: 503, headers: { 'Content-Type': 'application/problem+json' },
        }));
      }
      if (init?.method === 'PUT') {
        return Promise.resolve(Response.json({ videoId: video.id, position: 0, watched: [], watchedSeconds: 0, completed: false, completedAt: null, updatedAt: new Date().toISOString() }));
      }
      return Promise.resolve(Response.json(video));
    },
  });
}
