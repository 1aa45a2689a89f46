import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A run of list entries by position: `from` included, `to` excluded. */
export interface ListRange {
  from: number;
  to: number;
}

/** Where a windowed list's entries are, for {@link rangeInView}. All lengths in CSS pixels. */
export interface ListGeometry {
  /** Viewport position of entry 0's top edge (rendered or not). */
  start: number;
  /** Distance from one entry's top to the next one's (entry height plus the gap). */
  pitch: number;
  /** The viewport's height: entries between 0 and this are visible (or nearly). */
  viewportHeight: number;
  /** Entries rendered beyond each edge of the visible ones. */
  overscan: number;
  /** Fewest entries rendered (a list off screen renders this many at its nearer end). */
  minimum: number;
}

/**
 * The entries of a `count`-entry list to render: those whose estimated box meets the viewport,
 * `overscan` more on each side, and at least `minimum`. A list below the viewport renders its
 * first entries, one above it its last ones. Pure arithmetic, so it can be tested without layout.
 */
export function rangeInView(count: number, geometry: ListGeometry): ListRange {
  const { start, pitch, viewportHeight, overscan } = geometry;
  const minimum = Math.min(count, Math.max(1, geometry.minimum));
  if (count <= 0) return { from: 0, to: 0 };
  if (!(pitch > 0) || !Number.isFinite(start)) return { from: 0, to: minimum };
  const first = Math.floor((0 - start) / pitch);
  const last = Math.floor((viewportHeight - start) / pitch);
  if (last < 0) return { from: 0, to: minimum };
  if (first >= count) return { from: count - minimum, to: count };
  return atLeast(
    { from: Math.max(0, first - overscan), to: Math.min(count, last + 1 + overscan) },
    minimum,
    count,
  );
}

/**
 * `range` widened to at least `minimum` entries of `count` (`minimum` ≤ `count`): further on
 * first, back from the end when it is reached.
 */
function atLeast(range: ListRange, minimum: number, count: number): ListRange {
  if (range.to - range.from >= minimum) return range;
  const to = Math.min(count, range.from + minimum);
  return { from: Math.max(0, to - minimum), to };
}

/** Options of {@link ListWindowController}. */
export interface ListWindowOptions {
  /** Lists of up to this many entries render whole (and unchanged). */
  threshold: number;
  /** Entries rendered beyond each edge of the visible ones. */
  overscan: number;
  /** Entries rendered before the first measurement, and at least ever. */
  minimum: number;
  /** Most entries kept rendered to keep a focused entry in the document. */
  maximum: number;
  /** The list (`<ul>`): its entries carry `data-index`, the two spacers `data-spacer`. */
  list(): HTMLElement | null;
}

/** Pitch assumed before one is measured (about a VOD entry with its thumbnail). */
const DEFAULT_PITCH = 60;

/**
 * Windowing for a long list: only the entries near the viewport are in the document, between
 * two spacers that keep the list its full height, so a show of 10,000 products costs what one of
 * fifty does (the benchmark's large shows). The window follows the viewport: an
 * IntersectionObserver on the spacers (which sees through every scrolling ancestor, the player's
 * panel or sheet as well as the page) says when a hidden part of the list came into view. It also
 * follows keyboard focus, so Tab walks on into entries not rendered yet, and it keeps the focused
 * entry rendered while the list scrolls (or, past {@link ListWindowOptions.maximum} entries, moves
 * focus to the list itself rather than dropping it on the page).
 *
 * Lists of up to {@link ListWindowOptions.threshold} entries are not windowed at all.
 */
