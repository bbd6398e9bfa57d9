// An in-browser stand-in for the caseworker's joblog routes of the contract (packages/contract/src/schemas/joblog.ts,
// packages/server/src/routes/joblog.ts): `GET /v1/joblogs` with the meter's numbers, the paged change feed
// `GET /v1/joblogs/{citizenId}/entries?cursor&limit` (404 once consent is withdrawn), and
// `GET|PUT|DELETE /v1/joblogs/{citizenId}/requirement` with ETags (412 `etag-mismatch` on a stale If-Match, or on
// If-None-Match: * when one exists).
// Records every request. Used by the viewer's stories and its tests (the same examples feed both).
import type { JoblogChange, JoblogFeed, SharedJoblog, SharedJoblogList } from '@jobunivers/contract';
import { DEFAULT_REQUIREMENT, newEntry, type JoblogEntry, type Requirement, type Status } from '../../packages/joblog/src/model/entry.js';
import { readRequirement, weeklyTarget } from '../../packages/joblog/src/model/requirement.js';
import { addDays, isoWeekOf, today } from '../../packages/joblog/src/model/weeks.js';
import { mountFake } from './fake-fetch-router.js';

/** Bearer tokens starting with this are caseworkers'; any other token is a citizen's (403 on these routes). */
export const JOBLOG_CASEWORKER_TOKEN = 'caseworker-token';

export interface RecordedViewerRequest {
  method: string;
  /** From `/v1/` on, without the query. */
  path: string;
  query: URLSearchParams;
  headers: Headers;
  body: unknown;
}

export interface FakeJoblogCitizen {
  citizenId: string;
  firstName: string;
  entries: JoblogEntry[];
  /** Ids deleted by the citizen: tombstones at the end of the feed. */
  deleted?: string[];
  requirement: Requirement | null;
  requirementVersion: number;
  sharedAt: string;
  /** False once the citizen withdrew consent (the feed is then a 404 and the joblog leaves the list). */
  shared: boolean;
}

type Failure = { status: number; code: string } | 'network' | 'never';

const TITLES = ['Lagermedarbejder', 'Pædagogmedhjælper', 'Buschauffør', 'Kok', 'Butiksassistent', 'Tømrer', 'Rengøringsassistent', 'Elektriker'];
const EMPLOYERS = ['Salling Group', 'Vejle Kommune', 'Arriva', 'Coop', 'DSV', 'ISS', 'Netto', 'Lego'];
const STATUSES: Status[] = ['applied', 'interview', 'closed', 'saved'];

/** `count` entries, one every `everyDays` days back from today (Copenhagen), deterministic. */
export function fakeEntries(count: number, everyDays = 2, from: string = today()): JoblogEntry[] {
  const stamp = new Date('2026-01-01T09:00:00Z');
  const entries: JoblogEntry[] = [];
  for (let index = 0; index < count; index++) {
    const date = addDays(from, -Math.floor(index * everyDays));
    const activity = index % 9 === 8;
    const entry = newEntry(stamp, date, activity ? 'activity' : 'application');
    const status = activity ? 'closed' : (STATUSES[index % STATUSES.length] ?? 'applied');
    entries.push({
      ...entry,
      id: `entry-${String(index).padStart(5, '0')}`,
      title: activity ? `Jobmesse ${String(index + 1)}` : TITLES[index % TITLES.length] ?? '',
      employer: EMPLOYERS[(index * 3) % EMPLOYERS.length] ?? '',
      postalCode: '7100',
      town: 'Vejle',
      source: activity ? '' : 'Jobnet',
      sourceUrl: activity ? '' : `https://job.example.dk/opslag/${String(index)}`,
      status,
      outcome: status === 'closed' && !activity ? 'rejected' : null,
      history: [{ status: 'applied', outcome: null, on: date }],
      notes: index === 0 ? 'Ringede til Mette bagefter.\nHun svarer i næste uge.' : '',
    });
  }
  return entries;
}

/** Amira (on track, 1.5 per week), Jens (behind, part time, a sick week), Søren (no requirement, nothing yet). */
export function demoJoblogCitizens(): FakeJoblogCitizen[] {
  const now = today();
  return [
    {
      citizenId: 'c-amira', firstName: 'Amira', entries: fakeEntries(14, 2), requirement: { ...DEFAULT_REQUIREMENT }, requirementVersion: 1,
      sharedAt: '2026-10-01T08:00:00Z', shared: true,
    },
    {
      citizenId: 'c-jens', firstName: 'Jens', entries: fakeEntries(3, 9),
      requirement: { perWeek: 4, scale: 0.5, averageOverWeeks: 4, exemptWeeks: [{ week: isoWeekOf(addDays(now, -7)), reason: 'sickness' }], activitiesCount: false },
      requirementVersion: 3, sharedAt: '2026-09-15T10:00:00Z', shared: true,
    },
    { citizenId: 'c-soeren', firstName: 'Søren', entries: [], requirement: null, requirementVersion: 0, sharedAt: '2026-11-02T07:00:00Z', shared: true },
  ];
}

export class FakeJoblogViewerServer {
  readonly requests: RecordedViewerRequest[] = [];
  citizens: FakeJoblogCitizen[];
  latencyMs = 0;
  readonly #failures = new Map<string, { failure: Failure; sticky: boolean }>();

  constructor(citizens: FakeJoblogCitizen[] = demoJoblogCitizens()) {
    this.citizens = citizens;
  }

  /** Fails `METHOD /path` once (or every time when `sticky`); `GET *` fails every GET. */
  fail(route: string, failure: Failure, sticky = false): void {
    this.#failures.set(route, { failure, sticky });
  }

  citizen(citizenId: string): FakeJoblogCitizen | undefined {
    return this.citizens.find((candidate) => candidate.citizenId === citizenId);
  }

