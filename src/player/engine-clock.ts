import { systemClock, type Clock } from '../internal/clock.js';

/** The timers and the monotonic time an engine's watchdogs use; injectable so tests drive time. */
export interface EngineClock extends Clock {
  /** Milliseconds on a monotonic clock (`performance.now()`). */
  now(): number;
}

/** The real clock: global timers and `performance.now()`, looked up at call time. */
export const systemEngineClock: EngineClock = {
  setTimeout: systemClock.setTimeout,
  clearTimeout: systemClock.clearTimeout,
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
