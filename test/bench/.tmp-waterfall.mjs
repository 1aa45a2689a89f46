import { startServer } from '../../demo/server/start.mjs';
import { benchBundle } from './bundle.mjs';
import { coldPages, openColdPage } from './cold-start.mjs';
import { launchBrowser } from './lib/browser.mjs';
const bundle = await benchBundle();
const server = await startServer({ port: 0, quiet: true });
const browser = await launchBrowser();
const pages = coldPages(bundle.hlsChunks);
for (let run = 0; run < 2; run++) for (const name of ['bare hls.js', 'cuecart']) {
  const { context, tab, url } = await openColdPage(browser, server.url, pages[name]);
  await tab.goto(url);
  await tab.waitForFunction(() => window.__firstFrame != null, null, { timeout: 20000 });
  const r = await tab.evaluate(() => ({ ff: window.__firstFrame, res: performance.getEntriesByType('resource').map((e) => [e.name.replace(location.origin, ''), Math.round(e.startTime), Math.round(e.responseStart), Math.round(e.responseEnd)]), marks: performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)]) }));
  console.log(`--- ${name}: first frame ${Math.round(r.ff)}`);
  for (const m of r.marks) console.log('   mark', String(m[1]).padStart(5), m[0]);
  for (const x of r.res) console.log('  ', String(x[1]).padStart(5), String(x[2]).padStart(5), String(x[3]).padStart(5), x[0]);
  await context.close();
}
await browser.close(); await server.close?.(); process.exit(0);
