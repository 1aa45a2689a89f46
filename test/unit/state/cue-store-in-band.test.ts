import { expect } from '@open-wc/testing';
import type { DateRangeInput } from '../../../src/cues/daterange.js';
import * as parsers from '../../../src/cues/in-band-carriers.js';
import type { CuecartError } from '../../../src/internal/errors.js';
import { createCueStore, type InBandCarriers } from '../../../src/state/cue-store.js';
import { FakeFrameClock } from '../../helpers/fake-frame-clock.js';
import { buildTag, cuecartFrame } from '../cues/id3-builder.js';

/** The in-band carriers' chunk, arriving when the test says so (or failing). */
function lazyCarriers() {
  const loads: Array<{
    resolve: (module: InBandCarriers) => void;
    reject: (cause: unknown) => void;
  }> = [];
  return {
    loads,
    load: () =>
      new Promise<InBandCarriers>((resolve, reject) => {
        loads.push({ resolve, reject });
      }),
  };
}

const sample = (pts: number, product: unknown) => ({
  pts,
  dts: pts,
  duration: Infinity,
  data: buildTag({ version: 4, frames: [cuecartFrame({ product })] }),
});

const range = (id: string, start: number, duration: number, product = id): DateRangeInput => ({
  id,
  class: 'com.cuecart.product',
  startDate: new Date(Date.UTC(2026, 11, 2) + start * 1000),
  startTime: start,
  duration,
  endOnNext: false,
  attr: { ID: id, CLASS: 'com.cuecart.product', 'X-CUECART-PRODUCT': product },
});

describe('createCueStore: in-band batches before the carriers’ chunk has arrived', () => {
  it('keeps every batch, in order, and parses them when the chunk arrives', async () => {
    const errors: CuecartError[] = [];
    const chunk = lazyCarriers();
    const store = createCueStore({ onError: (e) => errors.push(e), loadCarriers: chunk.load });
    store.addMetadataSamples([sample(2, 'aurora-headphones'), sample(NaN, 'lost')], 'id3');
    store.addDateRanges([range('mug', 6, 5, 'ember-mug')]);
    store.addNativeCues([{ startTime: 9, endTime: 10, text: '{"product":"canvas-tote"}' }]);
    store.addMetadataSamples([{ pts: 3, data: 'not bytes' as unknown as Uint8Array }], 'emsg');
    // The playlist reloaded: the same DATERANGE, now longer. The later batch must win.
    store.addDateRanges([range('mug', 6, 8, 'ember-mug')]);
    expect(chunk.loads).to.have.length(1);
    expect(store.$cues.get()).to.deep.equal([]);
    expect(errors).to.deep.equal([]);

    chunk.loads[0]!.resolve(parsers);
    await store.settled();
    expect(
      store.$cues.get().map((c) => [c.source, c.start, c.end, c.payload.product]),
    ).to.deep.equal([
      ['id3', 2, undefined, 'aurora-headphones'],
      ['daterange', 6, 14, 'ember-mug'],
      ['webvtt', 9, 10, 'canvas-tote'],
    ]);
    // Each bad sample reported once, in the order the batches came.
    expect(errors.map((e) => [e.code, e.message])).to.deep.equal([
      ['cue-invalid', 'Timed-metadata sample has no presentation time.'],
      ['cue-invalid', 'Timed-metadata sample has no data.'],
    ]);

    // Loaded: later batches are parsed at once, with no further import.
    store.addMetadataSamples([sample(20, 'drift-sneakers')], 'emsg');
    expect(store.$cues.get().map((c) => c.id)).to.include('emsg:20000:drift-sneakers:');
    expect(chunk.loads).to.have.length(1);
    store.destroy();
  });

  it('enters a cue on its exact frame when the chunk arrives before that frame', async () => {
    const chunk = lazyCarriers();
    const entered: Array<[string, number]> = [];
    const store = createCueStore({
      onEnter: (cue, time) => entered.push([cue.payload.product, time]),
      loadCarriers: chunk.load,
    });
    const clock = new FakeFrameClock();
    store.attachClock(clock);
    store.addMetadataSamples([sample(2, 'aurora-headphones')], 'id3');
    clock.frame(1.96);
    chunk.loads[0]!.resolve(parsers);
    await store.settled();
    clock.frame(1.98);
    expect(entered).to.deep.equal([]);
    clock.frame(2);
    expect(entered).to.deep.equal([['aurora-headphones', 2]]);
    store.destroy();
  });

  it('reports a chunk that cannot load once as cues-load-failed, keeps working and tries again', async () => {
    const errors: CuecartError[] = [];
    const chunk = lazyCarriers();
    const store = createCueStore({ onError: (e) => errors.push(e), loadCarriers: chunk.load });
    store.addMetadataSamples([sample(2, 'aurora-headphones')], 'id3');
    store.addDateRanges([range('mug', 6, 5, 'ember-mug')]);
    chunk.loads[0]!.reject(new TypeError('Failed to fetch dynamically imported module'));
    await store.settled();
    expect(errors.map((e) => e.code)).to.deep.equal(['cues-load-failed']);
    expect(errors[0]!.cause).to.be.instanceOf(TypeError);
    expect(store.$cues.get()).to.deep.equal([]);

    // Host cues need no chunk: they still land at once.
    store.addCues([{ start: 1, product: 'canvas-tote' }]);
    expect(store.$cues.get().map((c) => c.payload.product)).to.deep.equal(['canvas-tote']);

    // The next in-band batch imports again; this time it arrives.
    store.addDateRanges([range('mug', 6, 5, 'ember-mug')]);
    expect(chunk.loads).to.have.length(2);
    chunk.loads[1]!.resolve(parsers);
    await store.settled();
    expect(store.$cues.get().map((c) => c.payload.product)).to.deep.equal([
      'canvas-tote',
      'ember-mug',
    ]);
    expect(errors).to.have.length(1);
    store.destroy();
  });

  it('drops the waiting batches of a source that was replaced, and applies a prune they missed', async () => {
    const chunk = lazyCarriers();
    const store = createCueStore({ loadCarriers: chunk.load });
    store.addMetadataSamples([sample(2, 'old-source')], 'id3');
    store.clear();
    store.addMetadataSamples([{ ...sample(4, 'early'), duration: 5 }, sample(40, 'late')], 'emsg');
    // The live window moved past the first cue while the batch waited.
    store.prune(30);
    chunk.loads[0]!.resolve(parsers);
    await store.settled();
    expect(store.$cues.get().map((c) => c.payload.product)).to.deep.equal(['late']);
    store.destroy();
  });

  it('reports nothing and parses nothing once destroyed', async () => {
    const errors: CuecartError[] = [];
    const chunk = lazyCarriers();
    const store = createCueStore({ onError: (e) => errors.push(e), loadCarriers: chunk.load });
    store.addMetadataSamples([sample(2, 'aurora-headphones')], 'id3');
    store.destroy();
    chunk.loads[0]!.reject(new Error('gone'));
    await store.settled();
    expect(errors).to.deep.equal([]);
    expect(store.$cues.get()).to.deep.equal([]);
  });
});
