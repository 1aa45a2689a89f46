import { expect } from '@open-wc/testing';
import type { ProgramDateTimeUpdate } from '../../../src/cues/program-date-time.js';
import type { CuecartError } from '../../../src/internal/errors.js';
import { createNativeEngine } from '../../../src/player/native-engine.js';
import {
  LIVE_REREAD_MS,
  nativeProgramDateTime,
  readStartDate,
  watchNativeProgramDateTime,
  type StartDateMedia,
} from '../../../src/player/native-program-date-time.js';
import type { EngineCallbacks } from '../../../src/player/playback-engine.js';
import { createCueStore } from '../../../src/state/cue-store.js';
import { fakeClock } from './fake-clock.js';

const T0 = Date.parse('2030-05-01T12:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

/** A stand-in for a Safari `<video>`: settable duration and start date, real events. */
class FakeMedia extends EventTarget implements StartDateMedia {
  duration = NaN;
  startDate: unknown = new Date(NaN);
  getStartDate = () => this.startDate;
  fire(type: string) {
    this.dispatchEvent(new Event(type));
  }
}

function watch(media: StartDateMedia) {
  const clock = fakeClock();
  const abort = new AbortController();
  const updates: ProgramDateTimeUpdate[] = [];
  watchNativeProgramDateTime(media, (update) => updates.push(update), {
    signal: abort.signal,
    clock,
  });
  return { clock, abort, updates };
}

describe('readStartDate', () => {
  it('believes only a real, finite, plausible Date', () => {
    const media = new FakeMedia();
    const read = (value: unknown) => {
      media.startDate = value;
      return readStartDate(media);
    };
    expect(read(new Date(T0))).to.equal(T0);
    expect(read(new Date(NaN)), 'unknown (no PDT)').to.equal(undefined);
    expect(read(new Date(0)), 'the epoch is a default, not a PDT').to.equal(undefined);
    expect(read(new Date(Date.UTC(2200, 0, 1)))).to.equal(undefined);
    expect(read(T0), 'a number is not a Date').to.equal(undefined);
    expect(read({ getTime: () => T0 }), 'nor is a look-alike').to.equal(undefined);
    expect(read(null)).to.equal(undefined);
    media.getStartDate = () => {
      throw new Error('not supported');
    };
    expect(readStartDate(media)).to.equal(undefined);
    expect(readStartDate({ duration: 10 } as unknown as StartDateMedia)).to.equal(undefined);
  });

  it('maps the whole timeline through one anchor at media time 0', () => {
    const media = new FakeMedia();
    media.duration = Infinity;
    media.startDate = new Date(T0);
    expect(nativeProgramDateTime(media)).to.deep.equal({
      live: true,
      anchors: [{ mediaTime: 0, date: T0, duration: Infinity }],
    });
    media.duration = 60;
    media.startDate = new Date(NaN);
    expect(nativeProgramDateTime(media)).to.deep.equal({ live: false, anchors: [] });
  });
});

describe('watchNativeProgramDateTime', () => {
  it('reports the start date once metadata is known, and only when it changes', () => {
    const media = new FakeMedia();
    const { updates } = watch(media);
    expect(updates).to.deep.equal([]);
    media.duration = 60;
    media.startDate = new Date(T0);
    media.fire('durationchange');
    media.fire('loadedmetadata');
    media.fire('loadeddata');
    expect(updates).to.deep.equal([
      { live: false, anchors: [{ mediaTime: 0, date: T0, duration: Infinity }] },
    ]);
  });

  it('re-reads a live stream’s start date until it ends, then stops', () => {
    const media = new FakeMedia();
    const { clock, updates } = watch(media);
    media.duration = Infinity;
    media.fire('durationchange');
    // Live without a date (yet): reported, so live cue-list refreshes can start.
    expect(updates).to.deep.equal([{ live: true, anchors: [] }]);
    clock.advance(LIVE_REREAD_MS);
    expect(updates).to.have.length(1);
    media.startDate = new Date(T0);
    clock.advance(LIVE_REREAD_MS);
    expect(updates[1]).to.deep.equal({
      live: true,
      anchors: [{ mediaTime: 0, date: T0, duration: Infinity }],
    });
    // The window slid and Safari re-anchored media time 0.
    media.startDate = new Date(T0 + 2_000);
    clock.advance(LIVE_REREAD_MS);
    expect(updates[2]!.anchors[0]!.date).to.equal(T0 + 2_000);
    // The stream ended: reported not live, no more re-reads.
    media.duration = 300;
    media.fire('durationchange');
    expect(updates[3]).to.deep.equal({
      live: false,
      anchors: [{ mediaTime: 0, date: T0 + 2_000, duration: Infinity }],
    });
    expect(clock.pending).to.equal(0);
  });

  it('stops on abort: no events, no timers', () => {
    const media = new FakeMedia();
    const { clock, abort, updates } = watch(media);
    media.duration = Infinity;
    media.fire('durationchange');
    expect(clock.pending).to.equal(1);
    abort.abort();
    expect(clock.pending).to.equal(0);
    media.startDate = new Date(T0);
    media.fire('loadedmetadata');
    expect(updates).to.have.length(1);
  });
});

describe('createNativeEngine (native HLS) program date-time', () => {
  /** A real <video> given what Safari has and Chromium lacks: a start date and a live duration. */
  function safariVideo() {
    const video = document.createElement('video');
    const state = { duration: NaN, startDate: new Date(NaN) };
    Object.defineProperty(video, 'duration', { configurable: true, get: () => state.duration });
    Object.assign(video, { getStartDate: () => state.startDate });
    return { video, state };
  }

  it('places a startDate cue at its media time and moves it when getStartDate changes', async () => {
    const { video, state } = safariVideo();
    const clock = fakeClock();
    const errors: CuecartError[] = [];
    const store = createCueStore({ onError: (error) => errors.push(error) });
    store.addCues([
      { id: 'mug', startDate: iso(T0 + 12_500), endDate: iso(T0 + 20_000), product: 'mug' },
    ]);
    expect(store.$cues.get()).to.deep.equal([]);
    const callbacks: EngineCallbacks = {
      onFatalError: () => {},
      onLiveChange: () => {},
      onMetadataSamples: () => {},
      onDateRanges: () => {},
      onMetadataTrack: () => {},
      onProgramDateTime: (update) => store.setProgramDateTime(update),
    };
    const engine = createNativeEngine(
      video,
      '/test/fixtures/hls-plain-ts/index.m3u8',
      'native-hls',
      callbacks,
      { clock },
    );
    try {
      state.duration = Infinity;
      state.startDate = new Date(T0);
      video.dispatchEvent(new Event('loadedmetadata'));
      const placed = () => store.$cues.get().map((cue) => [cue.start, cue.end]);
      expect(placed()).to.deep.equal([[12.5, 20]]);
      // Safari moved media time 0 two seconds later on the wall clock: the cue comes 2 s earlier.
      state.startDate = new Date(T0 + 2_000);
      clock.advance(LIVE_REREAD_MS);
      expect(placed()).to.deep.equal([[10.5, 18]]);
      expect(store.dates.toDate(0)).to.equal(T0 + 2_000);
    } finally {
      engine.destroy();
    }
    expect(clock.pending, 'destroy stops the re-read').to.equal(0);
    expect(errors).to.deep.equal([]);
    store.destroy();
  });

  it('leaves progressive playback alone', () => {
    const { video, state } = safariVideo();
    state.startDate = new Date(T0);
    state.duration = 30;
    const updates: ProgramDateTimeUpdate[] = [];
    const engine = createNativeEngine(
      video,
      '/test/fixtures/mp4/none.mp4',
      'progressive',
      {
        onFatalError: () => {},
        onLiveChange: () => {},
        onMetadataSamples: () => {},
        onDateRanges: () => {},
        onMetadataTrack: () => {},
        onProgramDateTime: (update) => updates.push(update),
      },
      { clock: fakeClock() },
    );
    video.dispatchEvent(new Event('loadedmetadata'));
    engine.destroy();
    expect(updates).to.deep.equal([]);
  });
});
