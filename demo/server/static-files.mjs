// Serves files from the project for the demo: the built package, demo pages and media fixtures.
import { createReadStream, readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.m3u8': 'application/vnd.apple.mpegurl',
  // MPEG-TS, not TypeScript: media segments are served as video.
  '.ts': 'video/mp2t',
  '.m4s': 'video/iso.segment',
  '.mp4': 'video/mp4',
  '.vtt': 'text/vtt; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** Types sent compressed when the browser accepts it (never media: segments are already dense). */
const COMPRESSIBLE = new Set([
  '.html',
  '.js',
  '.mjs',
  '.map',
  '.json',
  '.css',
  '.svg',
  '.m3u8',
  '.vtt',
  '.txt',
]);

/**
 * The encoding to send for an `Accept-Encoding` header: brotli, else gzip, else none. Brotli at
 * quality 5, as CDNs compress on the fly (Cloudflare uses 4–5), so the demo and the cold-start
 * benchmark download what a merchant's CDN would send, not raw bytes.
 */
function pickEncoding(accept = '') {
  if (/\bbr\b/.test(accept)) return 'br';
  if (/\bgzip\b/.test(accept)) return 'gzip';
  return null;
}

function compress(bytes, encoding) {
  return encoding === 'br'
    ? brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
    : gzipSync(bytes, { level: 6 });
}

/** Pages under this folder are served with the strict policy in its `policy.txt` (docs/security.md). */
const STRICT_DIR = join('demo', 'strict');

/** Reads the strict Content-Security-Policy (one directive a line) as a header value. */
function strictPolicy(rootDir) {
  return readFileSync(join(rootDir, STRICT_DIR, 'policy.txt'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join(' ');
}

/** Folders under the project root that may be served (nothing else leaks, e.g. node_modules). */
const ALLOWED = ['demo', 'dist', 'test/fixtures'];

/**
 * Creates a static handler over the allowed project folders, with `/` mapped to `demo/index.html`.
 * Supports byte ranges (media elements seek with them); text files go out compressed (brotli or
 * gzip) when the browser accepts it.
 * @param {{ rootDir: string }} options
 */
export function createStaticFiles({ rootDir }) {
  const policy = strictPolicy(rootDir);
  /** Compressed bodies by `encoding path`, kept while the file's size and mtime hold. */
  const compressed = new Map();
  return async function handle(req, res) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const url = new URL(req.url, 'http://localhost');
    let path = decodeURIComponent(url.pathname);
    if (path === '/') path = '/demo/index.html';
    if (path.endsWith('/')) path += 'index.html';
    const rel = normalize(path).replace(/^[/\\]+/, '');
    if (!ALLOWED.some((dir) => rel === dir || rel.startsWith(dir + sep))) return false;
    const file = join(rootDir, rel);
    let info;
    try {
      info = await stat(file);
    } catch {
      return false;
    }
    if (!info.isFile()) return false;
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const headers = {
      'Content-Type': type,
      'Accept-Ranges': 'bytes',
      'Cache-Control': 'no-cache',
    };
    if (rel.startsWith(STRICT_DIR + sep)) headers['Content-Security-Policy'] = policy;
    const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
    if (range) {
      const start = range[1] ? Number(range[1]) : Math.max(0, info.size - Number(range[2]));
      const end = range[1] && range[2] ? Math.min(Number(range[2]), info.size - 1) : info.size - 1;
      if (start > end || start >= info.size) {
        res.writeHead(416, { 'Content-Range': `bytes */${info.size}` }).end();
        return true;
      }
      res.writeHead(206, {
        ...headers,
        'Content-Range': `bytes ${start}-${end}/${info.size}`,
        'Content-Length': end - start + 1,
      });
      if (req.method === 'HEAD') res.end();
      else createReadStream(file, { start, end }).pipe(res);
      return true;
    }
    const encoding = COMPRESSIBLE.has(extname(file))
      ? pickEncoding(req.headers['accept-encoding'])
      : null;
    if (encoding) {
      const key = `${encoding} ${file}`;
      const version = `${info.size}:${info.mtimeMs}`;
      let entry = compressed.get(key);
      if (entry?.version !== version) {
        entry = { version, body: compress(await readFile(file), encoding) };
        compressed.set(key, entry);
      }
      res.writeHead(200, {
        ...headers,
        'Content-Encoding': encoding,
        Vary: 'Accept-Encoding',
        'Content-Length': entry.body.length,
      });
      res.end(req.method === 'HEAD' ? undefined : entry.body);
      return true;
    }
    res.writeHead(200, { ...headers, 'Content-Length': info.size });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
    return true;
  };
}
