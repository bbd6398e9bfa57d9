import { authenticate, userOf } from '../auth.js';
import type { App, AppContext } from '../context.js';
import { openSseResponse, runSseStream } from '../events/sse-response.js';
import { EventStream } from '../events/sse.js';

export function eventRoutes(app: App, context: AppContext): void {
  const { db, bus, verifier, config, streams } = context;

  app.get('/v1/events', { onRequest: authenticate(db, verifier), exposeHeadRoute: false }, async (request, reply) => {
    const user = userOf(request);
    const lastEventId = request.headers['last-event-id'];
    const started = performance.now();
    openSseResponse(reply);
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
    await runSseStream(stream, streams);
  });
}
