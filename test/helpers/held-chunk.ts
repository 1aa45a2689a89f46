/**
 * A lazily loaded chunk a test holds back: `load` is what the player calls instead of its
 * `import()` (it counts the calls), `release()` lets the real module through (`realLoad`), and
 * `fail(cause)` makes the import reject, as a failed download would.
 */
export function heldChunk<T>(realLoad: () => Promise<T>) {
  let release!: () => void;
  let fail!: (cause: Error) => void;
  let requests = 0;
  const arrived = new Promise<T>((resolve, reject) => {
    release = () => void realLoad().then(resolve, reject);
    fail = reject;
  });
  return {
    load: () => {
      requests++;
      return arrived;
    },
    release: () => release(),
    fail: (cause: Error) => fail(cause),
    get requests() {
      return requests;
    },
  };
}

/** Settles pending microtasks and `n` tasks: what "not yet" needs, without timing anything. */
export async function tasks(n = 3): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Registers `PlayerClass` (a `CuecartPlayer` subclass holding a chunk back) under a tag of its
 * own and creates one muted, 640 px wide player of it with `attributes`, not yet in the page.
 */
export function createHeldPlayer<P extends HTMLElement & { muted: boolean }>(
  PlayerClass: CustomElementConstructor,
  attributes: Record<string, string> = {},
): P {
  const tag = `cuecart-player-held-${Math.random().toString(36).slice(2)}`;
  customElements.define(tag, PlayerClass);
  const player = document.createElement(tag) as P;
  player.muted = true;
  for (const [name, value] of Object.entries(attributes)) player.setAttribute(name, value);
  player.style.width = '640px';
  return player;
}
