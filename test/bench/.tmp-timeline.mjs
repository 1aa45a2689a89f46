import { startServer } from '../../demo/server/start.mjs';
import { benchBundle } from './bundle.mjs';
import { coldPages, openColdPage } from './cold-start.mjs';
import { launchBrowser } from './lib/browser.mjs';
const bundle = await benchBundle();
const server = await startServer({ port: 0, quiet: true });
const browser = await launchBrowser();
const pages = coldPages(bundle.hlsChunks);
const name = process.argv[2] ?? 'cuecart';
const { context, tab, url } = await openColdPage(browser, server.url, pages[name]);
await browser.startTracing(tab, { categories: ['devtools.timeline','disabled-by-default-devtools.timeline','v8.execute','blink.user_timing','__metadata','loading','blink'] });
await tab.goto(url);
await tab.waitForFunction(() => window.__firstFrame != null, null, { timeout: 30000 });
const trace = JSON.parse((await browser.stopTracing()).toString());
const events = trace.traceEvents ?? trace;
const frameMark = events.find((e) => e.name === 'bench-first-frame');
const pid = frameMark.pid;
const main = events.find((e) => e.name === 'thread_name' && e.pid === pid && e.args?.name === 'CrRendererMain');
const nav = events.find((e) => e.name === 'navigationStart' && e.pid === pid) ?? events.find((e)=>e.name==='navigationStart');
const t0 = nav.ts;
const onMain = events.filter((e) => e.pid === pid && e.tid === main.tid && e.ph === 'X');
const tasks = onMain.filter((e) => e.name === 'RunTask' && e.ts < frameMark.ts && e.ts > t0 && e.dur > 1500);
const sends = events.filter((e) => e.name === 'ResourceSendRequest' && e.ts > t0).map((e) => ({ ts: e.ts, what: 'REQ ' + (e.args.data.url||'').replace(/^https?:\/\/[^/]+/, '') }));
const items = [];
for (const task of tasks) {
  const inside = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur);
  const parts = new Map();
  for (const e of inside) { const d = e.args?.data ?? e.args?.beginData ?? {}; const w = (d.url||d.fileName||d.scriptName||'').replace(/^https?:\/\/[^/]+/, ''); const k = `${e.name}${w?' '+w:''}${d.functionName?' '+d.functionName:''}`; parts.set(k, (parts.get(k)??0)+e.dur/1000); }
  const list = [...parts].sort((a,b)=>b[1]-a[1]).slice(0,6).filter(([,ms])=>ms>=0.5).map(([k,ms])=>`${k} ${ms.toFixed(1)}`).join('; ');
  items.push({ ts: task.ts, what: `TASK ${(task.dur/1000).toFixed(1)}ms wall — ${list}` });
}
for (const s of sends) items.push(s);
items.push({ ts: frameMark.ts, what: 'FIRST FRAME' });
for (const e of events.filter((e)=>e.name?.startsWith?.('cc-') && e.pid===pid)) items.push({ts:e.ts, what:'MARK '+e.name});
items.sort((a,b)=>a.ts-b.ts);
for (const i of items) console.log(((i.ts - t0)/1000).toFixed(0).padStart(5), i.what.slice(0, 260));
await context.close(); await browser.close(); await server.close(); process.exit(0);
