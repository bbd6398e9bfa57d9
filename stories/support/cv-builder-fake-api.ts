// Set-up for the CV stories: a fresh browser store per story render (seeded with a draft when the story needs one)
// and fake servers for the citizen's CV routes and the caseworker's, each under its own base URL (see
// fake-fetch-router.ts), so stories never see each other's data.
import { CvDraftStore } from '../../packages/cv-builder/src/storage/draft-store.js';
import { toJsonResume } from '../../packages/cv-builder/src/model/json-resume.js';
import type { Cv } from '../../packages/cv-builder/src/model/cv.js';
import { FakeCvServer } from '../../packages/cv-builder/test/support/sync-fake-cv-server.js';
import { FakeCvViewerServer, demoCitizens, type FakeCitizen } from '../../packages/cv-builder/test/viewer-fake-server.js';
import { mountFake } from './fake-fetch-router.js';

/** A citizen's token as the fake CV server expects it. */
export const STORY_CITIZEN_TOKEN = 'citizen-story';
/** A caseworker's token as the fake viewer server expects it. */
export { CASEWORKER_TOKEN as STORY_CASEWORKER_TOKEN } from '../../packages/cv-builder/test/viewer-fake-server.js';

let stores = 0;

/** A store name no other story render uses; `draft` is saved in it first (as if the citizen had typed it). */
export async function storyStore(draft?: Cv, sync?: { etag: string; syncedHash: string }): Promise<string> {
  stores += 1;
  const name = `story-cv-${String(Date.now())}-${String(stores)}`;
  if (draft !== undefined || sync !== undefined) {
    const store = await CvDraftStore.open({ name });
    if (draft !== undefined) {
      store.schedule(draft);
      await store.flush();
    }
    if (sync !== undefined) await store.saveSyncState(sync);
    store.close();
  }
  return name;
}

/** A fake CV server holding `serverCv` (if any) and the `api` URL that reaches it. */
export function fakeCvApi(serverCv?: Cv): { api: string; server: FakeCvServer } {
  const server = new FakeCvServer();
  if (serverCv !== undefined) server.saveFromAnotherDevice(toJsonResume(serverCv));
  return { api: mountFake('cv.fake.invalid', server), server };
}

/** The caseworker's fake: citizens who shared their CV (three by default). */
export function fakeCvViewerApi(citizens: FakeCitizen[] = demoCitizens()): string {
  return mountFake('cv-viewer.fake.invalid', new FakeCvViewerServer(citizens));
}
