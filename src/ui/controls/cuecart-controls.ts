import { LitElement, html, nothing, svg } from 'lit';
import { property } from 'lit/decorators.js';
import { controlsStyles } from './cuecart-controls.styles.js';
import { formatTime } from '../shared/format-time.js';
import { formatMessage, playerMessages, type PlayerMessages } from '../player-messages.js';
import {
  dispatchCuecartEvent,
  type CuecartEventDetail,
  type CuecartRequestName,
} from '../shared/ui-events.js';

const icon = (path: string) =>
  html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
    ${svg`<path d=${path} />`}
  </svg>`;
const ICONS = {
  play: 'M8 5.14v13.72a1 1 0 0 0 1.5.86l11-6.86a1 1 0 0 0 0-1.72l-11-6.86A1 1 0 0 0 8 5.14Z',
  pause: 'M7 5h3.5v14H7zM13.5 5H17v14h-3.5z',
  volume: 'M4 9v6h4l5 4V5L8 9H4Zm12.5 3a4.5 4.5 0 0 0-2.5-4v8a4.5 4.5 0 0 0 2.5-4Z',
  muted:
    'M4 9v6h4l5 4V5L8 9H4Zm12.3-.7 1.4-1.4L20 9.2l2.3-2.3 1.4 1.4L21.4 10.6l2.3 2.3-1.4 1.4L20 12l-2.3 2.3-1.4-1.4 2.3-2.3Z',
  enter: 'M4 4h6v2H6v4H4V4Zm10 0h6v6h-2V6h-4V4ZM4 14h2v4h4v2H4v-6Zm14 0h2v6h-6v-2h4v-4Z',
  exit: 'M8 4h2v6H4V8h4V4Zm6 0h2v4h4v2h-6V4ZM4 14h6v6H8v-4H4v-2Zm10 0h6v2h-4v4h-2v-6Z',
};

/**
 * Player controls: play/pause, mute, a seek bar with time for VOD, a LIVE badge that returns to
 * the live edge for live streams, and full screen. Purely presentational: state comes down as
 * properties and every action is a request event the player answers.
 *
 * @summary Accessible playback controls for `<cuecart-player>`.
 * @tag cuecart-controls
 * @slot markers - Overlaid on the seek bar (the player puts product markers here).
 * @slot end - Extra buttons at the end of the bar (the player puts its cart button here).
 * @csspart bar - The control bar.
 * @csspart button - Every button; also `play-button`, `mute-button`, `live-button`, `fullscreen-button`.
 * @csspart seek - The seek range input.
 * @csspart time - The elapsed / total time.
 * @cssproperty --cuecart-controls-bg - Bar background.
 * @cssproperty --cuecart-controls-text - Icon and text colour.
 * @cssproperty --cuecart-live - Colour of the live dot when at the live edge.
 * @fires cuecart-request-play - The viewer asked to play.
 * @fires cuecart-request-pause - The viewer asked to pause.
 * @fires cuecart-request-mute - Detail `{ muted }`.
 * @fires cuecart-request-seek - Detail `{ time }`.
 * @fires cuecart-request-live - Go to the live edge.
 * @fires cuecart-request-fullscreen - Detail `{ fullscreen }`.
 */
export class CuecartControls extends LitElement {
  static override styles = controlsStyles;
  /** The tag this class is registered under by `cuecart/define`. */
  static readonly tagName = 'cuecart-controls';

  /** Whether playback is paused. */
  @property({ type: Boolean }) paused = true;
  /** Whether audio is muted. */
  @property({ type: Boolean }) muted = false;
  /** Media time in seconds. */
  @property({ type: Number, attribute: 'current-time' }) currentTime = 0;
  /** Duration in seconds (VOD). */
  @property({ type: Number }) duration = NaN;
  /** Start of the seekable range. */
  @property({ type: Number, attribute: 'seekable-start' }) seekableStart = 0;
  /** Whether the stream is live. */
  @property({ type: Boolean, reflect: true }) live = false;
  /** Whether a live stream is playing at its edge. */
  @property({ type: Boolean, reflect: true, attribute: 'at-live-edge' }) atLiveEdge = false;
  /** Whether the player is in full screen. */
  @property({ type: Boolean }) fullscreen = false;
  /** Whether full screen is available. */
  @property({ type: Boolean, attribute: 'fullscreen-enabled' }) fullscreenEnabled = true;
  /** The message table (the player passes its merged `messages`). */
  @property({ attribute: false }) messages: PlayerMessages = playerMessages;

  private request<K extends CuecartRequestName>(
    type: K,
    ...[detail]: CuecartEventDetail<K> extends Record<string, never> ? [] : [CuecartEventDetail<K>]
  ) {
    dispatchCuecartEvent(this, type, (detail ?? {}) as CuecartEventDetail<K>);
  }

  private onSeekInput(event: Event) {
    const time = Number((event.target as HTMLInputElement).value);
    this.request('cuecart-request-seek', { time });
  }

  override render() {
    const l = this.messages;
    const vod = !this.live && Number.isFinite(this.duration) && this.duration > 0;
    const timeText = formatMessage(l.seekValue, {
      current: formatTime(this.currentTime),
      duration: formatTime(this.duration),
    });
    return html`
      <div class="bar" part="bar">
        <button
          part="button play-button"
          aria-label=${this.paused ? l.play : l.pause}
          @click=${() => this.request(this.paused ? 'cuecart-request-play' : 'cuecart-request-pause')}
        >
          ${icon(this.paused ? ICONS.play : ICONS.pause)}
        </button>
        <button
          part="button mute-button"
          aria-label=${this.muted ? l.unmute : l.mute}
          @click=${() => this.request('cuecart-request-mute', { muted: !this.muted })}
        >
          ${icon(this.muted ? ICONS.muted : ICONS.volume)}
        </button>
        ${
          vod
            ? html`
                <div class="seek">
                  <input
                    part="seek"
                    type="range"
                    min=${this.seekableStart}
                    max=${this.duration}
                    step="any"
                    .value=${String(this.currentTime)}
                    aria-label=${l.seek}
                    aria-valuetext=${timeText}
                    @input=${this.onSeekInput}
                  />
                  <slot name="markers"></slot>
                </div>
                <span class="time" part="time">
                  ${formatTime(this.currentTime)} / ${formatTime(this.duration)}
                </span>
              `
            : html`<span class="spacer"></span>`
        }
        ${
          this.live
            ? html`<button
                part="button live-button"
                class="live"
                aria-pressed=${this.atLiveEdge ? 'true' : 'false'}
                aria-label=${this.atLiveEdge ? l.live : `${l.live}: ${l.goToLive}`}
                @click=${() => this.request('cuecart-request-live')}
              >
                <span class="dot"></span>${l.live}
              </button>`
            : nothing
        }
        <slot name="end"></slot>
        ${
          this.fullscreenEnabled
            ? html`<button
                part="button fullscreen-button"
                aria-label=${this.fullscreen ? l.exitFullscreen : l.fullscreen}
                @click=${() => this.request('cuecart-request-fullscreen', { fullscreen: !this.fullscreen })}
              >
                ${icon(this.fullscreen ? ICONS.exit : ICONS.enter)}
              </button>`
            : nothing
        }
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cuecart-controls': CuecartControls;
  }
}
