// The joblog's writes and its change feed (docs/server.md "Joblog"). Every write runs in one transaction that
// first takes the next position in the citizen's change sequence by updating the citizen's `joblogs` row; the
// row stays locked until the transaction ends, so the citizen's writes commit one after the other in the order of
// their positions, and a reader that has seen position N has seen every committed change before it. The version
// decision itself is the database's: an insert that conflicts on (citizen, id) unless the row is a tombstone, and
// an `UPDATE … WHERE version = ?`. A write that does not happen rolls back, position included.
import { JOBLOG_MAX_ENTRIES, type JoblogEntryBody, type JoblogRequirement } from '@jobunivers/contract';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';

/** Test hooks: `afterPosition` runs inside the write's transaction once the position is taken (tests add delays). */
export const joblogHooks: { afterPosition: () => Promise<void> } = { afterPosition: () => Promise.resolve() };

/** The stored entry's fields in the model's order (`version` is the server's and not stored in the text). */
const ENTRY_FIELDS = [
  'id', 'type', 'title', 'employer', 'postalCode', 'town', 'hoursPerWeek', 'applicationKind', 'method', 'activityKind', 'source',
  'sourceUrl', 'date', 'deadline', 'status', 'outcome', 'history', 'notes', 'cv', 'createdAt', 'updatedAt',
] as const satisfies readonly (keyof JoblogEntryBody)[];

/**
 * The entry as stored: its fields in one fixed order (nested objects too, `version` left out), so the same entry
 * always has the same text and a retried write can be recognised by comparing texts.
 */
export function entryDocument(entry: JoblogEntryBody): string {
  const fields: Record<string, unknown> = {};
  for (const field of ENTRY_FIELDS) fields[field] = entry[field];
  fields.history = entry.history.map((change) => ({ status: change.status, outcome: change.outcome, on: change.on }));
  fields.cv = entry.cv === null ? null : { versionId: entry.cv.versionId, name: entry.cv.name };
  return JSON.stringify(fields);
}

/** The requirement as stored: its fields in one order. */
export function requirementDocument(requirement: JoblogRequirement): string {
  return JSON.stringify({
    perWeek: requirement.perWeek,
    scale: requirement.scale,
    averageOverWeeks: requirement.averageOverWeeks,
    exemptWeeks: requirement.exemptWeeks.map((item) => ({ week: item.week, reason: item.reason })),
    activitiesCount: requirement.activitiesCount,
  });
}

/** An entry's JSON with its version: the stored text with `"version"` added at the end (no parsing). */
export function entryJson(document: string, version: number): string {
  return `${document.slice(0, -1)},"version":${String(version)}}`;
}

export function tombstoneJson(id: string, version: number): string {
  return JSON.stringify({ id, deleted: true, version });
}

/** The server's copy of an entry: live, a tombstone, or nothing. */
export type Current =
  | { kind: 'entry'; id: string; version: number; document: string }
  | { kind: 'tombstone'; id: string; version: number }
  | { kind: 'none' };

export function currentJson(current: Current): string {
  if (current.kind === 'entry') return entryJson(current.document, current.version);
  if (current.kind === 'tombstone') return tombstoneJson(current.id, current.version);
  return 'null';
}

export type WriteResult =
  /** Written: the new version. */
  | { kind: 'saved'; version: number; document: string }
  /** Not written because the entry already is what was asked (a retried write): the current version. */
  | { kind: 'unchanged'; version: number; document: string }
  /** Not written: the precondition failed. */
  | { kind: 'conflict'; current: Current }
  /** Not written: the joblog holds `JOBLOG_MAX_ENTRIES` entries. */
  | { kind: 'full' };

export type DeleteResult = { kind: 'deleted'; version: number } | { kind: 'gone' } | { kind: 'conflict'; current: Current };

/** Carries a result out of a transaction that must roll back. */
class Rollback<Result> extends Error {
  constructor(readonly result: Result) {
    super('rollback');
  }
}

async function inTransaction<Result>(db: Kysely<Database>, work: (trx: Transaction<Database>) => Promise<Result>): Promise<Result> {
  try {
    return await db.transaction().execute(work);
  } catch (error) {
    if (error instanceof Rollback) return error.result as Result;
    throw error;
  }
}

/** Takes the citizen's next change position (making the joblog row on the first write) and locks the row. */
async function takePosition(trx: Transaction<Database>, citizenId: string, now: string): Promise<{ seq: number; entryCount: number }> {
  const row = await trx
    .insertInto('joblogs')
    .values({ citizen_id: citizenId, last_seq: 1, entry_count: 0, shared_at: null, changed_at: now })
    .onConflict((oc) => oc.column('citizen_id').doUpdateSet((eb) => ({ last_seq: eb('joblogs.last_seq', '+', 1), changed_at: now })))
    .returning(['last_seq', 'entry_count'])
    .executeTakeFirstOrThrow();
  await joblogHooks.afterPosition();
  return { seq: row.last_seq, entryCount: row.entry_count };
}

