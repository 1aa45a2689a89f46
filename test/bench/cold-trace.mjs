// Benchmark 4d — long tasks before the first frame, in thread CPU time. Each run opens a page of
// table 4b cold under a Chromium trace and lists the renderer's main-thread tasks up to the first
// presented frame, with the CPU time each took (`tdur`) and whether it ran Cuecart code. Table
// 4b's long animation frames are wall time: on a shared two-core machine a task's wall time is
// mostly time spent waiting for a core (the bare hls.js page's own start passes 50 ms in about
// half of its runs), so the CPU time is the figure that says whether Cuecart's own work fits
// under 50 ms (issue 12, item 3). The same measure as benchmark 6 (large-shows.mjs).
import { navigateAndWait, openColdPage } from './cold-start.mjs';

/** A task over this much thread CPU time is a long task (the Long Tasks API's threshold). */
export const LONG_TASK_CPU_MS = 50;

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'blink.user_timing',
  '__metadata',
];

/** Cuecart's files in the build (not hls.js's, which the bare page runs too). */
const isCuecart = (url) => /\/dist\/cdn\/(?!chunks\/hls|hls)/.test(url);

/** The script an event names: its URL, file or script name, or ''. */
function urlOf(event) {
  const data = event.args?.data ?? event.args?.beginData ?? {};
  return data.url || data.fileName || data.scriptName || event.args?.fileName || '';
}

/**
 * Every main-thread task of a trace up to the first frame (the page's `bench-first-frame` mark),
 * with its CPU and wall time, whether it ran Cuecart code, and what ran inside it.
 * @param {object[]} events the trace's events
 * @returns {{ ms: number, cpuMs: number, wallMs: number, cuecart: boolean, parts: Map<string, number> }[]}
 *   `ms`: the task's start, from the first task
 */
export function tasksBeforeFirstFrame(events) {
  const frameMark = events.find((e) => e.name === 'bench-first-frame');
  if (!frameMark) throw new Error('the trace has no first-frame mark');
  const main = events.find(
    (e) => e.name === 'thread_name' && e.pid === frameMark.pid && e.args?.name === 'CrRendererMain',
  );
  const onMain = events.filter(
    (e) => e.pid === frameMark.pid && e.tid === main?.tid && e.ph === 'X',
  );
  const tasks = onMain.filter((e) => e.name === 'RunTask' && e.ts < frameMark.ts);
  const cpu = (e) => (e.tdur ?? e.dur) / 1000;
  // A module's evaluation names no script: it is the module compiled last before it (the
  // loader's own evaluation, the longest Cuecart task on its page, went unseen without this).
  const compiled = onMain.filter((e) => e.name === 'v8.compileModule');
  const evaluatedUrl = (e) => urlOf(compiled.findLast((c) => c.ts <= e.ts) ?? {});
  const t0 = tasks[0]?.ts ?? 0;
  // Events sorted by start, so each task's contents are found by a scan from its start.
  const sorted = onMain.toSorted((a, b) => a.ts - b.ts);
  let from = 0;
  return tasks
    .toSorted((a, b) => a.ts - b.ts)
    .map((task) => {
      while (from < sorted.length && sorted[from].ts < task.ts) from++;
      const parts = new Map();
      let cuecart = false;
      for (let i = from; i < sorted.length && sorted[i].ts <= task.ts + task.dur; i++) {
        const e = sorted[i];
        if (e === task || e.ts + e.dur > task.ts + task.dur) continue;
        const url = urlOf(e) || (e.name === 'v8.evaluateModule' ? evaluatedUrl(e) : '');
        if (isCuecart(url)) cuecart = true;
        const data = e.args?.data ?? e.args?.beginData ?? {};
        const key = `${e.name}${url ? ` ${url.replace(/^https?:\/\/[^/]+/, '')}` : ''}${data.functionName ? ` ${data.functionName}` : ''}`;
        parts.set(key, (parts.get(key) ?? 0) + cpu(e));
      }
      return {
        ms: (task.ts - t0) / 1000,
        cpuMs: cpu(task),
        wallMs: task.dur / 1000,
        cuecart,
        parts,
      };
    });
}

/** One cold run of `html` under a Chromium trace: {@link tasksBeforeFirstFrame}. */
export async function traceColdRun(browser, server, html) {
  const { context, tab, url } = await openColdPage(browser, server, html);
  try {
    await browser.startTracing(tab, { categories: CATEGORIES });
    await navigateAndWait(tab, url, ['firstFrame'], 30_000);
    const trace = JSON.parse((await browser.stopTracing()).toString());
    return tasksBeforeFirstFrame(trace.traceEvents ?? trace);
  } finally {
    await context.close();
  }
}

/**
 * One run's tasks (see {@link tasksBeforeFirstFrame}) summed up: the longest task in CPU time,
 * the longest that ran Cuecart code in CPU and in wall time, and how many such tasks took over
 * {@link LONG_TASK_CPU_MS}.
 */
export function summarizeTasks(tasks) {
  const ours = tasks.filter((t) => t.cuecart);
  const longest = (list, key) => Math.max(0, ...list.map((t) => t[key]));
  return {
    longestCpuMs: longest(tasks, 'cpuMs'),
    longestCuecartCpuMs: longest(ours, 'cpuMs'),
    longestCuecartWallMs: longest(ours, 'wallMs'),
    cuecartOverLimit: ours.filter((t) => t.cpuMs > LONG_TASK_CPU_MS).length,
  };
}

/**
 * Traces `runs` cold runs of every page (alternating, so machine noise hits them alike) and
 * sums up, per page: the longest task before the first frame in CPU time, the longest that ran
 * Cuecart code, and the runs with a Cuecart task over {@link LONG_TASK_CPU_MS}.
 * @param {Record<string, string>} pages page HTML by name (table 4b's)
 */
export async function benchColdTasks(browser, server, { runs = 3, pages }) {
  const byPage = Object.fromEntries(Object.keys(pages).map((name) => [name, []]));
  for (let run = 0; run < runs; run++) {
    for (const [name, html] of Object.entries(pages)) {
      byPage[name].push(summarizeTasks(await traceColdRun(browser, server, html)));
    }
  }
  return {
    runs,
    pages: Object.fromEntries(
      Object.entries(byPage).map(([name, list]) => {
        const of = (key) => list.map((r) => r[key]);
        return [
          name,
          {
            longestCpuMs: of('longestCpuMs'),
            longestCuecartCpuMs: of('longestCuecartCpuMs'),
            longestCuecartWallMs: of('longestCuecartWallMs'),
            runsWithCuecartOverLimit: list.filter((r) => r.cuecartOverLimit > 0).length,
          },
        ];
      }),
    ),
  };
}
