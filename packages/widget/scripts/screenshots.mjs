/**
 * The README's screenshots: every state of <serial-lookup>, rendered by headless Chromium from
 * the built bundle, against a tiny local server that answers each state. Writes docs/*.png.
 *
 * Run: `npm run screenshots` (builds the bundle first); `npm run screenshots -- register` takes only
 * the screenshots whose name contains `register`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const widget = fileURLToPath(new URL('..', import.meta.url));
const docs = `${widget}docs`;
mkdirSync(docs, { recursive: true });
if (spawnSync(process.execPath, ['scripts/bundle.mjs'], { cwd: widget, stdio: 'inherit' }).status)
  process.exit(1);
const bundle = readFileSync(`${widget}dist/serial-lookup.bundle.js`);

const formats = {
  version: 'demo-1',
  formats: [
    {
      sku: 'HP-200',
      name: 'Aurora ANC headphones',
      format: 'SN-{YYYY}-{D:6}{check:luhn}',
      hint: 'SN-YYYY-NNNNNN + check digit',
      example: 'SN-2024-0001238',
    },
  ],
};
const genuine = 'SN-2024-0001238';
const verify = (status, extra = {}) => ({
  status,
  serial: status === 'invalid' ? null : genuine,
  product:
    status === 'unknown' || status === 'invalid'
      ? null
      : { sku: 'HP-200', name: 'Aurora ANC headphones' },
  recall: null,
  reasons: [],
  issues: [],
  checkedAt: new Date().toISOString(),
  ...extra,
});

/** What each endpoint prefix answers (the element's `endpoint` picks the state). */
const answers = {
  genuine: () => [200, verify('genuine')],
  unknown: () => [200, verify('unknown')],
  recalled: () => [
    200,
    verify('recalled', {
      recall: {
        notice:
          'Units made in May 2024 may overheat while charging. Stop using them; we replace them free of charge.',
        url: 'https://shop.example/recalls/hp-200',
      },
    }),
  ],
  suspicious: () => [200, verify('suspicious', { reasons: ['many_clients', 'sighted_elsewhere'] })],
  'rate-limited': () => [429, { error: { code: 'rate_limited', message: 'Too many requests' } }],
  'server-error': () => [500, { error: { code: 'internal', message: 'Internal error' } }],
  match: () => [200, { verdict: 'match', next: 'send_back', issues: [] }],
  mismatch: () => [200, { verdict: 'mismatch', next: 'contact_support', issues: [] }],
  loading: () => new Promise(() => {}),
  received: () => [200, { status: 'received', serial: genuine }],
};

const server = createServer(async (request, response) => {
  const url = new URL(request.url, 'http://localhost');
  if (url.pathname === '/assets/serial-lookup.js') {
    response.writeHead(200, { 'content-type': 'text/javascript' });
    return response.end(bundle);
  }
  // The chunks the bundle loads on demand, from beside it.
  const chunk = url.pathname.match(/^\/assets\/(serial-lookup\.[\w-]+\.js)$/)?.[1];
  if (chunk && existsSync(`${widget}dist/${chunk}`)) {
    response.writeHead(200, { 'content-type': 'text/javascript' });
    return response.end(readFileSync(`${widget}dist/${chunk}`));
  }
  if (url.pathname === '/') {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    return response.end(
      `<!doctype html><html lang="${url.searchParams.get('lang') ?? 'en'}"><meta charset="utf-8">
      <style>body{margin:0;padding:20px;background:#fff;font-family:system-ui,sans-serif}
      ${url.searchParams.get('style') ?? ''}</style>
      <script type="module" src="/assets/serial-lookup.js"></script>
      ${url.searchParams.get('html')}`,
    );
  }
  const [, state, route] = url.pathname.match(/^\/([^/]+)(\/v1\/.*)$/) ?? [];
  if (route === '/v1/formats') {
    response.writeHead(200, { 'content-type': 'application/json', etag: `"${formats.version}"` });
    return response.end(JSON.stringify(formats));
  }
  const answer = answers[state];
  if (!answer) {
    response.writeHead(404);
    return response.end();
  }
  const [status, body] = await answer();
  response.writeHead(status, {
    'content-type': 'application/json',
    ...(status === 429 && { 'retry-after': '30' }),
  });
  response.end(JSON.stringify(body));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

/** Only the screenshots whose name contains this, when given. */
const only = process.argv[2];

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless=new', '--disable-gpu'],
});

