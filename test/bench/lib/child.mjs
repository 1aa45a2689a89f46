// Runs a benchmark script in its own Node process and returns the JSON it prints on stdout.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * @param {string} script path relative to test/bench/
 * @param {string[]} [nodeFlags] e.g. `['--expose-gc']`
 */
export function runNodeBench(script, nodeFlags = []) {
  const file = fileURLToPath(new URL(`../${script}`, import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeFlags, file], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`${script} exited with code ${code}`));
      else {
        try {
          resolve(JSON.parse(out));
        } catch (error) {
          reject(
            new Error(`${script} printed no JSON result: ${out.slice(0, 200)}`, { cause: error }),
          );
        }
      }
    });
  });
}
