// Benchmark 3a — cue memory over a long live show, in Node with the real cue store from the npm
// build. Run as `node --expose-gc node-memory.mjs`; prints one JSON object on stdout.
//
// The show: 4 hours of 2 s segments; one product cue every 6 s, alternating between timed ID3
// (parsed from real tag bytes, as hls.js hands them over when a segment is parsed) and
// EXT-X-DATERANGE (the whole playlist window re-sent on every 2 s reload, as hls.js does on
// LEVEL_UPDATED). The live window is 30 s; after each reload the store is pruned to the window
// start, as the player does. Playback runs 6 s behind the live edge and a fake frame clock
// presents every frame at 30 fps, so the scheduler runs as it does in the browser.
import { createCueStore } from '../../dist/index.js';
import { PRODUCTS, cuecartTag } from './lib/id3-corpus.mjs';

if (typeof globalThis.gc !== 'function') throw new Error('run with node --expose-gc');

const SEGMENT = 2;
const CUE_EVERY = 6;
const WINDOW = 30;
const BEHIND_LIVE = 6;
const FPS = 30;
const SHOW_SECONDS = Number(process.env.BENCH_SHOW_SECONDS ?? 4 * 3600);
const MARKS = [600, 3600, 7200, 14400].filter((s) => s <= SHOW_SECONDS);
const PROGRAM_DATE_TIME = Date.UTC(2026, 10, 22, 18, 0, 0);

/** A FrameClock driven by hand. */
function fakeClock() {
  const frames = new Set();
  const seeks = new Set();
  let time = 0;
  return {
    now: () => time,
    onFrame(cb) {
      frames.add(cb);
      return () => frames.delete(cb);
    },
    onSeek(cb) {
      seeks.add(cb);
      return () => seeks.delete(cb);
    },
    requestFrame() {},
    present(mediaTime) {
      time = mediaTime;
      for (const cb of frames) cb(mediaTime);
    },
  };
}

/** Cue number `n` starts at `n * CUE_EVERY + 1` s (1 s into its segment, like the fixtures). */
const cueStart = (n) => n * CUE_EVERY + 1;
const payloadOf = (n) => {
  const product = PRODUCTS[n % PRODUCTS.length];
  // Every third cue has no duration: it lasts until the next cue (the open-ended case).
  return n % 3 === 2 ? { product, title: product, price: 1500 + n } : { product, duration: 4 };
};
const dateRangeOf = (n) => {
  const start = cueStart(n);
  const payload = payloadOf(n);
  const attr = {
    ID: `show-${n}`,
    CLASS: 'com.cuecart.product',
    'START-DATE': new Date(PROGRAM_DATE_TIME + start * 1000).toISOString(),
    'X-CUECART-PRODUCT': payload.product,
  };
  if (payload.duration) attr.DURATION = String(payload.duration);
  else attr['END-ON-NEXT'] = 'YES';
  return {
    id: attr.ID,
    class: attr.CLASS,
    startDate: new Date(PROGRAM_DATE_TIME + start * 1000),
    startTime: start,
    duration: payload.duration ?? null,
    endOnNext: !payload.duration,
    attr,
  };
};

let enters = 0;
let exits = 0;
let errors = 0;
const store = createCueStore({
  onEnter: () => enters++,
  onExit: () => exits++,
  onError: () => errors++,
});
const clock = fakeClock();
store.attachClock(clock);

function heapUsed() {
  globalThis.gc();
  globalThis.gc();
  return process.memoryUsage().heapUsed;
}

const marks = [];
const baseHeap = heapUsed();
let emitted = 0;
let played = 0; // media time presented so far
const started = performance.now();
for (let liveEdge = SEGMENT; liveEdge <= SHOW_SECONDS; liveEdge += SEGMENT) {
  const segStart = liveEdge - SEGMENT;
  // Segment [segStart, liveEdge) is loaded and parsed: its in-band cues arrive (even n: ID3).
  for (let n = Math.ceil((segStart - 1) / CUE_EVERY); cueStart(n) < liveEdge; n++) {
    if (n < 0 || cueStart(n) < segStart) continue;
    emitted++;
    if (n % 2 === 0) {
      const sample = {
        pts: cueStart(n),
        dts: cueStart(n),
        duration: Infinity,
        type: 'https://aomedia.org/emsg/ID3',
        data: cuecartTag(payloadOf(n)),
      };
      store.addMetadataSamples([sample], 'id3');
    }
  }
  // Playlist reload: every DATERANGE (odd n) whose start lies in the window is sent again.
  const windowStart = Math.max(0, liveEdge - WINDOW);
  const ranges = [];
  for (
    let n = Math.max(0, Math.floor((windowStart - 1) / CUE_EVERY));
    cueStart(n) < liveEdge;
    n++
  ) {
    if (n % 2 === 1 && cueStart(n) >= windowStart) ranges.push(dateRangeOf(n));
  }
  store.addDateRanges(ranges);
  // The carriers' parsers are a lazily imported chunk: the first batches wait for it.
  await store.settled();
  // The player prunes to min(window start, current time).
  store.prune(Math.min(windowStart, played));
  // Present the frames of the next 2 s of playback, BEHIND_LIVE behind the edge.
  const playTo = Math.max(0, liveEdge - BEHIND_LIVE);
  const firstFrame = Math.round(played * FPS) + 1;
  for (let f = firstFrame; f <= Math.round(playTo * FPS); f++) clock.present(f / FPS);
  played = Math.max(played, playTo);
  if (MARKS.includes(liveEdge)) {
    marks.push({
      seconds: liveEdge,
      cues: store.timeline.size,
      listed: store.$cues.get().length,
      active: store.$active.get().length,
      heapUsed: heapUsed(),
      elapsedMs: performance.now() - started,
    });
  }
}

process.stdout.write(
  JSON.stringify({
    showSeconds: SHOW_SECONDS,
    cueEvery: CUE_EVERY,
    window: WINDOW,
    emitted,
    enters,
    exits,
    errors,
    baseHeap,
    marks,
  }),
);
