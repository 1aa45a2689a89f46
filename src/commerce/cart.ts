import { isRecord } from '../internal/is-record.js';
import { isUnsafeUrl } from '../internal/url-policy.js';
import type { Cart, CartLine, CartLineInput } from './checkout-adapter.js';

const num = (value: unknown): number | undefined => {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
};

const str = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;

/** Keeps string-valued properties only; hosts sometimes send numbers or nulls. */
export function stringProperties(value: unknown): Record<string, string> | undefined {
  if (!isRecord(value)) return undefined;
  const out: Record<string, string> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === null || v === undefined) continue;
    out[key] = typeof v === 'string' ? v : String(v);
  }
  return Object.keys(out).length ? out : undefined;
}

/**
 * Identity of "the same thing added twice": variant plus line properties (key order ignored).
 * Shopify merges such adds into one line; Cuecart de-duplicates in-flight adds by it.
 */
export function lineIdentity(line: Pick<CartLineInput, 'variantId' | 'properties'>): string {
  const props = Object.entries(line.properties ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
  return `${line.variantId}|${JSON.stringify(props)}`;
}

function normalizeLine(raw: unknown, index: number): CartLine | null {
  if (!isRecord(raw)) return null;
  const variantId = str(raw.variantId);
  const quantity = num(raw.quantity);
  if (!variantId || quantity === undefined) return null;
  const price = num(raw.price) ?? 0;
  const line: CartLine = {
    key: str(raw.key) ?? `${variantId}:${index}`,
    variantId,
    productId: str(raw.productId) ?? '',
    title: str(raw.title) ?? '',
    quantity,
    price,
    linePrice: num(raw.linePrice) ?? price * quantity,
  };
  const variantTitle = str(raw.variantTitle);
  if (variantTitle) line.variantTitle = variantTitle;
  if (typeof raw.image === 'string') line.image = raw.image;
  if (typeof raw.url === 'string') line.url = raw.url;
  const properties = stringProperties(raw.properties);
  if (properties) line.properties = properties;
  return line;
}

/**
 * Turns whatever a host adapter returned into a {@link Cart}: fills a missing `itemCount`,
 * `subtotal`, `linePrice` or line `key`. Returns null when `value` is not cart-shaped
 * (no `lines` array) so the caller can report it.
 */
export function normalizeCart(value: unknown, fallbackCurrency = 'USD'): Cart | null {
  if (!isRecord(value) || !Array.isArray(value.lines)) return null;
  const lines = value.lines
    .map((raw, i) => normalizeLine(raw, i))
    .filter((l): l is CartLine => l !== null);
  const cart: Cart = {
    lines,
    itemCount: num(value.itemCount) ?? lines.reduce((n, l) => n + l.quantity, 0),
    subtotal: num(value.subtotal) ?? lines.reduce((n, l) => n + l.linePrice, 0),
    currency: str(value.currency) ?? fallbackCurrency,
  };
  if (typeof value.checkoutUrl === 'string') cart.checkoutUrl = value.checkoutUrl;
  return cart;
}

/**
 * Applies the URL policy to a cart from any adapter (built-in, callback, events or a host's own
 * `CheckoutAdapter` object): a line's `url` or `image` and the cart's `checkoutUrl` survive only
 * when `safeUrl` accepts them (http(s) or relative). Returns `cart` itself when nothing had to
 * go, else a copy without the unsafe fields; each dropped field is described to `onProblem`.
 * Never throws: a value that is not cart-shaped is returned as it is, and one that cannot be
 * read (a throwing getter) becomes an empty cart.
 */
export function withSafeUrls(cart: Cart, onProblem?: (problem: string) => void): Cart {
  try {
    if (!isRecord(cart) || !Array.isArray(cart.lines)) return cart;
    let changed = false;
    const lines = cart.lines.map((line) => {
      if (!isRecord(line)) return line;
      let safe = line;
      for (const field of ['url', 'image'] as const) {
        if (!isUnsafeUrl(line[field])) continue;
        if (safe === line) safe = { ...line };
        delete safe[field];
        const title = typeof line.title === 'string' ? line.title.slice(0, 60) : '';
        const key = typeof line.key === 'string' ? line.key.slice(0, 60) : '?';
        onProblem?.(
          `${field === 'url' ? 'link' : 'image'} of line ${JSON.stringify(key)} ${JSON.stringify(title)} was dropped`,
        );
      }
      if (safe !== line) changed = true;
      return safe;
    });
    const checkoutUnsafe = isUnsafeUrl(cart.checkoutUrl);
    if (checkoutUnsafe) onProblem?.('"checkoutUrl" was dropped');
    if (!changed && !checkoutUnsafe) return cart;
    const copy: Cart = { ...cart, lines };
    if (checkoutUnsafe) delete copy.checkoutUrl;
    return copy;
  } catch {
    onProblem?.('content could not be read and was dropped');
    return { lines: [], itemCount: 0, subtotal: 0, currency: 'USD' };
  }
}
