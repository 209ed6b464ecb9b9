#!/usr/bin/env node
/**
 * `npm start`: the serialkit demo from a fresh clone. Builds what is missing or stale, seeds
 * `.data/demo.db` once, then serves the API and the storefront on 127.0.0.1 (PORT or 8787) and
 * prints what to try. Ctrl-C stops it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const at = (...parts) => join(root, ...parts);
const port = process.env.PORT ?? '8787';
const bold = (text) => (process.stdout.isTTY ? `\u001b[1m${text}\u001b[22m` : text);

/** Newest modification time under a directory (0 when it does not exist). */
function newest(dir) {
  if (!existsSync(dir)) return 0;
  let time = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    time = Math.max(time, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return time;
}

function stale(pkg, output) {
  const built = existsSync(at(pkg, output)) ? statSync(at(pkg, output)).mtimeMs : 0;
  return built === 0 || newest(at(pkg, 'src')) > built;
}

function npm(args, what) {
  console.log(`› ${what}`);
  const result = spawnSync('npm', args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) {
    console.error(
      `\n${what} failed (exit ${result.status}). Fix the error above and run npm start again.`,
    );
    process.exit(result.status ?? 1);
  }
}

// ── Build ──
const workspaces = [];
if (stale('packages/core', 'dist/index.js')) workspaces.push('@serialkit/core');
if (stale('packages/node-client', 'dist/cli.js') || workspaces.length)
  workspaces.push('@serialkit/node-client');
if (workspaces.length) {
  npm(
    ['run', 'build', ...workspaces.flatMap((w) => ['-w', w])],
    `Building ${workspaces.join(', ')}`,
  );
}
const bundle = at('packages/widget/dist/serial-lookup.bundle.js');
const widget = at('packages/widget');
const widgetBuilds =
  JSON.parse(readFileSync(join(widget, 'package.json'), 'utf8')).scripts?.build &&
  readdirSync(widget).some((file) => /^(tsup|vite|rollup|esbuild)\.config\./.test(file));
if (
  widgetBuilds &&
  (!existsSync(bundle) || stale('packages/widget', 'dist/serial-lookup.bundle.js'))
) {
  console.log('› Building @serialkit/widget');
  const result = spawnSync('npm', ['run', 'build', '-w', '@serialkit/widget'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    console.warn(
      `The widget did not build (exit ${result.status}); the storefront page shows no widget.`,
    );
    console.warn(`${result.stdout}${result.stderr}`.trim().split('\n').slice(-8).join('\n'));
  }
}

const cli = at('packages/node-client/dist/cli.js');

// ── Demo data ──
const dataDir = at('.data');
mkdirSync(dataDir, { recursive: true });
const db = join(dataDir, 'demo.db');
const samplesFile = join(dataDir, 'demo.json');
// Bumped when the demo data set changes, so an old .data/ is reseeded instead of half-matching.
const DEMO_VERSION = 2;
const current = existsSync(samplesFile) ? JSON.parse(readFileSync(samplesFile, 'utf8')) : null;
if (!existsSync(db) || current?.demoVersion !== DEMO_VERSION) {
  console.log('› Seeding the demo database (100,000 units; a few seconds)');
  const seeded = spawnSync(process.execPath, [cli, 'demo', '--db', db, '--force', '--json'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  if (seeded.status !== 0) {
    console.error(`Seeding failed (exit ${seeded.status}).`);
    process.exit(seeded.status ?? 1);
  }
  writeFileSync(
    samplesFile,
    JSON.stringify({ ...JSON.parse(seeded.stdout), demoVersion: DEMO_VERSION }, null, 2),
  );
}
const demo = JSON.parse(readFileSync(samplesFile, 'utf8'));

// Keys and the verification secret are kept beside the data (mode 600), so a restart keeps the
// verification counts and scripts and the merchant-backend example can reuse the keys. They
// reach the server through its environment, never its command line (where ps shows them).
function kept(name, variable, make) {
  if (process.env[variable]) return process.env[variable];
  const file = join(dataDir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const value = make();
  writeFileSync(file, `${value}\n`, { mode: 0o600 });
  return value;
}
const apiKey = kept(
  'admin-key',
  'SERIALKIT_API_KEY',
  () => `sk_demo_${randomBytes(24).toString('base64url')}`,
);
const storeKey = kept(
  'store-key',
  'SERIALKIT_STORE_KEY',
  () => `sk_store_${randomBytes(24).toString('base64url')}`,
);
const verifySecret = kept('verify-secret', 'SERIALKIT_VERIFY_SECRET', () =>
  randomBytes(32).toString('base64url'),
);
// The demo shop's Shopify app secret: orders/create webhooks signed with it come in at
// /v1/platforms/shopify/webhooks (the merchant-backend example sends one).
const shopifySecret = kept('shopify-secret', 'SERIALKIT_SHOPIFY_SECRET', () =>
  randomBytes(24).toString('base64url'),
);

// ── Serve ──
const storefront = at('examples/storefront');
const args = [
  cli,
  'serve',
  '--db',
  db,
  '--host',
  '127.0.0.1',
  '--port',
  port,
  '--static',
  storefront,
  '--store-protocol',
  // The demo runs on 127.0.0.1, and so do the webhook receivers tried with it.
  '--webhooks-allow-private',
  '--json',
];
if (existsSync(bundle)) args.push('--asset', `/assets/serial-lookup.js=${bundle}`);
// The merchant console: its page at /admin, its script beside it.
const consoleBundle = at('packages/widget/dist/serialkit-console.bundle.js');
const consolePage = at('packages/widget/admin/index.html');
if (existsSync(consoleBundle)) {
  args.push('--asset', `/admin=${consolePage}`, '--asset', `/admin/=${consolePage}`);
  args.push('--asset', `/admin/console.js=${consoleBundle}`);
}
const server = spawn(process.execPath, args, {
  cwd: root,
  stdio: ['ignore', 'pipe', 'inherit'],
  env: {
    ...process.env,
    SERIALKIT_API_KEY: apiKey,
    SERIALKIT_STORE_KEY: storeKey,
    SERIALKIT_VERIFY_SECRET: verifySecret,
    SERIALKIT_SHOPIFY_SECRET: shopifySecret,
  },
});

let banner = false;
let buffered = '';
server.stdout.setEncoding('utf8');
server.stdout.on('data', (chunk) => {
  if (banner) return process.stdout.write(chunk);
  buffered += chunk;
  const newline = buffered.indexOf('\n}');
  if (newline === -1) return;
  banner = true;
  const { url } = JSON.parse(buffered.slice(0, newline + 2));
  printBanner(url);
});

function printBanner(url) {
  const s = demo.samples;
  const rc = s.returnCheck;
  console.log(`
${bold('serialkit demo')} is running at ${bold(`${url}/`)}
  storefront   ${url}/   (${relative(root, storefront)}${existsSync(bundle) ? ', widget at /assets/serial-lookup.js' : ''})
  console      ${existsSync(consoleBundle) ? `${url}/admin   (sign in with the admin key below)` : '(the widget did not build: no console)'}
  API docs     ${url}/v1/openapi.json
  admin key    ${apiKey}   (in .data/admin-key; the store protocol key is in .data/store-key)
  database     ${relative(root, db)}  (${demo.units.toLocaleString('en')} units; delete .data/ to reseed)

Serials to try in the storefront (or: curl -X POST ${url}/v1/verify -H 'content-type: application/json' -d '{"input":"…"}'):
  genuine      ${s.genuine}
  recalled     ${s.recalled}
  unknown      ${s.unknown}
  mistyped     ${s.mistyped}   (letter O for a zero: the storefront suggests the fix)
  wrong digit  ${s.wrongDigit}   (the check digit catches it before anything is sent)
  typed loose  ${s.loose}   (lower case, spaces: still genuine)
  gift card    ${s.giftCard}

Return check: order ${rc.orderId}, email ${rc.email}, serial ${rc.serial}

Admin API, e.g.:
  curl -H 'authorization: Bearer ${apiKey}' ${url}/v1/serials/${encodeURIComponent(s.traced)}/trace
  npm start -w @serialkit/example-merchant-backend   (every workflow through the API)

Press Ctrl-C to stop.
`);
}

// Ctrl-C reaches the child too (same process group); wait for it to close the database.
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.kill(signal);
  });
}
server.on('exit', (code, signal) => {
  if (!banner && code)
    console.error(
      `The server stopped (exit ${code}). Is port ${port} free? Try PORT=8788 npm start.`,
    );
  process.exit(stopping || signal ? 0 : (code ?? 0));
});
