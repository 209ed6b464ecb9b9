/**
 * What a user installs is what works: `npm pack` of @serialkit/core, @serialkit/node-client and
 * the `serialkit` package, installed into an empty folder, runs `serialkit demo`, `lookup` and
 * `serve`, and the SDK loads from ESM and CommonJS. The install prefers npm's cache (which holds
 * every dependency after `npm ci`) and skips install scripts: better-sqlite3's native module is
 * the one this machine already compiled for this Node (same version, from the lockfile), copied
 * in, so the test does not spend a minute and a half compiling it again.
 */
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const PACKAGES = ['packages/core', 'packages/node-client', 'packages/serialkit'];

let dir: string;
let app: string;
const bin = () => join(app, 'node_modules', '.bin', 'serialkit');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'serialkit-pack-'));
  const tarballs = PACKAGES.map((pkg) => {
    const out = execFileSync(
      'npm',
      ['pack', '--ignore-scripts', '--json', '--pack-destination', dir],
      { cwd: join(ROOT, pkg), encoding: 'utf8' },
    );
    return join(dir, (JSON.parse(out) as { filename: string }[])[0]!.filename);
  });
  app = join(dir, 'app');
  mkdirSync(app);
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({ name: 'fresh-app', private: true, type: 'module' }),
  );
  execFileSync(
    'npm',
    ['install', '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund', ...tarballs],
    { cwd: app, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const native = join('node_modules', 'better-sqlite3', 'build', 'Release');
  mkdirSync(join(app, native), { recursive: true });
  copyFileSync(join(ROOT, native, 'better_sqlite3.node'), join(app, native, 'better_sqlite3.node'));
}, 180_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('`serialkit demo` and `lookup` run from the installed packages', () => {
  const env = { ...process.env, NO_COLOR: '1' };
  execFileSync(bin(), ['demo', '--db', 'demo.db', '--units', '2000'], { cwd: app, env });
  const lookup = JSON.parse(
    execFileSync(bin(), ['lookup', 'SN-2024-0000016', '--db', 'demo.db', '--json'], {
      cwd: app,
      env,
      encoding: 'utf8',
    }),
  );
  expect(lookup.record).toMatchObject({ sku: 'HP-200', serial: 'SN-2024-0000016' });
}, 120_000);

test('`serialkit serve` answers over HTTP from the installed packages', async () => {
  const child = spawn(bin(), ['serve', '--db', 'demo.db', '--port', '0', '--json'], {
    cwd: app,
    env: { ...process.env, NO_COLOR: '1', SERIALKIT_VERIFY_SECRET: 'pack-install-test-secret' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    let out = '';
    child.stdout!.setEncoding('utf8');
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout!.on('data', (chunk: string) => {
        out += chunk;
        const match = /"url":\s*"([^"]+)"/.exec(out);
        if (match) resolve(match[1]!);
      });
      let err = '';
      child.stderr!.setEncoding('utf8');
      child.stderr!.on('data', (chunk: string) => {
        err += chunk;
      });
      child.once('exit', (code) => reject(new Error(`serve exited (${code}): ${out}${err}`)));
    });
    const verify = await fetch(`${url}/v1/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ input: 'sn 2024 0000016' }),
    });
    expect(verify.status).toBe(200);
    expect(((await verify.json()) as { status: string }).status).toBe('genuine');
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  }
}, 60_000);

test('the SDK loads from ESM and CommonJS in the installed app', () => {
  writeFileSync(
    join(app, 'check.mjs'),
    `import { createSerialClient, memoryStore } from '@serialkit/node-client';
import { createServiceClient } from '@serialkit/node-client/service';
import { compileFormat } from '@serialkit/core';
const client = createSerialClient({ store: memoryStore() });
await client.skus.update('A', { name: 'A', serialTracking: { enabled: true, format: 'A-{D:3}' } });
await client.serials.register('A', ['A-001']);
console.log(JSON.stringify({
  status: (await client.serials.lookup('A-001')).record.status,
  service: typeof createServiceClient,
  format: compileFormat('A-{D:3}').hint,
}));
`,
  );
  writeFileSync(
    join(app, 'check.cjs'),
    `const { createSerialClient, memoryStore } = require('@serialkit/node-client');
const { compileFormat } = require('@serialkit/core');
console.log(JSON.stringify({ client: typeof createSerialClient, store: typeof memoryStore, hint: compileFormat('A-{D:3}').hint }));
`,
  );
  const esm = JSON.parse(
    execFileSync(process.execPath, ['check.mjs'], { cwd: app, encoding: 'utf8' }),
  );
  expect(esm).toMatchObject({ status: 'in_stock', service: 'function' });
  const cjs = JSON.parse(
    execFileSync(process.execPath, ['check.cjs'], { cwd: app, encoding: 'utf8' }),
  );
  expect(cjs).toMatchObject({ client: 'function', store: 'function', hint: esm.format });
});
