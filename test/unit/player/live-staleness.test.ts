import { expect } from '@open-wc/testing';
import { LiveStaleness, MIN_CHECK_MS } from '../../../src/player/live-staleness.js';
import { fakeEngineClock } from '../../helpers/fake-clock.js';

function setup() {
  const clock = fakeEngineClock();
  const reports: boolean[] = [];
  const staleness = new LiveStaleness(clock, (stale) => reports.push(stale));
  return { clock, reports, staleness };
}

describe('LiveStaleness', () => {
  it('calls a live playlist stale after 1.5 target durations without a new segment', () => {
    const { clock, reports, staleness } = setup();
    staleness.playlistLoaded({ endSn: 5, targetDuration: 4 });
    staleness.setLive(true);
    // Checked every half target duration (2 s): fresh at 2 s and 4 s, stale at 6 s (> 6 s).
    clock.advance(6_000);
    expect(reports).to.deep.equal([]);
    clock.advance(2_000);
    expect(reports).to.deep.equal([true]);
    expect(staleness.stale).to.equal(true);
    // The playlist grew: fresh again at once.
    staleness.playlistLoaded({ endSn: 6, targetDuration: 4 });
    expect(reports).to.deep.equal([true, false]);
  });

  it('a reload without a new segment does not count as growth', () => {
    const { clock, reports, staleness } = setup();
    staleness.playlistLoaded({ endSn: 5, targetDuration: 2 });
    staleness.setLive(true);
    for (let i = 0; i < 4; i++) {
      clock.advance(1_000);
      staleness.playlistLoaded({ endSn: 5, targetDuration: 2 });
    }
    expect(reports).to.deep.equal([true]);
  });

  it('is stale while reloads fail, fresh once one succeeds', () => {
    const { reports, staleness } = setup();
    staleness.playlistLoaded({ endSn: 5, targetDuration: 2 });
    staleness.setLive(true);
    staleness.reloadFailed();
    expect(reports).to.deep.equal([true]);
    staleness.playlistLoaded({ endSn: 5, targetDuration: 2 });
    expect(reports).to.deep.equal([true, false]);
  });

  it('is never stale for VOD, and checks no more once not live or stopped', () => {
    const { clock, reports, staleness } = setup();
    staleness.reloadFailed();
    staleness.setLive(false);
    clock.advance(60_000);
    expect(reports).to.deep.equal([]);
    expect(clock.pending).to.equal(0);
    staleness.setLive(true);
    expect(clock.pending).to.equal(1);
    // First check after half a target duration (the default 2 s until a playlist says).
    clock.advance(1_000);
    expect(reports).to.deep.equal([true]);
    // The stream ended.
    staleness.setLive(false);
    expect(reports).to.deep.equal([true, false]);
    staleness.setLive(true);
    staleness.stop();
    expect(clock.pending).to.equal(0);
    clock.advance(60_000);
    expect(reports).to.deep.equal([true, false]);
  });

  it('checks at least every 250 ms for very short target durations', () => {
    const { clock, reports, staleness } = setup();
    staleness.playlistLoaded({ endSn: 1, targetDuration: 0.1 });
    staleness.setLive(true);
    clock.advance(MIN_CHECK_MS - 1);
    expect(reports).to.deep.equal([]);
    clock.advance(1);
    expect(reports).to.deep.equal([true]);
  });
});
