import type { Config } from '@jobunivers/contract';
import type { App, AppContext } from '../context.js';
import { etagOf, ifNoneMatchHits } from '../etag.js';
import { ProblemError } from '../problem.js';

export function configRoutes(app: App, { db }: AppContext): void {
  app.get('/v1/config', async (request, reply) => {
    const row = await db.selectFrom('config').select(['document', 'version']).where('id', '=', 1).executeTakeFirst();
    if (row === undefined) throw new ProblemError('unavailable', { detail: 'The municipality has not been configured yet.', retryAfter: 60 });
    const version = row.version;
    reply.header('etag', etagOf(version)).header('cache-control', 'public, max-age=60');
    if (ifNoneMatchHits(request.headers['if-none-match'], version)) return reply.code(304).send();
    return JSON.parse(row.document) as Config;
  });
}
