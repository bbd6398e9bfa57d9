#!/usr/bin/env node
// Create-booking latency under load (docs/contract.md "Self-booking (citizen side)"): many concurrent citizens
// each POST /v1/booking/holds then POST /v1/booking/bookings (fresh Idempotency-Key each) on free slots, against
// GET /v1/config and GET /v1/booking/slots measured by the same clients in the same run; then many citizens race
// for one slot at a time (exactly one 201 per slot, the rest 409), checked in the database afterwards.
// SQLite and (when installed) PostgreSQL. The third part of `npm run bench`; see bench/README.md.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { machineReport } from './machine.mjs';
import { benchRun, ensureServerBuilt, envNumber, ms, printTable } from './server-harness.mjs';
import { startPostgres } from '../scripts/postgres.mjs';
import { addBenchCitizens, readBookings } from './booking-db.mjs';
import { closedLoop, createClient, holdAndBook, raceForSlot, summarize } from './booking-load.mjs';

const CLIENTS = envNumber('BENCH_BOOKING_CLIENTS', 50);
const SECONDS = envNumber('BENCH_BOOKING_SECONDS', 8);
const WARMUP_SECONDS = envNumber('BENCH_BOOKING_WARMUP_SECONDS', 2);
const BASELINE_SECONDS = envNumber('BENCH_BOOKING_BASELINE_SECONDS', 3);
/** The one-client runs (latency without queueing). */
const UNLOADED_SECONDS = envNumber('BENCH_BOOKING_UNLOADED_SECONDS', 2);
const RACE_SLOTS = envNumber('BENCH_RACE_SLOTS', 20);
const RACERS = Math.min(CLIENTS, envNumber('BENCH_RACERS', CLIENTS));
/** 62-day windows of free slots fetched before the run (about 1,000 slots each with the demo's caseworkers). */
const SLOT_WINDOWS = envNumber('BENCH_BOOKING_WINDOWS', 8);
const WITH_POSTGRES = process.env.BENCH_POSTGRES !== '0';
/** Every bench client is 127.0.0.1: with the default rate limit (300/min per client) the run would measure 429s. */
const SERVER_ENV = { RATE_LIMIT: '1000000' };
const MEETING_TYPES = ['mt-fysisk', 'mt-telefon', 'mt-video'];
/** The week GET /v1/booking/slots asks for in the baseline: what the widget asks when it opens. */
const SLOTS_BASELINE_DAYS = 7;

ensureServerBuilt();

const ratio = (value, base) => (Number.isNaN(value) || Number.isNaN(base) ? '—' : `${(value / base).toFixed(value < base ? 2 : 1)}×`);
const addDays = (date, days) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);


const run = benchRun({ serverEnv: SERVER_ENV });

function expect(response, status, what) {
  if (response.status !== status) throw new Error(`${what} answered ${String(response.status)}: ${JSON.stringify(response.body).slice(0, 300)}`);
  return response.body;
}

/** Free slots of all meeting types over `windows` consecutive 62-day windows from tomorrow, soonest first. */
async function fetchSlots(client, token, windows) {
  const slots = [];
  let from = addDays(new Date().toISOString().slice(0, 10), 1);
  for (let window = 0; window < windows; window += 1) {
    const to = addDays(from, 61);
    for (const meetingTypeId of MEETING_TYPES) {
      const list = expect(await client.send('GET', `/v1/booking/slots?meetingTypeId=${meetingTypeId}&from=${from}&to=${to}`, { token }), 200, 'GET /v1/booking/slots');
      for (const slot of list.slots) slots.push({ slotId: slot.id, meetingTypeId, start: new Date(slot.start).toISOString() });
    }
    from = addDays(to, 1);
  }
  return slots.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}

/** Latencies of the 200s of a closed loop of GETs, and requests per second. */
function baselineFigures({ records, seconds }) {
  const ok = records.filter((value) => !Number.isNaN(value));
  return { ...summarize(ok), perSecond: ok.length / seconds };
}

/** hold, booking and hold + booking latencies of the 201s of a closed loop of `createBooking`, and bookings per second. */
function writeFigures({ records, seconds }) {
  const booked = records.filter((record) => !Number.isNaN(record.booking));
  return {
    hold: summarize(records.map((record) => record.hold).filter((value) => !Number.isNaN(value))),
    booking: summarize(booked.map((record) => record.booking)),
    total: { ...summarize(booked.map((record) => record.hold + record.booking)), perSecond: booked.length / seconds },
  };
}

