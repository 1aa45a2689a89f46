import type { Clock } from '../internal/clock.js';

/** The timers and the monotonic time an engine's watchdogs use; injectable so tests drive time. */
export interface EngineClock extends Clock {
  /** Milliseconds on a monotonic clock (`performance.now()`). */
  now(): number;
}

/**
 * The real clock: global timers and `performance.now()`, looked up at call time. Written out
 * rather than taken from `systemClock`, so that the hls.js engine's chunk imports nothing from
 * the player shell's (docs/decisions/0069-the-first-frame-without-the-shell.md).
 */
export const systemEngineClock: EngineClock = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
  now: () => globalThis.performance.now(),
};

/**
 * Calls `callback` every `ms` until the returned function is called (a `setInterval` on an
 * {@link EngineClock}: each run schedules the next).
 */
export function repeat(clock: EngineClock, ms: number, callback: () => void): () => void {
  let stopped = false;
  let handle: unknown;
  const tick = () => {
    if (stopped) return;
    handle = clock.setTimeout(tick, ms);
    callback();
  };
  handle = clock.setTimeout(tick, ms);
  return () => {
    stopped = true;
    clock.clearTimeout(handle);
  };
}
