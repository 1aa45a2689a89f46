// Checks the committed media fixtures byte by byte against the show they claim to carry.
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  CUES,
  DATERANGE_CLASS,
  EMSG_ID3_SCHEME,
  MULTIVARIANT_LADDER,
  SHOW,
  effectiveEnd,
  segmentIndexAt,
  statedEnd,
} from '../fixtures/show.mjs';
import {
  findBoxes,
  parseEmsgBox,
  parseSidx,
  readBoxes,
  readInitTracks,
  readTfdt,
} from '../fixtures/tools/emsg.mjs';
import { parseId3, readCuecartPayload } from '../fixtures/tools/id3.mjs';
import {
  METADATA_STREAM_TYPE,
  readPackets,
  readPes,
  readPmts,
  streamPids,
} from '../fixtures/tools/mpegts.mjs';
import { multivariantFixture } from '../fixtures/tools/multivariant.mjs';
import { parseMediaPlaylist } from '../fixtures/tools/playlist.mjs';

const root = new URL('../fixtures/', import.meta.url);
const bytes = (path) => new Uint8Array(readFileSync(new URL(path, root)));
const text = (path) => readFileSync(new URL(path, root), 'utf8');
const manifest = JSON.parse(text('manifest.json'));
const playlist = (dir) => parseMediaPlaylist(text(`${dir}/index.m3u8`));
const segments = (dir) =>
  playlist(dir).segments.map((s) => ({ ...s, data: bytes(`${dir}/${s.uri}`) }));
const zeroPts = manifest.timing.tsFirstVideoPts;

describe('manifest.json', () => {
  it('describes the show from show.mjs', () => {
    assert.deepEqual(
      manifest.show.cues,
      CUES.map((cue, i) => ({
        start: cue.start,
        end: statedEnd(cue),
        effectiveEnd: effectiveEnd(i),
        payload: cue.payload,
      })),
    );
    assert.equal(manifest.show.duration, SHOW.duration);
    assert.equal(manifest.show.programDateTime, SHOW.programDateTime);
  });

  it('lists every show cue for each full-show carrier', () => {
    for (const name of ['hls-ts-id3', 'hls-fmp4-emsg', 'hls-daterange', 'cues-json', 'cues-vtt']) {
      const cues = manifest.fixtures[name].cues;
      assert.deepEqual(
        cues.map((c) => [c.product, c.start, c.variant]),
        CUES.map((c) => [c.payload.product, c.start, c.payload.variant]),
        name,
      );
    }
    assert.deepEqual(
      manifest.fixtures['hls-ts-id3'].cues.map((c) => c.end),
      [6, null, 18, 23],
    );
    assert.deepEqual(
      manifest.fixtures['cues-vtt'].cues.map((c) => c.end),
      [6, 13, 18, 23],
    );
    assert.deepEqual(
      manifest.fixtures['live-ts'].cues.map((c) => c.carrier),
      ['id3', 'id3', 'daterange', 'daterange'],
    );
  });

  it('points at files that exist', () => {
    for (const [name, fixture] of Object.entries(manifest.fixtures)) {
      if (fixture.path)
        assert.ok(existsSync(new URL(fixture.path, root)), `${name}: ${fixture.path}`);
    }
  });
});

describe('VOD playlists', () => {
  for (const dir of [
    'hls-plain-ts',
    'hls-ts-id3',
    'hls-fmp4-emsg',
    'hls-daterange',
    'hls-ts-bad-id3',
  ]) {
    it(`${dir} has fixed program date-times and existing 2 s segments`, () => {
      const list = playlist(dir);
      assert.equal(list.endList, true);
      assert.equal(list.targetDuration, SHOW.segmentDuration);
      list.segments.forEach((s, i) => {
        assert.equal(s.duration, SHOW.segmentDuration);
        assert.equal(
          Date.parse(/** @type {string} */ (s.programDateTime)),
          Date.parse(SHOW.programDateTime) + i * 2000,
        );
        assert.ok(existsSync(new URL(`${dir}/${s.uri}`, root)), s.uri);
      });
    });
  }
});

