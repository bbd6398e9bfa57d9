import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildOpenApiDocument, Config, HealthStatus, renderOpenApiDocument } from '@jobunivers/contract';
import { ConfigError, loadConfig } from '../src/config.js';
import { seedDemoData } from '../src/seed.js';
import { assertProblem, assertSchema, bearer, forEachDatabase, startServer, type TestServer } from './helpers.js';

forEachDatabase('public resources, errors and headers', (target) => {
  let server: TestServer;
  let drop: () => Promise<void>;
  before(async () => {
    const created = await target.create();
    drop = created.drop;
    server = await startServer(created.setting, { env: { CORS_ORIGINS: 'https://www.eksempelby.dk' } });
  });
  after(async () => {
    await server.close();
    await drop();
  });

  test('GET /health/live and /health/ready answer ok', async () => {
    for (const url of ['/health/live', '/health/ready']) {
      const response = await server.app.inject({ url });
      assert.equal(response.statusCode, 200);
      assertSchema(HealthStatus, response.json());
    }
  });

  test('GET /v1/config answers the municipality with a strong ETag, and 304 for If-None-Match', async () => {
    const response = await server.app.inject({ url: '/v1/config' });
    assert.equal(response.statusCode, 200);
    assertSchema(Config, response.json());
    const config = response.json<Config>();
    assert.equal(config.municipality.name, 'Jobcenter Eksempelby');
    assert.deepEqual(config.openingHours.weekly.find((day) => day.weekday === 5), { weekday: 5, opens: '08:00', closes: '13:00' });
    assert.equal(config.openingHours.exceptions.find((day) => day.date === '2026-12-24')?.closed, true);
    const etag = String(response.headers.etag);
    assert.match(etag, /^"[0-9]+"$/);
    const cached = await server.app.inject({ url: '/v1/config', headers: { 'if-none-match': etag } });
    assert.equal(cached.statusCode, 304);
    assert.equal(cached.body, '');
    assert.equal(cached.headers.etag, etag);
    const stale = await server.app.inject({ url: '/v1/config', headers: { 'if-none-match': '"999"' } });
    assert.equal(stale.statusCode, 200);
  });

  test('seeding twice changes nothing', async () => {
    const before = await server.counts();
    assert.equal(await seedDemoData(server.database.db), 0);
    assert.deepEqual(await server.counts(), before);
  });

  test('an unknown path is 404 not-found, an unknown method on a known path 405 with Allow', async () => {
    assertProblem(await server.app.inject({ url: '/v1/nothing-here' }), 404, 'not-found');
    assertProblem(await server.app.inject({ method: 'POST', url: '/v1/nothing-here', payload: {} }), 404, 'not-found');
    const response = await server.app.inject({ method: 'DELETE', url: '/v1/config' });
    assertProblem(response, 405, 'method-not-allowed');
    assert.match(String(response.headers.allow), /GET/);
  });

  test('problem titles follow Accept-Language (Danish or English)', async () => {
    const danish = assertProblem(await server.app.inject({ url: '/v1/nope', headers: { 'accept-language': 'da-DK,da;q=0.9,en;q=0.5' } }), 404, 'not-found');
    assert.equal(danish.title, 'Findes ikke');
    const english = assertProblem(await server.app.inject({ url: '/v1/nope', headers: { 'accept-language': 'en' } }), 404, 'not-found');
    assert.equal(english.title, 'Not found');
  });

  test('a body that is not JSON is 400 malformed-json', async () => {
    const response = await server.app.inject({ method: 'POST', url: '/v1/demo/login', headers: { 'content-type': 'application/json' }, payload: '{"userId": ' });
    assertProblem(response, 400, 'malformed-json');
  });

  test('a write with another Content-Type is 415 unsupported-media-type', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) {
      const response = await server.app.inject({ method: 'POST', url: '/v1/demo/login', headers: { 'content-type': type }, payload: 'userId=citizen-1' });
      assertProblem(response, 415, 'unsupported-media-type');
    }
  });

  test('a body over 64 KiB is 413 payload-too-large', async () => {
    const payload = JSON.stringify({ userId: 'citizen-1', padding: 'x'.repeat(65 * 1024) });
    assertProblem(await server.app.inject({ method: 'POST', url: '/v1/demo/login', headers: { 'content-type': 'application/json' }, payload }), 413, 'payload-too-large');
  });

  test('unknown fields and wrong types are 400 invalid-request with JSON pointers', async () => {
    const response = await server.app.inject({ method: 'POST', url: '/v1/demo/login', payload: { userId: 42, admin: true } });
    const problem = assertProblem(response, 400, 'invalid-request');
    const errors = problem.errors as { pointer: string; code: string }[];
    assert.ok(errors.some((error) => error.pointer === '/admin' && error.code === 'additionalProperties'), JSON.stringify(errors));
    assert.ok(errors.some((error) => error.pointer === '/userId' && error.code === 'type'), JSON.stringify(errors));
  });

  test('demo login answers a token that works, and the /v1/me document', async () => {
    const login = await server.app.inject({ method: 'POST', url: '/v1/demo/login', payload: { userId: 'citizen-2' } });
    assert.equal(login.statusCode, 200);
    const body = login.json<{ token: string; expiresAt: string; user: { id: string; preferences: { language: string } } }>();
    assert.equal(body.user.id, 'citizen-2');
    assert.equal(body.user.preferences.language, 'ar');
    assert.ok(Date.parse(body.expiresAt) > Date.now());
    const me = await server.app.inject({ url: '/v1/me', headers: bearer(body.token) });
    assert.equal(me.statusCode, 200);
    assertProblem(await server.app.inject({ method: 'POST', url: '/v1/demo/login', payload: { userId: 'nobody' } }), 404, 'not-found');
  });

  test('demo users lists the fictional citizens and caseworkers', async () => {
    const response = await server.app.inject({ url: '/v1/demo/users' });
    const { items } = response.json<{ items: { role: string; firstName: string }[] }>();
    assert.equal(items.filter((user) => user.role === 'citizen').length, 4);
    assert.equal(items.filter((user) => user.role === 'caseworker').length, 3);
  });

  test('CORS answers configured origins with the contract headers, and not others', async () => {
    const preflight = await server.app.inject({
      method: 'OPTIONS',
      url: '/v1/me/preferences',
      headers: { origin: 'https://www.eksempelby.dk', 'access-control-request-method': 'PUT', 'access-control-request-headers': 'authorization, if-match, content-type' },
    });
    assert.equal(preflight.headers['access-control-allow-origin'], 'https://www.eksempelby.dk');
    const allowed = String(preflight.headers['access-control-allow-headers']).toLowerCase();
    for (const header of ['authorization', 'content-type', 'idempotency-key', 'if-match', 'if-none-match', 'last-event-id']) assert.ok(allowed.includes(header), header);
    const simple = await server.app.inject({ url: '/v1/config', headers: { origin: 'https://www.eksempelby.dk' } });
    const exposed = String(simple.headers['access-control-expose-headers']).toLowerCase();
    for (const header of ['etag', 'retry-after', 'idempotent-replayed']) assert.ok(exposed.includes(header), header);
    assert.equal(simple.headers['access-control-allow-credentials'], undefined);
    const other = await server.app.inject({ url: '/v1/config', headers: { origin: 'https://evil.example' } });
    assert.equal(other.headers['access-control-allow-origin'], undefined);
  });

  test('HTML pages get the strict CSP; /openapi.json is served', async () => {
    const page = await server.app.inject({ url: '/' });
    assert.equal(page.statusCode, 200);
    const csp = String(page.headers['content-security-policy']);
    for (const directive of ["default-src 'self'", "script-src 'self'", "style-src 'self'", "require-trusted-types-for 'script'", 'trusted-types lit-html', "connect-src 'self'"]) {
      assert.ok(csp.includes(directive), directive);
    }
    const openapi = await server.app.inject({ url: '/openapi.json' });
    assert.equal(openapi.statusCode, 200);
    assert.equal(openapi.json<{ openapi: string }>().openapi, '3.1.0');
    if (existsSync(join(server.config.rootDir, 'packages/jobunivers/dist/jobunivers.js'))) {
      const bundle = await server.app.inject({ url: '/jobunivers/jobunivers.js' });
      assert.equal(bundle.statusCode, 200);
      assert.match(String(bundle.headers['content-type']), /javascript/);
    }
  });

  test('every operation of the OpenAPI document is served, and the document matches the schemas', () => {
    const document = buildOpenApiDocument();
    for (const [path, item] of Object.entries(document.paths)) {
      for (const method of Object.keys(item)) {
        const url = path.replace(/\{([^}]+)\}/g, ':$1');
        assert.ok(server.app.hasRoute({ method: method.toUpperCase(), url }), `${method.toUpperCase()} ${path}`);
      }
    }
    assert.equal(readFileSync(join(server.config.rootDir, 'docs/openapi.json'), 'utf8'), renderOpenApiDocument(), 'docs/openapi.json is fresh');
  });

  test('logs carry method, route pattern and status, never tokens, bodies or first names', async () => {
    const token = await server.token('citizen-1');
    await server.app.inject({ url: '/v1/me', headers: bearer(token) });
    await server.app.inject({ url: '/v1/notifications/notification-2', headers: bearer(token) });
    await server.app.inject({ method: 'POST', url: '/v1/demo/login', payload: { userId: 'citizen-3' } });
    await server.app.inject({ method: 'PUT', url: '/v1/me/preferences', headers: { ...bearer(token), 'if-match': '"1"' }, payload: { language: 'da', notifyByEmail: true, name: 'Lars' } });
    const text = server.logs.join('');
    assert.ok(text.includes('"route":"/v1/notifications/:id"'), 'logs the route pattern');
    assert.ok(!text.includes('notification-2'), 'no ids from URLs');
    assert.ok(!text.includes(token), 'no token');
    assert.ok(!text.includes(token.split('.')[1] ?? 'never'), 'no token payload');
    for (const name of ['Lars', 'Amal', 'Olena', 'Sofie', 'Mette', 'Jonas', 'Aisha']) assert.ok(!text.includes(name), `no first name ${name}`);
    assert.ok(!text.toLowerCase().includes('bearer'), 'no Authorization header');
  });
});

