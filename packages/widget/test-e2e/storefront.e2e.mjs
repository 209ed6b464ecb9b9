/**
 * End to end: the real serialkit service (a throwaway SQLite store seeded with the demo data)
 * serves the storefront example and the widget bundle; headless Chromium drives the page as a
 * customer would. Writes its pass and fail counts to `.test-results/e2e.json`.
 *
 * Run: `node test-e2e/storefront.e2e.mjs` (builds the bundle first; needs the service built,
 * `npm run build -w @serialkit/core -w @serialkit/node-client`, which `npm test` does).
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const widget = fileURLToPath(new URL('..', import.meta.url));
const root = join(widget, '..', '..');
const cli = join(root, 'packages/node-client/dist/cli.js');
const bundle = join(widget, 'dist/serial-lookup.bundle.js');
const storefront = join(root, 'examples/storefront');
const results = join(widget, '.test-results');

// ── Builds ──
if (!existsSync(cli)) {
  console.log('› building @serialkit/core and @serialkit/node-client');
  const built = spawnSync(
    'npm',
    ['run', 'build', '-w', '@serialkit/core', '-w', '@serialkit/node-client'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (built.status !== 0) process.exit(1);
}
// The bundle is always rebuilt: the test must see the element's current sources.
const bundled = spawnSync(process.execPath, ['scripts/bundle.mjs'], {
  cwd: widget,
  stdio: 'inherit',
});
if (bundled.status !== 0) process.exit(1);

// ── Service ──
const dir = mkdtempSync(join(tmpdir(), 'serialkit-e2e-'));
const db = join(dir, 'demo.db');
const seeded = spawnSync(
  process.execPath,
  [cli, 'demo', '--db', db, '--units', '2000', '--force', '--json'],
  {
    encoding: 'utf8',
  },
);
if (seeded.status !== 0) {
  console.error(seeded.stderr);
  process.exit(1);
}
const { samples } = JSON.parse(seeded.stdout);
const apiKey = `sk_e2e_${randomBytes(16).toString('hex')}`;
const server = spawn(
  process.execPath,
  [
    cli,
    'serve',
    '--db',
    db,
    '--port',
    '0',
    '--static',
    storefront,
    '--asset',
    `/assets/serial-lookup.js=${bundle}`,
    '--json',
  ],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: {
      ...process.env,
      SERIALKIT_API_KEY: apiKey,
      SERIALKIT_VERIFY_SECRET: randomBytes(32).toString('base64url'),
    },
  },
);
const url = await new Promise((resolve, reject) => {
  let output = '';
  server.stdout.setEncoding('utf8');
  server.stdout.on('data', (chunk) => {
    output += chunk;
    const end = output.indexOf('\n}');
    if (end !== -1) resolve(JSON.parse(output.slice(0, end + 2)).url);
  });
  server.on('exit', (code) => reject(new Error(`the service exited (${code}) before listening`)));
});

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-dev-shm-usage'],
});

function cleanUp() {
  server.kill();
  rmSync(dir, { recursive: true, force: true });
}

// ── Cases ──
const counts = { passed: 0, failed: 0 };
const cases = [];
const test = (name, body) => cases.push({ name, body });

/** A fresh page of the storefront, and helpers scoped to one of its two elements. */
async function open(path = '/', { bypassCSP = false } = {}) {
  // Pages run under the storefront's Content-Security-Policy, as a shopper's browser runs them;
  // only the axe check, which injects its script inline, bypasses it.
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, bypassCSP });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error));
  const requests = [];
  page.on('request', (request) => {
    if (request.url().includes('/v1/')) requests.push(request);
  });
  await page.goto(`${url}${path}`);
  await page.waitForFunction(() => customElements.get('serial-lookup'));
  const element = (id) => {
    const host = page.locator(`serial-lookup#${id}`);
    const part = (name) => host.locator(`[part~="${name}"]`);
    // The shop's own text for a state: rendered only while its slot is.
    const slotted = (name) => page.locator(`serial-lookup#${id} > [slot="${name}"]`);
    return { host, part, slotted };
  };
  return {
    page,
    errors,
    requests,
    verify: element('verify'),
    returns: element('return'),
    register: element('register'),
  };
}

