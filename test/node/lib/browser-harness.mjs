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
