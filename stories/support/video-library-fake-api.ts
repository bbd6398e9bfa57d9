// Fake video servers for the <ju-video-library> stories, one per story render (see fake-fetch-router.ts).
import { FakeVideoServer, type FakeVideoServerOptions } from '../../packages/video-library/test/support/fake-video-server.js';
import { mountFake, mountedFake } from './fake-fetch-router.js';

/** The signed-in citizen of the stories with progress. */
export const STORY_CITIZEN_TOKEN = 'story-citizen';
/** A caseworker (citizen-only routes answer 403). */
export const STORY_CASEWORKER_TOKEN = 'caseworker-story';

/** A fresh fake video server and the `api` URL that reaches it; `prepare` can seed progress or failures. */
export function fakeVideoApi(options: FakeVideoServerOptions = {}, prepare: (server: FakeVideoServer) => void = () => undefined): string {
  const server = new FakeVideoServer(options);
  // The posters live on the reference server, which stories do not run: show the placeholder instead of a broken image.
  for (const video of server.videos) video.summary.posterUrl = null;
  prepare(server);
  return mountFake('video.fake.invalid', server);
}

/** The server behind a story's `api` URL. */
export function fakeVideoServer(api: string): FakeVideoServer | undefined {
  const server = mountedFake(api);
  return server instanceof FakeVideoServer ? server : undefined;
}

/** The citizen has watched part of the joblog video and all of "book en samtale" (the first step of the learning path). */
export function citizenWithProgress(server: FakeVideoServer): void {
  server.setProgress(STORY_CITIZEN_TOKEN, 'brug-jobloggen', 83);
  server.setProgress(STORY_CITIZEN_TOKEN, 'skriv-et-godt-cv', 21);
  server.setProgress(STORY_CITIZEN_TOKEN, 'book-en-samtale', 39, true);
}
