import { expect } from '@open-wc/testing';
import {
  HOLE_CHECK_MS,
  STALL_CHECK_MS,
  SkippedSegmentHoles,
  StallWatch,
  type PlayheadMedia,
} from '../../../src/player/stall-recovery.js';
import { fakeEngineClock } from '../../helpers/fake-clock.js';

/** A scripted playhead: buffered ranges, time and state set by the test. */
function fakeMedia(ranges: Array<[number, number]> = []) {
  const media = {
    currentTime: 0,
    seeking: false,
    paused: false,
    ended: false,
    readyState: 4,
    ranges,
    buffered: {
      get length() {
        return media.ranges.length;
      },
      start: (i: number) => media.ranges[i]![0],
    },
  };
  return media satisfies PlayheadMedia;
}

describe('SkippedSegmentHoles', () => {
  it('jumps the playhead over a hole once media after it is buffered', () => {
    const clock = fakeEngineClock();
    const media = fakeMedia();
    const holes = new SkippedSegmentHoles(media, clock);
    holes.add(0, 2);
    clock.advance(HOLE_CHECK_MS);
    // Nothing buffered after the hole yet: the playhead waits.
    expect(media.currentTime).to.equal(0);
    media.ranges = [[2.04, 6]];
    clock.advance(HOLE_CHECK_MS);
    expect(media.currentTime).to.be.closeTo(2.09, 1e-9);
    // Past the hole: forgotten, no more checks.
    clock.advance(HOLE_CHECK_MS);
    expect(clock.pending).to.equal(0);
  });

  it('waits while seeking and for a hole the playhead has not reached', () => {
    const clock = fakeEngineClock();
    const media = fakeMedia([
      [0, 4],
      [6.1, 10],
    ]);
    const holes = new SkippedSegmentHoles(media, clock);
    holes.add(4, 6);
    media.currentTime = 3;
    clock.advance(HOLE_CHECK_MS);
    expect(media.currentTime).to.equal(3);
    media.currentTime = 3.9;
    media.seeking = true;
    clock.advance(HOLE_CHECK_MS);
    expect(media.currentTime).to.equal(3.9);
    media.seeking = false;
    clock.advance(HOLE_CHECK_MS);
    expect(media.currentTime).to.be.closeTo(6.15, 1e-9);
  });

  it('does not jump to media far beyond the hole, and stops on stop()', () => {
    const clock = fakeEngineClock();
    const media = fakeMedia([[9, 12]]);
    const holes = new SkippedSegmentHoles(media, clock);
    holes.add(0, 2);
    clock.advance(HOLE_CHECK_MS);
    expect(media.currentTime).to.equal(0);
    holes.stop();
    expect(clock.pending).to.equal(0);
  });
});

describe('StallWatch', () => {
  function setup(reconnecting = false) {
    const clock = fakeEngineClock();
    const media = fakeMedia();
    const stalls: Array<{ currentTime: number; stalledMs: number }> = [];
    const state = { reconnecting };
    const watch = new StallWatch(media, clock, {
      limitMs: 5_000,
      isReconnecting: () => state.reconnecting,
      onStall: (stall) => stalls.push(stall),
    });
    return { clock, media, stalls, state, watch };
  }

  it('reports playback that stood still, wanting data, for the limit', () => {
    const { clock, media, stalls, watch } = setup();
    media.currentTime = 7;
    media.readyState = 2;
    watch.start();
    watch.start();
    clock.advance(STALL_CHECK_MS);
    clock.advance(4_000);
    expect(stalls).to.deep.equal([]);
    clock.advance(STALL_CHECK_MS);
    expect(stalls).to.deep.equal([{ currentTime: 7, stalledMs: 5_000 }]);
    watch.stop();
    expect(clock.pending).to.equal(0);
  });

  it('starts over when the playhead moves, and ignores paused or reconnecting playback', () => {
    const { clock, media, stalls, state, watch } = setup(true);
    media.readyState = 1;
    watch.start();
    clock.advance(10_000);
    expect(stalls, 'a stale live stream is reconnecting').to.deep.equal([]);
    state.reconnecting = false;
    media.paused = true;
    clock.advance(10_000);
    expect(stalls, 'paused').to.deep.equal([]);
    media.paused = false;
    clock.advance(4_000);
    media.currentTime = 1;
    clock.advance(4_000);
    expect(stalls, 'the playhead moved').to.deep.equal([]);
    media.readyState = 4;
    clock.advance(10_000);
    expect(stalls, 'enough data').to.deep.equal([]);
    watch.stop();
  });
});
