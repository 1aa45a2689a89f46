import { CuecartError } from '../internal/errors.js';
import { yieldToMain } from '../internal/time-slices.js';
import { parseHlsBuild } from '../player/hls-build.js';
import { preloadHls } from '../player/load-hls.js';
import { prefetchPlaylist } from '../player/playlist-prefetch.js';
import { prefetchRenditions } from '../player/rendition-prefetch.js';
import { prefetchFirstSegment } from '../player/segment-prefetch.js';
import { needsHlsJs } from '../player/source-type.js';
import { takeEarlyEngine } from '../player/early-engine.js';
import type { EarlyPlayback } from './early-start.js';
import { facadeHasFocus, removeFacade, renderFacade, showFacadeVideo } from './facade-view.js';
import { isEager, isNearViewport, LAZY_ROOT_MARGIN, markNear } from './near-viewport.js';

const PLAYER_TAG = 'cuecart-player';
/** Other Cuecart elements a page may place on its own (a mini cart in the header). */
const OTHER_TAGS = 'cuecart-mini-cart,cuecart-product-card,cuecart-product-list';
/** Marks a document whose players a loader already handles (two copies of Cuecart, one loader). */
const INSTALLED = Symbol.for('cuecart.playerLoader');

/** What the loader needs from the player shell's module (`define-player.ts`). */
export interface CuecartElementsModule {
  /**
   * Registers the player (skipping tags already defined) and, now or once their chunk arrives,
   * the other elements; rejects when that chunk fails.
   */
  definePlayer(): void | Promise<void>;
}

/** What the loader starts with a player's shell, in parallel with it and with hls.js. */
export interface PlayerLoaderOptions {
  /**
   * Requests the chunks a player needs besides the shell (the shopping elements, the adapter its
   * `adapter` attribute names), without waiting for them. Called once per player, with `load`:
   * at its activation, or — for a player whose playback `startEarly` started — once it has shown
   * its first frame (docs/decisions/0068-player-chunks-after-the-first-frame.md).
   */
  prefetch?(player: Element): void;
  /**
   * Starts an activated player's playback before the player is defined, on a `<video>` the
   * facade shows and the player takes over (`early-start.ts`); undefined when it cannot. The
   * player is then registered once every such player has shown its first frame (or failed), at
   * the viewer's first key or pointer press, or after {@link FIRST_FRAME_CAP_MS} at the latest
   * (docs/decisions/0067-first-frame-before-the-player.md).
   */
  startEarly?(
    player: HTMLElement,
    show: (video: HTMLVideoElement) => void,
  ): EarlyPlayback | undefined;
}

/** The longest the player's registration waits for early players' first frames. */
export const FIRST_FRAME_CAP_MS = 2_500;

/** A `<cuecart-player>` before and after its upgrade (only what the loader calls). */
type PlayerElement = HTMLElement & {
  play?: () => Promise<void>;
  updateComplete?: Promise<unknown>;
};

/**
 * The facade loader: the small script that handles `<cuecart-player>` elements before the real
 * element class is loaded (docs/decisions/0046-lazy-player-facade.md).
 *
 * - Every player found in the document gets a facade (poster, title, play button) in the box the
 *   real player will take, so nothing shifts.
 * - A player with `loading="eager"`, or within a viewport of the visible area, starts at once:
 *   hls.js (for an HLS source where MSE exists) and the player are requested in parallel.
 * - Any other player waits until it approaches the viewport (IntersectionObserver), the pointer
 *   comes over it, or the viewer presses play (then it plays once loaded).
 * - `load` imports the player shell, and `options.prefetch` requests the chunks the shell would
 *   ask for next at the same moment — at activation, or for a player `options.startEarly` plays,
 *   once it has shown its first frame (docs/decisions/0069-the-first-frame-without-the-shell.md);
 *   the loader registers the player, which upgrades every player on the page (the real player
 *   keeps a far-away lazy player's media unloaded on its own), and the shopping elements upgrade
 *   when their chunk arrives.
 *
 * Safe to call more than once and next to another copy of Cuecart: only the first call on a
 * document installs anything, and nothing happens once `cuecart-player` is defined.
 */
