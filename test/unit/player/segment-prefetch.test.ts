import { expect } from '@open-wc/testing';
import type {
  FragmentLoaderContext,
  HlsConfig,
  LoaderCallbacks,
  LoaderConfiguration,
  LoaderResponse,
  LoaderStats,
} from 'hls.js';
import {
  prefetchedPlaylistOf,
  prefetchPlaylist,
  takePrefetchedPlaylist,
} from '../../../src/player/playlist-prefetch.js';
import { defineCuecart } from '../../../src/define-elements.js';
import type { CuecartPlayer } from '../../../src/ui/player/cuecart-player.js';
import { prefetchedSegmentLoader } from '../../../src/player/prefetched-segment-loader.js';
import { prefetchRenditions } from '../../../src/player/rendition-prefetch.js';
import {
  firstSegmentUrls,
  prefetchFirstSegment,
  type PrefetchedSegment,
  type SegmentResponse,
} from '../../../src/player/segment-prefetch.js';
import { fakeBase, delivered } from '../../helpers/fake-hls-loader.js';
import { FIXTURES, playsPast } from '../../helpers/player.js';

const BASE = 'https://cdn.example/shows/aurora/index.m3u8';
const playlist = (lines: string[], url = BASE) => ({
  url,
  status: 200,
  text: ['#EXTM3U', ...lines].join('\n'),
});
const VOD_TAIL = ['#EXTINF:2,', 'seg-01.ts', '#EXT-X-ENDLIST'];

describe('firstSegmentUrls', () => {
  it('names a replay’s first segment, resolved against the playlist’s final URL', () => {
    const vod = playlist(['#EXT-X-TARGETDURATION:2', '#EXTINF:2,', 'seg-00.ts', ...VOD_TAIL]);
    expect(firstSegmentUrls(vod)).to.deep.equal(['https://cdn.example/shows/aurora/seg-00.ts']);
    const redirected = { ...vod, url: 'https://edge.example/a/index.m3u8' };
    expect(firstSegmentUrls(redirected)).to.deep.equal(['https://edge.example/a/seg-00.ts']);
    const absolute = playlist(['#EXTINF:2,', 'https://media.example/x.ts?t=1', ...VOD_TAIL]);
    expect(firstSegmentUrls(absolute)).to.deep.equal(['https://media.example/x.ts?t=1']);
    const crlf = { ...vod, text: vod.text.replaceAll('\n', '\r\n') };
    expect(firstSegmentUrls(crlf)).to.deep.equal(['https://cdn.example/shows/aurora/seg-00.ts']);
  });

  it('names the initialization section first when the segment has one', () => {
    const fmp4 = playlist([
      '#EXT-X-VERSION:7',
      '#EXT-X-MAP:URI="init.mp4"',
      '#EXT-X-PROGRAM-DATE-TIME:2026-01-01T00:00:00.000Z',
      '#EXTINF:2.002,',
      'seg-00.m4s',
      ...VOD_TAIL,
    ]);
    expect(firstSegmentUrls(fmp4)).to.deep.equal([
      'https://cdn.example/shows/aurora/init.mp4',
      'https://cdn.example/shows/aurora/seg-00.m4s',
    ]);
  });

  it('names nothing where hls.js’s first segment is not certain', () => {
    const cases: Record<string, string[]> = {
      'a multivariant playlist (hls.js picks the variant)': [
        '#EXT-X-STREAM-INF:BANDWIDTH=800000',
        'low/index.m3u8',
        '#EXT-X-ENDLIST',
      ],
      'a start offset': ['#EXT-X-START:TIME-OFFSET=10', '#EXTINF:2,', 'seg-00.ts', ...VOD_TAIL],
      'a byte range': ['#EXTINF:2,', '#EXT-X-BYTERANGE:1000@0', 'all.ts', ...VOD_TAIL],
      'an initialization byte range': [
        '#EXT-X-MAP:URI="all.mp4",BYTERANGE="700@0"',
        '#EXTINF:2,',
        'seg-00.m4s',
        ...VOD_TAIL,
      ],
      'a gap': ['#EXTINF:2,', '#EXT-X-GAP', 'seg-00.ts', ...VOD_TAIL],
      'a URI before any EXTINF': ['seg-00.ts', ...VOD_TAIL],
      'a script URL': ['#EXTINF:2,', 'javascript:alert(1)', ...VOD_TAIL],
      'a data: initialization section': [
        '#EXT-X-MAP:URI="data:video/mp4;base64,AAAA"',
        '#EXTINF:2,',
        'seg-00.m4s',
        ...VOD_TAIL,
      ],
      'no segment': ['#EXT-X-ENDLIST'],
      'low-latency parts': [
        '#EXT-X-TARGETDURATION:2',
        '#EXT-X-PART-INF:PART-TARGET=0.5',
        '#EXTINF:2,',
        'seg-00.ts',
        '#EXT-X-PART:DURATION=0.5,URI="p0.ts"',
      ],
      'a live playlist without a target duration': ['#EXTINF:2,', 'seg-00.ts'],
    };
    for (const [name, lines] of Object.entries(cases)) {
      expect(firstSegmentUrls(playlist(lines)), name).to.deep.equal([]);
    }
    const notAPlaylist = { url: BASE, status: 200, text: '<html>#EXT-X-ENDLIST\nseg.ts' };
    expect(firstSegmentUrls(notAPlaylist)).to.deep.equal([]);
  });
});

