// hls.js's light build ships no type declarations of its own; its API is the full build's
// (with fewer controllers), so the full build's types describe it.
declare module 'hls.js/light' {
  export { default } from 'hls.js';
  export * from 'hls.js';
}
