import { expect, waitUntil } from '@open-wc/testing';
import type { CueEventDetail } from '../../src/ui/player/cuecart-player.js';
import type { ProductCue } from '../../src/cues/product-cue.js';
import { FIXTURES, playsPast, videoOf, playersRemovedAfterEach } from '../helpers/player.js';

interface ExpectedCue {
  product: string;
  variant?: string;
  start: number;
  end: number | null;
}
interface Manifest {
  show: { cues: Array<{ start: number; effectiveEnd: number; payload: { product: string } }> };
  fixtures: Record<string, { cues: ExpectedCue[] }>;
}

const manifest: Manifest = await (await fetch('/test/fixtures/manifest.json')).json();
const SHOW = manifest.show.cues;
/** One frame at 30 fps plus scheduling slack; the benchmark measures the real figure. */
const FRAME_TOLERANCE = 0.1;
/** Parsed media times must match the schedule this closely. */
const TIME_TOLERANCE = 0.05;

const CARRIERS: Array<{
  name: string;
  attrs: Record<string, string>;
  source: string;
  expected: ExpectedCue[];
}> = [
  {
    name: 'ID3 in MPEG-TS',
    attrs: { src: FIXTURES.tsId3 },
    source: 'id3',
    expected: manifest.fixtures['hls-ts-id3']!.cues,
  },
  {
    name: 'emsg ID3 in fMP4',
    attrs: { src: FIXTURES.fmp4Emsg },
    source: 'emsg',
    expected: manifest.fixtures['hls-fmp4-emsg']!.cues,
  },
  {
    name: 'EXT-X-DATERANGE',
    attrs: { src: FIXTURES.daterange },
    source: 'daterange',
    expected: manifest.fixtures['hls-daterange']!.cues,
  },
  {
    name: 'WebVTT side-car',
    attrs: { src: FIXTURES.plainTs, cues: FIXTURES.cuesVtt },
    source: 'webvtt',
    expected: SHOW.map(toExpected),
  },
  {
    name: 'JSON side-car on MP4',
    attrs: { src: FIXTURES.mp4, cues: FIXTURES.cuesJson },
    source: 'json',
    expected: SHOW.map(toExpected),
  },
];

function toExpected(cue: Manifest['show']['cues'][number]): ExpectedCue {
  return { product: cue.payload.product, start: cue.start, end: null };
}

function productOf(cue: ProductCue) {
  return cue.payload.product;
}

