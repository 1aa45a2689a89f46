// Benchmark 4b — cold start against bare hls.js. A fresh browser context navigates to a page that
// plays the same HLS stream either with Cuecart or with hls.js alone (the same hls.js chunk, see
// coldPages), and the page records, relative to navigation start:
// the first presented video frame (requestVideoFrameCallback), the first product card shown (Cuecart
// pages), every resource fetched (Resource Timing) and every long task and long
// animation frame (with per-script attribution) before the first frame. Runs alternate between
// the pages so machine noise hits all of them alike.
import { readFile } from 'node:fs/promises';
import { brotliCompressSync, constants } from 'node:zlib';
import { SHOW, SHOW_CODECS } from '../fixtures/show.mjs';
import { writeMultivariantPlaylist } from '../fixtures/tools/playlist.mjs';
import { median, pairedRatios, ratio } from './lib/stats.mjs';

const STREAM = '/test/fixtures/hls-ts-id3/index.m3u8';
const LIVE_STREAM = '/live/ts/index.m3u8';

/**
 * A multivariant show, published by the benchmark server: two variants of the replay
 * {@link STREAM}, told apart by a query the static server ignores, so whichever variant hls.js
 * picks carries the show's ID3 cues and plays the same bytes as the replay pair (the fixture
 * `hls-multivariant/` is a ladder over two different playlists, for the tests). Declared
 * bandwidths bracket the fixture's ~290 kbit/s; hls.js starts with the first (400 kbit/s fits
 * its 500 kbit/s estimate, 800 does not).
 */
export const MULTIVARIANT = {
  path: '/__bench/multivariant.m3u8',
  body: writeMultivariantPlaylist(
    [
      { uri: `${STREAM}?variant=low`, bandwidth: 400_000 },
      { uri: `${STREAM}?variant=high`, bandwidth: 800_000 },
    ].map((variant) => ({
      ...variant,
      codecs: SHOW_CODECS,
      resolution: `${SHOW.width}x${SHOW.height}`,
    })),
  ),
};

/**
 * A broadband line for the second set of cold runs (Chrome DevTools network emulation, applied
 * per request: 40 ms added to every round trip, 20 Mbit/s down, 5 Mbit/s up). On localhost the
 * network costs nothing and start-up is all main-thread work, Cuecart's worst case; on a real
 * line the round trips and hls.js's 150 KB matter too. Both are reported.
 */
export const BROADBAND = {
  name: '20 Mbit/s, 40 ms RTT',
  latency: 40,
  downloadThroughput: (20e6 / 8) | 0,
  uploadThroughput: (5e6 / 8) | 0,
};
const DIST = new URL('../../dist/', import.meta.url);

/** Installed first in every page: buffers long tasks / long animation frames from the start. */
const OBSERVE = `<script>
  window.__bench = { longTasks: [], frames: [] };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) __bench.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        __bench.frames.push({
          start: e.startTime,
          duration: e.duration,
          scripts: e.scripts.map((s) => ({ url: s.sourceURL, duration: s.duration, invoker: s.invoker })),
        });
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {}
</script>`;

/**
 * What a page logs (`console.debug`) when a moment it measures has come. The harness waits for
 * these messages, which reach it through the DevTools protocol, instead of polling the page: a
 * Playwright `waitForFunction` compiles Playwright's injected script in the page (~15 ms of main
 * thread here) and polls on every animation frame, and on a Cuecart page, whose `load` event does
 * not wait for hls.js, that landed in the middle of its start-up.
 */
export const SIGNAL = {
  firstFrame: 'cuecart-bench:first-frame',
  firstProduct: 'cuecart-bench:first-product',
};

/** Resolves `window.__firstFrame` on the first presented frame of `video`. */
const WATCH_FRAME = `function __watch(video) {
  video.requestVideoFrameCallback((now, meta) => {
    window.__firstFrame = meta.presentationTime ?? now;
    performance.mark('bench-first-frame');
    console.debug('${SIGNAL.firstFrame}');
  });
}`;

const page = (head, body) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">${OBSERVE}${head}` +
  `<style>video, cuecart-player { display: block; width: 640px; }</style></head><body>${body}</body></html>`;

