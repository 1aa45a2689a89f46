import { expect } from '@open-wc/testing';
import type { CuecartError } from '../../../src/internal/errors.js';
import { createCueStore } from '../../../src/state/cue-store.js';
import { FakeFrameClock } from '../../helpers/fake-frame-clock.js';

// The side-car poller and the WebVTT parser are a chunk the cue store imports on the first
// `loadSideCar` (docs/decisions/0047-…): these tests pin that the cues still enter on the right
// frames, in order, and that nothing is fetched for a store gone before the chunk arrived.

const FPS = 30;

const VTT = `WEBVTT

00:00:01.000 --> 00:00:02.000
{"product":"vtt-a"}

00:00:02.500 --> 00:00:04.000
{"product":"vtt-b"}
`;

const JSON_LIST = JSON.stringify({
  cues: [
    { id: 'a', start: 1, end: 2, product: 'json-a' },
    { id: 'b', start: 2.5, product: 'json-b' },
  ],
});

/** A `fetch` answering `body` and counting its calls. */
function fetchOf(body: string) {
  const calls: string[] = [];
  const fetchFn = (async (url: string) => {
    calls.push(url);
    return new Response(body);
  }) as unknown as typeof fetch;
  return { fetchFn, calls };
}

/** Plays frames from 0 to `until` s at {@link FPS}, recording enter/exit with their frame time. */
function playFrames(clock: FakeFrameClock, until: number) {
  for (let f = 0; f <= until * FPS; f++) clock.frame(f / FPS);
}

for (const [kind, body, url] of [
  ['WebVTT', VTT, '/cues.vtt'],
  ['JSON', JSON_LIST, '/cues.json'],
] as const) {
  describe(`cue store with a ${kind} side-car (lazily loaded parser)`, () => {
    it('enters and exits each cue on the first frame at or after its times, in order', async () => {
      const events: string[] = [];
      const errors: CuecartError[] = [];
      const { fetchFn, calls } = fetchOf(body);
      const store = createCueStore({
        fetch: fetchFn,
        onError: (e) => errors.push(e),
        onEnter: (cue, t) => events.push(`enter ${cue.payload.product} @${Math.round(t * FPS)}`),
        onExit: (cue, t) => events.push(`exit ${cue.payload.product} @${Math.round(t * FPS)}`),
      });
      const clock = new FakeFrameClock();
      store.attachClock(clock);
      // Host entries stay synchronous while the side-car's chunk is still loading.
      const loading = store.loadSideCar(url, new AbortController().signal);
      store.addCues([{ id: 'host', start: 5, product: 'host' }]);
      expect(store.$cues.get().map((c) => c.id)).to.deep.equal(['json:host']);
      await loading;
      expect(errors).to.deep.equal([]);
      expect(calls).to.deep.equal([url]);
      playFrames(clock, 6);
      const p = kind === 'WebVTT' ? 'vtt' : 'json';
      expect(events).to.deep.equal([
        `enter ${p}-a @30`,
        `exit ${p}-a @60`,
        `enter ${p}-b @75`,
        ...(kind === 'WebVTT' ? [`exit ${p}-b @120`] : []),
        // A JSON cue without an end lasts until the next cue starts.
        ...(kind === 'JSON' ? [`exit ${p}-b @150`] : []),
        'enter host @150',
      ]);
      store.destroy();
    });

    it('fetches nothing when the store is destroyed or the load aborted before the chunk came', async () => {
      const first = fetchOf(body);
      const destroyed = createCueStore({ fetch: first.fetchFn });
      const loading = destroyed.loadSideCar(url, new AbortController().signal);
      destroyed.destroy();
      await loading;
      expect(first.calls).to.deep.equal([]);

      const second = fetchOf(body);
      const store = createCueStore({ fetch: second.fetchFn });
      const abort = new AbortController();
      const aborted = store.loadSideCar(url, abort.signal);
      abort.abort();
      await aborted;
      expect(second.calls).to.deep.equal([]);
      expect(store.$cues.get()).to.deep.equal([]);
      store.destroy();
    });
  });
}
