import { expect, waitUntil } from '@open-wc/testing';
import type { ProductCue } from '../../src/cues/product-cue.js';
import { FIXTURES, playsPast, playersRemovedAfterEach } from '../helpers/player.js';

/** The simulated live show loops a 24 s source; ember-mug travels in-band (ID3) at 7 s of it. */
const LOOP_MS = 24_000;
const SEGMENT_MS = 2_000;
const SEGMENTS_PER_LOOP = 12;
const EMBER_OFFSET_MS = 7_000;
const FRAME = 1 / 30;

/** Wall-clock start of the live show's loop 0, read from its playlist's program date-time. */
async function loopZeroDate(): Promise<{ loopZero: number; edge: number }> {
  const text = await (await fetch(FIXTURES.liveTs)).text();
  const sequence = Number(/#EXT-X-MEDIA-SEQUENCE:(\d+)/.exec(text)![1]);
  const dates = [...text.matchAll(/#EXT-X-PROGRAM-DATE-TIME:(\S+)/g)].map((m) => Date.parse(m[1]!));
  expect(dates.length, 'the live playlist carries EXT-X-PROGRAM-DATE-TIME').to.be.greaterThan(0);
  const loopZero =
    dates[0]! -
    (sequence % SEGMENTS_PER_LOOP) * SEGMENT_MS -
    Math.floor(sequence / SEGMENTS_PER_LOOP) * LOOP_MS;
  return { loopZero, edge: dates[dates.length - 1]! + SEGMENT_MS };
}

async function put(url: string, body: unknown): Promise<Response> {
  return fetch(url, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

describe('live cue list (<cuecart-player> + demo server)', () => {
  const mount = playersRemovedAfterEach();

  it('shows a cue PUT during the show on the same frame as the in-band ID3 cue of that moment', async function () {
    this.timeout(90_000);
    const list = `/live-cues/itest-${Date.now().toString(36)}.json`;
    const player = mount({ src: FIXTURES.liveTs, cues: list });
    const entered = new Map<string, { time: number; cue: ProductCue }>();
    player.addEventListener('cuecart-cue-enter', (e) => {
      const key =
        e.detail.cue.source === 'json'
          ? 'json'
          : `${e.detail.cue.payload.product}@${e.detail.cue.start.toFixed(3)}`;
      if (!entered.has(key)) entered.set(key, { time: e.detail.time, cue: e.detail.cue });
    });
    await playsPast(player, 0.5);

    // The producer presses "feature" for the ember-mug moment of the next loop, which the
    // packager has not even listed yet: the cue reaches the viewer ahead of the picture.
    const { loopZero, edge } = await loopZeroDate();
    const loop = Math.ceil((edge - loopZero - EMBER_OFFSET_MS) / LOOP_MS);
    const startDate = loopZero + loop * LOOP_MS + EMBER_OFFSET_MS;
    expect(startDate).to.be.greaterThan(edge);
    const response = await put(list, {
      refresh: 2,
      cues: [
        {
          id: 'feature-1',
          startDate: new Date(startDate).toISOString(),
          endDate: new Date(startDate + 3_000).toISOString(),
          product: 'canvas-tote',
        },
      ],
    });
    expect(response.status).to.equal(200);

    await waitUntil(
      () => player.cueList.some((c) => c.id === 'json:feature-1'),
      'the poller did not pick up the published cue',
      { timeout: 10_000 },
    );
    const published = player.cueList.find((c) => c.id === 'json:feature-1')!;
    expect(player.currentTime, 'published before the playhead got there').to.be.below(
      published.start,
    );

    await waitUntil(() => entered.has('json'), 'the published cue never entered', {
      timeout: 45_000,
      interval: 100,
    });
    const json = entered.get('json')!;
    const id3 = [...entered.entries()].find(
      ([key, value]) =>
        key.startsWith('ember-mug@') &&
        value.cue.source === 'id3' &&
        Math.abs(value.cue.start - json.cue.start) < 0.5,
    )?.[1];
    expect(id3, 'the in-band ID3 cue of the same moment entered').to.not.equal(undefined);
    // Placed through EXT-X-PROGRAM-DATE-TIME to within a frame of where the encoder put its tag…
    expect(Math.abs(json.cue.start - id3!.cue.start)).to.be.below(FRAME);
    // …and shown on the same presented frame, no later than one frame after its start.
    expect(json.time).to.equal(id3!.time);
    expect(json.time - json.cue.start).to.be.within(0, FRAME + 0.001);
    expect(json.cue.end! - json.cue.start).to.be.closeTo(3, 0.001);
    expect(player.error).to.equal(null);
  });

  it('drops a published cue that is withdrawn before it starts, and keeps one that started', async function () {
    this.timeout(60_000);
    const list = `/live-cues/itest-w-${Date.now().toString(36)}.json`;
    const player = mount({ src: FIXTURES.liveTs, cues: list });
    await playsPast(player, 0.5);
    const { edge } = await loopZeroDate();
    const soon = edge - 20_000;
    const later = edge + 600_000;
    await put(list, {
      refresh: 1,
      cues: [
        { id: 'past', startDate: new Date(soon).toISOString(), product: 'ember-mug' },
        { id: 'future', startDate: new Date(later).toISOString(), product: 'canvas-tote' },
      ],
    });
    await waitUntil(() => player.cueList.some((c) => c.id === 'json:future'), 'not picked up', {
      timeout: 10_000,
    });
    await put(list, { refresh: 1, cues: [] });
    await waitUntil(
      () => !player.cueList.some((c) => c.id === 'json:future'),
      'withdrawn cue stayed',
      { timeout: 10_000 },
    );
    expect(player.cueList.some((c) => c.id === 'json:past')).to.equal(true);
  });
});
