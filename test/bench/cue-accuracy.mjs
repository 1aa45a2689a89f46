// Benchmark 1 — cue activation accuracy. Plays each cue-carrying VOD fixture in Chromium and
// records, for every `cuecart-cue-enter`, `detail.time` (media time of the presented frame) minus
// the cue's start, in frames at the fixture's 30 fps. Baseline from the same playback: the first
// `timeupdate` whose `currentTime` reaches the start, i.e. what a timeupdate-driven player shows.
import { readFile } from 'node:fs/promises';
import { openBenchPage } from './lib/browser.mjs';
import { max, mean, median, percentile, ratio } from './lib/stats.mjs';

const MANIFEST = new URL('../fixtures/manifest.json', import.meta.url);
const FIXTURES = ['hls-ts-id3', 'hls-fmp4-emsg', 'hls-daterange'];
/** Floating-point slack when comparing media times that should be equal. */
const EPSILON = 1e-6;

/**
 * Runs in the page: plays `src` until every expected cue entered (plus one second) or the
 * deadline, and returns what it saw.
 */
async function playAndRecord({ src, expected, lastStart, timeoutMs }) {
  const player = document.getElementById('player');
  const video = player.shadowRoot.querySelector('video');
  const enters = [];
  const exits = [];
  const timeupdates = [];
  player.addEventListener('cuecart-cue-enter', (e) => {
    enters.push({
      id: e.detail.cue.id,
      start: e.detail.cue.start,
      time: e.detail.time,
      wall: performance.now(),
    });
  });
  player.addEventListener('cuecart-cue-exit', (e) => {
    exits.push({ id: e.detail.cue.id, time: e.detail.time });
  });
  video.addEventListener('timeupdate', () => timeupdates.push(video.currentTime));
  // Independent witness: our own frame callback logs every presented frame, so the frame the
  // player reports can be checked against the frame that really was the cue's first.
  const frames = [];
  const onFrame = (now, metadata) => {
    frames.push({ mediaTime: metadata.mediaTime, wall: performance.now() });
    video.requestVideoFrameCallback(onFrame);
  };
  video.requestVideoFrameCallback(onFrame);
  player.src = src;
  await player.updateComplete;
  await player.play();
  const started = performance.now();
  await new Promise((resolve) => {
    const check = () => {
      const done = enters.length >= expected && video.currentTime > lastStart + 1;
      if (done || performance.now() - started > timeoutMs || player.error) resolve();
      else setTimeout(check, 100);
    };
    check();
  });
  const timeline = player.cueStore.timeline;
  const cues = player.cueList.map((cue) => ({
    id: cue.id,
    start: cue.start,
    end: timeline.effectiveEnd(cue) ?? null,
  }));
  player.pause();
  return {
    enters,
    exits,
    timeupdates,
    frames,
    cues,
    error: player.error,
    droppedFrames: video.getVideoPlaybackQuality?.().droppedVideoFrames ?? null,
  };
}

/**
 * @param {import('playwright-core').Browser} browser
 * @param {import('./lib/server.mjs').BenchServer} server
 */
