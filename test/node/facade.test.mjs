// The player loader of the ES-module CDN build (`dist/cdn/cuecart.js`) in real Chromium, on pages
// served like a host's product page (the demo server's origin): a player far below the fold costs
// only the loader and makes no media or hls.js request until it approaches the viewport or the
// viewer interacts; its box is reserved and does not shift on upgrade; players in view start at
// once; `hls-build` picks the hls.js chunk. Requests are observed, not assumed. Needs
// `npm run build` (npm test builds first).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { brotliCompressSync, constants } from 'node:zlib';
import { openHtml, resourceTimings, useServerAndBrowser } from './lib/browser-harness.mjs';
import { assertCueEntered, assertTakenOver, WATCH_EARLY_PLAYER } from './lib/early-start.mjs';

const HLS = '/test/fixtures/hls-ts-id3/index.m3u8';
const OTHER_HLS = '/test/fixtures/hls-fmp4-emsg/index.m3u8';
/** The facade budget of issue 12: Cuecart JavaScript before a far player is needed. */
const FACADE_BUDGET_BR = 8 * 1024;

const harness = useServerAndBrowser();

/** A product page: the loader in the head, `body` below a header. */
const productPage = (body) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<link rel="icon" href="data:,"><script type="module" src="/dist/cdn/cuecart.js"></script>
<style>body{margin:0;font:16px system-ui} .tall{height:3000px} cuecart-player{width:640px}</style>
<script>
  window.shifts = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) window.shifts.push(e.value);
  }).observe({ type: 'layout-shift', buffered: true });
