// A node:test reporter that prints nothing and records the run's counts in
// .cache/test-counts/node.json, for the closing summary line of `npm test`.
import { mkdirSync, writeFileSync } from 'node:fs';

export default async function* nodeCounts(source) {
  const totals = { passed: 0, failed: 0, skipped: 0 };
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    if (event.data.details?.type === 'suite') continue;
    if (event.data.skip || event.data.todo) totals.skipped += 1;
    else if (event.type === 'test:pass') totals.passed += 1;
    else totals.failed += 1;
  }
  mkdirSync('.cache/test-counts', { recursive: true });
  writeFileSync('.cache/test-counts/node.json', JSON.stringify(totals));
  yield '';
}
