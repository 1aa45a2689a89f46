// Launches Chromium the way the test config does and opens the benchmark page
// (test/bench/pages/player.html) on the benchmark server's origin (./server.mjs publishes it).
import { readFile } from 'node:fs/promises';
import { launchChromium } from '../../lib/chromium.mjs';

const PAGE_HTML = new URL('../pages/player.html', import.meta.url);
/** Path the benchmark page is published under; nothing else on the demo server answers it. */
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
 * @param {import('./server.mjs').BenchServer} server
 * `initScript` runs in the page before any of its scripts (instrumentation); `routes` publishes
 * extra paths on the server's origin (`{ '/__bench/x.json': { body, contentType } }`).
 * @param {{
 *   onRequest?: (url: string) => void,
 *   initScript?: () => void,
 *   routes?: Record<string, { body: string, contentType: string }>,
 * }} [options]
 */
export async function openBenchPage(browser, server, { onRequest, initScript, routes = {} } = {}) {
  const url = server.publish(await readFile(PAGE_HTML, 'utf8'), { path: BENCH_PAGE_PATH });
  for (const [path, { body, contentType }] of Object.entries(routes))
    server.publish(body, { path, contentType });
  const context = await browser.newContext({ viewport: { width: 800, height: 600 } });
  const page = await context.newPage();
  if (onRequest) page.on('request', (request) => onRequest(request.url()));
  if (initScript) await page.addInitScript(initScript);
  await page.goto(url);
  await page.evaluate(async () => {
    await customElements.whenDefined('cuecart-player');
    await document.getElementById('player').updateComplete;
  });
  return { context, page };
}
