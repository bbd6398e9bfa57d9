#!/usr/bin/env node
// Chat fan-out: BENCH_CHAT_CLIENTS (default 1,000) Server-Sent Events streams on one conversation
// (GET /v1/chat/conversations/{id}/events), then the caseworker POSTs BENCH_CHAT_MESSAGES messages one at a
// time; every delivery is timed from just before the POST to the message's arrival on each stream. On SQLite,
// and on PostgreSQL with one instance and with the streams on a second instance (LISTEN/NOTIFY). Part of
// `npm run bench`, not of `npm test`. See bench/README.md.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { machineReport } from './machine.mjs';
import { ascending, benchRun, delay, demoTokens, ensureServerBuilt, envNumber, json, ms, openStream, percentile, printTable } from './server-harness.mjs';
import { startPostgres } from '../scripts/postgres.mjs';

const CLIENTS = envNumber('BENCH_CHAT_CLIENTS', 1000);
const MESSAGES = envNumber('BENCH_CHAT_MESSAGES', 30);
const ROUND_TIMEOUT_MS = 10_000;
const WITH_POSTGRES = process.env.BENCH_POSTGRES !== '0';
const SERVER_ENV = { RATE_LIMIT: '1000000', JU_CHAT_ALWAYS_OPEN: '1', JU_CHAT_MESSAGES_PER_MINUTE: '100000' };

ensureServerBuilt();
const openClients = new Set();
const run = benchRun({ serverEnv: SERVER_ENV, onInterrupt: () => { for (const controller of openClients) controller.abort(); } });

async function post(url, path, token, body) {
  return json(await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }));
}

/** An anonymous conversation taken by caseworker-1: answers its id, the citizen's access token and the caseworker's token. */
async function conversation(url) {
  const tokens = await demoTokens(url, ['caseworker-1']);
  const caseworker = tokens.get('caseworker-1');
  await json(await fetch(`${url}/v1/chat/console/presence`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${caseworker}`, 'content-type': 'application/json' },
    body: JSON.stringify({ presence: 'available', maxChats: 10 }),
  }));
  const status = await json(await fetch(`${url}/v1/chat/status`));
  const created = await json(await fetch(`${url}/v1/chat/conversations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify({ topicId: status.topics[0].id, mode: 'live', consent: true, firstName: 'Bench' }),
  }));
  const id = created.conversation.id;
  await json(await fetch(`${url}/v1/chat/conversations/${id}/claim`, { method: 'POST', headers: { authorization: `Bearer ${caseworker}` } }));
  return { id, citizen: created.accessToken, caseworker };
}

/** The reference server's conversation: streams on `streamUrl`, messages POSTed to `publishUrl`. */
async function referenceTarget({ publishUrl, streamUrl }) {
  const chat = await conversation(publishUrl);
  return {
    streamUrl: `${streamUrl}/v1/chat/conversations/${chat.id}/events`,
    token: chat.citizen,
    send: (id, text) => post(publishUrl, `/v1/chat/conversations/${chat.id}/messages`, chat.caseworker, { id, text }),
  };
}

/**
 * The baseline: a bare node:http Server-Sent Events broadcaster in its own process, which writes each POSTed
 * message to every open stream with no database, no authorisation and no JSON schema — the floor of fan-out on
 * this machine, measured with the same clients in the same run.
 */
async function startBaselineBroadcaster() {
  const source = `
    const { createServer } = require('node:http');
    const streams = new Set();
    let seq = 0;
    const server = createServer((request, response) => {
      if (request.method === 'GET') {
        response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
        response.write('retry: 3000\\n\\n');
        streams.add(response);
        request.on('close', () => { streams.delete(response); });
        return;
      }
      let body = '';
      request.on('data', (chunk) => { body += chunk; });
      request.on('end', () => {
        seq += 1;
        const message = JSON.parse(body);
        const chunk = 'id: ' + seq + '\\nevent: chat.message\\ndata: ' + JSON.stringify({ id: seq, type: 'chat.message', data: { ...message, seq } }) + '\\n\\n';
        for (const stream of streams) stream.write(chunk);
        response.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ ...message, seq }));
      });
    });
    server.listen(0, '127.0.0.1', () => { console.log('port ' + server.address().port); });
    process.on('SIGTERM', () => { process.exit(0); });`;
  const child = spawn(process.execPath, ['-e', source], { stdio: ['ignore', 'pipe', 'inherit'] });
  run.defer(() => new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => { resolve(); });
    child.kill('SIGTERM');
  }));
  const port = await new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /port (\d+)/.exec(output);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => { reject(new Error(`the baseline broadcaster exited with ${String(code)}`)); });
  });
  const url = `http://127.0.0.1:${port}`;
  return {
    streamUrl: `${url}/stream`,
    token: 'none',
    send: async (id, text) => json(await fetch(`${url}/send`, { method: 'POST', body: JSON.stringify({ id, text }) })),
  };
}

