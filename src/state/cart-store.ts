import { atom, map, type MapStore, type ReadableAtom } from 'nanostores';
import { isAbortError } from '../commerce/abort.js';
import { lineIdentity, withSafeUrls } from '../commerce/cart.js';
import {
  CheckoutError,
  toCheckoutError,
  emptyCart,
  type Cart,
  type CartLine,
  type CartLineInput,
  type CheckoutAdapter,
} from '../commerce/checkout-adapter.js';
import { CuecartError, type CuecartErrorCode, type ErrorSink } from '../internal/errors.js';
import { safeUrl } from '../internal/url-policy.js';

/** The cart's overall state; `message` is the last failure, readable by a shopper. */
export interface CartStatus {
  state: 'idle' | 'pending' | 'error';
  message?: string;
  error?: CuecartError;
}

/** What a buy button for one variant should show. Absent = nothing going on. */
export type VariantCartState = 'pending' | 'added' | 'error';

/** How to draw an optimistic line before the adapter confirms it. */
export interface CartLinePreview {
  title?: string;
  variantTitle?: string;
  /** Unit price in minor units. */
  price?: number;
  image?: string;
  url?: string;
}

/** Options of {@link createCart}. */
export interface CartOptions {
  adapter: CheckoutAdapter;
  /** Currency of the cart before the adapter reports one. Default USD. */
  currency?: string;
  /** Every failure, as `add-to-cart-failed`, `cart-change-failed`, `cart-load-failed` or `checkout-failed`. */
  onError?: ErrorSink;
  /** The confirmed cart changed (adapter answer or host-side change). */
  onChange?: (cart: Cart) => void;
  /** How long a variant stays `added`; 0 keeps it. Default 2000 ms. */
  addedMs?: number;
  /** Used for checkout when the adapter has no `checkout` but the cart a `checkoutUrl`. */
  window?: { location: { assign(url: string): void } };
}

/** A cart mirror with optimistic updates. Created by {@link createCart}. */
export interface CartController {
  /** The cart to render: the adapter's last answer with pending changes applied on top. */
  readonly $cart: ReadableAtom<Cart>;
  readonly $status: ReadableAtom<CartStatus>;
  /**
   * The cart as the adapter last confirmed it (no pending changes): changes exactly when
   * `onChange` is called, so every player sharing this cart can listen to it.
   */
  readonly $confirmed: ReadableAtom<Cart>;
  /** Per-variant button state, keyed by variant id. */
  readonly $variants: MapStore<Record<string, VariantCartState | undefined>>;
  /** The adapter in use. */
  readonly adapter: CheckoutAdapter;
  /**
   * Adds a line optimistically. An add of the same variant and properties while one is in
   * flight returns that same promise (one request, the quantity first chosen). Resolves with
   * the adapter's cart, or null on failure (reported through `$status` and `onError`).
   */
  add(line: CartLineInput, preview?: CartLinePreview): Promise<Cart | null>;
  /** Sets a line's quantity optimistically (0 removes it); rolls back on failure. */
  changeLine(key: string, quantity: number): Promise<Cart | null>;
  /** Removes a line: `changeLine(key, 0)`. */
  remove(key: string): Promise<Cart | null>;
  /** Re-reads the cart through `adapter.getCart` (no-op without it). */
  refresh(): Promise<Cart | null>;
  /** Starts checkout; resolves false (after reporting) when it could not. */
  checkout(): Promise<boolean>;
  /** Swaps the adapter: work in flight is dropped and the cart starts empty again. */
  setAdapter(adapter: CheckoutAdapter): void;
  /** Aborts work in flight and stops listening to the adapter. */
  destroy(): void;
}

type Op =
  | { id: number; kind: 'add'; line: CartLineInput; preview: CartLinePreview }
  | { id: number; kind: 'change'; key: string; quantity: number };