describe('firstSegmentUrls, live', () => {
  /** A live playlist of `durations`, segments `s<i>.ts`, after `head` lines. */
  const live = (durations: number[], head: string[] = ['#EXT-X-TARGETDURATION:2']) =>
    playlist([
      ...head,
      '#EXT-X-MEDIA-SEQUENCE:100',
      ...durations.flatMap((d, i) => [`#EXTINF:${d},`, `s${i}.ts`]),
    ]);
  const url = (name: string) => `https://cdn.example/shows/aurora/${name}`;

  it('names the segment hls.js starts a live playlist at: three target durations before the edge', () => {
    // 6 × 2 s: the edge at 12 s, the start at 6 s, the 4th segment's start.
    expect(firstSegmentUrls(live([2, 2, 2, 2, 2, 2]))).to.deep.equal([url('s3.ts')]);
    // Segments a little longer than their target duration: 6 s before the edge (4.01 s) is just
    // inside the 3rd.
    expect(firstSegmentUrls(live([2.002, 2.002, 2.002, 2.002, 2.002]))).to.deep.equal([
      url('s2.ts'),
    ]);
    // A window shorter than three target durations starts at its first segment.
    expect(firstSegmentUrls(live([2, 2]))).to.deep.equal([url('s0.ts')]);
  });

  it('starts at the server’s hold-back when it has one', () => {
    const head = [
      '#EXT-X-TARGETDURATION:2',
      '#EXT-X-SERVER-CONTROL:CAN-SKIP-UNTIL=12,HOLD-BACK=10',
    ];
    // Edge 12 s − 10 s: 2 s, the 2nd segment (its start; the 1 s margin stays in it).
    expect(firstSegmentUrls(live([2, 2, 2, 2, 2, 2], head))).to.deep.equal([url('s1.ts')]);
  });

  it('names nothing when hls.js’s start position is within a second of a segment boundary', () => {
    // 6 × 1.998 s: the start (5.988 s) falls 6 ms before the 4th segment's start; hls.js measures
    // the edge from when it got the playlist, so it may start in either.
    expect(firstSegmentUrls(live([1.998, 1.998, 1.998, 1.998, 1.998, 1.998]))).to.deep.equal([]);
    // 1 s segments: a boundary within any 1 s.
    expect(
      firstSegmentUrls(live([1, 1, 1, 1, 1, 1, 1, 1], ['#EXT-X-TARGETDURATION:1'])),
    ).to.deep.equal([]);
  });

  it('names the initialization section in force at the live start segment', () => {
    const fmp4 = playlist([
      '#EXT-X-TARGETDURATION:2',
      '#EXT-X-MAP:URI="old-init.mp4"',
      '#EXTINF:2,',
      's0.m4s',
      '#EXT-X-DISCONTINUITY',
      '#EXT-X-MAP:URI="init.mp4"',
      ...[1, 2, 3, 4, 5].flatMap((i) => ['#EXTINF:2,', `s${i}.m4s`]),
    ]);
    expect(firstSegmentUrls(fmp4)).to.deep.equal([url('init.mp4'), url('s3.m4s')]);
  });
});

