/**
 * Deterministic pseudo-random numbers in [0, 1) from `seed` (mulberry32); see
 * `seeded-random.mjs`.
 */
export declare function seededRandom(seed: number): () => number;
