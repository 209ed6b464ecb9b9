/**
 * A @web/test-runner reporter that writes `{ passed, failed, skipped }` to a JSON file, which the
 * workspace's `npm test` adds to its totals.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** @param {string} file */
export function summaryFileReporter(file) {
  return {
    onTestRunFinished({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0 };
      const visit = (suite) => {
        for (const test of suite.tests) {
          if (test.skipped) counts.skipped++;
          else if (test.passed) counts.passed++;
          else counts.failed++;
        }
        for (const child of suite.suites) visit(child);
      };
      for (const session of sessions) {
        if (session.testResults) visit(session.testResults);
        // A file that failed to load has no results: count it as one failure.
        else if (!session.passed) counts.failed++;
      }
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, `${JSON.stringify(counts)}\n`);
    },
  };
}
