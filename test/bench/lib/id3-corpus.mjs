// Builds realistic ID3v2 timed-metadata tags for the benchmarks: what encoders put in HLS
// segments for shoppable video (a TXXX "cuecart" payload; AWS IVS PutMetadata-style TXXX/PRIV
// JSON; the odd title frame; an older v2.3 writer; UTF-16 text). Deterministic for a given seed.
// Layout per https://id3.org/id3v2.4.0-structure and https://id3.org/id3v2.3.0.

import { seededRandom } from '../../helpers/seeded-random.mjs';

const utf8 = new TextEncoder();
/** The demo store's product handles, which the simulated shows feature. */
export const PRODUCTS = [
  'aurora-headphones',
  'ember-mug',
  'drift-sneakers',
  'solstice-sunglasses',
  'canvas-tote',
  'nimbus-speaker',
];

function synchsafeBytes(value) {
  return [(value >>> 21) & 0x7f, (value >>> 14) & 0x7f, (value >>> 7) & 0x7f, value & 0x7f];
}

function uint32Bytes(value) {
  return [(value >>> 24) & 0xff, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff];
}

function concat(parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function frame(id, body, version) {
  const size = version === 4 ? synchsafeBytes(body.length) : uint32Bytes(body.length);
  return concat([utf8.encode(id), Uint8Array.from(size), Uint8Array.of(0, 0), body]);
}

function tag(frames, version = 4) {
  const body = concat(frames);
  return concat([
    Uint8Array.of(0x49, 0x44, 0x33, version, 0, 0, ...synchsafeBytes(body.length)),
    body,
  ]);
}

/** TXXX in UTF-8 (encoding 3). */
function txxx(description, value, version) {
  return frame(
    'TXXX',
    concat([Uint8Array.of(3), utf8.encode(description), Uint8Array.of(0), utf8.encode(value)]),
    version,
  );
}

/** A T*** text frame in UTF-16 with BOM (encoding 1), as older writers emit. */
function utf16Text(id, text, version) {
  const bytes = new Uint8Array(3 + text.length * 2);
  bytes[0] = 1;
  bytes[1] = 0xff;
  bytes[2] = 0xfe;
  for (let i = 0; i < text.length; i++) {
    bytes[3 + i * 2] = text.charCodeAt(i) & 0xff;
    bytes[4 + i * 2] = text.charCodeAt(i) >>> 8;
  }
  return frame(id, bytes, version);
}

function priv(owner, data, version) {
  return frame('PRIV', concat([utf8.encode(owner), Uint8Array.of(0), data]), version);
}

/**
 * `count` tags, each one timed-metadata sample's bytes. Mix: 60 % TXXX "cuecart" (v2.4), 20 %
 * IVS-style TXXX JSON plus a TIT2, 10 % PRIV JSON, 10 % ID3v2.3 with a UTF-16 title and a TXXX.
 * @returns {{ tags: Uint8Array[], bytes: number, payloads: number }}
 */
export function buildId3Corpus(count, seed = 20261122) {
  const rand = seededRandom(seed);
  const tags = [];
  let bytes = 0;
  let payloads = 0;
  for (let i = 0; i < count; i++) {
    const product = PRODUCTS[Math.floor(rand() * PRODUCTS.length)];
    const payload = { product };
    if (rand() < 0.5)
      payload.variant = `${product}-${38 + Math.floor(rand() * 8)}-${rand() < 0.5 ? 'black' : 'white'}`;
    if (rand() < 0.6) {
      payload.title = product.replace(/-/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase());
      payload.price = 1000 + Math.floor(rand() * 20000);
      payload.currency = rand() < 0.8 ? 'USD' : 'EUR';
    }
    if (rand() < 0.3) payload.image = `https://cdn.example.com/products/${product}/${i}.jpg`;
    if (rand() < 0.7) payload.duration = 3 + Math.floor(rand() * 10);
    const json = JSON.stringify(payload);
    const kind = rand();
    let bytesOfTag;
    if (kind < 0.6) {
      bytesOfTag = tag([txxx('cuecart', json, 4)], 4);
    } else if (kind < 0.8) {
      bytesOfTag = tag(
        [
          frame('TIT2', concat([Uint8Array.of(3), utf8.encode('Live: The Fall Drop')]), 4),
          txxx('', json, 4),
        ],
        4,
      );
    } else if (kind < 0.9) {
      bytesOfTag = tag([priv('com.example.shop', utf8.encode(json), 4)], 4);
    } else {
      bytesOfTag = tag([utf16Text('TIT2', 'Fall Drop — Maya', 3), txxx('cuecart', json, 3)], 3);
    }
    tags.push(bytesOfTag);
    bytes += bytesOfTag.length;
    payloads++;
  }
  return { tags, bytes, payloads };
}

/** One v2.4 tag with a TXXX "cuecart" frame holding `payload` (for the memory simulation). */
export function cuecartTag(payload) {
  return tag([txxx('cuecart', JSON.stringify(payload), 4)], 4);
}
