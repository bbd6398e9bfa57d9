// The joblog on both databases: entries with versions decided by the database (If-None-Match: * / If-Match, 428,
// 412 with the server's copy, retries answered as done), a change feed that never skips or repeats a change —
// also while two writers save at once — and pages through 10,000 entries quickly, tombstones, the 20,000-entry
// limit, the consent to share, the caseworker's list with the requirement meter's numbers (ISO weeks in
// Europe/Copenhagen), the requirement, roles and logs.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  JOBLOG_ACTIVITY_KINDS, JOBLOG_APPLICATION_KINDS, JOBLOG_APPLY_METHODS, JOBLOG_ENTRY_TYPES, JOBLOG_EXEMPTION_REASONS, JOBLOG_OUTCOMES, JOBLOG_STATUSES,
  JoblogEntry, JoblogEntryBody, JoblogEtagMismatch, JoblogFeed, JoblogRequirement, JoblogShare, SharedJoblogList,
  type JoblogChange, type JoblogEntryBody as EntryBody, type JoblogRequirement as Requirement, type SharedJoblog,
} from '@jobunivers/contract';
// The widget's model is the source of truth for the entry: the contract must take what it makes, and the other way round.
import {
  ACTIVITY_KINDS, APPLICATION_KINDS, APPLY_METHODS, ENTRY_TYPES, EXEMPTION_REASONS, OUTCOMES, STATUSES, newEntry, type JoblogEntry as ModelEntry, type Requirement as ModelRequirement,
} from '../../joblog/src/model/entry.js';
import { localDate } from '../src/booking/zone.js';
import { entryDocument, joblogHooks } from '../src/joblog/store.js';
import { isoWeekOf, joblogClock, meterNumbers } from '../src/joblog/weeks.js';
import { demoJoblog } from '../src/seed.js';
import { assertProblem, assertSchema, bearer, forEachDatabase, startServer, type TestServer } from './helpers.js';

/** `true` exactly when the two types are the same (checked by the compiler). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const entryMirrorsModel: Same<Omit<EntryBody, 'version'>, ModelEntry> = true;
const requirementMirrorsModel: Same<Requirement, ModelRequirement> = true;

describe('the joblog contract mirrors the widget\'s model', () => {
  test('the same fields and types (checked by the compiler), the same enums, and every new entry of the model is a valid body', () => {
    assert.deepEqual([entryMirrorsModel, requirementMirrorsModel], [true, true]);
    assert.deepEqual([...JOBLOG_ENTRY_TYPES], [...ENTRY_TYPES]);
    assert.deepEqual([...JOBLOG_APPLICATION_KINDS], [...APPLICATION_KINDS]);
    assert.deepEqual([...JOBLOG_APPLY_METHODS], [...APPLY_METHODS]);
    assert.deepEqual([...JOBLOG_ACTIVITY_KINDS], [...ACTIVITY_KINDS]);
    assert.deepEqual([...JOBLOG_STATUSES], [...STATUSES]);
    assert.deepEqual([...JOBLOG_OUTCOMES], [...OUTCOMES]);
    assert.deepEqual([...JOBLOG_EXEMPTION_REASONS], [...EXEMPTION_REASONS]);
    for (const type of ENTRY_TYPES) assertSchema(JoblogEntryBody, newEntry(new Date('2026-11-26T09:00:00Z'), '2026-11-26', type));
  });
});

describe('the requirement meter\'s arithmetic', () => {
  const requirement = (patch: Partial<Requirement> = {}): Requirement => ({ perWeek: 1.5, scale: 1, averageOverWeeks: 4, exemptWeeks: [], activitiesCount: false, ...patch });
  const applied = (date: string) => ({ date, type: 'application', status: 'applied' });

  test('ISO weeks: Monday starts the week; the week belongs to the year of its Thursday (2026 has 53 weeks)', () => {
    assert.equal(isoWeekOf('2026-11-23'), '2026-W48');
    assert.equal(isoWeekOf('2026-11-29'), '2026-W48');
    assert.equal(isoWeekOf('2026-11-30'), '2026-W49');
    assert.equal(isoWeekOf('2026-12-31'), '2026-W53');
    assert.equal(isoWeekOf('2027-01-03'), '2026-W53');
    assert.equal(isoWeekOf('2027-01-04'), '2027-W01');
    assert.equal(isoWeekOf('2025-12-29'), '2026-W01');
    assert.equal(isoWeekOf('2026-03-29'), '2026-W13', 'the Sunday the clocks go forward');
  });

  test('this week and the average over the window; exempt weeks left out; saved and (unless agreed) activities not counted', () => {
    const entries = [
      applied('2026-11-26'), applied('2026-11-23'), { date: '2026-11-24', type: 'application', status: 'saved' }, { date: '2026-11-25', type: 'activity', status: 'closed' },
      applied('2026-11-17'), applied('2026-11-18'), applied('2026-11-19'),
      applied('2026-11-04'),
      applied('2026-10-20'),
    ];
    const first = '2026-10-20';
    // W48: 2 (+ saved, activity), W47: 3, W46: 0 (exempt), W45: 1, W43: outside.
    const numbers = meterNumbers(entries, requirement({ exemptWeeks: [{ week: '2026-W46', reason: 'holiday' }] }), '2026-11-26', first);
    assert.deepEqual(numbers, { entriesThisWeek: 2, averagePerWeek: 2, averageOverWeeks: 4, requiredPerWeek: 1.5 });
    assert.equal(meterNumbers(entries, requirement(), '2026-11-26', first).averagePerWeek, 1.5, 'without the exemption: 6 / 4');
    assert.equal(meterNumbers(entries, requirement({ activitiesCount: true }), '2026-11-26', first).entriesThisWeek, 3);
    const savedActivity = { date: '2026-11-24', type: 'activity', status: 'saved' };
    assert.equal(meterNumbers([...entries, savedActivity], requirement({ activitiesCount: true }), '2026-11-26', first).entriesThisWeek, 3, 'a planned (saved) activity does not count');
    assert.deepEqual(meterNumbers(entries, null, '2026-11-26', first), { entriesThisWeek: 2, averagePerWeek: 1.5, averageOverWeeks: 4, requiredPerWeek: null });
    assert.equal(meterNumbers(entries, requirement({ averageOverWeeks: 1, exemptWeeks: [{ week: '2026-W48', reason: 'sickness' }] }), '2026-11-26', first).averagePerWeek, null, 'every week exempt');
    assert.equal(meterNumbers(entries, requirement({ perWeek: 2, scale: 0.5 }), '2026-11-26', first).requiredPerWeek, 1, 'part-time');
    assert.equal(meterNumbers([applied('2026-11-23'), applied('2026-11-24'), applied('2026-11-16')], requirement({ averageOverWeeks: 3 }), '2026-11-26', '2026-11-02').averagePerWeek, 1, 'rounded to two decimals: 3 / 3');
    assert.equal(meterNumbers([applied('2026-11-23'), applied('2026-11-24')], requirement({ averageOverWeeks: 3 }), '2026-11-26', '2026-11-02').averagePerWeek, 0.67);
  });

  test('weeks before the citizen\'s first entry are left out of the window (the log did not exist yet), as in the widget', () => {
    const thisWeek = [applied('2026-11-23'), applied('2026-11-24')];
    assert.equal(meterNumbers(thisWeek, requirement(), '2026-11-26', '2026-11-23').averagePerWeek, 2, 'started this week: 2 / 1');
    assert.equal(meterNumbers([...thisWeek, applied('2026-11-20')], requirement(), '2026-11-26', '2026-11-20').averagePerWeek, 1.5, 'started last week: 3 / 2');
    assert.equal(meterNumbers([], requirement(), '2026-11-26', null).averagePerWeek, 0, 'no entries: this week only');
    assert.equal(meterNumbers(thisWeek, requirement(), '2026-11-26', '2026-12-24').averagePerWeek, 2, 'a first entry dated in the future starts the window this week');
  });
});

describe('Lars\'s demo joblog', () => {
  test('is the same for the same moment, has entries in four of the last five weeks (none in his holiday week) and none in the future, not even changed later today', () => {
    for (const now of ['2026-11-26T09:00:00Z', '2026-11-23T00:30:00Z', '2026-03-29T23:30:00Z', '2027-01-03T20:00:00Z']) {
      const first = demoJoblog(new Date(now));
      assert.deepEqual(demoJoblog(new Date(now)), first);
      const { entries, requirement } = first;
      assert.equal(entries.length, 12);
      for (const entry of entries) assertSchema(JoblogEntryBody, entry);
      const today = localDate(Date.parse(now));
      assert.ok(entries.every((entry) => entry.date <= today && entry.history.every((change) => change.on <= today)), `nothing after ${today} (${now})`);
      assert.ok(entries.every((entry) => entry.createdAt <= entry.updatedAt && Date.parse(entry.updatedAt) < Date.parse(now)), `no change stamped after ${now}`);
      assert.equal(requirement.exemptWeeks.length, 1);
      const holiday = requirement.exemptWeeks[0].week;
      assert.ok(entries.every((entry) => isoWeekOf(entry.date) !== holiday));
      assert.equal(new Set(entries.map((entry) => isoWeekOf(entry.date))).size, 4);
      assert.deepEqual(new Set(entries.map((entry) => entry.outcome ?? entry.status)), new Set(['applied', 'rejected', 'interview', 'closed', 'saved']));
      const firstDate = entries.map((entry) => entry.date).sort()[0] ?? today;
      assert.deepEqual(meterNumbers(entries, requirement, today, firstDate), { entriesThisWeek: 1, averagePerWeek: 2, averageOverWeeks: 4, requiredPerWeek: 1.5 });
    }
  });
});

/** A valid application (the model's defaults with a title), with `patch` on top. */
function entryOf(patch: Partial<EntryBody> = {}): EntryBody {
  const base = newEntry(new Date('2026-11-24T09:30:00.000Z'), '2026-11-24');
  return { ...base, title: 'Lagermedarbejder', employer: 'Eksempel Lager A/S', postalCode: '9999', town: 'Eksempelby', ...patch };
}

