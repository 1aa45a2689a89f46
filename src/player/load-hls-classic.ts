import { loadClassicScript } from '../internal/classic-script.js';
import type { HlsBuild } from './hls-build.js';
import type { HlsConstructor } from './load-hls.js';

export { parseHlsBuild, type HlsBuild } from './hls-build.js';
export type { HlsConstructor } from './load-hls.js';

/** hls.js's own ES-module builds, copied beside the classic scripts as `.js` files. */
const MODULE_NAMES: Record<HlsBuild, string> = {
  full: 'hls.esm.js',
  light: 'hls.light.esm.js',
};

/** hls.js's own classic (UMD) builds: the fallback where a module cannot be imported. */
const SCRIPT_NAMES: Record<HlsBuild, string> = {
  full: 'hls.min.js',
  light: 'hls.light.min.js',
};

/**
 * The base URL of the classic Cuecart script, captured when that script runs (module evaluation
 * happens during the script's own execution, so `document.currentScript` is still set).
 */
const scriptBase: string | undefined =
  typeof document !== 'undefined' && document.currentScript instanceof HTMLScriptElement
    ? new URL('.', document.currentScript.src).href
    : undefined;

/**
 * Classic-script builds only: a classic `<script>` cannot code-split, so hls.js is loaded from
 * next to the Cuecart script on first need. First as hls.js's own ES module — `hls.esm.js` or
 * `hls.light.esm.js`, by `import()`, which a classic script may use: it is evaluated in a third
 * of the time of the transpiled UMD build (decision 0071) and the browser's module map loads it
 * once per page and build. Where that module cannot be imported (missing, or served cross-origin
 * without CORS), from hls.js's classic script `hls.min.js` / `hls.light.min.js` instead, once per
 * page and build (concurrent callers share the same `<script data-cuecart-hls>`); both UMD
 * builds define the same `Hls` global, so each script keeps the constructor it defined. An `Hls`
 * global already on the page before Cuecart loaded any is reused.
 */
export function loadHls(build: HlsBuild = 'full'): Promise<HlsConstructor> {
  const g = globalThis as { Hls?: HlsConstructor };
  if (g.Hls && !document.querySelector('script[data-cuecart-hls]')) {
    return Promise.resolve(g.Hls);
  }
  const base = scriptBase ?? document.baseURI;
  return importHls(new URL(MODULE_NAMES[build], base).href).catch(() =>
    loadClassicScript(
      new URL(SCRIPT_NAMES[build], base).href,
      `script[data-cuecart-hls="${build}"]`,
      (script) => {
        script.dataset.cuecartHls = build;
      },
      () => g.Hls,
    ),
  );
}

/** Imports hls.js's ES module at `url` and resolves with its default export, the constructor. */
async function importHls(url: string): Promise<HlsConstructor> {
  const module = (await import(/* @vite-ignore */ url)) as { default?: unknown };
  if (typeof module.default !== 'function') throw new TypeError(`${url} is not hls.js`);
  return module.default as HlsConstructor;
}

/** Starts loading hls.js (see {@link loadHls}) without waiting for it. */
export function preloadHls(build: HlsBuild = 'full'): void {
  loadHls(build).catch(() => {});
}
