// A local, in-memory store that follows the documented Shopify AJAX Cart API contract
// (https://shopify.dev/docs/api/ajax/reference/cart): cart per `cart` cookie, Shopify's JSON
// shapes and error answers, section rendering, plus control endpoints for tests and the demo.
// Node built-ins only; mounted by demo/server/middleware.mjs for the demo and the test runner.
import { createHash, randomBytes } from 'node:crypto';
import {
  cartJson,
  cartPage,
  checkoutPage,
  cuecartFeed,
  fullTitle,
  itemJson,
  products,
  productsByHandle,
  renderSection,
  shopifyProductJson,
  variantsById,
} from './catalog.mjs';
import { answerAfter, answerBefore, captureResponse, createFaults } from './store-faults.mjs';

const DEFAULT_CONFIG = () => ({
  latencyMs: 0,
  readLatencyMs: 0,
  rateLimit: { remaining429: 0, retryAfter: 1 },
});
const SECTION_IDS = [
  'cart-icon-bubble',
  'cart-drawer',
  'cart-notification-product',
  'cart-notification-button',
  'main-cart-items',
];
const sleep = (ms) =>
  ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();

/** An HTTP failure in Shopify's error shape. */
class StoreError extends Error {
  constructor(status, description, message = 'Cart Error') {
    super(description);
    this.status = status;
    this.body = { status, message, description };
  }
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Sets `obj[a][b][c] = value` for a form key like `items[0][properties][Color]`. */
function setFormValue(obj, key, value) {
  const path = key.replace(/\]/g, '').split('[');
  let node = obj;
  path.forEach((part, i) => {
    if (i === path.length - 1) node[part] = value;
    else node = node[part] ??= /^\d+$/.test(path[i + 1]) ? [] : {};
  });
}

function parseMultipart(text, boundary) {
  const out = {};
  for (const part of text.split(`--${boundary}`)) {
    const match = /name="([^"]+)"\r?\n\r?\n([\s\S]*?)\r?\n?$/.exec(part);
    if (match) setFormValue(out, match[1], match[2]);
  }
  return out;
}

async function parseBody(req) {
  const text = await readBody(req);
  const type = req.headers['content-type'] ?? '';
  if (!text) return {};
  if (type.includes('application/json')) {
    try {
      return JSON.parse(text);
    } catch {
      throw new StoreError(400, 'Invalid JSON body', 'Bad Request');
    }
  }
  if (type.includes('multipart/form-data')) {
    return parseMultipart(text, /boundary=([^;]+)/.exec(type)?.[1] ?? '');
  }
  const out = {};
  for (const [key, value] of new URLSearchParams(text)) setFormValue(out, key, value);
  return out;
}

const cleanProperties = (props) =>
  Object.fromEntries(
    Object.entries(props && typeof props === 'object' ? props : {})
      .filter(([, v]) => v !== null && v !== undefined && v !== '')
      .map(([k, v]) => [k, String(v)]),
  );

const lineKey = (variantId, properties) => {
  const sorted = Object.entries(properties).sort(([a], [b]) => (a < b ? -1 : 1));
  return `${variantId}:${createHash('md5').update(JSON.stringify(sorted)).digest('hex')}`;
};

const toInt = (value, fallback) => {
  const n = Number.parseInt(String(value ?? ''), 10);
  return Number.isNaN(n) ? fallback : n;
};

/**
 * Creates the store. `handle(req, res)` answers the store's routes and returns true, or returns
 * false for anything else.
 * @param {{ root?: string, assetsDir?: string }} [options]
 */
