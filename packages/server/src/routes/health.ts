import type { App, AppContext } from '../context.js';
import { ping } from '../db/connect.js';
import { ProblemError } from '../problem.js';

export function healthRoutes(app: App, { db }: AppContext): void {
  app.get('/health/live', { config: { rateLimit: false } }, (_request, reply) => {
    void reply.header('cache-control', 'no-store');
    return Promise.resolve({ status: 'ok' as const });
  });

  app.get('/health/ready', { config: { rateLimit: false } }, async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    try {
      await ping(db);
    } catch {
      throw new ProblemError('unavailable', { detail: 'The database does not answer.', retryAfter: 5 });
    }
    return { status: 'ok' as const };
  });
}
