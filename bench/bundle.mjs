// Finds, and when needed builds, the drop-in bundle packages/jobunivers/dist/jobunivers.js.
// Shared by bench/size.mjs and e2e/csp.test.mjs.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const BUNDLE_DIR = join(ROOT, 'packages/jobunivers/dist');
export const BUNDLE_FILE = join(BUNDLE_DIR, 'jobunivers.js');

/** Every workspace package: folder, manifest. */
export function workspacePackages() {
  const folder = join(ROOT, 'packages');
  return readdirSync(folder)
    .map((name) => join(folder, name))
    .filter((dir) => existsSync(join(dir, 'package.json')))
    .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) }));
}

function newestFile(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestFile(join(path, entry)));
  return newest;
}

/** The workspace packages the bundle is made of: `jobunivers` and its @jobunivers/* dependencies, transitively. */
function bundledPackages() {
  const byName = new Map(workspacePackages().map((pkg) => [pkg.manifest.name, pkg]));
  const found = new Map();
  const visit = (name) => {
    const pkg = byName.get(name);
    if (!pkg || found.has(name)) return;
    found.set(name, pkg);
    for (const dependency of Object.keys(pkg.manifest.dependencies ?? {})) visit(dependency);
  };
  visit('jobunivers');
  return [...found.values()];
}

/** Why the bundle must be (re)built, or `undefined` when it is up to date. */
export function bundleStaleness() {
  if (!existsSync(BUNDLE_FILE)) return 'dist/jobunivers.js is missing';
  const built = statSync(BUNDLE_FILE).mtimeMs;
  const inputs = [join(ROOT, 'vite.config.ts'), join(ROOT, 'package-lock.json')];
  for (const { dir } of bundledPackages()) inputs.push(join(dir, 'src'), join(dir, 'package.json'));
  const changed = inputs.find((input) => newestFile(input) > built);
  return changed ? `${changed.slice(ROOT.length + 1)} changed after the last build` : undefined;
}

function npmBuild(workspace) {
  const result = spawnSync('npm', ['run', 'build', '-w', workspace], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`npm run build -w ${workspace} failed:\n${result.stdout}${result.stderr}`);
}

/**
 * Builds the bundle when it is missing (or, with `{ whenStale: true }`, older than its sources). Its type
 * declarations need the declarations of the workspace packages it re-exports, so those are built first if absent.
 * Returns the reason it was built, or `undefined`.
 */
export function ensureBundle({ whenStale = false } = {}) {
  const reason = whenStale ? bundleStaleness() : existsSync(BUNDLE_FILE) ? undefined : 'dist/jobunivers.js is missing';
  if (!reason) return undefined;
  for (const { dir, manifest } of bundledPackages()) {
    if (manifest.name === 'jobunivers' || !manifest.types) continue;
    if (!existsSync(join(dir, manifest.types))) npmBuild(manifest.name);
  }
  npmBuild('jobunivers');
  return reason;
}
