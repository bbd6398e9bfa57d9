import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Me } from '@jobunivers/contract';
import { assertProblem, assertSchema, bearer, forEachDatabase, startServer, type TestServer } from './helpers.js';

forEachDatabase('/v1/me and preferences', (target) => {
  let server: TestServer;
  let drop: () => Promise<void>;
  let token: string;
  before(async () => {
    const created = await target.create();
    drop = created.drop;
    server = await startServer(created.setting);
    token = await server.token('citizen-3');
  });
  after(async () => {
    await server.close();
    await drop();
  });

  const getMe = () => server.app.inject({ url: '/v1/me', headers: bearer(token) });
  const put = (payload: unknown, headers: Record<string, string> = {}) =>
    server.app.inject({ method: 'PUT', url: '/v1/me/preferences', headers: { ...bearer(token), ...headers }, payload: payload as Record<string, unknown> });

  test('GET /v1/me answers the user with first name only, team and preferences, with an ETag', async () => {
    const response = await getMe();
    assert.equal(response.statusCode, 200);
    const me = response.json<Me>();
    assertSchema(Me, me);
    assert.deepEqual(me, { id: 'citizen-3', role: 'citizen', firstName: 'Olena', preferences: { language: 'en', notifyByEmail: true } });
    assert.match(String(response.headers.etag), /^"[0-9]+"$/);
    assert.equal((await server.app.inject({ url: '/v1/me', headers: { ...bearer(token), 'if-none-match': String(response.headers.etag) } })).statusCode, 304);
    const caseworker = await server.app.inject({ url: '/v1/me', headers: bearer(await server.token('caseworker-3')) });
    assert.deepEqual(caseworker.json<Me>().team, { id: 'team-unge', name: 'Team Unge – under 30' });
  });

  test('PUT without If-Match is 428 precondition-required and changes nothing', async () => {
    const before = await server.counts();
    assertProblem(await put({ language: 'da', notifyByEmail: false }), 428, 'precondition-required');
    assert.deepEqual((await getMe()).json<Me>().preferences, { language: 'en', notifyByEmail: true });
    assert.deepEqual(await server.counts(), before);
  });

  test('PUT with the current ETag answers the new document and a new ETag; the old ETag is then 412', async () => {
    const etag = String((await getMe()).headers.etag);
    const response = await put({ language: 'ar', notifyByEmail: false }, { 'if-match': etag });
    assert.equal(response.statusCode, 200);
    assertSchema(Me, response.json());
    assert.deepEqual(response.json<Me>().preferences, { language: 'ar', notifyByEmail: false });
    const next = String(response.headers.etag);
    assert.notEqual(next, etag);
    assert.equal((await getMe()).headers.etag, next);

    const stale = await put({ language: 'da', notifyByEmail: true }, { 'if-match': etag });
    assertProblem(stale, 412, 'etag-mismatch');
    assert.deepEqual((await getMe()).json<Me>().preferences, { language: 'ar', notifyByEmail: false });
    assertProblem(await put({ language: 'da', notifyByEmail: true }, { 'if-match': `W/${next}` }), 412, 'etag-mismatch');
  });

  test('two updates racing with the same ETag: exactly one wins, the other gets 412', async () => {
    const etag = String((await getMe()).headers.etag);
    const results = await Promise.all([
      put({ language: 'da', notifyByEmail: true }, { 'if-match': etag }),
      put({ language: 'en', notifyByEmail: false }, { 'if-match': etag }),
    ]);
    assert.deepEqual(results.map((response) => response.statusCode).sort(), [200, 412]);
  });

  test('bad bodies are 400 invalid-request with pointers, and change nothing', async () => {
    const etag = String((await getMe()).headers.etag);
    const beforeMe = (await getMe()).body;
    const beforeCounts = await server.counts();
    const cases: [unknown, string, string][] = [
      [{ language: 'sv', notifyByEmail: true }, '/language', 'enum'],
      [{ language: 'da', notifyByEmail: 'yes' }, '/notifyByEmail', 'type'],
      [{ language: 'da' }, '/notifyByEmail', 'required'],
      [{ language: 'da', notifyByEmail: true, theme: 'dark' }, '/theme', 'additionalProperties'],
      [['da', true], '', 'type'],
    ];
    for (const [payload, pointer, code] of cases) {
      const problem = assertProblem(await put(payload, { 'if-match': etag }), 400, 'invalid-request');
      const errors = problem.errors as { pointer: string; code: string }[];
      assert.ok(errors.some((error) => error.pointer === pointer && error.code === code), `${JSON.stringify(payload)} → ${JSON.stringify(errors)}`);
    }
    assertProblem(await server.app.inject({ method: 'PUT', url: '/v1/me/preferences', headers: { ...bearer(token), 'if-match': etag, 'content-type': 'application/json' }, payload: '{"language":' }), 400, 'malformed-json');
    assertProblem(await server.app.inject({ method: 'PUT', url: '/v1/me/preferences', headers: { ...bearer(token), 'if-match': etag, 'content-type': 'text/plain' }, payload: 'da' }), 415, 'unsupported-media-type');
    assert.equal((await getMe()).body, beforeMe);
    assert.deepEqual(await server.counts(), beforeCounts);
  });
});
