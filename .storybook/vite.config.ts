import { defineConfig } from 'vite';

// `source` makes workspace packages resolve to their TypeScript sources, so stories need no build first.
export default defineConfig({
  resolve: { conditions: ['source', 'module', 'browser', 'development|production'] },
});
