// One Server-Sent Events stream: replay after Last-Event-ID from the events table, then live events, in `seq`
// order, none twice, none skipped. The stream subscribes before it reads, and every read asks the database
// for rows after the last one sent, so a wake-up that races the backlog read can only cause an empty read.
import type { ServerResponse } from 'node:http';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { toIso } from '../db/time.js';
import type { EventBus } from './bus.js';
import { eventWindow } from './retention.js';
import { parseLastEventId, SseResponse } from './sse-response.js';

const BATCH = 200;

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
  /** Wake-ups before the resume point is known are covered by the first read. */
  private started = false;
  private readonly sse: SseResponse;

  constructor(private readonly options: EventStreamOptions) {
    this.sse = new SseResponse(options);
  }

  async start(): Promise<void> {
    const { bus, userId } = this.options;
    this.sse.open();
    // Subscribe first: anything committed from now on wakes us, and the reads below find everything before.
    this.sse.onCleanup(bus.subscribe(userId, () => {
      if (this.started) void this.read();
    }));
    this.sse.startKeepAlive();

    const window = await eventWindow(this.options.db);
    const requested = parseLastEventId(this.options.lastEventId);
    if (requested === undefined) {
      this.lastSent = window.newest; // no resume point: live events only
    } else if (requested === 'invalid' || requested < window.prunedThrough || requested > window.newest) {
      this.lastSent = window.newest;
      const id = String(window.newest);
      const envelope = { id: window.newest, type: 'reset', occurredAt: new Date().toISOString(), data: {} };
      this.sse.write(`id: ${id}\nevent: reset\ndata: ${JSON.stringify(envelope)}\n\n`);
    } else {
      this.lastSent = requested;
    }
    this.started = true;
    await this.read();
  }

  /** Sends every stored event after the last one sent. Concurrent wake-ups collapse into one more pass. */
  private async read(): Promise<void> {
    if (this.sse.isEnded()) return;
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
            if (this.sse.isEnded()) return;
            const seq = row.seq;
            if (seq <= this.lastSent) continue;
            const envelope = { id: seq, type: row.type, occurredAt: toIso(row.created_at), data: JSON.parse(row.data) as unknown };
            this.sse.write(`id: ${String(seq)}\nevent: ${row.type}\ndata: ${JSON.stringify(envelope)}\n\n`);
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
    return this.readAgain && !this.sse.isEnded();
  }

  end(reason: string): void {
    this.sse.end(reason);
  }
}
