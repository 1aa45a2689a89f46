import { expect } from '@open-wc/testing';
import { CuecartError } from '../../../src/internal/errors.js';
import { parseJsonCues } from '../../../src/cues/json-cues.js';

describe('parseJsonCues', () => {
  it('parses a cue list into cues, every other field being the payload', () => {
    const errors: CuecartError[] = [];
    const cues = parseJsonCues(
      JSON.stringify({
        cues: [
          { start: 12.5, end: 30, product: 'shoe', price: 1999 },
          { start: 40, product: 'hat', id: 'hat-1', duration: 5 },
        ],
      }),
      (e) => errors.push(e),
    );
    expect(cues).to.deep.equal([
      {
        id: 'json:12500:shoe:',
        start: 12.5,
        end: 30,
        payload: { product: 'shoe', price: 1999 },
        source: 'json',
      },
      { id: 'json:hat-1', start: 40, payload: { product: 'hat', duration: 5 }, source: 'json' },
    ]);
    expect(errors).to.deep.equal([]);
  });

  it('accepts a parsed value and a bare array', () => {
    expect(parseJsonCues([{ start: 1, product: 'a' }], () => {})).to.have.length(1);
    expect(parseJsonCues({ cues: [{ start: 1, product: 'a' }] }, () => {})).to.have.length(1);
  });

  it('reports bad entries and keeps the good ones', () => {
    const errors: CuecartError[] = [];
    const cues = parseJsonCues(
      {
        cues: [
          null,
          { product: 'no-start' },
          { start: -1, product: 'negative' },
          { start: 5, end: 5, product: 'empty' },
          { start: 5, title: 'no product' },
          { start: 6, product: 'ok' },
        ],
      },
      (e) => errors.push(e),
    ) as unknown[];
    expect(cues).to.have.length(1);
    expect(errors).to.have.length(5);
    expect(errors.every((e) => e.code === 'cue-invalid')).to.equal(true);
    expect(errors[0]!.message).to.match(/Cue #1/);
  });

  it('fails the whole document when it is not a cue list', () => {
    for (const input of ['{', '42', '{"items":[]}', null]) {
      const result = parseJsonCues(input, () => {});
      expect(result).to.be.instanceOf(CuecartError);
      expect((result as CuecartError).code).to.equal('cues-load-failed');
    }
  });
});
