import { atom, map, type MapStore, type ReadableAtom } from 'nanostores';
import type { CuePayload } from '../cues/product-cue.js';
import { CuecartError, type ErrorSink } from '../internal/errors.js';
import { isAbortError } from './abort.js';
import type { Product } from './product.js';
import { parseProduct, parseProductFeed } from './product-feed.js';
import { safeUrl } from '../internal/url-policy.js';

/** A product record without a prototype, so no key reaches `Object.prototype`. */
const emptyRecord = (): Record<string, Product> => Object.create(null) as Record<string, Product>;

/** `record[key]` when it is the record's own entry; never an inherited `constructor`. */
const own = (record: Record<string, Product>, key: string): Product | undefined =>
  Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;

/**
 * The host's product lookup: given ids or handles Cuecart has no data for, return what it knows.
 * Products it leaves out count as unknown. May ignore the signal.
 */
export type ResolveProducts = (
  ids: string[],
  opts: {
    signal: AbortSignal;
    /** Where a resolver reports what it left out of a product (an unsafe URL, say). */
    onError?: ErrorSink;
  },
) => Promise<Product[]> | Product[];

/** Options of {@link createProductCatalog}. */
export interface ProductCatalogOptions {
  /** Hydrates products that are not in the feed (e.g. {@link shopifyProductResolver}). */
  resolveProducts?: ResolveProducts | undefined;
  /** Used by `loadFeed`; defaults to the global `fetch` at call time. */
  fetch?: typeof fetch | undefined;
  /** Receives `products-load-failed` errors. */
  onError?: ErrorSink | undefined;
  /** Currency of products that state none, until a feed says otherwise. */
  currency?: string | undefined;
}

/** One player's products, keyed by id and by handle. Created by {@link createProductCatalog}. */
export interface ProductCatalog {
  /**
   * Every known product under its `id` and, when it has one, under its `handle`. The record has
   * no prototype: `constructor` or `__proto__` is a product id like any other.
   */
  readonly $products: MapStore<Record<string, Product>>;
  /** The feed's currency (or the one given to `setProducts`). */
  readonly $currency: ReadableAtom<string | undefined>;
  /** A known product by id or handle. */
  get(idOrHandle: string): Product | undefined;
  /** Loads a SPEC product feed and merges it in. Resolves null (after reporting) on failure. */
  loadFeed(url: string, signal?: AbortSignal): Promise<Product[] | null>;
  /** Merges products in (existing ones with the same id are replaced). */
  setProducts(list: readonly Product[], currency?: string): void;
  /** Replaces the host's resolver (the player's `resolveProducts` property). */
  setResolver(resolveProducts: ResolveProducts | undefined): void;
  /**
   * Returns the products for `ids` (undefined where unknown), asking the resolver for the ones
   * not known yet. Calls made in the same microtask share one resolver call; answers are cached.
   */
  resolve(ids: readonly string[], signal?: AbortSignal): Promise<(Product | undefined)[]>;
  /** Like `resolve`, but asks the resolver again even for known ids (mid-show price changes). */
  refresh(ids: readonly string[], signal?: AbortSignal): Promise<(Product | undefined)[]>;
  /** Aborts resolver calls and feed loads in flight. */
  destroy(): void;
}

/** A product made from a cue payload alone, when it has at least a title and a price. */
export function productFromPayload(payload: CuePayload, currency?: string): Product | null {
  const { product: id, title, price } = payload;
  if (typeof title !== 'string' || !title || typeof price !== 'number' || !Number.isFinite(price)) {
    return null;
  }
  const variantId = typeof payload.variant === 'string' && payload.variant ? payload.variant : id;
  const product: Product = {
    id,
    title,
    price,
    variants: [{ id: variantId, title, price, available: true }],
  };
  const cur = typeof payload.currency === 'string' ? payload.currency : currency;
  if (cur) product.currency = cur;
  // Payloads are checked when parsed; a host-made ProductCue is not, so check again.
  const image = safeUrl(payload.image);
  if (image) product.image = image;
  const url = safeUrl(payload.url);
  if (url) product.url = url;
  return product;
}

/** Marks a list entry whose read threw (a host array with a throwing getter or a proxy). */
class Unreadable {}

/** Copies a host-given list entry by entry, never letting a throwing getter escape. */
function readList(list: unknown): unknown[] | undefined {
  try {
    if (!Array.isArray(list)) return undefined;
    const out: unknown[] = [];
    for (let i = 0; i < list.length; i++) {
      try {
        out.push(list[i]);
      } catch {
        out.push(new Unreadable());
      }
    }
    return out;
  } catch {
    return undefined;
  }
}

/** A readable line for whatever a resolver or fetch threw (even a value whose toString throws). */
function message(error: unknown): string {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return 'unreadable error';
  }
}

interface Batch {
  ids: Set<string>;
  done: Promise<void>;
}

