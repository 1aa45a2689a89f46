import { atom, type ReadableAtom } from 'nanostores';
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
import { systemClock, type Clock } from '../internal/clock.js';
import { CuecartError, type CuecartErrorCode, type ErrorSink } from '../internal/errors.js';
import { safeUrl } from '../internal/url-policy.js';

/** The cart's overall state; `message` is the last failure, readable by a shopper. */
export interface CartStatus {
  state: 'idle' | 'pending' | 'error';
  message?: string;
  error?: CuecartError;
}

/** What a buy button shows: nothing going on, adding, just added, or the add failed. */
export type AddState = 'idle' | 'pending' | 'added' | 'error';

/** The add state of one variant, as the cart store keeps it (absent = `idle`). */
export interface VariantAddState {
  state: Exclude<AddState, 'idle'>;
  /** The product the variant belongs to (from the added line). */
  productId: string;
  /** Shopper-readable failure, when `state` is `error`. */
  message?: string;
  /** Increases with every add: the most recent add of a product has the highest. */
  seq: number;
}

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
  /** How long a variant stays `added` before it returns to idle; 0 keeps it. Default 2000 ms. */
  addedMs?: number;
  /** Timers for the `added` decay; tests pass a fake one. Default: the global timers. */
  clock?: Clock;
  /** Used for checkout when the adapter has no `checkout` but the cart a `checkoutUrl`. */
  window?: { location: { assign(url: string): void } };
}

/** Options of one cart call. */
export interface CartCallOptions {
  /**
   * Also receives this call's failure (besides the cart's own `onError`): a player using a cart
   * the host shares reports its own requests' failures as its `cuecart-error`.
   */
  onError?: ErrorSink;
}

/** What {@link CartController.add} returns. */
export interface CartAdd {
  /** The line as sent to the adapter (quantity normalised to a whole number ≥ 1). */
  line: CartLineInput;
  /**
   * Resolves with the adapter's cart; rejects with the adapter's `CheckoutError` (reason
   * `rejected` when the cart was destroyed or given another adapter meanwhile). Marked handled:
   * ignoring it is not an unhandled rejection (failures are reported through `onError`).
   */
  result: Promise<Cart>;
  /**
   * True when the same line (variant and properties) was already being added — a double click:
   * no second request was sent, `result` is the first add's, and nobody should hear of a second add.
   */
  joined: boolean;
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
  /**
   * Add state per variant id: the only owner of what buy buttons show. `added` returns to idle
   * (the key disappears) after `addedMs`.
   */
  readonly $adds: ReadableAtom<Readonly<Record<string, VariantAddState>>>;
  /** The adapter in use. */
  readonly adapter: CheckoutAdapter;
  /**
   * Adds a line optimistically. An add of the same variant and properties while one is in
   * flight joins it (one request, the quantity first chosen). After a failure the cart is read
   * again through `adapter.getCart` (when there is one), so an add the store applied despite an
   * error answer still shows.
   */
  add(line: CartLineInput, preview?: CartLinePreview, options?: CartCallOptions): CartAdd;
  /** Sets a line's quantity optimistically (0 removes it); rolls back on failure (null). */
  changeLine(key: string, quantity: number, options?: CartCallOptions): Promise<Cart | null>;
  /** Removes a line: `changeLine(key, 0)`. */
  remove(key: string, options?: CartCallOptions): Promise<Cart | null>;
  /** Re-reads the cart through `adapter.getCart` (no-op without it); null after a failure. */
  refresh(): Promise<Cart | null>;
  /** Sets the currency of the cart shown before the adapter reports one. */
  setCurrency(currency: string): void;
  /** Starts checkout; resolves false (after reporting) when it could not. */
  checkout(options?: CartCallOptions): Promise<boolean>;
  /** Swaps the adapter: work in flight is dropped and the cart starts empty again. */
  setAdapter(adapter: CheckoutAdapter): void;
  /** Aborts work in flight and stops listening to the adapter. */
  destroy(): void;
}

