import { CuecartError, type ErrorSink } from '../internal/errors.js';
import { parseCandidatePayload, parseCuePayload } from './payload.js';
import type { CuePayload } from './product-cue.js';

/**
 * One ID3v2 frame. `data` is the frame body after unsynchronisation and extra header bytes were
 * removed; the decoded fields are present for the frame types Cuecart understands.
 */
export interface Id3Frame {
  /** Four-character frame id, e.g. `TXXX`, `TIT2`, `PRIV`. */
  id: string;
  /** `TXXX`: the description. `PRIV`: the owner identifier. */
  description?: string;
  /**
   * Text frames: the first value. `TXXX`: the value. `PRIV`: the data, when it is valid UTF-8.
   */
  text?: string;
  /** Text frames (ID3v2.4 allows several, NUL-separated): every value. */
  values?: string[];
  /** Raw frame body (`PRIV`: the private data after the owner identifier). */
  data: Uint8Array;
  /** Why the frame is damaged (e.g. text declared UTF-8 that is not); its text is unreliable. */
  malformed?: string;
}

/** One ID3v2 tag. */
export interface Id3Tag {
  /** Major version: 3 or 4 (2.2 tags are skipped). */
  version: number;
  /** Byte offset of the tag in the buffer. */
  offset: number;
  /** Whole tag length in bytes, header (and footer) included. */
  length: number;
  /** The tag declares more bytes than the buffer holds: it was cut or its size lies. */
  truncated: boolean;
  frames: Id3Frame[];
}

const HEADER = 10;

/** True when `bytes` holds an ID3v2 tag header at `offset`. */
export function isId3Header(bytes: Uint8Array, offset = 0): boolean {
  return (
    offset + HEADER <= bytes.length &&
    bytes[offset] === 0x49 && // I
    bytes[offset + 1] === 0x44 && // D
    bytes[offset + 2] === 0x33 && // 3
    bytes[offset + 3]! < 0xff &&
    bytes[offset + 4]! < 0xff &&
    bytes[offset + 6]! < 0x80 &&
    bytes[offset + 7]! < 0x80 &&
    bytes[offset + 8]! < 0x80 &&
    bytes[offset + 9]! < 0x80
  );
}

function synchsafe(bytes: Uint8Array, at: number): number {
  return (
    ((bytes[at]! & 0x7f) << 21) |
    ((bytes[at + 1]! & 0x7f) << 14) |
    ((bytes[at + 2]! & 0x7f) << 7) |
    (bytes[at + 3]! & 0x7f)
  );
}

function uint32(bytes: Uint8Array, at: number): number {
  return (
    ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0
  );
}

/** Reverses ID3 unsynchronisation: every `FF 00` becomes `FF`. */
export function removeUnsynchronisation(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    out[n++] = bytes[i]!;
    if (bytes[i] === 0xff && bytes[i + 1] === 0x00) i++;
  }
  return out.subarray(0, n);
}

/**
 * Parses every ID3v2.3 / v2.4 tag in a buffer (tags may follow each other back to back, with zero
 * padding between them). Never throws: truncated tags, lying sizes and garbage yield the frames
 * that could be read before the damage.
 */
export function parseId3Tags(bytes: Uint8Array): Id3Tag[] {
  const tags: Id3Tag[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    while (offset < bytes.length && bytes[offset] === 0) offset++;
    if (!isId3Header(bytes, offset)) break;
    const version = bytes[offset + 3]!;
    const flags = bytes[offset + 5]!;
    const size = synchsafe(bytes, offset + 6);
    const hasFooter = version === 4 && (flags & 0x10) !== 0;
    const length = HEADER + size + (hasFooter ? HEADER : 0);
    const body = bytes.subarray(offset + HEADER, Math.min(bytes.length, offset + HEADER + size));
    if (version === 3 || version === 4) {
      tags.push({
        version,
        offset,
        length,
        truncated: offset + length > bytes.length,
        frames: readFrames(body, version, flags),
      });
    }
    offset += length;
  }
  return tags;
}

