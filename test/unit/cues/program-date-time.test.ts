import { expect } from '@open-wc/testing';
import { ProgramDateTimeMap, type DateAnchor } from '../../../src/cues/program-date-time.js';

const T0 = Date.parse('2030-05-01T12:00:00.000Z');
/** `count` contiguous 2-s segments starting at media time `media` and wall time `date`. */
function segments(media: number, date: number, count: number, duration = 2): DateAnchor[] {
  return Array.from({ length: count }, (_, i) => ({
    mediaTime: media + i * duration,
    date: date + i * duration * 1000,
    duration,
  }));
}

describe('ProgramDateTimeMap', () => {
  it('knows nothing before a playlist with program date-time', () => {
    const map = new ProgramDateTimeMap();
    expect(map.known).to.equal(false);
    expect(map.toMediaTime(T0)).to.equal(undefined);
    expect(map.toDate(3)).to.equal(undefined);
    expect(map.update([])).to.equal(false);
    expect(map.update([{ mediaTime: NaN, date: T0, duration: 2 }])).to.equal(false);
  });

  it('maps inside a segment both ways, to the millisecond', () => {
    const map = new ProgramDateTimeMap();
    map.update(segments(10, T0, 6));
    expect(map.toMediaTime(T0 + 3_250)).to.be.closeTo(13.25, 1e-9);
    expect(map.toDate(13.25)).to.be.closeTo(T0 + 3_250, 1e-6);
    expect(map.toMediaTime(T0)).to.equal(10);
  });

  it('extrapolates past the newest segment (a cue published ahead of the playlist)', () => {
    const map = new ProgramDateTimeMap();
    map.update(segments(10, T0, 3));
    expect(map.toMediaTime(T0 + 9_000)).to.be.closeTo(19, 1e-9);
    // The playlist that lists that moment arrives; the mapping is refined from it.
    map.update(segments(16, T0 + 6_000, 3).map((s) => ({ ...s, mediaTime: s.mediaTime + 0.04 })));
    expect(map.toMediaTime(T0 + 9_000)).to.be.closeTo(19.04, 1e-9);
  });

  it('extrapolates before the oldest segment (a late joiner, a cue older than the window)', () => {
    const map = new ProgramDateTimeMap();
    map.update(segments(100, T0 + 60_000, 3));
    expect(map.toMediaTime(T0 + 55_000)).to.be.closeTo(95, 1e-9);
  });

  it('maps each side of a discontinuity through its own segments', () => {
    const map = new ProgramDateTimeMap();
    // The encoder restarted: media time continues at 6, but the wall clock jumped 60 s ahead.
    map.update([...segments(0, T0, 3), ...segments(6, T0 + 66_000, 3)]);
    expect(map.toMediaTime(T0 + 5_000)).to.be.closeTo(5, 1e-9);
    expect(map.toMediaTime(T0 + 67_500)).to.be.closeTo(7.5, 1e-9);
    // A date inside the gap shows on the first frame after it.
    expect(map.toMediaTime(T0 + 30_000)).to.equal(6);
    expect(map.toDate(7.5)).to.be.closeTo(T0 + 67_500, 1e-6);
    expect(map.toDate(5)).to.be.closeTo(T0 + 5_000, 1e-6);
  });

  it('prefers the later segment when the wall clock jumped back', () => {
    const map = new ProgramDateTimeMap();
    map.update([...segments(0, T0, 3), ...segments(6, T0, 3)]);
    expect(map.toMediaTime(T0 + 1_000)).to.be.closeTo(7, 1e-9);
  });

  it('remembers segments that slid out of the window (DVR seek-back keeps its mapping)', () => {
    const map = new ProgramDateTimeMap();
    map.update(segments(0, T0, 6));
    map.update(segments(6, T0 + 6_000, 6));
    expect(map.list()).to.have.length(9);
    expect(map.toMediaTime(T0 + 1_000)).to.be.closeTo(1, 1e-9);
    expect(map.toMediaTime(T0 + 17_000)).to.be.closeTo(17, 1e-9);
  });

  it('replaces segments that overlap a newer playlist and reports only real changes', () => {
    const map = new ProgramDateTimeMap();
    expect(map.update(segments(0, T0, 3))).to.equal(true);
    const version = map.version;
    expect(map.update(segments(0, T0, 3))).to.equal(false);
    expect(map.version).to.equal(version);
    expect(map.update(segments(0.5, T0, 3))).to.equal(true);
    expect(map.list().map((a) => a.mediaTime)).to.deep.equal([0.5, 2.5, 4.5]);
    map.clear();
    expect(map.known).to.equal(false);
  });
});