/**
 * The bare hls.js page: `chunk` (under dist/cdn/) imported by a module script, playing `stream`
 * with hls.js's defaults and `config` (source text of extra settings).
 */
const barePage = (chunk, stream, config = '') =>
  page(
    '',
    `<video id="v" muted autoplay playsinline></video><script type="module">${WATCH_FRAME}
      import Hls from '/dist/cdn/${chunk}';
      const v = document.getElementById('v'); __watch(v);
      const hls = new Hls({ enableWorker: false${config} }); hls.loadSource('${stream}'); hls.attachMedia(v);</script>`,
  );

/**
 * A second baseline: the bare page with hls.js's `startFragPrefetch`. With hls.js's defaults, a
 * playlist that is in before the video's MediaSource has opened (a free network: localhost, a
 * warm cache) leaves the first segment's request to hls.js's next 100 ms tick after it opens
 * (hls.js 1.7 requests it at once only when the level arrives after MEDIA_ATTACHED);
 * `startFragPrefetch` requests it as the level arrives. On localhost the bare page loses that
 * race in most runs. Cuecart's engine never waits the tick (it hands hls.js the early playlist
 * after MEDIA_ATTACHED, src/player/prefetched-playlist-loader.ts), so this is the bare page to
 * hold it against when the network is free.
 */
export const TUNED_BARE = 'bare hls.js (startFragPrefetch)';

/**
 * A Cuecart page playing `stream` with `build`'s hls.js: `head` before the loader script, which
 * is the module build's unless `loader` says otherwise.
 */
const cuecartPage = (
  build,
  stream,
  head = '',
  loader = '<script type="module" src="/dist/cdn/cuecart.js"></script>',
) =>
  page(
    `${head}${loader}`,
    `<cuecart-player id="p" src="${stream}" products="/cuecart/products.json" muted autoplay${build === 'full' ? '' : ` hls-build="${build}"`}></cuecart-player>
    <script type="module">${WATCH_FRAME}
      const p = document.getElementById('p');
      // The player's video as soon as it exists: the player loader creates it in the facade
      // (docs/decisions/0067-first-frame-before-the-player.md), else the player at first render.
      const find = () => {
        const video = p.shadowRoot?.querySelector('video');
        if (video) __watch(video);
        else requestAnimationFrame(find);
      };
      find();
      // The first product shown: a defined, rendered product card holding a product.
      const poll = () => {
        const card = p.shadowRoot?.querySelector('cuecart-product-card');
        if (card && card.product && card.shadowRoot?.childElementCount) {
          window.__firstProduct = performance.now();
          console.debug('${SIGNAL.firstProduct}');
        } else requestAnimationFrame(poll);
      };
      requestAnimationFrame(poll);</script>`,
  );

/**
 * The pages compared, for each hls.js build (`full` or `light`). The bare page imports the very
 * hls.js chunk Cuecart's build loads (same bytes, same module loading) from a module script and
 * plays it on a `<video muted autoplay>`, with Cuecart's one start-up-relevant hls.js setting
 * (`enableWorker: false`, see src/player/hls-engine.ts): what differs is only Cuecart's own cost.
 * Every page plays the replay {@link STREAM}, except the `(live)` pair — the demo server's
 * simulated live show, where hls.js starts near the live edge — and the `(multivariant)` pair,
 * {@link MULTIVARIANT} (published by {@link openColdPage}).
 * @param {Record<string, string>} hlsChunks chunk path under dist/cdn/ by build
 */
