// The demo store's catalogue (USD, prices in cents) and the JSON/HTML shapes it is served in:
// Shopify product, line item and cart JSON, cart sections, the Cuecart feed, a checkout page.
//
// Ids: Shopify product and variant ids are numbers, so the store uses numeric ids everywhere
// (as strings in the Cuecart feed). Cues may name a variant by SKU instead, e.g.
// `"variant": "drift-sneakers-42-white"`: every variant has a SKU, the feed carries it and
// Cuecart's `findVariant` matches ids and SKUs. `variantIdBySku` maps them here too.

const IMAGE_DIR = '/demo/assets/products/';

/** @typedef {{ id: number, options: string[], price: number, compareAtPrice?: number, inventory: number, sku: string }} DemoVariant */
/** @typedef {{ id: number, handle: string, title: string, vendor: string, type: string, description: string, options: string[], variants: DemoVariant[] }} DemoProduct */

/**
 * @param {number} id
 * @param {string[]} options
 * @param {number} price
 * @param {number} inventory
 * @param {string} sku
 * @param {number} [compareAtPrice]
 * @returns {DemoVariant}
 */
const variant = (id, options, price, inventory, sku, compareAtPrice) => ({
  id,
  options,
  price,
  inventory,
  sku,
  ...(compareAtPrice ? { compareAtPrice } : {}),
});

const sneakerVariants = () => {
  const soldOut = new Set(['40-Black', '44-White', '43-Black']);
  const out = [];
  let id = 45010;
  for (const size of ['40', '41', '42', '43', '44']) {
    for (const color of ['White', 'Black']) {
      const sku = `drift-sneakers-${size}-${color.toLowerCase()}`;
      out.push(
        variant(id++, [size, color], 12900, soldOut.has(`${size}-${color}`) ? 0 : 8, sku, 15900),
      );
    }
  }
  return out;
};

/** The six demo products. Inventory here is the starting stock; the store copies it on reset. */
export const products = /** @type {DemoProduct[]} */ ([
  {
    id: 8001,
    handle: 'aurora-headphones',
    title: 'Aurora Headphones',
    vendor: 'Cuecart Demo',
    type: 'Audio',
    description: 'Over-ear wireless headphones with 40 hours of battery.',
    options: ['Color'],
    variants: [
      variant(45001, ['Black'], 19900, 20, 'aurora-headphones-black', 24900),
      variant(45002, ['Sand'], 19900, 20, 'aurora-headphones-sand', 24900),
    ],
  },
  {
    id: 8002,
    handle: 'ember-mug',
    title: 'Ember Mug',
    vendor: 'Cuecart Demo',
    type: 'Kitchen',
    description: 'Stoneware mug with a speckled glaze.',
    options: ['Size'],
    variants: [
      variant(45003, ['12 oz'], 2400, 50, 'ember-mug-12oz'),
      variant(45004, ['16 oz'], 2800, 50, 'ember-mug-16oz'),
    ],
  },
  {
    id: 8003,
    handle: 'drift-sneakers',
    title: 'Drift Sneakers',
    vendor: 'Cuecart Demo',
    type: 'Shoes',
    description: 'Lightweight knit sneakers.',
    options: ['Size', 'Color'],
    variants: sneakerVariants(),
  },
  {
    id: 8004,
    handle: 'solstice-sunglasses',
    title: 'Solstice Sunglasses',
    vendor: 'Cuecart Demo',
    type: 'Accessories',
    description: 'Polarised acetate sunglasses. Sold out.',
    options: ['Color'],
    variants: [
      variant(45005, ['Tortoise'], 8900, 0, 'solstice-sunglasses-tortoise'),
      variant(45006, ['Onyx'], 8900, 0, 'solstice-sunglasses-onyx'),
    ],
  },
  {
    id: 8005,
    handle: 'canvas-tote',
    title: 'Canvas Tote',
    vendor: 'Cuecart Demo',
    type: 'Bags',
    description: 'Heavy canvas tote. Only three left.',
    options: ['Title'],
    variants: [variant(45007, ['Default Title'], 3500, 3, 'canvas-tote')],
  },
  {
    id: 8006,
    handle: 'nimbus-speaker',
    title: 'Nimbus Speaker',
    vendor: 'Cuecart Demo',
    type: 'Audio',
    description: 'Portable speaker with a fabric shell.',
    options: ['Color'],
    variants: [
      variant(45008, ['Slate'], 14900, 15, 'nimbus-speaker-slate'),
      variant(45009, ['Coral'], 14900, 15, 'nimbus-speaker-coral'),
    ],
  },
]);

/** Products by handle. */
export const productsByHandle = new Map(products.map((p) => [p.handle, p]));

/** `{ product, variant }` by numeric variant id. */
export const variantsById = new Map(
  products.flatMap((product) => product.variants.map((v) => [v.id, { product, variant: v }])),
);

