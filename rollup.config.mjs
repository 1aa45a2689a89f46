// Builds: the npm package (ES modules, dependencies external), the ES-module CDN build (hls.js
// in its own lazily imported chunk) and the classic-script CDN build (hls.js loaded beside it).
import { copyFile, mkdir } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import esbuild from 'rollup-plugin-esbuild';
import minifyHtmlLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import { minify as terser } from 'terser';
import { defaultShouldMinifyCSS } from '@lit-labs/rollup-plugin-minify-html-literals/lib/minify-html-literals.js';
import { nodeResolve } from '@rollup/plugin-node-resolve';

const tsconfig = fileURLToPath(new URL('./tsconfig.json', import.meta.url));
/**
 * Gzipped size budget of the whole-player files (`cuecart-api.js`, `cuecart.iife.js`), in bytes:
 * a coarse build-time stop. The contract is brotli, checked by `npm test`
 * (test/bench/budgets.mjs: loader 8 KB, shell ratchet heading for 20 KB).
 */
const CORE_BUDGET = 64 * 1024;
/**
 * Gzipped size stop of the whole classic player `cuecart.iife.js`, in bytes: everything the ES
 * build splits into chunks (shopping UI, adapters, analytics, the native-HLS date watch) is inlined
 * here, and pages reach it through the 5 KB classic loader (decision 0055), which plays an HLS
 * stream before it arrives (decision 0070). A ratchet about 1.5 KB above its size on 2026-12-02
 * (64.4 KB), so growth is a decision, not an accident; raised by 1 KB on 2026-12-02 for the
 * playlist requested ahead of hls.js and the shopping elements' wait for the first frame
 * (decisions 0063, 0064): 66.2 KB; and by 1 KB on 2026-12-03 for importing hls.js's ES module
 * before its classic script (decision 0071): 67.0 KB; and by 2 KB on 2026-12-03 for the product
 * list's windowing (`src/ui/product-list/list-window.ts`), which keeps a recording of 10,000 cues
 * from rendering 10,000 entries (benchmark 6), and its keyed entries (Lit's `repeat`), so that
 * focus stays on the product it was on when entries come and go: 69.4 KB; and by 1 KB on
 * 2026-12-03 for the hls.js engine's fragment loader that hands hls.js the first segment the
 * loader requested with the playlist, and the deadline after which an early request that hangs is
 * replaced by hls.js's own (decision 0074): 70.0 KB; lowered by 2 KB on 2026-12-03 when the
 * CDN builds got a terser pass after esbuild (decision 0076): 67.5 KB.
 */
const CLASSIC_BUDGET = 69 * 1024;
/** Gzipped size budget of the player loader `dist/cdn/cuecart.js`, in bytes. */
const LOADER_BUDGET = 8 * 1024;

/**
 * Minifies the HTML and CSS inside Lit's `html` and `css` templates (the JS minifier leaves
 * template strings alone). Runs on the TypeScript sources before esbuild; source maps follow.
 */
const minifyTemplates = () =>
  minifyHtmlLiterals({
    include: ['src/**/*.ts'],
    failOnError: true,
    options: {
      // A `css` fragment of bare declarations (the design tokens spliced into rules) is not a
      // stylesheet LightningCSS can parse; it is left as written and minified where it is used.
      shouldMinifyCSS: (template) =>
        defaultShouldMinifyCSS(template) && template.parts.some((part) => part.text.includes('{')),
    },
  });

const ts = (minify) =>
  esbuild({
    tsconfig,
    target: 'es2022',
    minify,
    define: { 'process.env.NODE_ENV': '"production"' },
  });

/**
 * A second minification pass over esbuild's output, for the CDN builds: terser's compressor
 * (two passes) removes what esbuild's one pass leaves, and its output compresses better — the
 * player shell 20,478 → 19,973 B br, the loader 6,371 → 6,109 B br (2026-12-03). hls.js's own
 * chunks are left as hls.js built them. Source maps are chained; license comments kept. The
 * size peer of benchmark 4c is bundled with it too (test/bench/lib/mux-peer.mjs).
 */
export const terserPass = () => ({
  name: 'terser-pass',
  async renderChunk(code, chunk, outputOptions) {
    if (/^hls(-light)?$/.test(chunk.name)) return null;
    const result = await terser(code, {
      module: outputOptions.format === 'es',
      ecma: 2020,
      compress: { passes: 2 },
      sourceMap: outputOptions.sourcemap ? { asObject: true } : false,
      format: { comments: 'some' },
    });
    return { code: result.code, map: result.map };
  },
});

