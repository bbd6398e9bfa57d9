import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertProblem, bearer, forEachDatabase, signToken, startServer, type TestServer } from './helpers.js';

forEachDatabase('authentication and roles', (target) => {
  let server: TestServer;
  let drop: () => Promise<void>;
  before(async () => {
    const created = await target.create();
    drop = created.drop;
    server = await startServer(created.setting);
  });
  after(async () => {
    await server.close();
    await drop();
  });

  const me = (headers: Record<string, string>) => server.app.inject({ url: '/v1/me', headers });

  test('no Authorization header is 401 unauthenticated with WWW-Authenticate: Bearer', async () => {
    const response = await me({});
    assertProblem(response, 401, 'unauthenticated');
    assert.equal(response.headers['www-authenticate'], 'Bearer');
    assertProblem(await me({ authorization: 'Basic dXNlcjpwYXNz' }), 401, 'unauthenticated');
  });

  test('a malformed token or a bad signature is 401 token-invalid with error="invalid_token"', async () => {
    for (const authorization of ['Bearer not-a-jwt', 'Bearer a.b.c', 'Bearer']) {
      const response = await me({ authorization });
      assertProblem(response, 401, 'token-invalid');
      assert.equal(response.headers['www-authenticate'], 'Bearer error="invalid_token"');
    }
    const forged = await signToken({ sub: 'citizen-1', role: 'citizen', secret: 'another-secret-that-is-long-enough-000000000' });
    assertProblem(await me(bearer(forged)), 401, 'token-invalid');
  });

  test('an expired token is 401 token-expired', async () => {
    const token = await signToken({ sub: 'citizen-1', role: 'citizen', expiresIn: -120 });
    assertProblem(await me(bearer(token)), 401, 'token-expired');
  });

  test('a token for another audience is 401 token-audience', async () => {
    const token = await signToken({ sub: 'citizen-1', role: 'citizen', aud: 'another-service' });
    assertProblem(await me(bearer(token)), 401, 'token-audience');
  });

  test('missing claims, an unknown user or a role that does not match the user is 401 token-invalid', async () => {
    assertProblem(await me(bearer(await signToken({ sub: 'citizen-1', role: 'citizen', noExp: true }))), 401, 'token-invalid');
    assertProblem(await me(bearer(await signToken({ role: 'citizen' }))), 401, 'token-invalid');
    assertProblem(await me(bearer(await signToken({ sub: 'citizen-1' }))), 401, 'token-invalid');
    assertProblem(await me(bearer(await signToken({ sub: 'citizen-1', role: 'admin' }))), 401, 'token-invalid');
    assertProblem(await me(bearer(await signToken({ sub: 'citizen-99', role: 'citizen' }))), 401, 'token-invalid');
    assertProblem(await me(bearer(await signToken({ sub: 'citizen-1', role: 'caseworker' }))), 401, 'token-invalid');
  });

  test('a valid token reaches the resource', async () => {
    const response = await me(bearer(await server.token('citizen-1')));
    assert.equal(response.statusCode, 200);
    assert.equal(response.json<{ id: string }>().id, 'citizen-1');
  });

  test('a citizen on a caseworker endpoint is 403 forbidden, and a caseworker on a citizen endpoint too', async () => {
    const citizen = await server.token('citizen-1');
    const response = await server.app.inject({
      method: 'POST',
      url: '/v1/citizens/citizen-1/notifications',
      headers: { ...bearer(citizen), 'idempotency-key': 'k-1' },
      payload: { title: 'Hej', body: 'Test' },
    });
    assertProblem(response, 403, 'forbidden');
    const caseworker = await server.token('caseworker-1');
    assertProblem(await server.app.inject({ url: '/v1/notifications', headers: bearer(caseworker) }), 403, 'forbidden');
  });

  test('authentication comes before body checks: no token with a bad body is still 401', async () => {
    const response = await server.app.inject({ method: 'PUT', url: '/v1/me/preferences', headers: { 'content-type': 'application/json' }, payload: '{bad' });
    assertProblem(response, 401, 'unauthenticated');
  });
});

forEachDatabase('issuer', (target) => {
  test('with JWT_ISSUER set, tokens must carry that iss', async () => {
    const { setting, drop } = await target.create();
    const server = await startServer(setting, { env: { JWT_ISSUER: 'https://login.eksempelby.dk' } });
    try {
      const right = await signToken({ sub: 'citizen-1', role: 'citizen', iss: 'https://login.eksempelby.dk' });
      assert.equal((await server.app.inject({ url: '/v1/me', headers: bearer(right) })).statusCode, 200);
      const wrong = await signToken({ sub: 'citizen-1', role: 'citizen', iss: 'https://evil.example' });
      assertProblem(await server.app.inject({ url: '/v1/me', headers: bearer(wrong) }), 401, 'token-invalid');
      const none = await signToken({ sub: 'citizen-1', role: 'citizen' });
      assertProblem(await server.app.inject({ url: '/v1/me', headers: bearer(none) }), 401, 'token-invalid');
    } finally {
      await server.close();
      await drop();
    }
  });
});
