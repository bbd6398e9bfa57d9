/**
 * The joblog's own small IndexedDB layer. Same database layout as `@jobunivers/core/store` (database
 * `jobunivers-<name>`, version 1, one object store `records` with out-of-line string keys), so core's
 * `deleteLocalStore` removes it, but with what that store lacks and the joblog needs: several reads and writes in
 * one transaction (an entry and its outbox mark are written together or not at all; a feed page and its cursor
 * likewise), prefix reads (`entry:` only, without the outbox) and a chosen durability. Written on the plain
 * IndexedDB API, so the joblog needs no dependency of its own. Where IndexedDB is missing or refused it keeps the
 * records in memory and says so through `persistent`.
 */

const RECORDS = 'records';
const databaseName = (name: string): string => `jobunivers-${name}`;

/**
 * `strict`: on disk before the promise resolves (a save the citizen made; "Gemt" follows it). `relaxed`: may sit
 * in the OS's buffers a moment longer (copies of what the server holds anyway).
 */
export type Durability = 'strict' | 'relaxed';

/**
 * One transaction's view of the records. Reads are promises; writes are issued at once and applied when the
 * transaction commits. Inside `work`, await only these reads: awaiting anything else (a timer, a fetch) lets
 * IndexedDB commit the transaction early, and later requests then fail.
 */
export interface RecordTransaction {
  get(key: string): Promise<unknown>;
  /** Values of every key starting with `prefix`, in key order. */
  values(prefix: string): Promise<unknown[]>;
  /** Every key starting with `prefix`, in key order (cheap: no values are read). */
  keys(prefix: string): Promise<string[]>;
  put(key: string, value: unknown): void;
  delete(key: string): void;
}

export interface KeyValueDatabase {
  readonly persistent: boolean;
  /** Runs `work` in a read-only transaction. */
  read<T>(work: (transaction: RecordTransaction) => Promise<T>): Promise<T>;
  /** Runs `work` in one read-write transaction; resolves with its result once everything is committed. */
  write<T>(work: (transaction: RecordTransaction) => Promise<T>, durability?: Durability): Promise<T>;
  /** Deletes every record (the database itself stays). */
  clear(): Promise<void>;
  /**
   * Deletes the records and the database itself (logout), like core's `deleteLocalStore`. The object stays usable:
   * the next read or write opens a new, empty database.
   */
  destroy(): Promise<void>;
  close(): void;
}

export interface OpenDatabaseOptions {
  /** The IndexedDB factory; `null` keeps everything in memory. Default `globalThis.indexedDB`. */
  indexedDB?: IDBFactory | null;
  /** Give up on IndexedDB if it has not opened in this many ms (default 3000): some browsers never answer. */
  openTimeout?: number;
}

/** Opens (or creates) the database `name`. Never rejects: the worst case is a database in memory. */
export async function openKeyValueDatabase(name: string, options: OpenDatabaseOptions = {}): Promise<KeyValueDatabase> {
  const factory = options.indexedDB === undefined ? globalThis.indexedDB : options.indexedDB;
  if (!factory) return new MemoryDatabase();
  const timeout = options.openTimeout ?? 3000;
  try {
    const connection = await openConnection(factory, databaseName(name), timeout);
    return new IndexedDbDatabase(connection, {
      reopen: () => openConnection(factory, databaseName(name), timeout),
      remove: () => deleteDatabase(factory, databaseName(name)),
    });
  } catch (error) {
    console.warn('[jobunivers] IndexedDB is not available; keeping the joblog in memory only.', error);
    return new MemoryDatabase();
  }
}

function openConnection(factory: IDBFactory, name: string, timeout: number): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => {
      settled = true;
      reject(new Error(`IndexedDB did not open within ${String(timeout)} ms`));
    }, timeout);
    const request = factory.open(name, 1);
    request.addEventListener('upgradeneeded', () => {
      if (!request.result.objectStoreNames.contains(RECORDS)) request.result.createObjectStore(RECORDS);
    });
    request.addEventListener('success', () => {
      clearTimeout(timer);
      if (settled) {
        request.result.close(); // opened after we gave up: do not leave a connection that blocks a deletion
        return;
      }
      settled = true;
      resolve(request.result);
    });
    request.addEventListener('error', () => {
      clearTimeout(timer);
      if (settled) return;
      settled = true;
      reject(request.error ?? new Error('IndexedDB refused to open'));
    });
  });
}