forEachDatabase('rate limit, demo off, database down', (target) => {
  test('over RATE_LIMIT requests a minute is 429 rate-limited with Retry-After', async () => {
    const { setting, drop } = await target.create();
    const server = await startServer(setting, { env: { RATE_LIMIT: '3' } });
    try {
      for (let index = 0; index < 3; index++) assert.equal((await server.app.inject({ url: '/v1/config' })).statusCode, 200);
      const limited = await server.app.inject({ url: '/v1/config' });
      assertProblem(limited, 429, 'rate-limited');
      assert.match(String(limited.headers['retry-after']), /^[0-9]+$/);
      assert.equal((await server.app.inject({ url: '/health/live' })).statusCode, 200, 'health checks are not limited');
    } finally {
      await server.close();
      await drop();
    }
  });

  test('with DEMO=0 the demo routes answer 404 not-found', async () => {
    const { setting, drop } = await target.create();
    const server = await startServer(setting, { env: { DEMO: '0' } });
    try {
      assertProblem(await server.app.inject({ url: '/v1/demo/users' }), 404, 'not-found');
      assertProblem(await server.app.inject({ method: 'POST', url: '/v1/demo/login', payload: { userId: 'citizen-1' } }), 404, 'not-found');
      assert.equal((await server.app.inject({ url: '/v1/config' })).statusCode, 200);
    } finally {
      await server.close();
      await drop();
    }
  });

  test('/health/ready answers 503 unavailable when the database is gone; /health/live stays 200', async () => {
    const { setting, drop } = await target.create();
    const server = await startServer(setting);
    try {
      await server.database.close();
      const ready = await server.app.inject({ url: '/health/ready' });
      assertProblem(ready, 503, 'unavailable');
      assert.match(String(ready.headers['retry-after']), /^[0-9]+$/);
      assert.equal((await server.app.inject({ url: '/health/live' })).statusCode, 200);
      const token = await server.token('citizen-1');
      const me = await server.app.inject({ url: '/v1/me', headers: bearer(token) });
      assert.ok(me.statusCode >= 500, 'a request that needs the database fails as a problem');
      assert.match(String(me.headers['content-type']), /problem\+json/);
      assert.ok(!me.body.includes('destroyed'), 'no internal error messages leak');
    } finally {
      await server.close();
      await drop();
    }
  });
});

