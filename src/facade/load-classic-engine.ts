import { CuecartError } from '../internal/errors.js';
import { loadClassicScript } from '../internal/classic-script.js';
import type { StartEngine } from '../player/early-engine.js';
import type { HlsBuild } from '../player/hls-build.js';
import type { startHlsEngine } from '../player/hls-engine.js';
import { loadHls } from '../player/load-hls-classic.js';
import type { LoadEarlyEngine } from './early-start.js';

/**
 * Cuecart's hls.js engine as a classic script (`src/cdn-classic-engine.ts`), which the classic
 * loader fetches from beside itself, with hls.js's own classic script.
 */
export const CLASSIC_ENGINE_SCRIPT = 'cuecart-hls-engine.iife.js';

/** What the engine's classic script defines (its rollup `name`). */
interface EngineGlobal {
  CuecartHlsEngine?: { startHlsEngine: typeof startHlsEngine };
}

/**
 * The classic loader's {@link LoadEarlyEngine}: loads hls.js (`load-hls-classic.ts`: its ES module, or its classic script) and
 * {@link CLASSIC_ENGINE_SCRIPT} from `base` (the loader's own directory), in parallel, once per
 * page, and starts the engine with the loader's error class — the whole classic player that takes
 * the engine over reads its errors by their `code` and `toDetail()`, not by class
 * (docs/decisions/0070-the-classic-loader-plays-before-the-player.md).
 */
export function classicEngineLoader(base: string): LoadEarlyEngine {
  const g = globalThis as EngineGlobal;
  return (hlsBuild: HlsBuild) =>
    Promise.all([
      loadHls(hlsBuild),
      loadClassicScript(
        new URL(CLASSIC_ENGINE_SCRIPT, base).href,
        'script[data-cuecart-engine]',
        (script) => {
          script.dataset.cuecartEngine = '';
        },
        () => g.CuecartHlsEngine,
      ),
    ]).then(([Hls, engine]): StartEngine | undefined =>
      Hls.isSupported()
        ? async (video, src, callbacks, signal, options) =>
            signal.aborted
              ? null
              : engine.startHlsEngine({ Hls, CuecartError }, video, src, callbacks, options)
        : undefined,
    );
}
