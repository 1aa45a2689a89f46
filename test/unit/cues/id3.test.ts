import { expect } from '@open-wc/testing';
import type { CuecartError } from '../../../src/internal/errors.js';
import {
  isId3Header,
  parseId3Tags,
  payloadsFromId3,
  payloadsFromId3Frames,
  removeUnsynchronisation,
} from '../../../src/cues/id3.js';
import {
  buildTag,
  concat,
  cuecartFrame,
  type Id3Encoding,
  privFrame,
  textFrame,
  txxxFrame,
  uint32,
} from './id3-builder.js';

const TRICKY = 'Sneaker ÿàé 👟 "quoted"';
const LATIN1 = 'Sneaker ÿàé';

function collect() {
  const errors: CuecartError[] = [];
  return { errors, onError: (error: CuecartError) => errors.push(error) };
}

describe('isId3Header', () => {
  it('recognises a tag header and rejects lookalikes', () => {
    const tag = buildTag({ version: 4, frames: [textFrame('TIT2', 'x')] });
    expect(isId3Header(tag)).to.equal(true);
    expect(isId3Header(Uint8Array.of(0x49, 0x44, 0x33, 4, 0, 0, 0x80, 0, 0, 0))).to.equal(false);
    expect(isId3Header(Uint8Array.of(0x49, 0x44, 0x33))).to.equal(false);
  });
});

describe('removeUnsynchronisation', () => {
  it('drops the zero byte after each 0xFF', () => {
    expect([...removeUnsynchronisation(Uint8Array.of(0xff, 0, 0xe0, 0xff, 0, 0, 1))]).to.deep.equal(
      [0xff, 0xe0, 0xff, 0, 1],
    );
  });
});

describe('parseId3Tags', () => {
  for (const version of [3, 4] as const) {
    for (const encoding of [0, 1, 2, 3] as Id3Encoding[]) {
      it(`decodes TXXX and text frames in v2.${version}, encoding ${encoding}`, () => {
        const text = encoding === 0 ? LATIN1 : TRICKY;
        const [tag] = parseId3Tags(
          buildTag({
            version,
            frames: [txxxFrame('desc', text, encoding), textFrame('TIT2', text, encoding)],
          }),
        );
        expect(tag!.version).to.equal(version);
        expect(tag!.frames.map((f) => [f.id, f.description, f.text])).to.deep.equal([
          ['TXXX', 'desc', text],
          ['TIT2', undefined, text],
        ]);
      });
    }
  }

  it('honours the UTF-16 byte order mark', () => {
    const [tag] = parseId3Tags(
      buildTag({ version: 3, frames: [txxxFrame('d', TRICKY, 1, false)] }),
    );
    expect(tag!.frames[0]!.text).to.equal(TRICKY);
  });

  it('reads v2.3 whole-tag unsynchronisation with an extended header', () => {
    const frames = [
      txxxFrame('cuecart', `{"product":"${LATIN1}"}`, 0),
      textFrame('TIT2', TRICKY, 1),
    ];
    const bytes = buildTag({ version: 3, frames, unsync: true, extendedHeader: true, padding: 8 });
    const [tag] = parseId3Tags(bytes);
    expect(tag!.frames.map((f) => f.text)).to.deep.equal([`{"product":"${LATIN1}"}`, TRICKY]);
  });

  it('reads v2.4 per-frame and tag unsynchronisation, data length indicator, grouping', () => {
    for (const options of [
      { unsync: true },
      { frameUnsyncOnly: true },
      { unsync: true, dataLength: true },
      { dataLength: true, grouping: true, extendedHeader: true },
    ]) {
      const bytes = buildTag({ version: 4, frames: [textFrame('TIT2', TRICKY, 1)], ...options });
      expect(parseId3Tags(bytes)[0]!.frames[0]!.text, JSON.stringify(options)).to.equal(TRICKY);
    }
  });

  it('skips compressed and encrypted frames and keeps the rest', () => {
    const plain = buildTag({
      version: 4,
      frames: [textFrame('TIT2', 'a'), textFrame('TIT3', 'b')],
    });
    plain[10 + 9] = 0x08; // compression flag on the first frame
    expect(parseId3Tags(plain)[0]!.frames.map((f) => f.id)).to.deep.equal(['TIT3']);
    const v3 = buildTag({ version: 3, frames: [textFrame('TIT2', 'a'), textFrame('TIT3', 'b')] });
    v3[10 + 9] = 0x40; // encryption flag
    expect(parseId3Tags(v3)[0]!.frames.map((f) => f.id)).to.deep.equal(['TIT3']);
  });

  it('reads several v2.4 text values and PRIV frames', () => {
    const [tag] = parseId3Tags(
      buildTag({
        version: 4,
        frames: [
          textFrame('TPE1', 'one\u0000two', 3),
          privFrame('com.example', '{"product":"p"}'),
          privFrame(
            'com.apple.streaming.transportStreamTimestamp',
            Uint8Array.of(0, 0, 0xff, 0xfe, 1, 2, 3, 4),
          ),
        ],
      }),
    );
    expect(tag!.frames[0]!.values).to.deep.equal(['one', 'two']);
    expect(tag!.frames[1]).to.include({ description: 'com.example', text: '{"product":"p"}' });
    expect(tag!.frames[2]!.text).to.equal(undefined);
    expect(tag!.frames[2]!.data.length).to.equal(8);
  });

  it('reads tags back to back, with padding and a v2.4 footer', () => {
    const bytes = concat(
      buildTag({ version: 4, frames: [textFrame('TIT2', 'a')], footer: true }),
      new Uint8Array(4),
      buildTag({ version: 3, frames: [textFrame('TIT2', 'b')], padding: 16 }),
      buildTag({ version: 4, frames: [textFrame('TIT2', 'c')] }),
    );
    expect(parseId3Tags(bytes).map((t) => t.frames[0]!.text)).to.deep.equal(['a', 'b', 'c']);
  });

  it('tolerates v2.4 writers that store plain frame sizes', () => {
    const value = 'x'.repeat(200);
    const body = concat(Uint8Array.of(3), new TextEncoder().encode(value));
    const frame = concat(
      new TextEncoder().encode('TIT2'),
      uint32(body.length),
      Uint8Array.of(0, 0),
      body,
    );
    const header = Uint8Array.of(
      0x49,
      0x44,
      0x33,
      4,
      0,
      0,
      0,
      0,
      (frame.length >> 7) & 0x7f,
      frame.length & 0x7f,
    );
    expect(parseId3Tags(concat(header, frame))[0]!.frames[0]!.text).to.equal(value);
  });

  it('returns what it could read from a truncated tag', () => {
    const bytes = buildTag({
      version: 4,
      frames: [textFrame('TIT2', 'a'), textFrame('TIT3', 'b'.repeat(50))],
    });
    const frames = parseId3Tags(bytes.subarray(0, bytes.length - 10))[0]!.frames;
    expect(frames.map((f) => f.text)).to.deep.equal(['a']);
  });

  it('returns nothing for bytes that are not ID3', () => {
    expect(parseId3Tags(new TextEncoder().encode('not an id3 tag at all'))).to.deep.equal([]);
    expect(parseId3Tags(new Uint8Array(0))).to.deep.equal([]);
  });
});

