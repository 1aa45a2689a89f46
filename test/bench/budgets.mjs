// Size budgets of the CDN build (brotli quality 11), shared by `npm run bench` and the
// `npm test` check (test/node/size-budget.test.mjs). See docs/benchmarks.md.

/** Issue 12: a far player costs at most 8 KB br of Cuecart JavaScript (the loader). */
export const FACADE_BUDGET_BR = 8 * 1024;
/**
 * The player shell (what the loader imports before the first frame). Issue 12's target is 20 KB
 * br (goal 14) and is NOT met yet: the shopping UI and adapters still sit in the shell (52.0 KB br
 * on 2026-12-02). Until they move to their own chunks this is a ratchet a few KB above today's
 * size, so growth fails CI; lower it with every split, down to the target.
 */
export const SHELL_BUDGET_BR = 56 * 1024;
/** The target the ratchet is heading for. */
export const SHELL_TARGET_BR = 20 * 1024;
