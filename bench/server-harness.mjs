// What the server benchmarks share: settings from the environment, a built reference server, bounded cleanup
// of everything they start (also on Ctrl+C), and the table they print.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, startReferenceServer } from '../e2e/reference-server.mjs';

/** A positive number from the environment, else `fallback`. */
export function envNumber(name, fallback) {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number.`);
  return value;
}

export const ms = (value) => (Number.isNaN(value) ? '—' : `${value.toFixed(2)} ms`);
export const delay = (millis) => new Promise((resolve) => { setTimeout(resolve, millis); });

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the server when dist/ is missing; says so when the sources are newer than the build measured. */
export function ensureServerBuilt() {
  const main = join(ROOT, 'packages/server/dist/main.js');
  if (!existsSync(main)) {
    console.log('packages/server/dist is missing: running `npm run build` first …');
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
  } else if (newestMtime(join(ROOT, 'packages/server/src')) > statSync(main).mtimeMs) {
    console.log('note: packages/server/src is newer than dist/ — the figures are for the last build (`npm run build`).');
  }
}

export function printTable(table, rightAligned) {
  const widths = table[0].map((_, column) => Math.max(...table.map((line) => line[column].length)));
  for (const [index, line] of table.entries()) {
    console.log(line.map((cell, column) => (rightAligned.includes(column) ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join('  ').trimEnd());
    if (index === 0) console.log(widths.map((width) => '─'.repeat(width)).join('  '));
  }
}

/**
 * Everything a run starts is stopped once, in reverse order, on success, on error and on Ctrl+C.
 * `onInterrupt` runs first (e.g. aborting open streams so servers can stop).
 */
export function benchRun({ serverEnv = {}, onInterrupt = () => undefined } = {}) {
  const cleanups = [];
  let cleaning;
  const run = {
    interrupted: false,
    /** Registers `cleanup` to run at the end (last registered runs first). */
    defer(cleanup) {
      cleanups.push(cleanup);
    },
    cleanUp() {
      cleaning ??= (async () => {
        onInterrupt();
        while (cleanups.length > 0) {
          try {
            await cleanups.pop()();
          } catch (error) {
            console.error('cleanup failed:', error instanceof Error ? error.message : error);
          }
        }
      })();
      return cleaning;
    },
    /** startReferenceServer with the bench's environment; stopping is bounded (a crashed child never exits twice). */
    async startServer(databaseUrl) {
      const server = await startReferenceServer({ databaseUrl, env: serverEnv });
      let stopped;
      const stop = () => {
        stopped ??= Promise.race([server.stop(), delay(15_000)]);
        return stopped;
      };
      cleanups.push(stop);
      return { ...server, stop };
    },
  };
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      run.interrupted = true;
      console.error(`\n${signal}: stopping servers …`);
      void run.cleanUp().finally(() => { process.exit(130); });
    });
  }
  return run;
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}
export const ascending = (values) => Float64Array.from(values).sort();

export async function json(response) {
  if (!response.ok) throw new Error(`${response.url} answered ${String(response.status)}: ${await response.text()}`);
  return response.json();
}

/** Logs every user through the demo routes (GET /v1/demo/users, POST /v1/demo/login); answers id → token. */
export async function demoTokens(url, userIds) {
  const { items } = await json(await fetch(`${url}/v1/demo/users`));
  const tokens = new Map();
  for (const userId of userIds) {
    if (!items.some((user) => user.id === userId)) throw new Error(`the demo has no user ${userId} (see packages/server/src/seed.ts)`);
    const login = await json(await fetch(`${url}/v1/demo/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId }),
    }));
    tokens.set(userId, login.token);
  }
  return tokens;
}

/**
 * Opens one SSE stream (`url`: the stream's full URL) with fetch and calls `onEvent(event, arrivedAt)` for each event. Resolves once the
 * response headers and the first chunk (`retry:`) are in; `done` settles when the stream ends.
 */
export async function openStream(url, token, signal, onEvent) {
  const response = await fetch(url, { headers: { accept: 'text/event-stream', authorization: `Bearer ${token}` }, signal });
  if (response.status !== 200 || response.body === null) throw new Error(`GET ${new URL(url).pathname} answered ${String(response.status)}`);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let first = true;
  let opened;
  const ready = new Promise((resolve) => { opened = resolve; });
  const done = (async () => {
    for (;;) {
      const { value, done: ended } = await reader.read();
      const arrivedAt = performance.now();
      if (ended) return;
      buffer += decoder.decode(value, { stream: true });
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = { id: undefined, type: 'message', data: '' };
        for (const line of block.split('\n')) {
          if (line.startsWith('id:')) event.id = line.slice(3).trim();
          else if (line.startsWith('event:')) event.type = line.slice(6).trim();
          else if (line.startsWith('data:')) event.data += line.slice(5).trim();
        }
        if (event.data !== '') onEvent(event, arrivedAt);
      }
      if (first) {
        first = false;
        opened();
      }
    }
  })();
  // A stream that ends before its first chunk must not leave `ready` pending.
  void done.finally(() => { opened(); }).catch(() => undefined);
  await Promise.race([ready, done]);
  return { done };
}
