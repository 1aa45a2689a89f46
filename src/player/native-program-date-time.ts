import type { ProgramDateTimeUpdate } from '../cues/program-date-time.js';
import { systemClock, type Clock } from '../internal/clock.js';

/**
 * The part of a media element the native program date-time watch reads: Safari's
 * `getStartDate()` (the date of media time 0, an invalid Date when unknown; not in every browser
 * nor in TypeScript's DOM typings), `duration` (Infinity while live) and its events.
 */
export interface StartDateMedia extends EventTarget {
  readonly duration: number;
  getStartDate?: () => unknown;
}

/** Options of {@link watchNativeProgramDateTime}. */
export interface NativeProgramDateTimeOptions {
  /** Stops the watch (the engine's own signal). */
  signal: AbortSignal;
  /** Timers of the live re-read; injected by tests. */
  clock?: Clock;
  /** How often a live stream's start date is read again, in ms (default {@link LIVE_REREAD_MS}). */
  intervalMs?: number;
}

/**
 * A live start date is read again this often: Safari can move it when the window slides or the
 * clock of the stream drifts, and the hls.js engine reports its mapping once per playlist reload
 * (a target duration, typically 2–6 s), so once a second is at least as fresh for the price of
 * one method call.
 */
export const LIVE_REREAD_MS = 1_000;

/**
 * Earliest start date believed: anything older is a default (the epoch) or garbage, not an
 * `EXT-X-PROGRAM-DATE-TIME` (HLS itself dates from 2009).
 */
export const EARLIEST_START_DATE = Date.UTC(2000, 0, 1);
/** Latest start date believed (a clock set decades ahead is garbage too). */
export const LATEST_START_DATE = Date.UTC(2100, 0, 1);

/**
 * The program date-time (ms since the epoch) at media time 0 of a native HLS playback, or
 * `undefined` when the browser does not know one (no `EXT-X-PROGRAM-DATE-TIME`, no
 * `getStartDate`, not loaded yet). Whatever the element returns is checked: a real Date, finite,
 * between {@link EARLIEST_START_DATE} and {@link LATEST_START_DATE}.
 */
export function readStartDate(media: StartDateMedia): number | undefined {
  const getStartDate = media.getStartDate;
  if (typeof getStartDate !== 'function') return undefined;
  let value: unknown;
  try {
    value = getStartDate.call(media);
  } catch {
    return undefined;
  }
  // Not `instanceof`: a Date from another realm (an iframe's element) is still a Date.
  if (Object.prototype.toString.call(value) !== '[object Date]') return undefined;
  const time = Date.prototype.getTime.call(value as Date);
  return Number.isFinite(time) && time >= EARLIEST_START_DATE && time < LATEST_START_DATE
    ? time
    : undefined;
}

/**
 * The {@link ProgramDateTimeUpdate} of a native HLS playback: one anchor at media time 0 that
 * covers the whole timeline (Safari's `getStartDate()` is one offset for all of it), or none while
 * the date is unknown; `live` while the duration is Infinity.
 */
export function nativeProgramDateTime(media: StartDateMedia): ProgramDateTimeUpdate {
  const date = readStartDate(media);
  return {
    live: media.duration === Infinity,
    anchors: date === undefined ? [] : [{ mediaTime: 0, date, duration: Infinity }],
  };
}

/**
 * Feeds native HLS playback (Safari, no fragment events) into the same program date-time mapping
 * as the hls.js engine: reads {@link nativeProgramDateTime} on `loadedmetadata`, `loadeddata` and
 * `durationchange`, and every {@link LIVE_REREAD_MS} while the stream is live, and reports it
 * when it differs from the last report (the first one always, so a live stream without a date
 * still starts live cue-list refreshes). Stops when `signal` aborts.
 */
export function watchNativeProgramDateTime(
  media: StartDateMedia,
  report: (update: ProgramDateTimeUpdate) => void,
  options: NativeProgramDateTimeOptions,
): void {
  const { signal } = options;
  const clock = options.clock ?? systemClock;
  const interval = options.intervalMs ?? LIVE_REREAD_MS;
  let last: { live: boolean; date: number | undefined } | undefined;
  let timer: unknown;

  const read = () => {
    if (signal.aborted) return;
    const update = nativeProgramDateTime(media);
    const date = update.anchors[0]?.date;
    if (!last || last.live !== update.live || last.date !== date) {
      last = { live: update.live, date };
      report(update);
    }
    clock.clearTimeout(timer);
    timer = update.live ? clock.setTimeout(read, interval) : undefined;
  };

  for (const type of ['loadedmetadata', 'loadeddata', 'durationchange']) {
    media.addEventListener(type, read, { signal });
  }
  signal.addEventListener('abort', () => clock.clearTimeout(timer), { once: true });
}
