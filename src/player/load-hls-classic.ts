import { trustedScriptUrl } from '../internal/trusted-types.js';
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

/** The `<script>` of one hls.js build, with the constructor it defined once loaded. */
type HlsScript = HTMLScriptElement & { cuecartHls?: HlsConstructor };

/**
 * Classic-script build only: a classic `<script>` cannot code-split, so hls.js's own UMD build
 * is loaded from next to `cuecart.iife.js` on first need — `hls.min.js` or `hls.light.min.js` —
 * once per page and build (concurrent callers share the same `<script data-cuecart-hls>`). Both
 * builds define the same `Hls` global, so each script keeps the constructor it defined; an `Hls`
 * global already on the page before Cuecart loaded any is reused.
 */
export function loadHls(build: HlsBuild = 'full'): Promise<HlsConstructor> {
  const g = globalThis as { Hls?: HlsConstructor };
  let script = document.querySelector<HlsScript>(`script[data-cuecart-hls="${build}"]`);
  if (script?.cuecartHls) return Promise.resolve(script.cuecartHls);
  if (!script && g.Hls && !document.querySelector('script[data-cuecart-hls]')) {
    return Promise.resolve(g.Hls);
  }
  const src = new URL(SCRIPT_NAMES[build], scriptBase ?? document.baseURI).href;
  return new Promise<HlsConstructor>((resolve, reject) => {
    if (!script) {
      script = document.createElement('script') as HlsScript;
      script.src = trustedScriptUrl(src);
      script.async = true;
      script.dataset.cuecartHls = build;
      // The first listener, added before the script can run: it captures this build's `Hls`
      // before a script of the other build can replace the global.
      const own = script;
      own.addEventListener('load', () => {
        if (g.Hls) own.cuecartHls = g.Hls;
      });
      // A failed script is dropped so that a later attempt (a new source) tries again.
      own.addEventListener('error', () => own.remove());
      document.head.append(script);
    }
    const loaded = script;
    loaded.addEventListener('load', () =>
      loaded.cuecartHls
        ? resolve(loaded.cuecartHls)
        : reject(new Error(`${src} did not define Hls`)),
    );
    loaded.addEventListener('error', () => reject(new Error(`Could not load ${src}`)));
  });
}

/** Starts loading hls.js's classic script without waiting for it. */
export function preloadHls(build: HlsBuild = 'full'): void {
  loadHls(build).catch(() => {});
}