export function createStore({ root = '/' } = {}) {
  const base = root.endsWith('/') ? root : `${root}/`;
  let carts = new Map();
  let inventory = new Map();
  let config = DEFAULT_CONFIG();
  let requests = {};
  const faults = createFaults();

  function reset() {
    carts = new Map();
    inventory = new Map(products.flatMap((p) => p.variants.map((v) => [v.id, v.inventory])));
    config = DEFAULT_CONFIG();
    requests = {};
    faults.reset();
  }
  reset();

  const available = (variantId) => (inventory.get(variantId) ?? 0) > 0;

  function cartFor(req, res) {
    const cookie = /(?:^|;\s*)cart=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
    const token = cookie && /^[\w-]{1,64}$/.test(cookie) ? cookie : randomBytes(12).toString('hex');
    if (token !== cookie) res.setHeader('Set-Cookie', `cart=${token}; Path=/; SameSite=Lax`);
    if (!carts.has(token))
      carts.set(token, { token, items: [], note: null, attributes: {}, writing: false });
    return carts.get(token);
  }

  function sections(requested, cart) {
    const ids = (Array.isArray(requested) ? requested : String(requested ?? '').split(','))
      .map((s) => String(s).trim())
      .filter(Boolean)
      .slice(0, 5);
    return Object.fromEntries(ids.map((id) => [id, sectionHtml(id, cart)]));
  }

  /**
   * A cart section by id. Themes name their cart sections per template (Horizon:
   * `sections--…__cart-drawer`, `template--…__main`): those render as the store's cart drawer or
   * cart items, wrapped under the id asked for, as Shopify wraps any section it renders.
   */
  function sectionHtml(id, cart) {
    const known = renderSection(id, cart, base);
    if (known !== null) return known;
    const alias = /cart-drawer/.test(id)
      ? 'cart-drawer'
      : /main|cart-items/.test(id)
        ? 'main-cart-items'
        : null;
    const html = alias && renderSection(alias, cart, base);
    return html ? html.replace(`shopify-section-${alias}`, `shopify-section-${id}`) : null;
  }

  /** Checks that `quantity` of a variant fits the stock, counting what the cart already has. */
  function checkStock(entry, quantity, alreadyInCart) {
    const stock = inventory.get(entry.variant.id) ?? 0;
    const title = fullTitle(entry);
    if (stock <= 0) throw new StoreError(422, `The product '${title}' is already sold out.`);
    if (alreadyInCart + quantity > stock) {
      const left = stock - alreadyInCart;
      throw new StoreError(
        422,
        left > 0
          ? `You can only add ${left} ${title} to the cart.`
          : `All ${stock} ${title} are in your cart.`,
      );
    }
  }

  const inCart = (cart, variantId, except) =>
    cart.items
      .filter((l) => l.variantId === variantId && l !== except)
      .reduce((n, l) => n + l.quantity, 0);

  function add(cart, body) {
    const items = Array.isArray(body.items)
      ? body.items
      : [{ id: body.id, quantity: body.quantity, properties: body.properties }];
    if (!items.length) throw new StoreError(422, 'No items to add.');
    const plan = items.map((item) => {
      const entry = variantsById.get(Number(item?.id));
      if (!entry) throw new StoreError(404, 'Cannot find variant');
      const quantity = toInt(item.quantity, 1);
      if (quantity < 1) throw new StoreError(422, 'Quantity must be 1 or more.');
      const properties = cleanProperties(item.properties);
      return { entry, quantity, properties, key: lineKey(entry.variant.id, properties) };
    });
    const pending = new Map();
    for (const p of plan) {
      const id = p.entry.variant.id;
      checkStock(p.entry, p.quantity, inCart(cart, id) + (pending.get(id) ?? 0));
      pending.set(id, (pending.get(id) ?? 0) + p.quantity);
    }
    const added = plan.map((p) => {
      let line = cart.items.find((l) => l.key === p.key);
      if (line) line.quantity += p.quantity;
      else {
        line = {
          key: p.key,
          variantId: p.entry.variant.id,
          quantity: p.quantity,
          properties: p.properties,
        };
        cart.items.unshift(line);
      }
      return line;
    });
    return added;
  }

  function setQuantity(cart, line, quantity, properties) {
    if (quantity <= 0) {
      cart.items.splice(cart.items.indexOf(line), 1);
      return;
    }
    const entry = variantsById.get(line.variantId);
    if (quantity > line.quantity) checkStock(entry, quantity, inCart(cart, line.variantId, line));
    line.quantity = quantity;
    if (properties) {
      line.properties = cleanProperties(properties);
      line.key = lineKey(line.variantId, line.properties);
    }
  }

  function change(cart, body) {
    let line;
    if (body.line !== undefined) line = cart.items[toInt(body.line, 0) - 1];
    else if (body.id !== undefined) {
      const id = String(body.id);
      line = id.includes(':')
        ? cart.items.find((l) => l.key === id)
        : cart.items.find((l) => l.variantId === Number(id));
    }
    if (!line) throw new StoreError(400, 'no valid id or line parameter', 'Bad Request');
    const quantity = toInt(body.quantity, line.quantity);
    if (quantity < 0) throw new StoreError(422, 'Quantity must be 0 or more.');
    setQuantity(cart, line, quantity, body.properties);
  }

  function update(cart, body) {
    const updates = body.updates ?? {};
    const entries = Array.isArray(updates)
      ? updates.map((q, i) => [cart.items[i], q])
      : Object.entries(updates).map(([id, q]) => [
          id.includes(':')
            ? cart.items.find((l) => l.key === id)
            : cart.items.find((l) => l.variantId === Number(id)),
          q,
          id,
        ]);
    for (const [line, q, id] of entries) {
      const quantity = toInt(q, 0);
      if (line) setQuantity(cart, line, quantity);
      else if (id && quantity > 0) add(cart, { id, quantity });
    }
    if (typeof body.note === 'string') cart.note = body.note;
    if (body.attributes && typeof body.attributes === 'object')
      Object.assign(cart.attributes, body.attributes);
  }

  /** Runs one cart write with the configured latency; a second write meanwhile gets 409. */
  async function write(cart, task) {
    if (cart.writing) {
      throw new StoreError(
        409,
        'Another request is updating this cart. Please try again.',
        'Conflict',
      );
    }
    cart.writing = true;
    try {
      await sleep(config.latencyMs);
      return task();
    } finally {
      cart.writing = false;
    }
  }

  function send(res, status, body, headers = {}) {
    const isText = typeof body === 'string';
    res.writeHead(status, {
      'Content-Type': isText ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      ...headers,
    });
    res.end(isText ? body : JSON.stringify(body));
    return true;
  }

  async function route(req, res, rel, url) {
    const method = req.method ?? 'GET';
    const cartRoute = /^cart(\/(add|change|update|clear))?\.js(on)?$/.test(rel);
    if (cartRoute) {
      if (config.rateLimit.remaining429 > 0) {
        config.rateLimit.remaining429--;
        return send(
          res,
          429,
          {
            status: 429,
            message: 'Too Many Requests',
            description: 'Too many requests. Please try again later.',
          },
          {
            'Retry-After': String(config.rateLimit.retryAfter),
          },
        );
      }
    }
    if (method === 'GET' && /^cart\.js(on)?$/.test(rel)) {
      const cart = cartFor(req, res);
      await sleep(config.readLatencyMs);
      return send(res, 200, cartJson(cart, base));
    }
    if (method === 'POST' && cartRoute) {
      const cart = cartFor(req, res);
      const body = await parseBody(req);
      const action = rel.replace(/^cart\/?|\.js(on)?$/g, '');
      const result = await write(cart, () => {
        if (action === 'add') {
          const added = add(cart, body);
          return Array.isArray(body.items)
            ? { items: added.map((l) => itemJson(l, base)) }
            : itemJson(added[0], base);
        }
        if (action === 'change') change(cart, body);
        else if (action === 'update') update(cart, body);
        else if (action === 'clear') cart.items = [];
        else throw new StoreError(404, 'Not Found', 'Not Found');
        return cartJson(cart, base);
      });
      if (body.sections) result.sections = sections(body.sections, cart);
      return send(res, 200, result);
    }
    const product = /^products\/([^/]+)\.js$/.exec(rel);
    if (method === 'GET' && product) {
      const found = productsByHandle.get(decodeURIComponent(product[1]));
      if (!found)
        return send(res, 404, { status: 404, message: 'Not Found', description: 'Not Found' });
      return send(
        res,
        200,
        shopifyProductJson(found, { host: req.headers.host ?? 'localhost', root: base, available }),
      );
    }
    if (method === 'GET' && rel === 'cuecart/products.json') {
      return send(res, 200, cuecartFeed({ root: base, available }));
    }
    if (
      method === 'GET' &&
      (rel === '' || rel === 'cart') &&
      (url.searchParams.has('sections') || url.searchParams.has('section_id'))
    ) {
      const cart = cartFor(req, res);
      const single = url.searchParams.get('section_id');
      if (single) {
        const html = sectionHtml(single, cart);
        return html ? send(res, 200, html) : send(res, 404, '<p>Section not found</p>');
      }
      return send(res, 200, sections(url.searchParams.get('sections'), cart));
    }
    if (method === 'GET' && rel === 'checkout')
      return send(res, 200, checkoutPage(cartFor(req, res), base));
    if (method === 'GET' && rel === 'cart')
      return send(res, 200, cartPage(cartFor(req, res), base));
    if (rel.startsWith('__store/')) return control(req, res, rel.slice('__store/'.length), method);
    return false;
  }

  async function control(req, res, name, method) {
    if (name === 'state' && method === 'GET') {
      return send(res, 200, {
        config,
        inventory: Object.fromEntries(inventory),
        carts: [...carts.values()].map((c) => cartJson(c, base)),
        requests,
        faults: faults.pending(),
        sections: SECTION_IDS,
      });
    }
    if (name === 'reset' && method === 'POST') {
      reset();
      return send(res, 200, { ok: true });
    }
    if (name === 'config' && method === 'POST') {
      const body = await parseBody(req);
      if (typeof body.latencyMs === 'number') config.latencyMs = body.latencyMs;
      if (typeof body.readLatencyMs === 'number') config.readLatencyMs = body.readLatencyMs;
      if (body.rateLimit) config.rateLimit = { ...config.rateLimit, ...body.rateLimit };
      for (const [id, n] of Object.entries(body.inventory ?? {}))
        inventory.set(Number(id), Number(n));
      return send(res, 200, { ok: true, config });
    }
    if (name === 'faults' && method === 'POST') {
      const body = await parseBody(req);
      try {
        faults.add(body.faults);
      } catch (error) {
        return send(res, 400, { status: 400, message: 'Bad Request', description: error.message });
      }
      return send(res, 200, { ok: true, faults: faults.pending() });
    }
    return false;
  }

  return {
    /** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
    async handle(req, res) {
      const url = new URL(req.url ?? '/', 'http://store.local');
      if (!url.pathname.startsWith(base) && `${url.pathname}/` !== base) return false;
      const rel = url.pathname.slice(base.length);
      const key = `${req.method ?? 'GET'} ${rel}`;
      if (/^cart(\/(add|change|update|clear))?\.js(on)?$/.test(rel)) {
        requests[key] = (requests[key] ?? 0) + 1;
      }
      const fault = rel.startsWith('__store/') ? null : faults.take(key);
      if (fault?.kind === 'error-before') {
        answerBefore(fault, res);
        return true;
      }
      const target = fault ? captureResponse(res) : res;
      let handled;
      try {
        handled = await route(req, target, rel, url);
      } catch (error) {
        handled = true;
        if (error instanceof StoreError) send(target, error.status, error.body);
        else {
          send(target, 500, {
            status: 500,
            message: 'Server Error',
            description: String(error?.message ?? error),
          });
        }
      }
      if (fault && handled) await answerAfter(fault, res, target.captured);
      return handled;
    },
  };
}
