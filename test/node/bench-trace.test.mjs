// Table 4d's reading of a Chromium trace (test/bench/cold-trace.mjs): which main-thread tasks
// before the first frame ran Cuecart code, and how much thread CPU time each took. The bench
// fails on a Cuecart task over 50 ms CPU, so a task it cannot attribute would hide one.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { tasksBeforeFirstFrame } from '../bench/cold-trace.mjs';

const PID = 7;
const MAIN = 1;
const ORIGIN = 'http://localhost:4000';

/** A complete event on the renderer's main thread (times in ms, the trace's in µs). */
const event = (name, ms, durMs, { cpuMs = durMs, args = {}, tid = MAIN } = {}) => ({
  name,
  ph: 'X',
  pid: PID,
  tid,
  ts: ms * 1000,
  dur: durMs * 1000,
  tdur: cpuMs * 1000,
  args,
});
const script = (url) => ({ data: { url } });

/** A trace: the thread names, the given events and the first-frame mark at `frameMs`. */
const trace = (events, frameMs = 1_000) => [
  { name: 'thread_name', ph: 'M', pid: PID, tid: MAIN, args: { name: 'CrRendererMain' } },
  { name: 'thread_name', ph: 'M', pid: PID, tid: 2, args: { name: 'Compositor' } },
  ...events,
  { name: 'bench-first-frame', ph: 'R', pid: PID, tid: MAIN, ts: frameMs * 1000 },
];

describe('tasksBeforeFirstFrame', () => {
  it('gives each task its CPU and wall time, from the first task', () => {
    const tasks = tasksBeforeFirstFrame(
      trace([event('RunTask', 100, 80, { cpuMs: 20 }), event('RunTask', 300, 10)]),
    );
    assert.deepEqual(
      tasks.map(({ ms, cpuMs, wallMs }) => ({ ms, cpuMs, wallMs })),
      [
        { ms: 0, cpuMs: 20, wallMs: 80 },
        { ms: 200, cpuMs: 10, wallMs: 10 },
      ],
    );
  });

  it('marks a task that runs a Cuecart script, not one that runs only hls.js', () => {
    const tasks = tasksBeforeFirstFrame(
      trace([
        event('RunTask', 100, 30),
        event('EvaluateScript', 101, 25, {
          args: script(`${ORIGIN}/dist/cdn/cuecart-loader.iife.js`),
        }),
        event('RunTask', 200, 60),
        event('FunctionCall', 201, 55, { args: script(`${ORIGIN}/dist/cdn/hls.esm.js`) }),
        event('RunTask', 300, 60),
        event('FunctionCall', 301, 50, { args: script(`${ORIGIN}/dist/cdn/chunks/hls-AbC.js`) }),
      ]),
    );
    assert.deepEqual(
      tasks.map((t) => t.cuecart),
      [true, false, false],
    );
    assert.equal(tasks[0].parts.get('EvaluateScript /dist/cdn/cuecart-loader.iife.js'), 25);
  });

  it('names a module evaluation after the module compiled last before it', () => {
    // Chromium's v8.evaluateModule names no script: the module loader's own evaluation.
    const tasks = tasksBeforeFirstFrame(
      trace([
        event('RunTask', 90, 5),
        event('v8.compileModule', 91, 2, { args: { fileName: `${ORIGIN}/dist/cdn/cuecart.js` } }),
        event('RunTask', 100, 40),
        event('v8.evaluateModule', 101, 38),
        event('RunTask', 200, 40),
        event('v8.compileModule', 201, 3, {
          args: { fileName: `${ORIGIN}/dist/cdn/chunks/hls-x.js` },
        }),
        event('v8.evaluateModule', 205, 30),
      ]),
    );
    assert.deepEqual(
      tasks.map((t) => t.cuecart),
      [true, true, false],
    );
  });

  it('leaves out tasks from the first frame on and other threads', () => {
    const tasks = tasksBeforeFirstFrame(
      trace(
        [
          event('RunTask', 100, 10),
          event('RunTask', 150, 90, { tid: 2 }),
          event('RunTask', 600, 70),
        ],
        500,
      ),
    );
    assert.equal(tasks.length, 1);
    assert.equal(tasks[0].cpuMs, 10);
  });

  it('throws on a trace without the first-frame mark', () => {
    assert.throws(() => tasksBeforeFirstFrame([event('RunTask', 0, 1)]), /first-frame mark/);
  });
});
