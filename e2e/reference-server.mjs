// Starts the built reference server (what `npm start` runs) as a child process on a free port, in demo mode.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const MAIN = join(ROOT, 'packages/server/dist/main.js');

/**
 * @param {{ databaseUrl?: string, env?: Record<string, string> }} options  databaseUrl defaults to a fresh SQLite file
 * @returns {Promise<{ url: string, stop: (options?: { signal?: NodeJS.Signals }) => Promise<void>, output: () => string }>}
 */
export async function startReferenceServer({ databaseUrl, env = {} } = {}) {
  if (!existsSync(MAIN)) throw new Error('packages/server/dist/main.js is missing: run `npm run build` first.');
  const scratch = mkdtempSync(join(tmpdir(), 'jobunivers-server-'));
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DEMO: '1',
      LOG_LEVEL: 'warn',
      JU_CHAT_ALWAYS_OPEN: '1',
      DATABASE_URL: databaseUrl ?? `sqlite:${join(scratch, 'jobunivers.sqlite')}`,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => { output += chunk; });
  child.stderr.on('data', (chunk) => { output += chunk; });
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => { reject(new Error(`The server did not start within 20 s:\n${output}`)); }, 20_000);
    const check = () => {
      const match = /Open\s+(http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The server exited with ${code}:\n${output}`));
    });
  }).catch((error) => {
    child.kill('SIGKILL');
    rmSync(scratch, { recursive: true, force: true });
    throw error;
  });
  return {
    url,
    output: () => output,
    /** Stops the server; `{ signal: 'SIGKILL' }` makes it a crash (no graceful shutdown). */
    stop: ({ signal = 'SIGTERM' } = {}) => new Promise((resolve) => {
      const done = () => {
        rmSync(scratch, { recursive: true, force: true });
        resolve();
      };
      child.removeAllListeners('exit');
      if (child.exitCode !== null || child.signalCode !== null) {
        done();
        return;
      }
      child.on('exit', done);
      child.kill(signal);
    }),
  };
}
