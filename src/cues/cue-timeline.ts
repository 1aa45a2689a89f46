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
 * The product cues of one player, in deterministic order (start, then id), with their effective
 * ends: the explicit `end`; else `start + payload.duration`; else the start of the next product
 * cue; else `+Infinity` (the last cue of a live stream stays open until another arrives).
 *
 * Plain data structure: it never looks at a clock. Create one per player.
 */
export class CueTimeline {
  private cues: ProductCue[] = [];
  private readonly byId = new Map<string, ProductCue>();
  private ends: number[] = [];
  private endsStale = false;
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
   * so re-parsed segments and playlist reloads cause no change (and no notification). Cues that
   * ended before the last {@link prune} horizon are ignored. Returns whether anything changed.
   */
  add(cues: ProductCue | Iterable<ProductCue>): boolean {
    const incoming = isCue(cues) ? [cues] : Array.from(cues);
    const added: string[] = [];
    let replaced = false;
    for (const cue of incoming) {
      if (!isCue(cue)) continue;
      const existing = this.byId.get(cue.id);
      if (existing && sameCue(existing, cue)) continue;
      if (existing) {
        this.cues[this.cues.indexOf(existing)] = cue;
        replaced = true;
      } else {
        this.cues.push(cue);
        added.push(cue.id);
      }
      this.byId.set(cue.id, cue);
    }
    if (!replaced && added.length === 0) return false;
    this.cues.sort(compareCues);
    this.endsStale = true;
    if (this.horizon > -Infinity) {
      const dropped = this.dropEndedBefore(this.horizon);
      const kept = added.filter((id) => this.byId.has(id)).length;
      // Only stale cues from before the horizon arrived, and they are gone again: no change.
      if (!replaced && kept === 0 && dropped === added.length) return false;
    }
    this.changed();
    return true;
  }

  /** Removes the cue with this id. Returns whether it was there. */
  remove(id: string): boolean {
    const cue = this.byId.get(id);
    if (!cue) return false;
    this.byId.delete(id);
    this.cues.splice(this.cues.indexOf(cue), 1);
    this.endsStale = true;
    this.changed();
    return true;
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
    return this.endsArray()[this.cues.indexOf(held)];
  }

  /** The cues active at a media time (start <= time < effective end), in deterministic order. */
  activeAt(time: number): ProductCue[] {
    const ends = this.endsArray();
    const active: ProductCue[] = [];
    if (Number.isNaN(time)) return active;
    for (let i = 0; i < this.cues.length && this.cues[i]!.start <= time; i++) {
      if (time < ends[i]!) active.push(this.cues[i]!);
    }
    return active;
  }

  /**
   * The span around `time` in which the active set cannot change: from the last start or end at
   * or before it to the first one after it.
   */
  stableRange(time: number): { from: number; until: number } {
    const ends = this.endsArray();
    let from = -Infinity;
    let until = Infinity;
    for (let i = 0; i < this.cues.length; i++) {
      for (const boundary of [this.cues[i]!.start, ends[i]!]) {
        if (boundary <= time) from = Math.max(from, boundary);
        else until = Math.min(until, boundary);
      }
    }
    return { from, until };
  }

  /**
   * Drops cues that ended at or before `beforeTime` (for live sliding windows: memory stays flat)
   * and ignores such cues if they are seen again. Returns how many were dropped.
   */
  prune(beforeTime: number): number {
    if (!Number.isFinite(beforeTime)) return 0;
    this.horizon = Math.max(this.horizon, beforeTime);
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
    this.endsStale = true;
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

  private dropEndedBefore(time: number): number {
    const ends = this.endsArray();
    const kept: ProductCue[] = [];
    for (let i = 0; i < this.cues.length; i++) {
      const cue = this.cues[i]!;
      if (ends[i]! <= time) this.byId.delete(cue.id);
      else kept.push(cue);
    }
    const dropped = this.cues.length - kept.length;
    if (dropped > 0) {
      this.cues = kept;
      this.endsStale = true;
    }
    return dropped;
  }

  private endsArray(): number[] {
    if (!this.endsStale) return this.ends;
    const cues = this.cues;
    const ends = new Array<number>(cues.length);
    // Walk backwards, group by equal start: cues starting together all end at the next later start.
    let nextStart = Infinity;
    let i = cues.length - 1;
    while (i >= 0) {
      const start = cues[i]!.start;
      let j = i;
      for (; j >= 0 && cues[j]!.start === start; j--) ends[j] = ownEnd(cues[j]!) ?? nextStart;
      nextStart = start;
      i = j;
    }
    this.ends = ends;
    this.endsStale = false;
    return ends;
  }

  private changed(): void {
    this.changes++;
    this.snapshot = undefined;
    if (this.listeners.size === 0) return;
    const list = this.list();
    for (const listener of [...this.listeners]) listener(list);
  }
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
