import { expect } from '@open-wc/testing';
import { deleteLocalStore, openLocalStore, type LocalStore, type OpenStoreOptions } from '../src/store.js';

interface Draft {
  title: string;
  hours: number;
  tags: string[];
}

let storeCounter = 0;
/** A fresh store name per test, so tests never see each other's data. */
const uniqueName = (): string => `test-${String(Date.now())}-${String(++storeCounter)}`;

/** Runs `body` with console.warn silenced, returning what was warned. */
async function withWarningsCaptured<T>(body: () => Promise<T>): Promise<{ result: T; warnings: unknown[][] }> {
  const original = console.warn;
  const warnings: unknown[][] = [];
  console.warn = (...args: unknown[]) => { warnings.push(args); };
  try {
    return { result: await body(), warnings };
  } finally {
    console.warn = original;
  }
}

/** Resolves with `value`, or rejects when `promise` takes longer than `milliseconds` (a hung IndexedDB call). */
function within<T>(promise: Promise<T>, milliseconds: number, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_resolve, reject) => setTimeout(() => { reject(new Error(`${what} did not finish within ${String(milliseconds)} ms`)); }, milliseconds)),
  ]);
}

const backends: { kind: string; options: OpenStoreOptions; persistent: boolean }[] = [
  { kind: 'IndexedDB', options: {}, persistent: true },
  { kind: 'memory fallback (indexedDB: null)', options: { indexedDB: null }, persistent: false },
];

for (const backend of backends) {
  describe(`LocalStore in ${backend.kind}`, () => {
    let name: string;
    let store: LocalStore<Draft>;

    beforeEach(async () => {
      name = uniqueName();
      store = await openLocalStore<Draft>(name, backend.options);
    });

    afterEach(async () => {
      store.close();
      await deleteLocalStore(name);
    });

    it(`reports persistent ${String(backend.persistent)}`, () => {
      expect(store.persistent).to.equal(backend.persistent);
    });

    it('gives back what was put, as an equal object', async () => {
      const draft = { title: 'Ansøgning til Netto', hours: 2, tags: ['butik', 'deltid'] };
      await store.put('draft-1', draft);

      expect(await store.get('draft-1')).to.deep.equal(draft);
    });

    it('returns undefined for a key that was never stored', async () => {
      expect(await store.get('nothing-here')).to.equal(undefined);
    });

    it('replaces the value when the same key is put again', async () => {
      await store.put('draft-1', { title: 'First', hours: 1, tags: [] });
      await store.put('draft-1', { title: 'Second', hours: 3, tags: ['x'] });

      expect(await store.get('draft-1')).to.deep.equal({ title: 'Second', hours: 3, tags: ['x'] });
      expect(await store.keys()).to.deep.equal(['draft-1']);
    });

    it('lists keys and entries in key order', async () => {
      await store.put('b', { title: 'B', hours: 2, tags: [] });
      await store.put('c', { title: 'C', hours: 3, tags: [] });
      await store.put('a', { title: 'A', hours: 1, tags: [] });

      expect(await store.keys()).to.deep.equal(['a', 'b', 'c']);
      expect(await store.entries()).to.deep.equal([
        ['a', { title: 'A', hours: 1, tags: [] }],
        ['b', { title: 'B', hours: 2, tags: [] }],
        ['c', { title: 'C', hours: 3, tags: [] }],
      ]);
    });

    it('forgets a deleted key and keeps the others', async () => {
      await store.put('a', { title: 'A', hours: 1, tags: [] });
      await store.put('b', { title: 'B', hours: 2, tags: [] });
      await store.delete('a');

      expect(await store.get('a')).to.equal(undefined);
      expect(await store.keys()).to.deep.equal(['b']);
    });

    it('deleting a key that does not exist is not an error', async () => {
      await store.delete('never-stored');
      expect(await store.keys()).to.deep.equal([]);
    });

    it('is empty after clear()', async () => {
      await store.put('a', { title: 'A', hours: 1, tags: [] });
      await store.put('b', { title: 'B', hours: 2, tags: [] });
      await store.clear();

      expect(await store.keys()).to.deep.equal([]);
      expect(await store.entries()).to.deep.equal([]);
      expect(await store.get('a')).to.equal(undefined);
    });

    it('keeps the stored value when the caller mutates its object after put', async () => {
      const draft = { title: 'Original', hours: 1, tags: ['a'] };
      await store.put('draft', draft);
      draft.title = 'Changed';
      draft.tags.push('b');

      expect(await store.get('draft')).to.deep.equal({ title: 'Original', hours: 1, tags: ['a'] });
    });

    it('keeps the stored value when the caller mutates an object it read', async () => {
      await store.put('draft', { title: 'Original', hours: 1, tags: ['a'] });
      const read = (await store.get('draft'))!;
      read.title = 'Changed';
      read.tags.push('b');
      const [[, fromEntries]] = (await store.entries()) as [[string, Draft]];
      fromEntries.hours = 99;

      expect(await store.get('draft')).to.deep.equal({ title: 'Original', hours: 1, tags: ['a'] });
    });

    it('keeps dates and nested structures intact', async () => {
      const value = { title: 'Med dato', hours: 1, tags: [], at: new Date('2025-03-04T13:30:00Z'), nested: { list: [1, 2, { x: 'y' }] } };
      await store.put('dated', value);
      const read = (await store.get('dated')) as unknown as typeof value;

      expect(read.at).to.be.instanceOf(Date);
      expect(read.at.toISOString()).to.equal('2025-03-04T13:30:00.000Z');
      expect(read.nested).to.deep.equal({ list: [1, 2, { x: 'y' }] });
    });

    it('rejects (does not throw synchronously) when a value cannot be stored, and stores nothing', async () => {
      let thrownSynchronously = false;
      let rejection: unknown;
      try {
        const pending = store.put('bad', { title: 'x', hours: 1, tags: [], callback: () => 1 } as unknown as Draft);
        await pending.catch((error: unknown) => { rejection = error; });
      } catch {
        thrownSynchronously = true;
      }

      expect(thrownSynchronously).to.equal(false);
      expect(rejection).to.be.instanceOf(DOMException);
      expect((rejection as DOMException).name).to.equal('DataCloneError');
      expect(await store.keys()).to.deep.equal([]);
    });
  });
}

