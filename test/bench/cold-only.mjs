// Runs only benchmark 4 (bundle) and 4b (cold start vs bare hls.js) — the issue-12 figures —
// without the long benchmarks: `node test/bench/cold-only.mjs` after `npm run build`
// (`BENCH_COLD_RUNS`, default 5), on localhost and on an emulated broadband line. With
// `--profile`, also records one cold page (`BENCH_PROFILE_PAGE`, default `cuecart`) with the V8
// CPU profiler (Chrome DevTools Protocol) from navigation to the first presented frame and prints
// where main-thread time went, by script and by function, and every long animation frame with
// its scripts: the attribution of a long task before the first frame. Timings are reported,
// never asserted.
import { startBenchServer } from './lib/server.mjs';
import { benchBundle } from './bundle.mjs';
import {
  BROADBAND,
  TUNED_BARE,
  benchColdStart,
  coldPages,
  navigateAndWait,
  openColdPage,
  selectColdPages,
} from './cold-start.mjs';
import { LONG_TASK_CPU_MS, summarizeTasks, traceColdRun } from './cold-trace.mjs';
import { launchBrowser } from './lib/browser.mjs';
import { fmt, fmtPaired, kb } from './lib/stats.mjs';

const RUNS = Number(process.env.BENCH_COLD_RUNS ?? 5);
const PROFILE = process.argv.includes('--profile');
const TRACE = process.argv.includes('--trace');

const bundle = await benchBundle();
console.log(
  `loader ${kb(bundle.loader.br)} · shell ${kb(bundle.shell.br)} (${bundle.shell.files.join(' + ')}) · ` +
    `with the shell ${kb(bundle.withShell.br)} (${bundle.withShell.files.join(', ')}) · ` +
    `hls.js full ${kb(bundle.hls.full.br)} / light ${kb(bundle.hls.light.br)}`,
);

const server = await startBenchServer();
const browser = await launchBrowser();
/** Every page of table 4b, by name. */
const allPages = coldPages(bundle.hlsChunks);
try {
  // BENCH_PROFILE_PAGE: the table-4b page to profile (default `cuecart`; unknown names throw).
  if (PROFILE) {
    const name = process.env.BENCH_PROFILE_PAGE || 'cuecart';
    await profileOnce(browser, server, selectColdPages(allPages, name)[name]);
  }
  if (TRACE) {
    const traces = Number(process.env.BENCH_TRACE_RUNS ?? 3);
    // BENCH_TRACE_PAGES: the table-4b pages to trace, comma-separated (e.g. `cuecart (classic)`).
    const names = (process.env.BENCH_TRACE_PAGES ?? 'bare hls.js,cuecart').split(',');
    const longest = Object.fromEntries(names.map((name) => [name.trim(), []]));
    for (let run = 0; run < traces; run++) {
      for (const name of Object.keys(longest)) {
        longest[name].push(await traceOnce(browser, server, name, allPages[name], run === 0));
      }
    }
    for (const [name, runs] of Object.entries(longest)) {
      const of = (key) => runs.map((r) => r[key]);
      console.log(
        `${name}: longest task before the first frame, ms CPU per run: all ${of('longestCpuMs')
          .map((v) => fmt(v, 1))
          .join(', ')}` +
          ` · with Cuecart code ${of('longestCuecartCpuMs')
            .map((v) => fmt(v, 1))
            .join(', ')}` +
          ` · tasks over 50 ms CPU with Cuecart code ${of('cuecartOverLimit').join(', ')}`,
      );
    }
  }
  // BENCH_COLD_NETWORKS: `localhost`, `line` or both (default); BENCH_COLD_PAGES: the Cuecart
  // pages to run (comma-separated names of table 4b), with the bare pages they are held against.
  const networks = (process.env.BENCH_COLD_NETWORKS ?? 'localhost,line').split(',');
  const pages = selectColdPages(allPages, process.env.BENCH_COLD_PAGES);
  for (const network of RUNS > 0 ? [undefined, BROADBAND] : []) {
    if (!networks.includes(network ? 'line' : 'localhost')) continue;
    const cold = await benchColdStart(browser, server, { runs: RUNS, pages, network });
    console.log(`\n${cold.network}:`);
    for (const [name, p] of Object.entries(cold.pages)) {
      const cuecart = name.startsWith('cuecart');
      console.log(
        `${name.padEnd(20)} first frame ${fmt(p.firstFrameMs, 0).padStart(5)} ms` +
          (cuecart || name === TUNED_BARE
            ? ` (${fmt(p.overBare, 2)}× bare; per-run pairs ${fmtPaired(p.pairedOverBare, p.pairedOverBareInterval)})`
            : '') +
          (p.overTunedBare != null
            ? ` (${fmt(p.overTunedBare, 2)}× the startFragPrefetch page; pairs ${fmtPaired(p.pairedOverTunedBare, p.pairedOverTunedBareInterval)})`
            : '') +
          (cuecart
            ? ` · first product ${fmt(p.firstProductMs, 0)} ms` +
              ` · hls.js / playlist / first segment requested at ${fmt(p.hlsRequestedAtMs, 0)} / ${fmt(p.playlistRequestedAtMs, 0)} / ${fmt(p.segmentRequestedAtMs, 0)} ms` +
              ` · longest Cuecart script in a long frame ${fmt(p.maxCuecartScriptMs, 0)} ms` +
              ` (median of runs ${fmt(p.medianCuecartScriptMs, 0)} ms, over 50 ms in ${p.cuecartScriptOver50Runs} of ${p.runsMs.length})`
            : '') +
          ` · longest script of any kind in a long frame: median of runs ${fmt(p.medianScriptMs, 0)} ms, over 50 ms in ${p.scriptOver50Runs} of ${p.runsMs.length}` +
          ` · hls.js arrived at ${fmt(p.hlsArrivedAtMs, 0)} ms, first frame ${fmt(p.frameAfterHlsMs, 0)} ms after` +
          ` · long tasks before first frame ${p.longTasksBeforeFrame} (max ${fmt(p.maxLongTaskMs, 0)} ms)` +
          ` · runs ${p.runsMs.map((v) => fmt(v, 0)).join(', ')}`,
      );
    }
  }
} finally {
  await browser.close().catch(() => {});
  await server.close();
}

