import { expect } from '@open-wc/testing';
import { CueScheduler } from '../../../src/cues/cue-scheduler.js';
import { compareCues, CueTimeline } from '../../../src/cues/cue-timeline.js';
import { parseJsonCues, parseJsonCuesInSlices } from '../../../src/cues/json-cues.js';
import type { ProductCue } from '../../../src/cues/product-cue.js';
import { parseWebVttCues, parseWebVttCuesInSlices } from '../../../src/cues/webvtt.js';
import type { CuecartError } from '../../../src/internal/errors.js';
import { forEachInSlices } from '../../../src/internal/time-slices.js';
import { FakeFrameClock } from '../../helpers/fake-frame-clock.js';
import { seededRandom } from '../../helpers/seeded-random.mjs';

function cue(id: string, start: number, end?: number, duration?: number): ProductCue {
  const c: ProductCue = {
    id,
    start,
    payload: duration === undefined ? { product: id } : { product: id, duration },
    source: 'api',
  };
  if (end !== undefined) c.end = end;
  return c;
}

/** The cue model's rules written the slow, obvious way: the reference the index must match. */
function reference(cues: readonly ProductCue[]) {
  const sorted = [...cues].sort(compareCues);
  const ends = sorted.map((c) => {
    if (typeof c.end === 'number') return c.end;
    const d = c.payload.duration;
    if (typeof d === 'number' && d > 0) return c.start + d;
    const next = sorted.find((o) => o.start > c.start);
    return next ? next.start : Infinity;
  });
  return {
    ends: new Map(sorted.map((c, i) => [c.id, ends[i]!])),
    activeAt: (t: number) => sorted.filter((c, i) => c.start <= t && t < ends[i]!).map((c) => c.id),
    stableRange(t: number) {
      let from = -Infinity;
      let until = Infinity;
      sorted.forEach((c, i) => {
        if (!(ends[i]! > c.start)) return; // never active: not a boundary of anything
        for (const b of [c.start, ends[i]!]) {
          if (b <= t) from = Math.max(from, b);
          else until = Math.min(until, b);
        }
      });
      return { from, until };
    },
  };
}

/** A show of `count` random cues: overlaps, shared starts, explicit ends, durations, open ends. */
function randomShow(count: number, seed: number, span = 600): ProductCue[] {
  const next = seededRandom(seed);
  const cues: ProductCue[] = [];
  for (let i = 0; i < count; i++) {
    // Starts on a 0.25 s grid so that many cues share a start.
    const start = Math.floor(next() * span * 4) / 4;
    const kind = next();
    if (kind < 0.35) cues.push(cue(`c${i}`, start, start + 0.25 + next() * 40));
    else if (kind < 0.55) cues.push(cue(`c${i}`, start, undefined, 0.5 + next() * 20));
    else if (kind < 0.6)
      cues.push(cue(`c${i}`, start, start)); // can never be active
    else cues.push(cue(`c${i}`, start));
  }
  return cues;
}

