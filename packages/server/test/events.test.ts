import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { NotificationCreatedEvent, SSE_RETRY_MS } from '@jobunivers/contract';
import { pruneEvents } from '../src/events/retention.js';
import { assertProblem, assertSchema, bearer, forEachDatabase, openStream, startServer, type TestServer } from './helpers.js';

forEachDatabase('live updates (SSE)', (target) => {
  let server: TestServer;
  let baseUrl: string;
  let drop: () => Promise<void>;
  let lars: string;
  let amal: string;
  let mette: string;
  let keyCounter = 0;
  before(async () => {
    const created = await target.create();
    drop = created.drop;
    server = await startServer(created.setting, { env: { SSE_KEEP_ALIVE_MS: '100' } });
    baseUrl = await server.listen();
    [lars, amal, mette] = await Promise.all(['citizen-1', 'citizen-2', 'caseworker-1'].map((id) => server.token(id)));
  });
  after(async () => {
    await server.close();
    await drop();
  });

  const notify = async (citizenId: string, title: string) => {
    const response = await server.app.inject({
      method: 'POST',
      url: `/v1/citizens/${citizenId}/notifications`,
      headers: { ...bearer(mette), 'idempotency-key': `sse-${String(++keyCounter)}` },
      payload: { title, body: 'Der er nyt i din sag.' },
    });
    assert.equal(response.statusCode, 201, response.body);
    return response.json<{ id: string }>().id;
  };

  test('a stream starts with retry:, carries a published event, and sends keep-alive comments', async () => {
    const stream = await openStream(baseUrl, lars);
    try {
      assert.equal(stream.status, 200);
      assert.match(String(stream.headers.get('content-type')), /^text\/event-stream/);
      assert.equal((await stream.next()).retry, String(SSE_RETRY_MS));
      const id = await notify('citizen-1', 'Live');
      const message = await stream.nextEvent();
      assert.equal(message.event, 'notification.created');
      const envelope = JSON.parse(message.data ?? '') as { id: number; data: { id: string } };
      assertSchema(NotificationCreatedEvent, envelope);
      assert.equal(String(envelope.id), message.id);
      assert.equal(envelope.data.id, id);
      let comment: string | undefined;
      for (let index = 0; index < 5 && comment === undefined; index++) comment = (await stream.next(2000)).comment;
      assert.equal(comment, 'keep-alive');
    } finally {
      stream.close();
    }
  });

  test('a stream carries only the authenticated user\'s events', async () => {
    const stream = await openStream(baseUrl, amal);
    try {
      await notify('citizen-1', 'Til Lars');
      const forAmal = await notify('citizen-2', 'Til Amal');
      const message = await stream.nextEvent();
      assert.equal((JSON.parse(message.data ?? '') as { data: { id: string } }).data.id, forAmal);
    } finally {
      stream.close();
    }
  });

  test('after Last-Event-ID the stream replays missed events in order, then live ones, none twice', async () => {
    const first = await openStream(baseUrl, lars);
    await notify('citizen-1', 'Før afbrydelse');
    const last = await first.nextEvent();
    first.close();

    const missed = [await notify('citizen-1', 'Mens du var væk 1'), await notify('citizen-1', 'Mens du var væk 2'), await notify('citizen-1', 'Mens du var væk 3')];
    await notify('citizen-2', 'Til en anden');
    const resumed = await openStream(baseUrl, lars, last.id);
    try {
      const ids: number[] = [];
      const notificationIds: string[] = [];
      for (let index = 0; index < 3; index++) {
        const message = await resumed.nextEvent();
        ids.push(Number(message.id));
        notificationIds.push((JSON.parse(message.data ?? '') as { data: { id: string } }).data.id);
      }
      assert.deepEqual(notificationIds, missed);
      assert.ok(ids.every((id, index) => id > (index === 0 ? Number(last.id) : (ids[index - 1] ?? 0))), `increasing ids ${ids.join(',')}`);
      const live = await notify('citizen-1', 'Live igen');
      const message = await resumed.nextEvent();
      assert.equal((JSON.parse(message.data ?? '') as { data: { id: string } }).data.id, live);
      await assert.rejects(resumed.nextEvent(300), /no SSE message/, 'nothing more, in particular no duplicates');
    } finally {
      resumed.close();
    }
  });

  test('events published while the stream replays arrive once each, in order, without gaps', async () => {
    const start = await openStream(baseUrl, lars);
    await notify('citizen-1', 'Start');
    const mark = await start.nextEvent();
    start.close();
    for (let index = 0; index < 5; index++) await notify('citizen-1', `Efterslæb ${String(index)}`);
    const resumed = await openStream(baseUrl, lars, mark.id);
    try {
      // Concurrent writers while the backlog is being sent.
      const writes = Promise.all(Array.from({ length: 10 }, (_, index) => notify('citizen-1', `Samtidig ${String(index)}`)));
      const received: number[] = [];
      for (let index = 0; index < 15; index++) received.push(Number((await resumed.nextEvent()).id));
      await writes;
      await assert.rejects(resumed.nextEvent(300), /no SSE message/);
      const stored = await server.database.db
        .selectFrom('events')
        .select('seq')
        .where('user_id', '=', 'citizen-1')
        .where('seq', '>', Number(mark.id))
        .orderBy('seq')
        .execute();
      assert.deepEqual(received, stored.map((row) => row.seq));
    } finally {
      resumed.close();
    }
  });

  test('a Last-Event-ID older than the retention (or unknown) gets event: reset', async () => {
    const old = new Date(Date.now() - 3 * 24 * 60 * 60 * 1000).toISOString();
    const inserted = await server.database.db
      .insertInto('events')
      .values({ user_id: 'citizen-1', type: 'notification.created', data: '{}', created_at: old })
      .returning('seq')
      .executeTakeFirstOrThrow();
    await notify('citizen-1', 'Nyere');
    await pruneEvents(server.database.db, new Date(Date.now() - 24 * 60 * 60 * 1000).toISOString());
    for (const lastEventId of [String(inserted.seq - 1), '999999999', 'not-a-number']) {
      const stream = await openStream(baseUrl, lars, lastEventId);
      try {
        const message = await stream.nextEvent();
        assert.equal(message.event, 'reset', `Last-Event-ID ${lastEventId}`);
        assert.match(message.id ?? '', /^[0-9]+$/);
        assert.equal((JSON.parse(message.data ?? '') as { type: string }).type, 'reset');
        const live = await notify('citizen-1', 'Efter reset');
        assert.equal((JSON.parse((await stream.nextEvent()).data ?? '') as { data: { id: string } }).data.id, live);
      } finally {
        stream.close();
      }
    }
  });

  test('without a token the stream is 401; a closed client is cleaned up', async () => {
    assertProblem(await server.app.inject({ url: '/v1/events' }), 401, 'unauthenticated');
    const stream = await openStream(baseUrl, lars);
    await stream.next();
    stream.close();
    for (let index = 0; index < 50 && !server.logs.join('').includes('"reason":"client closed"'); index++) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.ok(server.logs.join('').includes('"reason":"client closed"'));
  });
});

