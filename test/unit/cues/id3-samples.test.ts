import { expect } from '@open-wc/testing';
import type { CuecartError } from '../../../src/internal/errors.js';
import { cuesFromMetadataSamples } from '../../../src/cues/id3-samples.js';
import { buildTag, cuecartFrame, textFrame } from './id3-builder.js';

const EMSG_ID3 = 'https://aomedia.org/emsg/ID3';

function sample(pts: number, payloads: unknown[], duration = Infinity) {
  return {
    pts,
    dts: pts,
    duration,
    type: EMSG_ID3,
    data: buildTag({ version: 4, frames: payloads.map((p) => cuecartFrame(p)) }),
  };
}

describe('cuesFromMetadataSamples', () => {
  it('starts each cue at the sample PTS with a stable id', () => {
    const errors: CuecartError[] = [];
    const cues = cuesFromMetadataSamples(
      [sample(10.0000001, [{ product: 'a', variant: 'red' }]), sample(12, [{ product: 'b' }])],
      (e) => errors.push(e),
    );
    expect(cues).to.deep.equal([
      {
        id: 'id3:10000:a:red',
        start: 10.0000001,
        payload: { product: 'a', variant: 'red' },
        source: 'id3',
      },
      { id: 'id3:12000:b:', start: 12, payload: { product: 'b' }, source: 'id3' },
    ]);
    expect(errors).to.deep.equal([]);
  });

  it('gives the same id to the same sample seen again (reload, re-parse, quality switch)', () => {
    const first = cuesFromMetadataSamples([sample(5.2, [{ product: 'a' }])], () => {});
    const again = cuesFromMetadataSamples([sample(5.2000004, [{ product: 'a' }])], () => {});
    expect(again[0]!.id).to.equal(first[0]!.id);
  });

  it('uses the emsg source and a finite emsg duration as the end', () => {
    const [cue] = cuesFromMetadataSamples([sample(3, [{ product: 'a' }], 4)], () => {}, 'emsg');
    expect(cue).to.include({ id: 'emsg:3000:a:', source: 'emsg', start: 3, end: 7 });
  });

  it('reports bad samples and payloads, keeps good ones, ignores non-product ID3', () => {
    const errors: CuecartError[] = [];
    const cues = cuesFromMetadataSamples(
      [
        sample(NaN, [{ product: 'x' }]),
        { pts: 1, data: undefined as unknown as Uint8Array },
        sample(2, ['{broken', { product: 'ok' }]),
        { pts: 3, data: buildTag({ version: 3, frames: [textFrame('TIT2', 'Title')] }) },
        { pts: 4, data: Uint8Array.of(1, 2, 3) },
      ],
      (e) => errors.push(e),
    );
    expect(cues.map((c) => c.payload.product)).to.deep.equal(['ok']);
    expect(errors.map((e) => e.code)).to.deep.equal(['cue-invalid', 'cue-invalid', 'cue-invalid']);
  });
});