async function resultOf(part) {
  const result = part('result');
  await result.waitFor({ timeout: 5000 });
  return {
    status: await result.getAttribute('data-status'),
    title: (await part('result-title').textContent()).trim(),
    text: (await result.textContent()).replace(/\s+/g, ' ').trim(),
  };
}

test('a genuine serial is confirmed with its product', async () => {
  const { page, verify, errors } = await open();
  await verify.part('serial-input').fill(samples.genuine);
  await verify.part('hint').filter({ hasText: 'Aurora ANC headphones' }).waitFor();
  await verify.part('serial-input').press('Enter');
  const result = await resultOf(verify.part);
  assert.equal(result.status, 'genuine');
  assert.equal(result.title, 'Genuine product');
  assert.match(result.text, /Aurora ANC headphones/);
  assert.equal(await verify.slotted('genuine').isVisible(), true);
  assert.equal(await verify.slotted('recalled').isVisible(), false);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a loosely typed serial (lower case, spaces) is read as the genuine one', async () => {
  const { page, verify, requests } = await open();
  await verify.part('serial-input').fill(samples.loose);
  await verify.part('submit').click();
  assert.equal((await resultOf(verify.part)).status, 'genuine');
  const sent = requests.find((r) => r.url().endsWith('/v1/verify'));
  assert.deepEqual(JSON.parse(sent.postData()), { input: samples.genuine });
  await page.close();
});

