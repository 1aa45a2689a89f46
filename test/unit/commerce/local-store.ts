// Drives the local Shopify-contract store (demo/server/store.mjs) that the test runner mounts at `/`.

/** Empties every cart and restores stock and settings. */
export async function resetStore(): Promise<void> {
  await fetch('/__store/reset', { method: 'POST' });
}

/** Store knobs: write latency, 429 answers, stock per variant id. */
export interface StoreConfig {
  latencyMs?: number;
  readLatencyMs?: number;
  rateLimit?: { remaining429?: number; retryAfter?: number };
  inventory?: Record<string, number>;
}

/** Changes the store's behaviour until the next reset. */
export async function configureStore(config: StoreConfig): Promise<void> {
  await fetch('/__store/config', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(config),
  });
}

/** Request counts by `METHOD path` (e.g. `POST cart/add.js`), carts and inventory. */
export async function storeState(): Promise<{
  requests: Record<string, number>;
  carts: { token: string; item_count: number }[];
}> {
  return (await fetch('/__store/state')).json();
}

/** Ids of the demo catalogue used across tests. */
export const VARIANTS = {
  headphonesBlack: '45001',
  mug12: '45003',
  mug16: '45004',
  sunglasses: '45005',
  tote: '45007',
  speakerSlate: '45008',
} as const;

/** Rejection of a promise that must fail (the test fails if it resolves). */
export async function rejectionOf<E = Error>(promise: Promise<unknown>): Promise<E> {
  try {
    await promise;
  } catch (error) {
    return error as E;
  }
  throw new Error('Expected the promise to reject, but it resolved.');
}

/** A call options object with a fresh signal. */
export const call = () => ({ signal: new AbortController().signal });

/** One injected failure of the local store (see demo/server/store-faults.mjs for the kinds). */
export interface StoreFault {
  route: string;
  kind: 'error-before' | 'error-after' | 'malformed-after' | 'slow-after' | 'drop-after';
  times?: number;
  status?: number;
  json?: unknown;
  text?: string;
  retryAfter?: number | string;
  delayMs?: number;
}

/** Queues faults on the local store until they are used up or the store is reset. */
export async function injectFaults(...faults: StoreFault[]): Promise<void> {
  const response = await fetch('/__store/faults', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ faults }),
  });
  if (!response.ok) throw new Error(`Fault injection refused: ${await response.text()}`);
}

/** The store's cart for this browser, as `cart.js` returns it. */
export async function storeCart(): Promise<{
  item_count: number;
  attributes: Record<string, string>;
  items: {
    variant_id: number;
    quantity: number;
    key: string;
    properties: Record<string, string>;
  }[];
}> {
  return (await fetch('/cart.js')).json();
}
