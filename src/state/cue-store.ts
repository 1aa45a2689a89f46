import { atom, type ReadableAtom } from 'nanostores';
import { CuecartError, type ErrorSink } from '../internal/errors.js';
import { CueScheduler, type FrameClock } from '../cues/cue-scheduler.js';
import { CueTimeline } from '../cues/cue-timeline.js';
import { CarrierQueue } from '../cues/carrier-queue.js';
import type { DateRangeInput } from '../cues/daterange.js';
import type { MetadataSample } from '../cues/id3-samples.js';
import {
  parseJsonCueList,
  parseJsonCueListInSlices,
  resolveJsonCue,
  type JsonCueEntry,
  type JsonCueList,
} from '../cues/json-cues.js';
import { ProgramDateTimeMap, type ProgramDateTimeUpdate } from '../cues/program-date-time.js';
import type { NativeMetadataCue } from '../cues/native-metadata.js';
import type * as InBandCarrierModule from '../cues/in-band-carriers.js';
import type { ProductCue } from '../cues/product-cue.js';
import type { CueListPoller } from './cue-list-poller.js';

/** What a cue store reports. */
export interface CueStoreOptions {
  /** A cue became active on the presented frame whose media time is `mediaTime`. */
  onEnter?(cue: ProductCue, mediaTime: number): void;
  /** A cue stopped being active (at `mediaTime`; NaN when the clock was detached). */
  onExit?(cue: ProductCue, mediaTime: number): void;
  /** Non-fatal problems: invalid cues, side-car load failures. */
  onError?: ErrorSink;
  /** Injected for tests; defaults to the global `fetch` at call time. */
  fetch?: typeof fetch;
  /** Injected for tests: timers of the live cue-list poller. */
  timers?: ConstructorParameters<typeof CueListPoller>[0]['timers'];
  /**
   * Injected for tests: imports the in-band carriers' parsers (default: the
   * `in-band-carriers` chunk).
   */
  loadCarriers?: () => Promise<InBandCarriers>;
}

/** The in-band carriers' parsers (`src/cues/in-band-carriers.ts`), a chunk of their own. */
export type InBandCarriers = typeof InBandCarrierModule;

/** One player's cues: every carrier in, one ordered timeline, frame-accurate enter/exit out. */
export interface CueStore {
  /** Every known cue, in timeline order (start, then id). */
  readonly $cues: ReadableAtom<readonly ProductCue[]>;
  /** The cues active on the presented frame, in timeline order. */
  readonly $active: ReadableAtom<readonly ProductCue[]>;
  /** The underlying timeline (effective ends, lookups). */
  readonly timeline: CueTimeline;
  /** The stream's program date-time mapping (wall clock ↔ media time), once known. */
  readonly dates: ProgramDateTimeMap;
  /** Follows a media clock; replaces any previous one. */
  attachClock(clock: FrameClock): void;
  /** Stops following the clock (active cues exit). */
  detachClock(): void;
  /**
   * ID3 samples from hls.js (`carrier` tells MPEG-TS from fMP4 emsg). The in-band carriers'
   * parsers are a chunk of their own: the first in-band batch imports it (the player
   * requests it earlier, with the engine), and batches given before it has arrived are parsed, in the order
   * given, as soon as it has (see {@link settled}). If it cannot be loaded, the waiting batches
   * are reported once as `cues-load-failed` and the next batch tries again; playback goes on.
   */
  addMetadataSamples(samples: readonly MetadataSample[], carrier: 'id3' | 'emsg'): void;
  /** The DATERANGE tags of a (re)loaded playlist (in order with the other in-band batches). */
  addDateRanges(ranges: readonly DateRangeInput[]): void;
  /**
   * Cues of a native metadata text track (Safari), read now (in order with the other in-band
   * batches).
   */
  addNativeCues(cues: ArrayLike<NativeMetadataCue>): void;
  /**
   * Cues given by the host: ProductCues or JSON cue-list entries. Up to
   * {@link SYNC_ENTRY_LIMIT} entries that need parsing are added at once; a longer list is
   * parsed in slices that yield to the main thread, and its cues appear when the whole list is
   * parsed (see {@link settled}).
   */
  addCues(entries: readonly unknown[]): void;
  /**
   * Loads a side-car cue list (JSON or WebVTT metadata) from a URL; a JSON list with `refresh`
   * keeps being re-fetched while the stream is live, until `signal` aborts. Documents are parsed
   * in slices that yield to the main thread. Resolves after the first load (never rejects:
   * failures are reported as `cues-load-failed`). The poller and the WebVTT parser are a chunk
   * of their own, imported on the first call: a player without a side-car never loads them.
   */
  loadSideCar(url: string, signal: AbortSignal): Promise<void>;
  /**
   * Resolves once every host cue list given to {@link addCues} so far has been added, and every
   * in-band batch given so far has been parsed (or reported lost).
   */
  settled(): Promise<void>;
  /**
   * The stream's program date-time after a playlist (re)load: places wall-clock cues
   * (`startDate`/`endDate`) and starts or stops live cue-list refreshes.
   */
  setProgramDateTime(update: ProgramDateTimeUpdate): void;
  /** Forgets the cues that came from the given carriers (e.g. a replaced side-car list). */
  removeSources(sources: readonly ProductCue['source'][]): void;
  /** Drops cues that ended before `time` (the start of a live window). */
  prune(time: number): void;
  /** Forgets every cue (source change). */
  clear(): void;
  /** Stops everything. */
  destroy(): void;
}