/** One cold run of `html` under the CPU profiler; prints the attribution. */
async function profileOnce(browser, server, html) {
  const { context, tab, url } = await openColdPage(browser, server, html);
  try {
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    await navigateAndWait(tab, url, ['firstFrame'], 30_000);
    const { profile } = await cdp.send('Profiler.stop');
    const frames = await tab.evaluate(() =>
      window.__bench.frames.filter((f) => f.start < window.__firstFrame),
    );
    const firstFrame = await tab.evaluate(() => window.__firstFrame);
    console.log(`\nprofiled cold run: first frame at ${fmt(firstFrame, 0)} ms`);
    console.log('long animation frames before it (start, duration; scripts ≥ 5 ms):');
    for (const f of frames) {
      const scripts = f.scripts
        .filter((s) => s.duration >= 5)
        .map((s) => `${short(s.url)} ${s.invoker} ${fmt(s.duration, 0)} ms`);
      console.log(
        `  ${fmt(f.start, 0)} ms +${fmt(f.duration, 0)} ms: ${scripts.join('; ') || '(no script)'}`,
      );
    }
    const { byUrl, byFunction, inclusive } = selfTimes(profile);
    console.log('main-thread self time by script (ms):');
    for (const [u, ms] of top(byUrl, 12)) console.log(`  ${fmt(ms, 1).padStart(7)}  ${u}`);
    console.log('by function (ms):');
    for (const [f, ms] of top(byFunction, 25)) console.log(`  ${fmt(ms, 1).padStart(7)}  ${f}`);
    console.log(
      'Cuecart functions by inclusive time (ms; minified positions, map with the .map files):',
    );
    const ours = new Map([...inclusive].filter(([f]) => /\/dist\/cdn\/(?!chunks\/hls)/.test(f)));
    for (const [f, ms] of top(ours, 30)) console.log(`  ${fmt(ms, 1).padStart(7)}  ${f}`);
  } finally {
    await context.close();
  }
}

function short(u) {
  return u ? u.replace(/^https?:\/\/[^/]+/, '') : '(none)';
}

function top(map, n) {
  return [...map].sort((a, b) => b[1] - a[1]).slice(0, n);
}

/** Self time per script URL and per function (`name url:line`) from a V8 CPU profile. */
function selfTimes(profile) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parents = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parents.set(c, n.id);
  const byUrl = new Map();
  const byFunction = new Map();
  const inclusive = new Map();
  const label = ({ callFrame }) => {
    const u = callFrame.url ? short(callFrame.url) : `(${callFrame.functionName || 'program'})`;
    const fn = `${callFrame.functionName || '(anonymous)'} ${u}:${callFrame.lineNumber + 1}:${callFrame.columnNumber + 1}`;
    return { u, fn };
  };
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const { u, fn } = label(nodes.get(id));
    byUrl.set(u, (byUrl.get(u) ?? 0) + ms);
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
    const seen = new Set();
    for (let n = id; n !== undefined; n = parents.get(n)) {
      const key = label(nodes.get(n)).fn;
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + ms);
    }
  });
  return { byUrl, byFunction, inclusive };
}

/**
 * One traced cold run of `html` (`cold-trace.mjs`): every main-thread task before the first frame
 * that took over 10 ms of thread CPU time (robust to a loaded machine, unlike wall time), with
 * what ran inside it — script evaluation and calls by URL, compilation, style, layout, parsing.
 */
async function traceOnce(browser, server, name, html, verbose) {
  const tasks = await traceColdRun(browser, server, html);
  const result = summarizeTasks(tasks);
  if (!verbose) return result;
  const long = tasks.filter((t) => t.cpuMs > 10);
  console.log(
    `\n${name}: ${tasks.length} tasks before the first frame; ${long.length} over 10 ms CPU, ` +
      `${tasks.filter((t) => t.cpuMs > LONG_TASK_CPU_MS).length} over 50 ms CPU (longest ${fmt(result.longestCpuMs, 1)} ms CPU)`,
  );
  for (const task of long) {
    // Every event inside the task, by name and script (nested ones count in their parents too).
    const list = top(task.parts, 9)
      .filter(([, ms]) => ms >= 1)
      .map(([k, ms]) => `${k} ${fmt(ms, 1)}`)
      .join('; ');
    console.log(
      `  +${fmt(task.ms, 0)} ms: ${fmt(task.cpuMs, 1)} ms CPU (${fmt(task.wallMs, 0)} wall)${task.cuecart ? ' [Cuecart]' : ''} — ${list}`,
    );
  }
  return result;
}
