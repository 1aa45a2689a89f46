/**
 * The shopping elements — product card, product list, seek-bar markers, mini cart — apart from
 * the player shell. The player renders them by tag name; they upgrade when this module's chunk
 * arrives (requested in parallel with hls.js, see {@link definePlayer}), and Lit hands the
 * properties the player set before that to the upgraded element
 * (docs/decisions/0047-player-shell-and-parallel-chunks.md).
 * @module
 */
import { CuecartMiniCart } from './ui/mini-cart/mini-cart.js';
import { CuecartProductCard } from './ui/product-card/product-card.js';
import { CuecartProductList } from './ui/product-list/product-list.js';
import { CuecartSeekMarkers } from './ui/seek-markers/seek-markers.js';

/** The shopping element classes, by tag name. */
export function shopElements(): Record<string, CustomElementConstructor> {
  return {
    [CuecartProductCard.tagName]: CuecartProductCard,
    [CuecartProductList.tagName]: CuecartProductList,
    [CuecartSeekMarkers.tagName]: CuecartSeekMarkers,
    [CuecartMiniCart.tagName]: CuecartMiniCart,
  };
}

/** Registers the shopping elements in `registry`, skipping tags already defined. */
export function defineShopElements(registry: CustomElementRegistry = customElements): void {
  for (const [tag, ctor] of Object.entries(shopElements())) {
    if (!registry.get(tag)) registry.define(tag, ctor);
  }
}

/**
 * The shell's wait before it registers these elements (the starting players' first frames),
 * shipped in this chunk because only their registration needs it
 * (docs/decisions/0063-shopping-ui-after-the-first-frame.md).
 */
export { afterFirstFrames } from './facade/first-frames.js';
