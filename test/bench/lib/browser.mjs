// Launches Chromium the way the test config does and opens the benchmark page on the demo
// server's origin (the page itself is served from test/bench/pages/ through page.route, since the
// demo server only serves /demo, /dist and /test/fixtures).
import { readFile } from 'node:fs/promises';
import { launchChromium } from '../../lib/chromium.mjs';

const PAGE_HTML = new URL('../pages/player.html', import.meta.url);
/** Path the benchmark page is served under; nothing on the demo server answers it. */
export const BENCH_PAGE_PATH = '/__bench/player.html';

/**
 * Launches headless Chromium. `--enable-precise-memory-info` makes `performance.memory` exact
 * instead of bucketed, which the live-memory benchmark needs.
 */
export async function launchBrowser() {
  return launchChromium({ extraArgs: ['--enable-precise-memory-info'] });
}

/**
 * Opens the benchmark page in a fresh context (empty HTTP cache, fresh module map) and waits
 * until `<cuecart-player>` is defined and rendered.
 * @param {import('playwright-core').Browser} browser
 * @param {string} origin demo server URL, ending with `/`
 * `initScript` runs in the page before any of its scripts (instrumentation); `routes` answers
 * extra paths on the server's origin (`{ '/__bench/x.json': { body, contentType } }`).
 * @param {{
 *   onRequest?: (url: string) => void,
 *   initScript?: () => void,
 *   routes?: Record<string, { body: string, contentType: string }>,
 * }} [options]
 */
export async function openBenchPage(browser, origin, { onRequest, initScript, routes = {} } = {}) {
  const html = await readFile(PAGE_HTML, 'utf8');
  const context = await browser.newContext({ viewport: { width: 800, height: 600 } });
  const page = await context.newPage();
  if (onRequest) page.on('request', (request) => onRequest(request.url()));
  if (initScript) await page.addInitScript(initScript);
  for (const [path, { body, contentType }] of Object.entries(routes)) {
    await page.route(new URL(path, origin).href, (route) =>
      route.fulfill({ status: 200, contentType, body }),
    );
  }
  await page.route(new URL(BENCH_PAGE_PATH, origin).href, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
  await page.goto(new URL(BENCH_PAGE_PATH, origin).href);
  await page.evaluate(async () => {
    await customElements.whenDefined('cuecart-player');
    await document.getElementById('player').updateComplete;
  });
  return { context, page };
}