test('a recalled serial shows the recall notice and the merchant’s link', async () => {
  const { page, verify } = await open();
  await verify.part('serial-input').fill(samples.recalled);
  await verify.part('submit').click();
  const result = await resultOf(verify.part);
  assert.equal(result.status, 'recalled');
  assert.match(await verify.part('recall-notice').textContent(), /overheat/);
  assert.match(await verify.part('result-link').getAttribute('href'), /^https:\/\//);
  assert.equal(await verify.slotted('recalled').isVisible(), true);
  await page.close();
});

test('an unknown serial says it cannot be found', async () => {
  const { page, verify } = await open();
  await verify.part('serial-input').fill(samples.unknown);
  await verify.part('submit').click();
  const result = await resultOf(verify.part);
  assert.equal(result.status, 'unknown');
  assert.equal(result.title, 'We can’t find this serial number');
  await page.close();
});

test('a mistyped serial (the letter O for a zero) is fixed by the suggestion, then confirmed', async () => {
  const { page, verify, requests } = await open();
  const mistyped = samples.genuine.replace(/-0/, '-O');
  assert.notEqual(mistyped, samples.genuine);
  await verify.part('serial-input').fill(mistyped);
  await verify.part('serial-input').press('Enter');
  const suggestion = verify.part('suggestion');
  await suggestion.waitFor();
  assert.equal((await suggestion.textContent()).trim(), samples.genuine);
  assert.equal(requests.filter((r) => r.url().endsWith('/v1/verify')).length, 0);
  await suggestion.click();
  assert.equal(await verify.part('serial-input').inputValue(), samples.genuine);
  await verify.part('serial-input').press('Enter');
  assert.equal((await resultOf(verify.part)).status, 'genuine');
  await page.close();
});

test('a serial whose check digit is wrong is stopped before it is sent', async () => {
  const { page, verify, requests } = await open();
  await verify.part('serial-input').fill(samples.wrongDigit);
  await verify.part('submit').click();
  await verify.part('issue').waitFor();
  assert.match(await verify.part('issue').textContent(), /check/i);
  assert.equal(requests.filter((r) => r.url().endsWith('/v1/verify')).length, 0);
  await page.close();
});

test('a return of the unit the order contained matches, with the return instructions', async () => {
  const { page, returns } = await open();
  const { orderId, email, serial } = samples.returnCheck;
  await returns.part('order-input').fill(orderId);
  await returns.part('contact-input').fill(email);
  await returns.part('serial-input').fill(serial);
  await returns.part('submit').click();
  const result = await resultOf(returns.part);
  assert.equal(result.status, 'match');
  assert.equal(result.title, 'This item is from your order');
  assert.equal(await returns.slotted('send-back').isVisible(), true);
  assert.equal(await returns.slotted('contact-support').isVisible(), false);
  await page.close();
});

test('a return of another unit does not match, and reveals nothing about its order', async () => {
  const { page, returns } = await open();
  const { orderId, postcode } = samples.returnCheck;
  await returns.part('order-input').fill(orderId);
  await returns.part('contact-input').fill(postcode);
  await returns.part('serial-input').fill(samples.genuine);
  await returns.part('submit').click();
  const result = await resultOf(returns.part);
  assert.equal(result.status, 'mismatch');
  assert.match(result.text, /contact our support team/);
  assert.equal(await returns.slotted('contact-support').isVisible(), true);
  assert.doesNotMatch(result.text, /ORD-/);
  await page.close();
});

test('a return with the wrong email finds no order', async () => {
  const { page, returns } = await open();
  await returns.part('order-input').fill(samples.returnCheck.orderId);
  await returns.part('contact-input').fill('someone.else@example.com');
  await returns.part('serial-input').fill(samples.returnCheck.serial);
  await returns.part('submit').click();
  assert.equal((await resultOf(returns.part)).status, 'order_not_found');
  await page.close();
});

/** Fills in the register form as an owner would, sends it and returns the service's answer. */
async function registerAs(register, page, name, email) {
  await register.part('serial-input').fill(samples.genuine);
  await register.part('name-input').fill(name);
  await register.part('email-input').fill(email);
  await register.part('consent').check();
  const answer = page.waitForResponse((r) => r.url().endsWith('/v1/owners'));
  await register.part('submit').click();
  const response = await answer;
  return { status: response.status(), text: await response.text() };
}

test('an owner registers their unit; the public answer carries no personal data', async () => {
  const { page, register, errors } = await open();
  const first = await registerAs(register, page, 'Ada Lovelace', 'ada.e2e@example.com');
  assert.equal(first.status, 200);
  assert.deepEqual(JSON.parse(first.text), { status: 'received', serial: samples.genuine });
  assert.doesNotMatch(first.text, /ada|lovelace|@/i);
  const result = await resultOf(register.part);
  assert.equal(result.status, 'received');
  assert.equal(result.title, 'Registration received');
  assert.equal(await register.slotted('registered').isVisible(), true);
  assert.deepEqual(errors, []);
  await page.close();

  // Someone else registers the same unit: the same answer, word for word.
  const second = await open();
  const again = await registerAs(second.register, second.page, 'Mallory', 'mallory@example.com');
  assert.equal(again.text, first.text);
  assert.equal((await resultOf(second.register.part)).status, 'received');
  await second.page.close();

  // The merchant sees both: the owner, and the second registration to review.
  const owners = await fetch(`${url}/v1/owners?serial=${encodeURIComponent(samples.genuine)}`, {
    headers: { authorization: `Bearer ${apiKey}` },
  }).then((response) => response.json());
  assert.deepEqual(
    owners.items.map((o) => [o.email, o.status]),
    [
      ['ada.e2e@example.com', 'active'],
      ['mallory@example.com', 'pending_review'],
    ],
  );
  // And no public route gives them away.
  const listed = await fetch(`${url}/v1/owners?serial=${encodeURIComponent(samples.genuine)}`);
  assert.equal(listed.status, 401);
});

test('the register form refuses to send without consent', async () => {
  const { page, register, requests } = await open();
  await register.part('serial-input').fill(samples.genuine);
  await register.part('name-input').fill('Ada Lovelace');
  await register.part('email-input').fill('ada@example.com');
  await register.part('submit').click();
  await register.part('issue').waitFor();
  assert.match(await register.part('issue').textContent(), /Tick the box/);
  assert.equal(requests.filter((r) => r.url().endsWith('/v1/owners')).length, 0);
  await page.close();
});

test('the page’s language switch changes every element', async () => {
  const { page, verify, returns, register } = await open();
  await page.selectOption('#language', 'de');
  await verify.part('submit').filter({ hasText: 'Seriennummer prüfen' }).waitFor();
  await returns.part('submit').filter({ hasText: 'Rücksendung prüfen' }).waitFor();
  await register.part('submit').filter({ hasText: 'Produkt registrieren' }).waitFor();
  await page.evaluate(() => localStorage.removeItem('northwind-language'));
  await page.close();
});

test('the storefront page has no axe violations, before and after checks', async () => {
  const { page, verify, returns, register } = await open('/', { bypassCSP: true });
  // axe-core comes with @open-wc/testing, which the browser tests use.
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const violations = async () =>
    page.evaluate(async () => {
      const { violations } = await globalThis.axe.run(document);
      return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
  assert.deepEqual(await violations(), []);
  await verify.part('serial-input').fill(samples.recalled);
  await verify.part('submit').click();
  await resultOf(verify.part);
  await returns.part('submit').click();
  await returns.part('issue').waitFor();
  await register.part('submit').click();
  await register.part('issue').waitFor();
  await page.waitForTimeout(300);
  assert.deepEqual(await violations(), []);
  await page.close();
});

test('a GS1 Digital Link to the page is checked at once (autocheck), without a tap', async () => {
  const sku = await fetch(`${url}/v1/skus/HP-200`, {
    headers: { authorization: `Bearer ${apiKey}` },
  }).then((response) => response.json());
  const path = `/01/${sku.gtin.padStart(14, '0')}/21/${encodeURIComponent(samples.genuine)}`;
  const served = await fetch(`${url}${path}`, { headers: { accept: 'text/html' } });
  assert.equal(served.status, 200, 'the service answers Digital Link paths with the storefront');
  assert.match(served.headers.get('content-type') ?? '', /text\/html/);
  const { page, verify, returns, requests, errors } = await open(path);
  // No key pressed, nothing clicked: the answer comes by itself.
  const result = await resultOf(verify.part);
  assert.equal(result.status, 'genuine');
  assert.equal(result.title, 'Genuine product');
  assert.equal(await verify.part('serial-input').inputValue(), samples.genuine);
  const verifies = requests.filter((r) => r.url().endsWith('/v1/verify'));
  assert.equal(verifies.length, 1, 'one check, from the verify element only');
  // The service gets the link itself, with the GTIN that names the product.
  assert.match(JSON.parse(verifies[0].postData()).input, new RegExp(`${path}$`));
  assert.equal(await returns.part('result').count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the element loads its chunks from beside its script, each when it is needed', async () => {
  const page = await browser.newPage();
  const scripts = [];
  page.on('response', (response) => {
    if (response.url().endsWith('.js')) scripts.push([response.url(), response.status()]);
  });
  await page.goto(`${url}/`);
  const verify = page.locator('serial-lookup#verify');
  await verify.locator('[part~="serial-input"]').fill(samples.genuine);
  await verify.locator('[part~="hint"]').filter({ hasText: 'Aurora ANC headphones' }).waitFor();
  const chunk = (name) =>
    scripts.find(([address]) => address.includes(`/assets/serial-lookup.${name}-`));
  for (const [address, status] of scripts) {
    assert.equal(status, 200, `${address} answered ${status}`);
    assert.ok(
      address === `${url}/assets/serial-lookup.js` ||
        address.startsWith(`${url}/assets/serial-lookup.`),
      `${address} is not beside the element's script`,
    );
  }
  assert.ok(chunk('format-engine'), 'the format engine loaded for the live format help');
  assert.equal(chunk('de'), undefined, 'German is not loaded on an English page');
  assert.equal(chunk('barcode-scanner'), undefined, 'the scanner waits for a tap on Scan');
  assert.ok(chunk('register-form'), 'the register form loaded for the page’s register element');
  await page.selectOption('#language', 'de');
  await verify.locator('[part~="submit"]').filter({ hasText: 'Seriennummer prüfen' }).waitFor();
  assert.equal(chunk('de')?.[1], 200);
  await page.evaluate(() => localStorage.removeItem('northwind-language'));
  await page.close();
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
  cleanUp();
}
mkdirSync(results, { recursive: true });
writeFileSync(join(results, 'e2e.json'), `${JSON.stringify(counts)}\n`);
console.log(`\n${counts.passed} passed, ${counts.failed} failed`);
process.exit(counts.failed > 0 ? 1 : 0);
