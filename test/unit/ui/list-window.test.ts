import { expect } from '@open-wc/testing';
import { rangeInView, type ListGeometry } from '../../../src/ui/product-list/list-window.js';

const geometry = (extra: Partial<ListGeometry> = {}): ListGeometry => ({
  start: 0,
  pitch: 50,
  viewportHeight: 600,
  overscan: 10,
  minimum: 30,
  ...extra,
});

describe('rangeInView', () => {
  it('renders the entries in the viewport with the overscan on each side', () => {
    // Entry 0 at 5,000 px above the viewport: entries 100 to 112 are in it.
    expect(rangeInView(10_000, geometry({ start: -5_000 }))).to.deep.equal({ from: 90, to: 123 });
  });

  it('clamps at both ends of the list', () => {
    expect(rangeInView(10_000, geometry({ start: 0 }))).to.deep.equal({ from: 0, to: 30 });
    expect(rangeInView(200, geometry({ start: -9_800 }))).to.deep.equal({ from: 170, to: 200 });
  });

  it('renders at least the minimum, and never more entries than the list has', () => {
    const tall = geometry({ start: -5_000, pitch: 400, overscan: 1 });
    expect(rangeInView(10_000, tall)).to.deep.equal({ from: 11, to: 41 });
    expect(rangeInView(5, tall)).to.deep.equal({ from: 0, to: 5 });
    expect(rangeInView(0, tall)).to.deep.equal({ from: 0, to: 0 });
  });

  it('renders the first entries of a list below the viewport and the last of one above it', () => {
    expect(rangeInView(1_000, geometry({ start: 2_000 }))).to.deep.equal({ from: 0, to: 30 });
    expect(rangeInView(1_000, geometry({ start: -90_000 }))).to.deep.equal({
      from: 970,
      to: 1_000,
    });
  });

  it('falls back to the first entries without a usable geometry', () => {
    for (const bad of [{ pitch: 0 }, { pitch: Number.NaN }, { start: Number.POSITIVE_INFINITY }]) {
      expect(rangeInView(1_000, geometry(bad)), JSON.stringify(bad)).to.deep.equal({
        from: 0,
        to: 30,
      });
    }
  });
});
