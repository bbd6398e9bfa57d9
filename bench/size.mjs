#!/usr/bin/env node
// Size budgets: min+gzip of each package's own code, the shared runtime and the drop-in bundle, against
// bench/budgets.json. `--check` exits 1 when a budget is exceeded. See bench/README.md.
import { builtinModules } from 'node:module';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { minifyCssLiteralsEsbuildPlugin } from '../scripts/minify-css-literals.mjs';
import { BUNDLE_DIR, BUNDLE_FILE, ROOT, ensureBundle, workspacePackages } from './bundle.mjs';

const check = process.argv.includes('--check');
const budgetFile = join(ROOT, 'bench/budgets.json');
const { budgets } = JSON.parse(readFileSync(budgetFile, 'utf8'));

const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;
const nodeBuiltins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

/**
 * Bundles `source` (module text resolved from `resolveDir`) the way a size budget means it: minified ESM for
 * es2022, sibling packages from TypeScript source, `external` bare imports left out. Returns the entry's bytes
 * and the lazily loaded chunks (dynamic imports) separately.
 */
async function measureSource(source, resolveDir, external = () => false, externalFiles = new Set()) {
  const result = await esbuild.build({
    entryPoints: ['jobunivers-size-entry'],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    splitting: true,
    conditions: ['source'],
    outdir: join(ROOT, '.test-results/size-out'),
    write: false,
    logLevel: 'silent',
    legalComments: 'none',
    charset: 'utf8', // as served: Danish and Arabic strings stay UTF-8 instead of \u escapes
    plugins: [minifyCssLiteralsEsbuildPlugin(), {
      name: 'entry-and-externals',
      setup(build) {
        build.onResolve({ filter: /^jobunivers-size-entry$/ }, () => ({ path: 'entry', namespace: 'size-entry' }));
        build.onLoad({ filter: /.*/, namespace: 'size-entry' }, () => ({ contents: source, resolveDir, loader: 'js' }));
        // Another published entry of the same package (e.g. a shared transport) is paid once, in its own row.
        build.onResolve({ filter: /^\.\.?\// }, (args) => {
          const absolute = resolve(args.resolveDir, args.path).replace(/\.js$/, '.ts');
          return externalFiles.has(absolute) ? { path: args.path, external: true } : undefined;
        });
        build.onResolve({ filter: /^[^./]/ }, (args) => {
          const name = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0];
          return nodeBuiltins.has(args.path) || external(name) ? { path: args.path, external: true } : undefined;
        });
      },
    }],
    metafile: true,
  });
  // Lazily imported modules are entry points of their own in the metafile: pick the size entry itself.
  const entryName = Object.entries(result.metafile.outputs).find(([, output]) => output.entryPoint === 'size-entry:entry')?.[0];
  const entry = result.outputFiles.find((file) => relative(ROOT, file.path) === entryName);
  const chunks = result.outputFiles.filter((file) => file !== entry && file.path.endsWith('.js'));
  // A chunk the entry imports statically — directly or through another such chunk — is paid up front, so it
  // counts towards the entry.
  const staticImports = new Set();
  const pending = [entryName];
  while (pending.length > 0) {
    for (const { kind, path } of result.metafile.outputs[pending.pop()]?.imports ?? []) {
      if (kind !== 'import-statement' || staticImports.has(path)) continue;
      staticImports.add(path);
      pending.push(path);
    }
  }
  const upFront = chunks.filter((chunk) => staticImports.has(relative(ROOT, chunk.path)));
  const lazy = chunks.filter((chunk) => !upFront.includes(chunk));
  const entryBytes = Buffer.concat([entry.contents, ...upFront.map((chunk) => chunk.contents)]);
  return {
    raw: entryBytes.length,
    gzip: gzip(entryBytes),
    lazy: lazy.map((chunk) => ({ name: basename(chunk.path), raw: chunk.contents.length, gzip: gzip(chunk.contents) })),
  };
}

const rows = [];
const notes = [];

