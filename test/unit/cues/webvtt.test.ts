import { expect } from '@open-wc/testing';
import { CuecartError } from '../../../src/internal/errors.js';
import { parseVttTimestamp, parseWebVttCues } from '../../../src/cues/webvtt.js';

describe('parseVttTimestamp', () => {
  it('reads hh:mm:ss.ttt and mm:ss.ttt and rejects the rest', () => {
    expect(parseVttTimestamp('00:01:02.500')).to.equal(62.5);
    expect(parseVttTimestamp('101:00:00.001')).to.equal(363600.001);
    expect(parseVttTimestamp('01:02.003')).to.equal(62.003);
    for (const bad of ['1:02.003', '00:60.000', '00:01:02', '00:01:02,500', '00:01.5']) {
      expect(parseVttTimestamp(bad), bad).to.equal(undefined);
    }
  });
});

describe('parseWebVttCues', () => {
  it('parses cues with and without ids, skipping NOTE, STYLE and REGION blocks', () => {
    const errors: CuecartError[] = [];
    const text = [
      '\uFEFFWEBVTT - product cues',
      'Kind: metadata',
      '',
      'NOTE this is',
      'a comment',
      '',
      'STYLE',
      '::cue { color: red }',
      '',
      'REGION',
      'id:r1',
      '',
      'intro',
      '00:00:01.000 --> 00:00:05.500 align:start line:0',
      '{"product": "shoe",',
      ' "price": 1999}',
      '',
      '00:10.000 --> 00:20.000',
      '{"product":"hat","variant":"blue"}',
      '',
    ].join('\r\n');
    const cues = parseWebVttCues(text, (e) => errors.push(e));
    expect(cues).to.deep.equal([
      {
        id: 'webvtt:1000:shoe:',
        start: 1,
        end: 5.5,
        payload: { product: 'shoe', price: 1999 },
        source: 'webvtt',
      },
      {
        id: 'webvtt:10000:hat:blue',
        start: 10,
        end: 20,
        payload: { product: 'hat', variant: 'blue' },
        source: 'webvtt',
      },
    ]);
    expect(errors).to.deep.equal([]);
  });

  it('reports bad cues and keeps the good ones', () => {
    const errors: CuecartError[] = [];
    const text = [
      'WEBVTT',
      '',
      '00:00:05.000 --> 00:00:01.000',
      '{"product":"backwards"}',
      '',
      'no timing here',
      '',
      '00:00:01.000 --> 00:00:02.000',
      'not json',
      '',
      '00:00:03.000 --> 00:00:04.000',
      '{"product":"ok"}',
    ].join('\n');
    const cues = parseWebVttCues(text, (e) => errors.push(e)) as unknown[];
    expect(cues).to.have.length(1);
    expect(errors.map((e) => e.code)).to.deep.equal(['cue-invalid', 'cue-invalid', 'cue-invalid']);
  });

  it('fails the whole document without a WEBVTT header', () => {
    for (const text of ['', 'WEBVTTX\n\n', '{"cues":[]}']) {
      const result = parseWebVttCues(text, () => {});
      expect(result).to.be.instanceOf(CuecartError);
      expect((result as CuecartError).code).to.equal('cues-load-failed');
    }
  });
});
