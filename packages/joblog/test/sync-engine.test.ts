import { expect } from '@open-wc/testing';
import { ApiClient } from '@jobunivers/core';
import type { JoblogEntry } from '../src/model/entry.js';
import { JoblogStore } from '../src/storage/entry-store.js';
import type { JoblogConflict } from '../src/storage/sync-records.js';
import { JoblogSyncEngine, type JoblogSyncEngineOptions, type RemoteChanges, type SyncStatus } from '../src/sync/sync-engine.js';
import { FakeJoblogServer, sampleEntry } from './support/sync-fake-joblog-server.js';

let counter = 0;
const uniqueName = (): string => `joblog-sync-test-${String(Date.now())}-${String(++counter)}`;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean | Promise<boolean>, timeout = 3000): Promise<void> {
  const started = performance.now();
  while (!(await condition())) {
    if (performance.now() - started > timeout) throw new Error('timed out waiting');
    await sleep(10);
  }
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(`jobunivers-${name}`);
    request.onsuccess = () => { resolve(); };
    request.onerror = () => { resolve(); };
    request.onblocked = () => { resolve(); };
  });
}

function goOffline(): () => void {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
  return () => {
    Reflect.deleteProperty(navigator, 'onLine');
    window.dispatchEvent(new Event('online'));
  };
}

/** What the shell would see: remote changes, conflicts and status reports. */
interface Seen {
  remote: RemoteChanges[];
  conflicts: JoblogConflict[][];
  statuses: SyncStatus[];
}

const putsOf = (server: FakeJoblogServer): string[] => server.requestsTo('PUT').filter((request) => request.path.startsWith('/v1/me/joblog/entries/')).map((request) => (request.body as JoblogEntry).id);
const deletesOf = (server: FakeJoblogServer): string[] => server.requestsTo('DELETE').map((request) => request.path.split('/').at(-1) ?? '');