describe('openLocalStore / deleteLocalStore with IndexedDB', () => {
  const names: string[] = [];
  const track = (name: string): string => {
    names.push(name);
    return name;
  };

  afterEach(async () => {
    for (const name of names.splice(0)) await deleteLocalStore(name);
  });

  it('keeps a draft across closing and reopening the store (a reload)', async () => {
    const name = track(uniqueName());
    const first = await openLocalStore<Draft>(name);
    await first.put('draft', { title: 'Halvfærdig ansøgning', hours: 1, tags: ['kladde'] });
    first.close();

    const second = await openLocalStore<Draft>(name);
    try {
      expect(second.persistent).to.equal(true);
      expect(await second.get('draft')).to.deep.equal({ title: 'Halvfærdig ansøgning', hours: 1, tags: ['kladde'] });
      expect(await second.keys()).to.deep.equal(['draft']);
    } finally {
      second.close();
    }
  });

  it('really writes to the browser’s IndexedDB under the jobunivers- name', async () => {
    const name = track(uniqueName());
    const store = await openLocalStore<Draft>(name);
    await store.put('draft', { title: 'x', hours: 1, tags: [] });
    store.close();

    const databases = await indexedDB.databases();
    expect(databases.map((database) => database.name)).to.include(`jobunivers-${name}`);
  });

  it('keeps two stores with different names apart', async () => {
    const cv = await openLocalStore<string>(track(uniqueName()));
    const joblog = await openLocalStore<string>(track(uniqueName()));
    try {
      await cv.put('k', 'cv');
      await joblog.put('k', 'joblog');

      expect(await cv.get('k')).to.equal('cv');
      expect(await joblog.get('k')).to.equal('joblog');
    } finally {
      cv.close();
      joblog.close();
    }
  });

  it('deleteLocalStore wipes everything, so a reopened store is empty', async () => {
    const name = track(uniqueName());
    const store = await openLocalStore<Draft>(name);
    await store.put('draft', { title: 'Personlige data', hours: 1, tags: [] });
    store.close();

    await deleteLocalStore(name);
    const reopened = await openLocalStore<Draft>(name);
    try {
      expect(reopened.persistent).to.equal(true);
      expect(await reopened.keys()).to.deep.equal([]);
      expect(await reopened.get('draft')).to.equal(undefined);
    } finally {
      reopened.close();
    }
  });

  it('deleteLocalStore finishes at logout even while a widget still has the store open', async () => {
    const name = track(uniqueName());
    const store = await openLocalStore<Draft>(name);
    await store.put('draft', { title: 'Personlige data', hours: 1, tags: [] });

    await within(deleteLocalStore(name), 2000, 'deleteLocalStore');
    const reopened = await openLocalStore<Draft>(name);
    try {
      expect(await reopened.get('draft')).to.equal(undefined);
    } finally {
      reopened.close();
      store.close();
    }
  });

  it('deleteLocalStore of a store that never existed resolves', async () => {
    await within(deleteLocalStore(uniqueName()), 2000, 'deleteLocalStore');
  });

  it('deleteLocalStore with no IndexedDB (null) resolves without touching anything', async () => {
    await deleteLocalStore(uniqueName(), null);
  });
});

