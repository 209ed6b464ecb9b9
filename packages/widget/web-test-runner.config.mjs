/**
 * @web/test-runner: the widget's tests in headless Chromium, TypeScript through esbuild, the
 * network mocked by msw's service worker, and `@serialkit/core` resolved to its sources.
 */
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { summaryFileReporter } from './scripts/summary-reporter.mjs';

const chromeFlags = [
  '--no-sandbox',
  '--disable-setuid-sandbox',
  '--headless=new',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-extensions',
  // A fake camera so the scan dialog can open a real MediaStream.
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
];

export default {
  files: ['test/**/*.test.ts'],
  rootDir: fileURLToPath(new URL('../..', import.meta.url)),
  nodeResolve: { exportConditions: ['source', 'browser', 'import'] },
  // The machine is shared: one browser, two pages at a time.
  concurrency: 2,
  concurrentBrowsers: 1,
  // A test that waits forever fails after 10 s. A file that hangs its page (a loop that never
  // yields) is stopped and reported by name after 60 s, while the other files keep running; the
  // slowest file takes about 20 s on a busy two-core machine.
  testFramework: { config: { timeout: 10_000 } },
  testsFinishTimeout: 60_000,
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: chromeFlags,
      },
      // A context (window) per test file: pages run in the foreground, so animations and timers
      // are not throttled, and IndexedDB and service workers are not shared between files.
      async createPage({ browser }) {
        const context = await browser.createBrowserContext();
        const page = await context.newPage();
        page.once('close', () => void context.close().catch(() => {}));
        return page;
      },
    }),
  ],
  plugins: [
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
    }),
  ],
  middleware: [
    // msw's worker must be served from the root so that its scope covers the test pages.
    function serveMockServiceWorker(context, next) {
      if (context.path === '/mockServiceWorker.js') {
        context.path = '/packages/widget/public/mockServiceWorker.js';
      }
      return next();
    },
  ],
  reporters: [
    defaultReporter(),
    summaryReporter(),
    summaryFileReporter(fileURLToPath(new URL('./.test-results/browser.json', import.meta.url))),
  ],
};
