import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Notification, NotificationPage } from '@jobunivers/contract';
import type { Transaction } from 'kysely';
import type { Database } from '../src/db/schema.js';
import { InProcessEventBus, type EventBus, type StoredEvent } from '../src/events/bus.js';
import { PostgresEventBus } from '../src/events/postgres-bus.js';
import { hashRequest } from '../src/idempotency.js';
import { assertProblem, assertSchema, bearer, forEachDatabase, startServer, type TestServer } from './helpers.js';

/** A bus that can be told to fail its next publish, to prove a failed write leaves nothing behind. */
class FlakyBus implements EventBus {
  failNext = false;
  constructor(private readonly inner: EventBus) {}
  async publish(trx: Transaction<Database>, userId: string, type: string, data: unknown): Promise<StoredEvent> {
    const event = await this.inner.publish(trx, userId, type, data);
    if (this.failNext) {
      this.failNext = false;
      throw new Error('simulated failure after the insert');
    }
    return event;
  }
  committed(events: readonly StoredEvent[]): void {
    this.inner.committed(events);
  }
  subscribe(userId: string, listener: () => void): () => void {
    return this.inner.subscribe(userId, listener);
  }
  start(): Promise<void> {
    return this.inner.start();
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}

forEachDatabase('notifications', (target) => {
  let server: TestServer;
  let drop: () => Promise<void>;
  let lars: string; // citizen-1, assigned to Mette (caseworker-1)
  let amal: string; // citizen-2
  let mette: string;
  let jonas: string; // not assigned to citizen-1
  let aisha: string;
  let keyCounter = 0;
  let flakyBus: FlakyBus;
  const newKey = () => `test-key-${String(++keyCounter)}-${String(Date.now())}`;

  before(async () => {
    const created = await target.create();
    drop = created.drop;
    flakyBus = new FlakyBus(created.setting.kind === 'postgres' ? new PostgresEventBus({ url: created.setting.url }) : new InProcessEventBus());
    server = await startServer(created.setting, { bus: flakyBus });
    [lars, amal, mette, jonas, aisha] = await Promise.all(['citizen-1', 'citizen-2', 'caseworker-1', 'caseworker-2', 'caseworker-3'].map((id) => server.token(id)));
  });
  after(async () => {
    await server.close();
    await flakyBus.close();
    await drop();
  });

  const list = (token: string, query = '') => server.app.inject({ url: `/v1/notifications${query}`, headers: bearer(token) });
  const create = (token: string, citizenId: string, payload: unknown, key: string | null = newKey()) =>
    server.app.inject({
      method: 'POST',
      url: `/v1/citizens/${citizenId}/notifications`,
      headers: { ...bearer(token), ...(key === null ? {} : { 'idempotency-key': key }) },
      payload: payload as Record<string, unknown>,
    });

  test('a citizen lists their own notifications, newest first', async () => {
    const response = await list(lars);
    assert.equal(response.statusCode, 200);
    const page = response.json<NotificationPage>();
    assertSchema(NotificationPage, page);
    assert.ok(page.items.length >= 3);
    assert.ok(page.items.every((item) => item.citizenId === 'citizen-1'));
    const times = page.items.map((item) => Date.parse(item.createdAt));
    assert.deepEqual(times, [...times].sort((a, b) => b - a));
    assert.equal(page.nextCursor, null);
  });

  test('cursor pagination has no repeats or gaps while new items are added', async () => {
    for (let index = 0; index < 5; index++) assert.equal((await create(mette, 'citizen-1', { title: `Besked ${String(index)}`, body: 'Tekst' })).statusCode, 201);
    const all = (await list(lars, '?limit=100')).json<NotificationPage>().items.map((item) => item.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `?limit=2${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`;
      const page: NotificationPage = (await list(lars, query)).json<NotificationPage>();
      assert.ok(page.items.length <= 2);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
      if (pages++ === 0) {
        // Items created after the first page must not shift the later pages.
        for (let index = 0; index < 3; index++) await create(mette, 'citizen-1', { title: `Ny ${String(index)}`, body: 'Tekst' });
      }
    } while (cursor !== null);
    assert.deepEqual(seen, all);
    assert.equal(new Set(seen).size, seen.length);
  });

  test('a cursor the server did not issue is 400 invalid-cursor; a bad limit is 400 invalid-request', async () => {
    for (const cursor of ['abc', 'bm90aWZpY2F0aW9ucy4y.forged', 'x.y.z']) assertProblem(await list(lars, `?cursor=${cursor}`), 400, 'invalid-cursor');
    for (const limit of ['0', '101', 'ten']) {
      const problem = assertProblem(await list(lars, `?limit=${limit}`), 400, 'invalid-request');
      assert.ok((problem.errors as { pointer: string }[]).some((error) => error.pointer === '/query/limit'));
    }
  });

  test('a citizen reads their own notification; someone else\'s is 404 like a missing one', async () => {
    const own = await server.app.inject({ url: '/v1/notifications/notification-2', headers: bearer(lars) });
    assert.equal(own.statusCode, 200);
    assertSchema(Notification, own.json());
    assertProblem(await server.app.inject({ url: '/v1/notifications/notification-2', headers: bearer(amal) }), 404, 'not-found');
    assertProblem(await server.app.inject({ url: '/v1/notifications/does-not-exist', headers: bearer(lars) }), 404, 'not-found');
    const problem = assertProblem(await server.app.inject({ url: '/v1/notifications/bad%20id!', headers: bearer(lars) }), 400, 'invalid-request');
    assert.equal((problem.errors as { pointer: string }[])[0]?.pointer, '/params/id');
  });

  test('marking read sets readAt once; repeating it is harmless; someone else\'s is 404 and changes nothing', async () => {
    const first = await server.app.inject({ method: 'POST', url: '/v1/notifications/notification-3/read', headers: bearer(lars) });
    assert.equal(first.statusCode, 200);
    const readAt = first.json<Notification>().readAt;
    assert.ok(readAt !== null);
    const again = await server.app.inject({ method: 'POST', url: '/v1/notifications/notification-3/read', headers: { ...bearer(lars), 'content-type': 'application/json' }, payload: '' });
    assert.equal(again.statusCode, 200);
    assert.equal(again.json<Notification>().readAt, readAt);

    const before = await server.app.inject({ url: '/v1/notifications/notification-4', headers: bearer(amal) });
    assertProblem(await server.app.inject({ method: 'POST', url: '/v1/notifications/notification-4/read', headers: bearer(lars) }), 404, 'not-found');
    const after = await server.app.inject({ url: '/v1/notifications/notification-4', headers: bearer(amal) });
    assert.equal(after.body, before.body);
    assert.equal(after.json<Notification>().readAt, null);
  });

  test('a caseworker creates a notification for an assigned citizen (201) and the citizen sees it', async () => {
    const response = await create(mette, 'citizen-1', { title: 'Husk mødet', body: 'Vi ses tirsdag kl. 10 på Torvet 1.', link: '/selvbooking' });
    assert.equal(response.statusCode, 201);
    const created = response.json<Notification>();
    assertSchema(Notification, created);
    assert.equal(created.citizenId, 'citizen-1');
    assert.equal(created.readAt, null);
    assert.equal(response.headers['idempotent-replayed'], undefined);
    const seen = await server.app.inject({ url: `/v1/notifications/${created.id}`, headers: bearer(lars) });
    assert.deepEqual(seen.json(), created);
  });

  test('the same Idempotency-Key and request answers the original response with Idempotent-Replayed', async () => {
    const key = newKey();
    const payload = { title: 'Ny joblog-uge', body: 'Husk at logge dine ansøgninger.' };
    const first = await create(mette, 'citizen-1', payload, key);
    assert.equal(first.statusCode, 201);
    const counts = await server.counts();
    const replay = await create(mette, 'citizen-1', { body: payload.body, title: payload.title }, key); // key order does not matter
    assert.equal(replay.statusCode, 201);
    assert.equal(replay.headers['idempotent-replayed'], 'true');
    assert.deepEqual(replay.json(), first.json());
    assert.deepEqual(await server.counts(), counts, 'nothing created twice');
  });

  test('the same key with a different request is 422 idempotency-key-reused and changes nothing', async () => {
    const key = newKey();
    assert.equal((await create(mette, 'citizen-1', { title: 'A', body: 'B' }, key)).statusCode, 201);
    const counts = await server.counts();
    assertProblem(await create(mette, 'citizen-1', { title: 'A', body: 'C' }, key), 422, 'idempotency-key-reused');
    assertProblem(await create(mette, 'citizen-2', { title: 'A', body: 'B' }, key), 422, 'idempotency-key-reused');
    assert.deepEqual(await server.counts(), counts);
  });

  test('keys are scoped to the user: another caseworker may use the same key', async () => {
    const key = newKey();
    assert.equal((await create(mette, 'citizen-2', { title: 'A', body: 'B' }, key)).statusCode, 201);
    const other = await create(aisha, 'citizen-2', { title: 'A', body: 'B' }, key);
    assert.equal(other.statusCode, 201);
    assert.equal(other.headers['idempotent-replayed'], undefined);
  });

  test('a key that is still being processed is 409 idempotency-key-in-use with Retry-After', async () => {
    const key = newKey();
    const payload = { title: 'I gang', body: 'Behandles stadig' };
    // The state a request leaves while it runs: its claim, committed, without an answer yet.
    await server.database.db
      .insertInto('idempotency_keys')
      .values({
        user_id: 'caseworker-1', key, request_hash: hashRequest('POST', '/v1/citizens/citizen-1/notifications', payload),
        state: 'processing', response_status: null, response_body: null, created_at: new Date().toISOString(),
      })
      .execute();
    const counts = await server.counts();
    const response = await create(mette, 'citizen-1', payload, key);
    assertProblem(response, 409, 'idempotency-key-in-use');
    assert.match(String(response.headers['retry-after']), /^[0-9]+$/);
    assert.deepEqual(await server.counts(), counts);
    assertProblem(await create(mette, 'citizen-1', { ...payload, body: 'Noget andet' }, key), 422, 'idempotency-key-reused');
  });

  test('a claim abandoned by a crashed request is taken over after a minute', async () => {
    const key = newKey();
    const payload = { title: 'Efter nedbrud', body: 'Prøv igen' };
    await server.database.db
      .insertInto('idempotency_keys')
      .values({
        user_id: 'caseworker-1', key, request_hash: hashRequest('POST', '/v1/citizens/citizen-1/notifications', payload),
        state: 'processing', response_status: null, response_body: null, created_at: new Date(Date.now() - 120_000).toISOString(),
      })
      .execute();
    assert.equal((await create(mette, 'citizen-1', payload, key)).statusCode, 201);
    const replay = await create(mette, 'citizen-1', payload, key);
    assert.equal(replay.headers['idempotent-replayed'], 'true');
  });

  test('concurrent identical POSTs create exactly one notification', async () => {
    const key = newKey();
    const before = await server.counts();
    const results = await Promise.all(Array.from({ length: 6 }, () => create(aisha, 'citizen-4', { title: 'Kun én', body: 'Selv om der blev trykket seks gange' }, key)));
    const statuses = results.map((result) => result.statusCode);
    assert.ok(statuses.every((status) => status === 201 || status === 409), statuses.join(','));
    assert.ok(statuses.includes(201));
    const created = results.filter((result) => result.statusCode === 201).map((result) => result.json<Notification>().id);
    assert.equal(new Set(created).size, 1, 'every 201 is the same notification');
    const after = await server.counts();
    assert.equal(after.notifications, before.notifications + 1);
    assert.equal(after.events, before.events + 1);
  });

  test('without a valid Idempotency-Key the create is 400 idempotency-key-required', async () => {
    const counts = await server.counts();
    assertProblem(await create(mette, 'citizen-1', { title: 'A', body: 'B' }, null), 400, 'idempotency-key-required');
    assertProblem(await create(mette, 'citizen-1', { title: 'A', body: 'B' }, 'has spaces'), 400, 'idempotency-key-required');
    assertProblem(await create(mette, 'citizen-1', { title: 'A', body: 'B' }, 'x'.repeat(256)), 400, 'idempotency-key-required');
    assert.deepEqual(await server.counts(), counts);
  });

  test('a citizen not assigned to the caseworker is 404 not-found and nothing is written', async () => {
    const counts = await server.counts();
    assertProblem(await create(jonas, 'citizen-1', { title: 'A', body: 'B' }), 404, 'not-found');
    assertProblem(await create(jonas, 'citizen-404', { title: 'A', body: 'B' }), 404, 'not-found');
    assert.deepEqual(await server.counts(), counts);
  });

  test('bad bodies are 400 invalid-request and nothing is written', async () => {
    const counts = await server.counts();
    const cases: [unknown, string][] = [
      [{ title: '', body: 'B' }, '/title'],
      [{ title: '   ', body: 'B' }, '/title'],
      [{ title: 'x'.repeat(121), body: 'B' }, '/title'],
      [{ title: 'A', body: 'x'.repeat(2001) }, '/body'],
      [{ title: 'A', body: 'B', link: 'javascript:alert(1)' }, '/link'],
      [{ title: 'A', body: 'B', link: '//evil.example/x' }, '/link'],
      [{ title: 'A', body: 'B', link: 'http://eksempelby.dk' }, '/link'],
      [{ title: 'A', body: 'B', citizenId: 'citizen-2' }, '/citizenId'],
      [{ title: 42, body: 'B' }, '/title'],
      [{ body: 'B' }, '/title'],
    ];
    for (const [payload, pointer] of cases) {
      const problem = assertProblem(await create(mette, 'citizen-1', payload), 400, 'invalid-request');
      assert.ok((problem.errors as { pointer: string }[]).some((error) => error.pointer === pointer), `${JSON.stringify(payload).slice(0, 80)} → ${JSON.stringify(problem.errors)}`);
    }
    const tooLarge = await server.app.inject({
      method: 'POST',
      url: '/v1/citizens/citizen-1/notifications',
      headers: { ...bearer(mette), 'idempotency-key': newKey(), 'content-type': 'application/json' },
      payload: JSON.stringify({ title: 'A', body: 'x'.repeat(70_000) }),
    });
    assertProblem(tooLarge, 413, 'payload-too-large');
    const malformed = await server.app.inject({
      method: 'POST',
      url: '/v1/citizens/citizen-1/notifications',
      headers: { ...bearer(mette), 'idempotency-key': newKey(), 'content-type': 'application/json' },
      payload: '{"title": "A", ',
    });
    assertProblem(malformed, 400, 'malformed-json');
    assert.deepEqual(await server.counts(), counts);
  });

  test('an error inside the write rolls everything back and releases the key for a retry', async () => {
    const key = newKey();
    const payload = { title: 'Rulles tilbage', body: 'Første forsøg fejler' };
    const counts = await server.counts();
    flakyBus.failNext = true;
    const failed = await create(mette, 'citizen-1', payload, key);
    assertProblem(failed, 500, 'internal');
    assert.ok(!failed.body.includes('simulated'), 'the internal message does not leak');
    assert.deepEqual(await server.counts(), counts, 'no notification, no event, no idempotency key');
    const retry = await create(mette, 'citizen-1', payload, key);
    assert.equal(retry.statusCode, 201);
    assert.equal(retry.headers['idempotent-replayed'], undefined);
  });
});
