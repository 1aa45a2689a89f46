import { expect } from '@open-wc/testing';
import { CuecartError } from '../../../src/internal/errors.js';
import {
  parseJsonCueList,
  parseJsonCues,
  resolveJsonCue,
  type JsonCueList,
} from '../../../src/cues/json-cues.js';

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

describe('parseJsonCueList', () => {
  const T0 = Date.parse('2030-05-01T12:00:00.000Z');

  it('reads wall-clock entries and the refresh interval', () => {
    const errors: CuecartError[] = [];
    const list = parseJsonCueList(
      {
        refresh: 2,
        cues: [
          { id: 'a', startDate: '2030-05-01T12:00:07.250Z', product: 'p' },
          { startDate: '2030-05-01T14:00:08+02:00', endDate: '2030-05-01T12:00:10Z', product: 'q' },
        ],
      },
      (e) => errors.push(e),
    ) as JsonCueList;
    expect(errors).to.deep.equal([]);
    expect(list.refresh).to.equal(2);
    expect(list.entries).to.deep.equal([
      { id: 'json:a', startDate: T0 + 7_250, payload: { product: 'p' } },
      {
        id: `json:@${T0 + 8_000}:q:`,
        startDate: T0 + 8_000,
        endDate: T0 + 10_000,
        payload: { product: 'q' },
      },
    ]);
  });

  it('rejects dates without a time zone, ends before starts and bad refresh values', () => {
    const errors: CuecartError[] = [];
    const list = parseJsonCueList(
      {
        refresh: 'soon',
        cues: [
          { startDate: '2030-05-01T12:00:07', product: 'no-zone' },
          { startDate: 'yesterday', product: 'words' },
          { startDate: '2030-05-01T12:00:07Z', endDate: '2030-05-01T12:00:06Z', product: 'back' },
        ],
      },
      (e) => errors.push(e),
    ) as JsonCueList;
    expect(list.entries).to.deep.equal([]);
    expect(list.refresh).to.equal(undefined);
    expect(errors.map((e) => e.code)).to.deep.equal([
      'cue-invalid',
      'cue-invalid',
      'cue-invalid',
      'cues-load-failed',
    ]);
  });

  it('clamps refresh to 1 s … 1 h and keeps the last entry of a repeated id', () => {
    const fast = parseJsonCueList({ refresh: 0.1, cues: [] }, () => {}) as JsonCueList;
    const slow = parseJsonCueList({ refresh: 1e9, cues: [] }, () => {}) as JsonCueList;
    expect([fast.refresh, slow.refresh]).to.deep.equal([1, 3600]);
    const twice = parseJsonCueList(
      {
        cues: [
          { id: 'x', start: 1, product: 'a' },
          { id: 'x', start: 2, product: 'b' },
        ],
      },
      () => {},
    ) as JsonCueList;
    expect(twice.entries.map((e) => e.payload.product)).to.deep.equal(['b']);
  });

  it('places entries through a date mapping; parseJsonCues reports them without one', () => {
    const toMedia = (date: number) => 100 + (date - T0) / 1000;
    const doc = {
      cues: [
        {
          id: 'a',
          startDate: '2030-05-01T12:00:07Z',
          endDate: '2030-05-01T12:00:09Z',
          product: 'p',
        },
      ],
    };
    expect(parseJsonCues(doc, () => {}, toMedia)).to.deep.equal([
      {
        id: 'json:a',
        start: 107,
        end: 109,
        startDate: T0 + 7_000,
        payload: { product: 'p' },
        source: 'json',
      },
    ]);
    const errors: CuecartError[] = [];
    expect(parseJsonCues(doc, (e) => errors.push(e))).to.deep.equal([]);
    expect(errors[0]!.message).to.match(/PROGRAM-DATE-TIME/);
    const [entry] = (parseJsonCueList(doc, () => {}) as JsonCueList).entries;
    expect(resolveJsonCue(entry!, () => undefined)).to.equal(undefined);
  });
});
