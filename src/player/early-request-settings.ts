/**
 * The page's hls.js settings (`hlsConfig`) that the loader's early requests (decisions 0064,
 * 0074, 0075) must respect — one list for the loader, which decides what to request early, and
 * the engine, which decides what of it hls.js takes.
 * @module
 */

/**
 * Settings that set up hls.js's requests (their own loader, headers, credentials): a response
 * requested without them must not be used.
 */
export const REQUEST_SETTINGS = ['loader', 'pLoader', 'xhrSetup', 'fetchSetup'] as const;

/**
 * Settings under which hls.js's first loads are not the ones the loader would request early:
 * {@link REQUEST_SETTINGS}, its own fragment loader, or a start elsewhere (a start position, a
 * live sync distance, low-latency parts).
 */
export const FIRST_LOAD_SETTINGS = [
  ...REQUEST_SETTINGS,
  'fLoader',
  'startPosition',
  'liveSyncDuration',
  'liveSyncDurationCount',
  'lowLatencyMode',
] as const;

/**
 * Settings that move which variant of a multivariant playlist hls.js starts with, away from the
 * defaults start-variant.ts follows: its first segment is then not requested early (its
 * playlist still is).
 */
export const START_VARIANT_SETTINGS = [
  'startLevel',
  'abrController',
  'abrEwmaDefaultEstimate',
  'abrEwmaDefaultEstimateMax',
  'audioPreference',
  'capLevelToPlayerSize',
  'maxStarvationDelay',
  'minAutoBitrate',
  'videoPreference',
] as const;
