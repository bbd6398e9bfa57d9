// The live-update bus. An event is a row in `events`, inserted in the same transaction as the write that
// caused it; subscribers are woken only after that transaction commits and then read the rows themselves,
// so a stream never shows an event whose write was rolled back, and order comes from the database's `seq`.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { nowIso } from '../db/time.js';

export interface StoredEvent {
  seq: number;
  userId: string;
  type: string;
  data: unknown;
  createdAt: string;
}

/** Called with the user whose stream has new rows (it reads them itself). */
export type WakeListener = () => void;

export interface EventBus {
  /** Inserts the event inside the caller's transaction. Subscribers hear of it after `committed()`. */
  publish(trx: Transaction<Database>, userId: string, type: string, data: unknown): Promise<StoredEvent>;
  /** Tells the bus that the transaction holding these events committed. */
  committed(events: readonly StoredEvent[]): void;
  /** Registers a listener for one user's new events; returns the unsubscribe function. */
  subscribe(userId: string, listener: WakeListener): () => void;
  start(): Promise<void>;
  close(): Promise<void>;
}

export async function insertEvent(trx: Transaction<Database>, userId: string, type: string, data: unknown): Promise<StoredEvent> {
  const createdAt = nowIso();
  const row = await trx
    .insertInto('events')
    .values({ user_id: userId, type, data: JSON.stringify(data), created_at: createdAt })
    .returning('seq')
    .executeTakeFirstOrThrow();
  return { seq: row.seq, userId, type, data, createdAt };
}

/** Listener bookkeeping shared by both implementations. */
export class Subscribers {
  private readonly byUser = new Map<string, Set<WakeListener>>();

  add(userId: string, listener: WakeListener): () => void {
    let set = this.byUser.get(userId);
    if (set === undefined) {
      set = new Set();
      this.byUser.set(userId, set);
    }
    set.add(listener);
    return () => {
      const current = this.byUser.get(userId);
      if (current === undefined) return;
      current.delete(listener);
      if (current.size === 0) this.byUser.delete(userId);
    };
  }

  wake(userId: string): void {
    for (const listener of [...(this.byUser.get(userId) ?? [])]) {
      try {
        listener();
      } catch {
        // one broken stream must not stop the others
      }
    }
  }

  wakeEveryone(): void {
    for (const userId of [...this.byUser.keys()]) this.wake(userId);
  }

  has(userId: string): boolean {
    return this.byUser.has(userId);
  }

  get size(): number {
    return this.byUser.size;
  }
}

/** One process (SQLite, or tests): subscribers are woken right after commit. */
export class InProcessEventBus implements EventBus {
  private readonly subscribers = new Subscribers();

  publish(trx: Transaction<Database>, userId: string, type: string, data: unknown): Promise<StoredEvent> {
    return insertEvent(trx, userId, type, data);
  }

  committed(events: readonly StoredEvent[]): void {
    for (const userId of new Set(events.map((event) => event.userId))) this.subscribers.wake(userId);
  }

  subscribe(userId: string, listener: WakeListener): () => void {
    return this.subscribers.add(userId, listener);
  }

  start(): Promise<void> {
    return Promise.resolve();
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

/**
 * Runs `work` in one transaction with a `publish` function, and wakes subscribers once it committed.
 * Every write of the server goes through here or through a plain `db.transaction()`.
 */
export async function writeWithEvents<T>(
  db: Kysely<Database>,
  bus: EventBus,
  work: (trx: Transaction<Database>, publish: (userId: string, type: string, data: unknown) => Promise<StoredEvent>) => Promise<T>,
): Promise<T> {
  const published: StoredEvent[] = [];
  const result = await db.transaction().execute(async (trx) =>
    work(trx, async (userId, type, data) => {
      const event = await bus.publish(trx, userId, type, data);
      published.push(event);
      return event;
    }),
  );
  if (published.length > 0) bus.committed(published);
  return result;
}
