// Prints the closing line of `npm test` once the browser run has ended: the browser totals plus
// the node:test totals recorded earlier in the same run (.cache/test-counts/node.json), as
// "tests: N passed, N failed, N skipped".
import { existsSync, readFileSync } from 'node:fs';

function count(suite, totals) {
  for (const test of suite?.tests ?? []) {
    if (test.skipped) totals.skipped += 1;
    else if (test.passed) totals.passed += 1;
    else totals.failed += 1;
  }
  for (const child of suite?.suites ?? []) count(child, totals);
}

/** A @web/test-runner reporter that prints the totals of a run as the last line. */
export function summaryReporter({ countsFile = '.cache/test-counts/node.json' } = {}) {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        count(session.testResults, totals);
        // A file that failed to load ran no test: count it as a failure.
        if (!session.passed && (session.errors?.length ?? 0) > 0) totals.failed += 1;
      }
      const browser = `browser ${totals.passed} passed, ${totals.failed} failed`;
      if (existsSync(countsFile)) {
        const node = JSON.parse(readFileSync(countsFile, 'utf8'));
        for (const key of Object.keys(totals)) totals[key] += node[key] ?? 0;
      }
      // Printed at exit so it comes after the runner's own progress output.
      process.once('exit', () => {
        process.stdout.write(`(${browser})\n`);
        process.stdout.write(
          `tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`,
        );
      });
    },
  };
}
