/**
 * Opt-in JSX typings for using `<cuecart-player>` and `<cuecart-mini-cart>` directly in
 * **React 19** (which sets a custom element's properties and listens to `on<event-type>` props
 * itself). Enable once, e.g. in a `.d.ts` file of your app:
 *
 * ```ts
 * import type {} from 'cuecart/jsx/react';
 * ```
 *
 * then `<cuecart-player src="…" adapter={adapter} oncuecart-add-to-cart={(e) => e.detail.line} />`
 * is type-checked. React 18 does neither: use the `cuecart/react` components there.
 * @module
 */
import type { HTMLAttributes, RefAttributes } from 'react';
import type { CuecartMiniCart } from '../ui/mini-cart/mini-cart.js';
import type { CuecartPlayer } from '../ui/player/cuecart-player.js';
import type { CuecartMiniCartJsxProps, CuecartPlayerJsxProps } from './element-props.js';

/** React's props of a custom element: its HTML attributes, `ref`, `key`, and its own props. */
type ReactElementProps<E extends HTMLElement, Own> = Omit<HTMLAttributes<E>, keyof Own> &
  RefAttributes<E> & { key?: string | number | null; class?: string } & Own;

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'cuecart-player': ReactElementProps<CuecartPlayer, CuecartPlayerJsxProps>;
      'cuecart-mini-cart': ReactElementProps<CuecartMiniCart, CuecartMiniCartJsxProps>;
    }
  }
}
