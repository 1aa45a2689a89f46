import { expect, waitUntil } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { MediaController } from '../../../src/ui/player/media-controller.js';
import {
  startEarlyEngine,
  type EarlyEngine,
  type StartEngine,
} from '../../../src/player/early-engine.js';
import type {
  EngineCallbacks,
  HlsSettings,
  PlaybackEngine,
} from '../../../src/player/playback-engine.js';
import type { MetadataSample } from '../../../src/cues/id3-samples.js';
import type { DateRangeInput } from '../../../src/cues/daterange.js';
import { CuecartError } from '../../../src/internal/errors.js';
import { FIXTURES } from '../../helpers/player.js';

type Host = ReactiveControllerHost & HTMLElement & { controllers: ReactiveController[] };

/** A plain element that hosts controllers the way a Lit element does. */
function fakeHost(): Host {
  const controllers: ReactiveController[] = [];
  return Object.assign(document.createElement('div'), {
    controllers,
    addController: (c: ReactiveController) => controllers.push(c),
    removeController: () => {},
    requestUpdate: () => {},
    updateComplete: Promise.resolve(true),
  });
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * An early engine on `video` whose fake engine reports, while starting (before any player
 * connects), live state, ID3 samples, date ranges and a fatal error.
 */
async function startedEarly(src: string, video: HTMLVideoElement, config?: HlsSettings) {
  let relay: EngineCallbacks | undefined;
  let starts = 0;
  let destroyed = 0;
  const samples = [{ pts: 3 }] as unknown as MetadataSample[];
  const ranges = [{ id: 'r1' }] as unknown as DateRangeInput[];
  const engine = {
    kind: 'early-fake',
    liveEdge: () => null,
    liveWindowStart: () => null,
    destroy: () => destroyed++,
  } as unknown as PlaybackEngine;
  const start: StartEngine = (_video, _src, callbacks) => {
    starts++;
    relay = callbacks;
    callbacks.onLiveChange(true);
    callbacks.onMetadataSamples(samples, 'id3');
    callbacks.onDateRanges(ranges);
    callbacks.onFatalError(new CuecartError('media-decode-failed', 'held'));
    return Promise.resolve(engine);
  };
  const early = startEarlyEngine(
    document.createElement('div'),
    video,
    { src, hlsBuild: 'full', ready: Promise.resolve(), hlsConfig: () => config },
    start,
  )!;
  expect(await early.engine).to.equal(engine);
  return {
    early,
    samples,
    ranges,
    relay: () => relay!,
    starts: () => starts,
    destroyed: () => destroyed,
  };
}

/** A media controller on a fake host, recording what reaches its player. */
function controllerFor(host: Host, config?: HlsSettings) {
  const errors: CuecartError[] = [];
  const metadata: unknown[][] = [];
  const controller = new MediaController(host, {
    onError: (error) => errors.push(error),
    metadata: {
      onMetadataSamples: (samples, carrier) => metadata.push(['samples', samples, carrier]),
      onDateRanges: (ranges) => metadata.push(['dateRanges', ranges]),
      onMetadataTrack: (track) => metadata.push(['track', track]),
    },
    hlsConfig: () => config,
    eager: () => true,
  });
  return { controller, errors, metadata };
}

/** Connects, sets the source and binds the video, in the order the player does. */
function run(host: Host, controller: MediaController, early: EarlyEngine, src: string) {
  controller.adopt(early);
  host.controllers.forEach((c) => c.hostConnected?.());
  controller.setSource(src);
  controller.attach(early.video);
}

function disconnect(host: Host) {
  host.controllers.forEach((c) => c.hostDisconnected?.());
  return settle();
}

describe('MediaController adopting an early engine', () => {
  it('plays on with a matching one: its held reports reach the player, in order', async () => {
    const config: HlsSettings = { maxBufferLength: 8 };
    const video = document.createElement('video');
    const fake = await startedEarly(FIXTURES.tsId3, video, config);
    const host = fakeHost();
    const { controller, errors, metadata } = controllerFor(host, config);
    run(host, controller, fake.early, FIXTURES.tsId3);
    await waitUntil(() => controller.engineKind !== null, 'no engine');

    // The early engine is the controller's engine: no new one was started on the video.
    expect(controller.engineKind as string).to.equal('early-fake');
    expect(fake.starts()).to.equal(1);
    expect(video.getAttribute('src')).to.equal(null);
    expect(metadata).to.deep.equal([
      ['samples', fake.samples, 'id3'],
      ['dateRanges', fake.ranges],
    ]);
    expect(errors.map((e) => e.code)).to.deep.equal(['media-decode-failed']);
    const state = controller.store.get();
    expect(state.live).to.equal(true);
    expect(state.error?.code).to.equal('media-decode-failed');

    // Later reports go straight through.
    fake.relay().onMetadataSamples(fake.samples, 'emsg');
    expect(metadata.at(-1)).to.deep.equal(['samples', fake.samples, 'emsg']);

    // The controller owns it now: a disconnect destroys it.
    expect(fake.destroyed()).to.equal(0);
    await disconnect(host);
    expect(fake.destroyed()).to.equal(1);
  });

  it('replaces one playing another source: destroyed, its reports dropped', async () => {
    const video = document.createElement('video');
    const fake = await startedEarly(FIXTURES.tsId3, video);
    const host = fakeHost();
    const { controller, errors, metadata } = controllerFor(host);
    run(host, controller, fake.early, FIXTURES.mp4);
    await settle();
    expect(fake.destroyed()).to.equal(1);
    await waitUntil(() => controller.engineKind !== null, 'no engine');
    // A fresh engine plays the new source on the same video.
    expect(controller.engineKind).to.equal('progressive');
    expect(fake.starts()).to.equal(1);
    expect(metadata).to.deep.equal([]);
    expect(errors).to.deep.equal([]);
    expect(controller.store.get().live).to.equal(false);
    await disconnect(host);
    expect(fake.destroyed()).to.equal(1);
  });

  it('replaces one started with another hlsConfig object', async () => {
    const video = document.createElement('video');
    const fake = await startedEarly(FIXTURES.mp4, video, { maxBufferLength: 8 });
    const host = fakeHost();
    const { controller, errors } = controllerFor(host, { maxBufferLength: 8 });
    run(host, controller, fake.early, FIXTURES.mp4);
    await settle();
    expect(fake.destroyed()).to.equal(1);
    await waitUntil(() => controller.engineKind !== null, 'no engine');
    expect(controller.engineKind).to.equal('progressive');
    expect(errors).to.deep.equal([]);
    await disconnect(host);
  });
});