  /** The citizen withdraws consent. */
  revoke(citizenId: string): void {
    const citizen = this.citizen(citizenId);
    if (citizen) citizen.shared = false;
  }

  /** A colleague saves another requirement (its version grows). */
  colleagueSaves(citizenId: string, requirement: Requirement): void {
    const citizen = this.citizen(citizenId);
    if (citizen === undefined) return;
    citizen.requirement = requirement;
    citizen.requirementVersion += 1;
  }

  requestsTo(path: string, method = 'GET'): RecordedViewerRequest[] {
    return this.requests.filter((request) => request.path === path && request.method === method);
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
    const body: unknown = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    this.requests.push({ method, path, query: url.searchParams, headers, body });
    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
    if (init.signal?.aborted === true) throw new DOMException('Aborted', 'AbortError');
    const failure = this.#failures.get(`${method} ${path}`) ?? this.#failures.get(`${method} *`);
    if (failure !== undefined) {
      if (!failure.sticky) this.#failures.delete(this.#failures.has(`${method} ${path}`) ? `${method} ${path}` : `${method} *`);
      if (failure.failure === 'network') throw new TypeError('Failed to fetch');
      if (failure.failure === 'never') return new Promise<Response>(() => undefined);
      return problem(failure.failure.status, failure.failure.code);
    }
    const token = /^Bearer (.+)$/.exec(headers.get('Authorization') ?? '')?.[1];
    if (token === undefined) return problem(401, 'unauthenticated');
    if (!token.startsWith(JOBLOG_CASEWORKER_TOKEN)) return problem(403, 'forbidden');
    if (path === '/v1/joblogs' && method === 'GET') return json(200, this.#list());
    const match = /^\/v1\/joblogs\/([^/]+)\/(entries|requirement)$/.exec(path);
    const citizen = match === null ? undefined : this.citizen(decodeURIComponent(match[1]));
    if (match === null || citizen === undefined) return problem(404, 'not-found');
    if (match[2] === 'entries') {
      if (method !== 'GET') return problem(405, 'method-not-allowed');
      return citizen.shared ? json(200, this.#feed(citizen, url.searchParams)) : problem(404, 'not-found');
    }
    return this.#requirement(citizen, method, headers, body);
  };

  #list(): SharedJoblogList {
    const now = today();
    const items = this.citizens.filter((citizen) => citizen.shared).map((citizen): SharedJoblog => {
      const requirement = citizen.requirement ?? DEFAULT_REQUIREMENT;
      const meter = readRequirement(citizen.entries, requirement, now);
      const lastChangedAt = citizen.entries.reduce<string | null>((latest, entry) => (latest === null || entry.updatedAt > latest ? entry.updatedAt : latest), null);
      return {
        citizenId: citizen.citizenId,
        firstName: citizen.firstName,
        entriesThisWeek: meter.thisWeek,
        averagePerWeek: meter.countedWeeks === 0 ? null : Math.round(meter.average * 100) / 100,
        averageOverWeeks: requirement.averageOverWeeks,
        requiredPerWeek: citizen.requirement === null ? null : weeklyTarget(citizen.requirement),
        entryCount: citizen.entries.length,
        lastChangedAt: citizen.entries.length === 0 ? null : lastChangedAt,
        sharedAt: citizen.sharedAt,
      };
    });
    return { week: isoWeekOf(now), items };
  }

  #feed(citizen: FakeJoblogCitizen, query: URLSearchParams): JoblogFeed {
    const changes: JoblogChange[] = [
      ...citizen.entries.map((entry) => ({ ...entry, version: 1 })),
      ...(citizen.deleted ?? []).map((id) => ({ id, deleted: true as const, version: 2 })),
    ];
    const start = Number(/^c(\d+)$/.exec(query.get('cursor') ?? '')?.[1] ?? 0);
    const limit = Math.min(1000, Number(query.get('limit') ?? 200));
    const end = Math.min(changes.length, start + limit);
    return { items: changes.slice(start, end), nextCursor: `c${String(end)}`, hasMore: end < changes.length };
  }

  #requirement(citizen: FakeJoblogCitizen, method: string, headers: Headers, body: unknown): Response {
    const etag = `"${String(citizen.requirementVersion)}"`;
    if (method === 'GET') return citizen.requirement === null ? problem(404, 'not-found') : json(200, citizen.requirement, etag);
    if (method === 'DELETE') {
      citizen.requirement = null;
      return new Response(null, { status: 204 });
    }
    if (method !== 'PUT') return problem(405, 'method-not-allowed');
    const ifMatch = headers.get('If-Match');
    if (ifMatch !== null && (citizen.requirement === null || ifMatch !== etag)) return problem(412, 'etag-mismatch');
    if (headers.get('If-None-Match') === '*' && citizen.requirement !== null) return problem(412, 'etag-mismatch');
    citizen.requirement = body as Requirement;
    citizen.requirementVersion += 1;
    return json(200, citizen.requirement, `"${String(citizen.requirementVersion)}"`);
  }
}

function json(status: number, body: unknown, etag?: string): Response {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (etag !== undefined) headers['ETag'] = etag;
  return new Response(JSON.stringify(body), { status, headers });
}

function problem(status: number, code: string): Response {
  return new Response(JSON.stringify({ type: `https://jobunivers.dk/problems/${code}`, title: code, status, code }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}

/** Mounts a fresh fake for one story render and returns its base URL (the story's `api`). */
export function fakeJoblogViewerApi(citizens: FakeJoblogCitizen[] = demoJoblogCitizens()): { api: string; server: FakeJoblogViewerServer } {
  const server = new FakeJoblogViewerServer(citizens);
  return { api: mountFake('joblog-viewer.fake.invalid', server), server };
}