forEachDatabase('the joblog', (target) => {
  let server: TestServer;
  let drop: () => Promise<void>;
  let citizenCount = 0;

  before(async () => {
    const created = await target.create();
    drop = created.drop;
    server = await startServer(created.setting, { env: { RATE_LIMIT: '1000000' } });
  });
  after(async () => {
    await server.close();
    await drop();
  });

  let listening: Promise<string> | undefined;
  /** The server over real connections (listening once for the suite). */
  const baseUrlOf = (): Promise<string> => (listening ??= server.listen());

  /** A new citizen assigned to caseworker-1 (Mette), so tests never share a joblog. */
  const newCitizen = async (firstName = 'Borger'): Promise<{ id: string; token: string }> => {
    const id = `citizen-joblog-${String(++citizenCount)}`;
    await server.database.db.insertInto('users').values({ id, role: 'citizen', first_name: firstName, team_id: null, description: null }).execute();
    await server.database.db.insertInto('assignments').values({ caseworker_id: 'caseworker-1', citizen_id: id }).execute();
    return { id, token: await server.token(id, 'citizen') };
  };

  const call = (token: string | undefined, method: 'GET' | 'PUT' | 'DELETE', url: string, options: { payload?: unknown; headers?: Record<string, string> } = {}) =>
    server.app.inject({
      method,
      url,
      headers: { ...(token === undefined ? {} : bearer(token)), ...(options.payload === undefined ? {} : { 'content-type': 'application/json' }), ...options.headers },
      ...(options.payload === undefined ? {} : { payload: typeof options.payload === 'string' ? options.payload : JSON.stringify(options.payload) }),
    });
  const entryUrl = (id: string) => `/v1/me/joblog/entries/${id}`;
  const put = (token: string, entry: EntryBody, headers: Record<string, string>) => call(token, 'PUT', entryUrl(entry.id), { payload: entry, headers });
  const create = async (token: string, entry: EntryBody = entryOf()): Promise<string> => {
    const res = await put(token, entry, { 'if-none-match': '*' });
    assert.equal(res.statusCode, 200, res.body);
    return String(res.headers.etag);
  };
  /** Reads the feed from `cursor` to the end; answers the items and the last cursor. */
  const readAll = async (token: string, cursor?: string, limit?: number, url = '/v1/me/joblog/entries', name = 'since'): Promise<{ items: JoblogChange[]; cursor: string; pages: number }> => {
    const items: JoblogChange[] = [];
    let next = cursor;
    for (let pages = 1; ; pages++) {
      const query = new URLSearchParams();
      if (next !== undefined) query.set(name, next);
      if (limit !== undefined) query.set('limit', String(limit));
      const res = await call(token, 'GET', `${url}?${query.toString()}`);
      assert.equal(res.statusCode, 200, res.body);
      const page = res.json<JoblogFeed>();
      items.push(...page.items);
      next = page.nextCursor;
      if (!page.hasMore) return { items, cursor: next, pages };
    }
  };
  const stored = (citizenId: string) => server.database.db.selectFrom('joblog_entries').selectAll().where('citizen_id', '=', citizenId).orderBy('seq').execute();
  const joblogRow = (citizenId: string) => server.database.db.selectFrom('joblogs').selectAll().where('citizen_id', '=', citizenId).executeTakeFirst();

  test('the demo seed gives Lars twelve entries, his requirement, and shares them with Mette (not Jonas)', async () => {
    const lars = await server.token('citizen-1');
    const { items } = await readAll(lars);
    assert.equal(items.length, 12);
    for (const item of items) assertSchema(JoblogEntry, item);
    const entries = items as JoblogEntry[];
    assert.ok(entries.some((entry) => entry.status === 'interview'));
    assert.ok(entries.some((entry) => entry.outcome === 'rejected'));
    assert.ok(entries.some((entry) => entry.type === 'activity'));
    const requirement = await call(lars, 'GET', '/v1/me/joblog/requirement');
    assert.equal(requirement.statusCode, 200);
    assert.equal(requirement.headers.etag, '"1"');
    assertSchema(JoblogRequirement, requirement.json());
    assert.equal(requirement.json<Requirement>().perWeek, 1.5);
    assert.equal(requirement.json<Requirement>().exemptWeeks[0]?.reason, 'holiday');
    assert.equal((await call(lars, 'GET', '/v1/me/joblog/share')).json<JoblogShare>().shared, true);
    const mette = await server.token('caseworker-1');
    const list = (await call(mette, 'GET', '/v1/joblogs')).json<SharedJoblogList>();
    assertSchema(SharedJoblogList, list);
    const larsRow = list.items.find((item) => item.citizenId === 'citizen-1');
    assert.deepEqual(larsRow && { firstName: larsRow.firstName, entriesThisWeek: larsRow.entriesThisWeek, averagePerWeek: larsRow.averagePerWeek, requiredPerWeek: larsRow.requiredPerWeek, entryCount: larsRow.entryCount },
      { firstName: 'Lars', entriesThisWeek: 1, averagePerWeek: 2, requiredPerWeek: 1.5, entryCount: 12 });
    assert.equal((await readAll(mette, undefined, undefined, '/v1/joblogs/citizen-1/entries', 'cursor')).items.length, 12);
    const jonas = await server.token('caseworker-2');
    assert.deepEqual((await call(jonas, 'GET', '/v1/joblogs')).json<SharedJoblogList>().items, []);
    assertProblem(await call(jonas, 'GET', '/v1/joblogs/citizen-1/entries'), 404, 'not-found');
  });

  test('creates with If-None-Match: *, answers the entry with version 1 and its ETag; GET gives it (304 when current)', async () => {
    const { token } = await newCitizen();
    const entry = entryOf({ notes: 'Ærø ✓ العربية 🙂 <script>alert(1)</script>', hoursPerWeek: 18.5, cv: { versionId: 'cv-1', name: 'CV til lagerjob' } });
    const res = await put(token, entry, { 'if-none-match': '*' });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers.etag, '"1"');
    assert.deepEqual(res.json(), { ...entry, version: 1 });
    assertSchema(JoblogEntry, res.json());
    const read = await call(token, 'GET', entryUrl(entry.id));
    assert.equal(read.statusCode, 200);
    assert.equal(read.headers.etag, '"1"');
    assert.deepEqual(read.json(), { ...entry, version: 1 });
    const notModified = await call(token, 'GET', entryUrl(entry.id), { headers: { 'if-none-match': '"1"' } });
    assert.equal(notModified.statusCode, 304);
    assertProblem(await call(token, 'GET', entryUrl('no-such-entry')), 404, 'not-found');
  });

  test('a second create is 412 with the server\'s copy; the same create sent again is answered as done (a retry)', async () => {
    const { id, token } = await newCitizen();
    const entry = entryOf();
    await create(token, entry);
    const conflict = assertProblem(await put(token, { ...entry, title: 'Noget andet' }, { 'if-none-match': '*' }), 412, 'etag-mismatch');
    assertSchema(JoblogEtagMismatch, conflict);
    assert.deepEqual(conflict.current, { ...entry, version: 1 });
    const before = await stored(id);
    const retry = await put(token, entry, { 'if-none-match': '*' });
    assert.equal(retry.statusCode, 200, retry.body);
    assert.equal(retry.headers.etag, '"1"');
    assert.deepEqual(await stored(id), before, 'a retry changes nothing and adds no change to the feed');
  });

  test('replaces with the current If-Match (version + 1); a stale one is 412 with the current entry; a retried update is answered as done', async () => {
    const { id, token } = await newCitizen();
    const entry = entryOf();
    const first = await create(token, entry);
    const applied = { ...entry, status: 'interview' as const, history: [...entry.history, { status: 'interview' as const, outcome: null, on: '2026-11-30' }], updatedAt: '2026-11-30T08:00:00.000Z' };
    const updated = await put(token, applied, { 'if-match': first });
    assert.equal(updated.statusCode, 200, updated.body);
    assert.equal(updated.headers.etag, '"2"');
    assert.deepEqual(updated.json(), { ...applied, version: 2 });
    const before = await stored(id);
    const stale = assertProblem(await put(token, { ...entry, notes: 'fra den anden telefon' }, { 'if-match': first }), 412, 'etag-mismatch');
    assert.deepEqual(stale.current, { ...applied, version: 2 });
    assert.match(String(stale.detail), /If-Match/);
    assert.deepEqual(await stored(id), before);
    const retried = await put(token, applied, { 'if-match': first });
    assert.equal(retried.statusCode, 200, 'the stale If-Match of a retry whose first attempt was saved');
    assert.equal(retried.headers.etag, '"2"');
    assert.deepEqual(await stored(id), before);
    // `version` in the body is ignored; `If-Match: *` replaces any live version; a weak or listed tag never matches.
    assert.equal((await put(token, { ...applied, notes: 'stjerne', version: 99 }, { 'if-match': '*' })).headers.etag, '"3"');
    assertProblem(await put(token, applied, { 'if-match': 'W/"3"' }), 412, 'etag-mismatch');
    assertProblem(await put(token, applied, { 'if-match': '"2", "3"' }), 412, 'etag-mismatch');
    const unknown = assertProblem(await put(token, entryOf(), { 'if-match': '"1"' }), 412, 'etag-mismatch');
    assert.equal(unknown.current, null, 'If-Match on an id the server does not have');
  });

  test('a write needs exactly one precondition: none → 428 (PUT and DELETE), If-None-Match other than * → 428, both → 400', async () => {
    const { id, token } = await newCitizen();
    const entry = entryOf();
    assertProblem(await put(token, entry, {}), 428, 'precondition-required');
    assert.deepEqual(await stored(id), [], 'nothing created without a precondition');
    const etag = await create(token, entry);
    const before = await stored(id);
    assert.match(String(assertProblem(await put(token, { ...entry, title: 'x' }, {}), 428, 'precondition-required').detail), /If-Match/);
    assertProblem(await put(token, { ...entry, title: 'x' }, { 'if-none-match': etag }), 428, 'precondition-required');
    const both = assertProblem(await put(token, entry, { 'if-match': etag, 'if-none-match': '*' }), 400, 'invalid-request');
    assert.deepEqual((both.errors as { pointer: string }[]).map((error) => error.pointer), ['/headers/if-none-match']);
    assertProblem(await call(token, 'DELETE', entryUrl(entry.id)), 428, 'precondition-required');
    assert.deepEqual(await stored(id), before);
  });

  test('every field is checked: enums, lengths, dates (real days too), http(s) links, hours, history; the path\'s id; unknown fields; nothing changed', async () => {
    const { id, token } = await newCitizen();
    const entry = entryOf();
    const etag = await create(token, entry);
    const before = await stored(id);
    const invalid = async (patch: Record<string, unknown>, pointers: string[], path = entry.id) => {
      const res = await call(token, 'PUT', entryUrl(path), { payload: { ...entry, ...patch }, headers: { 'if-match': etag } });
      const problem = assertProblem(res, 400, 'invalid-request');
      const got = (problem.errors as { pointer: string }[]).map((error) => error.pointer);
      for (const pointer of pointers) assert.ok(got.includes(pointer), `${pointer} in ${JSON.stringify(got)} for ${JSON.stringify(patch).slice(0, 80)}`);
    };
    await invalid({ type: 'job' }, ['/type']);
    await invalid({ status: 'pending' }, ['/status']);
    await invalid({ outcome: 'ghosted' }, ['/outcome']);
    await invalid({ method: 'email' }, ['/method']);
    await invalid({ applicationKind: 'other' }, ['/applicationKind']);
    await invalid({ activityKind: 'party' }, ['/activityKind']);
    await invalid({ postalCode: '12345' }, ['/postalCode']);
    await invalid({ postalCode: 'DK-9999' }, ['/postalCode']);
    await invalid({ date: '2026-13-01' }, ['/date']);
    await invalid({ date: '24/11/2026' }, ['/date']);
    await invalid({ date: '2026-02-30' }, ['/date']);
    await invalid({ deadline: '2026-11-31' }, ['/deadline']);
    await invalid({ history: [{ status: 'applied', outcome: null, on: '2026-02-29' }] }, ['/history/0/on']);
    await invalid({ history: Array.from({ length: 51 }, () => ({ status: 'applied', outcome: null, on: '2026-11-24' })) }, ['/history']);
    await invalid({ history: [{ status: 'applied', outcome: null, on: '2026-11-24', by: 'x' }] }, ['/history/0/by']);
    await invalid({ sourceUrl: 'javascript:alert(1)' }, ['/sourceUrl']);
    await invalid({ sourceUrl: 'www.jobnet.dk/annonce' }, ['/sourceUrl']);
    await invalid({ sourceUrl: 'ftp://eksempel.dk/job' }, ['/sourceUrl']);
    await invalid({ sourceUrl: `https://eksempel.dk/${'a'.repeat(2000)}` }, ['/sourceUrl']);
    await invalid({ hoursPerWeek: 80.5 }, ['/hoursPerWeek']);
    await invalid({ hoursPerWeek: -1 }, ['/hoursPerWeek']);
    await invalid({ hoursPerWeek: '37' }, ['/hoursPerWeek']);
    await invalid({ title: 't'.repeat(201) }, ['/title']);
    await invalid({ notes: 'n'.repeat(4001) }, ['/notes']);
    await invalid({ cv: { versionId: '', name: 'CV' } }, ['/cv']);
    await invalid({ createdAt: 'i går' }, ['/createdAt']);
    await invalid({ colour: 'rød' }, ['/colour']);
    await invalid({}, ['/id'], 'another-id');
    const withoutTitle: Partial<EntryBody> = { ...entry };
    delete withoutTitle.title;
    const missing = assertProblem(await call(token, 'PUT', entryUrl(entry.id), { payload: withoutTitle, headers: { 'if-match': etag } }), 400, 'invalid-request');
    assert.ok((missing.errors as { pointer: string }[]).some((error) => error.pointer === '/title'));
    assertProblem(await call(token, 'PUT', entryUrl(entry.id), { payload: '{"id":', headers: { 'if-match': etag } }), 400, 'malformed-json');
    assertProblem(await call(token, 'PUT', entryUrl(entry.id), { payload: '{}', headers: { 'if-match': etag, 'content-type': 'text/plain' } }), 415, 'unsupported-media-type');
    assert.deepEqual(await stored(id), before);
    // The limits themselves are fine.
    const longest = { ...entry, title: 't'.repeat(200), notes: 'æ'.repeat(4000), sourceUrl: `https://eksempel.dk/${'a'.repeat(1980)}`, hoursPerWeek: 80, history: Array.from({ length: 50 }, () => ({ status: 'applied' as const, outcome: null, on: '2026-02-28' })) };
    const saved = await put(token, longest, { 'if-match': etag });
    assert.equal(saved.statusCode, 200, saved.body);
    assert.deepEqual(saved.json(), { ...longest, version: 2 });
  });

  test('DELETE with If-Match leaves a tombstone in the feed; deleting again is done already; a re-create gets the next version', async () => {
    const { id, token } = await newCitizen();
    const entry = entryOf();
    const etag = await create(token, entry);
    const updated = await put(token, { ...entry, notes: 'ny' }, { 'if-match': etag });
    const { cursor } = await readAll(token);
    const stale = assertProblem(await call(token, 'DELETE', entryUrl(entry.id), { headers: { 'if-match': etag } }), 412, 'etag-mismatch');
    assert.deepEqual(stale.current, { ...entry, notes: 'ny', version: 2 });
    const deleted = await call(token, 'DELETE', entryUrl(entry.id), { headers: { 'if-match': String(updated.headers.etag) } });
    assert.equal(deleted.statusCode, 204);
    assert.equal(deleted.body, '');
    assertProblem(await call(token, 'GET', entryUrl(entry.id)), 404, 'not-found');
    const feed = await readAll(token, cursor);
    assert.deepEqual(feed.items, [{ id: entry.id, deleted: true, version: 3 }]);
    assert.equal((await stored(id))[0]?.document, null, 'nothing of the content is kept');
    assert.equal((await call(token, 'DELETE', entryUrl(entry.id), { headers: { 'if-match': '"2"' } })).statusCode, 204, 'deleting twice is harmless');
    assert.equal((await call(token, 'DELETE', entryUrl('never-there'), { headers: { 'if-match': '"1"' } })).statusCode, 204);
    assert.deepEqual((await readAll(token, feed.cursor)).items, [], 'and adds nothing to the feed');
    const gone = assertProblem(await put(token, entry, { 'if-match': '"2"' }), 412, 'etag-mismatch');
    assert.deepEqual(gone.current, { id: entry.id, deleted: true, version: 3 });
    const again = await put(token, entry, { 'if-none-match': '*' });
    assert.equal(again.statusCode, 200);
    assert.equal(again.headers.etag, '"4"', 'versions never repeat for an id');
    assert.equal((await joblogRow(id))?.entry_count, 1);
  });

  test('the feed: each entry once, in the order of its last change; pages by limit; nextCursor always given; bad cursors and limits are 400', async () => {
    const { token } = await newCitizen();
    const start = await readAll(token);
    assert.deepEqual(start.items, []);
    const [a, b, c] = [entryOf({ title: 'A' }), entryOf({ title: 'B' }), entryOf({ title: 'C' })];
    const etagA = await create(token, a);
    await create(token, b);
    const middle = (await readAll(token, start.cursor)).cursor;
    await create(token, c);
    await put(token, { ...a, notes: 'opdateret' }, { 'if-match': etagA });
    const all = await readAll(token);
    assert.deepEqual(all.items.map((item) => [item.id, item.version]), [[b.id, 1], [c.id, 1], [a.id, 2]]);
    const paged = await readAll(token, start.cursor, 1);
    assert.deepEqual(paged.items, all.items);
    assert.equal(paged.pages, 3);
    assert.deepEqual((await readAll(token, middle)).items.map((item) => item.id), [c.id, a.id], 'after the middle cursor: only what changed since');
    const end = await call(token, 'GET', `/v1/me/joblog/entries?since=${encodeURIComponent(all.cursor)}`);
    assert.deepEqual(end.json(), { items: [], nextCursor: all.cursor, hasMore: false }, 'an up-to-date client keeps its cursor');
    assert.equal(end.headers['cache-control'], 'no-store');
    assertProblem(await call(token, 'GET', '/v1/me/joblog/entries?since=not-a-cursor'), 400, 'invalid-cursor');
    assertProblem(await call(token, 'GET', '/v1/me/joblog/entries?limit=0'), 400, 'invalid-request');
    assertProblem(await call(token, 'GET', '/v1/me/joblog/entries?limit=1001'), 400, 'invalid-request');
    assert.equal((await call(token, 'GET', '/v1/me/joblog/entries?limit=1000')).statusCode, 200);
  });

  test('two PUTs with the same If-Match at once: exactly one 200, the other 412, over real connections; eight creates of one id: one wins', async () => {
    const { token } = await newCitizen();
    const baseUrl = await baseUrlOf();
    const entry = entryOf();
    const send = (headers: Record<string, string>, body: EntryBody) =>
      fetch(`${baseUrl}${entryUrl(body.id)}`, { method: 'PUT', headers: { ...bearer(token), 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    let etag = await create(token, entry);
    for (let round = 0; round < 10; round++) {
      const answers = await Promise.all([send({ 'if-match': etag }, { ...entry, notes: `A${String(round)}` }), send({ 'if-match': etag }, { ...entry, notes: `B${String(round)}` })]);
      assert.deepEqual(answers.map((answer) => answer.status).sort(), [200, 412], `round ${String(round)}`);
      const winner = answers.find((answer) => answer.status === 200);
      const notes = (await winner?.json() as EntryBody).notes;
      const current = await call(token, 'GET', entryUrl(entry.id));
      assert.equal(current.json<EntryBody>().notes, notes, 'the stored entry is the winner\'s');
      etag = String(current.headers.etag);
      assert.equal(etag, `"${String(round + 2)}"`);
    }
    const fresh = entryOf();
    const creates = await Promise.all(Array.from({ length: 8 }, (_, index) => send({ 'if-none-match': '*' }, { ...fresh, notes: String(index) })));
    assert.deepEqual(creates.map((answer) => answer.status).sort(), [200, 412, 412, 412, 412, 412, 412, 412]);
  });

  test('two writers saving 50 entries each at once never make the feed skip or repeat a change, read from a cursor taken during the writes', async () => {
    const { id, token } = await newCitizen();
    const baseUrl = await baseUrlOf();
    // 50 entries exist; writer 1 creates 50 more while writer 2 updates the first 50.
    const existing = Array.from({ length: 50 }, (_, index) => entryOf({ title: `Før ${String(index)}` }));
    for (const entry of existing) await create(token, entry);
    const start = (await readAll(token)).cursor;
    const fresh = Array.from({ length: 50 }, (_, index) => entryOf({ title: `Ny ${String(index)}` }));
    // Hold each transaction open a little after it took its position, so writes overlap as they would under load.
    joblogHooks.afterPosition = () => new Promise((resolve) => setTimeout(resolve, Math.random() * 4));
    const send = (headers: Record<string, string>, body: EntryBody) =>
      fetch(`${baseUrl}${entryUrl(body.id)}`, { method: 'PUT', headers: { ...bearer(token), 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    const readPage = async (cursor: string) => {
      const res = await fetch(`${baseUrl}/v1/me/joblog/entries?since=${encodeURIComponent(cursor)}&limit=7`, { headers: bearer(token) });
      assert.equal(res.status, 200);
      return (await res.json()) as JoblogFeed;
    };
    const writing = { on: true };
    const pagesDuringWrites: JoblogFeed[] = [];
    const reader = (async () => {
      let cursor = start;
      while (writing.on) {
        const page = await readPage(cursor);
        pagesDuringWrites.push(page);
        cursor = page.nextCursor;
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      return cursor;
    })();
    try {
      const writes = await Promise.all([
        ...fresh.map((entry) => send({ 'if-none-match': '*' }, entry)),
        ...existing.map((entry) => send({ 'if-match': '"1"' }, { ...entry, notes: 'ændret' })),
      ]);
      assert.deepEqual([...new Set(writes.map((write) => write.status))], [200]);
    } finally {
      writing.on = false;
      joblogHooks.afterPosition = () => Promise.resolve();
    }
    const readerCursor = await reader;
    const seenByReader = [...pagesDuringWrites.flatMap((page) => page.items), ...(await readAll(token, readerCursor)).items];
    const key = (item: JoblogChange) => `${item.id}@${String(item.version)}`;
    const expected = [...fresh.map((entry) => `${entry.id}@1`), ...existing.map((entry) => `${entry.id}@2`)].sort();
    assert.deepEqual(seenByReader.map(key).sort(), expected, 'the reader that followed the writes saw every change exactly once');
    assert.ok(pagesDuringWrites.length >= 2, `the reader read ${String(pagesDuringWrites.length)} pages during the writes`);
    // A client that kept a cursor from the middle of the writes and reads on now: what it had plus what it reads is everything, once.
    const middle = Math.floor(pagesDuringWrites.length / 2);
    const hadAtMiddle = pagesDuringWrites.slice(0, middle + 1).flatMap((page) => page.items).map(key);
    const afterMiddle = (await readAll(token, pagesDuringWrites[middle].nextCursor, 5)).items.map(key);
    assert.deepEqual([...hadAtMiddle, ...afterMiddle].sort(), expected, 'up to the middle cursor and after it: every change once');
    assert.equal((await readAll(token, start)).items.length, 100);
    const positions = (await stored(id)).map((row) => row.seq);
    assert.equal(new Set(positions).size, positions.length);
    console.log(`[${target.name}] 2 × 50 writes at once with a reader: ${String(pagesDuringWrites.length)} pages read during the writes, every change seen once`);
  });

  test('pages through 10,000 entries in reasonable time', async () => {
    const { id, token } = await newCitizen();
    const { db } = server.database;
    const total = 10_000;
    const rows = Array.from({ length: total }, (_, index) => {
      const entry = entryOf({ title: `Lagermedarbejder ${String(index)}`, notes: 'Søgt via Jobnet. '.repeat(10), date: `2026-${String(1 + (index % 12)).padStart(2, '0')}-1${String(index % 10)}` });
      return { citizen_id: id, id: entry.id, seq: index + 1, version: 1, deleted: 0, document: entryDocument(entry), date: entry.date, type: entry.type, status: entry.status, changed_at: entry.updatedAt };
    });
    for (let index = 0; index < total; index += 500) await db.insertInto('joblog_entries').values(rows.slice(index, index + 500)).execute();
    await db.insertInto('joblogs').values({ citizen_id: id, last_seq: total, entry_count: total, shared_at: null, changed_at: null }).execute();
    for (const limit of [1000, 200]) {
      const started = performance.now();
      const { items, pages } = await readAll(token, undefined, limit);
      const ms = performance.now() - started;
      assert.equal(items.length, total);
      assert.equal(new Set(items.map((item) => item.id)).size, total);
      assert.deepEqual(items.slice(0, 3).map((item) => item.id), rows.slice(0, 3).map((row) => row.id), 'in change order');
      console.log(`[${target.name}] 10,000 entries through the feed with limit ${String(limit)}: ${String(pages)} pages in ${ms.toFixed(0)} ms`);
      assert.ok(ms < 15_000, `${ms.toFixed(0)} ms`);
    }
  });

  test(`a joblog holds at most 20,000 entries: a create beyond is a clear 400; changes and deletions still work; the count stays right`, async () => {
    const { id, token } = await newCitizen();
    const [first, second, third] = [entryOf(), entryOf(), entryOf()];
    const [firstEtag, secondEtag, thirdEtag] = [await create(token, first), await create(token, second), await create(token, third)];
    assert.equal((await call(token, 'DELETE', entryUrl(first.id), { headers: { 'if-match': firstEtag } })).statusCode, 204);
    assert.equal((await joblogRow(id))?.entry_count, 2);
    await create(token, first);
    assert.equal((await joblogRow(id))?.entry_count, 3, 'a re-created entry counts again');
    // Pretend the joblog is full (20,000 rows would only slow the test down).
    await server.database.db.updateTable('joblogs').set({ entry_count: 20_000 }).where('citizen_id', '=', id).execute();
    const full = assertProblem(await put(token, entryOf(), { 'if-none-match': '*' }), 400, 'invalid-request');
    assert.deepEqual((full.errors as { pointer: string; code: string }[]).map((error) => [error.pointer, error.code]), [['', 'maxItems']]);
    assert.match(String(full.detail), /20,000/);
    assert.equal((await put(token, { ...second, notes: 'stadig muligt' }, { 'if-match': secondEtag })).statusCode, 200, 'changing an entry still works');
    assert.equal((await put(token, third, { 'if-none-match': '*' })).statusCode, 200, 'a retried create of an entry that exists is still answered');
    assert.equal((await call(token, 'DELETE', entryUrl(third.id), { headers: { 'if-match': thirdEtag } })).statusCode, 204);
    assert.equal((await put(token, entryOf(), { 'if-none-match': '*' })).statusCode, 200, 'after a deletion there is room again');
  });

  test('sharing: consent of true only; the assigned caseworker then lists the citizen and reads the feed (read-only) until it is withdrawn', async () => {
    const { id, token } = await newCitizen('Karin');
    const mette = await server.token('caseworker-1');
    const jonas = await server.token('caseworker-2');
    const notShared = { shared: false, sharedAt: null };
    assert.deepEqual((await call(token, 'GET', '/v1/me/joblog/share')).json(), notShared);
    for (const payload of [{ consent: false }, {}, { consent: true, until: '2027-01-01' }, { consent: 'true' }]) {
      assertProblem(await call(token, 'PUT', '/v1/me/joblog/share', { payload }), 400, 'invalid-request');
    }
    assertProblem(await call(mette, 'GET', `/v1/joblogs/${id}/entries`), 404, 'not-found');
    const shared = await call(token, 'PUT', '/v1/me/joblog/share', { payload: { consent: true } });
    assert.equal(shared.statusCode, 200, 'an empty joblog may be shared');
    const share = shared.json<JoblogShare>();
    assertSchema(JoblogShare, share);
    assert.equal(share.shared, true);
    await new Promise((resolve) => setTimeout(resolve, 5));
    assert.deepEqual((await call(token, 'PUT', '/v1/me/joblog/share', { payload: { consent: true } })).json(), share, 'sharing again keeps the first sharedAt');
    assert.deepEqual((await call(token, 'GET', '/v1/me/joblog/share')).json(), share);
    let listed = (await call(mette, 'GET', '/v1/joblogs')).json<SharedJoblogList>().items.find((item) => item.citizenId === id);
    assert.deepEqual(listed && { firstName: listed.firstName, entryCount: listed.entryCount, lastChangedAt: listed.lastChangedAt, sharedAt: listed.sharedAt }, { firstName: 'Karin', entryCount: 0, lastChangedAt: null, sharedAt: share.sharedAt });
    const entry = entryOf();
    await create(token, entry);
    const seen = await readAll(mette, undefined, undefined, `/v1/joblogs/${id}/entries`, 'cursor');
    assert.deepEqual(seen.items, [{ ...entry, version: 1 }]);
    assert.deepEqual(seen.items, (await readAll(token)).items, 'the same feed as the citizen\'s');
    listed = (await call(mette, 'GET', '/v1/joblogs')).json<SharedJoblogList>().items.at(0);
    assert.equal(listed?.citizenId, id, 'the most recently changed joblog comes first');
    assertProblem(await call(jonas, 'GET', `/v1/joblogs/${id}/entries`), 404, 'not-found');
    assert.equal((await call(jonas, 'GET', '/v1/joblogs')).json<SharedJoblogList>().items.some((item) => item.citizenId === id), false);
    for (const method of ['PUT', 'DELETE'] as const) assertProblem(await call(mette, method, `/v1/joblogs/${id}/entries`), 405, 'method-not-allowed');
    const revoked = await call(token, 'DELETE', '/v1/me/joblog/share');
    assert.deepEqual(revoked.json(), notShared);
    assertProblem(await call(mette, 'GET', `/v1/joblogs/${id}/entries`), 404, 'not-found');
    assert.equal((await call(mette, 'GET', '/v1/joblogs')).json<SharedJoblogList>().items.some((item) => item.citizenId === id), false);
    assert.deepEqual((await call(token, 'DELETE', '/v1/me/joblog/share')).json(), notShared, 'withdrawing twice is harmless');
    assert.equal((await readAll(token)).items.length, 1, 'withdrawing keeps the joblog');
  });

  test('the caseworker\'s numbers count ISO weeks of the entries\' dates with "this week" in Europe/Copenhagen', async () => {
    const { id, token } = await newCitizen();
    const mette = await server.token('caseworker-1');
    assert.equal((await call(token, 'PUT', '/v1/me/joblog/share', { payload: { consent: true } })).statusCode, 200);
    const numbers = async (): Promise<SharedJoblog & { week: string }> => {
      const list = (await call(mette, 'GET', '/v1/joblogs')).json<SharedJoblogList>();
      const item = list.items.find((candidate) => candidate.citizenId === id);
      assert.ok(item);
      return { ...item, week: list.week };
    };
    const setRequirement = async (requirement: Requirement) => {
      assert.equal((await call(mette, 'PUT', `/v1/joblogs/${id}/requirement`, { payload: requirement })).statusCode, 200);
    };
    for (const [date, type, status] of [['2026-03-29', 'application', 'applied'], ['2026-03-30', 'application', 'interview'], ['2026-03-30', 'application', 'saved'], ['2026-03-31', 'activity', 'closed'], ['2026-03-24', 'application', 'closed']] as const) {
      await create(token, entryOf({ date, type, status, history: [{ status, outcome: null, on: date }] }));
    }
    const clock = joblogClock.now;
    try {
      // Sunday 29 March 2026, 23:30 UTC is Monday 30 March 01:30 in Copenhagen (summer time began that night): week 14.
      joblogClock.now = () => Date.parse('2026-03-29T23:30:00Z');
      let seen = await numbers();
      assert.equal(seen.week, '2026-W14');
      assert.deepEqual([seen.entriesThisWeek, seen.averagePerWeek, seen.averageOverWeeks, seen.requiredPerWeek], [1, 1.5, 4, null], 'W14: 1 (saved and the activity do not count); 3 over the 2 weeks since the first entry');
      // An hour earlier it is still Sunday in Copenhagen: week 13.
      joblogClock.now = () => Date.parse('2026-03-29T21:30:00Z');
      seen = await numbers();
      assert.deepEqual([seen.week, seen.entriesThisWeek], ['2026-W13', 2]);
      joblogClock.now = () => Date.parse('2026-03-31T10:00:00Z');
      await setRequirement({ perWeek: 2, scale: 0.5, averageOverWeeks: 2, exemptWeeks: [], activitiesCount: true });
      seen = await numbers();
      assert.deepEqual([seen.entriesThisWeek, seen.averagePerWeek, seen.averageOverWeeks, seen.requiredPerWeek], [2, 2, 2, 1], 'activities count when agreed; part-time');
      await setRequirement({ perWeek: 2, scale: 1, averageOverWeeks: 2, exemptWeeks: [{ week: '2026-W13', reason: 'sickness' }], activitiesCount: false });
      seen = await numbers();
      assert.deepEqual([seen.entriesThisWeek, seen.averagePerWeek], [1, 1], 'the exempt week is left out of the average');
      await setRequirement({ perWeek: 2, scale: 1, averageOverWeeks: 1, exemptWeeks: [{ week: '2026-W14', reason: 'holiday' }], activitiesCount: false });
      assert.equal((await numbers()).averagePerWeek, null, 'every week of the window exempt');
      joblogClock.now = () => Date.parse('2027-01-01T12:00:00Z');
      assert.equal((await numbers()).week, '2026-W53');
    } finally {
      joblogClock.now = clock;
    }
  });

  test('the requirement: set by the assigned caseworker, read by the citizen; 404 until agreed; validated; optional If-Match', async () => {
    const { id, token } = await newCitizen();
    const mette = await server.token('caseworker-1');
    const jonas = await server.token('caseworker-2');
    const url = `/v1/joblogs/${id}/requirement`;
    assertProblem(await call(token, 'GET', '/v1/me/joblog/requirement'), 404, 'not-found');
    assertProblem(await call(mette, 'GET', url), 404, 'not-found');
    const requirement: Requirement = { perWeek: 1.5, scale: 0.5, averageOverWeeks: 4, exemptWeeks: [{ week: '2026-W52', reason: 'holiday' }, { week: '2027-W01', reason: 'exemption' }], activitiesCount: true };
    const set = await call(mette, 'PUT', url, { payload: requirement });
    assert.equal(set.statusCode, 200, set.body);
    assert.equal(set.headers.etag, '"1"');
    assert.deepEqual(set.json(), requirement);
    const read = await call(token, 'GET', '/v1/me/joblog/requirement');
    assert.deepEqual([read.statusCode, read.headers.etag, read.json()], [200, '"1"', requirement]);
    assert.equal((await call(token, 'GET', '/v1/me/joblog/requirement', { headers: { 'if-none-match': '"1"' } })).statusCode, 304);
    assert.deepEqual((await call(mette, 'GET', url)).json(), requirement);
    const changed = await call(mette, 'PUT', url, { payload: { ...requirement, perWeek: 2 }, headers: { 'if-match': '"1"' } });
    assert.equal(changed.headers.etag, '"2"');
    assertProblem(await call(mette, 'PUT', url, { payload: requirement, headers: { 'if-match': '"1"' } }), 412, 'etag-mismatch');
    const invalid = async (patch: Record<string, unknown>, pointer: string) => {
      const problem = assertProblem(await call(mette, 'PUT', url, { payload: { ...requirement, ...patch } }), 400, 'invalid-request');
      assert.ok((problem.errors as { pointer: string }[]).some((error) => error.pointer === pointer), `${pointer} in ${JSON.stringify(problem.errors)}`);
    };
    await invalid({ perWeek: 10.5 }, '/perWeek');
    await invalid({ perWeek: -1 }, '/perWeek');
    await invalid({ scale: 0 }, '/scale');
    await invalid({ scale: 1.5 }, '/scale');
    await invalid({ averageOverWeeks: 9 }, '/averageOverWeeks');
    await invalid({ averageOverWeeks: 2.5 }, '/averageOverWeeks');
    await invalid({ exemptWeeks: [{ week: '2026-W54', reason: 'holiday' }] }, '/exemptWeeks/0/week');
    await invalid({ exemptWeeks: [{ week: '2026-48', reason: 'holiday' }] }, '/exemptWeeks/0/week');
    await invalid({ exemptWeeks: [{ week: '2026-W48', reason: 'vacation' }] }, '/exemptWeeks/0/reason');
    await invalid({ activitiesCount: 'yes' }, '/activitiesCount');
    await invalid({ note: 'x' }, '/note');
    assert.deepEqual((await call(token, 'GET', '/v1/me/joblog/requirement')).json<Requirement>().perWeek, 2, 'nothing changed');
    for (const method of ['GET', 'PUT', 'DELETE'] as const) {
      assertProblem(await call(jonas, method, url, method === 'PUT' ? { payload: requirement } : {}), 404, 'not-found');
    }
    assertProblem(await call(mette, 'GET', '/v1/joblogs/citizen-3/requirement'), 404, 'not-found');
    const removed = await call(mette, 'DELETE', url);
    assert.equal(removed.statusCode, 204);
    assertProblem(await call(token, 'GET', '/v1/me/joblog/requirement'), 404, 'not-found');
  });

  test('two caseworkers agreeing the first requirement at once with If-None-Match: * — the database lets exactly one win', async () => {
    const { id, token } = await newCitizen();
    const mette = await server.token('caseworker-1');
    const url = `/v1/joblogs/${id}/requirement`;
    const base: Requirement = { perWeek: 1, scale: 1, averageOverWeeks: 4, exemptWeeks: [], activitiesCount: false };
    const attempts = await Promise.all([1, 2, 3, 4, 5, 6].map((perWeek) =>
      call(mette, 'PUT', url, { payload: { ...base, perWeek }, headers: { 'if-none-match': '*' } })));
    const won = attempts.filter((response) => response.statusCode === 200);
    assert.equal(won.length, 1, attempts.map((response) => response.statusCode).join(','));
    for (const lost of attempts.filter((response) => response.statusCode !== 200)) assertProblem(lost, 412, 'etag-mismatch');
    assert.equal(won[0]?.headers.etag, '"1"');
    const stored = (await call(token, 'GET', '/v1/me/joblog/requirement')).json<Requirement>();
    assert.equal(stored.perWeek, won[0]?.json<Requirement>().perWeek, 'the winner is what the citizen reads');
    assertProblem(await call(mette, 'PUT', url, { payload: base, headers: { 'if-none-match': '*', 'if-match': '"1"' } }), 400, 'invalid-request');
    assertProblem(await call(mette, 'PUT', url, { payload: base, headers: { 'if-none-match': '"1"' } }), 400, 'invalid-request');
  });

  test('roles: no token → 401; a caseworker on the citizen\'s joblog → 403; a citizen on the caseworker\'s routes → 403', async () => {
    const { token } = await newCitizen();
    const mette = await server.token('caseworker-1');
    const citizenRoutes = [['GET', '/v1/me/joblog/entries'], ['GET', entryUrl('e-1')], ['PUT', entryUrl('e-1')], ['DELETE', entryUrl('e-1')], ['GET', '/v1/me/joblog/requirement'], ['GET', '/v1/me/joblog/share'], ['PUT', '/v1/me/joblog/share'], ['DELETE', '/v1/me/joblog/share']] as const;
    const caseworkerRoutes = [['GET', '/v1/joblogs'], ['GET', '/v1/joblogs/citizen-1/entries'], ['GET', '/v1/joblogs/citizen-1/requirement'], ['PUT', '/v1/joblogs/citizen-1/requirement'], ['DELETE', '/v1/joblogs/citizen-1/requirement']] as const;
    for (const [method, url] of [...citizenRoutes, ...caseworkerRoutes]) assertProblem(await call(undefined, method, url), 401, 'unauthenticated');
    for (const [method, url] of citizenRoutes) assertProblem(await call(mette, method, url), 403, 'forbidden');
    for (const [method, url] of caseworkerRoutes) assertProblem(await call(token, method, url), 403, 'forbidden');
  });

  test('entry ids belong to their citizen: another citizen neither sees nor changes them', async () => {
    const first = await newCitizen();
    const second = await newCitizen();
    const entry = entryOf();
    await create(first.token, entry);
    assertProblem(await call(second.token, 'GET', entryUrl(entry.id)), 404, 'not-found');
    assert.deepEqual((await readAll(second.token)).items, []);
    const theirs = { ...entry, title: 'Deres egen' };
    assert.equal((await put(second.token, theirs, { 'if-none-match': '*' })).statusCode, 200, 'the same id is another citizen\'s own entry');
    assert.equal((await call(first.token, 'GET', entryUrl(entry.id))).json<EntryBody>().title, entry.title);
  });

  test('a citizen\'s joblog goes when the citizen is deleted', async () => {
    const { id, token } = await newCitizen();
    await create(token);
    await call(token, 'PUT', '/v1/me/joblog/share', { payload: { consent: true } });
    await call(await server.token('caseworker-1'), 'PUT', `/v1/joblogs/${id}/requirement`, { payload: { perWeek: 1, scale: 1, averageOverWeeks: 4, exemptWeeks: [], activitiesCount: false } });
    await server.database.db.deleteFrom('users').where('id', '=', id).execute();
    assert.deepEqual(await stored(id), []);
    assert.equal(await joblogRow(id), undefined);
    assert.equal(await server.database.db.selectFrom('joblog_requirements').select('citizen_id').where('citizen_id', '=', id).executeTakeFirst(), undefined);
  });

  test('logs never carry an entry\'s content, its id or the citizen\'s id', async () => {
    const { id, token } = await newCitizen('Hemmeligfornavn');
    const entry = entryOf({ id: 'hemmelig-entry-id', title: 'Hemmelig titel', employer: 'Hemmelig arbejdsgiver', notes: 'Hemmelige noter' });
    const etag = await create(token, entry);
    await put(token, { ...entry, notes: 'Hemmelig ændring' }, { 'if-match': etag });
    await put(token, { ...entry, notes: 'Hemmelig konflikt' }, { 'if-match': etag });
    await put(token, { ...entry, sourceUrl: 'javascript:hemmelig' }, { 'if-match': etag });
    await call(token, 'PUT', '/v1/me/joblog/share', { payload: { consent: true } });
    const mette = await server.token('caseworker-1');
    await call(mette, 'GET', '/v1/joblogs');
    await call(mette, 'GET', `/v1/joblogs/${id}/entries`);
    const logs = server.logs.join('\n');
    assert.ok(logs.includes('"route":"/v1/me/joblog/entries/:id"'), 'the requests were logged');
    assert.ok(logs.includes('"route":"/v1/joblogs/:citizenId/entries"'));
    for (const secret of ['Hemmelig', 'hemmelig', id]) assert.equal(logs.includes(secret), false, secret);
  });
});
