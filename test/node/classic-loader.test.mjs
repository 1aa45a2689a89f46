// The classic loader `dist/cdn/cuecart-loader.iife.js` in real Chromium, on a page served like a
// Shopify theme serves its assets (one flat folder, classic scripts): a player far below the fold
// costs only the loader; when it comes near, hls.js (its ES module `hls.esm.js`, imported; its
// classic script `hls.min.js` where that fails) and Cuecart's hls.js engine
// `cuecart-hls-engine.iife.js` are requested from beside the loader, in parallel, the stream plays
// in the facade, and the whole classic player `cuecart.iife.js` follows and takes it over (for any
// other source the whole player is requested at once). The classic player
// carries the analytics bridge (GA4 events to `dataLayer` and Shopify web pixels). Requests are
// observed, not assumed. Needs `npm run build` (npm test builds first).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { brotliCompressSync, constants } from 'node:zlib';
import { openHtml, resourceTimings, useServerAndBrowser } from './lib/browser-harness.mjs';
import { assertCueEntered, assertTakenOver, WATCH_EARLY_PLAYER } from './lib/early-start.mjs';
import { render } from './lib/shopify-section.mjs';

const HLS = '/test/fixtures/hls-ts-id3/index.m3u8';
const LOADER = '/dist/cdn/cuecart-loader.iife.js';
const PLAYER = '/dist/cdn/cuecart.iife.js';
const HLS_MODULE = '/dist/cdn/hls.esm.js';
const HLS_SCRIPT = '/dist/cdn/hls.min.js';
const ENGINE = '/dist/cdn/cuecart-hls-engine.iife.js';
/** The facade budget of issue 12: Cuecart JavaScript before a far player is needed. */
const FACADE_BUDGET_BR = 8 * 1024;

const harness = useServerAndBrowser();

