import { expect } from '@open-wc/testing';
import { CuecartError } from '../../../src/internal/errors.js';
import {
  MAX_PAYLOAD_BYTES,
  parseCandidatePayload,
  parseCuePayload,
  utf8ByteLength,
} from '../../../src/cues/payload.js';

function expectInvalid(result: unknown, pattern: RegExp) {
  expect(result).to.be.instanceOf(CuecartError);
  expect((result as CuecartError).code).to.equal('cue-invalid');
  expect((result as CuecartError).message).to.match(pattern);
}

describe('parseCuePayload', () => {
  it('accepts JSON text and parsed objects with every documented field', () => {
    const full = {
      product: 'sku-1',
      variant: 'v-2',
      title: 'Shoe',
      price: 1999,
      currency: 'EUR',
      image: 'https://example.com/i.jpg',
      url: 'https://example.com/p',
      duration: 12.5,
      custom: { kept: true },
    };
    expect(parseCuePayload(JSON.stringify(full))).to.deep.equal(full);
    expect(parseCuePayload(full)).to.deep.equal(full);
  });

  it('drops wrong-typed optional fields instead of failing', () => {
    expect(
      parseCuePayload({
        product: ' p ',
        price: 19.99,
        duration: -1,
        title: 5,
        url: null,
        variant: ['x'],
      }),
    ).to.deep.equal({ product: 'p' });
    expect(parseCuePayload({ product: 'p', price: -5, duration: Infinity })).to.deep.equal({
      product: 'p',
    });
  });

  it('rejects non-objects, missing or empty products, and bad JSON', () => {
    expectInvalid(parseCuePayload('[1,2]'), /not a JSON object/);
    expectInvalid(parseCuePayload('"product"'), /not a JSON object/);
    expectInvalid(parseCuePayload(null), /not a JSON object/);
    expectInvalid(parseCuePayload({ product: '' }), /no "product"/);
    expectInvalid(parseCuePayload({ product: 42 }), /no "product"/);
    expectInvalid(parseCuePayload('{"product": "p"'), /not valid JSON/);
  });

  it('rejects payloads over 4 KB counted in UTF-8 bytes', () => {
    const fits = JSON.stringify({ product: 'p', title: 'x'.repeat(MAX_PAYLOAD_BYTES - 40) });
    expect(parseCuePayload(fits)).not.to.be.instanceOf(CuecartError);
    // 1500 three-byte characters: under 4096 UTF-16 units, over 4096 bytes.
    const wide = JSON.stringify({ product: 'p', title: '€'.repeat(1500) });
    expect(wide.length).to.be.below(MAX_PAYLOAD_BYTES);
    expectInvalid(parseCuePayload(wide), /larger than 4096 bytes/);
    expectInvalid(parseCuePayload({ product: 'p', blob: 'x'.repeat(5000) }), /larger/);
  });

  it('rejects deeply nested or cyclic parsed values without recursing', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = { deep };
    expectInvalid(parseCuePayload({ product: 'p', deep }), /nested/);
    const cyclic: Record<string, unknown> = { product: 'p' };
    cyclic.self = cyclic;
    expectInvalid(parseCuePayload(cyclic), /nested/);
  });
});

describe('parseCandidatePayload', () => {
  it('ignores text that is not a JSON object naming a product', () => {
    expect(parseCandidatePayload('Song title')).to.equal(undefined);
    expect(parseCandidatePayload('{"chapter": 1}')).to.equal(undefined);
    expect(parseCandidatePayload(' {"product":"p"} ')).to.deep.equal({ product: 'p' });
    expectInvalid(parseCandidatePayload('{"product": 1}'), /no "product"/);
  });
});

describe('utf8ByteLength', () => {
  it('counts like TextEncoder, surrogates and lone surrogates included', () => {
    for (const text of ['', 'abc', 'é', '€', '👟', 'a\ud800b', 'x\udc00']) {
      expect(utf8ByteLength(text), text).to.equal(new TextEncoder().encode(text).length);
    }
  });
});
