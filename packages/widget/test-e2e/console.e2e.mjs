/**
 * End to end: the real serialkit service on the demo data serves the merchant console at /admin
 * as `npm start` does; headless Chromium signs in and runs the merchant's flows. Writes its pass
 * and fail counts to `.test-results/e2e-console.json`.
 *
 * Run: `node test-e2e/console.e2e.mjs` (builds the bundles first).
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { buildAll, startDemoService, widget } from './demo-service.mjs';

const require = createRequire(import.meta.url);
const results = join(widget, '.test-results');
const page_ = join(widget, 'admin/index.html');
const bundle = join(widget, 'dist/serialkit-console.bundle.js');

buildAll();
const service = await startDemoService({
  serveArgs: [
    '--asset',
    `/admin=${page_}`,
    '--asset',
    `/admin/=${page_}`,
    '--asset',
    `/admin/console.js=${bundle}`,
    // The webhook case delivers to a receiver on this machine, without waiting long.
    '--webhooks-allow-private',
    '--webhooks-poll',
    '100',
  ],
});
const { url, apiKey, demo } = service;
const admin = (path) =>
  fetch(`${url}${path}`, { headers: { authorization: `Bearer ${apiKey}` } }).then((r) => r.json());

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-dev-shm-usage'],
});

const counts = { passed: 0, failed: 0 };
const cases = [];
const test = (name, body) => cases.push({ name, body });

/** A fresh console page under the service's CSP, signed in unless `signIn` is false. */
async function open({ screen = '', signIn = true, bypassCSP = false } = {}) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    bypassCSP,
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error));
  await page.goto(`${url}/admin${screen ? `#${screen}` : ''}`);
  await page.waitForFunction(() => customElements.get('serialkit-console'));
  const part = (name) => page.locator(`[part~="${name}"]`);
  if (signIn) {
    await part('key-input').fill(apiKey);
    await part('key-input').press('Enter');
    await part('nav').waitFor();
  }
  const close = () => context.close();
  return { page, part, errors, close };
}

