import type { Product } from '../../../src/commerce/product.js';

/** A USD 19.99 product with one available variant (`<id>-v1`); `extra` overrides any field. */
export const listProduct = (id: string, title: string, extra: Partial<Product> = {}): Product => ({
  id,
  title,
  price: 1999,
  currency: 'USD',
  variants: [{ id: `${id}-v1`, title: 'Default', price: 1999, available: true }],
  ...extra,
});
