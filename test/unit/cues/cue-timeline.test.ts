import { expect } from '@open-wc/testing';
import { compareCues, CueTimeline } from '../../../src/cues/cue-timeline.js';
import type { ProductCue } from '../../../src/cues/product-cue.js';

function cue(
  id: string,
  start: number,
  extra: Partial<ProductCue> & { duration?: number } = {},
): ProductCue {
  const { duration, ...rest } = extra;
  return {
    id,
    start,
    payload: duration === undefined ? { product: id } : { product: id, duration },
    source: 'api',
    ...rest,
  };
}

const ids = (cues: readonly ProductCue[]) => cues.map((c) => c.id);

describe('compareCues', () => {
  it('orders by start, then id', () => {
    expect(
      [cue('b', 1), cue('a', 2), cue('a', 1)].sort(compareCues).map((c) => `${c.id}@${c.start}`),
    ).to.deep.equal(['a@1', 'b@1', 'a@2']);
  });
});

describe('CueTimeline', () => {
  it('keeps cues in deterministic order whatever the insertion order', () => {
    const timeline = new CueTimeline();
    timeline.add([cue('c', 5), cue('b', 1)]);
    timeline.add(cue('a', 1));
    expect(ids(timeline.list())).to.deep.equal(['a', 'b', 'c']);
    expect(timeline.size).to.equal(3);
  });

  it('computes effective ends: explicit end, duration, next cue, open', () => {
    const timeline = new CueTimeline();
    timeline.add([
      cue('a', 0, { end: 3 }),
      cue('b', 2, { duration: 1.5 }),
      cue('c', 10),
      cue('d', 10),
      cue('e', 20),
    ]);
    expect(['a', 'b', 'c', 'd', 'e'].map((id) => timeline.effectiveEnd(id))).to.deep.equal([
      3,
      3.5,
      20,
      20,
      Infinity,
    ]);
    expect(timeline.effectiveEnd('missing')).to.equal(undefined);
  });

  it('returns the active cues at a time in order (start inclusive, end exclusive)', () => {
    const timeline = new CueTimeline();
    timeline.add([cue('late', 10), cue('a', 0, { end: 30 }), cue('b', 5)]);
    expect(ids(timeline.activeAt(-1))).to.deep.equal([]);
    expect(ids(timeline.activeAt(5))).to.deep.equal(['a', 'b']);
    expect(ids(timeline.activeAt(10))).to.deep.equal(['a', 'late']);
    expect(ids(timeline.activeAt(1e9))).to.deep.equal(['late']);
    expect(ids(timeline.activeAt(NaN))).to.deep.equal([]);
  });

  it('ignores a re-seen id unless its data changed, and notifies on change only', () => {
    const timeline = new CueTimeline();
    const seen: string[][] = [];
    const unsubscribe = timeline.subscribe((cues) => seen.push(ids(cues)));
    expect(timeline.add(cue('a', 1))).to.equal(true);
    expect(timeline.add({ ...cue('a', 1), payload: { product: 'a' } })).to.equal(false);
    const version = timeline.version;
    expect(timeline.add({ ...cue('a', 1), payload: { product: 'a', title: 'New' } })).to.equal(
      true,
    );
    expect(timeline.version).to.equal(version + 1);
    expect(timeline.get('a')!.payload.title).to.equal('New');
    expect(timeline.add({ ...cue('a', 1), payload: { product: 'a', title: 'New' } })).to.equal(
      false,
    );
    unsubscribe();
    timeline.add(cue('b', 2));
    expect(seen).to.deep.equal([['a'], ['a']]);
  });

  it('gives immutable list snapshots', () => {
    const timeline = new CueTimeline();
    timeline.add(cue('a', 1));
    const before = timeline.list();
    timeline.add(cue('b', 2));
    expect(ids(before)).to.deep.equal(['a']);
    expect(Object.isFrozen(before)).to.equal(true);
  });

  it('prunes ended cues and ignores them when seen again', () => {
    const timeline = new CueTimeline();
    timeline.add([cue('a', 0), cue('b', 10), cue('c', 20, { end: 25 }), cue('d', 30)]);
    expect(timeline.prune(20)).to.equal(2);
    expect(ids(timeline.list())).to.deep.equal(['c', 'd']);
    expect(timeline.add(cue('a', 0))).to.equal(false);
    expect(timeline.size).to.equal(2);
    expect(timeline.prune(NaN)).to.equal(0);
  });

  it('removes and clears', () => {
    const timeline = new CueTimeline();
    let notified = 0;
    timeline.subscribe(() => notified++);
    timeline.add([cue('a', 0), cue('b', 10)]);
    expect(timeline.remove('a')).to.equal(true);
    expect(timeline.remove('a')).to.equal(false);
    expect(timeline.effectiveEnd('b')).to.equal(Infinity);
    timeline.prune(5);
    timeline.clear();
    expect(timeline.size).to.equal(0);
    timeline.add(cue('a', 0, { end: 1 }));
    expect(timeline.size).to.equal(1);
    expect(notified).to.equal(4);
  });

  it('ignores things that are not cues', () => {
    const timeline = new CueTimeline();
    expect(
      timeline.add([null, { id: 'x' }, { id: 'y', start: NaN, payload: {} }] as never),
    ).to.equal(false);
  });
});
