// Finds a Chromium for tests: CHROME_PATH, else Debian's /usr/bin/chromium, else Playwright's own.
import { existsSync } from 'node:fs';

/** Flags that keep headless Chromium quiet on a closed network and let media autoplay. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--autoplay-policy=no-user-gesture-required',
];

/**
 * Returns the Chromium executable to launch, or undefined to let Playwright use its own.
 * Throws with install advice when none can be found.
 */
export async function findChromium() {
  if (process.env.CHROME_PATH) {
    if (!existsSync(process.env.CHROME_PATH)) {
      throw new Error(`CHROME_PATH=${process.env.CHROME_PATH} does not exist.`);
    }
    return process.env.CHROME_PATH;
  }
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  const { chromium } = await import('playwright-core');
  const own = chromium.executablePath();
  if (own && existsSync(own)) return undefined;
  throw new Error(
    'No Chromium found. Install one: `apt-get install chromium` (Debian/Ubuntu), ' +
      'or `npx playwright install chromium`, or set CHROME_PATH to a Chromium/Chrome binary.',
  );
}
