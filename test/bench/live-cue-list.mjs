// Benchmark — live cue list vs encoder ID3. Plays the simulated live show in Chromium with a live
// cue list (`refresh: 2`) and, for each upcoming moment that carries an in-band ID3 cue, PUTs a
// wall-clock cue (`startDate`) for that same moment to the demo server before the packager has
// listed it: the producer pressing "feature". Records, for each published cue, how long it took to
// reach the player, how far ahead of the playhead it arrived, the frame it entered on (lateness in
// frames) and whether that is the very frame the encoder-ID3 cue of the same moment entered on.
import { openBenchPage } from './lib/browser.mjs';
import { max, median } from './lib/stats.mjs';

const FPS = 30;

/** Runs in the page. */
async function publishAndWatch({ samples, timeoutMs }) {
  const LOOP_MS = 24_000;
  const SEGMENT_MS = 2_000;
  const ID3_OFFSETS_MS = [1_000, 7_000];
  const player = document.getElementById('player');
  const list = `/live-cues/bench-${Date.now().toString(36)}.json`;
  const enters = [];
  player.addEventListener('cuecart-cue-enter', (e) =>
    enters.push({
      id: e.detail.cue.id,
      source: e.detail.cue.source,
      start: e.detail.cue.start,
      time: e.detail.time,
    }),
  );
  player.cues = list;
  player.src = '/live/ts/index.m3u8';
  await player.updateComplete;
  await player.play();
  const began = performance.now();
  while (player.currentTime < 0.5 && performance.now() - began < 20_000) {
    await new Promise((r) => setTimeout(r, 100));
  }
  const published = [];
  const cues = [];
  for (let k = 0; k < samples && performance.now() - began < timeoutMs; k++) {
    const text = await (await fetch('/live/ts/index.m3u8', { cache: 'no-store' })).text();
    const sequence = Number(/#EXT-X-MEDIA-SEQUENCE:(\d+)/.exec(text)[1]);
    const dates = [...text.matchAll(/#EXT-X-PROGRAM-DATE-TIME:(\S+)/g)].map((m) =>
      Date.parse(m[1]),
    );
    const loopZero = dates[0] - (sequence % 12) * SEGMENT_MS - Math.floor(sequence / 12) * LOOP_MS;
    const edge = dates[dates.length - 1] + SEGMENT_MS;
    const after = Math.max(
      edge,
      published.length ? published[published.length - 1].startDate + 1 : 0,
    );
    let startDate = Infinity;
    for (let loop = Math.floor((after - loopZero) / LOOP_MS); startDate === Infinity; loop++) {
      for (const offset of ID3_OFFSETS_MS) {
        const date = loopZero + loop * LOOP_MS + offset;
        if (date > after && date < startDate) startDate = date;
      }
    }
    const id = `bench-${k}`;
    cues.push({ id, startDate: new Date(startDate).toISOString(), product: `bench-${k}` });
    const putAt = performance.now();
    await fetch(list, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ refresh: 2, cues }),
    });
    const sample = { id: `json:${id}`, startDate, putAt, arrivedAt: NaN, headroom: NaN };
    published.push(sample);
    // Wait until the player knows it, then until it entered.
    while (performance.now() - began < timeoutMs) {
      const cue = player.cueList.find((c) => c.id === sample.id);
      if (cue && Number.isNaN(sample.arrivedAt)) {
        sample.arrivedAt = performance.now();
        sample.headroom = cue.start - player.currentTime;
      }
      if (enters.some((e) => e.id === sample.id)) break;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return { published, enters, error: player.error?.message ?? null };
}

/**
 * @param {import('playwright-core').Browser} browser
 * @param {import('./lib/server.mjs').BenchServer} server
 * @param {{ samples?: number }} [options]
 */
export async function benchLiveCueList(browser, server, { samples = 4 } = {}) {
  const { context, page } = await openBenchPage(browser, server);
  try {
    const run = await page.evaluate(publishAndWatch, { samples, timeoutMs: 150_000 });
    const rows = run.published.map((sample) => {
      const enter = run.enters.find((e) => e.id === sample.id);
      const id3 = enter
        ? run.enters.find((e) => e.source === 'id3' && Math.abs(e.start - enter.start) < 0.5)
        : undefined;
      return {
        id: sample.id,
        propagationMs: sample.arrivedAt - sample.putAt,
        headroomSeconds: sample.headroom,
        latenessFrames: enter ? (enter.time - enter.start) * FPS : NaN,
        early: enter ? enter.time < enter.start - 1e-6 : false,
        framesFromId3: enter && id3 ? Math.round((enter.time - id3.time) * FPS * 1000) / 1000 : NaN,
        placementMs: enter && id3 ? (enter.start - id3.start) * 1000 : NaN,
        entered: Boolean(enter),
      };
    });
    const entered = rows.filter((r) => r.entered);
    const lateness = entered.map((r) => r.latenessFrames);
    return {
      rows,
      error: run.error,
      summary: {
        published: rows.length,
        entered: entered.length,
        early: rows.filter((r) => r.early).length,
        withinOneFrame: lateness.filter((l) => l <= 1 + 1e-6).length,
        sameFrameAsId3: rows.filter((r) => r.framesFromId3 === 0).length,
        comparedWithId3: rows.filter((r) => !Number.isNaN(r.framesFromId3)).length,
        lateness: { median: median(lateness), max: max(lateness) },
        placementMs: {
          max: max(entered.map((r) => Math.abs(r.placementMs)).filter((v) => !Number.isNaN(v))),
        },
        propagationMs: {
          median: median(rows.map((r) => r.propagationMs)),
          max: max(rows.map((r) => r.propagationMs)),
        },
        headroomSeconds: { min: Math.min(...rows.map((r) => r.headroomSeconds)) },
      },
    };
  } finally {
    await context.close();
  }
}
