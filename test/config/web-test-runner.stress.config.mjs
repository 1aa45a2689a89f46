// `npm run test:stress`: lifecycle and many-player checks (issue 9.5), apart from `npm test`
// because they run for minutes. Same runner, server and browser as the main config, plus V8's
// `gc()` and precise heap numbers so leaks can be measured rather than guessed.
import { defaultReporter } from '@web/test-runner';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { summaryReporter } from './summary-reporter.mjs';
import base from './web-test-runner.config.mjs';
import { chromiumArgs, findChromium } from './browser.mjs';

const executablePath = await findChromium();

export default {
  ...base,
  files: ['test/stress/**/*.test.ts'],
  testsFinishTimeout: 5 * 60 * 1000,
  testFramework: { config: { timeout: 150_000 } },
  // Browser totals only: the node:test counts belong to `npm test`.
  reporters: [defaultReporter(), summaryReporter({ countsFile: '' })],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath,
        headless: true,
        args: [...chromiumArgs, '--js-flags=--expose-gc', '--enable-precise-memory-info'],
      },
    }),
  ],
};
