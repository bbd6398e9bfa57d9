/// <reference types="node" />
/* eslint-disable @typescript-eslint/no-confusing-void-expression -- the fake router answers with `return send(…)` / `return problem(…)`. */
/**
 * The joblog for the fake server: entries per citizen (validated with the contract's own schemas) with versions and a
 * change sequence, tombstones, sharing with the assigned caseworker, the requirement and the caseworker's numbers —
 * correct unless a break says otherwise. Citizen-1 starts with two entries, a requirement and a shared joblog, like
 * the reference server's demo citizen, so the tests can check that a run puts it back.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Value } from 'typebox/value';
import { JoblogEntryBody, JoblogRequirement, JoblogShareConsent, type JoblogEntryBody as EntryBody, type JoblogRequirement as Requirement } from '../src/schemas/index.js';
import type { Break } from './fake-server.js';

type FieldError = { pointer: string; code: string };
interface JoblogUser { id: string; role: 'citizen' | 'caseworker' }

export interface JoblogDeps {
  breaks: ReadonlySet<Break>;
  send: (res: ServerResponse, status: number, body: unknown, headers?: Record<string, string>) => undefined;
  problem: (res: ServerResponse, status: number, code: string, extra?: Record<string, unknown>, headers?: Record<string, string>) => undefined;
  invalid: (res: ServerResponse, errors: FieldError[]) => undefined;
  readJson: (req: IncomingMessage, res: ServerResponse) => Promise<{ value: unknown } | undefined>;
  /** Verifies a JWT (answers 401 itself when it fails). */
  authenticate: (req: IncomingMessage, res: ServerResponse) => Promise<JoblogUser | undefined>;
  assigned: Record<string, string[]>;
  firstName: (userId: string) => string;
  isCitizen: (userId: string) => boolean;
}

interface StoredEntry {
  version: number;
  /** The position of the entry's last change. */
  seq: number;
  /** The entry's fields (without `version`); `null`: a tombstone. */
  entry: EntryBody | null;
}

interface Joblog {
  lastSeq: number;
  /** Writes being handled now (break `joblog-feed-racy` only holds writes back when they overlap). */
  inFlight: number;
  /** Break `joblog-feed-racy`: held-back writes, released once a feed page has ended past their position. */
  held: { seq: number; release: () => void }[];
  /** When the feed was last read (break `joblog-feed-racy` holds writes back while someone follows it). */
  lastFeedRead: number;
  /** Break `joblog-racy-update`: writes that passed the version check, let through together once no more arrive. */
  checked: (() => void)[];
  checkTimer: NodeJS.Timeout | undefined;
  entries: Map<string, StoredEntry>;
  sharedAt: string | null;
  /** Break `joblog-revoke-ignored`: what the caseworker still sees after a revoke. */
  leakedAt: string | null;
  changedAt: string | null;
  requirement: { value: unknown; version: number } | null;
}

const DAY = 86_400_000;

function todayInCopenhagen(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}
function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}
function isoWeekOf(date: string): string {
  const utc = Date.parse(`${date}T00:00:00Z`);
  const weekday = new Date(utc).getUTCDay() || 7;
  const thursday = new Date(utc + (4 - weekday) * DAY);
  const year = thursday.getUTCFullYear();
  return `${String(year)}-W${String(1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY))).padStart(2, '0')}`;
}
const isRealDate = (date: string): boolean => new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) === date;

/** Lars-like demo data for citizen-1: two entries, a requirement, shared. */
export function fakeSeedJoblog(): { entries: EntryBody[]; requirement: Requirement } {
  const today = todayInCopenhagen();
  const entry = (id: string, title: string, date: string, status: EntryBody['status']): EntryBody => ({
    id, type: 'application', title, employer: 'Brugsen', postalCode: '9999', town: 'Eksempelby', hoursPerWeek: 37, applicationKind: 'advertised', method: 'written',
    activityKind: null, source: 'Jobnet', sourceUrl: '', date, deadline: null, status, outcome: null, history: [{ status, outcome: null, on: date }], notes: '', cv: null,
    createdAt: `${date}T09:00:00.000Z`, updatedAt: `${date}T09:00:00.000Z`,
  });
  return {
    entries: [entry('seed-entry-1', 'Butiksassistent', addDays(today, -8), 'applied'), entry('seed-entry-2', 'Kassemedarbejder', today, 'interview')],
    requirement: { perWeek: 1.5, scale: 1, averageOverWeeks: 4, exemptWeeks: [], activitiesCount: false },
  };
}

