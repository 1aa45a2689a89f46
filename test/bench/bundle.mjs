// Benchmark 4 — bundle sizes (brotli quality 11, what a CDN serves; gzip alongside). Walks the
// ES-module CDN build from its entry, the player loader `dist/cdn/cuecart.js`, through every
// static and dynamic import: the loader (facade), the player shell (what must run before the first
// frame), the chunks requested with it, the lazy chunks, hls.js (both builds), and the classic
// build. Also checks that no hls.js code sits outside the hls.js chunks. Deterministic.
import { readFile } from 'node:fs/promises';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const CDN = new URL('../../dist/cdn/', import.meta.url);
/**
 * Strings found in hls.js's code (logger names, error details, its own class names) and never in
 * Cuecart's own. They are checked against the hls.js chunks too, so a future hls.js that drops
 * them makes this check say so instead of passing vacuously.
 */
const HLS_MARKERS = ['audio-stream-controller', 'fragLoadError', 'remuxer', 'HlsJs'];

/** Brotli at quality 11, the size a CDN serves. */
export const brotli = (code) =>
  brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const gzip = (code) => gzipSync(code).length;

/** Static (`import … from`, `import "…"`, `export … from`) and dynamic imports of a module. */
function importsOf(code) {
  const statics = [
    ...code.matchAll(
      /(?:^|[;\n}])\s*(?:import|export)\s*(?:[^'"`()]*?from\s*)?["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g,
    ),
  ].map((m) => m[1]);
  const dynamics = [...code.matchAll(/\bimport\(\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]\s*\)/g)].map(
    (m) => m[1],
  );
  return { statics, dynamics };
}

async function fileInfo(path) {
  const code = await readFile(new URL(path, CDN));
  const text = code.toString('utf8');
  const markers = HLS_MARKERS.filter((m) => text.includes(m));
  return { path, bytes: code.length, br: brotli(code), gzip: gzip(code), markers, text };
}

/** Every file reachable from `entry`, with how it is first reached (`static` or `dynamic`). */
async function walk(entry) {
  const files = new Map();
  const visit = async (path, via, from) => {
    if (files.has(path)) return;
    const info = await fileInfo(path);
    const { statics, dynamics } = importsOf(info.text);
    files.set(path, { ...info, via, from, statics: [], dynamics: [] });
    const base = new URL(path, CDN);
    const rel = (p) => new URL(p, base).href.slice(CDN.href.length);
    files.get(path).statics = statics.map(rel);
    files.get(path).dynamics = dynamics.map(rel);
    for (const p of statics) await visit(rel(p), via, path);
    for (const p of dynamics) await visit(rel(p), 'dynamic', path);
  };
  await visit(entry, 'entry', null);
  return files;
}

/** The files a module needs before it runs: itself and its static imports, transitively. */
function closure(files, path, into = new Set()) {
  if (into.has(path)) return into;
  into.add(path);
  for (const p of files.get(path)?.statics ?? []) closure(files, p, into);
  return into;
}

/** A file's figures without its text. */
const strip = (info) => {
  const rest = { ...info };
  delete rest.text;
  return rest;
};

const sum = (files, paths, key = 'br') =>
  [...paths].reduce((n, p) => n + (files.get(p)?.[key] ?? 0), 0);

/**
 * Sizes of the CDN builds. `shell` is what the loader imports to make a player (the shell entry
 * and its static imports: what runs before the first frame); `withShell` the chunks the loader
 * requests with it, in parallel with hls.js, for a default player (shopping elements, events
 * adapter); `adapters` each adapter chunk; `onNeed` chunks imported only when a feature needs
 * them; `hls` the hls.js chunks by build.
 */