/** The confirmed cart with pending operations applied, in the order they were made. */
function withPending(base: Cart, ops: readonly Op[]): Cart {
  if (!ops.length) return base;
  const lines: CartLine[] = base.lines.map((l) => ({ ...l }));
  let { itemCount, subtotal } = base;
  for (const op of ops) {
    if (op.kind === 'add') {
      const identity = lineIdentity(op.line);
      const existing = lines.find((l) => lineIdentity(l) === identity);
      const price = op.preview.price ?? existing?.price ?? 0;
      const quantity = op.line.quantity;
      if (existing) {
        existing.quantity += quantity;
        existing.linePrice += price * quantity;
        existing.pending = true;
      } else {
        const line: CartLine = {
          key: `pending:${op.id}`,
          variantId: op.line.variantId,
          productId: op.line.productId,
          title: op.preview.title ?? '',
          quantity,
          price,
          linePrice: price * quantity,
          pending: true,
        };
        if (op.preview.variantTitle) line.variantTitle = op.preview.variantTitle;
        if (op.preview.image) line.image = op.preview.image;
        if (op.preview.url) line.url = op.preview.url;
        if (op.line.properties) line.properties = { ...op.line.properties };
        lines.push(line);
      }
      itemCount += quantity;
      subtotal += price * quantity;
    } else {
      const index = lines.findIndex((l) => l.key === op.key);
      const line = lines[index];
      if (!line) continue;
      const unit = line.quantity ? line.linePrice / line.quantity : line.price;
      itemCount += op.quantity - line.quantity;
      subtotal += Math.round(unit * (op.quantity - line.quantity));
      if (op.quantity <= 0) lines.splice(index, 1);
      else
        Object.assign(line, {
          quantity: op.quantity,
          linePrice: Math.round(unit * op.quantity),
          pending: true,
        });
    }
  }
  return { ...base, lines, itemCount, subtotal };
}

/**
 * Creates a cart mirror for one player (or, passed to several, one cart shared on purpose).
 * Optimistic and rollback-safe; never throws into the page: failures land in `$status` and
 * `onError` as `CuecartError`s whose `cause` is the adapter's `CheckoutError`.
 */
