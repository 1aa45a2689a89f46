import { expect } from '@open-wc/testing';
import type {
  FragmentLoaderContext,
  HlsConfig,
  LoaderCallbacks,
  LoaderConfiguration,
  LoaderResponse,
  LoaderStats,
} from 'hls.js';
import { prefetchPlaylist, takePrefetchedPlaylist } from '../../../src/player/playlist-prefetch.js';
import { prefetchedSegmentLoader } from '../../../src/player/prefetched-segment-loader.js';
import {
  firstSegmentUrls,
  prefetchFirstSegment,
  type PrefetchedSegment,
  type SegmentResponse,
} from '../../../src/player/segment-prefetch.js';
import { fakeBase } from '../../helpers/fake-hls-loader.js';
import { FIXTURES } from '../../helpers/player.js';

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
      'a live playlist (starts near its edge)': ['#EXTINF:2,', 'seg-00.ts', '#EXTINF:2,', 's1.ts'],
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
    };
    for (const [name, lines] of Object.entries(cases)) {
      expect(firstSegmentUrls(playlist(lines)), name).to.deep.equal([]);
    }
    const notAPlaylist = { url: BASE, status: 200, text: '<html>#EXT-X-ENDLIST\nseg.ts' };
    expect(firstSegmentUrls(notAPlaylist)).to.deep.equal([]);
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

function fragContext(url: string, sn: number | 'initSegment' = 0): FragmentLoaderContext {
  return {
    url,
    frag: { sn },
    part: null,
    responseType: 'arraybuffer',
    rangeStart: 0,
    rangeEnd: 0,
  } as unknown as FragmentLoaderContext;
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
  return { calls, stats: loader.stats, statsKept: loader.stats === original };
}

describe('prefetchedSegmentLoader', () => {
  it('answers each prefetched segment once, through onProgress then onSuccess', async () => {
    const { FakeLoader, loads } = fakeBase();
    const Loader = prefetchedSegmentLoader(
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
    const Loader = prefetchedSegmentLoader(
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

  it('passes byte-range and failed loads to hls.js’s loader', async () => {
    const { FakeLoader, loads } = fakeBase();
    const Loader = prefetchedSegmentLoader(
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
    const Loader = prefetchedSegmentLoader(FakeLoader, Promise.resolve([segment(SEG, slow)]));
    const config = { loadPolicy: { maxTimeToFirstByteMs: 30 } } as Partial<LoaderConfiguration>;
    const { calls } = await loadThrough(Loader, fragContext(SEG), config, 80);
    expect(loads).to.deep.equal([` ${SEG}`]);
    // Its late answer is dropped: hls.js's own request is the one that reports.
    answer(response(SEG));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls).to.deep.equal([]);
  });

  it('is destroyed by hls.js from the abort its own loader reports, once', async () => {
    const { FakeLoader } = fakeBase();
    const Loader = prefetchedSegmentLoader(FakeLoader, Promise.resolve([]));
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
    await new Promise((resolve) => setTimeout(resolve, 0));
    loader.abort();
    expect(aborts).to.equal(1);
  });

  it('says nothing once destroyed before the prefetch answered', async () => {
    const { FakeLoader, loads } = fakeBase();
    let answer: (response: SegmentResponse) => void = () => {};
    const pending = new Promise<SegmentResponse>((resolve) => (answer = resolve));
    const loader = new (prefetchedSegmentLoader(
      FakeLoader,
      Promise.resolve([segment(SEG, pending)]),
    ))({} as HlsConfig);
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
    await new Promise((resolve) => setTimeout(resolve, 0));
    loader.destroy();
    answer(response(SEG));
    await new Promise((resolve) => setTimeout(resolve, 0));
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

  it('requests nothing for a live playlist or one that did not load', async () => {
    for (const src of [FIXTURES.liveTs, '/test/fixtures/missing/index.m3u8']) {
      const element = document.createElement('div');
      prefetchPlaylist(element, src);
      prefetchFirstSegment(element);
      expect(await takePrefetchedPlaylist(element, src)!.segments, src).to.deep.equal([]);
    }
  });
});
