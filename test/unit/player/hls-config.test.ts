import { expect } from '@open-wc/testing';
import { HLS_LOAD_POLICIES } from '../../../src/player/hls-config.js';

describe('HLS_LOAD_POLICIES', () => {
  it('keeps the documented retry policy (docs/resilience.md) for each kind of load', () => {
    const { manifestLoadPolicy, playlistLoadPolicy, fragLoadPolicy } = HLS_LOAD_POLICIES;
    expect(manifestLoadPolicy.default).to.deep.equal({
      maxTimeToFirstByteMs: 10_000,
      maxLoadTimeMs: 20_000,
      timeoutRetry: { maxNumRetry: 2, retryDelayMs: 0, maxRetryDelayMs: 0 },
      errorRetry: { maxNumRetry: 4, retryDelayMs: 500, maxRetryDelayMs: 4_000 },
    });
    expect(playlistLoadPolicy.default).to.deep.equal({
      maxTimeToFirstByteMs: 10_000,
      maxLoadTimeMs: 20_000,
      timeoutRetry: { maxNumRetry: 2, retryDelayMs: 1_000, maxRetryDelayMs: 4_000 },
      errorRetry: { maxNumRetry: 6, retryDelayMs: 1_000, maxRetryDelayMs: 8_000 },
    });
    expect(fragLoadPolicy.default).to.deep.equal({
      maxTimeToFirstByteMs: 8_000,
      maxLoadTimeMs: 60_000,
      timeoutRetry: { maxNumRetry: 1, retryDelayMs: 0, maxRetryDelayMs: 0 },
      errorRetry: { maxNumRetry: 3, retryDelayMs: 500, maxRetryDelayMs: 4_000 },
    });
  });
});