/** Numeric variant id by SKU (e.g. `drift-sneakers-42-white`). */
export const variantIdBySku = new Map(
  products.flatMap((p) => p.variants.map((v) => [v.sku, v.id])),
);

/** Image path of a product (served by the demo's static server). */
export const imagePath = (handle) => `${IMAGE_DIR}${handle}.svg`;

/** A variant's title as Shopify writes it: option values joined with " / ". */
export const variantTitle = (v) => v.options.join(' / ');

/**
 * Shopify's product JSON (`/products/{handle}.js`). Images are protocol-relative on the
 * request's host (as Shopify's CDN URLs are) and root-relative for variants.
 * @param {DemoProduct} product
 * @param {{ host: string, root: string, available: (variantId: number) => boolean }} context
 */
export function shopifyProductJson(product, { host, root, available }) {
  const image = `//${host}${imagePath(product.handle)}`;
  const prices = product.variants.map((v) => v.price);
  const compare = product.variants.map((v) => v.compareAtPrice ?? 0);
  return {
    id: product.id,
    title: product.title,
    handle: product.handle,
    description: `<p>${product.description}</p>`,
    vendor: product.vendor,
    type: product.type,
    tags: [],
    price: Math.min(...prices),
    price_min: Math.min(...prices),
    price_max: Math.max(...prices),
    price_varies: new Set(prices).size > 1,
    available: product.variants.some((v) => available(v.id)),
    compare_at_price: Math.min(...compare) || null,
    compare_at_price_min: Math.min(...compare),
    compare_at_price_max: Math.max(...compare),
    compare_at_price_varies: new Set(compare).size > 1,
    variants: product.variants.map((v) => ({
      id: v.id,
      title: variantTitle(v),
      option1: v.options[0] ?? null,
      option2: v.options[1] ?? null,
      option3: v.options[2] ?? null,
      sku: v.sku,
      requires_shipping: true,
      taxable: true,
      featured_image: { id: v.id, product_id: product.id, src: imagePath(product.handle) },
      available: available(v.id),
      name: `${product.title} - ${variantTitle(v)}`,
      public_title: v.options[0] === 'Default Title' ? null : variantTitle(v),
      options: v.options,
      price: v.price,
      weight: 300,
      compare_at_price: v.compareAtPrice ?? null,
      inventory_management: 'shopify',
      barcode: null,
      requires_selling_plan: false,
      selling_plan_allocations: [],
    })),
    images: [image],
    featured_image: image,
    options: product.options.map((name, i) => ({
      name,
      position: i + 1,
      values: [...new Set(product.variants.map((v) => v.options[i]))],
    })),
    url: `${root}products/${product.handle}`,
    media: [{ alt: product.title, id: product.id, position: 1, media_type: 'image', src: image }],
    requires_selling_plan: false,
    selling_plan_groups: [],
  };
}

/**
 * The Cuecart product feed (SPEC "Product feed") for the catalogue.
 * @param {{ root: string, available: (variantId: number) => boolean }} context
 */
export function cuecartFeed({ root, available }) {
  return {
    currency: 'USD',
    products: products.map((p) => ({
      id: String(p.id),
      handle: p.handle,
      title: p.title,
      url: `${root}products/${p.handle}`,
      image: imagePath(p.handle),
      price: Math.min(...p.variants.map((v) => v.price)),
      ...(p.variants[0].compareAtPrice ? { compareAtPrice: p.variants[0].compareAtPrice } : {}),
      options: p.options[0] === 'Title' ? undefined : p.options,
      variants: p.variants.map((v) => ({
        id: String(v.id),
        title: variantTitle(v),
        price: v.price,
        ...(v.compareAtPrice ? { compareAtPrice: v.compareAtPrice } : {}),
        available: available(v.id),
        options: v.options,
        sku: v.sku,
      })),
    })),
  };
}

const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const money = (cents) => `$${(cents / 100).toFixed(2)}`;

/** "Product - Variant", or the product title alone for a default variant (Shopify's wording). */
export const fullTitle = ({ product, variant }) =>
  variant.options[0] === 'Default Title'
    ? product.title
    : `${product.title} - ${variantTitle(variant)}`;

/**
 * Shopify's line item JSON for a cart line `{ key, variantId, quantity, properties }`.
 * @param {string} base store root
 */
