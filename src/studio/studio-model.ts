import type { ProductCue } from '../cues/product-cue.js';
import type { LiveCueEntry, LiveCueList } from './publishers.js';

/** What a studio knows of a product it can feature: from the show's product feed. */
export interface StudioProduct {
  id: string;
  title: string;
  image?: string;
  variant?: string;
}

/** Live entries kept at most; older ones (long ended) leave the published list first. */
const MAX_LIVE_ENTRIES = 500;

/**
 * The cue list of a live show as the producer builds it: "feature" starts a product at a
 * wall-clock instant (and ends the one featured before, at the same instant); "end" ends it.
 * Plain logic; the element renders it and publishes {@link toList}.
 */
export class LiveSession {
  private entries: LiveCueEntry[] = [];
  private counter = 0;

  /** The product featured now, if any. */
  get featured(): LiveCueEntry | undefined {
    const last = this.entries[this.entries.length - 1];
    return last && last.endDate === undefined ? last : undefined;
  }

  /** Every entry, oldest first (a copy). */
  get cues(): LiveCueEntry[] {
    return this.entries.map((entry) => ({ ...entry }));
  }

  /** Features `product` from `at` (ms since epoch); returns the new entry. */
  feature(product: StudioProduct, at: number): LiveCueEntry {
    this.end(at);
    const entry: LiveCueEntry = {
      id: `live-${Math.round(at).toString(36)}-${(this.counter++).toString(36)}`,
      startDate: new Date(at).toISOString(),
      product: product.id,
      title: product.title,
    };
    if (product.variant) entry.variant = product.variant;
    this.entries.push(entry);
    if (this.entries.length > MAX_LIVE_ENTRIES)
      this.entries.splice(0, this.entries.length - MAX_LIVE_ENTRIES);
    return entry;
  }

  /** Ends the featured product at `at`; returns whether one was featured. */
  end(at: number): boolean {
    const current = this.featured;
    if (!current) return false;
    // Never before its start, even if the clock went back (a seek on the monitor).
    const start = Date.parse(current.startDate);
    current.endDate = new Date(Math.max(at, start + 1)).toISOString();
    return true;
  }

  /** The document to publish. */
  toList(refresh: number): LiveCueList {
    return { refresh, cues: this.cues };
  }
}

/** One product marked on a recording (media times in seconds). */
export interface ReplayMark {
  id: string;
  start: number;
  end?: number;
  product: string;
  title?: string;
  variant?: string;
}

/** Snaps a media time to the nearest frame boundary of a `fps` grid (removes float noise). */
export function snapToFrame(time: number, fps: number): number {
  return Math.max(0, Math.round(time * fps) / fps);
}

/**
 * The marks of a replay: products placed at frames, nudged by frames, exported as cues.
 * Plain logic; the element renders it.
 */
export class ReplayMarks {
  private marks: ReplayMark[] = [];
  private counter = 0;

  constructor(public fps = 30) {}

  /** The marks in start order (a copy). */
  get list(): ReplayMark[] {
    return this.marks.map((mark) => ({ ...mark }));
  }

  /** Replaces every mark (e.g. from an imported cue list). */
  load(marks: readonly ReplayMark[]): void {
    this.marks = marks.map((mark) => ({ ...mark }));
    this.sort();
  }

  /** Marks `product` at media time `at` (snapped to a frame); returns the new mark. */
  add(product: StudioProduct, at: number): ReplayMark {
    const mark: ReplayMark = {
      id: `mark-${++this.counter}`,
      start: snapToFrame(at, this.fps),
      product: product.id,
      title: product.title,
    };
    if (product.variant) mark.variant = product.variant;
    while (this.marks.some((m) => m.id === mark.id)) mark.id = `mark-${++this.counter}`;
    this.marks.push(mark);
    this.sort();
    return { ...mark };
  }

  /** Sets a mark's end at media time `at` (snapped); ignored unless after its start. */
  setEnd(id: string, at: number): boolean {
    const mark = this.marks.find((m) => m.id === id);
    const end = snapToFrame(at, this.fps);
    if (!mark || end <= mark.start) return false;
    mark.end = end;
    return true;
  }

  /**
   * Moves a mark's start or end by whole frames. The start stays at or after 0 and before the
   * end; an end moved onto the start is removed (the cue then lasts until the next one).
   */
  nudge(id: string, edge: 'start' | 'end', frames: number): boolean {
    const mark = this.marks.find((m) => m.id === id);
    if (!mark) return false;
    const step = frames / this.fps;
    if (edge === 'start') {
      const start = snapToFrame(mark.start + step, this.fps);
      if (mark.end !== undefined && start >= mark.end) return false;
      mark.start = start;
      this.sort();
      return true;
    }
    if (mark.end === undefined) return false;
    const end = snapToFrame(mark.end + step, this.fps);
    if (end <= mark.start) delete mark.end;
    else mark.end = end;
    return true;
  }

  /** Removes a mark. */
  remove(id: string): boolean {
    const before = this.marks.length;
    this.marks = this.marks.filter((m) => m.id !== id);
    return this.marks.length !== before;
  }

  /** The marks as product cues (source `json`, ids `json:<mark id>`). */
  toCues(): ProductCue[] {
    return this.marks.map((mark) => {
      const payload: ProductCue['payload'] = { product: mark.product };
      if (mark.variant) payload.variant = mark.variant;
      if (mark.title) payload.title = mark.title;
      const cue: ProductCue = { id: `json:${mark.id}`, start: mark.start, payload, source: 'json' };
      if (mark.end !== undefined) cue.end = mark.end;
      return cue;
    });
  }

  private sort() {
    this.marks.sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : 1));
  }
}
