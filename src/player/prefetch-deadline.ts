import type { LoaderConfiguration } from 'hls.js';

/**
 * Waits for an early request's result (playlist-prefetch.ts, segment-prefetch.ts) on behalf of
 * one hls.js load: calls `settle` once, with the result, or with null when it has not come within
 * the load's time to first byte (`config.loadPolicy.maxTimeToFirstByteMs`) — a request that hangs
 * is then replaced by hls.js's own, under its timeouts and retries, instead of holding playback
 * forever. Returns the function that stops waiting (the load was aborted or destroyed).
 */
export function awaitPrefetch<T>(
  result: Promise<T | null>,
  config: LoaderConfiguration,
  settle: (value: T | null) => void,
): () => void {
  let waiting = true;
  const done = (value: T | null) => {
    if (!waiting) return;
    waiting = false;
    clearTimeout(timer);
    settle(value);
  };
  const limit = config.loadPolicy?.maxTimeToFirstByteMs;
  const timer =
    limit !== undefined && Number.isFinite(limit) ? setTimeout(() => done(null), limit) : undefined;
  void result.then(done);
  return () => {
    waiting = false;
    clearTimeout(timer);
  };
}
