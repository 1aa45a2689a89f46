import type { HlsConfig, LoaderConfig, RetryConfig } from 'hls.js';

/**
 * A retry rule of a load policy: `count` retries, exponential backoff from `delayMs` up to
 * `maxDelayMs`.
 */
function retry(count: number, delayMs = 0, maxDelayMs = delayMs): RetryConfig {
  return { maxNumRetry: count, retryDelayMs: delayMs, maxRetryDelayMs: maxDelayMs };
}

/**
 * One hls.js load policy (the shape of `manifestLoadPolicy`, `playlistLoadPolicy` and
 * `fragLoadPolicy`): how long the first byte and the whole load may take, and the retries after
 * a timeout and after an error (HTTP status or network).
 */
function loadPolicy(
  firstByteMs: number,
  loadMs: number,
  timeoutRetry: RetryConfig,
  errorRetry: RetryConfig,
): { default: LoaderConfig } {
  return {
    default: { maxTimeToFirstByteMs: firstByteMs, maxLoadTimeMs: loadMs, timeoutRetry, errorRetry },
  };
}

/**
 * How Cuecart loads HLS over a flaky CDN: the ONE retry policy, carried out by hls.js itself
 * (Cuecart never wraps its own retries around hls.js's; see docs/resilience.md).
 *
 * - First playlist (the manifest): 4 retries after a 5xx or a network error, 0.5, 1, 2, 4 s apart
 *   (a VOD playlist answering 500, 500, 200 plays), 2 after a timeout. A 4xx fails at once.
 * - Playlist reloads (live): 6 retries after a 5xx or a network error, 1, 2, 4, 8, 8, 8 s apart
 *   (about 31 s), 2 after a timeout, while the player shows "Reconnecting…"; every successful
 *   reload starts the count again.
 * - Segments: 3 retries after an HTTP error (404 included: a CDN edge can lag its origin) or a
 *   network error, 0.5, 1, 2 s apart; no first byte within 8 s is a timeout, retried once. A
 *   segment that still fails is skipped: after 3.5 s when missing, 16 s when it never answers.
 */
export const HLS_LOAD_POLICIES = {
  manifestLoadPolicy: loadPolicy(10_000, 20_000, retry(2), retry(4, 500, 4_000)),
  playlistLoadPolicy: loadPolicy(10_000, 20_000, retry(2, 1_000, 4_000), retry(6, 1_000, 8_000)),
  fragLoadPolicy: loadPolicy(8_000, 60_000, retry(1), retry(3, 500, 4_000)),
} satisfies Partial<HlsConfig>;

/**
 * The hls.js configuration Cuecart plays with: {@link HLS_LOAD_POLICIES} plus the settings the
 * cue engine and strict-CSP pages need. `overrides` (the player's `hlsConfig`) are applied last;
 * a load policy given there replaces Cuecart's for that kind of load.
 */
export function cuecartHlsConfig(overrides: Partial<HlsConfig> = {}): Partial<HlsConfig> {
  return {
    // hls.js's own metadata TextTrack loses cues in Chromium (its <track> is emptied when it
    // finishes loading); Cuecart reads the raw events instead. See docs/decisions.
    enableID3MetadataCues: false,
    enableEmsgMetadataCues: false,
    enableDateRangeMetadataCues: false,
    // Live: duration Infinity and `seekable` = the playlist window (setLiveSeekableRange), as
    // native HLS reports it, so the live window start prunes old cues.
    liveDurationInfinity: true,
    // hls.js keeps every played segment by default; a multi-hour show would grow without bound.
    backBufferLength: 90,
    // hls.js builds its worker from a Blob URL string, which a Trusted Types page blocks
    // (`new Worker` takes a TrustedScriptURL) and reports; the ES-module build of hls.js has no
    // worker anyway. Transmuxing stays on the main thread in both builds (docs/security.md).
    enableWorker: false,
    ...HLS_LOAD_POLICIES,
    ...overrides,
  };
}

/** Slack added to the segment policy's worst case before a stall counts as a failure. */
const STALL_MARGIN_MS = 4_000;

/**
 * How long playback may stand still, wanting data, before Cuecart gives up with
 * `media-load-failed`: the segment policy's worst case (every timeout, every backoff wait) plus
 * a margin — 20 s with Cuecart’s defaults (2 × 8 s of timeouts + 4 s). It catches whatever the
 * policy does not (a loader that stops asking), so the viewer never waits forever.
 */
export function stallLimitMs(config: Partial<HlsConfig>): number {
  const policy = (config.fragLoadPolicy ?? HLS_LOAD_POLICIES.fragLoadPolicy).default;
  const timeouts = (1 + (policy.timeoutRetry?.maxNumRetry ?? 0)) * policy.maxTimeToFirstByteMs;
  let backoff = 0;
  const retry: RetryConfig | null = policy.errorRetry;
  for (let i = 0; retry && i < retry.maxNumRetry; i++) {
    const delay =
      retry.backoff === 'linear' ? retry.retryDelayMs * (i + 1) : retry.retryDelayMs * 2 ** i;
    backoff += Math.min(delay, retry.maxRetryDelayMs);
  }
  const worst = Number.isFinite(timeouts) ? Math.max(timeouts, backoff) : backoff;
  return worst + STALL_MARGIN_MS;
}