/** Prints each entry's gzipped size and fails the build when the CDN core is over budget. */
function sizeReport(label, budget) {
  return {
    name: 'size-report',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const gz = gzipSync(chunk.code).length;
        const isHls = /(^|\/)hls[-.]/.test(chunk.fileName);
        const kind = chunk.isEntry ? 'core' : isHls ? 'hls.js (lazy)' : 'chunk';
        console.log(`${label} ${chunk.fileName}: ${(gz / 1024).toFixed(1)} KB gzip [${kind}]`);
        if (budget && chunk.isEntry && gz > budget) {
          this.error(`${chunk.fileName} is ${gz} bytes gzip, over the ${budget}-byte core budget.`);
        }
      }
    },
  };
}

/** The classic-script build cannot code-split: swap the hls.js loader for the script loader. */
function classicHlsLoader() {
  return {
    name: 'classic-hls-loader',
    async resolveId(source, importer) {
      if (importer && /load-hls\.js$/.test(source) && !/load-hls-classic/.test(importer)) {
        return fileURLToPath(new URL('./src/player/load-hls-classic.ts', import.meta.url));
      }
      return null;
    },
    async writeBundle() {
      await mkdir('dist/cdn', { recursive: true });
      // hls.js's ES-module builds, imported first, and its classic builds, the fallback
      // (decision 0071). The modules get a `.js` name: hosts such as a theme's assets folder
      // accept and serve `.js` files with a JavaScript type, not always `.mjs`.
      const copies = {
        'hls.esm.js': 'hls.min.mjs',
        'hls.light.esm.js': 'hls.light.min.mjs',
        'hls.min.js': 'hls.min.js',
        'hls.light.min.js': 'hls.light.min.js',
      };
      for (const [to, from] of Object.entries(copies))
        await copyFile(`node_modules/hls.js/dist/${from}`, `dist/cdn/${to}`);
    },
  };
}

/** hls.js chunk file names of the ES-module CDN build, by chunk name (`hls`, `hls-light`). */
const hlsChunks = {};
/** File names of the ES-module CDN build's lazily imported chunks, by their module's source path. */
const lazyChunks = {};
const srcPath = (id) => fileURLToPath(new URL(id, import.meta.url));

/** The chunks the CDN loader preloads without running (src/facade/chunk-urls.ts), by name. */
const PRELOADED = {
  shop: 'src/define-shop.ts',
  commerce: 'src/state/player-commerce.ts',
  cues: 'src/state/cue-store.ts',
  events: 'src/commerce/adapters/events.ts',
  shopify: 'src/state/shopify-commerce.ts',
  inBand: 'src/cues/in-band-carriers.ts',
  poller: 'src/state/cue-list-poller.ts',
  variants: 'src/commerce/variants.ts',
};

/**
 * Modules the loader build must take from the ES-module build's files, never bundle: each is
 * a chunk there (the preloaded ones above, and the two engines the loader imports). Checked so a
 * rename cannot silently put them into the loader.
 */
const LOADER_LAZY = [
  ...Object.values(PRELOADED),
  'src/player/hls-engine.ts',
  'src/player/native-engine.ts',
].map(srcPath);

/**
 * The cue engine's chunk (docs/decisions/0066-cue-engine-chunk.md): the cue store and the
 * timeline, scheduler and parsers it needs, as one file the loader requests with the shell.
 * Left to the import graph they split into four chunks (the commerce state, the side-car poller
 * and the in-band parsers share some of them), each a round trip after the store's.
 */
const CUE_ENGINE = [
  'src/state/cue-store.ts',
  'src/cues/cue-timeline.ts',
  'src/cues/cue-scheduler.ts',
  'src/cues/carrier-queue.ts',
  'src/cues/json-cues.ts',
  'src/cues/payload.ts',
  'src/cues/product-cue.ts',
  'src/cues/program-date-time.ts',
  'src/cues/document-limits.ts',
  'src/internal/time-slices.ts',
  // The frame clock drives only the scheduler: imported beside the store, from the same file.
  'src/player/frame-clock.ts',
].map(srcPath);
/**
 * What the cue engine shares with the shell: named as the shell's (with its entry module), so a
 * manual chunk does not pull it in and make the shell import the cue engine statically.
 */
const SHELL_SHARED = [
  'src/define-player.ts',
  'src/internal/errors.ts',
  'src/internal/is-record.ts',
  'src/internal/url-policy.ts',
  'src/internal/clock.ts',
].map(srcPath);

/**
 * Money formatting, variant choice and the adapters' shared messages: used by the shopping
 * elements, the commerce state and the adapters (none needed before the first frame), one chunk
 * the loader preloads with them (decision 0067) instead of weight in the player shell.
 */
const SHOP_SHARED = [
  'src/commerce/money.ts',
  'src/commerce/variants.ts',
  'src/commerce/checkout-adapter.ts',
].map(srcPath);

