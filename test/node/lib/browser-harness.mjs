// The set-up of the node tests that talk to the demo server over HTTP, and of those that also
// drive real pages: one demo server (and one Chromium) per test file or `describe`, started
// before its tests and closed after them.
import { after, before } from 'node:test';
import { startServer } from '../../../demo/server/start.mjs';
import { launchChromium } from '../../lib/chromium.mjs';

/** @typedef {{ url: string, port: number, close(): Promise<void> }} DemoServer */

/** The demo server on a free port of 127.0.0.1, quiet. */
const startDemoServer = () => startServer({ port: 0, host: '127.0.0.1', quiet: true });

/** `value`, or a clear error when a getter is read before the `before` hook ran. */
function started(what, value) {
  if (value === undefined) throw new Error(`The ${what} is not running: read it inside a test.`);
  return value;
}

/**
 * Registers `before` / `after` hooks (node:test) that start the demo server and close it — also
 * when a test failed. Call at the top level of a test file or of a `describe`; read the getter
 * inside tests and hooks.
 * @returns {{ readonly server: DemoServer }}
 */
export function useDemoServer() {
  /** @type {DemoServer | undefined} */
  let server;
  before(async () => {
    server = await startDemoServer();
  });
  after(async () => {
    await server?.close();
    server = undefined;
  });
  return {
    get server() {
      return started('demo server', server);
    },
  };
}

/**
 * Registers `before` / `after` hooks (node:test) that start the demo server and launch Chromium,
 * then close both — also when a test, or the start-up itself, failed (one `after` hook: node:test
 * skips the later ones when one throws). Call once at the top level of a test file. The
 * returned getters are read inside tests and hooks; reading one before the start-up ran throws.
 * @returns {{ readonly server: DemoServer, readonly browser: import('playwright-core').Browser }}
 */
export function useServerAndBrowser() {
  /** @type {DemoServer | undefined} */
  let server;
  /** @type {import('playwright-core').Browser | undefined} */
  let browser;

  before(async () => {
    server = await startDemoServer();
    browser = await launchChromium();
  });

  after(async () => {
    try {
      await browser?.close();
    } finally {
      await server?.close();
      browser = undefined;
      server = undefined;
    }
  });

  return {
    get server() {
      return started('demo server', server);
    },
    get browser() {
      return started('browser', browser);
    },
  };
}

/**
 * Opens `html`, served at `path` on the demo server's origin, in a fresh browser context and
 * records every request path and uncaught page error. `routes(page)` may route requests before
 * the page loads. Close the returned context when done.
 * @param {{ readonly server: DemoServer, readonly browser: import('playwright-core').Browser }} harness
 * @param {string} html
 * @param {{ routes?: (page: import('playwright-core').Page) => Promise<unknown>,
 *   viewport?: { width: number, height: number }, path?: string }} [options]
 */
export async function openHtml(
  harness,
  html,
  {
    routes = async () => {},
    viewport = { width: 800, height: 600 },
    path = '/__test/page.html',
  } = {},
) {
  const context = await harness.browser.newContext({ viewport });
  const page = await context.newPage();
  await routes(page);
  const requests = [];
  const errors = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  page.on('pageerror', (error) => errors.push(error.message));
  const url = new URL(path, harness.server.url).href;
  await page.route(url, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
  await page.goto(url, { waitUntil: 'load' });
  return { context, page, requests, errors };
}

/**
 * Start and end (ms after navigation) of every resource `page` loaded, by URL path (Resource
 * Timing): to check what was requested before or after what.
 * @param {import('playwright-core').Page} page
 * @returns {Promise<Record<string, { start: number, end: number }>>}
 */
export function resourceTimings(page) {
  return page.evaluate(() =>
    Object.fromEntries(
      performance
        .getEntriesByType('resource')
        .map((r) => [
          new URL(r.name).pathname,
          { start: r.startTime, end: r.responseEnd, initiator: r.initiatorType },
        ]),
    ),
  );
}
