// An in-browser stand-in for the caseworker's CV routes of the contract (packages/contract/src/schemas/cv.ts):
// `GET /v1/cvs` and `GET /v1/cvs/{citizenId}` answered like the reference server (JSON Resume, problem+json, 404
// once consent is withdrawn), for the viewer's tests and stories. Records every request.
import type { SharedCv } from '@jobunivers/contract';
import { emptyCv, type Cv } from '../src/model/cv.js';
import { toJsonResume } from '../src/model/json-resume.js';
import { completeCv } from './preview-fixtures.js';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Headers;
}

export interface FakeCitizen {
  citizenId: string;
  firstName: string;
  cv: Cv;
  updatedAt: string;
  sharedAt: string;
  /** False once the citizen withdrew consent (the CV is then a 404 and leaves the list). */
  shared: boolean;
}

type Failure = { status: number; code: string } | 'network' | 'never' | 'not-json';

/** Bearer tokens starting with this are caseworkers'; any other token is a citizen's (403 on these routes). */
export const CASEWORKER_TOKEN = 'caseworker-token';

const named = (name: string, from: Cv = emptyCv()): Cv => ({ ...from, contact: { ...from.contact, name } });

/** Three citizens: Amira with a complete CV, Jens with a short one, Søren who has not written a name in his CV. */
export function demoCitizens(): FakeCitizen[] {
  return [
    { citizenId: 'c-amira', firstName: 'Amira', cv: completeCv(), updatedAt: '2026-11-20T09:30:00Z', sharedAt: '2026-11-01T08:00:00Z', shared: true },
    { citizenId: 'c-jens', firstName: 'Jens', cv: named('Jens Holm Nielsen'), updatedAt: '2026-11-10T12:00:00Z', sharedAt: '2026-10-15T10:00:00Z', shared: true },
    { citizenId: 'c-soeren', firstName: 'Søren', cv: emptyCv(), updatedAt: '2026-10-01T07:00:00Z', sharedAt: '2026-09-30T07:00:00Z', shared: true },
  ];
}

export class FakeCvViewerServer {
  readonly requests: RecordedRequest[] = [];
  citizens: FakeCitizen[];
  latencyMs = 0;
  readonly #failures = new Map<string, { failure: Failure; sticky: boolean }>();

  constructor(citizens: FakeCitizen[] = demoCitizens()) {
    this.citizens = citizens;
  }

  /** Fails `METHOD /path` once (or every time when `sticky`); `GET *` fails every GET. */
  fail(route: string, failure: Failure, sticky = false): void {
    this.#failures.set(route, { failure, sticky });
  }

  /** The citizen withdraws consent. */
  revoke(citizenId: string): void {
    const citizen = this.citizens.find((candidate) => candidate.citizenId === citizenId);
    if (citizen) citizen.shared = false;
  }

  requestsTo(path: string): RecordedRequest[] {
    return this.requests.filter((request) => request.path === path);
  }

  /** Replaces `window.fetch`; returns the function that puts the real one back. */
  install(): () => void {
    const original = window.fetch.bind(window);
    window.fetch = (input, init) => this.fetch(input, init);
    return () => { window.fetch = original; };
  }

  readonly fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const method = init.method ?? 'GET';
    const path = url.pathname.replace(/^.*?\/v1\//, '/v1/');
    const headers = new Headers(init.headers);
    this.requests.push({ method, path, headers });
    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
    if (init.signal?.aborted === true) throw new DOMException('Aborted', 'AbortError');
    const failure = this.#failures.get(`${method} ${path}`) ?? this.#failures.get(`${method} *`);
    if (failure !== undefined) {
      if (!failure.sticky) this.#failures.delete(this.#failures.has(`${method} ${path}`) ? `${method} ${path}` : `${method} *`);
      if (failure.failure === 'network') throw new TypeError('Failed to fetch');
      if (failure.failure === 'never') return new Promise<Response>(() => undefined);
      if (failure.failure === 'not-json') return json(200, { basics: 'not an object' });
      return problem(failure.failure.status, failure.failure.code);
    }
    const token = /^Bearer (.+)$/.exec(headers.get('Authorization') ?? '')?.[1];
    if (token === undefined) return problem(401, 'unauthenticated');
    if (!token.startsWith(CASEWORKER_TOKEN)) return problem(403, 'forbidden');
    if (method !== 'GET') return problem(405, 'method-not-allowed');
    if (path === '/v1/cvs') {
      const items: SharedCv[] = this.citizens
        .filter((citizen) => citizen.shared)
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
        .map(({ citizenId, firstName, cv, updatedAt, sharedAt }) => ({ citizenId, firstName, name: cv.contact.name === '' ? null : cv.contact.name, updatedAt, sharedAt }));
      return json(200, { items });
    }
    const one = /^\/v1\/cvs\/([^/]+)$/.exec(path);
    const citizen = one === null ? undefined : this.citizens.find((candidate) => candidate.citizenId === decodeURIComponent(one[1]));
    if (citizen === undefined || !citizen.shared) return problem(404, 'not-found');
    return json(200, toJsonResume(citizen.cv));
  };
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function problem(status: number, code: string): Response {
  return new Response(JSON.stringify({ type: `https://jobunivers.dk/problems/${code}`, title: code, status, code }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}
