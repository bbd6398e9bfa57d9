/// <reference types="node" />
/**
 * Helpers for the `joblog` group: entries the rules write (ids unique to the run), reading the change feed to its
 * end, the sharing and the requirement, and putting things back when the group ends: every entry the run created is
 * deleted (it stays as a tombstone in the feed, as the contract says), the sharing and the requirement are put back
 * as they were. The rules never assume a state: each one first makes the state it needs.
 */
import type { Static, TSchema } from 'typebox';
import {
  JoblogEntry, JoblogFeed, JoblogRequirement, JoblogShare, SharedJoblogList, type JoblogChange, type JoblogEntryBody, type JoblogRequirement as RequirementDoc,
  type JoblogShare as JoblogShareDoc, type SharedJoblogList as SharedJoblogListDoc,
} from '../schemas/index.js';
import { check, fail, skip, sleep, type Actor, type RuleContext, type SuiteState } from './context.js';
import { describe, expectJson, expectProblem, expectStrongEtag, isRecord, send, type Res } from './http.js';
import { describeSchemaErrors } from './validate.js';

export const MY_ENTRIES = '/v1/me/joblog/entries';
export const MY_REQUIREMENT = '/v1/me/joblog/requirement';
export const MY_JOBLOG_SHARE = '/v1/me/joblog/share';
export const SHARED_JOBLOGS = '/v1/joblogs';
export const entryPath = (id: string): string => `${MY_ENTRIES}/${encodeURIComponent(id)}`;
export const sharedEntriesPath = (citizenId: string): string => `${SHARED_JOBLOGS}/${encodeURIComponent(citizenId)}/entries`;
export const requirementPath = (citizenId: string): string => `${SHARED_JOBLOGS}/${encodeURIComponent(citizenId)}/requirement`;

interface JoblogState {
  /** `false`: the joblog resources are on; a string: why the joblog rules are skipped; `undefined`: not asked yet. */
  disabled?: string | false;
  /** Entries made by this run get ids `conformance-<run>-<n>`. */
  counter: number;
  /** Per actor: the end of their feed before the run first wrote (cleanup reads from there). */
  starts: Map<string, { actor: Actor; cursor: string }>;
  /** Per actor: whether the joblog was shared before the run changed it. */
  shares: Map<string, { actor: Actor; shared: boolean }>;
  /** Per citizen: the requirement before the run changed it (`null`: none), and the caseworker who may put it back. */
  requirements: Map<string, { caseworker: Actor; requirement: RequirementDoc | null }>;
}

const states = new WeakMap<SuiteState, JoblogState>();

function stateOf(suite: SuiteState): JoblogState {
  let state = states.get(suite);
  if (state === undefined) {
    state = { counter: 0, starts: new Map(), shares: new Map(), requirements: new Map() };
    states.set(suite, state);
  }
  return state;
}

/** Skips the rule when `GET /v1/config` says `widgets.joblog` is false (asked once per run). */
export async function requireJoblog(ctx: RuleContext): Promise<void> {
  const state = stateOf(ctx.suite);
  if (state.disabled === undefined) {
    ctx.step('GET /v1/config (is the joblog on?)');
    const body = expectJson(await send(ctx, 'GET', '/v1/config'), 200);
    const widgets = isRecord(body) ? body.widgets : undefined;
    state.disabled = isRecord(widgets) && widgets.joblog === false ? 'the server\'s GET /v1/config says widgets.joblog is false' : false;
  }
  if (state.disabled !== false) skip(state.disabled);
}

/** Checks a body against a contract schema, failing with the request named. */
export function expectShape<Schema extends TSchema>(res: Res, status: number, schema: Schema, name: string): Static<Schema> {
  const body = expectJson(res, status);
  const errors = describeSchemaErrors(schema, body);
  if (errors !== undefined) fail(`${res.method} ${res.path}: the body does not match the ${name} schema: ${errors}`);
  return body as Static<Schema>;
}

/** The ISO week (`YYYY-Www`) of a calendar date. */
export function isoWeekOf(date: string): string {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const utc = Date.UTC(year, month - 1, day);
  const weekday = new Date(utc).getUTCDay() || 7;
  const thursday = new Date(utc + (4 - weekday) * 86_400_000);
  const weekYear = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(weekYear, 0, 1)) / (7 * 86_400_000));
  return `${String(weekYear)}-W${String(week).padStart(2, '0')}`;
}

