import { expect } from '@open-wc/testing';
import type { CuecartError } from '../../../src/internal/errors.js';
import { cuesFromNativeMetadata } from '../../../src/cues/native-metadata.js';
import { buildTag, cuecartFrame } from './id3-builder.js';

describe('cuesFromNativeMetadata', () => {
  it('reads Safari DataCues with value {key, info, data}', () => {
    const errors: CuecartError[] = [];
    const cues = cuesFromNativeMetadata(
      [
        {
          startTime: 1,
          endTime: 2,
          type: 'org.id3',
          value: { key: 'TXXX', info: 'cuecart', data: '{"product":"a"}' },
        },
        { startTime: 3, endTime: 9, value: { key: 'TEXT', data: '{"product":"b"}' } },
        {
          startTime: 4,
          endTime: 9,
          value: {
            key: 'PRIV',
            info: 'com.ivs',
            data: new TextEncoder().encode('{"product":"c"}').buffer,
          },
        },
        { startTime: 5, endTime: 9, value: { key: 'TIT2', data: 'A song' } },
        {
          startTime: 6,
          endTime: 9,
          value: { key: 'PRIV', info: 'x', data: Uint8Array.of(0xff, 0xfe).buffer },
        },
      ],
      (e) => errors.push(e),
    );
    expect(cues).to.deep.equal([
      { id: 'datacue:1000:a:', start: 1, payload: { product: 'a' }, source: 'datacue' },
      { id: 'datacue:3000:b:', start: 3, payload: { product: 'b' }, source: 'datacue' },
      { id: 'datacue:4000:c:', start: 4, payload: { product: 'c' }, source: 'datacue' },
    ]);
    expect(errors).to.deep.equal([]);
  });

  it('reads raw ID3 in DataCue.data and JSON in VTTCue text', () => {
    const tag = buildTag({ version: 4, frames: [cuecartFrame({ product: 'raw' })] });
    const cues = cuesFromNativeMetadata(
      [
        { startTime: 2, endTime: 3, data: tag.buffer as ArrayBuffer },
        { startTime: 7, endTime: 8, text: '{"product":"vtt"}' },
      ],
      () => {},
    );
    expect(cues).to.deep.equal([
      { id: 'datacue:2000:raw:', start: 2, payload: { product: 'raw' }, source: 'datacue' },
      { id: 'webvtt:7000:vtt:', start: 7, end: 8, payload: { product: 'vtt' }, source: 'webvtt' },
    ]);
  });

  it('groups Safari DATERANGE attribute cues into one product cue', () => {
    const attrs = {
      ID: 'p1',
      CLASS: 'com.cuecart.product',
      'X-CUECART-PRODUCT': 'shoe',
      'X-CUECART-PRICE': '500',
    };
    const dataCues = Object.entries(attrs).map(([key, data]) => ({
      startTime: 10,
      endTime: 20,
      type: 'com.apple.quicktime.HLS',
      value: { key, data },
    }));
    const other = {
      startTime: 30,
      endTime: 40,
      type: 'com.apple.quicktime.HLS',
      value: { key: 'CLASS', data: 'ads' },
    };
    expect(cuesFromNativeMetadata([...dataCues, other], () => {})).to.deep.equal([
      {
        id: 'daterange:p1',
        start: 10,
        end: 20,
        payload: { product: 'shoe', price: 500 },
        source: 'daterange',
      },
    ]);
  });

  it('reports invalid payloads and skips malformed cues without throwing', () => {
    const errors: CuecartError[] = [];
    const cues = cuesFromNativeMetadata(
      [
        { startTime: 1, endTime: 2, value: { key: 'TXXX', info: 'cuecart', data: 'nope' } },
        { startTime: NaN, endTime: 2, text: '{"product":"x"}' },
        null as never,
        { startTime: 1, endTime: 2, value: null, text: '[]' },
      ],
      (e) => errors.push(e),
    );
    expect(cues).to.deep.equal([]);
    expect(errors.map((e) => e.code)).to.deep.equal(['cue-invalid', 'cue-invalid']);
  });
});
