import { loadClassicScript } from '../internal/classic-script.js';
import type { HlsBuild } from './hls-build.js';
import type { HlsConstructor } from './load-hls.js';

export { parseHlsBuild, type HlsBuild } from './hls-build.js';
export type { HlsConstructor } from './load-hls.js';

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
 * Classic-script build only: a classic `<script>` cannot code-split, so hls.js's own UMD build
 * is loaded from next to `cuecart.iife.js` on first need — `hls.min.js` or `hls.light.min.js` —
 * once per page and build (concurrent callers share the same `<script data-cuecart-hls>`). Both
 * builds define the same `Hls` global, so each script keeps the constructor it defined; an `Hls`
 * global already on the page before Cuecart loaded any is reused.
 */
export function loadHls(build: HlsBuild = 'full'): Promise<HlsConstructor> {
  const g = globalThis as { Hls?: HlsConstructor };
  const selector = `script[data-cuecart-hls="${build}"]`;
  if (g.Hls && !document.querySelector('script[data-cuecart-hls]')) {
    return Promise.resolve(g.Hls);
  }
  const src = new URL(SCRIPT_NAMES[build], scriptBase ?? document.baseURI).href;
  return loadClassicScript(
    src,
    selector,
    (script) => {
      script.dataset.cuecartHls = build;
    },
    () => g.Hls,
  );
}

/** Starts loading hls.js's classic script without waiting for it. */
export function preloadHls(build: HlsBuild = 'full'): void {
  loadHls(build).catch(() => {});
}