async function axeViolations(page) {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const { violations } = await globalThis.axe.run(document);
    return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

test('/admin is served under a strict policy, and a wrong key is refused', async () => {
  const served = await fetch(`${url}/admin`);
  assert.equal(served.status, 200);
  const policy = served.headers.get('content-security-policy');
  assert.match(policy, /script-src 'self'(;|$)/);
  assert.match(policy, /frame-ancestors 'none'/);
  const { page, part, errors, close } = await open({ signIn: false });
  await part('key-input').fill('sk_wrong_key_000000000000');
  await part('sign-in-button').click();
  await part('sign-in-error').waitFor();
  assert.match(await part('sign-in-error').textContent(), /did not accept/);
  await part('key-input').fill(apiKey);
  await part('sign-in-button').click();
  await part('nav').waitFor();
  // The key lives in this tab's sessionStorage only.
  assert.equal(await page.evaluate(() => localStorage.length), 0);
  assert.equal(await page.evaluate(() => document.cookie), '');
  assert.deepEqual(errors, []);
  await close();
});

test('filter tracked SKUs, then those without tracking', async () => {
  const { page, part, close } = await open({ screen: 'skus' });
  const rows = page.locator('serialkit-sku-list tbody tr');
  await rows.first().waitFor();
  await part('tracking-filter').selectOption('on');
  await page.waitForFunction(
    () =>
      document
        .querySelector('serialkit-console')
        .shadowRoot.querySelector('serialkit-sku-list')
        .shadowRoot.querySelectorAll('tbody tr').length === 4,
  );
  const tracked = await rows.evaluateAll((trs) => trs.map((tr) => tr.dataset.sku));
  assert.deepEqual(tracked.sort(), ['BAT-18650', 'CH-65W', 'GIFT-50', 'HP-200']);
  await part('tracking-filter').selectOption('off');
  await page.locator('serialkit-sku-list tbody tr[data-sku="MANUAL-1"]').waitFor();
  assert.equal(await rows.count(), 1);
  await part('search-input').fill('charger');
  await part('tracking-filter').selectOption('all');
  await page.locator('serialkit-sku-list tbody tr[data-sku="CH-65W"]').waitFor();
  assert.equal(await rows.count(), 1);
  await close();
});

test('switch tracking on for an untracked SKU and give it a format, with live help', async () => {
  const { page, part, errors, close } = await open({ screen: 'skus' });
  await part('tracking-filter').selectOption('off');
  await page.locator('serialkit-sku-list tr[data-sku="MANUAL-1"] [part~="edit"]').click();
  await part('tracking-toggle').check();
  await part('format-input').fill('MAN-{D:5}{check:luhn}');
  await part('format-example').waitFor();
  const example = (await part('format-example').textContent()).trim();
  assert.match(example, /^MAN-\d{6}$/);
  await part('sample-input').fill(example.toLowerCase());
  await part('sample-verdict').locator('[data-valid="true"]').waitFor();
  await part('sample-input').fill('MAN-12');
  await part('sample-verdict').locator('[data-valid="false"]').waitFor();
  await part('generate').click();
  assert.equal(await part('samples').locator('li').count(), 3);
  await part('save').click();
  await part('outcome').waitFor();
  assert.match(await part('outcome').textContent(), /MANUAL-1 saved/);
  const sku = await admin('/v1/skus/MANUAL-1');
  assert.equal(sku.serialTracking.enabled, true);
  assert.equal(sku.serialTracking.format, 'MAN-{D:5}{check:luhn}');
  assert.deepEqual(errors, []);
  await close();
});

test('a format change that stored units would break is refused, with the count', async () => {
  const { page, part, close } = await open({ screen: 'skus' });
  await page.locator('serialkit-sku-list tr[data-sku="HP-200"] [part~="edit"]').click();
  await part('format-input').fill('HP-{D:8}');
  await part('save').click();
  await part('outcome').waitFor();
  const text = await part('outcome').textContent();
  const units = (await admin('/v1/serials?sku=HP-200&limit=1000')).items.length;
  assert.ok(units > 0);
  assert.match(text, /Not saved: \d[\d,]* stored units do not fit/);
  assert.equal(
    (await admin('/v1/skus/HP-200')).serialTracking.format,
    'SN-{YYYY}-{D:6}{check:luhn}',
  );
  await close();
});

test('search a serial (typed loosely, as a scanner types) and see the order it shipped in', async () => {
  const lookup = await admin(`/v1/serials/${encodeURIComponent(demo.samples.genuine)}`);
  const orderId = lookup.record.shipment.orderId;
  const { part, errors, close } = await open({ screen: 'search' });
  await part('serial-input').pressSequentially(demo.samples.loose, { delay: 5 });
  await part('serial-input').press('Enter');
  await part('unit-card').waitFor();
  assert.equal((await part('unit-sku').textContent()).trim(), 'HP-200 · Aurora ANC headphones');
  assert.equal(await part('unit-status').getAttribute('data-status'), 'shipped');
  assert.equal((await part('order-id').first().textContent()).trim(), orderId);
  assert.ok((await part('timeline').locator('li').count()) >= 2);
  // Ready for the next scan: focus kept, text selected.
  assert.equal(
    await part('serial-input').evaluate((input) => input.selectionEnd - input.selectionStart),
    demo.samples.loose.length,
  );
  await part('serial-input').press('Control+a');
  await part('serial-input').pressSequentially(demo.samples.unknown, { delay: 5 });
  await part('serial-input').press('Enter');
  await part('not-found').waitFor();
  assert.deepEqual(errors, []);
  await close();
});

test('a serial typed wrong offers the real units it could be; taking one opens its card', async () => {
  const { page, part, errors, close } = await open({ screen: 'search' });
  const search = async (typed) => {
    await part('serial-input').fill(typed);
    await part('serial-input').press('Enter');
    await part('not-found').waitFor();
    await part('suggestions').waitFor();
  };
  // One wrong digit of a serial with a check digit: the real unit is offered.
  await search(demo.samples.wrongDigit);
  assert.ok(
    (await part('not-found').textContent())
      .trim()
      .startsWith(`No unit ${demo.samples.wrongDigit}.`),
  );
  await part('suggestion').filter({ hasText: demo.samples.genuine }).click();
  await part('unit-card').waitFor();
  assert.equal((await part('unit-sku').textContent()).trim(), 'HP-200 · Aurora ANC headphones');
  assert.equal(await part('serial-input').inputValue(), demo.samples.genuine);
  assert.equal(await part('suggestions').count(), 0);

  // Two digits swapped in a format without a check character: still a valid serial, not
  // registered, and the real charger is among the units one edit away.
  const chargers = (await admin('/v1/serials?sku=CH-65W&limit=50')).items.map((u) => u.serial);
  const registered = new Set(chargers);
  let real;
  let typo;
  for (const serial of chargers) {
    for (let i = serial.length - 2; i >= 3 && !typo; i--) {
      if (serial[i] === serial[i + 1]) continue;
      const swapped = serial.slice(0, i) + serial[i + 1] + serial[i] + serial.slice(i + 2);
      const known = await fetch(`${url}/v1/serials/${swapped}?sku=CH-65W`, {
        headers: { authorization: `Bearer ${apiKey}` },
      });
      if (!registered.has(swapped) && known.status === 404) typo = swapped;
    }
    if (typo) {
      real = serial;
      break;
    }
  }
  assert.ok(typo, 'a charger serial with a swap that is no unit');
  await search(typo);
  const offered = await part('suggestion').evaluateAll((buttons) =>
    buttons.map((b) => b.dataset.serial),
  );
  assert.ok(offered.includes(real), `${real} offered for ${typo}: ${offered}`);
  await part('suggestion').filter({ hasText: real }).focus();
  await page.keyboard.press('Enter');
  await part('unit-card').waitFor();
  assert.equal(await part('serial-input').inputValue(), real);
  assert.match((await part('unit-sku').textContent()).trim(), /^CH-65W/);
  assert.deepEqual(errors, []);
  await close();
});

test("correct units from their card: edit a lot, lift a unit's recall, and read a refusal", async () => {
  const { page, part, errors, close } = await open({ screen: 'search' });
  const find = async (serial) => {
    await part('serial-input').fill(serial);
    await part('serial-input').press('Enter');
    await page.locator(`[part~="unit-card"] #unit-title:text-is("${serial}")`).waitFor();
  };
  const units = (await admin('/v1/serials?sku=CH-65W&status=in_stock&recalled=false&limit=2'))
    .items;

  // Edit: only what changed is sent; the service keeps the old lot in the history.
  await find(units[0].serial);
  assert.deepEqual(
    await part('correction').evaluateAll((buttons) => buttons.map((b) => b.dataset.correction)),
    ['void', 'edit'],
  );
  await page.locator('[part~="correction"][data-correction="edit"]').click();
  await part('edit-lot').fill('FIXED-1');
  await part('correction-reason').fill('Label misprinted');
  await part('apply-correction').click();
  await page.locator('[part~="correction-outcome"]:has-text("updated")').waitFor();
  assert.equal((await admin(`/v1/serials/${units[0].serial}`)).record.lot, 'FIXED-1');

  // Lift the recall of one recalled unit (not the storefront's sample).
  const recalled = (await admin('/v1/serials?recalled=true&limit=5')).items.find(
    (u) => u.serial !== demo.samples.recalled,
  );
  await find(recalled.serial);
  await page.locator('[part~="correction"][data-correction="liftRecall"]').click();
  assert.equal(await part('apply-correction').isDisabled(), true, 'a reason is needed first');
  await part('correction-reason').fill('Board revision B, not affected');
  await part('correction-reason').press('Enter');
  await page.locator('[part~="correction-outcome"]:has-text("no longer under a recall")').waitFor();
  const lifted = await admin(
    `/v1/serials/${encodeURIComponent(recalled.serial)}?sku=${recalled.sku}`,
  );
  assert.equal(lifted.record.recallId, undefined);

  // A unit changed elsewhere meanwhile: the service refuses, and the card says why.
  await find(units[1].serial);
  await page.locator('[part~="correction"][data-correction="void"]').click();
  await fetch(`${url}/v1/corrections/void`, {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ serial: units[1].serial, sku: 'CH-65W', reason: 'Duplicate label' }),
  });
  await part('correction-reason').fill('Registered twice');
  await part('apply-correction').click();
  await page.locator('[part~="correction-outcome"]:has-text("Refused")').waitFor();
  assert.match(
    await part('correction-outcome').textContent(),
    /\(not_found\)/,
    'voided and freed meanwhile',
  );
  assert.deepEqual(errors, []);
  await close();
});