function segment(
  url: string,
  result: Promise<SegmentResponse | null>,
  startedAt = performance.now() - 50,
): PrefetchedSegment {
  return { url, startedAt, result };
}

function response(url: string, bytes = 1000): SegmentResponse {
  const now = performance.now();
  return { url, status: 200, data: new ArrayBuffer(bytes), firstByteAt: now - 20, loadedAt: now };
}

const SEG = new URL('/show/seg-00.ts', location.href).href;
const INIT = new URL('/show/init.mp4', location.href).href;
const SEG_1 = new URL('/show/seg-01.ts', location.href).href;

function fragContext(
  url: string,
  sn: number | 'initSegment' = 0,
  type: 'main' | 'audio' | 'subtitle' = 'main',
): FragmentLoaderContext {
  return {
    url,
    frag: { sn, type },
    part: null,
    responseType: 'arraybuffer',
    rangeStart: 0,
    rangeEnd: 0,
  } as unknown as FragmentLoaderContext;
}

/**
 * `prefetchedSegmentLoader` once its segment list has settled (as in a player: hls.js asks for a
 * segment only after the prefetched playlist, and so the list, arrived).
 */
async function settledLoader(
  ...args: Parameters<typeof prefetchedSegmentLoader>
): Promise<ReturnType<typeof prefetchedSegmentLoader>> {
  const Loader = prefetchedSegmentLoader(...args);
  await new Promise((resolve) => setTimeout(resolve, 0));
  return Loader;
}

/** What a load through `loader` reported, in order (`progress <bytes>`, `success <url>`). */
async function loadThrough(
  Loader: ReturnType<typeof prefetchedSegmentLoader>,
  ctx: FragmentLoaderContext,
  config: Partial<LoaderConfiguration> = {},
  wait = 0,
): Promise<{ calls: string[]; stats: LoaderStats; statsKept: boolean }> {
  const loader = new Loader({} as HlsConfig);
  const original = loader.stats;
  const calls: string[] = [];
  const callbacks = {
    onProgress: (_s: LoaderStats, _c: unknown, data: ArrayBuffer) =>
      calls.push(`progress ${data.byteLength}`),
    onSuccess: (r: LoaderResponse) => calls.push(`success ${r.url}`),
    onError: () => calls.push('error'),
    onTimeout: () => calls.push('timeout'),
  } as unknown as LoaderCallbacks<FragmentLoaderContext>;
  loader.load(ctx, config as LoaderConfiguration, callbacks);
  await new Promise((resolve) => setTimeout(resolve, wait));
  await delivered();
  return { calls, stats: loader.stats, statsKept: loader.stats === original };
}