/** The `CuecartError` a cart reports for a failed call: `cause` is the `CheckoutError`. */
export function cartFailure(code: CuecartErrorCode, error: unknown): CuecartError {
  const cause = toCheckoutError(error);
  return new CuecartError(code, cause.message, { cause });
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
  let currency = options.currency || 'USD';
  const clock = options.clock ?? systemClock;
  const addedMs = options.addedMs ?? 2000;
  const $cart = atom<Cart>(emptyCart(currency));
  const $status = atom<CartStatus>({ state: 'idle' });
  const $confirmed = atom<Cart>($cart.get());
  const $adds = atom<Readonly<Record<string, VariantAddState>>>({});
  let adapter = options.adapter;
  let confirmed = $cart.get();
  let confirmedOnce = false;
  let generation = new AbortController();
  let unsubscribe: (() => void) | undefined;
  let destroyed = false;
  let nextId = 0;
  let appliedId = 0;
  let inFlight = 0;
  let addSeq = 0;
  const ops: Op[] = [];
  const adds = new Map<string, CartAdd>();
  const addedTimers = new Map<string, unknown>();

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
    confirmedOnce = true;
    render();
    $confirmed.set(cart);
    try {
      options.onChange?.(cart);
    } catch {
      // A throwing host callback must not turn a success into a failure.
    }
  }

  function report(failure: CuecartError, extra?: ErrorSink) {
    for (const sink of new Set([options.onError, extra])) {
      try {
        sink?.(failure);
      } catch {
        // Same as onChange: the host's bug is not the shopper's failure.
      }
    }
  }

  function fail(code: CuecartErrorCode, error: unknown, extra?: ErrorSink): CuecartError {
    const failure = cartFailure(code, error);
    $status.set({ state: 'error', message: failure.message, error: failure });
    report(failure, extra);
    return failure;
  }

  function setAddState(variantId: string, next: Omit<VariantAddState, 'seq'> | undefined) {
    clock.clearTimeout(addedTimers.get(variantId));
    addedTimers.delete(variantId);
    const all = { ...$adds.get() };
    if (next) all[variantId] = { ...next, seq: ++addSeq };
    else delete all[variantId];
    $adds.set(all);
    if (next?.state === 'added' && addedMs > 0) {
      addedTimers.set(
        variantId,
        clock.setTimeout(() => {
          addedTimers.delete(variantId);
          setAddState(variantId, undefined);
        }, addedMs),
      );
    }
  }

  /**
   * Runs one adapter call: the op shows optimistically until the answer, which becomes the
   * confirmed cart. Rejects with the failure (already reported) or, when the cart was reset
   * meanwhile, with an abort; `quiet` calls neither show as pending nor report.
   */
  async function run(
    code: CuecartErrorCode,
    op: Op | null,
    call: (signal: AbortSignal) => Promise<Cart>,
    settings: { quiet?: boolean; onError?: ErrorSink } = {},
  ): Promise<Cart> {
    if (destroyed) throw resetError();
    const gen = generation;
    const id = op?.id ?? ++nextId;
    if (op) {
      ops.push(op);
      render();
    }
    if (!settings.quiet) {
      inFlight++;
      $status.set({ state: 'pending' });
    }
    try {
      const cart = await call(gen.signal);
      if (gen !== generation) throw resetError();
      confirm(cart, id);
      return cart;
    } catch (error) {
      if (gen !== generation || isAbortError(error)) throw resetError(error);
      if (!settings.quiet) fail(code, error, settings.onError);
      throw toCheckoutError(error);
    } finally {
      if (gen === generation) {
        const index = op ? ops.indexOf(op) : -1;
        if (index >= 0) ops.splice(index, 1);
        render();
        if (!settings.quiet && --inFlight === 0 && $status.get().state === 'pending') {
          $status.set({ state: 'idle' });
        }
      }
    }
  }

  /**
   * Reads the store's cart after a failed or ambiguous add or change: the store may have applied
   * it anyway (an answer lost to a timeout, a 5xx after the write). Silent: the failure itself
   * was reported. Skipped when other changes are in flight — their answers carry the cart.
   */
  function resync() {
    const getCart = adapter.getCart;
    if (!getCart || destroyed) return;
    const gen = generation;
    getCart.call(adapter, { signal: gen.signal }).then(
      (cart) => {
        if (gen === generation && !destroyed && ops.length === 0) confirm(cart, ++nextId);
      },
      () => {
        // Offline or failing again: the cart shown stays the last confirmed one.
      },
    );
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
    for (const timer of addedTimers.values()) clock.clearTimeout(timer);
    addedTimers.clear();
  }

  listen();

  const controller: CartController = {
    $cart,
    $status,
    $confirmed,
    $adds,
    get adapter() {
      return adapter;
    },

    add(input, preview = {}, callOptions = {}) {
      const identity = lineIdentity(input);
      const running = adds.get(identity);
      if (running) return { ...running, joined: true };
      const quantity = Math.max(1, Math.floor(input.quantity || 1));
      const line: CartLineInput = { ...input, quantity };
      const op: Op = { id: ++nextId, kind: 'add', line, preview };
      const gen = generation;
      if (!destroyed) setAddState(line.variantId, { state: 'pending', productId: line.productId });
      const result = run(
        'add-to-cart-failed',
        op,
        (signal) => adapter.addToCart(line, { signal }),
        {
          onError: callOptions.onError,
        },
      ).then(
        (cart) => {
          if (gen === generation) {
            setAddState(line.variantId, { state: 'added', productId: line.productId });
          }
          return cart;
        },
        (error: unknown) => {
          if (gen === generation && !destroyed) {
            const failure = toCheckoutError(error);
            setAddState(line.variantId, {
              state: 'error',
              productId: line.productId,
              message: failure.message,
            });
            resync();
          }
          throw error;
        },
      );
      const add: CartAdd = { line, result, joined: false };
      result
        .finally(() => {
          if (adds.get(identity) === add) adds.delete(identity);
        })
        .catch(() => {});
      adds.set(identity, add);
      return add;
    },

    async changeLine(key, quantity, callOptions = {}) {
      const qty = Math.max(0, Math.floor(Number(quantity) || 0));
      const changeLine = adapter.changeLine;
      if (!changeLine || key.startsWith('pending:')) {
        if (destroyed) return null;
        const why = changeLine
          ? 'This item is still being added. Try again in a moment.'
          : 'This cart cannot be changed here.';
        fail('cart-change-failed', new CheckoutError('rejected', why), callOptions.onError);
        return null;
      }
      const op: Op = { id: ++nextId, kind: 'change', key, quantity: qty };
      const gen = generation;
      try {
        return await run(
          'cart-change-failed',
          op,
          (signal) => changeLine.call(adapter, key, qty, { signal }),
          { onError: callOptions.onError },
        );
      } catch (error) {
        if (gen === generation && !isAbortError(error) && !isResetError(error)) resync();
        return null;
      }
    },

    remove(key, callOptions) {
      return controller.changeLine(key, 0, callOptions);
    },

    async refresh() {
      const getCart = adapter.getCart;
      if (!getCart) return destroyed ? null : confirmed;
      try {
        return await run('cart-load-failed', null, (signal) => getCart.call(adapter, { signal }), {
          quiet: true,
        });
      } catch (error) {
        if (!isResetError(error)) fail('cart-load-failed', error);
        return null;
      }
    },

    setCurrency(next) {
      if (!next || next === currency) return;
      currency = next;
      // Only the placeholder takes it: a cart the adapter confirmed states its own currency.
      if (!confirmedOnce && !ops.length) {
        confirmed = emptyCart(currency);
        render();
        $confirmed.set(confirmed);
      }
    },

    async checkout(callOptions = {}) {
      if (destroyed) return false;
      const cart = $cart.get();
      try {
        if (adapter.checkout) await adapter.checkout(cart);
        else if (safeUrl(cart.checkoutUrl)) {
          (options.window ?? globalThis.window)?.location.assign(safeUrl(cart.checkoutUrl)!);
        } else throw new CheckoutError('rejected', 'Checkout is not available on this page.');
        return true;
      } catch (error) {
        fail('checkout-failed', error, callOptions.onError);
        return false;
      }
    },

    setAdapter(next) {
      if (destroyed || next === adapter) return;
      reset();
      adapter = next;
      confirmed = emptyCart(currency);
      confirmedOnce = false;
      appliedId = nextId;
      $adds.set({});
      $status.set({ state: 'idle' });
      render();
      listen();
    },

    destroy() {
      if (destroyed) return;
      reset();
      destroyed = true;
      $adds.set({});
      if ($status.get().state === 'pending') $status.set({ state: 'idle' });
    },
  };
  return controller;
}

/** The rejection of work dropped by `destroy()` or `setAdapter()` (never reported). */
class CartResetError extends CheckoutError {
  constructor(cause?: unknown) {
    super('rejected', 'The cart was reset before this change reached the store.', { cause });
  }
}

const resetError = (cause?: unknown) => new CartResetError(cause);
const isResetError = (error: unknown) => error instanceof CartResetError;
