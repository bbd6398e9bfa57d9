import { expect } from '@open-wc/testing';
import { newEntry, type JoblogEntry } from '../src/model/entry.js';
import { JoblogStore, type JoblogStoreOptions } from '../src/storage/entry-store.js';
import { sampleEntry } from './support/sync-fake-joblog-server.js';

let counter = 0;
const uniqueName = (): string => `joblog-test-${String(Date.now())}-${String(++counter)}`;

/** Reads every record of the database through a connection of its own (not through the store under test). */
async function rawRecords(name: string): Promise<Map<string, unknown>> {
  const database = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(`jobunivers-${name}`);
    request.onupgradeneeded = () => { request.result.createObjectStore('records'); };
    request.onsuccess = () => { resolve(request.result); };
    request.onerror = () => { reject(request.error ?? new Error('open failed')); };
  });
  try {
    const store = database.transaction('records').objectStore('records');
    const [keys, values] = await Promise.all([
      new Promise<IDBValidKey[]>((resolve) => { const request = store.getAllKeys(); request.onsuccess = () => { resolve(request.result); }; }),
      new Promise<unknown[]>((resolve) => { const request = store.getAll(); request.onsuccess = () => { resolve(request.result); }; }),
    ]);
    return new Map(keys.map((key, index) => [key as string, values[index]]));
  } finally {
    database.close();
  }
}

async function databaseExists(name: string): Promise<boolean> {
  return (await indexedDB.databases()).some((database) => database.name === `jobunivers-${name}`);
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(`jobunivers-${name}`);
    request.onsuccess = () => { resolve(); };
    request.onerror = () => { resolve(); };
    request.onblocked = () => { resolve(); };
  });
}

const byId = (entries: JoblogEntry[]): JoblogEntry[] => [...entries].sort((a, b) => (a.id < b.id ? -1 : 1));
const nextMessage = (name: string): Promise<unknown> =>
  new Promise((resolve) => {
    const channel = new BroadcastChannel(`jobunivers-${name}`);
    channel.onmessage = (event: MessageEvent<unknown>) => {
      channel.close();
      resolve(event.data);
    };
  });
