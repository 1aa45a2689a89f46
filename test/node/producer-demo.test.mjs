// `npm start` as a new user tries it: the producer page presses "feature" and the product lands
// in a viewer tab watching the simulated live show (which carries no ID3 for it), on the frame
// of the instant pressed. Needs `npm run build` (npm test builds first).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser } from './lib/browser-harness.mjs';

const harness = useServerAndBrowser();

describe('demo: producer page → viewer page', () => {
  it('a product featured in the studio appears in the viewer tab on its frame', async () => {
    const context = await harness.browser.newContext();
    const errors = [];
    const viewer = await context.newPage();
    viewer.on('pageerror', (error) => errors.push(error.message));
    await viewer.goto(new URL('/', harness.server.url).href);
    await viewer.evaluate(() => {
      window.entered = [];
      document.getElementById('show').addEventListener('cuecart-cue-enter', (e) => {
        window.entered.push({
          source: e.detail.cue.source,
          product: e.detail.cue.payload.product,
          start: e.detail.cue.start,
          time: e.detail.time,
        });
      });
    });
    await viewer.waitForFunction(() => document.getElementById('show').currentTime > 1, null, {
      timeout: 30_000,
    });

    const producer = await context.newPage();
    producer.on('pageerror', (error) => errors.push(error.message));
    await producer.goto(new URL('/demo/producer.html', harness.server.url).href);
    const studio = producer.locator('#studio');
    // The show's products as buttons; canvas-tote is never in the stream's own cues.
    const tote = studio.getByRole('button', { name: /Canvas Tote/ });
    await tote.waitFor({ timeout: 15_000 });
    const index = await studio.evaluate((el) =>
      [...el.shadowRoot.querySelectorAll('[part~="product"]')].findIndex((b) =>
        /Canvas Tote/.test(b.textContent),
      ),
    );
    assert.ok(index >= 0 && index < 9);
    await tote.focus();
    await producer.keyboard.press(String(index + 1));
    await producer.waitForFunction(
      () =>
        /^Published/.test(
          document
            .getElementById('studio')
            .shadowRoot.querySelector('[part~="status"]')
            .textContent.trim(),
        ),
      null,
      { timeout: 10_000 },
    );

    // Back to the viewer tab: a background tab presents no frames (and runs timers slowly).
    await viewer.bringToFront();
    const known = await viewer.evaluate(() => {
      const player = document.getElementById('show');
      const cue = player.cueList.find((c) => c.source === 'json');
      return cue && { start: cue.start, now: player.currentTime };
    });
    if (known)
      assert.ok(
        known.now < known.start,
        `published ahead of the playhead: ${JSON.stringify(known)}`,
      );
    const hit = await viewer.waitForFunction(
      () => window.entered.find((e) => e.source === 'json'),
      null,
      { timeout: 40_000, polling: 100 },
    );
    const entered = await hit.jsonValue();
    assert.ok(/canvas-tote|^\d+$/.test(entered.product), JSON.stringify(entered));
    // Shown on the first frame at or after its start (≤ 1 frame at 30 fps), not when it arrived.
    assert.ok(
      entered.time - entered.start >= -0.001 && entered.time - entered.start <= 1 / 30 + 0.001,
      JSON.stringify(entered),
    );
    assert.deepEqual(errors, []);
    await context.close();
  });
});
