import type { MetadataSample } from '../cues/id3-samples.js';

/**
 * Timed ID3 found in one media segment, `pts` relative to the segment's first audio/video
 * presentation time (seconds), so the caller adds the segment's start on the playlist timeline.
 */
export interface SegmentMetadata {
  samples: MetadataSample[];
  carrier: 'id3' | 'emsg';
}

const TS_PACKET = 188;
const PTS_CLOCK = 90_000;
/** PMT stream types that carry audio or video (for the segment's first presentation time). */
const AV_STREAM_TYPES = new Set([0x01, 0x02, 0x03, 0x04, 0x0f, 0x11, 0x1b, 0x24, 0x81]);
/** Timed metadata in PES (ISO/IEC 13818-1 §2.12, the stream type Apple's ID3 spec uses). */
const METADATA_STREAM_TYPE = 0x15;

/**
 * Reads the timed ID3 of an MPEG-TS segment: the PMT's metadata stream (type 0x15) PES packets,
 * each an ID3 tag stamped with its PTS. Returns an empty list for a segment without one.
 * Throws on bytes that are not MPEG-TS.
 */
export function id3FromTransportStream(bytes: Uint8Array): MetadataSample[] {
  if (bytes.length < TS_PACKET || bytes[0] !== 0x47) throw new Error('not an MPEG-TS segment');
  let pmtPid = -1;
  const metadataPids = new Set<number>();
  const avPids = new Set<number>();
  const pes = new Map<number, Uint8Array[]>();
  const finished: Array<{ pid: number; data: Uint8Array }> = [];
  const flush = (pid: number) => {
    const parts = pes.get(pid);
    if (parts?.length) finished.push({ pid, data: concat(parts) });
    pes.delete(pid);
  };
  for (let offset = 0; offset + TS_PACKET <= bytes.length; offset += TS_PACKET) {
    if (bytes[offset] !== 0x47) throw new Error(`lost MPEG-TS sync at byte ${offset}`);
    const pid = ((bytes[offset + 1]! & 0x1f) << 8) | bytes[offset + 2]!;
    const start = (bytes[offset + 1]! & 0x40) !== 0;
    const control = (bytes[offset + 3]! >> 4) & 3;
    let payload = offset + 4;
    if (control === 2 || control === 0) continue;
    if (control === 3) payload += 1 + bytes[offset + 4]!;
    if (payload >= offset + TS_PACKET) continue;
    const data = bytes.subarray(payload, offset + TS_PACKET);
    if (pid === 0 && start) {
      const section = data.subarray(1 + data[0]!);
      // First program's PMT PID (program_number 0 is the network PID).
      for (let i = 8; i + 4 <= 3 + (((section[1]! & 0x0f) << 8) | section[2]!) - 4; i += 4) {
        const program = (section[i]! << 8) | section[i + 1]!;
        if (program !== 0) {
          pmtPid = ((section[i + 2]! & 0x1f) << 8) | section[i + 3]!;
          break;
        }
      }
    } else if (pid === pmtPid && start) {
      const section = data.subarray(1 + data[0]!);
      const end = 3 + (((section[1]! & 0x0f) << 8) | section[2]!) - 4;
      const infoLength = ((section[10]! & 0x0f) << 8) | section[11]!;
      for (let i = 12 + infoLength; i + 5 <= end;) {
        const type = section[i]!;
        const esPid = ((section[i + 1]! & 0x1f) << 8) | section[i + 2]!;
        if (type === METADATA_STREAM_TYPE) metadataPids.add(esPid);
        else if (AV_STREAM_TYPES.has(type)) avPids.add(esPid);
        i += 5 + (((section[i + 3]! & 0x0f) << 8) | section[i + 4]!);
      }
    } else {
      if (start) flush(pid);
      if (start || pes.has(pid)) {
        const parts = pes.get(pid) ?? [];
        parts.push(data);
        pes.set(pid, parts);
      }
    }
  }
  for (const pid of [...pes.keys()]) flush(pid);
  let firstPts = Infinity;
  const samples: MetadataSample[] = [];
  for (const { pid, data } of finished) {
    const parsed = readPes(data);
    if (!parsed) continue;
    if (avPids.has(pid) && parsed.pts !== undefined) firstPts = Math.min(firstPts, parsed.pts);
    if (metadataPids.has(pid) && parsed.pts !== undefined) {
      samples.push({ pts: parsed.pts, data: parsed.payload });
    }
  }
  if (!Number.isFinite(firstPts)) {
    firstPts = Math.min(...samples.map((s) => s.pts));
  }
  return samples.map((s) => ({ ...s, pts: (s.pts - firstPts) / PTS_CLOCK }));
}

