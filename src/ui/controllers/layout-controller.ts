import type { ReactiveController, ReactiveControllerHost } from 'lit';

import type { Size } from './layout-geometry.js';

/** Options of {@link LayoutController}. */
export interface LayoutControllerOptions {
  /**
   * The element whose box decides the layout: a sentinel with the stage's box at the host's full
   * width (`.sizer` in `cuecart-player.styles.ts`). Its size does not depend on the layout
   * chosen, so observing it cannot loop.
   */
  sizer: () => Element | null | undefined;
  /** Width (px) from which the side panel layout is used. */
  panelMinWidth: number;
  /** The `<video>`, whose computed `object-fit` says whether the picture is letterboxed. */
  video?: () => Element | null | undefined;
}

/**
 * Observes what decides a player's layout: its width (overlay below `panelMinWidth`, panel
 * from it), the stage's size and the video's `object-fit` (where the picture is, for
 * `resolveAutoLayout`), and which named slots the page filled. The observers live only while
 * connected.
 */
export class LayoutController implements ReactiveController {
  /** The layout the width calls for. */
  layout: 'overlay' | 'panel' = 'overlay';
  /** The host's width (px) as last observed; 0 before the first observation. */
  width = 0;
  /** The stage's size at the host's full width (as in the overlay and stacked layouts). */
  stage: Size = { width: 0, height: 0 };
  /** The video's computed `object-fit` at the last observation. */
  fit = 'contain';
  /** Named slots the page filled (`card`, `cart-button`): forwarded only then, so fallbacks render. */
  slotted: ReadonlySet<string> = new Set();
  private resizeObserver?: ResizeObserver;
  private slotObserver?: MutationObserver;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: LayoutControllerOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.readSlots();
    this.resizeObserver = new ResizeObserver(([entry]) => {
      const width = entry?.contentRect.width ?? 0;
      const height = entry?.contentRect.height ?? 0;
      this.width = width;
      this.layout = width >= this.options.panelMinWidth ? 'panel' : 'overlay';
      this.stage = { width, height };
      const video = this.options.video?.();
      if (video) this.fit = getComputedStyle(video).objectFit || 'contain';
      // A resize is rare and a render cheap: let the host re-resolve its layout every time.
      this.host.requestUpdate();
    });
    this.observeSizer();
    this.slotObserver = new MutationObserver(() => {
      this.readSlots();
      this.host.requestUpdate();
    });
    this.slotObserver.observe(this.host, {
      childList: true,
      attributes: true,
      attributeFilter: ['slot'],
      subtree: false,
    });
  }

  hostUpdated(): void {
    // The sizer exists from the first render; observing the host itself would loop
    // ResizeObserver, because switching layout changes the host's height.
    this.observeSizer();
  }

  hostDisconnected(): void {
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    this.slotObserver?.disconnect();
    this.slotObserver = undefined;
    this.observed = undefined;
  }

  private observed?: Element;

  private observeSizer() {
    const sizer = this.options.sizer();
    if (!sizer || sizer === this.observed || !this.resizeObserver) return;
    this.observed = sizer;
    this.resizeObserver.observe(sizer);
  }

  private readSlots() {
    this.slotted = new Set(
      Array.from(this.host.children, (child) => child.getAttribute('slot') ?? '').filter(Boolean),
    );
  }
}
