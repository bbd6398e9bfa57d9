// The CV (docs/contract.md "CV"): the citizen's JSON Resume document with ETag versions, the consent to share it
// with the job centre, and the caseworker's read-only view of the CVs their citizens share. The document is stored
// as the JSON text of the validated body and answered as that text, so every field the citizen's tools added (and
// `x-jobunivers`) comes back unchanged. Every version decision is made by the database: a conditional UPDATE
// (`WHERE version = ?`) or an INSERT that conflicts on the citizen's row, never a read followed by a write.
// Nothing of the document is ever logged.
import { CitizenParams, CV_MAX_BYTES, CvShareConsent, JsonResume, type CvShare, type SharedCvList } from '@jobunivers/contract';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { authenticate, userOf } from '../auth.js';
import type { App, AppContext } from '../context.js';
import { nowIso } from '../db/time.js';
import { etagOf, ifMatchVersion, ifNoneMatchHits } from '../etag.js';
import { ProblemError } from '../problem.js';

const noCv = () => new ProblemError('not-found', { detail: 'There is no CV saved here yet. Save one with PUT /v1/me/cv and If-None-Match: *.' });
const notShared = () => new ProblemError('not-found', { detail: 'There is no CV shared with you by this citizen.' });
const changed = () =>
  new ProblemError('etag-mismatch', {
    detail: 'The CV was changed (perhaps on another device) since you read it. Nothing was saved: GET /v1/me/cv for the current version and its ETag, and send your CV again with that ETag.',
  });
const exists = () =>
  new ProblemError('etag-mismatch', {
    detail: 'A CV is saved already, so If-None-Match: * does not hold. Nothing was saved: GET /v1/me/cv for it and its ETag, and send your CV with If-Match.',
  });
const preconditionRequired = () =>
  new ProblemError('precondition-required', { detail: 'Send If-Match: "<version>" (the ETag you read) to replace your CV, or If-None-Match: * to save your first CV.' });

type Precondition = { kind: 'create' } | { kind: 'update'; version: number | '*' };

/** What a `PUT /v1/me/cv` may do: exactly one of `If-None-Match: *` (create) and `If-Match` (update). */
function preconditionOf(request: FastifyRequest): Precondition {
  const ifMatch = request.headers['if-match']?.trim();
  const ifNoneMatch = request.headers['if-none-match']?.trim();
  const hasMatch = ifMatch !== undefined && ifMatch !== '';
  const hasNoneMatch = ifNoneMatch !== undefined && ifNoneMatch !== '';
  if (hasMatch && hasNoneMatch) {
    throw new ProblemError('invalid-request', {
      detail: 'Send If-Match to replace your CV or If-None-Match: * to save your first one, not both.',
      errors: [{ pointer: '/headers/if-none-match', code: 'precondition', detail: 'Leave this out when you send If-Match.' }],
    });
  }
  if (hasNoneMatch) {
    if (ifNoneMatch !== '*') throw preconditionRequired();
    return { kind: 'create' };
  }
  if (!hasMatch) throw preconditionRequired();
  const version = ifMatchVersion(ifMatch);
  if (version === undefined) throw new ProblemError('etag-mismatch', { detail: 'If-Match must be one strong ETag such as "3" (the ETag of GET /v1/me/cv).' });
  return { kind: 'update', version };
}

/** `basics.name` for the caseworker's list: trimmed, `null` when there is none. */
function displayName(document: JsonResume): string | null {
  const name = document.basics?.name?.trim() ?? '';
  return name === '' ? null : name.slice(0, 200);
}

/** Answers a stored document as it is stored (the text, not a re-serialisation) with its ETag. */
function sendDocument(reply: FastifyReply, row: { document: string; version: number }): FastifyReply {
  return reply
    .header('etag', etagOf(row.version))
    .header('cache-control', 'private, no-cache')
    .header('content-type', 'application/json; charset=utf-8')
    .send(row.document);
}

const shareOf = (sharedAt: string | null | undefined): CvShare => ({ shared: sharedAt != null, sharedAt: sharedAt ?? null });

