import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { chromiumLaunchOptions } from './scripts/chromium.mjs';

const browser = {
  enabled: true,
  headless: true,
  viewport: { width: 1200, height: 900 }, // Storybook's default story viewport in tests
  screenshotDirectory: '.test-results/story-screenshots',
  instances: [{ browser: 'chromium' as const }],
  provider: playwright({
    launchOptions: chromiumLaunchOptions,
  }),
};

// `npm run test:stories`: every story × every language × every theme, rendered and checked with axe in one
// browser page (see .storybook/stories.test.ts). One page instead of one per combination keeps it fast on 2 cores.
const storyMatrix: TestProjectInlineConfiguration = {
  extends: true,
  test: {
    name: 'storybook',
    include: ['.storybook/stories.test.ts'],
    setupFiles: ['.storybook/vitest.setup.ts'],
    // Lets the a11y addon fail the test itself with its formatted report (what storybookTest() sets too).
    env: { VITEST_STORYBOOK: 'false' },
    browser,
  },
};

// Storybook's own test widget (addon-vitest) starts Vitest with VITEST_STORYBOOK=true and runs the project that
// uses storybookTest(): the stories in the toolbar's default language and theme. Only loaded then, because
// loading Storybook's presets costs seconds on every run.
const storybookUiProjects: TestProjectInlineConfiguration[] =
  process.env['VITEST_STORYBOOK'] === 'true'
    ? [{ extends: true, plugins: [storybookTest({ configDir: '.storybook' })], test: { name: 'storybook-ui', browser } }]
    : [];

export default defineConfig({
  // As in .storybook/vite.config.ts: workspace packages resolve to their TypeScript sources.
  resolve: { conditions: ['source', 'module', 'browser', 'development|production'] },
  // Re-scan and re-bundle dependencies on every run (about a second): with a cached scan, a story that starts
  // importing a new package makes Vite reload the page mid-run and every story test fails once.
  optimizeDeps: { force: true },
  test: {
    reporters: ['default', 'json'],
    outputFile: { json: '.test-results/stories.json' },
    attachmentsDir: '.test-results/vitest-attachments', // failure screenshots; .test-results is git-ignored
    projects: [storyMatrix, ...storybookUiProjects],
  },
});