/** Deletes the database; resolves once it is gone (other tabs close their connections on `versionchange`). */
function deleteDatabase(factory: IDBFactory, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = factory.deleteDatabase(name);
    request.addEventListener('success', () => { resolve(); });
    request.addEventListener('error', () => { reject(request.error ?? new Error('IndexedDB could not delete the joblog')); });
  });
}

const prefixRange = (prefix: string): IDBKeyRange => IDBKeyRange.bound(prefix, `${prefix}\uffff`);

function requestResult<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.addEventListener('success', () => { resolve(request.result); });
    request.addEventListener('error', () => { reject(request.error ?? new Error('IndexedDB request failed')); });
  });
}

class IndexedDbDatabase implements KeyValueDatabase {
  readonly persistent = true;
  #connection: IDBDatabase | undefined;
  #reopening: Promise<IDBDatabase> | undefined;
  readonly #reopen: () => Promise<IDBDatabase>;
  readonly #remove: () => Promise<void>;
  #closed = false;

  constructor(connection: IDBDatabase, lifecycle: { reopen: () => Promise<IDBDatabase>; remove: () => Promise<void> }) {
    this.#reopen = lifecycle.reopen;
    this.#remove = lifecycle.remove;
    this.#adopt(connection);
  }

  #adopt(connection: IDBDatabase): void {
    // Another tab deletes the database (logout) or a newer build upgrades it: let it go ahead, and open again on
    // the next use (a fresh, empty database after a deletion). The same when the browser closes us (storage cleared).
    const release = (): void => {
      connection.close();
      if (this.#connection === connection) this.#connection = undefined;
    };
    connection.addEventListener('versionchange', release);
    connection.addEventListener('close', release);
    this.#connection = connection;
  }

