// Placeholder until the simulated live stream lands.
export function createLiveHls() {
  return { handle: () => false };
}
