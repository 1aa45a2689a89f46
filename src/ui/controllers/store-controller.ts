import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Store } from 'nanostores';

/**
 * Re-renders a Lit host whenever one of its nanostores stores changes, subscribing only while
 * the host is connected so a removed element holds no listener. The host reads values with
 * `store.get()` in `render()` (a computed store is up to date while subscribed).
 */
export class StoresController implements ReactiveController {
  private unsubscribes: Array<() => void> = [];

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly stores: readonly Store[],
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.hostDisconnected();
    const update = () => this.host.requestUpdate();
    this.unsubscribes = this.stores.map((store) => store.listen(update));
    update();
  }

  hostDisconnected(): void {
    for (const unsubscribe of this.unsubscribes) unsubscribe();
    this.unsubscribes = [];
  }
}
