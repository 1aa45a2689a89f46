// Deterministic fuzz corpus: hostile input must never throw, and what is rejected is reported.
import { expect } from '@open-wc/testing';
import type { CuecartError } from '../../../src/internal/errors.js';
import { cuesFromMetadataSamples } from '../../../src/cues/id3-samples.js';
import { parseId3Tags, payloadsFromId3 } from '../../../src/cues/id3.js';
import { parseAttributeList } from '../../../src/cues/daterange.js';
import { parseJsonCues } from '../../../src/cues/json-cues.js';
import { parseWebVttCues } from '../../../src/cues/webvtt.js';
import { cuesFromNativeMetadata } from '../../../src/cues/native-metadata.js';
import { parseCuePayload } from '../../../src/cues/payload.js';
import {
  buildTag,
  cuecartFrame,
  type Id3Encoding,
  privFrame,
  textFrame,
  txxxFrame,
} from './id3-builder.js';
import { seededRandom } from '../../helpers/seeded-random.mjs';

function randomBytes(random: () => number, length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = Math.floor(random() * 256);
  return bytes;
}

function validTag(random: () => number): Uint8Array {
  const version = random() < 0.5 ? 3 : 4;
  const encoding = Math.floor(random() * 4) as Id3Encoding;
  return buildTag({
    version,
    frames: [
      cuecartFrame({ product: `p${Math.floor(random() * 100)}`, title: 'ÿ Sneaker' }, encoding),
      textFrame('TIT2', 'Title ÿà', encoding),
      txxxFrame('x', '{"product":"ivs"}', encoding),
      privFrame('owner', randomBytes(random, 8)),
    ],
    unsync: random() < 0.5,
    extendedHeader: random() < 0.3,
    dataLength: version === 4 && random() < 0.5,
    padding: Math.floor(random() * 20),
  });
}

/** Damages a valid tag: truncation, flipped bytes, lying sizes. */
function mutate(random: () => number, tag: Uint8Array): Uint8Array {
  const bytes = tag.slice();
  const kind = Math.floor(random() * 4);
  if (kind === 0) return bytes.subarray(0, Math.floor(random() * bytes.length));
  if (kind === 1) {
    for (let i = 0; i < 1 + random() * 8; i++)
      bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
  } else if (kind === 2) {
    // Lie in the tag size (synchsafe bytes 6..9).
    for (let i = 6; i < 10; i++) bytes[i] = Math.floor(random() * 128);
  } else {
    // Lie in the first frame size.
    const at = 10 + 4;
    for (let i = at; i < at + 4 && i < bytes.length; i++) bytes[i] = Math.floor(random() * 256);
  }
  return bytes;
}

function nested(depth: number): string {
  return `{"product":"p","x":${'['.repeat(depth)}${']'.repeat(depth)}}`;
}

describe('cue parsers under fuzzing', () => {
  it('parseId3Tags and payloadsFromId3 never throw on damaged or random bytes', () => {
    const random = seededRandom(0xc0ffee);
    let errors = 0;
    let payloads = 0;
    for (let i = 0; i < 2000; i++) {
      const input =
        i % 4 === 0
          ? randomBytes(random, Math.floor(random() * 300))
          : mutate(random, validTag(random));
      expect(() => parseId3Tags(input)).not.to.throw();
      payloads += payloadsFromId3(input, () => errors++).length;
    }
    // Damage outside the tag structure still leaves whole, valid payloads to recover; a tag
    // that is cut or lies about its size is dropped and reported, never half-read.
    expect(payloads).to.be.above(200);
    expect(payloads + errors).to.be.above(1000);
  });

  it('random bytes with an ID3 header never throw', () => {
    const random = seededRandom(42);
    for (let i = 0; i < 2000; i++) {
      const body = randomBytes(random, Math.floor(random() * 200));
      const header = Uint8Array.of(
        0x49,
        0x44,
        0x33,
        3 + (i % 2),
        0,
        Math.floor(random() * 256),
        0,
        0,
        1,
        0,
      );
      const input = new Uint8Array(header.length + body.length);
      input.set(header);
      input.set(body, header.length);
      expect(() => payloadsFromId3(input, () => {})).not.to.throw();
    }
  });

  it('reports invalid UTF-8, huge and deeply nested payloads in ID3', () => {
    const reported: CuecartError[] = [];
    const invalidUtf8 = new Uint8Array([
      3,
      ...new TextEncoder().encode('cuecart'),
      0,
      0x7b,
      0xc3,
      0x28,
      0xff,
      0x7d,
    ]);
    const inputs = [
      buildTag({ version: 4, frames: [{ id: 'TXXX', body: invalidUtf8 }] }),
      buildTag({ version: 4, frames: [cuecartFrame({ product: 'p', blob: 'x'.repeat(100_000) })] }),
      buildTag({ version: 4, frames: [cuecartFrame(nested(10_000))] }),
    ];
    const cues = cuesFromMetadataSamples(
      inputs.map((data, i) => ({ pts: i, data })),
      (e) => reported.push(e),
    );
    expect(cues).to.deep.equal([]);
    expect(reported.map((e) => e.code)).to.deep.equal([
      'cue-invalid',
      'cue-invalid',
      'cue-invalid',
    ]);
  });

  it('text parsers never throw on random or hostile documents', () => {
    const random = seededRandom(7);
    const alphabet = 'WEBVTT\n\r -->0123456789:.{}[]",product\u0000\ud800é';
    for (let i = 0; i < 1000; i++) {
      let text = '';
      const length = Math.floor(random() * 200);
      for (let j = 0; j < length; j++) text += alphabet[Math.floor(random() * alphabet.length)];
      const prefixed = i % 2 ? `WEBVTT\n\n${text}` : text;
      expect(() => parseWebVttCues(prefixed, () => {})).not.to.throw();
      expect(() => parseJsonCues(text, () => {})).not.to.throw();
      expect(() => parseAttributeList(text)).not.to.throw();
      expect(() => parseCuePayload(text)).not.to.throw();
      expect(() =>
        cuesFromNativeMetadata([{ startTime: 1, endTime: 2, text }], () => {}),
      ).not.to.throw();
    }
  });

  it('reports a 10k-deep nested payload in every carrier', () => {
    const deep = nested(10_000);
    const reported: CuecartError[] = [];
    const onError = (e: CuecartError) => reported.push(e);
    expect(parseCuePayload(deep)).to.have.property('code', 'cue-invalid');
    expect(parseWebVttCues(`WEBVTT\n\n00:01.000 --> 00:02.000\n${deep}`, onError)).to.deep.equal(
      [],
    );
    const list = `{"cues":[{"start":1,"product":"p","x":${'['.repeat(10_000)}${']'.repeat(10_000)}}]}`;
    expect(parseJsonCues(list, onError)).to.deep.equal([]);
    expect(reported.map((e) => e.code)).to.deep.equal(['cue-invalid', 'cue-invalid']);
  });
});
