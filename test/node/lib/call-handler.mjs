// Calls one of the demo server's route handlers (`{ handle(req, res) }`) in-process, the way
// Node's http server would, so a route is tested without a socket or a clock of its own.
import { Readable } from 'node:stream';

/**
 * Sends one request to `handler`. Resolves with `{ status, headers, body }` (`body` a Buffer,
 * empty when none was sent), or `null` when the handler does not serve the URL; rejects when it
 * throws or destroys the response.
 * @param {{ handle(req: unknown, res: unknown): unknown }} handler
 * @param {string} url
 * @param {{ method?: string, headers?: Record<string, string>, body?: string }} [request]
 * @returns {Promise<{ status: number, headers: Record<string, any>, body: Buffer } | null>}
 */
export function callHandler(handler, url, { method = 'GET', headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = Object.assign(Readable.from(body === undefined ? [] : [Buffer.from(body)]), {
      url,
      method,
      headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])),
    });
    const res = {
      headersSent: false,
      writeHead(status, head) {
        Object.assign(this, { status, headers: head ?? {}, headersSent: true });
        return this;
      },
      end(data) {
        resolve({
          status: this.status,
          headers: this.headers,
          body: data === undefined ? Buffer.alloc(0) : Buffer.from(data),
        });
      },
      destroy: reject,
    };
    Promise.resolve(handler.handle(req, res)).then((handled) => {
      if (!handled) resolve(null);
    }, reject);
  });
}