export function fakeJoblog(deps: JoblogDeps): { handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<undefined> } {
  const { breaks, send, problem, invalid } = deps;
  const joblogs = new Map<string, Joblog>();
  const joblogOf = (citizenId: string): Joblog => {
    let joblog = joblogs.get(citizenId);
    if (joblog === undefined) {
      joblog = { lastSeq: 0, inFlight: 0, held: [], lastFeedRead: 0, checked: [], checkTimer: undefined, entries: new Map(), sharedAt: null, leakedAt: null, changedAt: null, requirement: null };
      joblogs.set(citizenId, joblog);
    }
    return joblog;
  };
  {
    const seed = fakeSeedJoblog();
    const lars = joblogOf('citizen-1');
    for (const entry of seed.entries) lars.entries.set(entry.id, { version: 1, seq: ++lars.lastSeq, entry });
    lars.sharedAt = new Date(Date.now() - 3 * DAY).toISOString();
    lars.requirement = { value: seed.requirement, version: 1 };
  }

  const etag = (version: number): string => `"${String(version)}"`;
  const json = (stored: StoredEntry, id: string): unknown => (stored.entry === null ? { id, deleted: true, version: stored.version } : { ...stored.entry, version: stored.version });
  const sameEntry = (a: EntryBody | null, b: EntryBody): boolean => a !== null && JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
  const conflict = (res: ServerResponse, stored: StoredEntry | undefined, id: string): undefined =>
    problem(res, 412, 'etag-mismatch', breaks.has('joblog-conflict-without-current') ? {} : { current: stored === undefined ? null : json(stored, id) });
  const answer = (res: ServerResponse, stored: StoredEntry, id: string): undefined => send(res, 200, json(stored, id), { etag: etag(stored.version) });

  function entryErrors(value: unknown, id: string): FieldError[] {
    const errors = [...Value.Errors(JoblogEntryBody, value)].map((error) => ({ pointer: error.instancePath, code: error.keyword }));
    if (errors.length > 0) return errors;
    const entry = value as EntryBody;
    if (entry.id !== id) errors.push({ pointer: '/id', code: 'const' });
    const dates: [string, string | null][] = [['/date', entry.date], ['/deadline', entry.deadline], ...entry.history.map((change, index): [string, string] => [`/history/${String(index)}/on`, change.on])];
    if (!breaks.has('joblog-unreal-dates-accepted')) for (const [pointer, date] of dates) if (date !== null && !isRealDate(date)) errors.push({ pointer, code: 'format' });
    return errors;
  }

  /** What is stored of a valid body: every field, or (break) without the CV reference. */
  function storedOf(body: EntryBody): EntryBody {
    const entry: EntryBody = { ...body };
    delete entry.version;
    if (!breaks.has('joblog-drops-fields')) return entry;
    return { ...entry, cv: null };
  }

  /**
   * The next position. Break `joblog-feed-racy`: while writes overlap or someone follows the feed, a write with an odd
   * position is held back until a reader has been given a cursor past it (or a second has passed), as a counter taken
   * before a late commit would do.
   */
  async function position(joblog: Joblog): Promise<number> {
    const seq = ++joblog.lastSeq;
    if (breaks.has('joblog-feed-racy') && seq % 2 === 1 && (joblog.inFlight > 1 || Date.now() - joblog.lastFeedRead < 1000)) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 1000);
        joblog.held.push({ seq, release: () => { clearTimeout(timer); resolve(); } });
      });
    }
    return seq;
  }

  async function putEntry(req: IncomingMessage, res: ServerResponse, citizenId: string, id: string): Promise<undefined> {
    const joblog = joblogOf(citizenId);
    joblog.inFlight++;
    try {
      return await writeEntry(req, res, joblog, id);
    } finally {
      joblog.inFlight--;
    }
  }

  /** Break `joblog-racy-update`: waits until no other write has passed its check for 300 ms, then lets them all write. */
  function afterOthersChecked(joblog: Joblog): Promise<void> {
    return new Promise((resolve) => {
      joblog.checked.push(resolve);
      clearTimeout(joblog.checkTimer);
      joblog.checkTimer = setTimeout(() => {
        for (const release of joblog.checked.splice(0)) release();
      }, 300);
    });
  }

  async function writeEntry(req: IncomingMessage, res: ServerResponse, joblog: Joblog, id: string): Promise<undefined> {
    const body = await deps.readJson(req, res);
    if (body === undefined) return;
    const ifMatch = req.headers['if-match'];
    const ifNoneMatch = req.headers['if-none-match'];
    if (ifMatch !== undefined && ifNoneMatch !== undefined) return invalid(res, [{ pointer: '/headers/if-none-match', code: 'precondition' }]);
    const errors = entryErrors(body.value, id);
    if (errors.length > 0) return invalid(res, errors);
    const entry = storedOf(body.value as EntryBody);
    const create = ifNoneMatch === '*';
    if (!create && ifMatch === undefined && !breaks.has('joblog-precondition-optional')) return problem(res, 428, 'precondition-required');
    if (!create && ifNoneMatch !== undefined) return problem(res, 428, 'precondition-required');
    const seq = await position(joblog);
    // From here on the check and the write happen together (unless a break says otherwise).
    const before = joblog.entries.get(id);
    // A retry: the entry already is what was asked.
    if (before !== undefined && sameEntry(before.entry, entry) && !breaks.has('joblog-retry-conflicts') && (create || ifMatch !== etag(before.version))) return answer(res, before, id);
    if (create) {
      if (before?.entry != null && !breaks.has('joblog-create-overwrites')) return conflict(res, before, id);
    } else if (ifMatch !== undefined) {
      if (before?.entry == null) return conflict(res, before, id);
      if (ifMatch !== '*' && ifMatch !== etag(before.version) && !breaks.has('joblog-stale-accepted')) return conflict(res, before, id);
      // Break: the version is checked, then written a moment later, so writes that arrive together all pass the check.
      if (breaks.has('joblog-racy-update')) await afterOthersChecked(joblog);
    }
    const current = joblog.entries.get(id);
    const kept = breaks.has('joblog-feed-by-creation') && current !== undefined ? current.seq : seq;
    const stored: StoredEntry = { version: (current?.version ?? 0) + 1, seq: kept, entry };
    joblog.entries.set(id, stored);
    joblog.changedAt = new Date().toISOString();
    return answer(res, stored, id);
  }

  async function deleteEntry(req: IncomingMessage, res: ServerResponse, citizenId: string, id: string): Promise<undefined> {
    const ifMatch = req.headers['if-match'];
    if (ifMatch === undefined) return problem(res, 428, 'precondition-required');
    const joblog = joblogOf(citizenId);
    const before = joblog.entries.get(id);
    if (before?.entry != null) {
      if (ifMatch !== '*' && ifMatch !== etag(before.version)) return conflict(res, before, id);
      if (breaks.has('joblog-no-tombstones')) joblog.entries.delete(id);
      else joblog.entries.set(id, { version: before.version + 1, seq: await position(joblog), entry: null });
      joblog.changedAt = new Date().toISOString();
    }
    res.writeHead(204);
    res.end();
    return undefined;
  }

  const cursorOf = (seq: number): string => `joblog-${String(seq)}`;
  function feed(res: ServerResponse, url: URL, citizenId: string, name: 'since' | 'cursor'): undefined {
    const cursor = url.searchParams.get(name);
    const limitText = url.searchParams.get('limit');
    const limit = limitText === null ? 200 : Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) return invalid(res, [{ pointer: '/query/limit', code: 'maximum' }]);
    let after = 0;
    if (cursor !== null) {
      const match = /^joblog-(\d+)$/.exec(cursor);
      if (match === null) return problem(res, 400, 'invalid-cursor');
      after = Number(match[1]);
    }
    const changed = [...joblogOf(citizenId).entries.entries()].filter(([, stored]) => stored.seq > after).sort(([, a], [, b]) => a.seq - b.seq);
    const page = breaks.has('joblog-limit-ignored') ? changed : changed.slice(0, limit);
    const end = page.at(-1)?.[1].seq ?? after;
    const joblog = joblogOf(citizenId);
    joblog.lastFeedRead = Date.now();
    for (const held of joblog.held.filter((item) => item.seq < end)) held.release();
    joblog.held = joblog.held.filter((item) => item.seq >= end);
    return send(res, 200, { items: page.map(([id, stored]) => json(stored, id)), nextCursor: cursorOf(end), hasMore: page.length < changed.length }, { 'cache-control': 'no-store' });
  }

  const share = (joblog: Joblog | undefined) => ({ shared: joblog?.sharedAt != null, sharedAt: joblog?.sharedAt ?? null });
  const isAssigned = (caseworkerId: string, citizenId: string): boolean => breaks.has('joblog-unassigned-visible') || (deps.assigned[caseworkerId] ?? []).includes(citizenId);
  const visibleTo = (caseworkerId: string, citizenId: string): Joblog | undefined => {
    const joblog = joblogs.get(citizenId);
    if (joblog === undefined || (joblog.sharedAt ?? joblog.leakedAt) === null || !isAssigned(caseworkerId, citizenId)) return undefined;
    return joblog;
  };

  function numbers(joblog: Joblog): Record<string, unknown> {
    const requirement = (joblog.requirement?.value ?? null) as Requirement | null;
    const weeks = requirement?.averageOverWeeks ?? 4;
    const today = todayInCopenhagen();
    const live = [...joblog.entries.values()].flatMap((stored) => (stored.entry === null ? [] : [stored.entry]));
    // Weeks before the week of the first entry are left out (the log did not exist yet).
    const first = live.reduce((earliest, entry) => (entry.date < earliest ? entry.date : earliest), today);
    const window = Array.from({ length: weeks }, (_, index) => addDays(today, -7 * (weeks - 1 - index)))
      .filter((day) => isoWeekOf(day) >= isoWeekOf(first))
      .map(isoWeekOf);
    const perWeek = new Map(window.map((week) => [week, 0]));
    for (const entry of live) {
      const counts = (entry.status !== 'saved' || breaks.has('joblog-counts-saved')) && (entry.type === 'application' || requirement?.activitiesCount === true);
      const week = isoWeekOf(entry.date);
      if (counts && perWeek.has(week)) perWeek.set(week, (perWeek.get(week) ?? 0) + 1);
    }
    const exempt = new Set((requirement?.exemptWeeks ?? []).map((item) => item.week));
    const counted = window.filter((week) => !exempt.has(week));
    const total = counted.reduce((sum, week) => sum + (perWeek.get(week) ?? 0), 0);
    return {
      entriesThisWeek: perWeek.get(isoWeekOf(today)) ?? 0,
      averagePerWeek: counted.length === 0 ? null : Math.round((total / counted.length) * 100) / 100,
      averageOverWeeks: weeks,
      requiredPerWeek: requirement === null ? null : Math.round(requirement.perWeek * requirement.scale * 100) / 100,
      entryCount: [...joblog.entries.values()].filter((stored) => stored.entry !== null).length,
      lastChangedAt: joblog.changedAt,
    };
  }

  async function handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<undefined> {
    const path = url.pathname;
    const method = req.method ?? 'GET';
    const user = await deps.authenticate(req, res);
    if (user === undefined) return;
    if (path.startsWith('/v1/me/joblog/')) {
      if (user.role !== 'citizen' && !breaks.has('joblog-caseworker-has-joblog')) return problem(res, 403, 'forbidden');
      const joblog = joblogOf(user.id);
      if (path === '/v1/me/joblog/entries') return method === 'GET' ? feed(res, url, user.id, 'since') : problem(res, 405, 'method-not-allowed');
      const entry = /^\/v1\/me\/joblog\/entries\/([^/]+)$/.exec(path);
      if (entry !== null) {
        const id = decodeURIComponent(entry[1]);
        if (method === 'PUT') return putEntry(req, res, user.id, id);
        if (method === 'DELETE') return deleteEntry(req, res, user.id, id);
        if (method !== 'GET') return problem(res, 405, 'method-not-allowed');
        const stored = joblog.entries.get(id);
        if (stored?.entry == null) return problem(res, 404, 'not-found');
        if (req.headers['if-none-match'] === etag(stored.version)) {
          res.writeHead(304, { etag: etag(stored.version) });
          res.end();
          return undefined;
        }
        return answer(res, stored, id);
      }
      if (path === '/v1/me/joblog/requirement') {
        if (method !== 'GET') return problem(res, 405, 'method-not-allowed');
        if (joblog.requirement === null) return problem(res, 404, 'not-found');
        return send(res, 200, joblog.requirement.value, { etag: etag(joblog.requirement.version) });
      }
      if (path === '/v1/me/joblog/share') {
        if (method === 'GET') return send(res, 200, share(joblog));
        if (method === 'PUT') {
          const body = await deps.readJson(req, res);
          if (body === undefined) return;
          if (!breaks.has('joblog-consent-unchecked') && !Value.Check(JoblogShareConsent, body.value)) {
            return invalid(res, [...Value.Errors(JoblogShareConsent, body.value)].map((error) => ({ pointer: error.instancePath || (error.keyword === 'required' ? '/consent' : ''), code: error.keyword })));
          }
          joblog.sharedAt ??= new Date().toISOString();
          return send(res, 200, share(joblog));
        }
        if (method === 'DELETE') {
          if (breaks.has('joblog-revoke-ignored')) joblog.leakedAt = joblog.sharedAt ?? joblog.leakedAt;
          joblog.sharedAt = null;
          return send(res, 200, share(joblog));
        }
        return problem(res, 405, 'method-not-allowed');
      }
      return problem(res, 404, 'not-found');
    }
    if (user.role !== 'caseworker' && !breaks.has('joblog-citizen-reads-shared')) return problem(res, 403, 'forbidden');
    if (path === '/v1/joblogs') {
      if (method !== 'GET') return problem(res, 405, 'method-not-allowed');
      const items = [...joblogs.keys()].flatMap((citizenId) => {
        const joblog = visibleTo(user.id, citizenId);
        return joblog === undefined ? [] : [{ citizenId, firstName: deps.firstName(citizenId), ...numbers(joblog), sharedAt: joblog.sharedAt ?? joblog.leakedAt }];
      });
      return send(res, 200, { week: isoWeekOf(todayInCopenhagen()), items });
    }
    const match = /^\/v1\/joblogs\/([^/]+)\/(entries|requirement)$/.exec(path);
    if (match === null) return problem(res, 404, 'not-found');
    const citizenId = decodeURIComponent(match[1]);
    if (match[2] === 'entries') {
      if (method !== 'GET') return problem(res, 405, 'method-not-allowed');
      if (visibleTo(user.id, citizenId) === undefined) return problem(res, 404, 'not-found');
      return feed(res, url, citizenId, 'cursor');
    }
    if (!deps.isCitizen(citizenId) || !isAssigned(user.id, citizenId)) return problem(res, 404, 'not-found');
    const joblog = joblogOf(citizenId);
    if (method === 'GET') {
      if (joblog.requirement === null) return problem(res, 404, 'not-found');
      return send(res, 200, joblog.requirement.value, { etag: etag(joblog.requirement.version) });
    }
    if (method === 'PUT') {
      const body = await deps.readJson(req, res);
      if (body === undefined) return;
      if (!breaks.has('joblog-requirement-unchecked') && !Value.Check(JoblogRequirement, body.value)) {
        return invalid(res, [...Value.Errors(JoblogRequirement, body.value)].map((error) => ({ pointer: error.instancePath, code: error.keyword })));
      }
      if (req.headers['if-none-match'] === '*' && joblog.requirement !== null && !breaks.has('joblog-requirement-overwrites')) {
        return problem(res, 412, 'etag-mismatch');
      }
      joblog.requirement = { value: body.value, version: (joblog.requirement?.version ?? 0) + 1 };
      return send(res, 200, joblog.requirement.value, { etag: etag(joblog.requirement.version) });
    }
    if (method === 'DELETE') {
      joblog.requirement = null;
      res.writeHead(204);
      res.end();
      return undefined;
    }
    return problem(res, 405, 'method-not-allowed');
  }

  return { handle };
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    return Object.fromEntries(Object.keys(record).sort().map((key) => [key, canonical(record[key])]));
  }
  return value;
}
