// One Server-Sent Events stream: replay after Last-Event-ID from the events table, then live events, in `seq`
// order, none twice, none skipped. The stream subscribes before it reads, and every read asks the database
// for rows after the last one sent, so a wake-up that races the backlog read can only cause an empty read.
import type { ServerResponse } from 'node:http';
import { SSE_RETRY_MS } from '@jobunivers/contract';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { toIso } from '../db/time.js';
import type { EventBus } from './bus.js';
import { eventWindow } from './retention.js';

const BATCH = 200;
/** A client that stops reading is dropped (it will reconnect with Last-Event-ID) instead of filling memory. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

export interface EventStreamOptions {
  db: Kysely<Database>;
  bus: EventBus;
  userId: string;
  response: ServerResponse;
  lastEventId: string | undefined;
  keepAliveMs: number;
  onEnd: (reason: string) => void;
}

export class EventStream {
  private lastSent = 0;
  private reading = false;
  private readAgain = false;
  private ended = false;
  /** Wake-ups before the resume point is known are covered by the first read. */
  private started = false;
  private unsubscribe: () => void = () => undefined;
  private keepAlive: NodeJS.Timeout | undefined;

  constructor(private readonly options: EventStreamOptions) {}

  async start(): Promise<void> {
    const { response, bus, userId } = this.options;
    response.on('close', () => { this.end('client closed'); });
    this.write(`retry: ${String(SSE_RETRY_MS)}\n\n`);
    // Subscribe first: anything committed from now on wakes us, and the reads below find everything before.
    this.unsubscribe = bus.subscribe(userId, () => {
      if (this.started) void this.read();
    });
    this.keepAlive = setInterval(() => { this.write(': keep-alive\n\n'); }, this.options.keepAliveMs);
    this.keepAlive.unref();

    const window = await eventWindow(this.options.db);
    const requested = parseLastEventId(this.options.lastEventId);
    if (requested === undefined) {
      this.lastSent = window.newest; // no resume point: live events only
    } else if (requested === 'invalid' || requested < window.prunedThrough || requested > window.newest) {
      this.lastSent = window.newest;
      const id = String(window.newest);
      const envelope = { id: window.newest, type: 'reset', occurredAt: new Date().toISOString(), data: {} };
      this.write(`id: ${id}\nevent: reset\ndata: ${JSON.stringify(envelope)}\n\n`);
    } else {
      this.lastSent = requested;
    }
    this.started = true;
    await this.read();
  }

  /** Sends every stored event after the last one sent. Concurrent wake-ups collapse into one more pass. */
  private async read(): Promise<void> {
    if (this.ended) return;
    if (this.reading) {
      this.readAgain = true;
      return;
    }
    this.reading = true;
    try {
      do {
        this.readAgain = false;
        for (;;) {
          const rows = await this.options.db
            .selectFrom('events')
            .select(['seq', 'type', 'data', 'created_at'])
            .where('user_id', '=', this.options.userId)
            .where('seq', '>', this.lastSent)
            .orderBy('seq', 'asc')
            .limit(BATCH)
            .execute();
          for (const row of rows) {
            if (this.isEnded()) return;
            const seq = row.seq;
            if (seq <= this.lastSent) continue;
            const envelope = { id: seq, type: row.type, occurredAt: toIso(row.created_at), data: JSON.parse(row.data) as unknown };
            this.write(`id: ${String(seq)}\nevent: ${row.type}\ndata: ${JSON.stringify(envelope)}\n\n`);
            this.lastSent = seq;
          }
          if (rows.length < BATCH) break;
        }
      } while (this.shouldReadAgain());
    } catch {
      this.end('database error');
    } finally {
      this.reading = false;
    }
  }

  private shouldReadAgain(): boolean {
    return this.readAgain && !this.ended;
  }

  /** A method, so TypeScript does not assume `ended` stays what it was before an await. */
  private isEnded(): boolean {
    return this.ended;
  }

  private write(chunk: string): void {
    const { response } = this.options;
    if (this.ended || response.destroyed || response.writableEnded) return;
    response.write(chunk);
    if (response.writableLength > MAX_BUFFERED_BYTES) this.end('client too slow');
  }

  end(reason: string): void {
    if (this.ended) return;
    this.ended = true;
    this.unsubscribe();
    if (this.keepAlive !== undefined) clearInterval(this.keepAlive);
    const { response } = this.options;
    if (!response.writableEnded) response.end();
    this.options.onEnd(reason);
  }
}

function parseLastEventId(value: string | undefined): number | 'invalid' | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  if (!/^[0-9]{1,15}$/.test(trimmed)) return 'invalid';
  return Number(trimmed);
}