// 1. Each workspace package's own code: all of its source entry points, its dependencies external.
for (const { dir, manifest } of workspacePackages()) {
  const sources = Object.values(manifest.exports ?? {})
    .map((target) => (typeof target === 'object' ? target.source : undefined))
    .filter((source) => source !== undefined);
  if (manifest.private) {
    notes.push(`${manifest.name}: not measured (private package, not shipped to browsers)`);
    continue;
  }
  if (manifest.name === '@jobunivers/contract') {
    notes.push(`${manifest.name}: not measured (widgets import only its types: 0 bytes in their bundles)`);
    continue;
  }
  const present = sources.filter((source) => existsSync(join(dir, source)));
  if (present.length === 0) {
    notes.push(`${manifest.name}: not measured (no source entry yet)`);
    continue;
  }
  const dependencies = new Set(Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies }));
  // The main entry and its registering `./define` are what every page pays; other subpaths (e.g. `./store`)
  // are opt-in and get a row of their own.
  const groups = new Map();
  for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
    if (typeof target !== 'object' || !present.includes(target.source)) continue;
    const name = subpath === '.' || subpath === './define' ? manifest.name : `${manifest.name}/${subpath.replace(/^\.\//, '')}`;
    groups.set(name, [...(groups.get(name) ?? []), target.source]);
  }
  const mainEntry = groups.get(manifest.name) ?? [];
  for (const [name, files] of groups) {
    const source = files.map((file) => `export * from ${JSON.stringify(`./${file.replace(/^\.\//, '')}`)};`).join('\n');
    // The main entry pays for everything it loads up front, its own subpath entries (e.g. a shared model)
    // included. An opt-in subpath entry's row leaves out the package's other subpath entries it imports (they
    // have rows of their own and are paid by whoever imports them).
    const otherEntries = name === manifest.name ? new Set() : new Set([...groups].filter(([other]) => other !== name && other !== manifest.name)
      .flatMap(([, sources]) => sources.filter((file) => !mainEntry.includes(file)).map((file) => resolve(dir, file))));
    try {
      const size = await measureSource(source, dir, (dependency) => dependencies.has(dependency), otherEntries);
      rows.push({ name, what: 'own code, dependencies external', ...size });
    } catch (error) {
      rows.push({ name, what: 'own code', error: String(error.message ?? error).split('\n')[0] });
    }
  }
}

// 2. The shared runtime: lit + @lit/context + i18next + core (with <ju-provider>) in one bundle.
rows.push({
  name: 'shared runtime',
  what: 'lit + @lit/context + i18next + core, one bundle',
  ...(await measureSource("export * from '@jobunivers/core';\nimport '@jobunivers/core/define';", join(ROOT, 'packages/core'))),
});

// 3. The built drop-in bundle, rebuilt first when missing or older than its sources.
const rebuilt = ensureBundle({ whenStale: true });
if (rebuilt) notes.push(`jobunivers.js rebuilt first (${rebuilt})`);
const bundle = readFileSync(BUNDLE_FILE);
const bundleText = bundle.toString('utf8');
const chunkDir = join(BUNDLE_DIR, 'chunks');
const builtChunks = existsSync(chunkDir) ? readdirSync(chunkDir).filter((file) => file.endsWith('.js')) : [];
// Minified output has no spaces around `from`/`import`, so static imports look like `from"./x"` or `import"./x"`.
const staticSpecifiersOf = (text) => [...text.matchAll(/(?:\bfrom|\bimport)\s*["'`]([^"'`]+)["'`]/g)].map((match) => match[1]);
const staticSpecifiers = staticSpecifiersOf(bundleText);
const bareImports = staticSpecifiers.filter((specifier) => !specifier.startsWith('.'));
// Chunks imported statically by the bundle, or by such a chunk, load with the page.
const upFrontChunks = [];
for (let pending = staticSpecifiers; pending.length > 0;) {
  const found = builtChunks.filter((file) => !upFrontChunks.includes(file) && pending.some((specifier) => specifier.endsWith(`/${file}`) || specifier === `./${file}`));
  upFrontChunks.push(...found);
  pending = found.flatMap((file) => staticSpecifiersOf(readFileSync(join(chunkDir, file), 'utf8')));
}
const upFrontBytes = Buffer.concat([bundle, ...upFrontChunks.map((file) => readFileSync(join(chunkDir, file)))]);
rows.push({
  name: 'jobunivers.js',
  what: 'packages/jobunivers/dist, as served',
  raw: upFrontBytes.length,
  gzip: gzip(upFrontBytes),
  error: bareImports.length > 0 ? `not self-contained: imports ${bareImports.join(', ')}` : undefined,
  lazy: builtChunks
    .filter((file) => !upFrontChunks.includes(file))
    .map((file) => {
      const bytes = readFileSync(join(chunkDir, file));
      return { name: `chunks/${file}`, raw: bytes.length, gzip: gzip(bytes) };
    }),
});

// Compare with the budgets.
let passed = 0;
let failed = 0;
const table = [];
for (const row of rows) {
  const budget = budgets[row.name]?.maxGzipBytes;
  let status = budget === undefined ? '' : 'OK';
  if (row.error) status = 'ERROR';
  else if (budget !== undefined && row.gzip > budget) status = 'OVER';
  if (budget !== undefined && status === 'OK') passed++;
  else if (budget !== undefined) failed++;
  else if (row.error) notes.push(`${row.name}: ${row.error}`);
  const target = budgets[row.name]?.targetGzipBytes;
  if (status === 'OK' && target !== undefined && row.gzip > target) {
    notes.push(`${row.name} is within its budget but ${bytes(row.gzip - target)} over its target of ${bytes(target)}: ${budgets[row.name].why}`);
  }
  table.push([
    row.name,
    row.error && row.raw === undefined ? '—' : bytes(row.raw),
    row.error && row.gzip === undefined ? '—' : bytes(row.gzip),
    budget === undefined ? '—' : bytes(budget),
    budget === undefined || row.gzip === undefined ? '—' : `${((row.gzip / budget) * 100).toFixed(1)} %`,
    status === 'ERROR' ? `ERROR: ${row.error}` : status,
  ]);
  for (const chunk of row.lazy ?? []) table.push([`  └ lazy ${chunk.name}`, bytes(chunk.raw), bytes(chunk.gzip), '—', '—', '']);
}
for (const name of Object.keys(budgets)) {
  if (rows.some((row) => row.name === name)) continue;
  failed++;
  table.push([name, '—', '—', bytes(budgets[name].maxGzipBytes), '—', 'ERROR: nothing measured under this name']);
}

function bytes(value) {
  return value === undefined ? '—' : `${value.toLocaleString('en-US')} B`;
}

const header = ['name', 'min', 'min+gzip', 'budget (gzip)', '% of budget', 'status'];
const widths = header.map((title, column) => Math.max(title.length, ...table.map((line) => line[column].length)));
const numeric = [false, true, true, true, true, false];
const format = (line) => line.map((cell, column) => (numeric[column] ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join('  ').trimEnd();
console.log(format(header));
console.log(widths.map((width) => '─'.repeat(width)).join('  '));
for (const line of table) console.log(format(line));
console.log('\nmin = esbuild --minify (jobunivers.js: as built by Vite); gzip = zlib level 9; 1 kB = 1000 B.');
for (const note of notes) console.log(`note: ${note}`);
console.log(`budgets: ${passed} passed, ${failed} failed, 0 skipped`);

mkdirSync(join(ROOT, '.test-results'), { recursive: true });
writeFileSync(join(ROOT, '.test-results/budgets.json'), JSON.stringify({ passed, failed, skipped: 0 }));
if (check && failed > 0) {
  console.error(`\n${failed} size budget(s) exceeded or not measurable. Make the code smaller, or raise the budget in bench/budgets.json with a reason.`);
  process.exitCode = 1;
}