export function createCart(options: CartOptions): CartController {
  const currency = options.currency ?? 'USD';
  const $cart = atom<Cart>(emptyCart(currency));
  const $status = atom<CartStatus>({ state: 'idle' });
  const $confirmed = atom<Cart>($cart.get());
  const $variants = map<Record<string, VariantCartState | undefined>>({});
  let adapter = options.adapter;
  let confirmed = $cart.get();
  let generation = new AbortController();
  let unsubscribe: (() => void) | undefined;
  let destroyed = false;
  let nextId = 0;
  let appliedId = 0;
  let inFlight = 0;
  const ops: Op[] = [];
  const adds = new Map<string, Promise<Cart | null>>();
  const addedTimers = new Map<string, ReturnType<typeof setTimeout>>();

  const render = () => $cart.set(withPending(confirmed, ops));
  const unsafeReported = new Set<string>();

  function confirm(given: Cart, id: number) {
    // An answer to an older request must not overwrite a newer one that arrived first.
    if (id < appliedId) return;
    // Every adapter's cart enters here: drop unsafe links once, tell the host once per link.
    const cart = withSafeUrls(given, (why) => {
      if (unsafeReported.has(why)) return;
      unsafeReported.add(why);
      try {
        options.onError?.(
          new CuecartError(
            'cart-load-failed',
            `The cart's ${why}: only http(s) and relative URLs are allowed.`,
          ),
        );
      } catch {
        // The host's bug is not the shopper's failure.
      }
    });
    appliedId = id;
    confirmed = cart;
    render();
    $confirmed.set(cart);
    try {
      options.onChange?.(cart);
    } catch {
      // A throwing host callback must not turn a success into a failure.
    }
  }

  function fail(code: CuecartErrorCode, error: unknown) {
    const cause = toCheckoutError(error);
    const failure = new CuecartError(code, cause.message, { cause });
    $status.set({ state: 'error', message: failure.message, error: failure });
    try {
      options.onError?.(failure);
    } catch {
      // Same as onChange: the host's bug is not the shopper's failure.
    }
  }

  function setVariant(variantId: string, state: VariantCartState | undefined) {
    clearTimeout(addedTimers.get(variantId));
    addedTimers.delete(variantId);
    $variants.setKey(variantId, state);
    const ms = options.addedMs ?? 2000;
    if (state === 'added' && ms > 0) {
      addedTimers.set(
        variantId,
        setTimeout(() => {
          addedTimers.delete(variantId);
          $variants.setKey(variantId, undefined);
        }, ms),
      );
    }
  }

  async function run(
    code: CuecartErrorCode,
    op: Op | null,
    call: (signal: AbortSignal) => Promise<Cart>,
    quiet = false,
  ): Promise<Cart | null> {
    if (destroyed) return null;
    const gen = generation;
    const id = op?.id ?? ++nextId;
    if (op) {
      ops.push(op);
      render();
    }
    if (!quiet) {
      inFlight++;
      $status.set({ state: 'pending' });
    }
    let result: Cart | null = null;
    try {
      const cart = await call(gen.signal);
      if (gen === generation) {
        confirm(cart, id);
        result = cart;
      }
    } catch (error) {
      if (gen === generation && !isAbortError(error)) fail(code, error);
    } finally {
      if (gen === generation) {
        const index = op ? ops.indexOf(op) : -1;
        if (index >= 0) ops.splice(index, 1);
        render();
        if (!quiet && --inFlight === 0 && $status.get().state === 'pending') {
          $status.set({ state: 'idle' });
        }
      }
    }
    return result;
  }

  function listen() {
    unsubscribe = adapter.subscribe?.((cart) => {
      if (!destroyed) confirm(cart, appliedId);
    });
  }

  function reset() {
    generation.abort();
    generation = new AbortController();
    unsubscribe?.();
    unsubscribe = undefined;
    ops.length = 0;
    adds.clear();
    inFlight = 0;
    for (const timer of addedTimers.values()) clearTimeout(timer);
    addedTimers.clear();
  }

  listen();

  const controller: CartController = {
    $cart,
    $status,
    $confirmed,
    $variants,
    get adapter() {
      return adapter;
    },

    add(line, preview = {}) {
      const identity = lineIdentity(line);
      const running = adds.get(identity);
      if (running) return running;
      const quantity = Math.max(1, Math.floor(line.quantity || 1));
      const op: Op = { id: ++nextId, kind: 'add', line: { ...line, quantity }, preview };
      setVariant(line.variantId, 'pending');
      const gen = generation;
      const promise = run('add-to-cart-failed', op, (signal) =>
        adapter.addToCart(op.line, { signal }),
      ).then((cart) => {
        if (gen === generation && !destroyed) setVariant(line.variantId, cart ? 'added' : 'error');
        if (adds.get(identity) === promise) adds.delete(identity);
        return cart;
      });
      adds.set(identity, promise);
      return promise;
    },

    async changeLine(key, quantity) {
      const qty = Math.max(0, Math.floor(Number(quantity) || 0));
      const changeLine = adapter.changeLine;
      if (!changeLine || key.startsWith('pending:')) {
        if (destroyed) return null;
        const why = changeLine
          ? 'This item is still being added. Try again in a moment.'
          : 'This cart cannot be changed here.';
        fail('cart-change-failed', new CheckoutError('rejected', why));
        return null;
      }
      const op: Op = { id: ++nextId, kind: 'change', key, quantity: qty };
      return run('cart-change-failed', op, (signal) =>
        changeLine.call(adapter, key, qty, { signal }),
      );
    },

    remove(key) {
      return controller.changeLine(key, 0);
    },

    async refresh() {
      const getCart = adapter.getCart;
      if (!getCart) return destroyed ? null : confirmed;
      return run('cart-load-failed', null, (signal) => getCart.call(adapter, { signal }), true);
    },

    async checkout() {
      if (destroyed) return false;
      const cart = $cart.get();
      try {
        if (adapter.checkout) await adapter.checkout(cart);
        else if (safeUrl(cart.checkoutUrl)) {
          (options.window ?? globalThis.window)?.location.assign(safeUrl(cart.checkoutUrl)!);
        } else throw new CheckoutError('rejected', 'Checkout is not available on this page.');
        return true;
      } catch (error) {
        fail('checkout-failed', error);
        return false;
      }
    },

    setAdapter(next) {
      if (destroyed || next === adapter) return;
      reset();
      adapter = next;
      confirmed = emptyCart(currency);
      appliedId = nextId;
      $variants.set({});
      $status.set({ state: 'idle' });
      render();
      listen();
    },

    destroy() {
      if (destroyed) return;
      reset();
      destroyed = true;
      if ($status.get().state === 'pending') $status.set({ state: 'idle' });
    },
  };
  return controller;
}