export class ListWindowController implements ReactiveController {
  private from = 0;
  private to: number;
  private pitch = DEFAULT_PITCH;
  /** The list's gap between entries, read with the pitch. */
  private gap = 0;
  /** Cancels the measurement scheduled after the next frame (`hostUpdated`), while one is. */
  private cancelMeasure?: () => void;
  private count = 0;
  private observer?: IntersectionObserver;
  private observed: Element[] = [];
  /** Renders left in which to re-check the viewport with the pitch measured after a move. */
  private settle = 0;
  /** Whether the coming update is the window's own move (else the host's: new content). */
  private moving = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: ListWindowOptions,
  ) {
    this.to = options.minimum;
    host.addController(this);
  }

  /** Whether a list of `count` entries is windowed. */
  windowed(count: number): boolean {
    return count > this.options.threshold;
  }

  /** The entries to render out of `count` (all of them when the list is not windowed). */
  range(count: number): ListRange {
    this.count = count;
    if (!this.windowed(count)) return { from: 0, to: count };
    return atLeast(
      { from: Math.min(this.from, count - 1), to: Math.min(count, this.to) },
      Math.min(count, this.options.minimum),
      count,
    );
  }

  hostConnected(): void {
    this.observer = new IntersectionObserver(() => this.follow(true));
    this.observed = [];
    // Moved in the page: the spacers are observed again after the next update.
    if (this.windowed(this.count)) this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.observed = [];
    this.cancelMeasure?.();
    this.cancelMeasure = undefined;
  }

  /**
   * Sizes the spacers for the entries just rendered. Nothing here reads layout (the update stays
   * one short task, even when 10,000 entries have just arrived): the entries are measured when
   * the observer reports, or in the task after the next frame, when that frame has laid them out.
   */
  hostUpdated(): void {
    const list = this.options.list();
    if (!list || !this.windowed(this.count)) {
      this.observe([]);
      return;
    }
    const { from, to } = this.range(this.count);
    this.from = from;
    this.to = to;
    const [before, after] = this.sizeSpacers(list);
    this.observe([before, after].filter((s): s is HTMLElement => !!s));
    // The entries just rendered may be taller or shorter than estimated: look again, with the
    // pitch they measure (a spacer still in view would not be reported a second time). An update
    // of the host's own (the products arrived, a title changed) may have changed every entry's
    // height: look again once, or the spacers keep standing for the old height until the viewer
    // scrolls, and the first scroll lands on other entries than the scrollbar promised.
    if (!this.moving) this.settle = Math.max(this.settle, 1);
    this.moving = false;
    if (this.settle > 0 && !this.cancelMeasure) {
      this.settle--;
      this.cancelMeasure = afterNextFrame(() => {
        this.cancelMeasure = undefined;
        this.follow(false);
      });
    }
  }

  /** Renders around the entry that just took focus, so Tab and Shift+Tab walk on. */
  focusEntry(index: number): void {
    if (!this.windowed(this.count)) return;
    this.show(this.around({ from: this.from, to: this.to }, index));
  }

  /** `range` widened to hold entry `index` and the `overscan` entries on each side of it. */
  private around(range: ListRange, index: number): ListRange {
    const { overscan } = this.options;
    return {
      from: Math.max(0, Math.min(range.from, index - overscan)),
      to: Math.min(this.count, Math.max(range.to, index + overscan + 1)),
    };
  }

  /** Moves the window to what the viewport shows now (called when a spacer's visibility changes). */
  private follow(fromObserver: boolean): void {
    if (fromObserver) this.settle = 2;
    const list = this.options.list();
    if (!list || !this.windowed(this.count) || !this.host.isConnected) return;
    const rows = list.querySelectorAll<HTMLElement>('li[data-index]');
    const first = rows[0];
    if (!first) return;
    // Entry 0's top as the spacer before the first entry was sized (with the pitch known then).
    const start = first.getBoundingClientRect().top - Number(first.dataset.index) * this.pitch;
    if (this.measure(list, rows)) this.sizeSpacers(list);
    let next = rangeInView(this.count, {
      start,
      pitch: this.pitch,
      viewportHeight: this.host.ownerDocument.defaultView?.innerHeight ?? 0,
      overscan: this.options.overscan,
      minimum: this.options.minimum,
    });
    const focused = this.focusedIndex(list);
    if (focused !== undefined) {
      // The focused entry stays, with the entries Tab and Shift+Tab go to next.
      const kept = this.around(next, focused);
      if (kept.to - kept.from <= this.options.maximum) next = kept;
      // Too far to keep: the list holds focus instead of the page's body.
      else if (focused < next.from || focused >= next.to) list.focus({ preventScroll: true });
    }
    this.show(next);
  }

  private show(next: ListRange): void {
    if (next.from === this.from && next.to === this.to) return;
    this.from = next.from;
    this.to = next.to;
    this.moving = true;
    this.host.requestUpdate();
  }

  /**
   * Measures the rendered entries' average pitch and the list's gap; whether the pitch changed
   * (kept when they are not laid out).
   */
  private measure(list: HTMLElement, rows: NodeListOf<HTMLElement>): boolean {
    this.gap = parseFloat(getComputedStyle(list).rowGap) || 0;
    if (rows.length < 2) return false;
    const first = rows[0]!.getBoundingClientRect().top;
    const last = rows[rows.length - 1]!.getBoundingClientRect().top;
    const pitch = (last - first) / (rows.length - 1);
    if (pitch < 4 || Math.abs(pitch - this.pitch) < 0.5) return false;
    this.pitch = pitch;
    return true;
  }

  /** Gives each spacer the height of the entries it stands for; returns both. */
  private sizeSpacers(list: HTMLElement): [HTMLElement | null, HTMLElement | null] {
    const spacers = this.spacers(list);
    size(spacers[0], this.from * this.pitch - this.gap);
    size(spacers[1], (this.count - this.to) * this.pitch - this.gap);
    return spacers;
  }

  private focusedIndex(list: HTMLElement): number | undefined {
    const root = list.getRootNode() as ShadowRoot | Document;
    const row = root.activeElement?.closest<HTMLElement>('li[data-index]');
    return row && list.contains(row) ? Number(row.dataset.index) : undefined;
  }

  private spacers(list: HTMLElement): [HTMLElement | null, HTMLElement | null] {
    return [
      list.querySelector<HTMLElement>(':scope > [data-spacer="before"]'),
      list.querySelector<HTMLElement>(':scope > [data-spacer="after"]'),
    ];
  }

  private observe(targets: HTMLElement[]): void {
    if (!this.observer) return;
    if (targets.length === this.observed.length && targets.every((t, i) => t === this.observed[i]))
      return;
    this.observer.disconnect();
    for (const target of targets) this.observer.observe(target);
    this.observed = targets;
  }
}

/** A spacer's height; none at all (not even the list's gap) when it stands for no entry. */
function size(spacer: HTMLElement | null, height: number): void {
  if (!spacer) return;
  spacer.hidden = height <= 0;
  spacer.style.blockSize = `${Math.max(0, height)}px`;
}

/**
 * Calls `callback` in the task after the next frame, when that frame has laid out what was just
 * rendered; returns what cancels it. Not in the animation frame itself: it runs before the frame's
 * style and layout, so reading the entries' boxes there laid out every entry just rendered inside
 * that task, on top of the frame's paint and the re-render a move causes (one task of 40–65 ms
 * CPU while a 1,000-cue show's list first rendered, benchmark 6).
 */
function afterNextFrame(callback: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(callback, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
