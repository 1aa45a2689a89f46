/** Registers `cls` as `tag` unless something already did (tests share one registry). */
export function defineOnce(tag: string, cls: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, cls);
}
