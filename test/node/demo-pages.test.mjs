// Every page of `npm start`, opened as a new user would: each must load without an uncaught
// error, and the restyled page's own cart (the `events` adapter) must take an add to cart.
// Needs `npm run build` (npm test builds first).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser } from './lib/browser-harness.mjs';

const harness = useServerAndBrowser();

const PAGES = [
  '/',
  '/demo/producer.html',
  '/demo/restyled.html',
  '/demo/strict/module.html',
  '/demo/strict/classic.html',
  '/demo/strict/classic-loader.html',
];

/** Opens `path` in a fresh context of `viewport`; collects uncaught errors. */
async function open(path, viewport = { width: 1280, height: 800 }) {
  const context = await harness.browser.newContext({ viewport });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(new URL(path, harness.server.url).href);
  // Every player is defined: the page's modules all ran (or failed, into `errors`).
  await page.waitForFunction(() => customElements.get('cuecart-player') !== undefined, null, {
    timeout: 15_000,
  });
  return { context, page, errors };
}

describe('demo pages', () => {
  for (const path of PAGES) {
    it(`${path} loads without an uncaught error`, async () => {
      const { context, page, errors } = await open(path);
      try {
        // Give the page's own module scripts time to evaluate after the elements are defined.
        await page.waitForLoadState('load');
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    });
  }

  it('the viewer page adds to the store cart and the theme cart link then reads "Cart (1)"', async () => {
    const { context, page, errors } = await open('/');
    try {
      const add = page.locator('#show').getByRole('button', { name: 'Add to cart' }).first();
      await add.waitFor({ timeout: 30_000 });
      await add.click();
      await page.waitForFunction(
        () => document.getElementById('cart-icon-bubble').textContent.trim() === 'Cart (1)',
        null,
        { timeout: 10_000 },
      );
      // The refreshed section went inside the theme's link: no link nested in it.
      assert.equal(await page.locator('#cart-icon-bubble a').count(), 0);
      // The host page's event log names what was added.
      const logged = page.locator('#event-log li', { hasText: 'cuecart-add-to-cart' }).first();
      assert.match(
        await logged.textContent(),
        /cuecart-add-to-cart 1 × (Aurora Headphones|Ember Mug|Drift Sneakers|Canvas Tote|Nimbus Speaker)$/,
      );
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  it('the restyled page answers add to cart from its own in-page cart', async () => {
    const { context, page, errors } = await open('/demo/restyled.html');
    try {
      const player = page.locator('#studio');
      // The replay waits for the viewer: jump to the first product, as a shopper would.
      const jump = player.getByRole('button', { name: /Jump to 0:01/ }).first();
      await jump.waitFor({ timeout: 30_000 });
      await jump.click();
      const add = player.getByRole('button', { name: 'Add to bag' }).first();
      await add.waitFor({ timeout: 30_000 });
      await add.click();
      await page.waitForFunction(
        () => document.getElementById('bag-count').textContent === '1',
        null,
        {
          timeout: 10_000,
        },
      );
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
});

describe('demo pages on a phone (390 × 844)', () => {
  for (const path of PAGES) {
    it(`${path} does not scroll sideways`, async () => {
      const { context, page } = await open(path, { width: 390, height: 844 });
      try {
        await page.waitForLoadState('load');
        const overflow = await page.evaluate(() => ({
          scroll: document.scrollingElement.scrollWidth,
          view: document.documentElement.clientWidth,
        }));
        assert.ok(overflow.scroll <= overflow.view, JSON.stringify(overflow));
      } finally {
        await context.close();
      }
    });
  }
});

describe('the demo store pages in a browser', () => {
  for (const path of ['/cart', '/checkout']) {
    it(`${path} loads with no failed request (not even /favicon.ico)`, async () => {
      const context = await harness.browser.newContext();
      const page = await context.newPage();
      const failures = [];
      page.on('console', (message) => {
        if (message.type() === 'error') failures.push(message.text());
      });
      page.on('pageerror', (error) => failures.push(error.message));
      try {
        const response = await page.goto(new URL(path, harness.server.url).href);
        assert.equal(response.status(), 200);
        // The browser asks for the icon after load; give it a turn to fail.
        await page.waitForLoadState('networkidle');
        assert.deepEqual(failures, []);
      } finally {
        await context.close();
      }
    });
  }
});
