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
/** Gzipped size budget of the CDN core (everything but hls.js), in bytes. */
const CORE_BUDGET = 60 * 1024;

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
      await copyFile('node_modules/hls.js/dist/hls.min.js', 'dist/cdn/hls.min.js');
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
    input: { cuecart: 'src/cdn.ts' },
    plugins: [
      nodeResolve({ extensions: ['.ts', '.js'], browser: true }),
      minifyTemplates(),
      ts(true),
      sizeReport('cdn/esm', CORE_BUDGET),
    ],
    output: {
      dir: 'dist/cdn',
      format: 'es',
      sourcemap: true,
      // Maps point at the published sources instead of embedding them (hls.js's alone is 2 MB).
      sourcemapExcludeSources: true,
      chunkFileNames: 'chunks/[name]-[hash].js',
      manualChunks: (id) => (id.includes('/node_modules/hls.js/') ? 'hls' : undefined),
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
      sizeReport('cdn/iife', CORE_BUDGET),
    ],
    output: {
      file: 'dist/cdn/cuecart.iife.js',
      format: 'iife',
      name: 'Cuecart',
      sourcemap: true,
      sourcemapExcludeSources: true,
    },
  },
];
