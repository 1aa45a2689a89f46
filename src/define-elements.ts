import { shopElements } from './define-shop.js';
import { playerElements } from './define-player.js';

/** Every Cuecart element class, by tag name. */
export function cuecartElements(): Record<string, CustomElementConstructor> {
  return { ...playerElements(), ...shopElements() };
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
