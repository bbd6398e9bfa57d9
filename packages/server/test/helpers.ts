// Test harness: every test file runs its suites against a fresh SQLite file and, when TEST_DATABASE_URL is set,
// a fresh PostgreSQL database of its own (created here, dropped afterwards).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import type { Booking, Hold } from '@jobunivers/contract';
import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { SignJWT } from 'jose';
import pg from 'pg';
import { sql } from 'kysely';
import { buildApp, type BuildAppOptions } from '../src/app.js';
import { loadConfig, type DatabaseSetting, type ServerConfig } from '../src/config.js';
import { openDatabase, type DatabaseHandle } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrations.js';
import { availabilityRulesFor, seedDemoData } from '../src/seed.js';
import type { App } from '../src/context.js';
import type { EventBus } from '../src/events/bus.js';

export const TEST_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';
export const AUDIENCE = 'jobunivers';

export interface DatabaseTarget {
  name: 'SQLite' | 'PostgreSQL';
  /** Why the target is skipped, if it is. */
  skip: string | false;
  /** Makes an empty database for one suite. */
  create: () => Promise<{ setting: DatabaseSetting; drop: () => Promise<void> }>;
}

const sqliteTarget: DatabaseTarget = {
  name: 'SQLite',
  skip: false,
  create() {
    const dir = mkdtempSync(join(tmpdir(), 'jobunivers-test-'));
    return Promise.resolve({
      setting: { kind: 'sqlite', file: join(dir, 'test.sqlite') },
      drop: () => {
        rmSync(dir, { recursive: true, force: true });
        return Promise.resolve();
      },
    });
  },
};

