/**
 * The console README's screenshots: each screen of <serialkit-console>, served at /admin by the
 * real service on the demo data (as `npm start` serves it) and rendered by headless Chromium.
 * Writes docs/console-*.png.
 *
 * Run: `npm run screenshots:console` (builds the bundles first).
 */
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { buildAll, startDemoService, widget } from '../test-e2e/demo-service.mjs';

const docs = join(widget, 'docs');
mkdirSync(docs, { recursive: true });
buildAll();
const page_ = join(widget, 'admin/index.html');
const service = await startDemoService({
  serveArgs: [
    '--asset',
    `/admin=${page_}`,
    '--asset',
    `/admin/console.js=${join(widget, 'dist/serialkit-console.bundle.js')}`,
    // The webhooks screen's log shows a delivery to a receiver on this machine.
    '--webhooks-allow-private',
    '--webhooks-poll',
    '100',
  ],
});
const { url, apiKey, demo } = service;
const s = demo.samples;

// A few verifications today, so the overview's chart has bars.
for (const input of [s.genuine, s.genuine, s.recalled, s.unknown, s.giftCard, s.loose]) {
  await fetch(`${url}/v1/verify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ input }),
  });
}

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-dev-shm-usage'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 820 } });
  const part = (name) => page.locator(`[part~="${name}"]`);
  const shot = async (name) => {
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(docs, `console-${name}.png`), fullPage: true });
    console.log(`wrote docs/console-${name}.png`);
  };
  const show = async (screen) => {
    await page.locator(`[part~="nav-item"][data-screen="${screen}"]`).click();
  };

  await page.goto(`${url}/admin`);
  await part('key-input').waitFor();
  await shot('sign-in');
  await part('key-input').fill(apiKey);
  await part('key-input').press('Enter');
  await part('tiles').waitFor();
  await shot('overview');

  await show('skus');
  await page.locator('serialkit-sku-list tbody tr').first().waitFor();
  await shot('skus');
  await page.locator('serialkit-sku-list tr[data-sku="MANUAL-1"] [part~="edit"]').click();
  await part('tracking-toggle').check();
  await part('format-input').fill('MAN-{YY}-{D:5}{check:luhn}');
  const example = (await part('format-example').textContent()).trim();
  await part('sample-input').fill(example.toLowerCase().replace(/-/g, ' '));
  await part('generate').click();
  await shot('sku-editor');

  await show('search');
  await part('serial-input').fill(s.wrongDigit);
  await part('serial-input').press('Enter');
  await part('suggestions').waitFor();
  await shot('search-suggestions');
  await part('serial-input').fill(s.traced);
  await part('serial-input').press('Enter');
  await part('unit-card').waitFor();
  await shot('search');

  await show('units');
  await page.locator('serialkit-unit-list #sku').fill('BAT-18650');
  await page.locator('serialkit-unit-list #status').selectOption('shipped');
  await part('apply').click();
  await page.waitForTimeout(500);
  await shot('units');

  await show('pack');
  const order = await (
    await fetch(`${url}/v1/orders/ORD-2003`, { headers: { authorization: `Bearer ${apiKey}` } })
  ).json();
  const [line] = order.lines;
  const { items } = await (
    await fetch(`${url}/v1/serials?sku=${line.sku}&status=in_stock&recalled=false&limit=1`, {
      headers: { authorization: `Bearer ${apiKey}` },
    })
  ).json();
  await part('order-input').fill(order.id);
  await part('order-input').press('Enter');
  await part('lines').waitFor();
  await part('scan-input').fill(items[0].serial);
  await part('scan-input').press('Enter');
  await part('answer').waitFor();
  await shot('pack');

  await show('returns');
  await part('serial-input').fill(s.genuine);
  await part('order-input').fill(s.returnCheck.orderId);
  await part('order-input').press('Enter');
  await part('verdict').waitFor();
  await shot('returns');

  await show('recalls');
  await part('sku-select').locator('option[value="BAT-18650"]').waitFor({ state: 'attached' });
  await part('sku-select').selectOption('BAT-18650');
  await part('lot-input').fill('P5X8');
  await page.locator('[part~="count"][data-affected]').waitFor();
  await part('notice-input').fill('Battery packs of lot P5X8 can overheat while charging.');
  await shot('recalls');

  await show('import');
  await part('file-input').setInputFiles({
    name: 'units.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      'sku,serial,lot\nCH-65W,ZZZ0000001,L9\nCH-65W,12,L9\nNOPE-1,ZZZ0000003,L9\nCH-65W,ZZZ0000004,L9\n',
    ),
  });
  await part('start').click();
  await part('summary').waitFor();
  await shot('import');

  const receiver = createServer((request, response) => {
    request.resume();
    request.on('end', () => response.writeHead(204).end());
  });
  await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  try {
    await show('webhooks');
    await part('url-input').fill(`http://127.0.0.1:${receiver.address().port}/serialkit`);
    await page.getByLabel('A unit shipped').check();
    await page.getByLabel('A unit was recalled').check();
    await part('description-input').fill('Warehouse system');
    await part('create').click();
    await part('secret').waitFor();
    const unit = await fetch(`${url}/v1/serials?sku=CH-65W&status=in_stock&limit=1`, {
      headers: { authorization: `Bearer ${apiKey}` },
    }).then((r) => r.json());
    await fetch(`${url}/v1/shipments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        orderId: 'ORD-3001',
        channel: 'b2c',
        customer: { email: 'grace@example.com', name: 'Grace Hopper' },
        lines: [{ sku: 'CH-65W', serials: [unit.items[0].serial] }],
      }),
    });
    await page.waitForTimeout(1500);
    await part('show-log').first().click();
    await part('deliveries').waitFor();
    await shot('webhooks');
  } finally {
    receiver.close();
  }
} finally {
  await browser.close();
  service.stop();
}
