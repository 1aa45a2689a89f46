import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
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

/**
 * Product ticks along the seek bar. The element fills its box (place it over the seek track);
 * each marker sits at `time / duration` from the inline start and is a focusable button named
 * "{product} at {time}" that asks to seek there. Nothing renders while `duration` is unknown,
 * infinite (live) or zero.
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

  /** Product moments to mark. */
  @property({ attribute: false }) markers: SeekMarker[] = [];
  /** Media duration in seconds; markers show only when it is finite and positive. */
  @property({ type: Number }) duration = Number.NaN;
  /** Cue currently on screen; its marker gets the `marker-active` part and `aria-current`. */
  @property({ attribute: 'active-cue-id' }) activeCueId?: string;
  /** Overrides for UI strings; the attribute takes JSON. */
  @property({ converter: messagesConverter }) messages?: Partial<CuecartMessages>;
  /** Light or dark theme; default follows `prefers-color-scheme`. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('messages')) this.msgs = mergeMessages(this.messages);
  }

  private onSeek(marker: SeekMarker): void {
    dispatchCuecartEvent(this, 'cuecart-request-seek', { time: marker.time, cueId: marker.cueId });
  }

  override render() {
    const duration = this.duration;
    const usable = Number.isFinite(duration) && duration > 0;
    const markers = usable
      ? [...this.markers]
          .filter((m) => Number.isFinite(m.time) && m.time >= 0 && m.time <= duration)
          .sort((a, b) => a.time - b.time)
      : [];
    return html`
      <div
        class="track"
        part="track"
        role=${markers.length ? 'group' : nothing}
        aria-label=${markers.length ? this.msgs.productMarkers : nothing}
      >
        ${markers.map((marker) => {
          const active = marker.cueId === this.activeCueId;
          return html`<button
            type="button"
            class="marker"
            part=${active ? 'marker marker-active' : 'marker'}
            ${styleProps({ 'inset-inline-start': `${(marker.time / duration) * 100}%` })}
            aria-label=${formatMessage(this.msgs.markerLabel, {
              product: marker.label,
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

declare global {
  interface HTMLElementTagNameMap {
    'cuecart-seek-markers': CuecartSeekMarkers;
  }
}
