/**
 * One media segment's place on both clocks: where it starts in media time and which wall-clock
 * moment (`EXT-X-PROGRAM-DATE-TIME`) its first frame shows.
 */
export interface DateAnchor {
  /** Media time (seconds, the `<video>`'s `currentTime` scale) at which the segment starts. */
  mediaTime: number;
  /** Program date-time of that instant, in ms since the epoch. */
  date: number;
  /** Segment duration in seconds (`Infinity` for one anchor covering a whole native stream). */
  duration: number;
}

/** What a playback engine reports after each playlist (re)load. */
export interface ProgramDateTimeUpdate {
  /** Whether the playlist is live (no `EXT-X-ENDLIST`). */
  live: boolean;
  /** The playlist's segments that carry a program date-time, in any order. */
  anchors: readonly DateAnchor[];
}

/** Anchors kept at most: about 4 hours of 2-second segments; older ones are forgotten first. */
const MAX_ANCHORS = 8000;

/** Gaps between segments below this many seconds are rounding, not discontinuities. */
const EPSILON = 0.001;

function isAnchor(value: DateAnchor): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    Number.isFinite(value.mediaTime) &&
    Number.isFinite(value.date) &&
    typeof value.duration === 'number' &&
    value.duration > 0
  );
}

/**
 * Maps wall-clock time (`EXT-X-PROGRAM-DATE-TIME`) to media time and back, piecewise per segment,
 * so it stays right across discontinuities (an encoder restart that jumps the wall clock, spliced
 * ads): each segment is its own linear piece.
 *
 * It remembers the segments of every playlist it has seen (up to a bound), so a viewer who
 * seeks back in a DVR window — or whose window has slid past a cue's date — still gets the media
 * time the cue had when that segment was listed. Dates outside every known segment extrapolate
 * from the nearest one: a date in the future (a cue published for a frame the packager has not
 * written yet) maps at 1 s per s past the live edge; the mapping is refined when the playlist
 * that lists that segment arrives. A date inside a wall-clock gap between two segments maps to
 * the start of the later segment (the first frame shown after the gap).
 *
 * Plain data structure: no clock, no I/O; one per player.
 */
export class ProgramDateTimeMap {
  private anchors: DateAnchor[] = [];
  private changes = 0;

  /** Whether any segment with a program date-time is known. */
  get known(): boolean {
    return this.anchors.length > 0;
  }

  /** Increases whenever the mapping changes. */
  get version(): number {
    return this.changes;
  }

  /**
   * Merges a playlist's segments: a new segment replaces any remembered one that overlaps it in
   * media time (a rendition switch or a re-timed fragment), older segments outside the new
   * window are kept. Returns whether the mapping changed.
   */
  update(anchors: readonly DateAnchor[]): boolean {
    const incoming = anchors.filter(isAnchor).sort((a, b) => a.mediaTime - b.mediaTime);
    if (incoming.length === 0) return false;
    const from = incoming[0]!.mediaTime;
    const last = incoming[incoming.length - 1]!;
    const until = last.mediaTime + last.duration;
    const kept = this.anchors.filter(
      (a) => a.mediaTime + a.duration <= from + EPSILON || a.mediaTime >= until - EPSILON,
    );
    const merged = [...kept, ...incoming].sort((a, b) => a.mediaTime - b.mediaTime);
    const next = merged.length > MAX_ANCHORS ? merged.slice(-MAX_ANCHORS) : merged;
    if (sameAnchors(this.anchors, next)) return false;
    this.anchors = next;
    this.changes++;
    return true;
  }

  /** Forgets every segment (a new source). */
  clear(): void {
    if (this.anchors.length === 0) return;
    this.anchors = [];
    this.changes++;
  }

  /**
   * Media time (s) of a wall-clock instant (ms since epoch), or `undefined` when no segment
   * with a program date-time is known.
   */
  toMediaTime(date: number): number | undefined {
    const list = this.anchors;
    if (list.length === 0 || !Number.isFinite(date)) return undefined;
    // The segment with the latest wall-clock start at or before `date` (on a tie — a clock that
    // jumped back — the later one in media time). A scan, not a binary search: discontinuities
    // can put dates out of media order.
    let best: DateAnchor | undefined;
    for (const anchor of list) {
      if (anchor.date <= date && (!best || anchor.date >= best.date)) best = anchor;
    }
    if (!best) {
      // Before every known segment: extrapolate backwards from the earliest one (a late joiner's
      // cue that started before the oldest segment still listed).
      const first = earliestByDate(list);
      return first.mediaTime + (date - first.date) / 1000;
    }
    const offset = (date - best.date) / 1000;
    if (offset < best.duration + EPSILON) return best.mediaTime + offset;
    // After the segment's end: either a gap in the wall clock before the next segment, or the
    // future past the newest segment.
    const next = nextByDate(list, best.date);
    return next ? next.mediaTime : best.mediaTime + offset;
  }

  /**
   * Wall-clock instant (ms since epoch) shown at a media time, or `undefined` when no segment
   * with a program date-time is known.
   */
  toDate(mediaTime: number): number | undefined {
    const list = this.anchors;
    if (list.length === 0 || !Number.isFinite(mediaTime)) return undefined;
    let lo = 0;
    let hi = list.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (list[mid]!.mediaTime <= mediaTime) lo = mid;
      else hi = mid - 1;
    }
    const anchor = list[lo]!;
    return anchor.date + (mediaTime - anchor.mediaTime) * 1000;
  }

  /** The remembered segments, in media order (a copy). */
  list(): DateAnchor[] {
    return this.anchors.map((a) => ({ ...a }));
  }
}

function earliestByDate(list: readonly DateAnchor[]): DateAnchor {
  return list.reduce((a, b) => (b.date < a.date ? b : a));
}

function nextByDate(list: readonly DateAnchor[], after: number): DateAnchor | undefined {
  let next: DateAnchor | undefined;
  for (const anchor of list) {
    if (anchor.date > after && (!next || anchor.date < next.date)) next = anchor;
  }
  return next;
}

function sameAnchors(a: readonly DateAnchor[], b: readonly DateAnchor[]): boolean {
  return (
    a.length === b.length &&
    a.every(
      (x, i) =>
        x.mediaTime === b[i]!.mediaTime && x.date === b[i]!.date && x.duration === b[i]!.duration,
    )
  );
}
