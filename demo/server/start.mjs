// `npm start` / `npm run serve`: the demo on http://localhost:8000 (PORT or --port to change):
// a simulated live shopping show, VOD replays per cue carrier, and a local Shopify-style store.
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { createAppHandlers } from './middleware.mjs';
import { createStaticFiles } from './static-files.mjs';

const rootDir = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Starts the demo server. Resolves once listening. `handlers` are tried before the demo's own,
 * each `(req, res) => Promise<boolean>` answering what it handles (the benchmarks serve the pages
 * they generate this way, test/bench/lib/server.mjs).
 * @param {{
 *   port?: number,
 *   host?: string,
 *   quiet?: boolean,
 *   handlers?: ((req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => Promise<boolean>)[],
 * }} [options]
 * @returns {Promise<{ url: string, port: number, close(): Promise<void> }>}
 */
export async function startServer({
  port = 8000,
  host = 'localhost',
  quiet = false,
  handlers: extra = [],
} = {}) {
  const handlers = [...extra, ...createAppHandlers({ rootDir }), createStaticFiles({ rootDir })];
  const server = createServer(async (req, res) => {
    try {
      for (const handle of handlers) if (await handle(req, res)) return;
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    } catch (error) {
      if (!quiet) console.error(error);
      if (!res.headersSent) res.writeHead(500).end('Internal error');
      else res.destroy();
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const actual = server.address().port;
  const url = `http://${host}:${actual}/`;
  return {
    url,
    port: actual,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const flag = process.argv.indexOf('--port');
  const port = Number(flag > 0 ? process.argv[flag + 1] : (process.env.PORT ?? 8000));
  try {
    const { url } = await startServer({ port });
    console.log(`Cuecart demo: ${url}  (live show, replays, local store). Ctrl+C to stop.`);
  } catch (error) {
    if (error.code === 'EADDRINUSE') {
      console.error(`Port ${port} is in use. Try: PORT=8080 npm start`);
      process.exit(1);
    }
    throw error;
  }
}
