import { loadClassicScript } from '../internal/classic-script.js';

/** What the loader needs from the whole classic player's API (`window.Cuecart`). */
export interface ClassicPlayerApi {
  /** Registers every Cuecart element (skipping tags already defined). */
  defineCuecart(): void;
}

/** The whole-player classic script the classic loader fetches, from beside itself. */
export const CLASSIC_PLAYER_SCRIPT = 'cuecart.iife.js';

/** The global the whole-player classic script defines (its rollup `name`). */
type PlayerGlobal = { Cuecart?: ClassicPlayerApi };

/**
 * Returns a loader for the classic-script build's whole player, resolved against `base` (the
 * directory of the classic loader script, captured by its entry while it runs). The returned
 * function adds one `<script async data-cuecart-player>` for `cuecart.iife.js` on first call —
 * concurrent and later calls share it — and resolves with the `window.Cuecart` it defined. A
 * script that fails to load is removed, so a later call tries again.
 */
export function classicPlayerLoader(base: string): () => Promise<ClassicPlayerApi> {
  return () => {
    const g = globalThis as PlayerGlobal;
    // The whole player already ran on this page (the host included both scripts).
    if (g.Cuecart) return Promise.resolve(g.Cuecart);
    return loadClassicScript(
      new URL(CLASSIC_PLAYER_SCRIPT, base).href,
      'script[data-cuecart-player]',
      (script) => {
        script.dataset.cuecartPlayer = '';
      },
      () => g.Cuecart,
    );
  };
}
