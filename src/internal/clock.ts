/**
 * The timers a module uses, injectable so tests can advance time by hand instead of sleeping.
 * Each player's modules take one in their options; nothing here is shared between players.
 */
export interface Clock {
  /** Calls `callback` once after `ms` milliseconds; returns a handle for {@link Clock.clearTimeout}. */
  setTimeout(callback: () => void, ms: number): unknown;
  /** Cancels a pending callback (a no-op for an unknown or spent handle). */
  clearTimeout(handle: unknown): void;
}

/** The real timers of the global scope, looked up at call time (nothing runs at import). */
export const systemClock: Clock = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};