  async #database(): Promise<IDBDatabase> {
    if (this.#closed) throw new DOMException('The joblog store is closed.', 'InvalidStateError');
    if (this.#connection) return this.#connection;
    this.#reopening ??= this.#reopen().then(
      (connection) => {
        this.#reopening = undefined;
        if (this.#closed) connection.close();
        else this.#adopt(connection);
        return connection;
      },
      (error: unknown) => {
        this.#reopening = undefined;
        throw error;
      },
    );
    return this.#reopening;
  }

  read<T>(work: (transaction: RecordTransaction) => Promise<T>): Promise<T> {
    return this.#run('readonly', work, undefined);
  }

  async #transaction(mode: IDBTransactionMode, durability: Durability | undefined): Promise<IDBTransaction> {
    const options = durability === undefined ? undefined : { durability };
    const database = await this.#database();
    try {
      return database.transaction(RECORDS, mode, options);
    } catch (error) {
      // The connection was let go in the meantime (another tab deleting the database): open anew, once.
      if (!(error instanceof DOMException) || error.name !== 'InvalidStateError' || this.#connection === database || this.#closed) throw error;
      return (await this.#database()).transaction(RECORDS, mode, options);
    }
  }

  write<T>(work: (transaction: RecordTransaction) => Promise<T>, durability: Durability = 'strict'): Promise<T> {
    return this.#run('readwrite', work, durability);
  }

  async #run<T>(mode: IDBTransactionMode, work: (transaction: RecordTransaction) => Promise<T>, durability: Durability | undefined): Promise<T> {
    const transaction = await this.#transaction(mode, durability);
    const done = new Promise<void>((resolve, reject) => {
      transaction.addEventListener('complete', () => { resolve(); });
      // A failed request aborts the whole transaction (its default), so a write is never half done.
      transaction.addEventListener('abort', () => { reject(transaction.error ?? new DOMException('The transaction was aborted.', 'AbortError')); });
    });
    done.catch(() => undefined); // awaited below; do not report it as unhandled while `work` still runs
    const store = transaction.objectStore(RECORDS);
    const view: RecordTransaction = {
      get: (key) => requestResult(store.get(key)) as Promise<unknown>,
      values: (prefix) => requestResult(store.getAll(prefixRange(prefix))) as Promise<unknown[]>,
      keys: (prefix) => requestResult(store.getAllKeys(prefixRange(prefix))) as Promise<string[]>,
      put: (key, value) => { store.put(value, key); },
      delete: (key) => { store.delete(key); },
    };
    let result: T;
    try {
      result = await work(view);
    } catch (error) {
      try {
        transaction.abort();
      } catch {
        // already finished or aborted
      }
      await done.catch(() => undefined);
      throw error;
    }
    await done;
    return result;
  }

  async clear(): Promise<void> {
    const transaction = await this.#transaction('readwrite', 'strict');
    transaction.objectStore(RECORDS).clear();
    await new Promise<void>((resolve, reject) => {
      transaction.addEventListener('complete', () => { resolve(); });
      transaction.addEventListener('abort', () => { reject(transaction.error ?? new DOMException('The transaction was aborted.', 'AbortError')); });
    });
  }

  async destroy(): Promise<void> {
    // Empty first: should the deletion wait on a connection that does not let go, nothing is left meanwhile.
    await this.clear();
    await this.#reopening?.catch(() => undefined);
    this.#connection?.close();
    this.#connection = undefined;
    await this.#remove();
  }

  close(): void {
    this.#closed = true;
    this.#connection?.close();
    this.#connection = undefined;
  }
}

const DELETED = Symbol('deleted');

/** The same records in a Map (no IndexedDB): cloned in and out like IndexedDB does, transactions all or nothing. */
class MemoryDatabase implements KeyValueDatabase {
  readonly persistent = false;
  readonly #records = new Map<string, unknown>();
  /** Transactions run one after another, as IndexedDB runs overlapping read-write transactions. */
  #queue: Promise<unknown> = Promise.resolve();

  read<T>(work: (transaction: RecordTransaction) => Promise<T>): Promise<T> {
    return this.write(work);
  }

  write<T>(work: (transaction: RecordTransaction) => Promise<T>): Promise<T> {
    const run = this.#queue.then(() => this.#transact(work));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #transact<T>(work: (transaction: RecordTransaction) => Promise<T>): Promise<T> {
    const pending = new Map<string, unknown>();
    const current = (key: string): unknown => (pending.has(key) ? pending.get(key) : this.#records.has(key) ? this.#records.get(key) : DELETED);
    const matching = (prefix: string): [string, unknown][] => {
      const keys = new Set([...this.#records.keys(), ...pending.keys()]);
      return [...keys]
        .filter((key) => key.startsWith(prefix))
        .sort()
        .flatMap((key): [string, unknown][] => {
          const value = current(key);
          return value === DELETED ? [] : [[key, structuredClone(value)]];
        });
    };
    const view: RecordTransaction = {
      get: (key) => {
        const value = current(key);
        return Promise.resolve(value === DELETED ? undefined : structuredClone(value));
      },
      values: (prefix) => Promise.resolve(matching(prefix).map(([, value]) => value)),
      keys: (prefix) => Promise.resolve(matching(prefix).map(([key]) => key)),
      // Clone at once, like IndexedDB: a later change to the caller's object does not reach the store.
      put: (key, value) => { pending.set(key, structuredClone(value)); },
      delete: (key) => { pending.set(key, DELETED); },
    };
    const result = await work(view);
    for (const [key, value] of pending) {
      if (value === DELETED) this.#records.delete(key);
      else this.#records.set(key, value);
    }
    return result;
  }

  clear(): Promise<void> {
    return this.write(() => {
      this.#records.clear();
      return Promise.resolve();
    });
  }

  destroy(): Promise<void> {
    return this.clear();
  }

  close(): void {
    this.#records.clear();
  }
}
