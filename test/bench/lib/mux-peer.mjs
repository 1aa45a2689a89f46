// The size peer of benchmark 4: `@mux/mux-player` (a devDependency pinned in package.json), bundled
// the way Cuecart's CDN build is bundled — rollup, @rollup/plugin-node-resolve (browser field),
// rollup-plugin-esbuild minifying to es2022, `process.env.NODE_ENV` = production, then the same
// terser pass (rollup.config.mjs's `terserPass`, which minifies the peer's hls.js too) — and measured
// with the same brotli 11 / gzip as Cuecart's files. Mux Player has no lazy chunks: the whole
// player, hls.js included, is what a page downloads before the first frame. Deterministic.
import { readFile } from 'node:fs/promises';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import { terserPass } from '../../../rollup.config.mjs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const PEER = '@mux/mux-player';
const NODE_MODULES = new URL('../../../node_modules/', import.meta.url);

/** Brotli at quality 11, as test/bench/bundle.mjs measures Cuecart. */
const brotli = (code) =>
  brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/**
 * The installed version of a package (its package.json `version`), or null when unreadable. Read
 * from the file: the peer's `exports` map does not expose its package.json.
 */
async function versionOf(name) {
  try {
    const pkg = JSON.parse(await readFile(new URL(`${name}/package.json`, NODE_MODULES), 'utf8'));
    return typeof pkg.version === 'string' ? pkg.version : null;
  } catch {
    return null;
  }
}

/**
 * Bundles the size peer and returns its sizes: every chunk (`entry` first), their total in
 * brotli and gzip bytes, and whether the bundle carries hls.js (Mux Player imports it statically).
 * Rollup warnings (circular imports and `this` rewriting inside the peer's dependencies) are
 * counted, not printed.
 */
export async function benchMuxPeer() {
  let warnings = 0;
  const bundle = await rollup({
    input: PEER,
    plugins: [
      nodeResolve({ browser: true }),
      esbuild({
        target: 'es2022',
        minify: true,
        define: { 'process.env.NODE_ENV': '"production"' },
      }),
      terserPass(),
    ],
    onwarn: () => {
      warnings += 1;
    },
  });
  try {
    const { output } = await bundle.generate({ format: 'es' });
    const chunks = output
      .filter((c) => c.type === 'chunk')
      .map((c) => ({
        file: c.fileName,
        entry: c.isEntry,
        dynamic: c.isDynamicEntry,
        bytes: Buffer.byteLength(c.code),
        br: brotli(c.code),
        gzip: gzipSync(c.code).length,
        hls: Object.keys(c.modules).some((id) => id.includes('/node_modules/hls.js/')),
      }))
      .sort((a, b) => Number(b.entry) - Number(a.entry));
    // What must arrive before the first frame: the entry and the chunks it imports statically.
    const eager = chunks.filter((c) => !c.dynamic);
    return {
      name: PEER,
      version: await versionOf(PEER),
      hlsVersion: await versionOf('hls.js'),
      chunks,
      warnings,
      br: eager.reduce((n, c) => n + c.br, 0),
      gzip: eager.reduce((n, c) => n + c.gzip, 0),
      includesHls: chunks.some((c) => c.hls),
    };
  } finally {
    await bundle.close();
  }
}
