// The simulated live stream, driven by an injected clock.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createLiveHls } from '../../demo/server/live-hls.mjs';
import { CUES, DATERANGE_CLASS, LIVE_IN_BAND_PRODUCTS } from '../fixtures/show.mjs';
import { parseEmsgBox, readBoxes, removeBoxes } from '../fixtures/tools/emsg.mjs';
import { readCuecartPayload } from '../fixtures/tools/id3.mjs';
import { readPackets, readPes, readPmts, streamPids } from '../fixtures/tools/mpegts.mjs';
import { parseMediaPlaylist } from '../fixtures/tools/playlist.mjs';
import { callHandler } from './lib/call-handler.mjs';

const fixturesDir = fileURLToPath(new URL('../fixtures/', import.meta.url));
const fixture = (path) =>
  new Uint8Array(readFileSync(new URL(`../fixtures/${path}`, import.meta.url)));
const STARTED = Date.parse('2030-05-01T12:00:00.000Z');
const LOOP = 24_000;
const DATERANGE_CUES = CUES.filter((c) => !LIVE_IN_BAND_PRODUCTS.includes(c.payload.product));

function clock(offsetMs) {
  const state = { t: STARTED + offsetMs };
  return { now: () => state.t, set: (ms) => (state.t = STARTED + ms) };
}

async function playlistAt(kind, offsetMs, query = '') {
  const c = clock(offsetMs);
  const live = createLiveHls({ fixturesDir, now: c.now, startedAt: STARTED });
  const res = await callHandler(live, `/live/${kind}/index.m3u8${query}`);
  return { res, text: res.body.toString(), list: parseMediaPlaylist(res.body.toString()) };
}

describe('createLiveHls playlists', () => {
  it('slides a 6-segment window whose last segment has just completed', async () => {
    const c = clock(12_000);
    const live = createLiveHls({ fixturesDir, now: c.now, startedAt: STARTED });
    for (const [ms, first, last] of [
      [12_000, 0, 5],
      [13_999, 0, 5],
      [14_000, 1, 6],
      [20_500, 4, 9],
    ]) {
      c.set(ms);
      const list = parseMediaPlaylist(
        (await callHandler(live, '/live/ts/index.m3u8')).body.toString(),
      );
      assert.equal(list.mediaSequence, first, `at ${ms}`);
      assert.deepEqual(
        list.segments.map((s) => s.msn),
        Array.from({ length: last - first + 1 }, (_, i) => first + i),
      );
      assert.equal(list.segments.at(-1)?.uri, `seg-${last}.ts`);
      assert.equal(list.endList, false);
      assert.equal(list.targetDuration, 2);
    }
  });

  it('keeps media sequence, discontinuity sequence and program date-time right across loops', async () => {
    for (let ms = 10_000; ms < 4 * LOOP; ms += 1_700) {
      const { list, text } = await playlistAt('ts', ms);
      const last = Math.floor(ms / 2000) - 1;
      assert.equal(list.mediaSequence, Math.max(0, last - 5), `at ${ms}`);
      assert.equal(list.discontinuitySequence, Math.floor(list.mediaSequence / 12), `at ${ms}`);
      for (const s of list.segments) {
        assert.equal(s.dsn, Math.floor(s.msn / 12), `dsn of ${s.msn}`);
        assert.equal(s.discontinuity, s.msn % 12 === 0 && s.msn !== list.mediaSequence);
        assert.equal(Date.parse(/** @type {string} */ (s.programDateTime)), STARTED + s.msn * 2000);
        assert.equal(s.duration, 2);
      }
      assert.ok(!text.includes('#EXT-X-ENDLIST'));
      assert.ok(!text.includes('#EXT-X-PLAYLIST-TYPE'));
    }
  });

  it('announces drift and solstice as date ranges, unique per loop', async () => {
    // Window of loop 2, seg 6..11 (msn 30..35).
    const { list } = await playlistAt('ts', 2 * LOOP + 24_000);
    assert.deepEqual(
      list.dateRanges.map((r) => r.ID),
      ['loop-2-drift-sneakers', 'loop-2-solstice-sunglasses'],
    );
    for (const range of list.dateRanges) {
      const cue = /** @type {(typeof CUES)[number]} */ (
        DATERANGE_CUES.find((c) => range.ID.endsWith(c.payload.product))
      );
      assert.equal(range.CLASS, DATERANGE_CLASS);
      assert.equal(Date.parse(range['START-DATE']), STARTED + 2 * LOOP + cue.start * 1000);
      assert.equal(range.DURATION, String(cue.payload.duration));
      assert.equal(range['X-CUECART-PRODUCT'], cue.payload.product);
      assert.equal(range['X-CUECART-VARIANT'], cue.payload.variant);
    }
  });

  it('drops date ranges once they ended before the window', async () => {
    // msn 10..15 (window starts at 20 s): drift (13–18 s) is over, solstice (19–23 s) still runs.
    const { list } = await playlistAt('ts', 32_000);
    assert.equal(list.mediaSequence, 10);
    assert.deepEqual(
      list.dateRanges.map((r) => r.ID),
      ['loop-0-solstice-sunglasses'],
    );
    const later = await playlistAt('ts', 36_000); // msn 12..17: loop 0's are over, loop 1's not yet
    assert.deepEqual(
      later.list.dateRanges.map((r) => r.ID),
      [],
    );
  });

  it('honours ?window= and serves fMP4 with EXT-X-MAP', async () => {
    const { res, list } = await playlistAt('fmp4', 60_000, '?window=3');
    assert.equal(res.status, 200);
    assert.equal(res.headers['Content-Type'], 'application/vnd.apple.mpegurl');
    assert.equal(res.headers['Cache-Control'], 'no-cache');
    assert.equal(list.map, 'init.mp4');
    assert.deepEqual(
      list.segments.map((s) => s.uri),
      ['seg-27.m4s', 'seg-28.m4s', 'seg-29.m4s'],
    );
  });

  it('starts a full window before the first request by default', async () => {
    const live = createLiveHls({ fixturesDir, now: () => STARTED });
    const list = parseMediaPlaylist(
      (await callHandler(live, '/live/ts/index.m3u8')).body.toString(),
    );
    assert.deepEqual(
      list.segments.map((s) => s.msn),
      [0, 1, 2, 3, 4, 5],
    );
    assert.equal(
      Date.parse(/** @type {string} */ (list.segments.at(-1)?.programDateTime)),
      STARTED - 2000,
    );
  });
});

