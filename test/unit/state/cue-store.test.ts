import { expect } from '@open-wc/testing';
import type { CuecartError } from '../../../src/internal/errors.js';
import { createCueStore, SYNC_ENTRY_LIMIT } from '../../../src/state/cue-store.js';
import { FakeFrameClock } from '../../helpers/fake-frame-clock.js';

/** A `fetch` that answers every URL with `body`. */
const fetchOf = (body: string) => (async () => new Response(body)) as unknown as typeof fetch;

/** 10,000 cues, one every 3 s with no end (each lasts until the next). */
const bigJson = (count = 10_000) =>
  JSON.stringify({
    cues: Array.from({ length: count }, (_, i) => ({
      id: `c${i}`,
      start: i * 3,
      product: `p${i}`,
    })),
  });

const bigVtt = (count = 10_000) => {
  const at = (s: number) =>
    `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}.000`;
  return `WEBVTT\n\n${Array.from(
    { length: count },
    (_, i) => `${at(i * 3)} --> ${at(i * 3 + 2)}\n{"product":"p${i}"}`,
  ).join('\n\n')}\n`;
};

describe('createCueStore with large cue lists', () => {
  it('loads a 10,000-cue JSON side-car in slices and activates the right cue after seeks', async () => {
    const errors: CuecartError[] = [];
    const store = createCueStore({ fetch: fetchOf(bigJson()), onError: (e) => errors.push(e) });
    const clock = new FakeFrameClock();
    store.attachClock(clock);
    // Other tasks keep running while the list is parsed.
    let ticks = 0;
    let loading = true;
    const tick = () => {
      if (!loading) return;
      ticks++;
      setTimeout(tick, 0);
    };
    tick();
    const changes: number[] = [];
    store.$cues.listen((cues) => changes.push(cues.length));
    await store.loadSideCar('/cues.json', new AbortController().signal);
    loading = false;
    expect(errors).to.deep.equal([]);
    expect(store.$cues.get()).to.have.length(10_000);
    // One change with every cue: no partial list ever showed.
    expect(changes).to.deep.equal([10_000]);
    expect(ticks).to.be.greaterThan(1);
    for (const [time, id] of [
      [29_997.5, 'json:c9999'],
      [0, 'json:c0'],
      [15_000, 'json:c5000'],
      [14_999.99, 'json:c4999'],
      [3, 'json:c1'],
      [2.999, 'json:c0'],
    ] as const) {
      clock.seek(time);
      expect(
        store.$active.get().map((c) => c.id),
        `at ${time}`,
      ).to.deep.equal([id]);
    }
    store.destroy();
  });

  it('loads a 10,000-cue WebVTT side-car and follows frames across it', async () => {
    const store = createCueStore({ fetch: fetchOf(bigVtt()) });
    const clock = new FakeFrameClock();
    const entered: string[] = [];
    store.attachClock(clock);
    await store.loadSideCar('/cues.vtt', new AbortController().signal);
    expect(store.$cues.get()).to.have.length(10_000);
    const store2 = createCueStore({
      fetch: fetchOf(bigVtt()),
      onEnter: (c) => entered.push(c.payload.product),
    });
    store2.attachClock(clock);
    await store2.loadSideCar('/cues.vtt', new AbortController().signal);
    clock.seek(20_000);
    for (let f = 1; f <= 30 * 7; f++) clock.frame(20_000 + f / 30);
    // 20,000 s is inside p6666 (19,998–20,000: ended), p6667 at 20,001, p6668 at 20,004.
    expect(entered).to.deep.equal(['p6667', 'p6668', 'p6669']);
    store.destroy();
    store2.destroy();
  });

  it('keeps live-window pruning right for a list that finishes parsing after the window moved', async () => {
    const store = createCueStore({ fetch: fetchOf(bigJson(4_000)) });
    const loading = store.loadSideCar('/cues.json', new AbortController().signal);
    // The live window moves on while the list is still being fetched and parsed.
    store.prune(6_000);
    await loading;
    const cues = store.$cues.get();
    // c1999 (5,997–6,000) ended at the horizon; c2000 (6,000–6,003) is the first kept.
    expect(cues[0]!.id).to.equal('json:c2000');
    expect(cues).to.have.length(2_000);
    for (const cue of cues) expect(store.timeline.effectiveEnd(cue)!).to.be.greaterThan(6_000);
    store.prune(9_000);
    expect(store.$cues.get()[0]!.id).to.equal('json:c3000');
    store.destroy();
  });

  it('drops a side-car whose load was aborted mid-parse', async () => {
    const store = createCueStore({ fetch: fetchOf(bigJson()) });
    const abort = new AbortController();
    const loading = store.loadSideCar('/cues.json', abort.signal);
    setTimeout(() => abort.abort(), 0);
    await loading;
    expect(store.$cues.get()).to.have.length(0);
    store.destroy();
  });

  it('adds large host lists in slices, in call order, and forgets them on clear', async () => {
    const store = createCueStore();
    const entries = Array.from({ length: SYNC_ENTRY_LIMIT + 500 }, (_, i) => ({
      id: `h${i}`,
      start: i,
      product: 'big',
    }));
    store.addCues(entries);
    // A later small call queues behind the large one, so its version of h3 wins.
    store.addCues([{ id: 'h3', start: 3, product: 'small' }]);
    expect(store.$cues.get()).to.have.length(0);
    await store.settled();
    expect(store.$cues.get()).to.have.length(SYNC_ENTRY_LIMIT + 500);
    expect(store.timeline.get('json:h3')!.payload.product).to.equal('small');
    expect(store.$cues.get().every((c) => c.source === 'api')).to.equal(true);

    store.addCues(entries.map((e) => ({ ...e, id: `x${e.id}` })));
    store.clear();
    await store.settled();
    expect(store.$cues.get()).to.have.length(0);

    // Small lists are still added at once.
    store.addCues([{ start: 1, product: 'now' }]);
    expect(store.$cues.get()).to.have.length(1);
    store.destroy();
  });

  it('removes a source in one change, whatever its size', async () => {
    const store = createCueStore({ fetch: fetchOf(bigJson()) });
    await store.loadSideCar('/cues.json', new AbortController().signal);
    store.addCues([{ start: 5, product: 'host' }]);
    const changes: number[] = [];
    store.$cues.listen((cues) => changes.push(cues.length));
    store.removeSources(['json', 'webvtt']);
    expect(changes).to.deep.equal([1]);
    expect(store.$cues.get()[0]!.payload.product).to.equal('host');
    store.destroy();
  });
});
