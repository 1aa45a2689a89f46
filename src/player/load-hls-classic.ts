import { trustedScriptUrl } from '../internal/trusted-types.js';
import type { HlsConstructor } from './load-hls.js';

const SCRIPT_NAME = 'hls.min.js';

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
 * is loaded from next to `cuecart.iife.js` on first need (once per page; concurrent callers share
 * the same `<script>` element).
 */
export function loadHls(): Promise<HlsConstructor> {
  const g = globalThis as { Hls?: HlsConstructor };
  if (g.Hls) return Promise.resolve(g.Hls);
  const src = new URL(SCRIPT_NAME, scriptBase ?? document.baseURI).href;
  return new Promise<HlsConstructor>((resolve, reject) => {
    let script = document.querySelector<HTMLScriptElement>(`script[data-cuecart-hls]`);
    if (!script) {
      script = document.createElement('script');
      script.src = trustedScriptUrl(src);
      script.async = true;
      script.dataset.cuecartHls = '';
      document.head.append(script);
    }
    script.addEventListener('load', () =>
      g.Hls ? resolve(g.Hls) : reject(new Error(`${src} did not define Hls`)),
    );
    script.addEventListener('error', () => reject(new Error(`Could not load ${src}`)));
  });
}
