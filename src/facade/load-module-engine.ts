import { createEngine } from '../player/create-engine.js';
import type { HlsBuild } from '../player/hls-build.js';
import { loadHls } from '../player/load-hls.js';
import type { StartEngine } from '../player/early-engine.js';
import type { LoadEarlyEngine } from './early-start.js';

/**
 * The ES-module loaders' {@link LoadEarlyEngine} (`cdn.ts`, `define.ts`): imports hls.js's chunk
 * and Cuecart's hls.js engine chunk in parallel, and starts through `createEngine`, which finds
 * both in the module map.
 */
export const loadModuleEngine: LoadEarlyEngine = (
  hlsBuild: HlsBuild,
): Promise<StartEngine | undefined> =>
  Promise.all([loadHls(hlsBuild), import('../player/hls-engine.js')]).then(([Hls]) =>
    Hls.isSupported() ? createEngine : undefined,
  );
