// @web/test-runner configuration: real Chromium, real hls.js, fixtures served by the runner.
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { chromiumArgs, findChromium } from './browser.mjs';
import { devServerMiddleware } from '../../demo/server/middleware.mjs';

const rootDir = fileURLToPath(new URL('../..', import.meta.url));
const executablePath = await findChromium();

// esbuild's `ts: true` claims every `*.ts` request, MPEG-TS segments included; keep media out.
const isMedia = (path) => /\/(fixtures|media|live)\//.test(path) || /\.(m3u8|m4s|mp4)$/.test(path);

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
  files: ['test/unit/**/*.test.ts', 'test/components/**/*.test.ts', 'test/integration/**/*.test.ts'],
  nodeResolve: true,
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
  middleware: devServerMiddleware({ rootDir }),
  plugins: [esbuild],
  filterBrowserLogs: ({ type }) => ci ? type === 'error' : true,
};
