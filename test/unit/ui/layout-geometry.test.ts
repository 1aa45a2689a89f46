import { expect } from '@open-wc/testing';
import {
  boxesIntersect,
  centreOf,
  OVERLAY_CARD,
  overlayCardBox,
  overlayCoversCentre,
  pictureBox,
} from '../../../src/ui/controllers/layout-geometry.js';
import { resolveAutoLayout } from '../../../src/ui/controllers/stream-shape-controller.js';

const WIDE = 16 / 9;
const TALL = 9 / 16;

describe('pictureBox', () => {
  it('letterboxes a wide picture in a square stage under contain', () => {
    expect(pictureBox({ width: 800, height: 800 }, 2)).to.deep.equal({
      x: 0,
      y: 200,
      width: 800,
      height: 400,
    });
  });

  it('pillarboxes a tall picture capped by the screen height', () => {
    const box = pictureBox({ width: 820, height: 1180 }, TALL);
    expect(box.height).to.equal(1180);
    expect(box.width).to.be.closeTo(663.75, 0.01);
    expect(box.x).to.be.closeTo((820 - 663.75) / 2, 0.01);
  });

  it('is the whole stage under cover (the rest is cropped away)', () => {
    expect(pictureBox({ width: 390, height: 693 }, WIDE, 'cover')).to.deep.equal({
      x: 0,
      y: 0,
      width: 390,
      height: 693,
    });
  });
});

describe('centreOf and boxesIntersect', () => {
  it('takes the middle half in each direction', () => {
    expect(centreOf({ x: 0, y: 0, width: 400, height: 200 })).to.deep.equal({
      x: 100,
      y: 50,
      width: 200,
      height: 100,
    });
  });

  it('does not count touching edges as covering', () => {
    const a = { x: 0, y: 0, width: 10, height: 10 };
    expect(boxesIntersect(a, { x: 10, y: 0, width: 5, height: 5 })).to.be.false;
    expect(boxesIntersect(a, { x: 9, y: 9, width: 5, height: 5 })).to.be.true;
  });
});

describe('overlayCardBox', () => {
  it('sits above the control bar, inset from the start, at most its widest', () => {
    const box = overlayCardBox({ width: 1000, height: 600 });
    expect(box.x).to.equal(OVERLAY_CARD.inset);
    expect(box.width).to.equal(OVERLAY_CARD.maxInlineSize);
    expect(box.y + box.height).to.equal(600 - OVERLAY_CARD.blockEnd);
  });

  it('narrows to the stage on a phone', () => {
    expect(overlayCardBox({ width: 390, height: 219 }).width).to.equal(
      390 - 2 * OVERLAY_CARD.inset,
    );
  });
});

describe('overlayCoversCentre', () => {
  it('is true for a 16:9 picture on a phone and on a portrait tablet', () => {
    expect(overlayCoversCentre({ width: 390, height: 390 / WIDE }, WIDE)).to.be.true;
    expect(overlayCoversCentre({ width: 820, height: 820 / WIDE }, WIDE)).to.be.true;
  });

  it('is false once the picture is tall enough for the card to fit under its centre', () => {
    // 16:9 in an 880 px square box: picture 495 px tall, centre ends at 563, card starts at 620.
    expect(overlayCoversCentre({ width: 880, height: 880 }, WIDE)).to.be.false;
  });
});

describe('resolveAutoLayout', () => {
  const measure = (width: number, height: number, layout: 'overlay' | 'panel' = 'overlay') => ({
    layout,
    stage: { width, height },
    fit: 'contain',
  });

  it('keeps the panel whatever the shape', () => {
    expect(resolveAutoLayout(measure(1280, 720, 'panel'), WIDE)).to.equal('panel');
    expect(resolveAutoLayout(measure(1280, 800, 'panel'), TALL)).to.equal('panel');
  });

  it('stacks a landscape picture whose centre an overlay card would cover', () => {
    expect(resolveAutoLayout(measure(390, 219), WIDE)).to.equal('stacked');
    expect(resolveAutoLayout(measure(820, 461), WIDE)).to.equal('stacked');
    expect(resolveAutoLayout(measure(880, 880), WIDE)).to.equal('overlay');
  });

  it('keeps the vertical look (card over the picture) for a vertical stream', () => {
    expect(resolveAutoLayout(measure(390, 693), TALL)).to.equal('overlay');
  });

  it('waits for a measurement before stacking', () => {
    expect(resolveAutoLayout(measure(0, 0), WIDE)).to.equal('overlay');
  });
});
