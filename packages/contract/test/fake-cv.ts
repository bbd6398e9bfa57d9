/// <reference types="node" />
/* eslint-disable @typescript-eslint/no-confusing-void-expression -- the fake router answers with `return send(…)` / `return problem(…)`. */
/**
 * The CV for the fake server: one JSON Resume document per citizen (validated with the contract's own schema, stored
 * as the text sent), ETag versions, sharing with the assigned caseworker — correct unless a break says otherwise.
 * Citizen-1 starts with a shared CV, like the reference server's demo citizen, so the tests can check that a run puts
 * it back.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Value } from 'typebox/value';
import { CvShareConsent, JsonResume } from '../src/schemas/index.js';
import type { Break } from './fake-server.js';

type FieldError = { pointer: string; code: string };
interface CvUser { id: string; role: 'citizen' | 'caseworker' }

export interface CvDeps {
  breaks: ReadonlySet<Break>;
  send: (res: ServerResponse, status: number, body: unknown, headers?: Record<string, string>) => undefined;
  problem: (res: ServerResponse, status: number, code: string, extra?: Record<string, unknown>, headers?: Record<string, string>) => undefined;
  invalid: (res: ServerResponse, errors: FieldError[]) => undefined;
  /** Verifies a JWT (answers 401 itself when it fails). */
  authenticate: (req: IncomingMessage, res: ServerResponse) => Promise<CvUser | undefined>;
  assigned: Record<string, string[]>;
  firstName: (userId: string) => string;
}

interface StoredCv {
  text: string;
  version: number;
  updatedAt: string;
  sharedAt: string | null;
  /** Break `cv-revoke-ignored`: what the caseworker still sees after a revoke. */
  leakedAt: string | null;
}

export const FAKE_SEED_CV = {
  basics: { name: 'Mette Jensen', label: 'Butiksassistent', summary: 'Erfaren butiksassistent.' },
  work: [{ name: 'Brugsen', position: 'Butiksassistent', startDate: '2012-08' }],
  'x-jobunivers': { version: 1, jobTitles: [{ id: 'jt-1', title: 'Butiksassistent' }] },
};

const STANDARD = new Set(['$schema', 'basics', 'work', 'volunteer', 'education', 'awards', 'certificates', 'publications', 'skills', 'languages', 'interests', 'references', 'projects', 'meta']);