describe('JoblogSyncEngine', () => {
  const names: string[] = [];
  const cleanups: (() => void)[] = [];

  async function setUp(options: { name?: string; server?: FakeJoblogServer; token?: string; fetch?: typeof fetch; engine?: Partial<JoblogSyncEngineOptions> } = {}) {
    const name = options.name ?? uniqueName();
    if (!names.includes(name)) names.push(name);
    const server = options.server ?? new FakeJoblogServer();
    const store = await JoblogStore.open({ name });
    const client = new ApiClient({ baseUrl: 'https://api.example.dk/', token: options.token ?? 'citizen-amira', fetch: options.fetch ?? server.fetch, retries: 1, retryDelay: 1 });
    const seen: Seen = { remote: [], conflicts: [], statuses: [] };
    const engine = new JoblogSyncEngine({
      store,
      client,
      pushDelayMs: 5,
      backoffMs: 20,
      maxBackoffMs: 80,
      onRemoteChanges: (changes) => seen.remote.push(changes),
      onConflicts: (conflicts) => seen.conflicts.push(conflicts),
      onStatus: (status) => seen.statuses.push(status),
      ...options.engine,
    });
    cleanups.push(() => {
      engine.stop();
      store.close();
    });
    return { name, server, store, engine, seen };
  }

  afterEach(async () => {
    Reflect.deleteProperty(navigator, 'onLine');
    for (const cleanup of cleanups.splice(0)) cleanup();
    for (const name of names.splice(0)) await deleteDatabase(name);
  });

  describe('pull', () => {
    it('takes everything on the server on the first sync, page by page, and keeps the cursor', async () => {
      const server = new FakeJoblogServer();
      const entries = Array.from({ length: 7 }, () => sampleEntry());
      for (const entry of entries) server.saveFromAnotherDevice(entry);
      const { store, engine, seen } = await setUp({ server, engine: { pageSize: 3 } });

      await engine.start();

      expect((await store.all()).length).to.equal(7);
      expect(seen.remote.map((changes) => changes.put.length)).to.deep.equal([3, 3, 1]);
      expect(server.requestsTo('GET', '/v1/me/joblog/entries')).to.have.length(3);
      expect(await store.getMeta('cursor')).to.be.a('string');
      expect(await store.outbox()).to.deep.equal([], 'what came from the server is not sent back');
      expect(engine.status).to.include({ activity: 'idle', pending: 0, conflicts: 0 });
      expect(engine.status.lastSyncedAt).to.be.a('string');

      // The next sync asks only from the kept cursor, and gets nothing new.
      await engine.sync();
      const feeds = server.requestsTo('GET', '/v1/me/joblog/entries');
      expect(feeds).to.have.length(4);
      expect(feeds[3]?.query.get('since')).to.equal(await store.getMeta('cursor'));
      expect(seen.remote).to.have.length(3);
    });

    it('takes changes and deletions made on another device (a tombstone removes the entry here)', async () => {
      const { store, engine, server, seen } = await setUp();
      const [kept, changed, deleted] = [sampleEntry(), sampleEntry(), sampleEntry()];
      for (const entry of [kept, changed, deleted]) await store.put(entry);
      await engine.start();
      expect(server.entries).to.have.length(3);
      seen.remote.length = 0;

      const fromPhone = { ...changed, status: 'closed' as const, outcome: 'rejected' as const };
      server.saveFromAnotherDevice(fromPhone);
      server.deleteFromAnotherDevice(deleted.id);
      await engine.sync();

      expect(seen.remote).to.deep.equal([{ put: [fromPhone], removed: [deleted.id] }]);
      const ids = (await store.all()).map((entry) => entry.id).sort();
      expect(ids).to.deep.equal([kept.id, changed.id].sort());
      expect(await store.get(changed.id)).to.deep.equal(fromPhone);
      expect(putsOf(server)).to.have.length(3, 'nothing sent back');
    });

    it('resumes an interrupted first sync at the page it stopped at', async () => {
      const server = new FakeJoblogServer();
      for (let index = 0; index < 6; index++) server.saveFromAnotherDevice(sampleEntry());
      const name = uniqueName();
      // The third page fails (the connection drops, and the client's own retry fails too): the two pages before
      // are kept, with their cursor.
      let feeds = 0;
      const flaky: typeof fetch = (input, init) => ((input instanceof Request ? input.url : input instanceof URL ? input.href : input).includes('/entries?') && ++feeds >= 3 ? Promise.reject(new TypeError('Failed to fetch')) : server.fetch(input, init));
      const interrupted = await setUp({ name, server, fetch: flaky, engine: { pageSize: 2, backoffMs: 60_000 } });
      await interrupted.engine.start();
      expect(interrupted.engine.status.activity).to.equal('offline');
      expect(await interrupted.store.all()).to.have.length(4);
      interrupted.engine.stop();
      interrupted.store.close();

      const resumed = await setUp({ name, server, engine: { pageSize: 2 } });
      const before = server.requestsTo('GET', '/v1/me/joblog/entries').length;
      await resumed.engine.start();
      expect(await resumed.store.all()).to.have.length(6);
      expect(server.requestsTo('GET', '/v1/me/joblog/entries').length - before).to.equal(1, 'only the last page is fetched again');
    });

    it('reads everything again when the server no longer knows the kept cursor', async () => {
      const server = new FakeJoblogServer();
      const entries = [sampleEntry(), sampleEntry()];
      for (const entry of entries) server.saveFromAnotherDevice(entry);
      const { store, engine } = await setUp({ server });
      await store.setMeta('cursor', 'ukendt-markør');

      await engine.start();

      expect((await store.all()).length).to.equal(2);
      expect(await store.getMeta('cursor')).not.to.equal('ukendt-markør');
      expect(engine.status.activity).to.equal('idle');
    });
  });

  describe('outbox', () => {
    it('sends a new entry with If-None-Match: *, a change with If-Match, and keeps the server\'s version', async () => {
      const { store, engine, server } = await setUp();
      await engine.start();
      const entry = sampleEntry();
      await store.put(entry);
      await until(() => server.entry(entry.id) !== undefined);
      await until(async () => (await store.outbox()).length === 0);
      expect((await store.syncStates([entry.id])).get(entry.id)?.version).to.equal(1);

      await store.put({ ...entry, notes: 'ændret' });
      await until(() => server.versionOf(entry.id) === 2);
      const [create, update] = server.requestsTo('PUT');
      expect(create.headers.get('If-None-Match')).to.equal('*');
      expect(update.headers.get('If-Match')).to.equal('"1"');
      expect(server.entry(entry.id)?.notes).to.equal('ændret');
    });

    it('survives a reload and is sent in order, several saves of one entry as one PUT of the newest content', async () => {
      const name = uniqueName();
      names.push(name);
      const offline = await JoblogStore.open({ name });
      const [a, b, c] = [sampleEntry(), sampleEntry(), sampleEntry()];
      await offline.put(a);
      await offline.put(b);
      await offline.put({ ...a, notes: 'anden' });
      await offline.put(c);
      await offline.put({ ...a, notes: 'tredje' });
      await offline.put({ ...b, status: 'closed', outcome: 'withdrew' });
      offline.close();

      const { engine, server, store } = await setUp({ name });
      await engine.start();

      expect(putsOf(server)).to.deep.equal([a.id, b.id, c.id]);
      expect(server.entry(a.id)?.notes).to.equal('tredje');
      expect(server.entry(b.id)?.status).to.equal('closed');
      expect(await store.outbox()).to.deep.equal([]);
    });

    it('waits while offline, keeps everything, and sends it when the browser is back online', async () => {
      const { store, engine, server } = await setUp();
      await engine.start();
      const backOnline = goOffline();
      const entry = sampleEntry();
      await store.put(entry);
      await store.put({ ...entry, notes: 'skrevet i toget' });
      await until(() => engine.status.activity === 'offline');

      expect(server.requests.filter((request) => request.method === 'PUT')).to.have.length(0);
      expect(engine.status.pending).to.equal(1);

      backOnline();
      await until(() => server.entry(entry.id)?.notes === 'skrevet i toget');
      await until(() => engine.status.activity === 'idle' && engine.status.pending === 0);
      expect(putsOf(server)).to.deep.equal([entry.id]);
    });

    it('retries with backoff after server errors, and nothing is lost', async () => {
      const { store, engine, server } = await setUp();
      await engine.start();
      const entry = sampleEntry();
      const path = `PUT /v1/me/joblog/entries/${entry.id}`;
      for (let attempt = 0; attempt < 4; attempt++) server.fail(path, { status: 503, code: 'unavailable' });
      await store.put(entry);

      await until(() => engine.status.activity === 'failed');
      await until(() => server.entry(entry.id) !== undefined, 5000);
      const attempts = server.requestsTo('PUT').map((request) => request.status);
      expect(attempts).to.deep.equal([503, 503, 503, 503, 200]);
      await until(() => engine.status.activity === 'idle');
    });

    it('a save made while its PUT is on the way is sent afterwards, not lost', async () => {
      const server = new FakeJoblogServer();
      let release: (() => void) | undefined;
      const slow: typeof fetch = async (input, init) => {
        if (init?.method === 'PUT' && release === undefined) await new Promise<void>((resolve) => { release = resolve; });
        return server.fetch(input, init);
      };
      const { store, engine } = await setUp({ server, fetch: slow });
      await engine.start();
      const entry = sampleEntry();
      await store.put(entry);
      await until(() => release !== undefined);

      await store.put({ ...entry, notes: 'mens den blev sendt' });
      release?.();

      await until(() => server.versionOf(entry.id) === 2);
      expect(server.entry(entry.id)?.notes).to.equal('mens den blev sendt');
      await until(async () => (await store.outbox()).length === 0);
    });

    it('a change the server refuses (400) is kept and counted, the others still go, and it goes again once changed', async () => {
      const { store, engine, server } = await setUp();
      await engine.start();
      const bad = { ...sampleEntry(), colour: 'rød' } as JoblogEntry; // not in the contract: 400
      const good = sampleEntry();
      await store.put(bad);
      await store.put(good);

      await until(() => server.entry(good.id) !== undefined);
      await until(() => engine.status.refused === 1);
      expect(engine.status.pending).to.equal(1);
      expect(await store.get(bad.id)).to.deep.equal(bad, 'the citizen\'s entry is kept');

      const fixed: Partial<JoblogEntry & { colour: string }> = { ...bad };
      delete fixed.colour;
      await store.put(fixed as JoblogEntry);
      await until(() => server.entry(bad.id) !== undefined);
      await until(() => engine.status.pending === 0 && engine.status.refused === 0);
    });

    it('stops and says signed-out when the token is refused', async () => {
      const { store, engine, server } = await setUp({ token: 'expired' });
      await store.put(sampleEntry());
      await engine.start();
      expect(engine.status.activity).to.equal('signed-out');
      expect(engine.status.pending).to.equal(1);
      expect(server.entries).to.deep.equal([]);
    });
  });

  describe('tombstones', () => {
    it('a deletion here is sent as DELETE with If-Match, and then forgotten', async () => {
      const { store, engine, server } = await setUp();
      await engine.start();
      const entry = sampleEntry();
      await store.put(entry);
      await until(() => server.entry(entry.id) !== undefined && engine.status.pending === 0);

      await store.delete(entry.id);
      await until(() => server.entry(entry.id) === undefined);
      expect(server.requestsTo('DELETE')[0]?.headers.get('If-Match')).to.equal('"1"');
      expect(deletesOf(server)).to.deep.equal([entry.id]);
      await until(async () => (await store.outbox()).length === 0);
      expect((await store.syncStates([entry.id])).get(entry.id)).to.deep.equal({ id: entry.id, entry: null, version: null, pending: null, conflict: null });

      // The server's tombstone coming back through the feed changes nothing here.
      await engine.sync();
      expect(await store.all()).to.deep.equal([]);
    });

    it('an entry created and deleted here before it was sent never reaches the server', async () => {
      const { store, engine, server } = await setUp();
      const entry = sampleEntry();
      await store.put(entry);
      await store.delete(entry.id);
      await engine.start();
      expect(server.requests.filter((request) => request.method !== 'GET')).to.deep.equal([]);
    });
  });

  describe('conflicts', () => {
    /** An entry synced at version 1, then changed on another device (version 2) and here. */
    async function conflicted(options: { deletedThere?: boolean; deletedHere?: boolean } = {}) {
      const setup = await setUp();
      const { store, engine, server } = setup;
      await engine.start();
      const entry = sampleEntry();
      await store.put(entry);
      await until(() => server.entry(entry.id) !== undefined && engine.status.pending === 0);
      engine.stop(); // the citizen is offline for a while

      const theirs = { ...entry, notes: 'fra telefonen' };
      if (options.deletedThere) server.deleteFromAnotherDevice(entry.id);
      else server.saveFromAnotherDevice(theirs);
      const mine = { ...entry, notes: 'fra computeren' };
      if (options.deletedHere) await store.delete(entry.id);
      else await store.put(mine);
      return { ...setup, entry, mine: options.deletedHere ? null : mine, theirs: options.deletedThere ? null : theirs };
    }

    it('a 412 surfaces as a conflict with both versions; nothing is overwritten on either side', async () => {
      const { store, engine, server, seen } = await setUp();
      await engine.start();
      const entry = sampleEntry();
      await store.put(entry);
      await until(() => server.entry(entry.id) !== undefined && engine.status.pending === 0);
      // Another device saves; this browser does not pull before its own save goes, so the PUT meets a 412.
      const theirs = { ...entry, notes: 'fra telefonen' };
      server.saveFromAnotherDevice(theirs);
      const mine = { ...entry, notes: 'fra computeren' };
      await store.put(mine);

      await until(() => engine.status.conflicts === 1);
      expect(server.requestsTo('PUT').map((request) => request.status)).to.deep.equal([200, 412]);
      const conflicts = await engine.conflicts();
      expect(conflicts).to.deep.equal([{ id: entry.id, mine, theirs, version: 2 }]);
      expect(seen.conflicts.at(-1)).to.deep.equal(conflicts);
      expect(await store.get(entry.id)).to.deep.equal(mine);
      expect(server.entry(entry.id)).to.deep.equal({ ...theirs, version: 2 });
      expect(engine.status).to.include({ conflicts: 1, pending: 1 });
    });

    it('while a conflict is open nothing is sent for that entry, and later saves change "mine"', async () => {
      const { store, engine, server, mine } = await conflicted();
      await engine.flush(); // a stopped engine sends nothing
      expect(putsOf(server)).to.have.length(1);

      await engine.start();
      expect(await engine.conflicts()).to.have.length(1);
      const sent = server.requestsTo('PUT').length;
      await store.put({ ...mine!, notes: 'endnu en ændring' });
      await sleep(50);
      await engine.sync();
      expect(server.requestsTo('PUT').length).to.equal(sent, 'nothing is sent for an entry in conflict');
      expect((await engine.conflicts())[0].mine?.notes).to.equal('endnu en ændring');
    });

    it('a conflict found by the pull (changed on both sides) is kept after a reload', async () => {
      const { name, store, engine, server, entry, mine, theirs } = await conflicted();
      engine.stop();
      store.close();
      // The pull comes first in sync(), so the conflict is found without a PUT.
      const reloaded = await setUp({ name, server });
      await reloaded.engine.start();
      expect(putsOf(server)).to.have.length(1);
      reloaded.engine.stop();
      reloaded.store.close();

      const again = await setUp({ name, server });
      expect(await again.engine.conflicts()).to.deep.equal([{ id: entry.id, mine, theirs, version: 2 }]);
    });

    it('resolve(theirs) takes the server\'s copy here and sends nothing', async () => {
      const { store, engine, server, seen, entry, theirs } = await conflicted();
      await engine.start();
      const puts = server.requestsTo('PUT').length;

      expect(await engine.resolve(entry.id, 'theirs')).to.deep.equal(theirs);
      expect(await store.get(entry.id)).to.deep.equal(theirs);
      expect(await engine.conflicts()).to.deep.equal([]);
      expect(await store.outbox()).to.deep.equal([]);
      expect(seen.remote.at(-1)).to.deep.equal({ put: [theirs], removed: [] });
      await engine.sync();
      expect(server.requestsTo('PUT').length).to.equal(puts);
      expect(server.entry(entry.id)).to.deep.equal({ ...theirs, version: 2 });
    });

    it('resolve(mine) sends the local copy based on the server\'s version, replacing theirs', async () => {
      const { store, engine, server, entry, mine } = await conflicted();
      await engine.start();

      expect(await engine.resolve(entry.id, 'mine')).to.deep.equal(mine);
      await until(() => server.versionOf(entry.id) === 3);
      expect(server.requestsTo('PUT').at(-1)?.headers.get('If-Match')).to.equal('"2"');
      expect(server.entry(entry.id)).to.deep.equal({ ...mine, version: 3 });
      await until(async () => (await store.outbox()).length === 0);
      expect(await engine.conflicts()).to.deep.equal([]);
    });

    it('changed here, deleted there: mine creates it anew; theirs removes it here', async () => {
      const first = await conflicted({ deletedThere: true });
      await first.engine.start();
      expect(await first.engine.conflicts()).to.deep.equal([{ id: first.entry.id, mine: first.mine, theirs: null, version: 2 }]);
      await first.engine.resolve(first.entry.id, 'mine');
      await until(() => first.server.entry(first.entry.id) !== undefined);
      expect(first.server.requestsTo('PUT').at(-1)?.headers.get('If-None-Match')).to.equal('*');
      expect(first.server.entry(first.entry.id)).to.deep.equal({ ...first.mine, version: 3 });

      const second = await conflicted({ deletedThere: true });
      await second.engine.start();
      expect(await second.engine.resolve(second.entry.id, 'theirs')).to.equal(null);
      expect(await second.store.all()).to.deep.equal([]);
      expect(second.seen.remote.at(-1)).to.deep.equal({ put: [], removed: [second.entry.id] });
    });

    it('deleted here, changed there: mine deletes it there; theirs brings it back here', async () => {
      const first = await conflicted({ deletedHere: true });
      await first.engine.start();
      expect(await first.engine.conflicts()).to.deep.equal([{ id: first.entry.id, mine: null, theirs: first.theirs, version: 2 }]);
      await first.engine.resolve(first.entry.id, 'mine');
      await until(() => first.server.entry(first.entry.id) === undefined);
      expect(first.server.requestsTo('DELETE').at(-1)?.headers.get('If-Match')).to.equal('"2"');

      const second = await conflicted({ deletedHere: true });
      await second.engine.start();
      expect(await second.engine.resolve(second.entry.id, 'theirs')).to.deep.equal(second.theirs);
      expect(await second.store.get(second.entry.id)).to.deep.equal(second.theirs);
      expect(await second.store.outbox()).to.deep.equal([]);
    });

    it('the same change made on both sides is no conflict', async () => {
      const { store, engine, server, entry } = await conflicted();
      await store.put({ ...entry, notes: 'fra telefonen' }); // what the phone saved too
      await engine.start();
      expect(await engine.conflicts()).to.deep.equal([]);
      expect(await store.outbox()).to.deep.equal([]);
      expect(server.versionOf(entry.id)).to.equal(2);
    });
  });

  describe('requirement and sharing', () => {
    it('reads the requirement at start and keeps it for an offline start', async () => {
      const server = new FakeJoblogServer();
      server.requirement = { perWeek: 2, scale: 1, averageOverWeeks: 4, exemptWeeks: [], activitiesCount: false };
      const requirements: unknown[] = [];
      const { store, engine } = await setUp({ server, engine: { onRequirement: (requirement) => requirements.push(requirement) } });
      await engine.start();
      expect(requirements).to.deep.equal([server.requirement]);
      expect((await store.getMeta('serverRequirement'))?.requirement).to.deep.equal(server.requirement);

      goOffline();
      expect(await engine.refreshRequirement()).to.deep.equal(server.requirement);
    });

    it('shares and unshares, keeping the answer as meta', async () => {
      const { store, engine } = await setUp();
      const shared = await engine.share();
      expect(shared.shared).to.equal(true);
      expect(await store.getMeta('share')).to.deep.equal(shared);
      await engine.unshare();
      expect(await store.getMeta('share')).to.deep.equal({ shared: false, sharedAt: null });
    });
  });

  it('syncs a joblog kept in memory (no IndexedDB) the same way', async () => {
    const server = new FakeJoblogServer();
    const fromPhone = sampleEntry();
    server.saveFromAnotherDevice(fromPhone);
    const store = await JoblogStore.open({ indexedDB: null });
    const client = new ApiClient({ baseUrl: 'https://api.example.dk/', token: 'citizen-amira', fetch: server.fetch, retries: 1, retryDelay: 1 });
    const engine = new JoblogSyncEngine({ store, client, pushDelayMs: 5 });
    cleanups.push(() => { engine.stop(); store.close(); });
    const here = sampleEntry();
    await store.put(here);

    await engine.start();

    expect(store.persistent).to.equal(false);
    expect((await store.all()).map((entry) => entry.id).sort()).to.deep.equal([fromPhone.id, here.id].sort());
    expect(server.entry(here.id)).to.deep.equal({ ...here, version: 1 });
    expect(await store.outbox()).to.deep.equal([]);
  });

  it('two tabs syncing the same store send each change once and find no conflicts', async () => {
    const server = new FakeJoblogServer();
    const name = uniqueName();
    const tabA = await setUp({ name, server });
    const tabB = await setUp({ name, server });
    await Promise.all([tabA.engine.start(), tabB.engine.start()]);
    const entries = Array.from({ length: 5 }, () => sampleEntry());
    for (const entry of entries) await tabA.store.put(entry);
    await Promise.all([tabA.engine.sync(), tabB.engine.sync(), tabA.engine.sync()]);
    await until(async () => (await tabA.store.outbox()).length === 0);

    expect(server.entries).to.have.length(5);
    for (const entry of entries) expect(server.versionOf(entry.id)).to.equal(1);
    expect(await tabB.engine.conflicts()).to.deep.equal([]);
  });

  describe('10,000 entries', () => {
    it('takes 10,000 server entries into IndexedDB on the first sync (pages of 500) in reasonable time', async function () {
      this.timeout(120_000);
      const server = new FakeJoblogServer();
      server.recording = false;
      for (let index = 0; index < 10_000; index++) server.saveFromAnotherDevice(sampleEntry({}, index));
      const { store, engine, name } = await setUp({ server, engine: { pageSize: 500 } });

      const started = performance.now();
      await engine.start();
      const syncMs = performance.now() - started;
      engine.stop();
      store.close();

      const reopened = await JoblogStore.open({ name });
      const loadStarted = performance.now();
      const entries = await reopened.all();
      const loadMs = performance.now() - loadStarted;
      reopened.close();

      // The same again with nothing new: one feed request.
      const again = await setUp({ name, server });
      const againStarted = performance.now();
      await again.engine.start();
      const againMs = performance.now() - againStarted;

      console.log(`[figures] first sync of 10,000 server entries (20 pages of 500) into IndexedDB: ${syncMs.toFixed(0)} ms; all() after: ${loadMs.toFixed(0)} ms; a sync with nothing new: ${againMs.toFixed(0)} ms`);
      expect(entries).to.have.length(10_000);
      expect(await again.store.outbox()).to.deep.equal([]);
      expect(syncMs).to.be.below(15_000);
    });

    it('sends 1,000 entries made offline, and says how long a PUT takes', async function () {
      this.timeout(120_000);
      const { store, engine, server } = await setUp();
      server.recording = false;
      await store.putMany(Array.from({ length: 1000 }, (_, index) => sampleEntry({}, index)));
      const started = performance.now();
      await engine.start();
      const ms = performance.now() - started;
      console.log(`[figures] flush of 1,000 new entries (one PUT each, against the in-page fake server): ${ms.toFixed(0)} ms (${(ms / 1000).toFixed(1)} ms per entry)`);
      expect(server.entries).to.have.length(1000);
      expect(engine.status.pending).to.equal(0);
    });
  });
});
