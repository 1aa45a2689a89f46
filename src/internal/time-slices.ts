/** How slice-wise work shares the main thread. */
export interface SliceOptions {
  /** Stops the work between two slices (the result is then discarded). */
  signal?: AbortSignal;
  /** Longest stretch of work between two yields, in milliseconds (default 8). */
  budgetMs?: number;
}

/** Default work budget per slice: well under one 16 ms frame and the 50 ms long-task line. */
export const DEFAULT_SLICE_BUDGET_MS = 8;

/** How many items run between two clock reads (reading the clock is cheap, not free). */
const CLOCK_STRIDE = 16;

/**
 * Gives the main thread back to the browser (input, rendering, timers, other tasks) and resumes
 * in a later task: a `MessageChannel` message (a task without `setTimeout`'s 4 ms clamp after
 * nesting), else `setTimeout(0)`. Not `scheduler.yield()`: its continuation jumps ahead of queued
 * tasks, so hls.js's loading timers and the host's own timers would wait for the whole list (the
 * issue measured timers 8 s late). Looks the globals up at call time: importing touches nothing.
 */
export function yieldToMain(): Promise<void> {
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

const clock = (): number =>
  typeof performance !== 'undefined' && typeof performance.now === 'function'
    ? performance.now()
    : Date.now();

/**
 * Calls `step` for each item, yielding to the main thread whenever a slice has run for
 * `budgetMs`, so a long list never makes one long task. Resolves `false` when `signal` aborted
 * between two slices (the remaining items are skipped), `true` when every item was seen.
 */
export async function forEachInSlices<T>(
  items: Iterable<T>,
  step: (item: T, index: number) => void,
  options: SliceOptions = {},
): Promise<boolean> {
  const budget = options.budgetMs ?? DEFAULT_SLICE_BUDGET_MS;
  const { signal } = options;
  if (signal?.aborted) return false;
  let sliceStart = clock();
  let index = 0;
  for (const item of items) {
    step(item, index++);
    if (index % CLOCK_STRIDE === 0 && clock() - sliceStart >= budget) {
      await yieldToMain();
      if (signal?.aborted) return false;
      sliceStart = clock();
    }
  }
  return !signal?.aborted;
}
