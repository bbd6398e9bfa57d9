import { openDB, deleteDB, type IDBPDatabase } from 'idb';

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
    const database = await withTimeout(
      openDB(databaseName(name), 1, {
        upgrade(db) {
          db.createObjectStore(RECORDS);
        },
      }),
      options.openTimeout ?? 3000,
    );
    return new IndexedDbStore<T>(database);
  } catch (error) {
    console.warn('[jobunivers] IndexedDB is not available; keeping data in memory only.', error);
    return new MemoryStore<T>();
  }
}

/** Deletes the store and everything in it, e.g. when the citizen logs out (`reset()`). */
export async function deleteLocalStore(name: string, factory: IDBFactory | null | undefined = globalThis.indexedDB): Promise<void> {
  if (!factory) return;
  await deleteDB(databaseName(name));
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
    // Clone like IndexedDB does, so callers cannot change stored data by mutating their object afterwards.
    this.#records.set(key, structuredClone(value));
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

function withTimeout<T>(promise: Promise<T>, milliseconds: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { reject(new Error(`IndexedDB did not open within ${String(milliseconds)} ms`)); }, milliseconds);
    promise.then(
      (value) => { clearTimeout(timer); resolve(value); },
      (error: unknown) => { clearTimeout(timer); reject(error instanceof Error ? error : new Error(String(error))); },
    );
  });
}