test('the Units list filters by lot and status and exports the same units as CSV', async () => {
  const { page, part, close } = await open({ screen: 'units' });
  await page.locator('serialkit-unit-list #lot').fill('K3M9');
  await page.locator('serialkit-unit-list #status').selectOption('shipped');
  await part('apply').click();
  await page.waitForFunction(() => {
    const list = document
      .querySelector('serialkit-console')
      .shadowRoot.querySelector('serialkit-unit-list').shadowRoot;
    const rows = [...list.querySelectorAll('tbody tr')];
    return rows.length > 0 && rows.every((tr) => tr.textContent.includes('K3M9'));
  });
  const download = page.waitForEvent('download');
  await part('export').click();
  const file = await (await download).path();
  const csv = readFileSync(file, 'utf8').trim().split('\n');
  const expected = (await admin('/v1/serials?lot=K3M9&status=shipped&limit=1000')).items.length;
  assert.equal(csv.length - 1, expected);
  await close();
});

test('inspect a return that does not match: the verdict names the order it shipped in', async () => {
  const { orderId } = demo.samples.returnCheck;
  const lookup = await admin(`/v1/serials/${encodeURIComponent(demo.samples.genuine)}`);
  const { part, errors, close } = await open({ screen: 'returns' });
  await part('serial-input').fill(demo.samples.genuine);
  await part('order-input').fill(orderId);
  await part('order-input').press('Enter');
  await part('verdict').waitFor();
  assert.equal(await part('verdict').getAttribute('data-verdict'), 'mismatch');
  assert.match(await part('verdict').textContent(), new RegExp(lookup.record.shipment.orderId));
  assert.equal(await part('accept').isDisabled(), true, 'a mismatch cannot be accepted');
  await part('reason-input').fill('Not the unit we shipped');
  await part('reject').click();
  await part('outcome').waitFor();
  assert.match(await part('outcome').textContent(), /rejected/);
  const history = await admin(`/v1/serials/${encodeURIComponent(demo.samples.genuine)}`);
  assert.ok(history.events.some((e) => e.type === 'return_rejected'));
  assert.deepEqual(errors, []);
  await close();
});

