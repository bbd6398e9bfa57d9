// Event bus for PostgreSQL: many server instances share one database. `publish` serialises event inserts with
// a transaction-scoped advisory lock (so `seq` order is commit order and a reader never skips a late commit)
// and sends `pg_notify`, which PostgreSQL delivers only when the transaction commits. Every instance LISTENs
// on a dedicated connection and wakes its local streams, which read the rows themselves.
import { sql, type Transaction } from 'kysely';
import pg from 'pg';
import type { Database } from '../db/schema.js';
import { insertEvent, Subscribers, type EventBus, type StoredEvent, type WakeListener } from './bus.js';

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
  private client: pg.Client | undefined;
  private closed = false;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private reconnectDelay = 250;

  constructor(private readonly options: PostgresEventBusOptions) {}

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

  async start(): Promise<void> {
    await this.connect();
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.options.url });
    client.on('notification', (message) => {
      if (message.channel !== EVENTS_CHANNEL || message.payload === undefined) return;
      const separator = message.payload.indexOf(':');
      if (separator < 0) return;
      this.subscribers.wake(message.payload.slice(separator + 1));
    });
    const lost = (error?: unknown) => {
      if (this.client !== client) return;
      this.client = undefined;
      client.removeAllListeners('notification');
      void client.end().catch(() => undefined);
      if (error !== undefined) this.options.onError?.(error);
      this.scheduleReconnect();
    };
    client.on('error', lost);
    client.on('end', () => { lost(); });
    await client.connect();
    await client.query(`LISTEN ${EVENTS_CHANNEL}`);
    this.client = client;
    this.reconnectDelay = 250;
  }

  private scheduleReconnect(): void {
    if (this.closed || this.reconnectTimer !== undefined) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      this.connect()
        .then(() => {
          // Notifications sent while we were away are lost: let every stream look for new rows.
          this.subscribers.wakeEveryone();
        })
        .catch((error: unknown) => {
          this.options.onError?.(error);
          this.reconnectDelay = Math.min(this.reconnectDelay * 2, 10_000);
          this.scheduleReconnect();
        });
    }, this.reconnectDelay);
    this.reconnectTimer.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.reconnectTimer !== undefined) clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = undefined;
    if (client !== undefined) {
      client.removeAllListeners();
      client.on('error', () => undefined);
      await client.end().catch(() => undefined);
    }
  }
}
