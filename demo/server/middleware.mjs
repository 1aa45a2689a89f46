// The project's HTTP routes (simulated live HLS, its live cue list, the local Shopify-contract
// store), as plain Node handlers shared by the demo server (`start.mjs`) and the test runner (Koa
// middleware).
import { join } from 'node:path';
import { createLiveCues } from './live-cues.mjs';
import { createLiveHls } from './live-hls.mjs';
import { createMediaFaults } from './media-faults.mjs';
import { createStore } from './store.mjs';

/**
 * Creates the route handlers. Each is `(req, res) => boolean | Promise<boolean>` and returns true
 * when it answered the request.
 * @param {{ rootDir: string }} options
 */
export function createAppHandlers({ rootDir }) {
  const live = createLiveHls({ fixturesDir: join(rootDir, 'test/fixtures') });
  const store = createStore({ root: '/', assetsDir: join(rootDir, 'demo/assets') });
  // `/faults/…`: the same media with injected CDN failures (docs/resilience.md).
  const faults = createMediaFaults({ fixturesDir: join(rootDir, 'test/fixtures'), live });
  const liveCues = createLiveCues();
  return [live.handle, liveCues.handle, faults.handle, store.handle];
}

/**
 * The same routes as Koa middleware for @web/test-runner / @web/dev-server.
 * @param {{ rootDir: string }} options
 */
export function devServerMiddleware(options) {
  const handlers = createAppHandlers(options);
  return [
    async (ctx, next) => {
      for (const handle of handlers) {
        if (await handle(ctx.req, ctx.res)) {
          ctx.respond = false;
          return;
        }
      }
      return next();
    },
  ];
}