export async function readCurrent(db: Kysely<Database> | Transaction<Database>, citizenId: string, id: string): Promise<Current> {
  const row = await db
    .selectFrom('joblog_entries')
    .select(['version', 'deleted', 'document'])
    .where('citizen_id', '=', citizenId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (row === undefined) return { kind: 'none' };
  if (row.deleted === 1 || row.document === null) return { kind: 'tombstone', id, version: row.version };
  return { kind: 'entry', id, version: row.version, document: row.document };
}

/** The write did not apply: the same content already stored is a retry (answered as done), anything else a conflict. */
async function notApplied(trx: Transaction<Database>, citizenId: string, id: string, document: string): Promise<never> {
  const current = await readCurrent(trx, citizenId, id);
  if (current.kind === 'entry' && current.document === document) throw new Rollback<WriteResult>({ kind: 'unchanged', version: current.version, document });
  throw new Rollback<WriteResult>({ kind: 'conflict', current });
}

export type Precondition = { kind: 'create' } | { kind: 'update'; version: number | '*' };

/** Creates (`If-None-Match: *`) or replaces (`If-Match`) one entry. */
export function writeEntry(db: Kysely<Database>, citizenId: string, entry: JoblogEntryBody, precondition: Precondition, now: string): Promise<WriteResult> {
  const document = entryDocument(entry);
  const columns = { document, date: entry.date, type: entry.type, status: entry.status, changed_at: now };
  return inTransaction(db, async (trx): Promise<WriteResult> => {
    const { seq, entryCount } = await takePosition(trx, citizenId, now);
    if (precondition.kind === 'create') {
      if (entryCount >= JOBLOG_MAX_ENTRIES) {
        const current = await readCurrent(trx, citizenId, entry.id);
        if (current.kind !== 'entry') throw new Rollback<WriteResult>({ kind: 'full' });
      }
      // A new id inserts; a tombstone comes back to life with the next version; a live entry is left alone.
      const created = await trx
        .insertInto('joblog_entries')
        .values({ citizen_id: citizenId, id: entry.id, seq, version: 1, deleted: 0, ...columns })
        .onConflict((oc) =>
          oc.columns(['citizen_id', 'id'])
            .doUpdateSet((eb) => ({
              seq, version: eb('joblog_entries.version', '+', 1), deleted: 0,
              document: eb.ref('excluded.document'), date: eb.ref('excluded.date'), type: eb.ref('excluded.type'), status: eb.ref('excluded.status'), changed_at: now,
            }))
            .where('joblog_entries.deleted', '=', 1))
        .returning('version')
        .executeTakeFirst();
      if (created === undefined) return notApplied(trx, citizenId, entry.id, document);
      await trx.updateTable('joblogs').set((eb) => ({ entry_count: eb('entry_count', '+', 1) })).where('citizen_id', '=', citizenId).execute();
      return { kind: 'saved', version: created.version, document };
    }
    let update = trx
      .updateTable('joblog_entries')
      .set((eb) => ({ ...columns, seq, version: eb('version', '+', 1) }))
      .where('citizen_id', '=', citizenId)
      .where('id', '=', entry.id)
      .where('deleted', '=', 0);
    if (precondition.version !== '*') update = update.where('version', '=', precondition.version);
    const updated = await update.returning('version').executeTakeFirst();
    if (updated === undefined) return notApplied(trx, citizenId, entry.id, document);
    return { kind: 'saved', version: updated.version, document };
  });
}

/** Deletes one entry (`If-Match`), leaving a tombstone in the feed. Deleting what is gone is done already. */
export function deleteEntry(db: Kysely<Database>, citizenId: string, id: string, version: number | '*', now: string): Promise<DeleteResult> {
  return inTransaction(db, async (trx): Promise<DeleteResult> => {
    const { seq } = await takePosition(trx, citizenId, now);
    let remove = trx
      .updateTable('joblog_entries')
      .set((eb) => ({ deleted: 1, document: null, date: null, type: null, status: null, changed_at: now, seq, version: eb('version', '+', 1) }))
      .where('citizen_id', '=', citizenId)
      .where('id', '=', id)
      .where('deleted', '=', 0);
    if (version !== '*') remove = remove.where('version', '=', version);
    const removed = await remove.returning('version').executeTakeFirst();
    if (removed === undefined) {
      const current = await readCurrent(trx, citizenId, id);
      throw new Rollback<DeleteResult>(current.kind === 'entry' ? { kind: 'conflict', current } : { kind: 'gone' });
    }
    await trx.updateTable('joblogs').set((eb) => ({ entry_count: eb('entry_count', '-', 1) })).where('citizen_id', '=', citizenId).execute();
    return { kind: 'deleted', version: removed.version };
  });
}

/** One page of the change feed after `position`, as JSON text (the stored texts are not parsed). */
export async function readFeed(db: Kysely<Database>, citizenId: string, position: number, limit: number, cursorOf: (position: number) => string): Promise<string> {
  const rows = await db
    .selectFrom('joblog_entries')
    .select(['id', 'seq', 'version', 'deleted', 'document'])
    .where('citizen_id', '=', citizenId)
    .where('seq', '>', position)
    .orderBy('seq', 'asc')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const items = page.map((row) => (row.deleted === 1 || row.document === null ? tombstoneJson(row.id, row.version) : entryJson(row.document, row.version)));
  const end = page.at(-1)?.seq ?? position;
  return `{"items":[${items.join(',')}],"nextCursor":${JSON.stringify(cursorOf(end))},"hasMore":${String(rows.length > limit)}}`;
}
