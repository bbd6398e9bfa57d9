import { defineConfig } from 'vite';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

// Every workspace builds with `vite build --config ../../vite.config.ts`, so the cwd is the package folder.
const packageDir = process.cwd();
interface PackageManifest {
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  exports?: Record<string, { source?: string } | string>;
}
const manifest = JSON.parse(readFileSync(resolve(packageDir, 'package.json'), 'utf8')) as PackageManifest;
const dependencies = Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies });

// One entry per exported subpath that has a TypeScript source, so `dist/` mirrors `src/`.
const entries: Record<string, string> = {};
for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
  if (typeof target === 'object' && target.source) {
    const name = subpath === '.' ? 'index' : subpath.replace(/^\.\//, '');
    entries[name] = resolve(packageDir, target.source);
  }
}

export default defineConfig({
  root: packageDir,
  logLevel: 'warn',
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    minify: true,
    lib: { entry: entries, formats: ['es'] },
    rolldownOptions: {
      external: (id: string) => dependencies.some((dependency) => id === dependency || id.startsWith(`${dependency}/`)),
      output: { chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
