import { expect } from '@open-wc/testing';
import { ApiClient, ApiError } from '@jobunivers/core';
import { JoblogSync, JoblogSyncError, isOffline, versionOfEtag } from '../src/sync/joblog-sync.js';
import { FakeJoblogServer, sampleEntry } from './support/sync-fake-joblog-server.js';

/** A sync over a fake server; `retries: 1` with a 1 ms backoff, so a retried request happens quickly. */
function setUp(token = 'citizen-amira'): { server: FakeJoblogServer; sync: JoblogSync } {
  const server = new FakeJoblogServer();
  const client = new ApiClient({ baseUrl: 'https://api.example.dk/', token, fetch: server.fetch, retries: 1, retryDelay: 1 });
  return { server, sync: new JoblogSync(client) };
}

function goOffline(): () => void {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
  return () => { Reflect.deleteProperty(navigator, 'onLine'); };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('JoblogSync', () => {
  afterEach(() => { Reflect.deleteProperty(navigator, 'onLine'); });

  describe('the change feed', () => {
    it('pages through the feed with the cursor until hasMore is false, and gives the cursor to keep', async () => {
      const { server, sync } = setUp();
      const entries = Array.from({ length: 5 }, () => sampleEntry());
      for (const entry of entries) server.saveFromAnotherDevice(entry);

      const pulled = await sync.pull(null, 2);

      expect(pulled.changes.map((change) => [change.id, change.version])).to.deep.equal(entries.map((entry) => [entry.id, 1]));
      expect(pulled.changes.map((change) => change.entry)).to.deep.equal(entries);
      const feeds = server.requestsTo('GET', '/v1/me/joblog/entries');
      expect(feeds).to.have.length(3);
      expect(feeds[0].query.get('since')).to.equal(null);
      expect(feeds.map((request) => request.query.get('limit'))).to.deep.equal(['2', '2', '2']);
      expect(feeds[1].query.get('since')).to.be.a('string');
      expect(feeds[2].query.get('since')).not.to.equal(feeds[1].query.get('since'));
      expect(pulled.cursor).to.be.a('string');
    });

    it('from a kept cursor gives only what changed since, tombstones included, each entry once as it is now', async () => {
      const { server, sync } = setUp();
      const [a, b, c] = [sampleEntry(), sampleEntry(), sampleEntry()];
      for (const entry of [a, b, c]) server.saveFromAnotherDevice(entry);
      const { cursor } = await sync.pull(null);

      server.saveFromAnotherDevice({ ...a, notes: 'første' });
      server.deleteFromAnotherDevice(b.id);
      server.saveFromAnotherDevice({ ...a, notes: 'anden' });
      const since = await sync.pull(cursor);

      expect(since.changes).to.deep.equal([
        { id: b.id, entry: null, version: 2 },
        { id: a.id, entry: { ...a, notes: 'anden' }, version: 3 },
      ]);
      const upToDate = await sync.pull(since.cursor);
      expect(upToDate).to.deep.equal({ changes: [], cursor: since.cursor });
    });

    it('yields page by page (so each page can be stored with its cursor)', async () => {
      const { server, sync } = setUp();
      for (let index = 0; index < 5; index++) server.saveFromAnotherDevice(sampleEntry());
      const pages = [];
      for await (const page of sync.pages(null, 2)) pages.push(page);
      expect(pages.map((page) => [page.changes.length, page.hasMore])).to.deep.equal([[2, true], [2, true], [1, false]]);
    });

    it('rejects with JoblogSyncError when the feed is not the contract\'s, without quoting it', async () => {
      const server = new FakeJoblogServer();
      const fetch = (): Promise<Response> => Promise.resolve(new Response('{"items":[{"title":"hemmelig"}],"nextCursor":"x","hasMore":false}', { status: 200, headers: { 'Content-Type': 'application/json' } }));
      const sync = new JoblogSync(new ApiClient({ baseUrl: 'https://api.example.dk/', token: 'citizen-amira', fetch }));
      const error = await rejection(sync.pull(null));
      expect(error).to.be.instanceOf(JoblogSyncError);
      expect((error as Error).message).not.to.include('hemmelig');
      expect(server.requests).to.have.length(0);
    });

    it('rejects with an offline ApiError when the device is offline, without sending anything', async () => {
      const { server, sync } = setUp();
      goOffline();
      expect(isOffline(await rejection(sync.pull(null)))).to.equal(true);
      expect(server.requests).to.have.length(0);
    });
  });

  describe('push', () => {
    it('creates with If-None-Match: * and updates with If-Match: the version it is based on', async () => {
      const { server, sync } = setUp();
      const entry = sampleEntry();
      expect(await sync.push(entry, null)).to.deep.equal({ ok: true, version: 1 });
      const changed = { ...entry, status: 'closed' as const, outcome: 'rejected' as const };
      expect(await sync.push(changed, 1)).to.deep.equal({ ok: true, version: 2 });

      const [create, update] = server.requestsTo('PUT', `/v1/me/joblog/entries/${entry.id}`);
      expect(create.headers.get('If-None-Match')).to.equal('*');
      expect(create.headers.get('If-Match')).to.equal(null);
      expect(create.body).to.deep.equal(entry);
      expect(update.headers.get('If-Match')).to.equal('"1"');
      expect(update.headers.get('If-None-Match')).to.equal(null);
      expect(server.entry(entry.id)).to.deep.equal({ ...changed, version: 2 });
    });

    it('on 412 answers with the server\'s copy and version and overwrites nothing', async () => {
      const { server, sync } = setUp();
      const entry = sampleEntry();
      await sync.push(entry, null);
      const fromPhone = { ...entry, notes: 'fra telefonen' };
      server.saveFromAnotherDevice(fromPhone);

      const result = await sync.push({ ...entry, notes: 'fra computeren' }, 1);

      expect(result).to.deep.equal({ ok: false, reason: 'conflict', conflict: { server: fromPhone, version: 2 } });
      expect(server.entry(entry.id)).to.deep.equal({ ...fromPhone, version: 2 });
    });

    it('a conflict with a deletion elsewhere has no server entry, with the tombstone\'s version; an id the server never had has neither', async () => {
      const { server, sync } = setUp();
      const entry = sampleEntry();
      await sync.push(entry, null);
      server.deleteFromAnotherDevice(entry.id);

      expect(await sync.push({ ...entry, notes: 'ændret' }, 1)).to.deep.equal({ ok: false, reason: 'conflict', conflict: { server: null, version: 2 } });
      expect(await sync.push(sampleEntry(), 4)).to.deep.equal({ ok: false, reason: 'conflict', conflict: { server: null, version: null } });
    });

    it('a first upload of an id the server has with other content is a conflict, not an overwrite', async () => {
      const { server, sync } = setUp();
      const entry = sampleEntry();
      server.saveFromAnotherDevice({ ...entry, title: 'Andet' });
      const result = await sync.push(entry, null);
      expect(result).to.deep.equal({ ok: false, reason: 'conflict', conflict: { server: { ...entry, title: 'Andet' }, version: 1 } });
    });

    it('a create after a deletion elsewhere revives the entry with the next version', async () => {
      const { server, sync } = setUp();
      const entry = sampleEntry();
      await sync.push(entry, null);
      server.deleteFromAnotherDevice(entry.id);
      expect(await sync.push(entry, null)).to.deep.equal({ ok: true, version: 3 });
    });

    it('is done, not a conflict, when a retried PUT finds its first attempt saved (the answer was lost)', async () => {
      const { server, sync } = setUp();
      const entry = sampleEntry();
      await sync.push(entry, null);
      const changed = { ...entry, notes: 'gemt, men svaret gik tabt' };
      server.fail(`PUT /v1/me/joblog/entries/${entry.id}`, 'lost-response');

      expect(await sync.push(changed, 1)).to.deep.equal({ ok: true, version: 2 });
      expect(server.requestsTo('PUT').map((request) => request.status)).to.deep.equal([200, 200, 200]);
      expect(server.versionOf(entry.id)).to.equal(2);
    });

    it('never sends a write without exactly one precondition, so the server never answers 428', async () => {
      const { server, sync } = setUp();
      const entry = sampleEntry();
      let version: number | null = null;
      for (const notes of ['a', 'ab', 'abc']) {
        const result = await sync.push({ ...entry, notes }, version);
        version = result.ok ? result.version : version;
      }
      server.saveFromAnotherDevice({ ...entry, notes: 'andet' });
      await sync.push({ ...entry, notes: 'abcd' }, version);
      await sync.remove(entry.id, 4);
      await sync.push(entry, null);

      for (const request of [...server.requestsTo('PUT'), ...server.requestsTo('DELETE')]) {
        const preconditions = [request.headers.get('If-Match'), request.headers.get('If-None-Match')].filter((value) => value !== null);
        expect(preconditions).to.have.length(1);
      }
      expect(server.requests.some((request) => request.status === 428)).to.equal(false);
    });

    it('reports offline without sending when the device is offline, and when the server cannot be reached', async () => {
      const { server, sync } = setUp();
      const entry = sampleEntry();
      const backOnline = goOffline();
      expect(await sync.push(entry, null)).to.deep.equal({ ok: false, reason: 'offline' });
      expect(server.requests).to.have.length(0);
      backOnline();

      server.fail(`PUT /v1/me/joblog/entries/${entry.id}`, 'network');
      server.fail(`PUT /v1/me/joblog/entries/${entry.id}`, 'network');
      expect(await sync.push(entry, null)).to.deep.equal({ ok: false, reason: 'offline' });
      expect(server.entries).to.deep.equal([]);
    });

    it('rejects with the ApiError when the server refuses the entry (400) or the token (401)', async () => {
      const { sync } = setUp();
      const error = await rejection(sync.push({ ...sampleEntry(), colour: 'rød' } as ReturnType<typeof sampleEntry>, null));
      expect(error).to.be.instanceOf(ApiError);
      expect((error as ApiError).status).to.equal(400);

      const signedOut = setUp('expired');
      expect(((await rejection(signedOut.sync.push(sampleEntry(), null))) as ApiError).status).to.equal(401);
    });
  });

  describe('remove', () => {
    it('deletes with If-Match, leaving a tombstone in the feed; deleting what is gone is done already', async () => {
      const { server, sync } = setUp();
      const entry = sampleEntry();
      await sync.push(entry, null);
      const { cursor } = await sync.pull(null);

      expect(await sync.remove(entry.id, 1)).to.deep.equal({ ok: true, version: null });
      expect(server.requestsTo('DELETE')[0]?.headers.get('If-Match')).to.equal('"1"');
      expect((await sync.pull(cursor)).changes).to.deep.equal([{ id: entry.id, entry: null, version: 2 }]);
      expect(await sync.remove(entry.id, 1)).to.deep.equal({ ok: true, version: null });
      expect(await sync.remove('never-there', 1)).to.deep.equal({ ok: true, version: null });
    });

    it('an entry changed elsewhere since is a conflict with the server\'s copy, and stays', async () => {
      const { server, sync } = setUp();
      const entry = sampleEntry();
      await sync.push(entry, null);
      const fromPhone = { ...entry, status: 'closed' as const, outcome: 'hired' as const };
      server.saveFromAnotherDevice(fromPhone);

      expect(await sync.remove(entry.id, 1)).to.deep.equal({ ok: false, reason: 'conflict', conflict: { server: fromPhone, version: 2 } });
      expect(server.entry(entry.id)).to.deep.equal({ ...fromPhone, version: 2 });
    });
  });

  describe('requirement and sharing', () => {
    it('reads the agreed requirement, or null when none is agreed (404)', async () => {
      const { server, sync } = setUp();
      expect(await sync.requirement()).to.equal(null);
      server.requirement = { perWeek: 1.5, scale: 0.5, averageOverWeeks: 4, exemptWeeks: [{ week: '2026-W52', reason: 'holiday' }], activitiesCount: true };
      expect(await sync.requirement()).to.deep.equal(server.requirement);
    });

    it('shares with consent and withdraws it', async () => {
      const { server, sync } = setUp();
      expect(await sync.shareStatus()).to.deep.equal({ shared: false, sharedAt: null });
      const shared = await sync.share();
      expect(shared.shared).to.equal(true);
      expect(server.requestsTo('PUT', '/v1/me/joblog/share')[0]?.body).to.deep.equal({ consent: true });
      expect(await sync.shareStatus()).to.deep.equal(shared);
      expect(await sync.unshare()).to.deep.equal({ shared: false, sharedAt: null });
    });
  });

  it('versionOfEtag reads the version of a strong or weak ETag', () => {
    expect(versionOfEtag('"3"')).to.equal(3);
    expect(versionOfEtag('W/"12"')).to.equal(12);
    expect(versionOfEtag('"abc"')).to.equal(undefined);
    expect(versionOfEtag(undefined)).to.equal(undefined);
  });
});
