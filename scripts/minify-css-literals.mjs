// Shrinks the CSS inside Lit's css`…` templates at build time (Vite and esbuild keep template text verbatim).
// Only templates without ${…} are touched, and only whitespace that CSS never needs is removed, so the result
// renders exactly like the source; the component tests run on the unminified source.
const CSS_TEMPLATE = /\bcss`([^`$\\]*)`/g;

export function minifyCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,])\s*/g, '$1')
    .replace(/;}/g, '}')
    .trim();
}

export function minifyCssLiterals(code) {
  return code.replace(CSS_TEMPLATE, (_, text) => `css\`${minifyCss(text)}\``);
}

/** Vite/Rolldown plugin: applies minifyCssLiterals to our own TypeScript sources. */
export function minifyCssLiteralsPlugin() {
  return {
    name: 'jobunivers-minify-css-literals',
    transform(code, id) {
      if (!/\/packages\/[^/]+\/src\/.*\.ts$/.test(id) || !code.includes('css`')) return null;
      return { code: minifyCssLiterals(code), map: null };
    },
  };
}

/** esbuild plugin: the same for the size budgets, so they measure what we ship. */
export function minifyCssLiteralsEsbuildPlugin() {
  return {
    name: 'jobunivers-minify-css-literals',
    setup(build) {
      build.onLoad({ filter: /\/packages\/[^/]+\/src\/.*\.ts$/ }, async (args) => {
        const { readFile } = await import('node:fs/promises');
        const code = await readFile(args.path, 'utf8');
        return { contents: minifyCssLiterals(code), loader: 'ts' };
      });
    },
  };
}