export function cvRoutes(app: App, { db, verifier }: AppContext): void {
  const citizenOnly = authenticate(db, verifier, ['citizen']);
  const caseworkerOnly = authenticate(db, verifier, ['caseworker']);

  app.get('/v1/me/cv', { onRequest: citizenOnly }, async (request, reply) => {
    const user = userOf(request);
    const row = await db.selectFrom('cvs').select(['document', 'version']).where('citizen_id', '=', user.id).executeTakeFirst();
    if (row === undefined) throw noCv();
    if (ifNoneMatchHits(request.headers['if-none-match'], row.version)) {
      return reply.header('etag', etagOf(row.version)).header('cache-control', 'private, no-cache').code(304).send();
    }
    return sendDocument(reply, row);
  });

  app.put('/v1/me/cv', { onRequest: citizenOnly, bodyLimit: CV_MAX_BYTES, schema: { body: JsonResume } }, async (request, reply) => {
    const user = userOf(request);
    const precondition = preconditionOf(request);
    const document = JSON.stringify(request.body);
    const name = displayName(request.body);
    const now = nowIso();
    if (precondition.kind === 'create') {
      // The citizen's row is the primary key: of two creates at once exactly one inserts.
      const created = await db
        .insertInto('cvs')
        .values({ citizen_id: user.id, document, name, version: 1, created_at: now, updated_at: now, shared_at: null })
        .onConflict((oc) => oc.column('citizen_id').doNothing())
        .returning('version')
        .executeTakeFirst();
      if (created === undefined) throw exists();
      return sendDocument(reply, { document, version: created.version });
    }
    // Compare-and-swap: the version check and the increment are one statement.
    let update = db
      .updateTable('cvs')
      .set((eb) => ({ document, name, updated_at: now, version: eb('version', '+', 1) }))
      .where('citizen_id', '=', user.id);
    if (precondition.version !== '*') update = update.where('version', '=', precondition.version);
    const updated = await update.returning('version').executeTakeFirst();
    if (updated === undefined) throw changed();
    return sendDocument(reply, { document, version: updated.version });
  });

  app.delete('/v1/me/cv', { onRequest: citizenOnly }, async (request, reply) => {
    const user = userOf(request);
    const ifMatch = request.headers['if-match']?.trim();
    let remove = db.deleteFrom('cvs').where('citizen_id', '=', user.id);
    if (ifMatch !== undefined && ifMatch !== '') {
      const version = ifMatchVersion(ifMatch);
      if (version === undefined) throw new ProblemError('etag-mismatch', { detail: 'If-Match must be one strong ETag such as "3".' });
      if (version !== '*') remove = remove.where('version', '=', version);
      const deleted = await remove.executeTakeFirst();
      if (Number(deleted.numDeletedRows) === 0) throw changed();
    } else {
      await remove.execute();
    }
    // The share is a column of the row, so it goes with it.
    return reply.header('cache-control', 'no-store').code(204).send();
  });

  app.get('/v1/me/cv/share', { onRequest: citizenOnly }, async (request, reply): Promise<CvShare> => {
    const user = userOf(request);
    const row = await db.selectFrom('cvs').select('shared_at').where('citizen_id', '=', user.id).executeTakeFirst();
    reply.header('cache-control', 'no-store');
    return shareOf(row?.shared_at);
  });

  app.put('/v1/me/cv/share', { onRequest: citizenOnly, schema: { body: CvShareConsent } }, async (request, reply): Promise<CvShare> => {
    const user = userOf(request);
    // Sharing again keeps the time of the first consent.
    const row = await db
      .updateTable('cvs')
      .set((eb) => ({ shared_at: eb.fn.coalesce('shared_at', eb.val(nowIso())) }))
      .where('citizen_id', '=', user.id)
      .returning('shared_at')
      .executeTakeFirst();
    if (row === undefined) throw new ProblemError('not-found', { detail: 'There is no CV to share yet. Save your CV first, then share it.' });
    reply.header('cache-control', 'no-store');
    return shareOf(row.shared_at);
  });

  app.delete('/v1/me/cv/share', { onRequest: citizenOnly }, async (request, reply): Promise<CvShare> => {
    const user = userOf(request);
    await db.updateTable('cvs').set({ shared_at: null }).where('citizen_id', '=', user.id).execute();
    reply.header('cache-control', 'no-store');
    return shareOf(null);
  });

  /** The CVs the caseworker may read: shared now, by a citizen assigned to them (as every caseworker route decides). */
  const sharedWith = (caseworkerId: string) =>
    db
      .selectFrom('assignments')
      .innerJoin('cvs', 'cvs.citizen_id', 'assignments.citizen_id')
      .innerJoin('users', 'users.id', 'assignments.citizen_id')
      .where('assignments.caseworker_id', '=', caseworkerId)
      .where('users.role', '=', 'citizen')
      .where('cvs.shared_at', 'is not', null);

  app.get('/v1/cvs', { onRequest: caseworkerOnly }, async (request, reply): Promise<SharedCvList> => {
    const user = userOf(request);
    const rows = await sharedWith(user.id)
      .select(['cvs.citizen_id', 'users.first_name', 'cvs.name', 'cvs.updated_at', 'cvs.shared_at'])
      .orderBy('cvs.updated_at', 'desc')
      .orderBy('cvs.citizen_id', 'asc')
      .execute();
    reply.header('cache-control', 'no-store');
    return {
      items: rows.flatMap((row) => (row.shared_at === null ? [] : [{
        citizenId: row.citizen_id,
        firstName: row.first_name,
        name: row.name,
        updatedAt: row.updated_at,
        sharedAt: row.shared_at,
      }])),
    };
  });

  app.get('/v1/cvs/:citizenId', { onRequest: caseworkerOnly, schema: { params: CitizenParams } }, async (request, reply) => {
    const user = userOf(request);
    const row = await sharedWith(user.id).select(['cvs.document', 'cvs.version']).where('cvs.citizen_id', '=', request.params.citizenId).executeTakeFirst();
    if (row === undefined) throw notShared();
    if (ifNoneMatchHits(request.headers['if-none-match'], row.version)) {
      return reply.header('etag', etagOf(row.version)).header('cache-control', 'private, no-cache').code(304).send();
    }
    return sendDocument(reply, row);
  });
}
