// A dedicated PostgreSQL connection that LISTENs on one channel and hands each notification's payload to a
// callback. When the connection is lost it reconnects by itself with a growing delay (250 ms doubling up to
// 10 s), reports the error, and then calls `onReconnected`: notifications sent while it was away are lost, so
// the caller wakes everyone to look for new rows.
import pg from 'pg';

export interface ListenConnectionOptions {
  url: string;
  channel: string;
  /** Each notification's payload on the channel. */
  onNotification: (payload: string) => void;
  /** After a reconnect (not the first connect). */
  onReconnected: () => void;
  /** Told when the connection fails (it reconnects by itself). */
  onError?: (error: unknown) => void;
}

export class ListenConnection {
  private current: pg.Client | undefined;
  private closed = false;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private reconnectDelay = 250;

  constructor(private readonly options: ListenConnectionOptions) {}

  /** The listening client while connected (it may also send NOTIFYs), `undefined` while reconnecting. */
  get client(): pg.Client | undefined {
    return this.current;
  }

  async start(): Promise<void> {
    await this.connect();
  }

  private async connect(): Promise<void> {
    const { url, channel, onNotification } = this.options;
    const client = new pg.Client({ connectionString: url });
    client.on('notification', (message) => {
      if (message.channel !== channel || message.payload === undefined) return;
      onNotification(message.payload);
    });
    const lost = (error?: unknown) => {
      if (this.current !== client) return;
      this.current = undefined;
      client.removeAllListeners('notification');
      void client.end().catch(() => undefined);
      if (error !== undefined) this.options.onError?.(error);
      this.scheduleReconnect();
    };
    client.on('error', lost);
    client.on('end', () => { lost(); });
    await client.connect();
    await client.query(`LISTEN ${channel}`);
    this.current = client;
    this.reconnectDelay = 250;
  }

  private scheduleReconnect(): void {
    if (this.closed || this.reconnectTimer !== undefined) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      this.connect()
        .then(() => {
          this.options.onReconnected();
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
    const client = this.current;
    this.current = undefined;
    if (client !== undefined) {
      client.removeAllListeners();
      client.on('error', () => undefined);
      await client.end().catch(() => undefined);
    }
  }
}
