// The conformance suite (`npx @jobunivers/contract conformance`) against the reference server, on SQLite and on
// PostgreSQL, exactly as a vendor would run it against their own back end.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import pg from 'pg';
import { ROOT, startReferenceServer } from './reference-server.mjs';

const CLI = join(ROOT, 'packages/contract/bin/jobunivers-contract.js');
const DEMO_SECRET = 'jobunivers-demo-secret-do-not-use-in-production';

// The suite sends a few hundred requests a minute from one address (the self-booking groups alone about 200);
// the reference server's default limit (300 a minute per client) would make it wait a minute for Retry-After.
// Rate limiting has its own opt-in rule, so the limit is raised here.
const RATE_LIMIT = '10000';

async function runSuiteAgainst(databaseUrl) {
  const server = await startReferenceServer({ databaseUrl, env: { RATE_LIMIT } });
  try {
    const result = spawnSync(process.execPath, [CLI, 'conformance', '--api', server.url, '--demo', '--jwt-secret', DEMO_SECRET], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    process.stdout.write(result.stdout.split('\n').map((line) => `# ${line}`).join('\n') + '\n');
    const summary = /conformance: (\d+) passed, (\d+) failed, (\d+) skipped/.exec(result.stdout);
    assert.ok(summary, `no summary line in the suite's output:\n${result.stdout}\n${result.stderr}`);
    const [passed, failed, skipped] = summary.slice(1).map(Number);
    assert.equal(failed, 0, `rules failed:\n${result.stdout}`);
    assert.equal(skipped, 0, 'with --demo and --jwt-secret every rule must run');
    assert.ok(passed > 90, `only ${passed} rules ran`);
    for (const group of ['booking', 'booking-desk', 'chat', 'chat-console', 'video', 'cv', 'joblog']) {
      assert.match(result.stdout, new RegExp(`^${group} — `, 'm'), `the ${group} group did not run`);
    }
    assert.doesNotMatch(result.stdout, /^rate limit:/m, 'the suite waited for the rate limit');
    assert.equal(result.status, 0);
  } finally {
    await server.stop();
  }
}

/** A fresh database on the test cluster, so the demo seed meets nothing left by other tests. */
async function freshPostgresDatabase(url) {
  const name = `conformance_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const client = new pg.Client(url);
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const fresh = new URL(url);
  fresh.pathname = `/${name}`;
  return fresh.href;
}

describe('conformance suite against the reference server', { timeout: 240_000 }, () => {
  it('passes every rule on SQLite', () => runSuiteAgainst(undefined));

  it('passes every rule on PostgreSQL', { skip: process.env.TEST_DATABASE_URL ? false : 'TEST_DATABASE_URL is not set' }, () =>
    freshPostgresDatabase(process.env.TEST_DATABASE_URL).then(runSuiteAgainst));
});
