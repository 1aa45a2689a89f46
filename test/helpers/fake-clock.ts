import type { Clock } from '../../src/internal/clock.js';

/** A {@link Clock} whose time moves only when the test says: no real sleeps. */
export interface FakeClock extends Clock {
  /** Milliseconds advanced so far. */
  readonly now: number;
  /** Moves time forward, running every callback that falls due, in order. */
  advance(ms: number): void;
  /** Callbacks waiting. */
  readonly pending: number;
}

/** Creates a {@link FakeClock} starting at 0. */
export function fakeClock(): FakeClock {
  let now = 0;
  let nextId = 1;
  const timers = new Map<number, { at: number; callback: () => void }>();
  return {
    get now() {
      return now;
    },
    get pending() {
      return timers.size;
    },
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
      for (;;) {
        let due: [number, { at: number; callback: () => void }] | undefined;
        for (const entry of timers)
          if (entry[1].at <= until && (!due || entry[1].at < due[1].at)) due = entry;
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].callback();
      }
      now = until;
    },
  };
}
