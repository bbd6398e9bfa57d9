import { authenticate, userOf } from '../auth.js';
import type { App, AppContext } from '../context.js';
import { EventStream } from '../events/sse.js';

export function eventRoutes(app: App, context: AppContext): void {
  const { db, bus, verifier, config, streams } = context;

  app.get('/v1/events', { onRequest: authenticate(db, verifier), exposeHeadRoute: false }, async (request, reply) => {
    const user = userOf(request);
    const lastEventId = request.headers['last-event-id'];
    reply.hijack();
    const started = performance.now();
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
    const stream = new EventStream({
      db,
      bus,
      userId: user.id,
      response: reply.raw,
      lastEventId: Array.isArray(lastEventId) ? lastEventId[0] : lastEventId,
      keepAliveMs: config.keepAliveMs,
      onEnd: (reason) => {
        streams.delete(stream);
        request.log.info({ method: 'GET', route: '/v1/events', status: 200, ms: Math.round(performance.now() - started), reason }, 'stream closed');
      },
    });
    streams.add(stream);
    try {
      await stream.start();
    } catch {
      stream.end('database error');
    }
  });
}
