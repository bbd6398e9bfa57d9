/// <reference types="node" />
/**
 * The CV (docs/contract.md "CV"): the citizen's JSON Resume document with ETag versions decided by the server
 * (create with `If-None-Match: *`, replace with `If-Match`, 428 without, 412 when stale or when two writes race),
 * a round trip that keeps every unknown field and `x-jobunivers`, validation of the standard fields and dates, the
 * 512 KiB limit, and the consent to share the CV with the job centre: visible to the assigned caseworker until it is
 * revoked or the CV is deleted, never to anyone else. Every CV the group touches is put back at the end.
 */
import { JsonResume } from '../../schemas/index.js';
import { check, fail, precondition, type RuleContext, type RuleGroup } from '../context.js';
import {
  CV_LIMIT, MY_CV, MY_SHARE, SHARED_CVS, cleanupCv, clearCv, cvDocument, ensureCv, expectShape, putCv, readCv, readShare, remember, requireCv, shareCv,
  sharedCvPath, sharedList, unshareCv,
} from '../cv.js';
import { describe, expectInvalidAt, expectJson, expectProblem, expectStrongEtag, isRecord, sameJson, send, type Res } from '../http.js';
import { actor } from '../notifications.js';

/** A 200 answer to a PUT/GET of the CV: a JsonResume with a strong ETag, equal to `expected`. */
function expectCv(res: Res, expected: unknown, what: string): string {
  const body = expectShape(res, 200, JsonResume, 'JsonResume');
  const etag = expectStrongEtag(res);
  if (!sameJson(body, expected)) fail(`${res.method} ${res.path}: ${what}: the document is not the one sent (${firstDifference(expected, body)})`);
  return etag;
}

/** Where two JSON values first differ, as a JSON Pointer with both values (shortened). */
function firstDifference(expected: unknown, actual: unknown, pointer = ''): string {
  const show = (value: unknown): string => (value === undefined ? 'missing' : JSON.stringify(value).slice(0, 60));
  if (isRecord(expected) && isRecord(actual)) {
    for (const key of new Set([...Object.keys(expected), ...Object.keys(actual)])) {
      if (!sameJson(expected[key], actual[key])) return firstDifference(expected[key], actual[key], `${pointer}/${key}`);
    }
  } else if (Array.isArray(expected) && Array.isArray(actual)) {
    for (let index = 0; index < Math.max(expected.length, actual.length); index++) {
      if (!sameJson(expected[index], actual[index])) return firstDifference(expected[index], actual[index], `${pointer}/${String(index)}`);
    }
  }
  return `at ${pointer || '/'}: sent ${show(expected)}, got ${show(actual)}`;
}

/** A failed write changed nothing: the same document and ETag as before. */
async function expectUnchanged(ctx: RuleContext, before: { document: unknown; etag: string } | null, after: string): Promise<void> {
  const citizen = actor(ctx.suite, 'citizen');
  const now = await readCv(ctx, citizen);
  if (before === null) {
    check(now === null, `${after} created a CV (GET ${MY_CV} → 200)`);
    return;
  }
  if (now === null) fail(`${after} deleted the CV (GET ${MY_CV} → 404)`);
  check(now.etag === before.etag, `${after} changed the ETag of the CV from ${before.etag} to ${now.etag}`);
  check(sameJson(now.document, before.document), `${after} changed the CV (${firstDifference(before.document, now.document)})`);
}

/** A valid CV of about `bytes` bytes (standard fields only). */
function cvOfSize(label: string, bytes: number): Record<string, unknown> {
  const chunk = 'Plukning, pakning og varemodtagelse på et stort lager med mange kolleger. '.repeat(12);
  const work = Array.from({ length: Math.ceil(bytes / (chunk.length + 80)) }, (_, index) => ({ name: `Arbejdsgiver ${String(index + 1)}`, position: 'Lagermedarbejder', startDate: '2010-01', summary: chunk }));
  return { basics: { name: 'Conformance Testperson', summary: label }, work };
}

