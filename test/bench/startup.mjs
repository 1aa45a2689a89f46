// Benchmark 5 — start-up: time from setting `src` to the first `playing`, MP4 against HLS (whose
// time includes fetching and compiling the lazy hls.js chunk: every run gets a fresh browser
// context, so nothing is cached). Runs alternate between the two so noise hits both alike. Also
// records every request of the MP4 runs: none may be for the hls.js chunk.
import { openBenchPage } from './lib/browser.mjs';
import { median, ratio } from './lib/stats.mjs';

const SOURCES = {
  mp4: '/test/fixtures/mp4/show.mp4',
  hls: '/test/fixtures/hls-ts-id3/index.m3u8',
};

async function timeToPlaying(src) {
  const player = document.getElementById('player');
  const video = player.shadowRoot.querySelector('video');
  const playing = new Promise((resolve) =>
    video.addEventListener('playing', resolve, { once: true }),
  );
  const start = performance.now();
  player.src = src;
  void player.play();
  await Promise.race([
    playing,
    new Promise((_, reject) =>
      setTimeout(() => reject(new Error(`no playing event for ${src}`)), 20000),
    ),
  ]);
  const ms = performance.now() - start;
  player.pause();
  return { ms, engine: player.engine };
}

/**
 * @param {import('playwright-core').Browser} browser
 * @param {import('./lib/server.mjs').BenchServer} server
 * @param {{ runs?: number, hlsChunkPaths?: string[] }} [options]
 */
export async function benchStartup(browser, server, { runs = 5, hlsChunkPaths = [] } = {}) {
  const times = { mp4: [], hls: [] };
  const engines = { mp4: new Set(), hls: new Set() };
  const mp4Requests = new Set();
  for (let run = 0; run < runs; run++) {
    for (const kind of run % 2 ? ['hls', 'mp4'] : ['mp4', 'hls']) {
      const requests = [];
      const { context, page } = await openBenchPage(browser, server, {
        onRequest: (url) => requests.push(url),
      });
      try {
        const { ms, engine } = await page.evaluate(timeToPlaying, SOURCES[kind]);
        times[kind].push(ms);
        engines[kind].add(engine);
        if (kind === 'mp4') for (const url of requests) mp4Requests.add(new URL(url).pathname);
      } finally {
        await context.close();
      }
    }
  }
  const isHlsChunk = (path) =>
    hlsChunkPaths.some((chunk) => path.endsWith(`/dist/cdn/${chunk}`)) ||
    /\/dist\/cdn\/.*hls[^/]*\.js$/i.test(path);
  const hlsRequestsForMp4 = [...mp4Requests].filter(isHlsChunk);
  const mp4 = median(times.mp4);
  const hls = median(times.hls);
  return {
    runs,
    mp4: { medianMs: mp4, runsMs: times.mp4, engines: [...engines.mp4] },
    hls: { medianMs: hls, runsMs: times.hls, engines: [...engines.hls] },
    hlsOverMp4: ratio(hls, mp4),
    mp4Requests: [...mp4Requests].sort(),
    hlsRequestsForMp4,
  };
}
