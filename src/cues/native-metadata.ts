import { CuecartError, type ErrorSink } from '../internal/errors.js';
import { CUECART_DATERANGE_CLASS, payloadFromClientAttributes } from './daterange.js';
import { payloadsFromId3, payloadsFromId3Frames, type Id3Frame } from './id3.js';
import { parseCuePayload } from './payload.js';
import { cueId, type CuePayload, type ProductCue } from './product-cue.js';

/**
 * A cue of an in-band metadata `TextTrack` under native HLS (Safari), structurally typed so plain
 * objects work in tests: a `DataCue`/`WebKitDataCue` with `value: {key, info, data}` (one ID3
 * frame, or one DATERANGE attribute when `type` is `com.apple.quicktime.HLS`), a `DataCue` whose
 * `data` is a raw ID3 tag, or a `VTTCue`-like cue with `text`.
 */
export interface NativeMetadataCue {
  startTime: number;
  endTime: number;
  /** DataCue type, e.g. `org.id3` or `com.apple.quicktime.HLS`. */
  type?: string;
  /** Parsed ID3 frame (`key` = frame id, `info` = TXXX description / PRIV owner) or attribute. */
  value?: { key?: string; info?: string; data?: unknown } | null;
  /** Raw ID3 bytes (legacy `WebKitDataCue.data`). */
  data?: ArrayBuffer | ArrayBufferView | null;
  /** `VTTCue` text. */
  text?: string;
}

const DATERANGE_TYPE = 'com.apple.quicktime.HLS';

function bytesOf(data: unknown): Uint8Array | undefined {
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data))
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return undefined;
}

function frameFromValue(value: NonNullable<NativeMetadataCue['value']>): Id3Frame {
  const id = typeof value.key === 'string' ? value.key : '';
  const bytes = bytesOf(value.data);
  let text: string | undefined;
  if (typeof value.data === 'string') text = value.data;
  else if (bytes) {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      text = undefined;
    }
  }
  const frame: Id3Frame = { id, data: bytes ?? new Uint8Array(0) };
  if (typeof value.info === 'string') frame.description = value.info;
  if (text !== undefined) frame.text = text;
  return frame;
}

/**
 * Turns the cues of a native in-band metadata track into product cues (source `datacue`, `webvtt`
 * for text cues, `daterange` for Safari's DATERANGE cues). ID3 frames follow the same rules as {@link payloadsFromId3Frames};
 * Safari's per-attribute DATERANGE cues are grouped by time and read like `EXT-X-DATERANGE`.
 * An ID3 cue's `endTime` is ignored (ID3 carries no duration; Safari invents one), text and
 * DATERANGE cues keep theirs. Invalid payloads are reported to `onError`; nothing throws.
 */
export function cuesFromNativeMetadata(
  cues: ArrayLike<NativeMetadataCue> | Iterable<NativeMetadataCue>,
  onError: ErrorSink,
): ProductCue[] {
  const out: ProductCue[] = [];
  const dateRanges = new Map<
    string,
    { start: number; end: number; attr: Record<string, string> }
  >();
  for (const cue of Array.from(cues as ArrayLike<NativeMetadataCue>)) {
    if (!cue || typeof cue.startTime !== 'number' || !Number.isFinite(cue.startTime)) continue;
    const start = cue.startTime;
    if (cue.type === DATERANGE_TYPE && cue.value && typeof cue.value.key === 'string') {
      const key = `${start}|${cue.endTime}`;
      const group = dateRanges.get(key) ?? { start, end: cue.endTime, attr: {} };
      group.attr[cue.value.key] = String(cue.value.data ?? '');
      dateRanges.set(key, group);
      continue;
    }
    let payloads: CuePayload[] = [];
    let source: 'datacue' | 'webvtt' = 'datacue';
    let end: number | undefined;
    if (cue.value && typeof cue.value === 'object') {
      payloads = payloadsFromId3Frames([frameFromValue(cue.value)], onError);
    } else if (cue.data) {
      const bytes = bytesOf(cue.data);
      if (bytes) payloads = payloadsFromId3(bytes, onError);
    } else if (typeof cue.text === 'string') {
      source = 'webvtt';
      const result = parseCuePayload(cue.text, (problem) =>
        onError(new CuecartError('cue-invalid', `A WebVTT metadata cue at ${start} s ${problem}.`)),
      );
      if (result instanceof CuecartError) onError(result);
      else payloads = [result];
      if (Number.isFinite(cue.endTime) && cue.endTime > start) end = cue.endTime;
    }
    for (const payload of payloads) {
      const productCue: ProductCue = { id: cueId(source, start, payload), start, payload, source };
      if (end !== undefined) productCue.end = end;
      out.push(productCue);
    }
  }
  for (const group of dateRanges.values()) {
    const cue = cueFromDateRangeGroup(group, onError);
    if (cue) out.push(cue);
  }
  return out;
}

function cueFromDateRangeGroup(
  group: { start: number; end: number; attr: Record<string, string> },
  onError: ErrorSink,
): ProductCue | undefined {
  const { attr, start, end } = group;
  const productClass = attr.CLASS === undefined || attr.CLASS === CUECART_DATERANGE_CLASS;
  if (!productClass || !('X-CUECART-PRODUCT' in attr)) return undefined;
  const payload = parseCuePayload(payloadFromClientAttributes(attr), (problem) =>
    onError(new CuecartError('cue-invalid', `A DATERANGE at ${start} s ${problem}.`)),
  );
  if (payload instanceof CuecartError) {
    onError(payload);
    return undefined;
  }
  const cue: ProductCue = {
    id: attr.ID ? `daterange:${attr.ID}` : cueId('daterange', start, payload),
    start,
    payload,
    source: 'daterange',
  };
  if (Number.isFinite(end) && end > start) cue.end = end;
  return cue;
}
