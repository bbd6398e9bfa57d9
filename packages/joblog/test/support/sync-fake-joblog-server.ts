// An in-browser stand-in for the citizen's joblog routes of the contract (`/v1/me/joblog/...`), answering `fetch`
// by the rules of the reference server (packages/server/src/joblog/store.ts and its tests): one row per entry with
// a version that grows with every change (a deletion too) and never repeats for an id; PUT needs exactly one of
// If-Match / If-None-Match: * (428 without, 400 with both); a create revives a tombstone with the next version; a
// write that does not apply answers 412 with `current` (the entry, a tombstone or null) unless the same content is
// stored already (a retry: answered as done); DELETE needs If-Match, and deleting what is gone is 204; the feed
// lists every changed entry once in the order of its last change, with an opaque cursor that is never null.
// Every request is recorded.

import type { JoblogEntry, Requirement } from '../../src/model/entry.js';

export interface RecordedJoblogRequest {
  method: string;
  /** The path from `/v1/` on, without the query. */
  path: string;
  query: URLSearchParams;
  headers: Headers;
  body: unknown;
  /** The status answered (0 when the fake threw a network error instead). */
  status: number;
}

/** `network`: fetch rejects before the server sees the request. `lost-response`: the server does the work, then the answer is lost. */
export type Failure = 'network' | 'lost-response' | { status: number; code: string };

interface Row {
  seq: number;
  version: number;
  /** The stored text in the server's field order; null for a tombstone. */
  document: string | null;
}

/** The entry's fields in the reference server's order (`entryDocument`): the same entry always has the same text. */
const ENTRY_FIELDS = [
  'id', 'type', 'title', 'employer', 'postalCode', 'town', 'hoursPerWeek', 'applicationKind', 'method', 'activityKind', 'source',
  'sourceUrl', 'date', 'deadline', 'status', 'outcome', 'history', 'notes', 'cv', 'createdAt', 'updatedAt',
] as const;
const ALLOWED = new Set<string>([...ENTRY_FIELDS, 'version']);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function documentOf(entry: Record<string, unknown>): string {
  const fields: Record<string, unknown> = {};
  for (const field of ENTRY_FIELDS) fields[field] = entry[field];
  fields.history = (entry.history as { status: unknown; outcome: unknown; on: unknown }[]).map((change) => ({ status: change.status, outcome: change.outcome, on: change.on }));
  const cv = entry.cv as { versionId: unknown; name: unknown } | null;
  fields.cv = cv === null ? null : { versionId: cv.versionId, name: cv.name };
  return JSON.stringify(fields);
}

const cursorOf = (seq: number): string => btoa(`joblog:${String(seq)}`);

function seqOfCursor(cursor: string): number | undefined {
  try {
    const match = /^joblog:(\d+)$/.exec(atob(cursor));
    return match?.[1] === undefined ? undefined : Number(match[1]);
  } catch {
    return undefined;
  }
}

export class FakeJoblogServer {
  readonly requests: RecordedJoblogRequest[] = [];
  readonly rows = new Map<string, Row>();
  lastSeq = 0;
  requirement: Requirement | null = null;
  sharedAt: string | null = null;
  /** Record requests (off for the 10,000-entry benchmarks, to measure the client, not the fake's bookkeeping). */
  recording = true;
  readonly #failures = new Map<string, Failure[]>();

  /** The live entries as the server holds them, with their versions. */
  get entries(): (JoblogEntry & { version: number })[] {
    return [...this.rows.values()]
      .filter((row) => row.document !== null)
      .map((row) => ({ ...(JSON.parse(row.document ?? '') as JoblogEntry), version: row.version }));
  }

  entry(id: string): (JoblogEntry & { version: number }) | undefined {
    const row = this.rows.get(id);
    return row?.document == null ? undefined : { ...(JSON.parse(row.document) as JoblogEntry), version: row.version };
  }

  versionOf(id: string): number | undefined {
    return this.rows.get(id)?.version;
  }

  /** What another device does: saves `entry` unconditionally as the next version. Returns the version. */
  saveFromAnotherDevice(entry: JoblogEntry): number {
    const old = this.rows.get(entry.id);
    const version = (old?.version ?? 0) + 1;
    this.rows.set(entry.id, { seq: ++this.lastSeq, version, document: documentOf(entry as unknown as Record<string, unknown>) });
    return version;
  }

