import type { MediaPlaylist } from '../cues/media-playlist.js';
import type { DateAnchor, ProgramDateTimeUpdate } from '../cues/program-date-time.js';
import { systemClock, type Clock } from '../internal/clock.js';

/**
 * The part of a media element the native program date-time watch reads: Safari's
 * `getStartDate()` (the date of media time 0, an invalid Date when unknown; not in every browser
 * nor in TypeScript's DOM typings), `duration` (Infinity while live) and its events.
 */
export interface StartDateMedia extends EventTarget {
  /** Infinity while the stream is live. */
  readonly duration: number;
  /** Safari: the date of media time 0. Untrusted: anything may come back, or it may throw. */
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
  /**
   * Loads the media playlist being played (fetch-media-playlist.ts), once, after the start date is
   * first known: its exact dates refine Safari's whole-second start date.
   */
  loadPlaylist?: () => Promise<MediaPlaylist | undefined>;
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
 * How far Safari's `getStartDate()` may be from the true program date-time of media time 0:
 * WebKit rounds it to whole seconds (`round(currentDate - currentTime)` in
 * `MediaPlayerPrivateAVFoundationObjC::getStartDate`), so half a second, plus 1 ms for the
 * millisecond rounding of older versions.
 */
export const START_DATE_ROUNDING_MS = 501;

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
 * The exact program date-time anchors of a native playback, from its media playlist and
 * Safari's rounded start date: the one segment whose date lies within
 * {@link START_DATE_ROUNDING_MS} of `startDate` is taken as media time 0, and every dated
 * segment from it on is placed by the playlist's durations after it. `undefined` when no segment
 * or more than one matches (Safari's timeline does not start at a segment the playlist lists).
 */
export function anchorsFromPlaylist(
  playlist: MediaPlaylist,
  startDate: number,
): DateAnchor[] | undefined {
  const matches = playlist.segments.filter(
    (s) => s.date !== undefined && Math.abs(s.date - startDate) <= START_DATE_ROUNDING_MS,
  );
  if (matches.length !== 1) return undefined;
  const zero = matches[0]!;
  const anchors: DateAnchor[] = [];
  for (const segment of playlist.segments) {
    if (segment.start < zero.start || segment.date === undefined) continue;
    anchors.push({
      mediaTime: segment.start - zero.start,
      date: segment.date,
      duration: segment.duration,
    });
  }
  return anchors;
}

/**
 * Feeds native HLS playback (Safari, no fragment events) into the same program date-time mapping
 * as the hls.js engine: reads the start date ({@link readStartDate}) on `loadedmetadata`,
 * `loadeddata` and `durationchange`, and every {@link LIVE_REREAD_MS} while the stream is live,
 * and reports the mapping when it differs from the last report (the first one always, so a live
 * stream without a date still starts live cue-list refreshes). Stops when `signal` aborts.
 *
 * WebKit rounds the start date to whole seconds, half a second either way: far from a frame. So
 * once it is known, the media playlist is loaded (`loadPlaylist`, once) and, when exactly one of
 * its segments is dated within the rounding of the start date, that segment is media time 0 and
 * the playlist's own dates and durations replace the single anchor ({@link anchorsFromPlaylist}).
 * They are kept while the start date stays within the rounding of theirs; when it moves further
 * (a discontinuity that jumped the clock, a re-anchored timeline), the start date alone maps
 * again.
 */
export function watchNativeProgramDateTime(
  media: StartDateMedia,
  report: (update: ProgramDateTimeUpdate) => void,
  options: NativeProgramDateTimeOptions,
): void {
  const { signal, loadPlaylist } = options;
  const clock = options.clock ?? systemClock;
  const interval = options.intervalMs ?? LIVE_REREAD_MS;
  let last: string | undefined;
  let timer: unknown;
  let refined: DateAnchor[] | undefined;
  let playlistRequested = false;

  const anchorsFor = (date: number | undefined): { key: string; anchors: DateAnchor[] } => {
    if (
      refined &&
      (date === undefined || Math.abs(refined[0]!.date - date) <= START_DATE_ROUNDING_MS)
    ) {
      return { key: `playlist@${refined[0]!.date}`, anchors: refined };
    }
    refined = undefined;
    return date === undefined
      ? { key: 'none', anchors: [] }
      : { key: `start@${date}`, anchors: [{ mediaTime: 0, date, duration: Infinity }] };
  };

  const refine = (date: number) => {
    if (!loadPlaylist || playlistRequested) return;
    playlistRequested = true;
    loadPlaylist().then(
      (playlist) => {
        if (signal.aborted || !playlist) return;
        const current = readStartDate(media) ?? date;
        refined = anchorsFromPlaylist(playlist, current);
        if (refined) read();
      },
      () => {},
    );
  };

  const read = () => {
    if (signal.aborted) return;
    const live = media.duration === Infinity;
    const date = readStartDate(media);
    const { key, anchors } = anchorsFor(date);
    const state = `${live}|${key}`;
    if (state !== last) {
      last = state;
      report({ live, anchors });
    }
    if (date !== undefined) refine(date);
    clock.clearTimeout(timer);
    timer = live ? clock.setTimeout(read, interval) : undefined;
  };

  for (const type of ['loadedmetadata', 'loadeddata', 'durationchange']) {
    media.addEventListener(type, read, { signal });
  }
  signal.addEventListener('abort', () => clock.clearTimeout(timer), { once: true });
}
