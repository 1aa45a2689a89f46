import { expect, waitUntil } from '@open-wc/testing';
import { createHlsEngine } from '../../../src/player/hls-engine.js';
import type { HlsConstructor } from '../../../src/player/load-hls.js';
import type { EngineCallbacks } from '../../../src/player/playback-engine.js';
import type { CuecartError } from '../../../src/internal/errors.js';

type Handler = (event: string, data: unknown) => void;

/** A scripted stand-in for hls.js: records calls, lets the test emit events. */
class FakeHls {
  static Events = {
    FRAG_PARSING_METADATA: 'hlsFragParsingMetadata',
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
  attachMedia() {
    this.calls.push('attachMedia');
  }
  startLoad() {
    this.calls.push('startLoad');
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

function setup(delays = [5, 10, 15]) {
  const errors: CuecartError[] = [];
  const live: boolean[] = [];
  const callbacks: EngineCallbacks = {
    onFatalError: (error) => errors.push(error),
    onLiveChange: (value) => live.push(value),
    onMetadataSamples: () => {},
    onDateRanges: () => {},
    onMetadataTrack: () => {},
  };
  const engine = createHlsEngine(
    FakeHls as unknown as HlsConstructor,
    document.createElement('video'),
    '/stream.m3u8',
    callbacks,
    { networkRetryDelaysMs: delays },
  );
  return { engine, hls: FakeHls.last, errors, live };
}

const fatal = (type: string, details: string, extra: object = {}) => ({
  type,
  details,
  fatal: true,
  ...extra,
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

  it('retries fatal fragment errors with backoff, then reports media-load-failed', async () => {
    const { hls, errors } = setup();
    for (let attempt = 1; attempt <= 3; attempt++) {
      hls.emit('hlsError', fatal('networkError', 'fragLoadError'));
      await waitUntil(() => hls.calls.filter((c) => c === 'startLoad').length === attempt);
      expect(errors).to.deep.equal([]);
    }
    hls.emit('hlsError', fatal('networkError', 'fragLoadError', { response: { code: 503 } }));
    expect(errors.map((e) => e.code)).to.deep.equal(['media-load-failed']);
    expect(errors[0]!.message).to.contain('HTTP 503');
    expect(hls.calls).to.include('stopLoad');
  });

  it('starts the retry count afresh after a fragment loads', async () => {
    const { hls, errors } = setup();
    for (let round = 0; round < 3; round++) {
      hls.emit('hlsError', fatal('networkError', 'fragLoadError'));
      await waitUntil(() => hls.calls.filter((c) => c === 'startLoad').length === round + 1);
      hls.emit('hlsFragLoaded', {});
    }
    hls.emit('hlsError', fatal('networkError', 'fragLoadError'));
    await waitUntil(() => hls.calls.filter((c) => c === 'startLoad').length === 4);
    expect(errors).to.deep.equal([]);
  });

  it('fails at once for a bad playlist, without retrying', () => {
    const { hls, errors } = setup();
    hls.emit('hlsError', fatal('networkError', 'manifestParsingError'));
    expect(errors.map((e) => e.code)).to.deep.equal(['media-load-failed']);
    expect(errors[0]!.message).to.contain('not a valid HLS playlist');
    expect(hls.calls).to.not.include('startLoad');
  });

  it('recovers media errors twice (the second time swapping the audio codec), then fails', () => {
    const { hls, errors } = setup();
    hls.emit('hlsError', fatal('mediaError', 'bufferStalledError'));
    hls.emit('hlsError', fatal('mediaError', 'bufferStalledError'));
    expect(hls.calls.slice(2)).to.deep.equal([
      'recoverMediaError',
      'swapAudioCodec',
      'recoverMediaError',
    ]);
    expect(errors).to.deep.equal([]);
    hls.emit('hlsError', fatal('mediaError', 'bufferStalledError'));
    expect(errors.map((e) => e.code)).to.deep.equal(['media-decode-failed']);
  });

  it('reports incompatible codecs as media-unsupported', () => {
    const { hls, errors } = setup();
    hls.emit('hlsError', fatal('mediaError', 'manifestIncompatibleCodecsError'));
    expect(errors.map((e) => e.code)).to.deep.equal(['media-unsupported']);
  });

  it('ignores non-fatal errors (hls.js handles those itself) and reports one fatal error only', () => {
    const { hls, errors } = setup();
    hls.emit('hlsError', { type: 'networkError', details: 'fragLoadError', fatal: false });
    expect(hls.calls).to.not.include('startLoad');
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
  });

  it('cancels pending retries on destroy', async () => {
    const { engine, hls } = setup([20]);
    hls.emit('hlsError', fatal('networkError', 'fragLoadError'));
    engine.destroy();
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(hls.calls).to.not.include('startLoad');
    expect(hls.calls).to.include('destroy');
  });
});
