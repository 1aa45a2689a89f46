/**
 * Opt-in JSX typings for using `<cuecart-player>` and `<cuecart-mini-cart>` in **Preact** (which
 * sets a custom element's properties and listens to `on<event-type>` props). Enable once, e.g.
 * in a `.d.ts` file of your app:
 *
 * ```ts
 * import type {} from 'cuecart/jsx/preact';
 * ```
 *
 * then `<cuecart-player src="…" adapter={adapter} oncuecart-add-to-cart={(e) => e.detail.line} />`
 * is type-checked.
 * @module
 */
import type { HTMLAttributes } from 'preact';
import type { CuecartMiniCart } from '../ui/mini-cart/mini-cart.js';
import type { CuecartPlayer } from '../ui/player/cuecart-player.js';
import type { CuecartMiniCartJsxProps, CuecartPlayerJsxProps } from './element-props.js';

/** Preact's props of a custom element: its HTML attributes and its own props. */
type PreactElementProps<E extends HTMLElement, Own> = Omit<HTMLAttributes<E>, keyof Own> & Own;

declare module 'preact' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'cuecart-player': PreactElementProps<CuecartPlayer, CuecartPlayerJsxProps>;
      'cuecart-mini-cart': PreactElementProps<CuecartMiniCart, CuecartMiniCartJsxProps>;
    }
  }
}
