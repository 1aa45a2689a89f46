// `npm run test:pack`: Cuecart as a new React user gets it. Packs the package (`npm pack`),
// installs the tarball with `npm install <tarball> react@N react-dom@N` and nothing else into a
// fresh app outside this repository (so nothing resolves from the repo's node_modules), for
// React 18 and React 19, then for each:
//   1. server-renders <CuecartPlayer> in plain Node (importing cuecart/react must not throw);
//   2. bundles test/pack/app/main.jsx with esbuild (code splitting on, as an app would);
//   3. serves it with a real HLS fixture and drives Chromium: the featured product appears,
//      "Add to cart" reaches the host's adapter and onAddToCart, and unmounting the component
//      leaves no player running (engine torn down, video stopped, no more media requests).
// App directories live in the OS temp dir and are reused between runs (npm's cache keeps
// re-installs fast); the tarball is re-installed every run.
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';
import { chromiumArgs, findChromium } from '../config/browser.mjs';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const appSource = fileURLToPath(new URL('./app/', import.meta.url));
const media = join(repo, 'test/fixtures/hls-ts-id3');
const work = join(tmpdir(), 'cuecart-pack-test');
const majors = (process.env.CUECART_PACK_REACT ?? '18,19').split(',').map((v) => v.trim());

const run = (command, args, cwd) =>
  execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });

function log(message) {
  console.log(`[test:pack] ${message}`);
}

async function pack() {
  if (!existsSync(join(repo, 'dist/react.js'))) {
    log('dist/ is missing: building');
    run('npm', ['run', 'build'], repo);
  }
  await mkdir(work, { recursive: true });
  const [info] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work], repo));
  const files = info.files.map((f) => f.path);
  for (const required of ['dist/react.js', 'dist/types/react.d.ts', 'dist/types/jsx/react.d.ts']) {
    assert.ok(files.includes(required), `the tarball lacks ${required}`);
  }
  return join(work, info.filename);
}

/** A fresh app: package.json, then exactly the README's install command with the tarball. */
async function install(major, tarball) {
  const app = join(work, `react${major}`);
  await mkdir(app, { recursive: true });
  // Reused node_modules keep installs fast; the package itself and the lockfile never carry over.
  await rm(join(app, 'node_modules/cuecart'), { recursive: true, force: true });
  await rm(join(app, 'package-lock.json'), { force: true });
  await rm(join(app, 'dist'), { recursive: true, force: true });
  await writeFile(
    join(app, 'package.json'),
    JSON.stringify({ name: `cuecart-react${major}-app`, private: true, type: 'module' }, null, 2),
  );
  run(
    'npm',
    [
      'install',
      tarball,
      `react@${major}`,
      `react-dom@${major}`,
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
    ],
    app,
  );
  const installed = JSON.parse(
    await readFile(join(app, 'node_modules/react/package.json'), 'utf8'),
  );
  assert.equal(installed.version.split('.')[0], major, `react ${major} was not installed`);
  for (const file of ['main.jsx', 'ssr.mjs'])
    await copyFile(join(appSource, file), join(app, file));
  return { app, reactVersion: installed.version };
}

async function bundle(app) {
  await esbuild.build({
    absWorkingDir: app,
    entryPoints: ['main.jsx'],
    bundle: true,
    splitting: true,
    format: 'esm',
    outdir: 'dist',
    jsx: 'automatic',
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  await writeFile(
    join(app, 'dist/index.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Cuecart in React</title><link rel="icon" href="data:,">' +
      '</head><body><div id="root"></div><script type="module" src="/main.js"></script></body></html>',
  );
}

const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.m3u8': 'application/vnd.apple.mpegurl',
  '.ts': 'video/mp2t',
};

/** Serves the bundled app at / and the HLS fixture at /media/. */
async function serve(app) {
  const requests = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.push(path);
    const file = path.startsWith('/media/')
      ? join(media, normalize(path.slice('/media/'.length)))
      : join(app, 'dist', normalize(path === '/' ? 'index.html' : path.slice(1)));
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, requests, url: `http://127.0.0.1:${server.address().port}/` };
}

async function checkInBrowser(browser, app) {
  const { server, requests, url } = await serve(app);
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (msg) => msg.type() === 'error' && pageErrors.push(msg.text()));
  try {
    await page.goto(url);
    // Products appear: the stream's first ID3 cue (1 s) features the headphones.
    const add = page.getByRole('button', { name: 'Add to cart' }).first();
    await add.waitFor({ state: 'visible', timeout: 30_000 });
    await page.getByText('Aurora Headphones').first().waitFor({ timeout: 5_000 });
    const engine = await page.evaluate(() => window.host.player.engine);
    assert.equal(engine, 'hls.js', 'the HLS stream should play through the lazily loaded hls.js');

    // Add to cart reaches the host's adapter and the onAddToCart prop.
    await add.click();
    await page.waitForFunction(
      () => window.host.adds.length === 1 && window.host.addEvents.length === 1,
    );
    const host = await page.evaluate(() => ({
      adds: window.host.adds,
      addEvents: window.host.addEvents,
      errors: window.host.errors,
      cueEnters: window.host.cueEnters,
    }));
    assert.equal(host.adds[0].variantId, '45001');
    assert.equal(host.adds[0].quantity, 1);
    assert.deepEqual(host.addEvents[0], host.adds[0]);
    assert.ok(host.cueEnters.includes('aurora-headphones'), 'onCueEnter was not called');
    assert.deepEqual(host.errors, []);

    // Unmounting leaves no player running.
    await page.click('#toggle');
    await page.waitForFunction(() => !document.querySelector('cuecart-player'));
    await page.waitForFunction(() => window.host.player.engine === null, null, { timeout: 5_000 });
    const before = requests.filter((p) => p.startsWith('/media/')).length;
    const state = await page.evaluate(async () => {
      const video = window.host.player.shadowRoot.querySelector('video');
      const t0 = video.currentTime;
      await new Promise((resolve) => setTimeout(resolve, 1500));
      return {
        connected: window.host.player.isConnected,
        paused: video.paused,
        advanced: video.currentTime - t0,
        src: video.currentSrc,
      };
    });
    assert.equal(state.connected, false);
    assert.ok(
      state.paused || state.src === '',
      `the video still plays after unmount (${JSON.stringify(state)})`,
    );
    assert.equal(state.advanced, 0, 'media time still advances after unmount');
    assert.equal(
      requests.filter((p) => p.startsWith('/media/')).length,
      before,
      'media requests continued after unmount',
    );
    assert.deepEqual(pageErrors, []);
  } finally {
    await page.close();
    server.close();
  }
}

const tarball = await pack();
log(`packed ${tarball}`);
const executablePath = await findChromium();
const browser = await chromium.launch({ executablePath, headless: true, args: chromiumArgs });
let failed = false;
try {
  for (const major of majors) {
    try {
      const { app, reactVersion } = await install(major, tarball);
      log(`React ${reactVersion}: installed into ${app}`);
      run(process.execPath, ['ssr.mjs'], app);
      log(`React ${reactVersion}: server rendering ok`);
      await bundle(app);
      log(`React ${reactVersion}: bundled with esbuild`);
      await checkInBrowser(browser, app);
      log(
        `React ${reactVersion}: products shown, add to cart reached the host, unmount stopped the player ✔`,
      );
    } catch (error) {
      failed = true;
      console.error(`[test:pack] React ${major} FAILED:`, error);
    }
  }
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
