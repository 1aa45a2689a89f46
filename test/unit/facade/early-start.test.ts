import { expect, waitUntil } from '@open-wc/testing';
import { startEarlyPlayback, type LoadEarlyEngine } from '../../../src/facade/early-start.js';
import { takeEarlyEngine, type StartEngine } from '../../../src/player/early-engine.js';
import type { EngineStartOptions, PlaybackEngine } from '../../../src/player/playback-engine.js';
import { deferred } from '../../helpers/deferred.js';
import { closed, opened, watchMediaSources } from '../../helpers/media-sources.js';

// The MediaSource the loader opens on the player's video while hls.js downloads
// (docs/decisions/0079-media-source-opened-before-hls-js.md): handed to the hls.js engine, or
// released whenever no hls.js engine will take it.

let tag = 0;
/** A player element under a tag of its own, not defined (as before the player chunk ran). */
function player() {
  const element = document.createElement(`early-start-test-${++tag}`);
  element.setAttribute('src', '/show/index.m3u8');
  element.setAttribute('muted', '');
  return element;
}

/** A start function resolving with an engine of `kind`, recording what it was given. */
function fakeStart(kind: PlaybackEngine['kind']) {
  const calls: { video: HTMLVideoElement; options: EngineStartOptions }[] = [];
  const start: StartEngine = async (video, _src, _callbacks, _signal, options) => {
    calls.push({ video, options });
    return { kind, liveEdge: () => null, liveWindowStart: () => null, destroy: () => {} };
  };
  return { start, calls };
}

describe('startEarlyPlayback: the MediaSource opened while hls.js downloads', () => {
  let sources: ReturnType<typeof watchMediaSources>;
  beforeEach(() => (sources = watchMediaSources()));
  afterEach(() => sources.restore());

  it('opens one at once, before the engine has loaded, on the video it later shows', async () => {
    const loaded = deferred<StartEngine | undefined>();
    const { start, calls } = fakeStart('hls.js');
    const shown: HTMLVideoElement[] = [];
    const element = player();
    startEarlyPlayback(
      element,
      (video) => shown.push(video),
      () => loaded.promise,
    );
    expect(sources.created).to.have.length(1);
    await opened(sources.created[0]);
    loaded.resolve(start);
    await waitUntil(() => calls.length === 1, 'the engine starts');
    const { video, options } = calls[0];
    expect(shown).to.deep.equal([video]);
    expect(options.mediaSource?.mediaSource).to.equal(sources.created[0]);
    expect(video.getAttribute('src')).to.equal(options.mediaSource?.url);
    // The hls.js engine owns it now: nothing released it.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sources.created[0].readyState).to.equal('open');
    takeEarlyEngine(element)?.destroy();
  });

  const released: [
    string,
    (loaded: ReturnType<typeof deferred<StartEngine | undefined>>, element: HTMLElement) => void,
  ][] = [
    ['hls.js cannot play here', (loaded) => loaded.resolve(undefined)],
    ['the engine could not be loaded', (loaded) => loaded.reject(new Error('offline'))],
    [
      'the player was defined meanwhile',
      (loaded, element) => {
        customElements.define(element.localName, class extends HTMLElement {});
        customElements.upgrade(element);
        loaded.resolve(fakeStart('hls.js').start);
      },
    ],
  ];
  for (const [why, settle] of released) {
    it(`releases it when ${why}`, async () => {
      const loaded = deferred<StartEngine | undefined>();
      const element = player();
      const early = startEarlyPlayback(
        element,
        () => {},
        (() => loaded.promise) as LoadEarlyEngine,
      );
      await opened(sources.created[0]);
      settle(loaded, element);
      await early!.firstFrame;
      await closed(sources.created[0]);
      expect(sources.created).to.have.length(1);
    });
  }

  it('releases it when the engine that started is not hls.js’s', async () => {
    const loaded = deferred<StartEngine | undefined>();
    const { start, calls } = fakeStart('native-hls');
    const element = player();
    startEarlyPlayback(
      element,
      () => {},
      () => loaded.promise,
    );
    await opened(sources.created[0]);
    loaded.resolve(start);
    await waitUntil(() => calls.length === 1, 'the engine starts');
    await closed(sources.created[0]);
    expect(calls[0].video.hasAttribute('src')).to.equal(false);
    takeEarlyEngine(element)?.destroy();
  });

  it('opens nothing for a source hls.js does not play', () => {
    const element = player();
    element.setAttribute('src', '/clip.mp4');
    expect(
      startEarlyPlayback(
        element,
        () => {},
        async () => undefined,
      ),
    ).to.equal(undefined);
    expect(sources.created).to.deep.equal([]);
  });
});
