import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  formatMessage,
  mergeMessages,
  messagesConverter,
  type CuecartMessages,
} from '../messages.js';
import { formatTime } from '../shared/format-time.js';
import { dispatchCuecartEvent } from '../shared/ui-events.js';
import { styleProps } from '../shared/style-props.js';
import { seekMarkersStyles } from './seek-markers.styles.js';

/** One product moment on the timeline. */
export interface SeekMarker {
  /** Media time in seconds. */
  time: number;
  /** Product title, used in the accessible name. */
  label: string;
  cueId: string;
}

/** Markers closer than this (in CSS pixels along the track) share one button. */
const MERGE_DISTANCE_PX = 4;
/** Track width assumed until the element has been measured. */
const DEFAULT_TRACK_PX = 1000;
/** How many product names a merged marker's accessible name lists before "…". */
const NAMES_PER_GROUP = 3;

/** Markers drawn as one button: they fall within {@link MERGE_DISTANCE_PX} of the first. */
interface MarkerGroup {
  /** The earliest marker; the group sits at its time and seeks there. */
  first: SeekMarker;
  cueIds: Set<string>;
  labels: string[];
}

/**
 * Product ticks along the seek bar. The element fills its box (place it over the seek track);
 * each marker sits at `time / duration` from the inline start and is a focusable button named
 * "{product} at {time}" that asks to seek there. Nothing renders while `duration` is unknown,
 * infinite (live) or zero.
 *
 * Markers that would sit within a few pixels of each other (a show with thousands of cues) are
 * merged into one button at the earliest of them, named after the first few products: the
 * number of buttons depends on the track's width, never on the number of cues, and nothing is
 * recomputed while the markers, duration and width stay the same.
 *
 * Positions are set through the CSSOM (`styleProps`), never a `style` attribute, so a strict
 * `style-src` policy is fine.
 * The element itself lets pointer events through; only the markers take them, so the seek bar
 * underneath keeps working between them.
 *
 * @summary Product cue markers for a video seek bar.
 * @tag cuecart-seek-markers
 *
 * @csspart track - The positioning box (the element's full size).
 * @csspart marker - Each marker button; also `marker-active` for the current cue.
 * @csspart tick - The visible tick inside a marker.
 *
 * @cssproperty --cuecart-marker-color - Tick colour (default: the accent).
 * @cssproperty --cuecart-marker-active-color - Tick colour of the current cue.
 * @cssproperty --cuecart-marker-size - Visible tick width (default 4px).
 * @cssproperty --cuecart-focus-ring - Focus outline colour.
 *
 * @fires cuecart-request-seek - `{ time, cueId }`: a marker was chosen.
 */
export class CuecartSeekMarkers extends LitElement {
  static override styles = seekMarkersStyles;
  /** The tag this class is registered under by `cuecart/define`. */
  static readonly tagName = 'cuecart-seek-markers';

  private msgs: CuecartMessages = mergeMessages();
  private groups: MarkerGroup[] = [];
  private grouped: { markers: readonly SeekMarker[]; duration: number; width: number } | undefined;
  private resizeObserver?: ResizeObserver;
  @state() private trackWidth = 0;

