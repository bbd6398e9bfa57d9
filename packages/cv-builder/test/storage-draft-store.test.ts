import { expect } from '@open-wc/testing';
import { deleteLocalStore, openLocalStore, type LocalStore } from '@jobunivers/core/store';
import { emptyCv, newItem, type Cv } from '../src/model/cv.js';
import { CvDraftStore, type DraftSavedInfo, type ExternalChange } from '../src/storage/draft-store.js';

let counter = 0;
const uniqueName = (): string => `cv-test-${String(Date.now())}-${String(++counter)}`;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const named = (name: string, from: Cv = emptyCv()): Cv => ({ ...from, contact: { ...from.contact, name } });

/** A CV with a work experience and two skills (3 items). */
function filledCv(name: string): Cv {
  const cv = named(name);
  return {
    ...cv,
    work: { hidden: false, items: [{ ...newItem.work(), position: 'Lagermedarbejder', employer: 'Bilka', start: '2019-03', end: 'present' }] },
    skills: { hidden: false, items: [{ ...newItem.skills(), name: 'Truck' }, { ...newItem.skills(), name: 'Plukning' }] },
  };
}

/** Reads what is really in IndexedDB through a connection of its own (not through the store under test). */
async function storedDraftName(name: string): Promise<string | undefined> {
  const raw = await openLocalStore<{ cv: Cv }>(name);
  try {
    return (await raw.get('draft'))?.cv.contact.name;
  } finally {
    raw.close();
  }
}

/** A store over real IndexedDB whose writes can be made to fail, slowed down and counted. */
class UnreliableStore implements LocalStore<unknown> {
  failing = false;
  /** Writes never finish: the page went away before the browser committed them. */
  hanging = false;
  delayMs = 0;
  puts = 0;
  concurrent = 0;
  maxConcurrent = 0;
  readonly #inner: LocalStore<unknown>;

  constructor(inner: LocalStore<unknown>) {
    this.#inner = inner;
  }

  get persistent(): boolean {
    return this.#inner.persistent;
  }

  async put(key: string, value: unknown): Promise<void> {
    this.puts++;
    this.concurrent++;
    this.maxConcurrent = Math.max(this.maxConcurrent, this.concurrent);
    try {
      if (this.hanging) await new Promise<never>(() => undefined);
      if (this.delayMs > 0) await sleep(this.delayMs);
      if (this.failing) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      await this.#inner.put(key, value);
    } finally {
      this.concurrent--;
    }
  }

