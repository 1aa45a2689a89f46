import { expect, waitUntil } from '@open-wc/testing';
import type { HlsConfig } from 'hls.js';
import {
  HLS_LOAD_POLICIES,
  createHlsEngine,
  cuecartHlsConfig,
  stallLimitMs,
} from '../../../src/player/hls-engine.js';
import type { HlsConstructor } from '../../../src/player/load-hls.js';
import type { EngineCallbacks, SkippedSegment } from '../../../src/player/playback-engine.js';
import type { EarlyMediaSource } from '../../../src/player/early-media-source.js';
import { CuecartError } from '../../../src/internal/errors.js';

type Handler = (event: string, data: unknown) => void;

/** A scripted stand-in for hls.js: records calls, lets the test emit events. */
class FakeHls {
  static Events = {
    FRAG_PARSING_METADATA: 'hlsFragParsingMetadata',
    LEVEL_LOADED: 'hlsLevelLoaded',
    LEVEL_UPDATED: 'hlsLevelUpdated',
    FRAG_LOADED: 'hlsFragLoaded',
    FRAG_BUFFERED: 'hlsFragBuffered',
    ERROR: 'hlsError',
  };
  static ErrorTypes = {
    NETWORK_ERROR: 'networkError',
    MEDIA_ERROR: 'mediaError',
    OTHER_ERROR: 'otherError',
  };
  static last: FakeHls;
  readonly calls: string[] = [];
  readonly config: Record<string, unknown>;
  private readonly handlers = new Map<string, Handler[]>();
  liveSyncPosition = 42;
  latestLevelDetails = { fragmentStart: 30 };
  levels = [{ fragmentError: 4, details: { live: false, endSN: 11 } }];

  constructor(config: Record<string, unknown>) {
    this.config = config;
    FakeHls.last = this;
  }
  on(event: string, handler: Handler) {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
  }
  emit(event: string, data: unknown) {
    for (const handler of this.handlers.get(event) ?? []) handler(event, data);
  }
  loadSource(src: string) {
    this.calls.push(`loadSource ${src}`);
  }
  /** What `attachMedia` was given last: the video, or hls.js's `{ media, mediaSource }`. */
  attached: unknown;
  attachMedia(media: unknown) {
    this.attached = media;
    this.calls.push('attachMedia');
  }
  startLoad(position = -1) {
    this.calls.push(`startLoad ${position}`);
  }
  stopLoad() {
    this.calls.push('stopLoad');
  }
  recoverMediaError() {
    this.calls.push('recoverMediaError');
  }
  swapAudioCodec() {
    this.calls.push('swapAudioCodec');
  }
  destroy() {
    this.calls.push('destroy');
  }
}

function setup(
  config?: Partial<HlsConfig>,
  video = document.createElement('video'),
  mediaSource?: EarlyMediaSource,
) {
  const errors: CuecartError[] = [];
  const live: boolean[] = [];
  const stale: boolean[] = [];
  const skipped: SkippedSegment[] = [];
  const callbacks: EngineCallbacks = {
    onFatalError: (error) => errors.push(error),
    onLiveChange: (value) => live.push(value),
    onMetadataSamples: () => {},
    onDateRanges: () => {},
    onMetadataTrack: () => {},
    onStreamStale: (value) => stale.push(value),
    onSegmentSkipped: (segment) => skipped.push(segment),
  };
  const engine = createHlsEngine(
    { Hls: FakeHls as unknown as HlsConstructor, CuecartError },
    video,
    '/stream.m3u8',
    callbacks,
    { config, mediaSource },
  );
  return { engine, hls: FakeHls.last, errors, live, stale, skipped };
}

const fatal = (type: string, details: string, extra: object = {}) => ({
  type,
  details,
  fatal: true,
  ...extra,
});

/** A fragment of the fake level, as hls.js passes it with a segment error. */
const frag = (sn: number) => ({
  sn,
  level: 0,
  url: `/seg-${sn}.ts`,
  start: sn * 2,
  duration: 2,
  gap: false,
  tagList: [['INF', '2']],
});

