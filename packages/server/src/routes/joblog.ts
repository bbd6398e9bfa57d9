// The joblog (docs/contract.md "Joblog"): the citizen's entries, one resource each with its own version, synced
// through a change feed with tombstones; the requirement the caseworker agrees with the citizen; the consent to
// share the joblog with the job centre; and the caseworker's read-only view with the requirement meter's numbers.
// Writes and the feed live in ../joblog/store.ts, the week arithmetic in ../joblog/weeks.ts. Nothing of an entry
// (not its id either) is ever logged: log lines carry the route pattern and the status only.
import {
  CitizenParams, IdParams, JOBLOG_FEED_LIMIT, JOBLOG_MAX_ENTRIES, JoblogEntryBody, JoblogFeedQuery, JoblogRequirement, JoblogShareConsent, SharedJoblogQuery,
  type FieldError, type JoblogRequirement as Requirement, type JoblogShare, type SharedJoblog, type SharedJoblogList,
} from '@jobunivers/contract';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { authenticate, userOf } from '../auth.js';
import { addDays, isRealDate } from '../booking/zone.js';
import type { App, AppContext } from '../context.js';
import { CursorCodec } from '../cursor.js';
import { nowIso } from '../db/time.js';
import { etagOf, ifMatchVersion, ifNoneMatchHits } from '../etag.js';
import { currentJson, deleteEntry, entryJson, readCurrent, readFeed, requirementDocument, writeEntry, type Current, type Precondition } from '../joblog/store.js';
import { isoWeekOf, meterNumbers, mondayOf, todayInCopenhagen, windowStart, type CountedEntry } from '../joblog/weeks.js';
import { PROBLEM_CONTENT_TYPE, problemBody, problemLanguage, ProblemError } from '../problem.js';

const preconditionRequired = () =>
  new ProblemError('precondition-required', {
    detail: 'Send If-None-Match: * to save a new entry, or If-Match: "<version>" (the ETag you read) to change or delete one.',
  });
const badIfMatch = () => new ProblemError('etag-mismatch', { detail: 'If-Match must be one strong ETag such as "3" (the entry\'s ETag).' });
const invalid = (errors: FieldError[]) => new ProblemError('invalid-request', { detail: 'Fix the fields listed in errors and send the request again.', errors });
const notShared = () => new ProblemError('not-found', { detail: 'There is no joblog shared with you by this citizen.' });
const notAssigned = () => new ProblemError('not-found', { detail: 'There is no such citizen among the citizens assigned to you.' });
const noRequirement = () => new ProblemError('not-found', { detail: 'No job-search requirement has been agreed yet.' });

/** What a `PUT` of an entry may do: exactly one of `If-None-Match: *` (create) and `If-Match` (replace). */
function preconditionOf(request: FastifyRequest): Precondition {
  const ifMatch = request.headers['if-match']?.trim();
  const ifNoneMatch = request.headers['if-none-match']?.trim();
  const hasMatch = ifMatch !== undefined && ifMatch !== '';
  const hasNoneMatch = ifNoneMatch !== undefined && ifNoneMatch !== '';
  if (hasMatch && hasNoneMatch) {
    throw invalid([{ pointer: '/headers/if-none-match', code: 'precondition', detail: 'Leave this out when you send If-Match.' }]);
  }
  if (hasNoneMatch) {
    if (ifNoneMatch !== '*') throw preconditionRequired();
    return { kind: 'create' };
  }
  if (!hasMatch) throw preconditionRequired();
  const version = ifMatchVersion(ifMatch);
  if (version === undefined) throw badIfMatch();
  return { kind: 'update', version };
}

/** The checks a schema cannot make: the path's id, and days the month has. */
function entryErrors(entry: JoblogEntryBody, pathId: string): FieldError[] {
  const errors: FieldError[] = [];
  if (entry.id !== pathId) errors.push({ pointer: '/id', code: 'const', detail: 'The id must be the id in the path.' });
  const dates: [string, string | null][] = [['/date', entry.date], ['/deadline', entry.deadline], ...entry.history.map((change, index): [string, string] => [`/history/${String(index)}/on`, change.on])];
  for (const [pointer, date] of dates) {
    if (date !== null && !isRealDate(date)) errors.push({ pointer, code: 'format', detail: 'This day does not exist in the calendar.' });
  }
  return errors;
}

