// The CV on both databases: a JSON Resume document stored and answered exactly as sent (unknown fields and
// x-jobunivers included), versions decided by the database (two writes with the same If-Match: exactly one wins),
// the consent to share it with the assigned caseworkers, revoking and deleting, roles, limits and logs.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CvShare, JsonResume, SharedCvList, type SharedCv } from '@jobunivers/contract';
import { DEMO_CV } from '../src/seed.js';
import { assertProblem, assertSchema, bearer, forEachDatabase, startServer, type TestServer } from './helpers.js';

/** A CV with everything a round trip must keep: other tools' fields at every level, x-jobunivers, Danish, Arabic and emoji. */
const RICH_CV = {
  $schema: 'https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json',
  basics: {
    name: 'Åse Ærø-Østergaard', label: 'Lagermedarbejder', email: 'ase@', url: 'www.eksempel.dk',
    location: { city: 'Vejle', countryCode: 'DK', kommune: 'Vejle Kommune' },
    profiles: [{ network: 'LinkedIn', username: 'ase', verified: true }],
    pronouns: 'hun',
  },
  work: [
    { name: 'Bilka', position: 'Lagermedarbejder', startDate: '2019-03', highlights: ['Truck', 'Plukning'], 'x-other-tool': { rating: 5 } },
    { name: 'Netto', position: 'Opfylder', startDate: '2015', endDate: '2019-02-28' },
  ],
  languages: [{ language: 'العربية', fluency: 'Modersmål' }, { language: 'Dansk', fluency: 'B2 🙂' }],
  projects: [{ name: 'Flytning af lager', roles: ['Holdleder'], startDate: '2021-05' }],
  meta: { version: 'v1.0.0', theme: 'even' },
  'x-jobunivers': { version: 1, jobTitles: [{ id: 'a1', title: 'Truckfører' }], hidden: { work: [{ id: 'w9', name: 'Skjult job' }] }, nested: [[1, 2], { deep: null }] },
  'x-vendor': [1, 'to', { tre: 3 }],
};