/** Today in Europe/Copenhagen, `YYYY-MM-DD` (the date an entry "made today" has). */
export function todayInCopenhagen(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** A new application marked with the run, dated today, with `patch` on top. */
export function newEntry(suite: SuiteState, label: string, patch: Partial<JoblogEntryBody> = {}): JoblogEntryBody {
  const state = stateOf(suite);
  const today = todayInCopenhagen();
  const now = new Date().toISOString();
  return {
    id: `conformance-${suite.runId}-${String(++state.counter)}`,
    type: 'application',
    title: 'Lagermedarbejder',
    employer: 'Eksempel Lager A/S',
    postalCode: '9999',
    town: 'Eksempelby',
    hoursPerWeek: 37,
    applicationKind: 'advertised',
    method: 'written',
    activityKind: null,
    source: 'Jobnet',
    sourceUrl: '',
    date: today,
    deadline: null,
    status: 'applied',
    outcome: null,
    history: [{ status: 'applied', outcome: null, on: today }],
    notes: `Created by the Jobunivers conformance suite (run ${suite.runId}): ${label}. Deleted at the end of the run.`,
    cv: null,
    createdAt: now,
    updatedAt: now,
    ...patch,
  };
}

export function putEntry(ctx: RuleContext, as: Actor, entry: unknown, precondition: { ifMatch?: string; ifNoneMatch?: string } = {}, id?: string): Promise<Res> {
  const headers: Record<string, string> = {};
  if (precondition.ifMatch !== undefined) headers['If-Match'] = precondition.ifMatch;
  if (precondition.ifNoneMatch !== undefined) headers['If-None-Match'] = precondition.ifNoneMatch;
  const how = precondition.ifMatch !== undefined ? `If-Match: ${precondition.ifMatch}` : precondition.ifNoneMatch !== undefined ? `If-None-Match: ${precondition.ifNoneMatch}` : 'no precondition';
  const target = id ?? (isRecord(entry) && typeof entry.id === 'string' ? entry.id : 'unknown');
  ctx.step(`PUT ${entryPath(target)} as ${as.id} (${how})`);
  return send(ctx, 'PUT', entryPath(target), { as, json: entry, headers });
}

/** A 200 answer with an entry: the JoblogEntry schema, a strong ETag `"<version>"`, and the fields sent. */
export function expectEntry(res: Res, sent: JoblogEntryBody, what: string): { entry: JoblogEntry; etag: string } {
  const entry = expectShape(res, 200, JoblogEntry, 'JoblogEntry');
  const etag = expectStrongEtag(res);
  check(etag === `"${String(entry.version)}"`, `${res.method} ${res.path}: ${what}: the ETag ${etag} is not "<version>" of the entry (version ${String(entry.version)})`);
  const difference = firstDifference(withoutVersion(sent), withoutVersion(entry));
  if (difference !== undefined) fail(`${res.method} ${res.path}: ${what}: the entry is not the one sent (${difference})`);
  return { entry, etag };
}

export function withoutVersion(entry: JoblogEntryBody | JoblogEntry): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...entry };
  delete copy.version;
  return copy;
}

