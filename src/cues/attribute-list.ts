import { CuecartError } from '../internal/errors.js';

/** One typed value of an HLS attribute list (RFC 8216 §4.2). */
export type AttributeValue =
  | { type: 'quoted-string'; value: string }
  | { type: 'hexadecimal-sequence'; value: string; bytes: Uint8Array }
  | { type: 'decimal'; value: number; raw: string }
  | { type: 'resolution'; width: number; height: number; raw: string }
  | { type: 'enumerated-string'; value: string };

/** A parsed attribute list: attribute name → typed value. */
export type AttributeList = Record<string, AttributeValue>;

/**
 * Parses an HLS attribute list (the part after `#EXT-X-DATERANGE:`) strictly per RFC 8216 §4.2:
 * names are `[A-Z0-9-]`, values are quoted strings (no CR, LF or `"` inside), `0x` hexadecimal
 * sequences, (signed) decimal numbers, `WxH` resolutions or enumerated strings; no whitespace
 * outside quotes; no duplicate names. Returns a `cue-invalid` {@link CuecartError} on the first
 * violation (never throws).
 */
export function parseAttributeList(text: string): AttributeList | CuecartError {
  const list: AttributeList = Object.create(null);
  let pos = 0;
  const fail = (why: string) =>
    new CuecartError('cue-invalid', `Attribute list is malformed at character ${pos}: ${why}.`);
  if (text.length === 0) return fail('empty');
  while (pos < text.length) {
    const eq = text.indexOf('=', pos);
    if (eq < 0) return fail('attribute without "="');
    const name = text.slice(pos, eq);
    if (!/^[A-Z0-9-]+$/.test(name)) return fail(`bad attribute name ${JSON.stringify(name)}`);
    if (name in list) return fail(`duplicate attribute ${name}`);
    pos = eq + 1;
    let raw: string;
    if (text[pos] === '"') {
      const close = text.indexOf('"', pos + 1);
      if (close < 0) return fail('unterminated quoted string');
      raw = text.slice(pos, close + 1);
      if (/[\r\n]/.test(raw)) return fail('line break in quoted string');
      pos = close + 1;
    } else {
      const comma = text.indexOf(',', pos);
      raw = text.slice(pos, comma < 0 ? text.length : comma);
      pos += raw.length;
    }
    const value = typedValue(raw);
    if (!value) return fail(`bad value for ${name}`);
    list[name] = value;
    if (pos < text.length) {
      if (text[pos] !== ',') return fail('expected ","');
      pos++;
      if (pos === text.length) return fail('trailing ","');
    }
  }
  return list;
}

function typedValue(raw: string): AttributeValue | undefined {
  if (raw.startsWith('"')) return { type: 'quoted-string', value: raw.slice(1, -1) };
  if (/^0[xX][0-9a-fA-F]+$/.test(raw)) {
    const hex = raw.slice(2);
    const padded = hex.length % 2 ? `0${hex}` : hex;
    const bytes = new Uint8Array(padded.length / 2);
    for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(padded.slice(i * 2, i * 2 + 2), 16);
    return { type: 'hexadecimal-sequence', value: raw, bytes };
  }
  if (/^-?[0-9]+(\.[0-9]*)?$/.test(raw)) return { type: 'decimal', value: Number(raw), raw };
  const resolution = /^([0-9]+)x([0-9]+)$/.exec(raw);
  if (resolution) {
    return { type: 'resolution', width: Number(resolution[1]), height: Number(resolution[2]), raw };
  }
  if (/^[^\s",]+$/.test(raw)) return { type: 'enumerated-string', value: raw };
  return undefined;
}
