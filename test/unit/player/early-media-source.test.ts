import { expect, waitUntil } from '@open-wc/testing';
import Hls from 'hls.js';
import {
  isAttached,
  openEarlyMediaSource,
  releaseEarlyMediaSource,
  type EarlyMediaSource,
} from '../../../src/player/early-media-source.js';
import { createHlsEngine } from '../../../src/player/hls-engine.js';
import type { HlsConstructor } from '../../../src/player/load-hls.js';
import type { EngineCallbacks } from '../../../src/player/playback-engine.js';
import { CuecartError } from '../../../src/internal/errors.js';
import { closed, opened, watchMediaSources } from '../../helpers/media-sources.js';

const STREAM = '/test/fixtures/hls-ts-id3/index.m3u8';

/** Replaces `globalThis[name]` for the length of `run`. */
function withGlobal(name: string, value: unknown, run: () => void) {
  const g = globalThis as Record<string, unknown>;
  const had = Object.prototype.hasOwnProperty.call(g, name);
  const before = g[name];
  g[name] = value;
  try {
    run();
  } finally {
    if (had) g[name] = before;
    else delete g[name];
  }
}

/** Engine callbacks that keep the fatal errors. */
function callbacks() {
  const errors: CuecartError[] = [];
  const relay: EngineCallbacks = {
    onFatalError: (error) => errors.push(error),
    onLiveChange: () => {},
    onMetadataSamples: () => {},
    onDateRanges: () => {},
    onMetadataTrack: () => {},
    onStreamStale: () => {},
    onSegmentSkipped: () => {},
  };
  return { relay, errors };
}

describe('openEarlyMediaSource', () => {
  it('attaches a MediaSource to an empty video through an object URL; it opens off the page', async () => {
    const video = document.createElement('video');
    const early = openEarlyMediaSource(video);
    expect(early).to.exist;
    expect(early!.mediaSource).to.be.instanceOf(MediaSource);
    expect(early!.url).to.match(/^blob:/);
    expect(video.getAttribute('src')).to.equal(early!.url);
    expect(isAttached(video, early!)).to.equal(true);
    await opened(early!.mediaSource);
    releaseEarlyMediaSource(video, early!);
  });

  it('leaves a video with a source of its own alone', () => {
    const withSrc = document.createElement('video');
    withSrc.preload = 'none';
    withSrc.src = '/clip.mp4';
    expect(openEarlyMediaSource(withSrc)).to.equal(undefined);
    expect(withSrc.getAttribute('src')).to.equal('/clip.mp4');
    const withSource = document.createElement('video');
    withSource.append(document.createElement('source'));
    expect(openEarlyMediaSource(withSource)).to.equal(undefined);
    expect(withSource.hasAttribute('src')).to.equal(false);
  });

  it('opens nothing where hls.js would attach otherwise: ManagedMediaSource, or no MSE', () => {
    const video = document.createElement('video');
    withGlobal('ManagedMediaSource', class {}, () => {
      expect(openEarlyMediaSource(video)).to.equal(undefined);
    });
    withGlobal('MediaSource', undefined, () => {
      expect(openEarlyMediaSource(video)).to.equal(undefined);
    });
    expect(video.hasAttribute('src')).to.equal(false);
  });
});

describe('releaseEarlyMediaSource', () => {
  it('empties the video, which closes the MediaSource', async () => {
    const video = document.createElement('video');
    const early = openEarlyMediaSource(video)!;
    await opened(early.mediaSource);
    releaseEarlyMediaSource(video, early);
    expect(video.hasAttribute('src')).to.equal(false);
    await closed(early.mediaSource);
  });

  it('leaves a video alone whose source was replaced meanwhile', async () => {
    const video = document.createElement('video');
    const early = openEarlyMediaSource(video)!;
    video.preload = 'none';
    video.src = '/test/fixtures/missing.mp4';
    expect(isAttached(video, early)).to.equal(false);
    releaseEarlyMediaSource(video, early);
    expect(video.getAttribute('src')).to.equal('/test/fixtures/missing.mp4');
  });
});

/**
 * Starts the hls.js engine (real hls.js) on `video`, handing it `early`; waits for the first
 * decoded frame, checks that no error was reported and runs `check`, then destroys the engine.
 */
async function playFirstFrame(video: HTMLVideoElement, early: EarlyMediaSource, check: () => void) {
  const { relay, errors } = callbacks();
  const engine = createHlsEngine(
    { Hls: Hls as unknown as HlsConstructor, CuecartError },
    video,
    STREAM,
    relay,
    { mediaSource: early },
  );
  try {
    await waitUntil(() => video.readyState >= 2, 'the first frame is decoded', {
      timeout: 15_000,
    });
    expect(errors).to.deep.equal([]);
    check();
  } finally {
    engine.destroy();
  }
}

/** A muted video with an early MediaSource opening on it. */
function videoWithEarlySource() {
  const video = document.createElement('video');
  video.muted = true;
  return { video, early: openEarlyMediaSource(video)! };
}

describe('an early MediaSource handed to the hls.js engine (real hls.js)', () => {
  it('hls.js buffers into that MediaSource and creates none of its own; the video plays', async () => {
    const { video, early } = videoWithEarlySource();
    await opened(early.mediaSource);
    const sources = watchMediaSources();
    try {
      await playFirstFrame(video, early, () => {
        expect(early.mediaSource.sourceBuffers.length).to.be.greaterThan(0);
        expect(video.getAttribute('src')).to.equal(early.url);
      });
    } finally {
      sources.restore();
    }
    expect(sources.created).to.deep.equal([]);
    // hls.js owned it from then on: destroying the engine detached it.
    expect(video.hasAttribute('src')).to.equal(false);
  });

  it('takes it while it is still opening (hls.js waits for sourceopen)', async () => {
    const { video, early } = videoWithEarlySource();
    expect(early.mediaSource.readyState).to.equal('closed');
    await playFirstFrame(video, early, () => {
      expect(early.mediaSource.sourceBuffers.length).to.be.greaterThan(0);
    });
  });

  it('one the video no longer holds is released, and hls.js attaches its own', async () => {
    const { video, early } = videoWithEarlySource();
    video.removeAttribute('src');
    video.load();
    await playFirstFrame(video, early, () => {
      expect(video.getAttribute('src'))
        .to.match(/^blob:/)
        .and.not.equal(early.url);
      expect(early.mediaSource.sourceBuffers.length).to.equal(0);
    });
  });
});