test('build a recall by lot, see the count, create it and download its contacts', async () => {
  // A lot with units out with customers and not recalled yet.
  const shipped = await admin('/v1/serials?sku=BAT-18650&status=shipped&recalled=false&limit=1');
  const { lot } = shipped.items[0];
  const expected = (await admin(`/v1/serials?sku=BAT-18650&lot=${lot}&limit=1000`)).items.length;
  assert.ok(expected > 0);
  const { page, part, errors, close } = await open({ screen: 'recalls' });
  await part('sku-select').locator('option[value="BAT-18650"]').waitFor({ state: 'attached' });
  await part('sku-select').selectOption('BAT-18650');
  await part('lot-input').fill(lot);
  await page.locator(`[part~="count"][data-affected="${expected}"]`).waitFor();
  assert.match(
    await part('count').textContent(),
    new RegExp(`${expected} units would be recalled`),
  );
  assert.equal(await part('create').isDisabled(), true, 'a notice is needed first');
  await part('notice-input').fill(`Lot ${lot} may overheat. Stop using it.`);
  await part('create').click();
  await part('outcome').waitFor();
  assert.match(await part('outcome').textContent(), new RegExp(`: ${expected} units`));
  const download = page.waitForEvent('download');
  await part('download-new-contacts').click();
  const csv = readFileSync(await (await download).path(), 'utf8')
    .trim()
    .split('\n');
  assert.match(csv[0], /^kind,order_id,channel,customer_id,email/);
  const recalls = (await admin('/v1/recalls?sku=BAT-18650')).items;
  const created = recalls.find((r) => r.criteria.lot === lot);
  const contacts = await admin(`/v1/recalls/${created.id}/contacts?limit=1000`);
  assert.equal(csv.length - 1, contacts.items.length);
  assert.ok(contacts.items.length > 0, 'the lot has units with customers');
  assert.deepEqual(errors, []);
  await close();
});

