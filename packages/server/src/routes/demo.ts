import { DemoLoginRequest, type DemoLoginResponse, type DemoUserList } from '@jobunivers/contract';
import type { App, AppContext } from '../context.js';
import { ProblemError } from '../problem.js';
import { loadMe } from '../users.js';

/** Demo tokens last a working day. */
const DEMO_TOKEN_SECONDS = 8 * 60 * 60;

/** Registered only in demo mode, so elsewhere these paths answer 404 like any unknown path. */
export function demoRoutes(app: App, { db, verifier }: AppContext): void {
  app.get('/v1/demo/users', async (_request, reply): Promise<DemoUserList> => {
    const rows = await db
      .selectFrom('users')
      .select(['id', 'role', 'first_name', 'description'])
      .where('description', 'is not', null)
      .orderBy('role', 'desc')
      .orderBy('id')
      .execute();
    reply.header('cache-control', 'no-store');
    return { items: rows.map((row) => ({ id: row.id, role: row.role, firstName: row.first_name, description: row.description ?? '' })) };
  });

  app.post('/v1/demo/login', { schema: { body: DemoLoginRequest } }, async (request, reply): Promise<DemoLoginResponse> => {
    const found = await loadMe(db, request.body.userId);
    if (found === undefined) throw new ProblemError('not-found', { detail: 'There is no demo user with this id.' });
    const { token, expiresAt } = await verifier.mint(found.me.id, found.me.role, DEMO_TOKEN_SECONDS);
    reply.header('cache-control', 'no-store');
    return { token, expiresAt, user: found.me };
  });
}
