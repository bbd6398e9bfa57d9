// Starts a throwaway PostgreSQL cluster on 127.0.0.1 for the test run (Debian's packages; no Docker here) and
// returns its URL and a stop function. Used by `npm test` when TEST_DATABASE_URL is not set.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

function findBin() {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((name) => existsSync(join(root, name, 'bin/initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? join(root, versions[0], 'bin') : undefined;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** @returns {Promise<{ url: string, stop: () => void } | undefined>} undefined when PostgreSQL is not installed */
export async function startPostgres() {
  const bin = findBin();
  if (!bin) return undefined;
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'jobunivers-pg-'));
  // initdb refuses to run as root: run the server as the `postgres` user then.
  const asRoot = userInfo().uid === 0;
  const run = (command) => {
    if (asRoot) execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', command], { stdio: 'pipe' });
    else execFileSync('/bin/sh', ['-c', command], { stdio: 'pipe' });
  };
  if (asRoot) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString().trim()), Number(execFileSync('id', ['-g', 'postgres']).toString().trim()));
  run(`${bin}/initdb -D ${dir}/data -A trust -U app --no-sync >/dev/null`);
  run(`${bin}/pg_ctl -D ${dir}/data -o "-h 127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c max_connections=200" -l ${dir}/log -w start >/dev/null`);
  let stopped = false;
  return {
    url: `postgres://app@127.0.0.1:${port}/postgres`,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run(`${bin}/pg_ctl -D ${dir}/data -m immediate -w stop >/dev/null`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