function sendJsonText(reply: FastifyReply, text: string, cacheControl: string, version?: number): FastifyReply {
  if (version !== undefined) reply.header('etag', etagOf(version));
  return reply.header('cache-control', cacheControl).header('content-type', 'application/json; charset=utf-8').send(text);
}

/** `412 etag-mismatch` with the server's copy of the entry under `current`. */
function sendConflict(request: FastifyRequest, reply: FastifyReply, current: Current, detail: string): FastifyReply {
  const body = JSON.stringify(problemBody('etag-mismatch', problemLanguage(request.headers['accept-language']), detail));
  return reply
    .code(412)
    .header('content-type', PROBLEM_CONTENT_TYPE)
    .header('cache-control', 'no-store')
    .send(`${body.slice(0, -1)},"current":${currentJson(current)}}`);
}

const conflictDetail = (current: Current): string =>
  current.kind === 'entry'
    ? 'The entry was changed (perhaps on another device) since you read it, or it exists already. Nothing was saved: current is the entry as it is now; show the citizen both and send the result with If-Match and its version.'
    : current.kind === 'tombstone'
      ? 'The entry was deleted (perhaps on another device). Nothing was saved: to keep it, save it again with If-None-Match: *.'
      : 'There is no entry with this id. Nothing was saved: to save it, send it with If-None-Match: *.';

const shareOf = (sharedAt: string | null | undefined): JoblogShare => ({ shared: sharedAt != null, sharedAt: sharedAt ?? null });

