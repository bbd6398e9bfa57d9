/// <reference types="node" />
/**
 * The joblog (docs/contract.md "Joblog"): entries with versions decided by the server (create with `If-None-Match: *`,
 * replace and delete with `If-Match`, 428 without, 412 with the server's copy when stale or when writes race, a
 * retried write answered as done), a round trip of every field, field validation, a change feed that gives every
 * change once in order — tombstones included, also while writes are being saved — the consent to share with the
 * assigned caseworker (and to withdraw it), the caseworker's numbers, the requirement, roles and isolation. Every
 * entry the group writes is deleted at the end; the sharing and the requirement are put back.
 */
import { JoblogEtagMismatch, JoblogRequirement, type JoblogChange, type JoblogEntryBody, type JoblogRequirement as RequirementDoc } from '../../schemas/index.js';
import { check, fail, precondition, sleep, type Actor, type RuleContext, type RuleGroup } from '../context.js';
import { describe, expectInvalidAt, expectProblem, isRecord, sameJson, send, type Res } from '../http.js';
import {
  MY_ENTRIES, MY_JOBLOG_SHARE, MY_REQUIREMENT, SHARED_JOBLOGS, cleanupJoblog, createEntry, entryPath, expectEntry, expectShape, feedEnd, firstDifference,
  isoWeekOf, newEntry, putEntry, putRequirement, readEntry, readFeed, readFeedPage, readShare, rememberStart, requireJoblog, requirementPath, shareJoblog,
  sharedEntriesPath, sharedList, todayInCopenhagen, unshareJoblog, withoutVersion,
} from '../joblog.js';
import { actor } from '../notifications.js';
import { describeSchemaErrors } from '../validate.js';

/** A `412 etag-mismatch` whose `current` is the server's copy; answers `current`. */
function expectConflict(res: Res): unknown {
  expectProblem(res, 412, 'etag-mismatch');
  const body = res.body;
  if (!isRecord(body) || !('current' in body)) fail(`${res.method} ${res.path} → 412: the problem has no "current" (the server's copy of the entry: the entry, a tombstone or null)`);
  const errors = describeSchemaErrors(JoblogEtagMismatch, body);
  if (errors !== undefined) fail(`${res.method} ${res.path} → 412: the problem does not match the JoblogEtagMismatch schema: ${errors}`);
  return body.current;
}

/** `current` of a 412 is the entry as stored now (the same fields and version). */
function expectCurrent(current: unknown, expected: JoblogEntryBody & { version: number }, where: string): void {
  if (!isRecord(current) || 'deleted' in current) fail(`${where}: "current" is ${current === undefined ? 'missing' : JSON.stringify(current).slice(0, 80)}, expected the stored entry`);
  check(current.version === expected.version, `${where}: "current" has version ${String(current.version)}, the stored entry has ${String(expected.version)}`);
  const difference = firstDifference(withoutVersion(expected), withoutVersion(current as JoblogEntryBody));
  if (difference !== undefined) fail(`${where}: "current" is not the stored entry (${difference})`);
}

/** A failed write changed nothing: the same entry and ETag as before (or still none). */
async function expectUnchanged(ctx: RuleContext, as: Actor, id: string, before: { entry: JoblogEntryBody; etag: string } | null, after: string): Promise<void> {
  const now = await readEntry(ctx, as, id);
  if (before === null) {
    check(now === null, `${after} created the entry (GET ${entryPath(id)} → 200)`);
    return;
  }
  if (now === null) fail(`${after} deleted the entry (GET ${entryPath(id)} → 404)`);
  check(now.etag === before.etag, `${after} changed the ETag of the entry from ${before.etag} to ${now.etag}`);
  const difference = firstDifference(withoutVersion(before.entry), withoutVersion(now.entry));
  if (difference !== undefined) fail(`${after} changed the entry (${difference})`);
}

/** The last item per id, in the order of those last items (what a client applying the feed in order ends with). */
function lastPerId(items: readonly JoblogChange[]): JoblogChange[] {
  const last = new Map<string, number>();
  items.forEach((item, index) => last.set(item.id, index));
  return items.filter((item, index) => last.get(item.id) === index);
}

/** No (id, version) twice. */
function expectNoRepeats(items: readonly JoblogChange[], where: string): void {
  const seen = new Set<string>();
  for (const item of items) {
    const key = `${item.id}@${String(item.version)}`;
    if (seen.has(key)) fail(`${where}: ${item.id} version ${String(item.version)} came twice`);
    seen.add(key);
  }
}

const summary = (items: readonly JoblogChange[]): string => JSON.stringify(items.map((item) => ('deleted' in item ? `${item.id}@${String(item.version)} (deleted)` : `${item.id}@${String(item.version)}`)));