describe('openLocalStore fallback to memory', () => {
  it('opens a memory store with indexedDB: null and never touches IndexedDB', async () => {
    const name = uniqueName();
    const store = await openLocalStore<string>(name, { indexedDB: null });
    await store.put('k', 'v');

    expect(store.persistent).to.equal(false);
    expect(await store.get('k')).to.equal('v');
    const databases = await indexedDB.databases();
    expect(databases.map((database) => database.name)).not.to.include(`jobunivers-${name}`);
    store.close();
  });

  it('does not keep memory data across reopening (it says so through persistent: false)', async () => {
    const name = uniqueName();
    const first = await openLocalStore<string>(name, { indexedDB: null });
    await first.put('k', 'v');
    first.close();
    const second = await openLocalStore<string>(name, { indexedDB: null });

    expect(second.persistent).to.equal(false);
    expect(await second.get('k')).to.equal(undefined);
  });

  it('falls back to memory, and does not reject, when the IndexedDB factory throws on open (private mode)', async () => {
    let openCalls = 0;
    const refusing = {
      open(): IDBOpenDBRequest {
        openCalls++;
        throw new DOMException('The user denied permission to access the database.', 'SecurityError');
      },
    } as unknown as IDBFactory;

    const { result: store, warnings } = await withWarningsCaptured(() => openLocalStore<string>(uniqueName(), { indexedDB: refusing }));

    expect(openCalls).to.equal(1);
    expect(store.persistent).to.equal(false);
    await store.put('k', 'v');
    expect(await store.get('k')).to.equal('v');
    expect(warnings).to.have.length(1);
  });

  it('falls back to memory when the IndexedDB open request fails', async () => {
    const failing = {
      open(): IDBOpenDBRequest {
        const request = new EventTarget() as EventTarget & { error: DOMException | null };
        request.error = new DOMException('Disk full', 'QuotaExceededError');
        setTimeout(() => request.dispatchEvent(new Event('error')), 0);
        return request as unknown as IDBOpenDBRequest;
      },
    } as unknown as IDBFactory;

    const { result: store } = await withWarningsCaptured(() => openLocalStore<string>(uniqueName(), { indexedDB: failing }));

    expect(store.persistent).to.equal(false);
  });

  it('falls back to memory after openTimeout when IndexedDB never answers', async () => {
    const silent = {
      open: (): IDBOpenDBRequest => new EventTarget() as unknown as IDBOpenDBRequest,
    } as unknown as IDBFactory;
    const started = performance.now();

    const { result: store } = await withWarningsCaptured(() =>
      within(openLocalStore<string>(uniqueName(), { indexedDB: silent, openTimeout: 50 }), 2000, 'openLocalStore'),
    );

    expect(store.persistent).to.equal(false);
    expect(performance.now() - started).to.be.at.least(45);
  });

  it('uses the IndexedDB factory it is given', async () => {
    let openedNames: string[] = [];
    const name = uniqueName();
    const spying = {
      open: (databaseName: string, version?: number): IDBOpenDBRequest => {
        openedNames = [...openedNames, databaseName];
        return indexedDB.open(databaseName, version);
      },
      deleteDatabase: (databaseName: string): IDBOpenDBRequest => indexedDB.deleteDatabase(databaseName),
    } as unknown as IDBFactory;

    const store = await openLocalStore<string>(name, { indexedDB: spying });
    await store.put('k', 'v');
    store.close();

    expect(store.persistent).to.equal(true);
    expect(openedNames).to.deep.equal([`jobunivers-${name}`]);
    await deleteLocalStore(name, spying);
  });
});
