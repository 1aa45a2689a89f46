// The app a new React user writes after `npm install cuecart react react-dom`, following the
// README and docs/getting-started.md#react only. Bundled by test/pack/run.mjs for React 18 and 19.
import { StrictMode, useMemo, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { CuecartPlayer } from 'cuecart/react';
import { callbackAdapter } from 'cuecart';

const products = [
  {
    id: 'aurora-headphones',
    title: 'Aurora Headphones',
    price: 19900,
    currency: 'USD',
    variants: [{ id: '45001', title: 'Black', price: 19900, available: true }],
  },
  {
    id: 'drift-sneakers',
    title: 'Drift Sneakers',
    price: 12000,
    currency: 'USD',
    variants: [
      { id: 'drift-sneakers-42-white', title: '42 / White', price: 12000, available: true },
    ],
  },
  {
    id: 'solstice-sunglasses',
    title: 'Solstice Sunglasses',
    price: 8900,
    currency: 'USD',
    variants: [{ id: '45009', title: 'Default', price: 8900, available: true }],
  },
];

// What the host page observed, read by the test through `window.host`.
const host = (window.host = { adds: [], addEvents: [], errors: [], cueEnters: [], player: null });

function Show() {
  const cart = useRef({ lines: [], itemCount: 0, subtotal: 0, currency: 'USD' });
  const adapter = useMemo(
    () =>
      callbackAdapter({
        addToCart: async (line) => {
          host.adds.push(line);
          const next = {
            lines: [{ key: line.variantId, ...line, title: 'Aurora Headphones', price: 19900 }],
            itemCount: cart.current.itemCount + line.quantity,
            subtotal: cart.current.subtotal + 19900 * line.quantity,
            currency: 'USD',
          };
          cart.current = next;
          return next;
        },
      }),
    [],
  );
  return (
    <CuecartPlayer
      ref={(element) => {
        if (element) host.player = element;
      }}
      id="show"
      src="/media/index.m3u8"
      productList={products}
      adapter={adapter}
      muted
      autoplay
      style={{ display: 'block', width: 960 }}
      onAddToCart={(event) => host.addEvents.push(event.detail.line)}
      onCueEnter={(event) => host.cueEnters.push(event.detail.cue.payload.product)}
      onError={(event) => host.errors.push(`${event.detail.code}: ${event.detail.message}`)}
    />
  );
}

function App() {
  const [open, setOpen] = useState(true);
  return (
    <main>
      <button type="button" id="toggle" onClick={() => setOpen(!open)}>
        {open ? 'Close the show' : 'Open the show'}
      </button>
      {open ? <Show /> : null}
    </main>
  );
}

createRoot(document.getElementById('root')).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
