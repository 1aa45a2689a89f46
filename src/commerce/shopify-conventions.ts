import { currencyDigits } from './money.js';

/** The part of a theme's `window.Shopify` object Cuecart reads. All of it is optional. */
export interface ShopifyGlobal {
  routes?: { root?: string };
  currency?: { active?: string };
  /** The published theme, as Shopify's `content_for_header` describes it. */
  theme?: { name?: string; schema_name?: string | null; schema_version?: string | null };
  /** Standard storefront actions (https://shopify.dev/docs/storefronts/themes/best-practices/standard-actions). */
  actions?: {
    updateCart?: ((payload: unknown, options?: unknown) => Promise<unknown>) & {
      isDefault?: () => boolean;
    };
  };
}

/**
 * The window a Shopify adapter talks to: the real one by default, a fake in tests. Dawn's
 * `publish`/`subscribe` are window functions; `PUB_SUB_EVENTS` may be found here too.
 */
export interface ShopifyWindow {
  Shopify?: ShopifyGlobal;
  location?: {
    protocol?: string;
    pathname?: string;
    assign?(url: string): void;
    reload?(): void;
  };
  publish?: (event: string, data: unknown) => unknown;
  subscribe?: (event: string, callback: (data: unknown) => unknown) => () => void;
  PUB_SUB_EVENTS?: { cartUpdate?: string };
  addEventListener?: EventTarget['addEventListener'];
  removeEventListener?: EventTarget['removeEventListener'];
}

/** The given window, else the global one at call time (undefined on a server). */
export function currentWindow(given?: ShopifyWindow): ShopifyWindow | undefined {
  if (given) return given;
  return typeof window === 'undefined' ? undefined : (window as unknown as ShopifyWindow);
}

/**
 * The storefront's root path with a trailing slash: an explicit option, else
 * `Shopify.routes.root` (markets and languages put the store under `/fr/` etc.), else `/`.
 */
export function shopifyRoot(root?: string, win?: ShopifyWindow): string {
  const value = root ?? currentWindow(win)?.Shopify?.routes?.root ?? '/';
  return value.endsWith('/') ? value : `${value}/`;
}

/**
 * Makes Shopify's protocol-relative CDN URLs (`//cdn.shopify.com/…`) absolute with the page's
 * protocol, so they also work in `srcset`, canvases and `file:` pages. Other URLs pass through.
 */
export function shopifyUrl(url: unknown, win?: ShopifyWindow): string | undefined {
  if (typeof url !== 'string' || !url) return undefined;
  if (!url.startsWith('//')) return url;
  const protocol =
    currentWindow(win)?.location?.protocol ??
    (typeof location === 'undefined' ? undefined : location.protocol);
  return `${protocol === 'http:' ? 'http:' : 'https:'}${url}`;
}

/**
 * Converts an amount as the AJAX API reports it into true minor units. The AJAX API always
 * reports hundredths, even for currencies with 0 or 3 decimals (¥1,500 arrives as 150000).
 */
export function shopifyAmount(value: unknown, currency: string | undefined): number {
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) return 0;
  const digits = currency ? currencyDigits(currency) : 2;
  return Math.round(n * 10 ** (digits - 2));
}

/** The active presentment currency of a Shopify storefront page, when the theme exposes it. */
export function shopifyCurrency(win?: ShopifyWindow): string | undefined {
  const active = currentWindow(win)?.Shopify?.currency?.active;
  return typeof active === 'string' && active ? active : undefined;
}