/** One database: baselines, the create-booking loop, the race, and the invariant read back from the database. */
async function benchDatabase(label, databaseUrl) {
  process.stdout.write(`${label}: starting the server …`);
  const server = await run.startServer(databaseUrl);
  const client = createClient(server.url, CLIENTS);
  run.defer(() => { client.close(); });
  const users = expect(await client.send('GET', '/v1/demo/users'), 200, 'GET /v1/demo/users').items;
  const caseworkers = users.filter((user) => user.role === 'caseworker').map((user) => user.id);
  const citizens = await addBenchCitizens(databaseUrl, CLIENTS, caseworkers);
  const tokens = [];
  for (const userId of citizens) tokens.push(expect(await client.send('POST', '/v1/demo/login', { json: { userId } }), 200, 'POST /v1/demo/login').token);

  // The race gets times no other phase touches: every slot at its start time is taken out of the pool.
  const pool = await fetchSlots(client, tokens[0], SLOT_WINDOWS);
  const starts = [...new Set(pool.map((slot) => slot.start))];
  const raceStarts = new Set(starts.slice(-RACE_SLOTS));
  const raceSlots = [...raceStarts].map((start) => pool.find((slot) => slot.start === start));
  const free = pool.filter((slot) => !raceStarts.has(slot.start));
  const poolSize = free.length;
  // What the database holds before the run (the seed may have bookings of its own), for the invariant afterwards.
  const before = await readBookings(databaseUrl, raceSlots.map((slot) => slot.start));
  console.log(` ${String(caseworkers.length)} caseworkers, ${String(citizens.length)} bench citizens, ${String(poolSize)} free slots in the pool`);

  const loop = (iteration, seconds = BASELINE_SECONDS, warmup = 1, clients = CLIENTS) => closedLoop({ clients, warmupMs: warmup * 1000, measureMs: seconds * 1000, iteration });
  const statuses = new Map();
  const count = (what, status) => { statuses.set(`${what} ${String(status)}`, (statuses.get(`${what} ${String(status)}`) ?? 0) + 1); };

  const getConfig = async () => {
    const response = await client.send('GET', '/v1/config');
    count('GET /v1/config', response.status);
    return response.status === 200 ? response.ms : Number.NaN;
  };
  process.stdout.write(`${label}: GET /v1/config …`);
  const config = await loop(getConfig);
  const weekFrom = addDays(new Date().toISOString().slice(0, 10), 1);
  process.stdout.write(' GET /v1/booking/slots …');
  const slotsPath = `/v1/booking/slots?meetingTypeId=mt-telefon&from=${weekFrom}&to=${addDays(weekFrom, SLOTS_BASELINE_DAYS - 1)}`;
  const getSlots = async (index) => {
    const response = await client.send('GET', slotsPath, { token: tokens[index] });
    count('GET /v1/booking/slots', response.status);
    return response.status === 200 ? response.ms : Number.NaN;
  };
  const slotsRun = await loop(getSlots);
  // One client (the latency without queueing); the baselines before any booking exists, like those above.
  process.stdout.write(' one client: GET /v1/config …');
  const configAlone = await loop(getConfig, UNLOADED_SECONDS, 0.5, 1);
  process.stdout.write(' GET /v1/booking/slots …');
  const slotsAlone = await loop(getSlots, UNLOADED_SECONDS, 0.5, 1);

  let booked = 0;
  let exhausted = false;
  const createBooking = async (index) => {
    const slot = free.shift();
    if (slot === undefined) {
      exhausted = true;
      return undefined;
    }
    const { hold, booking } = await holdAndBook(client, tokens[index], slot);
    count('POST /v1/booking/holds', hold.status);
    if (booking !== undefined) count('POST /v1/booking/bookings', booking.status);
    if (booking?.status === 201) booked += 1;
    return { hold: hold.status === 201 ? hold.ms : Number.NaN, booking: booking?.status === 201 ? booking.ms : Number.NaN };
  };
  process.stdout.write(' hold + booking …');
  const write = await loop(createBooking, SECONDS, WARMUP_SECONDS);
  console.log(` ${String(write.records.length)} measured in ${write.seconds.toFixed(1)} s`);
  process.stdout.write(`${label}: one client: hold + booking …`);
  const writeAlone = await loop(createBooking, UNLOADED_SECONDS, 0.5, 1);
  console.log(` ${String(writeAlone.records.length)} measured`);

  process.stdout.write(`${label}: race of ${String(RACERS)} citizens for each of ${String(raceSlots.length)} slots …`);
  const race = { hold201: 0, hold409: 0, other: [], booking201: 0, roundsOk: 0, losers: [], winnersHold: [], winnersTotal: [] };
  for (const slot of raceSlots) {
    const results = await raceForSlot(client, tokens.slice(0, RACERS), slot);
    let winners = 0;
    for (const { hold, booking } of results) {
      if (hold.status === 409 && hold.body?.code === 'slot-unavailable') {
        race.hold409 += 1;
        race.losers.push(hold.ms);
      } else if (hold.status === 201) {
        race.hold201 += 1;
        winners += 1;
        race.winnersHold.push(hold.ms);
        if (booking?.status === 201) {
          race.booking201 += 1;
          booked += 1;
          race.winnersTotal.push(hold.ms + booking.ms);
        } else {
          race.other.push(`booking ${String(booking?.status)}`);
        }
      } else {
        race.other.push(`hold ${String(hold.status)}`);
      }
    }
    if (winners === 1 && results.filter(({ booking }) => booking?.status === 201).length === 1) race.roundsOk += 1;
  }
  console.log(` ${String(race.hold201)} won, ${String(race.hold409)} lost`);

  const database = await readBookings(databaseUrl, raceSlots.map((slot) => slot.start));
  const racedOnce = [...database.perStart].filter(([start, n]) => n - (before.perStart.get(start) ?? 0) === 1).length;
  const output = server.output().split('\n').filter((line) => line.trim() !== '' && !/^\s{2}\S|^Jobunivers reference server|JWT_SECRET is not set/.test(line));
  await server.stop();
  return {
    label,
    poolSize,
    exhausted,
    config: baselineFigures(config),
    slots: baselineFigures(slotsRun),
    ...writeFigures(write),
    configAlone: baselineFigures(configAlone),
    slotsAlone: baselineFigures(slotsAlone),
    alone: writeFigures(writeAlone),
    statuses,
    race: { ...race, losers: summarize(race.losers), winnersHold: summarize(race.winnersHold), winnersTotal: summarize(race.winnersTotal) },
    invariant: { booked, inDatabase: database.total - before.total, seeded: before.total, doubles: database.doubles, racedOnce, raced: raceSlots.length },
    serverLog: output,
  };
}

