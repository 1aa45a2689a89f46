// The CDN builds (module loader, classic script, classic loader) under the strict policy of
// docs/security.md (demo/strict/policy.txt), served by the demo server with the header: HLS and
// MP4 play, products show, add to cart reaches the local store, the theme's cart section is
// refreshed, and the page records zero `securitypolicyviolation` events. Needs `npm run build`
// (npm test builds first).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser } from './lib/browser-harness.mjs';

const harness = useServerAndBrowser();

for (const build of ['module', 'classic', 'classic-loader']) {
  describe(`strict CSP + Trusted Types: the ${build} build`, () => {
    it('plays HLS and MP4, shows products, adds to cart, with no policy violation', async () => {
      const context = await harness.browser.newContext();
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      const response = await page.goto(
        new URL(`demo/strict/${build}.html`, harness.server.url).href,
      );
      assert.match(response.headers()['content-security-policy'], /require-trusted-types-for/);
      const player = page.locator('#player');

      // HLS through hls.js (loaded as a lazy chunk, or beside the classic script).
      await page.waitForFunction(() => document.getElementById('player').currentTime > 1.2, null, {
        timeout: 30_000,
      });
      assert.equal(await player.evaluate((p) => p.engine), 'hls.js');
      if (build !== 'module') {
        // The classic builds imported hls.js's ES module under the policy (a dynamic import is
        // no Trusted Types sink; 'self' allows it): the classic-script fallback was not needed.
        const hlsFiles = await page.evaluate(() =>
          performance
            .getEntriesByType('resource')
            .map((entry) => new URL(entry.name).pathname)
            .filter((path) => /\/dist\/cdn\/hls\./.test(path)),
        );
        assert.deepEqual(hlsFiles, ['/dist/cdn/hls.esm.js']);
      }

      // The first cue's product (ID3 at 1 s) with its feed image, then add it to the cart.
      const card = player.locator('cuecart-product-card');
      await card.getByRole('button', { name: /add to cart/i }).click({ timeout: 15_000 });
      // Confirmed by the store: the optimistic `$cart` counts the add before the store answers.
      await page.waitForFunction(
        () => document.getElementById('player').cartStore?.$confirmed.get().itemCount === 1,
        null,
        { timeout: 15_000 },
      );
      const store = await page.evaluate(
        async () => (await (await fetch('/cart.js')).json()).item_count,
      );
      assert.equal(store, 1);
      // The theme's cart section was re-rendered from the store's sections (no HTML sink).
      await page.waitForFunction(
        () => document.querySelector('#cart-icon-bubble')?.textContent?.includes('1'),
        null,
        { timeout: 10_000 },
      );
      const images = await card.evaluate((el) =>
        Array.from(
          el.shadowRoot.querySelectorAll('img'),
          (img) => img.complete && img.naturalWidth,
        ),
      );
      assert.ok(images.length > 0 && images.every(Boolean), 'the product image loaded');

      // The drawer of the mini cart, the seek-bar markers and the product list render too.
      await player
        .locator('cuecart-mini-cart')
        .getByRole('button', { name: /cart/i })
        .first()
        .click();
      await player.locator('cuecart-mini-cart').getByRole('dialog').waitFor({ timeout: 10_000 });
      await page.keyboard.press('Escape');
      assert.ok((await player.locator('cuecart-seek-markers').getByRole('button').count()) >= 4);

      // A progressive MP4 in the same player.
      await player.evaluate((p) => {
        p.src = '/test/fixtures/mp4/show.mp4';
        return p.play();
      });
      await page.waitForFunction(
        () => {
          const p = document.getElementById('player');
          return p.engine === 'progressive' && p.currentTime > 0.5;
        },
        null,
        { timeout: 30_000 },
      );

      const violations = await page.evaluate(() => window.cuecartViolations);
      assert.deepEqual(violations, []);
      assert.deepEqual(errors, []);
      await context.close();
    });
  });
}
