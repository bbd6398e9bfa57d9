import { wrap, type IDBPDatabase } from 'idb';

/**
 * A small key–value store for what a citizen types (CV, joblog drafts). It lives in IndexedDB, so it survives
 * reloads and crashes; where IndexedDB is missing or refused (some private modes, locked-down browsers) it falls
 * back to memory and says so through `persistent`, so a widget can tell the citizen.
 * Never use localStorage for personal data: it is synchronous, unencrypted and shared with every script.
 */
export interface LocalStore<T> {
  /** False when the data lives only in memory and is lost on reload. */
  readonly persistent: boolean;
  get(key: string): Promise<T | undefined>;
  put(key: string, value: T): Promise<void>;
  delete(key: string): Promise<void>;
  keys(): Promise<string[]>;
  entries(): Promise<[string, T][]>;
  clear(): Promise<void>;
  close(): void;
}

export interface OpenStoreOptions {
  /** The IndexedDB factory; `null` forces the in-memory store. Defaults to `globalThis.indexedDB`. */
  indexedDB?: IDBFactory | null;
  /** Give up on IndexedDB if it has not opened in this many ms (default 3000); some browsers never answer. */
  openTimeout?: number;
}

const RECORDS = 'records';
const databaseName = (name: string): string => `jobunivers-${name}`;

/** Opens (or creates) the store `name`. Never rejects: the worst case is a store in memory. */
export async function openLocalStore<T>(name: string, options: OpenStoreOptions = {}): Promise<LocalStore<T>> {
  const factory = options.indexedDB === undefined ? globalThis.indexedDB : options.indexedDB;
  if (!factory) return new MemoryStore<T>();
  try {
    const database = await withTimeout(openDatabase(factory, databaseName(name)), options.openTimeout ?? 3000, (late) => {
      late.close(); // opened after we gave up: do not leave a connection that blocks deleteLocalStore
    });
    return new IndexedDbStore<T>(wrap(database));
  } catch (error) {
    console.warn('[jobunivers] IndexedDB is not available; keeping data in memory only.', error);
    return new MemoryStore<T>();
  }
}

/** Opens through the given factory (not the global one), so `options.indexedDB` is really used. */
function openDatabase(factory: IDBFactory, name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(name, 1);
    request.addEventListener('upgradeneeded', () => {
      request.result.createObjectStore(RECORDS);
    });
    request.addEventListener('success', () => {
      const database = request.result;
      // Let deleteLocalStore (logout, maybe in another tab) or a future version go ahead instead of hanging.
      database.addEventListener('versionchange', () => { database.close(); });
      resolve(database);
    });
    request.addEventListener('error', () => {
      reject(request.error ?? new Error('IndexedDB refused to open'));
    });
  });
}

/** Deletes the store and everything in it, e.g. when the citizen logs out (`reset()`). */
export async function deleteLocalStore(name: string, factory: IDBFactory | null | undefined = globalThis.indexedDB): Promise<void> {
  if (!factory) return;
  await new Promise<void>((resolve, reject) => {
    const request = factory.deleteDatabase(databaseName(name));
    request.addEventListener('success', () => { resolve(); });
    request.addEventListener('error', () => { reject(request.error ?? new Error('IndexedDB could not delete the store')); });
  });
}

class IndexedDbStore<T> implements LocalStore<T> {
  readonly persistent = true;
  readonly #database: IDBPDatabase;

  constructor(database: IDBPDatabase) {
    this.#database = database;
  }

  async get(key: string): Promise<T | undefined> {
    return (await this.#database.get(RECORDS, key)) as T | undefined;
  }

  async put(key: string, value: T): Promise<void> {
    await this.#database.put(RECORDS, value, key);
  }

  async delete(key: string): Promise<void> {
    await this.#database.delete(RECORDS, key);
  }

  async keys(): Promise<string[]> {
    return (await this.#database.getAllKeys(RECORDS)) as string[];
  }

  async entries(): Promise<[string, T][]> {
    const transaction = this.#database.transaction(RECORDS);
    const [keys, values] = await Promise.all([transaction.store.getAllKeys(), transaction.store.getAll()]);
    return keys.map((key, index) => [key as string, values[index] as T]);
  }

  async clear(): Promise<void> {
    await this.#database.clear(RECORDS);
  }

  close(): void {
    this.#database.close();
  }
}

class MemoryStore<T> implements LocalStore<T> {
  readonly persistent = false;
  readonly #records = new Map<string, T>();

  get(key: string): Promise<T | undefined> {
    return Promise.resolve(this.#records.has(key) ? structuredClone(this.#records.get(key)) : undefined);
  }

  put(key: string, value: T): Promise<void> {
    try {
      // Clone like IndexedDB does, so callers cannot change stored data by mutating their object afterwards.
      this.#records.set(key, structuredClone(value));
    } catch (error) {
      // Reject like IndexedDB (DataCloneError) rather than throw synchronously from a promise-returning method.
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    return Promise.resolve();
  }

  delete(key: string): Promise<void> {
    this.#records.delete(key);
    return Promise.resolve();
  }

  keys(): Promise<string[]> {
    return Promise.resolve([...this.#records.keys()].sort());
  }

  entries(): Promise<[string, T][]> {
    return Promise.resolve(
      [...this.#records.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, value]) => [key, structuredClone(value)]),
    );
  }

  clear(): Promise<void> {
    this.#records.clear();
    return Promise.resolve();
  }

  close(): void {
    this.#records.clear();
  }
}

function withTimeout<T>(promise: Promise<T>, milliseconds: number, onLate: (value: T) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      reject(new Error(`IndexedDB did not open within ${String(milliseconds)} ms`));
    }, milliseconds);
    promise.then(
      (value) => {
        clearTimeout(timer);
        if (timedOut) onLate(value);
        else resolve(value);
      },
      (error: unknown) => { clearTimeout(timer); reject(error instanceof Error ? error : new Error(String(error))); },
    );
  });
}
