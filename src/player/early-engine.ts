/**
 * A playback engine started by the player loader before `<cuecart-player>` is defined, and taken
 * over by the player when it upgrades (docs/decisions/0067-first-frame-before-the-player.md).
 *
 * The loader creates the player's `<video>` in the facade and starts the engine on it as soon as
 * hls.js has arrived, so the first frame waits for hls.js alone — not for the player shell's
 * registration and first renders. What the engine reports until the player takes it over
 * (timed metadata, live state, errors) is held, in order, and handed over then: nothing is lost.
 *
 * The handle is kept on the player element itself (no module state: two players never share one)
 * and taken once.
 * @module
 */
import { CuecartError } from '../internal/errors.js';
import type { HlsBuild } from './hls-build.js';
import type {
  EngineCallbacks,
  EngineStartOptions,
  HlsSettings,
  PlaybackEngine,
} from './playback-engine.js';

/** Where a player element keeps its early engine (shared by every copy of Cuecart). */
const EARLY = Symbol.for('cuecart.earlyEngine');

/** Every engine callback, relayed in the order the engine made them. */
const CALLBACKS = [
  'onFatalError',
  'onLiveChange',
  'onMetadataSamples',
  'onDateRanges',
  'onMetadataTrack',
  'onStreamStale',
  'onSegmentSkipped',
  'onProgramDateTime',
] as const satisfies readonly (keyof EngineCallbacks)[];

type CallbackName = (typeof CALLBACKS)[number];

/** Starts an engine (`createEngine`, injected so that tests and the loader choose). */
export type StartEngine = (
  video: HTMLVideoElement,
  src: string,
  callbacks: EngineCallbacks,
  signal: AbortSignal,
  options: EngineStartOptions & { hlsBuild?: HlsBuild },
) => Promise<PlaybackEngine | null>;

/** What {@link startEarlyEngine} starts from. */
export interface EarlyEngineOptions {
  /** The (safe, http(s) or relative) source. */
  src: string;
  /** The hls.js build. */
  hlsBuild: HlsBuild;
  /**
   * Resolves when the engine may start (its chunks have arrived); the player's `hlsConfig` is
   * read then, so that a host script setting it after the loader ran is still in time.
   */
  ready: Promise<unknown>;
  /** The player's `hlsConfig`, read when the engine starts. */
  hlsConfig(): HlsSettings | undefined;
  /** Start options read when the engine starts (the prefetched playlist). */
  startOptions?(): Omit<EngineStartOptions, 'hlsConfig'>;
  /** Told (besides the held report) when the engine reports a fatal error. */
  onFatalError?(): void;
}

/** An engine started before its player was defined; see the module documentation. */
export interface EarlyEngine {
  /** The `<video>` it plays into: the player renders this very element. */
  readonly video: HTMLVideoElement;
  /** The source it plays. */
  readonly src: string;
  /** The hls.js build it uses. */
  readonly hlsBuild: HlsBuild;
  /** The engine, once started; null when it could not start (reported through the callbacks). */
  readonly engine: Promise<PlaybackEngine | null>;
  /**
   * Whether it plays what the player would start: the same source and build, and (once started)
   * the same `hlsConfig` object. Before the engine starts, the config is read then, from the
   * player: it matches by construction.
   */
  matches(src: string, hlsBuild: HlsBuild, hlsConfig: HlsSettings | undefined): boolean;
  /**
   * Sends the engine's reports to `callbacks` from now on, after the ones held so far (in order).
   * Called once, by the player that takes the engine over.
   */
  connect(callbacks: EngineCallbacks): void;
  /** Stops the engine (or its start) and drops what it held. The video stays. */
  destroy(): void;
}

/**
 * Starts the engine for `video` and keeps the handle on `player` for {@link takeEarlyEngine}.
 * Does nothing (returns undefined) when `player` already holds one.
 */
export function startEarlyEngine(
  player: Element,
  video: HTMLVideoElement,
  options: EarlyEngineOptions,
  start: StartEngine,
): EarlyEngine | undefined {
  const holder = player as Element & { [EARLY]?: EarlyEngine };
  if (holder[EARLY]) return undefined;
  const abort = new AbortController();
  const held: [CallbackName, unknown[]][] = [];
  let target: EngineCallbacks | undefined;
  const relay = {} as Record<CallbackName, (...args: unknown[]) => void>;
  for (const name of CALLBACKS) {
    relay[name] = (...args) => {
      if (abort.signal.aborted) return;
      if (name === 'onFatalError') options.onFatalError?.();
      if (target) call(target, name, args);
      else held.push([name, args]);
    };
  }
  let startedWith: { hlsConfig: HlsSettings | undefined } | undefined;
  const engine = options.ready
    .then(
      () => undefined,
      () => undefined, // the start below reports the failure (`media-load-failed`)
    )
    .then(() => {
      if (abort.signal.aborted) return null;
      const hlsConfig = options.hlsConfig();
      startedWith = { hlsConfig };
      return start(video, options.src, relay as unknown as EngineCallbacks, abort.signal, {
        ...options.startOptions?.(),
        hlsConfig,
        hlsBuild: options.hlsBuild,
      });
    })
    .then(
      (started) => {
        if (abort.signal.aborted) {
          started?.destroy();
          return null;
        }
        return started;
      },
      (cause: unknown) => {
        // createEngine reports its own failures; this is anything else it threw.
        relay.onFatalError(
          new CuecartError('media-load-failed', 'The video could not be started.', { cause }),
        );
        return null;
      },
    );
  const early: EarlyEngine = {
    video,
    src: options.src,
    hlsBuild: options.hlsBuild,
    engine,
    matches: (src, hlsBuild, hlsConfig) =>
      !abort.signal.aborted &&
      src === options.src &&
      hlsBuild === options.hlsBuild &&
      (!startedWith || startedWith.hlsConfig === hlsConfig),
    connect(callbacks) {
      if (target) return;
      target = callbacks;
      for (const [name, args] of held.splice(0)) call(callbacks, name, args);
    },
    destroy() {
      if (abort.signal.aborted) return;
      abort.abort();
      held.length = 0;
      void engine.then((started) => started?.destroy());
    },
  };
  holder[EARLY] = early;
  return early;
}

/** Takes (removes) the early engine `player` holds, if any. */
export function takeEarlyEngine(player: Element): EarlyEngine | undefined {
  const holder = player as Element & { [EARLY]?: EarlyEngine };
  const early = holder[EARLY];
  delete holder[EARLY];
  return early;
}

function call(callbacks: EngineCallbacks, name: CallbackName, args: unknown[]): void {
  const callback = callbacks[name] as ((...a: unknown[]) => void) | undefined;
  callback?.apply(callbacks, args);
}