/**
 * Host cue lists up to this many entries needing parsing are added synchronously; longer ones are
 * parsed in slices (each well under a frame) so the page stays responsive.
 */
export const SYNC_ENTRY_LIMIT = 1000;

/**
 * Creates the cue store of one player. Parsing happens when data arrives (seconds before the
 * frame); activation happens on the presented frame through the {@link CueScheduler}. Large
 * lists are parsed in slices that yield to the main thread, and the timeline answers "what is
 * active now" from an interval index, so neither loading nor playing a 10,000-cue show blocks
 * the page.
 */

export function createCueStore(options: CueStoreOptions = {}): CueStore {
  const timeline = new CueTimeline();
  const $cues = atom<readonly ProductCue[]>([]);
  const $active = atom<readonly ProductCue[]>([]);
  const onError: ErrorSink = (error) => options.onError?.(error);
  let scheduler: CueScheduler | undefined;
  // Host lists parsed in slices are added in call order; `clear()` and removing the `api`
  // source abandon the ones still parsing.
  const settledQueue: Promise<void> = Promise.resolve();
  let hostQueue = settledQueue;
  let hostGeneration = 0;
  let clock: FrameClock | undefined;
  const dates = new ProgramDateTimeMap();
  const pollers = new Set<CueListPoller>();
  let live: boolean | undefined;
  let destroyed = false;
  /** Latest live-window start pruned while in-band batches were waiting for their parsers. */
  let prunedWhileWaiting: number | undefined;
  const carriers = new CarrierQueue<InBandCarriers>(
    options.loadCarriers ?? (() => import('../cues/in-band-carriers.js')),
    (cause) => {
      if (destroyed) return;
      onError(
        new CuecartError(
          'cues-load-failed',
          'The stream’s product cues could not be read: a part of the player could not be loaded.',
          { cause },
        ),
      );
    },
  );
  /** Adds in-band cues parsed once the carriers' parsers are here; a prune they missed follows. */
  const addInBand = (parse: (parsers: InBandCarriers) => ProductCue[]) =>
    carriers.run((parsers) => {
      timeline.add(parse(parsers));
      if (prunedWhileWaiting !== undefined && !carriers.waiting) {
        timeline.prune(prunedWhileWaiting);
        prunedWhileWaiting = undefined;
      }
    });
  /** Host-given wall-clock entries, re-placed whenever the date mapping changes. */
  let hostDated: JsonCueEntry[] = [];
  const toMediaTime = (date: number) => dates.toMediaTime(date);
  const placeHostDated = () => {
    const cues: ProductCue[] = [];
    for (const entry of hostDated) {
      const cue = resolveJsonCue(entry, toMediaTime);
      if (cue) cues.push({ ...cue, source: 'api' });
    }
    timeline.add(cues);
  };

  const unsubscribeTimeline = timeline.subscribe((cues) => $cues.set(cues));

  const detachClock = () => {
    if (!scheduler) return;
    const leaving = scheduler.active;
    scheduler.destroy();
    scheduler = undefined;
    clock = undefined;
    $active.set([]);
    for (const cue of leaving) options.onExit?.(cue, NaN);
  };

  return {
    $cues,
    $active,
    timeline,
    dates,
    attachClock(frameClock) {
      detachClock();
      clock = frameClock;
      scheduler = new CueScheduler(timeline, frameClock, {
        enter(cue, mediaTime) {
          $active.set(scheduler?.active ?? []);
          options.onEnter?.(cue, mediaTime);
        },
        exit(cue, mediaTime) {
          $active.set(scheduler?.active ?? []);
          options.onExit?.(cue, mediaTime);
        },
      });
      scheduler.update();
    },
    detachClock,
    addMetadataSamples(samples, carrier) {
      addInBand((parsers) => parsers.cuesFromMetadataSamples(samples, onError, carrier));
    },
    addDateRanges(ranges) {
      addInBand((parsers) => {
        const cues: ProductCue[] = [];
        for (const range of ranges) {
          const cue = parsers.cueFromDateRange(range, onError);
          if (cue) cues.push(cue);
        }
        return cues;
      });
    },
    addNativeCues(cues) {
      // A track's cue list is live: what it holds now is this batch.
      const batch = Array.from(cues);
      addInBand((parsers) => parsers.cuesFromNativeMetadata(batch, onError));
    },

    addCues(entries) {
      const ready = entries.filter(isProductCue);
      const raw = entries.filter((entry) => !isProductCue(entry));
      const generation = hostGeneration;
      const commit = (parsed: JsonCueList | CuecartError) => {
        if (generation !== hostGeneration) return;
        if (parsed instanceof CuecartError) onError(parsed);
        else {
          for (const entry of parsed.entries) {
            if (entry.startDate !== undefined || entry.endDate !== undefined) {
              hostDated = hostDated.filter((held) => held.id !== entry.id).concat(entry);
            }
            const cue = resolveJsonCue(entry, toMediaTime);
            if (cue) ready.push({ ...cue, source: 'api' });
          }
        }
        timeline.add(ready);
      };
      const queued = hostQueue !== settledQueue;
      if (raw.length <= SYNC_ENTRY_LIMIT && !queued) {
        if (raw.length) commit(parseJsonCueList({ cues: raw }, onError));
        else timeline.add(ready);
        return;
      }
      // Behind any list still parsing, so a later call's cues win over an earlier one's.
      const job = hostQueue.then(async () => {
        if (generation !== hostGeneration) return;
        commit(
          raw.length ? await parseJsonCueListInSlices({ cues: raw }, onError) : { entries: [] },
        );
      });
      hostQueue = job;
      void job.finally(() => {
        if (hostQueue === job) hostQueue = settledQueue;
      });
    },
    async settled() {
      await Promise.all([hostQueue, carriers.settled()]);
    },
    async loadSideCar(url, signal) {
      let Poller: typeof CueListPoller;
      try {
        Poller = (await import('./cue-list-poller.js')).CueListPoller;
      } catch (cause) {
        if (!destroyed && !signal.aborted) {
          onError(
            new CuecartError('cues-load-failed', `The cue list ${url} could not be loaded.`, {
              cause,
            }),
          );
        }
        return;
      }
      // Destroyed, or the side-car replaced, while the chunk was loading.
      if (destroyed || signal.aborted) return;
      const poller = new Poller({
        timeline,
        dates,
        currentTime: () => clock?.now() ?? NaN,
        onError,
        fetch: options.fetch,
        timers: options.timers,
      });
      pollers.add(poller);
      signal.addEventListener('abort', () => pollers.delete(poller), { once: true });
      if (live !== undefined) poller.setLive(live);
      await poller.start(url, signal);
    },
    setProgramDateTime(update) {
      if (dates.update(update.anchors)) {
        for (const poller of pollers) poller.datesChanged();
        if (hostDated.length) placeHostDated();
      }
      live = update.live;
      for (const poller of pollers) poller.setLive(update.live);
    },
    removeSources(sources) {
      if (sources.includes('api')) {
        hostGeneration++;
        hostDated = [];
      }
      timeline.removeWhere((cue) => sources.includes(cue.source));
    },
    prune(time) {
      timeline.prune(time);
      if (carriers.waiting) prunedWhileWaiting = Math.max(prunedWhileWaiting ?? time, time);
    },
    clear() {
      hostGeneration++;
      carriers.clear();
      prunedWhileWaiting = undefined;
      timeline.clear();
      dates.clear();
      hostDated = [];
      live = undefined;
      scheduler?.update();
    },
    destroy() {
      destroyed = true;
      hostGeneration++;
      carriers.clear();
      for (const poller of pollers) poller.stop();
      pollers.clear();
      detachClock();
      unsubscribeTimeline();
      timeline.clear();
    },
  };
}

function isProductCue(value: unknown): value is ProductCue {
  const cue = value as ProductCue;
  return (
    typeof cue === 'object' &&
    cue !== null &&
    typeof cue.id === 'string' &&
    typeof cue.start === 'number' &&
    typeof cue.source === 'string' &&
    typeof cue.payload?.product === 'string'
  );
}
