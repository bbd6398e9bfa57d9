#!/usr/bin/env node
// Runs a command with TEST_DATABASE_URL pointing at a throwaway PostgreSQL (see postgres.mjs), then removes it.
// Usage: node scripts/with-postgres.mjs <command…>. An existing TEST_DATABASE_URL is used as it is; without
// PostgreSQL installed the command runs without it (the PostgreSQL tests then say they were skipped).
import { spawn } from 'node:child_process';
import { startPostgres } from './postgres.mjs';

const command = process.argv.slice(2).join(' ');
if (command === '') {
  console.error('usage: node scripts/with-postgres.mjs <command>');
  process.exit(2);
}

const postgres = process.env.TEST_DATABASE_URL ? undefined : await startPostgres();
if (!process.env.TEST_DATABASE_URL && !postgres) console.error('PostgreSQL is not installed (apt-get install -y postgresql); running without it.');
const env = postgres ? { ...process.env, TEST_DATABASE_URL: postgres.url } : process.env;
const code = await new Promise((resolve) => {
  const child = spawn(command, { shell: true, stdio: 'inherit', env });
  child.on('close', (exitCode) => resolve(exitCode ?? 1));
});
postgres?.stop();
process.exit(code);
