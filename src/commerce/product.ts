/** One purchasable variant of a product. Prices are in minor units (cents; yen have none). */
export interface ProductVariant {
  id: string;
  title: string;
  /** Price in minor units. */
  price: number;
  compareAtPrice?: number;
  available: boolean;
  /** Option values in the order of the product's `options` (e.g. `["M", "Blue"]`). */
  options?: string[];
  image?: string;
  /** Stock-keeping unit; cue payloads may name a variant by SKU instead of id. */
  sku?: string;
}

/** A product as Cuecart shows it. Prices are in minor units. */
export interface Product {
  id: string;
  handle?: string;
  title: string;
  url?: string;
  image?: string;
  /** Lowest variant price, in minor units. */
  price: number;
  compareAtPrice?: number;
  /** ISO 4217 code; falls back to the feed's currency. */
  currency?: string;
  /** Option names (e.g. `["Size", "Color"]`), at most three. */
  options?: string[];
  variants: ProductVariant[];
  description?: string;
}

/** The JSON document a `products` URL serves (see SPEC "Product feed"). */
export interface ProductFeed {
  currency?: string;
  products: Product[];
}
