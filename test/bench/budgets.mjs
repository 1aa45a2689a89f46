// Size budgets of the CDN build (brotli quality 11), shared by `npm run bench` and the
// `npm test` check (test/node/size-budget.test.mjs). See docs/benchmarks.md.

/** Issue 12: a far player costs at most 8 KB br of Cuecart JavaScript (the loader). */
export const FACADE_BUDGET_BR = 8 * 1024;
/**
 * The player shell: what the loader imports before the first frame (`dist/cdn/cuecart-shell.js`
 * and its static imports; docs/decisions/0047-player-shell-and-parallel-chunks.md). Issue 12's
 * target is 20 KB br (goal 14), met on 2026-12-02 (20,330 B) and now the budget itself: the
 * shopping elements and the adapters left
 * the shell for chunks requested in parallel with hls.js (53.7 → 38.3 KB br, 39,223 B, on
 * 2026-12-02); Cuecart's hls.js engine then left it for a chunk requested with hls.js (39,213 B
 * after the layout and native-HLS date work had added 2 KB); the side-car cue-list poller with
 * the WebVTT parser then left it for a chunk imported on the first side-car load (39,297 →
 * 37,883 B); the shopping elements' design tokens, resets, button styles and English strings then
 * left it for their chunk (38,025 → 36,846 B; decision 0061); the playlist prefetch and the
 * first-frame wait (decisions 0063, 0064) then added 580 B (37,425 B); the commerce state (player
 * commerce, cart store, catalogue, feed) then left it for a chunk the loader requests with the
 * shell (decision 0056): 30,688 B; the in-band carriers' parsers (ID3/emsg, DATERANGE, native
 * metadata) and the native engine then left it for chunks requested with it (decision 0058):
 * 26,193 B; the cue engine (cue store, timeline, scheduler, JSON cue-list, payload and program
 * date-time parsers, the video frame clock) then left it for a chunk requested with it (decision
 * 0066): 20,595 B; the shopping elements' first-frame wait then moved into their own chunk
 * (20,330 B); the early first segment and rendition playlists (decisions 0074, 0075) left the
 * shell's code as it was but renamed the chunks it imports (20,478 B, 2 B of room); a terser pass
 * after esbuild on the CDN builds (decision 0076) then gave it room: 20,022 B. Lit, the player's
 * view and styles, the media controller and the host-data copier
 * (`plainCopy`: host entries are read synchronously) are what is left. Growth past the target
 * fails CI: what is added must make room first (the goal is 14 KB).
 */
export const SHELL_BUDGET_BR = 20 * 1024;
/** The target the ratchet is heading for. */
export const SHELL_TARGET_BR = 20 * 1024;
