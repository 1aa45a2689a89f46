// Builds: the npm package (ES modules, dependencies external), the ES-module CDN build (hls.js
// in its own lazily imported chunk) and the classic-script CDN build (hls.js loaded beside it).
import { copyFile, mkdir } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import esbuild from 'rollup-plugin-esbuild';
import minifyHtmlLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
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
 * here, and pages reach it through the 3 KB classic loader (decision 0055). A ratchet about 1.5 KB
 * above its size on 2026-12-02 (64.4 KB), so growth is a decision, not an accident.
 */
const CLASSIC_BUDGET = 66 * 1024;
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

/** Prints each entry's gzipped size and fails the build when the CDN core is over budget. */
function sizeReport(label, budget) {
  return {
    name: 'size-report',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const gz = gzipSync(chunk.code).length;
        const isHls = /hls/i.test(chunk.fileName);
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
      for (const file of ['hls.min.js', 'hls.light.min.js'])
        await copyFile(`node_modules/hls.js/dist/${file}`, `dist/cdn/${file}`);
    },
  };
}

/** hls.js chunk file names of the ES-module CDN build, by chunk name (`hls`, `hls-light`). */
const hlsChunks = {};

/** Records the hls.js chunks' file names for the loader build that follows. */
function recordHlsChunks() {
  return {
    name: 'record-hls-chunks',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk' && /^hls(-light)?$/.test(chunk.name)) {
          hlsChunks[chunk.name] = chunk.fileName;
        }
      }
    },
  };
}

/**
 * The loader build imports hls.js and the API from the files the ES-module build wrote, so a
 * preload started by the loader and the player's own import are one request (one URL).
 */
function loaderExternals() {
  // Paths relative to dist/cdn/cuecart.js, kept as written (the files are not part of this build).
  const cdn = (file) => ({ id: `./${file}`, external: true });
  return {
    name: 'loader-externals',
    resolveId(source) {
      if (source === 'hls.js' || source === 'hls.js/light') {
        const file = hlsChunks[source === 'hls.js' ? 'hls' : 'hls-light'];
        if (!file) this.error('build the ES-module CDN bundle before the loader');
        return cdn(file);
      }
      if (/\/cdn-api\.js$/.test(source)) return cdn('cuecart-api.js');
      return null;
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
    input: { 'cuecart-api': 'src/cdn-api.ts' },
    plugins: [
      nodeResolve({ extensions: ['.ts', '.js'], browser: true }),
      minifyTemplates(),
      ts(true),
      recordHlsChunks(),
      sizeReport('cdn/esm', CORE_BUDGET),
    ],
    output: {
      dir: 'dist/cdn',
      format: 'es',
      sourcemap: true,
      // Maps point at the published sources instead of embedding them (hls.js's alone is 2 MB).
      sourcemapExcludeSources: true,
      chunkFileNames: 'chunks/[name]-[hash].js',
      // One chunk per hls.js build (`hls-build="light"` loads the smaller one).
      manualChunks: (id) =>
        id.includes('/node_modules/hls.js/')
          ? id.includes('hls.light')
            ? 'hls-light'
            : 'hls'
          : undefined,
    },
  },
  {
    // The player loader, one self-contained file (a shared chunk would cost a round trip before
    // anything runs). Built after the API so it can point at the same hls.js chunks.
    input: 'src/cdn.ts',
    plugins: [
      loaderExternals(),
      nodeResolve({ extensions: ['.ts', '.js'], browser: true }),
      ts(true),
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
    // The classic loader: the facade of the classic build, for hosts without ES-module chunks
    // (a Shopify theme's flat assets). Loads cuecart.iife.js and hls.js from beside itself.
    input: 'src/cdn-classic-loader.ts',
    plugins: [
      classicHlsLoader(),
      nodeResolve({ extensions: ['.ts', '.js'], browser: true }),
      ts(true),
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
