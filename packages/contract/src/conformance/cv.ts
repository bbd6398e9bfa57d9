/// <reference types="node" />
/**
 * Helpers for the `cv` group: reading and writing a citizen's CV and its sharing, the documents the rules send, and
 * putting every CV the run touched back as it was (the document and whether it was shared) when the group ends. The
 * rules never assume a state: each one first makes the state it needs (a CV or none, shared or not).
 */
import type { Static, TSchema } from 'typebox';
import { CvShare, JsonResume, SharedCvList, type CvShare as CvShareDoc, type SharedCvList as SharedCvListDoc } from '../schemas/index.js';
import { check, fail, skip, sleep, type Actor, type RuleContext, type SuiteState } from './context.js';
import { describe, expectJson, expectProblem, expectStrongEtag, isRecord, send, type Res } from './http.js';
import { describeSchemaErrors } from './validate.js';

export const MY_CV = '/v1/me/cv';
export const MY_SHARE = '/v1/me/cv/share';
export const SHARED_CVS = '/v1/cvs';
export const sharedCvPath = (citizenId: string): string => `${SHARED_CVS}/${encodeURIComponent(citizenId)}`;

/** The largest CV a server must take (the contract's `CV_MAX_BYTES`). */
export const CV_LIMIT = 512 * 1024;

interface Snapshot {
  actor: Actor;
  /** The document before the run touched it; `null`: the citizen had none. */
  document: unknown;
  shared: boolean;
}

interface CvState {
  /** `false`: the CV resources are on; a string: why the CV rules are skipped; `undefined`: not asked yet. */
  disabled?: string | false;
  /** Every citizen whose CV a rule was about to change, as it was before (restored by `cleanupCv`). */
  snapshots: Map<string, Snapshot>;
}

const states = new WeakMap<SuiteState, CvState>();

function stateOf(suite: SuiteState): CvState {
  let state = states.get(suite);
  if (state === undefined) {
    state = { snapshots: new Map() };
    states.set(suite, state);
  }
  return state;
}

