// Size budgets of the CDN build (brotli quality 11), checked on every `npm test` (after the build):
// the player loader a far-below-the-fold page pays for, and the player shell a playing page
// pays for before its first frame. Deterministic: bytes, not timings. See docs/benchmarks.md.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { benchBundle } from '../bench/bundle.mjs';
import { FACADE_BUDGET_BR, SHELL_BUDGET_BR } from '../bench/budgets.mjs';

test('dist/cdn/cuecart.js (loader + facade) is within its budget and holds no hls.js code', async () => {
  const bundle = await benchBundle();
  assert.ok(
    bundle.loader.br <= FACADE_BUDGET_BR,
    `loader ${bundle.loader.br} B br > ${FACADE_BUDGET_BR}`,
  );
  assert.equal(bundle.markersValid, true, 'the hls.js chunks carry the markers the check uses');
  assert.equal(bundle.hlsInCore, false, `hls.js code outside its chunks: ${bundle.coreMarkers}`);
});

test('the player shell is within its budget', async () => {
  const { shell } = await benchBundle();
  assert.ok(shell.entry, 'the loader imports a shell');
  assert.ok(
    shell.br <= SHELL_BUDGET_BR,
    `shell ${shell.br} B br > ${SHELL_BUDGET_BR} (${shell.files.join(', ')})`,
  );
});
