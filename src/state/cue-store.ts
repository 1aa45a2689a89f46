import { atom, type ReadableAtom } from 'nanostores';
import { CuecartError, type ErrorSink } from '../internal/errors.js';
import { yieldToMain } from '../internal/time-slices.js';
import { CueScheduler, type FrameClock } from '../cues/cue-scheduler.js';
import { CueTimeline } from '../cues/cue-timeline.js';
import { cueFromDateRange, type DateRangeInput } from '../cues/daterange.js';
import { cuesFromMetadataSamples, type MetadataSample } from '../cues/id3-samples.js';
import { parseJsonCues, parseJsonCuesInSlices } from '../cues/json-cues.js';
import { cuesFromNativeMetadata, type NativeMetadataCue } from '../cues/native-metadata.js';
import type { ProductCue } from '../cues/product-cue.js';
import { parseWebVttCuesInSlices } from '../cues/webvtt.js';

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
}

/** One player's cues: every carrier in, one ordered timeline, frame-accurate enter/exit out. */
export interface CueStore {
  /** Every known cue, in timeline order (start, then id). */
  readonly $cues: ReadableAtom<readonly ProductCue[]>;
  /** The cues active on the presented frame, in timeline order. */
  readonly $active: ReadableAtom<readonly ProductCue[]>;
  /** The underlying timeline (effective ends, lookups). */
  readonly timeline: CueTimeline;
  /** Follows a media clock; replaces any previous one. */
  attachClock(clock: FrameClock): void;
  /** Stops following the clock (active cues exit). */
  detachClock(): void;
  /** ID3 samples from hls.js (`carrier` tells MPEG-TS from fMP4 emsg). */
  addMetadataSamples(samples: readonly MetadataSample[], carrier: 'id3' | 'emsg'): void;
  /** The DATERANGE tags of a (re)loaded playlist. */
  addDateRanges(ranges: readonly DateRangeInput[]): void;
  /** Cues of a native metadata text track (Safari). */
  addNativeCues(cues: ArrayLike<NativeMetadataCue>): void;
  /**
   * Cues given by the host: ProductCues or JSON cue-list entries. Up to
   * {@link SYNC_ENTRY_LIMIT} entries that need parsing are added at once; a longer list is
   * parsed in slices that yield to the main thread, and its cues appear when the whole list is
   * parsed (see {@link settled}).
   */
  addCues(entries: readonly unknown[]): void;
  /**
   * Loads a side-car cue list (JSON or WebVTT metadata) from a URL. The document is parsed in
   * slices that yield to the main thread; the cues are added in one change when it is complete.
   */
  loadSideCar(url: string, signal: AbortSignal): Promise<void>;
  /** Resolves once every host cue list given to {@link addCues} so far has been added. */
  settled(): Promise<void>;
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

  const unsubscribeTimeline = timeline.subscribe((cues) => $cues.set(cues));

  const detachClock = () => {
    if (!scheduler) return;
    const leaving = scheduler.active;
    scheduler.destroy();
    scheduler = undefined;
    $active.set([]);
    for (const cue of leaving) options.onExit?.(cue, NaN);
  };

  return {
    $cues,
    $active,
    timeline,
    attachClock(clock) {
      detachClock();
      scheduler = new CueScheduler(timeline, clock, {
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
      timeline.add(cuesFromMetadataSamples(samples, onError, carrier));
    },
    addDateRanges(ranges) {
      const cues: ProductCue[] = [];
      for (const range of ranges) {
        const cue = cueFromDateRange(range, onError);
        if (cue) cues.push(cue);
      }
      timeline.add(cues);
    },
    addNativeCues(cues) {
      timeline.add(cuesFromNativeMetadata(cues, onError));
    },
    addCues(entries) {
      const ready = entries.filter(isProductCue);
      const raw = entries.filter((entry) => !isProductCue(entry));
      const generation = hostGeneration;
      const commit = (parsed: ProductCue[] | CuecartError) => {
        if (generation !== hostGeneration) return;
        if (parsed instanceof CuecartError) onError(parsed);
        else for (const cue of parsed) ready.push({ ...cue, source: 'api' });
        timeline.add(ready);
      };
      const queued = hostQueue !== settledQueue;
      if (raw.length <= SYNC_ENTRY_LIMIT && !queued) {
        if (raw.length) commit(parseJsonCues({ cues: raw }, onError));
        else timeline.add(ready);
        return;
      }
      // Behind any list still parsing, so a later call's cues win over an earlier one's.
      const job = hostQueue.then(async () => {
        if (generation !== hostGeneration) return;
        commit(raw.length ? await parseJsonCuesInSlices({ cues: raw }, onError) : []);
      });
      hostQueue = job;
      void job.finally(() => {
        if (hostQueue === job) hostQueue = settledQueue;
      });
    },
    settled() {
      return hostQueue;
    },
    async loadSideCar(url, signal) {
      const doFetch = options.fetch ?? fetch;
      let text: string;
      try {
        const response = await doFetch(url, { signal });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        text = await response.text();
      } catch (cause) {
        if (signal.aborted) return;
        onError(
          new CuecartError(
            'cues-load-failed',
            `The cue list ${url} could not be loaded (${String((cause as Error)?.message ?? cause)}).`,
            {
              cause,
            },
          ),
        );
        return;
      }
      if (signal.aborted) return;
      const slices = { signal };
      const parsed = /^\uFEFF?WEBVTT/.test(text)
        ? await parseWebVttCuesInSlices(text, onError, slices)
        : await parseJsonCuesInSlices(text, onError, slices);
      if (signal.aborted) return;
      if (parsed instanceof CuecartError) {
        onError(parsed);
        return;
      }
      // Adding (and the render it causes) gets a task of its own, not the end of the last slice.
      await yieldToMain();
      if (!signal.aborted) timeline.add(parsed);
    },
    removeSources(sources) {
      if (sources.includes('api')) hostGeneration++;
      timeline.removeWhere((cue) => sources.includes(cue.source));
    },
    prune(time) {
      timeline.prune(time);
    },
    clear() {
      hostGeneration++;
      timeline.clear();
      scheduler?.update();
    },
    destroy() {
      hostGeneration++;
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