const until = async (condition: () => boolean, timeout = 2000): Promise<void> => {
  const started = performance.now();
  while (!condition()) {
    if (performance.now() - started > timeout) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe('JoblogStore', () => {
  const names: string[] = [];
  const opened: JoblogStore[] = [];
  const open = async (options: JoblogStoreOptions = {}): Promise<JoblogStore> => {
    const name = options.name ?? uniqueName();
    if (!names.includes(name)) names.push(name);
    const store = await JoblogStore.open({ ...options, name });
    opened.push(store);
    return store;
  };

  afterEach(async () => {
    for (const store of opened.splice(0)) store.close();
    for (const name of names.splice(0)) await deleteDatabase(name);
  });

  describe('entries', () => {
    it('is persistent over IndexedDB, and says so when it falls back to memory (where it still works)', async () => {
      expect((await open()).persistent).to.equal(true);
      const memory = await open({ indexedDB: null });
      expect(memory.persistent).to.equal(false);
      const entry = sampleEntry();
      await memory.put(entry);
      expect(await memory.all()).to.deep.equal([entry]);
    });

    it('gives back every field of every kind of entry exactly, after a reload (put → close → open)', async () => {
      const name = uniqueName();
      const store = await open({ name });
      const application = sampleEntry();
      const activity: JoblogEntry = {
        ...newEntry(new Date('2026-11-26T10:00:00Z'), '2026-11-26', 'activity'),
        title: 'Jobmesse i Vejle',
        employer: 'Jobcenter Vejle',
        activityKind: 'network-meeting',
        notes: '  mellemrum bevares  ',
      };
      const closed = sampleEntry({ status: 'closed', outcome: 'hired', hoursPerWeek: null, deadline: null, cv: null, sourceUrl: '', postalCode: '', history: [
        { status: 'applied', outcome: null, on: '2026-11-01' },
        { status: 'closed', outcome: 'hired', on: '2026-11-20' },
      ] });
      await store.put(application);
      await store.put(activity);
      await store.put(closed);
      store.close();

      const reopened = await open({ name });
      expect(byId(await reopened.all())).to.deep.equal(byId([application, activity, closed]));
      expect(await reopened.get(activity.id)).to.deep.equal(activity);
      expect(await reopened.get('no-such-entry')).to.equal(undefined);
    });

    it('has the entry in IndexedDB when put() resolves (before the widget says "Gemt"), with its outbox mark', async () => {
      const name = uniqueName();
      const store = await open({ name });
      const entry = sampleEntry();
      await store.put(entry);

      const records = await rawRecords(name);
      expect(records.get(`entry:${entry.id}`)).to.deep.equal({ entry, version: null });
      expect(records.get(`outbox:${entry.id}`)).to.include({ id: entry.id, kind: 'put' });
    });

    it('a changed entry replaces the old one; a later change of the object passed in does not reach the store', async () => {
      const store = await open();
      const entry = sampleEntry();
      await store.put(entry);
      const changed = { ...entry, status: 'closed' as const, outcome: 'rejected' as const };
      await store.put(changed);
      changed.title = 'ændret bagefter';

      const all = await store.all();
      expect(all).to.have.length(1);
      expect(all[0]).to.include({ status: 'closed', outcome: 'rejected', title: entry.title });
    });

    it('putMany (an import) stores all entries in one transaction, or none when one cannot be stored', async () => {
      const store = await open();
      const good = [sampleEntry(), sampleEntry(), sampleEntry()];
      await store.putMany(good);
      expect(await store.all()).to.have.length(3);

      const broken = { ...sampleEntry(), notes: (() => 'no') as unknown as string }; // a function cannot be cloned
      let error: unknown;
      try {
        await store.putMany([sampleEntry(), broken, sampleEntry()]);
      } catch (caught) {
        error = caught;
      }
      expect(error).to.be.instanceOf(Error);
      expect(await store.all()).to.have.length(3);
      expect(await store.outbox()).to.have.length(3);
    });

    it('a save of an entry the server has keeps the version it is based on, one at a time and in a big import', async () => {
      const store = await open();
      const entries = Array.from({ length: 60 }, () => sampleEntry());
      await store.putMany(entries);
      // As the sync records successful pushes: each at version 3, nothing left to send.
      const ids = entries.map((entry) => entry.id);
      await store.updateSyncStates(ids, (states) => ({ states: [...states.values()].map((state) => ({ ...state, version: 3, pending: null })), result: undefined }));

      await store.put({ ...entries[0], notes: 'én' });
      await store.putMany(entries.slice(1).map((entry) => ({ ...entry, notes: 'mange' })));

      const states = await store.syncStates(ids);
      expect([...states.values()].every((state) => state.version === 3 && state.pending?.kind === 'put')).to.equal(true);
      expect(states.get(ids[0])?.entry?.notes).to.equal('én');
      expect(states.get(ids[59])?.entry?.notes).to.equal('mange');
    });

    it('delete() of an entry the server never had leaves nothing behind', async () => {
      const name = uniqueName();
      const store = await open({ name });
      const entry = sampleEntry();
      await store.put(entry);
      await store.delete(entry.id);
      await store.delete(entry.id); // again: not an error
      await store.delete('never-there');

      expect(await store.all()).to.deep.equal([]);
      expect([...(await rawRecords(name)).keys()]).to.deep.equal([]);
    });

    it('delete() of an entry the server has keeps a tombstone in the outbox until the server deleted it too', async () => {
      const name = uniqueName();
      const store = await open({ name });
      const entry = sampleEntry();
      await store.put(entry);
      // As the sync records a successful push: version 3, nothing left to send.
      await store.updateSyncStates([entry.id], (states) => {
        const state = states.get(entry.id)!;
        return { states: [{ ...state, version: 3, pending: null }], result: undefined };
      });
      expect(await store.outbox()).to.deep.equal([]);

      await store.delete(entry.id);
      store.close();
      const reopened = await open({ name });

      expect(await reopened.all()).to.deep.equal([]);
      const outbox = await reopened.outbox();
      expect(outbox.map((item) => [item.id, item.kind])).to.deep.equal([[entry.id, 'delete']]);
      expect((await reopened.syncStates([entry.id])).get(entry.id)).to.include({ entry: null, version: 3 });
    });
  });

  describe('outbox', () => {
    it('keeps one mark per entry in the order of the first unsent change; a later save keeps the place but not the stamp', async () => {
      const name = uniqueName();
      const store = await open({ name });
      const [a, b, c] = [sampleEntry(), sampleEntry(), sampleEntry()];
      await store.put(a);
      await store.put(b);
      const first = (await store.outbox())[0];
      await store.put({ ...a, notes: 'anden ændring' });
      await store.put(c);
      await store.put({ ...a, notes: 'tredje ændring' });
      store.close();

      const outbox = await (await open({ name })).outbox();
      expect(outbox.map((item) => item.id)).to.deep.equal([a.id, b.id, c.id]);
      expect(outbox[0].seq).to.equal(first.seq);
      expect(outbox[0].stamp).not.to.equal(first.stamp);
    });

    it('an import of thousands keeps the order of its rows, and a save after it comes after it', async () => {
      const store = await open();
      const rows = Array.from({ length: 3000 }, () => sampleEntry());
      await store.putMany(rows);
      const later = sampleEntry();
      await store.put(later);

      const outbox = await store.outbox();
      expect(outbox.map((item) => item.id)).to.deep.equal([...rows.map((row) => row.id), later.id]);
    });
  });

  describe('10,000 entries', () => {
    it('loads 10,000 entries in well under a second after a reload', async function () {
      this.timeout(60_000);
      const name = uniqueName();
      const store = await open({ name });
      const entries = Array.from({ length: 10_000 }, (_, index) => sampleEntry({}, index));
      const writeStarted = performance.now();
      await store.putMany(entries);
      const writeMs = performance.now() - writeStarted;
      store.close();

      const timings: number[] = [];
      let loaded: JoblogEntry[] = [];
      for (let round = 0; round < 5; round++) {
        const openStarted = performance.now();
        const reopened = await open({ name });
        loaded = await reopened.all();
        timings.push(performance.now() - openStarted);
        reopened.close();
      }
      const putStarted = performance.now();
      const again = await open({ name });
      await again.put(sampleEntry());
      const putMs = performance.now() - putStarted;

      console.log(`[figures] 10,000 entries: putMany ${writeMs.toFixed(0)} ms; open + all() ${timings.map((ms) => ms.toFixed(0)).join(' / ')} ms; one put among them ${putMs.toFixed(1)} ms`);
      expect(loaded).to.have.length(10_000);
      expect(Math.min(...timings)).to.be.below(1000);
      expect(putMs).to.be.below(500);
    });
  });

  describe('meta', () => {
    it('answers defaults before anything is set, keeps what is set across a reload, and keeps it out of all()', async () => {
      const name = uniqueName();
      const store = await open({ name });
      expect(await store.getMeta('cursor')).to.equal(null);
      expect(await store.getMeta('dismissedReminders')).to.deep.equal([]);
      expect(await store.getMeta('prefs')).to.deep.equal({});
      expect(await store.getMeta('share')).to.equal(null);

      const requirement = { perWeek: 2, scale: 0.5, averageOverWeeks: 4, exemptWeeks: [{ week: '2026-W52', reason: 'holiday' as const }], activitiesCount: true };
      await store.setMeta('cursor', 'abc');
      await store.setMeta('hostRequirement', requirement);
      await store.setMeta('serverRequirement', { requirement: null, fetchedAt: '2026-11-30T10:00:00.000Z' });
      await store.setMeta('dismissedReminders', ['follow-up:1', 'no-entries:2026-W48']);
      await store.setMeta('share', { shared: true, sharedAt: '2026-11-30T10:00:00.000Z' });
      await store.setMeta('prefs', { view: 'board', sort: 'date-desc' });
      store.close();

      const reopened = await open({ name });
      expect(await reopened.getMeta('cursor')).to.equal('abc');
      expect(await reopened.getMeta('hostRequirement')).to.deep.equal(requirement);
      expect(await reopened.getMeta('serverRequirement')).to.deep.equal({ requirement: null, fetchedAt: '2026-11-30T10:00:00.000Z' });
      expect(await reopened.getMeta('dismissedReminders')).to.deep.equal(['follow-up:1', 'no-entries:2026-W48']);
      expect(await reopened.getMeta('share')).to.deep.equal({ shared: true, sharedAt: '2026-11-30T10:00:00.000Z' });
      expect(await reopened.getMeta('prefs')).to.deep.equal({ view: 'board', sort: 'date-desc' });
      expect(await reopened.all()).to.deep.equal([]);
    });

    it('a default handed out cannot be changed by the caller', async () => {
      const store = await open();
      (await store.getMeta('dismissedReminders')).push('x');
      expect(await store.getMeta('dismissedReminders')).to.deep.equal([]);
    });
  });

  describe('wipe (logout)', () => {
    it('deletes entries, outbox, conflicts and meta and the database itself; the store works again afterwards', async () => {
      const name = uniqueName();
      const store = await open({ name });
      await store.putMany([sampleEntry(), sampleEntry()]);
      await store.setMeta('cursor', 'abc');
      await store.setMeta('prefs', { view: 'week' });

      await store.wipe();
      expect(await databaseExists(name)).to.equal(false);

      expect(await store.all()).to.deep.equal([]);
      expect(await store.outbox()).to.deep.equal([]);
      expect(await store.getMeta('cursor')).to.equal(null);
      const entry = sampleEntry();
      await store.put(entry);
      expect(await store.all()).to.deep.equal([entry]);
    });

    it('another tab is told, lets the deletion go ahead, and finds an empty joblog', async () => {
      const name = uniqueName();
      const first = await open({ name });
      let told = 0;
      const second = await open({ name, onExternalChange: () => { told++; } });
      await first.put(sampleEntry());
      await until(() => told === 1);
      expect(await second.all()).to.have.length(1);

      await first.wipe();
      await until(() => told === 2);
      expect(await second.all()).to.deep.equal([]);
      await second.put(sampleEntry());
      expect(await first.all()).to.have.length(1);
    });

    it('in memory (no IndexedDB) it empties the store', async () => {
      const store = await open({ indexedDB: null });
      await store.put(sampleEntry());
      await store.setMeta('cursor', 'abc');
      await store.wipe();
      expect(await store.all()).to.deep.equal([]);
      expect(await store.getMeta('cursor')).to.equal(null);
    });
  });

  describe('other tabs', () => {
    it('tells other tabs after each write with a message that has no content', async () => {
      const name = uniqueName();
      const store = await open({ name });
      let told = 0;
      await open({ name, onExternalChange: () => { told++; } });

      const message = nextMessage(name);
      await store.put(sampleEntry());
      expect(await message).to.equal(null);
      await store.setMeta('prefs', { view: 'list' });
      await until(() => told === 2);
    });

    it('does not tell itself', async () => {
      let told = 0;
      const store = await open({ onExternalChange: () => { told++; } });
      await store.put(sampleEntry());
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(told).to.equal(0);
    });
  });
});