describe('prefetchedSegmentLoader', () => {
  it('answers each prefetched segment once, through onProgress then onSuccess', async () => {
    const { FakeLoader, loads } = fakeBase();
    const Loader = await settledLoader(
      FakeLoader,
      Promise.resolve([
        segment(INIT, Promise.resolve(response(INIT, 700))),
        segment(SEG, Promise.resolve(response(SEG, 1000))),
      ]),
    );
    const init = await loadThrough(Loader, fragContext(INIT, 'initSegment'));
    expect(init.calls).to.deep.equal(['progress 700', `success ${INIT}`]);
    const first = await loadThrough(Loader, fragContext(SEG));
    expect(first.calls).to.deep.equal(['progress 1000', `success ${SEG}`]);
    // hls.js keeps the loader's stats object as the fragment's: filled in, not replaced.
    expect(first.statsKept).to.equal(true);
    expect(first.stats.loaded).to.equal(1000);
    expect(first.stats.loading.first).to.be.at.least(first.stats.loading.start);
    expect(first.stats.loading.end).to.be.at.least(first.stats.loading.first);
    expect(Number.isFinite(first.stats.bwEstimate)).to.equal(true);
    expect(loads).to.deep.equal([]);
    // Asked again (a retry, a seek back): hls.js's own loader.
    await loadThrough(Loader, fragContext(SEG));
    await loadThrough(Loader, fragContext(SEG_1, 1));
    expect(loads).to.deep.equal([` ${SEG}`, ` ${SEG_1}`]);
  });

  it('lets the prefetch go once hls.js loads another media segment first', async () => {
    const { FakeLoader, loads } = fakeBase();
    const Loader = await settledLoader(
      FakeLoader,
      Promise.resolve([segment(SEG, Promise.resolve(response(SEG)))]),
    );
    // An initialization section it does not hold does not end it…
    await loadThrough(Loader, fragContext(INIT, 'initSegment'));
    // …a media segment elsewhere (a start position, a seek) does.
    await loadThrough(Loader, fragContext(SEG_1, 1));
    expect((await loadThrough(Loader, fragContext(SEG))).calls).to.deep.equal([]);
    expect(loads).to.deep.equal([` ${INIT}`, ` ${SEG_1}`, ` ${SEG}`]);
  });

  it('lets alternate audio and subtitle loads through without giving the prefetch up', async () => {
    const { FakeLoader, loads } = fakeBase();
    const segments = Promise.resolve([segment(SEG, Promise.resolve(response(SEG, 900)))]);
    const AUDIO = new URL('/show/audio/seg-00.aac', location.href).href;
    const VTT = new URL('/show/subs/seg-00.vtt', location.href).href;
    // Before the list has settled (hls.js's audio playlist may come first)…
    const Loader = prefetchedSegmentLoader(FakeLoader, segments);
    await loadThrough(Loader, fragContext(AUDIO, 0, 'audio'));
    await delivered();
    // …and after; the same URL as a prefetched one is still not answered for another type.
    await loadThrough(Loader, fragContext(VTT, 0, 'subtitle'));
    await loadThrough(Loader, fragContext(SEG, 0, 'audio'));
    expect(loads).to.deep.equal([` ${AUDIO}`, ` ${VTT}`, ` ${SEG}`]);
    const main = await loadThrough(Loader, fragContext(SEG));
    expect(main.calls).to.deep.equal(['progress 900', `success ${SEG}`]);
    expect(loads).to.have.length(3);
  });

  it('passes every load to hls.js’s loader when hls.js asks before the early requests are known', async () => {
    // The early playlist request failed or hung: hls.js loaded the playlist itself, and the list
    // (which follows that early request) has not settled.
    const { FakeLoader, loads } = fakeBase();
    let settle: (list: PrefetchedSegment[]) => void = () => {};
    const Loader = prefetchedSegmentLoader(
      FakeLoader,
      new Promise((resolve) => (settle = resolve)),
    );
    expect((await loadThrough(Loader, fragContext(SEG))).calls).to.deep.equal([]);
    settle([segment(SEG_1, Promise.resolve(response(SEG_1)))]);
    await delivered();
    expect((await loadThrough(Loader, fragContext(SEG_1, 1))).calls).to.deep.equal([]);
    expect(loads).to.deep.equal([` ${SEG}`, ` ${SEG_1}`]);
  });

  it('passes byte-range and failed loads to hls.js’s loader', async () => {
    const { FakeLoader, loads } = fakeBase();
    const Loader = await settledLoader(
      FakeLoader,
      Promise.resolve([
        segment(SEG, Promise.resolve(response(SEG))),
        segment(SEG_1, Promise.resolve(null)),
      ]),
    );
    const ranged = { ...fragContext(SEG), rangeStart: 0, rangeEnd: 500 };
    expect((await loadThrough(Loader, ranged)).calls).to.deep.equal([]);
    expect((await loadThrough(Loader, fragContext(SEG_1, 1))).calls).to.deep.equal([]);
    expect(loads).to.deep.equal([` ${SEG}`, ` ${SEG_1}`]);
  });

  it('asks hls.js’s loader when the prefetch has not answered within the time to first byte', async () => {
    const { FakeLoader, loads } = fakeBase();
    let answer: (response: SegmentResponse) => void = () => {};
    const slow = new Promise<SegmentResponse>((resolve) => (answer = resolve));
    const Loader = await settledLoader(FakeLoader, Promise.resolve([segment(SEG, slow)]));
    const config = { loadPolicy: { maxTimeToFirstByteMs: 30 } } as Partial<LoaderConfiguration>;
    const { calls } = await loadThrough(Loader, fragContext(SEG), config, 80);
    expect(loads).to.deep.equal([` ${SEG}`]);
    // Its late answer is dropped: hls.js's own request is the one that reports.
    answer(response(SEG));
    await delivered();
    expect(calls).to.deep.equal([]);
  });

  it('is destroyed by hls.js from the abort its own loader reports, once', async () => {
    const { FakeLoader } = fakeBase();
    const Loader = await settledLoader(FakeLoader, Promise.resolve([]));
    const loader = new Loader({} as HlsConfig);
    let aborts = 0;
    loader.load(
      fragContext(SEG_1, 1),
      {} as LoaderConfiguration,
      {
        onSuccess: () => {},
        onError: () => {},
        onTimeout: () => {},
        // hls.js's fragment loader: an abort resets (destroys) the loader.
        onAbort: () => {
          aborts++;
          loader.destroy();
        },
      } as LoaderCallbacks<FragmentLoaderContext>,
    );
    await delivered();
    loader.abort();
    expect(aborts).to.equal(1);
  });

  it('says nothing once destroyed before the prefetch answered', async () => {
    const { FakeLoader, loads } = fakeBase();
    let answer: (response: SegmentResponse) => void = () => {};
    const pending = new Promise<SegmentResponse>((resolve) => (answer = resolve));
    const Loader = await settledLoader(FakeLoader, Promise.resolve([segment(SEG, pending)]));
    const loader = new Loader({} as HlsConfig);
    let calls = 0;
    loader.load(
      fragContext(SEG),
      {} as LoaderConfiguration,
      {
        onSuccess: () => calls++,
        onProgress: () => calls++,
        onError: () => calls++,
      } as unknown as LoaderCallbacks<FragmentLoaderContext>,
    );
    await delivered();
    loader.destroy();
    answer(response(SEG));
    await delivered();
    expect(calls).to.equal(0);
    expect(loads).to.deep.equal([]);
  });
});