describe('CueTimeline index (large shows)', () => {
  it('matches the reference rules for active sets, ends and stable spans', () => {
    const cues = randomShow(800, 1);
    const timeline = new CueTimeline();
    // In three unsorted batches, so merging is exercised too.
    timeline.add(cues.slice(0, 300).reverse());
    timeline.add(cues.slice(300, 500));
    timeline.add(cues.slice(500));
    const ref = reference(cues);
    expect(timeline.list().map((c) => c.id)).to.deep.equal(
      [...cues].sort(compareCues).map((c) => c.id),
    );
    for (const c of cues) expect(timeline.effectiveEnd(c.id), c.id).to.equal(ref.ends.get(c.id));
    const next = seededRandom(2);
    const times = [-1, 0, 0.25, 599.75, 1e6, ...cues.slice(0, 50).map((c) => c.start)];
    for (let i = 0; i < 300; i++) times.push(next() * 650);
    for (const t of times) {
      expect(
        timeline.activeAt(t).map((c) => c.id),
        `active at ${t}`,
      ).to.deep.equal(ref.activeAt(t));
      expect(timeline.stableRange(t), `stable range at ${t}`).to.deep.equal(ref.stableRange(t));
    }
  });

  it('stays right through replacements, removals and prunes', () => {
    const cues = randomShow(400, 3);
    const timeline = new CueTimeline();
    timeline.add(cues);
    let model = new Map(cues.map((c) => [c.id, c]));
    const next = seededRandom(4);
    for (let round = 0; round < 40; round++) {
      const id = `c${Math.floor(next() * 400)}`;
      const op = next();
      if (op < 0.4 && model.has(id)) {
        const moved = cue(id, Math.floor(next() * 2400) / 4, undefined, 1 + next() * 5);
        timeline.add(moved);
        model.set(id, moved);
      } else if (op < 0.8) {
        timeline.remove(id);
        model.delete(id);
      } else {
        const removed = timeline.removeWhere((c) => c.start < round);
        const before = model.size;
        model = new Map([...model].filter(([, c]) => c.start >= round));
        expect(removed).to.equal(before - model.size);
      }
      const ref = reference([...model.values()]);
      expect(timeline.size).to.equal(model.size);
      for (const t of [round * 15, round * 15 + 0.1, next() * 600]) {
        expect(
          timeline.activeAt(t).map((c) => c.id),
          `round ${round} at ${t}`,
        ).to.deep.equal(ref.activeAt(t));
      }
    }
  });

  it('prunes like the reference and keeps the horizon for late arrivals', () => {
    const cues = randomShow(500, 5);
    const timeline = new CueTimeline();
    timeline.add(cues);
    const ref = reference(cues);
    const survivors = cues.filter((c) => ref.ends.get(c.id)! > 300).map((c) => c.id);
    expect(timeline.prune(300)).to.equal(cues.length - survivors.length);
    expect(new Set(timeline.list().map((c) => c.id))).to.deep.equal(new Set(survivors));
    // A second prune at or behind the horizon finds nothing (and does no work).
    expect(timeline.prune(300)).to.equal(0);
    expect(timeline.prune(100)).to.equal(0);
    // Cues from behind the horizon that arrive again (a re-parsed list) are ignored.
    expect(timeline.add(cues.filter((c) => !survivors.includes(c.id)))).to.equal(false);
    expect(timeline.size).to.equal(survivors.length);
  });

  it('does not report a change when only cues behind the horizon arrive', () => {
    const timeline = new CueTimeline();
    timeline.add([cue('a', 100), cue('b', 200)]);
    timeline.prune(50);
    const version = timeline.version;
    expect(timeline.add(cue('old', 10, 20))).to.equal(false);
    expect(timeline.version).to.equal(version);
  });

  it('reports a change when a stale arrival shortens a held cue past the horizon', () => {
    const timeline = new CueTimeline();
    timeline.add([cue('open', 10)]);
    timeline.prune(20);
    expect(timeline.size).to.equal(1);
    // Starts after "open" and ends before the horizon: it ends "open" at 15, behind the horizon.
    expect(timeline.add(cue('late', 15, 16))).to.equal(true);
    expect(timeline.size).to.equal(0);
  });

  it('lets the last of two entries with one id win, even back to the held version', () => {
    const timeline = new CueTimeline();
    timeline.add(cue('a', 1));
    expect(timeline.add([cue('a', 5), cue('a', 1)])).to.equal(false);
    expect(timeline.get('a')!.start).to.equal(1);
    expect(timeline.add([cue('a', 5), cue('a', 7)])).to.equal(true);
    expect(timeline.list().map((c) => c.start)).to.deep.equal([7]);
  });

  it('never returns cues that cannot be active', () => {
    const timeline = new CueTimeline();
    timeline.add([cue('empty', 5, 5), cue('backwards', 6, 2), cue('real', 5, 8)]);
    expect(timeline.activeAt(5).map((c) => c.id)).to.deep.equal(['real']);
    expect(timeline.stableRange(5)).to.deep.equal({ from: 5, until: 8 });
  });
});