describe('hls-ts-id3 (timed ID3 in MPEG-TS)', () => {
  const segs = segments('hls-ts-id3');

  it('starts audio and video at the PTS the manifest calls media time 0', () => {
    const first = segs[0].data;
    const { video, audio } = streamPids(first);
    assert.equal(
      Math.min(...readPes(first, /** @type {number} */ (video)).map((p) => p.pts ?? Infinity)),
      zeroPts,
    );
    assert.equal(
      Math.min(...readPes(first, /** @type {number} */ (audio)).map((p) => p.pts ?? Infinity)),
      zeroPts,
    );
  });

  it('declares a stream_type 0x15 ID3 stream in every PMT, with a valid CRC', () => {
    for (const { uri, data } of segs) {
      const pmts = readPmts(data);
      assert.ok(pmts.length > 0, uri);
      for (const pmt of pmts) {
        assert.ok(pmt.crcValid, `${uri}: CRC`);
        const meta = pmt.streams.find((s) => s.type === METADATA_STREAM_TYPE);
        assert.ok(meta, `${uri}: 0x15 entry`);
        assert.equal(meta.esInfo[0], 0x26, 'metadata_descriptor');
        assert.deepEqual(
          [...meta.esInfo.subarray(4, 8)],
          [0x49, 0x44, 0x33, 0x20],
          "format 'ID3 '",
        );
        assert.equal(pmt.programInfo[0], 0x25, 'metadata_pointer_descriptor');
      }
    }
  });

  it('carries each cue as a PES at its scheduled PTS in the right segment', () => {
    const found = segs.flatMap(({ data }, index) => {
      const pid = /** @type {number} */ (streamPids(data).metadata);
      return readPes(data, pid).map((pes) => ({ index, pes }));
    });
    assert.equal(found.length, CUES.length);
    found.forEach(({ index, pes }, i) => {
      const cue = CUES[i];
      assert.equal(pes.streamId, 0xbd);
      assert.equal(pes.pts, zeroPts + cue.start * 90_000);
      assert.equal(index, segmentIndexAt(cue.start));
      const tag = parseId3(pes.payload);
      assert.equal(tag.version, 4);
      assert.deepEqual(
        tag.frames.map((f) => [f.id, f.description]),
        [['TXXX', 'cuecart']],
      );
      assert.deepEqual(readCuecartPayload(pes.payload), cue.payload);
    });
  });

  it('keeps continuity counters consistent', () => {
    const lastCc = new Map();
    for (const { uri, data } of segs) {
      const metadataPid = streamPids(data).metadata;
      const seen = new Set();
      for (const p of readPackets(data)) {
        const previous = lastCc.get(p.pid);
        const firstInSegment = !seen.has(p.pid);
        seen.add(p.pid);
        lastCc.set(p.pid, p.cc);
        if (p.pid === metadataPid && firstInSegment) {
          // Each segment restarts the ID3 PID at 0 and says so with discontinuity_indicator.
          assert.equal(p.cc, 0, uri);
          assert.ok(p.discontinuity, `${uri}: discontinuity_indicator`);
          continue;
        }
        if (previous === undefined || p.pid === 0x1fff) continue;
        const expected = p.hasPayload ? (previous + 1) & 0x0f : previous;
        assert.equal(p.cc, expected, `${uri}: PID ${p.pid} at byte ${p.offset}`);
      }
    }
  });

  it('leaves the audio and video packets of hls-plain-ts untouched', () => {
    const plain = segments('hls-plain-ts');
    segs.forEach(({ data }, i) => {
      const { video, audio } = streamPids(data);
      for (const pid of [video, audio]) {
        const pick = (ts) =>
          readPackets(ts)
            .filter((p) => p.pid === pid)
            .map((p) => Buffer.from(ts.subarray(p.offset, p.offset + 188)).toString('hex'));
        assert.deepEqual(pick(data), pick(plain[i].data));
      }
    });
  });
});

describe('hls-plain-ts', () => {
  it('has no metadata stream', () => {
    for (const { data } of segments('hls-plain-ts'))
      assert.equal(streamPids(data).metadata, undefined);
  });
});

describe('hls-ts-bad-id3', () => {
  it('carries the malformed payloads and the valid cues at their times', () => {
    const fixture = manifest.fixtures['hls-ts-bad-id3'];
    const found = segments('hls-ts-bad-id3').flatMap(({ data }) =>
      readPes(data, /** @type {number} */ (streamPids(data).metadata)).map((pes) => ({
        time: ((pes.pts ?? 0) - zeroPts) / 90_000,
        payload: pes.payload,
      })),
    );
    const expected = [
      ...fixture.malformed.map((m) => m.time),
      ...fixture.cues.map((c) => c.start),
    ].sort((a, b) => a - b);
    assert.deepEqual(
      found.map((f) => f.time),
      expected,
    );
    for (const { time, payload } of found) {
      const bad = fixture.malformed.find((m) => m.time === time);
      if (!bad) {
        assert.equal(
          readCuecartPayload(payload).product,
          fixture.cues.find((c) => c.start === time).product,
        );
      } else if (bad.mustDrop) {
        assert.equal(payload.length, bad.bytes);
        assert.throws(() => {
          const value = readCuecartPayload(payload);
          if (typeof value !== 'object' || Array.isArray(value) || !value?.product)
            throw new Error('no product');
        }, bad.kind);
      }
    }
  });
});

