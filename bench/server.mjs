#!/usr/bin/env node
// Server benchmarks of the reference server (packages/server): HTTP load on GET /v1/config with autocannon
// against a bare node:http baseline from the same run, and SSE fan-out latency of notification.created, on
// SQLite and (when installed) PostgreSQL, including two instances sharing one database (LISTEN/NOTIFY).
// The second half of `npm run bench` — not part of `npm test`. See bench/README.md.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { ROOT } from '../e2e/reference-server.mjs';
import { machineReport } from './machine.mjs';
import { ascending, benchRun, delay, demoTokens, ensureServerBuilt, envNumber, ms, openStream, percentile, printTable } from './server-harness.mjs';
import { startPostgres } from '../scripts/postgres.mjs';

const HTTP_CONNECTIONS = envNumber('BENCH_HTTP_CONNECTIONS', 10);
const HTTP_SECONDS = envNumber('BENCH_HTTP_SECONDS', 10);
const HTTP_WARMUP_SECONDS = envNumber('BENCH_HTTP_WARMUP_SECONDS', 2);
const SSE_CLIENTS = envNumber('BENCH_SSE_CLIENTS', 50);
const SSE_EVENTS = envNumber('BENCH_SSE_EVENTS', 100);
/** A round whose events have not all arrived by then counts the rest as missing and the bench moves on. */
const SSE_ROUND_TIMEOUT_MS = 5000;
const WITH_POSTGRES = process.env.BENCH_POSTGRES !== '0';
/**
 * The server limits requests per minute per client (RATE_LIMIT, default 300), and every bench client is
 * 127.0.0.1: with the default the load test would measure 429 answers after the first 300 requests.
 */
const SERVER_ENV = { RATE_LIMIT: '1000000' };

// The demo's citizens and, from packages/server/src/seed.ts (ASSIGNMENTS), a caseworker assigned to each.
const CASEWORKER_OF = {
  'citizen-1': 'caseworker-1',
  'citizen-2': 'caseworker-1',
  'citizen-3': 'caseworker-2',
  'citizen-4': 'caseworker-3',
};
const CITIZENS = Object.keys(CASEWORKER_OF);

ensureServerBuilt();

// ── helpers ──────────────────────────────────────────────────────────────────────────────────────────────────

const integer = (value) => Math.round(value).toLocaleString('en-US');


/** The SSE clients of the running fan-out, aborted first on Ctrl+C. */
const openClients = new Set();
const run = benchRun({ serverEnv: SERVER_ENV, onInterrupt: () => { for (const controller of openClients) controller.abort(); } });

/** The baseline: a bare node:http server in its own process (like the reference server) answering fixed bytes. */
async function startBaseline(body) {
  const source = `
    const { createServer } = require('node:http');
    const body = Buffer.from(process.env.BENCH_BODY, 'base64');
    const server = createServer((request, response) => {
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
      response.end(body);
    });
    server.listen(0, '127.0.0.1', () => { console.log('port ' + server.address().port); });
    process.on('SIGTERM', () => { process.exit(0); });`;
  const child = spawn(process.execPath, ['-e', source], { env: { ...process.env, BENCH_BODY: body.toString('base64') }, stdio: ['ignore', 'pipe', 'inherit'] });
  const stop = () => new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve();
      return;
    }
    child.once('exit', () => { resolve(); });
    child.kill('SIGTERM');
  });
  run.defer(stop);
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => { reject(new Error('the baseline server did not start within 10 s')); }, 10_000);
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /port (\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the baseline server exited with ${String(code)}`));
    });
  });
  return { url: `http://127.0.0.1:${port}`, stop };
}

// ── 1. HTTP load ─────────────────────────────────────────────────────────────────────────────────────────────

/**
 * A warm-up run, then the measured run. autocannon's histogram keeps whole milliseconds, so the latencies are
 * also recorded here from its `response` events (sub-millisecond) and the percentiles computed from those.
 */