function readFrames(tagBody: Uint8Array, version: number, tagFlags: number): Id3Frame[] {
  // v2.3 unsynchronises the whole tag body; v2.4 does it per frame (the tag flag means "all").
  const body = version === 3 && tagFlags & 0x80 ? removeUnsynchronisation(tagBody) : tagBody;
  let pos = 0;
  if (tagFlags & 0x40 && body.length >= 4) {
    // v2.3: size excludes its own 4 bytes; v2.4: synchsafe and includes them.
    pos = version === 3 ? 4 + uint32(body, 0) : synchsafe(body, 0);
    if (pos < 4 || pos > body.length) return [];
  }
  const frames: Id3Frame[] = [];
  while (pos + HEADER <= body.length) {
    const id = String.fromCharCode(body[pos]!, body[pos + 1]!, body[pos + 2]!, body[pos + 3]!);
    if (!/^[A-Z0-9]{4}$/.test(id)) break; // padding or garbage: nothing more to read
    const size = frameSize(body, pos + 4, version);
    const formatFlags = body[pos + 9]!;
    const start = pos + HEADER;
    const end = start + size;
    if (end > body.length) break;
    const frame = readFrame(id, body.subarray(start, end), version, formatFlags, tagFlags);
    if (frame) frames.push(frame);
    pos = end;
  }
  return frames;
}

function frameSize(body: Uint8Array, at: number, version: number): number {
  if (version === 3) return uint32(body, at);
  // Some v2.4 writers (old iTunes among them) store plain integers; a set high bit gives them away.
  const plain = (body[at]! | body[at + 1]! | body[at + 2]! | body[at + 3]!) & 0x80;
  return plain ? uint32(body, at) : synchsafe(body, at);
}

function readFrame(
  id: string,
  raw: Uint8Array,
  version: number,
  formatFlags: number,
  tagFlags: number,
): Id3Frame | undefined {
  let data = raw;
  if (version === 3) {
    if (formatFlags & 0xc0) return undefined; // compressed or encrypted: not ours to inflate
    if (formatFlags & 0x20) data = data.subarray(1); // grouping identity
  } else {
    if (formatFlags & 0x0c) return undefined; // compressed or encrypted
    let skip = 0;
    if (formatFlags & 0x40) skip += 1; // grouping identity
    if (formatFlags & 0x01) skip += 4; // data length indicator
    if (skip > data.length) return undefined;
    data = data.subarray(skip);
    if (formatFlags & 0x02 || tagFlags & 0x80) data = removeUnsynchronisation(data);
  }
  const frame: Id3Frame = { id, data };
  // Text declared UTF-8 must be UTF-8: a lenient decode would turn damage into U+FFFD and could
  // still parse as a (wrong) payload.
  if (
    (id === 'TXXX' || id[0] === 'T') &&
    data[0] === 3 &&
    decodeUtf8Strict(data.subarray(1)) === undefined
  ) {
    frame.malformed = 'its text is not valid UTF-8';
  }
  if (id === 'TXXX') {
    const [description, value] = splitEncoded(data, 2);
    frame.description = description ?? '';
    frame.text = value ?? '';
  } else if (id[0] === 'T') {
    const values = splitEncoded(data, Infinity);
    frame.values = values;
    frame.text = values[0] ?? '';
  } else if (id === 'PRIV') {
    const nul = data.indexOf(0);
    const ownerEnd = nul < 0 ? data.length : nul;
    frame.description = decodeLatin1(data.subarray(0, ownerEnd));
    frame.data = data.subarray(Math.min(data.length, ownerEnd + 1));
    const text = decodeUtf8Strict(frame.data);
    if (text !== undefined) frame.text = text;
  }
  return frame;
}

/**
 * Decodes an encoded-text frame body (encoding byte + strings) into at most `max` strings,
 * splitting at the encoding's terminator; trailing empty strings are dropped.
 */
