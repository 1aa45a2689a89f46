// Benchmark 3b — a live stream in Chromium. Plays the simulated live show (MPEG-TS, ID3 and
// DATERANGE cues, a 3-segment window) for about a minute and samples the player's cue count and
// the page's JS heap (after a forced GC, `performance.memory` made precise by the launch flag).
import { openBenchPage } from './lib/browser.mjs';
import { max } from './lib/stats.mjs';

const SRC = '/live/ts/index.m3u8?window=3';

/**
 * @param {import('playwright-core').Browser} browser
 * @param {import('./lib/server.mjs').BenchServer} server
 * @param {{ seconds?: number, every?: number }} [options]
 */
export async function benchLiveMemory(browser, server, { seconds = 60, every = 5 } = {}) {
  const { context, page } = await openBenchPage(browser, server);
  try {
    const cdp = await context.newCDPSession(page);
    await page.evaluate(async (src) => {
      const player = document.getElementById('player');
      window.__bench = { enters: 0, errors: [] };
      player.addEventListener('cuecart-cue-enter', () => window.__bench.enters++);
      player.addEventListener('cuecart-error', (e) => window.__bench.errors.push(e.detail.code));
      player.src = src;
      await player.updateComplete;
      await player.play();
      const video = player.shadowRoot.querySelector('video');
      if (video.paused || video.readyState < 3) {
        await new Promise((resolve) => video.addEventListener('playing', resolve, { once: true }));
      }
    }, SRC);
    const samples = [];
    const started = Date.now();
    for (let t = every; t <= seconds; t += every) {
      await page.waitForTimeout(Math.max(0, started + t * 1000 - Date.now()));
      await cdp.send('HeapProfiler.collectGarbage');
      samples.push(
        await page.evaluate(() => {
          const player = document.getElementById('player');
          return {
            cues: player.cueList.length,
            heap: performance.memory?.usedJSHeapSize ?? NaN,
            currentTime: player.currentTime,
            enters: window.__bench.enters,
          };
        }),
      );
      samples[samples.length - 1].t = Math.round((Date.now() - started) / 1000);
    }
    const errors = await page.evaluate(() => window.__bench.errors);
    const first = samples[0];
    const last = samples[samples.length - 1];
    return {
      src: SRC,
      seconds,
      samples,
      maxCues: max(samples.map((s) => s.cues)),
      enters: last.enters,
      playedSeconds: last.currentTime - first.currentTime + every,
      heapFirst: first.heap,
      heapLast: last.heap,
      heapMax: max(samples.map((s) => s.heap)),
      heapGrowth: last.heap - first.heap,
      heapRatio: last.heap / first.heap,
      errors,
    };
  } finally {
    await context.close();
  }
}