/** Records the hls.js and other lazy chunks' file names for the loader build that follows. */
function recordChunks() {
  return {
    name: 'record-chunks',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        if (/^hls(-light)?$/.test(chunk.name)) hlsChunks[chunk.name] = chunk.fileName;
        // By module, not facade: a dynamic entry the API entry also imports has no facade.
        for (const id of chunk.moduleIds)
          if (LOADER_LAZY.includes(id)) lazyChunks[id] = chunk.fileName;
      }
    },
  };
}

/**
 * The loader build imports hls.js, the player shell, the chunks requested with it and the whole
 * API from the files the ES-module build wrote, so a preload started by the loader and the
 * player's own import are one request (one URL) — and the loader stays one small file.
 */
function loaderExternals() {
  // Paths relative to dist/cdn/cuecart.js, kept as written (the files are not part of this build).
  const cdn = (file) => ({ id: `./${file}`, external: true });
  return {
    name: 'loader-externals',
    resolveId(source, importer) {
      if (source === 'hls.js' || source === 'hls.js/light') {
        const file = hlsChunks[source === 'hls.js' ? 'hls' : 'hls-light'];
        if (!file) this.error('build the ES-module CDN bundle before the loader');
        return cdn(file);
      }
      if (/\/cdn-api\.js$/.test(source)) return cdn('cuecart-api.js');
      if (/\/define-player\.js$/.test(source)) return cdn('cuecart-shell.js');
      if (importer && source.startsWith('.') && source.endsWith('.js')) {
        const id = fileURLToPath(new URL(source.replace(/\.js$/, '.ts'), `file://${importer}`));
        if (lazyChunks[id]) return cdn(lazyChunks[id]);
      }
      return null;
    },
  };
}

/**
 * Fills in src/facade/chunk-urls.ts for the loader build: each preloaded chunk's file, relative
 * to dist/cdn/cuecart.js (decision 0067).
 */
function chunkUrls() {
  const target = srcPath('src/facade/chunk-urls.ts');
  return {
    name: 'chunk-urls',
    load(id) {
      if (id !== target) return null;
      const urls = Object.fromEntries(
        Object.entries(PRELOADED).map(([name, path]) => {
          const file = lazyChunks[srcPath(path)];
          if (!file) this.error(`no chunk for ${path} in the ES-module build`);
          return [name, `./${file}`];
        }),
      );
      return `export const CHUNK_URLS = ${JSON.stringify(urls)};`;
    },
  };
}

/** Fails the loader build when a lazy chunk it needs was not recorded. */
function checkLoaderLazy() {
  return {
    name: 'check-loader-lazy',
    buildStart() {
      const missing = LOADER_LAZY.filter((id) => !lazyChunks[id]);
      if (missing.length) this.error(`no chunk for ${missing.join(', ')} in the ES-module build`);
    },
  };
}

const external = (id) =>
  /^(lit|@lit\/|nanostores|hls\.js|react|react-dom)(\/|$)/.test(id) || id.startsWith('@lit/');