void describe('configuration', () => {
  test('defaults: 127.0.0.1:8080, demo on outside production, SQLite under .data/', () => {
    const config = loadConfig({}, () => undefined);
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.port, 8080);
    assert.equal(config.demo, true);
    assert.equal(config.database.kind, 'sqlite');
    assert.ok('file' in config.database && config.database.file.endsWith('.data/jobunivers.sqlite'));
    assert.equal(config.jwtAudience, 'jobunivers');
    assert.deepEqual(config.corsOrigins, []);
    assert.equal(config.rateLimit, 300);
    assert.ok(config.keepAliveMs <= 25_000);
  });

  test('warns when the public demo secret is used', () => {
    const warnings: string[] = [];
    loadConfig({}, (message) => warnings.push(message));
    assert.equal(warnings.length, 1);
  });

  test('DATABASE_URL chooses PostgreSQL or a SQLite file', () => {
    assert.equal(loadConfig({ DATABASE_URL: 'postgres://app@127.0.0.1:5432/jobunivers' }, () => undefined).database.kind, 'postgres');
    assert.deepEqual(loadConfig({ DATABASE_URL: 'sqlite::memory:' }, () => undefined).database, { kind: 'sqlite', file: ':memory:' });
    assert.deepEqual(loadConfig({ DATABASE_URL: 'sqlite:/var/tmp/x.sqlite' }, () => undefined).database, { kind: 'sqlite', file: '/var/tmp/x.sqlite' });
  });

  test('lists every problem at once with a hint how to fix it', () => {
    assert.throws(
      () => loadConfig({ PORT: 'eighty', RATE_LIMIT: '0', CORS_ORIGINS: 'eksempelby.dk', JWT_SECRET: 'short', DEMO: 'maybe', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x' }, () => undefined),
      (error: unknown) => error instanceof ConfigError && error.problems.length === 7,
    );
  });

  test('production needs a real key and turns demo mode off', () => {
    assert.throws(() => loadConfig({ NODE_ENV: 'production' }, () => undefined), ConfigError);
    const config = loadConfig({ NODE_ENV: 'production', JWT_JWKS_URL: 'https://login.eksempelby.dk/.well-known/jwks.json' }, () => undefined);
    assert.equal(config.demo, false);
    assert.equal(config.jwt.kind, 'jwks');
    assert.throws(() => loadConfig({ NODE_ENV: 'production', DEMO: '1', JWT_JWKS_URL: 'https://login.eksempelby.dk/jwks.json' }, () => undefined), ConfigError);
  });
});
