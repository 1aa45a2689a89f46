// Simulated live HLS: the committed 24 s fixture show, looped forever behind a sliding-window
// playlist that advances with the wall clock. Both cue carriers are live at once: aurora and ember
// travel in-band (timed ID3 in TS, emsg in fMP4), drift and solstice as EXT-X-DATERANGE.
//
//   /live/ts/index.m3u8     MPEG-TS, segments /live/ts/seg-<msn>.ts
//   /live/fmp4/index.m3u8   fMP4/CMAF, init /live/fmp4/init.mp4, segments /live/fmp4/seg-<msn>.m4s
//   ?window=N               number of segments in the playlist (default `windowSize`)
//
// Segment <msn> (absolute media sequence number) is source segment msn mod 12 of loop
// floor(msn / 12) and covers wall time startedAt + loop * 24 s + its offset in the source.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CUES, LIVE_IN_BAND_PRODUCTS, segmentIndexAt } from '../../test/fixtures/show.mjs';
import {
  cueDateRange,
  fmp4SegmentWithEmsg,
  fmp4Timing,
  tsMediaZero,
  tsSegmentWithId3,
} from '../../test/fixtures/tools/carriers.mjs';
import { parseMediaPlaylist, writeMediaPlaylist } from '../../test/fixtures/tools/playlist.mjs';

const IN_BAND = CUES.filter((cue) => LIVE_IN_BAND_PRODUCTS.includes(cue.payload.product));
const DATERANGE = CUES.filter((cue) => !LIVE_IN_BAND_PRODUCTS.includes(cue.payload.product));
const MAX_WINDOW = 60;

const FORMATS = {
  ts: { source: 'hls-plain-ts', ext: 'ts', type: 'video/mp2t', version: 3 },
  fmp4: { source: 'hls-fmp4-emsg', ext: 'm4s', type: 'video/mp4', version: 7 },
};

/**
 * Creates the simulated live stream handler.
 * @param {{ fixturesDir: string, windowSize?: number, now?: () => number, startedAt?: number }} options
 *   `startedAt`: wall time (ms) at which segment 0 began; by default a full window before the first playlist request,
 *   so the first request already sees `windowSize` segments. `now` is injectable for tests.
 * @returns {{ serve(pathname: string, searchParams: URLSearchParams, at?: { now?: number, endList?: boolean }): Promise<{ body: string | Uint8Array, type: string, cacheControl: string } | null>, handle(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse): boolean | Promise<boolean> }}
 */
export function createLiveHls({ fixturesDir, windowSize = 6, now = () => Date.now(), startedAt }) {
  /** @type {Map<string, Promise<Rendition>>} */
  const renditions = new Map();
  /** @type {number | undefined} */
  let origin = startedAt;
  // Resolved lazily so a default start does not depend on when the fixtures finish loading.
  const startTime = (loop) => {
    origin ??= now() - windowSize * loop.segments[0].duration * 1000;
    return origin;
  };

  /** @param {'ts' | 'fmp4'} kind */
  const rendition = (kind) => {
    let promise = renditions.get(kind);
    if (!promise) {
      promise = loadRendition(fixturesDir, kind);
      renditions.set(kind, promise);
      promise.catch(() => renditions.delete(kind));
    }
    return promise;
  };

  /**
   * The body of a live resource, or null when there is no such resource.
   * @param {string} pathname e.g. `/live/ts/index.m3u8`
   * @param {URLSearchParams} searchParams `window=N` for playlists
   * @param {{ now?: number, endList?: boolean }} [at] playlist as of wall time `now` (default: the
   *   clock), ended with EXT-X-ENDLIST when `endList` (used by media-faults.mjs)
   * @returns {Promise<{ body: string | Uint8Array, type: string, cacheControl: string } | null>}
   */
  async function serve(pathname, searchParams, at = {}) {
    const match = /^\/live\/(ts|fmp4)\/(?:(index\.m3u8)|(init\.mp4)|seg-(\d{1,9})\.(ts|m4s))$/.exec(
      pathname,
    );
    const kind = /** @type {'ts' | 'fmp4' | undefined} */ (match?.[1]);
    if (!match || !kind) return null;
    const [, , playlist, init, msnText, ext] = match;
    if ((init && kind !== 'fmp4') || (ext && ext !== FORMATS[kind].ext)) return null;
    const loop = await rendition(kind);
    if (playlist) {
      const requested = Number(searchParams.get('window'));
      const size =
        Number.isInteger(requested) && requested > 0 ? Math.min(requested, MAX_WINDOW) : windowSize;
      const text = livePlaylist(loop, {
        kind,
        windowSize: size,
        startedAt: startTime(loop),
        now: at.now ?? now(),
        endList: at.endList,
      });
      return { body: text, type: 'application/vnd.apple.mpegurl', cacheControl: 'no-cache' };
    }
    if (init && loop.init)
      return { body: loop.init, type: 'video/mp4', cacheControl: 'max-age=3600' };
    const msn = Number(msnText);
    return {
      body: loop.segments[msn % loop.segments.length].data,
      type: FORMATS[kind].type,
      cacheControl: 'max-age=3600',
    };
  }

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @param {URL} url
   */
  async function respond(req, res, url) {
    const served =
      req.method === 'GET' || req.method === 'HEAD'
        ? await serve(url.pathname, url.searchParams)
        : null;
    if (!served) return send(req, res, 404, 'text/plain', 'Not found\n');
    return send(req, res, 200, served.type, served.body, served.cacheControl);
  }

  return {
    serve,
    handle(req, res) {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (!url.pathname.startsWith('/live/')) return false;
      return respond(req, res, url).then(
        () => true,
        (error) => {
          if (!res.headersSent) send(req, res, 500, 'text/plain', `live-hls: ${error.message}\n`);
          else res.destroy(error);
          return true;
        },
      );
    },
  };
}

