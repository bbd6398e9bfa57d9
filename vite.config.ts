import { defineConfig, type UserConfig } from 'vite';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { minifyCssLiteralsPlugin } from './scripts/minify-css-literals.mjs';

// Every workspace builds with `vite build --config ../../vite.config.ts`, so the cwd is the package folder.
const packageDir = process.cwd();
interface PackageManifest {
  name: string;
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

/** A normal package: ES modules per entry, dependencies left to the consumer's bundler. */
const libraryConfig: UserConfig = {
  root: packageDir,
  logLevel: 'warn',
  plugins: [minifyCssLiteralsPlugin()],
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
};

/**
 * `vite build --mode bundle` (the `jobunivers` package): one self-contained file, `dist/<unscoped name>.js`, with
 * lit, @lit/context, i18next, idb and every @jobunivers package inlined, for a plain `<script type="module">`.
 * Lazily loaded locales stay separate chunks that the entry imports relative to its own URL (`./chunks/…`),
 * so the dist folder can be hosted under any path or origin.
 */
const bundleConfig: UserConfig = {
  root: packageDir,
  logLevel: 'warn',
  plugins: [minifyCssLiteralsPlugin()],
  // Build sibling packages from their TypeScript source, so the bundle never picks up a stale dist/.
  resolve: { conditions: ['source', 'module', 'browser', 'development|production'] },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    minify: true,
    // Lib mode, so no modulepreload helper is added around the locale imports (it would be dead code here).
    lib: {
      entry: { [manifest.name.replace(/^@[^/]+\//, '')]: entries['index'] ?? resolve(packageDir, 'src/index.ts') },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    rolldownOptions: {
      output: {
        chunkFileNames: 'chunks/[name]-[hash].js',
        // Lib mode keeps whitespace and /*#__PURE__*/ marks in ES output for a consumer's bundler to tree-shake;
        // this file is the end product, so minify it fully.
        minify: true,
        comments: { annotation: false },
      },
    },
  },
};

export default defineConfig(({ mode }) => (mode === 'bundle' ? bundleConfig : libraryConfig));