export function installPlayerLoader(
  load: () => Promise<CuecartElementsModule>,
  doc: Document = document,
  options: PlayerLoaderOptions = {},
): void {
  const view = doc.defaultView;
  const holder = doc as unknown as Record<symbol, boolean | undefined>;
  if (!view || holder[INSTALLED] || view.customElements.get(PLAYER_TAG)) return;
  holder[INSTALLED] = true;

  const seen = new WeakSet<Element>();
  /** Players showing a facade. */
  const faced = new Set<PlayerElement>();
  /** Players whose facade is due in the task after their discovery (`discover`). */
  const facing = new Set<PlayerElement>();
  /** Whether the player got defined: no facade is rendered from then on. */
  let finished = false;
  const wantsPlay = new Set<PlayerElement>();
  /** Players whose playback the loader started, with their video. */
  const early = new Map<PlayerElement, HTMLVideoElement | undefined>();
  const firstFrames: Promise<void>[] = [];
  /** Players whose other chunks were requested. */
  const prefetched = new WeakSet<PlayerElement>();
  let loading: Promise<void> | undefined;

  const finish = () => {
    finished = true;
    facing.clear();
    intersections.disconnect();
    mutations.disconnect();
    // A player removed before it could upgrade never takes its engine over.
    for (const player of early.keys()) if (!player.isConnected) takeEarlyEngine(player)?.destroy();
    early.clear();
    for (const player of faced) {
      const focused = facadeHasFocus(player);
      removeFacade(player);
      if (focused) handOverFocus(player);
    }
    faced.clear();
    for (const player of wantsPlay) void player.play?.();
    wantsPlay.clear();
  };

  const report = (targets: Iterable<Element>, error: CuecartError) => {
    for (const target of new Set(targets)) {
      target.dispatchEvent(
        new CustomEvent('cuecart-error', {
          detail: error.toDetail(),
          bubbles: true,
          composed: true,
        }),
      );
    }
  };

  const loadElements = (origin?: PlayerElement) => {
    loading ??= load().then(
      async (elements) => {
        // Players already playing show their first frame before the player's registration and
        // first renders take the main thread.
        await afterFirstFrames();
        // The shell's players work without the shopping chunk: its failure is reported, no more.
        void Promise.resolve(elements.definePlayer()).catch((cause: unknown) =>
          report(
            doc.querySelectorAll(PLAYER_TAG),
            new CuecartError(
              'products-load-failed',
              'The shopping part of the player could not be loaded.',
              { cause },
            ),
          ),
        );
      },
      (cause: unknown) => {
        loading = undefined;
        const error = new CuecartError(
          'media-load-failed',
          'The video player could not be loaded.',
          {
            cause,
          },
        );
        report([...(origin ? [origin] : []), ...wantsPlay], error);
        wantsPlay.clear();
      },
    );
  };

  /**
   * Resolves when the given early players' first frames are shown (or failed), at the viewer's
   * first key or pointer press, or after {@link FIRST_FRAME_CAP_MS}, whichever comes first.
   */
  const afterFirstFrames = (frames: Promise<void>[] = firstFrames): Promise<void> => {
    if (!frames.length) return Promise.resolve();
    const stop = new AbortController();
    return new Promise<void>((resolve) => {
      const done = () => {
        stop.abort();
        resolve();
      };
      const timer = view.setTimeout(done, FIRST_FRAME_CAP_MS);
      stop.signal.addEventListener('abort', () => view.clearTimeout(timer), { once: true });
      for (const type of ['pointerdown', 'keydown'])
        doc.addEventListener(type, done, { capture: true, once: true, signal: stop.signal });
      void Promise.all(frames).then(done);
    });
  };

  /** Starts the playback of a player with a facade (or one due), once (see `startEarly`). */
  const startEarly = (player: PlayerElement) => {
    if (!options.startEarly || early.has(player)) return;
    if (!faced.has(player) && !facing.has(player)) return;
    const started = options.startEarly(player, (video) => {
      early.set(player, video);
      showFacadeVideo(player, video);
    });
    if (!started) return;
    early.set(player, undefined);
    firstFrames.push(started.firstFrame);
    // The shell and the chunks the first frame does not need come after it: fetched and compiled
    // alongside hls.js, they took the line and the CPU from it
    // (docs/decisions/0068-player-chunks-after-the-first-frame.md, 0069-the-first-frame-without-the-shell.md).
    void afterFirstFrames([started.firstFrame]).then(() => loadRest(player));
  };

  /** Requests the shell and the chunks a player needs besides it. */
  const loadRest = (player: PlayerElement) => {
    loadElements(player);
    prefetch(player);
  };

  /** Requests the chunks a player needs besides the shell (`options.prefetch`), once. */
  const prefetch = (player: PlayerElement) => {
    if (prefetched.has(player)) return;
    prefetched.add(player);
    options.prefetch?.(player);
  };

  const activate = (player: PlayerElement, play: boolean) => {
    if (play) {
      wantsPlay.add(player);
      // Played in the viewer's gesture, which the player's own play() may come too late for.
      void early
        .get(player)
        ?.play()
        .catch(() => {});
    }
    intersections.unobserve(player);
    markNear(player);
    const src = player.getAttribute('src') ?? '';
    // The waterfall to avoid: player chunk → render → hls.js chunk → playlist. hls.js and the
    // playlist are requested now, and with them the shell and the chunks it would ask for next
    // (shopping elements, adapter): in parallel, the real player's own requests joining them.
    // The first segment, or a multivariant playlist's renditions, follow the playlist before
    // hls.js has arrived (0074, 0075).
    // A player the loader plays itself gets the shell and those chunks after its first frame
    // (`startEarly`: in this task too, so that its MediaSource opens while hls.js downloads, 0079).
    if (src && needsHlsJs(src)) {
      preloadHls(parseHlsBuild(player.getAttribute('hls-build')));
      prefetchPlaylist(player, src);
      prefetchFirstSegment(player);
      prefetchRenditions(player);
    }
    startEarly(player);
    if (!early.has(player)) loadRest(player);
  };

  const intersections = new view.IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (entry.isIntersecting) activate(entry.target as PlayerElement, false);
      }
    },
    { rootMargin: LAZY_ROOT_MARGIN },
  );

  const discover = (players: PlayerElement[]) => {
    const fresh = players.filter((player) => !seen.has(player));
    for (const player of fresh) seen.add(player);
    // Read every position first, then write: one layout for the whole batch.
    const near = fresh.map((player) => isEager(player) || isNearViewport(player));
    // The requests and the early playback in this task (hls.js, the playlist, the first segment,
    // the shell and its chunks; the video and its MediaSource), the facades in the next: the
    // loader's first task is the longest Cuecart runs before the first frame, and rendering must
    // not hold back the downloads the first frame waits for
    // (docs/decisions/0080-facades-in-the-task-after-the-requests.md).
    for (const player of fresh) if (!player.shadowRoot) facing.add(player);
    fresh.forEach((player, i) => {
      if (near[i]) activate(player, false);
    });
    void yieldToMain()
      .then(() => renderFacades(fresh, near))
      .catch((error: unknown) => view.reportError(error));
  };

  /**
   * The second half of `discover`, a task later: renders the facades (none once the player is
   * defined: it renders itself), shows the video of a player already playing, and watches the
   * viewport for the players not activated.
   */
  const renderFacades = (players: PlayerElement[], near: boolean[]) => {
    for (const player of players) facing.delete(player);
    players.forEach((player, i) => {
      if (!finished && renderFacade(player, () => activate(player, true))) {
        faced.add(player);
        const video = early.get(player);
        if (video) showFacadeVideo(player, video);
        // Warm up on intent, as a facade should: the pointer on its way to the play button.
        player.shadowRoot?.addEventListener('pointerover', () => activate(player, false), {
          once: true,
        });
      }
      if (!near[i] && !finished) intersections.observe(player);
    });
  };

  const scan = (root: ParentNode) => {
    const found = Array.from(root.querySelectorAll<PlayerElement>(PLAYER_TAG));
    if (root instanceof view.Element && root.localName === PLAYER_TAG) {
      found.unshift(root as PlayerElement);
    }
    if (found.length) discover(found);
    // A stand-alone mini cart (or card, list) loads the elements when it comes near, like a player.
    const others = Array.from(root.querySelectorAll<PlayerElement>(OTHER_TAGS));
    if (root instanceof view.Element && root.matches(OTHER_TAGS))
      others.push(root as PlayerElement);
    for (const element of others) {
      if (seen.has(element)) continue;
      seen.add(element);
      intersections.observe(element);
    }
  };

  // Players parsed or inserted after this script ran (the parser, frameworks, hosts' scripts).
  const mutations = new view.MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node instanceof view.Element) scan(node);
    }
  });
  mutations.observe(doc, { childList: true, subtree: true });
  scan(doc);
  // Players inside other components' shadow roots are invisible to the observer above: a page
  // where none was found loads the elements once it is idle (their media stays lazy).
  const loadIfNoneFound = () => {
    const check = () => {
      if (!loading && !faced.size && !view.customElements.get(PLAYER_TAG)) loadElements();
    };
    // Safari has no requestIdleCallback.
    if (typeof view.requestIdleCallback === 'function')
      view.requestIdleCallback(check, { timeout: 2000 });
    else view.setTimeout(check, 1000);
  };
  if (doc.readyState === 'complete') loadIfNoneFound();
  else view.addEventListener('load', loadIfNoneFound, { once: true });
  // Whoever defines the element (this loader, or the host calling defineCuecart()), the facades
  // go: this runs after the upgrades and before Lit's first render (a later microtask).
  void view.customElements.whenDefined(PLAYER_TAG).then(finish);
}

/** Moves focus from the facade's play button to the upgraded player's stage. */
function handOverFocus(player: PlayerElement): void {
  void Promise.resolve(player.updateComplete).then(() => {
    player.shadowRoot?.querySelector<HTMLElement>('[part~="stage"]')?.focus();
  });
}
