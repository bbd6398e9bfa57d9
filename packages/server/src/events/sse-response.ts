// The plumbing every Server-Sent Events stream shares: opening the response (hijacked from Fastify), the
// `retry:` hint, writes that drop a client which stops reading, the keep-alive comment, ending once, and
// parsing Last-Event-ID. What a stream reads and sends is its own (./sse.ts, ../chat/stream.ts).
import type { ServerResponse } from 'node:http';
import { SSE_RETRY_MS } from '@jobunivers/contract';
import type { FastifyReply } from 'fastify';

/** A client that stops reading is dropped (it reconnects with Last-Event-ID) instead of filling memory. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

/** Takes the response over from Fastify and sends the event-stream headers, with those set by earlier hooks. */
export function openSseResponse(reply: FastifyReply): void {
  reply.hijack();
  // Headers set by earlier hooks (CORS, helmet, request id) go out with the stream.
  const headers: Record<string, string | number | string[]> = {};
  for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) headers[name] = value;
  reply.raw.writeHead(200, {
    ...headers,
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  reply.raw.flushHeaders();
}

export interface SseResponseOptions {
  response: ServerResponse;
  keepAliveMs: number;
  onEnd: (reason: string) => void;
}

export class SseResponse {
  private ended = false;
  private keepAlive: NodeJS.Timeout | undefined;
  /** Run once when the stream ends (the stream's unsubscribe). */
  private cleanup: () => void = () => undefined;

  constructor(private readonly options: SseResponseOptions) {}

  /** Ends the stream when the client goes away and sends the reconnect delay. */
  open(): void {
    this.options.response.on('close', () => { this.end('client closed'); });
    this.write(`retry: ${String(SSE_RETRY_MS)}\n\n`);
  }

  /** What `end` runs first (e.g. unsubscribing from wake-ups). */
  onCleanup(cleanup: () => void): void {
    this.cleanup = cleanup;
  }

  /** Writes a keep-alive comment every `keepAliveMs`, then calls `tick` (if given). */
  startKeepAlive(tick?: () => void): void {
    this.keepAlive = setInterval(() => {
      this.write(': keep-alive\n\n');
      tick?.();
    }, this.options.keepAliveMs);
    this.keepAlive.unref();
  }

  /** A method, so TypeScript does not assume `ended` stays what it was before an await. */
  isEnded(): boolean {
    return this.ended;
  }

  write(chunk: string): void {
    const { response } = this.options;
    if (this.ended || response.destroyed || response.writableEnded) return;
    response.write(chunk);
    if (response.writableLength > MAX_BUFFERED_BYTES) this.end('client too slow');
  }

  end(reason: string): void {
    if (this.ended) return;
    this.ended = true;
    this.cleanup();
    if (this.keepAlive !== undefined) clearInterval(this.keepAlive);
    const { response } = this.options;
    if (!response.writableEnded) response.end();
    this.options.onEnd(reason);
  }
}

/** Last-Event-ID as a sequence number; `undefined` when absent or empty, 'invalid' when not a number. */
export function parseLastEventId(value: string | undefined): number | 'invalid' | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  if (!/^[0-9]{1,15}$/.test(trimmed)) return 'invalid';
  return Number(trimmed);
}

/** A stream as the routes run it. */
export interface StartableStream {
  start(): Promise<void>;
  end(reason: string): void;
}

/** Keeps the stream in `streams` (ended on shutdown; its `onEnd` removes it) and starts it. */
export async function runSseStream(stream: StartableStream, streams: Set<Pick<StartableStream, 'end'>>): Promise<void> {
  streams.add(stream);
  try {
    await stream.start();
  } catch {
    stream.end('database error');
  }
}
