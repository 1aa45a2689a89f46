import { expect } from '@open-wc/testing';
import { CuecartError } from '../../../src/internal/errors.js';
import {
  cueFromDateRange,
  type DateRangeInput,
  parseAttributeList,
  payloadFromClientAttributes,
} from '../../../src/cues/daterange.js';

describe('parseAttributeList', () => {
  it('parses every attribute type', () => {
    const list = parseAttributeList(
      'ID="ad,1",CLASS="com.cuecart.product",START-DATE="2024-05-01T10:00:00.000Z",' +
        'DURATION=12.5,X-OFFSET=-3,SCTE35-OUT=0xFC30,END-ON-NEXT=YES,RESOLUTION=1920x1080,N=7',
    );
    expect(list).not.to.be.instanceOf(CuecartError);
    const attrs = list as Exclude<typeof list, CuecartError>;
    expect(attrs.ID).to.deep.equal({ type: 'quoted-string', value: 'ad,1' });
    expect(attrs.DURATION).to.deep.equal({ type: 'decimal', value: 12.5, raw: '12.5' });
    expect(attrs['X-OFFSET']).to.deep.include({ type: 'decimal', value: -3 });
    expect(attrs.N).to.deep.include({ type: 'decimal', value: 7 });
    expect(attrs['END-ON-NEXT']).to.deep.equal({ type: 'enumerated-string', value: 'YES' });
    expect(attrs.RESOLUTION).to.deep.include({ type: 'resolution', width: 1920, height: 1080 });
    const hex = attrs['SCTE35-OUT'] as { type: string; bytes: Uint8Array };
    expect(hex.type).to.equal('hexadecimal-sequence');
    expect([...hex.bytes]).to.deep.equal([0xfc, 0x30]);
  });

  it('rejects malformed lists', () => {
    for (const bad of [
      '',
      'ID="a',
      'ID="a",ID="b"',
      'id="lower"',
      'ID="a",',
      'ID="a" ,X=1',
      'ID= "a"',
      'ID="a"X=1',
      'NOVALUE',
      'X=',
      'X=a b',
    ]) {
      const result = parseAttributeList(bad);
      expect(result, bad).to.be.instanceOf(CuecartError);
      expect((result as CuecartError).code).to.equal('cue-invalid');
    }
  });
});

describe('payloadFromClientAttributes', () => {
  it('maps X-CUECART-* attributes to camel-cased payload fields', () => {
    expect(
      payloadFromClientAttributes({
        ID: 'x',
        'X-CUECART-PRODUCT': 'shoe',
        'X-CUECART-VARIANT': 'red-42',
        'X-CUECART-PRICE': '1999',
        'X-CUECART-DURATION': '7.5',
        'X-CUECART-COMPARE-AT': '2999',
        'X-OTHER': 'ignored',
      }),
    ).to.deep.equal({
      product: 'shoe',
      variant: 'red-42',
      price: 1999,
      duration: 7.5,
      compareAt: '2999',
    });
  });
});

function range(overrides: Partial<DateRangeInput> = {}): DateRangeInput {
  return {
    id: 'p1',
    class: 'com.cuecart.product',
    startDate: new Date('2024-05-01T10:00:10.000Z'),
    startTime: 10,
    duration: null,
    endOnNext: false,
    attr: {
      ID: 'p1',
      CLASS: 'com.cuecart.product',
      'X-CUECART-PRODUCT': 'shoe',
      'X-CUECART-VARIANT': 'red',
    },
    ...overrides,
  };
}

describe('cueFromDateRange', () => {
  const noErrors = (e: CuecartError) => {
    throw e;
  };

  it('maps a product date range to a cue with DURATION', () => {
    expect(cueFromDateRange(range({ duration: 20 }), noErrors)).to.deep.equal({
      id: 'daterange:p1',
      start: 10,
      end: 30,
      startDate: Date.parse('2024-05-01T10:00:10.000Z'),
      payload: { product: 'shoe', variant: 'red' },
      source: 'daterange',
    });
  });

  it('uses END-DATE when there is no DURATION, and no end for END-ON-NEXT', () => {
    const endDate = new Date('2024-05-01T10:00:25.000Z');
    expect(cueFromDateRange(range({ endDate }), noErrors)!.end).to.equal(25);
    expect(
      cueFromDateRange(range({ endDate, duration: 3, endOnNext: true }), noErrors)!.end,
    ).to.equal(undefined);
    expect(cueFromDateRange(range(), noErrors)!.end).to.equal(undefined);
  });

  it('ignores other classes silently', () => {
    expect(cueFromDateRange(range({ class: 'com.example.ad' }), noErrors)).to.equal(undefined);
    expect(cueFromDateRange(range({ class: undefined }), noErrors)).to.equal(undefined);
  });

  it('reports product ranges it cannot use', () => {
    const errors: CuecartError[] = [];
    const onError = (e: CuecartError) => errors.push(e);
    expect(cueFromDateRange(range({ attr: {} }), onError)).to.equal(undefined);
    expect(cueFromDateRange(range({ startTime: NaN }), onError)).to.equal(undefined);
    expect(cueFromDateRange(range({ id: '' }), onError)).to.equal(undefined);
    expect(errors.map((e) => e.code)).to.deep.equal(['cue-invalid', 'cue-invalid', 'cue-invalid']);
    expect(errors[1]!.message).to.match(/EXT-X-PROGRAM-DATE-TIME/);
  });
});
