import { expect } from '@open-wc/testing';
import { CueScheduler } from '../../../src/cues/cue-scheduler.js';
import { CueTimeline } from '../../../src/cues/cue-timeline.js';
import type { ProductCue } from '../../../src/cues/product-cue.js';
import { FakeFrameClock } from '../../helpers/fake-frame-clock.js';

function cue(id: string, start: number, end?: number): ProductCue {
  const c: ProductCue = { id, start, payload: { product: id }, source: 'api' };
  if (end !== undefined) c.end = end;
  return c;
}

function setup(cues: ProductCue[] = []) {
  const clock = new FakeFrameClock();
  const timeline = new CueTimeline();
  timeline.add(cues);
  const events: string[] = [];
  const scheduler = new CueScheduler(timeline, clock, {
    enter: (c) => events.push(`+${c.id}`),
    exit: (c) => events.push(`-${c.id}`),
  });
  return { clock, timeline, events, scheduler };
}

describe('CueScheduler', () => {
  it('enters on the first frame at or after the start, never earlier', () => {
    const { clock, events } = setup([cue('a', 10)]);
    clock.frame(9.999);
    expect(events).to.deep.equal([]);
    clock.frame(10);
    clock.frame(10.04);
    expect(events).to.deep.equal(['+a']);
  });

  it('reports exits before enters, overlapping cues in timeline order, once each', () => {
    const { clock, events, scheduler } = setup([
      cue('b', 0, 10),
      cue('a', 0, 10),
      cue('c', 5),
      cue('e', 10, 20),
      cue('d', 10, 20),
    ]);
    for (let t = 0; t < 12; t += 0.5) clock.frame(t);
    expect(events).to.deep.equal(['+a', '+b', '+c', '-a', '-b', '-c', '+d', '+e']);
    expect(scheduler.active.map((c) => c.id)).to.deep.equal(['d', 'e']);
  });

  it('recomputes the active set on seeks back and forth without duplicates', () => {
    const { clock, events } = setup([cue('a', 0, 10), cue('b', 10), cue('c', 20)]);
    clock.frame(1);
    clock.seek(15);
    clock.frame(15);
    clock.seek(2);
    clock.seek(3);
    clock.frame(3);
    clock.seek(25);
    clock.seek(25);
    clock.frame(25.1);
    expect(events).to.deep.equal(['+a', '-a', '+b', '-b', '+a', '-a', '+c']);
  });

  it('picks up cues added later on the next frame', () => {
    const { clock, events, timeline } = setup([]);
    clock.frame(5);
    timeline.add(cue('late', 3));
    expect(events).to.deep.equal([]);
    expect(clock.frameRequests).to.equal(1);
    clock.frame(5.04);
    expect(events).to.deep.equal(['+late']);
    timeline.add(cue('next', 6));
    clock.frame(6);
    expect(events).to.deep.equal(['+late', '-late', '+next']);
  });

  it('exits cues that are removed from the timeline', () => {
    const { clock, events, timeline } = setup([cue('a', 0)]);
    clock.frame(1);
    timeline.clear();
    clock.frame(1.04);
    expect(events).to.deep.equal(['+a', '-a']);
  });

  it('does not interleave events when a callback triggers an update', () => {
    const clock = new FakeFrameClock();
    const timeline = new CueTimeline();
    timeline.add([cue('a', 0, 5), cue('b', 0, 10)]);
    const events: string[] = [];
    const scheduler: CueScheduler = new CueScheduler(timeline, clock, {
      enter: (c) => {
        events.push(`+${c.id}`);
        if (c.id === 'a') scheduler.update(7);
      },
      exit: (c) => events.push(`-${c.id}`),
    });
    clock.frame(1);
    expect(events).to.deep.equal(['+a', '+b', '-a']);
  });

  it('recomputes only when a boundary is crossed or the timeline changed', () => {
    const { clock, timeline, events } = setup([cue('a', 1, 5), cue('b', 7)]);
    let computed = 0;
    const activeAt = timeline.activeAt.bind(timeline);
    timeline.activeAt = (t: number) => {
      computed++;
      return activeAt(t);
    };
    // 30 fps from 2 s to 4.9 s: all inside cue a, one computation.
    clock.frame(1.5);
    for (let f = 60; f < 147; f++) clock.frame(f / 30);
    expect(computed).to.equal(1);
    clock.frame(5); // a ends
    clock.frame(6);
    expect(computed).to.equal(2);
    clock.frame(7); // b starts
    expect(events).to.deep.equal(['+a', '-a', '+b']);
    expect(computed).to.equal(3);
    timeline.add(cue('c', 7.5, 9)); // a new cue inside the stable span (it also ends open b)
    clock.frame(7.6);
    expect(events).to.deep.equal(['+a', '-a', '+b', '-b', '+c']);
    clock.seek(2); // seeking backwards leaves the span
    expect(events.slice(-2)).to.deep.equal(['-c', '+a']);
  });

  it('stops and unsubscribes on destroy', () => {
    const { clock, events, scheduler, timeline } = setup([cue('a', 0)]);
    expect(clock.listenerCount).to.equal(2);
    scheduler.destroy();
    scheduler.destroy();
    expect(clock.listenerCount).to.equal(0);
    clock.frame(1);
    timeline.add(cue('b', 0.5));
    scheduler.update(1);
    expect(events).to.deep.equal([]);
    expect(clock.frameRequests).to.equal(0);
  });

  it('keeps memory flat over thousands of live cues with pruning', () => {
    const { clock, events, timeline } = setup([]);
    let maxSize = 0;
    let t = 0;
    for (let n = 0; n < 5000; n++) {
      // A live encoder: a new product every 2 s, parsed 6 s ahead, some seen twice.
      timeline.add(cue(`p${n}`, n * 2 + 6));
      if (n % 3 === 0) timeline.add(cue(`p${n}`, n * 2 + 6));
      for (let f = 0; f < 4; f++, t += 0.5) clock.frame(t);
      timeline.prune(t - 30);
      maxSize = Math.max(maxSize, timeline.size);
    }
    expect(maxSize).to.be.below(30);
    const enters = events.filter((e) => e.startsWith('+'));
    expect(new Set(enters).size).to.equal(enters.length);
    expect(enters.length).to.equal(4997);
  });
});