const NORTHWIND = `serial-lookup{--serial-lookup-accent:#0f5e5a;--serial-lookup-accent-hover:#0a4441;
  --serial-lookup-radius:10px;--serial-lookup-focus:#b7791f;--serial-lookup-text:#14213d}
  serial-lookup::part(submit){border-radius:999px}`;

/**
 * One screenshot: the element alone, 440 px wide (a phone), after `act` drove it.
 * `scan` gives the page a BarcodeDetector, as Chrome on Android has.
 */
async function shoot(name, { html, act, lang, style, offline = false, scan = false }) {
  if (only && !name.includes(only)) return;
  const context = await browser.newContext({ viewport: { width: 480, height: 900 } });
  if (scan) {
    await context.addInitScript(() => {
      globalThis.BarcodeDetector = class {
        static async getSupportedFormats() {
          return ['qr_code', 'data_matrix'];
        }
        async detect() {
          return [];
        }
      };
    });
  }
  const page = await context.newPage();
  const query = new URLSearchParams({ html, ...(lang && { lang }), ...(style && { style }) });
  await page.goto(`${origin}/?${query}`);
  const element = page.locator('serial-lookup');
  await page.waitForFunction(() => customElements.get('serial-lookup'));
  await page.waitForTimeout(150);
  if (offline) await context.setOffline(true);
  await act?.(element, page);
  // Let the entrance animation end and the focus ring settle.
  await page.waitForTimeout(400);
  await element.screenshot({ path: `${docs}/${name}.png` });
  await context.close();
  console.log(`docs/${name}.png`);
}

const type = (text) => async (element) => {
  await element.locator('[part~="serial-input"]').fill(text);
};
const check = (text) => async (element) => {
  await element.locator('[part~="serial-input"]').fill(text);
  await element.locator('[part~="submit"]').click();
};
const verifyAt = (state) =>
  `<serial-lookup endpoint="/${state}" sku="HP-200" style="max-width:440px"></serial-lookup>`;

try {
  await shoot('empty', { html: verifyAt('genuine'), scan: true });
  await shoot('suggestion', { html: verifyAt('genuine'), act: type('SN-2024-0001283') });
  await shoot('loading', { html: verifyAt('loading'), act: check(genuine) });
  for (const state of ['genuine', 'unknown', 'recalled', 'suspicious']) {
    await shoot(state, { html: verifyAt(state), act: check(genuine) });
  }
  await shoot('invalid', {
    html: verifyAt('genuine'),
    act: async (element) => {
      await check('SN-2024-00012')(element);
    },
  });
  await shoot('offline', { html: verifyAt('genuine'), act: check(genuine), offline: true });
  await shoot('rate-limited', { html: verifyAt('rate-limited'), act: check(genuine) });
  await shoot('server-error', { html: verifyAt('server-error'), act: check(genuine) });
  for (const state of ['match', 'mismatch']) {
    await shoot(`return-${state}`, {
      html: `<serial-lookup endpoint="/${state}" mode="return" style="max-width:440px">
        <p slot="send-back" style="margin:0"><a href="#">Print your free return label</a></p>
      </serial-lookup>`,
      act: async (element) => {
        await element.locator('[part~="order-input"]').fill('ORD-100006');
        await element.locator('[part~="contact-input"]').fill('ada@example.com');
        await check(genuine)(element);
      },
    });
  }
  await shoot('german', { html: verifyAt('genuine'), lang: 'de', act: type('SN-2024-O001238') });
  await shoot('themed', {
    html: `<serial-lookup endpoint="/genuine" sku="HP-200" style="max-width:440px">
      <p slot="genuine" style="margin:0"><a href="#">Register your 2-year warranty</a></p>
    </serial-lookup>`,
    style: NORTHWIND,
    act: check(genuine),
  });
  const register = `<serial-lookup endpoint="/received" sku="HP-200" mode="register" style="max-width:440px">
      <p slot="registered" style="margin:0">Your 2-year warranty starts today.</p>
    </serial-lookup>`;
  const ownerDetails = async (element) => {
    await element.locator('[part~="serial-input"]').fill(genuine);
    await element.locator('[part~="name-input"]').fill('Ada Lovelace');
    await element.locator('[part~="email-input"]').fill('ada@example.com');
    await element.locator('[part~="consent"]').check();
  };
  await shoot('register-form', { html: register, act: ownerDetails });
  await shoot('register-received', {
    html: register,
    act: async (element) => {
      await ownerDetails(element);
      await element.locator('[part~="submit"]').click();
    },
  });
} finally {
  await browser.close();
  server.close();
}
