import { expect } from '@open-wc/testing';
import {
  startEarlyEngine,
  takeEarlyEngine,
  type EarlyEngineOptions,
  type StartEngine,
} from '../../../src/player/early-engine.js';
import type { HlsBuild } from '../../../src/player/hls-build.js';
import type {
  EngineCallbacks,
  EngineStartOptions,
  HlsSettings,
  PlaybackEngine,
} from '../../../src/player/playback-engine.js';
import { CuecartError } from '../../../src/internal/errors.js';
import type { MetadataSample } from '../../../src/cues/id3-samples.js';
import type { DateRangeInput } from '../../../src/cues/daterange.js';
import { deferred } from '../../helpers/deferred.js';
import { tasks } from '../../helpers/held-chunk.js';

const SRC = '/show/index.m3u8';

interface StartCall {
  video: HTMLVideoElement;
  src: string;
  callbacks: EngineCallbacks;
  signal: AbortSignal;
  options: EngineStartOptions & { hlsBuild?: HlsBuild };
}

/**
 * A fake `createEngine`: records each call (with the callbacks it was given) and resolves with
 * a fake engine whose destroy is counted, when `result` resolves (at once by default).
 */
function fakeStart(result?: Promise<void>) {
  const calls: StartCall[] = [];
  let destroyed = 0;
  const engine: PlaybackEngine = {
    kind: 'hls.js',
    liveEdge: () => null,
    liveWindowStart: () => null,
    destroy: () => destroyed++,
  };
  const start: StartEngine = async (video, src, callbacks, signal, options) => {
    calls.push({ video, src, callbacks, signal, options });
    await result;
    return engine;
  };
  return {
    start,
    calls,
    engine,
    destroyed: () => destroyed,
    /** The callbacks the engine was given (once started). */
    relay: () => calls[0].callbacks,
  };
}

/** Callbacks that log `name(args)` in order. */
function recorder() {
  const log: unknown[][] = [];
  const callbacks: EngineCallbacks = {
    onFatalError: (error) => log.push(['onFatalError', error.code]),
    onLiveChange: (live) => log.push(['onLiveChange', live]),
    onMetadataSamples: (samples, carrier) => log.push(['onMetadataSamples', samples, carrier]),
    onDateRanges: (ranges) => log.push(['onDateRanges', ranges]),
    onMetadataTrack: (track) => log.push(['onMetadataTrack', track]),
    onStreamStale: (stale) => log.push(['onStreamStale', stale]),
    onSegmentSkipped: (segment) => log.push(['onSegmentSkipped', segment.url]),
    onProgramDateTime: (update) => log.push(['onProgramDateTime', update]),
  };
  return { log, callbacks };
}

function options(overrides: Partial<EarlyEngineOptions> = {}): EarlyEngineOptions {
  return {
    src: SRC,
    hlsBuild: 'full',
    ready: Promise.resolve(),
    hlsConfig: () => undefined,
    ...overrides,
  };
}

/** Starts an early engine for a fresh element and video, with {@link options} and `fake`. */
function startFresh(fake: ReturnType<typeof fakeStart>, overrides?: Partial<EarlyEngineOptions>) {
  return startEarlyEngine(
    document.createElement('div'),
    document.createElement('video'),
    options(overrides),
    fake.start,
  )!;
}