  /** Product moments to mark. */
  @property({ attribute: false }) markers: readonly SeekMarker[] = [];
  /** Media duration in seconds; markers show only when it is finite and positive. */
  @property({ type: Number }) duration = Number.NaN;
  /** Cue currently on screen; its marker gets the `marker-active` part and `aria-current`. */
  @property({ attribute: 'active-cue-id' }) activeCueId?: string;
  /** Overrides for UI strings; the attribute takes JSON. */
  @property({ converter: messagesConverter }) messages?: Partial<CuecartMessages>;
  /** Light or dark theme; default follows `prefers-color-scheme`. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  override connectedCallback(): void {
    super.connectedCallback();
    if (typeof ResizeObserver === 'function') {
      this.resizeObserver ??= new ResizeObserver((entries) => {
        const width = Math.round(entries[entries.length - 1]?.contentRect.width ?? 0);
        if (width !== this.trackWidth) this.trackWidth = width;
      });
      this.resizeObserver.observe(this);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('messages')) this.msgs = mergeMessages(this.messages);
    this.regroup();
  }

  /** Rebuilds the groups only when what they depend on really changed. */
  private regroup(): void {
    const width = this.trackWidth > 0 ? this.trackWidth : DEFAULT_TRACK_PX;
    const { markers, duration } = this;
    const last = this.grouped;
    if (
      last &&
      last.width === width &&
      Object.is(last.duration, duration) &&
      sameMarkers(last.markers, markers)
    ) {
      return;
    }
    this.grouped = { markers, duration, width };
    this.groups = groupMarkers(markers, duration, width);
  }

  private onSeek(marker: SeekMarker): void {
    dispatchCuecartEvent(this, 'cuecart-request-seek', { time: marker.time, cueId: marker.cueId });
  }

  override render() {
    const { duration, groups } = this;
    return html`
      <div
        class="track"
        part="track"
        role=${groups.length ? 'group' : nothing}
        aria-label=${groups.length ? this.msgs.productMarkers : nothing}
      >
        ${groups.map((group) => {
          const marker = group.first;
          const active = this.activeCueId !== undefined && group.cueIds.has(this.activeCueId);
          const names =
            group.labels.slice(0, NAMES_PER_GROUP).join(', ') +
            (group.labels.length > NAMES_PER_GROUP ? ', …' : '');
          return html`<button
            type="button"
            class="marker"
            part=${active ? 'marker marker-active' : 'marker'}
            ${styleProps({ 'inset-inline-start': `${(marker.time / duration) * 100}%` })}
            aria-label=${formatMessage(this.msgs.markerLabel, {
              product: names,
              time: formatTime(marker.time),
            })}
            aria-current=${active ? 'true' : nothing}
            data-cue-id=${marker.cueId}
            @click=${() => this.onSeek(marker)}
          >
            <span class="tick" part="tick"></span>
          </button>`;
        })}
      </div>
    `;
  }
}

function sameMarkers(a: readonly SeekMarker[], b: readonly SeekMarker[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.time !== y.time || x.cueId !== y.cueId || x.label !== y.label) return false;
  }
  return true;
}

/** Usable markers in time order, merged when closer than {@link MERGE_DISTANCE_PX}. */
function groupMarkers(
  markers: readonly SeekMarker[],
  duration: number,
  width: number,
): MarkerGroup[] {
  if (!Number.isFinite(duration) || duration <= 0) return [];
  const usable = markers.filter(
    (m) => Number.isFinite(m.time) && m.time >= 0 && m.time <= duration,
  );
  let sorted = true;
  for (let i = 1; i < usable.length && sorted; i++) sorted = usable[i - 1]!.time <= usable[i]!.time;
  // Stable: markers at the same time keep the order they were given in.
  if (!sorted) usable.sort((a, b) => a.time - b.time);
  const mergeSeconds = (MERGE_DISTANCE_PX / width) * duration;
  const groups: MarkerGroup[] = [];
  let group: MarkerGroup | undefined;
  for (const marker of usable) {
    if (group && marker.time - group.first.time < mergeSeconds) {
      group.cueIds.add(marker.cueId);
      // One name past the listed ones is enough to know an ellipsis is due.
      if (group.labels.length <= NAMES_PER_GROUP && !group.labels.includes(marker.label)) {
        group.labels.push(marker.label);
      }
      continue;
    }
    group = { first: marker, cueIds: new Set([marker.cueId]), labels: [marker.label] };
    groups.push(group);
  }
  return groups;
}

declare global {
  interface HTMLElementTagNameMap {
    'cuecart-seek-markers': CuecartSeekMarkers;
  }
}
