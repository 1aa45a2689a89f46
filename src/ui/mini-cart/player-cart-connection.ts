import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Cart } from '../../commerce/checkout-adapter.js';
import type { CartStatus } from '../../state/cart-store.js';

/**
 * A readable store: structurally a nanostores `ReadableAtom` (`subscribe` calls the listener at
 * once with the current value, then on every change, and returns an unsubscribe function).
 */
export interface CuecartReadableStore<T> {
  get(): T;
  subscribe(listener: (value: T) => void): () => void;
}

/**
 * What `<cuecart-mini-cart for="…">` needs from the element it points at: a `cartStore`
 * property. `<cuecart-player>` implements it.
 */
export interface CuecartCartStore {
  $cart: CuecartReadableStore<Cart>;
  $status: CuecartReadableStore<CartStatus>;
  /** Sets a line's quantity (0 removes it); the store updates `$cart` / `$status`. */
  changeLine(key: string, quantity: number): unknown;
  /** Starts checkout. */
  checkout(): unknown;
}

/** An element exposing a {@link CuecartCartStore}. */
export interface CuecartCartSource extends Element {
  readonly cartStore?: CuecartCartStore;
}

/**
 * Dispatched by `<cuecart-player>` (bubbling, composed, so it reaches `document`) once its
 * `cartStore` exists after connecting, and again whenever it uses another cart (a shared one set
 * later). Lets a `for=` mini cart that was parsed first connect, or follow the new cart.
 */
export const PLAYER_READY_EVENT = 'cuecart-player-ready' satisfies keyof HTMLElementEventMap;

const PLAYER_TAG = 'cuecart-player';

/**
 * Connects a mini cart to the player named by its `for` attribute: looks the id up in the host's
 * tree (then the document), subscribes to the player's `$cart` and `$status`, and retries when
 * the player is defined or announces itself with {@link PLAYER_READY_EVENT}. Unsubscribes on
 * disconnect.
 */
export class PlayerCartConnection implements ReactiveController {
  /** Latest cart from the connected store. */
  cart: Cart | undefined;
  /** Latest status from the connected store. */
  status: CartStatus | undefined;

  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly targetId: () => string | undefined;
  private connectedStore: CuecartCartStore | undefined;
  private unsubscribers: Array<() => void> = [];
  private listening = false;

  constructor(host: ReactiveControllerHost & HTMLElement, targetId: () => string | undefined) {
    this.host = host;
    this.targetId = targetId;
    host.addController(this);
  }

  /** The connected store, or `undefined` while not connected. */
  get store(): CuecartCartStore | undefined {
    return this.connectedStore;
  }

  hostConnected(): void {
    this.refresh();
  }

  hostDisconnected(): void {
    this.disconnect();
    this.stopListening();
  }

  /** Re-resolves the target; call when `for` changes or a `cart` property takes over. */
  refresh(): void {
    const id = this.targetId();
    if (!id || !this.host.isConnected) {
      this.disconnect();
      this.stopListening();
      return;
    }
    const store = this.findStore(id);
    if (store !== this.connectedStore) {
      this.disconnect();
      if (store) this.subscribe(store);
    }
    // Keep listening even when connected: the player may be replaced by another with that id.
    this.startListening();
  }

  private findStore(id: string): CuecartCartStore | undefined {
    const root = this.host.getRootNode() as Document | ShadowRoot;
    const target = (root.getElementById?.(id) ??
      this.host.ownerDocument.getElementById(id)) as CuecartCartSource | null;
    const store = target?.cartStore;
    return store && typeof store.$cart?.subscribe === 'function' ? store : undefined;
  }

  private subscribe(store: CuecartCartStore): void {
    this.connectedStore = store;
    this.unsubscribers = [
      store.$cart.subscribe((cart) => {
        this.cart = cart;
        this.host.requestUpdate();
      }),
      store.$status.subscribe((status) => {
        this.status = status;
        this.host.requestUpdate();
      }),
    ];
  }

  private disconnect(): void {
    for (const unsubscribe of this.unsubscribers) unsubscribe();
    this.unsubscribers = [];
    if (this.connectedStore) {
      this.connectedStore = undefined;
      this.cart = undefined;
      this.status = undefined;
      this.host.requestUpdate();
    }
  }

  private startListening(): void {
    if (this.listening) return;
    this.listening = true;
    this.host.ownerDocument.addEventListener(PLAYER_READY_EVENT, this.onPlayerReady);
    customElements.whenDefined(PLAYER_TAG).then(() => {
      // The element is upgraded (and has its store) once its definition is registered.
      if (this.listening) this.refresh();
    });
  }

  private stopListening(): void {
    if (!this.listening) return;
    this.listening = false;
    this.host.ownerDocument.removeEventListener(PLAYER_READY_EVENT, this.onPlayerReady);
  }

  private readonly onPlayerReady = () => this.refresh();
}