export async function benchBundle() {
  const files = await walk('cuecart.js');
  const loader = files.get('cuecart.js');
  // hls.js chunks are recognised by name; a file with two or more hls.js-only strings that is
  // not one of them holds hls.js code (one alone can be Cuecart naming an hls.js error detail).
  const isHls = (f) => /(^|\/)hls[-.]/.test(f.path);
  const looksLikeHls = (f) => f.markers.length >= 2;
  const hlsFiles = [...files.values()].filter(isHls);
  const hlsChunks = {};
  for (const f of hlsFiles) hlsChunks[/light/.test(f.path) ? 'light' : 'full'] = f.path;
  // The shell: the player module the loader imports (`cuecart-shell.js`; the whole API in builds
  // before the split), and its static imports.
  const SHELL = 'cuecart-shell.js';
  const shellEntry = loader.dynamics.includes(SHELL)
    ? SHELL
    : loader.dynamics.find((p) => !isHls(files.get(p)) && p !== 'cuecart-api.js');
  const shellPaths = shellEntry ? closure(files, shellEntry) : new Set();
  // Chunks the loader requests with the shell, in parallel with hls.js: everything else it
  // imports except hls.js and the whole API. One adapter chunk is requested per player (by its
  // `adapter` attribute): `withShell` counts the default page's (events); `adapters` lists each.
  const isAdapter = (p) => /(^|\/)(events|shopify-commerce)-/.test(p);
  const parallel = loader.dynamics.filter(
    (p) => p !== shellEntry && p !== 'cuecart-api.js' && !isHls(files.get(p)),
  );
  const withShell = new Set();
  for (const d of parallel) {
    if (isAdapter(d) && !/(^|\/)events-/.test(d)) continue;
    for (const c of closure(files, d)) if (!shellPaths.has(c)) withShell.add(c);
  }
  const adapters = Object.fromEntries(
    parallel.filter(isAdapter).map((p) => {
      const paths = [...closure(files, p)].filter((c) => !shellPaths.has(c));
      return [/shopify/.test(p) ? 'shopify' : 'events', { files: paths, br: sum(files, paths) }];
    }),
  );
  // Chunks the shell imports only on need (analytics, the other adapter), never before a frame.
  const onNeed = new Set();
  for (const p of shellPaths) {
    for (const d of files.get(p).dynamics) {
      if (isHls(files.get(d))) continue;
      for (const c of closure(files, d)) if (!shellPaths.has(c) && !withShell.has(c)) onNeed.add(c);
    }
  }
  const loaderMarkers = looksLikeHls(loader) ? loader.markers : [];
  const outsideHls = [...files.values()].filter((f) => !isHls(f) && looksLikeHls(f));
  const classic = {};
  for (const file of [
    'cuecart.iife.js',
    'cuecart-loader.iife.js',
    'cuecart-hls-engine.iife.js',
    'hls.esm.js',
    'hls.min.js',
    'hls.light.min.js',
  ]) {
    try {
      classic[file] = strip(await fileInfo(file));
    } catch {
      classic[file] = null;
    }
  }
  return {
    loader: strip(loader),
    shell: {
      entry: shellEntry,
      files: [...shellPaths],
      br: sum(files, shellPaths),
      gzip: sum(files, shellPaths, 'gzip'),
    },
    withShell: {
      files: [...withShell],
      br: sum(files, withShell),
      gzip: sum(files, withShell, 'gzip'),
    },
    adapters,
    onNeed: { files: [...onNeed], br: sum(files, onNeed) },
    hls: Object.fromEntries(
      Object.entries(hlsChunks).map(([build, path]) => [
        build,
        { path, br: files.get(path).br, gzip: files.get(path).gzip },
      ]),
    ),
    hlsChunks,
    files: [...files.values()].map(strip),
    classic,
    hlsInCore: loaderMarkers.length > 0 || outsideHls.length > 0,
    coreMarkers: [...new Set([...loaderMarkers, ...outsideHls.flatMap((f) => f.markers)])],
    // The markers must be present in the hls.js chunks or the check above proves nothing.
    markersValid: hlsFiles.length > 0 && hlsFiles.every(looksLikeHls),
  };
}
