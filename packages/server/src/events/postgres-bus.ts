// Event bus for PostgreSQL: many server instances share one database. `publish` serialises event inserts with
// a transaction-scoped advisory lock (so `seq` order is commit order and a reader never skips a late commit)
// and sends `pg_notify`, which PostgreSQL delivers only when the transaction commits. Every instance LISTENs
// on a dedicated connection and wakes its local streams, which read the rows themselves.
import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { insertEvent, Subscribers, type EventBus, type StoredEvent, type WakeListener } from './bus.js';
import { ListenConnection } from './listen-connection.js';

export const EVENTS_CHANNEL = 'jobunivers_events';
/** Arbitrary, fixed key of the advisory lock that orders event inserts. */
const EVENTS_LOCK_KEY = 7_351_001;

export interface PostgresEventBusOptions {
  url: string;
  /** Told when the LISTEN connection fails (it reconnects by itself). */
  onError?: (error: unknown) => void;
}

export class PostgresEventBus implements EventBus {
  private readonly subscribers = new Subscribers();
  private readonly connection: ListenConnection;

  constructor(options: PostgresEventBusOptions) {
    this.connection = new ListenConnection({
      url: options.url,
      channel: EVENTS_CHANNEL,
      onNotification: (payload) => {
        const separator = payload.indexOf(':');
        if (separator < 0) return;
        this.subscribers.wake(payload.slice(separator + 1));
      },
      // Notifications sent while we were away are lost: let every stream look for new rows.
      onReconnected: () => { this.subscribers.wakeEveryone(); },
      onError: options.onError,
    });
  }

  async publish(trx: Transaction<Database>, userId: string, type: string, data: unknown): Promise<StoredEvent> {
    await sql`select pg_advisory_xact_lock(${EVENTS_LOCK_KEY})`.execute(trx);
    const event = await insertEvent(trx, userId, type, data);
    // Payload: seq and user id only; listeners read the row (no personal data on the wire, no 8000-byte limit).
    await sql`select pg_notify(${EVENTS_CHANNEL}, ${`${String(event.seq)}:${userId}`})`.execute(trx);
    return event;
  }

  committed(): void {
    // Delivered through LISTEN, also to this instance.
  }

  subscribe(userId: string, listener: WakeListener): () => void {
    return this.subscribers.add(userId, listener);
  }

  start(): Promise<void> {
    return this.connection.start();
  }

  close(): Promise<void> {
    return this.connection.close();
  }
}