export function joblogRoutes(app: App, context: AppContext): void {
  const { db, verifier, config } = context;
  const citizenOnly = authenticate(db, verifier, ['citizen']);
  const caseworkerOnly = authenticate(db, verifier, ['caseworker']);
  // Cursors must verify on every instance: the key comes from the shared JWT setting.
  const cursors = new CursorCodec(`cursor:${config.jwt.kind === 'secret' ? config.jwt.secret : config.jwt.url}:${config.jwtAudience}`, 'joblog');
  const cursorOf = (position: number) => cursors.encode(position);

  const feed = async (reply: FastifyReply, citizenId: string, cursor: string | undefined, limit: number | undefined) => {
    const position = cursor === undefined ? 0 : cursors.decode(cursor);
    const text = await readFeed(db, citizenId, position, limit ?? JOBLOG_FEED_LIMIT.default, cursorOf);
    return sendJsonText(reply, text, 'no-store');
  };

  // ---- The citizen's entries --------------------------------------------------------------------------------

  app.get('/v1/me/joblog/entries', { onRequest: citizenOnly, schema: { querystring: JoblogFeedQuery } }, async (request, reply) =>
    feed(reply, userOf(request).id, request.query.since, request.query.limit));

  app.get('/v1/me/joblog/entries/:id', { onRequest: citizenOnly, schema: { params: IdParams } }, async (request, reply) => {
    const current = await readCurrent(db, userOf(request).id, request.params.id);
    if (current.kind !== 'entry') {
      throw new ProblemError('not-found', { detail: current.kind === 'tombstone' ? 'The entry was deleted.' : 'There is no entry with this id.' });
    }
    if (ifNoneMatchHits(request.headers['if-none-match'], current.version)) {
      return reply.header('etag', etagOf(current.version)).header('cache-control', 'private, no-cache').code(304).send();
    }
    return sendJsonText(reply, entryJson(current.document, current.version), 'private, no-cache', current.version);
  });

  app.put('/v1/me/joblog/entries/:id', { onRequest: citizenOnly, schema: { params: IdParams, body: JoblogEntryBody } }, async (request, reply) => {
    const user = userOf(request);
    const precondition = preconditionOf(request);
    const errors = entryErrors(request.body, request.params.id);
    if (errors.length > 0) throw invalid(errors);
    const result = await writeEntry(db, user.id, request.body, precondition, nowIso());
    switch (result.kind) {
      case 'saved':
      case 'unchanged':
        return sendJsonText(reply, entryJson(result.document, result.version), 'no-store', result.version);
      case 'conflict':
        return sendConflict(request, reply, result.current, conflictDetail(result.current));
      case 'full': {
        const detail = `A joblog holds at most ${JOBLOG_MAX_ENTRIES.toLocaleString('en')} entries. Nothing was saved: delete entries you no longer need (export them first), then save again.`;
        throw new ProblemError('invalid-request', { detail, errors: [{ pointer: '', code: 'maxItems', detail }] });
      }
    }
  });

  app.delete('/v1/me/joblog/entries/:id', { onRequest: citizenOnly, schema: { params: IdParams } }, async (request, reply) => {
    const user = userOf(request);
    const ifMatch = request.headers['if-match']?.trim();
    if (ifMatch === undefined || ifMatch === '') throw preconditionRequired();
    const version = ifMatchVersion(ifMatch);
    if (version === undefined) throw badIfMatch();
    const result = await deleteEntry(db, user.id, request.params.id, version, nowIso());
    if (result.kind === 'conflict') return sendConflict(request, reply, result.current, 'The entry was changed (perhaps on another device) since you read it. Nothing was deleted: current is the entry as it is now.');
    return reply.header('cache-control', 'no-store').code(204).send();
  });

  // ---- The requirement (citizen's side) -----------------------------------------------------------------------

  app.get('/v1/me/joblog/requirement', { onRequest: citizenOnly }, async (request, reply) => {
    const row = await db.selectFrom('joblog_requirements').select(['document', 'version']).where('citizen_id', '=', userOf(request).id).executeTakeFirst();
    if (row === undefined) throw noRequirement();
    if (ifNoneMatchHits(request.headers['if-none-match'], row.version)) {
      return reply.header('etag', etagOf(row.version)).header('cache-control', 'private, no-cache').code(304).send();
    }
    return sendJsonText(reply, row.document, 'private, no-cache', row.version);
  });

  // ---- Sharing (consent) ----------------------------------------------------------------------------------------

  app.get('/v1/me/joblog/share', { onRequest: citizenOnly }, async (request, reply): Promise<JoblogShare> => {
    const row = await db.selectFrom('joblogs').select('shared_at').where('citizen_id', '=', userOf(request).id).executeTakeFirst();
    reply.header('cache-control', 'no-store');
    return shareOf(row?.shared_at);
  });

  app.put('/v1/me/joblog/share', { onRequest: citizenOnly, schema: { body: JoblogShareConsent } }, async (request, reply): Promise<JoblogShare> => {
    // Sharing again keeps the time of the first consent; an empty joblog may be shared too.
    const row = await db
      .insertInto('joblogs')
      .values({ citizen_id: userOf(request).id, last_seq: 0, entry_count: 0, shared_at: nowIso(), changed_at: null })
      .onConflict((oc) => oc.column('citizen_id').doUpdateSet((eb) => ({ shared_at: eb.fn.coalesce('joblogs.shared_at', eb.ref('excluded.shared_at')) })))
      .returning('shared_at')
      .executeTakeFirstOrThrow();
    reply.header('cache-control', 'no-store');
    return shareOf(row.shared_at);
  });

  app.delete('/v1/me/joblog/share', { onRequest: citizenOnly }, async (request, reply): Promise<JoblogShare> => {
    await db.updateTable('joblogs').set({ shared_at: null }).where('citizen_id', '=', userOf(request).id).execute();
    reply.header('cache-control', 'no-store');
    return shareOf(null);
  });

  // ---- The caseworker's side --------------------------------------------------------------------------------------

  /** The citizen, when assigned to the caseworker (the rule every caseworker route follows). */
  const assignedCitizen = (caseworkerId: string, citizenId: string) =>
    db
      .selectFrom('assignments')
      .innerJoin('users', 'users.id', 'assignments.citizen_id')
      .select('users.id')
      .where('assignments.caseworker_id', '=', caseworkerId)
      .where('assignments.citizen_id', '=', citizenId)
      .where('users.role', '=', 'citizen')
      .executeTakeFirst();

  app.get('/v1/joblogs', { onRequest: caseworkerOnly }, async (request, reply): Promise<SharedJoblogList> => {
    const user = userOf(request);
    const rows = await db
      .selectFrom('assignments')
      .innerJoin('joblogs', 'joblogs.citizen_id', 'assignments.citizen_id')
      .innerJoin('users', 'users.id', 'assignments.citizen_id')
      .leftJoin('joblog_requirements', 'joblog_requirements.citizen_id', 'assignments.citizen_id')
      .where('assignments.caseworker_id', '=', user.id)
      .where('users.role', '=', 'citizen')
      .where('joblogs.shared_at', 'is not', null)
      .select(['joblogs.citizen_id', 'users.first_name', 'joblogs.shared_at', 'joblogs.changed_at', 'joblogs.entry_count', 'joblog_requirements.document as requirement'])
      .execute();
    const today = todayInCopenhagen();
    const entries = new Map<string, CountedEntry[]>();
    const firstDates = new Map<string, string>();
    if (rows.length > 0) {
      const citizenIds = rows.map((row) => row.citizen_id);
      const firsts = await db
        .selectFrom('joblog_entries')
        .select((eb) => ['citizen_id', eb.fn.min<string | null>('date').as('first')])
        .where('citizen_id', 'in', citizenIds)
        .where('deleted', '=', 0)
        .groupBy('citizen_id')
        .execute();
      for (const row of firsts) if (row.first !== null) firstDates.set(row.citizen_id, row.first);
      const counted = await db
        .selectFrom('joblog_entries')
        .select(['citizen_id', 'date', 'type', 'status'])
        .where('citizen_id', 'in', citizenIds)
        .where('deleted', '=', 0)
        .where('date', '>=', windowStart(today))
        .where('date', '<=', addDays(mondayOf(today), 6))
        .execute();
      for (const row of counted) {
        if (row.date === null || row.type === null || row.status === null) continue;
        const list = entries.get(row.citizen_id) ?? [];
        list.push({ date: row.date, type: row.type, status: row.status });
        entries.set(row.citizen_id, list);
      }
    }
    const items = rows.flatMap((row): SharedJoblog[] => {
      if (row.shared_at === null) return [];
      const requirement = row.requirement === null ? null : (JSON.parse(row.requirement) as Requirement);
      return [{
        citizenId: row.citizen_id,
        firstName: row.first_name,
        ...meterNumbers(entries.get(row.citizen_id) ?? [], requirement, today, firstDates.get(row.citizen_id) ?? null),
        entryCount: row.entry_count,
        lastChangedAt: row.changed_at,
        sharedAt: row.shared_at,
      }];
    });
    // Most recently changed first; never changed last; then by id, so the order is stable.
    items.sort((a, b) => (b.lastChangedAt ?? '').localeCompare(a.lastChangedAt ?? '') || a.citizenId.localeCompare(b.citizenId));
    reply.header('cache-control', 'no-store');
    return { week: isoWeekOf(today), items };
  });

  app.get('/v1/joblogs/:citizenId/entries', { onRequest: caseworkerOnly, schema: { params: CitizenParams, querystring: SharedJoblogQuery } }, async (request, reply) => {
    const user = userOf(request);
    const shared = await db
      .selectFrom('assignments')
      .innerJoin('joblogs', 'joblogs.citizen_id', 'assignments.citizen_id')
      .innerJoin('users', 'users.id', 'assignments.citizen_id')
      .select('joblogs.citizen_id')
      .where('assignments.caseworker_id', '=', user.id)
      .where('assignments.citizen_id', '=', request.params.citizenId)
      .where('users.role', '=', 'citizen')
      .where('joblogs.shared_at', 'is not', null)
      .executeTakeFirst();
    if (shared === undefined) throw notShared();
    return feed(reply, shared.citizen_id, request.query.cursor, request.query.limit);
  });

  app.get('/v1/joblogs/:citizenId/requirement', { onRequest: caseworkerOnly, schema: { params: CitizenParams } }, async (request, reply) => {
    const user = userOf(request);
    if ((await assignedCitizen(user.id, request.params.citizenId)) === undefined) throw notAssigned();
    const row = await db.selectFrom('joblog_requirements').select(['document', 'version']).where('citizen_id', '=', request.params.citizenId).executeTakeFirst();
    if (row === undefined) throw noRequirement();
    if (ifNoneMatchHits(request.headers['if-none-match'], row.version)) {
      return reply.header('etag', etagOf(row.version)).header('cache-control', 'private, no-cache').code(304).send();
    }
    return sendJsonText(reply, row.document, 'private, no-cache', row.version);
  });

  app.put('/v1/joblogs/:citizenId/requirement', { onRequest: caseworkerOnly, schema: { params: CitizenParams, body: JoblogRequirement } }, async (request, reply) => {
    const user = userOf(request);
    const citizenId = request.params.citizenId;
    if ((await assignedCitizen(user.id, citizenId)) === undefined) throw notAssigned();
    const document = requirementDocument(request.body);
    const now = nowIso();
    const ifMatch = request.headers['if-match']?.trim();
    const ifNoneMatch = request.headers['if-none-match']?.trim();
    const createOnly = ifNoneMatch !== undefined && ifNoneMatch !== '';
    if (createOnly && ifMatch !== undefined && ifMatch !== '') {
      throw new ProblemError('invalid-request', {
        detail: 'Send If-Match to replace the requirement or If-None-Match: * to agree the first one, not both.',
        errors: [{ pointer: '/headers/if-none-match', code: 'precondition', detail: 'Leave this out when you send If-Match.' }],
      });
    }
    if (createOnly && ifNoneMatch !== '*') {
      throw new ProblemError('invalid-request', {
        detail: 'If-None-Match on this PUT can only be * (save only when no requirement is agreed yet).',
        errors: [{ pointer: '/headers/if-none-match', code: 'precondition', detail: 'Send * or leave it out.' }],
      });
    }
    let version: number | undefined;
    if (createOnly) {
      // The database decides between two colleagues agreeing the first requirement at once: one row per citizen.
      const row = await db
        .insertInto('joblog_requirements')
        .values({ citizen_id: citizenId, document, version: 1, updated_at: now, updated_by: user.id })
        .onConflict((oc) => oc.column('citizen_id').doNothing())
        .returning('version')
        .executeTakeFirst();
      if (row === undefined) {
        throw new ProblemError('etag-mismatch', { detail: 'A requirement was agreed (perhaps by a colleague) since you looked. Nothing was saved: read it and send your change with its ETag in If-Match.' });
      }
      version = row.version;
    } else if (ifMatch === undefined || ifMatch === '') {
      const row = await db
        .insertInto('joblog_requirements')
        .values({ citizen_id: citizenId, document, version: 1, updated_at: now, updated_by: user.id })
        .onConflict((oc) => oc.column('citizen_id').doUpdateSet((eb) => ({ document, updated_at: now, updated_by: user.id, version: eb('joblog_requirements.version', '+', 1) })))
        .returning('version')
        .executeTakeFirstOrThrow();
      version = row.version;
    } else {
      const expected = ifMatchVersion(ifMatch);
      if (expected === undefined) throw badIfMatch();
      let update = db
        .updateTable('joblog_requirements')
        .set((eb) => ({ document, updated_at: now, updated_by: user.id, version: eb('version', '+', 1) }))
        .where('citizen_id', '=', citizenId);
      if (expected !== '*') update = update.where('version', '=', expected);
      version = (await update.returning('version').executeTakeFirst())?.version;
      if (version === undefined) {
        throw new ProblemError('etag-mismatch', { detail: 'The requirement was changed (perhaps by a colleague) since you read it. Nothing was saved: read it again and send your change with its ETag.' });
      }
    }
    return sendJsonText(reply, document, 'no-store', version);
  });

  app.delete('/v1/joblogs/:citizenId/requirement', { onRequest: caseworkerOnly, schema: { params: CitizenParams } }, async (request, reply) => {
    const user = userOf(request);
    if ((await assignedCitizen(user.id, request.params.citizenId)) === undefined) throw notAssigned();
    await db.deleteFrom('joblog_requirements').where('citizen_id', '=', request.params.citizenId).execute();
    return reply.header('cache-control', 'no-store').code(204).send();
  });
}
