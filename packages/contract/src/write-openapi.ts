// Writes docs/openapi.json from the schemas; `--check` exits 1 when the committed file is stale.
// Run: npx tsx --conditions=source packages/contract/src/write-openapi.ts [--check]
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderOpenApiDocument } from './openapi.js';

const target = fileURLToPath(new URL('../../../docs/openapi.json', import.meta.url));
const fresh = renderOpenApiDocument();

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // missing counts as stale
  }
  if (current !== fresh) {
    console.error('docs/openapi.json is stale: run `npm run openapi --workspace @jobunivers/contract` and commit it.');
    process.exit(1);
  }
  console.log('docs/openapi.json is fresh.');
} else {
  writeFileSync(target, fresh);
  console.log(`Wrote ${target}`);
}
