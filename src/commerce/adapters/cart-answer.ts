import { abortReason, isAbortError } from '../abort.js';
import { normalizeCart } from '../cart.js';
import { CheckoutError, toCheckoutError, type Cart } from '../checkout-adapter.js';

/**
 * Runs a host's cart operation and keeps the adapter contract: a normalised `Cart` out, a
 * `CheckoutError` on failure (an abort stays an abort). `run` may return a cart, a promise of
 * one, or throw. With a `signal`, the wait ends as soon as it aborts; its listener is removed
 * when the wait ends either way, so long-lived signals do not collect listeners.
 */
export async function cartFromAnswer(
  run: () => unknown,
  currency: string,
  signal?: AbortSignal,
): Promise<Cart> {
  let value: unknown;
  let onAbort: (() => void) | undefined;
  try {
    if (signal?.aborted) throw abortReason(signal);
    const answer = Promise.resolve().then(run);
    if (signal) {
      const aborted = new Promise<never>((_, reject) => {
        onAbort = () => reject(abortReason(signal));
        signal.addEventListener('abort', onAbort, { once: true });
      });
      value = await Promise.race([answer, aborted]);
    } else {
      value = await answer;
    }
  } catch (error) {
    if (isAbortError(error) || (signal?.aborted && error === signal.reason)) throw error;
    throw toCheckoutError(error);
  } finally {
    if (onAbort) signal?.removeEventListener('abort', onAbort);
  }
  const cart = normalizeCart(value, currency);
  if (!cart) {
    throw new CheckoutError('rejected', 'The store answered without a cart.', { cause: value });
  }
  return cart;
}