export function itemJson(line, base) {
  const { product, variant } = variantsById.get(line.variantId);
  const isDefault = variant.options[0] === 'Default Title';
  const image = `/demo/assets/products/${product.handle}.svg`;
  return {
    id: variant.id,
    properties: line.properties,
    quantity: line.quantity,
    variant_id: variant.id,
    key: line.key,
    title: fullTitle({ product, variant }),
    price: variant.price,
    original_price: variant.price,
    discounted_price: variant.price,
    line_price: variant.price * line.quantity,
    original_line_price: variant.price * line.quantity,
    total_discount: 0,
    discounts: [],
    sku: variant.sku,
    grams: 300,
    vendor: product.vendor,
    taxable: true,
    product_id: product.id,
    product_has_only_default_variant: isDefault,
    gift_card: false,
    final_price: variant.price,
    final_line_price: variant.price * line.quantity,
    url: `${base}products/${product.handle}?variant=${variant.id}`,
    featured_image: { aspect_ratio: 1, alt: product.title, height: 600, url: image, width: 600 },
    image,
    handle: product.handle,
    requires_shipping: true,
    product_type: product.type,
    product_title: product.title,
    product_description: product.description,
    variant_title: isDefault ? null : variantTitle(variant),
    variant_options: variant.options,
    options_with_values: product.options.map((name, i) => ({ name, value: variant.options[i] })),
    line_level_discount_allocations: [],
    line_level_total_discount: 0,
  };
}

/**
 * Shopify's cart JSON (`cart.js`) for a cart `{ token, items, note, attributes }`.
 * @param {string} base store root
 */
export function cartJson(cart, base) {
  const items = cart.items.map((line) => itemJson(line, base));
  const total = items.reduce((n, i) => n + i.final_line_price, 0);
  return {
    token: cart.token,
    note: cart.note,
    attributes: cart.attributes,
    original_total_price: total,
    total_price: total,
    total_discount: 0,
    total_weight: items.reduce((n, i) => n + i.grams * i.quantity, 0),
    item_count: items.reduce((n, i) => n + i.quantity, 0),
    items,
    requires_shipping: items.length > 0,
    currency: 'USD',
    items_subtotal_price: total,
    cart_level_discount_applications: [],
  };
}

/**
 * Section rendering: the HTML of a known cart section wrapped like Shopify wraps sections, or null.
 * @param {string} base store root
 */
export function renderSection(id, cart, base) {
  const json = cartJson(cart, base);
  const lines = json.items
    .map(
      (i) =>
        `<li data-key="${escapeHtml(i.key)}">${escapeHtml(i.title)} × ${i.quantity} — ${money(i.final_line_price)}</li>`,
    )
    .join('');
  const inner = {
    // What goes INSIDE the theme's `#cart-icon-bubble` link (Dawn replaces its innerHTML with
    // this section), so no link of its own: a link in a link is invalid and breaks the icon.
    'cart-icon-bubble': `Cart (<span class="cart-count-bubble">${json.item_count}</span>)`,
    'cart-drawer': `<div class="drawer__inner${json.items.length ? '' : ' is-empty'}"><ul>${lines}</ul><p class="totals">${money(json.total_price)}</p></div>`,
    'cart-notification-product': json.items
      .map(
        (i) =>
          `<div id="cart-notification-product-${escapeHtml(i.key)}">${escapeHtml(i.title)}</div>`,
      )
      .join(''),
    'cart-notification-button': `<a href="${base}cart">View cart (${json.item_count})</a>`,
    'main-cart-items': `<ul class="cart-items">${lines}</ul>`,
  }[id];
  if (inner === undefined) return null;
  return `<div id="shopify-section-${id}" class="shopify-section">${inner}</div>`;
}

/**
 * The store's own pages a shopper reaches from the demo: the cart (`/cart`, what the theme's cart
 * icon opens) and the checkout (`/checkout`, where the player's checkout button goes). Plain HTML,
 * every store-given string escaped.
 * @param {'cart' | 'checkout'} kind
 */
function storePage(kind, cart, base) {
  const json = cartJson(cart, base);
  const rows = json.items
    .map(
      (i) =>
        `<tr><td>${escapeHtml(i.title)}</td><td>${i.quantity}</td><td>${money(i.final_line_price)}</td></tr>`,
    )
    .join('');
  const title = kind === 'cart' ? 'Your cart' : 'Checkout';
  const intro =
    kind === 'cart'
      ? "<p>This is the demo store's cart page: the same cart the player adds to.</p>"
      : "<p>This is the demo store's checkout page. No payment is taken.</p>";
  const next =
    kind === 'cart' && json.items.length ? `<p><a href="${base}checkout">Check out</a></p>` : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>${title} — Cuecart demo store</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem}td{padding:.25rem 1rem .25rem 0}</style></head>
<body><h1>${title}</h1>${intro}
${json.items.length ? `<table><tbody>${rows}</tbody></table><p><strong>Total: ${money(json.total_price)}</strong></p>` : '<p>Your cart is empty.</p>'}
${next}<p><a href="${base}">Back to the live show</a></p>
</body></html>`;
}

/** The demo store's checkout page (no payment) for `cart`. */
export const checkoutPage = (cart, base) => storePage('checkout', cart, base);

/** The demo store's cart page for `cart`: the theme cart icon's `/cart` link. */
export const cartPage = (cart, base) => storePage('cart', cart, base);
