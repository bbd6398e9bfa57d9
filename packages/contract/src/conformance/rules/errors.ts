/**
 * Errors: every error is `application/problem+json` with `status`, `code` and `type`
 * `urn:jobunivers:problem:<code>`, and a failed write changes nothing. The write rules use
 * `PUT /v1/me/preferences` with a valid `If-Match`, so the body is the only thing wrong.
 */
import { check, type RuleContext, type RuleGroup } from '../context.js';
import { expectProblem, send } from '../http.js';
import { actor } from '../notifications.js';
import { expectUnchanged, putPreferences, readMe } from '../me.js';

/** Sends a broken preferences update with a current `If-Match` and checks the problem and that nothing changed. */
async function brokenUpdate(
  ctx: RuleContext,
  what: string,
  request: { json?: unknown; body?: string; contentType?: string },
  status: number,
  code: string,
  pointers?: readonly string[],
): Promise<void> {
  const citizen = actor(ctx.suite, 'citizen');
  ctx.step('GET /v1/me');
  const before = await readMe(ctx, citizen);
  ctx.step(`PUT /v1/me/preferences with ${what}`);
  const res = await putPreferences(ctx, citizen, { ifMatch: before.etag, ...request });
  expectProblem(res, status, code, pointers === undefined ? {} : { pointers });
  await expectUnchanged(ctx, citizen, before, `PUT /v1/me/preferences with ${what}`);
}

export const errors: RuleGroup = {
  name: 'errors',
  title: 'Errors (RFC 9457 problem details)',
  rules: [
    {
      id: 'errors.unknown-route',
      title: 'an unknown route → 404 not-found as application/problem+json',
      async run(ctx) {
        ctx.step('GET /v1/conformance-no-such-route');
        const res = await send(ctx, 'GET', `/v1/conformance-no-such-route-${ctx.suite.runId}`, { as: ctx.suite.citizen });
        expectProblem(res, 404, 'not-found');
      },
    },
    {
      id: 'errors.malformed-json',
      title: 'a body that is not JSON → 400 malformed-json, nothing changed',
      needs: ['citizen'],
      run: (ctx) => brokenUpdate(ctx, 'a body that is not JSON', { body: '{"language": "da", "notifyByEmail": ', contentType: 'application/json' }, 400, 'malformed-json'),
    },
    {
      id: 'errors.unknown-field',
      title: 'an unknown field in the body → 400 invalid-request with errors[].pointer, nothing changed',
      needs: ['citizen'],
      async run(ctx) {
        const { preferences } = await readMe(ctx, actor(ctx.suite, 'citizen'));
        await brokenUpdate(ctx, 'an unknown field "colour"', { json: { ...preferences, colour: 'blue' } }, 400, 'invalid-request', ['/colour', '']);
      },
    },
    {
      id: 'errors.wrong-type',
      title: 'a field of the wrong type → 400 invalid-request with errors[].pointer /notifyByEmail, nothing changed',
      needs: ['citizen'],
      async run(ctx) {
        const { preferences } = await readMe(ctx, actor(ctx.suite, 'citizen'));
        await brokenUpdate(ctx, '"notifyByEmail": "yes"', { json: { ...preferences, notifyByEmail: 'yes' } }, 400, 'invalid-request', ['/notifyByEmail']);
      },
    },
    {
      id: 'errors.payload-too-large',
      title: 'a body over 64 KiB → 413 payload-too-large, nothing changed',
      needs: ['citizen'],
      async run(ctx) {
        const { preferences } = await readMe(ctx, actor(ctx.suite, 'citizen'));
        const body = JSON.stringify({ ...preferences, padding: 'x'.repeat(70 * 1024) });
        check(body.length > 64 * 1024, 'the test body is not over 64 KiB');
        await brokenUpdate(ctx, `a ${String(Math.round(body.length / 1024))} KiB body`, { body, contentType: 'application/json' }, 413, 'payload-too-large');
      },
    },
    {
      id: 'errors.unsupported-media-type',
      title: 'a write with Content-Type text/plain → 415 unsupported-media-type, nothing changed',
      needs: ['citizen'],
      async run(ctx) {
        const { preferences } = await readMe(ctx, actor(ctx.suite, 'citizen'));
        const body = JSON.stringify({ language: preferences.language === 'en' ? 'da' : 'en', notifyByEmail: !preferences.notifyByEmail });
        await brokenUpdate(ctx, 'Content-Type text/plain', { body, contentType: 'text/plain' }, 415, 'unsupported-media-type');
      },
    },
  ],
};