describe('prefetchFirstSegment', () => {
  it('requests a replay’s first segment once its playlist has arrived, kept with the playlist', async () => {
    const element = document.createElement('div');
    prefetchFirstSegment(element); // no playlist prefetched: nothing
    prefetchPlaylist(element, FIXTURES.tsId3);
    prefetchFirstSegment(element);
    const segments = takePrefetchedPlaylist(element, FIXTURES.tsId3)?.segments;
    const list = await segments!;
    expect(list.map((s) => s.url)).to.deep.equal([
      new URL(FIXTURES.tsId3.replace('index.m3u8', 'seg-00.ts'), location.href).href,
    ]);
    const bytes = await list[0]!.result;
    expect(bytes?.status).to.equal(200);
    // An MPEG-TS segment: 188-byte packets starting with the sync byte.
    expect(new Uint8Array(bytes!.data)[0]).to.equal(0x47);
  });

  it('requests a live show’s start segment', async () => {
    const element = document.createElement('div');
    prefetchPlaylist(element, FIXTURES.liveTs);
    prefetchFirstSegment(element);
    const list = await takePrefetchedPlaylist(element, FIXTURES.liveTs)!.segments!;
    expect(list).to.have.length(1);
    expect(list[0]!.url).to.match(/\/live\/ts\/seg-\d+\.ts$/);
    expect((await list[0]!.result)?.status).to.equal(200);
  });

  it('requests a multivariant show’s start variant’s first segment, from its early playlist', async () => {
    const element = document.createElement('div');
    prefetchPlaylist(element, FIXTURES.multivariant);
    prefetchFirstSegment(element);
    prefetchRenditions(element);
    const prefetched = takePrefetchedPlaylist(element, FIXTURES.multivariant)!;
    const list = await prefetched.segments!;
    // hls.js starts with the second variant listed (test/fixtures/show.mjs).
    const variant = new URL(FIXTURES.tsId3, location.href).href;
    expect(list.map((s) => s.url)).to.deep.equal([variant.replace('index.m3u8', 'seg-00.ts')]);
    const renditions = await prefetched.renditions!;
    expect(renditions.map((r) => r.url)).to.include(variant);
    // The start variant's playlist is marked; hls.js gets it once the segments are known.
    for (const rendition of renditions)
      expect(rendition.segments).to.equal(
        rendition.url === variant ? prefetched.segments : undefined,
      );
  });

  it('requests no multivariant first segment when the page’s hlsConfig moves the start variant', async () => {
    const element = document.createElement('div') as HTMLDivElement & { hlsConfig?: object };
    element.hlsConfig = { startLevel: 0 };
    prefetchPlaylist(element, FIXTURES.multivariant);
    prefetchFirstSegment(element);
    prefetchRenditions(element);
    const prefetched = takePrefetchedPlaylist(element, FIXTURES.multivariant)!;
    expect(await prefetched.segments).to.deep.equal([]);
    // Its playlists are still requested early (hls.js asks for one of them).
    expect(await prefetched.renditions).to.have.length(2);
  });

  it('requests nothing for a playlist that did not load', async () => {
    const element = document.createElement('div');
    const src = '/test/fixtures/missing/index.m3u8';
    prefetchPlaylist(element, src);
    prefetchFirstSegment(element);
    expect(await takePrefetchedPlaylist(element, src)!.segments).to.deep.equal([]);
  });

  it('requests nothing when the page’s hlsConfig changes where or how hls.js loads', () => {
    for (const hlsConfig of [
      { liveSyncDurationCount: 5 },
      { startPosition: 30 },
      { xhrSetup() {} },
    ]) {
      const element = Object.assign(document.createElement('div'), { hlsConfig });
      prefetchPlaylist(element, FIXTURES.tsId3);
      prefetchFirstSegment(element);
      const key = Object.keys(hlsConfig)[0];
      expect(takePrefetchedPlaylist(element, FIXTURES.tsId3)!.segments, key).to.equal(undefined);
    }
  });
});

