/** How a source is played. */
export type SourceKind = 'hls' | 'progressive';

const HLS_EXTENSIONS = /\.m3u8?$/i;
const HLS_MIME = /mpegurl/i;

/**
 * Decides whether a source URL is an HLS playlist or a progressive file from its path
 * (query and fragment ignored) or an explicit MIME type.
 */
export function sourceKind(src: string, type?: string | null): SourceKind {
  if (type) return HLS_MIME.test(type) ? 'hls' : 'progressive';
  const path = src.split(/[?#]/, 1)[0] ?? '';
  return HLS_EXTENSIONS.test(path) ? 'hls' : 'progressive';
}

const PROGRESSIVE_TYPES: Record<string, string> = {
  mp4: 'video/mp4',
  m4v: 'video/mp4',
  mov: 'video/quicktime',
  webm: 'video/webm',
  ogv: 'video/ogg',
  mkv: 'video/x-matroska',
  avi: 'video/x-msvideo',
  flv: 'video/x-flv',
};

/** The MIME type a progressive URL's extension implies, or null when it has no known one. */
export function progressiveMimeType(src: string): string | null {
  const path = src.split(/[?#]/, 1)[0] ?? '';
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  return (ext && PROGRESSIVE_TYPES[ext]) ?? null;
}

/** True when Media Source Extensions exist (hls.js can play). Reads globals at call time. */
export function hasMediaSource(): boolean {
  const g = globalThis as {
    ManagedMediaSource?: unknown;
    MediaSource?: { isTypeSupported?: unknown };
  };
  return (
    typeof g.ManagedMediaSource === 'function' ||
    typeof g.MediaSource?.isTypeSupported === 'function'
  );
}

/**
 * Whether `src` plays through hls.js in this browser: an HLS playlist where Media Source
 * Extensions exist (native HLS only without them). What the engine choice (`create-engine.ts`)
 * and the loader's early start and downloads decide by.
 */
export function needsHlsJs(src: string): boolean {
  return sourceKind(src) === 'hls' && hasMediaSource();
}