export function coldPages(hlsChunks) {
  const pages = {};
  for (const [build, chunk] of Object.entries(hlsChunks)) {
    const suffix = build === 'full' ? '' : ` (${build})`;
    pages[`bare hls.js${suffix}`] = barePage(chunk, STREAM);
    pages[`cuecart${suffix}`] = cuecartPage(build, STREAM);
    if (build !== 'full') continue;
    pages[TUNED_BARE] = barePage(chunk, STREAM, ', startFragPrefetch: true');
    // The documented "fastest start" (docs/getting-started.md): the page preloads the hls.js
    // chunk it plays, so hls.js does not wait for the loader's round trip.
    pages['cuecart (hinted)'] = cuecartPage(
      build,
      STREAM,
      `<link rel="modulepreload" href="/dist/cdn/${chunk}">`,
    );
    // The classic-script build alone (docs/getting-started.md's classic loader): it plays
    // with hls.js's ES module and Cuecart's classic engine from beside itself, and adds the
    // whole classic player after the first frame (decisions 0070, 0071).
    const classicLoader = '<script src="/dist/cdn/cuecart-loader.iife.js" defer="defer"></script>';
    pages['cuecart (classic)'] = cuecartPage(build, STREAM, '', classicLoader);
    // The same, as the Shopify theme section renders it near the top of a page
    // (demo/shopify/sections/cuecart-live.liquid): with its preload of hls.js's module, the
    // longest download before the first frame.
    pages['cuecart (section)'] = cuecartPage(
      build,
      STREAM,
      '<link rel="modulepreload" href="/dist/cdn/hls.esm.js">',
      classicLoader,
    );
    // A live show: hls.js starts near the edge; the loader requests the segment holding
    // hls.js's live start (0074).
    pages['bare hls.js (live)'] = barePage(chunk, LIVE_STREAM);
    pages['cuecart (live)'] = cuecartPage(build, LIVE_STREAM);
    // A multivariant show: every variant playlist comes early (0075), and the first segment of
    // the variant hls.js will pick (0078).
    pages['bare hls.js (multivariant)'] = barePage(chunk, MULTIVARIANT.path);
    pages['cuecart (multivariant)'] = cuecartPage(build, MULTIVARIANT.path);
  }
  return pages;
}

