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

const launcher = chromeLauncher({
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
});

/**
 * A page that hangs (a loop that never yields) cannot be asked for its results, and the runner
 * would wait another `testsFinishTimeout` to stop it: close it after 10 s instead, so that the
 * file is reported and the run goes on.
 */
function closeHungPages(browser) {
  const stopSession = browser.stopSession.bind(browser);
  browser.stopSession = async (sessionId) => {
    let timer;
    const hung = new Promise((resolve) => {
      timer = setTimeout(resolve, 10_000, 'hung');
    });
    const stopping = stopSession(sessionId);
    const result = await Promise.race([stopping, hung]);
    clearTimeout(timer);
    if (result !== 'hung') return result;
    // Closing the page makes the stop in progress fail, so the page is not reused.
    stopping.catch(() => {});
    const page = browser.activePages.get(sessionId);
    browser.activePages.delete(sessionId);
    await page?.puppeteerPage.close().catch(() => {});
    return { errors: [{ message: 'the page hung, and was closed without its results' }] };
  };
  return browser;
}

export default {
  files: ['test/**/*.test.ts'],
  rootDir: fileURLToPath(new URL('../..', import.meta.url)),
  nodeResolve: { exportConditions: ['source', 'browser', 'import'] },
  // The machine is shared: one browser, two pages at a time.
  concurrency: 2,
  concurrentBrowsers: 1,
  // A test that waits forever fails after 10 s. A file that hangs its page (a loop that never
  // yields) is failed by name 20 s after it should have started or 60 s after it did, and its
  // page closed 10 s later (see closeHungPages), while the other files keep running; the slowest
  // file takes about 20 s on a busy two-core machine.
  testFramework: { config: { timeout: 10_000 } },
  testsFinishTimeout: 60_000,
  browsers: [closeHungPages(launcher)],
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
