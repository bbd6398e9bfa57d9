/** Versions: ETags on documents, `If-None-Match` → `304`, and `If-Match` on `PUT /v1/me/preferences`. */
import { check, fail, precondition, sleep, type Preferences, type RuleContext, type RuleGroup, type SuiteState } from '../context.js';
import { describe, expectJson, expectProblem, expectStatus, expectStrongEtag, send, type SendOptions } from '../http.js';
import { expectUnchanged, otherPreferences, putPreferences, readMe } from '../me.js';
import { actor } from '../notifications.js';

async function conditionalGet(ctx: RuleContext, path: string, options: SendOptions): Promise<void> {
  ctx.step(`GET ${path}`);
  const first = await send(ctx, 'GET', path, options);
  expectStatus(first, 200);
  const etag = expectStrongEtag(first);
  ctx.step(`GET ${path} with If-None-Match: ${etag}`);
  const second = await send(ctx, 'GET', path, { ...options, headers: { 'If-None-Match': etag } });
  if (second.status !== 304) fail(`expected 304 Not Modified for an unchanged document, got ${describe(second)}`);
  check(second.text === '', `the 304 to GET ${path} has a body`);
  ctx.step(`GET ${path} with a different If-None-Match`);
  const third = await send(ctx, 'GET', path, { ...options, headers: { 'If-None-Match': '"conformance-other-version"' } });
  expectStatus(third, 200);
}

export const etag: RuleGroup = {
  name: 'etag',
  title: 'Versions (ETags)',
  rules: [
    {
      id: 'etag.config',
      title: 'GET /v1/config has a strong ETag; If-None-Match with it → 304, with another → 200',
      run: (ctx) => conditionalGet(ctx, '/v1/config', {}),
    },
    {
      id: 'etag.me',
      title: 'GET /v1/me has a strong ETag; If-None-Match with it → 304, with another → 200',
      needs: ['citizen'],
      run: (ctx) => conditionalGet(ctx, '/v1/me', { as: actor(ctx.suite, 'citizen') }),
    },
    {
      id: 'etag.if-match-required',
      title: 'PUT /v1/me/preferences without If-Match → 428 precondition-required, nothing changed',
      needs: ['citizen'],
      async run(ctx) {
        const citizen = actor(ctx.suite, 'citizen');
        const before = await readMe(ctx, citizen);
        ctx.step('PUT /v1/me/preferences without If-Match');
        expectProblem(await putPreferences(ctx, citizen, { json: otherPreferences(before.preferences) }), 428, 'precondition-required');
        await expectUnchanged(ctx, citizen, before, 'the PUT without If-Match');
      },
    },
    {
      id: 'etag.update',
      title: 'PUT /v1/me/preferences with the current If-Match → 200, the new /v1/me document and a new ETag that GET /v1/me then gives',
      needs: ['citizen'],
      async run(ctx) {
        const citizen = actor(ctx.suite, 'citizen');
        const before = await readMe(ctx, citizen);
        if (before.etag === null) fail('GET /v1/me has no ETag');
        const wanted = otherPreferences(before.preferences);
        ctx.step(`PUT /v1/me/preferences with If-Match: ${before.etag}`);
        const res = await putPreferences(ctx, citizen, { ifMatch: before.etag, json: wanted });
        const me = expectJson(res, 200, 'Me') as { id: string; preferences: Preferences };
        check(me.id === citizen.id, `the PUT answered the document of ${me.id}`);
        check(JSON.stringify(me.preferences) === JSON.stringify(wanted), `the PUT answered preferences ${JSON.stringify(me.preferences)}, expected ${JSON.stringify(wanted)}`);
        const newEtag = expectStrongEtag(res);
        check(newEtag !== before.etag, `the PUT answered the old ETag ${newEtag}`);
        ctx.step('GET /v1/me after the PUT');
        const after = await readMe(ctx, citizen);
        check(after.etag === newEtag, `GET /v1/me gives ETag ${String(after.etag)}, the PUT answered ${newEtag}`);
        check(JSON.stringify(after.preferences) === JSON.stringify(wanted), `GET /v1/me gives preferences ${JSON.stringify(after.preferences)} after the PUT`);
        ctx.step('GET /v1/me with If-None-Match: <the ETag before the PUT>');
        expectStatus(await send(ctx, 'GET', '/v1/me', { as: citizen, headers: { 'If-None-Match': before.etag } }), 200);
      },
    },
    {
      id: 'etag.stale-if-match',
      title: 'PUT /v1/me/preferences with a stale If-Match → 412 etag-mismatch, nothing changed',
      needs: ['citizen'],
      async run(ctx) {
        const citizen = actor(ctx.suite, 'citizen');
        // Make a stale version: read, update once (new version), then send the old ETag.
        const stale = await precondition('read /v1/me and update the preferences once', async () => {
          const first = await readMe(ctx, citizen);
          if (first.etag === null) throw new Error('GET /v1/me has no ETag');
          const res = await putPreferences(ctx, citizen, { ifMatch: first.etag, json: otherPreferences(first.preferences) });
          expectStatus(res, 200);
          return first;
        });
        const before = await readMe(ctx, citizen);
        check(before.etag !== stale.etag, 'the ETag of /v1/me did not change after an update');
        ctx.step(`PUT /v1/me/preferences with the stale If-Match: ${String(stale.etag)}`);
        const res = await putPreferences(ctx, citizen, { ifMatch: stale.etag, json: otherPreferences(before.preferences) });
        expectProblem(res, 412, 'etag-mismatch');
        await expectUnchanged(ctx, citizen, before, 'the PUT with a stale If-Match');
      },
    },
  ],
  async cleanup(suite, signal) {
    await restorePreferences(suite, signal);
  },
};

/** Puts the citizen's preferences back to what they were before the suite ran (best effort). */
export async function restorePreferences(suite: SuiteState, signal: AbortSignal): Promise<void> {
  const citizen = suite.citizen;
  const original = suite.originalPreferences;
  if (citizen === undefined || original === undefined) return;
  const ctx: RuleContext = { suite, signal, step: () => undefined, note: () => undefined, timeoutMs: 0, pause: (ms) => sleep(ms, signal) };
  const now = await readMe(ctx, citizen);
  if (JSON.stringify(now.preferences) === JSON.stringify(original)) return;
  const res = await putPreferences(ctx, citizen, { ifMatch: now.etag, json: original });
  if (res.status !== 200) throw new Error(`could not restore the citizen's preferences: ${describe(res)}`);
  if (!suite.cleanupNotes.includes('restored the citizen\'s preferences')) suite.cleanupNotes.push('restored the citizen\'s preferences');
}