const brCache = new Map();
/** Brotli (quality 11) size of a file of the build, by its URL path (`/dist/...`). */
async function brotliOf(pathname) {
  if (!brCache.has(pathname)) {
    const bytes = await readFile(new URL(pathname.replace(/^\/dist\//, ''), DIST));
    brCache.set(
      pathname,
      brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    );
  }
  return brCache.get(pathname);
}

// hls.js's own files (not Cuecart's `cuecart-hls-engine.iife.js`).
const isHlsScript = (url) => /\/hls[^/]*\.js$|\/chunks\/hls/i.test(url);
const isCuecartScript = (url) => /\/dist\/cdn\//.test(url) && !isHlsScript(url);

/** JS bytes (br) fetched from /dist/ before `time`, split into Cuecart's and hls.js's. */
async function scriptBytes(resources, time) {
  const out = { cuecart: 0, hls: 0, files: [] };
  for (const r of resources) {
    const path = new URL(r.name).pathname;
    if (!path.startsWith('/dist/') || !path.endsWith('.js') || r.start > time) continue;
    const br = await brotliOf(path);
    out[isHlsScript(path) ? 'hls' : 'cuecart'] += br;
    out.files.push({ path, br, start: r.start, end: r.end });
  }
  return out;
}

/**
 * A fresh context (empty cache, fresh module map) at 800×600 and a tab, with the URL at which
 * the benchmark server serves `html` (published on its origin, not routed: lib/server.mjs).
 * Close the context.
 * @param {import('playwright-core').Browser} browser
 * @param {import('./lib/server.mjs').BenchServer} server
 * @param {string} html
 */
export async function openColdPage(browser, server, html) {
  // The stream of the `(multivariant)` pair, for every way a cold page is opened.
  server.publish(MULTIVARIANT.body, {
    path: MULTIVARIANT.path,
    contentType: 'application/vnd.apple.mpegurl',
  });
  const url = server.publish(html);
  const context = await browser.newContext({ viewport: { width: 800, height: 600 } });
  const tab = await context.newPage();
  return { context, tab, url };
}

/**
 * Navigates `tab` to `url` and waits until the page has signalled every moment in `moments`
 * (keys of {@link SIGNAL}), without running anything in the page meanwhile.
 * @param {import('playwright').Page} tab
 * @param {string} url
 * @param {(keyof typeof SIGNAL)[]} moments
 * @param {number} [timeout]
 */
export async function navigateAndWait(tab, url, moments, timeout = 20_000) {
  const pending = new Set(moments.map((moment) => SIGNAL[moment]));
  const signalled = tab.waitForEvent('console', {
    predicate: (message) => {
      pending.delete(message.text());
      return pending.size === 0;
    },
    timeout,
  });
  await tab.goto(url, { waitUntil: 'commit' });
  await signalled.catch((error) => {
    throw new Error(`${url}: not signalled in ${timeout} ms: ${[...pending].join(', ')}`, {
      cause: error,
    });
  });
}

async function coldRun(browser, server, html, network) {
  const { context, tab, url } = await openColdPage(browser, server, html);
  try {
    if (network) {
      const cdp = await context.newCDPSession(tab);
      await cdp.send('Network.enable');
      const { latency, downloadThroughput, uploadThroughput } = network;
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency,
        downloadThroughput,
        uploadThroughput,
      });
    }
    const hasProducts = html.includes('<cuecart-player');
    await navigateAndWait(tab, url, hasProducts ? ['firstFrame', 'firstProduct'] : ['firstFrame']);
    const result = await tab.evaluate(() => ({
      firstFrame: window.__firstFrame,
      firstProduct: window.__firstProduct ?? null,
      longTasks: window.__bench.longTasks,
      frames: window.__bench.frames,
      resources: performance.getEntriesByType('resource').map((r) => ({
        name: r.name,
        start: r.startTime,
        end: r.responseEnd,
      })),
    }));
    const before = (t) => (e) => e.start < t;
    const longTasks = result.longTasks.filter(before(result.firstFrame));
    // Scripts inside long animation frames before the first frame, attributed by source URL.
    const scripts = result.frames.filter(before(result.firstFrame)).flatMap((f) => f.scripts);
    const cuecartScripts = scripts.filter((s) => isCuecartScript(s.url));
    const playlist = result.resources.find((r) => r.name.endsWith('.m3u8'));
    const hlsScript = result.resources.find((r) => isHlsScript(new URL(r.name).pathname));
    // The stream's first segment: requested by hls.js, or with the playlist (decision 0074).
    const firstSegment = result.resources.find((r) => /\/seg-\d+\.ts$/.test(r.name));
    return {
      firstFrame: result.firstFrame,
      firstProduct: result.firstProduct,
      longTasksBeforeFrame: longTasks.length,
      maxLongTaskMs: Math.max(0, ...longTasks.map((t) => t.duration)),
      maxCuecartScriptMs: Math.max(0, ...cuecartScripts.map((s) => s.duration)),
      maxScriptMs: Math.max(0, ...scripts.map((s) => s.duration)),
      hlsRequestedAt: hlsScript?.start ?? null,
      hlsArrivedAt: hlsScript?.end ?? null,
      playlistRequestedAt: playlist?.start ?? null,
      segmentRequestedAt: firstSegment?.start ?? null,
      toFrame: await scriptBytes(result.resources, result.firstFrame),
      toProduct:
        result.firstProduct != null
          ? await scriptBytes(result.resources, result.firstProduct)
          : null,
    };
  } finally {
    await context.close();
  }
}

/** The bare page a page of {@link coldPages} is held against: the bare page of its hls.js build and stream. */
function bareOf(name) {
  return name === TUNED_BARE
    ? 'bare hls.js'
    : name.replace(/^cuecart/, 'bare hls.js').replace(/ \((hinted|classic|section)\)$/, '');
}

/** Whether a page is held against {@link TUNED_BARE} too: the full build's replay pages. */
function tunedBareOf(name) {
  return name.startsWith('cuecart') && bareOf(name) === 'bare hls.js';
}

/**
 * The pages of {@link coldPages} named in `names` (comma-separated), with the bare pages they are
 * held against; all of them when `names` is empty.
 * @param {Record<string, string>} pages
 * @param {string | undefined} names
 */
export function selectColdPages(pages, names) {
  const wanted = (names ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (!wanted.length) return pages;
  for (const name of wanted) if (!(name in pages)) throw new Error(`no cold-start page ${name}`);
  const keep = new Set(wanted.flatMap((name) => [name, bareOf(name)]));
  if (wanted.some(tunedBareOf)) keep.add(TUNED_BARE).add(bareOf(TUNED_BARE));
  return Object.fromEntries(Object.entries(pages).filter(([name]) => keep.has(name)));
}

/**
 * Runs every page `runs` times, alternating, and summarises medians and ratios against the bare
 * hls.js page.
 * @param {import('playwright-core').Browser} browser
 * @param {import('./lib/server.mjs').BenchServer} server
 * @param {{ runs?: number, pages: Record<string, string>, network?: typeof BROADBAND }} options
 *   `network`: emulate that line (default: localhost as is)
 */
export async function benchColdStart(browser, server, { runs = 5, pages, network }) {
  const names = Object.keys(pages);
  const samples = Object.fromEntries(names.map((n) => [n, []]));
  for (let run = 0; run < runs; run++) {
    const order = run % 2 ? [...names].reverse() : names;
    for (const name of order)
      samples[name].push(await coldRun(browser, server, pages[name], network));
  }
  const summary = {};
  const firstFrames = (pageRuns) => pageRuns.map((x) => x.firstFrame);
  for (const name of names) {
    const s = samples[name];
    const firstFrame = median(firstFrames(s));
    const bareName = bareOf(name);
    const baseline = median(firstFrames(samples[bareName]));
    const tuned = tunedBareOf(name) ? samples[TUNED_BARE] : null;
    const last = s[s.length - 1];
    // Each run against the bare page's run of the same round (the pages alternate within a
    // round): a slow spell of the machine hits both sides of a pair, so the median of pairs is
    // less sensitive to drift than the ratio of two medians; its interval (95 %, bootstrap) says
    // how far it could move with another set of runs.
    const overBare = pairedRatios(firstFrames(s), firstFrames(samples[bareName]));
    const overTuned = tuned ? pairedRatios(firstFrames(s), firstFrames(tuned)) : null;
    summary[name] = {
      firstFrameMs: firstFrame,
      runsMs: firstFrames(s),
      overBare: ratio(firstFrame, baseline),
      pairedOverBare: overBare.median,
      overTunedBare: tuned ? ratio(firstFrame, median(firstFrames(tuned))) : null,
      pairedOverTunedBare: overTuned ? overTuned.median : null,
      pairedOverBareInterval: { low: overBare.low, high: overBare.high },
      pairedOverTunedBareInterval: overTuned ? { low: overTuned.low, high: overTuned.high } : null,
      firstProductMs: median(s.map((x) => x.firstProduct ?? NaN)),
      longTasksBeforeFrame: Math.max(...s.map((x) => x.longTasksBeforeFrame)),
      maxLongTaskMs: Math.max(...s.map((x) => x.maxLongTaskMs)),
      maxCuecartScriptMs: Math.max(...s.map((x) => x.maxCuecartScriptMs)),
      medianCuecartScriptMs: median(s.map((x) => x.maxCuecartScriptMs)),
      cuecartScriptOver50Runs: s.filter((x) => x.maxCuecartScriptMs > 50).length,
      // The same for any script, on every page: on a bare page, hls.js's own start. What this
      // machine does to a script's wall time (a core shared with the server, the network service
      // and the GPU process), next to what it does to Cuecart's.
      medianScriptMs: median(s.map((x) => x.maxScriptMs)),
      scriptOver50Runs: s.filter((x) => x.maxScriptMs > 50).length,
      hlsRequestedAtMs: median(s.map((x) => x.hlsRequestedAt ?? NaN)),
      hlsArrivedAtMs: median(s.map((x) => x.hlsArrivedAt ?? NaN)),
      // From hls.js's last byte to the first frame: what the page does once hls.js is in (its
      // evaluation, the engine, the playlist and the segment if not in yet, the first append).
      // The rest of the first frame is how soon hls.js arrives.
      frameAfterHlsMs: median(s.map((x) => x.firstFrame - (x.hlsArrivedAt ?? NaN))),
      playlistRequestedAtMs: median(s.map((x) => x.playlistRequestedAt ?? NaN)),
      segmentRequestedAtMs: median(s.map((x) => x.segmentRequestedAt ?? NaN)),
      bytesToFrame: { cuecart: last.toFrame.cuecart, hls: last.toFrame.hls },
      bytesToProduct: last.toProduct && {
        cuecart: last.toProduct.cuecart,
        hls: last.toProduct.hls,
      },
      filesToFrame: last.toFrame.files,
    };
  }
  return { runs, stream: STREAM, network: network?.name ?? 'localhost', pages: summary };
}
