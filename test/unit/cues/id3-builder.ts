// Test helper: builds ID3v2.3 / v2.4 tags byte by byte, with every text encoding,
// unsynchronisation, extended headers and v2.4 frame extras.

/** ID3 text encoding byte: 0 Latin-1, 1 UTF-16 with BOM, 2 UTF-16BE, 3 UTF-8. */
export type Id3Encoding = 0 | 1 | 2 | 3;

/** One frame to write. */
export interface FrameSpec {
  id: string;
  body: Uint8Array;
}

/** Options of {@link buildTag}. */
export interface TagOptions {
  version: 3 | 4;
  frames: FrameSpec[];
  /** Unsynchronise: v2.3 the whole tag; v2.4 every frame (and set the tag flag). */
  unsync?: boolean;
  /** v2.4 only: unsynchronise frames with the per-frame flag but leave the tag flag clear. */
  frameUnsyncOnly?: boolean;
  extendedHeader?: boolean;
  /** v2.4 only: add a data length indicator to every frame. */
  dataLength?: boolean;
  /** v2.4 only: add a grouping identity byte to every frame. */
  grouping?: boolean;
  /** Zero bytes after the frames. */
  padding?: number;
  /** v2.4 only: append a footer. */
  footer?: boolean;
  /** Overrides the size written in the tag header. */
  tagSize?: number;
}

/** Concatenates byte arrays. */
export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Writes a 28-bit synchsafe integer. */
export function synchsafe(value: number): Uint8Array {
  return Uint8Array.of(
    (value >> 21) & 0x7f,
    (value >> 14) & 0x7f,
    (value >> 7) & 0x7f,
    value & 0x7f,
  );
}

/** Writes a big-endian 32-bit integer. */
export function uint32(value: number): Uint8Array {
  return Uint8Array.of(
    (value >>> 24) & 0xff,
    (value >>> 16) & 0xff,
    (value >>> 8) & 0xff,
    value & 0xff,
  );
}

/** Applies ID3 unsynchronisation: a 0x00 after every 0xFF that precedes 0x00, >= 0xE0 or the end. */
export function unsynchronise(bytes: Uint8Array): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    out.push(bytes[i]!);
    const next = bytes[i + 1];
    if (bytes[i] === 0xff && (next === undefined || next === 0 || next >= 0xe0)) out.push(0);
  }
  return Uint8Array.from(out);
}

/** Encodes text (with the terminator when asked) in an ID3 encoding; `le` picks the UTF-16 BOM. */
export function encodeText(
  text: string,
  encoding: Id3Encoding,
  terminate = false,
  le = true,
): Uint8Array {
  let bytes: number[];
  if (encoding === 0) bytes = [...text].map((c) => c.charCodeAt(0) & 0xff);
  else if (encoding === 3) bytes = [...new TextEncoder().encode(text)];
  else {
    const littleEndian = encoding === 1 && le;
    bytes = encoding === 1 ? (littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      if (littleEndian) bytes.push(unit & 0xff, unit >> 8);
      else bytes.push(unit >> 8, unit & 0xff);
    }
  }
  if (terminate) bytes.push(...(encoding === 1 || encoding === 2 ? [0, 0] : [0]));
  return Uint8Array.from(bytes);
}

/** A `T***` text frame. */
export function textFrame(id: string, text: string, encoding: Id3Encoding = 3): FrameSpec {
  return { id, body: concat(Uint8Array.of(encoding), encodeText(text, encoding)) };
}

/** A `TXXX` frame. */
export function txxxFrame(
  description: string,
  value: string,
  encoding: Id3Encoding = 3,
  le = true,
): FrameSpec {
  return {
    id: 'TXXX',
    body: concat(
      Uint8Array.of(encoding),
      encodeText(description, encoding, true, le),
      encodeText(value, encoding, false, le),
    ),
  };
}

/** A `PRIV` frame; string data is written as UTF-8. */
export function privFrame(owner: string, data: Uint8Array | string): FrameSpec {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  return { id: 'PRIV', body: concat(encodeText(owner, 0, true), bytes) };
}

/** The Cuecart `TXXX` frame for a payload. */
export function cuecartFrame(payload: unknown, encoding: Id3Encoding = 3): FrameSpec {
  return txxxFrame(
    'cuecart',
    typeof payload === 'string' ? payload : JSON.stringify(payload),
    encoding,
  );
}

function frameBytes(frame: FrameSpec, options: TagOptions): Uint8Array {
  const id = new TextEncoder().encode(frame.id);
  if (options.version === 3) {
    return concat(id, uint32(frame.body.length), Uint8Array.of(0, 0), frame.body);
  }
  const unsync = options.unsync || options.frameUnsyncOnly;
  let format = 0;
  const extras: Uint8Array[] = [];
  if (options.grouping) {
    format |= 0x40;
    extras.push(Uint8Array.of(7));
  }
  if (unsync) format |= 0x02;
  if (options.dataLength) {
    format |= 0x01;
    extras.push(synchsafe(frame.body.length));
  }
  const data = concat(...extras, unsync ? unsynchronise(frame.body) : frame.body);
  return concat(id, synchsafe(data.length), Uint8Array.of(0, format), data);
}

/** Builds one ID3v2 tag. */
export function buildTag(options: TagOptions): Uint8Array {
  const v3 = options.version === 3;
  const ext = options.extendedHeader
    ? v3
      ? concat(uint32(6), Uint8Array.of(0, 0), uint32(options.padding ?? 0))
      : concat(synchsafe(6), Uint8Array.of(1, 0))
    : new Uint8Array(0);
  let body = concat(
    ext,
    ...options.frames.map((frame) => frameBytes(frame, options)),
    new Uint8Array(options.padding ?? 0),
  );
  if (v3 && options.unsync) body = unsynchronise(body);
  let flags = 0;
  if (options.unsync) flags |= 0x80;
  if (options.extendedHeader) flags |= 0x40;
  if (options.footer && !v3) flags |= 0x10;
  const header = concat(
    Uint8Array.of(0x49, 0x44, 0x33, options.version, 0, flags),
    synchsafe(options.tagSize ?? body.length),
  );
  const footer =
    options.footer && !v3
      ? concat(Uint8Array.of(0x33, 0x44, 0x49, 4, 0, flags), synchsafe(body.length))
      : new Uint8Array(0);
  return concat(header, body, footer);
}
