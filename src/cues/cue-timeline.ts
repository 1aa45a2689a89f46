import type { ProductCue } from './product-cue.js';

/** Called with the new cue list after every change of a {@link CueTimeline}. */
export type CueTimelineListener = (cues: readonly ProductCue[]) => void;

/** Deterministic cue order: by start, then by id. */
export function compareCues(a: ProductCue, b: ProductCue): number {
  if (a.start !== b.start) return a.start < b.start ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function sameValue(a: unknown, b: unknown, depth = 0): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (depth > 32 || Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  const bKeys = Object.keys(b);
  if (aKeys.length !== bKeys.length) return false;
  const bRecord = b as Record<string, unknown>;
  const aRecord = a as Record<string, unknown>;
  return aKeys.every(
    (key) => Object.hasOwn(bRecord, key) && sameValue(aRecord[key], bRecord[key], depth + 1),
  );
}

function sameCue(a: ProductCue, b: ProductCue): boolean {
  return (
    a.start === b.start &&
    a.end === b.end &&
    a.startDate === b.startDate &&
    a.source === b.source &&
    sameValue(a.payload, b.payload)
  );
}

/**
 * Query structures over the sorted cues, rebuilt lazily after a change (O(n log n) once per
 * change, never per frame):
 * - `ends`: each cue's effective end, by position;
 * - `maxEnd`: an implicit segment tree of the largest end in each range of positions, so the cues
 *   that cover a time are found in O(log n + k) without visiting cues that ended long ago;
 * - `boundaries`: every start and finite end, sorted, so the span in which the active set cannot
 *   change is two binary searches;
 * - `minEnd`: the earliest effective end, so a prune that cannot drop anything costs nothing.
 */
interface TimelineIndex {
  ends: Float64Array;
  maxEnd: Float64Array;
  leaves: number;
  boundaries: Float64Array;
  minEnd: number;
}

/**
 * The product cues of one player, in deterministic order (start, then id), with their effective
 * ends: the explicit `end`; else `start + payload.duration`; else the start of the next product
 * cue; else `+Infinity` (the last cue of a live stream stays open until another arrives).
 *
 * Built for large shows: lookups by time ({@link activeAt}, {@link stableRange}) cost
 * O(log n + k) for the k cues involved, whatever the total, through an index rebuilt once per
 * change; adding a batch merges it into the sorted list instead of re-sorting everything. A cue
 * that can never be active (it ends where it starts) is never returned and costs nothing per
 * frame. See docs/decisions/0035-interval-index-for-cues.md.
 *
 * Plain data structure: it never looks at a clock. Create one per player.
 */
export class CueTimeline {
  private cues: ProductCue[] = [];
  private readonly byId = new Map<string, ProductCue>();
  private index: TimelineIndex | undefined;
  private snapshot: readonly ProductCue[] | undefined;
  private horizon = -Infinity;
  private readonly listeners = new Set<CueTimelineListener>();
  private changes = 0;

  /** Number of cues held. */
  get size(): number {
    return this.cues.length;
  }

  /** Increases on every change; a cheap way to tell whether anything moved since last look. */
  get version(): number {
    return this.changes;
  }

  /**
   * Adds cues. A cue whose id is already known replaces the old one only when its data differ,
   * so re-parsed segments and playlist reloads cause no change (and no notification). When a
   * batch names an id twice, the last one wins. Cues that ended before the last {@link prune}
   * horizon are ignored. Returns whether anything changed.
   */
  add(cues: ProductCue | Iterable<ProductCue>): boolean {
    const incoming = isCue(cues) ? [cues] : Array.from(cues);
    const fresh = new Map<string, ProductCue>();
    const replacedIds = new Set<string>();
    for (const cue of incoming) {
      if (!isCue(cue)) continue;
      const existing = this.byId.get(cue.id);
      if (existing && sameCue(existing, cue)) {
        // An earlier entry of this batch may have changed it: the last word wins.
        fresh.delete(cue.id);
        replacedIds.delete(cue.id);
        continue;
      }
      if (existing) replacedIds.add(cue.id);
      fresh.delete(cue.id);
      fresh.set(cue.id, cue);
    }
    if (fresh.size === 0) return false;
    if (replacedIds.size > 0) {
      this.cues = this.cues.filter((cue) => !replacedIds.has(cue.id));
    }
    const batch = Array.from(fresh.values());
    if (!isSorted(batch)) batch.sort(compareCues);
    this.cues = mergeSorted(this.cues, batch);
    for (const cue of batch) this.byId.set(cue.id, cue);
    this.index = undefined;
    if (this.horizon > -Infinity) {
      const dropped = this.dropEndedBefore(this.horizon);
      const droppedNew = batch.filter((cue) => !this.byId.has(cue.id)).length;
      // Only stale cues from before the horizon arrived, and they are gone again: no change.
      if (replacedIds.size === 0 && droppedNew === batch.length && dropped === droppedNew) {
        return false;
      }
    }
    this.changed();
    return true;
  }

  /** Removes the cue with this id. Returns whether it was there. */
  remove(id: string): boolean {
    const cue = this.byId.get(id);
    if (!cue) return false;
    this.byId.delete(id);
    this.cues.splice(this.positionOf(cue), 1);
    this.index = undefined;
    this.changed();
    return true;
  }

  /**
   * Removes every cue for which `predicate` is true, in one change (one notification, one
   * re-index), whatever the count. Returns how many were removed.
   */
  removeWhere(predicate: (cue: ProductCue) => boolean): number {
    const kept = this.cues.filter((cue) => !predicate(cue));
    const removed = this.cues.length - kept.length;
    if (removed === 0) return 0;
    const keptIds = new Set(kept.map((cue) => cue.id));
    for (const cue of this.cues) if (!keptIds.has(cue.id)) this.byId.delete(cue.id);
    this.cues = kept;
    this.index = undefined;
    this.changed();
    return removed;
  }

  /** The cue with this id, if held. */
  get(id: string): ProductCue | undefined {
    return this.byId.get(id);
  }

  /** Every cue, in deterministic order. The array is a snapshot: it never changes afterwards. */
  list(): readonly ProductCue[] {
    this.snapshot ??= Object.freeze(this.cues.slice());
    return this.snapshot;
  }

  /** The effective end (media seconds) of a held cue; `undefined` when the cue is not held. */
  effectiveEnd(cue: ProductCue | string): number | undefined {
    const held = this.byId.get(typeof cue === 'string' ? cue : cue.id);
    if (!held) return undefined;
    return this.indexed().ends[this.positionOf(held)];
  }

  /** The cues active at a media time (start <= time < effective end), in deterministic order. */
  activeAt(time: number): ProductCue[] {
    const active: ProductCue[] = [];
    if (Number.isNaN(time) || this.cues.length === 0) return active;
    const { maxEnd, leaves } = this.indexed();
    // Only cues that started at or before `time` can cover it: positions [0, count).
    const count = this.startsUpTo(time);
    if (count === 0) return active;
    // Depth-first, left to right, into subtrees whose largest end is after `time`: the result
    // comes out in timeline order and subtrees of long-ended cues are skipped whole.
    const stack: number[] = [1];
    const spans: number[] = [leaves];
    const offsets: number[] = [0];
    while (stack.length > 0) {
      const node = stack.pop()!;
      const span = spans.pop()!;
      const offset = offsets.pop()!;
      if (offset >= count || !(maxEnd[node]! > time)) continue;
      if (span === 1) {
        active.push(this.cues[offset]!);
        continue;
      }
      const half = span / 2;
      // Right child first so the left one is popped (visited) first.
      stack.push(2 * node + 1, 2 * node);
      spans.push(half, half);
      offsets.push(offset + half, offset);
    }
    return active;
  }

  /**
   * The span around `time` in which the active set cannot change: from the last start or end at
   * or before it to the first one after it. O(log n).
   */
  stableRange(time: number): { from: number; until: number } {
    const { boundaries } = this.indexed();
    const after = upperBound(boundaries, time);
    return {
      from: after > 0 ? boundaries[after - 1]! : -Infinity,
      until: after < boundaries.length ? boundaries[after]! : Infinity,
    };
  }

  /**
   * Drops cues that ended at or before `beforeTime` (for live sliding windows: memory stays flat)
   * and ignores such cues if they are seen again. Returns how many were dropped. Calling it again
   * with a time that drops nothing is O(1).
   */
  prune(beforeTime: number): number {
    if (!Number.isFinite(beforeTime) || beforeTime <= this.horizon) return 0;
    this.horizon = beforeTime;
    const dropped = this.dropEndedBefore(this.horizon);
    if (dropped > 0) this.changed();
    return dropped;
  }

  /** Removes every cue and forgets the prune horizon (for a new source). */
  clear(): void {
    this.horizon = -Infinity;
    if (this.cues.length === 0) return;
    this.cues = [];
    this.byId.clear();
    this.index = undefined;
    this.changed();
  }

  /**
   * Calls `listener` with the new cue list after every change (not immediately). Returns the
   * function that unsubscribes.
   */
  subscribe(listener: CueTimelineListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Every held cue ends after the horizon (an invariant kept by add and prune). */
  private dropEndedBefore(time: number): number {
    const { ends, minEnd } = this.indexed();
    if (minEnd > time) return 0;
    const kept: ProductCue[] = [];
    for (let i = 0; i < this.cues.length; i++) {
      const cue = this.cues[i]!;
      if (ends[i]! <= time) this.byId.delete(cue.id);
      else kept.push(cue);
    }
    const dropped = this.cues.length - kept.length;
    this.cues = kept;
    this.index = undefined;
    return dropped;
  }

  /** Position of a held cue in the sorted list (binary search on start, then id). */
  private positionOf(cue: ProductCue): number {
    let lo = 0;
    let hi = this.cues.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareCues(this.cues[mid]!, cue) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** How many cues start at or before `time`. */
  private startsUpTo(time: number): number {
    let lo = 0;
    let hi = this.cues.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cues[mid]!.start <= time) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private indexed(): TimelineIndex {
    if (this.index) return this.index;
    const cues = this.cues;
    const n = cues.length;
    const ends = new Float64Array(n);
    // Walk backwards, group by equal start: cues starting together all end at the next later start.
    let nextStart = Infinity;
    let i = n - 1;
    while (i >= 0) {
      const start = cues[i]!.start;
      let j = i;
      for (; j >= 0 && cues[j]!.start === start; j--) ends[j] = ownEnd(cues[j]!) ?? nextStart;
      nextStart = start;
      i = j;
    }
    let leaves = 1;
    while (leaves < n) leaves *= 2;
    const maxEnd = new Float64Array(2 * leaves).fill(-Infinity);
    let minEnd = Infinity;
    let finiteEnds = 0;
    for (let k = 0; k < n; k++) {
      const end = ends[k]!;
      // A cue that ends where it starts (or before) can never be active: not indexed at all.
      if (end > cues[k]!.start) maxEnd[leaves + k] = end;
      if (end < minEnd) minEnd = end;
      if (Number.isFinite(end)) finiteEnds++;
    }
    for (let node = leaves - 1; node >= 1; node--) {
      maxEnd[node] = Math.max(maxEnd[2 * node]!, maxEnd[2 * node + 1]!);
    }
    const boundaries = new Float64Array(n + finiteEnds);
    let b = 0;
    for (let k = 0; k < n; k++) {
      if (!(ends[k]! > cues[k]!.start)) continue;
      boundaries[b++] = cues[k]!.start;
      if (Number.isFinite(ends[k]!)) boundaries[b++] = ends[k]!;
    }
    const used = boundaries.subarray(0, b).sort();
    this.index = { ends, maxEnd, leaves, boundaries: used, minEnd };
    return this.index;
  }

  private changed(): void {
    this.changes++;
    this.snapshot = undefined;
    if (this.listeners.size === 0) return;
    const list = this.list();
    for (const listener of [...this.listeners]) listener(list);
  }
}

/** Index of the first value greater than `value` in an ascending array. */
function upperBound(values: Float64Array, value: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function isSorted(cues: readonly ProductCue[]): boolean {
  for (let i = 1; i < cues.length; i++) if (compareCues(cues[i - 1]!, cues[i]!) > 0) return false;
  return true;
}

/** Merges two arrays sorted by {@link compareCues}; O(a + b). */
function mergeSorted(a: ProductCue[], b: ProductCue[]): ProductCue[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  // Appending after the last cue (a list loading in order, a live stream) needs no merge.
  if (compareCues(a[a.length - 1]!, b[0]!) <= 0) {
    for (const cue of b) a.push(cue);
    return a;
  }
  const merged = new Array<ProductCue>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    merged[k++] = compareCues(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!;
  }
  while (i < a.length) merged[k++] = a[i++]!;
  while (j < b.length) merged[k++] = b[j++]!;
  return merged;
}

function ownEnd(cue: ProductCue): number | undefined {
  if (typeof cue.end === 'number' && !Number.isNaN(cue.end)) return cue.end;
  const duration = cue.payload.duration;
  if (typeof duration === 'number' && Number.isFinite(duration) && duration > 0) {
    return cue.start + duration;
  }
  return undefined;
}

function isCue(value: unknown): value is ProductCue {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ProductCue).id === 'string' &&
    typeof (value as ProductCue).start === 'number' &&
    Number.isFinite((value as ProductCue).start) &&
    typeof (value as ProductCue).payload === 'object' &&
    (value as ProductCue).payload !== null
  );
}
