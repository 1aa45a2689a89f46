// A host page that is not on Shopify: its cart lives in this page and answers Cuecart's
// request events (the default `events` adapter). See docs/adapters.md.
import { CheckoutError } from '/dist/cdn/cuecart-api.js';

const player = document.getElementById('studio');
const bagCount = document.getElementById('bag-count');
const cart = { lines: [], itemCount: 0, subtotal: 0, currency: 'USD' };

function totals() {
  cart.itemCount = cart.lines.reduce((n, line) => n + line.quantity, 0);
  cart.subtotal = cart.lines.reduce((n, line) => n + line.linePrice, 0);
  bagCount.textContent = String(cart.itemCount);
  return structuredClone(cart);
}

player.addEventListener('cuecart-add-to-cart', (event) => {
  const { line } = event.detail;
  const product = player.productList.find(
    (p) => p.id === line.productId || p.handle === line.productId,
  );
  const variant = product?.variants.find((v) => v.id === line.variantId);
  // A host answers with a promise of its cart: here after a short, realistic delay.
  event.detail.respondWith(
    new Promise((resolve, reject) =>
      setTimeout(() => {
        if (!product || !variant?.available) {
          reject(new CheckoutError('out-of-stock', 'This piece is no longer available.'));
          return;
        }
        const key = `${variant.id}`;
        const existing = cart.lines.find((l) => l.key === key);
        if (existing) {
          existing.quantity += line.quantity;
          existing.linePrice = existing.quantity * existing.price;
        } else {
          cart.lines.push({
            key,
            variantId: variant.id,
            productId: product.id,
            title: product.title,
            variantTitle: variant.title === product.title ? undefined : variant.title,
            quantity: line.quantity,
            price: variant.price,
            linePrice: variant.price * line.quantity,
            image: product.image,
          });
        }
        resolve(totals());
      }, 350),
    ),
  );
});

player.addEventListener('cuecart-change-line', (event) => {
  const { key, quantity } = event.detail;
  const line = cart.lines.find((l) => l.key === key);
  if (line) {
    line.quantity = quantity;
    line.linePrice = line.price * quantity;
  }
  cart.lines = cart.lines.filter((l) => l.quantity > 0);
  event.detail.respondWith(Promise.resolve(totals()));
});

player.addEventListener('cuecart-checkout', (event) => {
  event.preventDefault();
  alert(`Checkout with ${cart.itemCount} item(s) — this is where the store's own checkout opens.`);
});