async function httpLoad(url) {
  await autocannon({ url, connections: HTTP_CONNECTIONS, duration: HTTP_WARMUP_SECONDS });
  const latencies = [];
  const instance = autocannon({ url, connections: HTTP_CONNECTIONS, duration: HTTP_SECONDS });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
  });
  const result = await instance;
  const sorted = ascending(latencies);
  return {
    rps: result.requests.total / (result.duration || HTTP_SECONDS),
    total: result.requests.total,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    max: sorted.at(-1) ?? Number.NaN,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes: result.statusCodeStats,
  };
}

// ── 2. SSE fan-out ───────────────────────────────────────────────────────────────────────────────────────────

/**
 * `clients` streams on `streamUrl` spread over the demo's four citizens; then the caseworkers publish
 * SSE_EVENTS notifications through `publishUrl`, one at a time, each to one citizen (round robin), and every
 * delivery is timed from just before the POST is sent to the event's arrival on each of that citizen's streams.
 */
async function fanOut({ publishUrl, streamUrl, clients = SSE_CLIENTS, events = SSE_EVENTS }) {
  const tokens = await demoTokens(publishUrl, [...CITIZENS, ...new Set(Object.values(CASEWORKER_OF))]);
  const tag = randomUUID().slice(0, 8);
  const controller = new AbortController();
  openClients.add(controller);
  const rounds = new Map(); // title → { sentAt, expected, latencies, resolve }
  const streamsOf = new Map(CITIZENS.map((citizen) => [citizen, 0]));
  let duplicates = 0;
  let unexpected = 0;
  let outOfOrder = 0;
  let dropped = 0;

  const streams = [];
  try {
    // Opened a few at a time so the open itself is not what is measured.
    for (let index = 0; index < clients; index += 10) {
      const batch = [];
      for (let offset = index; offset < Math.min(clients, index + 10); offset += 1) {
        const citizen = CITIZENS[offset % CITIZENS.length];
        streamsOf.set(citizen, (streamsOf.get(citizen) ?? 0) + 1);
        const seen = new Set();
        let lastId = 0;
        batch.push(openStream(`${streamUrl}/v1/events`, tokens.get(citizen), controller.signal, (event, arrivedAt) => {
          if (event.type !== 'notification.created') return;
          const id = Number(event.id);
          if (id <= lastId) outOfOrder += 1;
          lastId = Math.max(lastId, id);
          const notification = JSON.parse(event.data).data;
          const round = rounds.get(notification.title);
          if (round === undefined || notification.citizenId !== citizen) {
            unexpected += 1;
            return;
          }
          if (seen.has(notification.title)) {
            duplicates += 1;
            return;
          }
          seen.add(notification.title);
          round.latencies.push(arrivedAt - round.sentAt);
          if (round.latencies.length === round.expected) round.resolve();
        }));
      }
      streams.push(...(await Promise.all(batch)));
    }
    for (const { done } of streams) {
      void done.then(
        () => { if (!controller.signal.aborted) dropped += 1; },
        () => { if (!controller.signal.aborted) dropped += 1; },
      );
    }

    const postTimes = [];
    const publish = async (title, citizen) => {
      let resolve;
      const delivered = new Promise((settle) => { resolve = settle; });
      const round = { sentAt: performance.now(), expected: streamsOf.get(citizen) ?? 0, latencies: [], resolve };
      rounds.set(title, round);
      const response = await fetch(`${publishUrl}/v1/citizens/${citizen}/notifications`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${tokens.get(CASEWORKER_OF[citizen]) ?? ''}`,
          'content-type': 'application/json',
          'idempotency-key': randomUUID(),
        },
        body: JSON.stringify({ title, body: 'A benchmark notification (bench/server.mjs).' }),
      });
      postTimes.push(performance.now() - round.sentAt);
      if (response.status !== 201) throw new Error(`POST …/notifications answered ${String(response.status)}: ${await response.text()}`);
      await response.arrayBuffer();
      if (round.latencies.length < round.expected) {
        let timer;
        await Promise.race([delivered, new Promise((settle) => { timer = setTimeout(settle, SSE_ROUND_TIMEOUT_MS); })]);
        clearTimeout(timer);
      }
      return round;
    };

    // Warm-up: notifications per citizen, not counted, until one reached every stream of the citizen (a stream
    // without Last-Event-ID gets only events committed after it read the newest seq, a moment after `retry:`).
    await delay(200);
    for (const citizen of CITIZENS) {
      for (let attempt = 1; ; attempt += 1) {
        const round = await publish(`bench:${tag}:warm-up:${citizen}:${String(attempt)}`, citizen);
        if (round.latencies.length === round.expected) break;
        if (attempt === 3) {
          throw new Error(`warm-up: ${String(round.latencies.length)} of ${String(round.expected)} streams of ${citizen} got the event within ${String(SSE_ROUND_TIMEOUT_MS)} ms`);
        }
      }
    }
    postTimes.length = 0;

    const latencies = [];
    let expected = 0;
    const started = performance.now();
    for (let index = 0; index < events; index += 1) {
      const round = await publish(`bench:${tag}:${String(index)}`, CITIZENS[index % CITIZENS.length]);
      expected += round.expected;
      latencies.push(...round.latencies);
    }
    const seconds = (performance.now() - started) / 1000;
    const sorted = ascending(latencies);
    const posts = ascending(postTimes);
    return {
      clients,
      events,
      expected,
      delivered: sorted.length,
      p50: percentile(sorted, 0.5),
      p99: percentile(sorted, 0.99),
      max: sorted.at(-1) ?? Number.NaN,
      postP50: percentile(posts, 0.5),
      postP99: percentile(posts, 0.99),
      seconds,
      duplicates,
      unexpected,
      outOfOrder,
      dropped,
    };
  } finally {
    controller.abort();
    openClients.delete(controller);
    await Promise.allSettled(streams.map(({ done }) => done));
  }
}

// ── the run ──────────────────────────────────────────────────────────────────────────────────────────────────

const machine = machineReport();
const httpRows = [];
const sseRows = [];
const notes = [];

async function httpPair(label, url, baseline) {
  process.stdout.write(`HTTP: node:http baseline (before ${label}) …`);
  const base = await httpLoad(baseline.url);
  process.stdout.write(` ${integer(base.rps)} req/s; ${label} …`);
  const measured = await httpLoad(`${url}/v1/config`);
  console.log(` ${integer(measured.rps)} req/s`);
  httpRows.push({ label: `node:http baseline (paired with ${label})`, result: base });
  httpRows.push({ label: `GET /v1/config, ${label}`, result: measured, baseline: base });
}

async function sseRun(label, options) {
  process.stdout.write(`SSE: ${label} …`);
  const result = await fanOut(options);
  console.log(` ${String(result.delivered)}/${String(result.expected)} delivered, p50 ${ms(result.p50)}`);
  sseRows.push({ label, result });
}

function checkOutput(label, server) {
  // LOG_LEVEL is warn: anything beyond the banner and the demo-secret warning is worth a look.
  const lines = server.output().split('\n').filter((line) => line.trim() !== '' && !/^\s{2}\S|^Jobunivers reference server|JWT_SECRET is not set/.test(line));
  if (lines.length > 0) notes.push(`${label} server logged ${String(lines.length)} line(s) at warn or above, e.g. ${lines[0].slice(0, 300)}`);
}

let failed = false;
try {
  const sqlite = await run.startServer(undefined);
  const body = Buffer.from(await (await fetch(`${sqlite.url}/v1/config`)).arrayBuffer());
  const baseline = await startBaseline(body);
  console.log(`GET /v1/config answers ${String(body.length)} B of JSON; the baseline answers the same bytes.\n`);

  await httpPair('SQLite', sqlite.url, baseline);
  await sseRun('SQLite, one instance', { publishUrl: sqlite.url, streamUrl: sqlite.url });
  checkOutput('SQLite', sqlite);
  await sqlite.stop();

  const postgres = WITH_POSTGRES ? await startPostgres() : undefined;
  if (postgres === undefined) {
    notes.push(WITH_POSTGRES ? 'PostgreSQL is not installed (apt-get install -y postgresql): its rows were skipped.' : 'BENCH_POSTGRES=0: PostgreSQL skipped.');
  } else {
    run.defer(() => { postgres.stop(); });
    // One at a time: each instance migrates and seeds (idempotently) on start.
    const a = await run.startServer(postgres.url);
    await httpPair('PostgreSQL', a.url, baseline);
    await sseRun('PostgreSQL, one instance', { publishUrl: a.url, streamUrl: a.url });
    const b = await run.startServer(postgres.url);
    await sseRun('PostgreSQL, two instances (A → B)', { publishUrl: a.url, streamUrl: b.url });
    checkOutput('PostgreSQL A', a);
    checkOutput('PostgreSQL B', b);
  }
} catch (error) {
  failed = true;
  if (!run.interrupted) console.error('\nThe server bench failed:', error instanceof Error ? (error.stack ?? error.message) : error);
} finally {
  await run.cleanUp();
}

if (run.interrupted) await new Promise(() => undefined); // the signal handler exits once everything is stopped
if (httpRows.length > 0) {
  console.log(`\nHTTP: GET /v1/config, ${String(HTTP_CONNECTIONS)} connections, ${String(HTTP_SECONDS)} s after a ${String(HTTP_WARMUP_SECONDS)} s warm-up (autocannon ${JSON.parse(readFileSync(join(ROOT, 'node_modules/autocannon/package.json'), 'utf8')).version}), RATE_LIMIT=${SERVER_ENV.RATE_LIMIT}\n`);
  const table = [['target', 'req/s', 'p50', 'p99', 'max', 'requests', 'errors', 'non-2xx', 'vs baseline']];
  for (const { label, result, baseline } of httpRows) {
    const ratio = baseline === undefined ? '—' : `${(baseline.rps / result.rps).toFixed(1)}× fewer req/s, p50 ${(result.p50 / baseline.p50).toFixed(1)}×`;
    table.push([label, integer(result.rps), ms(result.p50), ms(result.p99), ms(result.max), integer(result.total), String(result.errors + result.timeouts), String(result.non2xx), ratio]);
  }
  printTable(table, [1, 2, 3, 4, 5, 6, 7]);
  for (const { label, result } of httpRows) {
    const codes = Object.keys(result.statusCodes).filter((code) => !code.startsWith('2'));
    if (codes.length > 0) notes.push(`${label}: status codes ${codes.map((code) => `${code}×${String(result.statusCodes[code].count)}`).join(', ')}`);
  }
}

if (sseRows.length > 0) {
  console.log(`\nSSE fan-out: ${String(SSE_CLIENTS)} streams over ${String(CITIZENS.length)} citizens; ${String(SSE_EVENTS)} notifications POSTed one at a time (round robin over the citizens); `
    + 'latency = event arrival on a stream − POST sent\n');
  const table = [['scenario', 'delivered/expected', 'p50', 'p99', 'max', 'POST→201 p50', 'POST→201 p99', 'events/s']];
  for (const { label, result } of sseRows) {
    table.push([label, `${String(result.delivered)}/${String(result.expected)}`, ms(result.p50), ms(result.p99), ms(result.max), ms(result.postP50), ms(result.postP99), (result.events / result.seconds).toFixed(1)]);
    const problems = [['duplicate', result.duplicates], ['unexpected', result.unexpected], ['out-of-order', result.outOfOrder], ['dropped stream', result.dropped]].filter(([, count]) => count > 0);
    if (problems.length > 0) notes.push(`${label}: ${problems.map(([name, count]) => `${String(count)} ${name}`).join(', ')}`);
  }
  printTable(table, [1, 2, 3, 4, 5, 6, 7]);
}

if (notes.length > 0) console.log(`\nnotes:\n${notes.map((note) => `  - ${note}`).join('\n')}`);
machine.print({ took: 'server bench' });
if (failed) process.exitCode = 1;