  get(key: string): Promise<unknown> { return this.#inner.get(key); }
  delete(key: string): Promise<void> { return this.#inner.delete(key); }
  keys(): Promise<string[]> { return this.#inner.keys(); }
  entries(): Promise<[string, unknown][]> { return this.#inner.entries(); }
  clear(): Promise<void> { return this.#inner.clear(); }
  close(): void { this.#inner.close(); }
}

describe('CvDraftStore', () => {
  const names: string[] = [];
  const opened: CvDraftStore[] = [];
  const open = async (options: Parameters<typeof CvDraftStore.open>[0] = {}): Promise<CvDraftStore> => {
    const name = options.name ?? uniqueName();
    if (!names.includes(name)) names.push(name);
    const store = await CvDraftStore.open({ ...options, name });
    opened.push(store);
    return store;
  };

  afterEach(async () => {
    for (const store of opened.splice(0)) store.close();
    for (const name of names.splice(0)) await deleteLocalStore(name);
  });

  describe('autosave', () => {
    it('is persistent over IndexedDB, and says so when it falls back to memory', async () => {
      expect((await open()).persistent).to.equal(true);
      expect((await open({ indexedDB: null })).persistent).to.equal(false);
    });

    it('has no draft before anything was saved', async () => {
      expect(await (await open()).load()).to.equal(undefined);
    });

    it('writes a scheduled change after the debounce, and a reopened store (a reload) finds it', async () => {
      const name = uniqueName();
      const saves: DraftSavedInfo[] = [];
      const store = await open({ name, debounceMs: 50, onSaved: (info) => saves.push(info) });
      const cv = filledCv('Amira Hassan');
      store.schedule(cv);

      expect(await storedDraftName(name)).to.equal(undefined); // not yet: debounced
      await sleep(200);
      expect(saves).to.have.length(1);
      store.close();

      const reopened = await open({ name });
      const draft = await reopened.load();
      expect(draft?.cv).to.deep.equal(cv);
      expect(draft?.sync).to.deep.equal({ etag: null, syncedHash: null });
      expect(Date.parse(draft?.savedAt ?? '')).to.be.closeTo(Date.now(), 5000);
    });

    it('writes one record for a burst of changes, the newest', async () => {
      const name = uniqueName();
      const saves: DraftSavedInfo[] = [];
      const store = await open({ name, debounceMs: 100, onSaved: (info) => saves.push(info) });
      for (const name of ['A', 'Am', 'Ami', 'Amir', 'Amira']) store.schedule(named(name));
      await sleep(300);

      expect(saves).to.have.length(1);
      expect(await storedDraftName(name)).to.equal('Amira');
    });

    it('flush() writes at once, and the data survives closing the store', async () => {
      const name = uniqueName();
      const store = await open({ name, debounceMs: 10_000, maxWaitMs: 10_000 });
      store.schedule(named('Gemt ved pagehide'));
      await store.flush();

      expect(await storedDraftName(name)).to.equal('Gemt ved pagehide');
      expect(store.dirty).to.equal(false);
    });

    it('flush() with nothing scheduled resolves at once', async () => {
      const store = await open();
      await store.flush();
      expect(await store.load()).to.equal(undefined);
    });

    it('stores every change within a second even while the citizen keeps typing (max-wait), without flush', async () => {
      const name = uniqueName();
      const saves: DraftSavedInfo[] = [];
      const store = await open({ name, onSaved: (info) => saves.push(info) });
      const scheduledAt: number[] = [];
      const started = performance.now();
      let text = '';
      // A keystroke every 60 ms for 2.5 s: the debounce alone would never fire.
      while (performance.now() - started < 2500) {
        text += 'x';
        scheduledAt.push(performance.now());
        store.schedule(named(text));
        await sleep(60);
      }
      const checkedAt = performance.now();
      const stored = (await storedDraftName(name)) ?? '';

      // Every keystroke made 1 s or more before the check is in IndexedDB.
      const due = scheduledAt.filter((at) => at <= checkedAt - 1000).length;
      expect(due).to.be.greaterThan(10);
      expect(stored.length).to.be.at.least(due);
      expect(saves.length).to.be.at.least(2);
      for (const save of saves) expect(save.latencyMs).to.be.below(1000);

      // A crash now (no flush, no pagehide): what the reopened store finds is at most 1 s behind.
      store.close();
      const reopened = await open({ name });
      expect((await reopened.load())?.cv.contact.name.length).to.be.at.least(due);
    });

    it('reports each autosave through onSaved with its latency and write time', async () => {
      const saves: DraftSavedInfo[] = [];
      const store = await open({ debounceMs: 50, onSaved: (info) => saves.push(info) });
      store.schedule(named('A'));
      await sleep(20);
      store.schedule(named('AB'));
      await sleep(200);

      expect(saves).to.have.length(1);
      const save = saves[0];
      expect(save.persistent).to.equal(true);
      expect(save.latencyMs).to.be.at.least(60); // from the first unsaved change, not the last
      expect(save.writeMs).to.be.at.most(save.latencyMs);
    });

    it('never runs two writes at once, and the newest state is the one stored', async () => {
      const name = uniqueName();
      names.push(name);
      const unreliable = new UnreliableStore(await openLocalStore<unknown>(name));
      unreliable.delayMs = 80;
      const store = await open({ store: unreliable, debounceMs: 10, maxWaitMs: 20 });
      for (let index = 1; index <= 10; index++) {
        store.schedule(named(`v${String(index)}`));
        await sleep(15);
      }
      await store.flush();

      expect(unreliable.maxConcurrent).to.equal(1);
      expect((await store.load())?.cv.contact.name).to.equal('v10');
      unreliable.close();
    });

    it('autosaves in memory when there is no IndexedDB, and says it is not persistent', async () => {
      const saves: DraftSavedInfo[] = [];
      const store = await open({ indexedDB: null, onSaved: (info) => saves.push(info) });
      store.schedule(named('Kun i hukommelsen'));
      await store.flush();

      expect((await store.load())?.cv.contact.name).to.equal('Kun i hukommelsen');
      expect(saves[0]?.persistent).to.equal(false);
    });
  });

  describe('when the page goes away (rescue)', () => {
    const rescued = (name: string): string | null => localStorage.getItem(`jobunivers-${name}:unsaved`);

    it('keeps a change whose IndexedDB write never lands, and the next load takes it back into IndexedDB', async () => {
      const name = uniqueName();
      names.push(name);
      const unreliable = new UnreliableStore(await openLocalStore<unknown>(name));
      const before = await open({ name, store: unreliable, debounceMs: 10_000, maxWaitMs: 10_000 });
      before.schedule(named('Gemt'));
      await before.flush();
      unreliable.hanging = true;
      before.schedule(named('Skrevet lige før genindlæsning'));
      before.rescue();
      expect(rescued(name), 'a copy waits in localStorage').to.be.a('string');
      before.close();

      const after = await open({ name });
      expect((await after.load())?.cv.contact.name).to.equal('Skrevet lige før genindlæsning');
      expect(rescued(name), 'the copy is gone once it is in IndexedDB').to.equal(null);
      expect(await storedDraftName(name)).to.equal('Skrevet lige før genindlæsning');
      unreliable.close();
    });

    it('rescues the state being written when nothing newer is scheduled', async () => {
      const name = uniqueName();
      names.push(name);
      const unreliable = new UnreliableStore(await openLocalStore<unknown>(name));
      unreliable.hanging = true;
      const before = await open({ name, store: unreliable, debounceMs: 0 });
      before.schedule(named('Undervejs'));
      await sleep(20);
      before.rescue();
      before.close();

      expect((await (await open({ name })).load())?.cv.contact.name).to.equal('Undervejs');
      unreliable.close();
    });

    it('lets a draft saved later (in another tab) win over an older rescued copy, and drops the copy', async () => {
      const name = uniqueName();
      names.push(name);
      const unreliable = new UnreliableStore(await openLocalStore<unknown>(name));
      unreliable.hanging = true;
      const closedTab = await open({ name, store: unreliable, debounceMs: 10_000 });
      closedTab.schedule(named('Ældre'));
      closedTab.rescue();
      closedTab.close();
      await sleep(5);
      const otherTab = await open({ name });
      otherTab.schedule(named('Nyere'));
      await otherTab.flush();

      expect((await (await open({ name })).load())?.cv.contact.name).to.equal('Nyere');
      expect(rescued(name)).to.equal(null);
      unreliable.close();
    });

    it('removes the copy as soon as the write lands, and keeps nothing when nothing was unsaved', async () => {
      const name = uniqueName();
      const store = await open({ name, debounceMs: 10_000 });
      store.rescue();
      expect(rescued(name), 'nothing unsaved: nothing copied').to.equal(null);
      store.schedule(named('Landet'));
      store.rescue();
      await store.flush();
      expect(rescued(name)).to.equal(null);
      expect(await storedDraftName(name)).to.equal('Landet');
    });

    it('wipe() deletes a rescued copy too', async () => {
      const name = uniqueName();
      names.push(name);
      const unreliable = new UnreliableStore(await openLocalStore<unknown>(name));
      const store = await open({ name, store: unreliable, debounceMs: 10_000 });
      unreliable.hanging = true;
      store.schedule(named('Skal væk'));
      store.rescue();
      unreliable.hanging = false;
      store.close();
      const again = await open({ name });
      await again.wipe();
      expect(rescued(name)).to.equal(null);
      expect(await again.load()).to.equal(undefined);
      unreliable.close();
    });
  });

  describe('failing writes', () => {
    it('keeps the state in memory, reports it, and writes it on the next flush once storage works again', async () => {
      const name = uniqueName();
      names.push(name);
      const unreliable = new UnreliableStore(await openLocalStore<unknown>(name));
      const errors: unknown[] = [];
      const saves: DraftSavedInfo[] = [];
      const store = await open({ store: unreliable, debounceMs: 10, onError: (error) => errors.push(error), onSaved: (info) => saves.push(info) });

      unreliable.failing = true;
      store.schedule(named('Ikke tabt'));
      await sleep(100);
      expect(errors).to.have.length(1);
      expect((errors[0] as DOMException).name).to.equal('QuotaExceededError');
      expect(saves).to.have.length(0);
      expect(store.dirty).to.equal(true);
      expect(await storedDraftName(name)).to.equal(undefined);

      unreliable.failing = false;
      await store.flush();
      expect(await storedDraftName(name)).to.equal('Ikke tabt');
      expect(saves).to.have.length(1);
      expect(store.dirty).to.equal(false);
      unreliable.close();
    });

    it('tries again on the next change, at once, and stores the newest state', async () => {
      const name = uniqueName();
      names.push(name);
      const unreliable = new UnreliableStore(await openLocalStore<unknown>(name));
      const errors: unknown[] = [];
      const store = await open({ store: unreliable, debounceMs: 20, maxWaitMs: 200, onError: (error) => errors.push(error) });

      unreliable.failing = true;
      store.schedule(named('Første'));
      await sleep(100);
      expect(errors).to.have.length(1);
      expect(unreliable.puts).to.equal(1); // no retry loop hammering a full disk

      unreliable.failing = false;
      store.schedule(named('Første og anden'));
      await sleep(100);
      expect(await storedDraftName(name)).to.equal('Første og anden');
      unreliable.close();
    });

    it('reports a real IndexedDB failure (a value it cannot store) and recovers on the next good change', async () => {
      const name = uniqueName();
      const errors: unknown[] = [];
      const store = await open({ name, debounceMs: 10, onError: (error) => errors.push(error) });
      store.schedule({ ...named('Kan ikke klones'), extra: { callback: () => 1 } });
      await store.flush();

      expect(errors).to.have.length(1);
      expect((errors[0] as DOMException).name).to.equal('DataCloneError');

      store.schedule(named('Nu virker det'));
      await store.flush();
      expect(await storedDraftName(name)).to.equal('Nu virker det');
    });

    it('without onError, a failed write is logged rather than lost silently', async () => {
      const name = uniqueName();
      names.push(name);
      const unreliable = new UnreliableStore(await openLocalStore<unknown>(name));
      unreliable.failing = true;
      const store = await open({ store: unreliable });
      const logged: unknown[][] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => { logged.push(args); };
      try {
        store.schedule(named('x'));
        await store.flush();
      } finally {
        console.error = original;
      }
      expect(logged).to.have.length(1);
      expect(String(logged[0]?.[0])).not.to.include('x"'); // no CV text in the log
      unreliable.close();
    });
  });

  describe('named versions', () => {
    it('saves versions and lists them newest first with their item counts', async () => {
      const versions = await (await open()).versions();
      const first = await versions.save('  CV til lagerjob ', filledCv('A'));
      const second = await versions.save('CV til butik', named('B'));

      const list = await versions.list();
      expect(list.map((version) => version.name)).to.deep.equal(['CV til butik', 'CV til lagerjob']);
      expect(list.map((version) => version.id)).to.deep.equal([second.id, first.id]);
      expect(list.map((version) => version.items)).to.deep.equal([0, 3]);
      expect(list[0]?.savedAt > (list[1]?.savedAt ?? '')).to.equal(true);
    });

    it('gives a version back with its CV, unchanged by later edits of the draft', async () => {
      const store = await open();
      const versions = await store.versions();
      const cv = filledCv('Version');
      const saved = await versions.save('Før ændringer', cv);
      store.schedule(named('Kladden er ændret'));
      await store.flush();

      const version = await versions.load(saved.id);
      expect(version?.cv).to.deep.equal(cv);
      expect(version?.name).to.equal('Før ændringer');
      expect((await store.load())?.cv.contact.name).to.equal('Kladden er ændret');
    });

    it('renames and deletes versions; unknown ids are handled', async () => {
      const versions = await (await open()).versions();
      const kept = await versions.save('Gammelt navn', named('A'));
      const removed = await versions.save('Slettes', named('B'));

      expect(await versions.rename(kept.id, 'Nyt navn')).to.equal(true);
      expect(await versions.rename('no-such-id', 'x')).to.equal(false);
      await versions.delete(removed.id);
      await versions.delete('no-such-id');

      const list = await versions.list();
      expect(list).to.have.length(1);
      expect(list[0]).to.include({ id: kept.id, name: 'Nyt navn' });
      expect((await versions.load(kept.id))?.cv.contact.name).to.equal('A');
      expect(await versions.load(removed.id)).to.equal(undefined);
    });

    it('keeps versions across a reload', async () => {
      const name = uniqueName();
      const store = await open({ name });
      await (await store.versions()).save('Bliver', filledCv('A'));
      store.close();

      const list = await (await (await open({ name })).versions()).list();
      expect(list.map((version) => version.name)).to.deep.equal(['Bliver']);
    });
  });

  describe('sync state', () => {
    it('is "never synced" at first, and is stored and loaded with the draft', async () => {
      const name = uniqueName();
      const store = await open({ name });
      expect(await store.loadSyncState()).to.deep.equal({ etag: null, syncedHash: null });

      await store.saveSyncState({ etag: '"3"', syncedHash: 'abc123', shared: true });
      store.schedule(named('A'));
      await store.flush();
      store.close();

      const reopened = await open({ name });
      expect(await reopened.loadSyncState()).to.deep.equal({ etag: '"3"', syncedHash: 'abc123', shared: true });
      expect((await reopened.load())?.sync).to.deep.equal({ etag: '"3"', syncedHash: 'abc123', shared: true });
    });
  });

  describe('wipe (reset at logout)', () => {
    it('deletes the draft, the versions and the sync state, and the store works again afterwards', async () => {
      const name = uniqueName();
      const store = await open({ name });
      store.schedule(filledCv('Personlige data'));
      await store.flush();
      await (await store.versions()).save('Version', filledCv('Personlige data'));
      await store.saveSyncState({ etag: '"1"', syncedHash: 'h' });

      await store.wipe();

      const raw = await openLocalStore<unknown>(name);
      expect(await raw.keys()).to.deep.equal([]);
      raw.close();
      expect(await store.load()).to.equal(undefined);
      expect(await (await store.versions()).list()).to.deep.equal([]);
      expect(await store.loadSyncState()).to.deep.equal({ etag: null, syncedHash: null });

      store.schedule(named('Ny bruger'));
      await store.flush();
      expect(await storedDraftName(name)).to.equal('Ny bruger');
    });

    it('does not write a change scheduled before the wipe afterwards', async () => {
      const name = uniqueName();
      const store = await open({ name, debounceMs: 30 });
      store.schedule(named('Må ikke komme tilbage'));
      await store.wipe();
      await sleep(150);

      expect(await storedDraftName(name)).to.equal(undefined);
    });

    it('wipes the memory store too', async () => {
      const store = await open({ indexedDB: null });
      store.schedule(named('A'));
      await store.flush();
      await store.wipe();

      expect(await store.load()).to.equal(undefined);
    });
  });

  describe('stored drafts from other versions', () => {
    it('fills in sections a draft from an older build does not have', async () => {
      const name = uniqueName();
      const raw = await openLocalStore<unknown>(name);
      const withoutVolunteer: Partial<Cv> = named('Gammel kladde');
      delete withoutVolunteer.volunteer;
      await raw.put('draft', { cv: withoutVolunteer, savedAt: '2026-01-01T10:00:00.000Z' });
      raw.close();

      const draft = await (await open({ name })).load();
      expect(draft?.cv.contact.name).to.equal('Gammel kladde');
      expect(draft?.cv.volunteer).to.deep.equal({ hidden: false, items: [] });
      expect(draft?.savedAt).to.equal('2026-01-01T10:00:00.000Z');
    });

    it('keeps a draft it cannot read (from a newer build) aside instead of overwriting it', async () => {
      const name = uniqueName();
      const raw = await openLocalStore<unknown>(name);
      const future = { ...named('Fra fremtiden'), schemaVersion: 99 };
      await raw.put('draft', { cv: future, savedAt: '2030-01-01T10:00:00.000Z' });
      raw.close();

      const store = await open({ name });
      const warned: unknown[] = [];
      const original = console.warn;
      console.warn = (...args: unknown[]) => { warned.push(args); };
      try {
        expect(await store.load()).to.equal(undefined);
      } finally {
        console.warn = original;
      }
      store.schedule(named('Ny kladde'));
      await store.flush();

      const check = await openLocalStore<unknown>(name);
      const entries = await check.entries();
      check.close();
      const aside = entries.find(([key]) => key.startsWith('unreadable:'));
      expect((aside?.[1] as { cv: { contact: { name: string } } } | undefined)?.cv.contact.name).to.equal('Fra fremtiden');
      expect(warned).to.have.length(1);
    });
  });

  describe('several tabs', () => {
    it('tells the other tab that the draft, versions or sync state changed, and that it was wiped', async () => {
      const name = uniqueName();
      const changes: ExternalChange[] = [];
      const other = await open({ name, onExternalChange: (change) => changes.push(change) });
      other.schedule(named('Den anden fane har ikke gemt endnu'));
      const tab = await open({ name });

      tab.schedule(named('Fane 1'));
      await tab.flush();
      await (await tab.versions()).save('V', named('Fane 1'));
      await tab.saveSyncState({ etag: '"2"', syncedHash: 'h' });
      await tab.wipe();
      await sleep(200);

      expect(changes).to.deep.equal(['draft', 'versions', 'sync', 'wiped']);
      // After a logout elsewhere, the other tab drops what it had scheduled and keeps working on an empty store.
      await other.flush();
      expect(await other.load()).to.equal(undefined);
      other.schedule(named('Efter logud'));
      await other.flush();
      expect((await tab.load())?.cv.contact.name).to.equal('Efter logud');
    });

    it('last write wins for the draft', async () => {
      const name = uniqueName();
      const first = await open({ name });
      const second = await open({ name });
      first.schedule(named('Fane 1'));
      await first.flush();
      second.schedule(named('Fane 2'));
      await second.flush();

      expect((await first.load())?.cv.contact.name).to.equal('Fane 2');
    });
  });
});