describe('CuecartPlayer cues (real hls.js, every carrier)', () => {
  const mount = playersRemovedAfterEach();

  for (const carrier of CARRIERS) {
    it(`reads ${carrier.name} cues at the scheduled media times`, async () => {
      const player = mount(carrier.attrs);
      await waitUntil(
        () => player.cueList.length >= carrier.expected.length,
        `only ${player.cueList.length} cues arrived`,
        {
          timeout: 15_000,
        },
      );
      const cues = player.cueList;
      expect(cues.map(productOf)).to.deep.equal(carrier.expected.map((c) => c.product));
      cues.forEach((cue, i) => {
        const expected = carrier.expected[i]!;
        expect(cue.source).to.equal(carrier.source);
        expect(cue.start).to.be.closeTo(expected.start, TIME_TOLERANCE);
        // Effective ends: stated end, else the next cue (the scheduler's rule).
        expect(player.cueStore!.timeline.effectiveEnd(cue)).to.be.closeTo(
          SHOW[i]!.effectiveEnd,
          TIME_TOLERANCE,
        );
      });
    });
  }

  it('shows a cue on the frame at its start, not when its segment is parsed', async () => {
    const player = mount({ src: FIXTURES.tsId3 });
    const entered: CueEventDetail[] = [];
    player.addEventListener('cuecart-cue-enter', (e) => entered.push(e.detail));
    await waitUntil(() => player.cueList.length === 4, 'cues not parsed', { timeout: 15_000 });
    // Parsed seconds ahead, yet nothing is active before its frame.
    expect(player.activeCues).to.deep.equal([]);
    await playsPast(player, 1.3);
    const first = entered[0]!;
    expect(first.cue.payload.product).to.equal('aurora-headphones');
    expect(first.time).to.be.at.least(1);
    expect(first.time - 1).to.be.below(FRAME_TOLERANCE);
  });

  it('gives the right product after seeking back and forth, without duplicate events', async () => {
    const player = mount({ src: FIXTURES.tsId3 });
    const log: string[] = [];
    player.addEventListener('cuecart-cue-enter', (e) =>
      log.push(`+${e.detail.cue.payload.product}`),
    );
    player.addEventListener('cuecart-cue-exit', (e) =>
      log.push(`-${e.detail.cue.payload.product}`),
    );
    await waitUntil(() => player.cueList.length === 4, 'cues not parsed', { timeout: 15_000 });
    const video = videoOf(player);
    const seekTo = async (time: number) => {
      const seeked = new Promise((resolve) =>
        video.addEventListener('seeked', resolve, { once: true }),
      );
      player.currentTime = time;
      await seeked;
      await waitUntil(() => Math.abs(player.currentTime - time) < 0.5);
      // The scheduler follows presented frames; give it one.
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    };
    const activeProducts = () => player.activeCues.map(productOf);

    await seekTo(14);
    await waitUntil(
      () => activeProducts().join() === 'drift-sneakers',
      `active: ${activeProducts()}`,
    );
    await seekTo(8);
    await waitUntil(() => activeProducts().join() === 'ember-mug', `active: ${activeProducts()}`);
    await seekTo(2);
    await waitUntil(
      () => activeProducts().join() === 'aurora-headphones',
      `active: ${activeProducts()}`,
    );
    await seekTo(6.5);
    await waitUntil(() => activeProducts().length === 0, `active: ${activeProducts()}`);
    await seekTo(20);
    await waitUntil(
      () => activeProducts().join() === 'solstice-sunglasses',
      `active: ${activeProducts()}`,
    );
    expect(log).to.deep.equal([
      '+drift-sneakers',
      '-drift-sneakers',
      '+ember-mug',
      '-ember-mug',
      '+aurora-headphones',
      '-aurora-headphones',
      '+solstice-sunglasses',
    ]);
  });

  it('keeps playing through malformed ID3 and reports each bad cue once', async () => {
    const player = mount({ src: FIXTURES.badId3 });
    const codes: string[] = [];
    player.addEventListener('cuecart-error', (e) => codes.push(e.detail.code));
    await playsPast(player, 3);
    expect(player.error).to.equal(null);
    expect(codes.filter((code) => code === 'cue-invalid').length).to.be.greaterThan(0);
    // Besides the dropped cues, only the valid cue's product (no feed given) may be reported.
    expect(
      codes.filter((code) => code !== 'cue-invalid' && code !== 'product-unknown'),
    ).to.deep.equal([]);
    const expected = manifest.fixtures['hls-ts-bad-id3']!.cues.map((cue) => cue.product);
    await waitUntil(() => player.cueList.length >= expected.length, 'valid cues missing');
    expect(player.cueList.map(productOf)).to.deep.equal(expected);
  });

  it('reports a side-car list that cannot be loaded as cues-load-failed', async () => {
    const player = mount({ src: FIXTURES.mp4 });
    const error = new Promise<string>((resolve) =>
      player.addEventListener('cuecart-error', (e) => resolve(e.detail.code), { once: true }),
    );
    player.cues = '/test/fixtures/cues/missing.json';
    expect(await error).to.equal('cues-load-failed');
    await playsPast(player, 0.5);
  });

  it('replaces only the side-car cues when the cues URL changes', async () => {
    const player = mount({ src: FIXTURES.tsId3 });
    player.cueList = [{ start: 0.2, end: 0.8, product: 'canvas-tote' }];
    await waitUntil(
      () => player.cueList.filter((c) => c.source === 'id3').length === 4,
      'stream cues',
    );
    const sources = () => player.cueList.map((c) => c.source).sort();
    player.cues = FIXTURES.cuesJson;
    await waitUntil(() => player.cueList.some((c) => c.source === 'json'), 'json cues');
    expect(sources().filter((s) => s === 'json')).to.have.length(4);
    player.cues = FIXTURES.cuesVtt;
    await waitUntil(() => player.cueList.some((c) => c.source === 'webvtt'), 'vtt cues');
    expect(sources()).to.deep.equal(['api', ...Array(4).fill('id3'), ...Array(4).fill('webvtt')]);
    // A framework removing the prop sets undefined: the host cues go, nothing throws.
    player.cueList = undefined;
    expect(sources().includes('api')).to.equal(false);
  });

  it('takes cues from the JS API', async () => {
    const player = mount({ src: FIXTURES.mp4 });
    player.addCues([{ start: 0.2, end: 5, product: 'canvas-tote' }]);
    await playsPast(player, 0.5);
    await waitUntil(() => player.activeCues.length === 1);
    expect(player.activeCues[0]!.payload.product).to.equal('canvas-tote');
    expect(player.activeCues[0]!.source).to.equal('api');
  });

  it('keeps the cue count bounded while a live window slides', async function () {
    this.timeout(60_000);
    const player = mount({ src: `${FIXTURES.liveTs}?window=3` });
    const sources = new Set<string>();
    let entered = 0;
    player.addEventListener('cuecart-cue-enter', (e) => {
      entered += 1;
      sources.add(e.detail.cue.source);
    });
    await playsPast(player, 0.5);
    const windowStart = () => player.mediaStore.get().liveWindowStart ?? NaN;
    const firstWindowStart = windowStart();
    let maxCount = 0;
    // Watch for about 20 s of wall time: ten segment slides of a three-segment window.
    const until = performance.now() + 20_000;
    while (performance.now() < until) {
      maxCount = Math.max(maxCount, player.cueList.length);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(windowStart() - firstWindowStart).to.be.greaterThan(12);
    expect(entered).to.be.greaterThan(1);
    // A 6 s window plus the buffer ahead holds at most three of the show's cues.
    expect(maxCount).to.be.at.most(4);
    const horizon = Math.min(windowStart(), player.currentTime);
    for (const cue of player.cueList) {
      expect(player.cueStore!.timeline.effectiveEnd(cue)!).to.be.greaterThan(horizon - 0.001);
    }
    expect(player.error).to.equal(null);
    expect([...sources].every((s) => s === 'id3' || s === 'daterange')).to.equal(true);
  });
});
