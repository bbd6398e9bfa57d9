/// <reference types="node" />
// The conformance suite tested against a fake server that is correct by default and broken on purpose in
// specific ways: each break must make exactly the rules that check it fail — no broken rule passes unnoticed,
// and no correct behaviour is reported as broken.
//   node --conditions=source --import tsx --test packages/contract/test/*.test.ts
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { main } from '../src/conformance/cli.js';
import type { SuiteOptions } from '../src/conformance/context.js';
import { runConformance, type SuiteReport } from '../src/conformance/runner.js';
import { FAKE_SEED_CV } from './fake-cv.js';
import { fakeSeedJoblog } from './fake-joblog.js';
import { startFakeServer, type Break, type FakeOptions } from './fake-server.js';

const SECRET = 'conformance-test-secret-0123456789abcdef';
const BIN = fileURLToPath(new URL('../bin/jobunivers-contract.js', import.meta.url));

function options(api: string, extra: Partial<SuiteOptions> = {}): SuiteOptions {
  return { api, demo: true, jwtSecret: SECRET, includeRateLimit: false, rateLimitRequests: 1000, timeoutMs: 5000, ...extra };
}

async function runAgainst(fake: Partial<FakeOptions>, extra: Partial<SuiteOptions> = {}): Promise<SuiteReport> {
  const server = await startFakeServer({ secret: SECRET, ...fake });
  try {
    return await runConformance(options(server.url, extra));
  } finally {
    await server.close();
  }
}

const ids = (report: SuiteReport, status: 'pass' | 'fail' | 'skip'): string[] =>
  report.results.filter((result) => result.status === status).map((result) => result.id).sort();

function explain(report: SuiteReport): string {
  return report.results.filter((result) => result.status !== 'pass').map((result) => `${result.status} ${result.id}: ${result.reason ?? ''}`).join('\n');
}

function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    child.on('close', (code) => { resolve({ code, stdout, stderr }); });
  });
}

