// Writes screenshots of the demo for review: phone portrait, tablet and desktop, each with a
// product shown and with the cart drawer open. `npm run screenshots` (after `npm run build`).
// Output: test/screenshots/<size>-<state>.png
import { mkdir } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { startServer } from '../../demo/server/start.mjs';
import { chromiumArgs, findChromium } from '../config/browser.mjs';

const SIZES = [
  {
    name: 'phone',
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  },
  { name: 'tablet', viewport: { width: 820, height: 1180 }, deviceScaleFactor: 1 },
  { name: 'desktop', viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 },
];
const OUT = new URL('../screenshots/', import.meta.url);
const restyled = process.argv.includes('--restyled');
const page_ = restyled ? 'demo/restyled.html' : '';
const prefix = restyled ? 'restyled-' : '';

const server = await startServer({ port: 0, quiet: true });
const browser = await chromium.launch({ executablePath: await findChromium(), args: chromiumArgs });
await mkdir(OUT, { recursive: true });
try {
  for (const size of SIZES) {
    const context = await browser.newContext({ ...size, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await fetch(`${server.url}__store/reset`, { method: 'POST' });
    await page.goto(`${server.url}${page_}`);
    // A replay makes the shot deterministic: seek to the moment Drift Sneakers are featured.
    await page.evaluate(async () => {
      const player = document.querySelector('cuecart-player');
      player.src = '/test/fixtures/hls-ts-id3/index.m3u8';
      await player.updateComplete;
      await new Promise((resolve) => {
        const check = () => (player.cueList.length >= 4 ? resolve() : setTimeout(check, 100));
        check();
      });
      player.pause();
      player.currentTime = 14.2;
    });
    await page.waitForFunction(() => {
      const player = document.querySelector('cuecart-player');
      const card = player?.shadowRoot?.querySelector('cuecart-product-card');
      return player.activeCues.length === 1 && card?.shadowRoot?.querySelector('[part~="title"]');
    });
    await page.waitForTimeout(300);
    const player = page.locator('cuecart-player');
    await player.screenshot({ path: new URL(`${prefix}${size.name}-product.png`, OUT).pathname });
    await page.screenshot({ path: new URL(`${prefix}${size.name}-page.png`, OUT).pathname });
    // Add the featured product through the card's own button, then open the cart drawer.
    await page.locator('cuecart-player cuecart-product-card [part~="add-button"]').click();
    await page.waitForFunction(
      () => document.querySelector('cuecart-player').cartStore?.$cart.get().itemCount > 0,
    );
    // A page may put its own button in the player's `cart-button` slot (the restyled demo does).
    const ownButton = page.locator('cuecart-player > [slot="cart-button"]');
    await ((await ownButton.count())
      ? ownButton.click()
      : page.locator('cuecart-player cuecart-mini-cart [part~="cart-button"]').click());
    await page.waitForTimeout(400);
    await player.screenshot({ path: new URL(`${prefix}${size.name}-drawer.png`, OUT).pathname });
    await context.close();
    console.log(`wrote ${prefix}${size.name}-{product,page,drawer}.png`);
  }
} finally {
  await browser.close();
  await server.close();
}
