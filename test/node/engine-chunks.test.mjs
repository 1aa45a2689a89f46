// The player loader (`dist/cdn/cuecart.js`) and the chunks a source needs besides the player
// shell (docs/decisions/0058-in-band-carriers-and-native-engine-chunks.md), in real Chromium on a
// product page: the native engine (MP4, Safari's native HLS) is requested in parallel with the
// shell, never after it; the in-band carriers' parsers of a player the loader plays come with
// its first frame (0068), before its first cue is due; the stream's cues still land;
// a carriers' chunk that cannot load is a `cues-load-failed` and playback goes on; a native
// engine that cannot load is a `media-load-failed`. Requests are observed, not assumed. Needs
// `npm run build` (npm test builds first).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { openHtml, resourceTimings, useServerAndBrowser } from './lib/browser-harness.mjs';

const HLS = '/test/fixtures/hls-ts-id3/index.m3u8';
const MP4 = '/test/fixtures/mp4/show.mp4';

const harness = useServerAndBrowser();

/** A product page: the loader in the head, `body` below a header; errors and cues recorded. */
const productPage = (body) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<link rel="icon" href="data:,"><script type="module" src="/dist/cdn/cuecart.js"></script>
<style>body{margin:0;font:16px system-ui} cuecart-player{width:640px}</style>
<script>
  window.cuecartErrors = [];
  window.cuecartCues = [];
  addEventListener('cuecart-error', (e) => cuecartErrors.push(e.detail.code));
  addEventListener('cuecart-cue-enter', (e) => cuecartCues.push(e.detail.cue.payload.product));
</script></head><body><h1>Product</h1>${body}</body></html>`;

/** Opens `html` as a product page at 800×600; see `openHtml`. */
const open = (html, options) =>
  openHtml(harness, html, { path: '/__test/product.html', ...options });

const isCarriers = (path) => /\/dist\/cdn\/chunks\/in-band-carriers-/.test(path);
const isNativeEngine = (path) => /\/dist\/cdn\/chunks\/engine-native-/.test(path);
const isHlsEngine = (path) => /\/dist\/cdn\/chunks\/engine-hlsjs-/.test(path);
const isHlsJs = (path) => /\/dist\/cdn\/(chunks\/hls|hls\.)/.test(path);

const playing = (page) =>
  page.waitForFunction(() => document.getElementById('p').currentTime > 0.3, null, {
    timeout: 30_000,
  });

describe('dist/cdn/cuecart.js: the chunks a source needs besides the shell', () => {
  it('the hls.js engine chunk imports no other file (not the player shell): the first frame needs no shell', async () => {
    const dir = new URL('../../dist/cdn/chunks/', import.meta.url);
    const file = (await readdir(dir)).find((name) => /^engine-hlsjs-.*\.js$/.test(name));
    assert.ok(file, 'the engine chunk exists');
    const code = await readFile(new URL(file, dir), 'utf8');
    // Static imports and re-exports of the minified ES module (dynamic `import(` excluded).
    assert.deepEqual(
      code.match(/(?:^|[;}])\s*(?:import|export)\s*[{*\w][^;]*?from\s*["'][^"']+["']/g),
      null,
    );
  });

  it('HLS: requests the in-band carriers’ chunk before the first cue is due, and its ID3 cues enter', async () => {
    const { context, page, requests, errors } = await open(
      productPage(
        `<cuecart-player id="p" src="${HLS}" products="/cuecart/products.json" muted autoplay></cuecart-player>
        <script>
          // When the playhead reaches the fixture's first ID3 cue (1 s).
          const p = document.getElementById('p');
          const watch = () => (p.currentTime >= 1 ? (window.cueDueAt = performance.now()) : requestAnimationFrame(watch));
          requestAnimationFrame(watch);
        </script>`,
      ),
    );
    try {
      await playing(page);
      // The fixture's first ID3 cue starts at 1 s.
      await page.waitForFunction(() => window.cuecartCues.includes('aurora-headphones'), null, {
        timeout: 30_000,
      });
      const timing = await resourceTimings(page);
      const carriers = Object.entries(timing).find(([path]) => isCarriers(path))?.[1];
      assert.ok(carriers, `requested: ${requests.join(', ')}`);
      const cueDueAt = await (
        await page.waitForFunction(() => window.cueDueAt, null, { timeout: 10_000 })
      ).jsonValue();
      assert.ok(
        carriers.start < cueDueAt,
        `the carriers' chunk at ${carriers.start} ms, after the first cue was due (${cueDueAt} ms)`,
      );
      assert.deepEqual(requests.filter(isNativeEngine), [], 'hls.js plays it: no native engine');
      assert.deepEqual(await page.evaluate(() => window.cuecartErrors), []);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  it('MP4: requests the native engine before the shell has arrived, and neither hls.js nor the carriers', async () => {
    const { context, page, requests, errors } = await open(
      productPage(`<cuecart-player id="p" src="${MP4}" muted autoplay></cuecart-player>`),
    );
    try {
      await playing(page);
      const timing = await resourceTimings(page);
      const shell = timing['/dist/cdn/cuecart-shell.js'];
      const engine = Object.entries(timing).find(([path]) => isNativeEngine(path))?.[1];
      assert.ok(shell && engine, `requested: ${requests.join(', ')}`);
      assert.ok(
        engine.start < shell.end,
        `the native engine at ${engine.start} ms, after the shell (${shell.end} ms)`,
      );
      assert.equal(await page.evaluate(() => document.getElementById('p').engine), 'progressive');
      assert.deepEqual(requests.filter(isHlsJs), []);
      assert.deepEqual(requests.filter(isHlsEngine), []);
      assert.deepEqual(requests.filter(isCarriers), []);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  it('plays when the carriers’ chunk fails, and says so with cues-load-failed', async () => {
    const { context, page, requests, errors } = await open(
      productPage(`<cuecart-player id="p" src="${HLS}" muted autoplay></cuecart-player>`),
      { routes: (page) => page.route(/\/chunks\/in-band-carriers-/, (route) => route.abort()) },
    );
    try {
      await page.waitForFunction(() => window.cuecartErrors.includes('cues-load-failed'), null, {
        timeout: 30_000,
      });
      await page.waitForFunction(() => document.getElementById('p').currentTime > 1.5, null, {
        timeout: 30_000,
      });
      assert.ok(requests.some(isCarriers), 'the carriers’ chunk was requested');
      const state = await page.evaluate(() => ({
        engine: document.getElementById('p').engine,
        paused: document.getElementById('p').paused,
      }));
      assert.deepEqual(state, { engine: 'hls.js', paused: false });
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  it('reports media-load-failed when the native engine’s chunk fails', async () => {
    const { context, page, errors } = await open(
      productPage(`<cuecart-player id="p" src="${MP4}" muted autoplay></cuecart-player>`),
      { routes: (page) => page.route(/\/chunks\/engine-native-/, (route) => route.abort()) },
    );
    try {
      await page.waitForFunction(() => window.cuecartErrors.includes('media-load-failed'), null, {
        timeout: 30_000,
      });
      assert.equal(await page.evaluate(() => document.getElementById('p').engine), null);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
});
