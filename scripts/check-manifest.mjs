#!/usr/bin/env node
// Fails when custom-elements.json is not what the analyzer makes of the current JSDoc: run `npm run analyze`.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

// The analyzer treats --outdir as relative to the working directory, so the scratch folder lives in the repo.
mkdirSync('.test-results', { recursive: true });
const outdir = mkdtempSync('.test-results/manifest-');
try {
  execFileSync('npx', ['cem', 'analyze', '--config', 'custom-elements-manifest.config.mjs', '--outdir', outdir], { stdio: 'pipe' });
  const fresh = readFileSync(join(outdir, 'custom-elements.json'), 'utf8');
  const committed = readFileSync('custom-elements.json', 'utf8');
  if (fresh.trim() !== committed.trim()) {
    console.error('custom-elements.json is stale: an element\'s JSDoc or API changed. Run `npm run analyze` and commit the result.');
    process.exit(1);
  }
  console.log('custom-elements.json is fresh.');
} finally {
  rmSync(outdir, { recursive: true, force: true });
}