describe('createHlsEngine', () => {
  it('turns hls.js metadata tracks off and keeps a bounded back buffer', () => {
    const { hls } = setup();
    expect(hls.config).to.include({
      enableID3MetadataCues: false,
      enableEmsgMetadataCues: false,
      enableDateRangeMetadataCues: false,
      liveDurationInfinity: true,
      backBufferLength: 90,
    });
    expect(hls.calls).to.deep.equal(['loadSource /stream.m3u8', 'attachMedia']);
  });

  it('hands hls.js the one retry policy, and lets the host replace a part of it', () => {
    const { hls } = setup();
    expect(hls.config).to.deep.include(HLS_LOAD_POLICIES);
    const fast = {
      default: { ...HLS_LOAD_POLICIES.fragLoadPolicy.default, maxTimeToFirstByteMs: 1 },
    };
    const custom = setup({ fragLoadPolicy: fast }).hls;
    expect(custom.config.fragLoadPolicy).to.equal(fast);
    expect(custom.config.manifestLoadPolicy).to.equal(HLS_LOAD_POLICIES.manifestLoadPolicy);
    expect(cuecartHlsConfig().enableWorker).to.equal(false);
  });

  it('bounds a stall by the segment policy: every timeout and backoff plus a margin', () => {
    // Defaults: 2 × 8 s timeouts (> 0.5 + 1 + 2 s of backoff) + 4 s.
    expect(stallLimitMs(cuecartHlsConfig())).to.equal(20_000);
    const fast = {
      fragLoadPolicy: {
        default: {
          maxTimeToFirstByteMs: 1_000,
          maxLoadTimeMs: 5_000,
          timeoutRetry: { maxNumRetry: 1, retryDelayMs: 0, maxRetryDelayMs: 0 },
          errorRetry: { maxNumRetry: 3, retryDelayMs: 100, maxRetryDelayMs: 400 },
        },
      },
    };
    expect(stallLimitMs(fast)).to.equal(6_000);
  });

  it('skips a segment hls.js gave up on instead of failing, without retrying on top', () => {
    const { hls, errors, skipped } = setup();
    const failing = frag(3);
    hls.emit('hlsError', fatal('networkError', 'fragLoadError', { frag: failing }));
    expect(errors).to.deep.equal([]);
    expect(skipped).to.deep.equal([{ url: '/seg-3.ts', start: 6, duration: 2 }]);
    // Marked as an EXT-X-GAP segment, hls.js never requests it again.
    expect(failing.gap).to.equal(true);
    expect(failing.tagList).to.deep.include(['GAP']);
    expect(hls.levels[0]!.fragmentError).to.equal(0);
    // Nothing was buffered yet: loading restarts after the hole.
    expect(hls.calls.filter((c) => c.startsWith('startLoad'))).to.deep.equal(['startLoad 8']);
  });

  it('fails with media-load-failed when the last VOD segment cannot be loaded', () => {
    const { hls, errors, skipped } = setup();
    hls.emit(
      'hlsError',
      fatal('networkError', 'fragLoadError', { frag: frag(11), response: { code: 404 } }),
    );
    expect(skipped).to.deep.equal([]);
    expect(errors.map((e) => e.code)).to.deep.equal(['media-load-failed']);
    expect(errors[0]!.message).to.contain('HTTP 404');
    expect(hls.calls).to.include('stopLoad');
  });

  it('fails after three segments in a row were skipped; a loaded segment resets the run', () => {
    const { hls, errors, skipped } = setup();
    hls.emit('hlsError', fatal('networkError', 'fragLoadTimeOut', { frag: frag(1) }));
    hls.emit('hlsFragLoaded', {});
    for (const sn of [3, 4, 5]) {
      hls.emit('hlsError', fatal('networkError', 'fragLoadError', { frag: frag(sn) }));
    }
    expect(skipped.map((s) => s.start)).to.deep.equal([2, 6, 8, 10]);
    expect(errors).to.deep.equal([]);
    hls.emit('hlsError', fatal('networkError', 'fragLoadError', { frag: frag(6) }));
    expect(errors.map((e) => e.code)).to.deep.equal(['media-load-failed']);
  });

  it('fails at once on playlist errors (hls.js already retried them) and for a bad playlist', () => {
    const { hls, errors } = setup();
    hls.emit('hlsError', fatal('networkError', 'manifestLoadError', { response: { code: 503 } }));
    expect(errors.map((e) => e.code)).to.deep.equal(['media-load-failed']);
    expect(errors[0]!.message).to.contain('HTTP 503');
    expect(hls.calls.some((c) => c.startsWith('startLoad'))).to.equal(false);
    const bad = setup();
    bad.hls.emit('hlsError', fatal('networkError', 'manifestParsingError'));
    expect(bad.errors[0]!.message).to.contain('not a valid HLS playlist');
  });

  it('recovers media errors twice (the second time swapping the audio codec), then fails', () => {
    const { hls, errors } = setup();
    hls.emit('hlsError', fatal('mediaError', 'bufferStalledError'));
    // A segment "buffered" after a recovery does not reset the count: broken appends report it too.
    hls.emit('hlsFragBuffered', {});
    hls.emit('hlsError', fatal('mediaError', 'bufferStalledError'));
    expect(hls.calls.slice(2)).to.deep.equal([
      'recoverMediaError',
      'swapAudioCodec',
      'recoverMediaError',
    ]);
    expect(errors).to.deep.equal([]);
    hls.emit('hlsError', fatal('mediaError', 'mediaSourceRequiresReset'));
    expect(errors.map((e) => e.code)).to.deep.equal(['media-decode-failed']);
  });

  it('reports incompatible codecs as media-unsupported', () => {
    const { hls, errors } = setup();
    hls.emit('hlsError', fatal('mediaError', 'manifestIncompatibleCodecsError'));
    expect(errors.map((e) => e.code)).to.deep.equal(['media-unsupported']);
  });

  it('ignores non-fatal segment errors (hls.js retries those) and reports one fatal error only', () => {
    const { hls, errors } = setup();
    hls.emit('hlsError', { type: 'networkError', details: 'fragLoadError', fatal: false });
    expect(hls.calls.some((c) => c.startsWith('startLoad'))).to.equal(false);
    hls.emit('hlsError', fatal('networkError', 'manifestLoadError'));
    hls.emit('hlsError', fatal('networkError', 'manifestLoadError'));
    expect(errors).to.have.length(1);
  });

  it('reports live state and the live window from level details', () => {
    const { engine, hls, live } = setup();
    expect(engine.liveEdge()).to.equal(null);
    hls.emit('hlsLevelUpdated', { details: { live: true, dateRanges: {} } });
    expect(live).to.deep.equal([true]);
    expect(engine.liveEdge()).to.equal(42);
    expect(engine.liveWindowStart()).to.equal(30);
    engine.destroy();
  });

  it('calls a live stream stale while playlist reloads fail, and fresh once one loads', () => {
    const { engine, hls, stale } = setup();
    hls.emit('hlsLevelLoaded', { details: { live: true, endSN: 5, targetduration: 2 } });
    hls.emit('hlsLevelUpdated', { details: { live: true, dateRanges: {} } });
    hls.emit('hlsError', { type: 'networkError', details: 'levelLoadError', fatal: false });
    expect(stale).to.deep.equal([true]);
    hls.emit('hlsLevelLoaded', { details: { live: true, endSN: 6, targetduration: 2 } });
    expect(stale).to.deep.equal([true, false]);
    engine.destroy();
  });

  it('calls a live stream stale when its playlist stops growing', async () => {
    const { engine, hls, stale } = setup();
    hls.emit('hlsLevelLoaded', { details: { live: true, endSN: 5, targetduration: 0.1 } });
    hls.emit('hlsLevelUpdated', { details: { live: true, dateRanges: {} } });
    // 1.5 target durations (150 ms) without a new segment; checked every 250 ms at most.
    await waitUntil(() => stale.length > 0, 'never stale', { timeout: 2_000 });
    expect(stale).to.deep.equal([true]);
    engine.destroy();
  });

  it('stops every timer and hls.js on destroy, once', async () => {
    const { engine, hls, stale } = setup();
    hls.emit('hlsLevelLoaded', { details: { live: true, endSN: 5, targetduration: 0.1 } });
    hls.emit('hlsLevelUpdated', { details: { live: true, dateRanges: {} } });
    engine.destroy();
    engine.destroy();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(stale).to.deep.equal([]);
    expect(hls.calls.filter((c) => c === 'destroy')).to.have.length(1);
  });

  it('hands hls.js the early MediaSource while the video holds it, else its own attachment', () => {
    const start = (video: HTMLVideoElement, mediaSource: EarlyMediaSource) => {
      const { engine, hls } = setup(undefined, video, mediaSource);
      engine.destroy();
      return hls.attached;
    };
    const held = document.createElement('video');
    const early = { mediaSource: {} as MediaSource, url: 'blob:early' };
    held.setAttribute('src', early.url);
    expect(start(held, early)).to.deep.equal({ media: held, mediaSource: early.mediaSource });
    // Replaced meanwhile: released (the other source stays) and hls.js attaches its own.
    const replaced = document.createElement('video');
    replaced.preload = 'none';
    replaced.setAttribute('src', '/other.mp4');
    expect(start(replaced, early)).to.equal(replaced);
    expect(replaced.getAttribute('src')).to.equal('/other.mp4');
  });
});
