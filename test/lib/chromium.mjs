// The one way scripts that drive Chromium themselves launch it: the node browser tests
// (test/node/lib/browser-harness.mjs) and the benchmarks (test/bench/lib/browser.mjs).
// test/config/browser.mjs finds the executable and holds the flags the test runner uses too.
import { chromium } from 'playwright-core';
import { chromiumArgs, findChromium } from '../config/browser.mjs';

/**
 * Launches headless Chromium with the test flags, plus `extraArgs`.
 * @param {{ extraArgs?: string[] }} [options]
 * @returns {Promise<import('playwright-core').Browser>}
 */
export async function launchChromium({ extraArgs = [] } = {}) {
  return chromium.launch({
    executablePath: await findChromium(),
    args: [...chromiumArgs, ...extraArgs],
  });
}
