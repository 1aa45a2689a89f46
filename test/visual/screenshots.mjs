// `npm run screenshots`: pictures of the demo page for a person to look at (issue 11). Starts the
// demo server itself (builds `dist/` first when it is missing, or with `--build`), then shows a
// landscape (16:9) and a vertical (9:16) stream, each with a product featured, at phone
// (390×844), tablet (820×1180) and desktop (1280×800) sizes.
//
// Output, in `.screenshots/` (gitignored):
//   <size>-<shape>-player.png    the whole player element (stage, card, list below or beside it)
//   <size>-<shape>-viewport.png  what the screen shows with the player scrolled to the top
//   <size>-<shape>-panel-list.png  side panel layout only: the panel scrolled to its product list
//   <size>-landscape-drawer.png  the player with the mini cart's drawer open after an add
// `--restyled` shoots demo/restyled.html instead (files prefixed `restyled-`); `--shape=portrait`
// (or `landscape`) shoots one stream shape only.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../demo/server/start.mjs';
import { chromiumArgs, findChromium } from '../config/browser.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OUT = fileURLToPath(new URL('../../.screenshots/', import.meta.url));

const SIZES = [
  {
    name: 'phone',
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  },
  {
    name: 'tablet',
    viewport: { width: 820, height: 1180 },
    deviceScaleFactor: 1,
    isMobile: true,
    hasTouch: true,
  },
  { name: 'desktop', viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
];

/**
 * The two stream shapes. A replay makes each shot deterministic: the landscape show is paused
 * while Drift Sneakers are featured (their cue runs 13–18 s); the vertical clip has no cues of
 * its own, so it gets a cue list featuring the Ember Mug.
 */
const ALL_STREAMS = [
  { shape: 'landscape', src: '/test/fixtures/hls-ts-id3/index.m3u8', duration: 24, at: 14.2 },
  {
    shape: 'portrait',
    src: '/test/fixtures/mp4/portrait.mp4',
    duration: 4,
    at: 1.5,
    cueList: [{ start: 0, end: 4, product: 'ember-mug' }],
  },
];

const shapeArg = process.argv.find((arg) => arg.startsWith('--shape='))?.slice('--shape='.length);
const STREAMS = shapeArg ? ALL_STREAMS.filter((s) => s.shape === shapeArg) : ALL_STREAMS;
const restyled = process.argv.includes('--restyled');
const pagePath = restyled ? 'demo/restyled.html' : 'demo/index.html';
const prefix = restyled ? 'restyled-' : '';

function ensureBuild() {
  if (existsSync(new URL('../../dist/cdn/cuecart.js', import.meta.url))) {
    if (!process.argv.includes('--build')) return;
  }
  console.log('building dist/ (rollup) for the demo page…');
  const result = spawnSync('npx', ['rollup', '-c', 'rollup.config.mjs'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('rollup failed: run `npm run build` and retry.');
}

/** Opens the demo page with `stream` in its player, paused with a product card on screen. */
async function showStream(page, url, stream) {
  await page.goto(url);
  await page.evaluate(async ({ src, duration, at, cueList }) => {
    // The page loads a facade first; the element class arrives with the lazy chunk.
    const player = document.querySelector('cuecart-player');
    player.setAttribute('loading', 'eager');
    await customElements.whenDefined('cuecart-player');
    await player.updateComplete;
    player.removeAttribute('cues');
    player.removeAttribute('autoplay');
    player.src = src;
    await player.updateComplete;
    // A new source starts with an empty cue list: give this one's after the switch.
    if (cueList) player.cueList = cueList;
    const video = player.shadowRoot.querySelector('video');
    await new Promise((resolve) => {
      // The demo's live show was playing: wait for this stream's own duration and cues.
      const ready = () =>
        Math.abs(video.duration - duration) < 0.5 && player.cueList.length >= (cueList ? 1 : 4);
      const check = () => (ready() ? resolve() : setTimeout(check, 100));
      check();
    });
    player.pause();
    player.currentTime = at;
  }, stream);
  await page.waitForFunction(() => {
    const player = document.querySelector('cuecart-player');
    const card = player?.shadowRoot?.querySelector('cuecart-product-card');
    const video = player?.shadowRoot?.querySelector('video');
    return (
      player.activeCues.length === 1 &&
      video.readyState >= 2 &&
      card?.shadowRoot?.querySelector('[part~="title"]')
    );
  });
  // Let the layout settle (resize observers, image loads) before the shutter.
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(400);
}

/**
 * The whole player, also the part below the fold: a clip of a full-page shot (an element shot
 * scrolls, and on a mobile viewport it came out offset).
 */
async function shootPlayer(page, path) {
  const clip = await page.evaluate(() => {
    const r = document.querySelector('cuecart-player').getBoundingClientRect();
    return { x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height };
  });
  await page.screenshot({ path, clip, fullPage: true });
}

/** Boxes worth printing next to each shot: a quick numeric check of what the picture shows. */
function describeBoxes(page) {
  return page.evaluate(() => {
    const player = document.querySelector('cuecart-player');
    const root = player.shadowRoot;
    const box = (el) => {
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return `${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}×${Math.round(r.height)}`;
    };
    const panel = root.querySelector('[part~="panel"]');
    return {
      layout: panel ? (panel.classList.contains('stacked') ? 'stacked' : 'panel') : 'overlay',
      player: box(player),
      stage: box(root.querySelector('[part~="stage"]')),
      card: box(root.querySelector('cuecart-product-card')),
      list: box(root.querySelector('cuecart-product-list')),
      fit: getComputedStyle(root.querySelector('video')).objectFit,
    };
  });
}

ensureBuild();
const server = await startServer({ port: 0, host: '127.0.0.1', quiet: true });
const browser = await chromium.launch({ executablePath: await findChromium(), args: chromiumArgs });
await mkdir(OUT, { recursive: true });
try {
  for (const size of SIZES) {
    for (const stream of STREAMS) {
      const context = await browser.newContext({ ...size, reducedMotion: 'reduce' });
      const page = await context.newPage();
      page.on('crash', () => console.error('page crashed'));
      page.on('pageerror', (e) => console.error('page error', e.message));
      await fetch(`${server.url}__store/reset`, { method: 'POST' });
      await showStream(page, `${server.url}${pagePath}`, stream);
      const name = `${prefix}${size.name}-${stream.shape}`;
      const player = page.locator('cuecart-player');
      await shootPlayer(page, `${OUT}${name}-player.png`);
      await player.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: `${OUT}${name}-viewport.png` });
      const boxes = await describeBoxes(page);
      console.log(`${name}:`, JSON.stringify(boxes));
      if (boxes.layout === 'panel') {
        // The side panel scrolls: show its product list too (titles must stay readable).
        await page.evaluate(() => {
          const root = document.querySelector('cuecart-player').shadowRoot;
          root.querySelector('cuecart-product-list').scrollIntoView({ block: 'end' });
        });
        await shootPlayer(page, `${OUT}${name}-panel-list.png`);
      }

      if (stream.shape === 'landscape') {
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
        await shootPlayer(page, `${OUT}${name}-drawer.png`);
      }
      await context.close();
    }
  }
  console.log(`screenshots in ${OUT}`);
} finally {
  await browser.close();
  await server.close();
}
