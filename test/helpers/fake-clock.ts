import type { Clock } from '../../src/internal/clock.js';

/** A {@link Clock} whose time moves only when the test says: no real sleeps. */
export interface FakeClock extends Clock {
  /** Milliseconds advanced so far. */
  readonly now: number;
  /** Moves time forward, running every callback that falls due, in order. */
  advance(ms: number): void;
  /**
   * Like {@link advance}, but awaits `between()` after each callback, so what a callback started
   * (a fetch, a parse in slices) settles before the next one runs.
   */
  advanceAsync(ms: number, between: () => Promise<unknown>): Promise<void>;
  /** Callbacks waiting. */
  readonly pending: number;
  /** How far ahead of now each waiting callback is due (ms), soonest first. */
  pendingDelays(): number[];
}

/** Creates a {@link FakeClock} starting at 0. */
export function fakeClock(): FakeClock {
  let now = 0;
  let nextId = 1;
  const timers = new Map<number, { at: number; callback: () => void }>();
  /** Removes and returns the earliest callback due by `until` (first scheduled on a tie). */
  const takeDue = (until: number) => {
    let due: [number, { at: number; callback: () => void }] | undefined;
    for (const entry of timers)
      if (entry[1].at <= until && (!due || entry[1].at < due[1].at)) due = entry;
    if (!due) return undefined;
    timers.delete(due[0]);
    now = due[1].at;
    return due[1].callback;
  };
  return {
    get now() {
      return now;
    },
    get pending() {
      return timers.size;
    },
    pendingDelays: () => [...timers.values()].map((t) => t.at - now).sort((a, b) => a - b),
    setTimeout(callback, ms) {
      const id = nextId++;
      timers.set(id, { at: now + Math.max(0, ms), callback });
      return id;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    advance(ms) {
      const until = now + ms;
      for (let callback = takeDue(until); callback; callback = takeDue(until)) callback();
      now = until;
    },
    async advanceAsync(ms, between) {
      const until = now + ms;
      for (let callback = takeDue(until); callback; callback = takeDue(until)) {
        callback();
        await between();
      }
      now = until;
    },
  };
}

/** A {@link FakeClock} that also reads as an engine clock: `now()` is a call, as `performance.now()`. */
export interface FakeEngineClock extends Omit<FakeClock, 'now'> {
  /** Milliseconds advanced so far. */
  now(): number;
}

/** Creates a {@link FakeEngineClock} starting at 0, for `EngineClock` users (src/player/engine-clock.ts). */
export function fakeEngineClock(): FakeEngineClock {
  const clock = fakeClock();
  return {
    now: () => clock.now,
    get pending() {
      return clock.pending;
    },
    pendingDelays: () => clock.pendingDelays(),
    setTimeout: (callback, ms) => clock.setTimeout(callback, ms),
    clearTimeout: (handle) => clock.clearTimeout(handle),
    advance: (ms) => clock.advance(ms),
    advanceAsync: (ms, between) => clock.advanceAsync(ms, between),
  };
}
