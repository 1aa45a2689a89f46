import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Keeps keyboard focus inside an element whose render removed the focused control (the card of
 * an ended cue, a closed product sheet): browsers drop focus to `<body>`, which strands a
 * keyboard user, so focus moves to `fallback()` (the player's stage) instead.
 */
export class FocusRescueController implements ReactiveController {
  private focusWasInside = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly fallback: () => HTMLElement | null | undefined,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    this.focusWasInside = this.host.shadowRoot?.activeElement != null;
  }

  hostUpdated(): void {
    if (!this.focusWasInside || this.host.shadowRoot?.activeElement != null) return;
    const active = this.host.ownerDocument.activeElement;
    if (!active || active === this.host.ownerDocument.body) {
      this.fallback()?.focus({ preventScroll: true });
    }
  }
}
