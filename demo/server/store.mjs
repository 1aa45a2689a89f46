// Placeholder until the local store lands.
export function createStore() {
  return { handle: () => false };
}
