/**
 * Re-assigns, through the class's own setters, the properties a page set on an element before
 * its class was registered.
 *
 * The player loader (`cuecart/define`, `dist/cdn/cuecart.js`) registers the elements late, so a
 * page (or React) may write `player.productList = […]` on a not-yet-upgraded `<cuecart-player>`.
 * Such a write makes an own data property that hides the class's accessor after the upgrade, and
 * the value would be lost. Lit recovers its reactive (`@property`) properties itself; this covers
 * plain accessors (`productList`, `adapter`, `cueList`, …). Call it at the end of the most derived
 * constructor. Own properties without a setter on the prototype chain (class fields) are left alone.
 */
export function adoptPreUpgradeProperties(element: HTMLElement): void {
  const target = element as unknown as Record<string, unknown>;
  for (const key of Object.keys(element)) {
    if (!hasSetter(element, key)) continue;
    const value = target[key];
    delete target[key];
    target[key] = value;
  }
}

function hasSetter(element: HTMLElement, key: string): boolean {
  for (
    let proto: object | null = Object.getPrototypeOf(element);
    proto && proto !== HTMLElement.prototype;
    proto = Object.getPrototypeOf(proto)
  ) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, key);
    if (descriptor) return typeof descriptor.set === 'function';
  }
  return false;
}