describe('hls-fmp4-emsg (emsg in CMAF)', () => {
  const init = bytes('hls-fmp4-emsg/init.mp4');
  const video = readInitTracks(init).find((t) => t.handler === 'vide');

  it('puts one emsg v1 per cue before moof, at the tfdt-aligned presentation time', () => {
    const events = [];
    segments('hls-fmp4-emsg').forEach(({ uri, data }, index) => {
      const top = readBoxes(data);
      const moofAt = top.findIndex((b) => b.type === 'moof');
      top.forEach((box, i) => {
        if (box.type !== 'emsg') return;
        assert.ok(i < moofAt, `${uri}: emsg after moof`);
        events.push({
          index,
          tfdt: readTfdt(data).get(video.trackId),
          emsg: parseEmsgBox(data.subarray(box.offset, box.offset + box.size)),
        });
      });
    });
    assert.equal(events.length, CUES.length);
    events.forEach(({ index, tfdt, emsg }, i) => {
      const cue = CUES[i];
      assert.equal(emsg.version, 1);
      assert.equal(emsg.schemeIdUri, EMSG_ID3_SCHEME);
      assert.equal(emsg.timescale, video.timescale);
      assert.equal(
        emsg.presentationTime,
        manifest.timing.fmp4FirstVideoTfdt + cue.start * video.timescale,
      );
      assert.equal(index, segmentIndexAt(cue.start));
      assert.ok(
        emsg.presentationTime >= tfdt && emsg.presentationTime < tfdt + 2 * video.timescale,
        'inside its segment',
      );
      assert.equal(
        emsg.eventDuration,
        cue.payload.duration === undefined ? 0xffffffff : cue.payload.duration * video.timescale,
      );
      assert.deepEqual(readCuecartPayload(emsg.messageData), cue.payload);
    });
  });

  it('keeps sidx references covering exactly the rest of each segment', () => {
    for (const { uri, data } of segments('hls-fmp4-emsg')) {
      for (const box of findBoxes(data, ['sidx'])) {
        const sidx = parseSidx(data, box);
        const total = sidx.references.reduce((n, r) => n + r.referencedSize, 0);
        assert.equal(sidx.anchor + sidx.firstOffset + total, data.length, uri);
      }
    }
  });
});

describe('hls-daterange', () => {
  it('announces each cue with the Cuecart attributes', () => {
    const list = playlist('hls-daterange');
    assert.deepEqual(
      list.dateRanges.map((r) => ({ ...r })),
      CUES.map((cue) => ({
        ID: `show-${cue.payload.product}`,
        CLASS: DATERANGE_CLASS,
        'START-DATE': new Date(Date.parse(SHOW.programDateTime) + cue.start * 1000).toISOString(),
        ...(cue.payload.duration !== undefined ? { DURATION: String(cue.payload.duration) } : {}),
        'X-CUECART-PRODUCT': cue.payload.product,
        ...(cue.payload.variant ? { 'X-CUECART-VARIANT': cue.payload.variant } : {}),
        ...(cue.payload.duration === undefined ? { 'END-ON-NEXT': 'YES' } : {}),
      })),
    );
    assert.ok(list.segments.every((s) => s.uri.startsWith('../hls-plain-ts/')));
  });
});

describe('hls-multivariant', () => {
  it('is the show’s ladder over existing playlists, as the generator writes it', () => {
    assert.equal(text('hls-multivariant/index.m3u8'), multivariantFixture());
    for (const { uri } of MULTIVARIANT_LADDER)
      assert.ok(existsSync(new URL(`hls-multivariant/${uri}`, root)), uri);
  });
});

describe('side-car cue lists', () => {
  it('cues/show.json matches the show', () => {
    const { cues } = JSON.parse(text('cues/show.json'));
    assert.deepEqual(
      cues.map((c) => [c.product, c.start, c.end ?? null]),
      CUES.map((c) => [c.payload.product, c.start, statedEnd(c)]),
    );
  });

  it('cues/show.vtt matches the show', () => {
    const vtt = text('cues/show.vtt');
    assert.ok(vtt.startsWith('WEBVTT'));
    const blocks = [...vtt.matchAll(/(\d\d:\d\d:\d\d\.\d{3}) --> (\d\d:\d\d:\d\d\.\d{3})\n(.+)/g)];
    const seconds = (stamp) => stamp.split(':').reduce((sum, part) => sum * 60 + Number(part), 0);
    assert.deepEqual(
      blocks.map(([, from, to, json]) => [seconds(from), seconds(to), JSON.parse(json)]),
      CUES.map((c, i) => [c.start, effectiveEnd(i), c.payload]),
    );
  });

  it('bad inputs are bad', () => {
    assert.throws(() => parseMediaPlaylist(text('bad/garbage.m3u8')));
    assert.ok(!text('bad/broken.vtt').startsWith('WEBVTT'));
    const { cues } = JSON.parse(text('bad/bad-cues.json'));
    assert.equal(cues.length, manifest.fixtures['bad-cues-json'].invalidEntries + 1);
  });
});