forEachDatabase('several instances on one database', (target) => {
  if (target.name === 'SQLite') {
    test('event fan-out between instances', { skip: 'needs PostgreSQL (SQLite serves one instance); set TEST_DATABASE_URL' }, () => undefined);
    return;
  }
  let first: TestServer;
  let second: TestServer;
  let drop: () => Promise<void>;
  before(async () => {
    const created = await target.create();
    drop = created.drop;
    first = await startServer(created.setting);
    second = await startServer(created.setting, { migrate: false, seed: false });
  });
  after(async () => {
    await first.close();
    await second.close();
    await drop();
  });

  test('an event published through instance A reaches an SSE client of instance B', async () => {
    const baseUrlB = await second.listen();
    const stream = await openStream(baseUrlB, await second.token('citizen-1'));
    try {
      await stream.next(); // retry:
      const response = await first.app.inject({
        method: 'POST',
        url: '/v1/citizens/citizen-1/notifications',
        headers: { ...bearer(await first.token('caseworker-1')), 'idempotency-key': 'fan-out-1' },
        payload: { title: 'Fra instans A', body: 'Når frem til instans B' },
      });
      assert.equal(response.statusCode, 201);
      const message = await stream.nextEvent();
      assert.equal(message.event, 'notification.created');
      assert.equal((JSON.parse(message.data ?? '') as { data: { id: string } }).data.id, response.json<{ id: string }>().id);
    } finally {
      stream.close();
    }
  });

  test('an idempotent replay through instance B answers what instance A created', async () => {
    const headers = { ...bearer(await first.token('caseworker-1')), 'idempotency-key': 'cross-instance-1' };
    const payload = { title: 'Én gang', body: 'På tværs af instanser' };
    const [a, b] = await Promise.all([
      first.app.inject({ method: 'POST', url: '/v1/citizens/citizen-1/notifications', headers, payload }),
      second.app.inject({ method: 'POST', url: '/v1/citizens/citizen-1/notifications', headers, payload }),
    ]);
    const statuses = [a.statusCode, b.statusCode].sort();
    assert.ok(statuses[0] === 201 && (statuses[1] === 201 || statuses[1] === 409), statuses.join(','));
    const count = await first.database.db.selectFrom('notifications').select((eb) => eb.fn.countAll().as('n')).where('title', '=', 'Én gang').executeTakeFirst();
    assert.equal(Number(count?.n), 1);
  });
});
