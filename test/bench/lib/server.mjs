// The demo server as the benchmarks use it: the demo (stores, live show, fixtures, dist/) plus
// the pages a benchmark generates, served from the same origin by the server itself.
//
// Not through Playwright's `page.route`: a route on a page makes Chromium pause *every* request
// of that page (`Fetch.enable` with the pattern `*`) for a round trip through Playwright's own
// process, which then lets the request go on. That is a cost per request that no real page
// pays, and a page that makes more requests before its first frame (a loader, then its chunks)
// pays it more often than one that makes fewer — it skewed the cold-start comparison against
// bare hls.js (docs/benchmarks.md, "Pages served, not routed, and a second baseline";
// docs/decisions/0077-benchmark-pages-served-not-routed.md).
import { startServer } from '../../../demo/server/start.mjs';

/**
 * @typedef {object} BenchServer
 * @property {string} url the origin, ending with `/`
 * @property {(body: string, options?: { path?: string, contentType?: string }) => string} publish
 *   serves `body` at `path` (default: a path under `/__bench/` that is the same for the same
 *   body) and returns its absolute URL
 * @property {() => Promise<void>} close
 */

/**
 * Starts the demo server on a free port with a page store for the benchmarks.
 * @returns {Promise<BenchServer>}
 */
export async function startBenchServer() {
  /** Published bodies by path. */
  const pages = new Map();
  /** Path by `contentType body`, so publishing the same page again reuses its path. */
  const paths = new Map();
  const servePublished = async (req, res) => {
    const page = pages.get(new URL(req.url, 'http://localhost').pathname);
    if (!page || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
    res.writeHead(200, {
      'Content-Type': page.contentType,
      'Content-Length': Buffer.byteLength(page.body),
      'Cache-Control': 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : page.body);
    return true;
  };
  const server = await startServer({ port: 0, quiet: true, handlers: [servePublished] });
  return {
    url: server.url,
    close: server.close,
    publish(body, { path, contentType = 'text/html; charset=utf-8' } = {}) {
      let at = path;
      if (!at) {
        const key = `${contentType} ${body}`;
        at = paths.get(key) ?? `/__bench/page-${paths.size + 1}.html`;
        paths.set(key, at);
      }
      pages.set(at, { body, contentType });
      return new URL(at, server.url).href;
    },
  };
}