describe('CueScheduler over 10,000 cues', () => {
  function show() {
    // A cue every 2 s for 20,000 s, every tenth one overlapping its next three for 5 s.
    const cues: ProductCue[] = [];
    for (let i = 0; i < 10_000; i++) {
      cues.push(i % 10 === 0 ? cue(`c${i}`, i * 2, i * 2 + 5) : cue(`c${i}`, i * 2));
    }
    const timeline = new CueTimeline();
    timeline.add(cues);
    const clock = new FakeFrameClock();
    const active = new Set<string>();
    const events: string[] = [];
    const scheduler = new CueScheduler(timeline, clock, {
      enter: (c) => {
        expect(active.has(c.id), `double enter ${c.id}`).to.equal(false);
        active.add(c.id);
        events.push(`+${c.id}`);
      },
      exit: (c) => {
        expect(active.delete(c.id), `exit without enter ${c.id}`).to.equal(true);
        events.push(`-${c.id}`);
      },
    });
    return { timeline, clock, active, events, scheduler, ref: reference(cues) };
  }

  it('has the right cues active after seeks backward and forward across the show', () => {
    const { clock, active, scheduler, ref } = show();
    const next = seededRandom(7);
    const targets = [19_999, 0, 10_001, 10_000.5, 3, 19_998, 4.999, 5, 12_345.6];
    for (let i = 0; i < 100; i++) targets.push(next() * 20_050);
    for (const t of targets) {
      clock.seek(t);
      const expected = ref.activeAt(t);
      expect([...active].sort(), `after a seek to ${t}`).to.deep.equal([...expected].sort());
      expect(scheduler.active.map((c) => c.id)).to.deep.equal(expected);
      // Two frames of playback after the seek keep the set consistent.
      clock.frame(t + 1 / 30);
      clock.frame(t + 2 / 30);
      expect(scheduler.active.map((c) => c.id)).to.deep.equal(ref.activeAt(t + 2 / 30));
    }
  });

  it('plays through overlapping cues frame by frame with each transition once', () => {
    const { clock, events } = show();
    clock.seek(19.9);
    events.length = 0;
    for (let f = Math.round(19.9 * 30); f <= 26 * 30; f++) clock.frame(f / 30);
    // c10 (20–25) overlaps c11 (22–24), c12 (24–26); c9 open-ended until c10's start.
    expect(events).to.deep.equal(['-c9', '+c10', '+c11', '-c11', '+c12', '-c10', '-c12', '+c13']);
  });

  it('recomputes nothing on frames between boundaries, whatever the show size', () => {
    const { clock, timeline } = show();
    let computed = 0;
    const activeAt = timeline.activeAt.bind(timeline);
    timeline.activeAt = (t: number) => {
      computed++;
      return activeAt(t);
    };
    clock.seek(1000.01);
    computed = 0;
    // 30 fps for 1.9 s inside one stable span (c500 runs 1000–1002).
    for (let f = 1; f < 57; f++) clock.frame(1000.01 + f / 30);
    expect(computed).to.equal(0);
  });
});

describe('parsing in slices', () => {
  const jsonList = (count: number) =>
    JSON.stringify({
      cues: Array.from({ length: count }, (_, i) =>
        i === 77 ? { start: -1, product: 'bad' } : { start: i * 1.5, product: `p${i % 40}` },
      ),
    });
  const vttDocument = (count: number) =>
    'WEBVTT\n\n' +
    Array.from({ length: count }, (_, i) => {
      const at = (s: number) =>
        `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}.000`;
      return i === 13
        ? 'broken --> cue\n{"product":"x"}'
        : `c${i}\n${at(i * 2)} --> ${at(i * 2 + 1)}\n{"product":"p${i % 40}"}`;
    }).join('\n\n');

  it('gives the same cues and errors as the one-shot parsers for 10,000 JSON entries', async () => {
    const text = jsonList(10_000);
    const syncErrors: CuecartError[] = [];
    const sliceErrors: CuecartError[] = [];
    const expected = parseJsonCues(text, (e) => syncErrors.push(e));
    const sliced = await parseJsonCuesInSlices(text, (e) => sliceErrors.push(e), { budgetMs: 1 });
    expect(sliced).to.deep.equal(expected);
    expect((sliced as ProductCue[]).length).to.equal(9_999);
    expect(sliceErrors.map((e) => e.message)).to.deep.equal(syncErrors.map((e) => e.message));
    expect(sliceErrors[0]!.message).to.contain('Cue #78');
  });

  it('gives the same cues and errors as the one-shot parser for 10,000 WebVTT cues', async () => {
    const text = vttDocument(10_000);
    const syncErrors: string[] = [];
    const sliceErrors: string[] = [];
    const expected = parseWebVttCues(text, (e) => syncErrors.push(e.code));
    const sliced = await parseWebVttCuesInSlices(text, (e) => sliceErrors.push(e.code), {
      budgetMs: 1,
    });
    expect(sliced).to.deep.equal(expected);
    expect((sliced as ProductCue[]).length).to.equal(9_999);
    expect(sliceErrors).to.deep.equal(['cue-invalid']);
    expect(syncErrors).to.deep.equal(['cue-invalid']);
  });

  it('lets other tasks run between slices and stops when aborted', async () => {
    let ticks = 0;
    let running = true;
    const tick = () => {
      if (!running) return;
      ticks++;
      setTimeout(tick, 0);
    };
    setTimeout(tick, 0);
    const abort = new AbortController();
    let seen = 0;
    const done = await forEachInSlices(
      Array.from({ length: 1_000_000 }, (_, i) => i),
      () => {
        seen++;
        // Busy enough that a slice fills its budget.
        if (seen === 200_000) abort.abort();
      },
      { budgetMs: 2, signal: abort.signal },
    );
    running = false;
    expect(done).to.equal(false);
    expect(seen).to.be.below(1_000_000);
    const sliced = await parseJsonCuesInSlices(jsonList(5_000), () => {}, {
      signal: abort.signal,
    });
    expect(sliced).to.deep.equal([]);
    // The timer task got turns while the loop ran: it did not hold the thread.
    expect(ticks).to.be.greaterThan(0);
  });
});
