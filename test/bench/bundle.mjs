// Benchmark 4a — bundle sizes. Gzip sizes of the ES-module CDN core and of the chunks it imports
// (hls.js among them), and a check that no hls.js code sits in the core. Deterministic.
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';

const CDN = new URL('../../dist/cdn/', import.meta.url);
/**
 * Strings found in hls.js's code (logger names, error details, its own class names) and never in
 * Cuecart's own. They are checked against the hls.js chunk too, so a future hls.js that drops
 * them makes this check say so instead of passing vacuously.
 */
const HLS_MARKERS = ['audio-stream-controller', 'fragLoadError', 'remuxer', 'HlsJs'];

const gzip = (code) => gzipSync(code).length;

export async function benchBundle() {
  const core = await readFile(new URL('cuecart.js', CDN), 'utf8');
  // Chunks the core refers to, split into static imports (loaded with the core) and dynamic ones.
  const staticRefs = new Set(
    [
      ...core.matchAll(
        /(?:^|[;\n}])\s*import\s*(?:[^'"`()]*?from\s*)?["'`]\.\/(chunks\/[^"'`]+\.js)["'`]/g,
      ),
    ].map((m) => m[1]),
  );
  const allRefs = new Set(
    [...core.matchAll(/["'`]\.\/(chunks\/[^"'`]+\.js)["'`]/g)].map((m) => m[1]),
  );
  const chunks = [];
  for (const path of allRefs) {
    const code = await readFile(new URL(path, CDN), 'utf8');
    const markers = HLS_MARKERS.filter((m) => code.includes(m));
    chunks.push({
      path,
      bytes: Buffer.byteLength(code),
      gzip: gzip(code),
      loadedWithCore: staticRefs.has(path),
      isHls: markers.length >= 2,
      markers,
    });
  }
  const hlsChunks = chunks.filter((c) => c.isHls);
  const coreMarkers = HLS_MARKERS.filter((m) => core.includes(m));
  return {
    core: { path: 'cuecart.js', bytes: Buffer.byteLength(core), gzip: gzip(core) },
    // What an MP4 page downloads: the core plus its static imports.
    eagerGzip: gzip(core) + chunks.filter((c) => c.loadedWithCore).reduce((n, c) => n + c.gzip, 0),
    chunks,
    hlsChunkPaths: hlsChunks.map((c) => c.path),
    hlsGzip: hlsChunks.reduce((n, c) => n + c.gzip, 0),
    coreMarkers,
    hlsInCore: coreMarkers.length > 0 || hlsChunks.some((c) => c.loadedWithCore),
    // The markers must be present in the hls.js chunk or the check above proves nothing.
    markersValid: hlsChunks.length > 0,
  };
}