</script></head><body><h1>Product</h1>${body}</body></html>`;

/** Opens `html` as a product page (800×600 unless told); see `openHtml`. */
const open = (html, options) =>
  openHtml(harness, html, { path: '/__test/product.html', ...options });

const isMedia = (path) => /\.(m3u8|ts|m4s|mp4)$/.test(path);
const isHlsJs = (path) => /\/dist\/cdn\/(chunks\/hls|hls\.)/.test(path);
const isShopChunk = (path) => /\/dist\/cdn\/chunks\/define-shop-/.test(path);
const isCommerceChunk = (path) => /\/dist\/cdn\/chunks\/player-commerce-/.test(path);
const isCueChunk = (path) => /\/dist\/cdn\/chunks\/cue-store-/.test(path);
const isEventsChunk = (path) => /\/dist\/cdn\/chunks\/events-/.test(path);
const isEngineChunk = (path) => /\/dist\/cdn\/chunks\/engine-hlsjs-/.test(path);
const isShell = (path) => /\/dist\/cdn\//.test(path) && !/\/dist\/cdn\/cuecart\.js$/.test(path);

async function brotliOf(path) {
  const bytes = await readFile(new URL(`../..${path}`, import.meta.url));
  return brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
}

/** Lets the page settle: the loader ran, the load event passed, idle callbacks had their turn. */
const settle = (page) => page.evaluate(() => new Promise((r) => setTimeout(r, 1500)));

describe('dist/cdn/cuecart.js: a player far below the fold', () => {
  it('loads only the loader (≤ 8 KB br) and renders a facade until it approaches the viewport', async () => {
    const { context, page, requests, errors } = await open(
      productPage(`<div class="tall"></div>
        <cuecart-player id="p" src="${HLS}" products="/cuecart/products.json" poster="/demo/assets/products/aurora-headphones.svg"
          title="Spring live show" muted autoplay></cuecart-player><div class="tall"></div>`),
    );
    try {
      await settle(page);
      const js = requests.filter((p) => p.startsWith('/dist/') && p.endsWith('.js'));
      assert.deepEqual(js, ['/dist/cdn/cuecart.js']);
      assert.deepEqual(requests.filter(isMedia), []);
      assert.deepEqual(requests.filter(isHlsJs), []);
      let br = 0;
      for (const path of js) br += await brotliOf(path);
      assert.ok(br <= FACADE_BUDGET_BR, `the loader is ${br} B br, over ${FACADE_BUDGET_BR}`);

      // The facade: undefined element, a play button named after the title, the reserved box.
      const facade = await page.evaluate(() => {
        const p = document.getElementById('p');
        const button = p.shadowRoot?.querySelector('button');
        const { width, height } = p.getBoundingClientRect();
        return {
          defined: customElements.get('cuecart-player') !== undefined,
          label: button?.getAttribute('aria-label'),
          title: p.shadowRoot?.querySelector('[part="facade-title"]')?.textContent,
          width,
          height,
        };
      });
      assert.equal(facade.defined, false);
      assert.equal(facade.label, 'Play Spring live show');
      assert.equal(facade.title, 'Spring live show');
      assert.equal(facade.width, 640);
      assert.equal(facade.height, 360);

      // Scrolled near: the player shell, the shopping elements, the adapter and hls.js are
      // requested together, then the playlist; never the whole API.
      const before = requests.length;
      await page.evaluate(() => window.scrollTo(0, 2400));
      await page.waitForFunction(() => document.getElementById('p').currentTime > 0.3, null, {
        timeout: 30_000,
      });
      const later = requests.slice(before);
      assert.ok(later.includes('/dist/cdn/cuecart-shell.js'), later.join(', '));
      assert.ok(later.some(isShopChunk), `the shopping elements: ${later.join(', ')}`);
      assert.ok(later.some(isCommerceChunk), `the commerce state: ${later.join(', ')}`);
      assert.ok(later.some(isCueChunk), `the cue engine: ${later.join(', ')}`);
      assert.ok(later.some(isEventsChunk), `the events adapter: ${later.join(', ')}`);
      assert.ok(!later.includes('/dist/cdn/cuecart-api.js'), 'not the whole API');
      assert.ok(later.some(isHlsJs), 'the hls.js chunk was requested');
      assert.ok(later.includes(HLS));
      const after = await page.evaluate(() => {
        const p = document.getElementById('p');
        // The stage keeps the facade's box; a 16:9 picture this narrow gets the card and list
        // below it (the stacked layout, issue 11), after the box.
        const stage = p.shadowRoot.querySelector('[part~="stage"]');
        const { width, height } = stage.getBoundingClientRect();
        return {
          width,
          height,
          engine: p.engine,
          facadeLeft: p.shadowRoot.querySelector('.cuecart-facade') !== null,
          shifts: window.shifts,
        };
      });
      assert.equal(after.engine, 'hls.js');
      assert.equal(after.facadeLeft, false);
      assert.equal(after.width, 640);
      assert.equal(after.height, 360);
      assert.deepEqual(after.shifts, [], 'no layout shift');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  it('loads and plays when the viewer presses the facade’s play button, without scrolling', async () => {
    const { context, page, requests, errors } = await open(
      productPage(`<div class="tall"></div><div class="tall"></div>
        <cuecart-player id="p" src="${HLS}" muted></cuecart-player>`),
    );
    try {
      await settle(page);
      assert.deepEqual(
        requests.filter((p) => isMedia(p) || isShell(p)),
        [],
      );
      // A click event on the button, as assistive technology sends it: no scrolling involved.
      await page.locator('#p').getByRole('button', { name: 'Play video' }).dispatchEvent('click');
      await page.waitForFunction(() => document.getElementById('p').currentTime > 0.3, null, {
        timeout: 30_000,
      });
      assert.equal(await page.evaluate(() => window.scrollY), 0);
      assert.ok(requests.includes(HLS));
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
});

describe('dist/cdn/cuecart.js: the facade on a phone in portrait (390×844)', () => {
  /** The facade's box far below the fold, then the upgraded stage's box once it plays. */
  async function boxes(attributes, src = HLS) {
    const { context, page, errors } = await open(
      productPage(`<div class="tall"></div>
        <cuecart-player id="p" src="${src}" muted autoplay${attributes}></cuecart-player>
        <div class="tall"></div>`),
      { viewport: { width: 390, height: 844 } },
    );
    try {
      await settle(page);
      const facade = await page.evaluate(() => {
        const p = document.getElementById('p');
        const box = p.shadowRoot.querySelector('[part="facade"]').getBoundingClientRect();
        return {
          defined: customElements.get('cuecart-player') !== undefined,
          width: box.width,
          height: box.height,
        };
      });
      await page.evaluate(() => window.scrollTo(0, 2400));
      await page.waitForFunction(() => document.getElementById('p').currentTime > 0.3, null, {
        timeout: 30_000,
      });
      const stage = await page.evaluate(() => {
        const p = document.getElementById('p');
        const box = p.shadowRoot.querySelector('[part~="stage"]').getBoundingClientRect();
        return { width: box.width, height: box.height, shifts: window.shifts };
      });
      assert.deepEqual(errors, []);
      return { facade, stage };
    } finally {
      await context.close();
    }
  }

  it('reserves 16:9 (not the screen’s shape) and the upgrade shifts nothing', async () => {
    const { facade, stage } = await boxes('');
    assert.equal(facade.defined, false);
    assert.equal(facade.width, 390);
    assert.ok(Math.abs(facade.height - (390 * 9) / 16) < 1, `facade ${facade.height} px tall`);
    assert.deepEqual([stage.width, stage.height], [facade.width, facade.height]);
    assert.deepEqual(stage.shifts, [], 'no layout shift');
  });

  it('reserves the aspect-ratio attribute, capped like the stage, and shifts nothing', async () => {
    // A 9:16 stream, so the stream's own shape (which the stage takes once known) is the same.
    const { facade, stage } = await boxes(
      ' aspect-ratio="9:16"',
      '/test/fixtures/mp4/portrait.mp4',
    );
    assert.equal(facade.defined, false);
    assert.equal(facade.width, 390);
    assert.ok(Math.abs(facade.height - (390 * 16) / 9) < 1, `facade ${facade.height} px tall`);
    assert.deepEqual([stage.width, stage.height], [facade.width, facade.height]);
    assert.deepEqual(stage.shifts, [], 'no layout shift');
  });
});

describe('dist/cdn/cuecart.js: players in view', () => {
  it('starts an autoplaying player in view at once; a second, far player stays unloaded', async () => {
    const { context, page, requests, errors } = await open(
      productPage(`<cuecart-player id="near" src="${HLS}" muted autoplay></cuecart-player>
        <div class="tall"></div><div class="tall"></div>
        <cuecart-player id="far" src="${OTHER_HLS}" muted autoplay></cuecart-player>
        <script>
          // What the near player's video holds when the shopping elements get registered.
          customElements.whenDefined('cuecart-product-card').then(() => {
            const video = document.getElementById('near').shadowRoot.querySelector('video');
            window.readyStateAtShop = video.readyState;
          });
          // When the playhead reaches the fixture's first ID3 cue (1 s).
          const near = document.getElementById('near');
          const watch = () => (near.currentTime >= 1 ? (window.cueDueAt = performance.now()) : requestAnimationFrame(watch));
          requestAnimationFrame(watch);
        </script>`),
    );
    try {
      await page.waitForFunction(() => window.cueDueAt, null, { timeout: 30_000 });
      // The shopping elements' registration and first renders waited for the first frame
      // (HAVE_CURRENT_DATA), so they did not compete with hls.js before it.
      const readyStateAtShop = await page.waitForFunction(() => window.readyStateAtShop, null, {
        timeout: 10_000,
      });
      assert.ok(
        (await readyStateAtShop.jsonValue()) >= 2,
        'shop registered before the first frame',
      );
      await settle(page);
      // Both are real players now (one registry), but the far one requested nothing.
      const far = await page.evaluate(() => {
        const p = document.getElementById('far');
        return { defined: p.matches(':defined'), engine: p.engine };
      });
      assert.deepEqual(far, { defined: true, engine: null });
      assert.deepEqual(
        requests.filter((p) => p.includes('hls-fmp4-emsg')),
        [],
        'no request for the far player',
      );
      // hls.js and Cuecart's hls.js engine (which imports nothing of the shell) requested before
      // the first segment. The player shell, the shopping elements, the commerce state, the cue engine
      // and the adapter, which the first frame does not need, after the first segment had
      // arrived (they would take the line and the CPU from it) and before the first cue was due
      // (docs/decisions/0068-player-chunks-after-the-first-frame.md,
      // 0069-the-first-frame-without-the-shell.md).
      const timing = await resourceTimings(page);
      const find = (test) => Object.entries(timing).find(([path]) => test(path))?.[1];
      const shell = timing['/dist/cdn/cuecart-shell.js'];
      const firstSegment = timing[HLS.replace('index.m3u8', 'seg-00.ts')];
      const hls = find(isHlsJs);
      const shop = find(isShopChunk);
      const commerce = find(isCommerceChunk);
      const cues = find(isCueChunk);
      const adapter = find(isEventsChunk);
      const engine = find(isEngineChunk);
      assert.ok(hls && shell && shop && commerce && cues && adapter && engine, 'all requested');
      assert.ok(firstSegment, 'the first segment was requested');
      for (const [name, chunk] of Object.entries({ hls, engine })) {
        assert.ok(
          chunk.start < firstSegment.start,
          `${name} at ${chunk.start} ms, after the first segment (${firstSegment.start} ms)`,
        );
      }
      const cueDueAt = await page.evaluate(() => window.cueDueAt);
      for (const [name, chunk] of Object.entries({ shell, shop, commerce, cues, adapter })) {
        assert.ok(
          chunk.start > firstSegment.end,
          `${name} at ${chunk.start} ms, before the first segment arrived (${firstSegment.end} ms)`,
        );
        assert.ok(
          chunk.start < cueDueAt,
          `${name} at ${chunk.start} ms, after the first cue was due (${cueDueAt} ms)`,
        );
      }
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  it('requests the shopping chunks in parallel with the shell for a player the loader does not play (MP4)', async () => {
    const { context, page, errors } = await open(
      productPage(
        `<cuecart-player id="p" src="/test/fixtures/mp4/show.mp4" products="/cuecart/products.json" muted autoplay></cuecart-player>`,
      ),
    );
    try {
      await page.waitForFunction(() => document.getElementById('p').currentTime > 0.3, null, {
        timeout: 30_000,
      });
      const timing = await resourceTimings(page);
      const find = (test) => Object.entries(timing).find(([path]) => test(path))?.[1];
      const shell = timing['/dist/cdn/cuecart-shell.js'];
      const chunks = {
        shop: find(isShopChunk),
        commerce: find(isCommerceChunk),
        cues: find(isCueChunk),
        adapter: find(isEventsChunk),
      };
      assert.ok(shell && Object.values(chunks).every(Boolean), 'all requested');
      for (const [name, chunk] of Object.entries(chunks)) {
        assert.ok(
          chunk.start < shell.end,
          `${name} at ${chunk.start} ms, after the shell (${shell.end} ms)`,
        );
      }
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  it('starts playback in the facade before the player is defined; the player takes over that video and engine', async () => {
    const { context, page, requests, errors } = await open(
      productPage(`<cuecart-player id="p" src="${HLS}" products="/cuecart/products.json" muted autoplay></cuecart-player>
        ${WATCH_EARLY_PLAYER}`),
    );
    try {
      await assertTakenOver(page);
      const preloaded = await page.evaluate(
        () => document.querySelectorAll('link[rel=modulepreload]').length,
      );
      assert.ok(preloaded >= 4, 'the shopping chunks are preloaded, not run');
      // One engine: the playlist was requested once (by the loader, taken by hls.js).
      assert.equal(requests.filter((path) => path === HLS).length, 1);
      await assertCueEntered(page);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  // docs/decisions/0074-first-segment-requested-with-hls-js.md
  for (const [kind, src, first] of [
    ['MPEG-TS', HLS, ['seg-00.ts']],
    ['fMP4', OTHER_HLS, ['init.mp4', 'seg-00.m4s']],
  ]) {
    it(`requests a ${kind} replay’s first segment with its playlist, once; hls.js plays those bytes`, async () => {
      const { context, page, requests, errors } = await open(
        productPage(`<cuecart-player id="p" src="${src}" muted autoplay></cuecart-player>
          ${WATCH_EARLY_PLAYER}`),
      );
      try {
        await assertTakenOver(page);
        const timing = await resourceTimings(page);
        const dir = src.replace('index.m3u8', '');
        const playlist = timing[src];
        for (const name of first) {
          const path = dir + name;
          assert.equal(requests.filter((p) => p === path).length, 1, `${name} requested once`);
          // Requested by the loader (fetch) as soon as the playlist was in, not by hls.js (XHR).
          assert.equal(timing[path].initiator, 'fetch', name);
          assert.ok(timing[path].start >= playlist.end, `${name} before its playlist arrived`);
        }
        // The segments after them are hls.js's own requests.
        const next = dir + first.at(-1).replace('00', '01');
        assert.equal(timing[next]?.initiator, 'xmlhttprequest');
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    });
  }

  // docs/decisions/0075-rendition-playlists-with-hls-js.md, 0078-start-variant-predicted-not-chosen.md
  it('requests a multivariant show’s rendition playlists and its start variant’s first segment with it; hls.js plays from them', async () => {
    // test/fixtures/hls-multivariant: hls.js starts with the second variant listed.
    const master = '/test/fixtures/hls-multivariant/index.m3u8';
    const [other, start] = ['hls-plain-ts', 'hls-ts-id3'].map((d) => `/test/fixtures/${d}/`);
    const { context, page, requests, errors } = await open(
      productPage(`<cuecart-player id="p" src="${master}" muted autoplay></cuecart-player>
        ${WATCH_EARLY_PLAYER}`),
    );
    try {
      await assertTakenOver(page);
      const timing = await resourceTimings(page);
      assert.equal(requests.filter((p) => p === master).length, 1);
      for (const path of [other, start].map((dir) => `${dir}index.m3u8`)) {
        assert.equal(requests.filter((p) => p === path).length, 1, `${path} requested once`);
        // Requested by the loader once the multivariant playlist was in, not by hls.js.
        assert.equal(timing[path].initiator, 'fetch', path);
        assert.ok(timing[path].start >= timing[master].end, `${path} before its master arrived`);
      }
      // The start variant's first segment: by the loader, once its playlist was in; used by hls.js.
      const first = `${start}seg-00.ts`;
      assert.equal(requests.filter((p) => p === first).length, 1, 'first segment requested once');
      assert.equal(timing[first].initiator, 'fetch');
      assert.ok(timing[first].start >= timing[`${start}index.m3u8`].end);
      // The segments after it are hls.js's own; the other variant's none were requested.
      assert.equal(timing[`${start}seg-01.ts`]?.initiator, 'xmlhttprequest');
      assert.deepEqual(
        requests.filter((p) => p.startsWith(other) && p.endsWith('.ts')),
        [],
      );
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  it('a first segment whose early request fails is requested again by hls.js; no error is reported', async () => {
    const src = `/faults/seg-${Math.random().toString(36).slice(2)}/seg-00.ts=s500/hls-ts-id3/index.m3u8`;
    const { context, page, requests, errors } = await open(
      productPage(`<cuecart-player id="p" src="${src}" products="/cuecart/products.json" muted autoplay></cuecart-player>
        ${WATCH_EARLY_PLAYER}
        <script>
          window.cuecartErrors = [];
          addEventListener('cuecart-error', (e) => cuecartErrors.push(e.detail.code));
        </script>`),
    );
    try {
      await assertTakenOver(page);
      const segment = src.replace('index.m3u8', 'seg-00.ts');
      assert.equal(requests.filter((p) => p === segment).length, 2);
      assert.deepEqual(await page.evaluate(() => window.cuecartErrors), []);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  for (const [kind, ext, init] of [
    ['MPEG-TS', 'ts', []],
    ['fMP4', 'm4s', ['init.mp4']],
  ]) {
    it(`requests a ${kind} live show’s start segment with its playlist; hls.js starts there`, async () => {
      const dir = `/live/${ext === 'ts' ? 'ts' : 'fmp4'}/`;
      const { context, page, requests, errors } = await open(
        productPage(`<cuecart-player id="p" src="${dir}index.m3u8" muted autoplay></cuecart-player>
          ${WATCH_EARLY_PLAYER}`),
      );
      try {
        await assertTakenOver(page);
        const timing = await resourceTimings(page);
        const segments = Object.entries(timing)
          .map(([path, t]) => ({ path, ...t, sn: /\/seg-(\d+)\./.exec(path)?.[1] }))
          .filter((r) => r.path.startsWith(dir) && r.sn !== undefined);
        const early = segments.filter((r) => r.initiator === 'fetch');
        assert.equal(early.length, 1, 'one segment requested early');
        assert.equal(requests.filter((p) => p === early[0].path).length, 1);
        // hls.js played that one: its own first request is the segment after it.
        const own = segments.filter((r) => r.initiator === 'xmlhttprequest');
        assert.equal(Math.min(...own.map((r) => Number(r.sn))), Number(early[0].sn) + 1);
        for (const name of init) {
          assert.equal(timing[dir + name].initiator, 'fetch', name);
          assert.equal(requests.filter((p) => p === dir + name).length, 1, name);
        }
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    });
  }

  it('a playlist whose early request hangs is requested again by hls.js after its time to first byte, and plays', async () => {
    const src = `/faults/hang-${Math.random().toString(36).slice(2)}/index.m3u8=hang/hls-ts-id3/index.m3u8`;
    const { context, page, requests, errors } = await open(
      productPage(`<cuecart-player id="p" src="${src}" products="/cuecart/products.json" muted autoplay></cuecart-player>
        <script>
          // A shorter first-byte limit than Cuecart's 10 s, to keep the test short.
          document.getElementById('p').hlsConfig = {
            manifestLoadPolicy: { default: { maxTimeToFirstByteMs: 1000, maxLoadTimeMs: 5000,
              timeoutRetry: { maxNumRetry: 1, retryDelayMs: 0, maxRetryDelayMs: 0 },
              errorRetry: { maxNumRetry: 1, retryDelayMs: 0, maxRetryDelayMs: 0 } } },
          };
          window.cuecartErrors = [];
          addEventListener('cuecart-error', (e) => cuecartErrors.push(e.detail.code));
        </script>`),
    );
    try {
      await page.waitForFunction(() => document.getElementById('p').currentTime > 0.5, null, {
        timeout: 15_000,
      });
      assert.equal(requests.filter((p) => p === src).length, 2, 'early request, then hls.js’s');
      assert.deepEqual(await page.evaluate(() => window.cuecartErrors), []);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  it('an early-started player whose playlist is missing reports it once defined, and the wait ends at the failure', async () => {
    const { context, page, errors } = await open(
      productPage(`<cuecart-player id="p" src="/test/fixtures/missing/index.m3u8" muted autoplay></cuecart-player>
        <script>
          window.cuecartErrors = [];
          addEventListener('cuecart-error', (e) => {
            cuecartErrors.push(e.detail.code);
            window.errorAt ??= performance.now();
          });
          customElements.whenDefined('cuecart-player').then(() => (window.definedAt = performance.now()));
        </script>`),
    );
    try {
      const codes = await page.waitForFunction(
        () => window.cuecartErrors.length && window.cuecartErrors,
        null,
        { timeout: 20_000 },
      );
      assert.deepEqual(await codes.jsonValue(), ['media-load-failed']);
      const state = await page.evaluate(() => {
        const p = document.getElementById('p');
        return {
          shown: p.error?.code,
          videos: p.shadowRoot.querySelectorAll('video').length,
          // A 404 fails at once (no retry): the registration followed the failure instead of
          // waiting out the loader's 2.5 s cap, and the held error was reported then.
          definedBeforeCap: window.definedAt < 2_000,
          reportedAtDefinition: window.errorAt - window.definedAt < 1_000,
        };
      });
      assert.deepEqual(state, {
        shown: 'media-load-failed',
        videos: 1,
        definedBeforeCap: true,
        reportedAtDefinition: true,
      });
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  for (const [build, attribute, chunk] of [
    ['light', ' hls-build="light"', /chunks\/hls-light\.js$/],
    ['full (default)', '', /chunks\/hls\.js$/],
  ]) {
    it(`hls-build ${build}: requests only that hls.js chunk and plays`, async () => {
      const { context, page, requests, errors } = await open(
        productPage(
          `<cuecart-player id="p" src="${HLS}"${attribute} muted autoplay></cuecart-player>`,
        ),
      );
      try {
        await page.waitForFunction(() => document.getElementById('p').currentTime > 0.3, null, {
          timeout: 30_000,
        });
        const hls = requests.filter(isHlsJs);
        assert.equal(hls.length, 1, hls.join(', '));
        assert.match(hls[0], chunk);
        assert.equal(await page.evaluate(() => document.getElementById('p').engine), 'hls.js');
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    });
  }

  /**
   * Opens a playing HLS product page whose chunk matching `chunk` fails to load, and waits until
   * the video plays and the page heard `products-load-failed`. Close the returned context.
   */
  async function playsWithoutChunk(chunk) {
    const opened = await open(
      productPage(`<cuecart-player id="p" src="${HLS}" products="/cuecart/products.json" muted autoplay></cuecart-player>
        <script>
          window.cuecartErrors = [];
          addEventListener('cuecart-error', (e) => cuecartErrors.push(e.detail.code));
        </script>`),
      { routes: (page) => page.route(chunk, (route) => route.abort()) },
    );
    const { page } = opened;
    await page.waitForFunction(() => document.getElementById('p').currentTime > 0.3, null, {
      timeout: 30_000,
    });
    await page.waitForFunction(() => window.cuecartErrors.includes('products-load-failed'));
    return opened;
  }

  it('plays when the shopping chunk fails, and says so with products-load-failed', async () => {
    const { context, page, requests, errors } = await playsWithoutChunk(/\/chunks\/define-shop-/);
    try {
      assert.ok(requests.some(isShopChunk), 'the shopping chunk was requested');
      const state = await page.evaluate(() => ({
        defined: customElements.get('cuecart-product-card') !== undefined,
        engine: document.getElementById('p').engine,
      }));
      assert.deepEqual(state, { defined: false, engine: 'hls.js' });
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  it('plays when the commerce chunk fails, and says so with products-load-failed', async () => {
    const { context, page, requests, errors } = await playsWithoutChunk(
      /\/chunks\/player-commerce-/,
    );
    try {
      assert.ok(requests.some(isCommerceChunk), 'the commerce chunk was requested');
      const state = await page.evaluate(async () => {
        const p = document.getElementById('p');
        return {
          engine: p.engine,
          cartStore: p.cartStore === undefined,
          added: await p.addToCart({ productId: 'x', variantId: 'x', quantity: 1 }),
        };
      });
      assert.deepEqual(state, { engine: 'hls.js', cartStore: true, added: null });
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
});
