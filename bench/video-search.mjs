#!/usr/bin/env node
// Video search on the reference server over 500 synthetic transcripts (bench/video-catalog.mjs: 500 videos × 60
// caption cues = 30,000 sentences), on SQLite and (when installed) PostgreSQL: p50/p99 of `GET /v1/videos?q=…` over
// HTTP, against the unsearched first page of the same list (`GET /v1/videos`) measured in the same run as the baseline.
// `npm run bench` — not part of `npm test`. See bench/README.md.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { machineReport } from './machine.mjs';
import { ascending, benchRun, ensureServerBuilt, envNumber, json, ms, percentile, printTable } from './server-harness.mjs';
import { writeSyntheticCatalog } from './video-catalog.mjs';
import { startPostgres } from '../scripts/postgres.mjs';

const VIDEOS = envNumber('BENCH_VIDEOS', 500);
const ROUNDS = envNumber('BENCH_SEARCH_ROUNDS', 40);
const WITH_POSTGRES = process.env.BENCH_POSTGRES !== '0';
const QUERIES = [
  'hvordan udfylder jeg jobloggen',
  'book en samtale',
  'dagpenge',
  'skriv en uopfordret ansøgning',
  'virksomhedspraktik løntilskud',
  'opdaterer dit CV på Jobnet',
  'netværksmøde',
  'sygemelding ferie rådighed',
  'jobmesse',
  'zebrafinke', // no hits
];

ensureServerBuilt();
const machine = machineReport();
const mediaDir = mkdtempSync(join(tmpdir(), 'jobunivers-video-bench-'));
const run = benchRun({ serverEnv: { RATE_LIMIT: '1000000', JU_MEDIA_DIR: mediaDir } });
run.defer(() => { rmSync(mediaDir, { recursive: true, force: true }); });

/** Times `count` sequential GETs of each path (after one warm-up round); answers the sorted latencies. */
async function time(url, paths, rounds) {
  for (const path of paths) await json(await fetch(url + path));
  const samples = [];
  for (let round = 0; round < rounds; round += 1) {
    for (const path of paths) {
      const started = performance.now();
      const body = await json(await fetch(url + path));
      samples.push(performance.now() - started);
      if (!Array.isArray(body.items)) throw new Error(`${path} answered no items`);
    }
  }
  return ascending(samples);
}

async function measure(name, databaseUrl) {
  const started = performance.now();
  const server = await run.startServer(databaseUrl);
  const startup = performance.now() - started;
  const first = await json(await fetch(`${server.url}/v1/videos?q=${encodeURIComponent(QUERIES[0])}&limit=20`));
  if (first.items.length === 0 || first.items[0].matches.length === 0) throw new Error(`${name}: the search found nothing — was the catalogue imported?`);
  const search = await time(server.url, QUERIES.map((query) => `/v1/videos?q=${encodeURIComponent(query)}&limit=20`), ROUNDS);
  const list = await time(server.url, ['/v1/videos?limit=20'], ROUNDS * QUERIES.length);
  await server.stop();
  return { name, startup, search, list };
}

try {
  const written = writeSyntheticCatalog(mediaDir, VIDEOS);
  console.log(`catalogue: ${String(written.videos)} videos, ${written.cues.toLocaleString('en-US')} caption cues; ${String(QUERIES.length)} queries × ${String(ROUNDS)} rounds, sequential\n`);
  const results = [await measure('SQLite (FTS5)', undefined)];
  const postgres = WITH_POSTGRES ? await startPostgres() : undefined;
  if (postgres) {
    run.defer(() => { postgres.stop(); });
    results.push(await measure('PostgreSQL (danish)', postgres.url));
  }
  const table = [['database', 'search p50', 'search p99', 'list p50 (baseline)', 'list p99', 'search ÷ list (p50)', 'start + import']];
  for (const result of results) {
    table.push([
      result.name,
      ms(percentile(result.search, 0.5)),
      ms(percentile(result.search, 0.99)),
      ms(percentile(result.list, 0.5)),
      ms(percentile(result.list, 0.99)),
      `${(percentile(result.search, 0.5) / percentile(result.list, 0.5)).toFixed(1)}×`,
      `${(result.startup / 1000).toFixed(1)} s`,
    ]);
  }
  printTable(table, [1, 2, 3, 4, 5, 6]);
  if (!postgres) console.log(WITH_POSTGRES ? '\nPostgreSQL is not installed: its row was skipped.' : '\nBENCH_POSTGRES=0: PostgreSQL skipped.');
  machine.print();
} finally {
  await run.cleanUp();
}