export default [
  {
    input: {
      index: 'src/index.ts',
      define: 'src/define.ts',
      react: 'src/react.ts',
      // The producer element: its own entry, never imported by the player.
      studio: 'src/studio/index.ts',
      // The `cuecart` command's logic (bin/cuecart.mjs does the Node I/O).
      cli: 'src/cli/main.ts',
    },
    external,
    plugins: [nodeResolve({ extensions: ['.ts', '.js'] }), minifyTemplates(), ts(false)],
    output: {
      dir: 'dist',
      format: 'es',
      sourcemap: true,
      chunkFileNames: 'chunks/[name]-[hash].js',
    },
  },
  {
    // Two entries: the whole API, and the player shell the loader imports (what must run before
    // the first frame). The shopping elements and each adapter are chunks the shell imports
    // lazily and the loader requests in parallel (docs/decisions/0047-…, 0048-…).
    input: { 'cuecart-api': 'src/cdn-api.ts', 'cuecart-shell': 'src/define-player.ts' },
    // The shell entry holds the modules it shares with the API entry: no facade file in front of
    // them, so the loader's import of the shell is one request.
    preserveEntrySignatures: 'allow-extension',
    plugins: [
      nodeResolve({ extensions: ['.ts', '.js'], browser: true }),
      minifyTemplates(),
      ts(true),
      terserPass(),
      recordChunks(),
      sizeReport('cdn/esm', CORE_BUDGET),
    ],
    output: {
      dir: 'dist/cdn',
      format: 'es',
      sourcemap: true,
      // Maps point at the published sources instead of embedding them (hls.js's alone is 2 MB).
      sourcemapExcludeSources: true,
      // Cuecart's own hls.js engine (src/player/hls-engine.ts, imported beside hls.js) is named
      // apart, so that only hls.js's own code sits in chunks named `hls…` (test/bench/bundle.mjs);
      // the native engine (src/player/native-engine.ts) is named to match. hls.js's two chunks
      // keep a fixed name (`chunks/hls.js`, `chunks/hls-light.js`: their content changes with
      // the package version, which a CDN URL pins), so that a page can preload the one it plays
      // (docs/getting-started.md, decision 0067).
      chunkFileNames: (chunk) =>
        chunk.name === 'hls-engine'
          ? 'chunks/engine-hlsjs-[hash].js'
          : chunk.name === 'native-engine'
            ? 'chunks/engine-native-[hash].js'
            : /^hls(-light)?$/.test(chunk.name)
              ? 'chunks/[name].js'
              : 'chunks/[name]-[hash].js',
      // A chunk of a few hundred bytes (money formatting, shared by the shopping elements and the
      // Shopify adapter) would cost a request of its own after its importer: merged instead.
      // Not higher: the HLS attribute-list parser (1.4 KB, shared by the API entry and the lazy
      // playlist parser of native HLS) would be merged into the player shell (decision 0058).
      experimentalMinChunkSize: 1024,
      // One chunk per hls.js build (`hls-build="light"` loads the smaller one).
      manualChunks: (id) =>
        id.includes('/node_modules/hls.js/')
          ? id.includes('hls.light')
            ? 'hls-light'
            : 'hls'
          : CUE_ENGINE.includes(id) ||
              /\/node_modules\/nanostores\/(computed|lifecycle|warn)\//.test(id)
            ? 'cue-store'
            : SHOP_SHARED.includes(id)
              ? 'variants'
              : SHELL_SHARED.includes(id) ||
                  /\/node_modules\/nanostores\/(atom|clean-stores)\//.test(id)
                ? 'cuecart-shell'
                : undefined,
    },
  },
  {
    // The player loader, one self-contained file (a shared chunk would cost a round trip before
    // anything runs). Built after the API so it can point at the same hls.js chunks.
    input: 'src/cdn.ts',
    plugins: [
      checkLoaderLazy(),
      chunkUrls(),
      loaderExternals(),
      nodeResolve({ extensions: ['.ts', '.js'], browser: true }),
      ts(true),
      terserPass(),
      sizeReport('cdn/loader', LOADER_BUDGET),
    ],
    output: {
      file: 'dist/cdn/cuecart.js',
      format: 'es',
      sourcemap: true,
      sourcemapExcludeSources: true,
    },
  },
  {
    // The studio's script-tag build: a producer page loads it beside dist/cdn/cuecart.js.
    input: { 'cuecart-studio': 'src/studio/cdn.ts' },
    plugins: [
      nodeResolve({ extensions: ['.ts', '.js'], browser: true }),
      minifyTemplates(),
      ts(true),
      terserPass(),
      sizeReport('cdn/studio'),
    ],
    output: { dir: 'dist/cdn', format: 'es', sourcemap: true, sourcemapExcludeSources: true },
  },
  {
    input: 'src/cdn-iife.ts',
    plugins: [
      classicHlsLoader(),
      nodeResolve({ extensions: ['.ts', '.js'], browser: true }),
      minifyTemplates(),
      ts(true),
      terserPass(),
      sizeReport('cdn/iife', CLASSIC_BUDGET),
    ],
    output: {
      file: 'dist/cdn/cuecart.iife.js',
      format: 'iife',
      name: 'Cuecart',
      // A classic script cannot load chunks: lazy modules (the analytics bridge) are inlined.
      inlineDynamicImports: true,
      sourcemap: true,
      sourcemapExcludeSources: true,
    },
  },
  {
    // Cuecart's hls.js engine as a classic script: the classic loader adds it beside hls.js to
    // play before the whole classic player has arrived (decision 0070). It imports nothing (hls.js
    // and the error class come from the loader), like its ES-module chunk.
    input: 'src/cdn-classic-engine.ts',
    plugins: [
      nodeResolve({ extensions: ['.ts', '.js'], browser: true }),
      ts(true),
      terserPass(),
      sizeReport('cdn/classic-engine', LOADER_BUDGET),
    ],
    output: {
      file: 'dist/cdn/cuecart-hls-engine.iife.js',
      format: 'iife',
      name: 'CuecartHlsEngine',
      sourcemap: true,
      sourcemapExcludeSources: true,
    },
  },
  {
    // The classic loader: the facade of the classic build, for hosts without ES-module chunks
    // (a Shopify theme's flat assets). Loads cuecart.iife.js and hls.js from beside itself.
    input: 'src/cdn-classic-loader.ts',
    plugins: [
      classicHlsLoader(),
      nodeResolve({ extensions: ['.ts', '.js'], browser: true }),
      ts(true),
      terserPass(),
      sizeReport('cdn/classic-loader', LOADER_BUDGET),
    ],
    output: {
      file: 'dist/cdn/cuecart-loader.iife.js',
      format: 'iife',
      name: 'CuecartLoader',
      sourcemap: true,
      sourcemapExcludeSources: true,
    },
  },
];