/** Skips the rule when `GET /v1/config` says `widgets.cvBuilder` is false (asked once per run). */
export async function requireCv(ctx: RuleContext): Promise<void> {
  const state = stateOf(ctx.suite);
  if (state.disabled === undefined) {
    ctx.step('GET /v1/config (is the CV builder on?)');
    const body = expectJson(await send(ctx, 'GET', '/v1/config'), 200);
    const widgets = isRecord(body) ? body.widgets : undefined;
    state.disabled = isRecord(widgets) && widgets.cvBuilder === false ? 'the server\'s GET /v1/config says widgets.cvBuilder is false' : false;
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

export interface StoredCv {
  document: unknown;
  etag: string;
}

/**
 * `GET /v1/me/cv`: the document and its ETag, or `null` on `404 not-found`. `lenient`: any JSON document (for the
 * helpers that only need the ETag to overwrite it, so one rule's invalid document does not fail the next rules).
 */
export async function readCv(ctx: RuleContext, as: Actor, lenient = false): Promise<StoredCv | null> {
  ctx.step(`GET ${MY_CV} as ${as.id}`);
  const res = await send(ctx, 'GET', MY_CV, { as });
  if (res.status === 404) {
    expectProblem(res, 404, 'not-found');
    return null;
  }
  const document = lenient ? expectJson(res, 200) : expectShape(res, 200, JsonResume, 'JsonResume');
  return { document, etag: expectStrongEtag(res) };
}

export function putCv(ctx: RuleContext, as: Actor, document: unknown, precondition: { ifMatch?: string; ifNoneMatch?: string } = {}): Promise<Res> {
  const headers: Record<string, string> = {};
  if (precondition.ifMatch !== undefined) headers['If-Match'] = precondition.ifMatch;
  if (precondition.ifNoneMatch !== undefined) headers['If-None-Match'] = precondition.ifNoneMatch;
  const how = precondition.ifMatch !== undefined ? `If-Match: ${precondition.ifMatch}` : precondition.ifNoneMatch !== undefined ? `If-None-Match: ${precondition.ifNoneMatch}` : 'no precondition';
  ctx.step(`PUT ${MY_CV} as ${as.id} (${how})`);
  return send(ctx, 'PUT', MY_CV, { as, json: document, headers });
}

/** Remembers the actor's CV and sharing before the run first changes them (once per actor and run). */
export async function remember(ctx: RuleContext, as: Actor): Promise<void> {
  const state = stateOf(ctx.suite);
  if (state.snapshots.has(as.id)) return;
  const stored = await readCv(ctx, as, true);
  const shared = await readShare(ctx, as);
  state.snapshots.set(as.id, { actor: as, document: stored === null ? null : stored.document, shared: shared.shared });
}

/** Makes `document` the actor's CV (creating or replacing it); answers its ETag. */
export async function ensureCv(ctx: RuleContext, as: Actor, document: unknown): Promise<string> {
  await remember(ctx, as);
  const current = await readCv(ctx, as, true);
  const res = await putCv(ctx, as, document, current === null ? { ifNoneMatch: '*' } : { ifMatch: current.etag });
  expectJson(res, 200);
  return expectStrongEtag(res);
}

/** Deletes the actor's CV (and with it any sharing). */
export async function clearCv(ctx: RuleContext, as: Actor): Promise<void> {
  await remember(ctx, as);
  ctx.step(`DELETE ${MY_CV} as ${as.id}`);
  const res = await send(ctx, 'DELETE', MY_CV, { as });
  if (res.status !== 204) fail(`expected 204, got ${describe(res)}`);
}

export async function readShare(ctx: RuleContext, as: Actor): Promise<CvShareDoc> {
  ctx.step(`GET ${MY_SHARE} as ${as.id}`);
  return checkShare(await send(ctx, 'GET', MY_SHARE, { as }));
}

/** `PUT /v1/me/cv/share` with the consent; answers the sharing (200 expected). */
export async function shareCv(ctx: RuleContext, as: Actor): Promise<CvShareDoc> {
  await remember(ctx, as);
  ctx.step(`PUT ${MY_SHARE} {"consent":true} as ${as.id}`);
  const share = checkShare(await send(ctx, 'PUT', MY_SHARE, { as, json: { consent: true } }));
  check(share.shared && share.sharedAt !== null, `PUT ${MY_SHARE} {"consent":true} answered ${JSON.stringify(share)}, expected shared: true with a sharedAt`);
  return share;
}

/** `DELETE /v1/me/cv/share`; answers the sharing (200 expected). */
export async function unshareCv(ctx: RuleContext, as: Actor): Promise<CvShareDoc> {
  await remember(ctx, as);
  ctx.step(`DELETE ${MY_SHARE} as ${as.id}`);
  return checkShare(await send(ctx, 'DELETE', MY_SHARE, { as }));
}

function checkShare(res: Res): CvShareDoc {
  const share = expectShape(res, 200, CvShare, 'CvShare');
  check(share.shared === (share.sharedAt !== null), `${res.method} ${res.path}: shared ${String(share.shared)} with sharedAt ${String(share.sharedAt)} (sharedAt is null exactly when not shared)`);
  return share;
}

/** `GET /v1/cvs` as the caseworker. */
export async function sharedList(ctx: RuleContext, caseworker: Actor): Promise<SharedCvListDoc> {
  ctx.step(`GET ${SHARED_CVS} as ${caseworker.id}`);
  return expectShape(await send(ctx, 'GET', SHARED_CVS, { as: caseworker }), 200, SharedCvList, 'SharedCvList');
}

/** A CV with only standard JSON Resume fields, marked with the run and a label. */
export function cvDocument(suite: SuiteState, label: string): Record<string, unknown> {
  return {
    basics: {
      name: 'Conformance Testperson',
      label: 'Lagermedarbejder',
      summary: `Created by the Jobunivers conformance suite (run ${suite.runId}): ${label}. The citizen's own CV is put back at the end of the run.`,
      location: { city: 'Eksempelby', countryCode: 'DK' },
    },
    work: [{ name: 'Eksempel Lager A/S', position: 'Lagermedarbejder', startDate: '2019-03', highlights: ['Plukning', 'Truckkørsel'] }],
    education: [{ institution: 'Erhvervsskolen', studyType: 'Erhvervsuddannelse', startDate: '2015', endDate: '2017-06-30' }],
    languages: [{ language: 'Dansk', fluency: 'Modersmål' }],
  };
}

/** Puts back every CV the run changed: the document (a new version of it) and whether it was shared. */
export async function cleanupCv(suite: SuiteState, signal: AbortSignal): Promise<void> {
  const state = states.get(suite);
  if (state === undefined || state.snapshots.size === 0) return;
  const ctx: RuleContext = { suite, signal, timeoutMs: suite.options.timeoutMs, step: () => undefined, note: () => undefined, pause: (ms) => sleep(ms, signal) };
  const restored: string[] = [];
  const problems: string[] = [];
  for (const snapshot of state.snapshots.values()) {
    const { actor } = snapshot;
    try {
      const current = await readCv(ctx, actor, true);
      if (snapshot.document === null) {
        if (current !== null) {
          const res = await send(ctx, 'DELETE', MY_CV, { as: actor });
          if (res.status !== 204) fail(`DELETE ${MY_CV}: ${describe(res)}`);
        }
      } else {
        if (current === null || JSON.stringify(current.document) !== JSON.stringify(snapshot.document)) {
          const res = await putCv(ctx, actor, snapshot.document, current === null ? { ifNoneMatch: '*' } : { ifMatch: current.etag });
          if (res.status !== 200) fail(`PUT ${MY_CV}: ${describe(res)}`);
        }
        const share = await readShare(ctx, actor);
        if (snapshot.shared && !share.shared) await send(ctx, 'PUT', MY_SHARE, { as: actor, json: { consent: true } });
        if (!snapshot.shared && share.shared) await send(ctx, 'DELETE', MY_SHARE, { as: actor });
      }
      restored.push(actor.id);
    } catch (error) {
      problems.push(`${actor.id}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (restored.length > 0) suite.cleanupNotes.push(`cv: put back the CV and its sharing as they were for ${restored.join(', ')} (as a new version)`);
  if (problems.length > 0) suite.cleanupNotes.push(`cv: could not put back the CV of ${problems.join('; ')}`);
}