/**
 * @typedef {{ init?: Uint8Array, loopDuration: number, segments: Array<{ duration: number, start: number, data: Uint8Array }> }} Rendition
 */

/**
 * Reads one loop of a format and builds its live segments: in-band cues limited to
 * {@link LIVE_IN_BAND_PRODUCTS} (the others are announced as date ranges instead).
 * @param {string} fixturesDir
 * @param {'ts' | 'fmp4'} kind
 * @returns {Promise<Rendition>}
 */
async function loadRendition(fixturesDir, kind) {
  const dir = join(fixturesDir, FORMATS[kind].source);
  const playlist = parseMediaPlaylist(await readFile(join(dir, 'index.m3u8'), 'utf8'));
  const sources = await Promise.all(
    playlist.segments.map(async (s) => new Uint8Array(await readFile(join(dir, s.uri)))),
  );
  const init = playlist.map ? new Uint8Array(await readFile(join(dir, playlist.map))) : undefined;
  let build;
  if (kind === 'ts') {
    const zero = tsMediaZero(sources[0]);
    build = (data, i) => tsSegmentWithId3(data, i, IN_BAND, zero);
  } else {
    const timing = fmp4Timing(/** @type {Uint8Array} */ (init), sources[0]);
    build = (data, i) =>
      fmp4SegmentWithEmsg(data, i, IN_BAND, timing, (cue) => CUES.indexOf(cue) + 1);
  }
  let start = 0;
  const segments = playlist.segments.map((s, i) => {
    const segment = { duration: s.duration, start, data: build(sources[i], i) };
    start += s.duration;
    return segment;
  });
  return { init, loopDuration: start, segments };
}

/**
 * The live media playlist at wall time `now`. The last segment is the newest one whose wall time
 * has fully elapsed, as a live packager would publish it.
 * @param {Rendition} loop
 * @param {{ kind: 'ts' | 'fmp4', windowSize: number, startedAt: number, now: number, endList?: boolean }} options
 *   `endList`: the show has ended (EXT-X-ENDLIST closes the playlist)
 */
export function livePlaylist(loop, { kind, windowSize, startedAt, now, endList = false }) {
  const count = loop.segments.length;
  const elapsed = Math.max(0, (now - startedAt) / 1000);
  const loopsDone = Math.floor(elapsed / loop.loopDuration);
  const intoLoop = elapsed - loopsDone * loop.loopDuration;
  const completed =
    loopsDone * count + loop.segments.filter((s) => s.start + s.duration <= intoLoop + 1e-9).length;
  const last = Math.max(0, completed - 1);
  const first = Math.max(0, last - windowSize + 1);
  /** Media-stream time (s since startedAt) at which segment `msn` begins. */
  const startOf = (msn) =>
    Math.floor(msn / count) * loop.loopDuration + loop.segments[msn % count].start;
  const dateOf = (seconds) => new Date(startedAt + Math.round(seconds * 1000)).toISOString();
  const targetDuration = Math.ceil(Math.max(...loop.segments.map((s) => s.duration)));

  const rangesFor = (msn) => {
    const loopIndex = Math.floor(msn / count);
    return DATERANGE.filter((cue) => segmentIndexAt(cue.start) === msn % count).map((cue) =>
      cueDateRange(cue, {
        id: `loop-${loopIndex}-${cue.payload.product}`,
        startDate: dateOf(loopIndex * loop.loopDuration + cue.start),
        endOnNext: true,
      }),
    );
  };
  // Date ranges that began shortly before the window (within one target duration of it, or still
  // running) stay listed, so a player joining late still learns the product on screen.
  const windowStart = startOf(first);
  const earlier = [];
  for (let msn = Math.max(0, first - count); msn < first; msn++) {
    for (const range of rangesFor(msn)) {
      const start = (Date.parse(range.startDate) - startedAt) / 1000;
      const end = start + (range.duration ?? 0);
      if (start >= windowStart - targetDuration || end > windowStart) earlier.push(range);
    }
  }

  const segments = [];
  for (let msn = first; msn <= last; msn++) {
    const source = loop.segments[msn % count];
    segments.push({
      uri: `seg-${msn}.${FORMATS[kind].ext}`,
      duration: source.duration,
      // The tag belongs to the first segment of each new loop; once that segment is the first of
      // the window the tag goes and EXT-X-DISCONTINUITY-SEQUENCE (floor(first / count)) takes over.
      discontinuity: msn % count === 0 && msn > first,
      programDateTime: dateOf(startOf(msn)),
      dateRanges: rangesFor(msn),
    });
  }
  return writeMediaPlaylist({
    version: FORMATS[kind].version,
    targetDuration,
    mediaSequence: first,
    discontinuitySequence: Math.floor(first / count),
    independentSegments: true,
    map: kind === 'fmp4' ? 'init.mp4' : undefined,
    dateRanges: earlier,
    segments,
    endList,
  });
}

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {string} type
 * @param {string | Uint8Array} body
 * @param {string} [cacheControl]
 */
function send(req, res, status, type, body, cacheControl) {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': bytes.length,
    'Access-Control-Allow-Origin': '*',
    ...(cacheControl ? { 'Cache-Control': cacheControl } : {}),
  });
  res.end(req.method === 'HEAD' ? undefined : bytes);
}
