import { randomUUID } from 'node:crypto';
import { CitizenParams, NotificationCreate, NotificationParams, PageQuery, type Notification, type NotificationPage } from '@jobunivers/contract';
import { authenticate, userOf } from '../auth.js';
import type { App, AppContext } from '../context.js';
import { CursorCodec } from '../cursor.js';
import type { NotificationsTable } from '../db/schema.js';
import { nowIso, toIso, toIsoOrNull } from '../db/time.js';
import { runIdempotent } from '../idempotency.js';
import { ProblemError } from '../problem.js';
import type { Selectable } from 'kysely';

type NotificationRow = Selectable<NotificationsTable>;

export function toNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    citizenId: row.citizen_id,
    title: row.title,
    body: row.body,
    ...(row.link === null ? {} : { link: row.link }),
    createdAt: toIso(row.created_at),
    readAt: toIsoOrNull(row.read_at),
  };
}

const NOT_FOUND = () => new ProblemError('not-found', { detail: 'There is no such notification for you.' });

export function notificationRoutes(app: App, context: AppContext): void {
  const { db, bus, verifier } = context;
  const citizen = authenticate(db, verifier, ['citizen']);
  const caseworker = authenticate(db, verifier, ['caseworker']);
  const cursors = new CursorCodec(cursorSecret(context), 'notifications');

  app.get('/v1/notifications', { onRequest: citizen, schema: { querystring: PageQuery } }, async (request, reply): Promise<NotificationPage> => {
    const user = userOf(request);
    const limit = request.query.limit ?? 20;
    const before = request.query.cursor === undefined ? undefined : cursors.decode(request.query.cursor);
    let query = db.selectFrom('notifications').selectAll().where('citizen_id', '=', user.id);
    if (before !== undefined) query = query.where('seq', '<', before);
    const rows = await query.orderBy('seq', 'desc').limit(limit + 1).execute();
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    reply.header('cache-control', 'no-store');
    return {
      items: page.map(toNotification),
      nextCursor: rows.length > limit && last !== undefined ? cursors.encode(last.seq) : null,
    };
  });

  app.get('/v1/notifications/:id', { onRequest: citizen, schema: { params: NotificationParams } }, async (request, reply) => {
    const user = userOf(request);
    const row = await db.selectFrom('notifications').selectAll().where('id', '=', request.params.id).where('citizen_id', '=', user.id).executeTakeFirst();
    if (row === undefined) throw NOT_FOUND();
    reply.header('cache-control', 'no-store');
    return toNotification(row);
  });

  app.post('/v1/notifications/:id/read', { onRequest: citizen, schema: { params: NotificationParams } }, async (request, reply) => {
    const user = userOf(request);
    const row = await db.transaction().execute(async (trx) => {
      // Only the first call sets read_at; later calls answer the same document.
      await trx
        .updateTable('notifications')
        .set({ read_at: nowIso() })
        .where('id', '=', request.params.id)
        .where('citizen_id', '=', user.id)
        .where('read_at', 'is', null)
        .execute();
      return trx.selectFrom('notifications').selectAll().where('id', '=', request.params.id).where('citizen_id', '=', user.id).executeTakeFirst();
    });
    if (row === undefined) throw NOT_FOUND();
    reply.header('cache-control', 'no-store');
    return toNotification(row);
  });

  app.post(
    '/v1/citizens/:citizenId/notifications',
    { onRequest: caseworker, schema: { params: CitizenParams, body: NotificationCreate } },
    async (request, reply) => {
      const user = userOf(request);
      const { citizenId } = request.params;
      const assigned = await db
        .selectFrom('assignments')
        .select('citizen_id')
        .where('caseworker_id', '=', user.id)
        .where('citizen_id', '=', citizenId)
        .executeTakeFirst();
      if (assigned === undefined) throw new ProblemError('not-found', { detail: 'There is no such citizen among the citizens assigned to you.' });

      const { title, body, link } = request.body;
      const result = await runIdempotent(db, bus, request, user.id, async (trx, publish) => {
        const row = await trx
          .insertInto('notifications')
          .values({ id: randomUUID(), citizen_id: citizenId, created_by: user.id, title, body, link: link ?? null, created_at: nowIso(), read_at: null })
          .returningAll()
          .executeTakeFirstOrThrow();
        const notification = toNotification(row);
        await publish(citizenId, 'notification.created', notification);
        return { status: 201, body: notification };
      });
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      reply.header('cache-control', 'no-store');
      return reply.code(result.status).send(result.body);
    },
  );
}

/** Cursors must verify on every instance: derive the key from the shared JWT setting. */
function cursorSecret({ config }: AppContext): string {
  return `cursor:${config.jwt.kind === 'secret' ? config.jwt.secret : config.jwt.url}:${config.jwtAudience}`;
}