describe('the first segment, in a real player and hls.js', () => {
  let player: CuecartPlayer | undefined;
  before(() => performance.setResourceTimingBufferSize(10_000));
  afterEach(() => player?.remove());

  // Real hls.js (1.x, pinned) on the test server's streams: the segments Cuecart predicts are the
  // very ones hls.js asks for first. A prediction one segment off fails here.
  for (const [name, src] of [
    ['an MPEG-TS replay', FIXTURES.tsId3],
    ['an fMP4 replay', FIXTURES.fmp4Emsg],
    ['an MPEG-TS live show', FIXTURES.liveTs],
    ['an fMP4 live show', FIXTURES.liveFmp4],
    // Its start variant is the second listed: a prediction "first listed" or "lowest" fails.
    ['a multivariant replay', FIXTURES.multivariant],
  ]) {
    it(`hls.js asks for the segments requested early for ${name}, and only once`, async () => {
      defineCuecart();
      const before = performance.getEntriesByType('resource').length;
      const element = document.createElement('cuecart-player');
      player = element;
      // As the player loader does before the player's engine starts.
      prefetchPlaylist(element, src!);
      prefetchFirstSegment(element);
      prefetchRenditions(element);
      const prefetched = prefetchedPlaylistOf(element)!;
      const asked: string[] = [];
      const predicted = (await prefetched.segments)!;
      // Each early request, marked when hls.js's loader asks for its answer.
      prefetched.segments = Promise.resolve(
        predicted.map((segment) => ({
          ...segment,
          result: {
            then: (resolve: never, reject: never) => {
              asked.push(segment.url);
              return segment.result.then(resolve, reject);
            },
          } as unknown as PrefetchedSegment['result'],
        })),
      );
      element.muted = true;
      element.setAttribute('loading', 'eager');
      element.setAttribute('src', src!);
      element.style.width = '320px';
      document.body.append(element);
      await playsPast(element, 0.5);
      expect(predicted.length).to.be.at.least(1);
      expect(asked).to.deep.equal(predicted.map((segment) => segment.url));
      for (const { url } of predicted) {
        const entries = performance
          .getEntriesByType('resource')
          .slice(before)
          .filter((entry) => entry.name === url);
        expect(entries.map((e) => (e as PerformanceResourceTiming).initiatorType)).to.deep.equal([
          'fetch',
        ]);
      }
    });
  }
});
