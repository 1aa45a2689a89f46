import {
  CheckoutError,
  type Cart,
  type CheckoutAdapter,
  type CartLineInput,
} from '../commerce/checkout-adapter.js';
import { SHOPPER_MESSAGES } from '../commerce/shopper-messages.js';

/**
 * A built-in adapter whose code arrives in its own chunk: a {@link CheckoutAdapter} usable at
 * once that builds the real one on first need (`create`, called once) and hands every call to it.
 * A call made before the chunk arrives waits for it — an add the shopper clicked early is sent
 * then, never dropped; the cart store shows it pending meanwhile
 * (docs/decisions/0048-adapters-load-by-kind.md). A chunk that fails to load rejects that call
 * with a `network` {@link CheckoutError}; the next call tries again.
 */
export function deferredAdapter(create: () => Promise<CheckoutAdapter>): CheckoutAdapter {
  let real: Promise<CheckoutAdapter> | undefined;
  const ready = (): Promise<CheckoutAdapter> =>
    (real ??= create().catch((cause: unknown) => {
      real = undefined;
      throw new CheckoutError('network', SHOPPER_MESSAGES.network, { cause });
    }));
  const missing = (method: string) =>
    new CheckoutError('rejected', `The adapter has no ${method}.`);

  return {
    async addToCart(line: CartLineInput, opts): Promise<Cart> {
      return (await ready()).addToCart(line, opts);
    },
    async changeLine(key, quantity, opts) {
      const adapter = await ready();
      if (!adapter.changeLine) throw missing('changeLine');
      return adapter.changeLine(key, quantity, opts);
    },
    async getCart(opts) {
      const adapter = await ready();
      if (!adapter.getCart) throw missing('getCart');
      return adapter.getCart(opts);
    },
    async checkout(cart) {
      await (await ready()).checkout?.(cart);
    },
    subscribe(onChange) {
      let stopped = false;
      let unsubscribe: (() => void) | undefined;
      ready().then(
        (adapter) => {
          if (!stopped) unsubscribe = adapter.subscribe?.(onChange);
        },
        // Reported by the call that needed the adapter; host-side changes wait for the next one.
        () => {},
      );
      return () => {
        stopped = true;
        unsubscribe?.();
      };
    },
  };
}
