// Fault injection for the local store (demo/server/store.mjs): the failures a real storefront
// shows under load or on a flaky network, queued per route through `POST /__store/faults`, so
// tests can prove what the adapter does with each one. Each fault answers one request (or
// `times` requests) on its route, then is gone; `POST /__store/reset` clears the queue.
//
// Kinds (`route` is `METHOD path`, e.g. `POST cart/add.js` or `GET cart.js`):
// - `error-before`    answers `status` (JSON `json`, or plain `text`, optional `Retry-After`)
//                     WITHOUT applying the request: what a busy or broken front end does.
// - `error-after`     applies the request, then answers `status` with `json` or `text`: the write
//                     landed but the shopper is told it failed.
// - `malformed-after` applies the request, then answers 200 with a cut-off JSON body.
// - `slow-after`      applies the request at once, then holds the answer for `delayMs`: too late
//                     for a client timeout, yet the item is in the cart.
// - `drop-after`      applies the request, starts the answer, then cuts the connection. (A
//                     connection closed before any answer byte is not used: browsers resend
//                     such a request on a fresh connection, so the write would land twice.)

const KINDS = new Set([
  'error-before',
  'error-after',
  'malformed-after',
  'slow-after',
  'drop-after',
]);

/**
 * Validates one fault description from a control request; throws a readable Error when it is not
 * one the store knows, so a typo in a test fails loudly instead of injecting nothing.
 * @param {unknown} raw
 */
function parseFault(raw) {
  if (!raw || typeof raw !== 'object') throw new Error('A fault must be an object.');
  const { route, kind } = /** @type {Record<string, unknown>} */ (raw);
  if (typeof route !== 'string' || !/^(GET|POST) \S+$/.test(route)) {
    throw new Error(`Fault route must look like "POST cart/add.js", got ${JSON.stringify(route)}.`);
  }
  if (typeof kind !== 'string' || !KINDS.has(kind)) {
    throw new Error(
      `Unknown fault kind ${JSON.stringify(kind)}; use one of ${[...KINDS].join(', ')}.`,
    );
  }
  const f = /** @type {Record<string, any>} */ (raw);
  const times = Number.isInteger(f.times) && f.times > 0 ? f.times : 1;
  const status = Number.isInteger(f.status) ? f.status : 500;
  return {
    route,
    kind,
    times,
    status,
    json: f.json,
    text: typeof f.text === 'string' ? f.text : undefined,
    retryAfter: f.retryAfter === undefined ? undefined : String(f.retryAfter),
    delayMs: typeof f.delayMs === 'number' ? f.delayMs : 0,
  };
}

/** Creates an empty fault queue for one store. */
export function createFaults() {
  /** @type {ReturnType<typeof parseFault>[]} */
  let queue = [];
  return {
    reset() {
      queue = [];
    },
    /** Queues faults (an array of descriptions); throws on an invalid one, queuing none. */
    add(list) {
      const parsed = (Array.isArray(list) ? list : [list]).map(parseFault);
      queue.push(...parsed);
    },
    /** The pending faults, for `GET /__store/state`. */
    pending() {
      return queue.map(({ route, kind, times }) => ({ route, kind, times }));
    },
    /** Takes the next fault for `route` (`METHOD path`), or null. */
    take(route) {
      const index = queue.findIndex((f) => f.route === route);
      if (index < 0) return null;
      const fault = queue[index];
      fault.times -= 1;
      if (fault.times <= 0) queue.splice(index, 1);
      return fault;
    },
  };
}

/**
 * Answers a request whose fault is `error-before`: the store does nothing else.
 * @param {ReturnType<typeof parseFault>} fault
 * @param {import('node:http').ServerResponse} res
 */
export function answerBefore(fault, res) {
  writeError(fault, res);
}

function writeError(fault, res) {
  const headers = { 'Cache-Control': 'no-store' };
  if (fault.retryAfter !== undefined) headers['Retry-After'] = fault.retryAfter;
  if (fault.json !== undefined) {
    res.writeHead(fault.status, { ...headers, 'Content-Type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(fault.json));
  } else {
    res.writeHead(fault.status, { ...headers, 'Content-Type': 'text/html; charset=utf-8' });
    res.end(fault.text ?? 'Internal Server Error');
  }
}

/**
 * A stand-in response that records what the store would have answered, so an `*-after` fault
 * can replace it once the request has been applied. Headers set before the answer (the cart
 * cookie) still go to the real response.
 * @param {import('node:http').ServerResponse} res
 */
export function captureResponse(res) {
  const captured = { status: 200, headers: {}, body: '' };
  const stand = {
    captured,
    setHeader: (name, value) => res.setHeader(name, value),
    writeHead(status, headers = {}) {
      captured.status = status;
      captured.headers = headers;
      return stand;
    },
    end(body = '') {
      captured.body = String(body);
    },
  };
  return stand;
}

/**
 * Sends the answer an `*-after` fault asks for, after the store applied the request and
 * `captured` holds its real answer.
 * @param {ReturnType<typeof parseFault>} fault
 * @param {import('node:http').ServerResponse} res
 * @param {{ status: number, headers: Record<string, string>, body: string }} captured
 */
export async function answerAfter(fault, res, captured) {
  if (fault.kind === 'drop-after') {
    res.writeHead(200, {
      ...captured.headers,
      'Content-Length': String(captured.body.length + 64),
    });
    res.write(captured.body.slice(0, 8));
    await new Promise((resolve) => setTimeout(resolve, 20));
    res.destroy();
    return;
  }
  if (fault.kind === 'error-after') {
    writeError(fault, res);
    return;
  }
  if (fault.kind === 'malformed-after') {
    res.writeHead(200, { ...captured.headers, 'Content-Type': 'application/json; charset=utf-8' });
    // Cut mid-value, as a proxy that drops the end of a response would.
    res.end(captured.body.slice(0, Math.max(1, Math.floor(captured.body.length / 2))));
    return;
  }
  // slow-after: the write is done; only the answer is late.
  await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
  if (res.destroyed || res.writableEnded) return;
  res.writeHead(captured.status, captured.headers);
  res.end(captured.body);
}
