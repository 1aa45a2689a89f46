// The URL policy where cue payloads enter: every carrier keeps the cue but drops an unsafe `url`
// or `image` with a `cue-invalid` report; nothing a cue list holds throws.
import { expect } from '@open-wc/testing';
import { cueFromDateRange, parseAttributeList } from '../../../src/cues/daterange.js';
import { payloadsFromId3 } from '../../../src/cues/id3.js';
import { parseJsonCues } from '../../../src/cues/json-cues.js';
import { cuesFromNativeMetadata } from '../../../src/cues/native-metadata.js';
import { parseCuePayload } from '../../../src/cues/payload.js';
import type { ProductCue } from '../../../src/cues/product-cue.js';
import { parseWebVttCues } from '../../../src/cues/webvtt.js';
import { CuecartError } from '../../../src/internal/errors.js';
import { HOSTILE_URLS } from '../../helpers/hostile-urls.js';
import { buildTag, cuecartFrame } from './id3-builder.js';

const errorSink = () => {
  const errors: CuecartError[] = [];
  return { errors, onError: (e: CuecartError) => errors.push(e) };
};

describe('parseCuePayload (URL policy)', () => {
  it('drops every unsafe url and image, keeps the cue, and says why', () => {
    for (const bad of HOSTILE_URLS) {
      const problems: string[] = [];
      const payload = parseCuePayload({ product: 'mug', url: bad, image: bad, title: 'Mug' }, (p) =>
        problems.push(p),
      );
      expect(payload, JSON.stringify(bad)).not.to.be.instanceOf(CuecartError);
      expect(payload).to.deep.equal({ product: 'mug', title: 'Mug' });
      expect(problems).to.have.length(2);
      expect(problems[0]).to.match(/"url".*only http\(s\) and relative URLs/);
      expect(problems[1]).to.match(/"image"/);
    }
  });

  it('keeps http(s) and relative URLs as the browser reads them', () => {
    const payload = parseCuePayload({
      product: 'mug',
      url: '  /products/mug\n',
      image: 'HTTPS://cdn.example/m.jpg',
    });
    expect(payload).to.include({ url: '/products/mug', image: 'HTTPS://cdn.example/m.jpg' });
  });

  it('keeps a "__proto__" field as data and never changes the prototype', () => {
    const payload = parseCuePayload('{"product":"mug","__proto__":{"url":"javascript:x"}}');
    expect(payload).not.to.be.instanceOf(CuecartError);
    expect(Object.getPrototypeOf(payload)).to.equal(Object.prototype);
    expect((payload as { url?: string }).url).to.equal(undefined);
  });

  it('reports a host object whose getter throws instead of throwing', () => {
    const hostile = {
      product: 'mug',
      get url(): string {
        throw new RangeError('boom');
      },
    };
    const result = parseCuePayload(hostile);
    expect(result).to.be.instanceOf(CuecartError);
    expect((result as CuecartError).code).to.equal('cue-invalid');
  });

  it('refuses an absurdly long product id', () => {
    expect(parseCuePayload({ product: 'p'.repeat(300) })).to.be.instanceOf(CuecartError);
  });
});

