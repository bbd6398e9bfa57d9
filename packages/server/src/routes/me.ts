import { PreferencesUpdate } from '@jobunivers/contract';
import { authenticate, userOf } from '../auth.js';
import type { App, AppContext } from '../context.js';
import { etagOf, ifMatchVersion, ifNoneMatchHits } from '../etag.js';
import { ProblemError } from '../problem.js';
import { loadMe } from '../users.js';

export function meRoutes(app: App, { db, verifier }: AppContext): void {
  const anyUser = authenticate(db, verifier);

  app.get('/v1/me', { onRequest: anyUser }, async (request, reply) => {
    const user = userOf(request);
    const found = await loadMe(db, user.id);
    if (found === undefined) throw new ProblemError('token-invalid');
    reply.header('etag', etagOf(found.version)).header('cache-control', 'private, no-cache');
    if (ifNoneMatchHits(request.headers['if-none-match'], found.version)) return reply.code(304).send();
    return found.me;
  });

  app.put('/v1/me/preferences', { onRequest: anyUser, schema: { body: PreferencesUpdate } }, async (request, reply) => {
    const user = userOf(request);
    const ifMatch = request.headers['if-match'];
    if (ifMatch === undefined || ifMatch.trim() === '') {
      throw new ProblemError('precondition-required', { detail: 'Send If-Match with the ETag of GET /v1/me.' });
    }
    const expected = ifMatchVersion(ifMatch);
    if (expected === undefined) throw new ProblemError('etag-mismatch', { detail: 'If-Match must be one strong ETag such as "3".' });
    const { language, notifyByEmail } = request.body;

    const result = await db.transaction().execute(async (trx) => {
      const values = { language, notify_by_email: notifyByEmail ? 1 : 0 };
      // Compare-and-swap: the version check and the increment are one statement.
      let update = trx.updateTable('preferences').set((eb) => ({ ...values, version: eb('version', '+', 1) })).where('user_id', '=', user.id);
      if (expected !== '*') update = update.where('version', '=', expected);
      const updated = await update.executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) {
        // No row yet: version 0 (or *) may create it; a concurrent creator wins the primary key.
        if (expected !== 0 && expected !== '*') return undefined;
        const inserted = await trx
          .insertInto('preferences')
          .values({ user_id: user.id, ...values, version: 1 })
          .onConflict((oc) => oc.column('user_id').doNothing())
          .returning('user_id')
          .executeTakeFirst();
        if (inserted === undefined) return undefined;
      }
      return loadMe(trx, user.id);
    });
    if (result === undefined) throw new ProblemError('etag-mismatch', { detail: 'Your preferences changed since you read them; read them again.' });
    reply.header('etag', etagOf(result.version)).header('cache-control', 'private, no-cache');
    return result.me;
  });
}
