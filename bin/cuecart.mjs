#!/usr/bin/env node
// The `cuecart` command (package "bin"): reads files and URLs for the CLI in dist/cli.js.
// Usage and exit codes: `cuecart --help`, docs/producing-cues.md.
import { readFile } from 'node:fs/promises';
import { pathToFileURL, fileURLToPath } from 'node:url';

let runCli;
try {
  ({ runCli } = await import('../dist/cli.js'));
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
  process.stderr.write('cuecart: dist/cli.js is missing; run `npm run build` first.\n');
  process.exit(2);
}

/** Largest file or response read, in bytes (a playlist, a cue list, one media segment). */
const MAX_BYTES = 256 * 1024 * 1024;

/** @param {string} url */
async function read(url) {
  if (url.startsWith('file:')) return new Uint8Array(await readFile(fileURLToPath(url)));
  const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const length = Number(response.headers.get('content-length'));
  if (length > MAX_BYTES) throw new Error(`larger than ${MAX_BYTES} bytes`);
  return new Uint8Array(await response.arrayBuffer());
}

const cwd = pathToFileURL(`${process.cwd()}/`).href;
process.exitCode = await runCli(process.argv.slice(2), {
  read,
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  cwd,
});