// ── the run ──────────────────────────────────────────────────────────────────────────────────────────────────

const machine = machineReport();
const results = [];
const notes = [];
let failed = false;
try {
  const scratch = mkdtempSync(join(tmpdir(), 'jobunivers-bench-booking-'));
  run.defer(() => { rmSync(scratch, { recursive: true, force: true }); });
  results.push(await benchDatabase('SQLite', `sqlite:${join(scratch, 'bench.sqlite')}`));
  const postgres = WITH_POSTGRES ? await startPostgres() : undefined;
  if (postgres === undefined) {
    notes.push(WITH_POSTGRES ? 'PostgreSQL is not installed (apt-get install -y postgresql): its rows were skipped.' : 'BENCH_POSTGRES=0: PostgreSQL skipped.');
  } else {
    run.defer(() => { postgres.stop(); });
    results.push(await benchDatabase('PostgreSQL', postgres.url));
  }
} catch (error) {
  failed = true;
  if (!run.interrupted) console.error('\nThe booking bench failed:', error instanceof Error ? (error.stack ?? error.message) : error);
} finally {
  await run.cleanUp();
}
if (run.interrupted) await new Promise(() => undefined); // the signal handler exits once everything is stopped

if (results.length > 0) {
  console.log(`\nCreate-booking latency: ${String(CLIENTS)} concurrent citizens (closed loop, one keep-alive connection each), RATE_LIMIT=${SERVER_ENV.RATE_LIMIT}`);
  console.log(`  write path: POST /v1/booking/holds then POST /v1/booking/bookings on a fresh free slot, fresh Idempotency-Key each; ${String(SECONDS)} s after a ${String(WARMUP_SECONDS)} s warm-up`);
  console.log(`  baselines, same clients and run: GET /v1/config; GET /v1/booking/slots (mt-telefon, ${String(SLOTS_BASELINE_DAYS)} days); ${String(BASELINE_SECONDS)} s after a 1 s warm-up each`);
  console.log(`  one client: the same, ${String(UNLOADED_SECONDS)} s after 0.5 s each; per s of the write path = bookings per second (two requests each)\n`);
  const table = [['database', 'clients', 'request', 'n', 'per s', 'p50', 'p99', 'max', 'p50 vs config', 'p50 vs slots', 'per s vs config']];
  for (const result of results) {
    const rows = [
      [`${String(CLIENTS)}`, 'GET /v1/config (baseline)', result.config, result.config, result.slots],
      [`${String(CLIENTS)}`, `GET /v1/booking/slots, ${String(SLOTS_BASELINE_DAYS)} days (baseline)`, result.slots, result.config, result.slots],
      [`${String(CLIENTS)}`, 'POST /v1/booking/holds → 201', result.hold, result.config, result.slots],
      [`${String(CLIENTS)}`, 'POST /v1/booking/bookings → 201', result.booking, result.config, result.slots],
      [`${String(CLIENTS)}`, 'hold + booking (create-booking path)', result.total, result.config, result.slots],
      ['1', 'GET /v1/config (baseline)', result.configAlone, result.configAlone, result.slotsAlone],
      ['1', `GET /v1/booking/slots, ${String(SLOTS_BASELINE_DAYS)} days (baseline)`, result.slotsAlone, result.configAlone, result.slotsAlone],
      ['1', 'hold + booking (create-booking path)', result.alone.total, result.configAlone, result.slotsAlone],
    ];
    for (const [clients, name, figures, config, slots] of rows) { // ratios against the baselines of the same concurrency
      const perSecond = figures.perSecond === undefined ? '' : figures.perSecond.toFixed(0);
      table.push([result.label, clients, name, String(figures.n), perSecond, ms(figures.p50), ms(figures.p99), ms(figures.max), ratio(figures.p50, config.p50),
        ratio(figures.p50, slots.p50),
        figures.perSecond === undefined || figures === config ? '—' : `${(config.perSecond / figures.perSecond).toFixed(1)}× fewer`]);
    }
  }
  printTable(table, [1, 3, 4, 5, 6, 7, 8, 9]);

  console.log(`\nContended: ${String(RACERS)} citizens race for the same slot (hold, then booking by whoever got the hold), one slot at a time, ${String(RACE_SLOTS)} slots\n`);
  const raceTable = [['database', 'holds 201/409/other', 'bookings 201', 'losers (409) p50', 'p99', 'winners hold p50', 'p99', 'winners hold+booking p50', 'p99', 'loser p50 vs config']];
  for (const { label, race, config } of results) {
    raceTable.push([label, `${String(race.hold201)}/${String(race.hold409)}/${String(race.other.length)}`, String(race.booking201), ms(race.losers.p50), ms(race.losers.p99),
      ms(race.winnersHold.p50), ms(race.winnersHold.p99), ms(race.winnersTotal.p50), ms(race.winnersTotal.p99), ratio(race.losers.p50, config.p50)]);
  }
  printTable(raceTable, [1, 2, 3, 4, 5, 6, 7, 8, 9]);

  console.log('\nInvariant (read back from the database after the run): exactly one booking per slot\n');
  for (const { label, race, invariant } of results) {
    const ok = invariant.doubles.length === 0 && invariant.racedOnce === invariant.raced && race.roundsOk === invariant.raced && invariant.booked === invariant.inDatabase;
    if (!ok) failed = true;
    console.log(`  ${label}: ${ok ? 'OK' : 'FAILED'} — ${String(race.roundsOk)}/${String(invariant.raced)} races with exactly one 201 hold and one 201 booking; `
      + `${String(invariant.racedOnce)}/${String(invariant.raced)} raced times with exactly one booking in the database; `
      + `${String(invariant.doubles.length)} times booked twice; ${String(invariant.inDatabase)} new bookings in the database (besides ${String(invariant.seeded)} seeded), ${String(invariant.booked)} answered 201`);
    if (invariant.doubles.length > 0) console.log(`    booked twice: ${invariant.doubles.slice(0, 5).join(', ')}`);
  }

  for (const result of results) {
    const unexpected = [...result.statuses].filter(([key]) => !/ 20[01]$/.test(key));
    if (unexpected.length > 0) notes.push(`${result.label}: unexpected answers in the uncontended runs: ${unexpected.map(([key, n]) => `${key} ×${String(n)}`).join(', ')}`);
    if (result.race.other.length > 0) notes.push(`${result.label}: race answers other than 201/409 slot-unavailable: ${result.race.other.slice(0, 5).join(', ')}`);
    if (result.exhausted) notes.push(`${result.label}: the pool of ${String(result.poolSize)} free slots ran out before the end; raise BENCH_BOOKING_WINDOWS`);
    if (result.serverLog.length > 0) notes.push(`${result.label} server logged ${String(result.serverLog.length)} line(s) at warn or above, e.g. ${result.serverLog[0].slice(0, 300)}`);
  }
}

if (notes.length > 0) console.log(`\nnotes:\n${notes.map((note) => `  - ${note}`).join('\n')}`);
machine.print({ took: 'booking bench' });
if (failed) process.exitCode = 1;