export const cv: RuleGroup = {
  name: 'cv',
  title: 'CV (JSON Resume)',
  cleanup: cleanupCv,
  rules: [
    {
      id: 'cv.create',
      title: 'without a CV GET /v1/me/cv → 404 not-found; PUT with If-None-Match: * → 200, the document and a strong ETag, which GET then gives (If-None-Match with it → 304); a second create → 412 etag-mismatch, nothing changed',
      needs: ['citizen'],
      async run(ctx) {
        await requireCv(ctx);
        const citizen = actor(ctx.suite, 'citizen');
        await precondition('delete the CV (DELETE /v1/me/cv → 204)', () => clearCv(ctx, citizen));
        ctx.step(`GET ${MY_CV} without a CV`);
        expectProblem(await send(ctx, 'GET', MY_CV, { as: citizen }), 404, 'not-found');
        const document = cvDocument(ctx.suite, 'create');
        const etag = expectCv(await putCv(ctx, citizen, document, { ifNoneMatch: '*' }), document, 'the first PUT');
        ctx.step(`GET ${MY_CV}`);
        const read = await send(ctx, 'GET', MY_CV, { as: citizen });
        const readEtag = expectCv(read, document, 'GET after the create');
        check(readEtag === etag, `GET ${MY_CV} gives the ETag ${readEtag}, the PUT answered ${etag}`);
        ctx.step(`GET ${MY_CV} with If-None-Match: ${etag}`);
        const cached = await send(ctx, 'GET', MY_CV, { as: citizen, headers: { 'If-None-Match': etag } });
        check(cached.status === 304, `GET ${MY_CV} with If-None-Match: ${etag} (current) → ${describe(cached)}, expected 304`);
        check(cached.text === '', `GET ${MY_CV} → 304 with a body`);
        const again = await putCv(ctx, citizen, cvDocument(ctx.suite, 'second create'), { ifNoneMatch: '*' });
        expectProblem(again, 412, 'etag-mismatch');
        await expectUnchanged(ctx, { document, etag }, 'a second PUT with If-None-Match: *');
      },
    },
    {
      id: 'cv.update',
      title: 'PUT /v1/me/cv with the current If-Match → 200, the new document and a new ETag, which GET then gives',
      needs: ['citizen'],
      async run(ctx) {
        await requireCv(ctx);
        const citizen = actor(ctx.suite, 'citizen');
        const etag = await precondition('save a CV', () => ensureCv(ctx, citizen, cvDocument(ctx.suite, 'before the update')));
        const document = { ...cvDocument(ctx.suite, 'updated'), skills: [{ name: 'Truckkørsel', level: 'Erfaren', keywords: ['B-certifikat'] }] };
        const next = expectCv(await putCv(ctx, citizen, document, { ifMatch: etag }), document, 'the update');
        check(next !== etag, `PUT ${MY_CV} answered the same ETag ${etag} after a change (every change needs a new version)`);
        const read = await readCv(ctx, citizen);
        check(read !== null && read.etag === next && sameJson(read.document, document), `GET ${MY_CV} after the update: ETag ${String(read?.etag)} (expected ${next}) or the document is not the new one`);
      },
    },
    {
      id: 'cv.precondition-required',
      title: 'PUT /v1/me/cv with neither If-Match nor If-None-Match: * → 428 precondition-required, nothing created or changed',
      needs: ['citizen'],
      async run(ctx) {
        await requireCv(ctx);
        const citizen = actor(ctx.suite, 'citizen');
        await precondition('delete the CV', () => clearCv(ctx, citizen));
        expectProblem(await putCv(ctx, citizen, cvDocument(ctx.suite, 'no precondition, no CV')), 428, 'precondition-required');
        await expectUnchanged(ctx, null, 'a PUT without a precondition');
        const etag = await precondition('save a CV', () => ensureCv(ctx, citizen, cvDocument(ctx.suite, 'precondition')));
        const before = await readCv(ctx, citizen);
        expectProblem(await putCv(ctx, citizen, cvDocument(ctx.suite, 'no precondition')), 428, 'precondition-required');
        await expectUnchanged(ctx, before ?? { document: null, etag }, 'a PUT without a precondition');
      },
    },
    {
      id: 'cv.stale-if-match',
      title: 'PUT /v1/me/cv with an If-Match that was current before the last save → 412 etag-mismatch, nothing changed',
      needs: ['citizen'],
      async run(ctx) {
        await requireCv(ctx);
        const citizen = actor(ctx.suite, 'citizen');
        const old = await precondition('save a CV', () => ensureCv(ctx, citizen, cvDocument(ctx.suite, 'first device')));
        const saved = cvDocument(ctx.suite, 'second device');
        const etag = await precondition('save it again from "another device"', async () => {
          const res = await putCv(ctx, citizen, saved, { ifMatch: old });
          expectJson(res, 200);
          return expectStrongEtag(res);
        });
        expectProblem(await putCv(ctx, citizen, cvDocument(ctx.suite, 'stale first device'), { ifMatch: old }), 412, 'etag-mismatch');
        await expectUnchanged(ctx, { document: saved, etag }, 'a PUT with a stale If-Match');
      },
    },
    {
      id: 'cv.concurrent-update',
      title: 'four PUTs with the same (current) If-Match sent at once → exactly one 200, three 412 etag-mismatch; the CV is the winner\'s',
      needs: ['citizen'],
      async run(ctx) {
        await requireCv(ctx);
        const citizen = actor(ctx.suite, 'citizen');
        const etag = await precondition('save a CV', () => ensureCv(ctx, citizen, cvDocument(ctx.suite, 'before the race')));
        const documents = [1, 2, 3, 4].map((device) => cvDocument(ctx.suite, `device ${String(device)}`));
        ctx.step(`4 × PUT ${MY_CV} with If-Match: ${etag} at once`);
        const answers = await Promise.all(documents.map((document) => send(ctx, 'PUT', MY_CV, { as: citizen, json: document, headers: { 'If-Match': etag } })));
        const winners = answers.flatMap((answer, index) => (answer.status === 200 ? [index] : []));
        check(winners.length === 1, `${String(winners.length)} of 4 PUTs with the same If-Match were saved (devices ${winners.map((index) => String(index + 1)).join(', ') || 'none'}): exactly one may win; decide the version in the database (UPDATE … WHERE version = ?), not by reading first`);
        for (const answer of answers) if (answer.status !== 200) expectProblem(answer, 412, 'etag-mismatch');
        const winner = winners[0] ?? 0;
        const stored = await readCv(ctx, citizen);
        check(stored !== null && sameJson(stored.document, documents[winner]), `GET ${MY_CV} after the race is not the document of the PUT that answered 200`);
      },
    },
    {
      id: 'cv.round-trip',
      title: 'a CV with other tools\' fields at every level and an x-jobunivers object → answered and read back unchanged (PUT and GET)',
      needs: ['citizen'],
      async run(ctx) {
        await requireCv(ctx);
        const citizen = actor(ctx.suite, 'citizen');
        const etag = await precondition('save a CV', () => ensureCv(ctx, citizen, cvDocument(ctx.suite, 'before the round trip')));
        const base = cvDocument(ctx.suite, 'round trip');
        const document = {
          $schema: 'https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json',
          ...base,
          basics: { ...(base.basics as Record<string, unknown>), pronouns: 'hun', location: { city: 'Aarhus', countryCode: 'DK', kommune: 'Aarhus Kommune' }, profiles: [{ network: 'LinkedIn', username: 'testperson', verified: true }] },
          work: [{ name: 'Eksempel Lager A/S', startDate: '2019-03', 'x-other-tool': { rating: 4.5, tags: ['lager'] } }],
          languages: [{ language: 'العربية', fluency: 'Modersmål' }, { language: 'Dansk', fluency: 'B2 ✓' }],
          meta: { version: 'v1.0.0', theme: 'even' },
          'x-jobunivers': { version: 1, jobTitles: [{ id: 'jt-1', title: 'Truckfører' }], hidden: { work: [{ id: 'w-9', name: 'Skjult job', hidden: true }] }, nested: [[1, 2.5], { empty: {}, none: null, yes: false }] },
          'x-other-vendor': ['et', 2, { tre: 3 }],
        };
        const saved = await putCv(ctx, citizen, document, { ifMatch: etag });
        expectCv(saved, document, 'the round trip (PUT answer)');
        const read = await send(ctx, 'GET', MY_CV, { as: citizen });
        expectCv(read, document, 'the round trip (GET)');
      },
    },
    {
      id: 'cv.validation',
      title: 'PUT /v1/me/cv with a date JSON Resume does not allow (03/2019), a name that is a number or an x-jobunivers that is not an object → 400 invalid-request with the pointer; not JSON → 400 malformed-json; nothing changed',
      needs: ['citizen'],
      async run(ctx) {
        await requireCv(ctx);
        const citizen = actor(ctx.suite, 'citizen');
        const etag = await precondition('save a CV', () => ensureCv(ctx, citizen, cvDocument(ctx.suite, 'validation')));
        const before = await readCv(ctx, citizen);
        const base = cvDocument(ctx.suite, 'invalid');
        const cases: [string, unknown][] = [
          ['/work/0/startDate', { ...base, work: [{ name: 'Eksempel Lager A/S', startDate: '03/2019' }] }],
          ['/education/0/endDate', { ...base, education: [{ institution: 'Erhvervsskolen', endDate: '2017-6' }] }],
          ['/basics/name', { ...base, basics: { name: 42 } }],
          ['/x-jobunivers', { ...base, 'x-jobunivers': 'skjult' }],
        ];
        for (const [pointer, document] of cases) expectInvalidAt(await putCv(ctx, citizen, document, { ifMatch: etag }), pointer);
        ctx.step(`PUT ${MY_CV} with a body that is not JSON`);
        expectProblem(await send(ctx, 'PUT', MY_CV, { as: citizen, body: '{"basics": {', contentType: 'application/json', headers: { 'If-Match': etag } }), 400, 'malformed-json');
        await expectUnchanged(ctx, before, 'an invalid PUT');
      },
    },
    {
      id: 'cv.size',
      title: 'PUT /v1/me/cv with a 300 KiB CV → 200 (a CV may be up to 512 KiB); with a 600 KiB one → 413 payload-too-large, nothing changed',
      needs: ['citizen'],
      async run(ctx) {
        await requireCv(ctx);
        const citizen = actor(ctx.suite, 'citizen');
        const etag = await precondition('save a CV', () => ensureCv(ctx, citizen, cvDocument(ctx.suite, 'size')));
        const large = cvOfSize(`Conformance run ${ctx.suite.runId}: a long CV`, 300 * 1024);
        const size = JSON.stringify(large).length;
        check(size > 64 * 1024 && size < CV_LIMIT, `the test CV is ${String(size)} bytes`);
        const saved = await putCv(ctx, citizen, large, { ifMatch: etag });
        if (saved.status !== 200) fail(`a ${String(Math.round(size / 1024))} KiB CV: expected 200 (servers take CVs up to 512 KiB), got ${describe(saved)}`);
        const current = { document: large, etag: expectStrongEtag(saved) };
        const tooLarge = cvOfSize(`Conformance run ${ctx.suite.runId}: too long`, 600 * 1024);
        const res = await putCv(ctx, citizen, tooLarge, { ifMatch: current.etag });
        expectProblem(res, 413, 'payload-too-large');
        await expectUnchanged(ctx, current, `a ${String(Math.round(JSON.stringify(tooLarge).length / 1024))} KiB PUT`);
      },
    },
    {
      id: 'cv.share',
      title: 'PUT /v1/me/cv/share {consent: true} → 200 {shared: true, sharedAt}; the caseworker finds the citizen in GET /v1/cvs and reads the CV at GET /v1/cvs/{citizenId} (with an ETag), a later save included; sharing again keeps sharedAt',
      needs: ['citizen', 'caseworker'],
      async run(ctx) {
        await requireCv(ctx);
        const citizen = actor(ctx.suite, 'citizen');
        const caseworker = actor(ctx.suite, 'caseworker');
        const document = cvDocument(ctx.suite, 'shared');
        const etag = await precondition('save a CV', () => ensureCv(ctx, citizen, document));
        await precondition('withdraw any earlier sharing', () => unshareCv(ctx, citizen));
        const share = await shareCv(ctx, citizen);
        const read = await readShare(ctx, citizen);
        check(sameJson(read, share), `GET ${MY_SHARE} answered ${JSON.stringify(read)} after PUT answered ${JSON.stringify(share)}`);
        const list = await sharedList(ctx, caseworker);
        const entry = list.items.find((item) => item.citizenId === citizen.id);
        if (entry === undefined) fail(`GET ${SHARED_CVS} as the citizen's caseworker does not list the citizen ${citizen.id} after the citizen shared the CV`);
        check(entry.sharedAt === share.sharedAt, `GET ${SHARED_CVS}: sharedAt ${entry.sharedAt}, the citizen's PUT answered ${String(share.sharedAt)}`);
        const path = sharedCvPath(citizen.id);
        ctx.step(`GET ${path} as the caseworker`);
        const seen = await send(ctx, 'GET', path, { as: caseworker });
        const seenEtag = expectCv(seen, document, 'the caseworker\'s copy');
        ctx.step(`GET ${path} with If-None-Match: ${seenEtag}`);
        const cached = await send(ctx, 'GET', path, { as: caseworker, headers: { 'If-None-Match': seenEtag } });
        check(cached.status === 304, `GET ${path} with its current ETag → ${describe(cached)}, expected 304`);
        const updated = { ...document, skills: [{ name: 'Kundeservice' }] };
        expectJson(await putCv(ctx, citizen, updated, { ifMatch: etag }), 200);
        ctx.step(`GET ${path} after the citizen saved again`);
        expectCv(await send(ctx, 'GET', path, { as: caseworker }), updated, 'the caseworker\'s copy after a later save');
        const again = await shareCv(ctx, citizen);
        check(again.sharedAt === share.sharedAt, `sharing again changed sharedAt from ${share.sharedAt} to ${String(again.sharedAt)} (it is the time of the first consent)`);
      },
    },
    {
      id: 'cv.revoke',
      title: 'DELETE /v1/me/cv/share → 200 {shared: false, sharedAt: null}; the caseworker gets 404 not-found for GET /v1/cvs/{citizenId} and no longer lists the citizen; again → the same; the CV itself stays',
      needs: ['citizen', 'caseworker'],
      async run(ctx) {
        await requireCv(ctx);
        const citizen = actor(ctx.suite, 'citizen');
        const caseworker = actor(ctx.suite, 'caseworker');
        await precondition('save a CV', () => ensureCv(ctx, citizen, cvDocument(ctx.suite, 'revoke')));
        await precondition('share it', () => shareCv(ctx, citizen));
        const revoked = await unshareCv(ctx, citizen);
        check(!revoked.shared && revoked.sharedAt === null, `DELETE ${MY_SHARE} answered ${JSON.stringify(revoked)}`);
        const path = sharedCvPath(citizen.id);
        ctx.step(`GET ${path} as the caseworker after the citizen withdrew the consent`);
        expectProblem(await send(ctx, 'GET', path, { as: caseworker }), 404, 'not-found');
        const list = await sharedList(ctx, caseworker);
        check(!list.items.some((item) => item.citizenId === citizen.id), `GET ${SHARED_CVS} still lists ${citizen.id} after the consent was withdrawn`);
        const again = await unshareCv(ctx, citizen);
        check(sameJson(again, { shared: false, sharedAt: null }), `DELETE ${MY_SHARE} a second time answered ${JSON.stringify(again)}`);
        check((await readCv(ctx, citizen)) !== null, `withdrawing the consent deleted the CV (GET ${MY_CV} → 404)`);
      },
    },
    {
      id: 'cv.share-validation',
      title: 'PUT /v1/me/cv/share with {consent: false}, {} or an unknown field → 400 invalid-request, still not shared; without a CV → 404 not-found',
      needs: ['citizen'],
      async run(ctx) {
        await requireCv(ctx);
        const citizen = actor(ctx.suite, 'citizen');
        await precondition('save a CV', () => ensureCv(ctx, citizen, cvDocument(ctx.suite, 'consent')));
        await precondition('withdraw any sharing', () => unshareCv(ctx, citizen));
        for (const [body, pointer] of [[{ consent: false }, '/consent'], [{}, '/consent'], [{ consent: true, until: '2030-01-01' }, '/until']] as const) {
          ctx.step(`PUT ${MY_SHARE} ${JSON.stringify(body)}`);
          const res = await send(ctx, 'PUT', MY_SHARE, { as: citizen, json: body });
          if (pointer === '/until') expectProblem(res, 400, 'invalid-request');
          else expectInvalidAt(res, pointer);
        }
        const share = await readShare(ctx, citizen);
        check(!share.shared, `a refused PUT ${MY_SHARE} shared the CV (${JSON.stringify(share)})`);
        await precondition('delete the CV', () => clearCv(ctx, citizen));
        ctx.step(`PUT ${MY_SHARE} {"consent":true} without a CV`);
        expectProblem(await send(ctx, 'PUT', MY_SHARE, { as: citizen, json: { consent: true } }), 404, 'not-found');
        const after = await readShare(ctx, citizen);
        check(!after.shared, `GET ${MY_SHARE} without a CV answered ${JSON.stringify(after)}`);
      },
    },
    {
      id: 'cv.delete',
      title: 'DELETE /v1/me/cv → 204: GET → 404, not shared, the caseworker gets 404; again → 204; a new CV is not shared until the citizen consents again',
      needs: ['citizen', 'caseworker'],
      async run(ctx) {
        await requireCv(ctx);
        const citizen = actor(ctx.suite, 'citizen');
        const caseworker = actor(ctx.suite, 'caseworker');
        await precondition('save a CV', () => ensureCv(ctx, citizen, cvDocument(ctx.suite, 'delete')));
        await precondition('share it', () => shareCv(ctx, citizen));
        await clearCv(ctx, citizen);
        ctx.step(`GET ${MY_CV} after DELETE`);
        expectProblem(await send(ctx, 'GET', MY_CV, { as: citizen }), 404, 'not-found');
        const share = await readShare(ctx, citizen);
        check(!share.shared, `GET ${MY_SHARE} after DELETE ${MY_CV} answered ${JSON.stringify(share)} (deleting the CV withdraws the sharing)`);
        const path = sharedCvPath(citizen.id);
        ctx.step(`GET ${path} as the caseworker after the CV was deleted`);
        expectProblem(await send(ctx, 'GET', path, { as: caseworker }), 404, 'not-found');
        ctx.step(`DELETE ${MY_CV} again`);
        const again = await send(ctx, 'DELETE', MY_CV, { as: citizen });
        check(again.status === 204, `DELETE ${MY_CV} without a CV → ${describe(again)}, expected 204 (deleting twice is harmless)`);
        const document = cvDocument(ctx.suite, 'after delete');
        expectCv(await putCv(ctx, citizen, document, { ifNoneMatch: '*' }), document, 'a new CV after DELETE');
        const fresh = await readShare(ctx, citizen);
        check(!fresh.shared, `a new CV after DELETE is shared (${JSON.stringify(fresh)}): the old consent must not come back`);
        ctx.step(`GET ${path} as the caseworker (new CV, not shared)`);
        expectProblem(await send(ctx, 'GET', path, { as: caseworker }), 404, 'not-found');
      },
    },
    {
      id: 'cv.caseworker-forbidden',
      title: 'no token on /v1/me/cv → 401; a caseworker token on GET, PUT and DELETE /v1/me/cv and /v1/me/cv/share → 403 forbidden',
      needs: ['caseworker'],
      async run(ctx) {
        await requireCv(ctx);
        const caseworker = actor(ctx.suite, 'caseworker');
        ctx.step(`GET ${MY_CV} without a token`);
        expectProblem(await send(ctx, 'GET', MY_CV), 401, 'unauthenticated');
        const document = cvDocument(ctx.suite, 'caseworker');
        const calls: [string, string, { json?: unknown; headers?: Record<string, string> }][] = [
          ['GET', MY_CV, {}],
          ['PUT', MY_CV, { json: document, headers: { 'If-None-Match': '*' } }],
          ['DELETE', MY_CV, {}],
          ['GET', MY_SHARE, {}],
          ['PUT', MY_SHARE, { json: { consent: true } }],
          ['DELETE', MY_SHARE, {}],
        ];
        for (const [method, path, options] of calls) {
          ctx.step(`${method} ${path} as the caseworker`);
          expectProblem(await send(ctx, method, path, { as: caseworker, ...options }), 403, 'forbidden');
        }
      },
    },
    {
      id: 'cv.citizen-forbidden',
      title: 'a citizen token on GET /v1/cvs and GET /v1/cvs/{citizenId} (even their own, shared CV) → 403 forbidden; no token → 401',
      needs: ['citizen'],
      async run(ctx) {
        await requireCv(ctx);
        const citizen = actor(ctx.suite, 'citizen');
        await precondition('save a CV', () => ensureCv(ctx, citizen, cvDocument(ctx.suite, 'citizen on the caseworker routes')));
        await precondition('share it', () => shareCv(ctx, citizen));
        for (const path of [SHARED_CVS, sharedCvPath(citizen.id)]) {
          ctx.step(`GET ${path} without a token`);
          expectProblem(await send(ctx, 'GET', path), 401, 'unauthenticated');
          ctx.step(`GET ${path} as the citizen`);
          expectProblem(await send(ctx, 'GET', path, { as: citizen }), 403, 'forbidden');
        }
      },
    },
    {
      id: 'cv.isolation',
      title: 'another citizen never gets the citizen\'s CV from GET /v1/me/cv; a caseworker gets 404 for an unknown citizen and for a citizen not assigned to them who shares a CV, and does not list them',
      needs: ['citizen', 'otherCitizen', 'caseworker'],
      async run(ctx) {
        await requireCv(ctx);
        const citizen = actor(ctx.suite, 'citizen');
        const other = actor(ctx.suite, 'otherCitizen');
        const caseworker = actor(ctx.suite, 'caseworker');
        const mine = cvDocument(ctx.suite, `isolation, ${citizen.id}`);
        await precondition('save the citizen\'s CV', () => ensureCv(ctx, citizen, mine));
        await precondition('share it', () => shareCv(ctx, citizen));
        await remember(ctx, other);
        const theirs = await readCv(ctx, other);
        check(theirs === null || !sameJson(theirs.document, mine), `GET ${MY_CV} as the other citizen ${other.id} answered the citizen's CV`);
        const unknown = sharedCvPath(`conformance-nobody-${ctx.suite.runId}`);
        ctx.step(`GET ${unknown} as the caseworker`);
        expectProblem(await send(ctx, 'GET', unknown, { as: caseworker }), 404, 'not-found');
        if (ctx.suite.otherCitizenAssigned !== false) {
          ctx.note(`the run does not know that ${other.id} is not assigned to ${caseworker.id} (use --demo), so a shared CV of someone else's citizen was not tried`);
          return;
        }
        const document = cvDocument(ctx.suite, `isolation, ${other.id}`);
        await precondition('save and share the other citizen\'s CV', async () => {
          await ensureCv(ctx, other, document);
          await shareCv(ctx, other);
        });
        const path = sharedCvPath(other.id);
        ctx.step(`GET ${path} as a caseworker the other citizen is not assigned to`);
        expectProblem(await send(ctx, 'GET', path, { as: caseworker }), 404, 'not-found');
        const list = await sharedList(ctx, caseworker);
        check(!list.items.some((item) => item.citizenId === other.id), `GET ${SHARED_CVS} lists ${other.id}, who is not assigned to ${caseworker.id}`);
        check(list.items.some((item) => item.citizenId === citizen.id), `GET ${SHARED_CVS} does not list the caseworker's own citizen ${citizen.id}, who shares a CV`);
      },
    },
  ],
};
