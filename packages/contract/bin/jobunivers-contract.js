#!/usr/bin/env node
// jobunivers-contract: the command-line entry of @jobunivers/contract.
//   jobunivers-contract conformance --api URL [options]   run the conformance suite (see --help)
// Runs the built suite (../dist/conformance/cli.js) when it exists, else the TypeScript source through tsx
// (inside the monorepo, before a build).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const USAGE = `Usage: jobunivers-contract <command> [options]

Commands
  conformance   check a server against the Jobunivers contract (jobunivers-contract conformance --help)
`;

const [command, ...args] = process.argv.slice(2);

// `… | head` closes stdout early: stop quietly instead of crashing with EPIPE.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

async function loadConformance() {
  const built = new URL('../dist/conformance/cli.js', import.meta.url);
  if (existsSync(fileURLToPath(built))) return import(built.href);
  const source = new URL('../src/conformance/cli.ts', import.meta.url);
  if (!existsSync(fileURLToPath(source))) {
    throw new Error('neither dist/conformance/cli.js nor src/conformance/cli.ts found: build the package first');
  }
  let register;
  try {
    ({ register } = await import('tsx/esm/api'));
  } catch {
    throw new Error('dist/conformance/cli.js is missing and tsx is not installed: run `npm run build -w @jobunivers/contract` first');
  }
  register();
  return import(source.href);
}

if (command === 'conformance') {
  try {
    const { main } = await loadConformance();
    process.exitCode = await main(args);
  } catch (error) {
    process.stderr.write(`jobunivers-contract: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  }
} else if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
  process.stdout.write(USAGE);
} else {
  process.stderr.write(`jobunivers-contract: unknown command ${JSON.stringify(command)}\n\n${USAGE}`);
  process.exitCode = 2;
}