function readPes(data: Uint8Array): { pts?: number; payload: Uint8Array } | undefined {
  if (data.length < 9 || data[0] !== 0 || data[1] !== 0 || data[2] !== 1) return undefined;
  const flags = data[7]!;
  const headerLength = data[8]!;
  const payload = data.subarray(9 + headerLength);
  if (!(flags & 0x80) || data.length < 14) return { payload };
  const pts =
    (data[9]! & 0x0e) * 2 ** 29 +
    data[10]! * 2 ** 22 +
    (data[11]! & 0xfe) * 2 ** 14 +
    data[12]! * 2 ** 7 +
    (data[13]! >> 1);
  return { pts, payload };
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

interface Box {
  type: string;
  start: number;
  /** Offset of the box's content (after size and type). */
  body: number;
  end: number;
}

function* boxes(bytes: Uint8Array, from = 0, to = bytes.length): Generator<Box> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = from;
  while (at + 8 <= to) {
    let size = view.getUint32(at);
    let body = at + 8;
    if (size === 1) {
      size = Number(view.getBigUint64(at + 8));
      body += 8;
    } else if (size === 0) size = to - at;
    if (size < 8 || at + size > to) return;
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    yield { type, start: at, body, end: at + size };
    at += size;
  }
}

function child(bytes: Uint8Array, parent: Box, path: string[]): Box | undefined {
  let current: Box | undefined = parent;
  for (const type of path) {
    const inside: Box = current;
    current = undefined;
    for (const box of boxes(bytes, inside.body, inside.end)) {
      if (box.type === type) {
        current = box;
        break;
      }
    }
    if (!current) return undefined;
  }
  return current;
}

/** Track timescales by track ID, from an fMP4 init segment's `moov`. */
export function trackTimescales(init: Uint8Array): Map<number, number> {
  const scales = new Map<number, number>();
  const view = new DataView(init.buffer, init.byteOffset, init.byteLength);
  for (const moov of boxes(init)) {
    if (moov.type !== 'moov') continue;
    for (const trak of boxes(init, moov.body, moov.end)) {
      if (trak.type !== 'trak') continue;
      const tkhd = child(init, trak, ['tkhd']);
      const mdhd = child(init, trak, ['mdia', 'mdhd']);
      if (!tkhd || !mdhd) continue;
      const tkhdVersion = init[tkhd.body]!;
      const trackId = view.getUint32(tkhd.body + (tkhdVersion === 1 ? 20 : 12));
      const mdhdVersion = init[mdhd.body]!;
      scales.set(trackId, view.getUint32(mdhd.body + (mdhdVersion === 1 ? 20 : 12)));
    }
  }
  return scales;
}

/** The `emsg` scheme whose message is an ID3 tag (what hls.js forwards as metadata). */
const ID3_SCHEME = /emsg[-/]ID3/i;

/**
 * Reads the ID3 `emsg` boxes of an fMP4 segment (version 0 and 1). Times are relative to the
 * segment's earliest decode time (`tfdt`, in its track's timescale from the init segment).
 */
export function id3FromEmsg(
  segment: Uint8Array,
  timescales: Map<number, number>,
): MetadataSample[] {
  const view = new DataView(segment.buffer, segment.byteOffset, segment.byteLength);
  let base: number | undefined;
  for (const moof of boxes(segment)) {
    if (moof.type !== 'moof') continue;
    const tfhd = child(segment, moof, ['traf', 'tfhd']);
    const tfdt = child(segment, moof, ['traf', 'tfdt']);
    if (!tfhd || !tfdt) continue;
    const scale = timescales.get(view.getUint32(tfhd.body + 4));
    if (!scale) continue;
    const decode =
      segment[tfdt.body] === 1
        ? Number(view.getBigUint64(tfdt.body + 4))
        : view.getUint32(tfdt.body + 4);
    base = decode / scale;
    break;
  }
  const samples: MetadataSample[] = [];
  for (const box of boxes(segment)) {
    if (box.type !== 'emsg') continue;
    const version = segment[box.body];
    let at = box.body + 4;
    const cstring = () => {
      const zero = segment.indexOf(0, at);
      const end = zero < 0 || zero >= box.end ? box.end : zero;
      const text = new TextDecoder().decode(segment.subarray(at, end));
      at = end + 1;
      return text;
    };
    let scheme: string;
    let time: number;
    let duration: number;
    if (version === 1) {
      const timescale = view.getUint32(at);
      time = Number(view.getBigUint64(at + 4)) / timescale;
      duration = durationOf(view.getUint32(at + 12), timescale);
      at += 20;
      scheme = cstring();
      cstring();
      time -= base ?? time;
    } else {
      scheme = cstring();
      cstring();
      const timescale = view.getUint32(at);
      time = view.getUint32(at + 4) / timescale;
      duration = durationOf(view.getUint32(at + 8), timescale);
      at += 16;
    }
    if (!ID3_SCHEME.test(scheme)) continue;
    const sample: MetadataSample = { pts: time, data: segment.slice(at, box.end) };
    if (duration > 0) sample.duration = duration;
    samples.push(sample);
  }
  return samples;
}

/** emsg `event_duration`: 0xFFFFFFFF means unknown (ISO/IEC 23009-1 §5.10.3.3). */
function durationOf(raw: number, timescale: number): number {
  return raw === 0xffffffff || !timescale ? 0 : raw / timescale;
}
