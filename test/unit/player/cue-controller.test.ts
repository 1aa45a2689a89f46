import { expect, waitUntil } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { CueController } from '../../../src/ui/player/cue-controller.js';
import type { CuecartError } from '../../../src/internal/errors.js';

/** The smallest Lit host: the controller only registers itself. */
function fakeHost(): ReactiveControllerHost & { controllers: ReactiveController[] } {
  const controllers: ReactiveController[] = [];
  return {
    controllers,
    addController: (c) => controllers.push(c),
    removeController: () => {},
    requestUpdate: () => {},
    updateComplete: Promise.resolve(true),
  };
}

describe('CueController with a native metadata track (Safari path)', () => {
  it('reads the track’s cues now and on every cuechange, and stops on disconnect', async () => {
    const errors: CuecartError[] = [];
    const host = fakeHost();
    const controller = new CueController(host, {
      onEnter: () => {},
      onExit: () => {},
      onError: (error) => errors.push(error),
    });
    host.controllers.forEach((c) => c.hostConnected?.());
    const video = document.createElement('video');
    const track = video.addTextTrack('metadata');
    track.mode = 'hidden';
    track.addCue(new VTTCue(1, 6, '{"product":"aurora-headphones"}'));
    controller.engineMetadata.onMetadataTrack(track);
    // The cue store is a chunk of its own: the batch read now waits for it, then is applied.
    const store = (await controller.ready())!;
    // The carriers' parsers are a lazily imported chunk: the batch is parsed when it arrives.
    await store.settled();
    expect(store.$cues.get().map((c) => c.payload.product)).to.deep.equal(['aurora-headphones']);

    track.addCue(new VTTCue(7, 12, '{"product":"ember-mug"}'));
    track.addCue(new VTTCue(8, 9, 'not json'));
    track.dispatchEvent(new Event('cuechange'));
    await waitUntil(() => store.$cues.get().length === 2);
    expect(store.$cues.get().map((c) => [c.payload.product, c.start, c.end])).to.deep.equal([
      ['aurora-headphones', 1, 6],
      ['ember-mug', 7, 12],
    ]);
    expect(errors.map((e) => e.code)).to.include('cue-invalid');

    host.controllers.forEach((c) => c.hostDisconnected?.());
    track.addCue(new VTTCue(20, 21, '{"product":"canvas-tote"}'));
    track.dispatchEvent(new Event('cuechange'));
    await store.settled();
    expect(store.$cues.get()).to.have.length(2);
  });
});