  /** Another device deletes the entry: a tombstone with the next version. */
  deleteFromAnotherDevice(id: string): number {
    const old = this.rows.get(id);
    if (old?.document == null) throw new Error(`no live entry ${id}`);
    const version = old.version + 1;
    this.rows.set(id, { seq: ++this.lastSeq, version, document: null });
    return version;
  }

  /** The next request to `METHOD /path` fails like this (queue several for several requests). Path without query. */
  fail(route: string, failure: Failure): void {
    this.#failures.set(route, [...(this.#failures.get(route) ?? []), failure]);
  }

  requestsTo(method: string, path?: string): RecordedJoblogRequest[] {
    return this.requests.filter((request) => request.method === method && (path === undefined || request.path === path));
  }

  readonly fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    await Promise.resolve();
    const url = new URL(input instanceof Request ? input.url : String(input));
    const method = init.method ?? 'GET';
    const path = url.pathname.replace(/^.*?\/v1\//, '/v1/');
    const headers = new Headers(init.headers);
    const text = typeof init.body === 'string' ? init.body : undefined;
    const recorded: RecordedJoblogRequest = { method, path, query: url.searchParams, headers, body: text === undefined ? undefined : JSON.parse(text), status: 0 };
    if (this.recording) this.requests.push(recorded);

    const failure = this.#failures.get(`${method} ${path}`)?.shift();
    if (failure === 'network') throw new TypeError('Failed to fetch');
    if (failure !== undefined && failure !== 'lost-response') {
      recorded.status = failure.status;
      return problem(failure.status, failure.code);
    }
    const response = this.#answer(method, path, url.searchParams, headers, text);
    recorded.status = response.status;
    if (failure === 'lost-response') throw new TypeError('Failed to fetch');
    return response;
  };

  #answer(method: string, path: string, query: URLSearchParams, headers: Headers, text: string | undefined): Response {
    if (!/^Bearer citizen/.test(headers.get('Authorization') ?? '')) return problem(401, 'token-invalid');
    const entryMatch = /^\/v1\/me\/joblog\/entries\/([A-Za-z0-9_-]{1,64})$/.exec(path);
    if (entryMatch?.[1] !== undefined) {
      const id = entryMatch[1];
      if (method === 'PUT') return this.#put(id, headers, text);
      if (method === 'DELETE') return this.#delete(id, headers);
      if (method === 'GET') {
        const row = this.rows.get(id);
        return row?.document == null ? problem(404, 'not-found') : entryResponse(row);
      }
      return problem(405, 'method-not-allowed');
    }
    switch (`${method} ${path}`) {
      case 'GET /v1/me/joblog/entries':
        return this.#feed(query);
      case 'GET /v1/me/joblog/requirement':
        return this.requirement === null ? problem(404, 'not-found') : json(200, this.requirement);
      case 'GET /v1/me/joblog/share':
        return json(200, this.#share());
      case 'PUT /v1/me/joblog/share': {
        const consent = text === undefined ? undefined : (JSON.parse(text) as { consent?: unknown }).consent;
        if (consent !== true) return problem(400, 'invalid-request');
        this.sharedAt ??= new Date().toISOString();
        return json(200, this.#share());
      }
      case 'DELETE /v1/me/joblog/share':
        this.sharedAt = null;
        return json(200, this.#share());
      default:
        return problem(404, 'not-found');
    }
  }

  #feed(query: URLSearchParams): Response {
    const limitText = query.get('limit');
    const limit = limitText === null ? 200 : Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) return problem(400, 'invalid-request');
    const since = query.get('since');
    const position = since === null ? 0 : seqOfCursor(since);
    if (position === undefined) return problem(400, 'invalid-cursor');
    const rows = [...this.rows.entries()].filter(([, row]) => row.seq > position).sort(([, a], [, b]) => a.seq - b.seq);
    const page = rows.slice(0, limit);
    const items = page.map(([id, row]) => (row.document === null ? JSON.stringify({ id, deleted: true, version: row.version }) : withVersion(row)));
    const end = page.at(-1)?.[1].seq ?? position;
    return new Response(`{"items":[${items.join(',')}],"nextCursor":${JSON.stringify(cursorOf(end))},"hasMore":${String(rows.length > limit)}}`, {
      status: 200,
      headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
    });
  }