/** A theme-like page: the classic loader deferred in the head, as the Liquid section adds it. */
const themePage = (body, head = '') => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<link rel="icon" href="data:,">${head}<script src="${LOADER}" defer></script>
<style>body{margin:0;font:16px system-ui} .tall{height:3000px} cuecart-player{width:640px}</style>
</head><body><h1>Product</h1>${body}</body></html>`;

/**
 * Opens `html` as a theme page at 800×600 and records every request path; `setup` may route
 * requests (on the page's context) before the page loads. See `openHtml`.
 */
const open = (html, setup) =>
  openHtml(harness, html, {
    path: '/__test/theme.html',
    routes: setup ? (page) => setup(page.context()) : undefined,
  });

const isMedia = (path) => /\.(m3u8|ts|m4s|mp4)$/.test(path);
const scripts = (requests) => requests.filter((p) => p.startsWith('/dist/') && p.endsWith('.js'));

/** Lets the page settle: the loader ran, the load event passed, idle callbacks had their turn. */
const settle = (page) => page.evaluate(() => new Promise((r) => setTimeout(r, 1500)));

const playing = (page) =>
  page.waitForFunction(() => document.getElementById('p').currentTime > 0.3, null, {
    timeout: 30_000,
  });

describe('dist/cdn/cuecart-loader.iife.js', () => {
  it('keeps a far player to the loader (≤ 8 KB br), then loads hls.js and the engine in parallel, and the player', async () => {
    const { context, page, requests, errors } = await open(
      themePage(`<div class="tall"></div>
        <cuecart-player id="p" src="${HLS}" title="Spring live show" muted autoplay></cuecart-player>
        <div class="tall"></div>`),
    );
    try {
      await settle(page);
      assert.deepEqual(scripts(requests), [LOADER]);
      assert.deepEqual(requests.filter(isMedia), []);
      const loader = await readFile(new URL(`../..${LOADER}`, import.meta.url));
      const br = brotliCompressSync(loader, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
      }).length;
      assert.ok(
        br <= FACADE_BUDGET_BR,
        `the classic loader is ${br} B br, over ${FACADE_BUDGET_BR}`,
      );
      const facade = await page.evaluate(() => ({
        defined: customElements.get('cuecart-player') !== undefined,
        label: document.getElementById('p').shadowRoot?.querySelector('button')?.ariaLabel,
        api: typeof window.Cuecart,
      }));
      assert.deepEqual(facade, {
        defined: false,
        label: 'Play Spring live show',
        api: 'undefined',
      });

      await page.evaluate(() => window.scrollTo(0, 2400));
      await playing(page);
      assert.deepEqual(scripts(requests).sort(), [ENGINE, HLS_MODULE, PLAYER, LOADER].sort());
      // hls.js and the engine were requested together: in parallel, not one after the other.
      const timing = await resourceTimings(page);
      const hls = timing[HLS_MODULE];
      const engine = timing[ENGINE];
      assert.ok(hls.start < engine.end, `hls.js at ${hls.start} ms, engine done at ${engine.end}`);
      assert.ok(engine.start < hls.end, `engine at ${engine.start} ms, hls.js done at ${hls.end}`);
      const after = await page.evaluate(async () => ({
        engine: document.getElementById('p').engine,
        same: (await window.CuecartLoader.load()) === window.Cuecart,
        defined: customElements.get('cuecart-player') === window.Cuecart.CuecartPlayer,
      }));
      assert.deepEqual(after, { engine: 'hls.js', same: true, defined: true });
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  it('plays in the facade before the whole classic player is requested; the player takes over that video and engine', async () => {
    const { context, page, requests, errors } = await open(
      themePage(`<cuecart-player id="p" src="${HLS}" products="/cuecart/products.json" muted autoplay></cuecart-player>
        ${WATCH_EARLY_PLAYER}`),
    );
    try {
      const firstFrameAt = await assertTakenOver(page);
      // The whole player was requested only once the first frame was presented: it competed
      // with nothing the first frame needed (hls.js, the engine, the first segment).
      const timing = await resourceTimings(page);
      const requested = timing[PLAYER].start;
      assert.ok(
        firstFrameAt <= requested,
        `first frame at ${firstFrameAt} ms, player requested at ${requested}`,
      );
      for (const path of [HLS_MODULE, ENGINE, HLS.replace('index.m3u8', 'seg-00.ts')]) {
        assert.ok(timing[path].end <= requested, `${path} done at ${timing[path].end} ms`);
      }
      // One engine: the playlist was requested once (by the loader, taken by hls.js), and so
      // was the replay's first segment (by the loader, with the playlist: decision 0074).
      const firstSegment = HLS.replace('index.m3u8', 'seg-00.ts');
      assert.equal(requests.filter((path) => path === HLS).length, 1);
      assert.equal(requests.filter((path) => path === firstSegment).length, 1);
      assert.equal(timing[firstSegment].initiator, 'fetch');
      assert.equal(requests.filter((path) => path === HLS_MODULE).length, 1);
      assert.ok(!requests.includes(HLS_SCRIPT), 'the classic hls.js script was not needed');
      await assertCueEntered(page);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  it('an early-started player whose playlist is missing reports it once defined: the loader’s error reaches the page', async () => {
    const { context, page, errors } = await open(
      themePage(`<script>window.cuecartErrors = [];
          addEventListener('cuecart-error', (e) =>
            cuecartErrors.push({ code: e.detail.code, message: e.detail.message }));
        </script><cuecart-player id="p" src="/test/fixtures/missing/index.m3u8" muted autoplay></cuecart-player>`),
    );
    try {
      const reported = await page.waitForFunction(
        () => window.cuecartErrors.length && window.cuecartErrors,
        null,
        { timeout: 20_000 },
      );
      // Built by the loader's copy of the error class, reported by the whole player's: one
      // report, with its code and message, shown on the player.
      const [first, ...rest] = await reported.jsonValue();
      assert.equal(first.code, 'media-load-failed');
      assert.ok(first.message.length > 0);
      assert.deepEqual(rest, []);
      const state = await page.evaluate(() => {
        const p = document.getElementById('p');
        return {
          defined: customElements.get('cuecart-player') === window.Cuecart?.CuecartPlayer,
          shown: p.error?.code,
          videos: p.shadowRoot.querySelectorAll('video').length,
        };
      });
      assert.deepEqual(state, { defined: true, shown: 'media-load-failed', videos: 1 });
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  it('falls back to hls.js’s classic script where its ES module cannot be imported', async () => {
    const { context, page, requests, errors } = await open(
      themePage(`<script>window.errors = [];
          document.addEventListener('cuecart-error', (e) => window.errors.push(e.detail.code));
        </script><cuecart-player id="p" src="${HLS}" products="/cuecart/products.json" muted
          autoplay></cuecart-player>`),
      (context) =>
        context.route(`**${HLS_MODULE}`, (route) => route.fulfill({ status: 404, body: '' })),
    );
    try {
      await playing(page);
      const state = await page.evaluate(() => ({
        engine: document.getElementById('p').engine,
        hlsScript: document.querySelector('script[data-cuecart-hls]')?.getAttribute('src'),
        errors: window.errors,
      }));
      assert.deepEqual(state, {
        engine: 'hls.js',
        hlsScript: `http://${new URL(page.url()).host}${HLS_SCRIPT}`,
        errors: [],
      });
      // Played early, by the loader: the whole player came after, and took it over.
      assert.equal(requests.filter((path) => path === HLS_SCRIPT).length, 1);
      assert.equal(requests.filter((path) => path === HLS).length, 1);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  it('plays when the engine script cannot load: the whole player starts its own engine, unhurt', async () => {
    const { context, page, requests } = await open(
      themePage(`<script>window.errors = [];
          document.addEventListener('cuecart-error', (e) => window.errors.push(e.detail.code));
        </script><cuecart-player id="p" src="${HLS}" products="/cuecart/products.json" muted
          autoplay></cuecart-player>`),
      (context) =>
        context.route(`**${ENGINE}`, (route) => route.fulfill({ status: 404, body: '' })),
    );
    try {
      // The early start gave up; the whole player started its own engine (from its own copy).
      await playing(page);
      assert.equal(await page.evaluate(() => document.getElementById('p').engine), 'hls.js');
      assert.ok(requests.includes(PLAYER));
      assert.deepEqual(await page.evaluate(() => window.errors), []);
    } finally {
      await context.close();
    }
  });

  it('sends GA4 events to dataLayer and Shopify web pixels from the classic player', async () => {
    const { context, page, errors } = await open(
      themePage(
        `<cuecart-player id="p" src="${HLS}" products="/cuecart/products.json" analytics="datalayer"
          muted autoplay></cuecart-player>`,
        `<script>window.published = [];
          window.Shopify = { analytics: { publish: (name) => window.published.push(name) } };</script>`,
      ),
    );
    try {
      await playing(page);
      await page.waitForFunction(
        () =>
          window.dataLayer?.some((entry) => entry?.event === 'view_item') &&
          window.published.includes('cuecart:view_item'),
        null,
        { timeout: 30_000 },
      );
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  it('reports a player script that cannot load as a cuecart-error on the player', async () => {
    const { context, page } = await open(
      themePage(`<script>window.errors = [];
          document.addEventListener('cuecart-error', (e) => window.errors.push(e.detail.code));
        </script><cuecart-player id="p" src="${HLS}" muted></cuecart-player>`),
      (context) =>
        context.route(`**${PLAYER}`, (route) => route.fulfill({ status: 404, body: '' })),
    );
    try {
      await page.waitForFunction(() => window.errors.length > 0, null, { timeout: 15_000 });
      assert.deepEqual(await page.evaluate(() => window.errors), ['media-load-failed']);
    } finally {
      await context.close();
    }
  });

  it('runs an autoplaying Shopify section near the top with its hls.js preload: fetched once, at the loader’s URL', async () => {
    const section = await render({
      settings: { stream_url: HLS, autoplay: true },
      // As Shopify's asset_url writes it: with a version query, which the loader's own requests
      // (from beside itself) do not carry.
      assetUrl: (name) => `/dist/cdn/${name}?v=42`,
    });
    assert.match(section, /rel="modulepreload"/);
    const { context, page, requests, errors } = await open(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
      </head><body>${section}</body></html>`,
    );
    try {
      await page.waitForFunction(
        () => document.querySelector('cuecart-player').currentTime > 0.3,
        null,
        { timeout: 30_000 },
      );
      // The hint was used, not doubled (a hint at another URL than the loader's, such as with
      // asset_url's query, would be a second request of the same path): one request each.
      for (const path of [HLS_MODULE, ENGINE, LOADER]) {
        assert.equal(requests.filter((p) => p === path).length, 1, path);
      }
      assert.ok(!requests.includes(HLS_SCRIPT));
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  it('runs the Shopify section as rendered, resolving its chosen products once the player loads', async () => {
    const section = await render({
      settings: {
        // A stream without cues: the list can only come from the section's own script.
        stream_url: '/test/fixtures/hls-plain-ts/index.m3u8',
        products: [{ handle: 'drift-sneakers' }, { handle: 'canvas-tote' }],
      },
      // The theme's assets folder: one flat directory, as on Shopify's CDN.
      assetUrl: (name) => `/dist/cdn/${name}`,
    });
    const { context, page, requests, errors } = await open(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
      </head><body>${section}</body></html>`,
    );
    try {
      const handles = await page.waitForFunction(
        () => {
          const list = document.querySelector('cuecart-player')?.productList;
          return list?.length === 2 ? list.map((p) => p.handle ?? p.id) : null;
        },
        null,
        { timeout: 30_000 },
      );
      assert.deepEqual(await handles.jsonValue(), ['drift-sneakers', 'canvas-tote']);
      assert.ok(requests.includes('/products/canvas-tote.js'), requests.join(', '));
      assert.ok(requests.includes(PLAYER));
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
});
