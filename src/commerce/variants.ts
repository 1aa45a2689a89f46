import type { Product, ProductVariant } from './product.js';

/**
 * The variant shown and added when nothing else is chosen: the first available one, else the
 * first. The one "default variant" rule for cards, lists and cue references.
 */
export function defaultVariant(
  variants: readonly ProductVariant[] | undefined,
): ProductVariant | undefined {
  return variants?.find((v) => v.available) ?? variants?.[0];
}

/**
 * The variant a cue or button means: matched by id or SKU, else the {@link defaultVariant}.
 */
export function findVariant(product: Product, ref?: string): ProductVariant | undefined {
  if (ref) {
    const match = product.variants?.find((v) => v.id === ref || v.sku === ref);
    if (match) return match;
  }
  return defaultVariant(product.variants);
}

/**
 * The variant id to put in the cart for `product` with `variant` chosen: the variant's, or, for
 * a product without variants (a thin cue payload), the product's own id. Undefined when nothing
 * can be added (no variant chosen among existing ones, or a sold-out one).
 */
export function variantIdToAdd(
  product: Product,
  variant: ProductVariant | undefined,
): string | undefined {
  if (!product.variants?.length) return product.id;
  return variant?.available ? variant.id : undefined;
}