const postgresUrl = process.env.TEST_DATABASE_URL;
const postgresTarget: DatabaseTarget = {
  name: 'PostgreSQL',
  skip: postgresUrl ? false : 'PostgreSQL variant skipped: set TEST_DATABASE_URL=postgres://user@host:port/db to run it',
  async create() {
    if (!postgresUrl) throw new Error('TEST_DATABASE_URL is not set');
    const name = `jobunivers_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(postgresUrl);
    url.pathname = `/${name}`;
    return {
      setting: { kind: 'postgres', url: url.toString() },
      async drop() {
        const client = new pg.Client({ connectionString: postgresUrl });
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await client.end();
      },
    };
  },
};

export const DATABASE_TARGETS: DatabaseTarget[] = [sqliteTarget, postgresTarget];

/** Declares `suite` once per database target (skipped with a message when PostgreSQL is not configured). */
export function forEachDatabase(title: string, suite: (target: DatabaseTarget) => void): void {
  for (const target of DATABASE_TARGETS) {
    void describe(`${title} [${target.name}]`, () => {
      // A skipped target shows up as one skipped test with the reason, so test summaries count it.
      if (target.skip !== false) test(`${target.name} variant`, { skip: target.skip }, () => undefined);
      else suite(target);
    });
  }
}

export function testConfig(setting: DatabaseSetting, env: Record<string, string> = {}): ServerConfig {
  const config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: TEST_SECRET, LOG_LEVEL: 'info', ...env }, () => undefined);
  return { ...config, database: setting };
}

export interface TestServer {
  app: App;
  database: DatabaseHandle;
  config: ServerConfig;
  /** Every log line the server wrote, raw. */
  logs: string[];
  /** A valid token for a seeded user. */
  token: (userId: string, role?: 'citizen' | 'caseworker') => Promise<string>;
  /** Row counts of every table (to prove a failed request changed nothing). */
  counts: () => Promise<Record<string, number>>;
  /** Listens on 127.0.0.1 and answers the base URL. */
  listen: () => Promise<string>;
  close: () => Promise<void>;
}

export interface StartOptions {
  env?: Record<string, string>;
  seed?: boolean;
  bus?: EventBus;
  /** Use an already-migrated database setting (a second instance on the same database). */
  migrate?: boolean;
}

export async function startServer(setting: DatabaseSetting, options: StartOptions = {}): Promise<TestServer> {
  const config = testConfig(setting, options.env);
  const database = openDatabase(setting);
  if (options.migrate !== false) await migrateToLatest(database.db, database.dialect);
  if (options.seed !== false) await seedDemoData(database.db);
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logs.push(chunk.toString());
      callback();
    },
  });
  const buildOptions: BuildAppOptions = { config, database, logStream, ...(options.bus === undefined ? {} : { bus: options.bus }) };
  const app = await buildApp(buildOptions);
  let closed = false;
  return {
    app,
    database,
    config,
    logs,
    token: (userId, role) => signToken({ sub: userId, role: role ?? (userId.startsWith('caseworker') ? 'caseworker' : 'citizen') }),
    async counts() {
      const tables = [
        'teams', 'users', 'assignments', 'preferences', 'notifications', 'idempotency_keys', 'events', 'config',
        'meeting_types', 'meeting_type_questions', 'availability_rules', 'availability_exceptions', 'booking_deadlines',
        'bookings', 'booking_holds', 'slot_claims', 'help_requests', 'no_free_time_receipts',
      ] as const;
      const out: Record<string, number> = {};
      for (const table of tables) {
        const row = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(database.db);
        out[table] = Number(row.rows[0]?.n ?? 0);
      }
      return out;
    },
    async listen() {
      return app.listen({ port: 0, host: '127.0.0.1' });
    },
    async close() {
      if (closed) return;
      closed = true;
      await app.close();
      await database.close();
    },
  };
}

export interface TokenClaims {
  sub?: string;
  role?: string;
  aud?: string;
  iss?: string;
  /** Seconds from now; negative for an expired token. */
  expiresIn?: number;
  noExp?: boolean;
  secret?: string;
}

export async function signToken(claims: TokenClaims): Promise<string> {
  const { sub, role, aud = AUDIENCE, iss, expiresIn = 600, noExp, secret = TEST_SECRET } = claims;
  let builder = new SignJWT(role === undefined ? {} : { role }).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setIssuedAt().setAudience(aud);
  if (sub !== undefined) builder = builder.setSubject(sub);
  if (iss !== undefined) builder = builder.setIssuer(iss);
  if (noExp !== true) builder = builder.setExpirationTime(Math.floor(Date.now() / 1000) + expiresIn);
  return builder.sign(new TextEncoder().encode(secret));
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** A caseworker with the demo week and citizens assigned only to them (so tests do not share free times). */
export interface BookingWorld {
  caseworker: string;
  /** The caseworker's token. */
  desk: string;
  citizens: string[];
  tokens: string[];
}

/**
 * What the self-booking suites share: a server on a fresh database with the rate limit out of the way (the
 * concurrency tests send hundreds of requests from one address), requests with fresh Idempotency-Keys, new worlds,
 * and the citizen's hold-then-book. Call it inside the suite: it registers the suite's `before` and `after`.
 */
export function bookingSuite(target: DatabaseTarget, options: { keyPrefix: string; worldPrefix: string; caseworkerName: string }) {
  let started: TestServer | undefined;
  let drop: (() => Promise<void>) | undefined;
  let keyCounter = 0;
  let worldCounter = 0;
  const server = (): TestServer => {
    if (started === undefined) throw new Error('the suite\'s server is not started yet');
    return started;
  };

  before(async () => {
    const created = await target.create();
    drop = created.drop;
    started = await startServer(created.setting, { env: { RATE_LIMIT: '100000' } });
  });
  after(async () => {
    await started?.close();
    await drop?.();
  });

  const newKey = (): string => `${options.keyPrefix}-${String(++keyCounter)}-${String(Date.now())}`;

  /** A request as `token`; a POST sends a new Idempotency-Key unless `key` says otherwise (`null`: none). */
  const call = (token: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown, key: string | null = method === 'POST' ? newKey() : null, headers: Record<string, string> = {}) =>
    server().app.inject({
      method,
      url,
      headers: { ...bearer(token), ...(key === null ? {} : { 'idempotency-key': key }), ...headers },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });

  /** A new world with `citizenCount` citizens, named `citizenNames` in order (Borger otherwise). */
  const world = async (citizenCount: number, citizenNames: readonly string[] = []): Promise<BookingWorld> => {
    const tag = `${options.worldPrefix}${String(++worldCounter)}`;
    const caseworker = `caseworker-${tag}`;
    const citizens = Array.from({ length: citizenCount }, (_, index) => `citizen-${tag}-${String(index)}`);
    const { db } = server().database;
    await db.insertInto('users').values({ id: caseworker, role: 'caseworker', first_name: options.caseworkerName, team_id: null, description: null }).execute();
    await db.insertInto('availability_rules').values(availabilityRulesFor(caseworker)).execute();
    for (let index = 0; index < citizens.length; index += 100) {
      const chunk = citizens.slice(index, index + 100);
      await db.insertInto('users').values(chunk.map((id, offset) => ({ id, role: 'citizen' as const, first_name: citizenNames[index + offset] ?? 'Borger', team_id: null, description: null }))).execute();
      await db.insertInto('assignments').values(chunk.map((id) => ({ caseworker_id: caseworker, citizen_id: id }))).execute();
    }
    const desk = await server().token(caseworker, 'caseworker');
    return { caseworker, desk, citizens, tokens: await Promise.all(citizens.map((id) => server().token(id, 'citizen'))) };
  };

  /** The citizen holds the time and books it (answering mt-fysisk's required question); both must succeed. */
  const holdAndBook = async (token: string, slotId: string, meetingTypeId = 'mt-telefon'): Promise<Booking> => {
    const held = await call(token, 'POST', '/v1/booking/holds', { slotId, meetingTypeId });
    assert.equal(held.statusCode, 201, held.body);
    const booked = await call(token, 'POST', '/v1/booking/bookings', { holdId: held.json<Hold>().id, answers: meetingTypeId === 'mt-fysisk' ? [{ questionId: 'q-help', value: 'o-nothing' }] : [] });
    assert.equal(booked.statusCode, 201, booked.body);
    return booked.json<Booking>();
  };

  /** The booked claims of a booking: exactly one while it is booked, none once cancelled. */
  const bookedClaims = (bookingId: string) =>
    server().database.db.selectFrom('slot_claims').selectAll().where('booking_id', '=', bookingId).where('state', '=', 'booked').execute();

  return {
    /** The suite's server (started in `before`). */
    get server(): TestServer {
      return server();
    },
    newKey,
    call,
    world,
    holdAndBook,
    bookedClaims,
  };
}

/** Asserts a problem+json response with the given status and code, and answers its body. */
export function assertProblem(response: { statusCode: number; headers: Record<string, unknown>; body: string }, status: number, code: string): Record<string, unknown> {
  assert.equal(response.statusCode, status, `expected ${String(status)} ${code}, got ${String(response.statusCode)}: ${response.body}`);
  assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
  const body = JSON.parse(response.body) as Record<string, unknown>;
  assert.equal(body.code, code);
  assert.equal(body.status, status);
  assert.equal(body.type, `urn:jobunivers:problem:${code}`);
  assert.equal(typeof body.title, 'string');
  return body;
}

const compiled = new Map<TSchema, ReturnType<typeof Compile>>();
/** Asserts that `value` matches a contract schema. */
export function assertSchema(schema: TSchema, value: unknown): void {
  let check = compiled.get(schema);
  if (check === undefined) {
    check = Compile(schema);
    compiled.set(schema, check);
  }
  if (!check.Check(value)) {
    assert.fail(`does not match ${String((schema as { $id?: string }).$id)}: ${JSON.stringify(check.Errors(value).slice(0, 3))}`);
  }
}

export interface SseMessage {
  id?: string;
  event?: string;
  data?: string;
  retry?: string;
  comment?: string;
}

export interface SseReader {
  status: number;
  headers: Headers;
  next(timeoutMs?: number): Promise<SseMessage>;
  /** The next message that is an event (skipping retry lines and comments). */
  nextEvent(timeoutMs?: number): Promise<SseMessage>;
  close(): void;
}

/** The user's own stream (`GET /v1/events`), read as the widgets read it. */
export function openStream(baseUrl: string, token: string, lastEventId?: string): Promise<SseReader> {
  return openSseStream(`${baseUrl}/v1/events`, token, lastEventId);
}

/** A minimal SSE reader over fetch for any stream URL, as the widgets read streams. */
export async function openSseStream(url: string, token: string, lastEventId?: string): Promise<SseReader> {
  const controller = new AbortController();
  const headers: Record<string, string> = { ...bearer(token), accept: 'text/event-stream' };
  if (lastEventId !== undefined) headers['last-event-id'] = lastEventId;
  const response = await fetch(url, { headers, signal: controller.signal });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const queue: SseMessage[] = [];
  const waiters: ((message: SseMessage | Error) => void)[] = [];
  let failure: Error | undefined;
  const deliver = (message: SseMessage | Error) => {
    const waiter = waiters.shift();
    if (waiter) waiter(message);
    else if (message instanceof Error) failure = message;
    else queue.push(message);
  };
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const message: SseMessage = {};
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) message.comment = line.slice(1).trim();
            else {
              const colon = line.indexOf(':');
              const field = line.slice(0, colon);
              const data = line.slice(colon + 1).replace(/^ /, '');
              if (field === 'id' || field === 'event' || field === 'data' || field === 'retry') message[field] = data;
            }
          }
          deliver(message);
        }
      }
      deliver(new Error('stream ended'));
    } catch (error) {
      deliver(error instanceof Error ? error : new Error('stream failed'));
    }
  })();
  const next = (timeoutMs = 5000) =>
    new Promise<SseMessage>((resolve, reject) => {
      const queued = queue.shift();
      if (queued) {
        resolve(queued);
        return;
      }
      if (failure) {
        reject(failure);
        return;
      }
      const timer = setTimeout(() => {
        const index = waiters.indexOf(waiter);
        if (index >= 0) waiters.splice(index, 1);
        reject(new Error(`no SSE message within ${String(timeoutMs)} ms`));
      }, timeoutMs);
      const waiter = (message: SseMessage | Error) => {
        clearTimeout(timer);
        if (message instanceof Error) reject(message);
        else resolve(message);
      };
      waiters.push(waiter);
    });
  return {
    status: response.status,
    headers: response.headers,
    next,
    async nextEvent(timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const message = await next(Math.max(1, deadline - Date.now()));
        if (message.event !== undefined || message.data !== undefined) return message;
      }
    },
    close: () => {
      controller.abort();
    },
  };
}
