/**
 * `npm test` for the widget: the bundle budget, the browser tests in headless Chromium, then the
 * end-to-end tests (the storefront and the merchant console) against the real service. Writes the
 * pass and fail counts of every test run to `.test-results/summary.json`, which the workspace's
 * `npm test` adds up.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cwd = fileURLToPath(new URL('..', import.meta.url));
const results = `${cwd}.test-results`;
mkdirSync(results, { recursive: true });

const read = (file) =>
  existsSync(`${results}/${file}`) ? JSON.parse(readFileSync(`${results}/${file}`, 'utf8')) : {};

function run(name, command, args) {
  console.log(`\n▶ ${name}`);
  const { status } = spawnSync(command, args, { cwd, stdio: 'inherit' });
  return status === 0;
}

function finish(ok) {
  const browser = read('browser.json');
  const runs = [browser, read('e2e.json'), read('e2e-console.json')];
  const sum = (key) => runs.reduce((total, run) => total + (run[key] ?? 0), 0);
  const total = { passed: sum('passed'), failed: sum('failed'), skipped: sum('skipped') };
  writeFileSync(`${results}/summary.json`, `${JSON.stringify(total)}\n`);
  process.exit(ok ? 0 : 1);
}

for (const file of ['browser.json', 'e2e.json', 'e2e-console.json'])
  writeFileSync(`${results}/${file}`, '{}\n');
if (!run('bundle size and tree-shaking', process.execPath, ['scripts/check-size.mjs']))
  finish(false);
if (!run('browser tests (headless Chromium)', 'npx', ['wtr'])) finish(false);
const storefront = run('end-to-end: storefront against the service', process.execPath, [
  'test-e2e/storefront.e2e.mjs',
]);
const merchantConsole = run('end-to-end: merchant console against the service', process.execPath, [
  'test-e2e/console.e2e.mjs',
]);
finish(storefront && merchantConsole);