describe('createLiveHls segments', () => {
  const live = createLiveHls({ fixturesDir, now: () => STARTED + 1e6, startedAt: STARTED });

  it('serves TS segments from the ID3 fixture, with only the in-band cues', async () => {
    for (const msn of [0, 3, 6, 9, 12 * 7 + 6, 12 * 7 + 11]) {
      const res = await callHandler(live, `/live/ts/seg-${msn}.ts`);
      assert.equal(res.status, 200);
      assert.equal(res.headers['Content-Type'], 'video/mp2t');
      const body = new Uint8Array(res.body);
      const index = msn % 12;
      const source = fixture(`hls-ts-id3/seg-${String(index).padStart(2, '0')}.ts`);
      if (index !== 6 && index !== 9) {
        assert.ok(
          Buffer.from(body).equals(Buffer.from(source)),
          `seg-${msn} equals hls-ts-id3 seg ${index}`,
        );
        continue;
      }
      // Segments whose cue goes out as a date range: same PMT, same media, no ID3 PES.
      const pid = /** @type {number} */ (streamPids(body).metadata);
      assert.equal(readPes(body, pid).length, 0);
      assert.ok(readPmts(body).every((p) => p.crcValid));
      const media = (ts) =>
        readPackets(ts)
          .filter((p) => p.pid !== pid)
          .map((p) => Buffer.from(ts.subarray(p.offset, p.offset + 188)).toString('hex'));
      assert.deepEqual(media(body), media(source));
    }
  });

  it('serves fMP4 segments from the emsg fixture, with only the in-band cues', async () => {
    const init = await callHandler(live, '/live/fmp4/init.mp4');
    assert.equal(init.headers['Content-Type'], 'video/mp4');
    assert.ok(Buffer.from(init.body).equals(Buffer.from(fixture('hls-fmp4-emsg/init.mp4'))));
    for (const msn of [0, 3, 6, 9, 12 * 5 + 3, 12 * 5 + 9]) {
      const body = new Uint8Array((await callHandler(live, `/live/fmp4/seg-${msn}.m4s`)).body);
      const index = msn % 12;
      const source = fixture(`hls-fmp4-emsg/seg-${String(index).padStart(2, '0')}.m4s`);
      if (index !== 6 && index !== 9) {
        assert.ok(
          Buffer.from(body).equals(Buffer.from(source)),
          `seg-${msn} equals hls-fmp4-emsg seg ${index}`,
        );
        const emsg = readBoxes(body).filter((b) => b.type === 'emsg');
        for (const b of emsg) {
          const product = readCuecartPayload(
            parseEmsgBox(body.subarray(b.offset, b.offset + b.size)).messageData,
          ).product;
          assert.ok(LIVE_IN_BAND_PRODUCTS.includes(product));
        }
        continue;
      }
      assert.ok(
        Buffer.from(body).equals(Buffer.from(removeBoxes(source, (type) => type === 'emsg'))),
      );
    }
  });
});

describe('createLiveHls routing', () => {
  const live = createLiveHls({ fixturesDir, now: () => STARTED + 60_000, startedAt: STARTED });

  it('answers 404 for unknown paths under /live/', async () => {
    for (const url of [
      '/live/',
      '/live/ts/',
      '/live/ts/init.mp4',
      '/live/ts/seg-1.m4s',
      '/live/hls/index.m3u8',
      '/live/fmp4/seg-x.m4s',
      '/live/ts/index.m3u8/x',
    ]) {
      assert.equal((await callHandler(live, url))?.status, 404, url);
    }
    assert.equal((await callHandler(live, '/live/ts/index.m3u8', { method: 'POST' }))?.status, 404);
  });

  it('leaves other paths alone', async () => {
    assert.equal(await callHandler(live, '/test/fixtures/hls-ts-id3/index.m3u8'), null);
    assert.equal(await callHandler(live, '/livestream'), null);
  });

  it('answers HEAD without a body', async () => {
    const res = await callHandler(live, '/live/ts/seg-4.ts', { method: 'HEAD' });
    assert.equal(res.status, 200);
    assert.equal(res.body.length, 0);
    assert.ok(res.headers['Content-Length'] > 0);
  });
});
