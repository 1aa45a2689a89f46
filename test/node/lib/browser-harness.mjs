// The set-up of the node tests that drive real pages: one demo server and one Chromium per test
// file, started before its tests and closed after them.
import { after, before } from 'node:test';
import { startServer } from '../../../demo/server/start.mjs';
import { launchChromium } from '../../lib/chromium.mjs';

/**
 * Registers `before` / `after` hooks (node:test) that start the demo server on a free port of
 * 127.0.0.1 and launch Chromium, then close both — also when a test, or the start-up itself,
 * failed. Call once at the top level of a test file. The returned getters are read inside
 * tests and hooks; reading one before the start-up ran throws.
 * @returns {{
 *   readonly server: { url: string, port: number, close(): Promise<void> },
 *   readonly browser: import('playwright-core').Browser,
 * }}
 */
export function useServerAndBrowser() {
  /** @type {{ url: string, port: number, close(): Promise<void> } | undefined} */
  let server;
  /** @type {import('playwright-core').Browser | undefined} */
  let browser;

  before(async () => {
    server = await startServer({ port: 0, host: '127.0.0.1', quiet: true });
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

  const started = (what, value) => {
    if (value === undefined) throw new Error(`The ${what} is not running: read it inside a test.`);
    return value;
  };
  return {
    get server() {
      return started('demo server', server);
    },
    get browser() {
      return started('browser', browser);
    },
  };
}
