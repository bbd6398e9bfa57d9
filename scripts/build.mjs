#!/usr/bin/env node
// `npm run build`: builds every workspace package that has a build script, each after the workspace packages it
// depends on (a package's type declarations are generated against its dependencies' built ones), so the order
// never depends on folder names.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const packages = readdirSync(join(root, 'packages'))
  .map((folder) => join(root, 'packages', folder, 'package.json'))
  .filter((file) => existsSync(file))
  .map((file) => JSON.parse(readFileSync(file, 'utf8')));
const byName = new Map(packages.map((manifest) => [manifest.name, manifest]));

const order = [];
const visiting = new Set();
function visit(manifest) {
  if (order.includes(manifest)) return;
  if (visiting.has(manifest.name)) throw new Error(`workspace dependency cycle through ${manifest.name}`);
  visiting.add(manifest.name);
  for (const dependency of Object.keys({ ...manifest.dependencies, ...manifest.devDependencies, ...manifest.peerDependencies })) {
    const workspace = byName.get(dependency);
    if (workspace !== undefined) visit(workspace);
  }
  visiting.delete(manifest.name);
  order.push(manifest);
}
for (const manifest of packages) visit(manifest);

for (const manifest of order) {
  if (manifest.scripts?.build === undefined) continue;
  console.log(`── build ${manifest.name}`);
  execFileSync('npm', ['run', '--silent', 'build', '-w', manifest.name], { cwd: root, stdio: 'inherit' });
}