describe('startEarlyEngine', () => {
  it('holds the engine’s reports in order until connect, replays them, then forwards', async () => {
    const player = document.createElement('div');
    const video = document.createElement('video');
    const fake = fakeStart();
    const early = startEarlyEngine(player, video, options(), fake.start)!;
    expect(await early.engine).to.equal(fake.engine);
    expect(fake.calls).to.have.length(1);
    expect(fake.calls[0].video).to.equal(video);
    expect(fake.calls[0].src).to.equal(SRC);
    expect(fake.calls[0].options.hlsBuild).to.equal('full');

    const relay = fake.relay();
    const samples = [{ pts: 1 }] as unknown as MetadataSample[];
    const ranges = [{ id: 'a' }] as unknown as DateRangeInput[];
    relay.onLiveChange(true);
    relay.onMetadataSamples(samples, 'id3');
    relay.onStreamStale!(true);
    relay.onDateRanges(ranges);
    relay.onLiveChange(false);
    relay.onFatalError(new CuecartError('media-load-failed', 'gone'));

    const { log, callbacks } = recorder();
    expect(log).to.deep.equal([]);
    early.connect(callbacks);
    expect(log).to.deep.equal([
      ['onLiveChange', true],
      ['onMetadataSamples', samples, 'id3'],
      ['onStreamStale', true],
      ['onDateRanges', ranges],
      ['onLiveChange', false],
      ['onFatalError', 'media-load-failed'],
    ]);

    // From now on, straight through (and each held report only once).
    relay.onSegmentSkipped!({ url: 'seg-9.ts', start: 9, duration: 2 });
    relay.onMetadataSamples(samples, 'emsg');
    expect(log.slice(6)).to.deep.equal([
      ['onSegmentSkipped', 'seg-9.ts'],
      ['onMetadataSamples', samples, 'emsg'],
    ]);
    // A second connect changes nothing.
    const other = recorder();
    early.connect(other.callbacks);
    relay.onLiveChange(true);
    expect(other.log).to.deep.equal([]);
    expect(log.at(-1)).to.deep.equal(['onLiveChange', true]);
  });

  it('reads hlsConfig and startOptions only once ready, so a host setting it late is in time', async () => {
    const player = document.createElement('div');
    const ready = deferred();
    const fake = fakeStart();
    const host: { hlsConfig?: HlsSettings } = {};
    const prefetched = { url: 'x', startedAt: 0, result: Promise.resolve(null) };
    let startOptionsReads = 0;
    const early = startEarlyEngine(
      player,
      document.createElement('video'),
      options({
        ready: ready.promise,
        hlsConfig: () => host.hlsConfig,
        startOptions: () => {
          startOptionsReads++;
          return { prefetchedPlaylist: prefetched };
        },
      }),
      fake.start,
    )!;
    await tasks(1);
    expect(fake.calls).to.have.length(0);
    expect(startOptionsReads).to.equal(0);

    const late: HlsSettings = { maxBufferLength: 12 };
    host.hlsConfig = late;
    ready.resolve();
    await early.engine;
    expect(fake.calls).to.have.length(1);
    expect(fake.calls[0].options.hlsConfig).to.equal(late);
    expect(fake.calls[0].options.prefetchedPlaylist).to.equal(prefetched);
    expect(startOptionsReads).to.equal(1);
  });

  it('starts even when ready rejects', async () => {
    const fake = fakeStart();
    const early = startFresh(fake, { ready: Promise.reject(new Error('chunk failed')) });
    expect(await early.engine).to.equal(fake.engine);
    expect(fake.calls).to.have.length(1);
  });

  it('matches the same source, build and (once started) hlsConfig object only', async () => {
    const config: HlsSettings = { maxBufferLength: 12 };
    const ready = deferred();
    const fake = fakeStart();
    const early = startFresh(fake, { ready: ready.promise, hlsConfig: () => config });
    // Before the start the config is read then: any config matches.
    expect(early.matches(SRC, 'full', undefined)).to.equal(true);
    expect(early.matches(SRC, 'full', { maxBufferLength: 1 })).to.equal(true);
    expect(early.matches('/other.m3u8', 'full', config)).to.equal(false);
    expect(early.matches(SRC, 'light', config)).to.equal(false);

    ready.resolve();
    await early.engine;
    expect(early.matches(SRC, 'full', config)).to.equal(true);
    expect(early.matches(SRC, 'full', { maxBufferLength: 12 })).to.equal(false);
    expect(early.matches(SRC, 'full', undefined)).to.equal(false);
    expect(early.matches('/other.m3u8', 'full', config)).to.equal(false);
    expect(early.matches(SRC, 'light', config)).to.equal(false);

    early.destroy();
    expect(early.matches(SRC, 'full', config)).to.equal(false);
  });

  it('destroyed before the engine resolves: destroys it on arrival and drops its reports', async () => {
    const arrive = deferred();
    const fake = fakeStart(arrive.promise);
    const early = startFresh(fake);
    await tasks(1);
    expect(fake.calls).to.have.length(1);
    const relay = fake.relay();
    relay.onLiveChange(true); // held, then dropped by destroy
    early.destroy();
    expect(fake.calls[0].signal.aborted).to.equal(true);
    relay.onMetadataSamples([], 'id3');
    relay.onFatalError(new CuecartError('media-load-failed', 'gone'));
    expect(fake.destroyed()).to.equal(0);

    arrive.resolve();
    expect(await early.engine).to.equal(null);
    await tasks(1);
    expect(fake.destroyed()).to.equal(1);

    const { log, callbacks } = recorder();
    early.connect(callbacks);
    relay.onDateRanges([]);
    expect(log).to.deep.equal([]);
    // A second destroy does not destroy it again.
    early.destroy();
    await tasks(1);
    expect(fake.destroyed()).to.equal(1);
  });

  it('destroyed before ready: never starts', async () => {
    const ready = deferred();
    const fake = fakeStart();
    let configReads = 0;
    const early = startFresh(fake, {
      ready: ready.promise,
      hlsConfig: () => (configReads++, undefined),
    });
    early.destroy();
    ready.resolve();
    expect(await early.engine).to.equal(null);
    expect(fake.calls).to.have.length(0);
    expect(configReads).to.equal(0);
  });

  it('destroyed after the engine started: destroys it', async () => {
    const fake = fakeStart();
    const early = startFresh(fake);
    expect(await early.engine).to.equal(fake.engine);
    expect(fake.destroyed()).to.equal(0);
    early.destroy();
    await tasks(1);
    expect(fake.destroyed()).to.equal(1);
  });

  it('keeps one handle per player element, taken once', async () => {
    const player = document.createElement('div');
    const first = fakeStart();
    const early = startEarlyEngine(player, document.createElement('video'), options(), first.start);
    expect(early).to.not.equal(undefined);
    const second = fakeStart();
    expect(
      startEarlyEngine(player, document.createElement('video'), options(), second.start),
    ).to.equal(undefined);
    // Another player has its own.
    expect(takeEarlyEngine(document.createElement('div'))).to.equal(undefined);
    expect(takeEarlyEngine(player)).to.equal(early);
    expect(takeEarlyEngine(player)).to.equal(undefined);
    await tasks(1);
    expect(second.calls).to.have.length(0);
    expect(first.calls).to.have.length(1);
  });

  it('reports a start that throws as media-load-failed (held) and resolves null', async () => {
    const cause = new Error('boom');
    const calls: string[] = [];
    let told = 0;
    const start: StartEngine = (_video, src) => {
      calls.push(src);
      return Promise.reject(cause);
    };
    const early = startEarlyEngine(
      document.createElement('div'),
      document.createElement('video'),
      options({ onFatalError: () => told++ }),
      start,
    )!;
    expect(await early.engine).to.equal(null);
    expect(calls).to.deep.equal([SRC]);
    expect(told).to.equal(1);

    const errors: CuecartError[] = [];
    const { callbacks } = recorder();
    early.connect({ ...callbacks, onFatalError: (error) => errors.push(error) });
    expect(errors).to.have.length(1);
    expect(errors[0]).to.be.instanceOf(CuecartError);
    expect(errors[0].code).to.equal('media-load-failed');
    expect(errors[0].cause).to.equal(cause);
  });

  it('tells onFatalError of each fatal error the engine reports, before and after connect', async () => {
    let told = 0;
    const fake = fakeStart();
    const early = startFresh(fake, { onFatalError: () => told++ });
    await early.engine;
    const relay = fake.relay();
    relay.onLiveChange(true);
    expect(told).to.equal(0);
    relay.onFatalError(new CuecartError('media-decode-failed', 'bad'));
    expect(told).to.equal(1);
    const { log, callbacks } = recorder();
    early.connect(callbacks);
    relay.onFatalError(new CuecartError('media-load-failed', 'gone'));
    expect(told).to.equal(2);
    expect(log).to.deep.equal([
      ['onLiveChange', true],
      ['onFatalError', 'media-decode-failed'],
      ['onFatalError', 'media-load-failed'],
    ]);
  });
});
