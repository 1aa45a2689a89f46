// @web/test-runner configuration: real Chromium, real hls.js, fixtures served by the runner.
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { summaryReporter } from './summary-reporter.mjs';
import { chromiumArgs, findChromium } from './browser.mjs';
import { devServerMiddleware } from '../../demo/server/middleware.mjs';

const rootDir = fileURLToPath(new URL('../..', import.meta.url));
const executablePath = await findChromium();

// esbuild's `ts: true` claims every `*.ts` request, MPEG-TS segments included; keep media out.
// A `.ts` request is TypeScript only under the source and test folders, never under fixtures.
const isMedia = (path) =>
  /\/fixtures\//.test(path) || !/^\/(src|test|demo)\//.test(path.split('?')[0]);

const esbuild = esbuildPlugin({
  ts: true,
  tsconfig: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)),
  target: 'es2022',
  define: { 'process.env.NODE_ENV': '"development"' },
});
const { resolveMimeType, transform } = esbuild;
esbuild.resolveMimeType = function (context) {
  return isMedia(context.path) ? undefined : resolveMimeType.call(this, context);
};
esbuild.transform = function (context) {
  return isMedia(context.path) ? undefined : transform.call(this, context);
};

const ci = !!process.env.CI;

export default {
  rootDir,
  files: [
    'test/unit/**/*.test.ts',
    'test/components/**/*.test.ts',
    'test/integration/**/*.test.ts',
  ],
  // The `production` condition keeps Lit out of dev mode (its warnings would fill the logs).
  nodeResolve: { exportConditions: ['production'] },
  concurrency: 1,
  concurrentBrowsers: 1,
  testsFinishTimeout: 10 * 60 * 1000,
  browserStartTimeout: 60_000,
  testFramework: { config: { timeout: 30_000 } },
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath, headless: true, args: chromiumArgs },
    }),
  ],
  // nanostores reads process.env.NODE_ENV, which bundlers define; the dev server serves
  // node_modules untransformed, so the test page defines it as a bundler would.
  testRunnerHtml: (testFramework) => `<!doctype html><html><head>
    <script>globalThis.process = { env: { NODE_ENV: 'development' } };</script>
    </head><body><script type="module" src="${testFramework}"></script></body></html>`,
  middleware: devServerMiddleware({ rootDir }),
  plugins: [esbuild],
  reporters: [defaultReporter(), summaryReporter()],
  filterBrowserLogs: ({ type }) => (ci ? type === 'error' : true),
};
