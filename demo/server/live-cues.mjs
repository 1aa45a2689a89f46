// The live cue list of the demo show, as a producer would publish it next to the playlist:
//
//   GET  /live-cues/<show>.json   the current list (ETag, Last-Modified, 304 on a match)
//   PUT  /live-cues/<show>.json   replaces it (JSON body, at most 64 KB; If-Match → 412 on a race)
//
// It stands in for an object-storage bucket behind a CDN (docs/producing-cues.md): whole-document
// PUT, conditional GET, short cache lifetime. Lists live in memory, one per show name.
import { createHash } from 'node:crypto';

const MAX_BODY = 64 * 1024;
const PATH = /^\/live-cues\/([a-z0-9][a-z0-9-]{0,39})\.json$/;

/**
 * Creates the live cue-list handler.
 * @param {{ refresh?: number, now?: () => number }} [options] `refresh`: seconds written into the
 *   empty list a show starts with (default 2); `now` is injectable for tests.
 * @returns {{ handle(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse): boolean | Promise<boolean>, get(show: string): { body: string, etag: string } | undefined }}
 */
export function createLiveCues({ refresh = 2, now = () => Date.now() } = {}) {
  /** @type {Map<string, { body: string, etag: string, modified: number }>} */
  const lists = new Map();
  const version = (body) => ({
    body,
    etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 20)}"`,
    // HTTP dates have 1-second resolution.
    modified: Math.floor(now() / 1000) * 1000,
  });
  const current = (show) => {
    let list = lists.get(show);
    if (!list) {
      list = version(`${JSON.stringify({ refresh, cues: [] }, null, 2)}\n`);
      lists.set(show, list);
    }
    return list;
  };

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   */
  async function respond(req, res, show) {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        ...cors(),
        'Access-Control-Allow-Methods': 'GET, HEAD, PUT',
        'Access-Control-Allow-Headers': 'Content-Type, If-Match, If-None-Match, If-Modified-Since',
        'Access-Control-Max-Age': '7200',
      });
      res.end();
      return;
    }
    if (req.method === 'GET' || req.method === 'HEAD') {
      const list = current(show);
      const lastModified = new Date(list.modified).toUTCString();
      const headers = {
        ...cors(),
        ETag: list.etag,
        'Last-Modified': lastModified,
        // Viewers poll through the CDN; every copy is revalidated (a 304 costs a few bytes).
        'Cache-Control': 'no-cache',
      };
      const ifNoneMatch = req.headers['if-none-match'];
      const ifModifiedSince = Date.parse(String(req.headers['if-modified-since'] ?? ''));
      const notModified =
        ifNoneMatch !== undefined
          ? ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === list.etag)
          : Number.isFinite(ifModifiedSince) && list.modified <= ifModifiedSince;
      if (notModified) {
        res.writeHead(304, headers);
        res.end();
        return;
      }
      const bytes = Buffer.from(list.body);
      res.writeHead(200, {
        ...headers,
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Length': bytes.length,
      });
      res.end(req.method === 'HEAD' ? undefined : bytes);
      return;
    }
    if (req.method !== 'PUT') {
      send(res, 405, { error: 'Use GET or PUT.' }, { Allow: 'GET, HEAD, PUT, OPTIONS' });
      return;
    }
    const type = String(req.headers['content-type'] ?? '');
    if (!/^application\/json\b/i.test(type)) {
      send(res, 415, { error: 'The cue list must be sent as application/json.' });
      return;
    }
    const ifMatch = req.headers['if-match'];
    if (ifMatch !== undefined && ifMatch !== '*' && ifMatch !== current(show).etag) {
      send(res, 412, {
        error: 'The cue list changed since you read it.',
        etag: current(show).etag,
      });
      return;
    }
    let text;
    try {
      text = await readBody(req, MAX_BODY);
    } catch (error) {
      send(res, 413, { error: error.message });
      return;
    }
    let document;
    try {
      document = JSON.parse(text);
    } catch {
      send(res, 400, { error: 'The body is not valid JSON.' });
      return;
    }
    if (typeof document !== 'object' || document === null || !Array.isArray(document.cues)) {
      send(res, 400, { error: 'The body has no "cues" array.' });
      return;
    }
    const list = version(`${JSON.stringify(document, null, 2)}\n`);
    lists.set(show, list);
    send(res, 200, { ok: true, etag: list.etag, cues: document.cues.length }, { ETag: list.etag });
  }

  return {
    handle(req, res) {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const match = PATH.exec(url.pathname);
      if (!match) return false;
      return respond(req, res, match[1]).then(() => true);
    },
    get(show) {
      const list = lists.get(show);
      return list && { body: list.body, etag: list.etag };
    },
  };
}

function cors() {
  return {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Expose-Headers': 'ETag, Last-Modified',
  };
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {unknown} body
 * @param {Record<string, string>} [headers]
 */
function send(res, status, body, headers = {}) {
  const bytes = Buffer.from(JSON.stringify(body));
  res.writeHead(status, {
    ...cors(),
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': bytes.length,
    'Cache-Control': 'no-store',
  });
  res.end(bytes);
}

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {number} limit
 * @returns {Promise<string>}
 */
function readBody(req, limit) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(new Error(`The cue list is larger than ${limit} bytes.`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
