// The load generators of bench/booking.mjs: a keep-alive node:http client that times each request, closed
// loops of concurrent clients (baselines and the booking write path), and the race of many citizens for one slot.
import { Agent, request as httpRequest } from 'node:http';
import { randomUUID } from 'node:crypto';

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

/** n, p50, p99 and max (ms) of a list of latencies. */
export function summarize(latencies) {
  const sorted = Float64Array.from(latencies).sort();
  return { n: sorted.length, p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), max: sorted.at(-1) ?? Number.NaN };
}

/**
 * A client with one keep-alive socket per concurrent caller. `send` resolves with the status, the parsed JSON
 * body (or the text) and the time from just before the request is written to the end of the response.
 */
export function createClient(baseUrl, sockets) {
  const { hostname, port } = new URL(baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: sockets, maxFreeSockets: sockets });
  const send = (method, path, { token, json, key } = {}) => new Promise((resolve, reject) => {
    const body = json === undefined ? undefined : Buffer.from(JSON.stringify(json));
    const headers = { accept: 'application/json' };
    if (token !== undefined) headers.authorization = `Bearer ${token}`;
    if (key !== undefined) headers['idempotency-key'] = key;
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(body.length);
    }
    const started = performance.now();
    const req = httpRequest({ agent, hostname, port, method, path, headers }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => { chunks.push(chunk); });
      response.on('end', () => {
        const ms = performance.now() - started;
        const text = Buffer.concat(chunks).toString();
        let parsed = text;
        if ((response.headers['content-type'] ?? '').includes('json')) parsed = JSON.parse(text);
        resolve({ status: response.statusCode ?? 0, body: parsed, ms });
      });
      response.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
  return { send, close: () => { agent.destroy(); } };
}

/**
 * `clients` callers each run `iteration(index)` back to back (a closed loop) for `warmupMs` (not recorded), then
 * for `measureMs`; `iteration` answers a record, kept when the iteration started inside the measured window.
 * Answers the records and the measured seconds (window start until the last recorded iteration ended).
 */
export async function closedLoop({ clients, warmupMs, measureMs, iteration }) {
  const started = performance.now();
  const measureFrom = started + warmupMs;
  const measureUntil = measureFrom + measureMs;
  const records = [];
  let lastEnd = measureFrom;
  await Promise.all(Array.from({ length: clients }, async (_, index) => {
    for (;;) {
      const at = performance.now();
      if (at >= measureUntil) return;
      const record = await iteration(index);
      if (record === undefined) return; // nothing left to do (e.g. the slot pool ran out)
      if (at >= measureFrom) {
        records.push(record);
        lastEnd = Math.max(lastEnd, performance.now());
      }
    }
  }));
  return { records, seconds: (lastEnd - measureFrom) / 1000 };
}

/** Answers for the demo's meeting types: mt-fysisk has a required choice (q-help); the others none required. */
const ANSWERS = { 'mt-fysisk': [{ questionId: 'q-help', value: 'o-nothing' }] };

/** The full write path for one slot: POST /v1/booking/holds, then (on 201) POST /v1/booking/bookings. */
export async function holdAndBook(client, token, slot) {
  const hold = await client.send('POST', '/v1/booking/holds', { token, key: randomUUID(), json: { slotId: slot.slotId, meetingTypeId: slot.meetingTypeId } });
  if (hold.status !== 201) return { hold, booking: undefined };
  const booking = await client.send('POST', '/v1/booking/bookings', { token, key: randomUUID(), json: { holdId: hold.body.id, answers: ANSWERS[slot.meetingTypeId] ?? [] } });
  return { hold, booking };
}

/**
 * Every token races for the same slot at once (all requests in flight before any answer is read). Answers the
 * hold answers, and the booking answers of those who got the hold.
 */
export async function raceForSlot(client, tokens, slot) {
  const results = await Promise.all(tokens.map((token) => holdAndBook(client, token, slot)));
  return results;
}