export function fakeCv(deps: CvDeps): { handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<undefined> } {
  const { breaks, send, problem, invalid } = deps;
  const seededAt = new Date(Date.now() - 86_400_000).toISOString();
  const cvs = new Map<string, StoredCv>([['citizen-1', { text: JSON.stringify(FAKE_SEED_CV), version: 3, updatedAt: seededAt, sharedAt: seededAt, leakedAt: null }]]);
  const limit = breaks.has('cv-64k-limit') ? 64 * 1024 : 512 * 1024;
  const keptConsent = new Map<string, string>();

  async function readBody(req: IncomingMessage, res: ServerResponse, max: number): Promise<{ value: unknown } | undefined> {
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) return problem(res, 415, 'unsupported-media-type');
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      chunks.push(chunk as Buffer);
    }
    if (size > max) return problem(res, 413, 'payload-too-large');
    try {
      return { value: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown };
    } catch {
      return problem(res, 400, 'malformed-json');
    }
  }

  const etag = (cv: StoredCv): string => `"${String(cv.version)}"`;
  const answer = (res: ServerResponse, cv: StoredCv): undefined => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', etag: etag(cv) });
    res.end(cv.text);
    return undefined;
  };
  const share = (cv: StoredCv | undefined) => ({ shared: cv?.sharedAt != null, sharedAt: cv?.sharedAt ?? null });
  const visibleTo = (caseworkerId: string, citizenId: string): StoredCv | undefined => {
    const cv = cvs.get(citizenId);
    if (cv === undefined || (cv.sharedAt ?? cv.leakedAt) === null) return undefined;
    if (!breaks.has('cv-unassigned-visible') && !(deps.assigned[caseworkerId] ?? []).includes(citizenId)) return undefined;
    return cv;
  };

  /** The stored text: as sent, or (break) with the fields this fake does not know left out. */
  function textOf(value: Record<string, unknown>): string {
    if (!breaks.has('cv-drops-unknown-fields')) return JSON.stringify(value);
    return JSON.stringify(Object.fromEntries(Object.entries(value).filter(([key]) => STANDARD.has(key))));
  }

  async function putCv(req: IncomingMessage, res: ServerResponse, userId: string): Promise<undefined> {
    const body = await readBody(req, res, limit);
    if (body === undefined) return;
    const errors = [...Value.Errors(JsonResume, body.value)]
      .filter((error) => !(breaks.has('cv-bad-dates-accepted') && error.keyword === 'pattern'))
      .map((error) => ({ pointer: error.instancePath, code: error.keyword }));
    if (errors.length > 0) return invalid(res, errors);
    const value = body.value as Record<string, unknown>;
    const ifMatch = req.headers['if-match'];
    const ifNoneMatch = req.headers['if-none-match'];
    const current = cvs.get(userId);
    const now = new Date().toISOString();
    if (ifNoneMatch === '*' && ifMatch === undefined) {
      if (current !== undefined && !breaks.has('cv-create-overwrites')) return problem(res, 412, 'etag-mismatch');
      const created: StoredCv = { text: textOf(value), version: (current?.version ?? 0) + 1, updatedAt: now, sharedAt: current?.sharedAt ?? keptConsent.get(userId) ?? null, leakedAt: null };
      cvs.set(userId, created);
      return answer(res, created);
    }
    if (ifMatch === undefined) {
      if (!breaks.has('cv-precondition-optional') || current === undefined) return problem(res, 428, 'precondition-required');
    } else {
      if (current === undefined) return problem(res, 412, 'etag-mismatch');
      if (ifMatch !== etag(current) && !breaks.has('cv-stale-accepted')) return problem(res, 412, 'etag-mismatch');
    }
    // Break: the version is checked, then written a moment later, so writes that arrive together all pass the check.
    if (breaks.has('cv-racy-update')) await new Promise((resolve) => setTimeout(resolve, 100));
    current.text = textOf(value);
    current.version++;
    current.updatedAt = now;
    return answer(res, current);
  }

  async function handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<undefined> {
    const path = url.pathname;
    const method = req.method ?? 'GET';
    const user = await deps.authenticate(req, res);
    if (user === undefined) return;
    if (path === '/v1/me/cv' || path === '/v1/me/cv/share') {
      if (user.role !== 'citizen' && !breaks.has('cv-caseworker-has-cv')) return problem(res, 403, 'forbidden');
      const cv = cvs.get(user.id);
      if (path === '/v1/me/cv') {
        if (method === 'GET') {
          if (cv === undefined) return problem(res, 404, 'not-found');
          if (req.headers['if-none-match'] === etag(cv)) {
            res.writeHead(304, { etag: etag(cv) });
            res.end();
            return undefined;
          }
          return answer(res, cv);
        }
        if (method === 'PUT') return putCv(req, res, user.id);
        if (method === 'DELETE') {
          // Break: the consent outlives the CV, so the next CV is shared without being asked.
          if (breaks.has('cv-delete-keeps-share') && cv?.sharedAt != null) keptConsent.set(user.id, cv.sharedAt);
          cvs.delete(user.id);
          res.writeHead(204);
          res.end();
          return undefined;
        }
        return problem(res, 405, 'method-not-allowed');
      }
      if (method === 'GET') return send(res, 200, share(cv));
      if (method === 'PUT') {
        const body = await readBody(req, res, 64 * 1024);
        if (body === undefined) return;
        const consentBroken = breaks.has('cv-consent-unchecked');
        if (!consentBroken && !Value.Check(CvShareConsent, body.value)) {
          return invalid(res, [...Value.Errors(CvShareConsent, body.value)].map((error) => ({ pointer: error.instancePath || (error.keyword === 'required' ? '/consent' : ''), code: error.keyword })));
        }
        if (cv === undefined) return problem(res, 404, 'not-found');
        cv.sharedAt ??= new Date().toISOString();
        return send(res, 200, share(cv));
      }
      if (method === 'DELETE') {
        if (cv !== undefined) {
          if (breaks.has('cv-revoke-ignored')) cv.leakedAt = cv.sharedAt ?? cv.leakedAt;
          cv.sharedAt = null;
        }
        return send(res, 200, share(undefined));
      }
      return problem(res, 405, 'method-not-allowed');
    }
    if (method !== 'GET') return problem(res, 405, 'method-not-allowed');
    if (user.role !== 'caseworker' && !breaks.has('cv-citizen-reads-shared')) return problem(res, 403, 'forbidden');
    if (path === '/v1/cvs') {
      const items = [...cvs.entries()].flatMap(([citizenId]) => {
        const cv = visibleTo(user.id, citizenId);
        if (cv === undefined) return [];
        const name = (JSON.parse(cv.text) as { basics?: { name?: string } }).basics?.name ?? null;
        return [{ citizenId, firstName: deps.firstName(citizenId), name, updatedAt: cv.updatedAt, sharedAt: cv.sharedAt ?? cv.leakedAt }];
      }).sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1));
      return send(res, 200, { items });
    }
    const match = /^\/v1\/cvs\/([^/]+)$/.exec(path);
    if (match === null) return problem(res, 404, 'not-found');
    const cv = visibleTo(user.id, decodeURIComponent(match[1]));
    if (cv === undefined) return problem(res, 404, 'not-found');
    if (req.headers['if-none-match'] === etag(cv)) {
      res.writeHead(304, { etag: etag(cv) });
      res.end();
      return undefined;
    }
    return answer(res, cv);
  }

  return { handle };
}
