import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { summaryReporter } from './scripts/summary-reporter.mjs';
import { chromiumLaunchOptions } from './scripts/chromium.mjs';


export default {
  // Browser packages only: the contract and the server have Node tests of their own.
  files: ['packages/*/test/**/*.test.ts', '!packages/contract/**', '!packages/server/**'],
  nodeResolve: { exportConditions: ['source', 'development'] },
  plugins: [esbuildPlugin({ ts: true, json: true, tsconfig: 'tsconfig.json', target: 'es2022' })],
  concurrency: 1,
  // Lit's dev-mode notice is expected in tests (they use the development build); everything else is shown.
  filterBrowserLogs: ({ args }) => !String(args[0] ?? '').includes('Lit is in dev mode'),
  testFramework: { config: { timeout: 10000 } },
  reporters: [defaultReporter(), summaryReporter({ resultsFile: '.test-results/components.json' })],
  browsers: [
    chromeLauncher({
      launchOptions: { ...chromiumLaunchOptions, args: ['--headless=new', ...chromiumLaunchOptions.args] },
    }),
  ],
};
