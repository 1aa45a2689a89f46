/**
 * Plain geometry behind the `auto` layout: where the picture is inside the stage, where an
 * overlay product card would sit, and whether that card would hide the picture's centre (where
 * the host and the product being shown usually are). No DOM: the layout controller measures,
 * these functions decide.
 * @module
 */

/** A width and a height in CSS pixels. */
export interface Size {
  width: number;
  height: number;
}

/** A rectangle in CSS pixels, relative to the stage's top-left corner. */
export interface Box extends Size {
  x: number;
  y: number;
}

/**
 * Where the overlay card sits in the stage. `cuecart-player.styles.ts` builds its `.overlay`
 * rules from these numbers, so the decision and the rendering cannot drift apart.
 */
export const OVERLAY_CARD = {
  /** Gap between the card and the stage's inline edges. */
  inset: 12,
  /** Space kept free under the card for the control bar (52 px) and a gap. */
  blockEnd: 60,
  /** The card's widest. */
  maxInlineSize: 416,
  /**
   * Block size reserved for the compact card: image, a title of up to two lines, the price, one
   * row of option selects and the add button. Products with fewer options are shorter.
   */
  blockSize: 200,
} as const;

/** Share of the picture's width and height that counts as its centre (the middle 50 % × 50 %). */
export const CENTRE_SHARE = 0.5;

/**
 * The picture's rendered box inside a `stage` for a stream of `ratio` (width ÷ height):
 * letterboxed or pillarboxed under `contain`/`scale-down`, else the whole stage (`cover` and
 * `fill` paint every pixel of it; with `cover` the rest of the picture is cropped away).
 */
export function pictureBox(stage: Size, ratio: number, fit = 'contain'): Box {
  if ((fit !== 'contain' && fit !== 'scale-down') || !(ratio > 0)) {
    return { x: 0, y: 0, width: stage.width, height: stage.height };
  }
  const width = Math.min(stage.width, stage.height * ratio);
  const height = Math.min(stage.height, stage.width / ratio);
  return { x: (stage.width - width) / 2, y: (stage.height - height) / 2, width, height };
}

/** The middle `share` × `share` of `box`. */
export function centreOf(box: Box, share = CENTRE_SHARE): Box {
  const width = box.width * share;
  const height = box.height * share;
  return {
    x: box.x + (box.width - width) / 2,
    y: box.y + (box.height - height) / 2,
    width,
    height,
  };
}

/** The box an overlay card would take in `stage` (at its reserved block size). */
export function overlayCardBox(stage: Size): Box {
  const width = Math.max(
    0,
    Math.min(stage.width - 2 * OVERLAY_CARD.inset, OVERLAY_CARD.maxInlineSize),
  );
  const height = OVERLAY_CARD.blockSize;
  return { x: OVERLAY_CARD.inset, y: stage.height - OVERLAY_CARD.blockEnd - height, width, height };
}

/** Whether two boxes share any area (touching edges do not count). */
export function boxesIntersect(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/**
 * Whether a card over the video would cover the centre of the picture: true for a 16:9 picture
 * on a phone or a portrait tablet (the card would take the middle of a short picture), false
 * once the picture is tall enough for the card to fit under its centre.
 */
export function overlayCoversCentre(stage: Size, ratio: number, fit = 'contain'): boolean {
  return boxesIntersect(overlayCardBox(stage), centreOf(pictureBox(stage, ratio, fit)));
}
