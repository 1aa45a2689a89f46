import { abortReason } from '../abort.js';
import { cartFromAnswer } from './cart-answer.js';
import { normalizeCart } from '../cart.js';
import { safeUrl } from '../../internal/url-policy.js';
import {
  CheckoutError,
  emptyCart,
  type AdapterCallOptions,
  type Cart,
  type CartLineInput,
  type CheckoutAdapter,
} from '../checkout-adapter.js';

/** Detail of a request event the host answers with `respondWith(promiseOfCart)`. */
export interface CartRequestDetail {
  /**
   * Call synchronously, during dispatch, with the host's answer (a Cart or a promise of one;
   * reject with a `CheckoutError` to fail with a specific reason).
   */
  respondWith(answer: Cart | PromiseLike<Cart>): void;
  /** Settles with the outcome, for listeners that only observe. */
  result: Promise<Cart>;
}

/** Detail of `cuecart-add-to-cart`. */
export interface AddToCartRequestDetail extends CartRequestDetail {
  line: CartLineInput;
}

/** Detail of `cuecart-change-line`. */
export interface ChangeLineRequestDetail extends CartRequestDetail {
  key: string;
  quantity: number;
}

/** Options of {@link eventsAdapter}. */
export interface EventsAdapterOptions {
  /** Currency of the empty cart `getCart` reports before the host said anything. */
  currency?: string;
  /** Where developer warnings go; defaults to the global console. */
  console?: Pick<Console, 'warn'>;
  /** Navigates to `cart.checkoutUrl` when nobody cancels `cuecart-checkout`. */
  navigate?: (url: string) => void;
}

/** Event names of the events adapter protocol. */
export const CART_EVENTS = {
  addToCart: 'cuecart-add-to-cart',
  changeLine: 'cuecart-change-line',
  getCart: 'cuecart-get-cart',
  checkout: 'cuecart-checkout',
  cartUpdate: 'cuecart-cart-update',
} as const;

/**
 * The default adapter: every cart operation is a cancelable, bubbling, composed request event on
 * `target` (usually the player), answered by the host page with `event.detail.respondWith(…)`.
 * Listeners can be added at any time, so no callback must exist before the script loads.
 * The host pushes its own cart changes with a `cuecart-cart-update` event (detail: cart).
 */
export function eventsAdapter(
  target: EventTarget,
  options: EventsAdapterOptions = {},
): CheckoutAdapter {
  const currency = () => options.currency ?? lastCart?.currency ?? 'USD';
  let lastCart: Cart | undefined;
  const remember = (cart: Cart) => {
    lastCart = cart;
    return cart;
  };

  /** Dispatches a request event; returns the host's answer, or why there is none. */
  function request<D extends object>(type: string, fields: D) {
    let answer: PromiseLike<unknown> | undefined;
    let dispatching = true;
    let settleResult!: { resolve: (c: Cart) => void; reject: (e: unknown) => void };
    const result = new Promise<Cart>((resolve, reject) => {
      settleResult = { resolve, reject };
    });
    result.catch(() => undefined); // observers may ignore it; never an unhandled rejection
    const detail = {
      ...fields,
      result,
      respondWith(value: Cart | PromiseLike<Cart>) {
        if (!dispatching || answer) {
          (options.console ?? console).warn(
            `[cuecart] ${type}: respondWith() must be called once, synchronously, inside the listener.`,
          );
          return;
        }
        answer = Promise.resolve(value);
      },
    };
    const event = new CustomEvent(type, {
      bubbles: true,
      composed: true,
      cancelable: true,
      detail,
    });
    target.dispatchEvent(event);
    dispatching = false;
    return { answer, vetoed: event.defaultPrevented, settleResult };
  }

  async function ask<D extends object>(
    type: string,
    fields: D,
    { signal }: AdapterCallOptions,
    unanswered: () => Promise<Cart>,
  ): Promise<Cart> {
    if (signal.aborted) throw abortReason(signal);
    const { answer, vetoed, settleResult } = request(type, fields);
    try {
      let cart: Cart;
      if (answer) cart = await cartFromAnswer(() => answer, currency(), signal);
      else if (vetoed) {
        throw new CheckoutError('rejected', 'The store did not accept this change to the cart.');
      } else cart = await unanswered();
      settleResult.resolve(remember(cart));
      return cart;
    } catch (error) {
      settleResult.reject(error);
      throw error;
    }
  }

  const missingListener = (type: string) => {
    (options.console ?? console).warn(
      `[cuecart] Nobody answered the "${type}" event. Add a listener that calls ` +
        `event.detail.respondWith(promiseOfCart), or pick another adapter (see docs/adapters.md).`,
    );
    return Promise.reject(
      new CheckoutError('rejected', 'Adding to the cart is not available on this page.'),
    );
  };

  return {
    addToCart: (line, opts) =>
      ask(CART_EVENTS.addToCart, { line }, opts, () => missingListener(CART_EVENTS.addToCart)),

    changeLine: (key, quantity, opts) =>
      ask(CART_EVENTS.changeLine, { key, quantity }, opts, () =>
        missingListener(CART_EVENTS.changeLine),
      ),

    // Unanswered is fine here: hosts that only push carts need not answer reads.
    getCart: (opts) =>
      ask(CART_EVENTS.getCart, {}, opts, async () => lastCart ?? emptyCart(currency())),

    checkout(cart) {
      const event = new CustomEvent(CART_EVENTS.checkout, {
        bubbles: true,
        composed: true,
        cancelable: true,
        // The same `{ cart }` shape as the player's own `cuecart-checkout` notification.
        detail: { cart },
      });
      const proceed = target.dispatchEvent(event);
      // The URL policy again: this cart may not have come through the player's store.
      const url = safeUrl(cart.checkoutUrl);
      if (proceed && url) {
        if (options.navigate) options.navigate(url);
        else globalThis.location?.assign(url);
      } else if (proceed && cart.checkoutUrl) {
        throw new CheckoutError('rejected', 'Checkout is not available on this page.');
      }
    },

    subscribe(onChange) {
      const listener = (event: Event) => {
        const cart = normalizeCart((event as CustomEvent).detail, currency());
        if (cart) onChange(remember(cart));
        else {
          (options.console ?? console).warn(
            `[cuecart] Ignored a "${CART_EVENTS.cartUpdate}" event whose detail is not a cart ({ lines: [...] }).`,
          );
        }
      };
      target.addEventListener(CART_EVENTS.cartUpdate, listener);
      return () => target.removeEventListener(CART_EVENTS.cartUpdate, listener);
    },
  };
}