export const joblog: RuleGroup = {
  name: 'joblog',
  title: 'Joblog (entries, change feed, sharing, requirement)',
  cleanup: cleanupJoblog,
  rules: [
    {
      id: 'joblog.create',
      title: 'PUT /v1/me/joblog/entries/{id} with If-None-Match: * → 200, the entry with its version and a strong ETag "<version>", which GET then gives (If-None-Match → 304); a second create with other content → 412 etag-mismatch carrying the stored entry as current, nothing changed',
      needs: ['citizen'],
      async run(ctx) {
        await requireJoblog(ctx);
        const citizen = actor(ctx.suite, 'citizen');
        const entry = newEntry(ctx.suite, 'create');
        check((await readEntry(ctx, citizen, entry.id)) === null, `GET ${entryPath(entry.id)} of an id never used answered 200`);
        const etag = await createEntry(ctx, citizen, entry);
        const read = await readEntry(ctx, citizen, entry.id);
        if (read === null) fail(`GET ${entryPath(entry.id)} after the create → 404`);
        check(read.etag === etag, `GET ${entryPath(entry.id)} gives the ETag ${read.etag}, the PUT answered ${etag}`);
        const difference = firstDifference(withoutVersion(entry), withoutVersion(read.entry));
        if (difference !== undefined) fail(`GET ${entryPath(entry.id)}: the entry is not the one saved (${difference})`);
        ctx.step(`GET ${entryPath(entry.id)} with If-None-Match: ${etag}`);
        const cached = await send(ctx, 'GET', entryPath(entry.id), { as: citizen, headers: { 'If-None-Match': etag } });
        check(cached.status === 304, `GET ${entryPath(entry.id)} with its current ETag → ${describe(cached)}, expected 304`);
        const current = expectConflict(await putEntry(ctx, citizen, { ...entry, title: 'Truckfører' }, { ifNoneMatch: '*' }));
        expectCurrent(current, read.entry, 'a second create');
        await expectUnchanged(ctx, citizen, entry.id, read, 'a second PUT with If-None-Match: *');
      },
    },
    {
      id: 'joblog.update',
      title: 'PUT with the current If-Match → 200, the new entry with a higher version and a new ETag, which GET then gives',
      needs: ['citizen'],
      async run(ctx) {
        await requireJoblog(ctx);
        const citizen = actor(ctx.suite, 'citizen');
        const entry = newEntry(ctx.suite, 'update');
        const etag = await precondition('create an entry', () => createEntry(ctx, citizen, entry));
        const today = todayInCopenhagen();
        const changed: JoblogEntryBody = { ...entry, status: 'interview', history: [...entry.history, { status: 'interview', outcome: null, on: today }], updatedAt: new Date().toISOString() };
        const saved = expectEntry(await putEntry(ctx, citizen, changed, { ifMatch: etag }), changed, 'the update');
        check(saved.etag !== etag, `PUT ${entryPath(entry.id)} answered the same ETag ${etag} after a change (every change needs a new version)`);
        const read = await readEntry(ctx, citizen, entry.id);
        check(read !== null && read.etag === saved.etag && firstDifference(withoutVersion(changed), withoutVersion(read.entry)) === undefined, `GET ${entryPath(entry.id)} after the update is not the new entry with ETag ${saved.etag}`);
      },
    },
    {
      id: 'joblog.precondition-required',
      title: 'PUT of an entry with neither If-None-Match: * nor If-Match → 428 precondition-required (nothing created or changed); DELETE without If-Match → 428, still there',
      needs: ['citizen'],
      async run(ctx) {
        await requireJoblog(ctx);
        const citizen = actor(ctx.suite, 'citizen');
        const fresh = newEntry(ctx.suite, 'no precondition, new');
        await precondition('remember the feed', () => rememberStart(ctx, citizen));
        expectProblem(await putEntry(ctx, citizen, fresh), 428, 'precondition-required');
        await expectUnchanged(ctx, citizen, fresh.id, null, 'a PUT without a precondition');
        const entry = newEntry(ctx.suite, 'no precondition, existing');
        const etag = await precondition('create an entry', () => createEntry(ctx, citizen, entry));
        expectProblem(await putEntry(ctx, citizen, { ...entry, title: 'Uden betingelse' }), 428, 'precondition-required');
        ctx.step(`DELETE ${entryPath(entry.id)} without If-Match`);
        expectProblem(await send(ctx, 'DELETE', entryPath(entry.id), { as: citizen }), 428, 'precondition-required');
        await expectUnchanged(ctx, citizen, entry.id, { entry, etag }, 'a write without If-Match');
      },
    },
    {
      id: 'joblog.stale-if-match',
      title: 'PUT or DELETE with an If-Match that was current before the last save → 412 etag-mismatch carrying the stored entry as current; nothing changed',
      needs: ['citizen'],
      async run(ctx) {
        await requireJoblog(ctx);
        const citizen = actor(ctx.suite, 'citizen');
        const entry = newEntry(ctx.suite, 'first device');
        const old = await precondition('create an entry', () => createEntry(ctx, citizen, entry));
        const saved = { ...entry, notes: `${entry.notes} Saved on another device.` };
        const stored = await precondition('save it again from "another device"', async () => expectEntry(await putEntry(ctx, citizen, saved, { ifMatch: old }), saved, 'the second save'));
        const current = expectConflict(await putEntry(ctx, citizen, { ...entry, notes: 'stale' }, { ifMatch: old }));
        expectCurrent(current, stored.entry, 'a PUT with a stale If-Match');
        ctx.step(`DELETE ${entryPath(entry.id)} with the stale If-Match: ${old}`);
        expectCurrent(expectConflict(await send(ctx, 'DELETE', entryPath(entry.id), { as: citizen, headers: { 'If-Match': old } })), stored.entry, 'a DELETE with a stale If-Match');
        await expectUnchanged(ctx, citizen, entry.id, stored, 'a write with a stale If-Match');
      },
    },
    {
      id: 'joblog.concurrent-update',
      title: 'four PUTs of one entry with the same (current) If-Match and different content sent at once → exactly one 200, three 412 etag-mismatch; the entry is the winner\'s',
      needs: ['citizen'],
      async run(ctx) {
        await requireJoblog(ctx);
        const citizen = actor(ctx.suite, 'citizen');
        const entry = newEntry(ctx.suite, 'before the race');
        const etag = await precondition('create an entry', () => createEntry(ctx, citizen, entry));
        const versions = [1, 2, 3, 4].map((device) => ({ ...entry, notes: `Device ${String(device)} (run ${ctx.suite.runId}).` }));
        ctx.step(`4 × PUT ${entryPath(entry.id)} with If-Match: ${etag} at once`);
        const answers = await Promise.all(versions.map((body) => send(ctx, 'PUT', entryPath(entry.id), { as: citizen, json: body, headers: { 'If-Match': etag } })));
        const winners = answers.flatMap((answer, index) => (answer.status === 200 ? [index] : []));
        check(winners.length === 1, `${String(winners.length)} of 4 PUTs with the same If-Match were saved (devices ${winners.map((index) => String(index + 1)).join(', ') || 'none'}): exactly one may win; decide the version in the database (UPDATE … WHERE version = ?), not by reading first`);
        for (const answer of answers) if (answer.status !== 200) expectConflict(answer);
        const stored = await readEntry(ctx, citizen, entry.id);
        check(stored !== null && stored.entry.notes === versions[winners[0] ?? 0]?.notes, `GET ${entryPath(entry.id)} after the race is not the entry of the PUT that answered 200`);
      },
    },
    {
      id: 'joblog.retry',
      title: 'a write sent again after it succeeded (its answer lost) is answered as done: the same create → 200 with the same version, the same update with the old If-Match → 200 with the version of the first answer, the same DELETE → 204; the feed gets no extra change',
      needs: ['citizen'],
      async run(ctx) {
        await requireJoblog(ctx);
        const citizen = actor(ctx.suite, 'citizen');
        const entry = newEntry(ctx.suite, 'retry');
        const etag = await precondition('create an entry', () => createEntry(ctx, citizen, entry));
        const again = await putEntry(ctx, citizen, entry, { ifNoneMatch: '*' });
        if (again.status !== 200) fail(`the same create sent again: expected 200 (the entry already is what was asked), got ${describe(again)}`);
        check(expectEntry(again, entry, 'the retried create').etag === etag, `the retried create answered a new version (${String(again.headers.get('etag'))}, first ${etag}): a retry must not write again`);
        const changed = { ...entry, status: 'closed' as const, outcome: 'rejected' as const, history: [...entry.history, { status: 'closed' as const, outcome: 'rejected' as const, on: todayInCopenhagen() }] };
        const first = expectEntry(await putEntry(ctx, citizen, changed, { ifMatch: etag }), changed, 'the update');
        const cursor = await feedEnd(ctx, citizen);
        const retried = await putEntry(ctx, citizen, changed, { ifMatch: etag });
        if (retried.status !== 200) fail(`the same update sent again with its old If-Match: expected 200 (the entry already is what was asked), got ${describe(retried)}`);
        check(expectEntry(retried, changed, 'the retried update').etag === first.etag, `the retried update answered ${String(retried.headers.get('etag'))}, the first answer was ${first.etag}`);
        const feed = await readFeed(ctx, citizen, cursor);
        check(feed.items.length === 0, `the retries added changes to the feed: ${summary(feed.items)}`);
        ctx.step(`DELETE ${entryPath(entry.id)} (If-Match: ${first.etag}), twice`);
        const deleted = await send(ctx, 'DELETE', entryPath(entry.id), { as: citizen, headers: { 'If-Match': first.etag } });
        check(deleted.status === 204, `DELETE → ${describe(deleted)}, expected 204`);
        const deletedAgain = await send(ctx, 'DELETE', entryPath(entry.id), { as: citizen, headers: { 'If-Match': first.etag } });
        check(deletedAgain.status === 204, `the same DELETE again → ${describe(deletedAgain)}, expected 204 (the entry is gone, as asked)`);
      },
    },
    {
      id: 'joblog.round-trip',
      title: 'an application and an activity with every field set (Danish, Arabic, emoji and markup in the text, 4000-character notes, 50 history items, a CV reference) → answered, read back and given by the feed unchanged',
      needs: ['citizen'],
      async run(ctx) {
        await requireJoblog(ctx);
        const citizen = actor(ctx.suite, 'citizen');
        await precondition('remember the feed', () => rememberStart(ctx, citizen));
        const cursor = await feedEnd(ctx, citizen);
        const today = todayInCopenhagen();
        const notes = `Ærø, Åbenrå og Østerbro. العربية 🙂 <img src=x onerror=alert(1)> "citat" \\ ny linje\n${'x'.repeat(3800)}`.slice(0, 4000);
        const application = newEntry(ctx.suite, 'round trip, application', {
          title: 'Truckfører <b>nat</b> & weekend', employer: 'Åkande Lager ApS', postalCode: '8000', town: 'Aarhus C', hoursPerWeek: 18.5,
          applicationKind: 'unsolicited', method: 'temp-agency', source: 'LinkedIn', sourceUrl: 'https://eksempel.dk/job?id=1&ref=jobunivers#top',
          date: '2026-02-28', deadline: '2026-03-15', status: 'closed', outcome: 'hired',
          history: [
            ...Array.from({ length: 47 }, () => ({ status: 'applied' as const, outcome: null, on: '2026-02-28' })),
            { status: 'interview', outcome: null, on: '2026-03-05' },
            { status: 'closed', outcome: 'withdrew', on: '2026-03-06' },
            { status: 'closed', outcome: 'hired', on: '2026-03-09' },
          ],
          notes, cv: { versionId: 'cv-version-7', name: 'CV til lagerjob – kort' },
          createdAt: '2026-02-28T09:15:00.000Z', updatedAt: '2026-03-09T13:45:30.123Z',
        });
        const activity = newEntry(ctx.suite, 'round trip, activity', {
          type: 'activity', title: 'Kursus i truckkørsel', employer: 'AMU', postalCode: '', town: '', hoursPerWeek: null,
          applicationKind: null, method: null, activityKind: 'course', source: '', sourceUrl: '', date: today, status: 'closed',
          history: [{ status: 'closed', outcome: null, on: today }],
        });
        for (const entry of [application, activity]) {
          const saved = expectEntry(await putEntry(ctx, citizen, entry, { ifNoneMatch: '*' }), entry, `the round trip of ${entry.type === 'activity' ? 'an activity' : 'an application'} (PUT answer)`);
          const read = await readEntry(ctx, citizen, entry.id);
          if (read === null) fail(`GET ${entryPath(entry.id)} → 404 after the create`);
          const difference = firstDifference(withoutVersion(entry), withoutVersion(read.entry));
          if (difference !== undefined) fail(`GET ${entryPath(entry.id)}: the round trip changed the entry (${difference})`);
          check(read.etag === saved.etag, `GET gives the ETag ${read.etag}, the PUT answered ${saved.etag}`);
        }
        const feed = await readFeed(ctx, citizen, cursor);
        for (const entry of [application, activity]) {
          const item = feed.items.find((candidate) => candidate.id === entry.id);
          if (item === undefined || 'deleted' in item) fail(`the feed after the creates has no ${entry.id} (${summary(feed.items)})`);
          const difference = firstDifference(withoutVersion(entry), withoutVersion(item));
          if (difference !== undefined) fail(`GET ${MY_ENTRIES}: the feed's copy of ${entry.id} is not the entry saved (${difference})`);
        }
      },
    },
    {
      id: 'joblog.validation',
      title: 'an entry with a postcode of five digits, a month 13, a day the month lacks, an unknown status, a javascript: link, 81 hours, 4001-character notes, 51 history items, an unknown field, or an id other than the path\'s → 400 invalid-request with the pointer; not JSON → 400 malformed-json; nothing created',
      needs: ['citizen'],
      async run(ctx) {
        await requireJoblog(ctx);
        const citizen = actor(ctx.suite, 'citizen');
        const base = newEntry(ctx.suite, 'invalid');
        await precondition('remember the feed', () => rememberStart(ctx, citizen));
        const cases: [string, Record<string, unknown>][] = [
          ['/postalCode', { postalCode: '12345' }],
          ['/date', { date: '2026-13-01' }],
          ['/deadline', { deadline: '2026-02-30' }],
          ['/status', { status: 'pending' }],
          ['/sourceUrl', { sourceUrl: 'javascript:alert(1)' }],
          ['/hoursPerWeek', { hoursPerWeek: 81 }],
          ['/notes', { notes: 'n'.repeat(4001) }],
          ['/history', { history: Array.from({ length: 51 }, () => ({ status: 'applied', outcome: null, on: base.date })) }],
          ['/colour', { colour: 'rød' }],
        ];
        for (const [pointer, patch] of cases) expectInvalidAt(await putEntry(ctx, citizen, { ...base, ...patch }, { ifNoneMatch: '*' }), pointer);
        expectInvalidAt(await putEntry(ctx, citizen, { ...base, id: `${base.id}-other` }, { ifNoneMatch: '*' }, base.id), '/id');
        ctx.step(`PUT ${entryPath(base.id)} with a body that is not JSON`);
        expectProblem(await send(ctx, 'PUT', entryPath(base.id), { as: citizen, body: '{"id": ', contentType: 'application/json', headers: { 'If-None-Match': '*' } }), 400, 'malformed-json');
        await expectUnchanged(ctx, citizen, base.id, null, 'an invalid PUT');
      },
    },
    {
      id: 'joblog.delete',
      title: 'DELETE with the current If-Match → 204: GET → 404, the feed gives a tombstone {id, deleted: true, version} with a higher version; again → 204; a PUT with the old If-Match → 412 with the tombstone as current; If-None-Match: * saves it again with a still higher version',
      needs: ['citizen'],
      async run(ctx) {
        await requireJoblog(ctx);
        const citizen = actor(ctx.suite, 'citizen');
        const entry = newEntry(ctx.suite, 'delete');
        const etag = await precondition('create an entry', () => createEntry(ctx, citizen, entry));
        const version = Number(etag.slice(1, -1));
        const cursor = await feedEnd(ctx, citizen);
        ctx.step(`DELETE ${entryPath(entry.id)} (If-Match: ${etag})`);
        const deleted = await send(ctx, 'DELETE', entryPath(entry.id), { as: citizen, headers: { 'If-Match': etag } });
        check(deleted.status === 204, `DELETE ${entryPath(entry.id)} → ${describe(deleted)}, expected 204`);
        check((await readEntry(ctx, citizen, entry.id)) === null, `GET ${entryPath(entry.id)} after DELETE → 200, expected 404`);
        const feed = await readFeed(ctx, citizen, cursor);
        const tombstone = lastPerId(feed.items).find((item) => item.id === entry.id);
        if (tombstone === undefined) fail(`the feed after the DELETE has no tombstone for ${entry.id} (${summary(feed.items)}): clients must learn about deletions`);
        check('deleted' in tombstone, `the feed gives ${entry.id} after its DELETE as an entry, not as a tombstone {id, deleted: true, version}`);
        check(tombstone.version > version, `the tombstone has version ${String(tombstone.version)}, the entry had ${String(version)} (a deletion is a change: it needs a higher version)`);
        ctx.step(`DELETE ${entryPath(entry.id)} again`);
        const again = await send(ctx, 'DELETE', entryPath(entry.id), { as: citizen, headers: { 'If-Match': etag } });
        check(again.status === 204, `DELETE of a deleted entry → ${describe(again)}, expected 204 (deleting twice is harmless)`);
        const current = expectConflict(await putEntry(ctx, citizen, entry, { ifMatch: etag }));
        check(isRecord(current) && current.deleted === true && current.id === entry.id && current.version === tombstone.version, `PUT with the If-Match of a deleted entry: "current" is ${JSON.stringify(current)}, expected the tombstone ${JSON.stringify(tombstone)}`);
        const recreated = expectEntry(await putEntry(ctx, citizen, entry, { ifNoneMatch: '*' }), entry, 'saving a deleted entry again');
        check(recreated.entry.version > tombstone.version, `the entry saved again has version ${String(recreated.entry.version)}, not higher than its tombstone's ${String(tombstone.version)} (a version must never repeat)`);
      },
    },
    {
      id: 'joblog.feed',
      title: 'GET /v1/me/joblog/entries?since= gives every change after the cursor once, as it is now, in the order of the last changes: an entry updated after the cursor comes again, one not changed does not; limit pages it, hasMore ends it, nextCursor is kept; a foreign cursor → 400 invalid-cursor, limit=0 → 400',
      needs: ['citizen'],
      async run(ctx) {
        await requireJoblog(ctx);
        const citizen = actor(ctx.suite, 'citizen');
        await precondition('remember the feed', () => rememberStart(ctx, citizen));
        const start = await feedEnd(ctx, citizen);
        const a = newEntry(ctx.suite, 'feed A');
        const b = newEntry(ctx.suite, 'feed B');
        const etagA = await precondition('create A', () => createEntry(ctx, citizen, a));
        await precondition('create B', () => createEntry(ctx, citizen, b));
        const first = await readFeed(ctx, citizen, start);
        expectNoRepeats(first.items, `GET ${MY_ENTRIES} after creating A and B`);
        check(sameJson(lastPerId(first.items).map((item) => item.id), [a.id, b.id]), `after creating A then B the feed gives ${summary(first.items)}, expected A then B`);
        const updatedA = expectEntry(await putEntry(ctx, citizen, { ...a, notes: `${a.notes} Changed.` }, { ifMatch: etagA }), { ...a, notes: `${a.notes} Changed.` }, 'the update of A');
        const since = await readFeed(ctx, citizen, first.cursor);
        check(since.items.length === 1 && since.items[0]?.id === a.id && since.items[0].version === updatedA.entry.version,
          `from the cursor after A and B, with A updated since, the feed gives ${summary(since.items)}; expected exactly A@${String(updatedA.entry.version)} (B did not change; an update must come after the cursor it happened after)`);
        const paged = await readFeed(ctx, citizen, start, { limit: 1 });
        expectNoRepeats(paged.items, `GET ${MY_ENTRIES}?limit=1`);
        check(paged.pages.length >= 2, `GET ${MY_ENTRIES}?limit=1 from before A and B answered everything in ${String(paged.pages.length)} page`);
        const versionOfB = first.items.find((item) => item.id === b.id)?.version;
        const expected = [`${b.id}@${String(versionOfB)}`, `${a.id}@${String(updatedA.entry.version)}`];
        check(sameJson(lastPerId(paged.items).map((item) => `${item.id}@${String(item.version)}`), expected),
          `paged with limit=1 from before A and B the feed ends with ${summary(lastPerId(paged.items))}; expected ${JSON.stringify(expected)} (B, then A as updated)`);
        const end = await readFeedPage(ctx, citizen, MY_ENTRIES, paged.cursor);
        check(end.items.length === 0 && !end.hasMore, `from the last nextCursor the feed gives ${summary(end.items)} (hasMore ${String(end.hasMore)}), expected nothing`);
        ctx.step(`GET ${MY_ENTRIES}?since=<a cursor this server never issued>`);
        expectProblem(await send(ctx, 'GET', `${MY_ENTRIES}?since=${encodeURIComponent('bm90LWEtY3Vyc29y.forged')}`, { as: citizen }), 400, 'invalid-cursor');
        ctx.step(`GET ${MY_ENTRIES}?limit=0`);
        expectInvalidAt(await send(ctx, 'GET', `${MY_ENTRIES}?limit=0`, { as: citizen }), '/query/limit');
      },
    },
    {
      id: 'joblog.feed-concurrent',
      title: 'twenty entries saved at once while a client follows the feed from a cursor: when the writes are done the client has seen each of them exactly once (a change committed late never lands behind a cursor already given out)',
      needs: ['citizen'],
      async run(ctx) {
        await requireJoblog(ctx);
        const citizen = actor(ctx.suite, 'citizen');
        await precondition('remember the feed', () => rememberStart(ctx, citizen));
        const start = await feedEnd(ctx, citizen);
        const entries = Array.from({ length: 20 }, (_, index) => newEntry(ctx.suite, `saved at once ${String(index + 1)}`));
        const writing = { on: true };
        const seen: JoblogChange[] = [];
        let pages = 0;
        const reader = (async () => {
          let cursor = start;
          while (writing.on) {
            const page = await readFeedPage(ctx, citizen, MY_ENTRIES, cursor, 5);
            seen.push(...page.items);
            cursor = page.nextCursor;
            pages++;
            if (!page.hasMore) await sleep(3, ctx.signal);
          }
          return cursor;
        })();
        ctx.step(`20 × PUT ${MY_ENTRIES}/{id} with If-None-Match: * at once, while reading the feed`);
        let answers: Res[];
        try {
          answers = await Promise.all(entries.map((entry) => send(ctx, 'PUT', entryPath(entry.id), { as: citizen, json: entry, headers: { 'If-None-Match': '*' } })));
        } finally {
          writing.on = false;
        }
        const cursor = await reader;
        for (const [index, answer] of answers.entries()) if (answer.status !== 200) fail(`PUT ${entryPath(entries[index]?.id ?? '')} → ${describe(answer)}, expected 200`);
        seen.push(...(await readFeed(ctx, citizen, cursor)).items);
        expectNoRepeats(seen, 'the client that followed the feed');
        const missing = entries.filter((entry) => !seen.some((item) => item.id === entry.id));
        check(missing.length === 0, `the client that followed the feed during the writes (${String(pages)} pages) never saw ${String(missing.length)} of the 20 entries (${missing.map((entry) => entry.id).join(', ')}): a change became visible behind a cursor the client already had; order each citizen's changes in the database (a sequence row updated in the same transaction), not by a counter taken before the commit`);
        const later = await readFeed(ctx, citizen, start, { limit: 5 });
        expectNoRepeats(later.items, 'a client reading from the same cursor after the writes, five at a time');
        const ids = later.items.map((item) => item.id);
        check(entries.every((entry) => ids.includes(entry.id)), `a client reading from the cursor before the writes, five at a time, does not get all 20 entries (${summary(later.items)})`);
      },
    },
    {
      id: 'joblog.share',
      title: 'PUT /v1/me/joblog/share {consent: true} → {shared: true, sharedAt}; the assigned caseworker lists the citizen in GET /v1/joblogs and reads the same feed at GET /v1/joblogs/{citizenId}/entries, a later change included; sharing again keeps sharedAt',
      needs: ['citizen', 'caseworker'],
      async run(ctx) {
        await requireJoblog(ctx);
        const citizen = actor(ctx.suite, 'citizen');
        const caseworker = actor(ctx.suite, 'caseworker');
        const entry = newEntry(ctx.suite, 'shared');
        const etag = await precondition('create an entry', () => createEntry(ctx, citizen, entry));
        await precondition('withdraw any earlier sharing', () => unshareJoblog(ctx, citizen));
        const share = await shareJoblog(ctx, citizen);
        const read = await readShare(ctx, citizen);
        check(sameJson(read, share), `GET ${MY_JOBLOG_SHARE} answered ${JSON.stringify(read)} after PUT answered ${JSON.stringify(share)}`);
        const listed = (await sharedList(ctx, caseworker)).items.find((item) => item.citizenId === citizen.id);
        if (listed === undefined) fail(`GET ${SHARED_JOBLOGS} as the citizen's caseworker does not list ${citizen.id} after the citizen shared the joblog`);
        check(listed.sharedAt === share.sharedAt, `GET ${SHARED_JOBLOGS}: sharedAt ${listed.sharedAt}, the citizen's PUT answered ${String(share.sharedAt)}`);
        const path = sharedEntriesPath(citizen.id);
        const theirs = await readFeed(ctx, caseworker, undefined, { path });
        const mine = await readFeed(ctx, citizen);
        check(sameJson(lastPerId(theirs.items), lastPerId(mine.items)), `GET ${path} as the caseworker does not give the citizen's joblog (${String(theirs.items.length)} items, the citizen's feed has ${String(mine.items.length)})`);
        const changed = { ...entry, notes: `${entry.notes} Changed after sharing.` };
        const saved = expectEntry(await putEntry(ctx, citizen, changed, { ifMatch: etag }), changed, 'a change after sharing');
        const later = await readFeed(ctx, caseworker, theirs.cursor, { path });
        const item = later.items.find((candidate) => candidate.id === entry.id);
        check(item !== undefined && !('deleted' in item) && item.version === saved.entry.version && item.notes === changed.notes, `GET ${path} from the caseworker's last cursor does not give the change the citizen saved after sharing (${summary(later.items)})`);
        const again = await shareJoblog(ctx, citizen);
        check(again.sharedAt === share.sharedAt, `sharing again changed sharedAt from ${JSON.stringify(share.sharedAt)} to ${String(again.sharedAt)} (it is the time of the first consent)`);
      },
    },
    {
      id: 'joblog.revoke',
      title: 'DELETE /v1/me/joblog/share → {shared: false, sharedAt: null}; at once the caseworker gets 404 not-found for GET /v1/joblogs/{citizenId}/entries and no longer lists the citizen; again → the same; the entries stay',
      needs: ['citizen', 'caseworker'],
      async run(ctx) {
        await requireJoblog(ctx);
        const citizen = actor(ctx.suite, 'citizen');
        const caseworker = actor(ctx.suite, 'caseworker');
        const entry = newEntry(ctx.suite, 'revoke');
        await precondition('create an entry', () => createEntry(ctx, citizen, entry));
        await precondition('share the joblog', () => shareJoblog(ctx, citizen));
        const revoked = await unshareJoblog(ctx, citizen);
        check(sameJson(revoked, { shared: false, sharedAt: null }), `DELETE ${MY_JOBLOG_SHARE} answered ${JSON.stringify(revoked)}`);
        const path = sharedEntriesPath(citizen.id);
        ctx.step(`GET ${path} as the caseworker after the citizen withdrew the consent`);
        expectProblem(await send(ctx, 'GET', path, { as: caseworker }), 404, 'not-found');
        check(!(await sharedList(ctx, caseworker)).items.some((item) => item.citizenId === citizen.id), `GET ${SHARED_JOBLOGS} still lists ${citizen.id} after the consent was withdrawn`);
        const again = await unshareJoblog(ctx, citizen);
        check(sameJson(again, { shared: false, sharedAt: null }), `DELETE ${MY_JOBLOG_SHARE} a second time answered ${JSON.stringify(again)}`);
        check((await readEntry(ctx, citizen, entry.id)) !== null, `withdrawing the consent deleted the citizen's entry (GET ${entryPath(entry.id)} → 404)`);
      },
    },
    {
      id: 'joblog.share-validation',
      title: 'PUT /v1/me/joblog/share with {consent: false}, {} or an unknown field → 400 invalid-request; still not shared',
      needs: ['citizen'],
      async run(ctx) {
        await requireJoblog(ctx);
        const citizen = actor(ctx.suite, 'citizen');
        await precondition('withdraw any sharing', () => unshareJoblog(ctx, citizen));
        for (const [body, pointer] of [[{ consent: false }, '/consent'], [{}, '/consent'], [{ consent: true, until: '2030-01-01' }, '/until']] as const) {
          ctx.step(`PUT ${MY_JOBLOG_SHARE} ${JSON.stringify(body)}`);
          const res = await send(ctx, 'PUT', MY_JOBLOG_SHARE, { as: citizen, json: body });
          if (pointer === '/until') expectProblem(res, 400, 'invalid-request');
          else expectInvalidAt(res, pointer);
        }
        const share = await readShare(ctx, citizen);
        check(!share.shared, `a refused PUT ${MY_JOBLOG_SHARE} shared the joblog (${JSON.stringify(share)})`);
      },
    },
    {
      id: 'joblog.counts',
      title: 'GET /v1/joblogs counts for this ISO week (Europe/Copenhagen) the applications past "saved" dated this week, activities only when the requirement says so; averagePerWeek over a one-week window equals it, and is null when that week is exempt; requiredPerWeek is perWeek × scale',
      needs: ['citizen', 'caseworker'],
      async run(ctx) {
        await requireJoblog(ctx);
        const citizen = actor(ctx.suite, 'citizen');
        const caseworker = actor(ctx.suite, 'caseworker');
        const requirement: RequirementDoc = { perWeek: 2, scale: 0.5, averageOverWeeks: 1, exemptWeeks: [], activitiesCount: false };
        const setRequirement = async (value: RequirementDoc) => {
          const res = await putRequirement(ctx, caseworker, citizen.id, value);
          if (res.status !== 200) fail(`PUT ${requirementPath(citizen.id)} → ${describe(res)}`);
        };
        await precondition('share the joblog and agree a requirement of 2 a week at half time over one week', async () => {
          await shareJoblog(ctx, citizen);
          await setRequirement(requirement);
        });
        const today = todayInCopenhagen();
        const week = isoWeekOf(today);
        const numbers = async () => {
          const list = await sharedList(ctx, caseworker);
          check(list.week === week, `GET ${SHARED_JOBLOGS}: week ${list.week}, but today (${today} in Europe/Copenhagen) is in ${week}`);
          const item = list.items.find((candidate) => candidate.citizenId === citizen.id);
          if (item === undefined) fail(`GET ${SHARED_JOBLOGS} does not list ${citizen.id}, who shares the joblog`);
          return item;
        };
        const before = await numbers();
        check(before.averageOverWeeks === 1 && before.requiredPerWeek === 1, `with perWeek 2, scale 0.5 and averageOverWeeks 1: averageOverWeeks ${String(before.averageOverWeeks)}, requiredPerWeek ${String(before.requiredPerWeek)} (expected 1 and 1)`);
        await setRequirement({ ...requirement, activitiesCount: true });
        const beforeWithActivities = await numbers();
        for (const [label, patch] of [
          ['applied today', {}],
          ['interview today', { status: 'interview', history: [{ status: 'applied', outcome: null, on: today }, { status: 'interview', outcome: null, on: today }] }],
          ['saved today (does not count)', { status: 'saved', history: [{ status: 'saved', outcome: null, on: today }] }],
          ['a job fair today (counts only when agreed)', { type: 'activity', applicationKind: null, method: null, activityKind: 'job-fair', status: 'closed', history: [{ status: 'closed', outcome: null, on: today }] }],
        ] as const) {
          await precondition(`save an entry: ${label}`, () => createEntry(ctx, citizen, newEntry(ctx.suite, `counts: ${label}`, patch as Partial<JoblogEntryBody>)));
        }
        const withActivities = await numbers();
        check(withActivities.entriesThisWeek === beforeWithActivities.entriesThisWeek + 3, `with activitiesCount true, after saving two applications, one saved application and one activity dated today, entriesThisWeek went from ${String(beforeWithActivities.entriesThisWeek)} to ${String(withActivities.entriesThisWeek)} (expected + 3: a saved application does not count)`);
        await setRequirement(requirement);
        const after = await numbers();
        check(after.entriesThisWeek === before.entriesThisWeek + 2, `with activitiesCount false, entriesThisWeek went from ${String(before.entriesThisWeek)} to ${String(after.entriesThisWeek)} after the same entries (expected + 2: neither a saved application nor an activity counts)`);
        check(after.averagePerWeek === after.entriesThisWeek, `with averageOverWeeks 1 averagePerWeek is ${String(after.averagePerWeek)}, expected this week's ${String(after.entriesThisWeek)}`);
        await setRequirement({ ...requirement, exemptWeeks: [{ week, reason: 'sickness' }] });
        const exempt = await numbers();
        check(exempt.averagePerWeek === null, `with this week (${week}) exempt and a one-week window, averagePerWeek is ${String(exempt.averagePerWeek)}, expected null`);
      },
    },
    {
      id: 'joblog.requirement',
      title: 'the caseworker PUTs a requirement for an assigned citizen → 200 with it and an ETag; the citizen reads the same at GET /v1/me/joblog/requirement; perWeek 11, scale 0, averageOverWeeks 9, week 2026-W54 or reason "vacation" → 400 with the pointer; If-None-Match: * while one is agreed → 412 etag-mismatch and nothing changes; DELETE → the citizen gets 404, and If-None-Match: * then agrees a new one',
      needs: ['citizen', 'caseworker'],
      async run(ctx) {
        await requireJoblog(ctx);
        const citizen = actor(ctx.suite, 'citizen');
        const caseworker = actor(ctx.suite, 'caseworker');
        const requirement: RequirementDoc = { perWeek: 1.5, scale: 0.75, averageOverWeeks: 4, exemptWeeks: [{ week: '2026-W52', reason: 'holiday' }, { week: '2027-W02', reason: 'exemption' }], activitiesCount: true };
        const set = await putRequirement(ctx, caseworker, citizen.id, requirement);
        const stored = expectShape(set, 200, JoblogRequirement, 'JoblogRequirement');
        check(sameJson(stored, requirement), `PUT ${requirementPath(citizen.id)} answered ${JSON.stringify(stored)}, not the requirement sent`);
        check(set.headers.get('etag') !== null, `PUT ${requirementPath(citizen.id)}: no ETag`);
        ctx.step(`GET ${MY_REQUIREMENT} as the citizen`);
        const read = expectShape(await send(ctx, 'GET', MY_REQUIREMENT, { as: citizen }), 200, JoblogRequirement, 'JoblogRequirement');
        check(sameJson(read, requirement), `GET ${MY_REQUIREMENT} answered ${JSON.stringify(read)}, not what the caseworker agreed`);
        const cases: [string, Record<string, unknown>][] = [
          ['/perWeek', { perWeek: 11 }],
          ['/scale', { scale: 0 }],
          ['/averageOverWeeks', { averageOverWeeks: 9 }],
          ['/exemptWeeks/0/week', { exemptWeeks: [{ week: '2026-W54', reason: 'holiday' }] }],
          ['/exemptWeeks/0/reason', { exemptWeeks: [{ week: '2026-W48', reason: 'vacation' }] }],
        ];
        for (const [pointer, patch] of cases) expectInvalidAt(await putRequirement(ctx, caseworker, citizen.id, { ...requirement, ...patch }), pointer);
        // A colleague who agrees "the first" requirement after one exists must not overwrite it.
        expectProblem(await putRequirement(ctx, caseworker, citizen.id, { ...requirement, perWeek: 3 }, { 'If-None-Match': '*' }), 412, 'etag-mismatch');
        const after = expectShape(await send(ctx, 'GET', MY_REQUIREMENT, { as: citizen }), 200, JoblogRequirement, 'JoblogRequirement');
        check(sameJson(after, requirement), `a refused PUT changed the requirement to ${JSON.stringify(after)}`);
        ctx.step(`DELETE ${requirementPath(citizen.id)} as the caseworker`);
        const removed = await send(ctx, 'DELETE', requirementPath(citizen.id), { as: caseworker });
        check(removed.status === 204, `DELETE ${requirementPath(citizen.id)} → ${describe(removed)}, expected 204`);
        ctx.step(`GET ${MY_REQUIREMENT} as the citizen after the requirement ended`);
        expectProblem(await send(ctx, 'GET', MY_REQUIREMENT, { as: citizen }), 404, 'not-found');
        const first = await putRequirement(ctx, caseworker, citizen.id, requirement, { 'If-None-Match': '*' });
        expectShape(first, 200, JoblogRequirement, 'JoblogRequirement');
        ctx.step(`DELETE ${requirementPath(citizen.id)} as the caseworker (the new one; the run puts back the original)`);
        await send(ctx, 'DELETE', requirementPath(citizen.id), { as: caseworker });
      },
    },
    {
      id: 'joblog.caseworker-forbidden',
      title: 'no token on /v1/me/joblog/entries → 401; a caseworker token on the citizen\'s feed, entry, requirement and share (GET, PUT, DELETE) → 403 forbidden',
      needs: ['caseworker'],
      async run(ctx) {
        await requireJoblog(ctx);
        const caseworker = actor(ctx.suite, 'caseworker');
        ctx.step(`GET ${MY_ENTRIES} without a token`);
        expectProblem(await send(ctx, 'GET', MY_ENTRIES), 401, 'unauthenticated');
        const entry = newEntry(ctx.suite, 'caseworker');
        const calls: [string, string, { json?: unknown; headers?: Record<string, string> }][] = [
          ['GET', MY_ENTRIES, {}],
          ['GET', entryPath(entry.id), {}],
          ['PUT', entryPath(entry.id), { json: entry, headers: { 'If-None-Match': '*' } }],
          ['DELETE', entryPath(entry.id), { headers: { 'If-Match': '"1"' } }],
          ['GET', MY_REQUIREMENT, {}],
          ['GET', MY_JOBLOG_SHARE, {}],
          ['PUT', MY_JOBLOG_SHARE, { json: { consent: true } }],
          ['DELETE', MY_JOBLOG_SHARE, {}],
        ];
        for (const [method, path, options] of calls) {
          ctx.step(`${method} ${path} as the caseworker`);
          expectProblem(await send(ctx, method, path, { as: caseworker, ...options }), 403, 'forbidden');
        }
      },
    },
    {
      id: 'joblog.citizen-forbidden',
      title: 'a citizen token on GET /v1/joblogs, GET /v1/joblogs/{citizenId}/entries (even their own, shared joblog) and GET/PUT /v1/joblogs/{citizenId}/requirement → 403 forbidden; no token → 401',
      needs: ['citizen'],
      async run(ctx) {
        await requireJoblog(ctx);
        const citizen = actor(ctx.suite, 'citizen');
        await precondition('share the joblog', () => shareJoblog(ctx, citizen));
        const requirement: RequirementDoc = { perWeek: 0, scale: 1, averageOverWeeks: 4, exemptWeeks: [], activitiesCount: true };
        for (const [method, path, json] of [['GET', SHARED_JOBLOGS, undefined], ['GET', sharedEntriesPath(citizen.id), undefined], ['GET', requirementPath(citizen.id), undefined], ['PUT', requirementPath(citizen.id), requirement]] as const) {
          ctx.step(`${method} ${path} without a token`);
          expectProblem(await send(ctx, method, path, json === undefined ? {} : { json }), 401, 'unauthenticated');
          ctx.step(`${method} ${path} as the citizen`);
          expectProblem(await send(ctx, method, path, json === undefined ? { as: citizen } : { as: citizen, json }), 403, 'forbidden');
        }
      },
    },
    {
      id: 'joblog.isolation',
      title: 'another citizen never gets the citizen\'s entries (GET → 404, not in their feed); a caseworker gets 404 for an unknown citizen, and for a citizen not assigned to them who shares a joblog (entries and requirement), and does not list them',
      needs: ['citizen', 'otherCitizen', 'caseworker'],
      async run(ctx) {
        await requireJoblog(ctx);
        const citizen = actor(ctx.suite, 'citizen');
        const other = actor(ctx.suite, 'otherCitizen');
        const caseworker = actor(ctx.suite, 'caseworker');
        const entry = newEntry(ctx.suite, `isolation, ${citizen.id}`);
        await precondition('save an entry and share the joblog', async () => {
          await createEntry(ctx, citizen, entry);
          await shareJoblog(ctx, citizen);
        });
        check((await readEntry(ctx, other, entry.id)) === null, `GET ${entryPath(entry.id)} as the other citizen ${other.id} answered the citizen's entry`);
        const theirs = await readFeed(ctx, other);
        check(!theirs.items.some((item) => item.id === entry.id), `GET ${MY_ENTRIES} as the other citizen ${other.id} gives the citizen's entry ${entry.id}`);
        const nobody = `conformance-nobody-${ctx.suite.runId}`;
        for (const path of [sharedEntriesPath(nobody), requirementPath(nobody)]) {
          ctx.step(`GET ${path} as the caseworker`);
          expectProblem(await send(ctx, 'GET', path, { as: caseworker }), 404, 'not-found');
        }
        if (ctx.suite.otherCitizenAssigned !== false) {
          ctx.note(`the run does not know that ${other.id} is not assigned to ${caseworker.id} (use --demo), so a shared joblog of someone else's citizen was not tried`);
          return;
        }
        await precondition('save an entry for the other citizen and share it', async () => {
          await createEntry(ctx, other, newEntry(ctx.suite, `isolation, ${other.id}`));
          await shareJoblog(ctx, other);
        });
        for (const path of [sharedEntriesPath(other.id), requirementPath(other.id)]) {
          ctx.step(`GET ${path} as a caseworker the other citizen is not assigned to`);
          expectProblem(await send(ctx, 'GET', path, { as: caseworker }), 404, 'not-found');
        }
        const list = await sharedList(ctx, caseworker);
        check(!list.items.some((item) => item.citizenId === other.id), `GET ${SHARED_JOBLOGS} lists ${other.id}, who is not assigned to ${caseworker.id}`);
        check(list.items.some((item) => item.citizenId === citizen.id), `GET ${SHARED_JOBLOGS} does not list the caseworker's own citizen ${citizen.id}, who shares the joblog`);
      },
    },
  ],
};