/** Creates one player's product catalogue. Nothing is shared between catalogues. */
export function createProductCatalog(options: ProductCatalogOptions = {}): ProductCatalog {
  const $products = map<Record<string, Product>>(emptyRecord());
  const $currency = atom<string | undefined>(options.currency);
  const lifetime = new AbortController();
  let resolver = options.resolveProducts;
  let batch: Batch | undefined;
  const inFlight = new Map<string, Promise<void>>();
  const notFound = new Set<string>();

  const report = (error: CuecartError) => {
    if (!lifetime.signal.aborted) options.onError?.(error);
  };
  const get = (ref: string) => (typeof ref === 'string' ? own($products.get(), ref) : undefined);

  function upsert(products: readonly Product[]) {
    const next = Object.assign(emptyRecord(), $products.get());
    for (const product of products) {
      // Handle first, id last: an id always wins over another product's handle.
      if (product.handle) next[product.handle] = product;
      next[product.id] = product;
      notFound.delete(product.id);
      if (product.handle) notFound.delete(product.handle);
    }
    $products.set(next);
  }

  function setProducts(list: readonly Product[], currency?: string) {
    if (currency) $currency.set(currency);
    const valid: Product[] = [];
    const problems: string[] = [];
    const entries = readList(list);
    if (!entries) problems.push('the product list is not an array');
    entries?.forEach((raw, i) => {
      const notes: string[] = [];
      const parsed =
        raw instanceof Unreadable
          ? 'could not be read'
          : parseProduct(raw, currency ?? $currency.get(), notes);
      if (typeof parsed === 'string') problems.push(`[${i}]: ${parsed}`);
      else valid.push(parsed);
      for (const note of notes) problems.push(`[${i}]: ${note}`);
    });
    if (problems.length) {
      report(
        new CuecartError(
          'products-load-failed',
          `Problems in the given products: ${problems.join('; ')}`,
        ),
      );
    }
    upsert(valid);
  }

  async function runBatch(entry: Batch) {
    const ids = [...entry.ids];
    const current = resolver;
    if (!current || lifetime.signal.aborted) return;
    try {
      const found = await current(ids, { signal: lifetime.signal, onError: report });
      if (lifetime.signal.aborted) return;
      setProducts(Array.isArray(found) ? found : []);
      for (const id of ids) if (!get(id)) notFound.add(id);
    } catch (error) {
      if (isAbortError(error)) return;
      report(
        new CuecartError(
          'products-load-failed',
          `Could not look up products ${ids.join(', ')}: ${message(error)}`,
          { cause: error },
        ),
      );
    } finally {
      for (const id of ids) if (inFlight.get(id) === entry.done) inFlight.delete(id);
    }
  }

  function enqueue(id: string): Promise<void> {
    if (!batch) {
      const entry: Batch = { ids: new Set(), done: Promise.resolve() };
      // One resolver call per microtask: cues that arrive together are looked up together.
      entry.done = entry.done.then(() => {
        if (batch === entry) batch = undefined;
        return runBatch(entry);
      });
      batch = entry;
    }
    batch.ids.add(id);
    inFlight.set(id, batch.done);
    return batch.done;
  }

  async function lookUp(ids: readonly string[], force: boolean, signal?: AbortSignal) {
    const waits: Promise<void>[] = [];
    if (resolver) {
      for (const id of new Set(ids)) {
        if (!id) continue;
        const pending = inFlight.get(id);
        if (pending && (!force || batch?.ids.has(id))) waits.push(pending);
        else if (force || (!get(id) && !notFound.has(id))) waits.push(enqueue(id));
      }
    }
    const all = Promise.all(waits);
    if (signal && !signal.aborted) {
      // The caller stops waiting on abort; the listener goes when the wait ends either way.
      let onAbort = () => {};
      const aborted = new Promise<void>((resolve) => {
        onAbort = resolve;
        signal.addEventListener('abort', onAbort, { once: true });
      });
      await Promise.race([all, aborted]).finally(() =>
        signal.removeEventListener('abort', onAbort),
      );
    } else if (!signal) {
      await all;
    }
    return ids.map((id) => get(id));
  }

  return {
    $products,
    $currency,
    get,
    setProducts,
    setResolver(next) {
      resolver = next;
      notFound.clear();
    },
    resolve: (ids, signal) => lookUp(ids, false, signal),
    refresh: (ids, signal) => lookUp(ids, true, signal),

    async loadFeed(url, signal) {
      const signals = signal ? [signal, lifetime.signal] : [lifetime.signal];
      const merged = AbortSignal.any(signals);
      const fail = (why: string, cause?: unknown) => {
        report(
          new CuecartError(
            'products-load-failed',
            `Could not load the product feed ${url}: ${why}`,
            {
              cause,
            },
          ),
        );
        return null;
      };
      let json: unknown;
      try {
        const fetchFn = options.fetch ?? globalThis.fetch;
        const response = await fetchFn(url, {
          signal: merged,
          headers: { Accept: 'application/json' },
        });
        if (!response.ok) return fail(`HTTP ${response.status}`);
        json = await response.json();
      } catch (error) {
        if (merged.aborted) return null;
        return fail(error instanceof SyntaxError ? 'not JSON' : message(error), error);
      }
      const feed = parseProductFeed(json);
      if (!feed) return fail('expected a JSON object with a "products" array');
      if (feed.problems.length) fail(`skipped ${feed.problems.join('; ')}`);
      setProducts(feed.products, feed.currency);
      return feed.products.map((p) => get(p.id) ?? p);
    },

    destroy() {
      lifetime.abort();
      batch = undefined;
      inFlight.clear();
    },
  };
}
