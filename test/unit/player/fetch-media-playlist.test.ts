import { expect } from '@open-wc/testing';
import { parsePlaylist, type MediaPlaylist } from '../../../src/cues/media-playlist.js';
import {
  MAX_PLAYLIST_CHARS,
  fetchMediaPlaylist,
} from '../../../src/player/fetch-media-playlist.js';
import { anchorsFromPlaylist } from '../../../src/player/native-program-date-time.js';

const T0 = Date.parse('2030-05-01T12:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

/** A live window of four 2 s segments dated from T0 + 250 ms, the last two after a clock jump. */
const LIVE_PLAYLIST = [
  '#EXTM3U',
  '#EXT-X-TARGETDURATION:2',
  '#EXT-X-MEDIA-SEQUENCE:40',
  `#EXT-X-PROGRAM-DATE-TIME:${iso(T0 + 250)}`,
  '#EXTINF:2,',
  'seg-40.ts',
  '#EXTINF:2,',
  'seg-41.ts',
  '#EXT-X-DISCONTINUITY',
  `#EXT-X-PROGRAM-DATE-TIME:${iso(T0 + 60_000)}`,
  '#EXTINF:2,',
  'seg-42.ts',
  '#EXTINF:2,',
  'seg-43.ts',
].join('\n');

const media = (text: string) => parsePlaylist(text) as MediaPlaylist;

/** A fetch answering from a table of URL → body (or status), recording what was asked. */
function fakeFetch(table: Record<string, string | number>) {
  const asked: string[] = [];
  const doFetch = (async (input: RequestInfo | URL) => {
    const url = String(input);
    asked.push(url);
    const entry = table[url];
    if (entry === undefined || typeof entry === 'number') {
      return new Response('', { status: typeof entry === 'number' ? entry : 404 });
    }
    return new Response(entry, { status: 200 });
  }) as typeof fetch;
  return { asked, doFetch };
}

describe('anchorsFromPlaylist', () => {
  it('takes the segment dated within the rounding of the start date as media time 0', () => {
    // WebKit rounds T0 + 250 ms to whole seconds: T0.
    expect(anchorsFromPlaylist(media(LIVE_PLAYLIST), T0)).to.deep.equal([
      { mediaTime: 0, date: T0 + 250, duration: 2 },
      { mediaTime: 2, date: T0 + 2_250, duration: 2 },
      // Across the discontinuity: the playlist's durations place it, its own date dates it.
      { mediaTime: 4, date: T0 + 60_000, duration: 2 },
      { mediaTime: 6, date: T0 + 62_000, duration: 2 },
    ]);
    // Safari's timeline starting at the second listed segment (the window slid before it loaded).
    expect(anchorsFromPlaylist(media(LIVE_PLAYLIST), T0 + 2_000)![0]).to.deep.equal({
      mediaTime: 0,
      date: T0 + 2_250,
      duration: 2,
    });
  });

  it('gives nothing when no segment, or more than one, matches', () => {
    expect(anchorsFromPlaylist(media(LIVE_PLAYLIST), T0 + 30_000)).to.equal(undefined);
    const parts = [
      '#EXTM3U',
      '#EXT-X-TARGETDURATION:1',
      `#EXT-X-PROGRAM-DATE-TIME:${iso(T0)}`,
      '#EXTINF:0.4,',
      'a.ts',
      '#EXTINF:0.4,',
      'b.ts',
    ].join('\n');
    expect(anchorsFromPlaylist(media(parts), T0)).to.equal(undefined);
    const undated = ['#EXTM3U', '#EXT-X-TARGETDURATION:2', '#EXTINF:2,', 'a.ts'].join('\n');
    expect(anchorsFromPlaylist(media(undated), T0)).to.equal(undefined);
  });
});

describe('fetchMediaPlaylist', () => {
  const signal = new AbortController().signal;

  it('reads a media playlist, or the first variant of a multivariant one', async () => {
    const { asked, doFetch } = fakeFetch({
      'https://cdn.example/show/media.m3u8': LIVE_PLAYLIST,
      'https://cdn.example/show/master.m3u8': [
        '#EXTM3U',
        '#EXT-X-STREAM-INF:BANDWIDTH=800000',
        'low/index.m3u8',
        '#EXT-X-STREAM-INF:BANDWIDTH=2000000',
        'high/index.m3u8',
      ].join('\n'),
      'https://cdn.example/show/low/index.m3u8': LIVE_PLAYLIST,
    });
    const direct = await fetchMediaPlaylist('https://cdn.example/show/media.m3u8', {
      signal,
      fetch: doFetch,
    });
    expect(direct?.segments).to.have.length(4);
    const viaMaster = await fetchMediaPlaylist('https://cdn.example/show/master.m3u8', {
      signal,
      fetch: doFetch,
    });
    expect(viaMaster?.segments[0]!.date).to.equal(T0 + 250);
    expect(asked).to.deep.equal([
      'https://cdn.example/show/media.m3u8',
      'https://cdn.example/show/master.m3u8',
      'https://cdn.example/show/low/index.m3u8',
    ]);
  });

  it('gives up quietly on errors, non-playlists, oversized bodies and unsafe URLs', async () => {
    const { asked, doFetch } = fakeFetch({
      'https://cdn.example/gone.m3u8': 404,
      'https://cdn.example/page.m3u8': '<html>not a playlist</html>',
      'https://cdn.example/huge.m3u8': `#EXTM3U\n#${'x'.repeat(MAX_PLAYLIST_CHARS)}`,
      'https://cdn.example/nested.m3u8': '#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1\nnested.m3u8',
    });
    const read = (url: string) => fetchMediaPlaylist(url, { signal, fetch: doFetch });
    expect(await read('https://cdn.example/gone.m3u8')).to.equal(undefined);
    expect(await read('https://cdn.example/page.m3u8')).to.equal(undefined);
    expect(await read('https://cdn.example/huge.m3u8')).to.equal(undefined);
    expect(await read('https://cdn.example/nested.m3u8'), 'one level of variants').to.equal(
      undefined,
    );
    expect(await read('javascript:alert(1)')).to.equal(undefined);
    expect(asked).to.not.include('javascript:alert(1)');
    const failing = (async () => {
      throw new TypeError('network');
    }) as typeof fetch;
    expect(
      await fetchMediaPlaylist('https://cdn.example/x.m3u8', { signal, fetch: failing }),
    ).to.equal(undefined);
  });
});