describe('the conformance suite against a conforming server', { concurrency: true }, () => {
  it('passes every rule and leaves out only the opt-in rate limit', async () => {
    const report = await runAgainst({});
    assert.deepEqual(ids(report, 'fail'), [], explain(report));
    assert.deepEqual(ids(report, 'skip'), [], explain(report));
    assert.deepEqual(report.notRun, ['rate-limit.429']);
    assert.ok(report.summary.passed >= 70, `only ${String(report.summary.passed)} rules passed`);
    assert.equal(report.actors.citizen?.id, 'citizen-1');
    assert.equal(report.actors.caseworker?.id, 'caseworker-1', 'the demo setup finds the caseworker assigned to the citizen');
    assert.equal(report.actors.otherCitizen?.id, 'citizen-2');
    assert.deepEqual(report.mintedTokens, { audience: 'jobunivers' });
    assert.match(report.cleanup.join('\n'), /marked (\d+) of them read/);
    for (const group of ['booking', 'booking-desk']) {
      assert.ok(report.results.filter((result) => result.group === group).length >= 7, `the ${group} group did not run`);
    }
    assert.match(report.cleanup.join('\n'), /^booking: made \d+ bookings/m);
    for (const group of ['chat', 'chat-console']) {
      assert.ok(report.results.filter((result) => result.group === group).length >= 5, `the ${group} group did not run`);
    }
    assert.match(report.cleanup.join('\n'), /^chat: opened \d+ conversations; closed \d+ a rule left open; put back the presence of 1 of 1 caseworker$/m);
    assert.ok(report.results.filter((result) => result.group === 'video').length >= 12, 'the video group did not run');
    assert.ok(report.results.filter((result) => result.group === 'cv').length >= 15, 'the cv group did not run');
    assert.match(report.cleanup.join('\n'), /^cv: put back the CV and its sharing as they were for citizen-1, citizen-2 \(as a new version\)$/m);
    assert.ok(report.results.filter((result) => result.group === 'joblog').length >= 19, 'the joblog group did not run');
    assert.match(report.cleanup.join('\n'), /^joblog: deleted the \d+ entries the run left for citizen-1; deleted the \d+ entries the run left for citizen-2; put back the sharing and the requirement as they were/m);
  });

  it('passes with explicit tokens instead of --demo', async () => {
    const server = await startFakeServer({ secret: SECRET });
    try {
      const report = await runConformance(options(server.url, {
        demo: false,
        citizenToken: await server.token('citizen-1'),
        otherCitizenToken: await server.token('citizen-2'),
        caseworkerToken: await server.token('caseworker-1'),
      }));
      assert.deepEqual(ids(report, 'fail'), [], explain(report));
      assert.deepEqual(ids(report, 'skip'), ['chat-console.claim-race', 'chat-console.transfer'], explain(report));
      for (const id of ['chat-console.claim-race', 'chat-console.transfer']) {
        const result = report.results.find((candidate) => candidate.id === id);
        assert.match(result?.reason ?? '', /^needs a second caseworker who is offered the same chat queue; the run has one caseworker \(use --demo\)$/, id);
      }
      assert.equal(report.actors.citizen?.source, '--citizen-token');
    } finally {
      await server.close();
    }
  });

  it('accepts event: reset for a Last-Event-ID older than the server keeps', async () => {
    const report = await runAgainst({ retention: 'reset' });
    assert.deepEqual(ids(report, 'fail'), [], explain(report));
    const stale = report.results.find((result) => result.id === 'sse.stale-last-event-id');
    assert.deepEqual(stale?.notes, ['the server answered event: reset']);
  });

  it('reports the minted-token rules as skipped (never passed) without --jwt-secret', async () => {
    const server = await startFakeServer({ secret: SECRET });
    try {
      const withoutSecret = options(server.url);
      delete withoutSecret.jwtSecret;
      const report = await runConformance(withoutSecret);
      assert.deepEqual(ids(report, 'fail'), [], explain(report));
      const minted = ['auth.expired-token', 'auth.missing-exp', 'auth.unknown-user', 'auth.wrong-audience', 'setup.jwt-secret'];
      assert.deepEqual(ids(report, 'skip'), minted);
      for (const id of minted) {
        assert.equal(report.results.find((result) => result.id === id)?.reason, 'skipped (needs --jwt-secret)', id);
      }
    } finally {
      await server.close();
    }
  });

  it('fails setup.jwt-secret and skips the minted-token rules when the secret is wrong', async () => {
    const report = await runAgainst({}, { jwtSecret: 'not-the-servers-secret-0123456789abc' });
    assert.deepEqual(ids(report, 'fail'), ['setup.jwt-secret'], explain(report));
    const expired = report.results.find((result) => result.id === 'auth.expired-token');
    assert.equal(expired?.status, 'skip');
    assert.match(expired.reason ?? '', /needs a --jwt-secret the server accepts/);
  });

  it('skips the rules that need tokens when none are given, and says why', async () => {
    const report = await runAgainst({}, { demo: false });
    assert.deepEqual(ids(report, 'fail'), [], explain(report));
    const passed = ids(report, 'pass');
    assert.deepEqual(passed, [
      'auth.malformed-token', 'auth.missing-token', 'chat.create-idempotent', 'chat.create-validation', 'chat.status', 'config.public', 'config.shape', 'errors.unknown-route',
      'etag.config', 'setup.health', 'sse.requires-auth',
      'video.catalogue', 'video.filter-narrows', 'video.filters', 'video.media', 'video.query-validation', 'video.search', 'video.search-transcript', 'video.unknown',
    ]);
    const create = report.results.find((result) => result.id === 'notifications.create');
    assert.match(create?.reason ?? '', /needs a citizen token \(--citizen-token, JOBUNIVERS_CITIZEN_TOKEN or --demo\)/);
  });

  it('skips every self-booking rule, with the reason, when /v1/config says widgets.selfBooking is false', async () => {
    const report = await runAgainst({ selfBooking: false });
    assert.deepEqual(ids(report, 'fail'), [], explain(report));
    const booking = report.results.filter((result) => result.group === 'booking' || result.group === 'booking-desk');
    assert.ok(booking.length >= 20);
    for (const result of booking) {
      assert.equal(result.status, 'skip', result.id);
      assert.equal(result.reason, 'the server\'s GET /v1/config says widgets.selfBooking is false', result.id);
    }
    assert.deepEqual(ids(report, 'skip'), booking.map((result) => result.id).sort());
  });

  it('skips the rules that need a live chat, with the reason, when the chat is closed (and runs the others)', async () => {
    const report = await runAgainst({ chatOpen: false }, { only: ['chat', 'chat-console'] });
    assert.deepEqual(ids(report, 'fail'), [], explain(report));
    const open = ['chat-console.citizen-forbidden', 'chat-console.console', 'chat.caseworker-cannot-create', 'chat.create-idempotent', 'chat.create-validation', 'chat.isolation', 'chat.status'];
    const chatResults = report.results.filter((result) => result.group === 'chat' || result.group === 'chat-console');
    assert.deepEqual(chatResults.filter((result) => result.status === 'pass').map((result) => result.id).sort(), open, explain(report));
    for (const result of chatResults.filter((candidate) => candidate.status === 'skip')) {
      assert.match(result.reason ?? '', /^GET \/v1\/chat\/status says the chat is closed \(outside opening hours; it opens .+\): rules that need a live chat cannot run now$/, result.id);
    }
    assert.ok(chatResults.length - open.length >= 10);
  });

  it('leaves no chat conversation open and the caseworkers away again, and can run twice against the same server', async () => {
    const server = await startFakeServer({ secret: SECRET });
    try {
      for (let run = 0; run < 2; run++) {
        const report = await runConformance(options(server.url, { only: ['chat', 'chat-console'] }));
        assert.deepEqual(ids(report, 'fail'), [], explain(report));
        assert.deepEqual(ids(report, 'skip'), [], explain(report));
      }
      const caseworker = await server.token('caseworker-1');
      const res = await fetch(`${server.url}/v1/chat/console`, { headers: { Authorization: `Bearer ${caseworker}` } });
      const view = await res.json() as { presence: string; queue: unknown[]; mine: { conversation: { state: string } }[] };
      assert.equal(view.presence, 'away');
      assert.deepEqual(view.queue, []);
      assert.deepEqual(view.mine.filter((item) => item.conversation.state !== 'closed'), []);
    } finally {
      await server.close();
    }
  });

  it('skips the desk rules (never passes them) when the server has no booking desk', async () => {
    const report = await runAgainst({ desk: false }, { only: ['booking-desk'] });
    const desk = report.results.filter((result) => result.group === 'booking-desk');
    assert.ok(desk.length > 0);
    for (const result of desk) {
      assert.equal(result.status, 'skip', result.id);
      assert.match(result.reason ?? '', /^the server has no booking desk \(GET \/v1\/booking\/desk\/availability → 404 \(problem not-found\)\)$/);
    }
  });

  it('skips the rules that need a second citizen who shares a caseworker when it has none, and says how to give one', async () => {
    const server = await startFakeServer({ secret: SECRET });
    try {
      const report = await runConformance(options(server.url, {
        demo: false,
        only: ['booking'],
        citizenToken: await server.token('citizen-1'),
        caseworkerToken: await server.token('caseworker-1'),
      }));
      assert.deepEqual(ids(report, 'fail'), [], explain(report));
      assert.deepEqual(ids(report, 'skip'), ['booking.concurrent-holds', 'booking.hold-hides-slot', 'booking.other-citizen'], explain(report));
      const peer = report.results.find((result) => result.id === 'booking.hold-hides-slot');
      assert.match(peer?.reason ?? '', /needs a second citizen who sees the citizen's free times .*--other-citizen-token/);
    } finally {
      await server.close();
    }
  });

  it('skips every CV rule, with the reason, when /v1/config says widgets.cvBuilder is false', async () => {
    const report = await runAgainst({ cvBuilder: false }, { only: ['cv'] });
    assert.deepEqual(ids(report, 'fail'), [], explain(report));
    const cv = report.results.filter((result) => result.group === 'cv');
    assert.ok(cv.length >= 15);
    for (const result of cv) {
      assert.equal(result.status, 'skip', result.id);
      assert.equal(result.reason, 'the server\'s GET /v1/config says widgets.cvBuilder is false', result.id);
    }
  });

  it('puts every CV and its sharing back as they were, and can run twice against the same server', async () => {
    const server = await startFakeServer({ secret: SECRET });
    try {
      const citizen = await server.token('citizen-1');
      const other = await server.token('citizen-2');
      const read = async (token: string, path: string) => {
        const res = await fetch(`${server.url}${path}`, { headers: { Authorization: `Bearer ${token}` } });
        return { status: res.status, body: await res.json() as unknown };
      };
      for (let run = 0; run < 2; run++) {
        const report = await runConformance(options(server.url, { only: ['cv'] }));
        assert.deepEqual(ids(report, 'fail'), [], explain(report));
        assert.deepEqual(ids(report, 'skip'), [], explain(report));
      }
      assert.deepEqual(await read(citizen, '/v1/me/cv'), { status: 200, body: FAKE_SEED_CV });
      assert.equal(((await read(citizen, '/v1/me/cv/share')).body as { shared: boolean }).shared, true, 'still shared');
      assert.equal((await read(other, '/v1/me/cv')).status, 404, 'the other citizen had no CV before the run and has none after it');
      const caseworker = await server.token('caseworker-1');
      const list = (await read(caseworker, '/v1/cvs')).body as { items: { citizenId: string; name: string }[] };
      assert.deepEqual(list.items.map((item) => [item.citizenId, item.name]), [['citizen-1', 'Mette Jensen']]);
    } finally {
      await server.close();
    }
  });

  it('skips every joblog rule, with the reason, when /v1/config says widgets.joblog is false', async () => {
    const report = await runAgainst({ joblog: false }, { only: ['joblog'] });
    assert.deepEqual(ids(report, 'fail'), [], explain(report));
    const joblog = report.results.filter((result) => result.group === 'joblog');
    assert.ok(joblog.length >= 19);
    for (const result of joblog) {
      assert.equal(result.status, 'skip', result.id);
      assert.equal(result.reason, 'the server\'s GET /v1/config says widgets.joblog is false', result.id);
    }
  });

  it('deletes every entry it made and puts the sharing and the requirement back, and can run twice against the same server', async () => {
    const server = await startFakeServer({ secret: SECRET });
    try {
      const citizen = await server.token('citizen-1');
      const other = await server.token('citizen-2');
      const caseworker = await server.token('caseworker-1');
      const read = async (token: string, path: string) => {
        const res = await fetch(`${server.url}${path}`, { headers: { Authorization: `Bearer ${token}` } });
        return { status: res.status, body: await res.json() as unknown };
      };
      const live = async (token: string) => {
        const feed = (await read(token, '/v1/me/joblog/entries?limit=1000')).body as { items: { id: string; deleted?: true; title?: string }[] };
        return feed.items.filter((item) => item.deleted !== true).map((item) => item.id).sort();
      };
      const seed = fakeSeedJoblog();
      for (let run = 0; run < 2; run++) {
        const report = await runConformance(options(server.url, { only: ['joblog'] }));
        assert.deepEqual(ids(report, 'fail'), [], explain(report));
        assert.deepEqual(ids(report, 'skip'), [], explain(report));
      }
      assert.deepEqual(await live(citizen), seed.entries.map((entry) => entry.id).sort(), 'only the citizen\'s own entries are left');
      assert.deepEqual(await live(other), [], 'the other citizen had no entries before the runs and has none after them');
      assert.deepEqual(await read(citizen, '/v1/me/joblog/requirement'), { status: 200, body: seed.requirement });
      assert.equal(((await read(citizen, '/v1/me/joblog/share')).body as { shared: boolean }).shared, true, 'still shared');
      assert.equal(((await read(other, '/v1/me/joblog/share')).body as { shared: boolean }).shared, false, 'the other citizen did not share before and does not after');
      const list = (await read(caseworker, '/v1/joblogs')).body as { items: { citizenId: string; entryCount: number }[] };
      assert.deepEqual(list.items.map((item) => [item.citizenId, item.entryCount]), [['citizen-1', 2]]);
    } finally {
      await server.close();
    }
  });

  it('leaves no booking booked and can run twice against the same server', async () => {
    const server = await startFakeServer({ secret: SECRET });
    try {
      for (let run = 0; run < 2; run++) {
        const report = await runConformance(options(server.url, { only: ['booking', 'booking-desk'] }));
        assert.deepEqual(ids(report, 'fail'), [], explain(report));
        assert.deepEqual(ids(report, 'skip'), [], explain(report));
      }
      const citizen = await server.token('citizen-1');
      const res = await fetch(`${server.url}/v1/booking/bookings`, { headers: { Authorization: `Bearer ${citizen}` } });
      const page = await res.json() as { items: { status: string }[] };
      assert.ok(page.items.length > 0);
      assert.deepEqual(page.items.filter((item) => item.status !== 'cancelled'), []);
    } finally {
      await server.close();
    }
  });

  it('runs rate-limit.429 only when asked, and passes it on a 429 with Retry-After', async () => {
    const report = await runAgainst({ rateLimit: 40 }, { only: ['rate-limit'], includeRateLimit: true });
    assert.equal(report.results.find((result) => result.id === 'rate-limit.429')?.status, 'pass', explain(report));
  });

  it('skips rate-limit.429 (never passes it) when the server never answers 429', async () => {
    const report = await runAgainst({}, { only: ['rate-limit'], includeRateLimit: true, rateLimitRequests: 30 });
    const result = report.results.find((candidate) => candidate.id === 'rate-limit.429');
    assert.equal(result?.status, 'skip');
    assert.match(result.reason ?? '', /no 429 after 30 requests/);
  });
});

/** Each break and exactly the rules that must fail because of it. */
const BREAKS: [Break, string[]][] = [
  ['stale-if-match-accepted', ['etag.stale-if-match']],
  ['if-match-optional', ['etag.if-match-required']],
  ['text-plain-404', ['errors.unknown-route']],
  ['no-www-authenticate', ['auth.bad-signature', 'auth.expired-token', 'auth.malformed-token', 'auth.missing-exp', 'auth.missing-token', 'auth.unknown-user', 'auth.wrong-audience', 'sse.requires-auth']],
  ['expired-accepted', ['auth.expired-token']],
  ['audience-as-invalid', ['auth.wrong-audience']],
  ['no-body-limit', ['errors.payload-too-large']],
  ['unknown-fields-allowed', ['errors.unknown-field']],
  ['config-bad-shape', ['config.shape']],
  ['hang-on-if-none-match', ['etag.config']],
  ['replay-without-header', ['idempotency.replay']],
  ['racy-idempotency', ['idempotency.concurrent']],
  ['offset-cursor', ['pagination.stable']],
  ['accept-any-cursor', ['pagination.invalid-cursor']],
  ['read-not-idempotent', ['notifications.read']],
  ['other-citizen-can-read', ['authorisation.other-citizens-notification']],
  ['sse-no-replay', ['sse.resume', 'sse.stale-last-event-id']],
  ['sse-duplicate-on-resume', ['sse.resume']],
  ['racy-claims', ['booking.concurrent-bookings', 'booking.concurrent-holds']],
  ['reschedule-new-id', ['booking.calendar', 'booking.reschedule']],
  ['calendar-uid-unstable', ['booking.calendar']],
  ['held-slot-visible', ['booking.hold-hides-slot']],
  ['desk-stale-if-match-accepted', ['booking-desk.availability']],
  ['desk-move-without-reason', ['booking-desk.move']],
  ['booking-no-events', ['booking-desk.events']],
  ['chat-duplicate-on-retry', ['chat.message-retry']],
  ['chat-note-leak', ['chat-console.notes-private', 'chat-console.transfer']],
  ['chat-no-reset', ['chat.stream-reset']],
  ['chat-spoofed-type-accepted', ['chat.attachment-spoofed-type']],
  ['chat-claim-race-double', ['chat-console.claim-race']],
  ['chat-download-inline', ['chat.attachment-download']],
  ['chat-token-reads-any', ['chat.attachment-download', 'chat.isolation']],
  ['chat-no-console-changed', ['chat-console.console-changed']],
  ['chat-live-when-busy', ['chat.status']],
  ['chat-read-goes-back', ['chat.read']],
  ['chat-former-can-write', ['chat-console.transfer']],
  ['video-search-no-marks', ['video.search', 'video.search-transcript']],
  ['video-filter-ignored', ['video.filter-narrows']],
  ['video-no-range', ['video.media']],
  ['video-vtt-wrong-type', ['video.media']],
  ['video-progress-anonymous', ['video.progress-auth']],
  ['video-progress-overwrites', ['video.progress-merge', 'video.progress-parallel']],
  ['video-progress-racy', ['video.progress-parallel']],
  ['video-completed-resets', ['video.progress-completed']],
  ['video-bad-ranges-accepted', ['video.progress-validation']],
  ['cv-create-overwrites', ['cv.create']],
  ['cv-precondition-optional', ['cv.precondition-required']],
  ['cv-stale-accepted', ['cv.concurrent-update', 'cv.stale-if-match']],
  ['cv-racy-update', ['cv.concurrent-update']],
  ['cv-drops-unknown-fields', ['cv.round-trip']],
  ['cv-bad-dates-accepted', ['cv.validation']],
  ['cv-64k-limit', ['cv.size']],
  ['cv-consent-unchecked', ['cv.share-validation']],
  ['cv-revoke-ignored', ['cv.revoke']],
  ['cv-delete-keeps-share', ['cv.delete']],
  ['cv-citizen-reads-shared', ['cv.citizen-forbidden']],
  ['cv-unassigned-visible', ['cv.isolation']],
  ['cv-caseworker-has-cv', ['cv.caseworker-forbidden']],
  ['joblog-create-overwrites', ['joblog.create']],
  ['joblog-precondition-optional', ['joblog.precondition-required']],
  ['joblog-stale-accepted', ['joblog.concurrent-update', 'joblog.stale-if-match']],
  ['joblog-racy-update', ['joblog.concurrent-update']],
  ['joblog-conflict-without-current', ['joblog.concurrent-update', 'joblog.create', 'joblog.delete', 'joblog.stale-if-match']],
  ['joblog-retry-conflicts', ['joblog.retry']],
  ['joblog-drops-fields', ['joblog.round-trip']],
  ['joblog-unreal-dates-accepted', ['joblog.validation']],
  ['joblog-no-tombstones', ['joblog.delete']],
  ['joblog-feed-by-creation', ['joblog.feed', 'joblog.share']],
  ['joblog-feed-racy', ['joblog.feed-concurrent']],
  ['joblog-limit-ignored', ['joblog.feed', 'joblog.feed-concurrent']],
  ['joblog-consent-unchecked', ['joblog.share-validation']],
  ['joblog-revoke-ignored', ['joblog.revoke']],
  ['joblog-counts-saved', ['joblog.counts']],
  ['joblog-requirement-unchecked', ['joblog.requirement']],
  ['joblog-requirement-overwrites', ['joblog.requirement']],
  ['joblog-citizen-reads-shared', ['joblog.citizen-forbidden']],
  ['joblog-caseworker-has-joblog', ['joblog.caseworker-forbidden']],
  ['joblog-unassigned-visible', ['joblog.isolation']],
];

describe('a server broken in one way fails exactly the rules that check it', { concurrency: true }, () => {
  for (const [broken, expected] of BREAKS) {
    it(broken, async () => {
      // A chat break touches only /v1/chat/… (and chat events): its run is limited to the chat groups, which keeps the
      // ~40 parallel runs of this block light. The hanging run's per-rule timeout leaves room for a busy 2-core machine.
      const only = broken.startsWith('chat-') ? { only: ['chat', 'chat-console'] } : broken.startsWith('video-') ? { only: ['video'] } : broken.startsWith('cv-') ? { only: ['cv'] } : broken.startsWith('joblog-') ? { only: ['joblog'] } : {};
      const report = await runAgainst({ breaks: [broken] }, broken === 'hang-on-if-none-match' ? { timeoutMs: 4000 } : only);
      assert.deepEqual(ids(report, 'fail'), [...expected].sort(), explain(report));
      assert.deepEqual(ids(report, 'skip'), [], explain(report));
      for (const result of report.results.filter((candidate) => candidate.status === 'fail')) {
        assert.ok((result.reason ?? '').length > 0, `${result.id} failed without a reason`);
      }
    });
  }

  it('a hanging server fails the rule on its timeout instead of hanging the suite', async () => {
    const started = Date.now();
    const report = await runAgainst({ breaks: ['hang-on-if-none-match'] }, { timeoutMs: 1000, only: ['etag.config'] });
    const result = report.results.find((candidate) => candidate.id === 'etag.config');
    assert.equal(result?.status, 'fail');
    assert.match(result.reason ?? '', /^timed out after 1000 ms \(while: GET \/v1\/config with If-None-Match: "1"\)$/);
    assert.ok(Date.now() - started < 10_000);
  });
});

describe('the command line', { concurrency: true }, () => {
  it('jobunivers-contract conformance --help prints the options and exits 0', async () => {
    const { code, stdout } = await run(['conformance', '--help']);
    assert.equal(code, 0);
    for (const option of ['--api', '--citizen-token', '--other-citizen-token', '--caseworker-token', '--demo', '--jwt-secret', '--audience', '--issuer', '--only', '--include-rate-limit', '--timeout', '--json', '--fail-on-skip', 'JOBUNIVERS_CITIZEN_TOKEN']) {
      assert.ok(stdout.includes(option), `--help does not mention ${option}`);
    }
  });

  it('exits 2 with a message for a usage error', async () => {
    const missing = await run(['conformance']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /--api URL is required/);
    const unknown = await run(['conformance', '--api', 'http://127.0.0.1:1', '--bogus']);
    assert.equal(unknown.code, 2);
    const command = await run(['frobnicate']);
    assert.equal(command.code, 2);
  });

  it('prints the text report ending in the count line and exits 1 on a failure', async () => {
    const server = await startFakeServer({ secret: SECRET, breaks: ['stale-if-match-accepted'] });
    try {
      const { code, stdout } = await run(['conformance', '--api', server.url, '--demo', '--jwt-secret', SECRET]);
      assert.equal(code, 1);
      assert.match(stdout, /^ {2}FAIL {2}etag\.stale-if-match +.*\n {8}↳ expected 412 etag-mismatch, got PUT \/v1\/me\/preferences → 200\n/m);
      assert.match(stdout, /\nnot run: rate-limit\.429 \(opt-in: --include-rate-limit\)\n/);
      assert.match(stdout, /\nconformance: 140 passed, 1 failed, 0 skipped\n$/);
    } finally {
      await server.close();
    }
  });

  it('--json prints one machine-readable report; tokens come from the environment', async () => {
    const server = await startFakeServer({ secret: SECRET });
    try {
      const env = {
        JOBUNIVERS_CITIZEN_TOKEN: await server.token('citizen-1'),
        JOBUNIVERS_OTHER_CITIZEN_TOKEN: await server.token('citizen-2'),
        JOBUNIVERS_CASEWORKER_TOKEN: await server.token('caseworker-1'),
        JOBUNIVERS_JWT_SECRET: SECRET,
      };
      const { code, stdout } = await run(['conformance', '--api', server.url, '--json', '--demo'], env);
      assert.equal(code, 0, stdout);
      const report = JSON.parse(stdout) as SuiteReport;
      assert.deepEqual(report.summary, { passed: report.results.length, failed: 0, skipped: 0 });
      assert.deepEqual(report.notRun, ['rate-limit.429']);
      const { code: complete } = await run(['conformance', '--api', server.url, '--fail-on-skip', '--demo'], env);
      assert.equal(complete, 0, 'every rule runs with three tokens, the secret and --demo (which finds a second caseworker for the claim race)');
      assert.equal(report.actors.caseworker?.source, '--caseworker-token');
      const { code: strict } = await run(['conformance', '--api', server.url, '--json', '--fail-on-skip', '--only', 'config'], env);
      assert.equal(strict, 0, 'nothing skipped among setup and config');
      const { code: skipping } = await run(['conformance', '--api', server.url, '--fail-on-skip', '--only', 'config']);
      assert.equal(skipping, 1, 'setup.tokens and setup.jwt-secret are skipped without tokens');
    } finally {
      await server.close();
    }
  });

  it('main() can be called in-process with its own output', async () => {
    let text = '';
    const code = await main(['--list', '--only', 'sse'], { out: (chunk) => { text += chunk; }, err: (chunk) => { text += chunk; } });
    assert.equal(code, 0);
    assert.match(text, /sse\.resume/);
    assert.doesNotMatch(text, /etag\.update/);
  });
});