export async function benchCueAccuracy(browser, server) {
  const manifest = JSON.parse(await readFile(MANIFEST, 'utf8'));
  const fps = manifest.show.frameRate;
  const fixtures = [];
  for (const name of FIXTURES) {
    const fixture = manifest.fixtures[name];
    const { context, page } = await openBenchPage(browser, server);
    try {
      const run = await page.evaluate(playAndRecord, {
        src: manifest.baseUrl + fixture.path,
        expected: fixture.cues.length,
        lastStart: Math.max(...fixture.cues.map((c) => c.start)),
        timeoutMs: (manifest.show.duration + 20) * 1000,
      });
      fixtures.push({ name, ...analyse(run, fixture, fps) });
    } finally {
      await context.close();
    }
  }
  const all = (key) => fixtures.flatMap((f) => f[key]);
  const enterFrames = all('enterLateFrames');
  const tuFrames = all('timeupdateLateFrames');
  const summary = {
    fps,
    cues: enterFrames.length,
    expectedCues: fixtures.reduce((n, f) => n + f.expected, 0),
    missing: fixtures.reduce((n, f) => n + f.missing.length, 0),
    early: fixtures.reduce((n, f) => n + f.early.length, 0),
    duplicates: fixtures.reduce((n, f) => n + f.duplicates, 0),
    earlyExits: fixtures.reduce((n, f) => n + f.earlyExits.length, 0),
    frameMismatches: fixtures.reduce((n, f) => n + f.frameMismatches, 0),
    wallDelayMs: { median: median(all('wallDelayMs')), max: max(all('wallDelayMs')) },
    droppedFrames: fixtures.reduce((n, f) => n + (f.droppedFrames ?? 0), 0),
    enter: stats(enterFrames),
    timeupdate: stats(tuFrames),
    exit: stats(all('exitLateFrames')),
    // Both means get one frame added: a perfect activation is 0 frames late, and a ratio to 0 is
    // meaningless. Read it as "how many frames after the cue's own frame, counting that frame".
    timeupdateOverCuecart: ratio(mean(tuFrames) + 1, mean(enterFrames) + 1),
  };
  return { summary, fixtures };
}

function stats(frames) {
  return {
    median: median(frames),
    p95: percentile(frames, 95),
    max: max(frames),
    mean: mean(frames),
  };
}

function analyse(run, fixture, fps) {
  const byId = new Map(run.cues.map((cue) => [cue.id, cue]));
  const entered = new Map();
  let duplicates = 0;
  const early = [];
  const enterLateFrames = [];
  for (const enter of run.enters) {
    if (entered.has(enter.id)) duplicates++;
    entered.set(enter.id, enter);
    const late = enter.time - enter.start;
    if (late < -EPSILON) early.push({ id: enter.id, start: enter.start, time: enter.time });
    enterLateFrames.push(late * fps);
  }
  // Cross-check against our own frame log: the first presented frame at or after the start.
  let frameMismatches = 0;
  const wallDelayMs = [];
  for (const enter of run.enters) {
    const first = run.frames.find((f) => f.mediaTime >= enter.start - EPSILON);
    if (!first) continue;
    if (Math.abs(first.mediaTime - enter.time) > EPSILON) frameMismatches++;
    wallDelayMs.push(enter.wall - first.wall);
  }
  // The timeupdate baseline over the same cues: first reported currentTime at or after the start.
  const timeupdateLateFrames = [];
  for (const cue of run.cues) {
    const first = run.timeupdates.find((t) => t >= cue.start - EPSILON);
    if (first !== undefined) timeupdateLateFrames.push((first - cue.start) * fps);
  }
  const exitLateFrames = [];
  const earlyExits = [];
  for (const exit of run.exits) {
    const cue = byId.get(exit.id);
    if (!cue || cue.end === null || !Number.isFinite(cue.end) || !Number.isFinite(exit.time))
      continue;
    const late = exit.time - cue.end;
    if (late < -EPSILON) earlyExits.push({ id: exit.id, end: cue.end, time: exit.time });
    exitLateFrames.push(late * fps);
  }
  const missing = fixture.cues
    .filter((c) => !run.enters.some((e) => Math.abs(e.start - c.start) < 0.01))
    .map((c) => `${c.product}@${c.start}`);
  return {
    expected: fixture.cues.length,
    enters: run.enters.map((e) => ({ id: e.id, start: e.start, time: e.time })),
    enterLateFrames,
    timeupdateLateFrames,
    exitLateFrames,
    frameMismatches,
    wallDelayMs,
    early,
    earlyExits,
    duplicates,
    missing,
    droppedFrames: run.droppedFrames,
    error: run.error,
  };
}
