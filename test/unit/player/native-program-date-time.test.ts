import { expect, waitUntil } from '@open-wc/testing';
import type { ProgramDateTimeUpdate } from '../../../src/cues/program-date-time.js';
import type { CuecartError } from '../../../src/internal/errors.js';
import { createNativeEngine } from '../../../src/player/native-engine.js';
import {
  LIVE_REREAD_MS,
  readStartDate,
  watchNativeProgramDateTime,
  type StartDateMedia,
} from '../../../src/player/native-program-date-time.js';
import type { EngineCallbacks } from '../../../src/player/playback-engine.js';
import { createCueStore } from '../../../src/state/cue-store.js';
import { fakeEngineClock } from '../../helpers/fake-clock.js';

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
  const clock = fakeEngineClock();
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

  /** A native engine on a Safari-like video, its cues in a real cue store. */
  function startSafari(fetchPlaylist: typeof fetch) {
    const { video, state } = safariVideo();
    const clock = fakeEngineClock();
    const errors: CuecartError[] = [];
    const store = createCueStore({ onError: (error) => errors.push(error) });
    const callbacks: EngineCallbacks = {
      onFatalError: () => {},
      onLiveChange: () => {},
      onMetadataSamples: () => {},
      onDateRanges: () => {},
      onMetadataTrack: () => {},
      onProgramDateTime: (update) => store.setProgramDateTime(update),
    };
    const engine = createNativeEngine(video, '/show/index.m3u8', 'native-hls', callbacks, {
      clock,
      fetch: fetchPlaylist,
    });
    const placed = () => store.$cues.get().map((cue) => [cue.start, cue.end]);
    return { video, state, clock, errors, store, engine, placed };
  }

  it('places a startDate cue at its media time and moves it when getStartDate changes', async () => {
    const requests: string[] = [];
    const notFound = (async (input: RequestInfo | URL) => {
      requests.push(String(input));
      return new Response('', { status: 404 });
    }) as typeof fetch;
    const { video, state, clock, errors, store, engine, placed } = startSafari(notFound);
    store.addCues([
      { id: 'mug', startDate: iso(T0 + 12_500), endDate: iso(T0 + 20_000), product: 'mug' },
    ]);
    expect(store.$cues.get()).to.deep.equal([]);
    try {
      state.duration = Infinity;
      state.startDate = new Date(T0);
      video.dispatchEvent(new Event('loadedmetadata'));
      expect(placed()).to.deep.equal([[12.5, 20]]);
      // Safari moved media time 0 two seconds later on the wall clock: the cue comes 2 s earlier.
      state.startDate = new Date(T0 + 2_000);
      clock.advance(LIVE_REREAD_MS);
      expect(placed()).to.deep.equal([[10.5, 18]]);
      expect(store.dates.toDate(0)).to.equal(T0 + 2_000);
      clock.advance(10 * LIVE_REREAD_MS);
      expect(requests, 'the playlist is asked for once').to.have.length(1);
    } finally {
      engine.destroy();
    }
    expect(clock.pending, 'destroy stops the re-read').to.equal(0);
    expect(errors).to.deep.equal([]);
    store.destroy();
  });

  it('refines Safari’s whole-second start date with the playlist’s own dates', async () => {
    // The true date of media time 0 is T0 + 500 ms: WebKit rounds it to T0 or T0 + 1 s.
    const playlist = [
      '#EXTM3U',
      '#EXT-X-TARGETDURATION:2',
      `#EXT-X-PROGRAM-DATE-TIME:${iso(T0 + 500)}`,
      ...Array.from({ length: 10 }, (_, i) => `#EXTINF:2,\nseg-${i}.ts`),
    ].join('\n');
    const serve = (async () => new Response(playlist)) as typeof fetch;
    const { video, state, clock, errors, store, engine, placed } = startSafari(serve);
    store.addCues([{ id: 'mug', startDate: iso(T0 + 13_000), product: 'mug', duration: 5 }]);
    try {
      state.duration = Infinity;
      state.startDate = new Date(T0);
      video.dispatchEvent(new Event('loadedmetadata'));
      // From the rounded start date alone: half a second late.
      expect(placed()[0]![0]).to.equal(13);
      await waitUntil(() => placed()[0]![0] !== 13, 'never refined from the playlist');
      expect(placed()[0]![0]).to.equal(12.5);
      // The rounding flips to the other second: still the playlist's exact dates.
      state.startDate = new Date(T0 + 1_000);
      clock.advance(LIVE_REREAD_MS);
      expect(placed()[0]![0]).to.equal(12.5);
      // The timeline was re-anchored (a jump far beyond rounding): the start date maps again.
      state.startDate = new Date(T0 + 5_000);
      clock.advance(LIVE_REREAD_MS);
      expect(placed()[0]![0]).to.equal(8);
    } finally {
      engine.destroy();
    }
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
      { clock: fakeEngineClock() },
    );
    video.dispatchEvent(new Event('loadedmetadata'));
    engine.destroy();
    expect(updates).to.deep.equal([]);
  });
});
