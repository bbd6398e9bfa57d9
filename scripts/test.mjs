#!/usr/bin/env node
// `npm test`: every quality gate of the project, in order, with one summary at the end.
// Gates run even after an earlier one failed (so one run shows every problem); a gate whose input
// could not be built is skipped. The last line is `tests: N passed, N failed, N skipped`, where a
// test runner contributes its test cases and every other gate counts as one check.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { startPostgres } from './postgres.mjs';

const RESULTS = '.test-results';
rmSync(RESULTS, { recursive: true, force: true });

/** @typedef {{ passed: number, failed: number, skipped: number }} Tally */
/** @type {{ name: string, command: string, results?: string, parse?: (output: string) => Tally | undefined, needs?: string[] }[]} */
const gates = [
  { name: 'typecheck', command: 'npx tsc -p tsconfig.json && npx tsc -p packages/contract/tsconfig.json && npx tsc -p packages/server/tsconfig.json' },
  { name: 'lint', command: 'npx eslint .' },
  { name: 'lit-analyzer', command: 'npm run --silent lit-analyzer' },
  { name: 'manifest is fresh', command: 'node scripts/check-manifest.mjs' },
  { name: 'OpenAPI document is fresh', command: 'npm run --silent openapi:check -w @jobunivers/contract' },
  { name: 'build', command: 'npm run --silent build' },
  { name: 'component tests', command: 'npx web-test-runner', results: `${RESULTS}/components.json` },
  { name: 'story tests (axe, every language and theme)', command: 'npm run --silent test:stories', parse: parseVitest },
  { name: 'conformance suite self-tests', command: 'npm run --silent test -w @jobunivers/contract', parse: parseNodeTest },
  { name: 'CV exports valid against the JSON Resume 1.2.1 schema (ajv)', command: 'npm run --silent test -w @jobunivers/cv-builder', parse: parseNodeTest },
  { name: 'server tests (SQLite + PostgreSQL)', command: 'npm run --silent test -w @jobunivers/server', parse: parseNodeTest },
  { name: 'conformance vs reference server', command: 'node --test e2e/conformance.test.mjs', needs: ['build'], parse: parseNodeTest },
  { name: 'demo site journeys (Playwright)', command: 'node --test e2e/demo-site.test.mjs', needs: ['build'], parse: parseNodeTest },
  { name: 'self-booking journeys (Playwright)', command: 'node --test e2e/self-booking.test.mjs', needs: ['build'], parse: parseNodeTest },
  { name: 'live chat journey (Playwright, two browser contexts)', command: 'node --test e2e/live-chat.test.mjs', needs: ['build'], parse: parseNodeTest },
  { name: 'video library journey (Playwright, real demo media)', command: 'node --test e2e/video-library.test.mjs', needs: ['build'], parse: parseNodeTest },
  { name: 'CV builder journey (Playwright: reload mid-typing, PDF, share)', command: 'node --test e2e/cv-builder.test.mjs', needs: ['build'], parse: parseNodeTest },
  { name: 'joblog journey (Playwright: add, move, export, reload without the server, caseworker)', command: 'node --test e2e/joblog.test.mjs', needs: ['build'], parse: parseNodeTest },
  { name: 'chat delivery under cuts and restarts', command: 'node --test e2e/chat-delivery.test.mjs', needs: ['build'], parse: parseNodeTest },
  { name: 'strict-CSP page', command: 'npm run --silent test:csp', needs: ['build'], parse: parseNodeTest },
  { name: 'size budgets', command: 'npm run --silent budgets', needs: ['build'], results: `${RESULTS}/budgets.json` },
];

// PostgreSQL for the server tests, the conformance run and the two-instance test: a throwaway cluster unless
// TEST_DATABASE_URL points at one already.
const postgres = process.env.TEST_DATABASE_URL ? undefined : await startPostgres();
if (postgres) process.env.TEST_DATABASE_URL = postgres.url;
if (!process.env.TEST_DATABASE_URL) process.stdout.write('note: PostgreSQL is not installed; its tests will be skipped (apt-get install postgresql).\n');
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => { postgres?.stop(); process.exit(130); });

function parseNodeTest(output) {
  const number = (label) => Number(new RegExp(`^(?:#|ℹ) ${label} (\\d+)$`, 'm').exec(output)?.[1] ?? NaN);
  const tally = { passed: number('pass'), failed: number('fail'), skipped: number('skipped') + number('todo') };
  return Number.isNaN(tally.passed) ? undefined : tally;
}

function parseVitest() {
  const file = `${RESULTS}/stories.json`;
  if (!existsSync(file)) return undefined;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  return {
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) + (report.numRuntimeErrorTestSuites ?? 0),
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}

function run(command) {
  return new Promise((resolve) => {
    const child = spawn(command, { shell: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
    let output = '';
    const forward = (stream) => (chunk) => {
      output += chunk;
      stream.write(chunk);
    };
    child.stdout.on('data', forward(process.stdout));
    child.stderr.on('data', forward(process.stderr));
    child.on('close', (code) => { resolve({ code: code ?? 1, output }); });
  });
}

const total = { passed: 0, failed: 0, skipped: 0 };
const rows = [];
const failedGates = new Set();
for (const gate of gates) {
  const missing = (gate.needs ?? []).filter((name) => failedGates.has(name));
  if (missing.length > 0) {
    rows.push([gate.name, 'SKIPPED', `needs ${missing.join(', ')}`, '']);
    total.skipped++;
    continue;
  }
  process.stdout.write(`\n━━ ${gate.name}: ${gate.command}\n`);
  const started = performance.now();
  const { code, output } = await run(gate.command);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  let tally;
  if (gate.results && existsSync(gate.results)) tally = JSON.parse(readFileSync(gate.results, 'utf8'));
  tally ??= gate.parse?.(output);
  // Counts that are not whole numbers mean the runner's report could not be read: judge by exit code only.
  if (tally && !['passed', 'failed', 'skipped'].every((key) => Number.isInteger(tally[key]))) tally = undefined;
  if (tally) {
    // A runner that exits non-zero without reporting a failed test (a crash, a file that did not load) still fails.
    if (code !== 0 && tally.failed === 0) tally.failed = 1;
    if (code === 0 && tally.passed === 0 && tally.failed === 0) tally.failed = 1; // a runner that ran nothing has tested nothing
  } else {
    tally = code === 0 ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0 };
  }
  for (const key of Object.keys(total)) total[key] += tally[key];
  if (code !== 0 || tally.failed > 0) failedGates.add(gate.name);
  rows.push([gate.name, failedGates.has(gate.name) ? 'FAILED' : 'ok', `${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped`, `${seconds} s`]);
}

const width = Math.max(...rows.map((row) => row[0].length));
process.stdout.write('\n━━ summary\n');
for (const [name, status, counts, time] of rows) process.stdout.write(`${name.padEnd(width)}  ${status.padEnd(7)}  ${counts.padEnd(34)} ${time}\n`);
postgres?.stop();
process.stdout.write(`tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped\n`);
process.exitCode = total.failed > 0 || failedGates.size > 0 ? 1 : 0;
