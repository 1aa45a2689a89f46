import { CuecartControls } from './ui/controls/cuecart-controls.js';
import { CuecartMiniCart } from './ui/mini-cart/mini-cart.js';
import { CuecartPlayer } from './ui/player/cuecart-player.js';
import { CuecartProductCard } from './ui/product-card/product-card.js';
import { CuecartProductList } from './ui/product-list/product-list.js';
import { CuecartSeekMarkers } from './ui/seek-markers/seek-markers.js';

/** Every Cuecart element class, by tag name. */
export function cuecartElements(): Record<string, CustomElementConstructor> {
  return {
    [CuecartPlayer.tagName]: CuecartPlayer,
    [CuecartControls.tagName]: CuecartControls,
    [CuecartProductCard.tagName]: CuecartProductCard,
    [CuecartProductList.tagName]: CuecartProductList,
    [CuecartSeekMarkers.tagName]: CuecartSeekMarkers,
    [CuecartMiniCart.tagName]: CuecartMiniCart,
  };
}

/**
 * Registers every Cuecart element in `registry` (default: the page's `customElements`).
 * Safe to call any number of times, and when another copy of Cuecart registered them first.
 */
export function defineCuecart(registry: CustomElementRegistry = customElements): void {
  for (const [tag, ctor] of Object.entries(cuecartElements())) {
    if (!registry.get(tag)) registry.define(tag, ctor);
  }
}
