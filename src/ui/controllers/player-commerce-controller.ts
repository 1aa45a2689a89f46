import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  createPlayerCommerce,
  type PlayerCommerce,
  type PlayerCommerceOptions,
} from '../../state/player-commerce.js';
import { StoresController } from './store-controller.js';

/**
 * Binds a {@link PlayerCommerce} store to a Lit host: creates it on the first connect, from the
 * options the host has then (attributes such as `currency` and `adapter` are applied by then),
 * connects and disconnects it with the host, and re-renders the host when its stores change.
 * No state logic lives here.
 */
export class PlayerCommerceController implements ReactiveController {
  /** The store, from the host's first connect on. */
  commerce?: PlayerCommerce;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: () => PlayerCommerceOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (!this.commerce) {
      const commerce = createPlayerCommerce(this.options());
      this.commerce = commerce;
      const { $featured, $showProducts, $markers, $addStates, $cart, $cartStatus } = commerce;
      // Added while the host connects: connected with the host's other controllers right after.
      new StoresController(this.host, [
        $featured,
        $showProducts,
        $markers,
        $addStates,
        $cart,
        $cartStatus,
      ]);
    }
    this.commerce.connect();
  }

  hostDisconnected(): void {
    this.commerce?.disconnect();
  }
}
