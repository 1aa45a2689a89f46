// Demo page wiring: switch streams, and show what a host page receives from the player.
const player = document.getElementById('show');
const log = document.getElementById('event-log');

for (const button of document.querySelectorAll('.carriers button')) {
  button.addEventListener('click', () => {
    for (const other of document.querySelectorAll('.carriers button')) {
      other.setAttribute('aria-pressed', String(other === button));
    }
    if (button.dataset.cues) player.setAttribute('cues', button.dataset.cues);
    else player.removeAttribute('cues');
    player.src = button.dataset.src;
    player.play();
  });
}

const EVENTS = [
  'cuecart-cue-enter',
  'cuecart-cue-exit',
  'cuecart-product-impression',
  'cuecart-product-click',
  'cuecart-add-to-cart',
  'cuecart-cart-change',
  'cuecart-checkout',
  'cuecart-error',
];
/** A product's title from the player's feed, else its id. */
const titleOf = (id) =>
  player.productList?.find((p) => p.id === id || p.handle === id)?.title ?? id;

for (const type of EVENTS) {
  player.addEventListener(type, (event) => {
    const item = document.createElement('li');
    const d = event.detail ?? {};
    const what =
      d.product?.title ??
      d.cue?.payload?.product ??
      (d.line ? `${d.line.quantity} × ${titleOf(d.line.productId)}` : undefined) ??
      d.code ??
      (d.cart ? `${d.cart.itemCount} items` : '');
    item.textContent = `${new Date().toLocaleTimeString()} ${type} ${what}${d.message ? ` — ${d.message}` : ''}`;
    log.prepend(item);
    while (log.children.length > 30) log.lastElementChild.remove();
  });
}
