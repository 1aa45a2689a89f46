import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type * as CommerceModule from '../../state/player-commerce.js';
import type { PlayerCommerce, PlayerCommerceOptions } from '../../state/player-commerce.js';
import { StoresController } from './store-controller.js';

/**
 * Imports the commerce state's chunk — player commerce, the cart store, the product catalogue
 * and feed — once: the module map shares one download, so the player loader's early request
 * (`prefetchPlayerChunks`) and this import are one
 * (docs/decisions/0056-commerce-state-chunk.md).
 */
export function loadPlayerCommerce(): Promise<typeof CommerceModule> {
  return import('../../state/player-commerce.js');
}

/**
 * Binds a {@link PlayerCommerce} store to a Lit host. The store's code is a chunk of its own,
 * requested when the host is constructed (the loader has usually requested it already, beside
 * the shell and hls.js); when it arrives the store is created from the options the host has
 * then, connected while the host is, and the host re-renders when its stores change. Until then
 * {@link commerce} is undefined and work handed to {@link use} waits, in call order. A chunk that
 * fails to load is reported once through `onLoadError`; the waiting work is dropped (resolves
 * undefined) and the host plays on without commerce. No state logic lives here.
 */
export class PlayerCommerceController implements ReactiveController {
  /** The store, once its chunk has arrived. */
  commerce?: PlayerCommerce;
  private connected = false;
  private failed = false;
  private waiting: Array<(commerce: PlayerCommerce | undefined) => void> = [];
  private readonly loaded: Promise<PlayerCommerce | undefined>;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: () => PlayerCommerceOptions,
    onLoadError: (cause: unknown) => void,
    load: typeof loadPlayerCommerce = loadPlayerCommerce,
  ) {
    host.addController(this);
    this.loaded = load().then(
      ({ createPlayerCommerce }) => this.create(createPlayerCommerce),
      (cause: unknown) => {
        this.failed = true;
        onLoadError(cause);
        for (const run of this.waiting.splice(0)) run(undefined);
        return undefined;
      },
    );
  }

  /** Resolves with the store once its chunk has arrived, or undefined when it failed to load. */
  ready(): Promise<PlayerCommerce | undefined> {
    return this.loaded;
  }

  /**
   * Runs `work` with the store: now when it exists (so an add shows pending at once), else as
   * soon as its chunk arrives, after earlier waiting work and after the store has connected.
   * Resolves with what `work` returned; undefined, without running it, when the chunk failed.
   */
  use<T>(work: (commerce: PlayerCommerce) => T): Promise<T | undefined> {
    const { commerce } = this;
    if (commerce || this.failed) return Promise.resolve(commerce && work(commerce));
    return new Promise((resolve, reject) =>
      this.waiting.push((arrived) => {
        try {
          resolve(arrived && work(arrived));
        } catch (error) {
          reject(error);
        }
      }),
    );
  }

  hostConnected(): void {
    this.connected = true;
    this.commerce?.connect();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.commerce?.disconnect();
  }

  private create(createPlayerCommerce: typeof CommerceModule.createPlayerCommerce) {
    const commerce = createPlayerCommerce(this.options());
    this.commerce = commerce;
    const { catalog, $featured, $showProducts, $markers, $addStates, $cart, $cartStatus } =
      commerce;
    // Subscribes now when the host is connected (else with the host), and requests a render.
    new StoresController(this.host, [
      catalog.$products,
      catalog.$currency,
      $featured,
      $showProducts,
      $markers,
      $addStates,
      $cart,
      $cartStatus,
    ]);
    if (this.connected) commerce.connect();
    for (const run of this.waiting.splice(0)) run(commerce);
    return commerce;
  }
}