describe('every cue carrier (URL policy)', () => {
  const bad = 'java\tscr\nipt:window.__pwned=1';

  it('parseJsonCues', () => {
    const { errors, onError } = errorSink();
    const cues = parseJsonCues(
      {
        cues: [
          { start: 1, product: 'a', url: bad, image: 'data:image/png;base64,AAAA' },
          { start: 2, product: 'b', url: '/products/b' },
        ],
      },
      onError,
    ) as ProductCue[];
    expect(cues.map((c) => c.payload)).to.deep.equal([
      { product: 'a' },
      { product: 'b', url: '/products/b' },
    ]);
    expect(errors.map((e) => e.code)).to.deep.equal(['cue-invalid', 'cue-invalid']);
    expect(errors[0]!.message).to.match(/Cue #1 .*"url"/);
    expect(errors[1]!.message).to.match(/Cue #1 .*"image"/);
  });

  it('parseJsonCues: host entries whose getters throw are dropped, the rest kept', () => {
    const { errors, onError } = errorSink();
    const trap = new Proxy(
      {},
      {
        ownKeys() {
          throw new RangeError('trap');
        },
        get() {
          throw new RangeError('trap');
        },
      },
    );
    const cues = parseJsonCues([trap, { start: 3, product: 'ok' }], onError) as ProductCue[];
    expect(cues.map((c) => c.payload.product)).to.deep.equal(['ok']);
    expect(errors[0]!.code).to.equal('cue-invalid');
  });

  it('parseJsonCues: huge lists of deeply nested junk throw nothing', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 20_000; i++) deep = [deep];
    const { errors, onError } = errorSink();
    const text = `{"cues":[{"start":1,"product":"a","extra":${'['.repeat(20_000)}${']'.repeat(20_000)}},{"start":2,"product":"b"}]}`;
    const fromText = parseJsonCues(text, onError) as ProductCue[];
    const fromValue = parseJsonCues(
      [
        { start: 1, product: 'a', extra: deep },
        { start: 2, product: 'b', title: 't'.repeat(1_000_000) },
        { start: 3, product: 'c' },
      ],
      onError,
    ) as ProductCue[];
    expect(fromText.map((c) => c.payload.product)).to.deep.equal(['b']);
    expect(fromValue.map((c) => c.payload.product)).to.deep.equal(['c']);
    expect(errors.every((e) => e.code === 'cue-invalid')).to.equal(true);
  });

  it('parseWebVttCues', () => {
    const { errors, onError } = errorSink();
    const vtt = `WEBVTT\n\n00:01.000 --> 00:05.000\n${JSON.stringify({ product: 'a', url: bad, image: 'vbscript:x' })}\n`;
    const cues = parseWebVttCues(vtt, onError) as ProductCue[];
    expect(cues[0]!.payload).to.deep.equal({ product: 'a' });
    expect(errors).to.have.length(2);
    expect(errors[0]!.code).to.equal('cue-invalid');
  });

  it('cueFromDateRange (X-CUECART-URL / X-CUECART-IMAGE attributes)', () => {
    const { errors, onError } = errorSink();
    const list = parseAttributeList(
      'ID="p1",CLASS="com.cuecart.product",START-DATE="2026-01-01T00:00:01Z",X-CUECART-PRODUCT="a",X-CUECART-URL="JAVASCRIPT:window.__pwned=1",X-CUECART-IMAGE="data:text/html,x"',
    );
    expect(list).not.to.be.instanceOf(CuecartError);
    const attr = Object.fromEntries(
      Object.entries(list as Record<string, { value: unknown }>).map(([k, v]) => [
        k,
        String(v.value),
      ]),
    );
    const cue = cueFromDateRange(
      {
        id: 'p1',
        class: 'com.cuecart.product',
        startDate: new Date('2026-01-01T00:00:01Z'),
        startTime: 1,
        duration: 4,
        endOnNext: false,
        attr,
      },
      onError,
    );
    expect(cue!.payload).to.deep.equal({ product: 'a' });
    expect(errors.map((e) => e.code)).to.deep.equal(['cue-invalid', 'cue-invalid']);
    expect(errors[0]!.message).to.match(/DATERANGE "p1"/);
  });

  it('payloadsFromId3 (TXXX cuecart frame)', () => {
    const { errors, onError } = errorSink();
    const tag = buildTag({
      version: 4,
      frames: [cuecartFrame({ product: 'a', url: bad, image: '/i/a.jpg' })],
    });
    const payloads = payloadsFromId3(tag, onError);
    expect(payloads).to.deep.equal([{ product: 'a', image: '/i/a.jpg' }]);
    expect(errors).to.have.length(1);
    expect(errors[0]!.message).to.match(/ID3 TXXX/);
  });

  it('cuesFromNativeMetadata (WebVTT text and DATERANGE data cues)', () => {
    const { errors, onError } = errorSink();
    const cues = cuesFromNativeMetadata(
      [
        { startTime: 1, endTime: 3, text: JSON.stringify({ product: 'a', url: bad }) },
        {
          startTime: 4,
          endTime: 6,
          type: 'org.id3',
          value: { key: 'TXXX', info: 'cuecart', data: '{"product":"c","image":"vbscript:x"}' },
        },
      ] as never,
      onError,
    );
    expect(cues.map((c) => c.payload)).to.deep.include({ product: 'a' });
    expect(
      cues.every((c) => c.payload.url === undefined && c.payload.image === undefined),
    ).to.equal(true);
    expect(errors.length).to.be.greaterThan(0);
    expect(errors.every((e) => e.code === 'cue-invalid')).to.equal(true);
  });
});
