// The caseworker's calls of the contract (docs/contract.md "CV"): the CVs shared with the job centre, and one of
// them as JSON Resume. Only types come from @jobunivers/contract; nothing of it ends up in the bundle.
import type { ApiClient } from '@jobunivers/core';
import type { SharedCv, SharedCvList } from '@jobunivers/contract';
import type { Cv } from '../model/cv.js';
import { fromJsonResume } from '../model/json-resume.js';

export type { SharedCv } from '@jobunivers/contract';

/** The server answered with something that is not a CV this widget can read. Holds no CV text. */
export class UnreadableCvError extends Error {
  override readonly name = 'UnreadableCvError';
}

export class CvViewerApi {
  readonly #client: ApiClient;

  constructor(client: ApiClient) {
    this.#client = client;
  }

  /** The CVs shared with the job centre, most recently updated first. */
  async list(signal?: AbortSignal): Promise<SharedCv[]> {
    return (await this.#client.get<SharedCvList>('v1/cvs', signal === undefined ? {} : { signal })).data.items;
  }

  /** One citizen's shared CV. Rejects with `ApiError` 404 when the citizen no longer shares it. */
  async cv(citizenId: string, signal?: AbortSignal): Promise<Cv> {
    const response = await this.#client.get<unknown>(`v1/cvs/${encodeURIComponent(citizenId)}`, signal === undefined ? {} : { signal });
    const converted = fromJsonResume(response.data);
    if (!converted.ok) throw new UnreadableCvError('The shared CV is not a JSON Resume document this widget can read.');
    return converted.cv;
  }
}