test('an open recall shows its progress from the service, and closes after confirming', async () => {
  const open_ = (await admin('/v1/recalls?limit=100')).items.filter((r) => r.status !== 'closed');
  assert.ok(open_.length > 0, 'the demo has an open recall');
  const recall = open_.at(-1);
  const progress = await admin(`/v1/recalls/${recall.id}/progress`);
  const { page, part, errors, close } = await open({ screen: 'recalls' });
  const row = page.locator(`serialkit-recalls tr[data-recall="${recall.id}"]`);
  await row.locator('[part~="progress"]').waitFor();
  const done = Math.min(progress.returned + progress.replaced, progress.affected);
  assert.match(await row.textContent(), new RegExp(`${done} of ${progress.affected} units`));
  assert.match(
    await row.textContent(),
    new RegExp(
      `Returned ${progress.returned} · replaced ${progress.replaced} · unreachable ${progress.unreachable}`,
    ),
  );
  await row.locator('[part~="close-recall"]').click();
  await row.locator('[part~="confirm-close"]').waitFor();
  await page.keyboard.press('Escape');
  await row.locator('[part~="close-recall"]').waitFor();
  assert.notEqual((await admin(`/v1/recalls/${recall.id}`)).status, 'closed');
  await row.locator('[part~="close-recall"]').click();
  await row.locator('[part~="confirm-close"]').click();
  await page
    .locator(`serialkit-recalls tr[data-recall="${recall.id}"][data-status="closed"]`)
    .waitFor();
  assert.match(await part('outcome').textContent(), new RegExp(`Recall ${recall.id} closed`));
  assert.equal((await admin(`/v1/recalls/${recall.id}`)).status, 'closed');
  assert.deepEqual(errors, []);
  await close();
});

test('build a recall of two SKUs by shipment window and see the count', async () => {
  const { page, part, errors, close } = await open({ screen: 'recalls' });
  await part('sku-select').locator('option[value="HP-200"]').waitFor({ state: 'attached' });
  await part('sku-select').selectOption(['HP-200', 'CH-65W']);
  await part('shipped-from').fill('2000-01-01');
  await part('shipped-to').fill('2999-12-31');
  await page.locator('[part~="count"][data-affected]').waitFor();
  const preview = await fetch(`${url}/v1/recalls/preview`, {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      skus: ['HP-200', 'CH-65W'],
      shippedBetween: { from: '2000-01-01T00:00:00.000Z', to: '2999-12-31T23:59:59.999Z' },
    }),
  }).then((r) => r.json());
  assert.ok(preview.affected > 0);
  assert.equal(await part('count').getAttribute('data-affected'), String(preview.affected));
  assert.deepEqual(errors, []);
  await close();
});

test('import a CSV with two bad rows and read their errors', async () => {
  const csv = [
    'sku,serial,lot',
    'CH-65W,ZZZ0000001,L9',
    'CH-65W,ZZZ0000002,L9',
    'CH-65W,12,L9',
    'NOPE-1,ZZZ0000003,L9',
    'CH-65W,ZZZ0000004,L9',
  ].join('\n');
  const { page, part, errors, close } = await open({ screen: 'import' });
  await part('file-input').setInputFiles({
    name: 'units.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv),
  });
  await part('start').click();
  await part('summary').waitFor();
  assert.match(await part('summary').textContent(), /5 rows read, 3 imported, 2 with errors/);
  const rows = part('errors').locator('tbody tr');
  assert.deepEqual(await rows.evaluateAll((trs) => trs.map((tr) => tr.dataset.line)), ['4', '5']);
  assert.match(await rows.nth(1).textContent(), /unknown_sku/);
  const download = page.waitForEvent('download');
  await part('download-errors').click();
  const report = readFileSync(await (await download).path(), 'utf8')
    .trim()
    .split('\n');
  assert.equal(report.length, 3);
  assert.match(report[1], /^4,/);
  assert.deepEqual(errors, []);
  await close();
});

