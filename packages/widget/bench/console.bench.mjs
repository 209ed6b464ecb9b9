/**
 * Browser benchmark of the merchant console on the demo data (100,000 units unless
 * `BENCH_UNITS` says otherwise), in headless Chromium against the real service:
 *
 * - scan-to-answer at the pack station: from the Enter of a scan to its answer on screen, over
 *   500 scans of registered units (accepted, wrong SKU, line full… all are answers), measured in
 *   the page with `performance.now()`; the same round trip as a bare `fetch` of the pick route
 *   beside it, the baseline the screen adds its rendering to;
 * - the overview's first render after signing in (the first screen a merchant sees).
 *
 * Prints the figures and their ratios; asserts nothing (`npm run bench -w @serialkit/widget`).
 */
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { buildAll, startDemoService, widget } from '../test-e2e/demo-service.mjs';

const UNITS = Number(process.env.BENCH_UNITS ?? 100_000);
const SCANS = Number(process.env.BENCH_SCANS ?? 500);
const page_ = join(widget, 'admin/index.html');

buildAll();
console.log(`seeding ${UNITS.toLocaleString('en')} demo units…`);
const service = await startDemoService({
  units: UNITS,
  serveArgs: [
    '--asset',
    `/admin=${page_}`,
    '--asset',
    `/admin/console.js=${join(widget, 'dist/serialkit-console.bundle.js')}`,
  ],
});
const { url, apiKey } = service;
const admin = (path) =>
  fetch(`${url}${path}`, { headers: { authorization: `Bearer ${apiKey}` } }).then((r) => r.json());

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const ms = (value) => `${value.toFixed(1)} ms`;

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-dev-shm-usage'],
});
try {
  // ── The overview's first render after signing in (a fresh tab each time) ──
  const firstRenders = [];
  let page;
  for (let run = 0; run < 5; run++) {
    await page?.context().close();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(`${url}/admin`);
    const key = page.locator('[part~="key-input"]');
    await key.fill(apiKey);
    const started = await page.evaluate(() => performance.now());
    await key.press('Enter');
    await page.locator('[part~="tiles"]').waitFor();
    firstRenders.push((await page.evaluate(() => performance.now())) - started);
  }
  const part = (name) => page.locator(`[part~="${name}"]`);

  // ── Scan-to-answer at the pack station ──
  const units = [];
  for (const status of ['in_stock', 'shipped']) {
    const { items } = await admin(`/v1/serials?status=${status}&limit=${Math.ceil(SCANS / 2)}`);
    units.push(...items.map((unit) => unit.serial));
  }
  await page.locator('[part~="nav-item"][data-screen="pack"]').click();
  await part('order-input').fill('ORD-2004');
  await part('order-input').press('Enter');
  await part('lines').waitFor();
  // Warm-up: the first scans load the catalog and compile formats.
  const scan = (serial) =>
    page.evaluate(async (serial) => {
      const host = document.querySelector('serialkit-console').shadowRoot;
      const station = host.querySelector('serialkit-pack-station').shadowRoot;
      const input = station.querySelector('[part~="scan-input"]');
      const answered = () =>
        station.querySelector('[part~="answer"]')?.textContent?.includes(serial) ?? false;
      const started = performance.now();
      input.value = serial;
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      // What Enter does in the field: submit its form.
      input.form.requestSubmit();
      while (!answered()) await new Promise((resolve) => requestAnimationFrame(resolve));
      return performance.now() - started;
    }, serial);
  for (const serial of units.slice(0, 10)) await scan(serial);
  const times = [];
  for (const serial of units.slice(0, SCANS)) times.push(await scan(serial));

  // The baseline: the same pick request as a bare fetch from the page, with nothing rendered.
  const fetches = await page.evaluate(
    async ({ serials, apiKey }) => {
      const out = [];
      for (const serial of serials) {
        const started = performance.now();
        const response = await fetch('/v1/orders/ORD-2004/picks', {
          method: 'POST',
          headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
          body: JSON.stringify({ input: serial }),
        });
        await response.json();
        out.push(performance.now() - started);
      }
      return out;
    },
    { serials: units.slice(0, SCANS), apiKey },
  );

  console.log(`\nmerchant console, ${UNITS.toLocaleString('en')} demo units, headless Chromium`);
  console.log(
    `  pack station scan-to-answer (${times.length} scans): p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))}, max ${ms(Math.max(...times))}  (target: p95 ≤ 100 ms)`,
  );
  console.log(
    `  bare fetch of the pick route (baseline):  p50 ${ms(percentile(fetches, 50))}, p95 ${ms(percentile(fetches, 95))}`,
  );
  console.log(
    `  ratio scan-to-answer / bare fetch at p95: ${(percentile(times, 95) / percentile(fetches, 95)).toFixed(2)}×`,
  );
  console.log(
    `  overview first render after sign-in (${firstRenders.length} runs): median ${ms(percentile(firstRenders, 50))}, worst ${ms(Math.max(...firstRenders))}  (target: < 1000 ms)`,
  );
} finally {
  await browser.close();
  service.stop();
}