/** Where two JSON values first differ, as a JSON Pointer with both values (shortened); `undefined` when equal. */
export function firstDifference(expected: unknown, actual: unknown, pointer = ''): string | undefined {
  const show = (value: unknown): string => (value === undefined ? 'missing' : JSON.stringify(value).slice(0, 60));
  if (isRecord(expected) && isRecord(actual)) {
    for (const key of new Set([...Object.keys(expected), ...Object.keys(actual)])) {
      const found = firstDifference(expected[key], actual[key], `${pointer}/${key}`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    for (let index = 0; index < Math.max(expected.length, actual.length); index++) {
      const found = firstDifference(expected[index], actual[index], `${pointer}/${String(index)}`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  return Object.is(expected, actual) ? undefined : `at ${pointer || '/'}: sent ${show(expected)}, got ${show(actual)}`;
}

/** Creates an entry with `If-None-Match: *` (200 expected); answers its ETag. */
export async function createEntry(ctx: RuleContext, as: Actor, entry: JoblogEntryBody): Promise<string> {
  await rememberStart(ctx, as);
  const res = await putEntry(ctx, as, entry, { ifNoneMatch: '*' });
  return expectEntry(res, entry, 'a new entry').etag;
}

/** `GET /v1/me/joblog/entries/{id}`: the entry and its ETag, or `null` on 404. */
export async function readEntry(ctx: RuleContext, as: Actor, id: string): Promise<{ entry: JoblogEntry; etag: string } | null> {
  ctx.step(`GET ${entryPath(id)} as ${as.id}`);
  const res = await send(ctx, 'GET', entryPath(id), { as });
  if (res.status === 404) {
    expectProblem(res, 404, 'not-found');
    return null;
  }
  const entry = expectShape(res, 200, JoblogEntry, 'JoblogEntry');
  return { entry, etag: expectStrongEtag(res) };
}

export interface FeedRead {
  items: JoblogChange[];
  /** The `nextCursor` of the last page. */
  cursor: string;
  pages: JoblogFeed[];
}

/** One page of a feed (the citizen's with `since`, the caseworker's with `cursor`). */
export async function readFeedPage(ctx: RuleContext, as: Actor, path: string, cursor: string | undefined, limit?: number): Promise<JoblogFeed> {
  const query = new URLSearchParams();
  if (cursor !== undefined) query.set(path === MY_ENTRIES ? 'since' : 'cursor', cursor);
  if (limit !== undefined) query.set('limit', String(limit));
  const url = query.size === 0 ? path : `${path}?${query.toString()}`;
  ctx.step(`GET ${url.length > 120 ? `${url.slice(0, 120)}…` : url} as ${as.id}`);
  const page = expectShape(await send(ctx, 'GET', url, { as }), 200, JoblogFeed, 'JoblogFeed');
  if (limit !== undefined) check(page.items.length <= limit, `GET ${path} with limit=${String(limit)} answered ${String(page.items.length)} items`);
  return page;
}

/** Follows `nextCursor` until `hasMore` is false (at most `maxPages` pages). */
export async function readFeed(ctx: RuleContext, as: Actor, cursor?: string, options: { path?: string; limit?: number; maxPages?: number } = {}): Promise<FeedRead> {
  const path = options.path ?? MY_ENTRIES;
  const pages: JoblogFeed[] = [];
  let next = cursor;
  for (;;) {
    const page = await readFeedPage(ctx, as, path, next, options.limit ?? 1000);
    pages.push(page);
    if (!page.hasMore) return { items: pages.flatMap((item) => item.items), cursor: page.nextCursor, pages };
    check(page.nextCursor !== next, `GET ${path}: hasMore is true but nextCursor did not move on`);
    next = page.nextCursor;
    if (pages.length >= (options.maxPages ?? 100)) fail(`GET ${path}: still hasMore after ${String(pages.length)} pages`);
  }
}

/** The cursor at the end of the actor's feed now. */
export async function feedEnd(ctx: RuleContext, as: Actor): Promise<string> {
  return (await readFeed(ctx, as)).cursor;
}

/** Remembers where the actor's feed ended before the run first wrote (once per actor and run). */
export async function rememberStart(ctx: RuleContext, as: Actor): Promise<void> {
  const state = stateOf(ctx.suite);
  if (!state.starts.has(as.id)) state.starts.set(as.id, { actor: as, cursor: await feedEnd(ctx, as) });
}

export async function readShare(ctx: RuleContext, as: Actor): Promise<JoblogShareDoc> {
  ctx.step(`GET ${MY_JOBLOG_SHARE} as ${as.id}`);
  return checkShare(await send(ctx, 'GET', MY_JOBLOG_SHARE, { as }));
}

async function rememberShare(ctx: RuleContext, as: Actor): Promise<void> {
  const state = stateOf(ctx.suite);
  if (!state.shares.has(as.id)) state.shares.set(as.id, { actor: as, shared: (await readShare(ctx, as)).shared });
}

/** `PUT /v1/me/joblog/share` with the consent (200 expected). */
export async function shareJoblog(ctx: RuleContext, as: Actor): Promise<JoblogShareDoc> {
  await rememberShare(ctx, as);
  ctx.step(`PUT ${MY_JOBLOG_SHARE} {"consent":true} as ${as.id}`);
  const share = checkShare(await send(ctx, 'PUT', MY_JOBLOG_SHARE, { as, json: { consent: true } }));
  check(share.shared && share.sharedAt !== null, `PUT ${MY_JOBLOG_SHARE} {"consent":true} answered ${JSON.stringify(share)}, expected shared: true with a sharedAt`);
  return share;
}

/** `DELETE /v1/me/joblog/share` (200 expected). */
export async function unshareJoblog(ctx: RuleContext, as: Actor): Promise<JoblogShareDoc> {
  await rememberShare(ctx, as);
  ctx.step(`DELETE ${MY_JOBLOG_SHARE} as ${as.id}`);
  return checkShare(await send(ctx, 'DELETE', MY_JOBLOG_SHARE, { as }));
}

function checkShare(res: Res): JoblogShareDoc {
  const share = expectShape(res, 200, JoblogShare, 'JoblogShare');
  check(share.shared === (share.sharedAt !== null), `${res.method} ${res.path}: shared ${String(share.shared)} with sharedAt ${String(share.sharedAt)} (sharedAt is null exactly when not shared)`);
  return share;
}

/** `GET /v1/joblogs` as the caseworker. */
export async function sharedList(ctx: RuleContext, caseworker: Actor): Promise<SharedJoblogListDoc> {
  ctx.step(`GET ${SHARED_JOBLOGS} as ${caseworker.id}`);
  return expectShape(await send(ctx, 'GET', SHARED_JOBLOGS, { as: caseworker }), 200, SharedJoblogList, 'SharedJoblogList');
}

/** The citizen's requirement as the caseworker reads it (`null` on 404). */
export async function readRequirement(ctx: RuleContext, caseworker: Actor, citizenId: string): Promise<RequirementDoc | null> {
  ctx.step(`GET ${requirementPath(citizenId)} as ${caseworker.id}`);
  const res = await send(ctx, 'GET', requirementPath(citizenId), { as: caseworker });
  if (res.status === 404) {
    expectProblem(res, 404, 'not-found');
    return null;
  }
  return expectShape(res, 200, JoblogRequirement, 'JoblogRequirement');
}

/** `PUT /v1/joblogs/{citizenId}/requirement` as the caseworker (remembering the old one first). */
export async function putRequirement(ctx: RuleContext, caseworker: Actor, citizenId: string, requirement: unknown, headers?: Record<string, string>): Promise<Res> {
  const state = stateOf(ctx.suite);
  if (!state.requirements.has(citizenId)) state.requirements.set(citizenId, { caseworker, requirement: await readRequirement(ctx, caseworker, citizenId) });
  ctx.step(`PUT ${requirementPath(citizenId)} as ${caseworker.id}${headers === undefined ? '' : ` with ${Object.entries(headers).map(([name, value]) => `${name}: ${value}`).join(', ')}`}`);
  return send(ctx, 'PUT', requirementPath(citizenId), { as: caseworker, json: requirement, ...(headers === undefined ? {} : { headers }) });
}

/** Puts back what the run changed: deletes its entries, and restores the sharing and the requirement. */
export async function cleanupJoblog(suite: SuiteState, signal: AbortSignal): Promise<void> {
  const state = states.get(suite);
  if (state === undefined) return;
  const ctx: RuleContext = { suite, signal, timeoutMs: suite.options.timeoutMs, step: () => undefined, note: () => undefined, pause: (ms) => sleep(ms, signal) };
  const prefix = `conformance-${suite.runId}-`;
  const notes: string[] = [];
  const problems: string[] = [];
  for (const { actor, cursor } of state.starts.values()) {
    try {
      const { items } = await readFeed(ctx, actor, cursor);
      let deleted = 0;
      for (const item of items) {
        if (!item.id.startsWith(prefix) || 'deleted' in item) continue;
        const res = await send(ctx, 'DELETE', entryPath(item.id), { as: actor, headers: { 'If-Match': `"${String(item.version)}"` } });
        if (res.status !== 204) fail(`DELETE ${entryPath(item.id)}: ${describe(res)}`);
        deleted++;
      }
      notes.push(`deleted the ${String(deleted)} entries the run left for ${actor.id}`);
    } catch (error) {
      problems.push(`${actor.id}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  for (const { actor, shared } of state.shares.values()) {
    try {
      const now = await readShare(ctx, actor);
      if (shared && !now.shared) await send(ctx, 'PUT', MY_JOBLOG_SHARE, { as: actor, json: { consent: true } });
      if (!shared && now.shared) await send(ctx, 'DELETE', MY_JOBLOG_SHARE, { as: actor });
    } catch (error) {
      problems.push(`${actor.id}'s sharing: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  for (const [citizenId, { caseworker, requirement }] of state.requirements) {
    try {
      const res = requirement === null
        ? await send(ctx, 'DELETE', requirementPath(citizenId), { as: caseworker })
        : await send(ctx, 'PUT', requirementPath(citizenId), { as: caseworker, json: requirement });
      if (res.status !== (requirement === null ? 204 : 200)) fail(`${res.method} ${res.path}: ${describe(res)}`);
    } catch (error) {
      problems.push(`${citizenId}'s requirement: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (state.shares.size > 0 || state.requirements.size > 0) notes.push('put back the sharing and the requirement as they were');
  if (notes.length > 0) suite.cleanupNotes.push(`joblog: ${notes.join('; ')} (deleted entries stay as tombstones in the feed)`);
  if (problems.length > 0) suite.cleanupNotes.push(`joblog: could not clean up ${problems.join('; ')}`);
}
