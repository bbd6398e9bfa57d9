import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

function count(results, tally) {
  for (const test of results?.tests ?? []) {
    if (test.skipped) tally.skipped++;
    else if (test.passed) tally.passed++;
    else tally.failed++;
  }
  for (const suite of results?.suites ?? []) count(suite, tally);
}

/** Ends web-test-runner's output with one plain line, `tests: N passed, N failed, N skipped`, and saves the counts. */
export function summaryReporter({ resultsFile } = {}) {
  return {
    onTestRunFinished({ sessions }) {
      const tally = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        count(session.testResults, tally);
        // A file that fails to load has no tests but must still count as a failure.
        if (!session.passed && (session.errors?.length ?? 0) > 0) tally.failed++;
      }
      if (resultsFile) {
        mkdirSync(dirname(resultsFile), { recursive: true });
        writeFileSync(resultsFile, JSON.stringify(tally));
      }
      setTimeout(() => {
        process.stdout.write(`tests: ${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped\n`);
      }, 0);
    },
  };
}