function splitEncoded(data: Uint8Array, max: number): string[] {
  if (data.length === 0) return [];
  const encoding = data[0]!;
  const wide = encoding === 1 || encoding === 2;
  const strings: string[] = [];
  let pos = 1;
  let bigEndian = encoding === 2;
  while (pos < data.length && strings.length < max) {
    let end = pos;
    const last = strings.length === max - 1;
    if (last) end = data.length;
    else if (wide) {
      while (end + 1 < data.length && (data[end] !== 0 || data[end + 1] !== 0)) end += 2;
      if (end + 1 >= data.length) end = data.length;
    } else {
      while (end < data.length && data[end] !== 0) end++;
    }
    let chunk = data.subarray(pos, end);
    if (encoding === 1 && chunk.length >= 2) {
      const bom = (chunk[0]! << 8) | chunk[1]!;
      if (bom === 0xfffe || bom === 0xfeff) {
        bigEndian = bom === 0xfeff;
        chunk = chunk.subarray(2);
      }
    }
    strings.push(stripNul(decodeText(chunk, encoding, bigEndian)));
    pos = end + (wide ? 2 : 1);
  }
  while (strings.length > 0 && strings[strings.length - 1] === '') strings.pop();
  return strings;
}

function stripNul(text: string): string {
  return text.replace(/\u0000+$/, '');
}

function decodeText(bytes: Uint8Array, encoding: number, bigEndian: boolean): string {
  switch (encoding) {
    case 1:
    case 2:
      return decodeUtf16(bytes, bigEndian);
    case 3:
      return new TextDecoder('utf-8').decode(bytes);
    default:
      return decodeLatin1(bytes);
  }
}

function decodeLatin1(bytes: Uint8Array): string {
  // TextDecoder('latin1') is really windows-1252, which remaps 0x80–0x9F; ID3 means ISO-8859-1.
  let text = '';
  for (let i = 0; i < bytes.length; i += 4096) {
    text += String.fromCharCode(...bytes.subarray(i, i + 4096));
  }
  return text;
}

function decodeUtf16(bytes: Uint8Array, bigEndian: boolean): string {
  const even = bytes.subarray(0, bytes.length - (bytes.length % 2));
  return new TextDecoder(bigEndian ? 'utf-16be' : 'utf-16le').decode(even);
}

function decodeUtf8Strict(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Description of the `TXXX` frame that carries a Cuecart payload. */
export const CUECART_TXXX_DESCRIPTION = 'cuecart';

/**
 * Extracts product cue payloads from ID3 frames: a `TXXX` frame described `cuecart` (its value is
 * the payload, reported when invalid), and any other text, `TXXX` or `PRIV` frame whose text is a
 * JSON object with `"product"` (what AWS IVS `PutMetadata` and similar encoders write). Invalid
 * payloads are reported to `onError` and skipped.
 */
export function payloadsFromId3Frames(
  frames: readonly Id3Frame[],
  onError: ErrorSink,
): CuePayload[] {
  const payloads: CuePayload[] = [];
  const seen = new Set<string>();
  for (const frame of frames) {
    if (frame.text === undefined) continue;
    const explicit =
      frame.id === 'TXXX' && frame.description?.trim().toLowerCase() === CUECART_TXXX_DESCRIPTION;
    if (frame.malformed) {
      if (explicit || frame.text.includes('"product"')) {
        onError(
          new CuecartError('cue-invalid', `Dropped an ID3 ${frame.id} frame: ${frame.malformed}.`),
        );
      }
      continue;
    }
    const onProblem = (problem: string) =>
      onError(
        new CuecartError('cue-invalid', `An ID3 ${frame.id} frame's cue payload ${problem}.`),
      );
    const result = explicit
      ? parseCuePayload(frame.text, onProblem)
      : parseCandidatePayload(frame.text, onProblem);
    if (result === undefined) continue;
    if (result instanceof Error) {
      onError(result);
      continue;
    }
    // One encoder may write the same JSON into several frames; one cue is enough.
    if (seen.has(frame.text)) continue;
    seen.add(frame.text);
    payloads.push(result);
  }
  return payloads;
}

/** Parses every ID3 tag in `bytes` and returns the product cue payloads they carry. */
export function payloadsFromId3(bytes: Uint8Array, onError: ErrorSink): CuePayload[] {
  const frames: Id3Frame[] = [];
  for (const tag of parseId3Tags(bytes)) {
    // A cut tag's frames may be cut too; showing a product from damaged data is worse than none.
    if (tag.truncated) {
      onError(
        new CuecartError(
          'cue-invalid',
          `Dropped an ID3 tag that declares ${tag.length} bytes but has ${bytes.length - tag.offset}.`,
        ),
      );
      continue;
    }
    frames.push(...tag.frames);
  }
  return payloadsFromId3Frames(frames, onError);
}