async function fanOut(target) {
  const controller = new AbortController();
  openClients.add(controller);
  const rounds = new Map(); // message id → round
  let duplicates = 0;
  let outOfOrder = 0;
  let dropped = 0;
  const streams = [];
  try {
    for (let index = 0; index < CLIENTS; index += 20) {
      const batch = [];
      for (let offset = index; offset < Math.min(CLIENTS, index + 20); offset += 1) {
        const seen = new Set();
        let lastSeq = 0;
        batch.push(openStream(target.streamUrl, target.token, controller.signal, (event, arrivedAt) => {
          if (event.type !== 'chat.message') return;
          const seq = Number(event.id);
          if (seq <= lastSeq) outOfOrder += 1;
          lastSeq = Math.max(lastSeq, seq);
          const message = JSON.parse(event.data).data;
          const round = rounds.get(message.id);
          if (round === undefined) return;
          if (seen.has(message.id)) {
            duplicates += 1;
            return;
          }
          seen.add(message.id);
          round.latencies.push(arrivedAt - round.sentAt);
          if (round.latencies.length === CLIENTS) round.resolve();
        }));
      }
      streams.push(...(await Promise.all(batch)));
    }
    for (const { done } of streams) {
      void done.then(() => { if (!controller.signal.aborted) dropped += 1; }, () => { if (!controller.signal.aborted) dropped += 1; });
    }
    const postTimes = [];
    const send = async (text) => {
      const id = randomUUID();
      let resolve;
      const delivered = new Promise((settle) => { resolve = settle; });
      const round = { sentAt: performance.now(), latencies: [], resolve };
      rounds.set(id, round);
      await target.send(id, text);
      postTimes.push(performance.now() - round.sentAt);
      let timer;
      await Promise.race([delivered, new Promise((settle) => { timer = setTimeout(settle, ROUND_TIMEOUT_MS); })]);
      clearTimeout(timer);
      return round;
    };
    await delay(300);
    for (let attempt = 1; ; attempt += 1) {
      const round = await send(`warm-up ${String(attempt)}`);
      if (round.latencies.length === CLIENTS) break;
      if (attempt === 3) throw new Error(`warm-up: ${String(round.latencies.length)} of ${String(CLIENTS)} streams got the message`);
    }
    postTimes.length = 0;
    const latencies = [];
    const started = performance.now();
    for (let index = 0; index < MESSAGES; index += 1) latencies.push(...(await send(`Besked ${String(index)}`)).latencies);
    const seconds = (performance.now() - started) / 1000;
    const sorted = ascending(latencies);
    const posts = ascending(postTimes);
    return {
      expected: CLIENTS * MESSAGES, delivered: sorted.length, p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), max: sorted.at(-1) ?? Number.NaN,
      postP50: percentile(posts, 0.5), postP99: percentile(posts, 0.99), perSecond: MESSAGES / seconds, duplicates, outOfOrder, dropped,
    };
  } finally {
    controller.abort();
    openClients.delete(controller);
    await Promise.allSettled(streams.map(({ done }) => done));
  }
}

const machine = machineReport();
const rows = [];
const notes = [];
let baseline;
async function scenario(label, target) {
  process.stdout.write(`chat fan-out: ${label} …`);
  const result = await fanOut(await target);
  console.log(` ${String(result.delivered)}/${String(result.expected)} delivered, p50 ${ms(result.p50)}, p99 ${ms(result.p99)}`);
  rows.push({ label, result });
}

let failed = false;
try {
  await scenario('baseline: bare node:http SSE broadcaster', startBaselineBroadcaster());
  baseline = rows[0].result;
  const sqlite = await run.startServer(undefined);
  await scenario('SQLite, one instance', referenceTarget({ publishUrl: sqlite.url, streamUrl: sqlite.url }));
  await sqlite.stop();
  const postgres = WITH_POSTGRES ? await startPostgres() : undefined;
  if (postgres === undefined) notes.push('PostgreSQL skipped (not installed or BENCH_POSTGRES=0).');
  else {
    run.defer(() => { postgres.stop(); });
    const a = await run.startServer(postgres.url);
    await scenario('PostgreSQL, one instance', referenceTarget({ publishUrl: a.url, streamUrl: a.url }));
    const b = await run.startServer(postgres.url);
    await scenario('PostgreSQL, two instances (POST to A, streams on B)', referenceTarget({ publishUrl: a.url, streamUrl: b.url }));
  }
} catch (error) {
  failed = true;
  if (!run.interrupted) console.error('\nThe chat fan-out bench failed:', error instanceof Error ? (error.stack ?? error.message) : error);
} finally {
  await run.cleanUp();
}
if (run.interrupted) await new Promise(() => undefined);
if (rows.length > 0) {
  console.log(`\nChat fan-out: ${String(CLIENTS)} streams on one conversation; ${String(MESSAGES)} caseworker messages POSTed one at a time; latency = arrival on a stream − POST sent\n`);
  const table = [['scenario', 'delivered/expected', 'p50', 'p99', 'max', 'POST→201 p50', 'POST→201 p99', 'messages/s', 'p50 / p99 vs baseline']];
  for (const { label, result } of rows) {
    const ratio = result === baseline ? '—' : `${(result.p50 / baseline.p50).toFixed(1)}× / ${(result.p99 / baseline.p99).toFixed(1)}×`;
    table.push([label, `${String(result.delivered)}/${String(result.expected)}`, ms(result.p50), ms(result.p99), ms(result.max), ms(result.postP50), ms(result.postP99), result.perSecond.toFixed(1), ratio]);
    const problems = [['duplicate', result.duplicates], ['out-of-order', result.outOfOrder], ['dropped stream', result.dropped]].filter(([, count]) => count > 0);
    if (problems.length > 0) notes.push(`${label}: ${problems.map(([name, count]) => `${String(count)} ${name}`).join(', ')}`);
  }
  printTable(table, [1, 2, 3, 4, 5, 6, 7, 8]);
}
if (notes.length > 0) console.log(`\nnotes:\n${notes.map((note) => `  - ${note}`).join('\n')}`);
machine.print({ took: 'chat fan-out bench' });
if (failed) process.exitCode = 1;