  #put(id: string, headers: Headers, text: string | undefined): Response {
    let body: unknown;
    try {
      body = JSON.parse(text ?? '');
    } catch {
      return problem(400, 'malformed-json');
    }
    if (!isRecord(body) || body.id !== id || Object.keys(body).some((key) => !ALLOWED.has(key)) || ENTRY_FIELDS.some((field) => !(field in body))) {
      return problem(400, 'invalid-request');
    }
    const ifMatch = headers.get('If-Match')?.trim() ?? '';
    const ifNoneMatch = headers.get('If-None-Match')?.trim() ?? '';
    if (ifMatch !== '' && ifNoneMatch !== '') return problem(400, 'invalid-request');
    if (ifNoneMatch !== '' && ifNoneMatch !== '*') return problem(428, 'precondition-required');
    if (ifMatch === '' && ifNoneMatch === '') return problem(428, 'precondition-required');
    const document = documentOf(body);
    const row = this.rows.get(id);
    const live = row !== undefined && row.document !== null;
    const applies = ifNoneMatch === '*' ? !live : live && (ifMatch === '*' || ifMatch === `"${String(row.version)}"`);
    if (!applies) {
      if (live && row.document === document) return entryResponse(row); // a retry whose first attempt landed
      return mismatch(id, row);
    }
    const saved: Row = { seq: ++this.lastSeq, version: (row?.version ?? 0) + 1, document };
    this.rows.set(id, saved);
    return entryResponse(saved);
  }

  #delete(id: string, headers: Headers): Response {
    const ifMatch = headers.get('If-Match')?.trim() ?? '';
    if (ifMatch === '') return problem(428, 'precondition-required');
    const row = this.rows.get(id);
    if (row?.document == null) return new Response(null, { status: 204 }); // gone already
    if (ifMatch !== '*' && ifMatch !== `"${String(row.version)}"`) return mismatch(id, row);
    this.rows.set(id, { seq: ++this.lastSeq, version: row.version + 1, document: null });
    return new Response(null, { status: 204 });
  }

  #share(): { shared: boolean; sharedAt: string | null } {
    return { shared: this.sharedAt !== null, sharedAt: this.sharedAt };
  }
}

const withVersion = (row: Row): string => `${(row.document ?? '{}').slice(0, -1)},"version":${String(row.version)}}`;

function entryResponse(row: Row): Response {
  return new Response(withVersion(row), { status: 200, headers: { 'Content-Type': 'application/json; charset=utf-8', ETag: `"${String(row.version)}"` } });
}

function mismatch(id: string, row: Row | undefined): Response {
  const current = row === undefined ? 'null' : row.document === null ? JSON.stringify({ id, deleted: true, version: row.version }) : withVersion(row);
  const body = `{"type":"urn:jobunivers:problem:etag-mismatch","title":"etag-mismatch","status":412,"code":"etag-mismatch","current":${current}}`;
  return new Response(body, { status: 412, headers: { 'Content-Type': 'application/problem+json' } });
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function problem(status: number, code: string): Response {
  return new Response(JSON.stringify({ type: `urn:jobunivers:problem:${code}`, title: code, status, code }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}

let sampleCount = 0;

/** An application with every field set (nothing left at its default), for round trips. `index` varies the text. */
export function sampleEntry(overrides: Partial<JoblogEntry> = {}, index = ++sampleCount): JoblogEntry {
  return {
    id: crypto.randomUUID(),
    type: 'application',
    title: `Lagermedarbejder ${String(index)}`,
    employer: 'Bilka Tilst',
    postalCode: '8381',
    town: 'Tilst',
    hoursPerWeek: 18.5,
    applicationKind: 'unsolicited',
    method: 'in-person',
    activityKind: null,
    source: 'Jobnet',
    sourceUrl: `https://job.jobnet.dk/CV/FindWork/Details/${String(5_000_000 + index)}`,
    date: '2026-11-24',
    deadline: '2026-12-01',
    status: 'interview',
    outcome: null,
    history: [
      { status: 'applied', outcome: null, on: '2026-11-24' },
      { status: 'interview', outcome: null, on: '2026-11-30' },
    ],
    notes: 'Ærø ✓ العربية 🙂 <script>alert(1)</script>\nRing til Mette',
    cv: { versionId: 'cv-version-7', name: 'CV til lagerjob' },
    createdAt: '2026-11-24T09:15:00.000Z',
    updatedAt: '2026-11-30T13:02:11.123Z',
    ...overrides,
  };
}