describe('payloadsFromId3', () => {
  it('drops a tag whose declared size runs past the buffer, with one cue-invalid', () => {
    const { errors, onError } = collect();
    const bytes = buildTag({ version: 4, frames: [cuecartFrame({ product: 'shoe' })] });
    // Declare 500 more bytes than there are (synchsafe size at bytes 6..9).
    const size = bytes.length - 10 + 500;
    bytes.set([(size >> 21) & 0x7f, (size >> 14) & 0x7f, (size >> 7) & 0x7f, size & 0x7f], 6);
    expect(parseId3Tags(bytes)[0]!.truncated).to.equal(true);
    expect(payloadsFromId3(bytes, onError)).to.deep.equal([]);
    expect(errors.map((e) => e.code)).to.deep.equal(['cue-invalid']);
  });

  it('drops a UTF-8 cuecart frame whose bytes are not UTF-8, with one cue-invalid', () => {
    const { errors, onError } = collect();
    const bytes = buildTag({ version: 4, frames: [cuecartFrame({ product: 'shoe' })] });
    // Corrupt a byte inside "shoe" into a lone continuation byte.
    const at = bytes.indexOf(0x73 /* s */, 20);
    bytes[at] = 0x80;
    expect(payloadsFromId3(bytes, onError)).to.deep.equal([]);
    expect(errors.map((e) => e.code)).to.deep.equal(['cue-invalid']);
    expect(errors[0]!.message).to.match(/UTF-8/);
  });

  it('reads the cuecart TXXX frame in every encoding', () => {
    for (const encoding of [0, 1, 2, 3] as Id3Encoding[]) {
      const { errors, onError } = collect();
      const bytes = buildTag({
        version: 4,
        frames: [cuecartFrame({ product: 'shoe', price: 1999 }, encoding)],
      });
      expect(payloadsFromId3(bytes, onError)).to.deep.equal([{ product: 'shoe', price: 1999 }]);
      expect(errors).to.deep.equal([]);
    }
  });

  it('reads IVS-style JSON in TXXX, TEXT and PRIV frames, once per distinct text', () => {
    const { errors, onError } = collect();
    const bytes = buildTag({
      version: 4,
      frames: [
        txxxFrame('', '{"product":"a"}'),
        textFrame('TEXT', '{"product":"b","variant":"red"}'),
        privFrame('com.ivs', '{"product":"c"}'),
        txxxFrame('other', '{"product":"a"}'),
        textFrame('TIT2', 'Just a title'),
        txxxFrame('meta', '{"chapter":3}'),
      ],
    });
    expect(payloadsFromId3(bytes, onError).map((p) => p.product)).to.deep.equal(['a', 'b', 'c']);
    expect(errors).to.deep.equal([]);
  });

  it('reports an invalid cuecart payload once and keeps the valid ones', () => {
    const { errors, onError } = collect();
    const bytes = buildTag({
      version: 3,
      frames: [
        cuecartFrame('not json'),
        cuecartFrame({ product: 'ok' }),
        cuecartFrame({ title: 'x' }),
      ],
    });
    expect(payloadsFromId3(bytes, onError)).to.deep.equal([{ product: 'ok' }]);
    expect(errors.map((e) => e.code)).to.deep.equal(['cue-invalid', 'cue-invalid']);
  });
});

describe('payloadsFromId3Frames', () => {
  it('matches the cuecart description case-insensitively', () => {
    const { onError } = collect();
    const frames = [
      { id: 'TXXX', description: 'CueCart', text: '{"product":"p"}', data: new Uint8Array(0) },
    ];
    expect(payloadsFromId3Frames(frames, onError)).to.deep.equal([{ product: 'p' }]);
  });
});