forEachDatabase('the CV', (target) => {
  let server: TestServer;
  let drop: () => Promise<void>;
  let citizenCount = 0;

  before(async () => {
    const created = await target.create();
    drop = created.drop;
    server = await startServer(created.setting, { env: { RATE_LIMIT: '100000' } });
  });
  after(async () => {
    await server.close();
    await drop();
  });

  /** A new citizen assigned to caseworker-1 (Mette), so tests never share a CV. */
  const newCitizen = async (firstName = 'Borger'): Promise<{ id: string; token: string }> => {
    const id = `citizen-cv-${String(++citizenCount)}`;
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
  const putCv = (token: string, document: unknown, headers: Record<string, string>) => call(token, 'PUT', '/v1/me/cv', { payload: document, headers });
  const create = async (token: string, document: unknown = { basics: { name: 'Borger' } }): Promise<string> => {
    const res = await putCv(token, document, { 'if-none-match': '*' });
    assert.equal(res.statusCode, 200, res.body);
    return String(res.headers.etag);
  };
  const stored = async (citizenId: string) => server.database.db.selectFrom('cvs').selectAll().where('citizen_id', '=', citizenId).executeTakeFirst();

  test('the demo seed gives Lars a CV shared with his caseworker Mette, and no one else', async () => {
    const lars = await server.token('citizen-1');
    const res = await call(lars, 'GET', '/v1/me/cv');
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers.etag, '"4"');
    assert.deepEqual(res.json(), DEMO_CV);
    assertSchema(JsonResume, res.json());
    const share = (await call(lars, 'GET', '/v1/me/cv/share')).json<CvShare>();
    assert.equal(share.shared, true);
    const list = (await call(await server.token('caseworker-1'), 'GET', '/v1/cvs')).json<SharedCvList>();
    assertSchema(SharedCvList, list);
    const entry = list.items.find((item) => item.citizenId === 'citizen-1');
    assert.deepEqual(entry && { firstName: entry.firstName, name: entry.name, sharedAt: entry.sharedAt }, { firstName: 'Lars', name: 'Lars Nielsen', sharedAt: share.sharedAt });
    const jonas = await server.token('caseworker-2');
    assert.deepEqual((await call(jonas, 'GET', '/v1/cvs')).json<SharedCvList>().items, []);
    assertProblem(await call(jonas, 'GET', '/v1/cvs/citizen-1'), 404, 'not-found');
  });

  test('creates with If-None-Match: * and answers the document exactly as sent, every unknown field and x-jobunivers kept', async () => {
    const { id, token } = await newCitizen();
    assertProblem(await call(token, 'GET', '/v1/me/cv'), 404, 'not-found');
    const text = JSON.stringify(RICH_CV);
    const res = await putCv(token, text, { 'if-none-match': '*' });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers.etag, '"1"');
    assert.match(String(res.headers['content-type']), /^application\/json/);
    assert.equal(res.body, text, 'the answer is the document as sent');
    const read = await call(token, 'GET', '/v1/me/cv');
    assert.equal(read.statusCode, 200);
    assert.equal(read.body, text, 'GET answers the same text: key order, unknown fields, x-jobunivers, Arabic and emoji');
    assert.equal(read.headers.etag, '"1"');
    assert.equal(read.headers['cache-control'], 'private, no-cache');
    const notModified = await call(token, 'GET', '/v1/me/cv', { headers: { 'if-none-match': '"1"' } });
    assert.equal(notModified.statusCode, 304);
    assert.equal(notModified.body, '');
    assert.equal((await stored(id))?.name, 'Åse Ærø-Østergaard');
  });

  test('a second create (If-None-Match: *) is 412 and changes nothing; the problem says to GET the current version', async () => {
    const { id, token } = await newCitizen();
    await create(token, { basics: { name: 'Første' } });
    const before = await stored(id);
    const problem = assertProblem(await putCv(token, { basics: { name: 'Anden' } }, { 'if-none-match': '*' }), 412, 'etag-mismatch');
    assert.match(String(problem.detail), /GET \/v1\/me\/cv/);
    assert.deepEqual(await stored(id), before);
  });

  test('replaces with the current If-Match (new ETag); a stale one is 412 with nothing changed', async () => {
    const { id, token } = await newCitizen();
    const first = await create(token);
    const updated = await putCv(token, { basics: { name: 'Ny' }, work: [{ name: 'Bilka', startDate: '2020-01' }] }, { 'if-match': first });
    assert.equal(updated.statusCode, 200, updated.body);
    assert.equal(updated.headers.etag, '"2"');
    assert.deepEqual(updated.json(), { basics: { name: 'Ny' }, work: [{ name: 'Bilka', startDate: '2020-01' }] });
    const before = await stored(id);
    const stale = assertProblem(await putCv(token, { basics: { name: 'Gammel' } }, { 'if-match': first }), 412, 'etag-mismatch');
    assert.match(String(stale.detail), /GET \/v1\/me\/cv/);
    assert.deepEqual(await stored(id), before);
    const read = await call(token, 'GET', '/v1/me/cv');
    assert.equal(read.headers.etag, '"2"');
    assert.equal(read.json<{ basics: { name: string } }>().basics.name, 'Ny');
    // `If-Match: *` replaces whatever version is current; a weak or listed tag never matches.
    assert.equal((await putCv(token, { basics: { name: 'Stjerne' } }, { 'if-match': '*' })).headers.etag, '"3"');
    assertProblem(await putCv(token, {}, { 'if-match': 'W/"3"' }), 412, 'etag-mismatch');
    assertProblem(await putCv(token, {}, { 'if-match': '"2", "3"' }), 412, 'etag-mismatch');
  });

  test('a PUT needs exactly one precondition: none → 428, If-None-Match other than * → 428, both → 400', async () => {
    const { id, token } = await newCitizen();
    assertProblem(await putCv(token, { basics: {} }, {}), 428, 'precondition-required');
    assert.equal(await stored(id), undefined, 'nothing created without a precondition');
    const etag = await create(token);
    const before = await stored(id);
    const required = assertProblem(await putCv(token, { basics: {} }, {}), 428, 'precondition-required');
    assert.match(String(required.detail), /If-Match/);
    assertProblem(await putCv(token, { basics: {} }, { 'if-none-match': etag }), 428, 'precondition-required');
    const both = assertProblem(await putCv(token, { basics: {} }, { 'if-match': etag, 'if-none-match': '*' }), 400, 'invalid-request');
    assert.deepEqual((both.errors as { pointer: string }[]).map((error) => error.pointer), ['/headers/if-none-match']);
    assert.deepEqual(await stored(id), before);
  });

  test('two PUTs with the same If-Match at once: exactly one 200, the other 412, over real connections', async () => {
    const { token } = await newCitizen();
    const baseUrl = await server.listen();
    const put = (etag: string, name: string) =>
      fetch(`${baseUrl}/v1/me/cv`, { method: 'PUT', headers: { ...bearer(token), 'content-type': 'application/json', 'if-match': etag }, body: JSON.stringify({ basics: { name } }) });
    let etag = await create(token);
    for (let round = 0; round < 10; round++) {
      const answers = await Promise.all([put(etag, `A${String(round)}`), put(etag, `B${String(round)}`)]);
      const statuses = answers.map((answer) => answer.status).sort();
      assert.deepEqual(statuses, [200, 412], `round ${String(round)}`);
      const winner = answers.find((answer) => answer.status === 200);
      const name = (await winner?.json() as { basics: { name: string } }).basics.name;
      const current = await call(token, 'GET', '/v1/me/cv');
      assert.equal(current.json<{ basics: { name: string } }>().basics.name, name, 'the stored CV is the winner\'s');
      etag = String(current.headers.etag);
      assert.equal(etag, `"${String(round + 2)}"`);
    }
    // Eight first saves at once (two devices, retries): one creates, the rest 412.
    const { token: fresh } = await newCitizen();
    const creates = await Promise.all(Array.from({ length: 8 }, (_, index) =>
      fetch(`${baseUrl}/v1/me/cv`, { method: 'PUT', headers: { ...bearer(fresh), 'content-type': 'application/json', 'if-none-match': '*' }, body: JSON.stringify({ basics: { name: String(index) } }) })));
    assert.deepEqual(creates.map((answer) => answer.status).sort(), [200, 412, 412, 412, 412, 412, 412, 412]);
  });

  test('fields of the wrong type and dates JSON Resume does not allow are 400 with pointers; nothing changed', async () => {
    const { id, token } = await newCitizen();
    const etag = await create(token);
    const before = await stored(id);
    const invalid = async (document: unknown, pointers: string[]) => {
      const problem = assertProblem(await putCv(token, document, { 'if-match': etag }), 400, 'invalid-request');
      const got = (problem.errors as { pointer: string }[]).map((error) => error.pointer);
      for (const pointer of pointers) assert.ok(got.includes(pointer), `${pointer} in ${JSON.stringify(got)}`);
    };
    await invalid({ work: [{ name: 'Bilka', startDate: '03/2019' }] }, ['/work/0/startDate']);
    await invalid({ education: [{ endDate: '2019-3' }], certificates: [{ date: 'maj 2020' }] }, ['/education/0/endDate', '/certificates/0/date']);
    await invalid({ basics: { name: 42, location: 'Vejle' } }, ['/basics/name', '/basics/location']);
    await invalid({ work: { name: 'Bilka' }, skills: [{ keywords: 'truck' }] }, ['/work', '/skills/0/keywords']);
    await invalid({ 'x-jobunivers': 'skjult' }, ['/x-jobunivers']);
    await invalid([{ basics: {} }], ['']);
    assertProblem(await putCv(token, '{"basics": {', { 'if-match': etag }), 400, 'malformed-json');
    assertProblem(await call(token, 'PUT', '/v1/me/cv', { payload: '{}', headers: { 'if-match': etag, 'content-type': 'text/plain' } }), 415, 'unsupported-media-type');
    assert.deepEqual(await stored(id), before);
  });

  test('takes a CV up to 512 KiB (more than the usual 64 KiB) and refuses a larger one with 413', async () => {
    const { id, token } = await newCitizen();
    const etag = await create(token);
    const big = { basics: { summary: 'æ'.repeat(100) }, work: Array.from({ length: 900 }, (_, index) => ({ name: `Arbejdsgiver ${String(index)}`, summary: 'x'.repeat(450) })) };
    const size = Buffer.byteLength(JSON.stringify(big));
    assert.ok(size > 400 * 1024 && size < 512 * 1024, String(size));
    const accepted = await putCv(token, big, { 'if-match': etag });
    assert.equal(accepted.statusCode, 200);
    const before = await stored(id);
    const tooBig = { ...big, references: [{ reference: 'y'.repeat(120 * 1024) }] };
    const problem = assertProblem(await putCv(token, tooBig, { 'if-match': String(accepted.headers.etag) }), 413, 'payload-too-large');
    assert.match(String(problem.detail), /512 KiB/);
    assert.deepEqual(await stored(id), before);
    // Other routes keep the 64 KiB limit.
    assertProblem(await call(token, 'PUT', '/v1/me/cv/share', { payload: { consent: true, pad: 'z'.repeat(70 * 1024) } }), 413, 'payload-too-large');
  });

  test('roles: no token → 401; a caseworker on the citizen\'s CV → 403; a citizen on the caseworker\'s CVs → 403', async () => {
    const { token } = await newCitizen();
    const mette = await server.token('caseworker-1');
    for (const [method, url] of [['GET', '/v1/me/cv'], ['PUT', '/v1/me/cv'], ['DELETE', '/v1/me/cv'], ['GET', '/v1/me/cv/share'], ['PUT', '/v1/me/cv/share'], ['DELETE', '/v1/me/cv/share'], ['GET', '/v1/cvs'], ['GET', '/v1/cvs/citizen-1']] as const) {
      assertProblem(await call(undefined, method, url), 401, 'unauthenticated');
    }
    for (const [method, url] of [['GET', '/v1/me/cv'], ['DELETE', '/v1/me/cv'], ['GET', '/v1/me/cv/share'], ['DELETE', '/v1/me/cv/share']] as const) {
      assertProblem(await call(mette, method, url), 403, 'forbidden');
    }
    assertProblem(await putCv(mette, { basics: {} }, { 'if-none-match': '*' }), 403, 'forbidden');
    assertProblem(await call(mette, 'PUT', '/v1/me/cv/share', { payload: { consent: true } }), 403, 'forbidden');
    assertProblem(await call(token, 'GET', '/v1/cvs'), 403, 'forbidden');
    assertProblem(await call(token, 'GET', '/v1/cvs/citizen-1'), 403, 'forbidden');
  });

  test('sharing: only with a CV and a consent of true; the assigned caseworker then reads it (updates included) until it is revoked', async () => {
    const { id, token } = await newCitizen('Karin');
    const mette = await server.token('caseworker-1');
    const jonas = await server.token('caseworker-2');
    const notShared = { shared: false, sharedAt: null };
    assert.deepEqual((await call(token, 'GET', '/v1/me/cv/share')).json(), notShared);
    assertProblem(await call(token, 'PUT', '/v1/me/cv/share', { payload: { consent: true } }), 404, 'not-found');
    const etag = await create(token, { basics: { name: '  Karin Holm  ' }, 'x-jobunivers': { hidden: ['w1'] } });
    for (const payload of [{ consent: false }, {}, { consent: true, until: '2027-01-01' }, { consent: 'true' }]) {
      assertProblem(await call(token, 'PUT', '/v1/me/cv/share', { payload }), 400, 'invalid-request');
    }
    assertProblem(await call(mette, 'GET', `/v1/cvs/${id}`), 404, 'not-found');

    const shared = await call(token, 'PUT', '/v1/me/cv/share', { payload: { consent: true } });
    assert.equal(shared.statusCode, 200, shared.body);
    const share = shared.json<CvShare>();
    assertSchema(CvShare, share);
    assert.equal(share.shared, true);
    assert.deepEqual((await call(token, 'GET', '/v1/me/cv/share')).json(), share);
    await new Promise((resolve) => setTimeout(resolve, 5));
    assert.deepEqual((await call(token, 'PUT', '/v1/me/cv/share', { payload: { consent: true } })).json(), share, 'sharing again keeps the first sharedAt');

    const listed = (await call(mette, 'GET', '/v1/cvs')).json<SharedCvList>().items.find((item) => item.citizenId === id);
    assert.deepEqual(listed && { firstName: listed.firstName, name: listed.name, sharedAt: listed.sharedAt }, { firstName: 'Karin', name: 'Karin Holm', sharedAt: share.sharedAt });
    const read = await call(mette, 'GET', `/v1/cvs/${id}`);
    assert.equal(read.statusCode, 200);
    assert.equal(read.headers.etag, etag);
    assert.deepEqual(read.json(), { basics: { name: '  Karin Holm  ' }, 'x-jobunivers': { hidden: ['w1'] } });
    assert.equal((await call(mette, 'GET', `/v1/cvs/${id}`, { headers: { 'if-none-match': etag } })).statusCode, 304);
    assertProblem(await call(jonas, 'GET', `/v1/cvs/${id}`), 404, 'not-found');
    assert.equal((await call(jonas, 'GET', '/v1/cvs')).json<SharedCvList>().items.some((item) => item.citizenId === id), false);

    // A later save is what the caseworker reads, and it moves to the top of the list.
    const saved = await putCv(token, { basics: { name: 'Karin Holm' }, skills: [{ name: 'Kundeservice' }] }, { 'if-match': etag });
    const again = await call(mette, 'GET', `/v1/cvs/${id}`);
    assert.equal(again.headers.etag, saved.headers.etag);
    assert.deepEqual(again.json(), { basics: { name: 'Karin Holm' }, skills: [{ name: 'Kundeservice' }] });
    const items: SharedCv[] = (await call(mette, 'GET', '/v1/cvs')).json<SharedCvList>().items;
    assert.equal(items[0]?.citizenId, id);
    const order = items.map((item) => item.updatedAt);
    assert.deepEqual(order, [...order].sort().reverse(), 'most recently updated first');

    const revoked = await call(token, 'DELETE', '/v1/me/cv/share');
    assert.equal(revoked.statusCode, 200);
    assert.deepEqual(revoked.json(), notShared);
    assertProblem(await call(mette, 'GET', `/v1/cvs/${id}`), 404, 'not-found');
    assert.equal((await call(mette, 'GET', '/v1/cvs')).json<SharedCvList>().items.some((item) => item.citizenId === id), false);
    assert.deepEqual((await call(token, 'DELETE', '/v1/me/cv/share')).json(), notShared, 'revoking twice is harmless');
    assert.equal((await call(token, 'GET', '/v1/me/cv')).statusCode, 200, 'revoking keeps the CV');
  });

  test('deleting removes the CV and its sharing; a new CV is not shared; a stale If-Match on DELETE is 412', async () => {
    const { id, token } = await newCitizen();
    const mette = await server.token('caseworker-1');
    const etag = await create(token);
    assert.equal((await call(token, 'PUT', '/v1/me/cv/share', { payload: { consent: true } })).statusCode, 200);
    assertProblem(await call(token, 'DELETE', '/v1/me/cv', { headers: { 'if-match': '"99"' } }), 412, 'etag-mismatch');
    assert.notEqual(await stored(id), undefined);
    const deleted = await call(token, 'DELETE', '/v1/me/cv', { headers: { 'if-match': etag } });
    assert.equal(deleted.statusCode, 204);
    assert.equal(deleted.body, '');
    assertProblem(await call(token, 'GET', '/v1/me/cv'), 404, 'not-found');
    assert.deepEqual((await call(token, 'GET', '/v1/me/cv/share')).json(), { shared: false, sharedAt: null });
    assertProblem(await call(mette, 'GET', `/v1/cvs/${id}`), 404, 'not-found');
    assert.equal((await call(token, 'DELETE', '/v1/me/cv')).statusCode, 204, 'deleting twice is harmless');
    assert.equal(await create(token), '"1"', 'a new CV starts at version 1');
    assert.deepEqual((await call(token, 'GET', '/v1/me/cv/share')).json(), { shared: false, sharedAt: null }, 'and is not shared');
    assertProblem(await call(mette, 'GET', `/v1/cvs/${id}`), 404, 'not-found');
  });

  test('a citizen\'s CV goes when the citizen is deleted', async () => {
    const { id, token } = await newCitizen();
    await create(token);
    await server.database.db.deleteFrom('users').where('id', '=', id).execute();
    assert.equal(await stored(id), undefined);
  });

  test('logs never carry the CV\'s content, its name or the citizen\'s id', async () => {
    const { id, token } = await newCitizen('Hemmeligfornavn');
    const etag = await create(token, { basics: { name: 'Hemmeligtnavn', email: 'hemmelig@eksempel.dk' }, work: [{ summary: 'Hemmeligtarbejde' }] });
    await putCv(token, { basics: { name: 'Hemmeligtnavn2' }, work: [{ startDate: 'hemmelig-dato' }] }, { 'if-match': etag });
    await call(token, 'PUT', '/v1/me/cv/share', { payload: { consent: true } });
    await call(await server.token('caseworker-1'), 'GET', '/v1/cvs');
    await call(await server.token('caseworker-1'), 'GET', `/v1/cvs/${id}`);
    const logs = server.logs.join('\n');
    assert.ok(logs.includes('"route":"/v1/me/cv"'), 'the requests were logged');
    assert.ok(logs.includes('"route":"/v1/cvs/:citizenId"'));
    for (const secret of ['Hemmelig', 'hemmelig', id]) assert.equal(logs.includes(secret), false, secret);
  });
});
