import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AnalyticsSource } from '../../analytics/datalayer-bridge.js';

/**
 * Attaches the analytics bridge the player's `analytics` attribute names (`datalayer`) while the
 * player is connected, and detaches it when the attribute changes or the player leaves the page.
 */
export class AnalyticsController implements ReactiveController {
  private current = '';
  private detach?: () => void;

  constructor(
    private readonly host: ReactiveControllerHost & AnalyticsSource & HTMLElement,
    private readonly choice: () => string | null | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.sync();
  }

  hostUpdated(): void {
    this.sync();
  }

  hostDisconnected(): void {
    this.detach?.();
    this.detach = undefined;
    this.current = '';
  }

  private sync() {
    const wanted = (this.choice() ?? '').trim().toLowerCase() === 'datalayer' ? 'datalayer' : '';
    if (wanted === this.current) return;
    this.detach?.();
    this.detach = undefined;
    this.current = wanted;
    if (!wanted) return;
    // Its own chunk: pages without analytics never download it (and the core stays in budget).
    void import('../../analytics/datalayer-bridge.js').then(({ attachDataLayerBridge }) => {
      if (this.current !== wanted || this.detach || !this.host.isConnected) return;
      this.detach = attachDataLayerBridge(this.host);
    });
  }
}