test('the overview shows the numbers as charts', async () => {
  // A few verifications today, so the chart has bars.
  for (const input of [demo.samples.genuine, demo.samples.recalled, demo.samples.unknown]) {
    await fetch(`${url}/v1/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ input }),
    });
  }
  const { page, part, errors, close } = await open({ screen: 'overview' });
  await part('tiles').waitFor();
  assert.ok((await page.locator('serialkit-overview svg rect').count()) > 0);
  assert.match(await part('hbars').textContent(), /Shipped/);
  const mismatches = page.locator('serialkit-overview [data-tile="mismatches"] .number');
  assert.ok(Number(await mismatches.textContent()) >= 1, 'the rejected return of this run');
  assert.deepEqual(errors, []);
  await close();
});

test('pack an order from the shop: scans checked against its lines, a wrong unit refused, shipped', async () => {
  const order = await admin('/v1/orders/ORD-2002');
  assert.equal(order.status, 'open');
  const inStock = async (sku, limit) =>
    (await admin(`/v1/serials?sku=${sku}&status=in_stock&recalled=false&limit=${limit}`)).items.map(
      (unit) => unit.serial,
    );
  const units = [];
  for (const line of order.lines) {
    for (const serial of await inStock(line.sku, line.quantity))
      units.push({ sku: line.sku, serial });
  }
  assert.equal(
    units.length,
    order.lines.reduce((n, line) => n + line.quantity, 0),
  );
  const { page, part, errors, close } = await open({ screen: 'pack' });
  await part('order-input').fill('ORD-2002');
  await part('order-input').press('Enter');
  await part('lines').waitFor();
  const scan = async (serial) => {
    await part('scan-input').fill(serial);
    await part('scan-input').press('Enter');
    await part('answer').filter({ hasText: serial }).waitFor();
    return part('answer').getAttribute('data-outcome');
  };
  // A unit of a SKU the order does not have, and one of its SKU that already left: refused.
  assert.equal(await scan(demo.samples.genuine), 'wrong_sku');
  const gone = (await admin(`/v1/serials?sku=${order.lines[0].sku}&status=shipped&limit=1`)).items;
  assert.equal(await scan(gone[0].serial), 'already_shipped');
  assert.equal((await admin('/v1/orders/ORD-2002')).picks.length, 0);
  // A unit of the check-digit SKU typed with one wrong digit: the station suggests the real one.
  const typed = units.find((unit) => unit.sku === 'BAT-18650');
  const rest = units.filter((unit) => unit !== typed);
  const i = typed.serial.search(/\d(?=[^-]*$)/);
  const typo =
    typed.serial.slice(0, i) + ((Number(typed.serial[i]) + 1) % 10) + typed.serial.slice(i + 1);
  assert.equal(await scan(typo), 'mistyped');
  await part('suggestion').filter({ hasText: typed.serial }).click();
  // The mistyped answer names the suggestion too: wait for the next answer.
  await page.locator('[part~="answer"]:not([data-outcome="mistyped"])').waitFor();
  assert.equal(await part('answer').getAttribute('data-outcome'), 'accepted');
  for (const { serial } of rest) assert.equal(await scan(serial), 'accepted', serial);
  assert.equal(await scan(typed.serial), 'already_picked');
  await part('ship').click();
  await part('outcome').waitFor();
  const shipped = await admin('/v1/orders/ORD-2002');
  assert.equal(shipped.status, 'shipped');
  assert.deepEqual(
    shipped.shipments[0].units.map((u) => u.serial).sort(),
    units.map((u) => u.serial).sort(),
  );
  const lookup = await admin(`/v1/serials/${encodeURIComponent(units[0].serial)}`);
  assert.equal(lookup.record.status, 'shipped');
  assert.equal(lookup.record.shipment.orderId, 'ORD-2002');
  assert.deepEqual(errors, []);
  await close();
});

test('subscribe a receiver to shipments, read its delivery log, disable and delete it', async () => {
  // A receiver on a free loopback port that accepts every message.
  const received = [];
  const receiver = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: JSON.parse(body) });
      response.writeHead(204).end();
    });
  });
  await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const hook = `http://127.0.0.1:${receiver.address().port}/hooks`;
  const { page, part, errors, close } = await open({ screen: 'webhooks' });
  try {
    await part('url-input').fill(hook);
    await page.getByLabel('A unit shipped').check();
    await part('description-input').fill('Warehouse feed');
    await part('create').click();
    await part('secret').waitFor();
    assert.match(await part('secret').textContent(), /^whsec_/);
    const subscription = (await admin('/v1/webhooks')).items.find((s) => s.url === hook);
    assert.deepEqual(subscription.eventTypes, ['unit.shipped']);
    assert.equal(subscription.secret, undefined, 'the list never shows the secret');

    // Ship a unit: the service delivers `unit.shipped` to the receiver.
    const unit = (await admin('/v1/serials?sku=CH-65W&status=in_stock&limit=1')).items[0];
    const shipped = await fetch(`${url}/v1/shipments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        orderId: 'ORD-HOOK-1',
        channel: 'b2c',
        customer: { email: 'grace@example.com', name: 'Grace Hopper' },
        lines: [{ sku: 'CH-65W', serials: [unit.serial] }],
      }),
    });
    assert.equal(shipped.status, 201);
    for (let i = 0; i < 100 && received.length === 0; i++) await page.waitForTimeout(100);
    assert.equal(received[0]?.body.type, 'unit.shipped');

    const row = page.locator(`serialkit-webhooks tr[data-subscription="${subscription.id}"]`);
    await row.locator('[part~="show-log"]').click();
    const attempt = part('deliveries').locator('tbody tr[data-ok="true"]').first();
    await attempt.waitFor();
    assert.match(await attempt.textContent(), /unit\.shipped/);
    assert.match(await attempt.textContent(), /204/);
    assert.match(await part('log').textContent(), /No dead letters/);

    await row.locator('[part~="toggle"]').click();
    await page
      .locator(
        `serialkit-webhooks tr[data-subscription="${subscription.id}"][data-enabled="false"]`,
      )
      .waitFor();
    assert.equal(
      (await admin('/v1/webhooks')).items.find((s) => s.id === subscription.id).enabled,
      false,
    );

    await row.locator('[part~="remove"]').click();
    await part('confirm-remove').click();
    await row.waitFor({ state: 'detached' });
    assert.equal(
      (await admin('/v1/webhooks')).items.some((s) => s.id === subscription.id),
      false,
    );
    assert.deepEqual(errors, []);
  } finally {
    receiver.close();
    await close();
  }
});

test('every screen has no axe violations', async () => {
  const { page, part, close } = await open({ screen: 'skus', bypassCSP: true });
  for (const screen of [
    'overview',
    'skus',
    'search',
    'units',
    'pack',
    'returns',
    'recalls',
    'import',
    'webhooks',
  ]) {
    await page.locator(`[part~="nav-item"][data-screen="${screen}"]`).click();
    await page.waitForTimeout(400);
    assert.deepEqual(await axeViolations(page), [], screen);
  }
  await part('nav-item').first().waitFor();
  await close();
});

// ── Run ──
try {
  for (const { name, body } of cases) {
    try {
      await body();
      counts.passed++;
      console.log(`  ✓ ${name}`);
    } catch (error) {
      counts.failed++;
      console.log(
        `  ✗ ${name}\n    ${String(error?.stack ?? error)
          .split('\n')
          .join('\n    ')}`,
      );
    }
  }
} finally {
  await browser.close();
  service.stop();
}
mkdirSync(results, { recursive: true });
writeFileSync(join(results, 'e2e-console.json'), `${JSON.stringify(counts)}\n`);
console.log(`\n${counts.passed} passed, ${counts.failed} failed`);
process.exit(counts.failed > 0 ? 1 : 0);
